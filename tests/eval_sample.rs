//! Scores termlint on the shared evaluation sample (real name variants in
//! real news prose) with the quality harness's own scoring
//! (`examples/eval/score.rs`). The sample lives outside the repository, in
//! `../shared/data/eval-sample`; without `../shared` the test is ignored
//! (see build.rs).

#[path = "../examples/eval/score.rs"]
#[allow(dead_code)]
mod score;

use std::path::Path;

#[test]
#[cfg_attr(not(shared_data), ignore = "needs ../shared")]
fn eval_sample_meets_the_quality_targets() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/eval-sample");
    assert!(
        dir.join("truth.jsonl").is_file(),
        "no truth.jsonl in {}",
        dir.display()
    );
    let options = score::Options::default();
    let found = score::run(&dir, options);
    let score = score::score(&dir, &found, options);
    for (kind, tally) in &score.kinds {
        eprintln!(
            "eval-sample {kind}: precision {:.3} recall {:.3} ({}/{} expected, {}/{} findings)",
            tally.precision(),
            tally.recall(),
            tally.hits,
            tally.expected,
            tally.correct,
            tally.findings
        );
    }
    let tally = |name: &str| {
        score
            .kinds
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, t)| t.clone())
            .unwrap()
    };
    let listed = tally("deprecated");
    assert!(
        listed.precision() >= 0.98 && listed.recall() >= 0.98,
        "{listed:?}"
    );
    let unlisted = tally("unlisted");
    assert!(
        unlisted.precision() >= 0.90 && unlisted.recall() >= 0.80,
        "{unlisted:?}"
    );
    assert!(
        score.false_alarms.is_empty(),
        "false alarms: {:?}",
        score.false_alarms
    );
    assert!(
        score.misses.iter().all(|m| m.kind == "unlisted_variant"),
        "misses: {:?}",
        score.misses
    );
}
