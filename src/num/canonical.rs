//! The canonical text of a decimal (`-157333333.33`, `1200`, `0.5`, never `-0` or trailing
//! zeros), written into a buffer on the stack: the form amounts and percentages cross the JS
//! boundary in. A deviation report over a region's tree writes a hundred thousand of them, and
//! `Decimal`'s own `normalize` and `Display` (96-bit division per digit, a formatter per value)
//! were a third of writing the report (README, "Performance").
//!
//! Not for display: sv-SE formatting with units and rounding is `money::Amount::format`.

use rust_decimal::Decimal;

/// Sign, leading zero, point and 29 digits fit with room to spare.
const CAPACITY: usize = 40;

/// Calls `f` with the shortest exact decimal text of `d`: what `d.normalize().to_string()`
/// gives. The text lives on the stack for the call (handing a buffer back by value costs more
/// than writing it: the bytes just written are read back as a block).
pub fn with_canonical<R>(d: Decimal, f: impl FnOnce(&str) -> R) -> R {
    // Digits are written from the end of `buf` backwards; `buf[first..last]` is the text.
    let mut buf = [b'0'; CAPACITY];
    let mut first = CAPACITY;
    let mut magnitude = d.mantissa().unsigned_abs();
    while magnitude > u64::MAX as u128 {
        first -= 1;
        buf[first] = b'0' + (magnitude % 10) as u8;
        magnitude /= 10;
    }
    // Most amounts fit in 64 bits, where division by ten is one instruction, not a library call.
    let mut small = magnitude as u64;
    while small > 0 {
        first -= 1;
        buf[first] = b'0' + (small % 10) as u8;
        small /= 10;
    }
    // Trailing zeros of the fraction are not part of the canonical form.
    let mut last = CAPACITY;
    let mut scale = d.scale() as usize;
    while scale > 0 && last > first && buf[last - 1] == b'0' {
        last -= 1;
        scale -= 1;
    }
    if last == first {
        return f("0"); // zero, whatever its sign and scale
    }
    if scale > 0 {
        // 0.05: zeros up to the first digit and an integer zero (the buffer is all '0' there).
        first = first.min(last - scale - 1);
        // The integer digits move one place left, making room for the point.
        let point = last - scale;
        buf.copy_within(first..point, first - 1);
        first -= 1;
        buf[point - 1] = b'.';
    }
    if d.is_sign_negative() {
        first -= 1;
        buf[first] = b'-';
    }
    // Only ASCII digits, '-' and '.' are written.
    f(std::str::from_utf8(&buf[first..last]).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::str::FromStr;

    fn text_of(d: Decimal) -> String {
        with_canonical(d, str::to_owned)
    }

    fn text(s: &str) -> String {
        text_of(Decimal::from_str(s).unwrap())
    }

    #[test]
    fn writes_the_shortest_exact_form() {
        assert_eq!(text("-157333333.33"), "-157333333.33");
        assert_eq!(text("1200"), "1200");
        assert_eq!(text("1200.00"), "1200");
        assert_eq!(text("0.50"), "0.5");
        assert_eq!(text("0.05"), "0.05");
        assert_eq!(text("-0.05"), "-0.05");
        assert_eq!(text("10.10"), "10.1");
        assert_eq!(text("-0.00"), "0");
        assert_eq!(text("0"), "0");
        assert_eq!(
            text("0.0000000000000000000000000001"),
            "0.0000000000000000000000000001"
        );
        assert_eq!(
            text("-79228162514264337593543950335"),
            "-79228162514264337593543950335"
        );
        assert_eq!(
            text("7922816251426433759354395033.5"),
            "7922816251426433759354395033.5"
        );
    }

    proptest! {
        /// The same text as `Decimal`'s own normalize and Display, over the whole range.
        #[test]
        fn agrees_with_normalize_and_display(lo in any::<u32>(), mid in any::<u32>(), hi in any::<u32>(),
                                             negative in any::<bool>(), scale in 0u32..=28) {
            let d = Decimal::from_parts(lo, mid, hi, negative, scale);
            prop_assert_eq!(text_of(d), d.normalize().to_string());
        }

        /// Amounts as a ledger has them: öre on up to 64-bit integers.
        #[test]
        fn agrees_on_amounts_in_ore(ore in any::<i64>(), scale in 0u32..=4) {
            let d = Decimal::new(ore, scale);
            prop_assert_eq!(text_of(d), d.normalize().to_string());
        }
    }
}
