//! The workspace JSON document, schema 1 (`docs/schema-v1.md`): its shape and how it is read.
//!
//! Reading is two steps: serde checks the shape (any fault becomes `E_SCHEMA` with the field's
//! path), then [`crate::dataset`] checks the meaning (units exist, the tree holds). This module
//! is only the first step; it works with any serde deserializer, so the JavaScript edge hands it
//! a JS value and the native tests a `serde_json::Value`.

use std::fmt;

use serde::de::{Deserializer, Visitor};
use serde::Deserialize;

use crate::error::{Error, Result};
use crate::model::{Document, SCHEMA_VERSION};

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

        // An amount finer than an öre is a shape fault like any unreadable amount, at its field.
        for amount in [json!("1.005"), json!(1.005), json!("-1000,005")] {
            let e = read_value(json!({
                "schema": 1,
                "outcome": [
                    { "unit": "R", "month": "2025-01", "amount": "1.50" },
                    { "unit": "R", "month": "2025-01", "amount": amount }
                ]
            }))
            .unwrap_err();
            assert_eq!(
                (e.code(), e.field()),
                ("E_SCHEMA", Some("outcome[1].amount")),
                "{amount}"
            );
        }

        let e = read_value(json!({ "schema": 1, "outcomes": [] })).unwrap_err();
        assert_eq!(e.code(), "E_SCHEMA");
        assert!(e.to_string().contains("outcomes"), "{e}");
    }
}
