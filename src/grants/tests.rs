//! The grants report against hand-reckoned cases: the domain guide's health-care example,
//! masking, each scenario, a cliff over three years and allocation with awkward shares.

use serde_json::{json, Value};

use super::*;
use crate::num::weight::Weight;
use crate::workspace::Workspace;

fn mnkr(n: i64) -> Amount {
    Amount::new(Decimal::from(n) * Decimal::from(1_000_000))
}

fn kr(text: &str) -> Amount {
    Amount::parse(text).unwrap()
}

/// Health care (HSN) per August 2025, as the audit tells it: hospital care −157 mnkr to date,
/// primary care −15, the committee's own revenue +320 (frames and grants), so +148 reported;
/// for the year the committee forecasts +159 for its whole subtree (its own +536 and the −536
/// below it at budget would be 0).
fn health_care(grants: Value) -> Workspace {
    let v = json!({
        "schema": 1,
        "name": "Test",
        "units": [
            { "id": "R", "name": "Region" },
            { "id": "HSN", "name": "Hälso- och sjukvårdsnämnden", "parent": "R", "level": "committee" },
            { "id": "HSN-SJ", "name": "Sjukhusvård", "parent": "HSN", "level": "area" },
            { "id": "HSN-PV", "name": "Primärvård", "parent": "HSN", "level": "area" },
            { "id": "KTN", "name": "Kollektivtrafik", "parent": "R", "level": "committee" }
        ],
        "budget": [
            { "unit": "HSN-SJ", "year": 2025, "annual": "-236 mnkr" },
            { "unit": "HSN-PV", "year": 2025, "annual": "-300 mnkr" },
            { "unit": "HSN", "year": 2025, "annual": "536 mnkr" },
            { "unit": "KTN", "year": 2025, "annual": "-100 mnkr" }
        ],
        "outcome": [
            { "unit": "HSN-SJ", "month": "2025-08", "amount": "-157 mnkr" },
            { "unit": "HSN-PV", "month": "2025-08", "amount": "-15 mnkr" },
            { "unit": "HSN", "month": "2025-03", "amount": "300 mnkr" },
            { "unit": "HSN", "month": "2025-08", "amount": "20 mnkr" },
            { "unit": "HSN", "month": "2025-09", "amount": "999 mnkr" }
        ],
        "forecasts": [
            // The committee's forecast for its whole subtree (helårsprognos per nämnd).
            { "unit": "HSN", "year": 2025, "made": "2025-08", "amount": "159 mnkr" }
        ],
        "grants": grants
    });
    let mut ws = Workspace::new();
    ws.import(crate::import::json::read(|| &v).unwrap())
        .unwrap();
    ws
}

fn options(as_of: &str) -> GrantOptions {
    GrantOptions {
        as_of: as_of.into(),
        ..GrantOptions::default()
    }
}

fn grant(id: &str, kind: &str, amount: &str, costs: &str, extra: Value) -> Value {
    let mut g = json!({
        "id": id, "name": id, "kind": kind, "unit": "HSN", "year": 2025,
        "amount": amount, "financedCosts": costs, "certainty": "decided"
    });
    g.as_object_mut()
        .unwrap()
        .extend(extra.as_object().unwrap().clone());
    g
}

/// The seeds' grants: accessibility and care capacity 173 mnkr with 58 mnkr of costs to date,
/// and two smaller grants that only cover their own costs; 200 mnkr in all.
fn seed_grants() -> Value {
    let to_date = |recognised: &str, costs: &str| json!({ "recognised": recognised, "financedToDate": costs, "asOf": "2025-08" });
    json!([
        grant(
            "TILL",
            "targeted",
            "173 mnkr",
            "-80 mnkr",
            to_date("173 mnkr", "-58 mnkr")
        ),
        grant(
            "PSYK",
            "targeted",
            "15 mnkr",
            "-15 mnkr",
            to_date("15 mnkr", "-15 mnkr")
        ),
        grant(
            "KVH",
            "performance",
            "12 mnkr",
            "-12 mnkr",
            to_date("12 mnkr", "-12 mnkr")
        ),
    ])
}

#[test]
fn reproduces_health_care_per_august_2025() {
    let ws = health_care(seed_grants());
    let report = ws.grants(&options("2025-08")).unwrap();
    let hsn = report.row("HSN").unwrap();
    assert_eq!(hsn.ytd.reported, mnkr(148));
    let till = report.grants.iter().find(|g| g.id == "TILL").unwrap();
    assert_eq!(till.ytd.amount, mnkr(173));
    assert_eq!(till.ytd.result_effect, mnkr(115));
    assert_eq!(hsn.ytd.grants, mnkr(200), "all grants together");
    assert_eq!(hsn.ytd.temporary_effect, mnkr(115));
    assert_eq!(hsn.ytd.structural, mnkr(33));
    assert!(!hsn.ytd.masking);
    // 115 / 148 = 77,70 % of the result; 115 / 320 = 35,94 % of gross revenue.
    assert_eq!(
        hsn.ytd.share_of_result.unwrap().decimal().to_string(),
        "77.70"
    );
    assert_eq!(hsn.ytd.gross_revenue, mnkr(320));
    assert_eq!(
        hsn.ytd.share_of_revenue.unwrap().decimal().to_string(),
        "35.94"
    );
    // The region rolls the committee up; the hospital, holding no grant, is unchanged.
    let region = &report.rows[0];
    assert_eq!(
        (region.head.unit.as_str(), region.ytd.structural),
        ("R", mnkr(33))
    );
    let sj = report.row("HSN-SJ").unwrap();
    assert_eq!(
        (sj.ytd.reported, sj.ytd.structural),
        (mnkr(-157), mnkr(-157))
    );
    // Full year: the forecast +159 with 173 − 80 = 93 mnkr of effect.
    assert_eq!(hsn.full_year.reported, mnkr(159));
    assert_eq!(hsn.full_year.structural, mnkr(66));
    assert_eq!(hsn.full_year_beyond_budget, mnkr(93));
}

#[test]
fn grants_beyond_budget_for_the_bridge_count_every_kind_less_the_budgeted_effect() {
    let ws = health_care(json!([
        grant(
            "T",
            "targeted",
            "173 mnkr",
            "-80 mnkr",
            json!({ "budgetedEffect": "50 mnkr" })
        ),
        grant("G", "general", "10 mnkr", "0", json!({})),
        grant("OLD", "targeted", "99 mnkr", "0", json!({ "year": 2024 })),
    ]));
    let data = ws.data().unwrap();
    let doc = ws.document();
    // 93 − 50 + 10, at the committee and the region; nothing is booked at the hospital.
    assert_eq!(beyond_budget(data, doc, "HSN", 2025).unwrap(), mnkr(53));
    assert_eq!(beyond_budget(data, doc, "R", 2025).unwrap(), mnkr(53));
    assert_eq!(
        beyond_budget(data, doc, "HSN-SJ", 2025).unwrap(),
        Amount::ZERO
    );
    assert_eq!(beyond_budget(data, doc, "HSN", 2024).unwrap(), mnkr(99));
    let report = ws.grants(&options("2025-08")).unwrap();
    for row in &report.rows {
        let direct = beyond_budget(data, doc, &row.head.unit, 2025).unwrap();
        assert_eq!(row.full_year_beyond_budget, direct, "{}", row.head.unit);
    }
    let e = beyond_budget(data, doc, "NOPE", 2025).unwrap_err();
    assert_eq!((e.code(), e.field()), ("E_UNKNOWN_UNIT", Some("unit")));
}

#[test]
fn a_month_before_the_grants_are_stated_has_no_effect_to_date() {
    let ws = health_care(seed_grants());
    let report = ws.grants(&options("2025-07")).unwrap();
    let hsn = report.row("HSN").unwrap();
    assert_eq!(hsn.ytd.reported, mnkr(300));
    assert_eq!(hsn.ytd.temporary_effect, Amount::ZERO);
    assert_eq!(hsn.full_year.temporary_effect, mnkr(93));
}

#[test]
fn masking_shows_where_grants_and_one_offs_hide_a_deficit() {
    let ws = health_care(seed_grants());
    let mut opts = options("2025-08");
    // A one-off of +40 mnkr (a tax credit) at the committee: 148 − 115 − 40 = −7.
    opts.one_offs = vec![OneOff {
        unit: "HSN".into(),
        ytd: mnkr(40),
        full_year: mnkr(40),
    }];
    let report = ws.grants(&opts).unwrap();
    let hsn = report.row("HSN").unwrap();
    assert_eq!(hsn.ytd.structural, mnkr(-7));
    assert!(hsn.ytd.masking);
    assert!(
        report.rows[0].ytd.masking,
        "the region inherits the masking"
    );
    assert!(
        !report.row("HSN-SJ").unwrap().ytd.masking,
        "a reported loss masks nothing"
    );
    // Counting no kind as temporary leaves only the one-off: +108, no masking.
    opts.temporary = Some(vec![]);
    let report = ws.grants(&opts).unwrap();
    assert_eq!(report.row("HSN").unwrap().ytd.structural, mnkr(108));
    assert!(!report.row("HSN").unwrap().ytd.masking);
}

#[test]
fn each_scenario_removes_what_it_does_not_count() {
    let p = |x: &str| json!({ "certainty": x });
    let ws = health_care(json!([
        grant("DEC", "targeted", "60 mnkr", "0", json!({})),
        grant("ANN", "targeted", "20 mnkr", "0", p("announced")),
        grant(
            "CON",
            "performance",
            "50 mnkr",
            "-10 mnkr",
            json!({ "certainty": "conditional", "probability": "0.25" })
        ),
        grant("UNC", "targeted", "10 mnkr", "0", p("uncertain")),
        grant(
            "UNMET",
            "targeted",
            "5 mnkr",
            "0",
            json!({ "conditionsMet": false })
        ),
        grant("GEN", "general", "100 mnkr", "0", p("uncertain")),
    ]));
    let report = ws.grants(&options("2025-08")).unwrap();
    let s = report.row("HSN").unwrap().scenarios;
    assert_eq!(s.as_forecast, mnkr(159));
    // Not decided (or conditions unmet): 20 + 40 + 10 + 5.
    assert_eq!(s.decided_only, mnkr(159 - 75));
    // Weighted away: announced 20 × 0,1 + conditional 40 × 0,75 + uncertain 10 × 0,5.
    assert_eq!(s.probability_weighted, mnkr(159 - 2 - 30 - 5));
    // None of the temporary ones: 60 + 20 + 40 + 10 + 5; the general grant stays.
    assert_eq!(s.none, mnkr(159 - 135));
    let con = report.grants.iter().find(|g| g.id == "CON").unwrap();
    assert_eq!(
        (con.weighted_effect, con.probability),
        (mnkr(10), Decimal::new(25, 2))
    );
    // Other defaults for announced and uncertain grants.
    let mut opts = options("2025-08");
    opts.probabilities = Some(CertaintyWeights {
        announced: Weight(Decimal::ONE),
        uncertain: Weight(Decimal::ZERO),
    });
    let s = ws.grants(&opts).unwrap().row("HSN").unwrap().scenarios;
    assert_eq!(s.probability_weighted, mnkr(159 - 30 - 10));
    // The scenarios of a unit without grants are its forecast four times.
    let ktn = ws
        .grants(&options("2025-08"))
        .unwrap()
        .row("KTN")
        .unwrap()
        .scenarios;
    assert_eq!((ktn.as_forecast, ktn.none), (mnkr(-100), mnkr(-100)));
}

#[test]
fn the_cliff_over_three_years_adds_lost_effect_and_costs_that_stay() {
    let ws = health_care(json!([
        grant(
            "A",
            "targeted",
            "173 mnkr",
            "-58 mnkr",
            json!({ "lastYear": 2025, "remainingCosts": "-40 mnkr" })
        ),
        grant(
            "B",
            "performance",
            "20 mnkr",
            "0",
            json!({ "lastYear": 2026 })
        ),
        grant(
            "C",
            "targeted",
            "30 mnkr",
            "-20 mnkr",
            json!({ "lastYear": 2027, "remainingCosts": "-3 mnkr" })
        ),
        grant("D", "general", "50 mnkr", "0", json!({ "lastYear": 2025 })),
        grant("E", "targeted", "7 mnkr", "0", json!({ "lastYear": 2030 })),
    ]));
    let report = ws.grants(&options("2025-08")).unwrap();
    assert_eq!(report.plan_years, [2026, 2027, 2028]);
    let cliff = &report.row("HSN").unwrap().cliff;
    let view: Vec<(i32, Amount, Amount, Amount, Amount, Vec<String>)> = cliff
        .iter()
        .map(|c| {
            (
                c.year,
                c.lost_effect,
                c.remaining_costs,
                c.gap,
                c.change,
                c.ending.clone(),
            )
        })
        .collect();
    assert_eq!(
        view,
        [
            (
                2026,
                mnkr(-115),
                mnkr(-40),
                mnkr(-155),
                mnkr(-155),
                vec!["A".to_string()]
            ),
            (
                2027,
                mnkr(-135),
                mnkr(-40),
                mnkr(-175),
                mnkr(-20),
                vec!["B".to_string()]
            ),
            (
                2028,
                mnkr(-145),
                mnkr(-43),
                mnkr(-188),
                mnkr(-13),
                vec!["C".to_string()]
            ),
        ]
    );
    assert_eq!(
        report.rows[0].cliff, *cliff,
        "the region carries the committee's cliff"
    );
    let mut opts = options("2025-08");
    opts.plan_years = Some(5);
    let long = ws.grants(&opts).unwrap();
    assert_eq!(long.row("HSN").unwrap().cliff[4].gap, mnkr(-188));
    opts.plan_years = Some(0);
    assert_eq!(ws.grants(&opts).unwrap_err().field(), Some("planYears"));
}

#[test]
fn allocation_spreads_a_committee_grant_exactly_with_awkward_shares() {
    let key = json!({ "allocation": { "by": "shares", "units": [
        { "unit": "HSN-SJ", "weight": "1" }, { "unit": "HSN-PV", "weight": 1 }, { "unit": "HSN", "weight": "1" }
    ] } });
    let ws = health_care(json!([grant("T", "targeted", "100.01", "-0.02", key)]));
    let report = ws.grants(&options("2025-08")).unwrap();
    let parts = report.grants[0].allocation.as_ref().unwrap();
    let amounts: Vec<String> = parts
        .iter()
        .map(|p| p.full_year.amount.to_canonical())
        .collect();
    assert_eq!(amounts, ["33.34", "33.34", "33.33"]);
    let effects: Vec<Amount> = parts.iter().map(|p| p.full_year.result_effect).collect();
    assert_eq!(effects, [kr("33.33"), kr("33.33"), kr("33.33")]);
    let row = |u: &str| report.row(u).unwrap().full_year.clone();
    assert_eq!(row("HSN-SJ").allocated_effect, kr("33.33"));
    assert_eq!(row("HSN-SJ").allocated_result, mnkr(-236) + kr("33.33"));
    assert_eq!(
        row("HSN").allocated_effect,
        kr("99.99"),
        "the committee gets all of it back"
    );
    assert_eq!(row("HSN").allocated_result, row("HSN").reported);
}

#[test]
fn a_cost_key_weighs_units_by_their_budgeted_gross_cost() {
    let key = json!({ "allocation": { "by": "cost", "units": [{ "unit": "HSN-SJ" }, { "unit": "HSN-PV" }] } });
    let ws = health_care(json!([grant("T", "targeted", "107 mnkr", "0", key)]));
    let report = ws.grants(&options("2025-08")).unwrap();
    let parts = report.grants[0].allocation.as_ref().unwrap();
    // 236 : 300 of 107 mnkr.
    assert_eq!(parts[0].weight, Decimal::from(236_000_000));
    assert_eq!(parts[0].full_year.amount, kr("47111940.30"));
    assert_eq!(parts[1].full_year.amount, kr("59888059.70"));
}

#[test]
fn a_register_is_checked_against_the_tree() {
    let cases = [
        (
            grant("X", "targeted", "1", "5", json!({})),
            "E_SCHEMA",
            "grants[0].financedCosts",
        ),
        (
            grant(
                "X",
                "targeted",
                "1",
                "0",
                json!({ "certainty": "conditional" }),
            ),
            "E_SCHEMA",
            "grants[0].probability",
        ),
        (
            grant("X", "targeted", "1", "0", json!({ "probability": 2 })),
            "E_SCHEMA",
            "grants[0].probability",
        ),
        (
            grant("X", "targeted", "1", "0", json!({ "recognised": "1" })),
            "E_SCHEMA",
            "grants[0].asOf",
        ),
        (
            grant("X", "targeted", "1", "0", json!({ "unit": "NOPE" })),
            "E_UNKNOWN_UNIT",
            "grants[0].unit",
        ),
        (
            grant("X", "targeted", "1", "0", json!({ "lastYear": 2024 })),
            "E_SCHEMA",
            "grants[0].lastYear",
        ),
        (
            grant("X", "targeted", "0.001", "0", json!({})),
            "E_PARSE_AMOUNT",
            "grants[0].amount",
        ),
        (
            grant(
                "X",
                "targeted",
                "1",
                "0",
                json!({ "allocation": { "by": "shares", "units": [{ "unit": "KTN", "weight": 1 }] } }),
            ),
            "E_SCHEMA",
            "grants[0].allocation.units[0].unit",
        ),
        (
            grant(
                "X",
                "targeted",
                "1",
                "0",
                json!({ "allocation": { "by": "volumes", "units": [{ "unit": "HSN-SJ" }] } }),
            ),
            "E_SCHEMA",
            "grants[0].allocation.units[0].weight",
        ),
        (
            grant("X", "subsidy", "1", "0", json!({})),
            "E_SCHEMA",
            "grants[0].kind",
        ),
    ];
    for (g, code, field) in cases {
        let v = json!({ "schema": 1, "grants": [g] });
        let mut ws = health_care(json!([]));
        let e = crate::import::json::read(|| &v)
            .and_then(|d| ws.import(d))
            .unwrap_err();
        assert_eq!((e.code(), e.field()), (code, Some(field)), "{e}");
    }
    // Ids are unique per year within a document, and the error points into the document that
    // was imported (the same id in a later import replaces: workspace tests).
    let mut ws = health_care(seed_grants());
    let till = grant("TILL", "targeted", "1", "0", json!({}));
    let v = json!({ "schema": 1, "grants": [till.clone(), till] });
    let e = ws
        .import(crate::import::json::read(|| &v).unwrap())
        .unwrap_err();
    assert_eq!(e.field(), Some("grants[1].id"));
    assert_eq!(ws.document().grants.len(), 3);
}

#[test]
fn the_register_survives_a_round_trip_and_a_subtree_reports_its_own_grants() {
    let ws = health_care(seed_grants());
    let text = serde_json::to_value(ws.document()).unwrap();
    assert_eq!(text["grants"][0]["financedToDate"], json!("-58000000"));
    assert_eq!(text["grants"][0]["conditionsMet"], json!(true));
    let again = crate::import::json::read(|| &text).unwrap();
    assert_eq!(&again, ws.document());
    let mut opts = options("2025-08");
    opts.unit = Some("KTN".into());
    let report = ws.grants(&opts).unwrap();
    assert_eq!(
        (report.root.as_str(), report.rows.len(), report.grants.len()),
        ("KTN", 1, 0)
    );
    opts.unit = Some("X".into());
    assert_eq!(ws.grants(&opts).unwrap_err().field(), Some("unit"));
}

#[test]
fn the_demo_region_tells_the_seeds_story() {
    let text = include_str!("../../www/demo/region-2025.json");
    let v: Value = serde_json::from_str(text).unwrap();
    let mut ws = Workspace::new();
    ws.import(crate::import::json::read(|| &v).unwrap())
        .unwrap();
    let report = ws.grants(&options("2025-08")).unwrap();
    let hsn = report.row("HSN").unwrap();
    let in_mnkr = |a: Amount| a.format(crate::num::money::DisplayUnit::Mnkr, 0);
    assert_eq!(in_mnkr(hsn.ytd.reported), "148");
    assert_eq!(hsn.ytd.temporary_effect, mnkr(115));
    assert_eq!(hsn.ytd.structural, hsn.ytd.reported - mnkr(115));
    assert_eq!(in_mnkr(hsn.ytd.structural), "33");
    assert_eq!(hsn.ytd.grants, mnkr(200));
    let tvk = report.grants.iter().find(|g| g.id == "TVK").unwrap();
    assert_eq!(
        (tvk.ytd.amount, tvk.ytd.result_effect),
        (mnkr(173), mnkr(115))
    );
    // Three plan years, each deeper than the one before.
    let gaps: Vec<Amount> = hsn.cliff.iter().map(|c| c.gap).collect();
    assert_eq!(gaps.len(), 3);
    assert!(
        gaps[0] < Amount::ZERO && gaps[1] < gaps[0] && gaps[2] < gaps[1],
        "{gaps:?}"
    );
    // The committee's allocated effect adds back up to what it holds.
    assert_eq!(hsn.ytd.allocated_effect, hsn.ytd.temporary_effect);
}
