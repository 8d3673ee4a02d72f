//! Pasted text into a workspace with units: never panics; a rejected paste changes nothing.
#![no_main]

use balans::ImportOptions;
use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|text: &str| {
    let options = ImportOptions {
        year: Some(2025),
        ..ImportOptions::default()
    };
    common::check(|ws| ws.import_paste(text, &options));
});
