//! Fuzz target: the .xlsx and .ods glossary readers (the first byte
//! chooses the format), their parts unpacked within a 1 MiB limit.
#![no_main]

use libfuzzer_sys::fuzz_target;
use termlint::glossary::GlossaryFormat;

fuzz_target!(|data: &[u8]| {
    let Some((&choice, rest)) = data.split_first() else {
        return;
    };
    let format = if choice % 2 == 0 {
        GlossaryFormat::Xlsx
    } else {
        GlossaryFormat::Ods
    };
    termlint_fuzz::check_glossary_bytes(format, rest);
});
