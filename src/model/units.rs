//! The units of the organisation (nämnd, förvaltning, verksamhetsområde, verksamhet, enhet) as
//! schema 1 `units[]` holds them.
//!
//! Not here: the checked tree and roll-up over it (see `org`).

use serde::{Deserialize, Serialize};

/// The level of a unit in the tree, used for display and, later, for per-level thresholds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// The whole region (region).
    Region,
    /// Committee (nämnd).
    Committee,
    /// Administration (förvaltning).
    Administration,
    /// Area (verksamhetsområde).
    Area,
    /// Department (verksamhet, klinik).
    Department,
    /// Unit (enhet, kostnadsställe).
    Unit,
}

/// One unit as the caller describes it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Unit {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub parent: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<Level>,
}
