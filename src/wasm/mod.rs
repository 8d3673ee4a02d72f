//! The JavaScript edge: the only module that knows `wasm_bindgen`, `js_sys`, `gloo` and
//! `serde_wasm_bindgen`. It converts values and errors; it computes nothing.
//!
//! Amounts cross as decimal strings, options and reports as plain JSON-compatible objects
//! (objects, not `Map`s; `null`, not `undefined`), errors as real `Error`s with a `code`.

use gloo::storage::{LocalStorage, Storage};
use js_sys::{Reflect, JSON};
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::bridge::BridgeOptions;
use crate::budget::{self, PeriodiseOptions};
use crate::calendar::Month;
use crate::deviation::accuracy::AccuracyOptions;
use crate::deviation::DeviationOptions;
use crate::effects::EffectsOptions;
use crate::error::Error;
use crate::frame::Share;
use crate::goals::GoalsOptions;
use crate::import::{self, json};
use crate::money::{Amount, DisplayUnit};
use crate::workspace;

// The hand-written TypeScript, one declaration per type.
mod types;

/// Turns a core error into a JS `Error` with `code` and, where known, `field`.
fn js_error(err: Error) -> JsValue {
    let js = js_sys::Error::new(&err.to_string());
    js.set_name("BalansError");
    // Setting a property on a fresh Error object cannot fail.
    let _ = Reflect::set(&js, &"code".into(), &err.code().into());
    if let Some(field) = err.field() {
        let _ = Reflect::set(&js, &"field".into(), &field.into());
    }
    if let Some(report) = err.report() {
        if let Some(first) = report.first_error() {
            for (key, value) in [("line", first.at.line), ("column", first.at.column)] {
                if let Some(n) = value {
                    let _ = Reflect::set(&js, &key.into(), &(n as f64).into());
                }
            }
        }
        if let Ok(value) = to_js(report) {
            let _ = Reflect::set(&js, &"report".into(), &value);
        }
    }
    js.into()
}

/// Serializes a report or document to a plain JS object: JSON text written here and read by the
/// engine's `JSON.parse`. Building the object property by property across the boundary was the
/// slow part of a report (measured: the 2,049-unit deviation report, see README's Performance).
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    let text = serde_json::to_string(value).map_err(|e| {
        js_error(Error::Json {
            reason: e.to_string(),
        })
    })?;
    parse_json(&text)
}

/// JSON text written here, read by the engine's `JSON.parse`.
fn parse_json(text: &str) -> Result<JsValue, JsValue> {
    JSON::parse(text).map_err(|e| js_error(Error::Json { reason: message(e) }))
}

/// The shape of every report method: read the options, run the engine, hand the report back.
fn report<O: DeserializeOwned, R: Serialize>(
    options: JsValue,
    run: impl FnOnce(&O) -> Result<R, Error>,
) -> Result<JsValue, JsValue> {
    let options: O = self::options(options).map_err(js_error)?;
    to_js(&run(&options).map_err(js_error)?)
}

/// Reads options; a fault names the option's path.
fn options<T: DeserializeOwned>(value: JsValue) -> Result<T, Error> {
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

/// An amount given as a string or a number, read exactly.
fn amount(value: JsValue) -> Result<Amount, Error> {
    match value.as_string() {
        Some(text) => Amount::parse(&text),
        None => serde_wasm_bindgen::from_value(value).map_err(|e| Error::ParseAmount {
            text: "(a number)".into(),
            reason: e.to_string(),
        }),
    }
}

/// A document given as an object, or as JSON text.
fn document(value: JsValue) -> Result<json::Document, Error> {
    let value = match value.as_string() {
        Some(text) => JSON::parse(&text).map_err(|e| Error::Json { reason: message(e) })?,
        None => value,
    };
    json::read(|| serde_wasm_bindgen::Deserializer::from(value.clone()))
}

/// The message of a thrown JS value.
fn message(thrown: JsValue) -> String {
    match thrown.dyn_into::<js_sys::Error>() {
        Ok(err) => err.message().into(),
        Err(other) => format!("{other:?}"),
    }
}

/// Budget, outcome and forecasts held in WebAssembly memory; reports are computed on request.
#[wasm_bindgen]
pub struct Workspace {
    inner: workspace::Workspace,
}

#[wasm_bindgen]
impl Workspace {
    /// An empty workspace.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Workspace {
        Workspace {
            inner: workspace::Workspace::new(),
        }
    }

    /// Adds a schema 1 document (an object or JSON text). A document that fails validation
    /// changes nothing; the error's `field` names where it failed.
    #[wasm_bindgen(js_name = importJson, unchecked_return_type = "ImportSummary")]
    pub fn import_json(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "WorkspaceDocument | string")] doc: JsValue,
    ) -> Result<JsValue, JsValue> {
        let summary = document(doc)
            .and_then(|d| self.inner.import(d))
            .map_err(js_error)?;
        to_js(&summary)
    }

    /// Adds a CSV file (bytes); returns the import report. A rejected file changes nothing and
    /// throws an error with the report.
    #[wasm_bindgen(js_name = importCsv, unchecked_return_type = "ImportReport")]
    pub fn import_csv(
        &mut self,
        bytes: Vec<u8>,
        #[wasm_bindgen(unchecked_param_type = "ImportOptions")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        self.import_file(import::Format::Csv, bytes.into(), options)
    }

    /// Adds a range copied from Excel (tab-separated text); returns the import report.
    #[wasm_bindgen(js_name = importPaste, unchecked_return_type = "ImportReport")]
    pub fn import_paste(
        &mut self,
        text: &str,
        #[wasm_bindgen(unchecked_param_type = "ImportOptions")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        self.import_file(import::Format::Paste, text.as_bytes().into(), options)
    }

    /// Adds a SIE 4 file (bytes); returns the import report.
    #[wasm_bindgen(js_name = importSie, unchecked_return_type = "ImportReport")]
    pub fn import_sie(
        &mut self,
        bytes: Vec<u8>,
        #[wasm_bindgen(unchecked_param_type = "ImportOptions")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        self.import_file(import::Format::Sie, bytes.into(), options)
    }

    /// Everything imported so far, as one schema 1 document (so `JSON.stringify(ws)` saves it).
    #[wasm_bindgen(js_name = toJSON, unchecked_return_type = "WorkspaceDocument")]
    pub fn to_json(&self) -> Result<JsValue, JsValue> {
        to_js(self.inner.document())
    }

    /// A new workspace holding `doc`.
    #[wasm_bindgen(js_name = fromJSON)]
    pub fn from_json(
        #[wasm_bindgen(unchecked_param_type = "WorkspaceDocument | string")] doc: JsValue,
    ) -> Result<Workspace, JsValue> {
        let mut ws = Workspace::new();
        ws.import_json(doc)?;
        Ok(ws)
    }

    /// The deviation report (avvikelserapport) as of a month.
    #[wasm_bindgen(unchecked_return_type = "DeviationReport")]
    pub fn deviation(
        &self,
        #[wasm_bindgen(unchecked_param_type = "DeviationOptions")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        // Written by hand (deviation::fields): the one report a view asks for on every change.
        let options: DeviationOptions = self::options(options).map_err(js_error)?;
        let text = self
            .inner
            .deviation(&options)
            .and_then(|r| r.to_json(options.fields.as_deref()))
            .map_err(js_error)?;
        parse_json(&text)
    }

    /// The result bridge (resultatbrygga) of a unit, budget result to forecast result.
    #[wasm_bindgen(unchecked_return_type = "BridgeReport")]
    pub fn bridge(
        &self,
        #[wasm_bindgen(unchecked_param_type = "BridgeOptions")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        report(options, |o: &BridgeOptions| self.inner.bridge(o))
    }

    /// The effects report (effektuppföljning) as of a month.
    #[wasm_bindgen(unchecked_return_type = "EffectsReport")]
    pub fn effects(
        &self,
        #[wasm_bindgen(unchecked_param_type = "EffectsOptions")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        report(options, |o: &EffectsOptions| self.inner.effects(o))
    }

    /// Records a measure's realised effect for a month, replacing what the month held.
    #[wasm_bindgen(js_name = recordRealised, unchecked_return_type = "EffectEntry")]
    pub fn record_realised(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "RealisedInput")] input: JsValue,
    ) -> Result<JsValue, JsValue> {
        let entry = (|| {
            let measure = text_field(&input, "measure")?;
            let month = month_field(&input, "month")?;
            let amount = amount(property(&input, "amount")).map_err(|e| e.at("amount"))?;
            self.inner.record_realised(&measure, month, amount)
        })()
        .map_err(js_error)?;
        to_js(&entry)
    }

    /// Records a new forecast of a measure's effect for a year.
    #[wasm_bindgen(js_name = recordForecast, unchecked_return_type = "EffectEntry")]
    pub fn record_forecast(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "ForecastInput")] input: JsValue,
    ) -> Result<JsValue, JsValue> {
        let entry = (|| {
            let measure = text_field(&input, "measure")?;
            let year = property(&input, "year")
                .as_f64()
                .filter(|y| y.fract() == 0.0 && (1900.0..=2199.0).contains(y))
                .ok_or_else(|| Error::option("expected a year such as 2025").at("year"))?;
            let made = month_field(&input, "made")?;
            let amount = amount(property(&input, "amount")).map_err(|e| e.at("amount"))?;
            self.inner
                .record_forecast(&measure, year as i32, made, amount)
        })()
        .map_err(js_error)?;
        to_js(&entry)
    }

    /// Undoes the last entry and returns it; null when there is none.
    #[wasm_bindgen(js_name = undoEntry, unchecked_return_type = "EffectEntry | null")]
    pub fn undo_entry(&mut self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.undo_entry().map_err(js_error)?)
    }

    /// The entries log, oldest first (JSON export for the controller).
    #[wasm_bindgen(js_name = effectEntries, unchecked_return_type = "EffectEntry[]")]
    pub fn effect_entries(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.document().effect_entries)
    }

    /// The entries log as CSV for Excel in Sweden: UTF-8 with BOM, semicolons, decimal comma.
    #[wasm_bindgen(js_name = exportEntriesCsv)]
    pub fn export_entries_csv(&self) -> String {
        self.inner.entries_csv()
    }

    /// Adds a measures register pasted from Excel (tab separated) or read from CSV, with
    /// Swedish column names (docs/schema-v1.md). A table that fails changes nothing.
    #[wasm_bindgen(js_name = importMeasures, unchecked_return_type = "ImportSummary")]
    pub fn import_measures(&mut self, table: &str) -> Result<JsValue, JsValue> {
        to_js(&self.inner.import_measures(table).map_err(js_error)?)
    }

    /// Goals and indicators: fulfilment, counts per goal and in total, deviations beside them.
    #[wasm_bindgen(unchecked_return_type = "GoalsReport")]
    pub fn goals(
        &self,
        #[wasm_bindgen(unchecked_param_type = "GoalsOptions | undefined")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        let options: GoalsOptions = if options.is_undefined() || options.is_null() {
            GoalsOptions::default()
        } else {
            self::options(options).map_err(js_error)?
        };
        to_js(&self.inner.goals(&options).map_err(js_error)?)
    }

    /// Adds goals pasted from a spreadsheet (tab separated, a header row naming the columns).
    #[wasm_bindgen(js_name = importGoals, unchecked_return_type = "ImportSummary")]
    pub fn import_goals(&mut self, text: &str) -> Result<JsValue, JsValue> {
        let summary = self.inner.import_goals_paste(text).map_err(js_error)?;
        to_js(&summary)
    }

    /// Forecast accuracy (prognossäkerhet) of a year against its outcome.
    #[wasm_bindgen(unchecked_return_type = "AccuracyReport")]
    pub fn accuracy(
        &self,
        #[wasm_bindgen(unchecked_param_type = "AccuracyOptions")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        report(options, |o: &AccuracyOptions| self.inner.accuracy(o))
    }

    /// Keeps the workspace in the browser's `localStorage` under `key`.
    pub fn save(&self, key: &str) -> Result<(), JsValue> {
        let text = JSON::stringify(&self.to_json()?)
            .map_err(|e| js_error(Error::Json { reason: message(e) }))?;
        check_storage()?;
        LocalStorage::raw()
            .set_item(key, &String::from(text))
            .map_err(|e| js_error(Error::Storage { reason: message(e) }))
    }

    /// The workspace saved under `key` with [`Workspace::save`].
    pub fn load(key: &str) -> Result<Workspace, JsValue> {
        check_storage()?;
        let text = LocalStorage::raw()
            .get_item(key)
            .map_err(|e| js_error(Error::Storage { reason: message(e) }))?
            .ok_or_else(|| {
                js_error(Error::Storage {
                    reason: format!("nothing saved under {key:?}"),
                })
            })?;
        Workspace::from_json(text.into())
    }
}

impl Workspace {
    fn import_file(
        &mut self,
        format: import::Format,
        input: std::borrow::Cow<'_, [u8]>,
        options: JsValue,
    ) -> Result<JsValue, JsValue> {
        let options = import_options(options).map_err(js_error)?;
        let report = import::import(&mut self.inner, format, input, &options).map_err(js_error)?;
        to_js(&report)
    }
}

impl Default for Workspace {
    fn default() -> Workspace {
        Workspace::new()
    }
}

/// Import options; absent means the defaults.
fn import_options(value: JsValue) -> Result<import::ImportOptions, Error> {
    if value.is_undefined() || value.is_null() {
        Ok(import::ImportOptions::default())
    } else {
        options(value)
    }
}

#[derive(Serialize)]
struct ReadImportJs {
    report: import::report::ImportReport,
    document: json::Document,
}

/// Reads a file or pasted text without adding it (see the TypeScript doc of `readImport`).
#[wasm_bindgen(js_name = readImport, skip_typescript)]
pub fn read_import(
    format: &str,
    input: JsValue,
    options: JsValue,
    context: JsValue,
) -> Result<JsValue, JsValue> {
    let format = import::Format::parse(format).map_err(|e| js_error(e.at("format")))?;
    let bytes = match input.as_string() {
        Some(text) => text.into_bytes(),
        None => input
            .dyn_into::<js_sys::Uint8Array>()
            .map_err(|_| js_error(Error::option("expected a Uint8Array or a string").at("input")))?
            .to_vec(),
    };
    let options = import_options(options).map_err(js_error)?;
    let existing = if context.is_undefined() || context.is_null() {
        json::Document::default()
    } else {
        document(context).map_err(|e| js_error(e.at("context")))?
    };
    let (document, report) =
        import::read(format, bytes.into(), &options, &existing).map_err(js_error)?;
    to_js(&ReadImportJs { report, document })
}

/// `E_STORAGE` where there is no `localStorage` (Node, a worker, a locked-down page), checked
/// before gloo is asked for it, as gloo would throw a bare message instead.
fn check_storage() -> Result<(), JsValue> {
    match Reflect::has(&js_sys::global(), &"localStorage".into()) {
        Ok(true) => Ok(()),
        _ => Err(js_error(Error::Storage {
            reason: "localStorage is not available here".into(),
        })),
    }
}

/// A property of an input object (undefined when it is missing or the input is no object).
fn property(input: &JsValue, name: &str) -> JsValue {
    Reflect::get(input, &name.into()).unwrap_or(JsValue::UNDEFINED)
}

/// A non-empty text property, or `E_OPTION` at `name`.
fn text_field(input: &JsValue, name: &str) -> Result<String, Error> {
    property(input, name)
        .as_string()
        .filter(|s| !s.is_empty())
        .ok_or_else(|| Error::option("expected a non-empty string").at(name))
}

/// A `YYYY-MM` property, or `E_PARSE_MONTH` at `name`.
fn month_field(input: &JsValue, name: &str) -> Result<Month, Error> {
    let text = property(input, name).as_string().unwrap_or_default();
    Month::parse(&text).map_err(|e| e.at(name))
}

/// Reads sv-SE or plain text as an exact amount and returns it as a canonical decimal string.
#[wasm_bindgen(js_name = parseAmount, skip_typescript)]
pub fn parse_amount(text: &str) -> Result<String, JsValue> {
    Amount::parse(text)
        .map(Amount::to_canonical)
        .map_err(js_error)
}

#[derive(serde::Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct FormatOptions {
    #[serde(default)]
    unit: Option<String>,
    #[serde(default)]
    decimals: Option<u32>,
    #[serde(default)]
    suffix: bool,
    #[serde(default)]
    plain: bool,
}

/// Formats an amount in sv-SE with a display unit and decimals, rounded half away from zero.
#[wasm_bindgen(js_name = formatAmount, skip_typescript)]
pub fn format_amount(value: JsValue, options: JsValue) -> Result<String, JsValue> {
    let amount = amount(value).map_err(js_error)?;
    let opts: FormatOptions = if options.is_undefined() || options.is_null() {
        FormatOptions::default()
    } else {
        self::options(options).map_err(js_error)?
    };
    let unit = match opts.unit.as_deref() {
        Some(u) => DisplayUnit::parse(u).map_err(|e| js_error(e.at("unit")))?,
        None => DisplayUnit::Kr,
    };
    let decimals = opts.decimals.unwrap_or(0);
    if decimals > 6 {
        return Err(js_error(Error::option("at most 6 decimals").at("decimals")));
    }
    let mut text = amount.format(unit, decimals);
    if opts.plain {
        text = text.replace('\u{a0}', "").replace('\u{2212}', "-");
    }
    Ok(if opts.suffix {
        format!("{text}\u{a0}{}", unit.label())
    } else {
        text
    })
}

#[derive(Serialize)]
struct PeriodisedJs {
    months: Vec<Amount>,
    method: crate::periodise::MethodKind,
}

/// Spreads an annual amount over twelve months; the parts sum exactly to it.
#[wasm_bindgen(skip_typescript)]
pub fn periodise(value: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let amount = amount(value).map_err(js_error)?;
    let options: PeriodiseOptions = self::options(options).map_err(js_error)?;
    let done = budget::periodise_with(amount, &options).map_err(js_error)?;
    to_js(&PeriodisedJs {
        months: done.months.to_vec(),
        method: done.method,
    })
}

/// Splits a frame (ram) by percentage shares, exactly; a remainder row when they miss 100 %.
#[wasm_bindgen(js_name = allocateFrame, skip_typescript)]
pub fn allocate_frame(frame: JsValue, shares: JsValue) -> Result<JsValue, JsValue> {
    let frame = amount(frame).map_err(js_error)?;
    let shares: Vec<Share> = self::options(shares).map_err(js_error)?;
    to_js(&crate::frame::allocate_frame(frame, &shares).map_err(js_error)?)
}

/// The version of balans, e.g. "0.1.0".
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

// ── State-grant dependency (statsbidragsberoende) ─────────────────────────────────────────────

#[wasm_bindgen]
impl Workspace {
    /// The state-grant dependency report (statsbidragsberoende) as of a month.
    #[wasm_bindgen(unchecked_return_type = "GrantsReport")]
    pub fn grants(
        &self,
        #[wasm_bindgen(unchecked_param_type = "GrantOptions")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        report(options, |o: &crate::grants::GrantOptions| {
            self.inner.grants(o)
        })
    }

    /// Adds a grants register pasted from Excel or read from CSV, with Swedish column names
    /// (docs/schema-v1.md). A table that fails changes nothing; `field` names line and column.
    #[wasm_bindgen(js_name = importGrantsTable, unchecked_return_type = "ImportSummary")]
    pub fn import_grants_table(&mut self, text: &str) -> Result<JsValue, JsValue> {
        let doc = json::Document {
            schema: json::SCHEMA_VERSION,
            grants: crate::grants::table::read(text).map_err(js_error)?,
            ..json::Document::default()
        };
        to_js(&self.inner.import(doc).map_err(js_error)?)
    }
}
