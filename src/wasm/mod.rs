//! The JavaScript edge: the only module that knows `wasm_bindgen`, `js_sys`, `gloo` and
//! `serde_wasm_bindgen`. It converts values and errors; it computes nothing.
//!
//! Amounts cross as decimal strings, options and reports as plain JSON-compatible objects
//! (objects, not `Map`s; `null`, not `undefined`), errors as real `Error`s with a `code`.

use js_sys::JSON;
use wasm_bindgen::prelude::*;

use crate::bridge::BridgeOptions;
use crate::budget::{self, PeriodiseOptions};
use crate::deviation::accuracy::AccuracyOptions;
use crate::deviation::DeviationOptions;
use crate::effects::EffectsOptions;
use crate::error::Error;
use crate::frame::{self, Share};
use crate::goals::GoalsOptions;
use crate::grants::{self, GrantOptions};
use crate::import::{self, json, ImportOptions};
use crate::money::{Amount, DisplayUnit};
use crate::workspace;

mod convert;
mod errors;
mod storage;
// The hand-written TypeScript, one declaration per type.
mod types;

use convert::FormatOptions;
use errors::js_error;

/// Reads a file or pasted text without adding it (see the TypeScript doc of `readImport`).
#[wasm_bindgen(js_name = readImport, skip_typescript)]
pub fn read_import(
    format: &str,
    input: JsValue,
    options: JsValue,
    context: JsValue,
) -> Result<JsValue, JsValue> {
    let format = import::Format::parse(format).map_err(|e| js_error(e.at("format")))?;
    let bytes = convert::bytes(input).map_err(js_error)?;
    let options: ImportOptions = convert::options_or_default(options).map_err(js_error)?;
    let existing = convert::context(context).map_err(js_error)?;
    let (document, report) =
        import::read(format, bytes.into(), &options, &existing).map_err(js_error)?;
    convert::read_import(report, document).map_err(js_error)
}

/// Reads sv-SE or plain text as an exact amount and returns it as a canonical decimal string.
#[wasm_bindgen(js_name = parseAmount, skip_typescript)]
pub fn parse_amount(text: &str) -> Result<String, JsValue> {
    Amount::parse(text)
        .map(Amount::to_canonical)
        .map_err(js_error)
}

/// Formats an amount in sv-SE with a display unit and decimals, rounded half away from zero.
#[wasm_bindgen(js_name = formatAmount, skip_typescript)]
pub fn format_amount(value: JsValue, options: JsValue) -> Result<String, JsValue> {
    let amount = convert::amount(value).map_err(js_error)?;
    let opts: FormatOptions = convert::options_or_default(options).map_err(js_error)?;
    let unit = match opts.unit.as_deref() {
        Some(u) => DisplayUnit::parse(u).map_err(|e| js_error(e.at("unit")))?,
        None => DisplayUnit::Kr,
    };
    let decimals = opts.decimals.unwrap_or(0);
    if decimals > 6 {
        return Err(js_error(Error::option("at most 6 decimals").at("decimals")));
    }
    // `plain` and `suffix` are formatting, the core's job (money::Amount::format); they are
    // still worked out here.
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

/// Spreads an annual amount over twelve months; the parts sum exactly to it.
#[wasm_bindgen(skip_typescript)]
pub fn periodise(value: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let amount = convert::amount(value).map_err(js_error)?;
    let options: PeriodiseOptions = convert::options(options).map_err(js_error)?;
    let done = budget::periodise_with(amount, &options).map_err(js_error)?;
    convert::periodised(&done).map_err(js_error)
}

/// Splits a frame (ram) by percentage shares, exactly; a remainder row when they miss 100 %.
#[wasm_bindgen(js_name = allocateFrame, skip_typescript)]
pub fn allocate_frame(frame: JsValue, shares: JsValue) -> Result<JsValue, JsValue> {
    let frame = convert::amount(frame).map_err(js_error)?;
    let shares: Vec<Share> = convert::options(shares).map_err(js_error)?;
    convert::to_js(&frame::allocate_frame(frame, &shares).map_err(js_error)?).map_err(js_error)
}

/// The version of balans, e.g. "0.1.0".
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
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
        let summary = convert::document(doc)
            .and_then(|d| self.inner.import(d))
            .map_err(js_error)?;
        convert::to_js(&summary).map_err(js_error)
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
        convert::to_js(self.inner.document()).map_err(js_error)
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
        let options: DeviationOptions = convert::options(options).map_err(js_error)?;
        let text = self
            .inner
            .deviation(&options)
            .and_then(|r| r.to_json(options.fields.as_deref()))
            .map_err(js_error)?;
        convert::parse_json(&text).map_err(js_error)
    }

    /// The result bridge (resultatbrygga) of a unit, budget result to forecast result.
    #[wasm_bindgen(unchecked_return_type = "BridgeReport")]
    pub fn bridge(
        &self,
        #[wasm_bindgen(unchecked_param_type = "BridgeOptions")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        convert::report(options, |o: &BridgeOptions| self.inner.bridge(o)).map_err(js_error)
    }

    /// The effects report (effektuppföljning) as of a month.
    #[wasm_bindgen(unchecked_return_type = "EffectsReport")]
    pub fn effects(
        &self,
        #[wasm_bindgen(unchecked_param_type = "EffectsOptions")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        convert::report(options, |o: &EffectsOptions| self.inner.effects(o)).map_err(js_error)
    }

    /// Records a measure's realised effect for a month, replacing what the month held.
    #[wasm_bindgen(js_name = recordRealised, unchecked_return_type = "EffectEntry")]
    pub fn record_realised(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "RealisedInput")] input: JsValue,
    ) -> Result<JsValue, JsValue> {
        let entry = (|| {
            let measure = convert::text_field(&input, "measure")?;
            let month = convert::month_field(&input, "month")?;
            let amount = convert::amount_field(&input, "amount")?;
            self.inner.record_realised(&measure, month, amount)
        })()
        .map_err(js_error)?;
        convert::to_js(&entry).map_err(js_error)
    }

    /// Records a new forecast of a measure's effect for a year.
    #[wasm_bindgen(js_name = recordForecast, unchecked_return_type = "EffectEntry")]
    pub fn record_forecast(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "ForecastInput")] input: JsValue,
    ) -> Result<JsValue, JsValue> {
        let entry = (|| {
            let measure = convert::text_field(&input, "measure")?;
            let year = convert::year_field(&input, "year")?;
            let made = convert::month_field(&input, "made")?;
            let amount = convert::amount_field(&input, "amount")?;
            self.inner.record_forecast(&measure, year, made, amount)
        })()
        .map_err(js_error)?;
        convert::to_js(&entry).map_err(js_error)
    }

    /// Undoes the last entry and returns it; null when there is none.
    #[wasm_bindgen(js_name = undoEntry, unchecked_return_type = "EffectEntry | null")]
    pub fn undo_entry(&mut self) -> Result<JsValue, JsValue> {
        convert::to_js(&self.inner.undo_entry().map_err(js_error)?).map_err(js_error)
    }

    /// The entries log, oldest first (JSON export for the controller).
    #[wasm_bindgen(js_name = effectEntries, unchecked_return_type = "EffectEntry[]")]
    pub fn effect_entries(&self) -> Result<JsValue, JsValue> {
        convert::to_js(&self.inner.document().effect_entries).map_err(js_error)
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
        convert::to_js(&self.inner.import_measures(table).map_err(js_error)?).map_err(js_error)
    }

    /// Goals and indicators: fulfilment, counts per goal and in total, deviations beside them.
    #[wasm_bindgen(unchecked_return_type = "GoalsReport")]
    pub fn goals(
        &self,
        #[wasm_bindgen(unchecked_param_type = "GoalsOptions | undefined")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        let options: GoalsOptions = convert::options_or_default(options).map_err(js_error)?;
        convert::to_js(&self.inner.goals(&options).map_err(js_error)?).map_err(js_error)
    }

    /// Adds goals pasted from a spreadsheet (tab separated, a header row naming the columns).
    #[wasm_bindgen(js_name = importGoals, unchecked_return_type = "ImportSummary")]
    pub fn import_goals(&mut self, text: &str) -> Result<JsValue, JsValue> {
        let summary = self.inner.import_goals_paste(text).map_err(js_error)?;
        convert::to_js(&summary).map_err(js_error)
    }

    /// Forecast accuracy (prognossäkerhet) of a year against its outcome.
    #[wasm_bindgen(unchecked_return_type = "AccuracyReport")]
    pub fn accuracy(
        &self,
        #[wasm_bindgen(unchecked_param_type = "AccuracyOptions")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        convert::report(options, |o: &AccuracyOptions| self.inner.accuracy(o)).map_err(js_error)
    }

    /// Keeps the workspace in the browser's `localStorage` under `key`.
    pub fn save(&self, key: &str) -> Result<(), JsValue> {
        let text = JSON::stringify(&self.to_json()?).map_err(|e| {
            js_error(Error::Json {
                reason: convert::message(e),
            })
        })?;
        storage::save(key, &String::from(text)).map_err(js_error)
    }

    /// The workspace saved under `key` with [`Workspace::save`].
    pub fn load(key: &str) -> Result<Workspace, JsValue> {
        let text = storage::load(key).map_err(js_error)?;
        Workspace::from_json(text.into())
    }

    /// The state-grant dependency report (statsbidragsberoende) as of a month.
    #[wasm_bindgen(unchecked_return_type = "GrantsReport")]
    pub fn grants(
        &self,
        #[wasm_bindgen(unchecked_param_type = "GrantOptions")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        convert::report(options, |o: &GrantOptions| self.inner.grants(o)).map_err(js_error)
    }

    /// Adds a grants register pasted from Excel or read from CSV, with Swedish column names
    /// (docs/schema-v1.md). A table that fails changes nothing; `field` names line and column.
    #[wasm_bindgen(js_name = importGrantsTable, unchecked_return_type = "ImportSummary")]
    pub fn import_grants_table(&mut self, text: &str) -> Result<JsValue, JsValue> {
        // Reading the table and wrapping it in a document is the core's job (a method of the
        // workspace, as `import_measures` is); it is still done here.
        let doc = json::Document {
            schema: json::SCHEMA_VERSION,
            grants: grants::table::read(text).map_err(js_error)?,
            ..json::Document::default()
        };
        convert::to_js(&self.inner.import(doc).map_err(js_error)?).map_err(js_error)
    }

    /// CSV, paste and SIE: read the options, import all or nothing, return the import report.
    /// (Not exported: wasm-bindgen leaves out methods that are not `pub`.)
    fn import_file(
        &mut self,
        format: import::Format,
        input: std::borrow::Cow<'_, [u8]>,
        options: JsValue,
    ) -> Result<JsValue, JsValue> {
        let options: ImportOptions = convert::options_or_default(options).map_err(js_error)?;
        let report = import::import(&mut self.inner, format, input, &options).map_err(js_error)?;
        convert::to_js(&report).map_err(js_error)
    }
}

impl Default for Workspace {
    fn default() -> Workspace {
        Workspace::new()
    }
}
