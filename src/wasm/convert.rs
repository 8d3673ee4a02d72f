//! Values across the edge, in one place: JavaScript inputs read into Rust values (options,
//! amounts, months, documents, bytes) and Rust values written back as plain JS objects (reports,
//! documents, summaries). Everything here returns the core's [`Error`]; the exported functions
//! turn it into a JS `Error` once, with `errors::js_error`.
//!
//! Values go out as JSON text written here and read by the engine's `JSON.parse`: building the
//! object property by property across the boundary was the slow part of a report (measured: the
//! 2,049-unit deviation report, README "Performance"). Options and documents come in through
//! `serde_wasm_bindgen`, which names the path of a field at fault.
//!
//! Not here: what makes an input valid (an amount's forms, a month's, an option's range), which
//! `money`, `calendar` and the engines' options decide; this finds the value, hands it over and
//! names the field it came from. Nor the `Error` → JS `Error` conversion (`errors.rs`).

use js_sys::{Reflect, JSON};
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::calendar::{Month, YEARS};
use crate::error::report::ImportReport;
use crate::error::Error;
use crate::import::json;
use crate::model::Document;
use crate::num::money::Amount;
use crate::periodise::{MethodKind, Periodised};

// ── Out: Rust values → JS ─────────────────────────────────────────────────────────────────────

/// Serializes a report or document to a plain JS object (JSON text, then `JSON.parse`).
pub(super) fn to_js<T: Serialize>(value: &T) -> Result<JsValue, Error> {
    let text = serde_json::to_string(value).map_err(|e| Error::Json {
        reason: e.to_string(),
    })?;
    parse_json(&text)
}

/// JSON text written here, read by the engine's `JSON.parse`.
pub(super) fn parse_json(text: &str) -> Result<JsValue, Error> {
    JSON::parse(text).map_err(|e| Error::Json { reason: message(e) })
}

/// The shape of every report method: read the options, run the engine, hand the report back.
pub(super) fn report<O: DeserializeOwned, R: Serialize>(
    options: JsValue,
    run: impl FnOnce(&O) -> Result<R, Error>,
) -> Result<JsValue, Error> {
    let options: O = self::options(options)?;
    to_js(&run(&options)?)
}

/// What `periodise` gives: the twelve parts and the method applied (`Periodised` in
/// `types/functions.d.ts`).
pub(super) fn periodised(done: &Periodised) -> Result<JsValue, Error> {
    #[derive(Serialize)]
    struct PeriodisedJs {
        months: Vec<Amount>,
        method: MethodKind,
    }
    to_js(&PeriodisedJs {
        months: done.months.to_vec(),
        method: done.method,
    })
}

/// What `readImport` gives: the report, and the document to pass to `importJson` (`ReadImport`
/// in `types/import.d.ts`).
pub(super) fn read_import(report: ImportReport, document: Document) -> Result<JsValue, Error> {
    #[derive(Serialize)]
    struct ReadImportJs {
        report: ImportReport,
        document: Document,
    }
    to_js(&ReadImportJs { report, document })
}

// ── In: JS → Rust values ──────────────────────────────────────────────────────────────────────

/// Reads options; a fault names the option's path.
pub(super) fn options<T: DeserializeOwned>(value: JsValue) -> Result<T, Error> {
    serde_path_to_error::deserialize(serde_wasm_bindgen::Deserializer::from(value)).map_err(|e| {
        let field = e.path().to_string();
        let err = Error::option(e.into_inner().to_string());
        if field == "." {
            err
        } else {
            err.at(field)
        }
    })
}

/// Options that may be left out: `undefined` or `null` means the defaults.
pub(super) fn options_or_default<T: DeserializeOwned + Default>(
    value: JsValue,
) -> Result<T, Error> {
    if value.is_undefined() || value.is_null() {
        Ok(T::default())
    } else {
        options(value)
    }
}

/// An amount given as a string or a number, read exactly.
pub(super) fn amount(value: JsValue) -> Result<Amount, Error> {
    match value.as_string() {
        Some(text) => Amount::parse(&text),
        None => serde_wasm_bindgen::from_value(value).map_err(|e| Error::ParseAmount {
            text: "(a number)".into(),
            reason: e.to_string(),
        }),
    }
}

/// A document given as JSON text, or as an object (made text by the engine's `JSON.stringify`).
/// Either way the core reads text, with serde_json: a stored region's year (76 MB) loads in a
/// quarter of the time it took through `JSON.parse` and the object, and the document's readers
/// are compiled once, for one deserializer.
pub(super) fn document(value: JsValue) -> Result<Document, Error> {
    match value.as_string() {
        Some(text) => json::read_text(&text),
        None => {
            let text = JSON::stringify(&value).map_err(|e| Error::Json { reason: message(e) })?;
            // `undefined`, a function or a symbol has no JSON text: read as `null`, no document.
            let text = text.as_string().unwrap_or_else(|| "null".into());
            json::read_text(&text)
        }
    }
}

/// `readImport`'s context: a document, or an empty one when left out; a fault is at `context`.
pub(super) fn context(value: JsValue) -> Result<Document, Error> {
    if value.is_undefined() || value.is_null() {
        Ok(Document::default())
    } else {
        document(value).map_err(|e| e.at("context"))
    }
}

/// The bytes of a file given as a `Uint8Array`, or of text given as a string (UTF-8).
pub(super) fn bytes(input: JsValue) -> Result<Vec<u8>, Error> {
    match input.as_string() {
        Some(text) => Ok(text.into_bytes()),
        None => Ok(input
            .dyn_into::<js_sys::Uint8Array>()
            .map_err(|_| Error::option("expected a Uint8Array or a string").at("input"))?
            .to_vec()),
    }
}

/// A property of an input object (undefined when it is missing or the input is no object).
pub(super) fn property(input: &JsValue, name: &str) -> JsValue {
    Reflect::get(input, &name.into()).unwrap_or(JsValue::UNDEFINED)
}

/// A non-empty text property, or `E_OPTION` at `name`.
pub(super) fn text_field(input: &JsValue, name: &str) -> Result<String, Error> {
    property(input, name)
        .as_string()
        .filter(|s| !s.is_empty())
        .ok_or_else(|| Error::option("expected a non-empty string").at(name))
}

/// A `YYYY-MM` property, or `E_PARSE_MONTH` at `name`.
pub(super) fn month_field(input: &JsValue, name: &str) -> Result<Month, Error> {
    let text = property(input, name).as_string().unwrap_or_default();
    Month::parse(&text).map_err(|e| e.at(name))
}

/// An amount property (a string or a number), a fault at `name`.
pub(super) fn amount_field(input: &JsValue, name: &str) -> Result<Amount, Error> {
    amount(property(input, name)).map_err(|e| e.at(name))
}

/// A whole year of [`YEARS`], or `E_OPTION` at `name`.
pub(super) fn year_field(input: &JsValue, name: &str) -> Result<i32, Error> {
    property(input, name)
        .as_f64()
        .filter(|y| y.fract() == 0.0 && YEARS.contains(&(*y as i32)))
        .map(|y| y as i32)
        .ok_or_else(|| Error::option("expected a year such as 2025").at(name))
}

/// The message of a thrown JS value.
pub(super) fn message(thrown: JsValue) -> String {
    match thrown.dyn_into::<js_sys::Error>() {
        Ok(err) => err.message().into(),
        Err(other) => format!("{other:?}"),
    }
}
