//! Goals (mål) and their indicators (mätetal) as schema 1 `goals[]` holds them: targets and
//! outcomes are counts, not money.
//!
//! Not here: fulfilment and the report (see `goals`).

use serde::{Deserialize, Serialize};

use crate::num::weight::Weight;

/// A goal (mål) with its indicators.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Goal {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub indicators: Vec<Indicator>,
}

/// Which way an indicator is better.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// Higher is better (share of patients treated in time).
    #[default]
    Higher,
    /// Lower is better (waiting days, sick leave).
    Lower,
}

/// How far an indicator's target is reached (måluppfyllelse).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Fulfilment {
    Met,
    Partly,
    NotMet,
    NotReported,
}

/// An indicator (mätetal): a target and, once reported, an outcome; counts, not money.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Indicator {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<Weight>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<Weight>,
    #[serde(default)]
    pub direction: Direction,
    /// From here (inclusive) to the target the indicator is partly met; without it an indicator
    /// is met or not met.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partly: Option<Weight>,
    /// A judgement someone made (for indicators without numbers); it overrides the numbers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assessed: Option<Fulfilment>,
    /// The unit whose budget rows the indicator is tied to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// Narrows the tie to one cost type of the unit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost_type: Option<String>,
}
