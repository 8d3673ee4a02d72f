//! Tests of the full deviation report and the accuracy report through a workspace: the domain
//! guide's worked examples and the roll-up property over cost types.

use proptest::prelude::*;
use serde_json::{json, Value};

use super::accuracy::{AccuracyOptions, Tendency};
use super::*;
use crate::num::weight::Weight;
use crate::workspace::Workspace;

fn workspace(v: Value) -> Workspace {
    let mut ws = Workspace::new();
    ws.import(crate::import::json::read(|| &v).unwrap())
        .unwrap();
    ws
}

fn at(as_of: &str) -> DeviationOptions {
    DeviationOptions {
        as_of: as_of.into(),
        ..DeviationOptions::default()
    }
}

fn mnkr(text: &str) -> Amount {
    Amount::parse(&format!("{text} mnkr")).unwrap()
}

/// Public transport per August 2025: +70 mnkr better than budget, 35 of it one-offs.
fn public_transport() -> Workspace {
    workspace(json!({
        "schema": 1,
        "units": [
            { "id": "R", "name": "Region", "level": "region" },
            { "id": "KTN", "name": "Kollektivtrafiknämnden", "parent": "R", "level": "committee" },
            { "id": "BUSS", "name": "Busstrafik", "parent": "KTN", "level": "department" }
        ],
        "costTypes": [
            { "id": "3010", "name": "Biljettintäkter", "kind": "revenue" },
            { "id": "4010", "name": "Trafikkostnader", "kind": "cost" }
        ],
        "budget": [
            { "unit": "BUSS", "costType": "3010", "year": 2025, "annual": "480 mnkr" },
            { "unit": "BUSS", "costType": "4010", "year": 2025, "annual": "-1200 mnkr" },
            { "unit": "KTN", "year": 2025, "annual": "720 mnkr" }
        ],
        "outcome": [
            { "unit": "BUSS", "costType": "3010", "month": "2025-08", "amount": "390 mnkr" },
            { "unit": "BUSS", "costType": "4010", "month": "2025-08", "amount": "-800 mnkr" },
            { "unit": "KTN", "month": "2025-08", "amount": "480 mnkr" }
        ],
        "oneOffs": [
            { "unit": "BUSS", "costType": "3010", "month": "2025-05", "amount": "20 mnkr", "text": "Skatteåterbetalning" },
            { "unit": "BUSS", "month": "2025-06", "amount": "15 mnkr", "text": "Viten från trafikföretag" },
            { "unit": "BUSS", "month": "2025-11", "amount": "5 mnkr", "text": "Väntat vite" }
        ],
        "forecasts": [
            { "unit": "BUSS", "year": 2025, "made": "2025-08", "amount": "-650 mnkr" },
            { "unit": "BUSS", "costType": "4010", "year": 2025, "made": "2025-08", "amount": "-1150 mnkr" }
        ]
    }))
}

#[test]
fn public_transport_plus_70_with_35_one_offs_is_plus_35_underlying() {
    let report = public_transport().deviation(&at("2025-08")).unwrap();
    let ktn = report.row("KTN").unwrap();
    // Budget through August: (480 − 1 200 + 720) × 8 / 12 = 0; outcome 390 − 800 + 480 = +70.
    assert_eq!(ktn.ytd.deviation, Some(mnkr("70")));
    assert_eq!(ktn.ytd.one_offs, mnkr("35"));
    assert_eq!(ktn.ytd.underlying, Some(mnkr("35")));
    // The November one-off is not in the year to date, but the forecast expects it.
    assert_eq!(ktn.full_year.one_offs, mnkr("40"));
    let fy = ktn.full_year.deviation.unwrap();
    assert_eq!(ktn.full_year.underlying, Some(fy - mnkr("40")));
    // The tertial (May-August) holds both one-offs; the month holds none.
    assert_eq!(report.tertial_from.to_string(), "2025-05");
    assert_eq!(ktn.tertial.one_offs, mnkr("35"));
    assert_eq!(ktn.period.one_offs, Amount::ZERO);
}

#[test]
fn cost_types_add_up_to_their_unit_and_gross_cost_is_the_cost_rows() {
    let options = DeviationOptions {
        by_cost_type: true,
        ..at("2025-08")
    };
    let report = public_transport().deviation(&options).unwrap();
    for row in &report.rows {
        let types = row.cost_types.as_ref().unwrap();
        let sum = |f: fn(&CostTypeRow) -> Amount| types.iter().map(f).sum::<Amount>();
        assert_eq!(
            sum(|c| c.ytd.outcome.unwrap()),
            row.ytd.outcome.unwrap(),
            "{}",
            row.head.unit
        );
        assert_eq!(
            sum(|c| c.period.budget),
            row.period.budget,
            "{}",
            row.head.unit
        );
        assert_eq!(
            sum(|c| c.ytd.one_offs),
            row.ytd.one_offs,
            "{}",
            row.head.unit
        );
        assert_eq!(sum(|c| c.full_year.budget), row.full_year.budget);
    }
    let buss = report.row("BUSS").unwrap();
    let types = buss.cost_types.as_ref().unwrap();
    let ids: Vec<Option<&str>> = types.iter().map(|c| c.cost_type.as_deref()).collect();
    assert_eq!(ids, [Some("3010"), Some("4010"), None]);
    // Ticket revenue: −90 mnkr behind budget through August (390 against 320).
    assert_eq!(types[0].ytd.deviation, Some(mnkr("70")));
    assert_eq!(types[0].kind, Some(Kind::Revenue));
    // The August forecast (−1 800 in all): −1 150 for traffic costs as given, ticket revenue
    // at its budget (+480, no row of its own), and the rest (−1 130) without a cost type.
    assert_eq!(types[1].full_year.forecast, Some(mnkr("-1150")));
    assert_eq!(types[0].full_year.forecast, Some(mnkr("480")));
    assert_eq!(types[2].full_year.forecast, Some(mnkr("-1130")));
    assert_eq!(buss.full_year.forecast, Some(mnkr("-1800")));
    assert_eq!(buss.full_year.gross_cost, Some(mnkr("-1200")));
    assert_eq!(
        report.row("R").unwrap().full_year.gross_cost,
        Some(mnkr("-1200"))
    );
    // Without the option there is no breakdown.
    let plain = public_transport().deviation(&at("2025-08")).unwrap();
    assert_eq!(plain.rows[0].cost_types, None);
    let v = serde_json::to_value(&plain).unwrap();
    assert!(v["rows"][0].get("costTypes").is_none());
}

/// Health care (a committee, budget 0) with forecasts that slide month by month.
fn health_care() -> Workspace {
    workspace(json!({
        "schema": 1,
        "units": [
            { "id": "R", "name": "Region", "level": "region" },
            { "id": "HSN", "name": "Hälso- och sjukvårdsnämnden", "parent": "R", "level": "committee" },
            { "id": "VC", "name": "Vårdcentral", "parent": "HSN", "level": "unit" }
        ],
        "budget": [
            { "unit": "HSN", "year": 2024, "annual": "3000 mnkr" },
            { "unit": "VC", "year": 2024, "annual": "-3000 mnkr" },
            { "unit": "HSN", "year": 2025, "annual": "3000 mnkr" },
            { "unit": "VC", "year": 2025, "annual": "-3000 mnkr" }
        ],
        "outcome": [
            { "unit": "VC", "month": "2024-12", "amount": "-138 mnkr" },
            { "unit": "VC", "month": "2025-03", "amount": "-1 mnkr" }
        ],
        "forecasts": [
            { "unit": "VC", "year": 2024, "made": "2024-02", "amount": "-3078 mnkr" },
            { "unit": "VC", "year": 2024, "made": "2024-08", "amount": "-3120 mnkr" },
            { "unit": "VC", "year": 2025, "made": "2025-02", "amount": "-3005 mnkr" },
            { "unit": "VC", "year": 2025, "made": "2025-04", "amount": "-3040 mnkr" },
            { "unit": "VC", "year": 2025, "made": "2025-08", "amount": "-3020 mnkr" },
            { "unit": "VC", "year": 2025, "made": "2025-09", "amount": "-3005 mnkr" }
        ]
    }))
}

#[test]
fn a_committee_escalates_from_the_first_month_its_forecast_was_material() {
    // Committee thresholds (built in): 10 mnkr and 1 % of a zero budget, so −40 is material.
    let report = health_care().deviation(&at("2025-08")).unwrap();
    let hsn = report.row("HSN").unwrap();
    assert_eq!(report.escalation_level, Level::Committee);
    assert_eq!(hsn.full_year.status, Some(Status::Material));
    let e = hsn.escalation.as_ref().unwrap();
    // February's −5 was within; April's −40 was the first material forecast.
    assert_eq!(
        (e.first_seen.to_string(), e.due.to_string()),
        ("2025-04".into(), "2025-07".into())
    );
    assert!(e.material_now);
    assert_eq!(
        e.coverage, None,
        "no measures: coverage is absent, not zero"
    );
    let v = serde_json::to_value(e).unwrap();
    assert_eq!(v["coverage"], Value::Null);
    // Units at other levels are not escalated; by September the forecast is back within.
    assert_eq!(report.row("VC").unwrap().escalation, None);
    let later = health_care().deviation(&at("2025-09")).unwrap();
    let e = later.row("HSN").unwrap().escalation.clone().unwrap();
    assert_eq!(
        (e.first_seen.to_string(), e.material_now),
        ("2025-04".into(), false)
    );
    // Before April nothing is seen; a caller may watch another level.
    assert_eq!(
        health_care()
            .deviation(&at("2025-03"))
            .unwrap()
            .row("HSN")
            .unwrap()
            .escalation,
        None
    );
    // The unit's own 5 % of 3 000 mnkr is not passed; with 1 % it is.
    let options = DeviationOptions {
        escalation_level: Some(Level::Unit),
        ..at("2025-08")
    };
    assert!(health_care()
        .deviation(&options)
        .unwrap()
        .row("VC")
        .unwrap()
        .escalation
        .is_none());
    let options = DeviationOptions {
        thresholds: Some(ThresholdSet {
            unit: Some(Threshold {
                absolute: mnkr("10"),
                percent: Weight(rust_decimal::Decimal::ONE),
            }),
            ..ThresholdSet::default()
        }),
        ..options
    };
    let by_unit = health_care().deviation(&options).unwrap();
    assert!(by_unit.row("VC").unwrap().escalation.is_some());
    assert!(by_unit.row("HSN").unwrap().escalation.is_none());
}

#[test]
fn thresholds_from_options_override_the_documents_and_give_statuses() {
    let mut ws = health_care();
    // Stored: 50 mnkr for committees, so April's −40 is only a watch.
    ws.import(
        crate::import::json::read(|| {
            json!({ "schema": 1, "thresholds": { "committee": { "absolute": "50 mnkr", "percent": 1 } } })
        })
        .unwrap(),
    )
    .unwrap();
    let report = ws.deviation(&at("2025-08")).unwrap();
    let hsn = report.row("HSN").unwrap();
    assert_eq!(hsn.threshold.absolute, mnkr("50"));
    assert_eq!(hsn.full_year.status, Some(Status::Watch));
    assert_eq!(hsn.escalation, None);
    // The caller's default beats the stored committee level.
    let options = DeviationOptions {
        thresholds: Some(ThresholdSet {
            default: Some(Threshold {
                absolute: mnkr("1"),
                percent: Weight(rust_decimal::Decimal::ONE),
            }),
            ..ThresholdSet::default()
        }),
        ..at("2025-08")
    };
    let report = ws.deviation(&options).unwrap();
    assert_eq!(
        report.row("HSN").unwrap().full_year.status,
        Some(Status::Material)
    );
    // The month's −1 mnkr in March: at 1 mnkr, not above it, but beyond 1 % of 0.
    let march = ws
        .deviation(&DeviationOptions {
            as_of: "2025-03".into(),
            ..options.clone()
        })
        .unwrap();
    let vc = march.row("VC").unwrap();
    assert_eq!(
        vc.period.deviation,
        Some(mnkr("249")),
        "budget −250 a month, outcome −1"
    );
    assert_eq!(vc.period.status, Some(Status::Favourable));
    let bad = DeviationOptions {
        thresholds: Some(ThresholdSet {
            unit: Some(Threshold {
                absolute: mnkr("-1"),
                percent: Weight(rust_decimal::Decimal::ONE),
            }),
            ..ThresholdSet::default()
        }),
        ..at("2025-08")
    };
    let e = ws.deviation(&bad).unwrap_err();
    assert_eq!(
        (e.code(), e.field()),
        ("E_OPTION", Some("thresholds.unit.absolute"))
    );
}

#[test]
fn projections_hold_the_forecast_against_the_year_so_far() {
    let report = health_care().deviation(&at("2025-09")).unwrap();
    let vc = report.row("VC").unwrap();
    // Through September: budget −2 250, outcome −1 (as booked): remaining budget −1 − 750.
    assert_eq!(vc.projections.remaining_budget, mnkr("-751"));
    // Run rate: −1 × −3 000 / −2 250 = −1,333… mnkr.
    assert_eq!(
        vc.projections.run_rate.unwrap().to_canonical(),
        "-1333333.33"
    );
    // The forecast −3 005 is far worse than both: not optimistic.
    assert_eq!(vc.projections.optimistic, Some(false));
}

#[test]
fn health_care_2024_budget_zero_outcome_minus_138_has_no_percent() {
    let options = AccuracyOptions {
        year: 2024,
        unit: Some("HSN".into()),
    };
    let report = health_care().accuracy(&options).unwrap();
    let hsn = &report.rows[0];
    assert_eq!(hsn.budget, Amount::ZERO);
    assert_eq!(hsn.outcome, mnkr("-138"));
    assert_eq!(hsn.deviation, mnkr("-138"));
    assert_eq!(hsn.percent, None);
    assert_eq!(hsn.outcome_through.unwrap().to_string(), "2024-12");
    // The February forecast (−78) was 60 mnkr off; August's (−120) 18.
    let errors: Vec<Amount> = hsn.forecasts.iter().map(|f| f.error).collect();
    assert_eq!(errors, [mnkr("60"), mnkr("18")]);
    assert_eq!(hsn.bias, Some(mnkr("39")));
    assert_eq!(hsn.tendency, Some(Tendency::Optimistic));
    assert_eq!(hsn.mean_absolute_error, Some(mnkr("39")));
    // Gross cost without cost types is the negative rows: the outcome of −138 mnkr.
    assert_eq!(hsn.gross_cost, Some(mnkr("-138")));
    assert_eq!(
        hsn.forecasts[0]
            .error_percent
            .unwrap()
            .decimal()
            .to_string(),
        "43.48"
    );
}

#[test]
fn public_transport_2024_revisions_run_three_times_in_one_direction() {
    let forecasts: Vec<Value> = [("02", "10"), ("04", "18"), ("08", "35"), ("10", "57")]
        .iter()
        .map(|(m, d)| json!({ "unit": "KTN", "year": 2024, "made": format!("2024-{m}"), "amount": format!("{d} mnkr") }))
        .collect();
    let ws = workspace(json!({
        "schema": 1,
        "units": [{ "id": "KTN", "name": "Kollektivtrafik", "level": "committee" }],
        "costTypes": [{ "id": "4010", "name": "Trafik", "kind": "cost" }],
        "outcome": [
            { "unit": "KTN", "costType": "4010", "month": "2024-12", "amount": "-1000 mnkr" },
            { "unit": "KTN", "month": "2024-12", "amount": "1060 mnkr" }
        ],
        "forecasts": forecasts
    }));
    let report = ws
        .accuracy(&AccuracyOptions {
            year: 2024,
            unit: None,
        })
        .unwrap();
    let ktn = &report.rows[0];
    let changes: Vec<Amount> = ktn.revisions.iter().map(|r| r.change).collect();
    assert_eq!(changes, [mnkr("8"), mnkr("17"), mnkr("22")]);
    let run = ktn.longest_run.as_ref().unwrap();
    assert_eq!((run.length, run.direction), (3, Tendency::Optimistic));
    assert_eq!(
        (run.from.to_string(), run.to.to_string()),
        ("2024-04".into(), "2024-10".into())
    );
    // Outcome +60: errors −50, −42, −25, −3 (pessimistic), as % of the 1 000 mnkr gross cost.
    assert_eq!(ktn.gross_cost, Some(mnkr("-1000")));
    assert_eq!(ktn.forecasts[0].error, mnkr("-50"));
    assert_eq!(
        ktn.forecasts[0]
            .error_percent
            .unwrap()
            .decimal()
            .to_string(),
        "-5.00"
    );
    assert_eq!(ktn.tendency, Some(Tendency::Pessimistic));
    assert_eq!(ktn.bias, Some(Amount::parse("-30 mnkr").unwrap()));
    let e = ws
        .accuracy(&AccuracyOptions {
            year: 99,
            unit: None,
        })
        .unwrap_err();
    assert_eq!(e.field(), Some("year"));
}

#[test]
fn volumes_split_a_units_deviation_in_the_report() {
    let ws = workspace(json!({
        "schema": 1,
        "units": [
            { "id": "SJ", "name": "Sjukhus", "level": "area" },
            { "id": "MED", "name": "Medicin", "parent": "SJ", "level": "department" }
        ],
        "budget": [{ "unit": "MED", "year": 2025, "months": ["-5000000","-5000000","0","0","0","0","0","0","0","0","0","0"] }],
        "outcome": [
            { "unit": "MED", "month": "2025-01", "amount": "-5500000" },
            { "unit": "MED", "month": "2025-02", "amount": "-5330000" }
        ],
        "volumes": [
            { "unit": "MED", "month": "2025-01", "measure": "vårddygn", "budget": 1000, "actual": 1050 },
            { "unit": "MED", "month": "2025-02", "measure": "vårddygn", "budget": "1000", "actual": "1050" },
            { "unit": "MED", "month": "2025-03", "measure": "vårddygn", "budget": 1000, "actual": 2000 }
        ]
    }));
    let report = ws.deviation(&at("2025-02")).unwrap();
    let med = report.row("MED").unwrap();
    let split = &med.volumes[0];
    assert_eq!(split.metric, "vårddygn");
    assert_eq!(split.deviation, Amount::parse("-830000").unwrap());
    // 100 more bed days at 5 000 kr: −500 000; the rest is price.
    assert_eq!(split.volume, Some(Amount::parse("-500000").unwrap()));
    assert_eq!(split.price, Some(Amount::parse("-330000").unwrap()));
    assert!(report.row("SJ").unwrap().volumes.is_empty());
}

proptest! {
    /// Every roll-up equals the sum of its leaves, per cost type too, whatever the tree.
    #[test]
    fn every_roll_up_is_the_sum_of_its_leaves(
        parents in proptest::collection::vec(any::<prop::sample::Index>(), 1..12),
        rows in proptest::collection::vec((any::<prop::sample::Index>(), 0usize..3, 1u32..13, -1_000_000i64..1_000_000), 0..40),
        month in 1u32..13,
    ) {
        let mut units = vec![json!({ "id": "u0", "name": "u0" })];
        for (i, p) in parents.iter().enumerate() {
            units.push(json!({ "id": format!("u{}", i + 1), "name": "x", "parent": format!("u{}", p.index(i + 1)) }));
        }
        let n = units.len();
        let ct = |k: usize| match k { 0 => Value::Null, k => json!(format!("c{k}")) };
        let cents = |c: i64| Amount::new(rust_decimal::Decimal::new(c, 2)).to_canonical();
        let outcome: Vec<Value> = rows.iter().map(|(u, k, m, c)| json!({
            "unit": format!("u{}", u.index(n)), "costType": ct(*k), "month": format!("2025-{m:02}"), "amount": cents(*c)
        })).collect();
        let budget: Vec<Value> = rows.iter().map(|(u, k, _, c)| json!({
            "unit": format!("u{}", u.index(n)), "costType": ct(*k), "year": 2025, "annual": cents(*c * 12)
        })).collect();
        let mut doc = json!({
            "schema": 1, "units": units, "outcome": outcome, "budget": budget,
            "costTypes": [{ "id": "c1", "name": "c1", "kind": "revenue" }, { "id": "c2", "name": "c2", "kind": "cost" }]
        });
        // Null cost types are absent, not null, in the schema.
        for list in ["outcome", "budget"] {
            for row in doc[list].as_array_mut().unwrap() {
                if row["costType"].is_null() { row.as_object_mut().unwrap().remove("costType"); }
            }
        }
        let ws = workspace(doc);
        let options = DeviationOptions { by_cost_type: true, ..at(&format!("2025-{month:02}")) };
        let report = ws.deviation(&options).unwrap();
        let cents_of = |r: &(prop::sample::Index, usize, u32, i64)| Amount::new(rust_decimal::Decimal::new(r.3, 2));
        for row in &report.rows {
            // Independently: every input row of a unit at or below this one, through the month.
            let booked: Amount = rows.iter()
                .filter(|r| r.2 <= month && is_below(&report, &format!("u{}", r.0.index(n)), &row.head.unit))
                .map(cents_of)
                .sum();
            // The last booked month of the subtree: the latest month a unit in it has a
            // non-zero sum in.
            let mut by_unit_month: std::collections::BTreeMap<(String, u32), Amount> = Default::default();
            for r in &rows {
                let unit = format!("u{}", r.0.index(n));
                if is_below(&report, &unit, &row.head.unit) {
                    *by_unit_month.entry((unit, r.2)).or_default() += cents_of(r);
                }
            }
            let through = by_unit_month.iter().filter(|(_, a)| !a.is_zero()).map(|((_, m), _)| *m).max();
            prop_assert_eq!(row.outcome_through.map(|m| m.index() as u32 + 1), through);
            let is_booked = through.is_some_and(|t| t >= month);
            prop_assert_eq!(row.ytd.outcome, is_booked.then_some(booked));
            prop_assert_eq!(row.period.status.is_some(), is_booked);
            let Some(outcome) = row.ytd.outcome else { continue };
            let types = row.cost_types.as_ref().unwrap();
            prop_assert_eq!(types.iter().map(|c| c.ytd.outcome.unwrap()).sum::<Amount>(), outcome);
            prop_assert_eq!(types.iter().map(|c| c.ytd.budget).sum::<Amount>(), row.ytd.budget);
            prop_assert_eq!(types.iter().map(|c| c.full_year.budget).sum::<Amount>(), row.full_year.budget);
            // A parent is the sum of its children and its own rows: children never exceed it
            // in count, and the children's sum plus the own rows is the parent.
            let own: Amount = rows.iter()
                .filter(|r| r.2 <= month && format!("u{}", r.0.index(n)) == row.head.unit)
                .map(cents_of)
                .sum();
            // Where every child is booked through the month too.
            let children: Option<Amount> = row.head.children.iter()
                .map(|c| report.row(c).unwrap().ytd.outcome)
                .sum();
            if let Some(children) = children {
                prop_assert_eq!(children + own, outcome);
            }
        }
    }
}

/// `unit` is `ancestor` or below it.
fn is_below(report: &DeviationReport, unit: &str, ancestor: &str) -> bool {
    let mut at = Some(unit.to_string());
    while let Some(u) = at {
        if u == ancestor {
            return true;
        }
        at = report.row(&u).unwrap().head.parent.clone();
    }
    false
}

proptest! {
    /// A forecast at the root is the report's root forecast, whatever sits below; every row's
    /// forecast is its own where it has one, else its own budget plus its children's (a child
    /// without one at its budget), and its cost types add up to it.
    #[test]
    fn a_forecast_covers_its_subtree_in_the_report(
        parents in proptest::collection::vec(any::<prop::sample::Index>(), 0..12),
        budgets in proptest::collection::vec(-1_000i64..1_000, 13),
        below in proptest::collection::vec(prop::option::of(-1_000i64..1_000), 13),
        root in -5_000i64..5_000,
        month in 1u32..13,
    ) {
        let mut units = vec![json!({ "id": "u0", "name": "u0" })];
        for (i, p) in parents.iter().enumerate() {
            units.push(json!({ "id": format!("u{}", i + 1), "name": "x", "parent": format!("u{}", p.index(i + 1)) }));
        }
        let n = units.len();
        let budget: Vec<Value> = (0..n).map(|i| json!({
            "unit": format!("u{i}"), "costType": if i % 2 == 0 { "c" } else { "d" }, "year": 2025, "annual": budgets[i].to_string()
        })).collect();
        let mut forecasts = vec![json!({ "unit": "u0", "year": 2025, "made": "2025-01", "amount": root.to_string() })];
        for (i, f) in below.iter().enumerate().take(n).skip(1) {
            if let Some(f) = f {
                forecasts.push(json!({ "unit": format!("u{i}"), "year": 2025, "made": "2025-01", "amount": f.to_string() }));
            }
        }
        let ws = workspace(json!({
            "schema": 1, "units": units, "budget": budget, "forecasts": forecasts,
            "costTypes": [{ "id": "c", "name": "c", "kind": "cost" }, { "id": "d", "name": "d", "kind": "revenue" }]
        }));
        let options = DeviationOptions { by_cost_type: true, ..at(&format!("2025-{month:02}")) };
        let report = ws.deviation(&options).unwrap();
        let kr = |n: i64| Amount::new(rust_decimal::Decimal::from(n));
        prop_assert_eq!(report.rows[0].full_year.forecast, Some(kr(root)));
        for row in &report.rows {
            let i: usize = row.head.unit[1..].parse().unwrap();
            let own = if i == 0 { Some(root) } else { below[i] };
            let expected = match own {
                Some(f) => kr(f),
                None => kr(budgets[i]) + row.head.children.iter()
                    .map(|c| {
                        let child = &report.row(c).unwrap().full_year;
                        child.forecast.unwrap_or(child.budget)
                    })
                    .sum::<Amount>(),
            };
            prop_assert_eq!(row.full_year.forecast.unwrap_or(row.full_year.budget), expected);
            let types = row.cost_types.as_ref().unwrap();
            let typed: Amount = types.iter().map(|c| c.full_year.forecast.unwrap_or(c.full_year.budget)).sum();
            prop_assert_eq!(typed, expected);
        }
    }
}

/// October asked for when August is the last booked month: no outcome, deviation or status for
/// the month, the tertial and the year to date, not a deviation of 100 %; August itself is
/// booked. The percent against gross cost stands beside the net one.
#[test]
fn a_month_after_the_last_booked_one_has_no_outcome() {
    let ws = workspace(json!({
        "schema": 1,
        "units": [
            { "id": "R", "name": "Region", "level": "region" },
            { "id": "N", "name": "Nämnd", "parent": "R", "level": "committee" }
        ],
        "budget": [
            { "unit": "N", "year": 2025, "annual": "1200 mnkr" },
            { "unit": "N", "year": 2025, "annual": "-1188 mnkr" }
        ],
        "outcome": [
            { "unit": "N", "month": "2025-08", "amount": "-1 mnkr" }
        ]
    }));
    let october = ws.deviation(&at("2025-10")).unwrap();
    assert_eq!(october.outcome_through.unwrap().to_string(), "2025-08");
    let n = october.row("N").unwrap();
    assert_eq!(n.outcome_through.unwrap().to_string(), "2025-08");
    for f in [&n.period, &n.tertial, &n.ytd] {
        assert_eq!((f.outcome, f.deviation, f.status), (None, None, None));
        assert_eq!(
            (f.percent, f.percent_of_gross_cost, f.underlying),
            (None, None, None)
        );
    }
    assert_eq!(n.period.budget, mnkr("1"));
    assert_eq!(n.period.gross_cost, Some(mnkr("-99")));
    let august = ws.deviation(&at("2025-08")).unwrap();
    let n = august.row("N").unwrap();
    // Net budget 1 mnkr a month, outcome −1: −200 % of net, −2.02 % of the gross cost of 99.
    assert_eq!(n.period.deviation, Some(mnkr("-2")));
    assert_eq!(n.period.percent.unwrap().decimal().to_string(), "-200");
    assert_eq!(
        n.period
            .percent_of_gross_cost
            .unwrap()
            .decimal()
            .to_string(),
        "-2.02"
    );
    assert_eq!(n.ytd.gross_cost, Some(mnkr("-792")));
    assert_eq!(n.full_year.gross_cost, Some(mnkr("-1188")));
}
