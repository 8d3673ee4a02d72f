//! From read rows to one schema 1 document: units the rows need (found in the workspace, or made
//! under a parent), cost types (found, or made with a kind from the rows or the account number),
//! and budget, outcome and forecast rows added up per unit, cost type and period.
//!
//! Shared by the table and SIE readers, so both follow the same rules. Not here: reading cells
//! or records, or changing the workspace (see [`super::import`]).

use std::collections::hash_map::Entry as Slot;
use std::collections::{BTreeMap, HashMap, HashSet};

use crate::calendar::Month;
use crate::money::Amount;
use crate::org::Unit;

use super::cells::When;
use super::columns::Measure;
use super::json::{BudgetRow, CostType, Document, ForecastRow, Kind, OutcomeRow, SCHEMA_VERSION};
use super::report::{ImportReport, Location};
use super::Settings;

/// One amount read, in result sign.
#[derive(Clone, Debug)]
pub struct Entry {
    pub unit: String,
    pub cost_type: Option<String>,
    pub measure: Measure,
    pub when: When,
    pub amount: Amount,
    pub at: Location,
}

/// What a reader gathered.
#[derive(Debug, Default)]
pub struct Gathered {
    pub entries: Vec<Entry>,
    /// Unit names seen, by id (a name column, SIE `#OBJEKT`).
    pub unit_names: HashMap<String, String>,
    /// Cost type names and kinds seen, by id.
    pub cost_types: HashMap<String, (Option<String>, Option<Kind>)>,
    /// The unit for the file itself (the SIE company), created when missing, new units under it.
    pub root: Option<(String, String)>,
    /// Whether units not in the workspace may be created without a `parent` option (SIE: its
    /// objects are new by nature; tables: a typo must not become a unit).
    pub create_units: bool,
}

/// Revenue or cost by account number prefix (class 3 revenue, 4-8 cost by default); `None` for
/// other accounts (balance sheet, 1-2) and non-numeric cost types.
pub fn account_kind(id: &str, settings: &Settings) -> Option<Kind> {
    let matches = |prefixes: &[String]| prefixes.iter().any(|p| id.starts_with(p.as_str()));
    if !id.bytes().all(|b| b.is_ascii_digit()) || id.is_empty() {
        None
    } else if matches(&settings.revenue_accounts) {
        Some(Kind::Revenue)
    } else if matches(&settings.cost_accounts) {
        Some(Kind::Cost)
    } else {
        None
    }
}

/// The document the gathered rows make, given what the workspace already holds. Faults go into
/// `report` (the document is then not to be applied).
pub fn document(
    g: Gathered,
    existing: &Document,
    settings: &Settings,
    report: &mut ImportReport,
) -> Document {
    let mut doc = Document {
        schema: SCHEMA_VERSION,
        ..Document::default()
    };
    doc.units = units(&g, existing, settings, report);
    doc.cost_types = cost_types(&g, existing, settings, report);
    rows(g.entries, &mut doc, report);
    doc
}

/// The units to add: every unit a row names that the workspace lacks.
fn units(
    g: &Gathered,
    existing: &Document,
    settings: &Settings,
    report: &mut ImportReport,
) -> Vec<Unit> {
    let known: HashSet<&str> = existing.units.iter().map(|u| u.id.as_str()).collect();
    let mut seen = HashSet::new();
    let missing: Vec<&Entry> = g
        .entries
        .iter()
        .filter(|e| !known.contains(e.unit.as_str()) && seen.insert(e.unit.as_str()))
        .collect();
    if let Some(p) = settings.parent.as_deref().filter(|p| !known.contains(p)) {
        report.error(
            "E_UNKNOWN_UNIT",
            Location::default().field("parent"),
            format!("the parent unit {p:?} given in the options is not in the workspace"),
            "the id of a unit already imported",
        );
        return Vec::new();
    }
    if missing.is_empty() {
        return Vec::new();
    }
    if !known.is_empty() && !g.create_units && settings.parent.is_none() {
        for e in missing {
            report.error(
                "E_UNKNOWN_UNIT",
                e.at.clone(),
                format!("unknown unit {:?}", e.unit),
                "the id of a unit in the workspace (or the parent option, to add new units under it)",
            );
        }
        return Vec::new();
    }
    // Under the parent given, else under the workspace's root, else at the top.
    let top = settings.parent.clone().or_else(|| {
        existing
            .units
            .iter()
            .find(|u| u.parent.is_none())
            .map(|u| u.id.clone())
    });
    let mut out = Vec::new();
    let (anchor_id, anchor_name) = match &g.root {
        Some(root) => root.clone(),
        None if top.is_some() => (String::new(), String::new()),
        None => (
            settings.root.clone().unwrap_or_else(|| "IMPORT".into()),
            settings.file.clone().unwrap_or_else(|| "Import".into()),
        ),
    };
    let anchor = if anchor_id.is_empty() {
        top
    } else {
        if !known.contains(anchor_id.as_str()) {
            out.push(Unit {
                id: anchor_id.clone(),
                name: anchor_name,
                parent: top,
                level: None,
            });
        }
        Some(anchor_id.clone())
    };
    for e in missing.into_iter().filter(|e| e.unit != anchor_id) {
        out.push(Unit {
            id: e.unit.clone(),
            name: g
                .unit_names
                .get(&e.unit)
                .cloned()
                .unwrap_or_else(|| e.unit.clone()),
            parent: anchor.clone(),
            level: None,
        });
    }
    if !out.is_empty() {
        report.warn(
            "W_UNITS_CREATED",
            Location::default(),
            format!(
                "{} unit(s) not in the workspace were created: {}",
                out.len(),
                out.iter()
                    .map(|u| u.id.as_str())
                    .take(10)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        );
    }
    out
}

/// The cost types to add: every one a row names that the workspace lacks.
fn cost_types(
    g: &Gathered,
    existing: &Document,
    settings: &Settings,
    report: &mut ImportReport,
) -> Vec<CostType> {
    let known: HashSet<&str> = existing.cost_types.iter().map(|c| c.id.as_str()).collect();
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for e in &g.entries {
        let Some(id) = e.cost_type.as_deref() else {
            continue;
        };
        if known.contains(id) || !seen.insert(id) {
            continue;
        }
        let (name, kind) = g.cost_types.get(id).cloned().unwrap_or((None, None));
        let kind = kind.or_else(|| account_kind(id, settings)).unwrap_or_else(|| {
            report.warn(
                "W_KIND_ASSUMED",
                e.at.clone(),
                format!("the cost type {id:?} is taken as a cost: neither a kind column nor its account number says"),
            );
            Kind::Cost
        });
        out.push(CostType {
            id: id.to_string(),
            name: name.unwrap_or_else(|| id.to_string()),
            kind,
        });
    }
    out
}

/// Rows added up per unit, cost type, measure and period; a repeated key is a warning.
fn rows(entries: Vec<Entry>, doc: &mut Document, report: &mut ImportReport) {
    type Key = (String, Option<String>);
    // Sized once, and each key hashed once: growing re-hashed every key's strings, and a look-up
    // before the insert hashed them twice (measured: 10 % of a CSV import's instructions).
    let mut first_line: HashMap<(Key, Measure, When), Option<usize>> =
        HashMap::with_capacity(entries.len());
    let mut budget_months: BTreeMap<(Key, i32), [Amount; 12]> = BTreeMap::new();
    let mut budget_annual: BTreeMap<(Key, i32), Amount> = BTreeMap::new();
    let mut outcome: BTreeMap<(Key, Month), Amount> = BTreeMap::new();
    let mut forecast: BTreeMap<(Key, Month), Amount> = BTreeMap::new();
    let mut span: Option<(Month, Month)> = None;
    for e in entries {
        let key = (e.unit, e.cost_type);
        if let When::Month(m) = e.when {
            span = Some(span.map_or((m, m), |(a, b)| (a.min(m), b.max(m))));
        }
        match first_line.entry((key.clone(), e.measure, e.when)) {
            Slot::Occupied(line) => report.warn(
                "W_DUPLICATE_ROW",
                e.at.clone(),
                format!(
                    "{} for unit {:?}{} and {} appears again{}; the amounts are added",
                    e.measure.name(),
                    key.0,
                    key.1
                        .as_ref()
                        .map(|c| format!(", cost type {c:?}"))
                        .unwrap_or_default(),
                    when_text(e.when),
                    line.get()
                        .map(|l| format!(" (first on line {l})"))
                        .unwrap_or_default()
                ),
            ),
            Slot::Vacant(slot) => {
                slot.insert(e.at.line);
            }
        }
        match (e.measure, e.when) {
            (Measure::Budget, When::Month(m)) => {
                budget_months
                    .entry((key, m.year()))
                    .or_insert([Amount::ZERO; 12])[m.index()] += e.amount
            }
            (Measure::Budget, When::Year(y)) => {
                *budget_annual.entry((key, y)).or_insert(Amount::ZERO) += e.amount
            }
            (Measure::Outcome, When::Month(m)) => {
                *outcome.entry((key, m)).or_insert(Amount::ZERO) += e.amount
            }
            (Measure::Forecast, When::Month(m)) => {
                *forecast.entry((key, m)).or_insert(Amount::ZERO) += e.amount
            }
            // The readers only give budgets by year.
            (Measure::Outcome | Measure::Forecast, When::Year(_)) => {}
        }
    }
    for (((unit, cost_type), year), months) in budget_months {
        doc.budget.push(BudgetRow {
            unit,
            cost_type,
            year,
            annual: None,
            method: None,
            weights: None,
            rounding: None,
            months: Some(months.to_vec()),
        });
    }
    for (((unit, cost_type), year), annual) in budget_annual {
        doc.budget.push(BudgetRow {
            unit,
            cost_type,
            year,
            annual: Some(annual),
            method: None,
            weights: None,
            rounding: None,
            months: None,
        });
    }
    for (((unit, cost_type), month), amount) in outcome {
        doc.outcome.push(OutcomeRow {
            unit,
            cost_type,
            month,
            amount,
        });
    }
    for (((unit, cost_type), made), amount) in forecast {
        doc.forecasts.push(ForecastRow {
            unit,
            cost_type,
            year: made.year(),
            made,
            amount,
        });
    }
    if let Some((first, last)) = span {
        report.first_month = Some(first.to_string());
        report.last_month = Some(last.to_string());
    }
}

fn when_text(when: When) -> String {
    match when {
        When::Month(m) => m.to_string(),
        When::Year(y) => y.to_string(),
    }
}
