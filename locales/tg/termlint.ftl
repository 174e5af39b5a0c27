# Паёмҳои интерфейси termlint, забони тоҷикӣ (хатти кириллӣ).
# Шиносаҳо ва тағйирёбандаҳо ҳамон тавре ки дар en-US/termlint.ftl; `cargo test` онҳоро месанҷад.
# Истилоҳоти иқтибосшуда ($found, $expected, $chosen…) айнан ҳамон тавре ки навишта шудаанд, меоянд.
# Пас аз шумора исм дар шакли танҳо меояд: «2 хато», «5 файл».

language-name = Тоҷикӣ

## Дараҷаи аҳамият (калимаи аввали ҳар паём)

severity-error = хато
severity-warning = огоҳӣ
severity-info = маълумот

## Бозёфтҳо

finding-deprecated = «{ $found }» навишти тавсиянашавандаи { $concept } аст
finding-admitted = «{ $found }» навиштаи иҷозатдодаи { $concept } аст; дар ин ҷо танҳо шакли афзалиятноки «{ $preferred }» истифода мешавад
finding-case = «{ $found }» бо ҳарфҳои хурду калони нодуруст навишта шудааст; дар луғат: «{ $expected }»
finding-inconsistent = «{ $found }» навишти дигари { $concept } аст; дар ин ҳуҷҷат «{ $chosen }» навишта мешавад (бори аввал дар сатри { NUMBER($line, useGrouping: "false") }, сутуни { NUMBER($column, useGrouping: "false") })
finding-inconsistent-project = «{ $found }» навишти дигари { $concept } аст; дар ин лоиҳа «{ $chosen }» навишта мешавад (бори аввал дар { $path }, сатри { NUMBER($line, useGrouping: "false") }, сутуни { NUMBER($column, useGrouping: "false") }; { $counts })
finding-inconsistent-undecided = «{ $found }» навиштаҳои { $concept }-ро омехта мекунад ({ $counts }), ҳеҷ яке аз дигаре бештар нест: шакли афзалиятноки «{ $chosen }»-ро нависед
finding-inconsistent-target = Матни аслии «{ $other }» дар { $segments } сегмент бо { $versions } тарз тарҷума шудааст; ин яке: «{ $found }»
finding-inconsistent-source = «{ $found }» тарҷумаи { $versions } матни аслии гуногун дар { $segments } сегмент аст; матни аслии ин яке: «{ $other }»
finding-other-language = «{ $found }» шакли { $concept } барои забони { $form-language } аст; барои забони ин матн дар луғат: «{ $expected }»
finding-orthography = «{ $found }» бо ҳарфҳое ғайр аз ҳарфҳои «{ $expected }»-и луғат навишта шудааст ({ $concept })
segment-place = { $path }:{ NUMBER($line, useGrouping: "false") }:{ NUMBER($column, useGrouping: "false") } (сегменти { $segment }), варианти { $version }: «{ $text }»
segment-place-unnamed = { $path }:{ NUMBER($line, useGrouping: "false") }:{ NUMBER($column, useGrouping: "false") }, варианти { $version }: «{ $text }»
finding-unlisted = «{ $found }» ба навишти { $concept } монанд аст, ки дар луғат нест (навишти наздиктарини луғат: «{ $nearest }», эътимод { $confidence }%)
finding-unused-suppression = «{ $found }» ҳеҷ чизро пинҳон намекунад
finding-missing-term = дар матни асл «{ $source-term }» ({ $concept }) ҳаст, вале дар тарҷума ягон шакли он нест; «{ $expected }» интизор меравад
finding-untranslated-term = «{ $found }» бо забони асл мондааст ({ $concept }); дар забони тарҷума «{ $expected }» аст
finding-in-segment = { $message } (сегменти { $segment })
finding-help = «{ $suggestion }» нависед
finding-help-missing = дар тарҷума бояд «{ $suggestion }» бошад
concept-name = { $ui-form } ({ $document-form })

## Хулоса

summary = { $findings ->
        [0] бозёфт нест
       *[other] { $findings } бозёфт
    } ({ $errors } хато, { $warnings } огоҳӣ{ $infos ->
        [0] {""}
       *[other] , { $infos } маълумот
    }) дар { $files } файл{ $unreadable ->
        [0] {""}
       *[other] ; { $unreadable } файл санҷида нашуд
    }

## Файлҳое, ки санҷида нашуданд

file-not-found = { $path }: чунин файл ё ҷузвдон нест
file-unreadable = { $path }: хонда намешавад: { $reason }
file-binary = { $path }: файли дуӣ (байтҳои NUL дорад), санҷида нашуд
file-utf16 = { $path }: матни UTF-16 (нишонаи тартиби байтҳо); termlint UTF-16-ро танҳо дар файлҳои TMX ва XLIFF ва танҳо дуруст мехонад, санҷида нашуд
file-not-regular = { $path }: файли оддӣ нест (канал, дастгоҳ ё сокет), хонда нашуд
file-invalid-utf8 = { $path }: UTF-8-и дуруст нест (аввалин байти нодуруст дар сатри { NUMBER($line, useGrouping: "false") }, сутуни { NUMBER($column, useGrouping: "false") }), санҷида нашуд
file-malformed = { $path }:{ NUMBER($line, useGrouping: "false") }:{ NUMBER($column, useGrouping: "false") }: дар формати худ хонда намешавад: { $detail }; санҷида нашуд

## Сабаби хато ҳангоми хондан

io-not-found = чунин файл ё ҷузвдон нест
io-permission-denied = иҷозати дастрасӣ нест
io-invalid-utf8 = UTF-8-и дуруст нест
io-other = { $detail }
io-not-regular = файли оддӣ нест (канал, дастгоҳ ё сокет)
io-too-large = аз { $limit } калонтар аст, ки ҳадди ин навъи файлҳост (онро { $variable } муқаррар мекунад)

## Хатоҳои луғат
# $detail паёми худи таҳлилгари TOML (бо забони англисӣ) аст.

glossary-unreadable = { $location }: луғатро хондан мумкин нест: { $reason }
glossary-empty-folder = { $location }: дар ҷузвдони луғат ягон файли луғат (.toml, .tbx, .csv, .tsv, .xlsx ё .ods) нест
glossary-syntax = { $location }: { $detail }
glossary-bad-id = { $location }: шиносаи мафҳум «{ $id }» нодуруст аст (ҳарфҳо, рақамҳо, «-», «_», «.» ё «:» истифода баред)
glossary-duplicate-id = { $location }: шиносаи мафҳум «{ $id }» аллакай дар { $first } истифода шудааст
glossary-bad-language = { $location }: «{ $tag }» тамғаи забонии дурусти BCP 47 нест
glossary-missing-preferred = { $location }: мафҳуми «{ $concept }» барои забони «{ $language }» истилоҳи авлотар надорад
glossary-no-terms = { $location }: мафҳуми «{ $concept }» ягон истилоҳ надорад
glossary-empty-term = { $location }: истилоҳи холӣ дар мафҳуми «{ $concept }»
glossary-control-character = { $location }: яке аз истилоҳоти мафҳуми «{ $concept }» аломати идоракунандаи { $character } дорад; истилоҳ як сатри матн бе аломатҳои идоракунанда аст
glossary-deprecated-and-recommended = { $location }: истилоҳи «{ $term }» аз мафҳуми «{ $concept }» барои забони «{ $language }» ҳам тавсиянашаванда ва ҳам { $status ->
        [preferred] авлотар
       *[admitted] ҷоиз
    } аст ({ $other })
glossary-too-large = луғат барои тартиб додан аз ҳад калон аст: { $detail }
glossary-conflict = { $location }: истилоҳи «{ $term }» аз мафҳуми «{ $concept }» пас аз муқаррарсозӣ бо истилоҳи «{ $other-term }» аз мафҳуми «{ $other-concept }» якхела мешавад ({ $other })

## Хатоҳои танзимот (termlint.toml)
# $detail паёми худи таҳлилгари TOML ё китобхонаи қолибҳо (бо забони англисӣ) аст.

config-unreadable = { $location }: файли танзимотро хондан мумкин нест: { $reason }
config-syntax = { $location }: { $detail }
config-bad-language = { $location }: «{ $tag }» тамғаи забонии дурусти BCP 47 нест
config-bad-glob = { $location }: қолиби роҳи «{ $glob }» нодуруст аст: { $detail }
config-unknown-check = { $location }: санҷиши номаълум «{ $check }» (санҷишҳо: { $checks })
config-unknown-severity = { $location }: дараҷаи номаълуми аҳамият «{ $severity }» (error, warning, info ё off истифода баред)

## Хатоҳои фармон

error-bad-language = «{ $tag }» тамғаи забонии дурусти BCP 47 нест
error-glossary-not-found = дар луғат мафҳум ё истилоҳи «{ $query }» нест
error-write-stdout = ба бурунди стандартӣ навиштан мумкин нест: { $reason }

## glossary list / show

glossary-list-header = { $count } мафҳум
glossary-show-concept = Мафҳуми { $id }: { $name }
glossary-show-kind = навъ: { $kind }
glossary-show-domain = соҳа: { $domain }
glossary-show-note = эзоҳ: { $note }
glossary-show-source = манбаъ: { $source }
glossary-show-defined = ҷои муайянкунӣ: { $location }
glossary-status-preferred = авлотар
glossary-status-admitted = ҷоиз
glossary-status-deprecated = тавсиянашаванда
glossary-flag-case-sensitive = ҳассос ба ҳарфҳои хурду калон
glossary-flag-acronym = ихтисора
glossary-flag-short = шакли кӯтоҳ
glossary-flag-translation = тарҷума
glossary-flag-original = номи аслӣ

## Навъи мафҳум

kind-person = шахс
kind-organization = созмон
kind-media = расона
kind-place = макон
kind-term = истилоҳ
kind-event = рӯйдод

## Роҳнамои сатри фармон (termlint --help)

cli-usage-heading = Истифода:
cli-commands-heading = Фармонҳо
cli-arguments-heading = Аргументҳо
cli-options-heading = Параметрҳо
cli-about = Номҳо ва истилоҳоти матнро бо луғати бисёрзабона месанҷад
cli-check-about = Санҷиши файлҳо, ҷузвдонҳо ё вуруди стандартӣ (-) бо луғат
cli-glossary-about = Дидани луғат
cli-glossary-list-about = Рӯйхати ҳамаи мафҳумҳо: шиноса, навъ ва ном
cli-glossary-show-about = Нишон додани як мафҳум аз рӯи шиноса ё ҳар истилоҳи он бо ҳар навишт
cli-arg-ui-lang = Забони паёмҳои termlint (нигаред ба --list-ui-langs; пешфарз: аз TERMLINT_UI_LANG, LC_ALL, LC_MESSAGES ё LANG)
cli-arg-list-ui-langs = Рӯйхати забонҳои паёмҳои termlint
cli-arg-paths = Файлҳо ё ҷузвдонҳо барои санҷиш; - вуруди стандартист (пешфарз: ҷузвдони ҷорӣ)
cli-arg-lang = Забони ҳуҷҷатҳо (BCP 47), агар termlint.toml онро барои роҳ муайян накунад (пешфарз: en)
cli-arg-format = Формати бурунд: human, json, jsonl (JSON Lines: ҳар ёфта дар як сатр), sarif, github (фармонҳо барои GitHub Actions), checkstyle, usage (истифодаи ҳар шакл дар файлҳо, барои `merge`) ё html (як саҳифаи мустақил) (пешфарз: human)
cli-arg-glossary = Файли луғат (.toml, .tbx, .csv, .tsv, .xlsx ё .ods) ё ҷузвдони чунин файлҳо (якчанд бор додан мумкин); ба луғати дарунсохт илова мешавад
cli-arg-no-default-glossary = Луғати дарунсохти termlint истифода нашавад
cli-arg-no-cache = Луғатҳои калон аз нав компилятсия шаванд, на аз кэши луғатҳои компилятсияшуда хонда шаванд
cli-arg-config = Ба ҷои ҷустуҷӯи termlint.toml ин файли танзимот истифода шавад
cli-arg-no-config = Ҳар гуна termlint.toml нодида гирифта шавад
cli-arg-id-or-term = Шиносаи мафҳум ё истилоҳ
cli-arg-help = Нишон додани роҳнамо
cli-arg-version = Нишон додани версия

## glossary test and suggest

example-not-flagged = { $location }: мисоли «{ $concept }» бояд огоҳӣ гирад, вале намегирад: { $text }
example-flagged = { $location }: мисоли «{ $concept }» набояд огоҳӣ гирад, вале { $checks } мегирад: { $text }
examples-summary = { $tested } мисол санҷида шуд; { $failed ->
        [0] ҳама дурустанд
       *[other] { $failed } мисол нодуруст аст
    }
cli-glossary-test-about = Санҷиши ҳамаи ҷумлаҳои мисоли луғат (рамзи баромад 1, агар яке нодуруст бошад)
cli-glossary-suggest-about = Ёфтани навиштҳои гуногуни номҳо дар корпус ва чопи онҳо ҳамчун TOML-и луғат
cli-glossary-terms-about = Мафҳумҳои луғатномае, ки файлҳо истифода мебаранд, бо шаклҳо ва шумораашон, ва истилоҳҳои номзаде, ки дар луғатнома нестанд, ҳамчун CSV ё TBX
cli-arg-unlisted-threshold = Эътимоде (аз 0 то 1), ки барои огоҳии unlisted лозим аст (пешфарз: 0,75)
cli-arg-consistency = Якрангиро дар ҳар ҳуҷҷат ё дар тамоми лоиҳа санҷидан: document ё project (пешфарз: document)
cli-arg-fail-on = Дараҷаи камтарини аҳамият, ки санҷишро ноком мекунад (рамзи 1): error, warning ё info (пешфарз: fail_on дар termlint.toml, вагарна error)
cli-arg-strict = Агар ҷумлаи мисоли луғат чунон ки гуфта шудааст рафтор накунад, бо хато (рамзи 2) анҷом ёбад
config-bad-threshold = { $location }: қимати unlisted_threshold { $value } дар байни 0 ва 1 нест
config-unknown-scope = { $location }: доираи номаълуми якрангӣ «{ $scope }» (document ё project истифода баред)
config-override-without-condition = { $location }: ҷадвали [[overrides]] бояд files, languages ё ҳардуро дошта бошад
config-unknown-fail-on = { $location }: дараҷаи номаълуми аҳамияти fail_on «{ $value }» (error, warning ё info истифода баред)
error-bad-threshold = қимати --unlisted-threshold { $value } дар байни 0 ва 1 нест
cli-arg-source-lang = Забони матни асли файлҳои дузабона, агар худи файл онро нагӯяд (пешфарз: en)
cli-arg-target-lang = Забони тарҷумаи файлҳои дузабона, агар худи файл онро нагӯяд (пешфарз: забони ҳуҷҷат)
cli-arg-format-in = Хондани файлҳои воридотӣ дар ин формат, новобаста аз пасванд: md, txt, html, xliff, tmx, po, ftl, tsv ё csv
error-unknown-format = формати номаълуми воридот «{ $format }» (md, txt, html, xliff, tmx, po, ftl, tsv ё csv истифода баред)

## Fixes

cli-arg-fix = Огоҳиҳои deprecated, inconsistent ва case-ро дар худи файлҳо ислоҳ кардан (навишти атомӣ; файле, ки дар диск тағйир ёфтааст, дастнахӯрда мемонад)
cli-arg-fix-unlisted = Бо --fix ё --diff навиштҳои unlisted-ро низ ислоҳ кардан
error-fix-unlisted-alone = --fix-unlisted танҳо бо --fix ё --diff кор мекунад
cli-arg-diff = Дар бурунди стандартӣ танҳо diff-и ягонаи ислоҳҳоро бе навиштан нишон додан; бозёфтҳо ба ҷараёни стандартии хатоҳо мераванд
fix-changed-on-disk = { $path }: пас аз хондан дар диск тағйир ёфтааст; ислоҳ нашуд
fix-write-failed = { $path }: ислоҳ навишта нашуд ({ $reason }); файл тағйир наёфтааст
fix-damaged = { $path }: файлро дар ҷояш аз нав навиштан нашуд ({ $reason }) ва матни пешинаро баргардондан ҳам нашуд: файлро санҷед; тамоми матни ислоҳшуда дар { $copy } аст
fix-skipped-overlap = { $path }: ислоҳ дар байтҳои { NUMBER($start, useGrouping: "false") }–{ NUMBER($end, useGrouping: "false") } бо ислоҳи пешина бархӯрд дорад ва гузаронида шуд; --fix-ро боз иҷро кунед
fix-summary = { $fixed } огоҳӣ дар { $files } файл ислоҳ шуд
cli-arg-report-unused-suppressions = Дар бораи дастурҳои termlint-disable, ки ҳеҷ чизро пинҳон намекунанд, хабар додан
cli-arg-preferred-only = Навиштаҳои иҷозатдодаро низ гузориш деҳ, бо шакли афзалиятнок барои ислоҳ (санҷиши admitted)
cli-arg-skip-locked = Сегментҳои дар барномаи тарҷума қулфшударо (Trados, memoQ) сарфи назар кун
cli-arg-only-unconfirmed = Танҳо сегментҳоеро санҷ, ки дар барномаи тарҷума ҳанӯз тасдиқ нашудаанд

## init

cli-init-about = Дар ҷузвдони ҷорӣ навиштани termlint.toml ва луғати ибтидоӣ ва нишон додани порчаи pre-commit
init-config-comment = Танзимоти termlint: фасли «Configuration»-и README-ро бинед.
    Роҳҳо нисбат ба ҳамин файл нишон дода мешаванд.
init-glossary-comment = Луғати шумо: барои ҳар ном як [[concept]] бо шаклҳояш дар ҳар забон.
    Санҷиш: termlint glossary test
init-wrote = { $path } навишта шуд
init-kept = { $path } аллакай ҳаст ва дастнахӯрда монд
init-failed = { $path }-ро навиштан ғайриимкон аст: { $reason }
init-symlink = { $path } пайванди рамзӣ аст ва termlint init тавассути пайвандҳо чизе намэнависад
init-pre-commit = Барои иҷро кардани termlint пеш аз ҳар commit инро ба .pre-commit-config.yaml илова кунед:

## Мубодилаи луғат: файлҳои TBX ва CSV/TSV (glossary import / export, --glossary)
# $detail тавсифи худи таҳлилгари XML ё CSV аст (бо забони англисӣ).

glossary-xml = { $location }: XML-и дурустсохт нест: { $detail }
glossary-xml-unclosed = { $location }: унсури <{ $element }> ҳеҷ гоҳ баста намешавад
glossary-xml-entity-declaration = { $location }: файл дар DOCTYPE-и худ муҳтавоҳо (entity) эълон мекунад; termlint ҳеҷ гоҳ муҳтавоҳоро во намекунад ва чунин файлро намехонад
glossary-xml-undefined-entity = { $location }: муҳтавои номаълуми «&{ $name };» (танҳо &lt; &gt; &amp; &apos; &quot; ва истинодҳои аломатӣ хонда мешаванд; ҳеҷ чиз во карда намешавад)
glossary-not-tbx = { $location }: файли TBX нест: унсури решагӣ <{ $root }> аст, на <martif> ё <tbx>
glossary-tbx-namespace = { $location }: унсури <tbx> дар фазои номи «{ $namespace }» аст, на urn:iso:std:iso:30042:ed-2
glossary-csv = { $location }: { $detail }
glossary-csv-no-language = { $location }: ягон сутуни сарлавҳа забонро ном намебарад (тегҳои BCP 47 нависед, масалан en, ru, fa)
glossary-workbook = { $location }: китоби корӣ хонда намешавад: { $detail }
glossary-sheet-no-language = { $location }: варақи «{ $sheet }»: ягон сутуни сатри сарлавҳа (аз катаки { $cell }) забонро ном намебарад (тегҳои BCP 47 нависед, масалан en, ru, fa)
glossary-sheet-cell = { $location }: варақи «{ $sheet }», катаки { $cell }: { $detail }

# $what унсури XML ё категорияи маълумот аст, ҳамон тавре ки дар файл навишта шудааст, масалан descrip type="context".
import-dropped = { $path }: партофта шуд, дар луғат барои он ҷой нест: { $what } ({ $count } бор)
import-promoted = { $location }: мафҳуми «{ $concept }» дар «{ $language }» истилоҳи авлотар надорад; истилоҳи ҷоизи «{ $term }» авлотар мешавад
import-demoted = { $location }: мафҳуми «{ $concept }» дар «{ $language }» якчанд истилоҳи авлотар дорад; «{ $term }» ҷоиз мешавад
import-only-deprecated = { $location }: мафҳуми «{ $concept }» дар «{ $language }» танҳо истилоҳҳои тавсиянашаванда дорад; он забон партофта шуд
import-no-languages = { $location }: барои мафҳуми «{ $concept }» ягон забон намонд; он партофта шуд
import-renamed = { $location }: «{ $original }» барои termlint шиносаи дурусти мафҳум нест; мафҳум акнун «{ $concept }» ном дорад
import-summary = { $path }: { $count } мафҳум ворид карда шуд
error-import-format = формати «{ $path }»-ро аз пасвандаш муайян кардан мумкин нест (.tbx, .csv, .tsv, .xlsx, .ods ё .toml истифода баред)
error-write-file = навиштани «{ $path }» мумкин нест: { $reason }
cli-glossary-import-about = Табдил додани луғати TBX ё CSV/TSV ба TOML-и termlint ва номбар кардани он чи нигоҳ дошта нашуд
cli-glossary-export-about = Навиштани луғат ҳамчун TBX-Basic (TBX v3), CSV ё TSV
cli-arg-import-file = Луғате, ки бояд табдил дода шавад: .tbx, .csv, .tsv, .xlsx ё .ods
cli-arg-export-to = Формати навиштан: tbx, csv ё tsv
cli-arg-terms-format = Формати рӯйхати истилоҳҳо: csv (пешфарз) ё tbx
cli-arg-min-count = Ибора чанд бор бояд ояд, то истилоҳи номзад шавад (пешфарз 2)
cli-arg-output = Ба ҷои бурунди стандартӣ ба ин файл навиштан
cli-arg-files-from = Роҳҳои санҷишро, ҳар кадом дар як сатр, аз ин файл хондан (- барои вуруди стандартӣ)
error-files-from = рӯйхати роҳҳои { $path } хонда нашуд: { $reason }
error-bad-size-limit = қимати «{ $value }» барои { $variable } андоза нест (шумораи байтҳо ё андозае монанди «512 MiB» нависед)

## Сервери забон (termlint lsp)

cli-lsp-about = Сервери забонро барои муҳаррирҳо тавассути вуруд ва бурунди стандартӣ оғоз кардан
cli-arg-stdio = Мубодилаи паёмҳо тавассути вуруд ва бурунди стандартӣ (сервер роҳи дигар надорад; ин парчам қабул мешавад, зеро муҳаррирҳо онро мефиристанд)
lsp-fix-title = «{ $found }»-ро бо «{ $replacement }» иваз кардан
lsp-malformed = ин ҳуҷҷат дар формати худ хонда намешавад ва санҷида нашуд: { $detail }
lsp-load-failed = termlint луғат ё танзимотро бор карда наметавонад, бинобар ин ҳуҷҷатҳое, ки ба онҳо вобастаанд, санҷида намешаванд: { $errors }
lsp-reload-failed = termlint луғат ё танзимотро аз нав бор карда наметавонад ва ҳамон нусхаи пешинаро истифода мебарад: { $errors }
## Форматҳои бурунд, --quiet, --statistics ва рафти санҷиш

# Тавсифи яксатраи ҳар санҷиш барои рӯйхати қоидаҳои SARIF.
finding-rule-deprecated = Навишти тавсиянашавандаи истилоҳи луғат истифода шудааст
finding-rule-inconsistent = Дар як ҳуҷҷат (ё лоиҳа) якчанд навишти як мафҳум омехта шудааст
finding-rule-case = Истилоҳе, ки ҳарфҳои хурду калонаш муҳиманд, бо ҳарфҳои дигар навишта шудааст
finding-rule-unlisted = Навишти номи луғат, ки дар луғат нест
finding-rule-missing-term = Истилоҳи матни асл дар тарҷума мувофиқ надорад
finding-rule-untranslated-term = Дар тарҷума шакли истилоҳ бо забони асл мондааст
finding-rule-unused-suppression = Дастури termlint-disable ҳеҷ чизро пинҳон намекунад
finding-rule-admitted = Навиштаи иҷозатдода, дар ҷое ки танҳо шакли афзалиятнок истифода мешавад
finding-rule-inconsistent-target = Як сегменти аслӣ бо тарзҳои гуногун тарҷума шудааст
finding-rule-inconsistent-source = Ба сегментҳои аслии гуногун як тарҷума дода шудааст
finding-rule-other-language = Шакле, ки танҳо барои забони дигар омадааст, дар ҳоле ки забони матн шакли худро дорад
finding-rule-orthography = Шакли луғат, ки бо ҳарфҳое навишта шудааст, ки забонаш онҳоро фарқ мекунад
# Сарлавҳаҳои ҷадвалҳои --statistics; ҳар сатр шумора ва шиноса аст.
summary-statistics-checks = Бозёфтҳо аз рӯи санҷиш:
summary-statistics-concepts = Бозёфтҳо аз рӯи мафҳум:
summary-statistics-count = { $count }
# Матни нишондиҳандаи рафти санҷиши дарахти калони файлҳо.
summary-progress = { $done } аз { $total } файл, { $kilobytes } КБ
cli-arg-quiet = Танҳо бозёфтҳо чоп шаванд: бе хулоса ва бе нишондиҳандаи рафти кор (дар бораи файлҳое, ки санҷида нашуданд, ба ҳар ҳол дар ҷараёни стандартии хатоҳо хабар дода мешавад)
cli-arg-statistics = Пас аз бозёфтҳо шумораи онҳоро барои ҳар санҷиш ва ҳар мафҳум чоп кунад

cli-merge-about = Ҷамъи истифодаи шаклҳо, ки `check --format usage` дар қисмҳои лоиҳа шумурдааст, барои `check --project-usage`
cli-arg-project-usage = Якхелагиро бо истифодаи шаклҳо дар тамоми лоиҳа санҷидан (файле, ки `termlint merge` навиштааст)
cli-arg-usage-files = Файлҳои истифода (`-` ё ҳеҷ: вуруди стандартӣ)
error-usage-alone = --format usage истифодаи шаклҳоро мешуморад ва чизе гузориш намедиҳад: бо --fix, --diff, --project-usage ва --statistics кор намекунад
error-usage-file = файли истифодаи { $path } хонда нашуд: { $reason }
error-usage-line = { $path }, сатри { $line }: сатри истифодаи шакл нест: { $reason }
warning-usage-unknown-forms = огоҳӣ: { $count } шакли истифодаи лоиҳа дар ин луғат нест (бо луғати дигар шумурда шудааст?) ва партофта шуд

## HTML report (--format html)

html-title = Гузориши termlint
html-filter-all = ҳама
html-filter-check = Санҷиш
html-filter-concept = Мафҳум
html-filter-severity = Дараҷа
html-concepts = Мафҳумҳо
html-concept-column = Мафҳум
html-forms-column = Шаклҳои ёфтшуда
html-files-column = Файлҳо
html-times = ×{ $count }
html-document-findings = { $findings } бозёфт
html-lines-left-out = { $lines } сатр нишон дода нашуд
html-no-findings = Бозёфт нест.
html-errors = Файлҳое, ки санҷида нашуданд
