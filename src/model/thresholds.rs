//! Materiality thresholds (väsentlighetsgränser) per tree level, as schema 1 `thresholds` holds
//! them.
//!
//! Not here: their check, the built-in set and the statuses they give (see
//! `deviation::materiality`).

use serde::{Deserialize, Serialize};

use crate::num::money::Amount;
use crate::num::weight::Weight;

/// One pair of thresholds: a deviation passes them when `|deviation| > absolute` and
/// `|deviation| / |budget| > percent / 100`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Threshold {
    /// Kronor, e.g. "5000000" or "5 mnkr".
    pub absolute: Amount,
    /// Percent of the budget's magnitude, e.g. 2 or "1.5".
    pub percent: Weight,
}

/// Thresholds per tree level; `default` covers every level not named and units without a level.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ThresholdSet {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<Threshold>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub committee: Option<Threshold>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub administration: Option<Threshold>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area: Option<Threshold>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<Threshold>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<Threshold>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<Threshold>,
}
