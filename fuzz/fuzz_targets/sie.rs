//! SIE bytes into a workspace with units: never panics; a rejected file changes nothing.
#![no_main]

use balans::ImportOptions;
use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|bytes: &[u8]| {
    common::check(|ws| ws.import_sie(bytes, &ImportOptions::default()));
});
