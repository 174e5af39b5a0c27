//! Fuzz target: the CSV and TSV glossary readers (the first byte chooses
//! the delimiter).
#![no_main]

use libfuzzer_sys::fuzz_target;
use termlint::glossary::GlossaryFormat;

fuzz_target!(|data: &[u8]| {
    let Some((&choice, rest)) = data.split_first() else {
        return;
    };
    if let Ok(text) = std::str::from_utf8(rest) {
        let format = if choice % 2 == 0 {
            GlossaryFormat::Csv
        } else {
            GlossaryFormat::Tsv
        };
        termlint_fuzz::check_glossary(format, text);
    }
});
