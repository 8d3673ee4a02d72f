//! The measures register (åtgärdsregister), programmes (åtgärdsprogram) and the unit managers'
//! log of entries, as schema 1 `measures[]`, `programmes[]` and `effectEntries[]` hold them.
//!
//! Effects are savings: a positive amount is a better result. Not here: their checks and
//! figures (see `effects`).

use serde::{Deserialize, Serialize};

use crate::calendar::Month;
use crate::num::money::Amount;
use crate::num::weight::Weight;

/// Where a measure stands (status).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Stage {
    /// Planerad: proposed, not yet decided.
    Planned,
    /// Beslutad: decided, not started.
    Decided,
    /// Pågående: running.
    Ongoing,
    /// Genomförd: carried out.
    Done,
    /// Avbruten: stopped; its history stays, its remaining plan is shortfall.
    Cancelled,
}

/// Risk level (risknivå), mapped to a probability by [`RiskMapping`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Risk {
    Low,
    Medium,
    High,
}

/// The plan of one year: an in-year effect (`effect`) or a full-year effect (helårseffekt,
/// `rate`), running from `start` (January when absent) through December.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanYear {
    pub year: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effect: Option<Amount>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate: Option<Amount>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<Month>,
}

/// A realised effect (realiserad effekt) as reported for a month.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Realised {
    pub month: Month,
    pub amount: Amount,
}

/// A forecast (prognos) of a year's effect, stamped with the month it was made.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EffectForecast {
    pub year: i32,
    pub made: Month,
    pub amount: Amount,
}

/// A measure (åtgärd) of the register.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SavingsMeasure {
    pub id: String,
    pub title: String,
    pub unit: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// Decision reference (beslut), e.g. "HSN 2024-02-14 § 12".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<String>,
    pub status: Stage,
    /// Återkommande (true) or engångs (false): a recurring measure with a full-year rate keeps
    /// running at that rate in later years that have no plan of their own.
    pub recurring: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub probability: Option<Weight>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub risk: Option<Risk>,
    #[serde(default)]
    pub plan: Vec<PlanYear>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub realised: Vec<Realised>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub forecasts: Vec<EffectForecast>,
}

/// A programme (åtgärdsprogram): a target over a period of years, and which measures count.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Programme {
    pub id: String,
    pub name: String,
    /// The effect the programme must bring over its whole period (mål).
    pub target: Amount,
    pub from: i32,
    pub to: i32,
    /// These measures; when absent, every measure in the subtrees of `units` (all units when
    /// absent) whose category is in `categories` (any when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measures: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub units: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub categories: Option<Vec<String>>,
}

/// One entry of the log.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum EffectEntry {
    /// Realiserad effekt for a month.
    Realised {
        measure: String,
        month: Month,
        amount: Amount,
        /// What the month held before; null when it had nothing.
        previous: Option<Amount>,
    },
    /// Prognos of a year's effect, made in a month.
    Forecast {
        measure: String,
        year: i32,
        made: Month,
        amount: Amount,
        previous: Option<Amount>,
    },
}
