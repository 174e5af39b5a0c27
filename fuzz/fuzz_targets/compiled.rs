//! Fuzz target: reading a compiled glossary (a cache entry) back.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // Half the time, a damaged copy of a real entry: random bytes alone
    // rarely get past the first length.
    let seed = termlint_fuzz::compiled_test_glossary();
    if data.first().is_some_and(|b| b % 2 == 0) && data.len() >= 9 {
        let mut bytes = seed;
        for pair in data[1..].chunks_exact(8) {
            let at = u32::from_le_bytes([pair[0], pair[1], pair[2], pair[3]]) as usize % bytes.len();
            bytes[at] ^= pair[4] | 1;
            if pair[5] == 0 {
                bytes.truncate(at);
                break;
            }
        }
        termlint_fuzz::check_compiled(&bytes);
    } else {
        termlint_fuzz::check_compiled(data);
    }
});
