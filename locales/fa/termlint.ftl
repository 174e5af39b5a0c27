# پیام‌های رابط termlint، فارسی.
# شناسه‌ها و متغیرها همان‌های en-US/termlint.ftl است؛ `cargo test` آن‌ها را می‌سنجد.
# اصطلاحات نقل‌شده ($found، $expected، $chosen، …) همان‌گونه که نوشته شده‌اند می‌آیند.
# عددها با رقم‌های فارسی نوشته می‌شوند (قالب‌بندی termlint)؛ پس از عدد، اسم مفرد می‌آید.

language-name = فارسی

## سطح اهمیت (نخستین واژهٔ هر پیام)

severity-error = خطا
severity-warning = هشدار
severity-info = نکته

## یافته‌ها

finding-deprecated = «{ $found }» نگارش منسوخ { $concept } است
finding-admitted = «{ $found }» نگارشی پذیرفته از { $concept } است؛ اینجا فقط صورت ترجیحی «{ $preferred }» به کار می‌رود
finding-case = «{ $found }» با بزرگی و کوچکی نادرست حروف نوشته شده است؛ در واژه‌نامه: «{ $expected }»
finding-inconsistent = «{ $found }» نگارش دیگری از { $concept } است؛ این سند «{ $chosen }» را به کار برده است (نخستین بار در سطر { NUMBER($line, useGrouping: "false") }، ستون { NUMBER($column, useGrouping: "false") })
finding-inconsistent-project = «{ $found }» نگارش دیگری از { $concept } است؛ این پروژه «{ $chosen }» را به کار برده است (نخستین بار در { $path }، سطر { NUMBER($line, useGrouping: "false") }، ستون { NUMBER($column, useGrouping: "false") }؛ { $counts })
finding-inconsistent-undecided = «{ $found }» نگارش‌های { $concept } را درهم می‌آمیزد ({ $counts })، و هیچ‌یک بیشتر از دیگری نیامده است: صورت ترجیحی «{ $chosen }» را بنویسید
finding-inconsistent-target = متن مبدأ «{ $other }» به { $versions } شیوه در { $segments } بخش ترجمه شده است؛ این یکی: «{ $found }»
finding-inconsistent-source = «{ $found }» ترجمهٔ { $versions } متن مبدأ گوناگون در { $segments } بخش است؛ مبدأ این یکی: «{ $other }»
finding-other-language = «{ $found }» صورت { $form-language } از { $concept } است؛ صورت زبان این متن در واژه‌نامه: «{ $expected }»
finding-orthography = «{ $found }» با حروفی جز حروف «{ $expected }» در واژه‌نامه نوشته شده است ({ $concept })
segment-place = { $path }:{ NUMBER($line, useGrouping: "false") }:{ NUMBER($column, useGrouping: "false") } (بخش { $segment })، نسخهٔ { $version }: «{ $text }»
segment-place-unnamed = { $path }:{ NUMBER($line, useGrouping: "false") }:{ NUMBER($column, useGrouping: "false") }، نسخهٔ { $version }: «{ $text }»
finding-unlisted = «{ $found }» به نظر نگارشی از { $concept } است که در واژه‌نامه نیامده است (نزدیک‌ترین نگارش واژه‌نامه: «{ $nearest }»، اطمینان { $confidence }٪)
finding-unused-suppression = «{ $found }» چیزی را پنهان نمی‌کند
finding-missing-term = متن مبدأ «{ $source-term }» ({ $concept }) را دارد، اما در ترجمه هیچ صورتی از آن نیست؛ «{ $expected }» انتظار می‌رود
finding-untranslated-term = «{ $found }» به زبان مبدأ مانده است ({ $concept })؛ در زبان ترجمه «{ $expected }» است
finding-in-segment = { $message } (بخش { $segment })
finding-help = بنویسید «{ $suggestion }»
finding-help-missing = ترجمه باید «{ $suggestion }» را داشته باشد
concept-name = { $ui-form } ({ $document-form })

## خلاصه

summary = { $findings ->
        [0] بدون یافته
       *[other] { $findings } یافته
    } ({ $errors } خطا، { $warnings } هشدار{ $infos ->
        [0] {""}
       *[other] ، { $infos } نکته
    }) در { $files } فایل{ $unreadable ->
        [0] {""}
       *[other] ؛ { $unreadable } فایل بررسی نشد
    }

## فایل‌هایی که بررسی نشدند

file-not-found = { $path }: چنین فایل یا پوشه‌ای وجود ندارد
file-unreadable = { $path }: خوانده نمی‌شود: { $reason }
file-binary = { $path }: فایل دودویی (دارای بایت NUL)؛ بررسی نشد
file-utf16 = { $path }: متن UTF-16 (نشانهٔ ترتیب بایت)؛ termlint متن UTF-16 را فقط در پرونده‌های TMX و XLIFF، و فقط اگر درست باشد، می‌خواند؛ بررسی نشد
file-not-regular = { $path }: فایل عادی نیست (لوله، دستگاه یا سوکت)؛ خوانده نشد
file-invalid-utf8 = { $path }: UTF-8 معتبر نیست (نخستین بایت نادرست در سطر { NUMBER($line, useGrouping: "false") }، ستون { NUMBER($column, useGrouping: "false") })؛ بررسی نشد
file-malformed = { $path }:{ NUMBER($line, useGrouping: "false") }:{ NUMBER($column, useGrouping: "false") }: در قالب خودش خوانده نمی‌شود: { $detail }؛ بررسی نشد

## علت خطای خواندن

io-not-found = چنین فایل یا پوشه‌ای وجود ندارد
io-permission-denied = اجازهٔ دسترسی وجود ندارد
io-invalid-utf8 = UTF-8 معتبر نیست
io-other = { $detail }
io-not-regular = فایل عادی نیست (لوله، دستگاه یا سوکت)
io-too-large = بزرگ‌تر از { $limit } است، حدِ این نوع فایل ({ $variable } آن را تعیین می‌کند)

## خطاهای واژه‌نامه
# $detail پیام خود تجزیه‌گر TOML (به انگلیسی) است.

glossary-unreadable = { $location }: واژه‌نامه خوانده نمی‌شود: { $reason }
glossary-empty-folder = { $location }: در پوشهٔ واژه‌نامه هیچ فایل واژه‌نامه (TOML، TBX، CSV، TSV، XLSX یا ODS) نیست
glossary-syntax = { $location }: { $detail }
glossary-bad-id = { $location }: شناسهٔ مفهوم «{ $id }» نامعتبر است (فقط حروف، رقم‌ها و «-»، «_»، «.» و «:» مجاز است)
glossary-duplicate-id = { $location }: شناسهٔ مفهوم «{ $id }» پیش‌تر در { $first } به کار رفته است
glossary-bad-language = { $location }: «{ $tag }» برچسب زبانی معتبر BCP 47 نیست
glossary-missing-preferred = { $location }: مفهوم «{ $concept }» برای زبان «{ $language }» اصطلاح ترجیحی ندارد
glossary-no-terms = { $location }: مفهوم «{ $concept }» هیچ اصطلاحی ندارد
glossary-empty-term = { $location }: اصطلاح خالی در مفهوم «{ $concept }»
glossary-control-character = { $location }: یکی از اصطلاحات مفهوم «{ $concept }» نویسهٔ کنترلی { $character } دارد؛ اصطلاح یک سطر متن بدون نویسهٔ کنترلی است
glossary-deprecated-and-recommended = { $location }: اصطلاح «{ $term }» از مفهوم «{ $concept }» برای زبان «{ $language }» هم منسوخ است و هم { $status ->
        [preferred] ترجیحی
       *[admitted] مجاز
    } ({ $other })
glossary-too-large = واژه‌نامه بزرگ‌تر از آن است که کامپایل شود: { $detail }
glossary-conflict = { $location }: اصطلاح «{ $term }» از مفهوم «{ $concept }» پس از یکسان‌سازی با اصطلاح «{ $other-term }» از مفهوم «{ $other-concept }» یکی می‌شود ({ $other })

## خطاهای پیکربندی (termlint.toml)
# $detail پیام خود تجزیه‌گر TOML یا کتابخانهٔ الگوها (به انگلیسی) است.

config-unreadable = { $location }: فایل پیکربندی خوانده نمی‌شود: { $reason }
config-syntax = { $location }: { $detail }
config-bad-language = { $location }: «{ $tag }» برچسب زبانی معتبر BCP 47 نیست
config-bad-glob = { $location }: الگوی مسیر «{ $glob }» نامعتبر است: { $detail }
config-unknown-check = { $location }: بررسی ناشناختهٔ «{ $check }» (بررسی‌ها: { $checks })
config-unknown-severity = { $location }: سطح اهمیت ناشناختهٔ «{ $severity }» (مقدارهای مجاز: error، warning، info و off)

## خطاهای فرمان

error-bad-language = «{ $tag }» برچسب زبانی معتبر BCP 47 نیست
error-glossary-not-found = مفهوم یا اصطلاح «{ $query }» در واژه‌نامه نیست
error-write-stdout = نوشتن در خروجی استاندارد ممکن نیست: { $reason }

## glossary list / show

glossary-list-header = { $count } مفهوم
glossary-show-concept = مفهوم { $id }: { $name }
glossary-show-kind = نوع: { $kind }
glossary-show-domain = حوزه: { $domain }
glossary-show-note = یادداشت: { $note }
glossary-show-source = منبع: { $source }
glossary-show-defined = تعریف‌شده در { $location }
glossary-status-preferred = ترجیحی
glossary-status-admitted = مجاز
glossary-status-deprecated = منسوخ
glossary-flag-case-sensitive = حساس به بزرگی و کوچکی حروف
glossary-flag-acronym = سرواژه
glossary-flag-short = صورت کوتاه
glossary-flag-translation = ترجمه
glossary-flag-original = نام اصلی

## نوع مفهوم

kind-person = شخص
kind-organization = سازمان
kind-media = رسانه
kind-place = مکان
kind-term = اصطلاح
kind-event = رویداد

## راهنمای خط فرمان (termlint --help)

cli-usage-heading = کاربرد:
cli-commands-heading = فرمان‌ها
cli-arguments-heading = آرگومان‌ها
cli-options-heading = گزینه‌ها
cli-about = نام‌ها و اصطلاحات متن را با یک واژه‌نامهٔ چندزبانه بررسی می‌کند
cli-check-about = بررسی فایل‌ها، پوشه‌ها یا ورودی استاندارد (-) با واژه‌نامه
cli-glossary-about = مشاهدهٔ واژه‌نامه
cli-glossary-list-about = فهرست همهٔ مفهوم‌ها: شناسه، نوع و نام
cli-glossary-show-about = نمایش یک مفهوم با شناسه یا با هر یک از اصطلاحاتش به هر نگارشی
cli-arg-ui-lang = زبان پیام‌های termlint (نگاه کنید به --list-ui-langs؛ پیش‌فرض: از TERMLINT_UI_LANG، LC_ALL، LC_MESSAGES یا LANG)
cli-arg-list-ui-langs = فهرست زبان‌های پیام‌های termlint
cli-arg-paths = فایل‌ها یا پوشه‌هایی که بررسی می‌شوند؛ - یعنی ورودی استاندارد (پیش‌فرض: پوشهٔ کنونی)
cli-arg-lang = زبان سندها (BCP 47)، مگر آنکه termlint.toml زبان مسیر را تعیین کند (پیش‌فرض: en)
cli-arg-format = قالب خروجی: human، json، jsonl (JSON Lines: هر یافته در یک سطر)، sarif، github (فرمان‌های GitHub Actions)، checkstyle، usage (کاربرد هر صورت در پرونده‌ها، برای `merge`) یا html (یک صفحهٔ خودبسنده) (پیش‌فرض: human)
cli-arg-glossary = فایل واژه‌نامه (TOML، TBX، CSV، TSV، XLSX یا ODS) یا پوشه‌ای از این فایل‌ها (تکرارپذیر)؛ به واژه‌نامهٔ داخلی افزوده می‌شود
cli-arg-no-default-glossary = واژه‌نامهٔ داخلی termlint به کار نرود
cli-arg-no-cache = واژه‌نامه‌های بزرگ از نو کامپایل شوند و حافظهٔ نهان واژه‌نامه‌های کامپایل‌شده خوانده نشود
cli-arg-config = به‌جای جست‌وجوی termlint.toml از این فایل پیکربندی استفاده شود
cli-arg-no-config = هر termlint.toml نادیده گرفته شود
cli-arg-id-or-term = شناسهٔ یک مفهوم یا یک اصطلاح
cli-arg-help = نمایش راهنما
cli-arg-version = نمایش نسخه

## glossary test and suggest

example-not-flagged = { $location }: نمونهٔ «{ $concept }» باید هشدار بگیرد اما نمی‌گیرد: { $text }
example-flagged = { $location }: نمونهٔ «{ $concept }» نباید هشدار بگیرد اما { $checks } می‌گیرد: { $text }
examples-summary = { $tested } نمونه آزموده شد؛ { $failed ->
        [0] همه درست‌اند
       *[other] { $failed } نمونه نادرست است
    }
cli-glossary-test-about = آزمودن همهٔ جمله‌های نمونهٔ واژه‌نامه (کد خروج ۱ اگر یکی نادرست باشد)
cli-glossary-suggest-about = یافتن نگارش‌های گوناگون نام‌ها در یک پیکره و چاپ آن‌ها به صورت TOML واژه‌نامه
cli-glossary-terms-about = مفهوم‌های واژه‌نامه که پرونده‌ها به کار می‌برند، با صورت‌ها و شمارشان، و اصطلاح‌های نامزدی که در واژه‌نامه نیستند، به صورت CSV یا TBX
cli-arg-unlisted-threshold = اطمینانی (از ۰ تا ۱) که یافتهٔ unlisted لازم دارد (پیش‌فرض: ۰٫۷۵)
cli-arg-consistency = سنجش یکدستی در هر سند یا در کل پروژه: document یا project (پیش‌فرض: document)
cli-arg-fail-on = کمترین سطح اهمیتی که اجرا را ناموفق می‌کند (کد ۱): error، warning یا info (پیش‌فرض: fail_on در termlint.toml، وگرنه error)
cli-arg-strict = اگر جملهٔ نمونه‌ای از واژه‌نامه چنان که گفته است رفتار نکند، با خطا (کد ۲) پایان یابد
config-bad-threshold = { $location }: مقدار unlisted_threshold ({ $value }) میان ۰ و ۱ نیست
config-unknown-scope = { $location }: دامنهٔ ناشناختهٔ یکدستی «{ $scope }» (مقدارهای مجاز: document و project)
config-override-without-condition = { $location }: جدول [[overrides]] باید files یا languages یا هر دو را داشته باشد
config-unknown-fail-on = { $location }: سطح اهمیت ناشناختهٔ fail_on «{ $value }» (مقدارهای مجاز: error، warning و info)
error-bad-threshold = مقدار --unlisted-threshold ({ $value }) میان ۰ و ۱ نیست
cli-arg-source-lang = زبان متن مبدأ پرونده‌های دوزبانه، اگر خود پرونده آن را نگوید (پیش‌فرض: en)
cli-arg-target-lang = زبان ترجمهٔ پرونده‌های دوزبانه، اگر خود پرونده آن را نگوید (پیش‌فرض: زبان سند)
cli-arg-format-in = خواندن ورودی‌ها در این قالب، هر پسوندی که داشته باشند: md، txt، html، xliff، tmx، po، ftl، tsv یا csv
error-unknown-format = قالب ورودی ناشناخته «{ $format }» (مقدارهای مجاز: md، txt، html، xliff، tmx، po، ftl، tsv و csv)

## Fixes

cli-arg-fix = یافته‌های deprecated، inconsistent و case را در خود پرونده‌ها اصلاح کن (نوشتن اتمی؛ پرونده‌ای که روی دیسک تغییر کرده دست‌نخورده می‌ماند)
cli-arg-fix-unlisted = همراه با --fix یا --diff، نگارش‌های unlisted را هم اصلاح کن
error-fix-unlisted-alone = گزینهٔ --fix-unlisted تنها همراه با --fix یا --diff به کار می‌رود
cli-arg-diff = فقط diff یکپارچهٔ اصلاح‌ها در خروجی استاندارد نشان داده شود، بی‌آنکه چیزی نوشته شود؛ یافته‌ها به خروجی خطای استاندارد می‌روند
fix-changed-on-disk = { $path }: پس از خواندن روی دیسک تغییر کرده است؛ اصلاح نشد
fix-write-failed = { $path }: اصلاح نوشته نشد ({ $reason })؛ پرونده تغییری نکرده است
fix-damaged = { $path }: بازنویسی پرونده در جای خود ناموفق بود ({ $reason }) و برگرداندن متن پیشین هم ناموفق بود: پرونده را بررسی کنید؛ متن اصلاح‌شده به‌طور کامل در { $copy } است
fix-skipped-overlap = { $path }: اصلاحی در بایت‌های { NUMBER($start, useGrouping: "false") } تا { NUMBER($end, useGrouping: "false") } با اصلاح پیشین هم‌پوشانی دارد و کنار گذاشته شد؛ --fix را دوباره اجرا کنید
fix-summary = { $fixed } یافته در { $files } پرونده اصلاح شد
cli-arg-report-unused-suppressions = گزارش دستورهای termlint-disable که چیزی را پنهان نمی‌کنند
cli-arg-preferred-only = نگارش‌های پذیرفته را هم گزارش کن، با صورت ترجیحی برای اصلاح (بررسی admitted)
cli-arg-skip-locked = بخش‌هایی را که در ابزار ترجمه قفل شده‌اند (Trados، memoQ) کنار بگذار
cli-arg-only-unconfirmed = فقط بخش‌هایی را بررسی کن که در ابزار ترجمه هنوز تأیید نشده‌اند

## init

cli-init-about = نوشتن termlint.toml و واژه‌نامهٔ آغازین در پوشهٔ کنونی و چاپ تکهٔ پیکربندی pre-commit
init-config-comment = پیکربندی termlint: بخش «Configuration» در README را ببینید.
    مسیرها نسبت به همین پرونده‌اند.
init-glossary-comment = واژه‌نامهٔ شما: برای هر نام یک [[concept]] با صورت‌هایش در هر زبان.
    آزمودن آن: termlint glossary test
init-wrote = { $path } نوشته شد
init-kept = { $path } از پیش وجود دارد و دست‌نخورده ماند
init-failed = نوشتن { $path } ممکن نیست: { $reason }
init-symlink = { $path } پیوند نمادین است و termlint init از راه پیوندها چیزی نمی‌نویسد
init-pre-commit = برای اجرای termlint پیش از هر commit، این را به .pre-commit-config.yaml بیفزایید:

## تبادل واژه‌نامه: فایل‌های TBX و CSV/TSV (glossary import / export، --glossary)
# $detail توضیح خودِ تجزیه‌گر XML یا CSV است (به انگلیسی).

glossary-xml = { $location }: XML خوش‌ساخت نیست: { $detail }
glossary-xml-unclosed = { $location }: عنصر <{ $element }> هرگز بسته نمی‌شود
glossary-xml-entity-declaration = { $location }: فایل در DOCTYPE خود موجودیت تعریف می‌کند؛ termlint هرگز موجودیت‌ها را باز نمی‌کند و چنین فایلی را نمی‌خواند
glossary-xml-undefined-entity = { $location }: موجودیت ناشناختهٔ «&{ $name };» (فقط &lt; &gt; &amp; &apos; &quot; و ارجاع‌های نویسه‌ای خوانده می‌شوند؛ هیچ چیز باز نمی‌شود)
glossary-not-tbx = { $location }: فایل TBX نیست: عنصر ریشه <{ $root }> است، نه <martif> یا <tbx>
glossary-tbx-namespace = { $location }: عنصر <tbx> در فضای نام «{ $namespace }» است، نه urn:iso:std:iso:30042:ed-2
glossary-csv = { $location }: { $detail }
glossary-csv-no-language = { $location }: هیچ ستونی از سرستون‌ها نام یک زبان نیست (برچسب‌های BCP 47 مانند en، ru، fa بنویسید)
glossary-workbook = { $location }: کتاب کار خوانده نمی‌شود: { $detail }
glossary-sheet-no-language = { $location }: برگهٔ «{ $sheet }»: هیچ ستونی از ردیف سرستون (از خانهٔ { $cell }) نام یک زبان نیست (برچسب‌های BCP 47 مانند en، ru، fa بنویسید)
glossary-sheet-cell = { $location }: برگهٔ «{ $sheet }»، خانهٔ { $cell }: { $detail }

# $what یک عنصر XML یا ردهٔ داده است، همان‌گونه که در فایل نوشته شده، مانند descrip type="context".
import-dropped = { $path }: کنار گذاشته شد، واژه‌نامه جایی برای آن ندارد: { $what } ({ $count } بار)
import-promoted = { $location }: مفهوم «{ $concept }» در «{ $language }» اصطلاح ترجیحی ندارد؛ اصطلاح مجاز «{ $term }» ترجیحی می‌شود
import-demoted = { $location }: مفهوم «{ $concept }» در «{ $language }» چند اصطلاح ترجیحی دارد؛ «{ $term }» مجاز می‌شود
import-only-deprecated = { $location }: مفهوم «{ $concept }» در «{ $language }» فقط اصطلاح منسوخ دارد؛ آن زبان کنار گذاشته شد
import-no-languages = { $location }: برای مفهوم «{ $concept }» هیچ زبانی نماند؛ کنار گذاشته شد
import-renamed = { $location }: «{ $original }» شناسهٔ معتبری برای مفهوم در termlint نیست؛ مفهوم اکنون «{ $concept }» نام دارد
import-summary = { $path }: { $count } مفهوم وارد شد
error-import-format = قالب «{ $path }» را نمی‌توان از پسوندش تشخیص داد (پسوند tbx، csv، tsv، xlsx، ods یا toml به کار ببرید)
error-write-file = نوشتن «{ $path }» ممکن نیست: { $reason }
cli-glossary-import-about = تبدیل واژه‌نامهٔ TBX یا CSV/TSV به TOML ‏termlint و فهرست کردن آنچه نگه داشته نشد
cli-glossary-export-about = نوشتن واژه‌نامه به صورت TBX-Basic ‏(TBX v3)، CSV یا TSV
cli-arg-import-file = واژه‌نامه‌ای که باید تبدیل شود: فایل TBX، CSV، TSV، XLSX یا ODS
cli-arg-export-to = قالب خروجی: tbx، csv یا tsv
cli-arg-terms-format = قالب فهرست اصطلاح‌ها: csv (پیش‌فرض) یا tbx
cli-arg-min-count = چند بار یک عبارت باید بیاید تا اصطلاح نامزد باشد (پیش‌فرض ۲)
cli-arg-output = نوشتن در این فایل به جای خروجی استاندارد
cli-arg-files-from = مسیرهای بررسی را، هر کدام در یک سطر، از این پرونده بخوان (- برای ورودی استاندارد)
error-files-from = فهرست مسیرهای { $path } خوانده نشد: { $reason }
error-bad-size-limit = مقدار «{ $value }» برای { $variable } اندازه نیست (تعداد بایت یا اندازه‌ای مانند «512 MiB» بنویسید)

## سرور زبان (termlint lsp)

cli-lsp-about = اجرای سرور زبان برای ویرایشگرها از راه ورودی و خروجی استاندارد
cli-arg-stdio = گفت‌وگو از راه ورودی و خروجی استاندارد (سرور راه دیگری ندارد؛ این گزینه پذیرفته می‌شود چون ویرایشگرها آن را می‌فرستند)
lsp-fix-title = «{ $found }» با «{ $replacement }» جایگزین شود
lsp-malformed = این سند در قالب خودش خوانده نمی‌شود و بررسی نشد: { $detail }
lsp-load-failed = termlint نمی‌تواند واژه‌نامه یا پیکربندی را بار کند، پس سندهایی که به آن‌ها وابسته‌اند بررسی نمی‌شوند: { $errors }
lsp-reload-failed = termlint نمی‌تواند واژه‌نامه یا پیکربندی را دوباره بار کند و همان نسخهٔ پیشین را به کار می‌برد: { $errors }
## قالب‌های خروجی، --quiet، --statistics و پیشرفت کار

# توضیح یک‌خطی هر بررسی، برای فهرست قاعده‌های SARIF.
finding-rule-deprecated = نگارش منسوخ یکی از اصطلاحات واژه‌نامه به کار رفته است
finding-rule-inconsistent = یک سند (یا پروژه) چند نگارش از یک مفهوم را با هم به کار برده است
finding-rule-case = اصطلاحی که بزرگی و کوچکی حروفش مهم است با حروف دیگری نوشته شده است
finding-rule-unlisted = نگارشی از یک نام واژه‌نامه که در واژه‌نامه نیامده است
finding-rule-missing-term = اصطلاحی از متن مبدأ در ترجمه معادلی ندارد
finding-rule-untranslated-term = ترجمه صورت اصطلاح را به زبان مبدأ نگه داشته است
finding-rule-unused-suppression = یک دستور termlint-disable چیزی را پنهان نمی‌کند
finding-rule-admitted = نگارشی پذیرفته، جایی که فقط صورت ترجیحی به کار می‌رود
finding-rule-inconsistent-target = یک بخش مبدأ به شیوه‌های گوناگون ترجمه شده است
finding-rule-inconsistent-source = بخش‌های مبدأ گوناگون یک ترجمه دارند
finding-rule-other-language = صورتی که تنها برای زبانی دیگر آمده، در حالی که زبان متن صورت خود را دارد
finding-rule-orthography = صورتی از واژه‌نامه که با حروفی نوشته شده که زبانش از هم جدا می‌کند
# سرعنوان جدول‌های --statistics؛ هر سطر یک شمار و یک شناسه است.
summary-statistics-checks = یافته‌ها بر پایهٔ بررسی:
summary-statistics-concepts = یافته‌ها بر پایهٔ مفهوم:
summary-statistics-count = { $count }
# متن نوار پیشرفت هنگام بررسی یک درخت بزرگ از فایل‌ها.
summary-progress = { $done } از { $total } فایل، { $kilobytes } کیلوبایت
cli-arg-quiet = فقط یافته‌ها چاپ شوند: بی خلاصه و بی نوار پیشرفت (فایل‌هایی که بررسی‌شدنی نیستند همچنان در خروجی خطای استاندارد گزارش می‌شوند)
cli-arg-statistics = پس از یافته‌ها، شمار آن‌ها برای هر بررسی و هر مفهوم چاپ شود

cli-merge-about = جمع کاربردهای صورت‌ها که `check --format usage` در بخش‌های یک پروژه شمرده است، برای `check --project-usage`
cli-arg-project-usage = سنجش یکدستی با کاربرد صورت‌ها در کل پروژه (پرونده‌ای که `termlint merge` نوشته است)
cli-arg-usage-files = پرونده‌های کاربرد (`-` یا هیچ: ورودی استاندارد)
error-usage-alone = گزینهٔ --format usage کاربرد صورت‌ها را می‌شمارد و چیزی گزارش نمی‌کند: با --fix، --diff، --project-usage و --statistics به کار نمی‌رود
error-usage-file = پروندهٔ کاربرد { $path } خوانده نشد: { $reason }
error-usage-line = { $path }، سطر { $line }: سطر کاربرد صورت نیست: { $reason }
warning-usage-unknown-forms = هشدار: { $count } صورت از کاربردهای پروژه در این واژه‌نامه نیست (با واژه‌نامهٔ دیگری شمرده شده؟) و کنار گذاشته شد

## HTML report (--format html)

html-title = گزارش termlint
html-filter-all = همه
html-filter-check = بررسی
html-filter-concept = مفهوم
html-filter-severity = شدت
html-concepts = مفهوم‌ها
html-concept-column = مفهوم
html-forms-column = صورت‌های یافته‌شده
html-files-column = فایل‌ها
html-times = ×{ $count }
html-document-findings = { $findings } یافته
html-lines-left-out = { $lines } سطر نشان داده نشده است
html-no-findings = یافته‌ای نیست.
html-errors = فایل‌هایی که بررسی نشدند
