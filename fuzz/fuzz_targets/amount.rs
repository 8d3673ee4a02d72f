//! The amount reader: never panics, and what it reads prints back to the same amount.
#![no_main]

use balans::Amount;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(amount) = Amount::parse(text) {
        let canonical = amount.to_canonical();
        assert_eq!(
            Amount::parse(&canonical).unwrap(),
            amount,
            "{text:?} → {canonical}"
        );
    }
});
