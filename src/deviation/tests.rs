//! Tests of `deviation`, kept beside it so the module itself reads in one sitting.

use super::*;
use crate::import::json;
use proptest::prelude::*;
use rust_decimal::Decimal;

proptest! {
    /// A span from running sums is the sum of its months, zeros and all.
    #[test]
    fn spans_from_running_sums_add_up_their_months(
        cents in prop::array::uniform12(prop_oneof![Just(0_i64), -10_i64.pow(12)..10_i64.pow(12)]),
        (from, to) in (0..12_usize).prop_flat_map(|to| (0..=to, Just(to))),
    ) {
        let months = cents.map(|c| Amount::new(Decimal::new(c, 2)));
        let r = running(&months);
        let span = Span::of(&[r; 4], true, from, to);
        let direct: Amount = months[from..=to].iter().sum();
        prop_assert_eq!((span.budget, span.outcome, span.one_offs), (direct, direct, direct));
        prop_assert_eq!(span.gross_cost, Some(direct));
        prop_assert_eq!(Span::of(&[r; 4], false, from, to).gross_cost, None);
        prop_assert_eq!(r[11], months.iter().sum::<Amount>());
    }
}
use crate::workspace::Workspace;
use serde_json::{json, Value};

fn workspace(v: Value) -> Workspace {
    let mut ws = Workspace::new();
    ws.import(json::read(|| &v).unwrap()).unwrap();
    ws
}

fn options(as_of: &str) -> DeviationOptions {
    DeviationOptions {
        as_of: as_of.into(),
        ..DeviationOptions::default()
    }
}

/// A committee with a hospital (the seeds' budgeted imbalance of −236 mnkr, linear) and a
/// unit with revenue and cost rows.
fn region() -> Workspace {
    workspace(json!({
        "schema": 1,
        "name": "Test region",
        "units": [
            { "id": "R", "name": "Region", "level": "region" },
            { "id": "HSN", "name": "Hälso- och sjukvårdsnämnden", "parent": "R", "level": "committee" },
            { "id": "SJ", "name": "Sjukhusvård", "parent": "HSN", "level": "area" },
            { "id": "PV", "name": "Primärvård", "parent": "HSN", "level": "area" },
            { "id": "KT", "name": "Kollektivtrafik", "parent": "R", "level": "committee" }
        ],
        "budget": [
            { "unit": "SJ", "year": 2025, "annual": "-236 mnkr", "method": "linear" },
            { "unit": "PV", "year": 2025, "annual": "1200000", "method": "linear" },
            { "unit": "PV", "year": 2025, "annual": "-1200000", "method": "linear" },
            { "unit": "KT", "year": 2025, "annual": "-120000", "method": "linear" }
        ],
        "outcome": [
            { "unit": "SJ", "month": "2025-08", "amount": "-25000000" },
            { "unit": "SJ", "month": "2025-01", "amount": "-20000000" },
            { "unit": "PV", "month": "2025-08", "amount": "500" },
            { "unit": "KT", "month": "2025-08", "amount": "-9000" },
            { "unit": "KT", "month": "2025-09", "amount": "-1" }
        ],
        "forecasts": [
            { "unit": "SJ", "year": 2025, "made": "2025-02", "amount": "-250000000" },
            { "unit": "SJ", "year": 2025, "made": "2025-08", "amount": "-290000000" },
            { "unit": "KT", "year": 2025, "made": "2025-09", "amount": "0" }
        ]
    }))
}

#[test]
fn hospital_care_per_august_matches_the_audit() {
    let report = region().deviation(&options("2025-08")).unwrap();
    let sj = report.row("SJ").unwrap();
    // −236 mnkr over eight months: −157.3 mnkr (the audit's figure), exactly to the öre.
    assert_eq!(sj.ytd.budget.to_canonical(), "-157333333.36");
    assert_eq!(sj.period.budget.to_canonical(), "-19666666.67");
    assert_eq!(sj.ytd.outcome.unwrap().to_canonical(), "-45000000");
    assert_eq!(sj.ytd.deviation.unwrap().to_canonical(), "112333333.36");
    assert_eq!(sj.period.deviation.unwrap().to_canonical(), "-5333333.33");
    assert_eq!(sj.period.percent.unwrap().decimal().to_string(), "-27.12");
    assert_eq!(sj.full_year.forecast.unwrap().to_canonical(), "-290000000");
    assert_eq!(sj.full_year.forecast_month.unwrap().to_string(), "2025-08");
    assert_eq!(sj.full_year.deviation.unwrap().to_canonical(), "-54000000");
    assert_eq!(
        sj.full_year.percent.unwrap().decimal().to_string(),
        "-22.88"
    );
}

#[test]
fn parents_sum_their_subtree_and_missing_forecasts_count_at_budget() {
    let report = region().deviation(&options("2025-08")).unwrap();
    let hsn = report.row("HSN").unwrap();
    assert_eq!(hsn.ytd.outcome.unwrap().to_canonical(), "-44999500");
    assert_eq!(hsn.full_year.budget.to_canonical(), "-236000000");
    // PV has no forecast: counted at its budget (0 net), so HSN's forecast is SJ's.
    assert_eq!(hsn.full_year.forecast.unwrap().to_canonical(), "-290000000");
    let pv = report.row("PV").unwrap();
    assert_eq!(pv.full_year.forecast, None);
    assert_eq!(pv.full_year.deviation, None);
    // Revenue and cost rows net to a zero budget: no percent, not infinity.
    assert_eq!(pv.ytd.budget, Amount::ZERO);
    assert_eq!(pv.ytd.percent, None);
    let r = report.row("R").unwrap();
    assert_eq!(
        r.ytd.outcome.unwrap(),
        hsn.ytd.outcome.unwrap() + report.row("KT").unwrap().ytd.outcome.unwrap()
    );
    assert_eq!(r.head.depth, 0);
    assert_eq!(r.head.children, ["HSN", "KT"]);
    let order: Vec<&str> = report.rows.iter().map(|r| r.head.unit.as_str()).collect();
    assert_eq!(order, ["R", "HSN", "SJ", "PV", "KT"]);
}

#[test]
fn later_months_and_forecasts_do_not_leak_into_an_earlier_report() {
    let report = region().deviation(&options("2025-08")).unwrap();
    let kt = report.row("KT").unwrap();
    assert_eq!(kt.ytd.outcome.unwrap().to_canonical(), "-9000");
    assert_eq!(
        kt.full_year.forecast, None,
        "the September forecast is not known in August"
    );
    let early = region().deviation(&options("2025-03")).unwrap();
    let sj = early.row("SJ").unwrap();
    assert_eq!(sj.full_year.forecast.unwrap().to_canonical(), "-250000000");
    assert_eq!(sj.ytd.outcome.unwrap().to_canonical(), "-20000000");
    assert_eq!(
        sj.period.outcome,
        Some(Amount::ZERO),
        "March is before the last booked month"
    );
}

#[test]
fn a_subtree_report_starts_at_depth_zero() {
    let options = DeviationOptions {
        as_of: "2025-08".into(),
        unit: Some("HSN".into()),
        ..DeviationOptions::default()
    };
    let report = region().deviation(&options).unwrap();
    assert_eq!(report.root, "HSN");
    let units: Vec<(&str, usize)> = report
        .rows
        .iter()
        .map(|r| (r.head.unit.as_str(), r.head.depth))
        .collect();
    assert_eq!(units, [("HSN", 0), ("SJ", 1), ("PV", 1)]);
}

#[test]
fn bad_options_name_their_field() {
    let e = region().deviation(&options("2025-8")).unwrap_err();
    assert_eq!((e.code(), e.field()), ("E_PARSE_MONTH", Some("asOf")));
    let options = DeviationOptions {
        as_of: "2025-08".into(),
        unit: Some("X".into()),
        ..DeviationOptions::default()
    };
    let e = region().deviation(&options).unwrap_err();
    assert_eq!((e.code(), e.field()), ("E_UNKNOWN_UNIT", Some("unit")));
}

#[test]
fn serializes_with_camel_case_names_and_string_amounts() {
    let report = region().deviation(&options("2025-08")).unwrap();
    let v = serde_json::to_value(&report).unwrap();
    assert_eq!(v["asOf"], json!("2025-08"));
    assert_eq!(v["rows"][2]["ytd"]["budget"], json!("-157333333.36"));
    assert_eq!(v["rows"][2]["fullYear"]["forecastMonth"], json!("2025-08"));
    assert_eq!(v["rows"][3]["ytd"]["percent"], Value::Null);
    assert_eq!(v["rows"][1]["level"], json!("committee"));
}
