//! The schema 1 document (`docs/schema-v1.md`) as plain serde types, one file per part: units,
//! rows of money and volume, measures, grants, goals, comments, thresholds. Every importer makes one, the
//! workspace keeps one, and the engines read it through the checked `dataset`. `keys.rs` says
//! which items of two documents are the same thing, `merge.rs` puts an import into the
//! workspace's document by those keys and takes it out again.
//!
//! Not here: reading JSON (the JSON importer, `import/json.rs`, checks the version first), the
//! checks of meaning (units exist, the tree holds), or any figure.

pub mod comments;
pub mod goals;
pub mod grants;
pub mod keys;
pub mod measures;
pub mod merge;
pub mod rows;
pub mod thresholds;
pub mod units;

use serde::{Deserialize, Serialize};

use crate::error::report::ImportSummary;

use self::merge::ListMerge;

pub use self::comments::{Comment, CommentKind};
pub use self::goals::{Direction, Fulfilment, Goal, Indicator};
pub use self::grants::{AllocationKey, Certainty, Grant, GrantKind, KeyBasis, KeyPart};
pub use self::measures::{
    EffectEntry, EffectForecast, PlanYear, Programme, Realised, Risk, SavingsMeasure, Stage,
};
pub use self::rows::{BudgetRow, CostType, ForecastRow, Kind, OneOffRow, OutcomeRow, VolumeRow};
pub use self::thresholds::{Threshold, ThresholdSet};
pub use self::units::{Level, Unit};

/// The only schema version this build reads and writes.
pub const SCHEMA_VERSION: u32 = 1;

/// A whole workspace as JSON: units, budget, outcome and forecasts.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    pub schema: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default)]
    pub units: Vec<Unit>,
    /// The second dimension (kostnadsslag or konto); rows may name one.
    #[serde(default, rename = "costTypes", skip_serializing_if = "Vec::is_empty")]
    pub cost_types: Vec<CostType>,
    #[serde(default)]
    pub budget: Vec<BudgetRow>,
    #[serde(default)]
    pub outcome: Vec<OutcomeRow>,
    #[serde(default)]
    pub forecasts: Vec<ForecastRow>,
    /// The measures register (åtgärdsregister), for effect tracking.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub measures: Vec<SavingsMeasure>,
    /// Programmes (åtgärdsprogram): targets over periods, met by measures.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub programmes: Vec<Programme>,
    /// The unit managers' entries of realised effect and forecasts, oldest first.
    #[serde(
        default,
        rename = "effectEntries",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub effect_entries: Vec<EffectEntry>,
    /// One-off items (engångsposter), taken out of the deviation to give the underlying one.
    #[serde(default, rename = "oneOffs", skip_serializing_if = "Vec::is_empty")]
    pub one_offs: Vec<OneOffRow>,
    /// Budget and actual volumes (visits, bed days, train km) for the volume and price split.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub volumes: Vec<VolumeRow>,
    /// Materiality thresholds (väsentlighetsgränser) kept with the data; options override them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thresholds: Option<ThresholdSet>,
    /// Goals (mål) with their indicators (mätetal).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub goals: Vec<Goal>,
    /// The grants register (statsbidrag).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub grants: Vec<Grant>,
    /// Explanations and actions (avvikelseförklaringar, åtgärder) per unit and month.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub comments: Vec<Comment>,
}

/// Declares the document's lists once: the field, its JSON name, its count in [`ImportSummary`]
/// and its item. Merging an import, taking it back and locating an error in it all walk this one
/// table, so a list added to [`Document`] cannot be forgotten in one of them.
macro_rules! lists {
    ($($field:ident $json:literal $count:ident $item:ty),* $(,)?) => {
        /// What [`Document::merge_lists`] did to each list (see `merge.rs`).
        #[derive(Clone, Debug, PartialEq)]
        pub struct Merged {
            $($field: ListMerge<$item>,)*
        }

        impl Document {
            /// How many of each list the document holds.
            pub fn counts(&self) -> ImportSummary {
                ImportSummary { $($count: self.$field.len()),* }
            }

            /// Puts every list of `other` into this document's, key by key (its name and
            /// thresholds are the caller's to take).
            pub fn merge_lists(&mut self, other: Document) -> Merged {
                Merged { $($field: ListMerge::merge(&mut self.$field, other.$field)),* }
            }

            /// What merging `incoming` would replace, per list, without merging.
            pub fn would_replace(&self, incoming: &Document) -> ImportSummary {
                ImportSummary { $($count: merge::would_replace(&self.$field, &incoming.$field)),* }
            }

            /// What merging this document (an import) would add where `replaced` of its items
            /// take the place of held ones ([`Document::would_replace`]): the rest, per list, as
            /// [`ListMerge::merge`] counts them. A preview says it without merging.
            pub fn would_add(&self, replaced: &ImportSummary) -> ImportSummary {
                ImportSummary { $($count: self.$field.len().saturating_sub(replaced.$count)),* }
            }

            /// Takes back [`Document::merge_lists`]: every list is as it was, item for item.
            pub fn unmerge_lists(&mut self, merged: Merged) {
                $(merged.$field.undo(&mut self.$field);)*
            }
        }

        impl Merged {
            /// A merge of nothing into any list (an edit that is not an import, such as a
            /// removed comment, undone like one).
            pub fn nothing() -> Merged {
                Merged { $($field: ListMerge::nothing()),* }
            }

            /// Items of the import whose key the document did not hold, per list.
            pub fn added(&self) -> ImportSummary {
                ImportSummary { $($count: self.$field.added),* }
            }

            /// Items of the import that took the place of what the document held for their key.
            pub fn replaced(&self) -> ImportSummary {
                ImportSummary { $($count: self.$field.replaced),* }
            }

            /// Where in the import the item at `at` of the list named `json` in JSON
            /// (`"oneOffs"`) of the merged `doc` came from; `None` when it was there before.
            pub fn source_of(&self, json: &str, at: usize, doc: &Document) -> Option<usize> {
                match json {
                    $($json => self.$field.source_of(at, doc.$field.len()),)*
                    _ => None,
                }
            }
        }
    };
}

lists! {
    units "units" units Unit,
    cost_types "costTypes" cost_types CostType,
    budget "budget" budget_rows BudgetRow,
    outcome "outcome" outcome_rows OutcomeRow,
    forecasts "forecasts" forecast_rows ForecastRow,
    measures "measures" measures SavingsMeasure,
    programmes "programmes" programmes Programme,
    effect_entries "effectEntries" effect_entries EffectEntry,
    one_offs "oneOffs" one_off_rows OneOffRow,
    volumes "volumes" volume_rows VolumeRow,
    goals "goals" goals Goal,
    grants "grants" grants Grant,
    comments "comments" comments Comment,
}
