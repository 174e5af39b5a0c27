//! Fuzz target: the TSV and CSV table extractors and the checks on them
//! (the first byte chooses the delimiter).
#![no_main]

use libfuzzer_sys::fuzz_target;
use termlint::document::Format;

fuzz_target!(|data: &[u8]| {
    let Some((&choice, rest)) = data.split_first() else {
        return;
    };
    if let Ok(text) = std::str::from_utf8(rest) {
        let format = if choice % 2 == 0 { Format::Tsv } else { Format::Csv };
        termlint_fuzz::check_document(format, text);
        termlint_fuzz::check_fixes(format, text);
    }
});
