//! The measures register (åtgärdsregister), programmes (åtgärdsprogram) and the unit managers'
//! log of entries, as schema 1 `measures[]`, `programmes[]` and `effectEntries[]` hold them.
//!
//! Effects are savings: a positive amount is a better result. Not here: their checks and
//! figures (see `effects`).

use std::fmt;

use serde::de::{self, IgnoredAny, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};

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

/// One entry of the log. Read field by field (below), written with its `kind` tag.
#[derive(Clone, Debug, PartialEq, Serialize)]
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

/// An entry's `kind`.
#[derive(Deserialize)]
#[serde(rename_all = "lowercase")]
enum EntryKind {
    Realised,
    Forecast,
}

/// Reads an entry field by field, its `kind` anywhere, each value where it stands: serde's own
/// reading of a tagged enum takes the whole entry in before it checks it, and a fault inside
/// was then found past the entry, where `json_path` cannot tell it from the next entry's. Keys
/// of neither kind are ignored, as the tagged enum ignored them.
impl<'de> Deserialize<'de> for EffectEntry {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<EffectEntry, D::Error> {
        deserializer.deserialize_map(EntryVisitor)
    }
}

struct EntryVisitor;

impl<'de> Visitor<'de> for EntryVisitor {
    type Value = EffectEntry;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("internally tagged enum EffectEntry")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<EffectEntry, A::Error> {
        let mut kind = None;
        let (mut measure, mut amount, mut previous) = (None, None, None);
        let (mut month, mut made, mut year) = (None, None, None);
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "kind" => next(&mut map, &mut kind, "kind")?,
                "measure" => next(&mut map, &mut measure, "measure")?,
                "amount" => next(&mut map, &mut amount, "amount")?,
                "previous" => next(&mut map, &mut previous, "previous")?,
                "month" => next(&mut map, &mut month, "month")?,
                "made" => next(&mut map, &mut made, "made")?,
                "year" => next(&mut map, &mut year, "year")?,
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        let kind: EntryKind = kind.ok_or_else(|| de::Error::missing_field("kind"))?;
        let measure = measure.ok_or_else(|| de::Error::missing_field("measure"))?;
        // An absent `previous` is none, as for any `Option` field.
        let previous: Option<Amount> = previous.flatten();
        Ok(match kind {
            EntryKind::Realised => EffectEntry::Realised {
                measure,
                month: month.ok_or_else(|| de::Error::missing_field("month"))?,
                amount: amount.ok_or_else(|| de::Error::missing_field("amount"))?,
                previous,
            },
            EntryKind::Forecast => EffectEntry::Forecast {
                measure,
                year: year.ok_or_else(|| de::Error::missing_field("year"))?,
                made: made.ok_or_else(|| de::Error::missing_field("made"))?,
                amount: amount.ok_or_else(|| de::Error::missing_field("amount"))?,
                previous,
            },
        })
    }
}

/// Reads the value of the key just read into `slot`; a key given twice is an error.
fn next<'de, A: MapAccess<'de>, T: Deserialize<'de>>(
    map: &mut A,
    slot: &mut Option<T>,
    name: &'static str,
) -> Result<(), A::Error> {
    if slot.is_some() {
        return Err(de::Error::duplicate_field(name));
    }
    *slot = Some(map.next_value()?);
    Ok(())
}
