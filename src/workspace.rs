//! The workspace: the document a caller imported, checked for meaning and indexed for the engines.
//!
//! Data enters once (an import) and stays; reports are computed from the index on request, so a
//! view for another month or unit never re-reads the input. An import that fails validation
//! leaves the workspace exactly as it was.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::Serialize;

use crate::budget::{monthly_budget, Months};
use crate::calendar::Month;
use crate::deviation::{self, DeviationOptions, DeviationReport};
use crate::error::{Error, Result};
use crate::grants::{self, GrantOptions, GrantsReport};
use crate::import::json::{Document, SCHEMA_VERSION};
use crate::money::Amount;
use crate::org::Tree;

/// What one import added.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ImportSummary {
    pub units: usize,
    pub cost_types: usize,
    pub budget_rows: usize,
    pub outcome_rows: usize,
    pub forecast_rows: usize,
    pub grants: usize,
}

impl ImportSummary {
    fn of(doc: &Document) -> ImportSummary {
        ImportSummary {
            units: doc.units.len(),
            cost_types: doc.cost_types.len(),
            budget_rows: doc.budget.len(),
            outcome_rows: doc.outcome.len(),
            forecast_rows: doc.forecasts.len(),
            grants: doc.grants.len(),
        }
    }
}

/// Budget, outcome and forecasts per unit position and year, ready for the engines.
#[derive(Clone, Debug)]
pub struct Dataset {
    pub tree: Tree,
    budget: HashMap<(usize, i32), Months>,
    outcome: HashMap<(usize, i32), Months>,
    forecasts: HashMap<(usize, i32), BTreeMap<Month, Amount>>,
}

impl Dataset {
    /// The unit's own monthly budget for `year` (zeros where it has none).
    pub fn budget(&self, pos: usize, year: i32) -> Months {
        self.budget
            .get(&(pos, year))
            .copied()
            .unwrap_or([Amount::ZERO; 12])
    }

    /// The unit's own monthly outcome for `year` (zeros where nothing is booked).
    pub fn outcome(&self, pos: usize, year: i32) -> Months {
        self.outcome
            .get(&(pos, year))
            .copied()
            .unwrap_or([Amount::ZERO; 12])
    }

    /// The unit's latest forecast for `year` made in or before `as_of`, with the month it was made.
    pub fn latest_forecast(&self, pos: usize, year: i32, as_of: Month) -> Option<(Month, Amount)> {
        let made = self.forecasts.get(&(pos, year))?;
        made.range(..=as_of).next_back().map(|(m, a)| (*m, *a))
    }

    /// Checks every row of `doc` against its tree and indexes it. Errors name the field.
    fn build(doc: &Document) -> Result<Dataset> {
        let tree = Tree::new(doc.units.clone())?;
        check_cost_types(doc)?;
        let unit = |list: &str, i: usize, id: &str| {
            tree.position(id)
                .map_err(|e| e.at("unit").at(format!("{list}[{i}]")))
        };

        let mut outcome: HashMap<(usize, i32), Months> = HashMap::new();
        for (i, row) in doc.outcome.iter().enumerate() {
            let pos = unit("outcome", i, &row.unit)?;
            let months = outcome
                .entry((pos, row.month.year()))
                .or_insert([Amount::ZERO; 12]);
            months[row.month.index()] += row.amount;
        }

        let mut forecasts: HashMap<(usize, i32), BTreeMap<Month, Amount>> = HashMap::new();
        for (i, row) in doc.forecasts.iter().enumerate() {
            let pos = unit("forecasts", i, &row.unit)?;
            if row.made.year() != row.year {
                let reason = format!("a forecast for {} must be made in that year", row.year);
                return Err(Error::Schema { reason }.at(format!("forecasts[{i}].made")));
            }
            *forecasts
                .entry((pos, row.year))
                .or_default()
                .entry(row.made)
                .or_insert(Amount::ZERO) += row.amount;
        }

        let mut budget: HashMap<(usize, i32), Months> = HashMap::new();
        for (i, row) in doc.budget.iter().enumerate() {
            let pos = unit("budget", i, &row.unit)?;
            let prior = outcome.get(&(pos, row.year - 1)).copied();
            let spread = monthly_budget(row, prior).map_err(|e| e.at(format!("budget[{i}]")))?;
            let months = budget.entry((pos, row.year)).or_insert([Amount::ZERO; 12]);
            for (sum, part) in months.iter_mut().zip(spread) {
                *sum += part;
            }
        }
        Ok(Dataset {
            tree,
            budget,
            outcome,
            forecasts,
        })
    }
}

/// Cost type ids are unique, and every row's cost type is one of them.
fn check_cost_types(doc: &Document) -> Result<()> {
    let mut known = HashSet::with_capacity(doc.cost_types.len());
    for (i, ct) in doc.cost_types.iter().enumerate() {
        if !known.insert(ct.id.as_str()) {
            let err = Error::DuplicateCostType { id: ct.id.clone() };
            return Err(err.at(format!("costTypes[{i}].id")));
        }
    }
    let budget = named("budget", doc.budget.iter().map(|r| &r.cost_type));
    let outcome = named("outcome", doc.outcome.iter().map(|r| &r.cost_type));
    let forecasts = named("forecasts", doc.forecasts.iter().map(|r| &r.cost_type));
    for (list, i, cost_type) in budget.chain(outcome).chain(forecasts) {
        if let Some(id) = cost_type.filter(|id| !known.contains(id)) {
            let err = Error::UnknownCostType { id: id.to_string() };
            return Err(err.at("costType").at(format!("{list}[{i}]")));
        }
    }
    Ok(())
}

/// Each row's cost type with the list and index it is found at.
fn named<'a>(
    list: &'static str,
    rows: impl Iterator<Item = &'a Option<String>>,
) -> impl Iterator<Item = (&'static str, usize, Option<&'a str>)> {
    rows.enumerate()
        .map(move |(i, ct)| (list, i, ct.as_deref()))
}

/// Imported data and its index. Starts empty.
#[derive(Clone, Debug)]
pub struct Workspace {
    doc: Document,
    data: Option<Dataset>,
}

impl Default for Workspace {
    fn default() -> Workspace {
        Workspace {
            doc: Document {
                schema: SCHEMA_VERSION,
                ..Document::default()
            },
            data: None,
        }
    }
}

impl Workspace {
    pub fn new() -> Workspace {
        Workspace::default()
    }

    /// Adds `doc`'s units and rows to the workspace (a new name replaces the old). On error the
    /// workspace is unchanged, and the error's field points into `doc`, not the combined data.
    pub fn import(&mut self, doc: Document) -> Result<ImportSummary> {
        let base = ImportSummary::of(&self.doc);
        let added = ImportSummary::of(&doc);
        let mut combined = self.doc.clone();
        combined.name = doc.name.or(combined.name);
        combined.units.extend(doc.units);
        combined.cost_types.extend(doc.cost_types);
        combined.budget.extend(doc.budget);
        combined.outcome.extend(doc.outcome);
        combined.forecasts.extend(doc.forecasts);
        combined.grants.extend(doc.grants);
        let has_rows = !(combined.budget.is_empty()
            && combined.outcome.is_empty()
            && combined.forecasts.is_empty()
            && combined.grants.is_empty());
        let data = match (combined.units.is_empty(), has_rows) {
            (true, false) => None,
            (true, true) => {
                let reason = "rows need units to belong to";
                return Err(Error::Schema {
                    reason: reason.into(),
                }
                .at("units"));
            }
            (false, _) => {
                let data = Dataset::build(&combined).map_err(|e| rebase(e, &base))?;
                grants::register::check(&combined.grants, &data.tree)
                    .map_err(|e| rebase(e, &base))?;
                Some(data)
            }
        };
        self.doc = combined;
        self.data = data;
        Ok(added)
    }

    /// Everything imported so far, as one schema 1 document.
    pub fn document(&self) -> &Document {
        &self.doc
    }

    /// The indexed data, or `E_NO_DATA` when nothing has been imported.
    pub fn data(&self) -> Result<&Dataset> {
        self.data.as_ref().ok_or_else(|| Error::NoData {
            reason: "the workspace is empty; import data first".into(),
        })
    }

    /// The deviation report (avvikelserapport) for `options`.
    pub fn deviation(&self, options: &DeviationOptions) -> Result<DeviationReport> {
        deviation::report(self.data()?, self.doc.name.as_deref(), options)
    }

    /// The state-grant dependency report (statsbidragsberoende) for `options`.
    pub fn grants(&self, options: &GrantOptions) -> Result<GrantsReport> {
        grants::report(self.data()?, &self.doc, options)
    }
}

/// Shifts the list index in an error's field by what the workspace held before the import, so
/// `budget[7]` in the combined data reads `budget[2]` of the document the caller gave.
fn rebase(err: Error, base: &ImportSummary) -> Error {
    let Error::At { field, source } = err else {
        return err;
    };
    let shifted = (|| {
        let (list, rest) = field.split_once('[')?;
        let (index, tail) = rest.split_once(']')?;
        let offset = match list {
            "units" => base.units,
            "budget" => base.budget_rows,
            "outcome" => base.outcome_rows,
            "forecasts" => base.forecast_rows,
            "costTypes" => base.cost_types,
            "grants" => base.grants,
            _ => return None,
        };
        let index = index.parse::<usize>().ok()?.checked_sub(offset)?;
        Some(format!("{list}[{index}]{tail}"))
    })();
    Error::At {
        field: shifted.unwrap_or(field),
        source,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
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
            summary,
            ImportSummary {
                units: 0,
                cost_types: 0,
                budget_rows: 2,
                outcome_rows: 2,
                forecast_rows: 3,
                grants: 0
            }
        );
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
                json!({ "unit": "A", "year": 2025, "annual": "0.005" }),
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
    fn an_empty_workspace_has_no_report() {
        let ws = Workspace::new();
        let options = DeviationOptions {
            as_of: "2025-08".into(),
            unit: None,
        };
        assert_eq!(ws.deviation(&options).unwrap_err().code(), "E_NO_DATA");
        let mut ws = Workspace::new();
        let e = ws
            .import(doc(json!({ "schema": 1, "outcome": [{ "unit": "A", "month": "2025-01", "amount": "1" }] })))
            .unwrap_err();
        assert_eq!(e.field(), Some("units"));
    }
}
