//! The date parsers on arbitrary strings: ISO 8601 from metadata and dates written in text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    for stamp in newsprint::fuzzing::parse_date(text).into_iter().flatten() {
        let _ = stamp.to_string();
    }
});
