//! Tests of re-import and undo (`Workspace::import`, `Workspace::undo_import`): a later import
//! replaces what an earlier one held for the keys it brings, keeps the rest, and can be taken
//! back exactly. Examples as a controller meets them, then properties over random documents.

use super::*;
use crate::error::report::ImportSummary;
use crate::import::json;
use proptest::prelude::*;
use rust_decimal::Decimal;
use serde_json::{json, Value};

fn doc(v: Value) -> Document {
    json::read(|| &v).unwrap()
}

/// A region with two units and their budgets, as a controller starts the year.
fn region() -> Workspace {
    Workspace::from_document(doc(json!({
        "schema": 1,
        "name": "Region",
        "units": [
            { "id": "R", "name": "Region" },
            { "id": "A", "name": "A", "parent": "R" },
            { "id": "B", "name": "B", "parent": "R" }
        ],
        "budget": [
            { "unit": "A", "year": 2025, "annual": "-1200" },
            { "unit": "B", "year": 2025, "annual": "-2400" }
        ]
    })))
    .unwrap()
}

/// The ledger's monthly export: outcome of A and B for January through `last`, in sv-SE CSV;
/// `fix` changes one cell's amount (`(unit, month, amount)`).
fn export(last: u32, fix: Option<(&str, u32, &str)>) -> String {
    let mut csv = String::from("Kostnadsställe;Period;Utfall\r\n");
    for unit in ["A", "B"] {
        for m in 1..=last {
            let amount = match fix {
                Some((u, fm, a)) if u == unit && fm == m => a.to_string(),
                _ => format!("-{},50", 90 + m),
            };
            csv.push_str(&format!("{unit};2025-{m:02};{amount}\r\n"));
        }
    }
    csv
}

fn august(ws: &Workspace) -> String {
    let options = DeviationOptions {
        as_of: "2025-08".into(),
        ..DeviationOptions::default()
    };
    serde_json::to_string(&ws.deviation(&options).unwrap()).unwrap()
}

fn outcome(ws: &Workspace, unit: &str, month: u32) -> String {
    let data = ws.data().unwrap();
    data.outcome(data.tree.position(unit).unwrap(), 2025)[month as usize - 1].to_canonical()
}

#[test]
fn the_same_export_twice_replaces_and_leaves_the_figures_as_they_were() {
    let mut ws = region();
    let options = ImportOptions::default();
    let first = ws.import_csv(export(8, None).as_bytes(), &options).unwrap();
    assert_eq!(
        (first.added.outcome_rows, first.replaced.outcome_rows),
        (16, 0)
    );
    let once = august(&ws);
    let document = ws.document().clone();
    let second = ws.import_csv(export(8, None).as_bytes(), &options).unwrap();
    assert_eq!(second.added, ImportSummary::default());
    assert_eq!(second.replaced.outcome_rows, 16);
    assert_eq!(august(&ws), once);
    assert_eq!(ws.document(), &document);
    assert_eq!(outcome(&ws, "A", 3), "-93.5");
}

#[test]
fn the_preview_counts_what_confirming_then_replaces_and_changes_nothing() {
    let mut ws = region();
    let options = ImportOptions::default();
    ws.import_csv(export(8, None).as_bytes(), &options).unwrap();
    let before = ws.document().clone();
    let september = export(9, None);
    let (doc, preview) = crate::import::preview(
        crate::import::Format::Csv,
        september.as_bytes().into(),
        &options,
        &crate::import::context::Context::of(ws.document()),
    )
    .unwrap();
    assert_eq!(ws.document(), &before, "a preview adds nothing");
    assert_eq!((doc.outcome.len(), preview.replaced.outcome_rows), (18, 16));
    let done = ws.import_csv(september.as_bytes(), &options).unwrap();
    assert_eq!(done.replaced, preview.replaced);
    assert_eq!(done.added.outcome_rows, 2);
    // What readImport's report says confirming adds.
    assert_eq!(doc.would_add(&preview.replaced), done.added);
}

#[test]
fn a_corrected_export_replaces_the_months_it_brings_and_keeps_the_others() {
    let mut ws = region();
    let options = ImportOptions::default();
    ws.import_csv(export(8, None).as_bytes(), &options).unwrap();
    // October: January through September, with August of A corrected in the ledger.
    let report = ws
        .import_csv(export(9, Some(("A", 8, "-500"))).as_bytes(), &options)
        .unwrap();
    assert_eq!(
        (report.added.outcome_rows, report.replaced.outcome_rows),
        (2, 16)
    );
    assert_eq!(outcome(&ws, "A", 8), "-500");
    assert_eq!(outcome(&ws, "A", 9), "-99.5");
    assert_eq!(outcome(&ws, "B", 8), "-98.5");
    // A file of B's August alone replaces that month of B and nothing else.
    let b_only = "Kostnadsställe;Period;Utfall\r\nB;2025-08;-1\r\n";
    let report = ws.import_csv(b_only.as_bytes(), &options).unwrap();
    assert_eq!(
        (report.added.outcome_rows, report.replaced.outcome_rows),
        (0, 1)
    );
    assert_eq!(
        (
            outcome(&ws, "B", 8),
            outcome(&ws, "B", 7),
            outcome(&ws, "A", 8)
        ),
        ("-1".into(), "-97.5".into(), "-500".into())
    );
}

#[test]
fn rows_of_one_key_in_one_file_still_add_up_with_a_warning_and_replace_together() {
    let mut ws = region();
    let twice = "Kostnadsställe;Period;Utfall\r\nA;2025-01;-10\r\nA;2025-01;-5\r\n";
    let first = ws
        .import_csv(twice.as_bytes(), &ImportOptions::default())
        .unwrap();
    assert!(first.warnings.iter().any(|w| w.code == "W_DUPLICATE_ROW"));
    assert_eq!(outcome(&ws, "A", 1), "-15");
    let again = ws
        .import_csv(twice.as_bytes(), &ImportOptions::default())
        .unwrap();
    assert_eq!(outcome(&ws, "A", 1), "-15");
    assert_eq!(again.replaced.outcome_rows, first.added.outcome_rows);
}

#[test]
fn undo_import_takes_back_each_import_exactly_and_then_says_there_is_none() {
    let mut ws = region();
    assert_eq!(
        ws.imports_to_undo(),
        0,
        "a workspace made from a document has nothing to undo"
    );
    assert_eq!(ws.undo_import().unwrap(), None);
    let start = serde_json::to_string(ws.document()).unwrap();
    let start_report = august(&ws);
    let options = ImportOptions::default();
    ws.import_csv(export(8, None).as_bytes(), &options).unwrap();
    let after_one = serde_json::to_string(ws.document()).unwrap();
    let august_once = august(&ws);
    let corrected = ws
        .import_csv(export(9, Some(("A", 8, "-500"))).as_bytes(), &options)
        .unwrap();
    ws.import(doc(json!({
        "schema": 1,
        "name": "Region, omorganiserad",
        "units": [{ "id": "B", "name": "B ny", "parent": "R" }, { "id": "C", "name": "C", "parent": "R" }],
        "budget": [{ "unit": "A", "year": 2025, "annual": "-1300" }]
    })))
    .unwrap();
    assert_eq!(
        ws.document().units[2].name,
        "B ny",
        "a unit keeps its place"
    );
    assert_eq!(ws.imports_to_undo(), 3);

    let taken = ws.undo_import().unwrap().unwrap();
    assert_eq!(
        (
            taken.added.units,
            taken.replaced.units,
            taken.replaced.budget_rows
        ),
        (1, 1, 1)
    );
    let back = ws.undo_import().unwrap().unwrap();
    assert_eq!(back.added, corrected.added);
    assert_eq!(back.replaced, corrected.replaced);
    assert_eq!(serde_json::to_string(ws.document()).unwrap(), after_one);
    assert_eq!(august(&ws), august_once);
    ws.undo_import().unwrap().unwrap();
    assert_eq!(serde_json::to_string(ws.document()).unwrap(), start);
    assert_eq!(august(&ws), start_report);
    assert_eq!(ws.undo_import().unwrap(), None);
    assert_eq!(ws.imports_to_undo(), 0);
}

#[test]
fn a_failed_import_leaves_nothing_to_undo_and_entries_make_imports_final() {
    let mut ws = region();
    ws.import_csv(export(2, None).as_bytes(), &ImportOptions::default())
        .unwrap();
    let before = ws.document().clone();
    let bad = "Kostnadsställe;Period;Utfall\r\nA;2025-01;-1\r\nNOPE;2025-01;-1\r\n";
    assert!(ws
        .import_csv(bad.as_bytes(), &ImportOptions::default())
        .is_err());
    let e = ws
        .import(doc(json!({ "schema": 1, "outcome": [
            { "unit": "A", "month": "2025-01", "amount": "7" },
            { "unit": "A", "costType": "9999", "month": "2025-02", "amount": "7" }
        ] })))
        .unwrap_err();
    assert_eq!(e.field(), Some("outcome[1].costType"));
    assert_eq!(ws.document(), &before);
    assert_eq!(ws.imports_to_undo(), 1);

    ws.import(doc(
        json!({ "schema": 1, "measures": [{ "id": "M", "title": "Scheman", "unit": "A",
        "status": "ongoing", "recurring": false, "plan": [{ "year": 2025, "effect": "100" }] }] }),
    ))
    .unwrap();
    assert_eq!(ws.imports_to_undo(), 2);
    let month = Month::parse("2025-03").unwrap();
    ws.record_realised("M", month, Amount::new(Decimal::from(10)))
        .unwrap();
    assert_eq!(ws.imports_to_undo(), 0);
    assert_eq!(ws.undo_import().unwrap(), None);
}

#[test]
fn the_same_unit_again_is_no_duplicate_but_twice_in_one_document_is() {
    let mut ws = region();
    let same = ws
        .import(doc(
            json!({ "schema": 1, "units": [{ "id": "A", "name": "A", "parent": "R" }] }),
        ))
        .unwrap();
    assert_eq!((same.added.units, same.replaced.units), (0, 1));
    let before = ws.document().clone();
    let e = ws
        .import(doc(json!({ "schema": 1, "units": [
            { "id": "C", "name": "C", "parent": "R" },
            { "id": "A", "name": "A", "parent": "R" },
            { "id": "A", "name": "A igen", "parent": "R" }
        ] })))
        .unwrap_err();
    assert_eq!(
        (e.code(), e.field()),
        ("E_DUPLICATE_UNIT", Some("units[2].id"))
    );
    assert_eq!(ws.document(), &before);
    // A move that would make a cycle is the tree's error, and changes nothing.
    let e = ws
        .import(doc(
            json!({ "schema": 1, "units": [{ "id": "R", "name": "Region", "parent": "A" }] }),
        ))
        .unwrap_err();
    assert_eq!(e.code(), "E_CYCLE");
    assert_eq!(ws.document(), &before);
}

#[test]
fn no_more_than_max_undo_imports_are_kept() {
    let mut ws = region();
    for m in 1..=MAX_UNDO as u32 + 2 {
        let row = format!("Kostnadsställe;Period;Utfall\r\nA;2025-{m:02};-1\r\n");
        ws.import_csv(row.as_bytes(), &ImportOptions::default())
            .unwrap();
    }
    assert_eq!(ws.imports_to_undo(), MAX_UNDO);
    while ws.undo_import().unwrap().is_some() {}
    assert_eq!(
        ws.document().outcome.len(),
        2,
        "the two oldest imports are final"
    );
}

// ── Properties ────────────────────────────────────────────────────────────────────────────────

/// A random import on the region of [`region`]: outcome, budget, forecasts, one-offs and volumes
/// of A and B (with a cost type or none) over three months, keys repeated at will, and sometimes
/// a unit again (renamed) or a new one, a cost type, a name and thresholds.
fn an_import() -> impl Strategy<Value = Value> {
    let unit = prop::sample::select(vec!["A", "B"]);
    let cost_type = prop::option::of(prop::sample::select(vec!["4010"]));
    let month = (1u32..=3).prop_map(|m| format!("2025-{m:02}"));
    let amount = (-1000i64..1000).prop_map(|a| a.to_string());
    let outcome = (
        unit.clone(),
        cost_type.clone(),
        month.clone(),
        amount.clone(),
    )
        .prop_map(|(u, c, m, a)| json!({ "unit": u, "costType": c, "month": m, "amount": a }));
    let budget = (unit.clone(), cost_type.clone(), amount.clone())
        .prop_map(|(u, c, a)| json!({ "unit": u, "costType": c, "year": 2025, "annual": a }));
    let forecast = (unit.clone(), cost_type.clone(), month.clone(), amount.clone()).prop_map(
        |(u, c, m, a)| json!({ "unit": u, "costType": c, "year": 2025, "made": m, "amount": a }),
    );
    let one_off = (unit.clone(), month.clone(), amount.clone())
        .prop_map(|(u, m, a)| json!({ "unit": u, "month": m, "amount": a, "text": "Engång" }));
    let volume = (unit, month, 0u32..50, 0u32..50).prop_map(|(u, m, b, a)| {
        json!({ "unit": u, "month": m, "measure": "besök", "budget": b, "actual": a })
    });
    let units = prop::sample::subsequence(
        vec![
            json!({ "id": "A", "name": "A omdöpt", "parent": "R" }),
            json!({ "id": "C", "name": "C", "parent": "R" }),
        ],
        0..=2,
    );
    let rows = |s: BoxedStrategy<Value>| prop::collection::vec(s, 0..6);
    (
        rows(outcome.boxed()),
        rows(budget.boxed()),
        rows(forecast.boxed()),
        rows(one_off.boxed()),
        rows(volume.boxed()),
        units,
        any::<bool>(),
    )
        .prop_map(
            |(outcome, budget, forecasts, one_offs, volumes, units, named)| {
                let mut d = json!({
                    "schema": 1,
                    "units": units,
                    "costTypes": [{ "id": "4010", "name": "Löner", "kind": "cost" }],
                    "outcome": outcome, "budget": budget, "forecasts": forecasts,
                    "oneOffs": one_offs, "volumes": volumes
                });
                if named {
                    d["name"] = json!("Region, ny export");
                    d["thresholds"] = json!({ "unit": { "absolute": "10", "percent": "5" } });
                }
                d
            },
        )
}

fn text(ws: &Workspace) -> String {
    serde_json::to_string(ws.document()).unwrap()
}

/// The deviation report as of March with cost types: what a controller reads.
fn march(ws: &Workspace) -> String {
    let options = DeviationOptions {
        as_of: "2025-03".into(),
        by_cost_type: true,
        ..DeviationOptions::default()
    };
    serde_json::to_string(&ws.deviation(&options).unwrap()).unwrap()
}

/// Two summaries added field by field, as JSON (the fields are counts).
fn sum(a: ImportSummary, b: ImportSummary) -> Value {
    let (a, b) = (
        serde_json::to_value(a).unwrap(),
        serde_json::to_value(b).unwrap(),
    );
    let mut out = a.clone();
    for (k, n) in out.as_object_mut().unwrap() {
        *n = json!(a[k].as_u64().unwrap() + b[k].as_u64().unwrap());
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// import(A); import(B); undo gives A's document, byte for byte, and A's reports; a second
    /// undo gives the region as it was.
    #[test]
    fn undo_after_a_second_import_gives_the_first_ones_document(a in an_import(), b in an_import()) {
        let mut ws = region();
        let start = text(&ws);
        ws.import(doc(a)).unwrap();
        let (after_a, report_a) = (text(&ws), march(&ws));
        ws.import(doc(b)).unwrap();
        prop_assert!(ws.undo_import().unwrap().is_some());
        prop_assert_eq!(text(&ws), after_a);
        prop_assert_eq!(march(&ws), report_a);
        prop_assert!(ws.undo_import().unwrap().is_some());
        prop_assert_eq!(text(&ws), start);
        prop_assert_eq!(ws.undo_import().unwrap(), None);
    }

    /// import(A) twice gives the same reports and document as once; the second adds nothing and
    /// replaces all the first brought.
    #[test]
    fn the_same_import_twice_is_the_same_as_once(a in an_import()) {
        let mut once = region();
        let first = once.import(doc(a.clone())).unwrap();
        let mut twice = region();
        twice.import(doc(a.clone())).unwrap();
        let second = twice.import(doc(a)).unwrap();
        prop_assert_eq!(march(&twice), march(&once));
        prop_assert_eq!(text(&twice), text(&once));
        prop_assert_eq!(second.added, ImportSummary::default());
        prop_assert_eq!(serde_json::to_value(second.replaced).unwrap(), sum(first.added, first.replaced));
    }
}
