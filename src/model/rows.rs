//! The rows of money and volume of schema 1: cost types, budget, outcome, forecasts, one-off
//! items and volumes, as the document holds them.
//!
//! Not here: the check of their meaning and the index the engines read (see `dataset`).

use serde::{Deserialize, Serialize};

use crate::calendar::Month;
use crate::id::Id;
use crate::num::money::Amount;
use crate::num::weight::Weight;
use crate::periodise::Rounding;

/// Whether a cost type is revenue (intäkt) or cost (kostnad). Amounts keep the result sign
/// either way; the kind says which side of the income statement a row belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Revenue,
    Cost,
}

/// A cost type (kostnadsslag) or account (konto).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CostType {
    pub id: String,
    pub name: String,
    pub kind: Kind,
}

/// A budget row: an annual amount with a periodisation method, or twelve monthly amounts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BudgetRow {
    pub unit: Id,
    #[serde(default, rename = "costType", skip_serializing_if = "Option::is_none")]
    pub cost_type: Option<Id>,
    pub year: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annual: Option<Amount>,
    /// `linear` when absent; only with `annual`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<String>,
    /// The seasonal key for `profile`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weights: Option<Vec<Weight>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rounding: Option<Rounding>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub months: Option<Vec<Amount>>,
}

/// Booked outcome (utfall) of a unit for a month.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OutcomeRow {
    pub unit: Id,
    #[serde(default, rename = "costType", skip_serializing_if = "Option::is_none")]
    pub cost_type: Option<Id>,
    pub month: Month,
    pub amount: Amount,
}

/// A full-year forecast (helårsprognos) of a unit, stamped with the month it was made.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ForecastRow {
    pub unit: Id,
    #[serde(default, rename = "costType", skip_serializing_if = "Option::is_none")]
    pub cost_type: Option<Id>,
    pub year: i32,
    pub made: Month,
    pub amount: Amount,
}

/// A one-off item (engångspost) booked in a month: a tax credit, a penalty received.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OneOffRow {
    pub unit: Id,
    #[serde(default, rename = "costType", skip_serializing_if = "Option::is_none")]
    pub cost_type: Option<Id>,
    pub month: Month,
    pub amount: Amount,
    pub text: String,
}

/// A month's budget and actual volume (volym) of one measure for a unit, optionally for one of
/// its cost types. Volumes are counts, not money.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VolumeRow {
    pub unit: Id,
    #[serde(default, rename = "costType", skip_serializing_if = "Option::is_none")]
    pub cost_type: Option<Id>,
    pub month: Month,
    /// What is counted (the volume's measure, `measure` in JSON): "vårddygn", "besök", "tågkm".
    #[serde(rename = "measure")]
    pub metric: String,
    pub budget: Weight,
    pub actual: Weight,
}
