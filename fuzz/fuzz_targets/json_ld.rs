//! JSON-LD handling on arbitrary script texts: the input is split at NUL bytes into the
//! texts of several `<script type="application/ld+json">` elements.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let scripts: Vec<&str> = text.split('\0').collect();
    let _ = newsprint::fuzzing::read_json_ld(&scripts);
});
