//! The grants register (statsbidragsregister): what a state grant is, as schema 1 `grants[]`
//! holds it, and the checks a register must pass against the unit tree.
//!
//! Only the data and its validation live here; the figures computed from a register are in
//! [`super::report`]. Amounts keep the result sign: a grant's amount is revenue (+), the costs it
//! finances and the costs that stay after it ends are costs (−).

use std::collections::HashSet;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::calendar::Month;
use crate::error::{Error, Result};
use crate::import::json::Weight;
use crate::money::Amount;
use crate::org::Tree;

/// The kind of grant (typ av statsbidrag).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum GrantKind {
    /// Targeted grant (riktat statsbidrag): temporary, with conditions.
    Targeted,
    /// Performance-based grant (prestationsbaserat statsbidrag): temporary, paid on results.
    Performance,
    /// General grant (generellt statsbidrag): part of the region's permanent funding.
    General,
    /// Sector grant (sektorsbidrag), e.g. for pharmaceutical benefits.
    Sector,
}

impl GrantKind {
    /// The kinds that count as temporary when the caller does not say (riktade and
    /// prestationsbaserade statsbidrag, as `DOMAIN.md` has it).
    pub const TEMPORARY_BY_DEFAULT: [GrantKind; 2] = [GrantKind::Targeted, GrantKind::Performance];
}

/// How certain the grant is (säkerhet).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Certainty {
    /// Decided (beslutat): a government decision exists.
    Decided,
    /// Announced (aviserat): in the budget bill or promised, not yet decided.
    Announced,
    /// Conditional (villkorat): paid only if conditions are met; needs a probability.
    Conditional,
    /// Uncertain (osäkert).
    Uncertain,
}

/// What an allocation key weighs units by (fördelningsnyckel).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum KeyBasis {
    /// Given shares (andelar), e.g. 60/25/15.
    Shares,
    /// Given volumes (volymer): visits, bed days, operations.
    Volumes,
    /// Each unit's budgeted gross cost for the year (kostnad), taken from the data.
    Cost,
}

/// One unit of an allocation key; `weight` is required for shares and volumes, absent for cost.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyPart {
    pub unit: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<Weight>,
}

/// How a grant held by a committee is spread to the units doing the work.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AllocationKey {
    pub by: KeyBasis,
    pub units: Vec<KeyPart>,
}

/// A state grant (statsbidrag) for one year, as held by one unit.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Grant {
    pub id: String,
    pub name: String,
    pub kind: GrantKind,
    /// The unit that holds (books) the grant, often the committee.
    pub unit: String,
    pub year: i32,
    /// Expected amount for the year (förväntat belopp), revenue.
    pub amount: Amount,
    /// The year's costs the grant finances (finansierade kostnader), ≤ 0.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub financed_costs: Amount,
    /// Amount recognised as revenue to date (intäktsfört hittills), as of `as_of`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recognised: Option<Amount>,
    /// Financed costs booked to date, ≤ 0, as of `as_of`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub financed_to_date: Option<Amount>,
    /// The month the to-date figures are stated at; required with them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<Month>,
    pub certainty: Certainty,
    /// Probability the grant is paid, 0..1; required for `conditional`, overrides the default
    /// for the other certainties.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub probability: Option<Weight>,
    /// Whether the conditions are met (villkor uppfyllda); true when absent (no conditions).
    #[serde(default = "yes")]
    pub conditions_met: bool,
    /// The last year the grant is paid (sista år); the grant's own year when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_year: Option<i32>,
    /// Costs that stay after the grant ends (kvarstående kostnader), per year, ≤ 0.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub remaining_costs: Amount,
    /// The part of the year's result effect already in the budget (budgeterad effekt).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub budgeted_effect: Amount,
    /// Allocation key for a grant held above the units that use it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allocation: Option<AllocationKey>,
}

fn yes() -> bool {
    true
}

fn is_zero(a: &Amount) -> bool {
    a.is_zero()
}

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
    if !(1900..=2999).contains(&g.year) {
        return Err(schema("expected a year from 1900 to 2999").at("year"));
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
