//! Cells of imported tables: amounts (via [`Amount::parse`], so sv-SE numbers, `tkr`, `(1 234)`)
//! and periods (`2025-03`, `202503`, `2025-03-31`, `mars 2025`, a year, or a month number with the
//! year from elsewhere). Each reader says what it expected when it fails.
//!
//! Not here: which column is which ([`super::columns`]) or signs (`table.rs`, which reads cells here).

use rust_decimal::Decimal;

use crate::calendar::Month;
use crate::num::money::{Amount, DisplayUnit};

use super::columns::{self, Field};
use super::rows::trim;

/// The largest amount one cell may hold, in kronor: 10^15 (a million billion). Larger is surely a
/// mistake, and the bound keeps sums of any number of cells far from `Decimal`'s limit.
const MAX_CELL: i64 = 1_000_000_000_000_000;

/// A cell that could not be read: the stable code, the message and what was expected.
#[derive(Debug, PartialEq, Eq)]
pub struct CellError {
    pub code: &'static str,
    pub message: String,
    pub expected: &'static str,
}

/// What was expected of an amount cell, for error reports.
pub const AMOUNT_EXPECTED: &str =
    "an amount such as -1 234,50, 1234.5, (1 234) or 1,5 mnkr, or an empty cell";

/// An amount cell in `scale` units, as whole öre; `None` for an empty cell or a lone dash. A
/// warning text comes back with a value that could be read two ways. Öre, not a `Decimal`:
/// readers add a million cells up, and integers add faster (and a cell's öre fit an `i64`).
pub fn amount(text: &str, scale: DisplayUnit) -> Result<(Option<i64>, Option<String>), CellError> {
    let text = trim(text);
    if scale == DisplayUnit::Kr {
        // Nearly every cell: plain digits with at most two decimals, so nothing to warn about.
        if let Some(ore) = Amount::parse_plain_ore(text).filter(|o| o.abs() <= MAX_CELL * 100) {
            return Ok((Some(ore), None));
        }
    }
    if text.is_empty() || matches!(text, "-" | "–" | "−") {
        return Ok((None, None));
    }
    let parsed = Amount::parse(text).map_err(|e| CellError {
        code: "E_PARSE_AMOUNT",
        message: e.to_string(),
        expected: AMOUNT_EXPECTED,
    })?;
    let range = || CellError {
        code: "E_AMOUNT_RANGE",
        message: format!("the amount {text:?} is beyond ±10^15 kr"),
        expected: "an amount within ±1 000 000 000 000 000 kr",
    };
    let value = match scale {
        DisplayUnit::Kr => parsed,
        _ => parsed.checked_mul(scale.factor()).ok_or_else(range)?,
    };
    if value.decimal().abs() > Decimal::from(MAX_CELL) {
        return Err(range());
    }
    // After the scale: 1,2345 tkr is 1 234,50 kr and fine, -1000,005 kr is not.
    let Some(ore) = value.to_ore() else {
        return Err(CellError {
            code: "E_AMOUNT_PRECISION",
            message: format!(
                "the amount {text:?} is {} kr, finer than an öre{}",
                value.decimal().normalize(),
                thousands(text).map_or(String::new(), |(before, after)| format!(
                    "; write {before} {after} if thousands were meant"
                ))
            ),
            expected: "an amount in whole öre: at most two decimals in kronor, after the column's tkr or mnkr",
        });
    };
    Ok((Some(ore), ambiguity(text, value)))
}

/// `1,500` and `1.500` are read as one and a half (a lone separator is decimal); a reader from
/// an English or German file may have meant fifteen hundred, so say so.
fn ambiguity(text: &str, value: Amount) -> Option<String> {
    let (before, after) = thousands(text)?;
    // The one separator there is.
    let sep = if text.contains(',') { ',' } else { '.' };
    Some(format!(
        "{text:?} was read as {} (a decimal {sep:?}); write {before} {after} if thousands were meant",
        value.to_canonical()
    ))
}

/// The digits before and after a lone `,` or `.` that stands before exactly three digits, after
/// one to three (`1,500`, `999.999`): what could be a thousands separator.
fn thousands(text: &str) -> Option<(&str, &str)> {
    let digits = text.trim_start_matches(['-', '+', '−', '–', '(']);
    // Bytes, not chars: both separators are ASCII, and this runs for every amount read.
    let mut seps = digits
        .bytes()
        .enumerate()
        .filter(|(_, b)| matches!(b, b',' | b'.'));
    let (Some((at, _)), None) = (seps.next(), seps.next()) else {
        return None;
    };
    let after = &digits[at + 1..];
    let three = after.len() == 3 && after.bytes().all(|b| b.is_ascii_digit());
    let before = &digits[..at];
    let short = (1..=3).contains(&before.len()) && before.bytes().all(|b| b.is_ascii_digit());
    (three && short).then_some((before, after))
}

/// When a row's amount belongs: a month, or a whole year (budgets only).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum When {
    Month(Month),
    Year(i32),
}

/// What was expected of a period cell, for error reports.
pub const PERIOD_EXPECTED: &str =
    "a period such as 2025-03, 202503, 2025-03-31, mars 2025, a year such as 2025, or a month number 1-12 with a year column or the year option";

/// A period cell; `year` is the year of the row (a year column or the `year` option) for month
/// numbers and names without a year.
pub fn period(text: &str, year: Option<i32>) -> Result<When, CellError> {
    if let Some(month) = plain_month(text) {
        return Ok(When::Month(month));
    }
    let t = columns::normalise(text);
    let fail = || CellError {
        code: "E_PARSE_MONTH",
        message: format!("cannot read the period {text:?}"),
        expected: PERIOD_EXPECTED,
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let month = |y: &str, m: &str| -> Result<When, CellError> {
        let (y, m) = (
            y.parse().map_err(|_| fail())?,
            m.parse().map_err(|_| fail())?,
        );
        Month::new(y, m).map(When::Month).map_err(|_| fail())
    };
    match t.len() {
        4 if digits(&t) => {
            let y: i32 = t.parse().map_err(|_| fail())?;
            return Month::new(y, 1).map(|_| When::Year(y)).map_err(|_| fail());
        }
        6 if digits(&t) => return month(&t[..4], &t[4..]),
        1 | 2 if digits(&t) => {
            let y = year.ok_or_else(|| CellError {
                code: "E_PARSE_MONTH",
                message: format!("the period {text:?} is a month number without a year"),
                expected: PERIOD_EXPECTED,
            })?;
            return month(&y.to_string(), &t);
        }
        _ => {}
    }
    // 2025-03, 2025/03, 2025-03-31 (a date in the month)
    let parts: Vec<&str> = t.split(['-', '/', '.']).collect();
    match parts.as_slice() {
        [y, m] | [y, m, _] if y.len() == 4 && digits(y) && digits(m) && m.len() <= 2 => {
            let found = month(y, m)?;
            // A date must be one the calendar has: 2025-02-30 is not read as February.
            if let ([_, _, d], When::Month(mm)) = (parts.as_slice(), found) {
                let day: u32 = d.parse().map_err(|_| fail())?;
                if !digits(d) || !(1..=mm.days()).contains(&day) {
                    return Err(CellError {
                        code: "E_PARSE_MONTH",
                        message: format!(
                            "the date {text:?} is not in the calendar: {mm} has {} days",
                            mm.days()
                        ),
                        expected: PERIOD_EXPECTED,
                    });
                }
            }
            return Ok(found);
        }
        _ => {}
    }
    // mars 2025, 2025 mars, mars (with the row's year)
    match columns::column(&t).map(|c| c.field) {
        Some(Field::MonthColumn(Some(y), m)) => {
            Month::new(y, m).map(When::Month).map_err(|_| fail())
        }
        Some(Field::MonthColumn(None, m)) => match year {
            Some(y) => Month::new(y, m).map(When::Month).map_err(|_| fail()),
            None => Err(fail()),
        },
        _ => Err(fail()),
    }
}

/// `2025-03`, the form of nearly every period cell, read without the general path's
/// allocations; `None` for anything else, which that path then reads (or explains).
fn plain_month(text: &str) -> Option<Month> {
    let b = text.as_bytes();
    let digit = |i: usize| b[i].is_ascii_digit().then(|| u32::from(b[i] - b'0'));
    if b.len() != 7 || b[4] != b'-' {
        return None;
    }
    let year = (0..4).try_fold(0, |y, i| Some(y * 10 + digit(i)?))?;
    let month = digit(5)? * 10 + digit(6)?;
    Month::new(year as i32, month).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The amount a cell in `scale` holds, as canonical text.
    fn kr(text: &str, scale: DisplayUnit) -> String {
        Amount::from_ore(amount(text, scale).unwrap().0.unwrap()).to_canonical()
    }

    fn amt(text: &str) -> String {
        kr(text, DisplayUnit::Kr)
    }

    #[test]
    fn amounts_are_swedish_numbers_scaled_by_the_column() {
        assert_eq!(amt("-1 234,50"), "-1234.5");
        assert_eq!(amt("(1 234)"), "-1234");
        assert_eq!(amt("1,5 mnkr"), "1500000");
        assert_eq!(kr("2,5", DisplayUnit::Tkr), "2500");
        assert_eq!(amount(" - ", DisplayUnit::Kr).unwrap(), (None, None));
        assert_eq!(amount("", DisplayUnit::Kr).unwrap(), (None, None));
    }

    #[test]
    fn amounts_finer_than_an_ore_after_the_scale_are_refused() {
        for (text, scale) in [
            ("-1000,005", DisplayUnit::Kr),
            ("1.005", DisplayUnit::Kr),
            ("0,001 kr", DisplayUnit::Kr),
            ("1,234567", DisplayUnit::Tkr),
            ("0,000000001", DisplayUnit::Mnkr),
        ] {
            let e = amount(text, scale).unwrap_err();
            assert_eq!(e.code, "E_AMOUNT_PRECISION", "{text} {scale:?}");
            assert!(e.message.contains("finer than an öre"), "{}", e.message);
        }
        // Whole öre once scaled: 1,2345 tkr is 1 234,50 kr.
        assert_eq!(kr("1,2345", DisplayUnit::Tkr), "1234.5");
        assert_eq!(kr("1,2345 tkr", DisplayUnit::Kr), "1234.5");
        assert_eq!(kr("-1000,000", DisplayUnit::Kr), "-1000");
        assert_eq!(kr("0,0000001", DisplayUnit::Mnkr), "0.1");
    }

    #[test]
    fn bad_amounts_say_what_was_expected() {
        let e = amount("tolv", DisplayUnit::Kr).unwrap_err();
        assert_eq!((e.code, e.expected), ("E_PARSE_AMOUNT", AMOUNT_EXPECTED));
        assert_eq!(
            amount("1,5,0", DisplayUnit::Kr).unwrap_err().code,
            "E_PARSE_AMOUNT"
        );
        let huge = "1 000 000 000 000 001";
        assert_eq!(
            amount(huge, DisplayUnit::Kr).unwrap_err().code,
            "E_AMOUNT_RANGE"
        );
        assert_eq!(
            amount("2 000 000 000 000", DisplayUnit::Mnkr)
                .unwrap_err()
                .code,
            "E_AMOUNT_RANGE"
        );
    }

    #[test]
    fn a_lone_separator_before_three_digits_is_flagged() {
        let (v, warn) = amount("1,500", DisplayUnit::Kr).unwrap();
        assert_eq!(v, Some(150));
        assert!(warn.unwrap().contains("1 500"));
        assert_eq!(amount("1,50", DisplayUnit::Kr).unwrap().1, None);
        // Three decimals after a grouped integer part are no thousands: finer than an öre.
        let e = amount("1 234,567", DisplayUnit::Kr).unwrap_err();
        assert_eq!(e.code, "E_AMOUNT_PRECISION");
        assert!(!e.message.contains("thousands"), "{}", e.message);
        // One that could be thousands says so.
        let e = amount("999.999", DisplayUnit::Kr).unwrap_err();
        assert!(
            e.message.contains("write 999 999 if thousands were meant"),
            "{}",
            e.message
        );
    }

    #[test]
    fn periods_in_the_usual_forms() {
        let m = |s: &str| When::Month(Month::parse(s).unwrap());
        assert_eq!(period("2025-03", None).unwrap(), m("2025-03"));
        assert_eq!(period("202503", None).unwrap(), m("2025-03"));
        assert_eq!(period("2025-03-31", None).unwrap(), m("2025-03"));
        assert_eq!(period("2024-02-29", None).unwrap(), m("2024-02"));
        assert_eq!(period("2025-04-30", None).unwrap(), m("2025-04"));
        assert_eq!(period("2025/3", None).unwrap(), m("2025-03"));
        assert_eq!(period("Mars 2025", None).unwrap(), m("2025-03"));
        assert_eq!(period("okt", Some(2025)).unwrap(), m("2025-10"));
        assert_eq!(period("7", Some(2025)).unwrap(), m("2025-07"));
        assert_eq!(period("2025", None).unwrap(), When::Year(2025));
    }

    #[test]
    fn bad_periods_are_errors() {
        for bad in [
            "2025-13",
            "202513",
            "7",
            "13",
            "2025-02-32",
            "2025-02-30",
            "2025-02-29",
            "2025-04-31",
            "2025-02-00",
            "förra månaden",
            "",
            "99999",
        ] {
            let e = period(bad, if bad == "13" { Some(2025) } else { None }).unwrap_err();
            assert_eq!(e.code, "E_PARSE_MONTH", "{bad}");
        }
    }
}
