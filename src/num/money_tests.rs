//! Tests of `money`, kept beside it so the module itself reads in one sitting.

use super::*;
use proptest::prelude::*;

fn dec(s: &str) -> Decimal {
    Decimal::from_str_exact(s).unwrap()
}

fn amount(s: &str) -> Amount {
    Amount::new(dec(s))
}

/// The reason of a parse error, or a panic naming the unexpected success.
fn reason(text: &str) -> String {
    match Amount::parse(text) {
        Err(Error::ParseAmount { text: t, reason }) if t == text => reason,
        other => panic!("{text:?} should not parse, got {other:?}"),
    }
}

#[test]
fn reads_swedish_and_plain_amounts() {
    #[rustfmt::skip]
    let cases = [
        ("1 234,50", "1234.50"), ("\u{2212}1 234", "-1234"), ("\u{2013}1 234", "-1234"), ("-1234.5", "-1234.5"),
        ("1\u{a0}234", "1234"), ("1\u{202f}234,5", "1234.5"), ("1\u{2009}234\u{2009}567", "1234567"), ("1,5 mnkr", "1500000"),
        ("236 mnkr", "236000000"), ("236 MKR", "236000000"), ("-2 tkr", "-2000"), ("\u{2212}2 tkr", "-2000"),
        ("12 kr", "12"), ("12kr", "12"), ("(1 234)", "-1234"), ("(1 234) tkr", "-1234000"),
        ("(1,5 mnkr)", "-1500000"), ("+5", "5"), ("- 5", "-5"), ("  42  ", "42"),
        ("1.234,50", "1234.50"), ("1,234.50", "1234.50"), ("1.234.567", "1234567"), ("1,234,567.89", "1234567.89"),
        ("1234,5", "1234.5"), ("1,234", "1.234"), (".5", "0.5"), ("0,001 tkr", "1"), ("-0", "0"),
        ("1 234 567 890 123 456 789 012 345 678,00", "1234567890123456789012345678"),
    ];
    for (text, want) in cases {
        assert_eq!(Amount::parse(text).unwrap(), amount(want), "{text:?}");
    }
    assert_eq!("1 234,50".parse::<Amount>().unwrap().to_string(), "1234.5");
    assert!(!Amount::parse("-0").unwrap().decimal().is_sign_negative());
}

#[test]
fn rejects_unreadable_amounts_with_a_reason() {
    #[rustfmt::skip]
    let cases = [
        ("", "empty"), ("   ", "empty"), ("abc", "no digits"),
        ("NaN", "no digits"), ("-Infinity", "no digits"), (",", "no digits"),
        ("1,2,3", "three digits"), ("12 34", "\"34\" should have three digits"), ("1234 567", "first digit group"),
        ("1  234", "between digits"), ("--5", "more than one sign"), ("-(5)", "more than one sign"),
        ("(-5)", "more than one sign"), ("+-5", "more than one sign"), ("5-", "a sign must come first"),
        ("(5", "unbalanced parentheses"), ("5)", "unbalanced parentheses"), ("5 apor", "unknown unit \"apor\""),
        ("(5 tkr) kr", "more than one unit"), ("1e5", "exponent"), ("1x5", "unexpected character 'x'"),
        ("5,", "no digits after the decimal separator"), ("1,5 6", "only digits may follow"), ("1.2,3.4", "occurs twice"),
        ("1,23.456", "three digits"), ("12345678901234567890123456789", "28 significant digits"), ("0.00000000000000000000000000001", "28 decimals"),
        ("9999999999999999999999999 mnkr", "too large"), ("-19999999999999999999999 mkr", "too large"),
    ];
    for (text, want) in cases {
        let got = reason(text);
        assert!(got.contains(want), "{text:?}: {got:?} lacks {want:?}");
    }
    let error = Amount::parse("5 apor").unwrap_err();
    assert_eq!(error.code(), "E_PARSE_AMOUNT");
}

#[test]
fn formats_swedish_display() {
    use DisplayUnit::{Kr, Mnkr, Tkr};
    #[rustfmt::skip]
    let cases = [
        ("1234.5", Kr, 2, "1\u{a0}234,50"), ("-157333333.33", Mnkr, 1, "\u{2212}157,3"),
        ("-157333333.33", Tkr, 0, "\u{2212}157\u{a0}333"), ("0.04", Kr, 1, "0,0"), ("-0.04", Kr, 1, "0,0"),
        ("-0.4", Kr, 0, "0"), ("-400", Tkr, 0, "0"), ("2.5", Kr, 0, "3"), ("-2.5", Kr, 0, "\u{2212}3"),
        ("0.125", Kr, 2, "0,13"), ("-0.125", Kr, 2, "\u{2212}0,13"), ("1500", Tkr, 0, "2"), ("7", Kr, 3, "7,000"),
        ("1234567", Kr, 0, "1\u{a0}234\u{a0}567"), ("123456", Kr, 0, "123\u{a0}456"),
        ("-1234567890.5", Kr, 1, "\u{2212}1\u{a0}234\u{a0}567\u{a0}890,5"),
        // 28 decimals: a rounding division by 10^6 would make this 0,000001.
        ("0.4999999999999999999999999999", Mnkr, 6, "0,000000"),
    ];
    for (value, unit, decimals, want) in cases {
        let got = amount(value).format(unit, decimals);
        assert_eq!(got, want, "{value} {unit:?} {decimals}");
    }
}

#[test]
fn canonical_form_is_plain_and_rounding_is_half_away() {
    assert_eq!(amount("1200.00").to_canonical(), "1200");
    assert_eq!(amount("-0").to_canonical(), "0");
    assert_eq!((-Amount::ZERO).to_canonical(), "0");
    assert_eq!((-Amount::ZERO).format(DisplayUnit::Kr, 1), "0,0");
    assert_eq!(amount("0.50").to_canonical(), "0.5");
    assert_eq!(amount("-157333333.33").to_string(), "-157333333.33");
    assert_eq!(round_half_away(dec("0.125"), 2), dec("0.13"));
    assert_eq!(round_half_away(dec("-0.125"), 2), dec("-0.13"));
    assert_eq!(amount("-2.5").round(0), amount("-3"));
    assert_eq!(amount("1.2345").round(3), amount("1.235"));
}

#[test]
fn arithmetic_and_sums_are_exact() {
    let parts = [amount("0.1"), amount("0.2"), amount("-0.3")];
    assert!(parts.iter().sum::<Amount>().is_zero());
    assert_eq!(parts.into_iter().sum::<Amount>(), Amount::ZERO);
    let mut a = amount("10");
    a += amount("2.5");
    a -= &amount("0.5");
    a += &amount("0");
    assert_eq!(a, amount("12"));
    assert_eq!(a - amount("20") + amount("1"), amount("-7"));
    assert_eq!((-a).abs(), a);
    assert_eq!(a.checked_mul(dec("0.25")), Some(amount("3")));
    assert_eq!(Amount::new(Decimal::MAX).checked_mul(dec("2")), None);
}

#[test]
fn display_units_parse_and_serialise() {
    use DisplayUnit::{Kr, Mnkr, Tkr};
    for (text, unit) in [("MNKR", Mnkr), ("mkr", Mnkr), ("Tkr", Tkr), (" kr ", Kr)] {
        assert_eq!(DisplayUnit::parse(text).unwrap(), unit, "{text}");
    }
    assert_eq!(DisplayUnit::parse("mkr").unwrap().label(), "mnkr");
    assert_eq!(DisplayUnit::parse("kkr").unwrap_err().code(), "E_OPTION");
    assert_eq!(DisplayUnit::Mnkr.factor(), dec("1000000"));
    assert_eq!(DisplayUnit::default(), DisplayUnit::Kr);
    assert_eq!(serde_json::to_string(&DisplayUnit::Tkr).unwrap(), "\"tkr\"");
    let unit: DisplayUnit = serde_json::from_str("\"mnkr\"").unwrap();
    assert_eq!(unit, DisplayUnit::Mnkr);
}

#[test]
fn json_accepts_strings_and_exact_numbers() {
    let read = |json: &str| serde_json::from_str::<Amount>(json);
    #[rustfmt::skip]
    let good = [
        ("\"-1 234,50\"", "-1234.50"), ("\"236 mnkr\"", "236000000"), ("1234", "1234"), ("-1234", "-1234"),
        ("12.5", "12.5"), ("0.1", "0.1"), ("-0.07", "-0.07"), ("1e3", "1000"), ("-0.0", "0"),
        ("9007199254740991", "9007199254740991"), ("-9007199254740991", "-9007199254740991"),
    ];
    for (json, want) in good {
        assert_eq!(read(json).unwrap(), amount(want), "{json}");
    }
    #[rustfmt::skip]
    let unsafe_numbers = ["0.123", "1e20", "9007199254740992", "-9007199254740992", "0.30000000000000004"];
    for json in unsafe_numbers {
        let err = read(json).unwrap_err().to_string();
        let why = "must be safe integers or have at most two decimals; write it as a string";
        assert!(err.contains(why), "{json}: {err}");
    }
    // Text in whole öre: trailing zeros and a scale that comes out whole are fine.
    for (json, want) in [
        ("\"1.500\"", "1.5"),
        ("\"1,2345 tkr\"", "1234.5"),
        ("\"-0,01\"", "-0.01"),
    ] {
        assert_eq!(read(json).unwrap(), amount(want), "{json}");
    }
    for json in ["\"1.005\"", "\"-1000,005\"", "\"0,001 kr\""] {
        let err = read(json).unwrap_err().to_string();
        assert!(err.contains("finer than an öre"), "{json}: {err}");
    }
    let err = read("\"12 34\"").unwrap_err().to_string();
    assert!(err.contains("three digits"), "{err}");
    assert!(read("true").is_err());
    let json = serde_json::to_string(&amount("-1234.50")).unwrap();
    assert_eq!(json, "\"-1234.5\"");
}

/// Amounts of up to 28 digits, `max_dp` of them decimals: all that [`Amount::parse`] reads.
fn amounts(max_dp: u32) -> impl Strategy<Value = Amount> {
    let bound = 10_i128.pow(28) - 1;
    (-bound..=bound, 0..=max_dp).prop_map(|(m, dp)| Amount(Decimal::from_i128_with_scale(m, dp)))
}

/// Amounts as a ledger writes them: a sign or none, digits ungrouped or grouped by any
/// accepted space, perhaps decimals after `,` or `.`, perhaps surrounding whitespace.
fn plain_amounts() -> impl Strategy<Value = String> {
    let ungrouped = "[0-9]{1,22}".prop_map(|d| vec![d]);
    let grouped = ("[0-9]{1,3}", prop::collection::vec("[0-9]{3}", 1..=6))
        .prop_map(|(first, rest)| [vec![first], rest].concat());
    (
        "(|-|\\+|\u{2212}|\u{2013})",
        prop_oneof![ungrouped, grouped],
        prop::sample::select(GROUP_SPACES.to_vec()),
        "(|[,.][0-9]{1,6})",
        "[ \\t\u{a0}\u{2009}]?",
    )
        .prop_map(|(sign, groups, space, decimals, pad)| {
            let int = groups.join(&space.to_string());
            format!("{pad}{sign}{int}{decimals}{pad}")
        })
}

/// One character that may make an amount unreadable, or read differently.
const AMOUNT_NOISE: &str = "[-+\u{2212}\u{2013}0-9 ,.\u{a0}\u{202f}\u{2009}()ekrtmn]";

/// [`Amount::parse`] gives exactly what the general parser gives: the same value with the
/// same scale and sign bit, or the same reason.
fn same_as_general(text: &str) -> Result<(), TestCaseError> {
    let general = parse_amount(text).map(|d| d.serialize());
    let got = match Amount::parse(text) {
        Ok(amount) => Ok(amount.decimal().serialize()),
        Err(Error::ParseAmount { text: t, reason }) if t == text => Err(reason),
        Err(other) => return Err(TestCaseError::fail(format!("{text:?}: {other:?}"))),
    };
    prop_assert_eq!(&got, &general, "{:?}", text);
    // The öre fast path reads what it reads to the general parser's value, in whole öre.
    if let Some(ore) = Amount::parse_plain_ore(text) {
        let amount = Amount::parse(text).unwrap();
        prop_assert_eq!(Amount::from_ore(ore), amount, "{:?}", text);
        prop_assert_eq!(amount.to_ore(), Some(ore), "{:?}", text);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    /// What the Swedish display shows with two decimals reads back to the same amount, also
    /// when another accepted space or minus sign was typed.
    #[test]
    fn swedish_display_reads_back(
        x in amounts(2),
        space in prop::sample::select(GROUP_SPACES.to_vec()),
        minus in prop::sample::select(MINUS_SIGNS.to_vec()),
    ) {
        let shown = x.format(DisplayUnit::Kr, 2);
        prop_assert_eq!(Amount::parse(&shown).unwrap(), x);
        let typed = shown.replace('\u{a0}', &space.to_string()).replace('\u{2212}', &minus.to_string());
        prop_assert_eq!(Amount::parse(&typed).unwrap(), x);
    }

    #[test]
    fn canonical_text_reads_back(x in amounts(6)) {
        let text = x.to_canonical();
        prop_assert!(text != "-0" && !text.contains('e'), "{}", text);
        prop_assert_eq!(Amount::parse(&text).unwrap(), x);
        // JSON reads back whole öre only: a finer amount is refused, never rounded.
        let back = serde_json::from_str::<Amount>(&serde_json::to_string(&x).unwrap());
        if x.is_whole_ore() {
            prop_assert_eq!(back.unwrap(), x);
        } else {
            prop_assert!(back.unwrap_err().to_string().contains("finer than an öre"));
        }
    }

    /// Plainly written amounts take the fast path whenever they have at most 18 digits, and
    /// read to the same value, scale and sign as the general parser.
    #[test]
    fn plain_amounts_take_the_fast_path(text in plain_amounts()) {
        let digits = text.bytes().filter(u8::is_ascii_digit).count();
        let ascii_ends = text.trim_ascii() == text.trim();
        prop_assert_eq!(parse_plain(&text).is_some(), digits <= 18 && ascii_ends, "{:?}", text);
        same_as_general(&text)?;
    }

    /// Near misses and noise: the fast path either declines or agrees, so every result and
    /// every error reason is the general parser's.
    #[test]
    fn any_text_reads_as_the_general_parser_reads_it(
        text in prop_oneof![
            plain_amounts().prop_flat_map(|t| {
                let len = t.chars().count();
                (Just(t), 0..=len, AMOUNT_NOISE.prop_map(String::from))
            })
            .prop_map(|(t, at, insert)| {
                let i = t.char_indices().nth(at).map_or(t.len(), |(i, _)| i);
                format!("{}{insert}{}", &t[..i], &t[i..])
            }),
            "[-+\u{2212}\u{2013}0-9 ,.\u{a0}\u{202f}\u{2009}()ekrtmn]{0,24}",
        ]
    ) {
        same_as_general(&text)?;
    }

    #[test]
    fn large_units_format_the_scaled_value(
        x in amounts(4), decimals in 0..=3_u32,
        unit in prop::sample::select(vec![DisplayUnit::Tkr, DisplayUnit::Mnkr]),
    ) {
        let scaled = Amount::new(round_half_away(x.decimal() / unit.factor(), decimals));
        prop_assert_eq!(x.format(unit, decimals), scaled.format(DisplayUnit::Kr, decimals));
    }
}

#[test]
fn ore_is_whole_ore_both_ways() {
    let ore = |t: &str| Amount::parse(t).unwrap().to_ore();
    assert_eq!(ore("1.500"), Some(150), "trailing zeros past the öre");
    assert_eq!(ore("-12"), Some(-1200));
    assert_eq!(ore("0.01"), Some(1));
    assert_eq!(ore("0.005"), None, "finer than an öre");
    assert_eq!(ore("100000000000000000"), None, "beyond an i64 of öre");
    assert_eq!(Amount::from_ore(-1234550).to_canonical(), "-12345.5");
    assert_eq!(Amount::parse_plain_ore("1 234,5"), Some(123450));
    assert_eq!(Amount::parse_plain_ore("−1\u{a0}234,56"), Some(-123456));
    assert_eq!(
        Amount::parse_plain_ore("1,500"),
        None,
        "three decimals: the general parser's"
    );
    assert_eq!(Amount::parse_plain_ore("12 34"), None);
}
