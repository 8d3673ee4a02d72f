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
    check(Probe::deserialize(source()).map_err(|e| not_a_document(&e)))?;
    full(serde_path_to_error::deserialize(source()))
}

/// Reads a document from its JSON text, straight from the text with no tree of values in
/// between (the path a stored or exported workspace takes: a region's year is tens of
/// megabytes). Text that is not JSON is `E_JSON`; the rest as [`read`].
pub fn read_text(text: &str) -> Result<Document> {
    // The probe reads the whole text (skipping what it does not need); when it fails, the text
    // is either not JSON at all or JSON of another shape.
    check(serde_json::from_str::<Probe>(text).map_err(|e| {
        match serde_json::from_str::<serde::de::IgnoredAny>(text) {
            Err(syntax) => Error::Json {
                reason: syntax.to_string(),
            },
            Ok(_) => not_a_document(&e),
        }
    }))?;
    serde_json::from_str(text).map_err(|e| fault(crate::json_path::path_of(text, &e), &e))
}

fn not_a_document(e: &dyn fmt::Display) -> Error {
    Error::Schema {
        reason: format!("expected a JSON object with \"schema\": 1 ({e})"),
    }
}

/// The version check on the probe: missing or another version is refused before the shape.
fn check(probe: Result<Probe>) -> Result<()> {
    match probe?.schema {
        None => Err(Error::Schema {
            reason: "missing; expected 1".into(),
        }
        .at("schema")),
        Some(VersionTag(v)) if v != SCHEMA_VERSION.to_string() => {
            Err(Error::SchemaVersion { found: v }.at("schema"))
        }
        Some(_) => Ok(()),
    }
}

/// The document, or its first fault at the field's path: `E_PARSE_AMOUNT` or `E_PARSE_MONTH`
/// where an amount's or a month's own reader refused the value (as docs/errors.md says, and as
/// the same text in a table gives), else `E_SCHEMA`. serde hands over only the message, which
/// those readers write, so it is told apart by how they begin it.
fn full<E: fmt::Display>(
    read: std::result::Result<Document, serde_path_to_error::Error<E>>,
) -> Result<Document> {
    read.map_err(|e| {
        let field = e.path().to_string();
        fault((field != ".").then_some(field), e.inner())
    })
}

/// The fault `error` at `field` (none for the whole document).
fn fault(field: Option<String>, error: &dyn fmt::Display) -> Error {
    let reason = error.to_string();
    let inner = refused(&reason).unwrap_or(Error::Schema { reason });
    match field {
        Some(field) => inner.at(field),
        None => inner,
    }
}

/// The error an amount's or a month's reader gave, read back from its message (their `Error`'s
/// own: `cannot read the amount "x": why`, `cannot read the month "x": …`).
fn refused(message: &str) -> Option<Error> {
    let quoted = |rest: &str, end: &str| -> Option<(String, String)> {
        let (text, after) = rest.strip_prefix('"')?.split_once(end)?;
        Some((text.to_string(), after.to_string()))
    };
    if let Some(rest) = message.strip_prefix("cannot read the amount ") {
        let (text, reason) = quoted(rest, "\": ")?;
        return Some(Error::ParseAmount { text, reason });
    }
    let rest = message.strip_prefix("cannot read the month ")?;
    let (text, _) = quoted(rest, "\": ")?;
    Some(Error::ParseMonth { text })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    fn read_value(v: Value) -> Result<Document> {
        let from_value = read(|| &v);
        // The text path gives the same document, or the same code at the same field.
        let from_text = read_text(&v.to_string());
        match (&from_value, &from_text) {
            (Ok(a), Ok(b)) => assert_eq!(a, b),
            (Err(a), Err(b)) => {
                assert_eq!((a.code(), a.field()), (b.code(), b.field()), "{a} / {b}")
            }
            _ => panic!("{from_value:?} / {from_text:?}"),
        }
        from_value
    }

    #[test]
    fn text_that_is_not_json_is_its_own_error() {
        for text in [
            "not json",
            "{\"schema\": 1, \"units\": [",
            "{\"schema\": 1} x",
            "",
        ] {
            assert_eq!(read_text(text).unwrap_err().code(), "E_JSON", "{text}");
        }
        let e = read_text("7").unwrap_err();
        assert_eq!(e.code(), "E_SCHEMA");
        let e = read_text("{\"schema\": 2, \"units\": 7}").unwrap_err();
        assert_eq!((e.code(), e.field()), ("E_SCHEMA_VERSION", Some("schema")));
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
        // A month or an amount its own reader refuses has that reader's code, as in a table.
        assert_eq!(
            (e.code(), e.field()),
            ("E_PARSE_MONTH", Some("outcome[1].month"))
        );
        assert!(e.to_string().contains("2025-13"), "{e}");

        let e = read_value(json!({
            "schema": 1,
            "budget": [{ "unit": "R", "year": 2025, "annual": "12 apor" }]
        }))
        .unwrap_err();
        assert_eq!(
            (e.code(), e.field()),
            ("E_PARSE_AMOUNT", Some("budget[0].annual"))
        );

        // An amount finer than an öre is refused like any unreadable amount, at its field.
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
                ("E_PARSE_AMOUNT", Some("outcome[1].amount")),
                "{amount}"
            );
        }

        let e = read_value(json!({ "schema": 1, "outcomes": [] })).unwrap_err();
        assert_eq!(e.code(), "E_SCHEMA");
        assert!(e.to_string().contains("outcomes"), "{e}");
    }
}
