//! Scores termlint, with its shipped glossary, on the in-repo English
//! evaluation sets `examples/eval/en-names` and `examples/eval/en-names-2`,
//! and on the Russian and Persian sets `examples/eval/ru-names` and
//! `examples/eval/fa-names`
//! (written news prose with attested spellings; see their README.md) using the quality harness's own scoring
//! (`examples/eval/score.rs`). The figures asserted are the ones measured;
//! a change in either direction fails the test, so update them (and the
//! set's README) only on purpose.

#[path = "../examples/eval/score.rs"]
#[allow(dead_code)]
mod score;

use std::path::Path;

fn tally(score: &score::Score, name: &str) -> (usize, usize, usize, usize) {
    let t = score
        .kinds
        .iter()
        .find(|(k, _)| *k == name)
        .map(|(_, t)| t.clone())
        .unwrap();
    (t.hits, t.expected, t.correct, t.findings)
}

/// Scores the set `examples/eval/NAME` against the shipped glossary,
/// printing each kind's figures.
fn score_set(name: &str) -> score::Score {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples/eval")
        .join(name);
    let options = score::Options {
        builtin: true,
        ..score::Options::default()
    };
    let found = score::run(&dir, options);
    let score = score::score(&dir, &found, options);
    for (kind, t) in &score.kinds {
        eprintln!(
            "{name} {kind}: precision {:.3} recall {:.3} ({}/{} expected, {}/{} findings)",
            t.precision(),
            t.recall(),
            t.hits,
            t.expected,
            t.correct,
            t.findings
        );
    }
    score
}

#[test]
fn en_names_set_scores_as_measured() {
    let score = score_set("en-names");
    // (hits, expected, correct findings, findings)
    // deprecated: all 3 deprecated spellings found. (The goddess «Isis», a
    // control, was read as a miscased «ISIS», a `case` finding and an
    // `inconsistent` «Daesh» beside it, until a title-case acronym that is
    // a name of the language counted as that name; this set showed it, so
    // it no longer measures that case blind.)
    assert_eq!(tally(&score, "deprecated"), (3, 3, 3, 3));
    // inconsistent: «IS-Khorasan» found as an unlisted spelling (below).
    // «Norouzof», a
    // surname written alone after «Rahmatollah Norouzof» in a document that
    // also writes two other full forms (none more often), is held to the
    // preferred «Nowruzov» that termlint proposes for all of them; it
    // counted as a false alarm until the set's rule (2026-12-07) let any
    // mention of a mixed group be flagged, as its full forms already were.
    // (Two acronyms offered as alternatives, «IS-KP or ISIS-K», were
    // reported as a mix and counted as two false alarms until alternatives
    // joined by `or` or a slash became glosses; this set showed them.)
    assert_eq!(tally(&score, "inconsistent"), (9, 9, 9, 9));
    // unlisted: «Qassim Soleimani», and «Islamic State of Khorasan
    // Province», a longer unlisted name that opens with the listed
    // «Islamic State» (found since unlisted phrases may hold whole
    // mentions; this set showed the miss, so it no longer measures that
    // case blind). «Da'ish» beside «Daesh», a single word of five letters,
    // found since short words are looked at where the document names the
    // concept, and «IS-Khorasan», built like the listed «ISIS-Khorasan»
    // from another acronym of the Islamic State (this set showed both
    // misses).
    assert_eq!(tally(&score, "unlisted"), (4, 4, 4, 4));
    let (misses, alarms) = misses_and_alarms(&score);
    assert_eq!(misses, Vec::<String>::new());
    assert_eq!(alarms, Vec::<String>::new());
}

/// The findings of a set that miss or go beyond its truth, sorted.
fn misses_and_alarms(score: &score::Score) -> (Vec<String>, Vec<String>) {
    let mut misses: Vec<String> = score
        .misses
        .iter()
        .map(|m| format!("{} {} {}", m.doc, m.kind, m.text))
        .collect();
    misses.sort();
    let mut alarms: Vec<String> = score
        .false_alarms
        .iter()
        .map(|a| format!("{} {} {}", a.doc, a.finding.check.as_str(), a.finding.found))
        .collect();
    alarms.sort();
    (misses, alarms)
}

#[test]
fn en_names_2_set_scores_as_measured() {
    let score = score_set("en-names-2");
    // (hits, expected, correct findings, findings); the set's README has
    // the blind first score and what changed since.
    assert_eq!(tally(&score, "deprecated"), (4, 4, 4, 4));
    // The mixes of acronyms (ISKP … IS-K, GKNB … SCNS) are mixes since the
    // set's rule compares acronyms with acronyms (2026-12-07; they were
    // four false alarms under the first rule, which never counted
    // acronyms), and only the later acronym of each is flagged since the
    // glossary's first acronym settles a tie.
    // «Israel Defence Forces» (one listed word, «Israel», and the rest the
    // term's very key) is found since such a phrase may be a spelling of
    // the longer name; this set showed the miss, so it no longer measures
    // that case blind. Nor «Islamic State in Khorasan Province», found
    // since a lower-case `in` may stand inside a name, as `of` does.
    assert_eq!(tally(&score, "inconsistent"), (18, 18, 9, 9));
    assert_eq!(tally(&score, "unlisted"), (5, 7, 5, 5));
    let (misses, alarms) = misses_and_alarms(&score);
    assert_eq!(
        misses,
        [
            "doc02.txt unlisted_variant Islamic Revolution Guard Corps",
            "doc06.txt unlisted_variant Sistan-Baluchistan",
        ]
    );
    assert_eq!(alarms, Vec::<String>::new());
}

/// The tally of one kind of planted form: (mentions, expected findings,
/// expected found, mentions that should stay quiet but drew a finding).
fn form_tally(name: &str, kind: &str) -> (usize, usize, usize, usize) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples/eval")
        .join(name);
    let options = score::Options {
        builtin: true,
        ..score::Options::default()
    };
    let found = score::run(&dir, options);
    score::by_form(&dir, &found)
        .into_iter()
        .find(|(k, _)| k == kind)
        .map(|(_, t)| (t.mentions, t.expected, t.hits, t.flagged_quiet))
        .unwrap()
}

#[test]
fn ru_names_set_scores_as_measured() {
    // The Russian set (`examples/eval/ru-names`, `lang.txt` = ru): doc01-06
    // scored blind first, doc07-10 (other-language forms, more unlisted
    // spellings) written blind on 2026-12-07 and first scored with unlisted
    // 6/19, overall P 0.917 R 0.591; the single-word rule's Cyrillic vowels
    // came after that first scoring. Its README has the figures.
    let score = score_set("ru-names");
    // No deprecated Russian forms in the glossary, so none planted.
    assert_eq!(tally(&score, "deprecated"), (0, 0, 0, 0));
    // inconsistent: the mixes found are «Шах Чераг» after «Шах-Черах»,
    // «Киргизии» after «Кыргызстана», «Хезболлах» after «Хезболла»,
    // «Исламское сопротивление Ирака» after «… в Ираке», and (as unlisted
    // findings) «Ансар Алла», «мечеть Эль-Акса», «Абу Хафса … аль-Кураиши»,
    // «Систан-Балучистан», and the admitted long name of the ministry
    // declined («Министерстве информации и национальной безопасности»)
    // since every word of a Russian name may take an ending, and «ИГИЛ
    // Вилоят Хорасан» (as the unlisted «Вилоят Хорасан», found since a
    // phrase that opens with an unlisted word may hold a listed one, here
    // «Хорасан»), and «ИГ-Хорасан», built like the listed «ИГИЛ-Хорасан»
    // from another acronym (this set showed both misses). Not found:
    // names written with lower-case words («Комитете национальной
    // безопасности») and a transposition («Кемране»).
    // False alarm: «ИГИЛ»
    // after an «ИГ» in the headline, which the set does not mark, so its
    // rule takes «ИГИЛ» for the document's first acronym.
    assert_eq!(tally(&score, "inconsistent"), (11, 13, 5, 6));
    // unlisted: found also «Хизбалла» twice and «Хизбаллы» (one word, other
    // vowels), «Рахматулла Нурузов» (Latin forms only), and since
    // 2026-12-08 (so not blind) «Систане и Балучистане» (the conjunction
    // «и» inside a name, every word declined) and «Исламского государства
    // Хорасан» (a declined listed name inside a longer one). Not found:
    // other names («Кыргызской Республики», «Исламскому государству Ирака
    // и Леванта», «… провинции Хорасан»), lower-case words, a transposition
    // in one word («Кемране»), an added syllable («Хафсан» for «Хафс»).
    assert_eq!(tally(&score, "unlisted"), (13, 19, 13, 13));
    // Tajik forms in Russian prose: every one found, none wrongly.
    assert_eq!(tally(&score, "other-language"), (12, 12, 12, 12));
    let (_, alarms) = misses_and_alarms(&score);
    assert_eq!(alarms, ["doc06.txt inconsistent ИГИЛ"]);
    // Per kind of planted form: (mentions, expected findings, found,
    // quiet ones flagged).
    assert_eq!(form_tally("ru-names", "preferred"), (59, 0, 0, 0));
    assert_eq!(form_tally("ru-names", "admitted"), (8, 5, 5, 0));
    assert_eq!(form_tally("ru-names", "unlisted"), (19, 19, 13, 0));
    // Acronyms: «ИГИЛ» (the headline «ИГ» is not planted).
    assert_eq!(form_tally("ru-names", "acronym"), (10, 0, 0, 1));
    assert_eq!(form_tally("ru-names", "short"), (3, 0, 0, 0));
    // Names in another script or language beside the Russian one
    // («شاه چراغ», «Shah Cheragh», «Садои Хуросон») stay quiet.
    assert_eq!(form_tally("ru-names", "original"), (4, 0, 0, 0));
    assert_eq!(form_tally("ru-names", "other_language"), (12, 12, 12, 0));
}

#[test]
fn fa_names_set_scores_as_measured() {
    // The Persian set (`examples/eval/fa-names`, `lang.txt` = fa): doc01-05
    // scored blind first; doc06-09 (orthography and other-language forms,
    // more unlisted spellings) written blind on 2026-12-07 and first scored
    // with unlisted 1/9, overall P 0.967 R 0.707; the single-word rule's
    // unwritten long vowels came after that first scoring.
    let score = score_set("fa-names");
    // No deprecated Persian forms in the glossary, so none planted.
    assert_eq!(tally(&score, "deprecated"), (0, 0, 0, 0));
    // inconsistent: found «سیف‌الله مجاهد» after «سیف الله المجاهد»,
    // «ولایت خراسان» after «داعش خراسان», «تاجکستان», and (as unlisted)
    // «سیستان بلوچستان», and «آسیای میانه» after «آسیای مرکزی» twice (another
    // name, admitted in the glossary since 2026-12-07 as issue 16 asked;
    // this set planted it as unlisted, so those two are no longer blind).
    // Not found: «دولت اسلامی» after «داعش» (another name).
    // False alarm: the Arabic «حزب الله» quoted beside the Persian
    // «حزب‌الله» (the same letters are admitted in Persian), reported as a
    // mix: Persian and Russian put names in guillemets too, and the
    // glossary's own Russian example wants such a mix reported. (The
    // «ولایت خراسان» that opens doc03 is reported too, against the later
    // preferred «داعش خراسان»; a finding on a first mention counts as
    // correct, as in the English sets.)
    assert_eq!(tally(&score, "inconsistent"), (6, 7, 5, 6));
    // unlisted: found «سیستان بلوچستان», «تاجکستان» (a long vowel left
    // unwritten), «آسیای میانه» twice (admitted, see above), and since
    // 2026-12-08 (so not blind) «القاعده», the Arabic form of a concept
    // with no Persian one, in Persian letters. Not found: other names
    // («دولت اسلامی», «دریای سرخ»), and Persian spellings of concepts whose
    // only forms are in other scripts (Arabic script is not read in Latin).
    assert_eq!(tally(&score, "unlisted"), (5, 9, 3, 3));
    // Arabic yeh, kaf and teh marbuta, and missing non-joiners: all found.
    // One finding more than planted forms, one fewer for other languages:
    // the Arabic «قطاع غزة» is reported as its last word, «غزة» written with
    // teh marbuta (an orthography finding on the span, which the scoring
    // counts as found), not as the Arabic name of the Gaza Strip.
    assert_eq!(tally(&score, "orthography"), (13, 13, 14, 14));
    assert_eq!(tally(&score, "other-language"), (12, 12, 11, 11));
    let (_, alarms) = misses_and_alarms(&score);
    assert_eq!(alarms, ["doc05.txt inconsistent حزب الله"]);
    assert_eq!(form_tally("fa-names", "preferred"), (76, 0, 0, 0));
    assert_eq!(form_tally("fa-names", "admitted"), (5, 2, 2, 1));
    assert_eq!(form_tally("fa-names", "unlisted"), (9, 9, 5, 0));
    assert_eq!(form_tally("fa-names", "short"), (2, 0, 0, 0));
    // Arabic names quoted in the Persian text: «قاسم سليماني» (Arabic
    // yeh) and «شاهجراغ» (jim for che) stay quiet; «حزب الله» does not.
    assert_eq!(form_tally("fa-names", "original"), (5, 0, 0, 1));
    assert_eq!(form_tally("fa-names", "orthography"), (13, 13, 13, 0));
    assert_eq!(form_tally("fa-names", "other_language"), (12, 12, 12, 0));
}
