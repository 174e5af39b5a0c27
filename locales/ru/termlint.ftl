# Сообщения интерфейса termlint, русский язык.
# Идентификаторы и переменные — как в en-US/termlint.ftl; `cargo test` сверяет их.
# Цитируемые термины ($found, $expected, $chosen…) подставляются как написаны.

language-name = Русский

## Уровни важности (первое слово диагностики)

severity-error = ошибка
severity-warning = предупреждение
severity-info = примечание

## Замечания

finding-deprecated = «{ $found }» — нерекомендуемый вариант написания; в глоссарии: { $concept }
finding-admitted = «{ $found }» — допустимый вариант написания ({ $concept }); здесь пишется только предпочтительный «{ $preferred }»
finding-case = «{ $found }» написано с неверным регистром букв; в глоссарии: «{ $expected }»
finding-inconsistent = «{ $found }» — другой вариант написания ({ $concept }); в этом документе принят вариант «{ $chosen }» (впервые — строка { NUMBER($line, useGrouping: "false") }, столбец { NUMBER($column, useGrouping: "false") })
finding-inconsistent-project = «{ $found }» — другой вариант написания ({ $concept }); в этом проекте принят вариант «{ $chosen }» (впервые — { $path }, строка { NUMBER($line, useGrouping: "false") }, столбец { NUMBER($column, useGrouping: "false") }; { $counts })
finding-inconsistent-undecided = «{ $found }» — другой вариант написания ({ $concept }); варианты встречаются одинаково часто ({ $counts }): пишите предпочтительный «{ $chosen }»
finding-inconsistent-target = Исходный текст «{ $other }» переведён по-разному ({ $versions }) в сегментах: { $segments }; здесь: «{ $found }»
finding-inconsistent-source = «{ $found }» — перевод разных исходных текстов ({ $versions }) в сегментах: { $segments }; здесь исходный текст «{ $other }»
finding-other-language = «{ $found }» — форма { $concept } для языка { $form-language }; для языка этого текста в глоссарии: «{ $expected }»
finding-orthography = «{ $found }» написано другими буквами, чем «{ $expected }» в глоссарии ({ $concept })
segment-place = { $path }:{ NUMBER($line, useGrouping: "false") }:{ NUMBER($column, useGrouping: "false") } (сегмент { $segment }), вариант { $version }: «{ $text }»
segment-place-unnamed = { $path }:{ NUMBER($line, useGrouping: "false") }:{ NUMBER($column, useGrouping: "false") }, вариант { $version }: «{ $text }»
finding-unlisted = «{ $found }» похоже на вариант написания, которого нет в глоссарии ({ $concept }; ближайший вариант из глоссария — «{ $nearest }», уверенность { $confidence } %)
finding-unused-suppression = «{ $found }» ничего не подавляет
finding-missing-term = в исходном тексте есть «{ $source-term }» ({ $concept }), а в переводе нет ни одной его формы; ожидается «{ $expected }»
finding-untranslated-term = «{ $found }» оставлено на языке оригинала ({ $concept }); на языке перевода — «{ $expected }»
finding-in-segment = { $message } (сегмент { $segment })
finding-help = замените на «{ $suggestion }»
finding-help-missing = в переводе должно быть «{ $suggestion }»
concept-name = { $ui-form } ({ $document-form })

## Итоговая строка

summary = { $findings ->
        [0] замечаний нет
        [one] { $findings } замечание
        [few] { $findings } замечания
        [many] { $findings } замечаний
       *[other] { $findings } замечания
    } ({ $errors } { $errors ->
        [one] ошибка
        [few] ошибки
        [many] ошибок
       *[other] ошибки
    }, { $warnings } { $warnings ->
        [one] предупреждение
        [few] предупреждения
        [many] предупреждений
       *[other] предупреждения
    }{ $infos ->
        [0] {""}
        [one] , { $infos } примечание
        [few] , { $infos } примечания
        [many] , { $infos } примечаний
       *[other] , { $infos } примечания
    }) в { $files ->
        [one] { $files } файле
       *[other] { $files } файлах
    }{ $unreadable ->
        [0] {""}
        [one] ; не удалось проверить { $unreadable } файл
        [few] ; не удалось проверить { $unreadable } файла
        [many] ; не удалось проверить { $unreadable } файлов
       *[other] ; не удалось проверить { $unreadable } файла
    }

## Файлы, которые не удалось проверить

file-not-found = { $path }: нет такого файла или папки
file-unreadable = { $path }: не удаётся прочитать: { $reason }
file-binary = { $path }: двоичный файл (содержит байты NUL), пропущен
file-utf16 = { $path }: текст в UTF-16 (метка порядка байтов); termlint читает UTF-16 только в файлах TMX и XLIFF и только корректный, пропущен
file-not-regular = { $path }: не обычный файл (канал, устройство или сокет), не читается
file-invalid-utf8 = { $path }: текст не в кодировке UTF-8 (первый неверный байт — строка { NUMBER($line, useGrouping: "false") }, столбец { NUMBER($column, useGrouping: "false") }), пропущен
file-malformed = { $path }:{ NUMBER($line, useGrouping: "false") }:{ NUMBER($column, useGrouping: "false") }: файл не разбирается в своём формате: { $detail }; пропущен

## Причины ошибок чтения

io-not-found = нет такого файла или папки
io-permission-denied = нет прав доступа
io-invalid-utf8 = текст не в кодировке UTF-8
io-other = { $detail }
io-not-regular = не обычный файл (канал, устройство или сокет)
io-too-large = больше { $limit } — предела для таких файлов (его задаёт { $variable })

## Ошибки глоссария
# $detail — сообщение разборщика TOML (на английском).

glossary-unreadable = { $location }: не удаётся прочитать глоссарий: { $reason }
glossary-empty-folder = { $location }: в папке глоссария нет ни одного файла глоссария (.toml, .tbx, .csv, .tsv, .xlsx или .ods)
glossary-syntax = { $location }: { $detail }
glossary-bad-id = { $location }: недопустимый идентификатор понятия «{ $id }» (допустимы буквы, цифры, «-», «_», «.» и «:»)
glossary-duplicate-id = { $location }: идентификатор понятия «{ $id }» уже занят: { $first }
glossary-bad-language = { $location }: «{ $tag }» — недопустимый языковой тег BCP 47
glossary-missing-preferred = { $location }: у понятия «{ $concept }» нет предпочтительного термина для языка «{ $language }»
glossary-no-terms = { $location }: у понятия «{ $concept }» нет ни одного термина
glossary-empty-term = { $location }: пустой термин в понятии «{ $concept }»
glossary-control-character = { $location }: термин понятия «{ $concept }» содержит управляющий символ { $character }; термин — одна строка текста без управляющих символов
glossary-deprecated-and-recommended = { $location }: термин «{ $term }» понятия «{ $concept }» — нерекомендуемый и в то же время { $status ->
        [preferred] предпочтительный
       *[admitted] допустимый
    } для языка «{ $language }» ({ $other })
glossary-too-large = глоссарий слишком велик для компиляции: { $detail }
glossary-conflict = { $location }: термин «{ $term }» понятия «{ $concept }» после нормализации совпадает с термином «{ $other-term }» понятия «{ $other-concept }» ({ $other })

## Ошибки настроек (termlint.toml)
# $detail — сообщение разборщика TOML или библиотеки шаблонов (на английском).

config-unreadable = { $location }: не удаётся прочитать файл настроек: { $reason }
config-syntax = { $location }: { $detail }
config-bad-language = { $location }: «{ $tag }» — недопустимый языковой тег BCP 47
config-bad-glob = { $location }: недопустимый шаблон пути «{ $glob }»: { $detail }
config-unknown-check = { $location }: неизвестная проверка «{ $check }» (проверки: { $checks })
config-unknown-severity = { $location }: неизвестный уровень важности «{ $severity }» (допустимы error, warning, info и off)

## Ошибки вызова

error-bad-language = «{ $tag }» — недопустимый языковой тег BCP 47
error-glossary-not-found = в глоссарии нет понятия или термина «{ $query }»
error-write-stdout = не удаётся записать в стандартный вывод: { $reason }

## glossary list / show

glossary-list-header = { $count ->
        [one] { $count } понятие
        [few] { $count } понятия
        [many] { $count } понятий
       *[other] { $count } понятия
    }
glossary-show-concept = Понятие { $id }: { $name }
glossary-show-kind = тип: { $kind }
glossary-show-domain = предметная область: { $domain }
glossary-show-note = примечание: { $note }
glossary-show-source = источник: { $source }
glossary-show-defined = определено: { $location }
glossary-status-preferred = предпочтительный
glossary-status-admitted = допустимый
glossary-status-deprecated = нерекомендуемый
glossary-flag-case-sensitive = с учётом регистра
glossary-flag-acronym = аббревиатура
glossary-flag-short = краткая форма
glossary-flag-translation = перевод
glossary-flag-original = оригинальное название

## Типы понятий

kind-person = лицо
kind-organization = организация
kind-media = СМИ
kind-place = место
kind-term = термин
kind-event = событие

## Справка командной строки (termlint --help)

cli-usage-heading = Использование:
cli-commands-heading = Команды
cli-arguments-heading = Аргументы
cli-options-heading = Параметры
cli-about = Проверяет имена и термины в тексте по многоязычному глоссарию
cli-check-about = Проверить файлы, папки или стандартный ввод (-) по глоссарию
cli-glossary-about = Просмотреть глоссарий
cli-glossary-list-about = Перечислить все понятия: идентификатор, тип и название
cli-glossary-show-about = Показать понятие по идентификатору или по любому его термину в любом написании
cli-arg-ui-lang = Язык сообщений termlint (см. --list-ui-langs; по умолчанию — из TERMLINT_UI_LANG, LC_ALL, LC_MESSAGES или LANG)
cli-arg-list-ui-langs = Перечислить языки сообщений termlint
cli-arg-paths = Файлы или папки для проверки; - — стандартный ввод (по умолчанию — текущая папка)
cli-arg-lang = Язык документов (BCP 47), если termlint.toml не задаёт его для пути (по умолчанию — en)
cli-arg-format = Формат вывода: human, json, jsonl (JSON Lines: по находке в строке), sarif, github (команды для GitHub Actions), checkstyle, usage (употребление каждой формы в файлах, для `merge`) или html (одна самодостаточная страница) (по умолчанию — human)
cli-arg-glossary = Файл глоссария (.toml, .tbx, .csv, .tsv, .xlsx или .ods) или папка с такими файлами (можно указать несколько раз); дополняет встроенный глоссарий
cli-arg-no-default-glossary = Не использовать встроенный глоссарий termlint
cli-arg-no-cache = Компилировать большие глоссарии заново, не читая кэш скомпилированных глоссариев
cli-arg-config = Использовать этот файл настроек вместо поиска termlint.toml
cli-arg-no-config = Не читать termlint.toml
cli-arg-id-or-term = Идентификатор понятия или термин
cli-arg-help = Показать справку
cli-arg-version = Показать версию

## glossary test and suggest

example-not-flagged = { $location }: пример для «{ $concept }» должен давать замечание, но не даёт: { $text }
example-flagged = { $location }: пример для «{ $concept }» не должен давать замечаний, но даёт { $checks }: { $text }
examples-summary = { $tested ->
        [one] проверен { $tested } пример
        [few] проверено { $tested } примера
       *[other] проверено { $tested } примеров
    }; { $failed ->
        [0] все верны
        [one] { $failed } не выполняется
        [few] { $failed } не выполняются
       *[other] { $failed } не выполняются
    }
cli-glossary-test-about = Проверить все примеры предложений из глоссария (код выхода 1, если какой-либо не выполняется)
cli-glossary-suggest-about = Найти в корпусе варианты написания имён и вывести их в формате TOML для глоссария
cli-glossary-terms-about = Перечислить понятия глоссария, встречающиеся в файлах, с формами и частотой, и термины-кандидаты, которых нет в глоссарии, в CSV или TBX
cli-arg-unlisted-threshold = Уверенность (от 0 до 1), необходимая для замечания unlisted (по умолчанию — 0,75)
cli-arg-consistency = Единообразие в пределах каждого документа или всего проекта: document или project (по умолчанию — document)
cli-arg-fail-on = Наименьший уровень важности замечания, при котором проверка завершается неудачей (код 1): error, warning или info (по умолчанию — fail_on из termlint.toml, иначе error)
cli-arg-strict = Завершаться с ошибкой (код 2), если пример из глоссария ведёт себя не так, как указано
config-bad-threshold = { $location }: значение unlisted_threshold { $value } не лежит в пределах от 0 до 1
config-unknown-scope = { $location }: неизвестная область единообразия «{ $scope }» (допустимы document и project)
config-override-without-condition = { $location }: таблице [[overrides]] нужны files, languages или оба ключа
config-unknown-fail-on = { $location }: неизвестный уровень важности fail_on «{ $value }» (допустимы error, warning и info)
error-bad-threshold = значение --unlisted-threshold { $value } не лежит в пределах от 0 до 1
cli-arg-source-lang = Язык исходного текста двуязычных файлов, если файл его не указывает (по умолчанию — en)
cli-arg-target-lang = Язык перевода двуязычных файлов, если файл его не указывает (по умолчанию — язык документа)
cli-arg-format-in = Читать входные файлы в этом формате независимо от расширения: md, txt, html, xliff, tmx, po, ftl, tsv или csv
error-unknown-format = неизвестный формат входных данных «{ $format }» (допустимы md, txt, html, xliff, tmx, po, ftl, tsv и csv)

## Fixes

cli-arg-fix = Исправить замечания deprecated, inconsistent и case прямо в файлах (атомарная запись; файл, изменившийся на диске, не трогается)
cli-arg-fix-unlisted = Вместе с --fix или --diff исправлять и варианты, которых нет в глоссарии (unlisted)
error-fix-unlisted-alone = --fix-unlisted действует только вместе с --fix или --diff
cli-arg-diff = Вывести в стандартный вывод только унифицированный diff исправлений, ничего не записывая; замечания идут в стандартный поток ошибок
fix-changed-on-disk = { $path }: файл изменился на диске после чтения; не исправлен
fix-write-failed = { $path }: не удалось записать исправление ({ $reason }); файл не изменён
fix-damaged = { $path }: не удалось переписать файл на месте ({ $reason }), и прежний текст вернуть тоже не удалось: проверьте файл; весь исправленный текст — в { $copy }
fix-skipped-overlap = { $path }: исправление в байтах { NUMBER($start, useGrouping: "false") }–{ NUMBER($end, useGrouping: "false") } пересекается с предыдущим и пропущено; запустите --fix ещё раз
fix-summary = { $fixed ->
        [one] исправлено { $fixed } замечание
        [few] исправлено { $fixed } замечания
       *[other] исправлено { $fixed } замечаний
    } в { $files ->
        [one] { $files } файле
       *[other] { $files } файлах
    }
cli-arg-report-unused-suppressions = Сообщать о директивах termlint-disable, которые ничего не подавляют
cli-arg-preferred-only = Сообщать и о допустимых вариантах написания, с предпочтительным в исправлении (проверка admitted)
cli-arg-skip-locked = Пропускать сегменты, заблокированные в программе перевода (Trados, memoQ)
cli-arg-only-unconfirmed = Проверять только сегменты, ещё не подтверждённые в программе перевода

## init

cli-init-about = Записать в текущую папку начальные termlint.toml и глоссарий и показать фрагмент для pre-commit
init-config-comment = Настройки termlint: см. раздел «Configuration» в README termlint.
    Пути указываются относительно этого файла.
init-glossary-comment = Ваш глоссарий: по одному [[concept]] на имя, с его формами для каждого языка.
    Проверка: termlint glossary test
init-wrote = записан файл { $path }
init-kept = файл { $path } уже существует и оставлен без изменений
init-failed = не удалось записать { $path }: { $reason }
init-symlink = { $path } — символическая ссылка, а termlint init не пишет через ссылки
init-pre-commit = Чтобы запускать termlint перед каждым коммитом, добавьте в .pre-commit-config.yaml:

## Обмен глоссариями: файлы TBX и CSV/TSV (glossary import / export, --glossary)
# $detail — описание от разборщика XML или CSV (на английском).

glossary-xml = { $location }: некорректный XML: { $detail }
glossary-xml-unclosed = { $location }: элемент <{ $element }> не закрыт
glossary-xml-entity-declaration = { $location }: в DOCTYPE файла объявлены сущности; termlint никогда не раскрывает сущности и такие файлы не читает
glossary-xml-undefined-entity = { $location }: неизвестная сущность «&{ $name };» (читаются только &lt; &gt; &amp; &apos; &quot; и ссылки на символы; ничего не раскрывается)
glossary-not-tbx = { $location }: это не файл TBX: корневой элемент — <{ $root }>, а не <martif> или <tbx>
glossary-tbx-namespace = { $location }: элемент <tbx> в пространстве имён «{ $namespace }», а не urn:iso:std:iso:30042:ed-2
glossary-csv = { $location }: { $detail }
glossary-csv-no-language = { $location }: ни один столбец заголовка не называет язык (укажите теги BCP 47, например en, ru, fa)
glossary-workbook = { $location }: не удаётся прочитать книгу: { $detail }
glossary-sheet-no-language = { $location }: лист «{ $sheet }»: ни один столбец строки заголовка (с ячейки { $cell }) не называет язык (укажите теги BCP 47, например en, ru, fa)
glossary-sheet-cell = { $location }: лист «{ $sheet }», ячейка { $cell }: { $detail }

# $what — элемент XML или категория данных так, как они записаны в файле, например descrip type="context".
import-dropped = { $path }: пропущено, в глоссарии для этого нет места: { $what } ({ $count ->
        [one] { $count } раз
        [few] { $count } раза
       *[other] { $count } раз
    })
import-promoted = { $location }: у понятия «{ $concept }» нет предпочтительного термина для «{ $language }»; допустимый термин «{ $term }» становится предпочтительным
import-demoted = { $location }: у понятия «{ $concept }» несколько предпочтительных терминов для «{ $language }»; «{ $term }» становится допустимым
import-only-deprecated = { $location }: у понятия «{ $concept }» для «{ $language }» есть только нерекомендуемые термины; этот язык пропущен
import-no-languages = { $location }: у понятия «{ $concept }» не осталось ни одного языка; оно пропущено
import-renamed = { $location }: «{ $original }» не подходит как идентификатор понятия termlint; теперь понятие называется «{ $concept }»
import-summary = { $path }: { $count ->
        [one] импортировано { $count } понятие
        [few] импортировано { $count } понятия
       *[other] импортировано { $count } понятий
    }
error-import-format = по расширению нельзя определить формат «{ $path }» (нужно .tbx, .csv, .tsv, .xlsx, .ods или .toml)
error-write-file = не удаётся записать «{ $path }»: { $reason }
cli-glossary-import-about = Преобразовать глоссарий TBX или CSV/TSV в TOML termlint и перечислить, что сохранить не удалось
cli-glossary-export-about = Записать глоссарий в формате TBX-Basic (TBX v3), CSV или TSV
cli-arg-import-file = Глоссарий для преобразования: .tbx, .csv, .tsv, .xlsx или .ods
cli-arg-export-to = Формат записи: tbx, csv или tsv
cli-arg-terms-format = Формат списка терминов: csv (по умолчанию) или tbx
cli-arg-min-count = Сколько раз фраза должна встретиться, чтобы стать термином-кандидатом (по умолчанию 2)
cli-arg-output = Записать в этот файл, а не в стандартный вывод
cli-arg-files-from = Читать пути для проверки, по одному в строке, из этого файла (- — стандартный ввод)
error-files-from = не удалось прочитать список путей { $path }: { $reason }
error-bad-size-limit = { $variable } = «{ $value }» — это не размер (укажите число байтов или размер вроде «512 MiB»)

## Языковой сервер (termlint lsp)

cli-lsp-about = Запустить языковой сервер для редакторов на стандартном вводе и выводе
cli-arg-stdio = Обмениваться сообщениями через стандартный ввод и вывод (другого способа у сервера нет; флаг принимается, потому что его передают редакторы)
lsp-fix-title = Заменить «{ $found }» на «{ $replacement }»
lsp-malformed = документ не разбирается в своём формате и не проверяется: { $detail }
lsp-load-failed = termlint не может загрузить глоссарий или конфигурацию, поэтому документы, которые от них зависят, не проверяются: { $errors }
lsp-reload-failed = termlint не может заново загрузить глоссарий или конфигурацию и продолжает работать с прежними: { $errors }
## Форматы вывода, --quiet, --statistics и ход проверки

# Однострочные описания проверок для списка правил SARIF.
finding-rule-deprecated = Используется нерекомендуемый вариант написания термина из глоссария
finding-rule-inconsistent = В одном документе (или проекте) смешаны разные варианты написания одного понятия
finding-rule-case = Термин, чувствительный к регистру, написан с другим регистром букв
finding-rule-unlisted = Вариант написания имени из глоссария, которого в глоссарии нет
finding-rule-missing-term = У термина исходного текста нет соответствия в переводе
finding-rule-untranslated-term = В переводе оставлена форма термина на языке оригинала
finding-rule-unused-suppression = Директива termlint-disable ничего не подавляет
finding-rule-admitted = Допустимый вариант написания там, где пишется только предпочтительный
finding-rule-inconsistent-target = Один исходный сегмент переведён по-разному
finding-rule-inconsistent-source = Разные исходные сегменты переведены одинаково
finding-rule-other-language = Форма, указанная только для другого языка, когда у языка текста есть своя
finding-rule-orthography = Форма из глоссария, написанная буквами, которые язык различает
# Заголовки таблиц --statistics; в каждой строке — число и идентификатор.
summary-statistics-checks = Замечания по проверкам:
summary-statistics-concepts = Замечания по понятиям:
summary-statistics-count = { $count }
# Текст индикатора хода проверки большого дерева файлов.
summary-progress = { $done } из { $total } { $total ->
        [one] файла
       *[other] файлов
    }, { $kilobytes } КБ
cli-arg-quiet = Выводить только замечания: без итоговой строки и индикатора хода проверки (о файлах, которые не удалось проверить, по-прежнему сообщается в стандартный поток ошибок)
cli-arg-statistics = После замечаний вывести, сколько их по каждой проверке и каждому понятию

cli-merge-about = Сложить употребления форм, подсчитанные `check --format usage` в частях проекта, для `check --project-usage`
cli-arg-project-usage = Судить о единообразии по употреблению форм во всём проекте (файл, записанный `termlint merge`)
cli-arg-usage-files = Файлы употреблений (`-` или ничего: стандартный ввод)
error-usage-alone = --format usage подсчитывает употребления форм и ни о чём не сообщает: он не сочетается с --fix, --diff, --project-usage и --statistics
error-usage-file = не удалось прочитать файл употреблений { $path }: { $reason }
error-usage-line = { $path }, строка { $line }: это не строка употребления формы: { $reason }
warning-usage-unknown-forms = предупреждение: форм из употреблений проекта, которых нет в этом глоссарии (подсчитаны с другим?), пропущено: { $count }

## HTML report (--format html)

html-title = Отчёт termlint
html-filter-all = все
html-filter-check = Проверка
html-filter-concept = Понятие
html-filter-severity = Важность
html-concepts = Понятия
html-concept-column = Понятие
html-forms-column = Найденные формы
html-files-column = Файлы
html-times = ×{ $count }
html-document-findings = { $findings ->
        [one] { $findings } находка
        [few] { $findings } находки
       *[other] { $findings } находок
    }
html-lines-left-out = { $lines ->
        [one] { $lines } строка не показана
        [few] { $lines } строки не показаны
       *[other] { $lines } строк не показано
    }
html-no-findings = Находок нет.
html-errors = Файлы, которые не удалось проверить
