//! Tests of `periodise`, kept beside it so the module itself reads in one sitting.

use super::*;
use crate::num::money::round_half_away;
use proptest::prelude::*;

fn dec(text: &str) -> Decimal {
    text.parse().unwrap()
}

fn amt(text: &str) -> Amount {
    Amount::new(dec(text))
}

fn amounts(texts: &[&str]) -> Vec<Amount> {
    texts.iter().map(|t| amt(t)).collect()
}

fn decs(texts: &[&str]) -> Vec<Decimal> {
    texts.iter().map(|t| dec(t)).collect()
}

fn reason(error: Error) -> String {
    assert_eq!(error.code(), "E_PERIODISE");
    match error {
        Error::Periodise { reason } => reason,
        other => panic!("not a periodisation error: {other:?}"),
    }
}

#[test]
fn linear_hospital_care_check_from_the_audit() {
    // -236 mnkr: 23 600 000 000 öre / 12 leaves 8 öre, all remainders are equal, so the
    // first eight months get the extra öre.
    let p = periodise(amt("-236000000"), 2025, &Method::Linear, Rounding::Ore).unwrap();
    assert_eq!(p.method, MethodKind::Linear);
    assert_eq!(p.months[..8], [amt("-19666666.67"); 8]);
    assert_eq!(p.months[8..], [amt("-19666666.66"); 4]);
    let per_august: Amount = p.months[..8].iter().copied().sum();
    assert_eq!(per_august, amt("-157333333.36"));
    assert_eq!(p.months.iter().copied().sum::<Amount>(), amt("-236000000"));
    // -157.3 mnkr, as the audit says.
    assert_eq!(
        round_half_away(per_august.decimal() / dec("1000000"), 1),
        dec("-157.3")
    );
}

#[test]
fn linear_in_whole_kronor() {
    let p = periodise(amt("-236000000"), 2025, &Method::Linear, Rounding::Krona).unwrap();
    assert_eq!(p.months[..8], [amt("-19666667"); 8]);
    assert_eq!(p.months[8..], [amt("-19666666"); 4]);
    let p = periodise(amt("100"), 2025, &Method::Linear, Rounding::Krona).unwrap();
    assert_eq!(p.months[..4], [amt("9"); 4]);
    assert_eq!(p.months[4..], [amt("8"); 8]);
    // A total written with zero öre is still whole kronor.
    let p = periodise(amt("120.00"), 2025, &Method::Linear, Rounding::Krona).unwrap();
    assert_eq!(p.months, [amt("10"); 12]);
}

#[test]
fn days_follow_february_and_leap_years() {
    let p = periodise(amt("366000"), 2024, &Method::Days, Rounding::Ore).unwrap();
    assert_eq!(p.months[1], amt("29000"));
    let p = periodise(amt("365000"), 2025, &Method::Days, Rounding::Ore).unwrap();
    assert_eq!(p.method, MethodKind::Days);
    assert_eq!(p.months[1], amt("28000"));
    assert_eq!(p.months[0], amt("31000"));
    assert_eq!(p.months[3], amt("30000"));
    // Against a reference computed with exact fractions.
    let p = periodise(amt("1000000"), 2025, &Method::Days, Rounding::Ore).unwrap();
    let expected = [
        "84931.51", "76712.33", "84931.51", "82191.78", "84931.51", "82191.78", "84931.51",
        "84931.51", "82191.78", "84931.50", "82191.78", "84931.50",
    ];
    assert_eq!(p.months.to_vec(), amounts(&expected));
    let p = periodise(amt("1000000"), 2024, &Method::Days, Rounding::Ore).unwrap();
    let expected = [
        "84699.46", "79234.97", "84699.46", "81967.21", "84699.46", "81967.21", "84699.46",
        "84699.45", "81967.21", "84699.45", "81967.21", "84699.45",
    ];
    assert_eq!(p.months.to_vec(), amounts(&expected));
}

#[test]
fn workdays_of_2025() {
    let p = periodise(amt("249000"), 2025, &Method::Workdays, Rounding::Ore).unwrap();
    assert_eq!(p.method, MethodKind::Workdays);
    let expected = [21, 20, 21, 20, 20, 19, 23, 21, 22, 23, 20, 19]
        .map(|d| Amount::new(Decimal::from(d * 1000)));
    assert_eq!(p.months, expected);
    let p = periodise(amt("-1000000"), 2025, &Method::Workdays, Rounding::Ore).unwrap();
    let expected = [
        "-84337.35",
        "-80321.29",
        "-84337.35",
        "-80321.29",
        "-80321.28",
        "-76305.22",
        "-92369.48",
        "-84337.35",
        "-88353.41",
        "-92369.48",
        "-80321.28",
        "-76305.22",
    ];
    assert_eq!(p.months.to_vec(), amounts(&expected));
}

#[test]
fn profile_with_empty_months() {
    let profile: [Decimal; 12] = [
        "0", "0", "1.5", "2", "2.25", "3", "0", "0", "3", "2", "1.125", "0",
    ]
    .map(dec);
    let p = periodise(
        amt("-1234567.89"),
        2025,
        &Method::Profile(profile),
        Rounding::Ore,
    )
    .unwrap();
    assert_eq!(p.method, MethodKind::Profile);
    let expected = [
        "0",
        "0",
        "-124494.24",
        "-165992.32",
        "-186741.36",
        "-248988.49",
        "0",
        "0",
        "-248988.48",
        "-165992.32",
        "-93370.68",
        "0",
    ];
    assert_eq!(p.months.to_vec(), amounts(&expected));
}

#[test]
fn profile_errors_name_the_month() {
    let mut profile = [Decimal::ONE; 12];
    profile[3] = dec("-0.5");
    let r =
        reason(periodise(amt("100"), 2025, &Method::Profile(profile), Rounding::Ore).unwrap_err());
    assert!(
        r.contains("2025-04") && r.contains("-0.5") && r.contains("non-negative"),
        "{r}"
    );
    let r = reason(
        periodise(
            amt("100"),
            2025,
            &Method::Profile([Decimal::ZERO; 12]),
            Rounding::Ore,
        )
        .unwrap_err(),
    );
    assert!(r.contains("all zero"), "{r}");
    // A negative zero is zero, not negative.
    let mut profile = [Decimal::ONE; 12];
    profile[0] = dec("-0.00");
    let p = periodise(amt("110"), 2025, &Method::Profile(profile), Rounding::Krona).unwrap();
    assert_eq!(p.months[0], Amount::ZERO);
    assert_eq!(p.months[1], amt("10"));
}

#[test]
fn prior_year_follows_last_years_shape() {
    let last: [Amount; 12] = [
        "-120000.50",
        "-80000",
        "-100000",
        "-100000",
        "-90000",
        "0",
        "-30000",
        "-40000",
        "-100000",
        "-110000",
        "-120000",
        "-150000.25",
    ]
    .map(amt);
    let p = periodise(
        amt("-500000"),
        2026,
        &Method::PriorYear(Some(last)),
        Rounding::Ore,
    )
    .unwrap();
    assert_eq!(p.method, MethodKind::PriorYear);
    let expected = [
        "-57692.51",
        "-38461.51",
        "-48076.89",
        "-48076.89",
        "-43269.20",
        "0",
        "-14423.07",
        "-19230.75",
        "-48076.89",
        "-52884.58",
        "-57692.26",
        "-72115.45",
    ];
    assert_eq!(p.months.to_vec(), amounts(&expected));
    // Last year's magnitudes give the shape, whatever this year's sign.
    let q = periodise(
        amt("500000"),
        2026,
        &Method::PriorYear(Some(last)),
        Rounding::Ore,
    )
    .unwrap();
    assert_eq!(q.months.map(|a| -a), p.months);
}

#[test]
fn prior_year_falls_back_to_linear() {
    let linear = periodise(amt("1200"), 2025, &Method::Linear, Rounding::Ore).unwrap();
    let mut mixed = [amt("-100"); 12];
    mixed[6] = amt("5");
    for last in [
        None,
        Some([Amount::ZERO; 12]),
        Some([amt("-0.00"); 12]),
        Some(mixed),
    ] {
        let p = periodise(amt("1200"), 2025, &Method::PriorYear(last), Rounding::Ore).unwrap();
        assert_eq!(p, linear, "{last:?}");
        assert_eq!(p.method, MethodKind::Linear);
    }
    // Zeros carry no sign: one positive month among zeros is a shape, not a sign change.
    let mut one = [Amount::ZERO; 12];
    one[11] = amt("3");
    let p = periodise(
        amt("1200"),
        2025,
        &Method::PriorYear(Some(one)),
        Rounding::Ore,
    )
    .unwrap();
    assert_eq!(p.method, MethodKind::PriorYear);
    assert_eq!(p.months[11], amt("1200"));
    assert_eq!(p.months[..11], [Amount::ZERO; 11]);
}

#[test]
fn zero_total_gives_zero_months() {
    for method in [Method::Linear, Method::Days, Method::Workdays] {
        let p = periodise(Amount::ZERO, 2025, &method, Rounding::Ore).unwrap();
        assert_eq!(p.months, [Amount::ZERO; 12]);
    }
}

#[test]
fn totals_must_be_whole_units() {
    let r = reason(periodise(amt("-100.505"), 2025, &Method::Linear, Rounding::Ore).unwrap_err());
    assert!(
        r.contains("-100.505") && r.contains("whole number of öre"),
        "{r}"
    );
    let r = reason(allocate(amt("-100.505"), &[Decimal::ONE], Rounding::Krona).unwrap_err());
    assert!(r.contains("whole number of öre"), "{r}");
    let r = reason(periodise(amt("100.50"), 2025, &Method::Linear, Rounding::Krona).unwrap_err());
    assert!(
        r.contains("100.50") && r.contains("kronor") && r.contains("\"ore\""),
        "{r}"
    );
    // Trailing zeros beyond the öre are fine.
    assert_eq!(
        allocate(amt("100.5000"), &[Decimal::ONE], Rounding::Ore).unwrap(),
        [amt("100.50")]
    );
    let err = periodise(amt("0.001"), 2025, &Method::Linear, Rounding::Ore).unwrap_err();
    assert_eq!(
        err.to_string(),
        "cannot periodise: the total 0.001 is not a whole number of öre"
    );
}

#[test]
fn allocate_rejects_unusable_weights() {
    let r = reason(allocate(amt("100"), &[], Rounding::Ore).unwrap_err());
    assert!(r.contains("no weights"), "{r}");
    let r = reason(allocate(amt("100"), &decs(&["1", "-2", "3"]), Rounding::Ore).unwrap_err());
    assert!(r.contains("weight 2") && r.contains("-2"), "{r}");
    let r = reason(allocate(amt("100"), &decs(&["0", "0.00"]), Rounding::Ore).unwrap_err());
    assert!(r.contains("all zero"), "{r}");
    let r = reason(
        allocate(
            amt("100"),
            &[Decimal::MAX, dec("0.0000000000000000000000000001")],
            Rounding::Ore,
        )
        .unwrap_err(),
    );
    assert!(r.contains("differ too much"), "{r}");
    let huge = [Decimal::MAX, Decimal::MAX, Decimal::MAX, dec("0.000000001")];
    let r = reason(allocate(amt("1"), &huge, Rounding::Ore).unwrap_err());
    assert!(r.contains("too large to add up"), "{r}");
    // Large weights that fit are fine.
    let parts = allocate(amt("1"), &[Decimal::MAX, Decimal::MAX], Rounding::Ore).unwrap();
    assert_eq!(parts, amounts(&["0.50", "0.50"]));
}

#[test]
fn ties_go_to_the_earliest_and_larger_remainders_first() {
    let parts = allocate(amt("0.02"), &decs(&["1", "1", "1"]), Rounding::Ore).unwrap();
    assert_eq!(parts, amounts(&["0.01", "0.01", "0"]));
    // Shares 0.2, 0.4, 0.4 öre: the one öre goes to the earlier of the two largest.
    let parts = allocate(amt("-0.01"), &decs(&["1", "2", "2"]), Rounding::Ore).unwrap();
    assert_eq!(parts, amounts(&["0", "-0.01", "0"]));
    let parts = allocate(amt("10"), &decs(&["1", "1", "1"]), Rounding::Krona).unwrap();
    assert_eq!(parts, amounts(&["4", "3", "3"]));
}

#[test]
fn frame_allocation_from_the_domain_guide() {
    // 8 334 mnkr split by shares that do not quite sum to 100 %; exact to the krona.
    let shares = decs(&["67.6", "17.5", "6.9", "5.5", "1.03", "0.9", "0.2"]);
    let parts = allocate(amt("8334000000"), &shares, Rounding::Krona).unwrap();
    let expected = [
        "5654706414",
        "1463866305",
        "577181572",
        "460072267",
        "86158988",
        "75284553",
        "16729901",
    ];
    assert_eq!(parts, amounts(&expected));
    assert_eq!(parts.iter().copied().sum::<Amount>(), amt("8334000000"));
}

#[test]
fn shares_with_28_decimals_of_a_large_frame_do_not_overflow() {
    // |T| * w needs about 131 bits here.
    let third = "0.3333333333333333333333333333";
    let weights = decs(&[third, third, "0.3333333333333333333333333334"]);
    let parts = allocate(amt("8334000000.01"), &weights, Rounding::Ore).unwrap();
    assert_eq!(
        parts,
        amounts(&["2778000000", "2778000000", "2778000000.01"])
    );
}

#[test]
fn the_largest_totals_split_or_say_why_not() {
    let max = Amount::new(Decimal::MAX);
    let parts = allocate(max, &[Decimal::ONE, Decimal::ONE], Rounding::Krona).unwrap();
    assert_eq!(
        parts,
        amounts(&[
            "39614081257132168796771975168",
            "39614081257132168796771975167"
        ])
    );
    let r = reason(allocate(max, &[Decimal::ONE, Decimal::ONE], Rounding::Ore).unwrap_err());
    assert!(r.contains("too large"), "{r}");
    assert_eq!(
        allocate(-max, &[Decimal::ONE], Rounding::Ore).unwrap(),
        [-max]
    );
}

#[test]
fn method_and_rounding_names() {
    for kind in MethodKind::ALL {
        assert_eq!(MethodKind::parse(kind.name()), Ok(kind));
        assert_eq!(
            serde_json::to_string(&kind).unwrap(),
            format!("\"{}\"", kind.name())
        );
    }
    assert_eq!(MethodKind::PriorYear.name(), "prior-year");
    let err = MethodKind::parse("prior_year").unwrap_err();
    assert_eq!(err.code(), "E_OPTION");
    assert!(err
        .to_string()
        .contains("linear, days, workdays, profile, prior-year"));
    assert_eq!(Rounding::parse("ore"), Ok(Rounding::Ore));
    assert_eq!(Rounding::parse("öre"), Ok(Rounding::Ore));
    assert_eq!(Rounding::parse("krona"), Ok(Rounding::Krona));
    assert_eq!(Rounding::parse("kr"), Ok(Rounding::Krona));
    assert_eq!(Rounding::default(), Rounding::Ore);
    let err = Rounding::parse("cent").unwrap_err();
    assert_eq!(err.code(), "E_OPTION");
    assert!(err.to_string().contains("\"cent\""));
    assert_eq!(
        serde_json::to_string(&Rounding::Krona).unwrap(),
        "\"krona\""
    );
    assert_eq!(
        serde_json::from_str::<Rounding>("\"ore\"").unwrap(),
        Rounding::Ore
    );
}

#[test]
fn mul_div_small_cases() {
    assert_eq!(mul_div(0, 5, 7), (0, 0));
    assert_eq!(mul_div(10, 0, 7), (0, 0));
    assert_eq!(mul_div(100, 3, 7), (42, 6));
    assert_eq!(mul_div(u128::MAX, 1, 1), (u128::MAX, 0));
    let d = (1u128 << 127) - 1;
    assert_eq!(mul_div(u128::MAX, d, d), (u128::MAX, 0));
    assert_eq!(mul_div(d - 1, d - 1, d), (d - 2, 1));
}

/// a * b as (high, low) 128-bit halves, by schoolbook multiplication of 64-bit limbs.
fn wide_mul(a: u128, b: u128) -> (u128, u128) {
    let mask = u128::from(u64::MAX);
    let (a1, a0, b1, b0) = (a >> 64, a & mask, b >> 64, b & mask);
    let (low, cross1, cross2, high) = (a0 * b0, a0 * b1, a1 * b0, a1 * b1);
    let middle = (low >> 64) + (cross1 & mask) + (cross2 & mask);
    let low = (low & mask) | (middle << 64);
    let high = high + (cross1 >> 64) + (cross2 >> 64) + (middle >> 64);
    (high, low)
}

fn wide_add(x: (u128, u128), y: u128) -> (u128, u128) {
    let (low, carry) = x.1.overflowing_add(y);
    (x.0 + u128::from(carry), low)
}

/// Whole units of `a`, asserting it has no fraction of the unit.
fn units(a: Amount, rounding: Rounding) -> i128 {
    let scaled = a.decimal() * Decimal::from(10i64.pow(rounding.decimals()));
    assert!(
        scaled.fract().is_zero(),
        "{a} is not a whole number of the unit"
    );
    scaled.trunc().mantissa() / 10i128.pow(scaled.trunc().scale())
}

/// Decimal weights from a mantissa and a scale of at most 6, so the test's own integer
/// arithmetic (at scale 6) stays exact.
fn weights() -> impl Strategy<Value = Vec<(u64, u32)>> {
    let mantissa = prop_oneof![3 => Just(0u64), 2 => 1u64..=9, 4 => 0u64..=1_000_000];
    // Mostly whole weights, so that small totals meet equal and nearly equal remainders.
    let scale = prop_oneof![2 => Just(0u32), 1 => 0u32..=6];
    prop::collection::vec((mantissa, scale), 1..=40).prop_map(|mut ws| {
        if ws.iter().all(|w| w.0 == 0) {
            let last = ws.len() - 1;
            ws[last].0 = 7;
        }
        ws
    })
}

fn total_units() -> impl Strategy<Value = i64> {
    prop_oneof![
        Just(0i64),
        -1000i64..=1000,
        -1_000_000_000_000_000_000i64..=1_000_000_000_000_000_000,
    ]
}

fn rounding() -> impl Strategy<Value = Rounding> {
    prop_oneof![Just(Rounding::Ore), Just(Rounding::Krona)]
}

/// A total of `units` of the unit, sometimes written with extra zero decimals.
fn total(units: i64, rounding: Rounding, padded: bool) -> Amount {
    let (mantissa, scale) = if padded {
        (i128::from(units) * 100, rounding.decimals() + 2)
    } else {
        (i128::from(units), rounding.decimals())
    };
    Amount::new(Decimal::from_i128_with_scale(mantissa, scale))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(10_000))]

    #[test]
    fn allocate_is_the_exact_largest_remainder_split(
        units_of_total in total_units(),
        raw in weights(),
        rounding in rounding(),
        padded in any::<bool>(),
    ) {
        let total = total(units_of_total, rounding, padded);
        let decimals: Vec<Decimal> = raw.iter().map(|&(m, s)| Decimal::new(m as i64, s)).collect();
        let parts = allocate(total, &decimals, rounding).unwrap();
        prop_assert_eq!(parts.len(), raw.len());
        prop_assert_eq!(parts.iter().copied().sum::<Amount>(), total);

        // The exact share of part i is |T| * w_i / W, in units, with weights at scale 6.
        let w: Vec<i128> = raw.iter().map(|&(m, s)| i128::from(m) * 10i128.pow(6 - s)).collect();
        let whole: i128 = w.iter().sum();
        let magnitude = i128::from(units_of_total).abs();
        let mut extra = Vec::new();
        for (i, part) in parts.iter().enumerate() {
            let u = units(*part, rounding);
            prop_assert!(u == 0 || (u < 0) == (units_of_total < 0), "sign of part {}", i);
            let floor = magnitude * w[i] / whole;
            let remainder = magnitude * w[i] % whole;
            let got_extra = u.abs() - floor;
            // Within one unit of the exact share, and never above it by a whole unit.
            prop_assert!(got_extra == 0 || (got_extra == 1 && remainder > 0), "part {}: {} vs floor {}", i, u, floor);
            if w[i] == 0 {
                prop_assert!(part.is_zero());
            }
            extra.push((got_extra == 1, remainder));
        }
        // Every part that got an extra unit has a larger remainder than every part that did
        // not, or an equal one and comes earlier.
        for (i, &(gi, ri)) in extra.iter().enumerate() {
            for (j, &(gj, rj)) in extra.iter().enumerate() {
                if gi && !gj {
                    prop_assert!(ri > rj || (ri == rj && i < j), "{} before {}", i, j);
                }
            }
        }
    }

    #[test]
    fn periodise_sums_exactly_with_every_method(
        units_of_total in total_units(),
        rounding in rounding(),
        year in 1900i32..=2199,
        method in 0usize..6,
        profile in prop::array::uniform12((prop_oneof![Just(0u64), 0u64..=100_000], 0u32..=4)),
        last in prop::array::uniform12(prop_oneof![Just(0i64), -10_000_000i64..=10_000_000, 0i64..=10_000_000, -10_000_000i64..=0]),
    ) {
        let total = total(units_of_total, rounding, false);
        let mut profile = profile.map(|(m, s)| Decimal::new(m as i64, s));
        if profile.iter().all(|w| w.is_zero()) {
            profile[5] = Decimal::ONE;
        }
        let last = last.map(|u| Amount::new(Decimal::new(u, 2)));
        let (method, expected) = match method {
            0 => (Method::Linear, MethodKind::Linear),
            1 => (Method::Days, MethodKind::Days),
            2 => (Method::Workdays, MethodKind::Workdays),
            3 => (Method::Profile(profile), MethodKind::Profile),
            4 => (Method::PriorYear(None), MethodKind::Linear),
            _ => {
                let positive = last.iter().any(|a| a.decimal() > Decimal::ZERO);
                let negative = last.iter().any(|a| a.decimal() < Decimal::ZERO);
                let kind = if positive != negative { MethodKind::PriorYear } else { MethodKind::Linear };
                (Method::PriorYear(Some(last)), kind)
            }
        };
        let p = periodise(total, year, &method, rounding).unwrap();
        prop_assert_eq!(p.method, expected);
        prop_assert_eq!(p.months.iter().copied().sum::<Amount>(), total);
        for (i, part) in p.months.iter().enumerate() {
            units(*part, rounding);
            prop_assert!(part.is_zero() || (part.decimal() < Decimal::ZERO) == (units_of_total < 0));
            let zero_weight = match &method {
                Method::Profile(w) => w[i].is_zero(),
                Method::PriorYear(Some(l)) if expected == MethodKind::PriorYear => l[i].is_zero(),
                _ => false,
            };
            if zero_weight {
                prop_assert!(part.is_zero());
            }
        }
    }

    #[test]
    fn mul_div_is_exact(
        a in any::<u128>(),
        b in any::<u128>(),
        d in 1u128..(1u128 << 127),
        small in any::<bool>(),
    ) {
        // Small values are where mistakes in the loop show; large ones where carries do.
        let (a, b, d) = if small { (a % 1000, b % 1000, d % 1000 + 1) } else { (a, b, d) };
        let (b, d) = if b <= d { (b, d) } else { (d, b.min((1 << 127) - 1)) };
        prop_assume!(b <= d && d > 0);
        let (q, r) = mul_div(a, b, d);
        prop_assert!(r < d);
        prop_assert_eq!(wide_add(wide_mul(q, d), r), wide_mul(a, b));
    }
}
