//! Tests of `workspace`, kept beside it so the module itself reads in one sitting.

use super::*;
use crate::bridge::StepKind;
use crate::error::report::ImportSummary;
use crate::import::json;
use rust_decimal::Decimal;
use serde_json::{json, Value};

fn doc(v: Value) -> Document {
    json::read(|| &v).unwrap()
}

fn tree_doc() -> Document {
    doc(json!({
        "schema": 1,
        "name": "Test",
        "units": [
            { "id": "R", "name": "Region" },
            { "id": "A", "name": "A", "parent": "R" }
        ]
    }))
}

#[test]
fn rows_add_up_per_unit_and_month() {
    let mut ws = Workspace::new();
    ws.import(tree_doc()).unwrap();
    let summary = ws
        .import(doc(json!({
            "schema": 1,
            "budget": [
                { "unit": "A", "year": 2025, "annual": "1200" },
                { "unit": "A", "year": 2025, "months": ["1","2","3","4","5","6","7","8","9","10","11","12"] }
            ],
            "outcome": [
                { "unit": "A", "month": "2025-03", "amount": "5" },
                { "unit": "A", "month": "2025-03", "amount": "-2,5" }
            ],
            "forecasts": [
                { "unit": "A", "year": 2025, "made": "2025-02", "amount": "100" },
                { "unit": "A", "year": 2025, "made": "2025-04", "amount": "90" },
                { "unit": "A", "year": 2025, "made": "2025-04", "amount": "1" }
            ]
        })))
        .unwrap();
    assert_eq!(
        summary.added,
        ImportSummary {
            units: 0,
            cost_types: 0,
            budget_rows: 2,
            outcome_rows: 2,
            forecast_rows: 3,
            ..ImportSummary::default()
        }
    );
    assert_eq!(summary.replaced, ImportSummary::default());
    let data = ws.data().unwrap();
    let a = data.tree.position("A").unwrap();
    assert_eq!(data.budget(a, 2025)[2].to_canonical(), "103");
    assert_eq!(data.outcome(a, 2025)[2].to_canonical(), "2.5");
    let m = |s: &str| Month::parse(s).unwrap();
    assert_eq!(
        data.latest_forecast(a, 2025, m("2025-03"))
            .unwrap()
            .1
            .to_canonical(),
        "100"
    );
    assert_eq!(
        data.latest_forecast(a, 2025, m("2025-08")),
        Some((m("2025-04"), Amount::new(Decimal::from(91))))
    );
    assert_eq!(data.latest_forecast(a, 2025, m("2025-01")), None);
}

#[test]
fn a_failed_import_changes_nothing_and_names_the_field_in_its_own_document() {
    let mut ws = Workspace::new();
    ws.import(tree_doc()).unwrap();
    ws.import(doc(
        json!({ "schema": 1, "outcome": [{ "unit": "A", "month": "2025-01", "amount": "1" }] }),
    ))
    .unwrap();
    let before = ws.document().clone();
    let e = ws
        .import(doc(json!({
            "schema": 1,
            "outcome": [
                { "unit": "A", "month": "2025-02", "amount": "1" },
                { "unit": "Nope", "month": "2025-02", "amount": "1" }
            ]
        })))
        .unwrap_err();
    assert_eq!(
        (e.code(), e.field()),
        ("E_UNKNOWN_UNIT", Some("outcome[1].unit"))
    );
    assert_eq!(ws.document(), &before);
}

/// The index keeps its sums in whole öre (`i64`): an amount, or the sum of one unit, cost type
/// and month, beyond ±92 233 720 368 547 758 kr is refused at its row, never wrapped.
#[test]
fn sums_beyond_an_i64_of_ore_are_refused_at_the_row() {
    let mut ws = Workspace::new();
    ws.import(tree_doc()).unwrap();
    let before = ws.document().clone();
    let row = |amount: &str| json!({ "unit": "A", "month": "2025-02", "amount": amount });
    let too_large = json!({ "schema": 1, "outcome": [row("1"), row("100000000000000000")] });
    let e = ws.import(doc(too_large)).unwrap_err();
    assert_eq!(
        (e.code(), e.field()),
        ("E_SCHEMA", Some("outcome[1].amount"))
    );
    // 5·10^16 kr each fits; the two together do not.
    let half = "50000000000000000";
    let e = ws
        .import(doc(
            json!({ "schema": 1, "outcome": [row(half), row(half)] }),
        ))
        .unwrap_err();
    assert_eq!((e.code(), e.field()), ("E_SCHEMA", Some("outcome[1]")));
    assert_eq!(ws.document(), &before);
    let e = ws
        .import(doc(json!({ "schema": 1, "budget": [
            { "unit": "A", "year": 2025, "months": [half, "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0"] },
            { "unit": "A", "year": 2025, "months": [half, "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0"] }
        ] })))
        .unwrap_err();
    assert_eq!((e.code(), e.field()), ("E_SCHEMA", Some("budget[1]")));
}

/// Every list, the name and the thresholds are back as they were, item for item and in order,
/// after an import that failed once every list had been merged (each item replaced in place or
/// taken out for the rows that replace it).
#[test]
fn a_failed_import_restores_every_list_name_and_threshold() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/www/demo/region-2025.json");
    let v: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut ws = Workspace::new();
    ws.import(doc(v.clone())).unwrap();
    let before = ws.document().clone();
    let mut again = v;
    again["name"] = json!("Another region");
    again["thresholds"] = json!({ "committee": { "absolute": "1", "percent": "1" } });
    let outcome = again["outcome"].as_array_mut().unwrap();
    let last = outcome.len();
    outcome.push(json!({ "unit": "NOPE", "month": "2025-09", "amount": "1" }));
    let e = ws.import(doc(again)).unwrap_err();
    let field = format!("outcome[{last}].unit");
    assert_eq!(
        (e.code(), e.field()),
        ("E_UNKNOWN_UNIT", Some(field.as_str()))
    );
    assert_eq!(ws.document(), &before);
    assert_eq!(ws.imports_to_undo(), 1);
    assert!(before.counts().goals > 0 && before.thresholds.is_some());
    let report = ws.deviation(&DeviationOptions {
        as_of: "2025-08".into(),
        ..DeviationOptions::default()
    });
    assert!(report.is_ok());
}

#[test]
fn budget_rows_are_checked() {
    let cases = [
        (
            json!({ "unit": "A", "year": 2025 }),
            "E_SCHEMA",
            "budget[0]",
        ),
        (
            json!({ "unit": "A", "year": 2025, "annual": "1", "method": "quarterly" }),
            "E_OPTION",
            "budget[0].method",
        ),
        (
            json!({ "unit": "A", "year": 2025, "annual": "1", "method": "profile" }),
            "E_SCHEMA",
            "budget[0].weights",
        ),
        (
            json!({ "unit": "A", "year": 2025, "annual": "1", "method": "profile", "weights": [1, 2] }),
            "E_SCHEMA",
            "budget[0].weights",
        ),
        (
            json!({ "unit": "A", "year": 2025, "annual": "1", "weights": [1] }),
            "E_SCHEMA",
            "budget[0].weights",
        ),
        (
            json!({ "unit": "A", "year": 2025, "months": ["1"] }),
            "E_SCHEMA",
            "budget[0].months",
        ),
        (
            json!({ "unit": "A", "year": 2025, "annual": "0.50", "rounding": "krona" }),
            "E_PERIODISE",
            "budget[0]",
        ),
        (
            json!({ "unit": "A", "year": 3025, "annual": "1" }),
            "E_SCHEMA",
            "budget[0].year",
        ),
    ];
    for (row, code, field) in cases {
        let mut ws = Workspace::new();
        ws.import(tree_doc()).unwrap();
        let e = ws
            .import(doc(json!({ "schema": 1, "budget": [row] })))
            .unwrap_err();
        assert_eq!((e.code(), e.field()), (code, Some(field)), "{row}: {e}");
    }
    // An annual amount finer than an öre never reaches the split: the reader refuses it.
    let v = json!({ "schema": 1, "budget": [{ "unit": "A", "year": 2025, "annual": "0.005" }] });
    let e = json::read(|| &v).unwrap_err();
    assert_eq!(
        (e.code(), e.field()),
        ("E_PARSE_AMOUNT", Some("budget[0].annual"))
    );
}

#[test]
fn cost_types_are_unique_and_rows_name_known_ones() {
    let mut ws = Workspace::new();
    ws.import(tree_doc()).unwrap();
    let e = ws
        .import(doc(json!({
            "schema": 1,
            "costTypes": [
                { "id": "3000", "name": "Intäkter", "kind": "revenue" },
                { "id": "3000", "name": "Igen", "kind": "revenue" }
            ]
        })))
        .unwrap_err();
    assert_eq!(
        (e.code(), e.field()),
        ("E_DUPLICATE_COST_TYPE", Some("costTypes[1].id"))
    );
    ws.import(doc(json!({
        "schema": 1,
        "costTypes": [{ "id": "4010", "name": "Löner", "kind": "cost" }],
        "outcome": [{ "unit": "A", "costType": "4010", "month": "2025-01", "amount": "-5" }]
    })))
    .unwrap();
    let e = ws
        .import(doc(json!({
            "schema": 1,
            "outcome": [
                { "unit": "A", "costType": "4010", "month": "2025-02", "amount": "-5" },
                { "unit": "A", "costType": "9999", "month": "2025-02", "amount": "-5" }
            ]
        })))
        .unwrap_err();
    assert_eq!(
        (e.code(), e.field()),
        ("E_UNKNOWN_COST_TYPE", Some("outcome[1].costType"))
    );
    assert_eq!(ws.document().cost_types.len(), 1);
}

#[test]
fn stored_thresholds_are_checked_even_without_units() {
    let mut ws = Workspace::new();
    let e = ws
        .import(doc(json!({
            "schema": 1,
            "thresholds": { "committee": { "absolute": "1", "percent": "-2" } }
        })))
        .unwrap_err();
    assert_eq!(
        (e.code(), e.field()),
        ("E_OPTION", Some("thresholds.committee.percent"))
    );
    assert_eq!(ws.document().thresholds, None);
}

#[test]
fn prior_year_uses_the_units_outcome_the_year_before() {
    let mut ws = Workspace::new();
    ws.import(tree_doc()).unwrap();
    let outcome: Vec<Value> = (1..=12)
        .map(|m| json!({ "unit": "A", "month": format!("2024-{m:02}"), "amount": if m == 7 { "-2" } else { "-1" } }))
        .collect();
    ws.import(doc(json!({
        "schema": 1,
        "outcome": outcome,
        "budget": [{ "unit": "A", "year": 2025, "annual": "-1300", "method": "prior-year" }]
    })))
    .unwrap();
    let data = ws.data().unwrap();
    let months = data.budget(data.tree.position("A").unwrap(), 2025);
    assert_eq!(months[6].to_canonical(), "-200");
    assert_eq!(months[0].to_canonical(), "-100");
}

#[test]
fn escalation_coverage_comes_from_the_measures_expected_effect() {
    let mut ws = Workspace::new();
    ws.import(doc(json!({
        "schema": 1,
        "units": [
            { "id": "R", "name": "Region", "level": "region" },
            { "id": "C", "name": "Nämnd", "parent": "R", "level": "committee" },
            { "id": "D", "name": "Nämnd utan åtgärder", "parent": "R", "level": "committee" }
        ],
        "budget": [
            { "unit": "C", "year": 2025, "annual": "-120000000" },
            { "unit": "D", "year": 2025, "annual": "-120000000" }
        ],
        "forecasts": [
            { "unit": "C", "year": 2025, "made": "2025-06", "amount": "-140000000" },
            { "unit": "D", "year": 2025, "made": "2025-06", "amount": "-140000000" }
        ],
        "measures": [{ "id": "M", "title": "Scheman", "unit": "C", "status": "ongoing",
                       "recurring": true,
                       "plan": [{ "year": 2025, "rate": "12000000", "start": "2025-09" }] }]
    })))
    .unwrap();
    let options = DeviationOptions {
        as_of: "2025-08".into(),
        ..DeviationOptions::default()
    };
    let report = ws.deviation(&options).unwrap();
    // A September start gives 4 of the 12 mnkr rate this year: 4 of a 20 mnkr gap is 20 %.
    let c = report.row("C").unwrap().escalation.clone().unwrap();
    assert_eq!(c.expected_effects.unwrap().to_canonical(), "4000000");
    assert_eq!(c.coverage.unwrap().decimal().to_string(), "20.00");
    // Without measures both stay absent, not zero.
    let d = report.row("D").unwrap().escalation.clone().unwrap();
    assert_eq!((d.expected_effects, d.coverage), (None, None));
}

/// The demo region's health care per August 2025: every step is the figure its own engine
/// reports, and the steps add up exactly to forecast − budget.
#[test]
fn the_bridge_takes_each_step_from_its_engine() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/www/demo/region-2025.json");
    let v: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut ws = Workspace::new();
    ws.import(doc(v)).unwrap();
    let as_of = "2025-08".to_string();
    let options = BridgeOptions {
        as_of: as_of.clone(),
        unit: Some("HSN".into()),
    };
    let bridge = ws.bridge(&options).unwrap();
    let step = |kind| {
        bridge
            .steps
            .iter()
            .find(|s| s.kind == kind)
            .map(|s| s.amount)
    };

    let deviation = DeviationOptions {
        as_of: as_of.clone(),
        unit: Some("HSN".into()),
        ..Default::default()
    };
    let row = ws.deviation(&deviation).unwrap().rows[0].clone();
    assert_eq!(bridge.budget, row.full_year.budget);
    assert_eq!(Some(bridge.forecast), row.full_year.forecast);
    let effects = ws
        .effects(&EffectsOptions {
            as_of: as_of.clone(),
            ..Default::default()
        })
        .unwrap();
    let year = &effects.unit("HSN").unwrap().year;
    assert_eq!(step(StepKind::Measures), Some(year.forecast - year.planned));
    let grants = ws
        .grants(&serde_json::from_value(json!({ "asOf": as_of })).unwrap())
        .unwrap();
    let hsn = grants.rows.iter().find(|r| r.head.unit == "HSN").unwrap();
    assert_eq!(step(StepKind::Grants), Some(hsn.full_year_beyond_budget));
    assert_eq!(step(StepKind::OneOffs), Some(row.full_year.one_offs));
    let total: Amount = bridge.steps.iter().map(|s| s.amount).sum();
    assert_eq!(total, bridge.forecast - bridge.budget);
    assert_eq!(bridge.steps.last().unwrap().kind, StepKind::Other);

    // Public transport has no measures: no measures step; its one-offs are the seeds' 35 mnkr.
    let options = BridgeOptions {
        as_of,
        unit: Some("KTN".into()),
    };
    let ktn = ws.bridge(&options).unwrap();
    assert!(ktn.steps.iter().all(|s| s.kind != StepKind::Measures));
    let one_offs = ktn
        .steps
        .iter()
        .find(|s| s.kind == StepKind::OneOffs)
        .unwrap();
    assert_eq!(one_offs.amount.to_canonical(), "35000000");
}

#[test]
fn an_empty_workspace_has_no_report() {
    let ws = Workspace::new();
    let options = DeviationOptions {
        as_of: "2025-08".into(),
        ..DeviationOptions::default()
    };
    assert_eq!(ws.deviation(&options).unwrap_err().code(), "E_NO_DATA");
    let mut ws = Workspace::new();
    let e = ws
        .import(doc(
            json!({ "schema": 1, "outcome": [{ "unit": "A", "month": "2025-01", "amount": "1" }] }),
        ))
        .unwrap_err();
    assert_eq!(e.field(), Some("units"));
}

#[test]
fn an_unknown_unit_is_reported_at_its_own_cell_and_its_rows_as_rejected() {
    let mut ws = Workspace::new();
    ws.import(tree_doc()).unwrap();
    let csv = "Konto;Enhet;Period;Budget;Utfall\n4010;A;2025-01;1;2\n4010;OKÄND;2025-01;3;4\n";
    let err = ws
        .import_csv(csv.as_bytes(), &ImportOptions::default())
        .unwrap_err();
    let report = err.report().unwrap();
    let issue = report.first_error().unwrap();
    assert_eq!(issue.code, "E_UNKNOWN_UNIT");
    assert_eq!(
        (issue.at.line, issue.at.column, issue.at.field.as_deref()),
        (Some(3), Some(2), Some("Enhet"))
    );
    // The verdict and the counts agree: the row of the unknown unit is not accepted.
    assert_eq!((report.rows.accepted, report.rows.rejected), (1, 1));
}

#[test]
fn years_are_those_holding_figures_and_none_before_an_import() {
    let mut ws = Workspace::new();
    assert!(ws.years().is_empty());
    ws.import(tree_doc()).unwrap();
    assert!(ws.years().is_empty(), "a tree alone holds no figures");
    ws.import(doc(json!({
        "schema": 1,
        "budget": [{ "unit": "A", "year": 2026, "annual": "1200" }],
        "outcome": [{ "unit": "A", "month": "2024-03", "amount": "5" }]
    })))
    .unwrap();
    assert_eq!(ws.years(), [2024, 2026]);
    ws.undo_import().unwrap();
    assert!(ws.years().is_empty(), "taken back with its import");
}
