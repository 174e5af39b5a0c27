//! Fuzz target: a Markdown document read block by block (every safe line a
//! cut) gives the segments of the document read whole.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let (in_blocks, whole) = termlint::document::markdown_in_blocks_and_whole(text);
        assert_eq!(in_blocks, whole, "read in blocks and read whole differ");
    }
});
