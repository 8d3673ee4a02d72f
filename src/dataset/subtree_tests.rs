//! Tests of the subtree forecast and the last booked month: the committee example of the issue
//! and properties over random trees, with the rule computed again here from the rows.

use proptest::prelude::*;
use rust_decimal::Decimal;
use serde_json::{json, Value};

use super::*;
use crate::model::Document;

fn dataset(v: Value) -> Dataset {
    let doc: Document = serde_json::from_value(v).unwrap();
    Dataset::new(&doc).unwrap()
}

fn m(s: &str) -> Month {
    Month::parse(s).unwrap()
}

fn kr(n: i64) -> Amount {
    Amount::new(Decimal::from(n))
}

/// A committee's full-year forecast is the committee's figure, not an addition to its units'
/// budgets: −232.5 (its rows made in April, one naming a cost type) stays −232.5 whatever the
/// units' budgets are.
#[test]
fn a_committee_forecast_is_the_whole_committee() {
    let data = dataset(json!({
        "schema": 1,
        "units": [
            { "id": "R", "name": "Region", "level": "region" },
            { "id": "N", "name": "Nämnd", "parent": "R", "level": "committee" },
            { "id": "A", "name": "A", "parent": "N", "level": "department" },
            { "id": "B", "name": "B", "parent": "N", "level": "department" },
            { "id": "K", "name": "K", "parent": "R", "level": "committee" }
        ],
        "costTypes": [{ "id": "4000", "name": "Kostnader", "kind": "cost" }],
        "budget": [
            { "unit": "A", "costType": "4000", "year": 2025, "annual": "-150" },
            { "unit": "B", "year": 2025, "annual": "-69.3" },
            { "unit": "K", "year": 2025, "annual": "40" }
        ],
        "outcome": [
            { "unit": "A", "month": "2025-07", "amount": "-80" },
            { "unit": "K", "month": "2025-08", "amount": "3" }
        ],
        "forecasts": [
            { "unit": "N", "year": 2025, "made": "2025-04", "amount": "-72.5" },
            { "unit": "N", "costType": "4000", "year": 2025, "made": "2025-04", "amount": "-160" },
            { "unit": "A", "year": 2025, "made": "2025-06", "amount": "-170" }
        ]
    }));
    let pos = |id: &str| data.tree.position(id).unwrap();
    let all = data.forecasts(2025, m("2025-08"), Slice::All);
    let n = all[pos("N")];
    assert_eq!(n.amount, Amount::parse("-232.5").unwrap());
    assert_eq!(
        n.made,
        Some(m("2025-04")),
        "the committee's own, not its unit's later one"
    );
    assert_eq!(all[pos("A")].amount, kr(-170));
    assert_eq!(
        all[pos("B")].amount,
        Amount::parse("-69.3").unwrap(),
        "at budget"
    );
    // The region has no forecast: the committee's plus K at budget.
    assert_eq!(all[pos("R")].amount, Amount::parse("-192.5").unwrap());
    assert_eq!(
        all[pos("R")].made,
        Some(m("2025-04")),
        "A's June forecast does not count here"
    );
    // Before any forecast, every unit is at its budget and made is None.
    let before = data.forecasts(2025, m("2025-03"), Slice::All);
    assert_eq!(before[pos("N")].amount, Amount::parse("-219.3").unwrap());
    assert_eq!(before[pos("N")].made, None);
    // Per cost type: the committee's 4000 row, and the rest of its forecast without one.
    let typed = data.forecasts(2025, m("2025-08"), Slice::CostType(0));
    let untyped = data.forecasts(2025, m("2025-08"), Slice::Untyped);
    assert_eq!(typed[pos("N")].amount, kr(-160));
    assert_eq!(untyped[pos("N")].amount, Amount::parse("-72.5").unwrap());
    // A's forecast names no cost type: 4000 at A's budget of it, the rest untyped.
    assert_eq!(typed[pos("A")].amount, kr(-150));
    assert_eq!(untyped[pos("A")].amount, kr(-20));
    // The last booked month: the latest in the subtree.
    let through = data.outcome_through(2025);
    assert_eq!(through[pos("N")], Some(m("2025-07")));
    assert_eq!(through[pos("R")], Some(m("2025-08")));
    assert_eq!(through[pos("B")], None);
    assert_eq!(data.outcome_through(2024)[pos("R")], None);
}

/// Gross cost has one definition: cost-kind rows, and rows without a cost type by their sign.
#[test]
fn gross_cost_is_the_cost_rows_and_the_negative_untyped_rows() {
    let data = dataset(json!({
        "schema": 1,
        "units": [{ "id": "R", "name": "Region", "level": "region" }],
        "costTypes": [
            { "id": "3000", "name": "Intäkter", "kind": "revenue" },
            { "id": "4000", "name": "Kostnader", "kind": "cost" }
        ],
        "budget": [
            { "unit": "R", "costType": "3000", "year": 2025, "annual": "120" },
            { "unit": "R", "costType": "4000", "year": 2025, "annual": "-240" },
            { "unit": "R", "year": 2025, "annual": "-60" },
            { "unit": "R", "year": 2025, "annual": "36" }
        ],
        "outcome": [
            { "unit": "R", "costType": "4000", "month": "2025-01", "amount": "-25" },
            { "unit": "R", "month": "2025-01", "amount": "-4" },
            { "unit": "R", "month": "2025-02", "amount": "7" }
        ]
    }));
    assert_eq!(data.gross_cost(0, 2025, false), Some(kr(-300)));
    assert_eq!(data.gross_cost(0, 2025, true), Some(kr(-29)));
    assert_eq!(data.gross_cost(0, 2024, false), None);
    assert_eq!(data.gross_cost_in(0, 2025, Slice::All).unwrap()[0], kr(-25));
    assert_eq!(
        data.gross_cost_in(0, 2025, Slice::CostType(1)).unwrap()[0],
        kr(-20)
    );
    assert_eq!(data.gross_cost_in(0, 2025, Slice::CostType(0)), None);
    assert_eq!(
        data.gross_cost_in(0, 2025, Slice::Untyped).unwrap()[0],
        kr(-5)
    );
    assert_eq!(
        data.gross_revenue(0, 2025, false).iter().sum::<Amount>(),
        kr(156)
    );
    assert_eq!(data.gross_revenue(0, 2025, true)[1], kr(7));
}

/// A random tree with a budget on every unit and a forecast on some, some naming a cost type.
fn arb_doc() -> impl Strategy<Value = Value> {
    let unit = (
        any::<prop::sample::Index>(),
        -1_000i64..1_000,
        prop::option::of((1u32..13, -1_000i64..1_000, prop::option::of(-500i64..500))),
    );
    proptest::collection::vec(unit, 1..25).prop_map(|units| {
        let mut tree = Vec::new();
        let mut budget = Vec::new();
        let mut forecasts = Vec::new();
        for (i, (parent, annual, forecast)) in units.iter().enumerate() {
            let id = format!("u{i}");
            let parent = (i > 0).then(|| format!("u{}", parent.index(i)));
            tree.push(json!({ "id": id, "name": id, "parent": parent, "level": "unit" }));
            let ct = if i % 3 == 0 { Some("4000") } else { None };
            budget.push(json!({ "unit": id, "costType": ct, "year": 2025, "annual": annual.to_string() }));
            if let Some((made, amount, typed)) = forecast {
                let made = format!("2025-{made:02}");
                forecasts.push(json!({ "unit": id, "year": 2025, "made": made, "amount": amount.to_string() }));
                if let Some(typed) = typed {
                    forecasts.push(json!({ "unit": id, "costType": "4000", "year": 2025, "made": made, "amount": typed.to_string() }));
                }
            }
        }
        json!({
            "schema": 1,
            "units": tree,
            "costTypes": [{ "id": "4000", "name": "Kostnader", "kind": "cost" }],
            "budget": budget,
            "forecasts": forecasts
        })
    })
}

/// The rule again, from the document's rows: a unit's latest own forecast by `as_of` where it
/// has one, else its own budget plus its children's.
fn expected(doc: &Value, unit: &str, as_of: &str) -> Decimal {
    let text = |v: &Value| v.as_str().unwrap().parse::<Decimal>().unwrap();
    let own: Vec<&Value> = doc["forecasts"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["unit"] == unit && f["made"].as_str().unwrap() <= as_of)
        .collect();
    // The rows made in the latest month add up to the forecast (one may name a cost type).
    if let Some(made) = own.iter().map(|f| f["made"].as_str().unwrap()).max() {
        return own
            .iter()
            .filter(|f| f["made"] == made)
            .map(|f| text(&f["amount"]))
            .sum();
    }
    let budget: Decimal = doc["budget"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|b| b["unit"] == unit)
        .map(|b| text(&b["annual"]))
        .sum();
    let children: Decimal = doc["units"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|u| u["parent"] == unit)
        .map(|u| expected(doc, u["id"].as_str().unwrap(), as_of))
        .sum();
    budget + children
}

proptest! {
    /// A unit's forecast is its own where it has one, else its own budget plus its children's
    /// (children without one at budget); so a forecast at the root is the root's, whatever
    /// sits below. A unit's cost types add up to its forecast.
    #[test]
    fn a_forecast_covers_its_subtree(doc in arb_doc(), month in 1u32..13) {
        let data = dataset(doc.clone());
        let as_of = Month::new(2025, month).unwrap();
        let all = data.forecasts(2025, as_of, Slice::All);
        let typed = data.forecasts(2025, as_of, Slice::CostType(0));
        let untyped = data.forecasts(2025, as_of, Slice::Untyped);
        for pos in 0..data.tree.len() {
            let id = &data.tree.unit(pos).id;
            prop_assert_eq!(all[pos].amount.decimal(), expected(&doc, id, &as_of.to_string()));
            match data.latest_forecast(pos, 2025, as_of) {
                Some((made, own)) => {
                    prop_assert_eq!(all[pos].amount, own);
                    prop_assert_eq!(all[pos].made, Some(made));
                }
                None => {
                    let children = data.tree.children(pos);
                    let below: Amount = children.iter().map(|&c| all[c].amount).sum();
                    let own: Amount = data.budget(pos, 2025).iter().sum();
                    prop_assert_eq!(all[pos].amount, own + below);
                    prop_assert_eq!(all[pos].made, children.iter().filter_map(|&c| all[c].made).max());
                }
            }
            prop_assert_eq!(typed[pos].amount + untyped[pos].amount, all[pos].amount);
        }
    }
}
