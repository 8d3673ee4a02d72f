//! Exact money (belopp) in kronor: reading amounts as people and spreadsheets write them, showing
//! them the Swedish way in kr, tkr or mnkr, and the one canonical text that crosses the JS boundary.
//!
//! Not here: sign conventions of sources (importers turn ledger sign into result sign), allocation
//! of remainders (periodisation), or any `f64` arithmetic. Amounts are `rust_decimal::Decimal`
//! throughout; display rounding is half away from zero and never feeds back into sums.

use std::fmt;
use std::iter::Sum;
use std::ops::{Add, AddAssign, Neg, Sub, SubAssign};
use std::str::FromStr;

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::{Error, Result};
use crate::num::canonical::with_canonical;

/// Twelve monthly amounts, January first: a unit's year by month.
pub type Months = [Amount; 12];

/// The most decimals a `Decimal` holds.
const MAX_SCALE: u32 = 28;
/// 2^53 − 1: the largest integer a JavaScript number holds exactly.
const MAX_SAFE_INTEGER: u64 = (1 << 53) - 1;
/// Minus signs accepted on input: hyphen, true minus (U+2212) and the en dash Excel sometimes writes.
const MINUS_SIGNS: [char; 3] = ['-', '\u{2212}', '\u{2013}'];
/// Thousands separators accepted on input: space, no-break space, narrow no-break space, thin space.
const GROUP_SPACES: [char; 4] = [' ', '\u{a0}', '\u{202f}', '\u{2009}'];

/// An exact amount of money in kronor, result sign. Never f64.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Amount(Decimal);

impl Amount {
    pub const ZERO: Amount = Amount(Decimal::ZERO);

    pub fn new(d: Decimal) -> Amount {
        Amount(d)
    }

    pub fn decimal(self) -> Decimal {
        self.0
    }

    pub fn is_zero(self) -> bool {
        self.0.is_zero()
    }

    pub fn abs(self) -> Amount {
        Amount(self.0.abs())
    }

    /// Reads an amount (belopp) as written in sv-SE or plain text. Exact: built from the digits.
    ///
    /// - Surrounding whitespace is ignored; empty text is an error.
    /// - At most one sign: a leading `-`, `−` (U+2212), `–` (U+2013, from Excel) or `+`, or
    ///   accounting parentheses, `(1 234)` meaning −1234. Whitespace may follow the sign.
    /// - Thousands separators in the integer part: space, U+00A0, U+202F, U+2009. Every group after
    ///   the first has exactly three digits, the first one to three (`12 34` is rejected).
    /// - Decimal separator `,` or `.`. With both, the last one is decimal and the other groups
    ///   (`1.234,50`, `1,234.50`). One of them once alone is decimal (`1234,5`, `1,234` = 1.234);
    ///   one of them repeated alone groups, with no decimals (`1.234.567`).
    /// - An optional unit after the number, case-insensitive, space optional: `kr`, `tkr`, `mnkr`
    ///   or `mkr`; tkr and mnkr scale to kronor (`1,5 mnkr` = 1 500 000).
    /// - ASCII digits only; no exponents, NaN or infinity; at most 28 significant digits.
    pub fn parse(text: &str) -> Result<Amount> {
        if let Some(plain) = parse_plain(text) {
            return Ok(Amount(plain));
        }
        parse_amount(text).map(Amount).map_err(|reason| {
            let text = text.to_string();
            Error::ParseAmount { text, reason }
        })
    }

    /// The amount of `ore` öre: how a sum kept in whole öre while reading becomes an amount.
    pub fn from_ore(ore: i64) -> Amount {
        Amount(Decimal::new(ore, 2))
    }

    /// The amount in whole öre, for sums kept as integers; `None` when it is finer than an öre
    /// or beyond an `i64` of öre (±92 billion billion kr). Every reader's amounts are whole öre.
    pub fn to_ore(self) -> Option<i64> {
        let (mantissa, scale) = (self.0.mantissa(), self.0.scale());
        // Scale 2 (every amount made from öre) is the mantissa itself: an `i128` division is a
        // call in WebAssembly, and a million rows made it a tenth of an index's time.
        let ore = match scale {
            2 => mantissa,
            0 | 1 => mantissa.checked_mul(10_i128.pow(2 - scale))?,
            // Whole öre only where the digits past the second decimal are zeros.
            _ => {
                let past = 10_i128.pow(scale - 2);
                (mantissa % past == 0).then(|| mantissa / past)?
            }
        };
        i64::try_from(ore).ok()
    }

    /// [`Amount::parse`] for the form nearly every ledger cell has (see [`parse_plain`]) with at
    /// most two decimals as written, straight to öre, with no `Decimal` made; `None` for any
    /// other text, which [`Amount::parse`] then reads or explains.
    pub fn parse_plain_ore(text: &str) -> Option<i64> {
        let (negative, mantissa, decimals) = plain_parts(text)?;
        if decimals > 2 {
            return None;
        }
        // Below 10^18 · 100, which an i128 holds; an i64 of öre holds the amounts a cell may.
        let ore = i64::try_from(i128::from(mantissa) * 10_i128.pow(2 - decimals)).ok()?;
        Some(if negative { -ore } else { ore })
    }

    /// Whether the amount is a whole number of öre (at most two decimals once trailing zeros
    /// go: `1.50` is, `1.005` is not), as every amount a ledger holds is.
    pub fn is_whole_ore(self) -> bool {
        self.0 == self.0.trunc_with_scale(2)
    }

    /// [`Amount::parse`] of an amount a ledger holds: whole öre, or `E_PARSE_AMOUNT` saying so
    /// (the registers read their amounts with it, as the JSON reader does).
    pub fn parse_ore(text: &str) -> Result<Amount> {
        let amount = Amount::parse(text)?;
        if amount.is_whole_ore() {
            Ok(amount)
        } else {
            Err(Error::ParseAmount {
                text: text.to_string(),
                reason: "finer than an öre; amounts have at most two decimals".into(),
            })
        }
    }

    /// Rounds half away from zero to `dp` decimals (NOT banker's rounding).
    pub fn round(self, dp: u32) -> Amount {
        Amount(round_half_away(self.0, dp))
    }

    /// sv-SE display in `unit` with `decimals` decimals, number only, no unit suffix: `1 234,50`,
    /// `−157,3` (U+00A0 between groups, U+2212 minus). A value that rounds to zero shows no sign.
    pub fn format(self, unit: DisplayUnit, decimals: u32) -> String {
        let value = round_half_away(shift_down(self.0, unit.exponent()), decimals);
        let text = value.abs().to_string();
        let (int_part, frac_part) = text.split_once('.').unwrap_or((&text, ""));
        let mut out = String::with_capacity(text.len() + text.len() / 3 + 4);
        if value.is_sign_negative() && !value.is_zero() {
            // a negative zero never shows as "−0"
            out.push('\u{2212}');
        }
        for (i, c) in int_part.chars().enumerate() {
            if i > 0 && (int_part.len() - i) % 3 == 0 {
                out.push('\u{a0}');
            }
            out.push(c);
        }
        if decimals > 0 {
            out.push(',');
            out.push_str(frac_part);
            out.extend(std::iter::repeat('0').take(decimals as usize - frac_part.len()));
        }
        out
    }

    /// Canonical machine form across the JS boundary: `-157333333.33`, `1200`, `0.5`; never `-0`.
    pub fn to_canonical(self) -> String {
        with_canonical(self.0, str::to_owned)
    }

    /// Scales the amount (shares, indexation); `None` on overflow.
    pub fn checked_mul(self, d: Decimal) -> Option<Amount> {
        self.0.checked_mul(d).map(Amount)
    }
}

/// Rounds half away from zero; the one rounding helper the crate uses for display and for ratios.
/// (`Decimal::round_dp` is banker's rounding, which no Swedish ledger or Excel shows.)
pub fn round_half_away(d: Decimal, dp: u32) -> Decimal {
    d.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero)
}

/// `d / 10^k`, exactly where it fits in 28 decimals. Beyond that the extra digits are truncated,
/// which (unlike a rounding division) cannot change a later half-away rounding to ≤ 27 decimals.
fn shift_down(d: Decimal, k: u32) -> Decimal {
    let d = d.trunc_with_scale(d.scale().min(MAX_SCALE - k));
    Decimal::from_i128_with_scale(d.mantissa(), d.scale() + k)
}

/// The most digits [`parse_plain`] reads: 10^18 − 1 fits in an `i64`.
const PLAIN_MAX_DIGITS: u32 = 18;

/// The form nearly every ledger cell has, read straight into an integer mantissa and scale
/// (a ledger export has a million of them): an optional leading `-`, `−`, `–` or `+`, digits
/// either ungrouped or grouped in threes by single spaces of [`GROUP_SPACES`], then optionally
/// one `,` or `.` and decimals; at most 18 digits, no unit. `None` for anything else, which
/// [`parse_amount`] then reads or explains: this accepts only what that reads to the same value
/// and scale (a property test checks both on generated text).
fn parse_plain(text: &str) -> Option<Decimal> {
    let (negative, mut mantissa, mut scale) = plain_parts(text)?;
    // Trailing zeros of the decimals do not count, as in `parse_unsigned`: "1 234,50" is 1234.5.
    while scale > 0 && mantissa % 10 == 0 {
        mantissa /= 10;
        scale -= 1;
    }
    let magnitude = mantissa as i64; // below 10^18
    Some(Decimal::new(
        if negative { -magnitude } else { magnitude },
        scale,
    ))
}

/// The parts of a plain amount (see [`parse_plain`]): whether it is negative, its digits as one
/// integer (below 10^18), and how many decimals were written.
fn plain_parts(text: &str) -> Option<(bool, u64, u32)> {
    // Other whitespace at either end (U+00A0 …) is left in place, and so declined below.
    let s = text.as_bytes().trim_ascii();
    let (negative, s) = match s {
        [b'-', rest @ ..] => (true, rest),
        [b'+', rest @ ..] => (false, rest),
        // U+2212 and U+2013 in UTF-8
        [0xe2, 0x88, 0x92, rest @ ..] | [0xe2, 0x80, 0x93, rest @ ..] => (true, rest),
        _ => (false, s),
    };
    // Wrapping arithmetic: a mantissa of more than 18 digits is declined at the end, unused.
    let (mut mantissa, mut digits) = (0_u64, 0_u32);
    let mut add_digit = |d: u8| {
        mantissa = mantissa.wrapping_mul(10).wrapping_add(u64::from(d));
        digits += 1;
    };
    // The integer part; `group` counts the digits since the last thousands separator.
    let (mut i, mut group, mut grouped) = (0, 0, false);
    while let Some(&b) = s.get(i) {
        if b.is_ascii_digit() {
            add_digit(b - b'0');
            group += 1;
            i += 1;
            continue;
        }
        let space = match s[i..] {
            [b' ', ..] => 1,
            [0xc2, 0xa0, ..] => 2,
            [0xe2, 0x80, 0xaf | 0x89, ..] => 3,
            _ => break,
        };
        if group == 0 || group > 3 || (grouped && group != 3) {
            return None;
        }
        (group, grouped) = (0, true);
        i += space;
    }
    if group == 0 || (grouped && group != 3) {
        return None;
    }
    let mut scale = 0;
    match &s[i..] {
        [] => {}
        [b',' | b'.', decimals @ ..] if !decimals.is_empty() => {
            for &b in decimals {
                if !b.is_ascii_digit() {
                    return None;
                }
                add_digit(b - b'0');
            }
            scale = decimals.len() as u32;
        }
        _ => return None,
    }
    (digits <= PLAIN_MAX_DIGITS).then_some((negative, mantissa, scale))
}

/// The whole of [`Amount::parse`]; the error is the reason, for a person.
fn parse_amount(text: &str) -> Result<Decimal, String> {
    let s = text.trim();
    if s.is_empty() {
        return Err("empty".into());
    }
    if !s.chars().any(|c| c.is_ascii_digit()) {
        return Err("no digits".into());
    }
    let (s, outer_unit) = split_unit(s)?;
    let (sign, s) = split_sign(s);
    let (parenthesised, (s, inner_unit)) = match (s.strip_prefix('('), s.ends_with(')')) {
        (Some(inner), true) => (true, split_unit(inner[..inner.len() - 1].trim())?),
        (None, false) => (false, (s, None)),
        _ => return Err("unbalanced parentheses".into()),
    };
    if (sign.is_some() && parenthesised) || split_sign(s).0.is_some() || s.starts_with('(') {
        return Err("more than one sign".into());
    }
    let unit = match (outer_unit, inner_unit) {
        (Some(_), Some(_)) => return Err("more than one unit".into()),
        (outer, inner) => outer.or(inner).unwrap_or_default(),
    };
    // A scaled amount must still print as text that reads back: at most 28 significant digits
    // (found by fuzzing: "19999999999999999999999 mnkr" gave 29).
    let mut kronor = parse_unsigned(s)?
        .checked_mul(unit.factor())
        .filter(|k| k.normalize().mantissa().unsigned_abs().to_string().len() <= MAX_SCALE as usize)
        .ok_or("too large to hold in kronor")?;
    kronor.set_sign_negative((parenthesised || sign == Some(true)) && !kronor.is_zero());
    Ok(kronor)
}

/// Splits off a trailing unit (`kr`, `tkr`, `mnkr`, `mkr`); other trailing letters are an error.
fn split_unit(s: &str) -> Result<(&str, Option<DisplayUnit>), String> {
    let number = s.trim_end_matches(char::is_alphabetic);
    let suffix = &s[number.len()..];
    if suffix.is_empty() {
        return Ok((s, None));
    }
    match unit_from_label(suffix) {
        Some(unit) => Ok((number.trim_end(), Some(unit))),
        None => Err(format!("unknown unit {suffix:?}; expected kr, tkr or mnkr")),
    }
}

/// Splits off one leading sign: `Some(true)` for a minus, `Some(false)` for `+`.
fn split_sign(s: &str) -> (Option<bool>, &str) {
    match s.chars().next() {
        Some(c) if MINUS_SIGNS.contains(&c) => (Some(true), s[c.len_utf8()..].trim_start()),
        Some('+') => (Some(false), s[1..].trim_start()),
        _ => (None, s),
    }
}

/// Reads the digits of an unsigned number with grouping and a decimal separator.
fn parse_unsigned(s: &str) -> Result<Decimal, String> {
    let is_separator = |c: char| c == ',' || c == '.' || GROUP_SPACES.contains(&c);
    if let Some(c) = s.chars().find(|&c| !c.is_ascii_digit() && !is_separator(c)) {
        return Err(match c {
            'e' | 'E' => "exponent notation (1e5) is not accepted; write the digits".into(),
            _ if "+()".contains(c) || MINUS_SIGNS.contains(&c) => "a sign must come first".into(),
            _ => format!("unexpected character {c:?}"),
        });
    }
    let decimal_separator = match (s.matches(',').count(), s.matches('.').count()) {
        (1, 0) => Some(','),
        (0, 1) => Some('.'),
        (_, 0) | (0, _) => None,
        (commas, dots) => {
            let last = s.rfind([',', '.']).and_then(|i| s[i..].chars().next());
            let count = if last == Some(',') { commas } else { dots };
            if count > 1 {
                return Err("the decimal separator (the last of , and .) occurs twice".into());
            }
            last
        }
    };
    let (int_part, frac) = match decimal_separator.and_then(|sep| s.split_once(sep)) {
        Some((_, "")) => return Err("no digits after the decimal separator".into()),
        Some((_, frac)) if !frac.bytes().all(|b| b.is_ascii_digit()) => {
            return Err("only digits may follow the decimal separator".into())
        }
        Some((int_part, frac)) => (int_part, frac),
        None => (s, ""),
    };
    let groups: Vec<&str> = int_part.split(is_separator).collect();
    if groups.len() > 1 {
        if groups.iter().any(|g| g.is_empty()) {
            return Err("a thousands separator must stand between digits".into());
        }
        let first = groups[0];
        if first.len() > 3 {
            return Err(format!("first digit group {first:?} is over three digits"));
        }
        if let Some(g) = groups[1..].iter().find(|g| g.len() != 3) {
            return Err(format!(
                "digit group {g:?} should have three digits: every thousands separator \
                 (space, '.' or ',') must be followed by exactly three digits"
            ));
        }
    }
    let frac = frac.trim_end_matches('0'); // so that "1 234,00" counts four significant digits
    let digits = groups.concat() + frac;
    let significant = digits.trim_start_matches('0');
    if significant.len() > MAX_SCALE as usize {
        return Err("more than 28 significant digits".into());
    }
    if frac.len() > MAX_SCALE as usize {
        return Err("more than 28 decimals".into());
    }
    let mantissa: i128 = digits.parse().map_err(|_| "no digits")?;
    Decimal::try_from_i128_with_scale(mantissa, frac.len() as u32).map_err(|_| "too large".into())
}

/// Exact arithmetic. Like `Decimal`, it panics past ±7.9·10^28 kr, far beyond any budget.
/// `+= &amount` too, for generic roll-ups over borrowed rows.
macro_rules! forward_op {
    ($op:ident, $method:ident, $op_assign:ident, $method_assign:ident) => {
        impl $op for Amount {
            type Output = Amount;
            fn $method(self, rhs: Amount) -> Amount {
                Amount(self.0.$method(rhs.0))
            }
        }

        impl $op_assign for Amount {
            fn $method_assign(&mut self, rhs: Amount) {
                self.0.$method_assign(rhs.0);
            }
        }

        impl $op_assign<&Amount> for Amount {
            fn $method_assign(&mut self, rhs: &Amount) {
                self.0.$method_assign(rhs.0);
            }
        }
    };
}

forward_op!(Add, add, AddAssign, add_assign);
forward_op!(Sub, sub, SubAssign, sub_assign);

impl Neg for Amount {
    type Output = Amount;
    fn neg(self) -> Amount {
        Amount(-self.0)
    }
}

impl Sum for Amount {
    fn sum<I: Iterator<Item = Amount>>(iter: I) -> Amount {
        iter.fold(Amount::ZERO, Add::add)
    }
}

impl<'a> Sum<&'a Amount> for Amount {
    fn sum<I: Iterator<Item = &'a Amount>>(iter: I) -> Amount {
        iter.copied().sum()
    }
}

impl fmt::Display for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        with_canonical(self.0, |text| f.pad(text))
    }
}

impl FromStr for Amount {
    type Err = Error;
    fn from_str(s: &str) -> Result<Amount> {
        Amount::parse(s)
    }
}

impl Serialize for Amount {
    /// The canonical text, written straight into the output (no `String` per amount: a report
    /// over a region's tree holds a hundred thousand amounts).
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        with_canonical(self.0, |text| serializer.serialize_str(text))
    }
}

impl<'de> Deserialize<'de> for Amount {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Amount, D::Error> {
        deserializer.deserialize_any(AmountVisitor)
    }
}

/// Reads an amount from a string, or from a JSON number only where the number is exact.
struct AmountVisitor;

fn unsafe_number<E: serde::de::Error>(number: impl fmt::Display) -> E {
    E::custom(Error::ParseAmount {
        text: number.to_string(),
        reason: "amounts as JSON numbers must be safe integers or have at most two decimals; \
                 write it as a string"
            .into(),
    })
}

impl serde::de::Visitor<'_> for AmountVisitor {
    type Value = Amount;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an amount as a string such as \"-1 234,50\", or a number")
    }

    /// Text as [`Amount::parse`] reads it, in whole öre: no ledger holds `"1.005"`, and a JSON
    /// number is held to the same (`visit_f64`).
    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Amount, E> {
        let amount = Amount::parse(v).map_err(E::custom)?;
        if !amount.is_whole_ore() {
            return Err(E::custom(Error::ParseAmount {
                text: v.to_string(),
                reason: "finer than an öre; amounts have at most two decimals".into(),
            }));
        }
        Ok(amount)
    }

    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Amount, E> {
        let safe = v.unsigned_abs() <= MAX_SAFE_INTEGER;
        safe.then(|| Amount(v.into()))
            .ok_or_else(|| unsafe_number(v))
    }

    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Amount, E> {
        let safe = v <= MAX_SAFE_INTEGER;
        safe.then(|| Amount(v.into()))
            .ok_or_else(|| unsafe_number(v))
    }

    /// Read exactly from the shortest round-trip text (`{}` never writes an exponent): integral
    /// values must be safe integers, others have at most two decimals. Either has at most 18
    /// digits, which `Decimal`'s `FromStr` reads exactly (its exact variant would be a second
    /// decimal reader in the .wasm, 5 KB).
    fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Amount, E> {
        let text = v.to_string();
        let exact = match text.split_once('.') {
            Some((_, frac)) => frac.len() <= 2,
            None => v.is_finite() && v.abs() <= MAX_SAFE_INTEGER as f64,
        };
        match text.parse::<Decimal>() {
            Ok(d) if exact => Ok(Amount(d)),
            _ => Err(unsafe_number(v)),
        }
    }
}

/// Display unit; never a storage unit. Serialised as "kr", "tkr", "mnkr".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DisplayUnit {
    /// kronor
    #[default]
    Kr,
    /// tusen kronor, tkr
    Tkr,
    /// miljoner kronor, mnkr
    Mnkr,
}

impl DisplayUnit {
    /// Kronor per unit: 1, 1000, 1 000 000.
    pub fn factor(self) -> Decimal {
        Decimal::from(10_i64.pow(self.exponent()))
    }

    /// "kr", "tkr" or "mnkr", case-insensitive; "mkr" is read as mnkr.
    pub fn parse(text: &str) -> Result<DisplayUnit> {
        unit_from_label(text.trim()).ok_or_else(|| {
            Error::option(format!(
                "unknown display unit {text:?}; expected kr, tkr or mnkr"
            ))
        })
    }

    pub fn label(self) -> &'static str {
        match self {
            DisplayUnit::Kr => "kr",
            DisplayUnit::Tkr => "tkr",
            DisplayUnit::Mnkr => "mnkr",
        }
    }

    /// The power of ten of [`DisplayUnit::factor`].
    fn exponent(self) -> u32 {
        match self {
            DisplayUnit::Kr => 0,
            DisplayUnit::Tkr => 3,
            DisplayUnit::Mnkr => 6,
        }
    }
}

/// The unit a label names, shared by amount suffixes and [`DisplayUnit::parse`].
fn unit_from_label(label: &str) -> Option<DisplayUnit> {
    match label.to_lowercase().as_str() {
        "kr" => Some(DisplayUnit::Kr),
        "tkr" => Some(DisplayUnit::Tkr),
        "mnkr" | "mkr" => Some(DisplayUnit::Mnkr),
        _ => None,
    }
}

#[cfg(test)]
#[path = "money_tests.rs"]
mod tests;
