//! Micro-benchmarks of termlint's stages (issue 7, item 2).
//!
//!     cargo bench --bench stages
//!
//! Each stage is measured on its own so that a change to one of them shows up
//! here before it is drowned in the whole-process numbers of
//! `benches/compare.sh`: glossary load + automaton build, folding with the
//! offset map, matching, and one full check of a 1 MB document.
//!
//! The inputs are generated in-process from a fixed seed (no files, no
//! Python), so the numbers are comparable from run to run.

use divan::counter::BytesCount;
use divan::{black_box, Bencher};
use termlint::config::Config;
use termlint::document::Format;
use termlint::glossary::{Glossary, GlossaryLoader};
use termlint::lang::Language;
use termlint::lint::Linter;
use termlint::matcher::Matcher;
use termlint::text::{CaseMode, FoldedText};

fn main() {
    divan::main();
}

/// Size of the texts the per-byte stages are measured on.
const TEXT_BYTES: usize = 1 << 20;

/// A tiny deterministic generator (xorshift64*): the bench must not depend on
/// a `rand` version, and the same seed must give the same text everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const ONSETS: &[&str] = &[
    "b", "d", "f", "gh", "h", "j", "k", "kh", "l", "m", "n", "q", "r", "s", "sh", "t", "z", "dh",
];
const VOWELS: &[&str] = &["a", "i", "u", "o", "e"];
const CODAS: &[&str] = &["", "", "n", "r", "m", "l", "d", "s", "h"];

/// A capitalised two- or three-syllable name word, as in `gen_glossary.py`.
fn name_word(rng: &mut Rng) -> String {
    let mut word = String::new();
    for _ in 0..2 + rng.below(2) {
        word.push_str(rng.pick(ONSETS));
        word.push_str(rng.pick(VOWELS));
        word.push_str(rng.pick(CODAS));
    }
    let mut chars = word.chars();
    let first = chars.next().unwrap().to_ascii_uppercase();
    std::iter::once(first).chain(chars).collect()
}

/// The synthetic glossary: `count` concepts with a preferred two- or
/// three-word name, one admitted and one deprecated variant (a changed last
/// letter, enough for the matcher to see three distinct forms).
fn synthetic_glossary(count: usize) -> (String, Vec<String>) {
    let mut rng = Rng(0x7e51_11e7);
    let mut seen = std::collections::HashSet::new();
    let mut toml = String::new();
    let mut forms = Vec::new();
    while forms.len() < count * 3 {
        let words: Vec<String> = (0..2 + rng.below(2)).map(|_| name_word(&mut rng)).collect();
        let preferred = words.join(" ");
        let admitted = format!("{preferred}a");
        let deprecated = format!("{preferred}h");
        if !seen.insert(preferred.to_lowercase()) {
            continue;
        }
        let id = forms.len() / 3;
        toml.push_str(&format!(
            "[[concept]]\nid = \"c{id}\"\nkind = \"person\"\n[concept.lang.en]\npreferred = \"{preferred}\"\n\
             admitted = [\"{admitted}\"]\ndeprecated = [\"{deprecated}\"]\n\n"
        ));
        forms.extend([preferred, admitted, deprecated]);
    }
    (toml, forms)
}

const PROSE: &[&str] = &[
    "the",
    "report",
    "said",
    "that",
    "officials",
    "in",
    "capital",
    "met",
    "with",
    "delegation",
    "on",
    "Tuesday",
    "and",
    "discussed",
    "trade",
    "security",
    "border",
    "agreement",
    "after",
    "a",
    "long",
    "meeting",
    "according",
    "to",
    "statement",
    "published",
    "by",
    "ministry",
    "of",
    "foreign",
    "affairs",
    "which",
    "also",
    "noted",
    "progress",
];

/// About `bytes` of English prose with a glossary form planted every ~40
/// words, so that matching and checking have hits to handle.
fn ascii_text(bytes: usize, forms: &[String]) -> String {
    let mut rng = Rng(0x000a_5c11);
    let mut text = String::with_capacity(bytes + 64);
    let mut words = 0;
    while text.len() < bytes {
        if words % 40 == 39 && !forms.is_empty() {
            text.push_str(&forms[rng.below(forms.len())]);
        } else {
            text.push_str(rng.pick(PROSE));
        }
        words += 1;
        text.push(if words % 15 == 0 { '\n' } else { ' ' });
    }
    text
}

const MIXED: &[&str] = &[
    // Russian, Arabic and Persian words; NFD Latin (e + combining acute,
    // u + combining diaeresis) and a ligature, which folding must expand or
    // compose; Turkish dotted capital I, whose folding changes length.
    "Министерство",
    "иностранных",
    "дел",
    "заявило",
    "ВАЖНО",
    "وزارة",
    "الخارجية",
    "قالت",
    "إن",
    "الاجتماع",
    "وزیر",
    "گفت",
    "caf\u{65}\u{301}",
    "Mu\u{308}ller",
    "ﬁnance",
    "İstanbul",
    "Straße",
    "the",
    "said",
];

/// About `bytes` of mixed-script text (Cyrillic, Arabic, NFD Latin).
fn mixed_text(bytes: usize) -> String {
    let mut rng = Rng(0x00c1_a0ab);
    let mut text = String::with_capacity(bytes + 64);
    let mut words = 0;
    while text.len() < bytes {
        text.push_str(rng.pick(MIXED));
        words += 1;
        text.push(if words % 12 == 0 { '\n' } else { ' ' });
    }
    text
}

fn load(sources: Vec<(String, String)>, builtin: bool) -> Glossary {
    let mut loader = if builtin {
        GlossaryLoader::new()
    } else {
        GlossaryLoader::new().without_builtin()
    };
    for (name, text) in sources {
        loader.add_source(&name, text);
    }
    loader.load().expect("benchmark glossary loads")
}

fn shipped_matcher() -> Matcher {
    Matcher::new(load(Vec::new(), true)).expect("automaton builds")
}

fn synthetic_matcher(count: usize) -> (Matcher, Vec<String>) {
    let (toml, forms) = synthetic_glossary(count);
    let matcher = Matcher::new(load(vec![("g.toml".into(), toml)], false)).expect("automaton builds");
    (matcher, forms)
}

/// Glossary load (TOML parse, validation) and automaton build.
mod load_and_build {
    use super::*;

    #[divan::bench]
    fn shipped() -> Matcher {
        shipped_matcher()
    }

    #[divan::bench(sample_count = 10)]
    fn synthetic_10k(bencher: Bencher) {
        let (toml, _) = synthetic_glossary(10_000);
        bencher
            .with_inputs(|| vec![("g.toml".to_string(), toml.clone())])
            .bench_values(|sources| Matcher::new(load(sources, false)).expect("automaton builds"));
    }
}

/// Folding with the offset map (`FoldedText::new`).
mod fold {
    use super::*;

    #[divan::bench]
    fn ascii_1mb(bencher: Bencher) {
        let text = ascii_text(TEXT_BYTES, &[]);
        bencher
            .counter(BytesCount::of_str(&text))
            .bench(|| FoldedText::new(black_box(&text), CaseMode::Fold));
    }

    #[divan::bench]
    fn mixed_1mb(bencher: Bencher) {
        let text = mixed_text(TEXT_BYTES);
        bencher
            .counter(BytesCount::of_str(&text))
            .bench(|| FoldedText::new(black_box(&text), CaseMode::Fold));
    }
}

/// `Matcher::find` over 1 MB (includes its own folding).
mod find {
    use super::*;

    fn run(bencher: Bencher, matcher: &Matcher, forms: &[String]) {
        let text = ascii_text(TEXT_BYTES, forms);
        let english = Language::parse("en").expect("en parses");
        let filter = matcher.language_filter(&english);
        // The whole text is one piece (plain text, no markup to skip).
        let whole = 0..text.len();
        let pieces = std::slice::from_ref(&whole);
        bencher
            .counter(BytesCount::of_str(&text))
            .bench(|| matcher.find(black_box(&text), pieces, &filter));
    }

    #[divan::bench]
    fn shipped_1mb(bencher: Bencher) {
        let matcher = shipped_matcher();
        let forms: Vec<String> = ["Kirman", "Abu Hudaifa al-Ansari", "Abu Hudhayfah al-Ansari"]
            .map(String::from)
            .into();
        run(bencher, &matcher, &forms);
    }

    #[divan::bench]
    fn synthetic_10k_1mb(bencher: Bencher) {
        let (matcher, forms) = synthetic_matcher(10_000);
        run(bencher, &matcher, &forms);
    }
}

/// One full check (segments, matching, all default checks) of a 1 MB
/// Markdown document.
mod check {
    use super::*;

    fn run(bencher: Bencher, matcher: Matcher, forms: &[String]) {
        let text = ascii_text(TEXT_BYTES, forms);
        let english = Language::parse("en").expect("en parses");
        let linter = Linter::new(matcher, Config::default());
        bencher.counter(BytesCount::of_str(&text)).bench(|| {
            linter
                .check_text(black_box(&text), Format::Markdown, &english)
                .expect("checks")
        });
    }

    #[divan::bench(sample_count = 20)]
    fn shipped_1mb(bencher: Bencher) {
        let forms: Vec<String> = ["Kirman", "Abu Hudaifa al-Ansari", "Abu Hudhayfah al-Ansari"]
            .map(String::from)
            .into();
        run(bencher, shipped_matcher(), &forms);
    }

    #[divan::bench(sample_count = 20)]
    fn synthetic_10k_1mb(bencher: Bencher) {
        let (matcher, forms) = synthetic_matcher(10_000);
        run(bencher, matcher, &forms);
    }
}
