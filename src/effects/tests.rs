//! The effects engine against the seeds' figures (DOMAIN.md) and its invariants.

use proptest::prelude::*;
use rust_decimal::Decimal;
use serde_json::{json, Value};

use super::rollup::Rag;
use super::*;
use crate::num::weight::Weight;
use crate::workspace::Workspace;

fn mnkr(n: i64) -> Amount {
    Amount::new(Decimal::from(n) * Decimal::from(1_000_000))
}

fn s(n: i64) -> String {
    mnkr(n).to_canonical()
}

fn workspace(measures: Value, programmes: Value) -> Workspace {
    let doc = json!({
        "schema": 1,
        "units": [
            { "id": "R", "name": "Region" },
            { "id": "HSN", "name": "HSN", "parent": "R" },
            { "id": "SJ", "name": "Sjukhusvård", "parent": "HSN" },
            { "id": "PV", "name": "Primärvård", "parent": "HSN" },
            { "id": "KTN", "name": "Kollektivtrafik", "parent": "R" }
        ],
        "measures": measures,
        "programmes": programmes
    });
    let mut ws = Workspace::new();
    ws.import(crate::import::json::read(|| &doc).unwrap())
        .unwrap();
    ws
}

fn report(ws: &Workspace, as_of: &str) -> EffectsReport {
    ws.effects(&EffectsOptions {
        as_of: as_of.into(),
        ..EffectsOptions::default()
    })
    .unwrap()
}

/// A measure with one in-year effect per year and its realised effect booked in December.
fn yearly(id: &str, unit: &str, plan: &[(i32, i64)], realised: &[(i32, i64)]) -> Value {
    json!({
        "id": id, "title": id, "unit": unit, "status": "done", "recurring": false,
        "risk": "medium",
        "plan": plan.iter().map(|(y, a)| json!({ "year": y, "effect": s(*a) })).collect::<Vec<_>>(),
        "realised": realised.iter().map(|(y, a)| json!({ "month": format!("{y}-12"), "amount": s(*a) })).collect::<Vec<_>>()
    })
}

#[test]
fn hospital_care_2019_2023_planned_231_realised_136_is_58_9_percent_and_red() {
    let ws = workspace(
        json!([
            yearly(
                "A",
                "SJ",
                &[(2019, 10), (2020, 20), (2021, 20), (2022, 20), (2023, 20)],
                &[(2019, 8), (2020, 14), (2021, 12), (2022, 14), (2023, 14)]
            ),
            yearly(
                "B",
                "SJ",
                &[(2019, 5), (2020, 15), (2021, 15), (2022, 15), (2023, 15)],
                &[(2019, 2), (2020, 8), (2021, 10), (2022, 11), (2023, 12)]
            ),
            yearly("C", "SJ", &[(2020, 16)], &[(2020, 16)]),
            yearly(
                "D",
                "SJ",
                &[(2021, 20), (2022, 20), (2023, 20)],
                &[(2021, 10), (2022, 5)]
            )
        ]),
        json!([{ "id": "P", "name": "Sjukhusvården 2019–2023", "target": s(231), "from": 2019, "to": 2023, "units": ["SJ"] }]),
    );
    let r = report(&ws, "2025-08");
    let p = r.programme("P").unwrap();
    assert_eq!(p.period.planned, mnkr(231));
    assert_eq!(p.period.planned_to_date, mnkr(231));
    assert_eq!(p.period.realised_to_date, mnkr(136));
    assert_eq!(p.period.rate.unwrap().decimal().to_string(), "58.87");
    assert_eq!(
        Amount::new(p.period.rate.unwrap().decimal()).format(crate::num::money::DisplayUnit::Kr, 1),
        "58,9"
    );
    assert_eq!(p.period.status, Some(Rag::Red));
    // The years are closed: the forecast is what came, and so is the expected effect.
    assert_eq!(
        (p.period.forecast, p.period.expected),
        (mnkr(136), mnkr(136))
    );
    assert_eq!((p.period.shortfall, p.need), (mnkr(95), mnkr(95)));
    assert_eq!(p.measures, ["A", "B", "C", "D"]);
}

/// The health-care programme 2024-2026: 119 mnkr planned, 25 realised in 2024, the period
/// forecast lowered to 78 (April 2025) and then 71 (August 2025).
fn health_care() -> Workspace {
    let m = |id: &str, plan: Value, realised: Value, forecasts: Value| {
        json!({ "id": id, "title": id, "unit": "PV", "status": "ongoing", "recurring": true,
                "plan": plan, "realised": realised, "forecasts": forecasts })
    };
    workspace(
        json!([
            // 18 mnkr a year from March 2024: 15 in 2024, then 18 and 18.
            m(
                "M5",
                json!([{ "year": 2024, "rate": s(18), "start": "2024-03" }]),
                json!([{ "month": "2024-12", "amount": s(14) }, { "month": "2025-06", "amount": s(7) }]),
                json!([{ "year": 2025, "made": "2025-04", "amount": s(12) }, { "year": 2026, "made": "2025-04", "amount": s(12) },
                     { "year": 2025, "made": "2025-08", "amount": s(11) }, { "year": 2026, "made": "2025-08", "amount": s(11) }])
            ),
            // 12 mnkr a year from September 2024: 4 in 2024.
            m(
                "M6",
                json!([{ "year": 2024, "rate": s(12), "start": "2024-09" }]),
                json!([{ "month": "2024-12", "amount": s(3) }]),
                json!([{ "year": 2025, "made": "2025-04", "amount": s(8) }, { "year": 2026, "made": "2025-04", "amount": s(8) },
                     { "year": 2025, "made": "2025-08", "amount": s(7) }, { "year": 2026, "made": "2025-08", "amount": s(7) }])
            ),
            m(
                "M7",
                json!([{ "year": 2025, "effect": s(8), "start": "2025-03" }, { "year": 2026, "effect": s(12) }]),
                json!([]),
                json!([{ "year": 2025, "made": "2025-04", "amount": s(3) }, { "year": 2026, "made": "2025-04", "amount": s(6) },
                     { "year": 2025, "made": "2025-08", "amount": s(2) }, { "year": 2026, "made": "2025-08", "amount": s(5) }])
            ),
            // One-off: 8 mnkr in 2024 only.
            json!({ "id": "M8", "title": "M8", "unit": "HSN", "status": "done", "recurring": false,
                    "plan": [{ "year": 2024, "effect": s(8) }], "realised": [{ "month": "2024-10", "amount": s(8) }] }),
            m(
                "M9",
                json!([{ "year": 2025, "effect": s(5) }, { "year": 2026, "effect": s(7) }]),
                json!([]),
                json!([{ "year": 2025, "made": "2025-04", "amount": s(2) }, { "year": 2026, "made": "2025-04", "amount": s(2) },
                     { "year": 2025, "made": "2025-08", "amount": s(1) }, { "year": 2026, "made": "2025-08", "amount": s(2) }])
            )
        ]),
        json!([{ "id": "HS", "name": "Hälso- och sjukvården 2024–2026", "target": s(119), "from": 2024, "to": 2026, "units": ["HSN"] }]),
    )
}

#[test]
fn health_care_forecast_lowered_to_71_leaves_48_for_new_measures() {
    let ws = health_care();
    let p = |as_of: &str| report(&ws, as_of).programme("HS").unwrap().clone();
    let end_2024 = p("2024-12");
    assert_eq!(end_2024.period.planned, mnkr(119));
    assert_eq!(end_2024.period.realised_to_date, mnkr(25));

    let april = p("2025-04");
    assert_eq!(april.period.forecast, mnkr(78));
    assert_eq!(april.period.shortfall, mnkr(41));

    let august = p("2025-08");
    assert_eq!(august.period.forecast, mnkr(71));
    assert_eq!(august.period.shortfall, mnkr(48));
    // No probability given: the forecast counts in full, so the need equals the shortfall.
    assert_eq!(august.period.expected, mnkr(71));
    assert_eq!(august.need, mnkr(48));
    assert_eq!(august.coverage.unwrap().decimal().to_string(), "59.66");
}

#[test]
fn a_september_start_counts_four_twelfths_in_year_one_and_the_full_rate_after() {
    let ws = health_care();
    let r = report(&ws, "2024-12");
    let m6 = r.measure("M6").unwrap();
    assert_eq!(m6.year.planned, mnkr(4));
    assert_eq!(m6.year.realised_to_date, mnkr(3));
    assert_eq!(m6.year.rate.unwrap().decimal().to_string(), "75.00");
    assert_eq!(m6.year.status, Some(Rag::Amber));
    assert_eq!(
        m6.delay_months,
        Some(3),
        "planned from September, first realised in December"
    );
    let r = report(&ws, "2025-02");
    assert_eq!(r.measure("M6").unwrap().year.planned, mnkr(12));
    assert_eq!(r.measure("M6").unwrap().year.planned_to_date, mnkr(2));
}

#[test]
fn a_one_off_measure_has_no_effect_in_later_years() {
    let ws = health_care();
    let m8 = |as_of: &str| report(&ws, as_of).measure("M8").unwrap().year.clone();
    assert_eq!(m8("2024-12").planned, mnkr(8));
    assert_eq!(m8("2024-12").status, Some(Rag::Green));
    assert_eq!(m8("2025-08").planned, Amount::ZERO);
    assert_eq!(m8("2025-08").rate, None);
}

#[test]
fn a_cancelled_measure_keeps_its_history_and_its_remaining_plan_is_shortfall() {
    let ws = workspace(
        json!([{ "id": "X", "title": "X", "unit": "SJ", "status": "cancelled", "recurring": true,
                 "plan": [{ "year": 2025, "rate": s(12) }],
                 "realised": [{ "month": "2025-01", "amount": s(1) }, { "month": "2025-02", "amount": s(1) }],
                 "forecasts": [{ "year": 2025, "made": "2025-02", "amount": s(12) }] }]),
        json!([{ "id": "P", "name": "P", "target": s(24), "from": 2025, "to": 2026, "measures": ["X"] }]),
    );
    let r = report(&ws, "2025-04");
    let x = r.measure("X").unwrap();
    assert_eq!(x.year.realised_to_date, mnkr(2));
    assert_eq!(
        x.year.forecast,
        mnkr(2),
        "nothing more comes: the forecast is what came"
    );
    assert_eq!(x.year.shortfall, mnkr(10));
    let p = r.programme("P").unwrap();
    assert_eq!((p.period.planned, p.period.forecast), (mnkr(24), mnkr(2)));
    assert_eq!((p.period.shortfall, p.need), (mnkr(22), mnkr(22)));
    assert_eq!(r.units[0].year.realised_to_date, mnkr(2));
}

#[test]
fn expected_effect_weights_what_is_not_yet_realised_by_probability() {
    let measure = |id: &str, extra: Value| {
        let mut m = json!({ "id": id, "title": id, "unit": "KTN", "status": "ongoing", "recurring": false,
            "plan": [{ "year": 2025, "effect": s(10) }],
            "realised": [{ "month": "2025-03", "amount": s(2) }],
            "forecasts": [{ "year": 2025, "made": "2025-03", "amount": s(8) }] });
        m.as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        m
    };
    let ws = workspace(
        json!([
            measure("H", json!({ "risk": "high" })),
            measure("L", json!({ "risk": "low" })),
            measure("P", json!({ "probability": "0.5" })),
            measure("N", json!({}))
        ]),
        json!([]),
    );
    let r = report(&ws, "2025-03");
    let expected = |id: &str| r.measure(id).unwrap().year.expected.to_canonical();
    assert_eq!(expected("H"), "3800000"); // 2 + 0.3 × 6
    assert_eq!(expected("L"), "7400000"); // 2 + 0.9 × 6
    assert_eq!(expected("P"), "5000000");
    assert_eq!(expected("N"), "8000000");
    assert_eq!(r.measure("H").unwrap().probability, "0.3");
    let custom = ws
        .effects(&EffectsOptions {
            as_of: "2025-03".into(),
            risk: Some(RiskMapping {
                low: Weight(Decimal::ONE),
                medium: Weight(Decimal::new(5, 1)),
                high: Weight(Decimal::new(1, 1)),
            }),
            cutoffs: None,
        })
        .unwrap();
    assert_eq!(
        custom.measure("H").unwrap().year.expected.to_canonical(),
        "2600000"
    );
    let bad = ws.effects(&EffectsOptions {
        as_of: "2025-03".into(),
        risk: Some(RiskMapping {
            low: Weight(Decimal::TWO),
            ..RiskMapping::default()
        }),
        cutoffs: None,
    });
    assert_eq!(bad.unwrap_err().field(), Some("risk.low"));
}

#[test]
fn entries_replace_a_value_and_undo_puts_it_back() {
    let mut ws = health_care();
    let month = Month::parse("2025-08").unwrap();
    let before = report(&ws, "2025-08");
    let m5 = before.measure("M5").unwrap().year.clone();
    assert_eq!(m5.planned_to_date, mnkr(12));
    assert_eq!(m5.status, Some(Rag::Red));

    // The unit manager reports 5 mnkr for August: 12 of 12 to date, above the forecast of 11,
    // so the forecast counts as what has come, and the need for new measures falls by 1.
    ws.record_realised("M5", month, mnkr(5)).unwrap();
    let after = report(&ws, "2025-08");
    let m5 = &after.measure("M5").unwrap().year;
    assert_eq!(m5.rate.unwrap().decimal(), Decimal::ONE_HUNDRED);
    assert_eq!(m5.status, Some(Rag::Green));
    assert_eq!(m5.forecast, mnkr(12));
    assert_eq!(after.programme("HS").unwrap().need, mnkr(47));

    let entry = ws.record_forecast("M7", 2025, month, mnkr(4)).unwrap();
    assert!(
        matches!(entry, crate::model::EffectEntry::Forecast { previous: Some(p), .. } if p == mnkr(2))
    );
    assert_eq!(
        report(&ws, "2025-08").programme("HS").unwrap().need,
        mnkr(45)
    );

    let csv = ws.entries_csv();
    assert!(
        csv.starts_with("\u{feff}Åtgärd;Benämning;Enhet;Typ;År;Månad;Belopp;Tidigare belopp\r\n")
    );
    assert!(
        csv.contains("M5;M5;PV;Realiserad effekt;2025;2025-08;5000000;\r\n"),
        "{csv}"
    );
    assert!(
        csv.contains("M7;M7;PV;Prognos;2025;2025-08;4000000;2000000\r\n"),
        "{csv}"
    );

    assert!(ws.undo_entry().unwrap().is_some());
    assert!(ws.undo_entry().unwrap().is_some());
    assert_eq!(ws.undo_entry().unwrap(), None);
    assert_eq!(report(&ws, "2025-08"), before);
    assert_eq!(ws.document(), health_care().document());
}

#[test]
fn entries_are_validated() {
    let mut ws = workspace(
        json!([{ "id": "X", "title": "X", "unit": "SJ", "status": "cancelled", "recurring": false }]),
        json!([]),
    );
    let m = Month::parse("2025-08").unwrap();
    let e = ws.record_realised("Y", m, mnkr(1)).unwrap_err();
    assert_eq!(
        (e.code(), e.field()),
        ("E_UNKNOWN_MEASURE", Some("measure"))
    );
    let e = ws
        .record_realised("X", m, Amount::parse("0,001").unwrap())
        .unwrap_err();
    assert_eq!(e.field(), Some("amount"));
    let e = ws.record_forecast("X", 2025, m, mnkr(1)).unwrap_err();
    assert_eq!((e.code(), e.field()), ("E_OPTION", Some("measure")));
    assert_eq!(
        ws.record_forecast("X", 2027, m, mnkr(1))
            .unwrap_err()
            .field(),
        Some("made")
    );
    assert!(ws.document().effect_entries.is_empty());
    // A cancelled measure may still have its history corrected.
    ws.record_realised("X", m, mnkr(-1)).unwrap();
    assert_eq!(ws.document().effect_entries.len(), 1);
}

#[test]
fn the_register_is_checked_on_import_and_errors_name_the_field() {
    let doc = |v: Value| crate::import::json::read(|| &v).unwrap();
    let mut ws = health_care();
    let before = ws.document().clone();
    let e = ws
        .import(doc(json!({ "schema": 1, "measures": [
            { "id": "N1", "title": "N", "unit": "SJ", "status": "planned", "recurring": false },
            { "id": "N2", "title": "N", "unit": "Nej", "status": "planned", "recurring": false }] })))
        .unwrap_err();
    assert_eq!(
        (e.code(), e.field()),
        ("E_UNKNOWN_UNIT", Some("measures[1].unit"))
    );
    // An id twice in one document is its own contradiction; an id the workspace holds is
    // replaced by a later import (workspace tests).
    let e = ws
        .import(doc(json!({ "schema": 1, "measures": [
            { "id": "M5", "title": "N", "unit": "SJ", "status": "planned", "recurring": false },
            { "id": "M5", "title": "N", "unit": "SJ", "status": "planned", "recurring": false }] })))
        .unwrap_err();
    assert_eq!(e.field(), Some("measures[1].id"));
    let e = ws
        .import(doc(json!({ "schema": 1, "programmes": [
            { "id": "Q", "name": "Q", "target": "1", "from": 2025, "to": 2024 }] })))
        .unwrap_err();
    assert_eq!(e.field(), Some("programmes[0].to"));
    let e = ws
        .import(doc(json!({ "schema": 1, "programmes": [
            { "id": "Q", "name": "Q", "target": "1", "from": 2025, "to": 2025, "measures": ["Z"] }] })))
        .unwrap_err();
    assert_eq!(e.field(), Some("programmes[0].measures[0]"));
    assert_eq!(ws.document(), &before, "failed imports change nothing");
    let entry = json!({ "kind": "realised", "measure": "Z", "month": "2025-01", "amount": "1", "previous": null });
    ws.import(doc(json!({ "schema": 1, "effectEntries": [
        { "kind": "realised", "measure": "M5", "month": "2025-01", "amount": "1", "previous": null }] })))
        .unwrap();
    let before = ws.document().clone();
    let e = ws
        .import(doc(json!({ "schema": 1, "effectEntries": [entry] })))
        .unwrap_err();
    assert_eq!(
        (e.code(), e.field()),
        ("E_UNKNOWN_MEASURE", Some("effectEntries[0].measure"))
    );
    assert_eq!(ws.document(), &before);
}

#[test]
fn a_pasted_register_imports_and_errors_point_at_the_line() {
    let mut ws = workspace(json!([]), json!([]));
    let table = "Id\tÅtgärd\tEnhet\tStatus\tTyp\tÅr\tHelårseffekt\tStartmånad\n\
                 A\tSchema\tSJ\tbeslutad\tåterkommande\t2025\t12 000 000\t2025-09\n";
    let summary = ws.import_measures(table).unwrap();
    assert_eq!(summary.added.measures, 1);
    assert_eq!(
        report(&ws, "2025-12").measure("A").unwrap().year.planned,
        mnkr(4)
    );
    let e = ws
        .import_measures("Id;Åtgärd;Enhet;Status\nB;B;SJ;planerad\nC;C;Nej;planerad\n")
        .unwrap_err();
    assert_eq!(
        (e.code(), e.field()),
        ("E_UNKNOWN_UNIT", Some("line 3.unit"))
    );
    assert_eq!(ws.document().measures.len(), 1);
}

#[test]
fn the_document_round_trips_with_measures_and_entries() {
    let mut ws = health_care();
    ws.record_realised("M9", Month::parse("2025-08").unwrap(), mnkr(1))
        .unwrap();
    let text = serde_json::to_value(ws.document()).unwrap();
    assert_eq!(text["effectEntries"][0]["kind"], json!("realised"));
    assert_eq!(text["measures"][0]["plan"][0]["rate"], json!("18000000"));
    let mut again = Workspace::new();
    again
        .import(crate::import::json::read(|| &text).unwrap())
        .unwrap();
    assert_eq!(again.document(), ws.document());
    again.undo_entry().unwrap();
    assert!(again.document().measures[4].realised.is_empty());
}

// ── Properties ─────────────────────────────────────────────────────────────────────────────

const UNITS: [&str; 5] = ["R", "HSN", "SJ", "PV", "KTN"];
const STATUSES: [&str; 5] = ["planned", "decided", "ongoing", "done", "cancelled"];

prop_compose! {
    fn arb_measure(i: usize)(
        unit in 0..5usize, status in 0..5usize, recurring in any::<bool>(),
        category in 0..3usize, risk in 0..4usize,
        plans in prop::collection::vec((2024..2027i32, 0..2_000_000_000i64, any::<bool>(), 1..13u32), 0..3),
        realised in prop::collection::vec((2024..2027i32, 1..13u32, -50_000_000i64..500_000_000), 0..6),
        forecasts in prop::collection::vec((2024..2027i32, 1..13u32, 0..2_000_000_000i64), 0..3),
    ) -> Value {
        let mut seen = std::collections::HashSet::new();
        let plan: Vec<Value> = plans.into_iter().filter(|p| seen.insert(p.0)).map(|(y, ore, rate, start)| {
            let amount = Amount::new(Decimal::new(ore, 2)).to_canonical();
            let kind = if rate { "rate" } else { "effect" };
            json!({ "year": y, kind: amount, "start": format!("{y}-{start:02}") })
        }).collect();
        let mut months = std::collections::HashSet::new();
        let realised: Vec<Value> = realised.into_iter().filter(|r| months.insert((r.0, r.1))).map(|(y, m, ore)| {
            json!({ "month": format!("{y}-{m:02}"), "amount": Amount::new(Decimal::new(ore, 2)).to_canonical() })
        }).collect();
        let forecasts: Vec<Value> = forecasts.into_iter().map(|(y, m, ore)| {
            json!({ "year": y, "made": format!("{y}-{m:02}"), "amount": Amount::new(Decimal::new(ore, 2)).to_canonical() })
        }).collect();
        let mut m = json!({ "id": format!("M{i}"), "title": "t", "unit": UNITS[unit], "status": STATUSES[status],
            "recurring": recurring, "plan": plan, "realised": realised, "forecasts": forecasts });
        if category > 0 { m["category"] = json!(format!("k{category}")); }
        if risk > 0 { m["risk"] = json!(["low", "medium", "high"][risk - 1]); }
        m
    }
}

fn arb_measures() -> impl Strategy<Value = Vec<Value>> {
    (0..6usize).prop_flat_map(|n| (0..n).map(arb_measure).collect::<Vec<_>>())
}

fn sum<'a>(figures: impl Iterator<Item = &'a EffectFigures>) -> EffectSums {
    let mut total = EffectSums::default();
    for f in figures {
        total += &EffectSums {
            planned: f.planned,
            planned_to_date: f.planned_to_date,
            realised_to_date: f.realised_to_date,
            forecast: f.forecast,
            expected: f.expected,
        };
    }
    total
}

fn sums_of(f: &EffectFigures) -> EffectSums {
    sum(std::iter::once(f))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn roll_ups_equal_the_sum_of_their_measures(measures in arb_measures(), as_of in 1..13u32, year in 2024..2027i32) {
        let ws = workspace(Value::Array(measures.clone()),
            json!([{ "id": "P", "name": "P", "target": "100000000", "from": 2024, "to": 2026, "units": ["HSN"] }]));
        let r = report(&ws, &format!("{year}-{as_of:02}"));
        let all = sum(r.measures.iter().map(|m| &m.year));
        if let Some(root) = r.units.first() {
            prop_assert_eq!(sums_of(&root.year), all);
        } else {
            prop_assert!(measures.is_empty());
        }
        prop_assert_eq!(sum(r.categories.iter().map(|c| &c.year)), all);
        for unit in &r.units {
            let pos = ws.data().unwrap().tree.position(&unit.unit).unwrap();
            let below: Vec<&str> = ws.data().unwrap().tree.subtree(pos).map(|p| ws.data().unwrap().tree.unit(p).id.as_str()).collect();
            let own = sum(r.measures.iter().filter(|m| below.contains(&m.unit.as_str())).map(|m| &m.year));
            prop_assert_eq!(sums_of(&unit.year), own);
        }
        let p = r.programme("P").unwrap();
        let shares = sum(r.measures.iter().flat_map(|m| m.programmes.iter().map(|s| &s.period)));
        prop_assert_eq!(sums_of(&p.period), shares);
        prop_assert_eq!(p.need, (p.target - p.period.expected).max(Amount::ZERO));
    }

    #[test]
    fn the_timelines_last_point_equals_the_programme_totals(measures in arb_measures(), as_of in 1..13u32, year in 2023..2028i32) {
        let ws = workspace(Value::Array(measures),
            json!([{ "id": "P", "name": "P", "target": "1", "from": 2024, "to": 2026 }]));
        let r = report(&ws, &format!("{year}-{as_of:02}"));
        let p = r.programme("P").unwrap();
        prop_assert_eq!(p.timeline.len(), 36);
        let last = p.timeline.last().unwrap();
        prop_assert_eq!(last.planned, p.period.planned);
        prop_assert_eq!(last.forecast, p.period.forecast);
        prop_assert_eq!(last.expected, p.period.expected);
        let realised = p.timeline.iter().rev().find_map(|pt| pt.realised).unwrap_or(Amount::ZERO);
        prop_assert_eq!(realised, p.period.realised_to_date);
        let to_date = p.timeline.iter().rev().find(|pt| pt.realised.is_some()).map_or(Amount::ZERO, |pt| pt.planned);
        prop_assert_eq!(to_date, p.period.planned_to_date);
    }
}

#[test]
fn the_demo_region_tells_the_seeds_story() {
    let text = include_str!("../../www/demo/region-2025.json");
    let value: Value = serde_json::from_str(text).unwrap();
    let mut ws = Workspace::new();
    ws.import(crate::import::json::read(|| &value).unwrap())
        .unwrap();
    let r = report(&ws, "2025-08");
    let sj = r.programme("SJ-2019").unwrap();
    assert_eq!(
        (sj.period.planned, sj.period.realised_to_date),
        (mnkr(231), mnkr(136))
    );
    assert_eq!(sj.period.rate.unwrap().decimal().to_string(), "58.87");
    assert_eq!(sj.period.status, Some(Rag::Red));
    assert_eq!(r.unit("R").unwrap().measures, 10);
    assert_eq!(
        r.unit("HSN").unwrap().year,
        r.units[0].year,
        "every measure is under HSN"
    );
    assert!(
        r.unit("KTN").is_none(),
        "no measures below public transport"
    );
    let hs = r.programme("HSN-2024").unwrap();
    assert_eq!(
        (hs.period.planned, hs.period.forecast),
        (mnkr(119), mnkr(71))
    );
    assert_eq!((hs.period.shortfall, hs.need), (mnkr(48), mnkr(48)));
    assert_eq!(
        report(&ws, "2025-04")
            .programme("HSN-2024")
            .unwrap()
            .period
            .forecast,
        mnkr(78)
    );
    assert_eq!(
        report(&ws, "2024-12")
            .programme("HSN-2024")
            .unwrap()
            .period
            .realised_to_date,
        mnkr(25)
    );
}
