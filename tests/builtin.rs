//! The shipped glossary on texts of its domain: the README's example, the
//! negative cases, and the seed article (read from ../shared: without it the
//! test is ignored, see build.rs).

mod common;

use std::path::Path;

use common::*;

fn check_builtin(cwd: &Path, args: &[&str]) -> (std::process::Output, serde_json::Value) {
    let output = termlint(cwd)
        .args(["check", "--no-config", "--format", "json"])
        .args(args)
        .output()
        .unwrap();
    let json = parse_json(&output);
    (output, json)
}

#[test]
fn the_readme_example_gets_the_findings_an_editor_would_give() {
    let (output, json) = check_builtin(&fixtures().join("example"), &["briefing.md"]);
    assert_eq!(
        summarize(&json),
        [
            "inconsistent 3:15-3:37 «Abu Hudhaifa al-Ansari» -> Abu Hudhayfah al-Ansari",
            "case 6:20-6:24 «Iskp» -> ISKP",
            // The outlet's Uzbek name quoted beside its English one is no mix.
            "inconsistent 9:69-9:77 «Khurasan» -> Khorasan",
            "unlisted 11:55-11:70 «Qasim Sulaimani» -> Qassem Soleimani",
        ]
    );
    assert_eq!(code(&output), 1);
    let text = std::fs::read_to_string(fixtures().join("example/briefing.md")).unwrap();
    assert_spans_slice(&text, &json);
}

#[test]
fn deprecated_spellings_in_the_shipped_glossary() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Jalalabat officials spoke of Moslem pilgrims at Shakhcherag.\n";
    std::fs::write(dir.path().join("a.txt"), text).unwrap();
    let (output, json) = check_builtin(dir.path(), &["a.txt"]);
    let checks: Vec<String> = summarize(&json);
    assert_eq!(checks.len(), 3, "{checks:?}");
    assert!(checks.iter().all(|c| c.starts_with("deprecated ")), "{checks:?}");
    assert_eq!(code(&output), 1);
}

#[test]
fn different_people_and_places_with_similar_names_are_not_flagged() {
    let dir = tempfile::tempdir().unwrap();
    let text = concat!(
        "Abu Hafs al-Hashimi al-Qurashi is not Abu Hudhayfah al-Ansari.\n",
        "Kermanshah is not Kerman, and an Israeli official spoke in Tehran.\n",
        "The ship was late, and there are many ships.\n"
    );
    std::fs::write(dir.path().join("a.txt"), text).unwrap();
    let (output, json) = check_builtin(dir.path(), &["a.txt"]);
    assert_clean(&output, &json, 1);
}

#[test]
fn a_russian_text_is_checked_with_russian_forms() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("ru.txt"),
        "Касем Сулеймани был убит в 2020 году.\n",
    )
    .unwrap();
    let (output, json) = check_builtin(dir.path(), &["--lang", "ru", "ru.txt"]);
    assert_clean(&output, &json, 1);
}

#[test]
#[cfg_attr(not(shared_data), ignore = "needs ../shared")]
fn the_seed_article_uses_the_glossary_consistently() {
    let article = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seed/article.txt");
    let (output, json) = check_builtin(
        Path::new(env!("CARGO_MANIFEST_DIR")),
        &[article.to_str().unwrap()],
    );
    assert_clean(&output, &json, 1);
}

#[test]
fn unlisted_romanizations_of_shipped_names_are_found_and_look_alikes_are_not() {
    let (output, json) = check_builtin(&fixtures().join("unlisted"), &["news.md"]);
    assert_eq!(
        summarize(&json),
        [
            "unlisted 3:24-3:45 «Abu Huzaifa al-Ansari» -> Abu Hudhayfah al-Ansari",
            "unlisted 4:21-4:45 «Abou Houdheifa el-Ansari» -> Abu Hudhayfah al-Ansari",
            "unlisted 5:41-5:71 «Abu Hafs al-Hashemi al-Qurashi» -> Abu Hafs al-Hashimi al-Qurashi",
            "unlisted 7:26-7:42 «Ghasem Soleimani» -> Qassem Soleimani",
            "unlisted 7:81-7:96 «Qasim Suleimani» -> Qassem Soleimani",
            "unlisted 8:47-8:67 «Seyfullah al-Mojahed» -> Sayfullah al-Mujahid",
            "unlisted 9:39-9:54 «Abdallah Tajiki» -> Abdollah Tajiki",
            "unlisted 11:16-11:27 «Shah Cheraq» -> Shah Cheragh",
            "unlisted 12:8-12:26 «Rahmatulla Nuruzov» -> Rahmatollah Nowruzov",
            "unlisted 13:60-13:69 «Khorassan» -> Khorasan",
            "unlisted 14:15-14:23 «Hizbolla» -> Hezbollah",
        ],
        "the last line (German, Korean, Milestone, Mr. Karman) must stay quiet"
    );
    assert_eq!(code(&output), 0, "unlisted is a warning by default");
    let text = std::fs::read_to_string(fixtures().join("unlisted/news.md")).unwrap();
    assert_spans_slice(&text, &json);
    for finding in json["findings"].as_array().unwrap() {
        let confidence = finding["confidence"]
            .as_f64()
            .expect("unlisted findings carry a confidence");
        assert!((0.75..=1.0).contains(&confidence), "{finding}");
    }
}

#[test]
fn a_longer_unlisted_name_holding_listed_ones_is_found() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.md"),
        "The Islamic State of Khorasan Province claimed it.\n\
         The Islamic State denied it, and Qassem Soleimani Street was renamed.\n\
         The Israel Defence Forces replied; Israel Radio reported it.\n",
    )
    .unwrap();
    let (_, json) = check_builtin(dir.path(), &["a.md"]);
    // Not a longer name: a word before a listed one (`The Islamic
    // State`), a listed name and one word more (`… Soleimani Street`,
    // `Israel Radio`). One listed word is enough when the rest has the
    // longer name's very key (`Israel Defence Forces`).
    assert_eq!(
        summarize(&json),
        [
            "unlisted 1:5-1:39 «Islamic State of Khorasan Province» -> Islamic State Khorasan Province",
            "unlisted 3:5-3:26 «Israel Defence Forces» -> Israel Defense Forces",
        ]
    );
}

#[test]
fn an_unlisted_word_before_a_listed_one_may_open_a_longer_name() {
    // `Rezavi Khorasan` and `Вилоят Хорасан` hold the listed `Khorasan` /
    // `Хорасан` after an unlisted word, and have the very key of `Razavi
    // Khorasan` / `Вилаят Хорасан`. A capitalized word before a listed
    // name (`Northern Khorasan`, `In Khorasan`, `The Islamic State`) does
    // not make a longer name.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("en.md"),
        "Arrests were made in Rezavi Khorasan.\n\n\
         The Islamic State claimed it. Northern Khorasan is dry. In Khorasan, it rained.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("ru.md"),
        "Эксперт заметил, что ИГИЛ Вилоят Хорасан вербует мигрантов.\n",
    )
    .unwrap();
    let (_, json) = check_builtin(dir.path(), &["en.md"]);
    assert_eq!(
        summarize(&json),
        ["unlisted 1:22-1:37 «Rezavi Khorasan» -> Razavi Khorasan"]
    );
    let (_, json) = check_builtin(dir.path(), &["--lang", "ru", "ru.md"]);
    assert_eq!(
        summarize(&json),
        ["unlisted 1:27-1:41 «Вилоят Хорасан» -> Вилаят Хорасан"]
    );
}

#[test]
fn a_name_built_from_another_acronym_of_its_part_is_found() {
    // The shipped glossary lists `ISIS-Khorasan` and `ИГИЛ-Хорасан`, names
    // built from an acronym of the Islamic State: the same names built from
    // its other acronyms are unlisted spellings of them. Acronyms written
    // apart from the place name make no such name.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("en.md"),
        "Recruiters for IS-Khorasan were held.\n\nISIS, Khorasan and the Taliban were named.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("ru.md"),
        "Ответственность взяла группировка ИГ-Хорасан.\n",
    )
    .unwrap();
    let (_, json) = check_builtin(dir.path(), &["en.md"]);
    assert_eq!(
        summarize(&json),
        ["unlisted 1:16-1:27 «IS-Khorasan» -> Islamic State Khorasan Province"]
    );
    assert_eq!(json["findings"][0]["nearest"], "ISIS-Khorasan");
    let (_, json) = check_builtin(dir.path(), &["--lang", "ru", "ru.md"]);
    assert_eq!(
        summarize(&json),
        ["unlisted 1:35-1:45 «ИГ-Хорасан» -> Вилаят Хорасан"]
    );
    assert_eq!(json["findings"][0]["nearest"], "ИГИЛ-Хорасан");
}

#[test]
fn english_plurals_are_mentions_of_their_singular() {
    let dir = tempfile::tempdir().unwrap();
    let text =
        "Shias gathered while other Shi'as stayed home. Moslems, Crusaders and apostates were named.\n";
    std::fs::write(dir.path().join("a.md"), text).unwrap();
    let (_, json) = check_builtin(dir.path(), &["a.md"]);
    assert_eq!(summarize(&json), ["deprecated 1:48-1:55 «Moslems» -> Muslim"]);
    let fixed = termlint(dir.path())
        .args(["check", "--no-config", "--fix", "a.md"])
        .output()
        .unwrap();
    assert!(fixed.status.code().is_some(), "{fixed:?}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("a.md")).unwrap(),
        "Shias gathered while other Shi'as stayed home. Muslims, Crusaders and apostates were named.\n"
    );
}

#[test]
fn terms_without_a_kind_match_only_as_listed() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("terms.toml"),
        "[[concept]]\nid = \"pane\"\n[concept.lang.en]\npreferred = \"TaskPane\"\ndeprecated = [\"Task Pain\"]\n\n\
         [[concept]]\nid = \"shrine\"\nkind = \"place\"\n[concept.lang.en]\npreferred = \"Shah Cheragh\"\ndeprecated = [\"Shah Cherag\"]\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("a.md"),
        "Two Task Pains opened near the Shah Cherags.\n",
    )
    .unwrap();
    let output = json_check_with(dir.path(), "terms.toml")
        .arg("a.md")
        .output()
        .unwrap();
    // A plural of a kindless term (a terminology string) is not matched;
    // one of a place is.
    assert_eq!(
        summarize(&parse_json(&output)),
        ["deprecated 1:32-1:44 «Shah Cherags» -> Shah Cheragh"]
    );
}

#[test]
fn a_listed_russian_name_with_case_endings_inside_is_that_name() {
    let dir = tempfile::tempdir().unwrap();
    // The genitive of the first name (`Касема`, `Хузайфы`) inside a listed
    // full name is that name; a spelling the glossary does not list
    // (`Касыма`) is still an unlisted one, declined or not, and its fix
    // keeps its case (`Касема`).
    let text = "Об убийстве Касема Сулеймани писали. Сторонники Абу Хузайфы аль-Ансари ушли.\n\
                Портрет Касыма Сулеймани висел в зале.\n";
    std::fs::write(dir.path().join("ru.txt"), text).unwrap();
    let (output, json) = check_builtin(dir.path(), &["--lang", "ru", "ru.txt"]);
    assert_eq!(
        summarize(&json),
        ["unlisted 2:9-2:25 «Касыма Сулеймани» -> Касема Сулеймани"],
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let fixed = termlint(dir.path())
        .args([
            "check",
            "--no-config",
            "--lang",
            "ru",
            "--fix",
            "--fix-unlisted",
            "ru.txt",
        ])
        .output()
        .unwrap();
    assert_eq!(code(&fixed), 0, "{}", String::from_utf8_lossy(&fixed.stderr));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("ru.txt")).unwrap(),
        text.replace("Касыма", "Касема")
    );
}

#[test]
fn a_cyrillic_spelling_of_a_name_with_only_latin_forms_is_found() {
    let dir = tempfile::tempdir().unwrap();
    // The concept lists no Russian form: a Russian spelling is compared with
    // its Latin forms, read in Latin. Other people stay quiet.
    let text = "Рахматулла Норузов признал вину.\nРахим Рахимов и Назира Норова дали показания.\n";
    std::fs::write(dir.path().join("ru.txt"), text).unwrap();
    let (output, json) = check_builtin(dir.path(), &["--lang", "ru", "ru.txt"]);
    assert_eq!(
        summarize(&json),
        ["unlisted 1:1-1:19 «Рахматулла Норузов» -> Rahmatollah Nowruzov"],
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let finding = &json["findings"][0];
    assert_eq!(finding["nearest"], "Rakhmatullah Norouzov", "{finding}");
}

#[test]
fn a_declined_unlisted_spelling_is_found_and_its_fix_keeps_the_case() {
    let dir = tempfile::tempdir().unwrap();
    // Compared without their case endings: the instrumental of a name with
    // only Latin forms, and the dative of an unlisted spelling of a name
    // with a Russian form, whose fix is in the dative too.
    let text = "Суд над Рахматуллой Норузовым начался.\nПортрет посвятили Касыму Сулеймани.\n";
    std::fs::write(dir.path().join("ru.txt"), text).unwrap();
    let (output, json) = check_builtin(dir.path(), &["--lang", "ru", "ru.txt"]);
    assert_eq!(
        summarize(&json),
        [
            "unlisted 1:9-1:30 «Рахматуллой Норузовым» -> Rahmatollah Nowruzov",
            "unlisted 2:19-2:35 «Касыму Сулеймани» -> Касему Сулеймани",
        ],
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn a_single_word_name_spelled_with_other_vowels_is_found_in_cyrillic_and_arabic_script() {
    // One word is held to the strictest rule (other vowels, a doubled
    // letter, a final h), now read in every script: Cyrillic vowels are
    // vowels, and Arabic script may leave a long vowel unwritten. The
    // genitive keeps its ending in the fix. Ordinary words and other
    // names of similar letters stay quiet.
    let dir = tempfile::tempdir().unwrap();
    let russian = "Движение Хизбалла заявило о победе.\nПредставитель Хизбаллы выступил.\n\
                   Хозяйка Хабиба Хасбулатова и Хабаровский край.\n";
    std::fs::write(dir.path().join("ru.txt"), russian).unwrap();
    let (output, json) = check_builtin(dir.path(), &["--lang", "ru", "ru.txt"]);
    assert_eq!(
        summarize(&json),
        [
            "unlisted 1:10-1:18 «Хизбалла» -> Хезболла",
            "unlisted 2:15-2:23 «Хизбаллы» -> Хезболлы",
        ],
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let persian = "تاجکستان با ازبکستان مرز دارد.\nتاکستان انگور در دامنه است.\n";
    std::fs::write(dir.path().join("fa.txt"), persian).unwrap();
    let (output, json) = check_builtin(dir.path(), &["--lang", "fa", "fa.txt"]);
    assert_eq!(
        summarize(&json),
        ["unlisted 1:1-1:9 «تاجکستان» -> تاجیکستان"],
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn a_russian_name_of_several_words_is_found_with_every_word_declined() {
    // Russian declines each word of a name: the genitive of an adjective
    // and its noun, a noun before its genitive. A declined mention counts
    // as its term: a mix with another form is reported, without a fix
    // (the form to write would need every word declined alike).
    let dir = tempfile::tempdir().unwrap();
    let text = "Министерство информации Ирана сообщило об арестах.\n\
                В Министерстве информации и национальной безопасности это подтвердили.\n\
                Боевики Исламского государства взяли ответственность.\n\
                Исламская республика и исламского мира слова не упоминаются.\n";
    std::fs::write(dir.path().join("ru.txt"), text).unwrap();
    let (output, json) = check_builtin(dir.path(), &["--lang", "ru", "ru.txt"]);
    assert_eq!(
        summarize(&json),
        ["inconsistent 2:3-2:54 «Министерстве информации и национальной безопасности» -> Министерство информации"],
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(json["findings"][0]["fix"], serde_json::Value::Null);
}

#[test]
fn a_russian_name_joined_by_a_conjunction_is_found_declined() {
    // `Систан и Балучистан` (ч for дж) is one name across the lower-case
    // `и`; declined, its fix keeps the case. `Таджикистан и Кыргызстан`
    // are two listed names, not a longer one; the admitted
    // `Систан-Белуджистан` declined is that mention, not a spelling of the
    // preferred `Систан и Белуджистан`.
    assert_eq!(
        builtin_findings(
            "ru",
            "Взрыв произошёл в провинции Систане и Балучистане.\n\nТаджикистан и Кыргызстан подписали договор. Аресты в Систан-Белуджистане.\n"
        ),
        ["unlisted 1:29-1:50 «Систане и Балучистане» -> Систане и Белуджистане"]
    );
}

#[test]
fn a_declined_listed_name_inside_a_longer_one_is_found() {
    // `Исламского государства` is the listed `Исламское государство`
    // declined; with `Хорасан` it makes a name built like the listed
    // `ИГИЛ-Хорасан`, in the genitive. The listed name alone stays a
    // mention.
    assert_eq!(
        builtin_findings(
            "ru",
            "Заявление Исламского государства Хорасан появилось утром.\n\n\
             Заявление Исламского государства появилось позже.\n"
        ),
        ["unlisted 1:11-1:41 «Исламского государства Хорасан» -> Вилаят Хорасан"]
    );
}

#[test]
fn a_declined_short_word_is_compared_by_its_stem_where_its_concept_is_named() {
    // `Кирмане` is `Кирман` (for `Керман`) in the prepositional: found
    // after `Кермане` names the concept, and fixed in the same case; alone,
    // or as the ordinary word `кармане`, it stays quiet.
    assert_eq!(
        builtin_findings(
            "ru",
            "Взрыв прогремел в Кермане. Позже в Кирмане прошёл митинг.\n"
        ),
        ["unlisted 1:36-1:43 «Кирмане» -> Кермане"]
    );
    assert_eq!(
        builtin_findings("ru", "Позже в Кирмане прошёл митинг. В кармане нашли билет.\n"),
        Vec::<String>::new()
    );
}

#[test]
fn a_persian_spelling_of_a_form_listed_only_in_arabic_is_found() {
    // Al-Qaida has no Persian form: `القاعده` (heh for teh marbuta) is an
    // unlisted spelling of the Arabic `القاعدة`, which itself stays quiet.
    assert_eq!(
        builtin_findings("fa", "گروه القاعده در یمن فعال است.\n"),
        ["unlisted 1:6-1:13 «القاعده» -> القاعدة"]
    );
    assert_eq!(
        builtin_findings("fa", "گروه القاعدة در یمن فعال است.\n"),
        Vec::<String>::new()
    );
}

#[test]
fn a_word_alone_is_judged_again_in_a_document_of_another_language() {
    // Pakistan has no Russian form: `Пакистан` in Russian is an unlisted
    // spelling of it, and in English, where the concept has a form, it is
    // not. One thread reads both documents, the English one first, so the
    // word's verdict, kept for the words that follow, must not carry over
    // to the other language.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("termlint.toml"),
        "language = \"en\"\n[languages]\n\"b.md\" = \"ru\"\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("a.md"), "Пакистан and Iran closed the border.\n").unwrap();
    // Both name Iran, so that both look up short words too.
    std::fs::write(dir.path().join("b.md"), "Пакистан закрыл границу с Ираном.\n").unwrap();
    let output = termlint(dir.path())
        .env("RAYON_NUM_THREADS", "1")
        .args(["check", "--format", "json", "a.md", "b.md"])
        .output()
        .unwrap();
    assert_eq!(
        summarize(&parse_json(&output)),
        ["unlisted 1:1-1:9 «Пакистан» -> Pakistan"]
    );
    let json = parse_json(&output);
    assert_eq!(json["findings"][0]["path"], "b.md");
}

#[test]
fn a_cyrillic_word_is_no_spelling_of_a_form_of_the_documents_language_in_latin() {
    // Pakistan has an English form: in English, a Cyrillic word is compared
    // with it in its own script only.
    assert_eq!(
        builtin_findings("en", "Пакистан and Iran closed the border.\n"),
        Vec::<String>::new()
    );
}
