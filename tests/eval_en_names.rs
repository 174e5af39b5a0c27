//! Scores termlint, with its shipped glossary, on the in-repo English
//! evaluation sets `examples/eval/en-names` and `examples/eval/en-names-2`
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
    // inconsistent: «IS-Khorasan» is not recognised at all. «Norouzof», a surname
    // written alone after «Rahmatollah Norouzof» in a document that also
    // writes two other full forms (none more often), is held to the
    // preferred «Nowruzov» that termlint proposes for all of them; this set
    // holds a surname to the document's first full form, so it counts as a
    // false alarm.
    // (Two acronyms offered as alternatives, «IS-KP or ISIS-K», were
    // reported as a mix and counted as two false alarms until alternatives
    // joined by `or` or a slash became glosses; this set showed them.)
    assert_eq!(tally(&score, "inconsistent"), (8, 9, 8, 9));
    // unlisted: «Qassim Soleimani», and «Islamic State of Khorasan
    // Province», a longer unlisted name that opens with the listed
    // «Islamic State» (found since unlisted phrases may hold whole
    // mentions; this set showed the miss, so it no longer measures that
    // case blind). Not found yet: an unlisted hyphenated short name
    // («IS-Khorasan») and an unlisted spelling of an acronym-like name
    // («Da'ish» beside «Daesh»).
    assert_eq!(tally(&score, "unlisted"), (2, 4, 2, 2));
    let (misses, alarms) = misses_and_alarms(&score);
    assert_eq!(
        misses,
        [
            "doc03.txt inconsistent IS-Khorasan",
            "doc03.txt unlisted_variant IS-Khorasan",
            "doc05.txt unlisted_variant Da'ish",
        ]
    );
    assert_eq!(alarms, ["doc02.txt inconsistent Norouzof"]);
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
    // The four false alarms are mixes of acronyms (ISKP … IS-K, GKNB …
    // SCNS), which termlint reports and this set's rule never counts.
    assert_eq!(tally(&score, "inconsistent"), (14, 16, 7, 11));
    assert_eq!(tally(&score, "unlisted"), (3, 7, 3, 3));
    let (misses, alarms) = misses_and_alarms(&score);
    assert_eq!(
        misses,
        [
            "doc02.txt unlisted_variant Islamic Revolution Guard Corps",
            "doc03.txt inconsistent Islamic State in Khorasan Province",
            "doc03.txt unlisted_variant Islamic State in Khorasan Province",
            "doc05.txt inconsistent Israel Defence Forces",
            "doc05.txt unlisted_variant Israel Defence Forces",
            "doc06.txt unlisted_variant Sistan-Baluchistan",
        ]
    );
    assert_eq!(
        alarms,
        [
            "doc03.txt inconsistent GKNB",
            "doc03.txt inconsistent IS-K",
            "doc03.txt inconsistent ISKP",
            "doc03.txt inconsistent SCNS",
        ]
    );
}
