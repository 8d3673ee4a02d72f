//! Explanations and actions (avvikelseförklaringar, åtgärder) as schema 1 `comments[]` holds
//! them: written per unit and month, optionally per cost type, by a unit manager or the
//! controller, and shown beside the figures they explain (DOMAIN.md, "Explanations and the
//! committee paper").
//!
//! Not here: which deviations need one (the deviation report's `missingExplanations`), or the
//! check that the unit and cost type exist (`dataset`).

use serde::{Deserialize, Serialize};

use crate::calendar::Month;
use crate::id::Id;

/// What a comment is: an explanation of a deviation, or an action taken against it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CommentKind {
    /// Förklaring: why the figures are what they are.
    Explanation,
    /// Åtgärd: what will be done, by whom (`owner`) and by when (`due`).
    Action,
}

/// One explanation or action for a unit's figures of a month.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Comment {
    pub unit: Id,
    /// The month whose report the comment belongs to.
    pub month: Month,
    #[serde(default, rename = "costType", skip_serializing_if = "Option::is_none")]
    pub cost_type: Option<Id>,
    pub kind: CommentKind,
    pub text: String,
    /// Who wrote it (a name, as the writer gives it).
    #[serde(default)]
    pub author: String,
    /// The day it was written, `YYYY-MM-DD`.
    #[serde(default)]
    pub written: String,
    /// For an action: the month it is to be done by.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<Month>,
    /// For an action: who answers for it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
}

impl Comment {
    /// Whether the comment explains the row of `unit` and `cost_type` (`None`: the unit's whole
    /// result) for `month`.
    pub fn is_for(&self, unit: &str, cost_type: Option<&str>, month: Month) -> bool {
        *self.unit == *unit && self.cost_type.as_deref() == cost_type && self.month == month
    }
}
