//! The workspace JSON document, schema 1 (`docs/schema-v1.md`): its shape and how it is read.
//!
//! Reading is two steps: serde checks the shape (any fault becomes `E_SCHEMA` with the field's
//! path), then [`crate::workspace`] checks the meaning (units exist, the tree holds). This module
//! is only the first step; it works with any serde deserializer, so the JavaScript edge hands it
//! a JS value and the native tests a `serde_json::Value`.

use std::fmt;

use rust_decimal::Decimal;
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize};

use crate::calendar::Month;
use crate::deviation::ThresholdSet;
use crate::effects::entries::Entry;
use crate::effects::measure::{Measure, Programme};
use crate::error::{Error, Result};
use crate::goals::Goal;
use crate::id::Id;
use crate::money::Amount;
use crate::org::Unit;
use crate::periodise::Rounding;

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
    pub measures: Vec<Measure>,
    /// Programmes (åtgärdsprogram): targets over periods, met by measures.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub programmes: Vec<Programme>,
    /// The unit managers' entries of realised effect and forecasts, oldest first.
    #[serde(
        default,
        rename = "effectEntries",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub effect_entries: Vec<Entry>,
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
    /// The grants register (statsbidrag); see [`crate::grants::register`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub grants: Vec<crate::grants::register::Grant>,
}

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
    /// What is counted: "vårddygn", "besök", "tågkm".
    pub measure: String,
    pub budget: Weight,
    pub actual: Weight,
}

/// A non-money weight (a seasonal key): a decimal string or a JSON number, kept exact.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Weight(pub Decimal);

impl Serialize for Weight {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(&self.0.normalize().to_string())
    }
}

impl<'de> Deserialize<'de> for Weight {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Weight, D::Error> {
        struct WeightVisitor;
        impl Visitor<'_> for WeightVisitor {
            type Value = Weight;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a weight as a number or a decimal string")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> std::result::Result<Weight, E> {
                v.trim()
                    .parse::<Decimal>()
                    .map(Weight)
                    .map_err(|_| E::custom(format!("cannot read the weight {v:?} as a number")))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> std::result::Result<Weight, E> {
                // Shortest round-trip text of the float, so 0.1 stays 0.1.
                self.visit_str(&v.to_string())
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> std::result::Result<Weight, E> {
                Ok(Weight(Decimal::from(v)))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> std::result::Result<Weight, E> {
                Ok(Weight(Decimal::from(v)))
            }
        }
        d.deserialize_any(WeightVisitor)
    }
}

/// Only the `schema` field, read first so a newer document gets a clear version error instead
/// of complaints about fields this build does not know.
#[derive(Deserialize)]
struct Probe {
    schema: Option<VersionTag>,
}

/// Whatever the `schema` field holds, as text.
struct VersionTag(String);

impl<'de> Deserialize<'de> for VersionTag {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<VersionTag, D::Error> {
        struct TagVisitor;
        impl Visitor<'_> for TagVisitor {
            type Value = VersionTag;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a schema version")
            }
            fn visit_u64<E>(self, v: u64) -> std::result::Result<VersionTag, E> {
                Ok(VersionTag(v.to_string()))
            }
            fn visit_i64<E>(self, v: i64) -> std::result::Result<VersionTag, E> {
                Ok(VersionTag(v.to_string()))
            }
            fn visit_f64<E>(self, v: f64) -> std::result::Result<VersionTag, E> {
                Ok(VersionTag(v.to_string()))
            }
            fn visit_str<E>(self, v: &str) -> std::result::Result<VersionTag, E> {
                Ok(VersionTag(format!("{v:?}")))
            }
            fn visit_bool<E>(self, v: bool) -> std::result::Result<VersionTag, E> {
                Ok(VersionTag(v.to_string()))
            }
        }
        d.deserialize_any(TagVisitor)
    }
}

/// Reads a document. `source` is called twice (once to check the version, once to read), so it
/// hands out a fresh deserializer over the same input each time.
pub fn read<'de, D, F>(source: F) -> Result<Document>
where
    D: Deserializer<'de>,
    F: Fn() -> D,
{
    let probe = Probe::deserialize(source()).map_err(|e| Error::Schema {
        reason: format!("expected a JSON object with \"schema\": 1 ({e})"),
    })?;
    match probe.schema {
        None => {
            return Err(Error::Schema {
                reason: "missing; expected 1".into(),
            }
            .at("schema"));
        }
        Some(VersionTag(v)) if v != SCHEMA_VERSION.to_string() => {
            return Err(Error::SchemaVersion { found: v }.at("schema"));
        }
        Some(_) => {}
    }
    serde_path_to_error::deserialize(source()).map_err(|e| {
        let field = e.path().to_string();
        let inner = Error::Schema {
            reason: e.into_inner().to_string(),
        };
        if field == "." {
            inner
        } else {
            inner.at(field)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    fn read_value(v: Value) -> Result<Document> {
        read(|| &v)
    }

    #[test]
    fn reads_a_minimal_document_and_writes_it_back() {
        let v = json!({
            "schema": 1,
            "units": [{ "id": "R", "name": "Region", "parent": null, "level": "region" }],
            "budget": [{ "unit": "R", "year": 2025, "annual": "-1 200,50", "method": "linear" }],
            "outcome": [{ "unit": "R", "month": "2025-01", "amount": -100.25 }],
            "forecasts": [{ "unit": "R", "year": 2025, "made": "2025-02", "amount": "-1300" }]
        });
        let doc = read_value(v).unwrap();
        assert_eq!(doc.budget[0].annual.unwrap().to_canonical(), "-1200.5");
        let back = serde_json::to_value(&doc).unwrap();
        assert_eq!(back["budget"][0]["annual"], json!("-1200.5"));
        assert_eq!(back["outcome"][0]["amount"], json!("-100.25"));
        assert_eq!(back["outcome"][0]["month"], json!("2025-01"));
        assert_eq!(read_value(back).unwrap(), doc);
    }

    #[test]
    fn a_missing_or_other_version_is_its_own_error() {
        let e = read_value(json!({ "units": [] })).unwrap_err();
        assert_eq!((e.code(), e.field()), ("E_SCHEMA", Some("schema")));
        let e = read_value(json!({ "schema": 2, "novelty": true })).unwrap_err();
        assert_eq!((e.code(), e.field()), ("E_SCHEMA_VERSION", Some("schema")));
        let e = read_value(json!({ "schema": "1" })).unwrap_err();
        assert_eq!(e.code(), "E_SCHEMA_VERSION");
        let e = read_value(json!([1, 2])).unwrap_err();
        assert_eq!(e.code(), "E_SCHEMA");
    }

    #[test]
    fn shape_errors_name_the_field_path() {
        let e = read_value(json!({
            "schema": 1,
            "outcome": [
                { "unit": "R", "month": "2025-01", "amount": "1" },
                { "unit": "R", "month": "2025-13", "amount": "1" }
            ]
        }))
        .unwrap_err();
        assert_eq!(
            (e.code(), e.field()),
            ("E_SCHEMA", Some("outcome[1].month"))
        );
        assert!(e.to_string().contains("2025-13"), "{e}");

        let e = read_value(json!({
            "schema": 1,
            "budget": [{ "unit": "R", "year": 2025, "annual": "12 apor" }]
        }))
        .unwrap_err();
        assert_eq!(e.field(), Some("budget[0].annual"));

        let e = read_value(json!({ "schema": 1, "outcomes": [] })).unwrap_err();
        assert_eq!(e.code(), "E_SCHEMA");
        assert!(e.to_string().contains("outcomes"), "{e}");
    }

    #[test]
    fn weights_take_numbers_and_strings_exactly() {
        assert!(serde_json::from_value::<Vec<Weight>>(json!(["0,5"])).is_err());
        let w: Vec<Weight> = serde_json::from_value(json!([0.1, "0.5", 3, " 2.25 "])).unwrap();
        let d: Vec<String> = w.iter().map(|w| w.0.to_string()).collect();
        assert_eq!(d, ["0.1", "0.5", "3", "2.25"]);
    }
}
