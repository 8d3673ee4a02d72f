//! The grants register (statsbidragsregister): what a state grant is, as schema 1 `grants[]`
//! holds it, and the checks a register must pass against the unit tree.
//!
//! Only the data and its validation live here; the figures computed from a register are in
//! [`super::report`]. Amounts keep the result sign: a grant's amount is revenue (+), the costs it
//! finances and the costs that stay after it ends are costs (−).

use std::collections::HashSet;

use rust_decimal::Decimal;

use crate::calendar::{Month, YEARS};
use crate::error::{Error, Result};
use crate::model::{AllocationKey, Certainty, Grant, KeyBasis};
use crate::num::money::Amount;
use crate::num::weight::Weight;
use crate::org::Tree;

impl Grant {
    /// The last year the grant is paid.
    pub fn last_year(&self) -> i32 {
        self.last_year.unwrap_or(self.year)
    }

    /// The year's result effect (resultateffekt): expected amount + financed costs.
    pub fn result_effect(&self) -> Amount {
        self.amount + self.financed_costs
    }

    /// The year's result effect beyond what the budget holds.
    pub fn beyond_budget(&self) -> Amount {
        self.result_effect() - self.budgeted_effect
    }

    /// `(amount, financed costs)` recognised by `as_of` (a month of the grant's year): the to-date
    /// figures when they are stated in or before that month, otherwise nothing yet.
    pub fn to_date(&self, as_of: Month) -> (Amount, Amount) {
        match self.as_of {
            Some(stated) if stated <= as_of => (
                self.recognised.unwrap_or(Amount::ZERO),
                self.financed_to_date.unwrap_or(Amount::ZERO),
            ),
            _ => (Amount::ZERO, Amount::ZERO),
        }
    }
}

fn schema(reason: impl Into<String>) -> Error {
    Error::Schema {
        reason: reason.into(),
    }
}

/// Checks a register against the unit tree; errors name `grants[i].field`.
pub fn check(grants: &[Grant], tree: &Tree) -> Result<()> {
    let mut ids = HashSet::with_capacity(grants.len());
    for (i, g) in grants.iter().enumerate() {
        check_one(g, tree, &mut ids).map_err(|e| e.at(format!("grants[{i}]")))?;
    }
    Ok(())
}

fn check_one<'a>(g: &'a Grant, tree: &Tree, ids: &mut HashSet<(&'a str, i32)>) -> Result<()> {
    if g.id.trim().is_empty() {
        return Err(schema("a grant needs a non-empty id").at("id"));
    }
    if !ids.insert((g.id.as_str(), g.year)) {
        let reason = format!("the grant id {:?} is used twice for {}", g.id, g.year);
        return Err(schema(reason).at("id"));
    }
    let holder = tree.position(&g.unit).map_err(|e| e.at("unit"))?;
    if !YEARS.contains(&g.year) {
        let (first, last) = (YEARS.start(), YEARS.end());
        return Err(schema(format!("expected a year from {first} to {last}")).at("year"));
    }
    let amounts = [
        ("amount", Some(g.amount)),
        ("financedCosts", Some(g.financed_costs)),
        ("recognised", g.recognised),
        ("financedToDate", g.financed_to_date),
        ("remainingCosts", Some(g.remaining_costs)),
        ("budgetedEffect", Some(g.budgeted_effect)),
    ];
    for (field, value) in amounts {
        let Some(value) = value else { continue };
        if value.decimal().normalize().scale() > 2 {
            return Err(schema("at most two decimals (öre)").at(field));
        }
        let is_cost = matches!(field, "financedCosts" | "financedToDate" | "remainingCosts");
        if is_cost && value.decimal() > Decimal::ZERO {
            let reason = "a cost is negative in the result sign (revenue +, cost −)";
            return Err(schema(reason).at(field));
        }
    }
    let has_to_date = g.recognised.is_some() || g.financed_to_date.is_some();
    match g.as_of {
        None if has_to_date => {
            return Err(schema("the month the to-date figures are stated at is missing").at("asOf"))
        }
        Some(m) if m.year() != g.year => {
            return Err(schema(format!("expected a month of {}", g.year)).at("asOf"))
        }
        _ => {}
    }
    match (g.certainty, g.probability) {
        (Certainty::Conditional, None) => {
            return Err(
                schema("a conditional grant needs a probability from 0 to 1").at("probability"),
            )
        }
        (_, Some(Weight(p))) if p < Decimal::ZERO || p > Decimal::ONE => {
            return Err(schema("expected a probability from 0 to 1").at("probability"))
        }
        _ => {}
    }
    if g.last_year() < g.year {
        return Err(schema(format!("expected {} or later", g.year)).at("lastYear"));
    }
    if let Some(key) = &g.allocation {
        check_key(key, tree, holder).map_err(|e| e.at("allocation"))?;
    }
    Ok(())
}

/// Key units are distinct and under the holder (or the holder itself); shares and volumes have
/// non-negative weights that are not all zero, a cost key has none.
fn check_key(key: &AllocationKey, tree: &Tree, holder: usize) -> Result<()> {
    if key.units.is_empty() {
        return Err(schema("an allocation key needs at least one unit").at("units"));
    }
    let mut seen = HashSet::new();
    let mut total = Decimal::ZERO;
    for (j, part) in key.units.iter().enumerate() {
        let at = |e: Error, field: &str| e.at(field).at(format!("units[{j}]"));
        let pos = tree.position(&part.unit).map_err(|e| at(e, "unit"))?;
        if !tree.subtree(holder).any(|p| p == pos) {
            let reason = format!(
                "{:?} is not under the holding unit {:?}",
                part.unit,
                tree.unit(holder).id
            );
            return Err(at(schema(reason), "unit"));
        }
        if !seen.insert(pos) {
            return Err(at(schema("a unit is listed twice in the key"), "unit"));
        }
        match (key.by, part.weight) {
            (KeyBasis::Cost, Some(_)) => {
                let reason = "a cost key takes its weights from the budget; give none";
                return Err(at(schema(reason), "weight"));
            }
            (KeyBasis::Cost, None) => {}
            (_, None) => return Err(at(schema("a weight is needed"), "weight")),
            (_, Some(Weight(w))) if w < Decimal::ZERO => {
                return Err(at(schema("a weight is zero or more"), "weight"))
            }
            (_, Some(Weight(w))) => total += w,
        }
    }
    if key.by != KeyBasis::Cost && total.is_zero() {
        return Err(schema("the weights are all zero").at("units"));
    }
    Ok(())
}
