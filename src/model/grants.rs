//! The grants register (statsbidragsregister) as schema 1 `grants[]` holds it. Amounts keep the
//! result sign: a grant's amount is revenue (+), the costs it finances and the costs that stay
//! after it ends are costs (−).
//!
//! Not here: the checks against the tree and the figures (see `grants`).

use serde::{Deserialize, Serialize};

use crate::calendar::Month;
use crate::num::money::Amount;
use crate::num::weight::Weight;

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
