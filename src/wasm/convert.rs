//! Values across the edge, in one place: JavaScript inputs read into Rust values (options,
//! amounts, months, documents, bytes) and Rust values written back as plain JS objects (reports,
//! documents, summaries). Everything here returns the core's [`Error`]; the exported functions
//! turn it into a JS `Error` once, with `errors::js_error`.
//!
//! Values go out as JSON text written here and read by the engine's `JSON.parse`: building the
//! object property by property across the boundary was the slow part of a report (measured: the
//! 2,049-unit deviation report, README "Performance").
//!
//! Values come in the same way, as JSON text made by the engine's own `JSON.stringify` through a
//! catching import, then read by serde_json (a fault named at its field by `json_path`, from
//! where in the text serde_json stopped). So nothing a page passes can throw or recurse inside
//! WebAssembly: a getter that throws, a cycle or nesting too deep for JavaScript's stack comes
//! back here as an error, and serde_json stops at 128 levels of nesting. (An exception that
//! unwound through WebAssembly would leave the workspace borrowed and its stack pointer where it
//! was; a few hundred such calls broke the module for good.) `JSON.stringify` leaves out
//! `undefined` properties: they read as absent.
//! Text and bytes are checked for their type here too, never by the generated glue, which reads
//! a number passed as text out of bounds.
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
use crate::import::context::Context;
use crate::import::json;
use crate::json_path;
use crate::model::{Document, Unit};
use crate::num::money::Amount;
use crate::periodise::{MethodKind, Periodised};

use super::memory;

// ── Out: Rust values → JS ─────────────────────────────────────────────────────────────────────

/// Serializes a report or document to a plain JS object (JSON text, then `JSON.parse`).
pub(super) fn to_js<T: Serialize>(value: &T) -> Result<JsValue, Error> {
    parse_json(&to_text(value)?)
}

/// A value as JSON text, for JavaScript to keep or pass on as a string (`toJSONText`, `save`,
/// `readImport`'s document).
pub(super) fn to_text<T: Serialize>(value: &T) -> Result<String, Error> {
    serde_json::to_string(value).map_err(|e| Error::Json {
        reason: e.to_string(),
    })
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

/// What `readImport` gives (`ReadImport` in `types/import.d.ts`): the report, the units the
/// document would add (what a preview lists), and the document as JSON text for `importJson`. As
/// text a region's year crosses to the page and back as one string: as objects it was a million
/// of them, parsed, cloned to the page and made text again (the panel took 9.6 s from a 1M-row
/// CSV chosen to added in Chromium; with the text 3.2 s, README "Importing files").
pub(super) fn read_import(report: &ImportReport, document: &Document) -> Result<JsValue, Error> {
    #[derive(Serialize)]
    struct ReadImportJs<'a> {
        report: &'a ImportReport,
        units: &'a [Unit],
    }
    let out = to_js(&ReadImportJs {
        report,
        units: &document.units,
    })?;
    let text = to_text(document)?;
    Reflect::set(&out, &"document".into(), &JsValue::from_str(&text))
        .map_err(|e| Error::Json { reason: message(e) })?;
    Ok(out)
}

// ── In: JS → Rust values ──────────────────────────────────────────────────────────────────────

/// `value` as JSON text, or `None` for `undefined` (and a function or a symbol), which have
/// none. What `JSON.stringify` throws (a getter, a cycle, a BigInt, a stack too deep) is `make`'s
/// error, with its message.
fn json_text(value: &JsValue, make: impl Fn(String) -> Error) -> Result<Option<String>, Error> {
    let text = JSON::stringify(value).map_err(|thrown| make(message(thrown)))?;
    Ok(text.as_string())
}

/// Reads `T` from JSON text; a fault is `make`'s error at the path where serde_json found it
/// (`json_path`, from the error's place in the text).
fn from_text<T: DeserializeOwned>(text: &str, make: impl Fn(String) -> Error) -> Result<T, Error> {
    serde_json::from_str(text).map_err(|e| {
        let field = json_path::path_of(text, &e);
        // serde_json's message ends with the place in the text, which the caller never wrote.
        let reason = e.to_string();
        let reason = reason
            .rsplit_once(" at line ")
            .map_or(reason.as_str(), |(r, _)| r);
        let err = make(reason.to_string());
        match field {
            Some(field) => err.at(field),
            None => err,
        }
    })
}

/// Reads options; a fault names the option's path. `undefined` reads as `null`.
pub(super) fn options<T: DeserializeOwned>(value: JsValue) -> Result<T, Error> {
    let text = json_text(&value, Error::option)?;
    from_text(text.as_deref().unwrap_or("null"), Error::option)
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

/// An amount given as a string or a number, read exactly; anything else is `E_OPTION` at `name`.
pub(super) fn amount(value: JsValue, name: &str) -> Result<Amount, Error> {
    if let Some(text) = value.as_string() {
        return Amount::parse(&text);
    }
    if value.as_f64().is_none() {
        return Err(Error::option("expected an amount as a string or a number").at(name));
    }
    let text = json_text(&value, Error::option)?.unwrap_or_default();
    from_text(&text, |reason| Error::ParseAmount {
        text: text.clone(),
        reason,
    })
}

/// A string argument, or `E_OPTION` at `name`.
pub(super) fn text(value: JsValue, name: &str) -> Result<String, Error> {
    value
        .as_string()
        .ok_or_else(|| Error::option("expected a string").at(name))
}

/// A document given as JSON text, or as an object (made text by the engine's `JSON.stringify`).
/// Either way the core reads text, with serde_json: a stored region's year (76 MB) loads in a
/// quarter of the time it took through `JSON.parse` and the object, and the document's readers
/// are compiled once, for one deserializer.
pub(super) fn document(value: JsValue) -> Result<Document, Error> {
    match value.as_string() {
        Some(text) => json::read_text(&text),
        None => {
            let text = json_text(&value, |reason| Error::Json { reason })?;
            // `undefined`, a function or a symbol has no JSON text: read as `null`, no document.
            json::read_text(text.as_deref().unwrap_or("null"))
        }
    }
}

/// `readImport`'s context: the bytes of `importContext()`, a document (text or object), or an
/// empty workspace when left out; a fault is at `context`.
pub(super) fn context(value: JsValue) -> Result<Context, Error> {
    if value.is_undefined() || value.is_null() {
        Ok(Context::default())
    } else if let Some(array) = value.dyn_ref::<js_sys::Uint8Array>() {
        Context::from_bytes(&array.to_vec()).map_err(|e| e.at("context"))
    } else {
        document(value)
            .map(|doc| Context::of(&doc))
            .map_err(|e| e.at("context"))
    }
}

/// The bytes of a file given as a `Uint8Array` or an `ArrayBuffer`, or of text given as a string
/// (UTF-8); anything else is `E_OPTION` at `name`.
pub(super) fn bytes(input: JsValue, name: &str) -> Result<Vec<u8>, Error> {
    if let Some(text) = input.as_string() {
        return Ok(text.into_bytes());
    }
    if let Some(array) = input.dyn_ref::<js_sys::Uint8Array>() {
        memory::reserve_for_input(array.length() as usize);
        return Ok(array.to_vec());
    }
    match input.dyn_ref::<js_sys::ArrayBuffer>() {
        Some(buffer) => {
            memory::reserve_for_input(buffer.byte_length() as usize);
            Ok(js_sys::Uint8Array::new(buffer).to_vec())
        }
        None => Err(Error::option("expected a Uint8Array, an ArrayBuffer or a string").at(name)),
    }
}

/// A property of an input object (undefined when it is missing, the input is no object, or
/// reading it throws).
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
    amount(property(input, name), name).map_err(|e| match e.field() {
        Some(_) => e,
        None => e.at(name),
    })
}

/// A whole year of [`YEARS`], or `E_OPTION` at `name`.
pub(super) fn year_field(input: &JsValue, name: &str) -> Result<i32, Error> {
    property(input, name)
        .as_f64()
        .filter(|y| y.fract() == 0.0 && YEARS.contains(&(*y as i32)))
        .map(|y| y as i32)
        .ok_or_else(|| Error::option("expected a year such as 2025").at(name))
}

/// The message of a thrown JS value, read without running anything that could throw again (a
/// getter of `message` that throws gives the fixed text).
pub(super) fn message(thrown: JsValue) -> String {
    let text = match thrown.as_string() {
        Some(text) => Some(text),
        None => Reflect::get(&thrown, &"message".into())
            .ok()
            .and_then(|m| m.as_string()),
    };
    text.unwrap_or_else(|| "a value that is not an Error was thrown".into())
}
