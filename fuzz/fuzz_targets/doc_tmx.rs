//! Fuzz target: the TMX extractor and the checks on it.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        termlint_fuzz::check_document(termlint::document::Format::Tmx, text);
        termlint_fuzz::check_fixes(termlint::document::Format::Tmx, text);
    }
});
