//! The quality harness: scores termlint on an evaluation set.
//!
//! ```sh
//! cargo run --release --example eval -- ../shared/data/eval-sample [--unlisted-threshold 0.75] [--preferred-only]
//! cargo run --release --example eval -- examples/eval/en-names --builtin
//! cargo run --release --example eval -- examples/eval/ru-names --builtin
//! ```
//! A set written in another language than English names it in a file
//! `lang.txt` (`ru`), and its texts are checked as that language.
//! `--preferred-only` keeps only the preferred forms in the glossary, so
//! that every listed variant in the texts is an unlisted spelling to find: a
//! harder, held-out test of the `unlisted` check.
//! `--builtin` checks against the shipped glossary (`glossary/*.toml`)
//! instead of the set's `glossary.tsv`: the in-repo set
//! `examples/eval/en-names` is scored that way.
//! Prints precision, recall and F1 per finding kind and overall, then every
//! miss and false alarm. The scoring rules are in `score.rs`. A second
//! table counts, per kind of planted form, the mentions a finding was
//! expected on and found (`found`), and those that should stay quiet but
//! drew a finding (`flagged quiet`).

mod score;

use std::path::PathBuf;

fn main() {
    let mut args = std::env::args().skip(1);
    let mut dir = None;
    let mut options = score::Options::default();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--unlisted-threshold" => options.unlisted_threshold = args.next().and_then(|t| t.parse().ok()),
            "--preferred-only" => options.preferred_only = true,
            "--builtin" => options.builtin = true,
            _ => dir = Some(PathBuf::from(arg)),
        }
    }
    let Some(dir) = dir else {
        eprintln!("usage: eval DIR [--unlisted-threshold T] [--preferred-only] [--builtin]");
        std::process::exit(2);
    };
    let found = score::run(&dir, options);
    let score = score::score(&dir, &found, options);
    println!(
        "{:<14} {:>9} {:>9} {:>6}  (hits/expected, correct/findings)",
        "kind", "precision", "recall", "F1"
    );
    for (kind, tally) in score
        .kinds
        .iter()
        .chain(std::iter::once(&("overall", score.overall.clone())))
    {
        println!(
            "{:<14} {:>9.3} {:>9.3} {:>6.3}  ({}/{}, {}/{})",
            kind,
            tally.precision(),
            tally.recall(),
            tally.f1(),
            tally.hits,
            tally.expected,
            tally.correct,
            tally.findings
        );
    }
    println!(
        "\n{:<13} {:>8} {:>9}  {:>13}",
        "form", "mentions", "found", "flagged quiet"
    );
    for (kind, t) in score::by_form(&dir, &found) {
        let found_of = format!("{}/{}", t.hits, t.expected);
        let quiet_of = format!("{}/{}", t.flagged_quiet, t.mentions - t.expected);
        println!("{kind:<13} {:>8} {found_of:>9}  {quiet_of:>13}", t.mentions);
    }
    for miss in &score.misses {
        println!(
            "miss: {} {}..{} {} «{}» ({})",
            miss.doc, miss.span.0, miss.span.1, miss.kind, miss.text, miss.concept
        );
    }
    for alarm in &score.false_alarms {
        let f = &alarm.finding;
        println!(
            "false alarm: {} {}..{} {} «{}» ({})",
            alarm.doc,
            f.range.start,
            f.range.end,
            f.check.as_str(),
            f.found,
            f.concept
        );
    }
}
