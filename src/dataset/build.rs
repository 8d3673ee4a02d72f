//! Building the dataset from a document: every row checked against the tree and the cost types,
//! budgets periodised, and the sums indexed by unit position, year and cost type.
//!
//! Not here: the checks of measures, grants and goals (their engines' own `check`), or the
//! all-or-nothing import (the workspace).

use std::collections::BTreeMap;

use crate::budget::monthly_budget;
use crate::calendar::Month;
use crate::error::{Error, Result};
use crate::hash::{FastMap, FastSet};
use crate::model::{Document, Kind};
use crate::num::money::{Amount, Months};
use crate::org::Tree;
use crate::recent::Recent;

use super::{Dataset, Gross, Typed};

impl Dataset {
    /// Checks every row of `doc` against its tree and indexes it. Errors name the field.
    pub fn new<'d>(doc: &'d Document) -> Result<Dataset> {
        let tree = Tree::new(doc.units.clone())?;
        check_cost_types(doc)?;
        let cost_type: FastMap<&str, usize> = doc
            .cost_types
            .iter()
            .enumerate()
            .map(|(i, ct)| (ct.id.as_str(), i))
            .collect();
        // One lookup per run of rows naming the same unit or cost type; check_cost_types has
        // made sure every cost type is known.
        let mut recent_cost_type = Recent::new();
        let mut ct =
            |id: Option<&'d str>| id.map(|id| recent_cost_type.get(id, |id| cost_type[id]));
        let mut recent_unit = Recent::new();
        let mut unit = |list: &str, i: usize, id: &'d str| {
            recent_unit
                .try_get(id, |id| tree.position(id))
                .map_err(|e| e.at("unit").at(format!("{list}[{i}]")))
        };
        let mut typed = Typed::default();
        // Sized once for what a ledger holds (each unit and cost type with a budget row has
        // outcome too): growing a map of 100,000 keys held the old and the new table at once.
        typed.budget.reserve(doc.budget.len());
        typed.outcome.reserve(doc.budget.len());

        for (i, comment) in doc.comments.iter().enumerate() {
            unit("comments", i, &comment.unit)?;
        }

        let mut gross: FastMap<(usize, i32), Gross> = FastMap::default();
        let mut outcome: FastMap<(usize, i32), Months> = FastMap::default();
        for (i, row) in doc.outcome.iter().enumerate() {
            let pos = unit("outcome", i, &row.unit)?;
            let months = outcome
                .entry((pos, row.month.year()))
                .or_insert([Amount::ZERO; 12]);
            months[row.month.index()] += row.amount;
            let c = ct(row.cost_type.as_deref());
            if let Some(side) = side(c.map(|c| doc.cost_types[c].kind), row.amount) {
                let g = gross.entry((pos, row.month.year())).or_default();
                let months = match side {
                    Kind::Cost => g.outcome_cost.get_or_insert([Amount::ZERO; 12]),
                    Kind::Revenue => &mut g.outcome_revenue,
                };
                months[row.month.index()] += row.amount;
            }
            if let Some(c) = c {
                let months = typed
                    .outcome
                    .entry((pos, row.month.year(), c))
                    .or_insert([Amount::ZERO; 12]);
                months[row.month.index()] += row.amount;
            }
        }

        let mut one_offs: FastMap<(usize, i32), Months> = FastMap::default();
        for (i, row) in doc.one_offs.iter().enumerate() {
            let pos = unit("oneOffs", i, &row.unit)?;
            let key = (pos, row.month.year());
            one_offs.entry(key).or_insert([Amount::ZERO; 12])[row.month.index()] += row.amount;
            if let Some(c) = ct(row.cost_type.as_deref()) {
                let months = typed
                    .one_offs
                    .entry((pos, row.month.year(), c))
                    .or_insert([Amount::ZERO; 12]);
                months[row.month.index()] += row.amount;
            }
        }

        let mut volumes = Vec::with_capacity(doc.volumes.len());
        for (i, row) in doc.volumes.iter().enumerate() {
            let pos = unit("volumes", i, &row.unit)?;
            for (name, value) in [("budget", row.budget), ("actual", row.actual)] {
                if value.0 < rust_decimal::Decimal::ZERO {
                    let reason = "a volume cannot be negative".to_string();
                    return Err(Error::Schema { reason }.at(format!("volumes[{i}].{name}")));
                }
            }
            volumes.push((pos, row.clone()));
        }

        let mut forecasts: FastMap<(usize, i32), BTreeMap<Month, Amount>> = FastMap::default();
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
            if let Some(c) = ct(row.cost_type.as_deref()) {
                *typed
                    .forecasts
                    .entry((pos, row.year, c))
                    .or_default()
                    .entry(row.made)
                    .or_insert(Amount::ZERO) += row.amount;
            }
        }

        let mut budget: FastMap<(usize, i32), Months> = FastMap::default();
        for (i, row) in doc.budget.iter().enumerate() {
            let pos = unit("budget", i, &row.unit)?;
            let prior = || outcome.get(&(pos, row.year - 1)).copied();
            let spread = monthly_budget(row, prior).map_err(|e| e.at(format!("budget[{i}]")))?;
            let months = budget.entry((pos, row.year)).or_insert([Amount::ZERO; 12]);
            add_months(months, &spread);
            let c = ct(row.cost_type.as_deref());
            let kind = c.map(|c| doc.cost_types[c].kind);
            if let Some(side) = side(kind, spread.iter().sum()) {
                let g = gross.entry((pos, row.year)).or_default();
                let months = match (side, kind) {
                    (Kind::Cost, Some(_)) => g.typed_cost.get_or_insert([Amount::ZERO; 12]),
                    (Kind::Cost, None) => g.untyped_cost.get_or_insert([Amount::ZERO; 12]),
                    (Kind::Revenue, _) => &mut g.budget_revenue,
                };
                add_months(months, &spread);
            }
            if let Some(c) = c {
                let months = typed
                    .budget
                    .entry((pos, row.year, c))
                    .or_insert([Amount::ZERO; 12]);
                add_months(months, &spread);
            }
        }
        let years: std::collections::BTreeSet<i32> = budget
            .keys()
            .chain(outcome.keys())
            .chain(forecasts.keys())
            .map(|&(_, year)| year)
            .collect();
        Ok(Dataset {
            years: years.into_iter().collect(),
            tree,
            budget,
            outcome,
            forecasts,
            cost_types: doc.cost_types.clone(),
            typed,
            one_offs,
            volumes,
            gross,
        })
    }
}

/// Adds `parts` to `sums` month by month, skipping the months of zero: a budget row of a
/// sparse ledger holds one or two months, and a `Decimal` addition costs more than the test.
fn add_months(sums: &mut Months, parts: &Months) {
    for (sum, part) in sums.iter_mut().zip(parts) {
        if !part.is_zero() {
            *sum += *part;
        }
    }
}

/// Which gross side a row is on: its cost type's kind, or without one its sign (negative is
/// cost); a row of zero without a cost type is on neither.
fn side(kind: Option<Kind>, amount: Amount) -> Option<Kind> {
    match kind {
        Some(kind) => Some(kind),
        None if amount.is_zero() => None,
        None if amount < Amount::ZERO => Some(Kind::Cost),
        None => Some(Kind::Revenue),
    }
}

/// Cost type ids are unique, and every row's cost type is one of them.
fn check_cost_types(doc: &Document) -> Result<()> {
    let mut known = FastSet::default();
    known.reserve(doc.cost_types.len());
    for (i, ct) in doc.cost_types.iter().enumerate() {
        if !known.insert(ct.id.as_str()) {
            let err = Error::DuplicateCostType { id: ct.id.clone() };
            return Err(err.at(format!("costTypes[{i}].id")));
        }
    }
    let budget = named("budget", doc.budget.iter().map(|r| r.cost_type.as_deref()));
    let outcome = named(
        "outcome",
        doc.outcome.iter().map(|r| r.cost_type.as_deref()),
    );
    let forecasts = named(
        "forecasts",
        doc.forecasts.iter().map(|r| r.cost_type.as_deref()),
    );
    let one_offs = named(
        "oneOffs",
        doc.one_offs.iter().map(|r| r.cost_type.as_deref()),
    );
    let volumes = named(
        "volumes",
        doc.volumes.iter().map(|r| r.cost_type.as_deref()),
    );
    let comments = named(
        "comments",
        doc.comments.iter().map(|r| r.cost_type.as_deref()),
    );
    let all = budget.chain(outcome).chain(forecasts).chain(one_offs);
    let mut recent = Recent::new();
    for (list, i, cost_type) in all.chain(volumes).chain(comments) {
        let Some(id) = cost_type else { continue };
        recent.try_get(id, |id| match known.contains(id) {
            true => Ok(()),
            false => {
                let err = Error::UnknownCostType { id: id.to_string() };
                Err(err.at("costType").at(format!("{list}[{i}]")))
            }
        })?;
    }
    Ok(())
}

/// Each row's cost type with the list and index it is found at.
fn named<'a>(
    list: &'static str,
    rows: impl Iterator<Item = Option<&'a str>>,
) -> impl Iterator<Item = (&'static str, usize, Option<&'a str>)> {
    rows.enumerate().map(move |(i, ct)| (list, i, ct))
}
