//! The `Workspace` class: the JavaScript face of [`crate::workspace::Workspace`], one method per
//! import and per report, in one `#[wasm_bindgen] impl` block. Each method reads its inputs
//! into Rust values first (`convert.rs`: nothing a page passes can throw inside WebAssembly),
//! then borrows the core workspace (`read` or `write`), calls the one core method, and converts
//! the answer or the error. Every method takes `&self`: the glue's own borrow of the object is
//! then a shared one, and the core workspace is borrowed only here, after the inputs are read.
//!
//! The TypeScript of the methods is generated from these signatures (`unchecked_param_type`,
//! `unchecked_return_type`) and doc comments; the types they name are in `types/`.
//!
//! Not here: the free functions (`functions.rs`); reading inputs and writing reports
//! (`convert.rs`); the error conversion (`errors.rs`); IndexedDB (`storage.rs`); any figure,
//! which the engines compute.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;

use crate::bridge::BridgeOptions;
use crate::calendar::Month;
use crate::comments::CommentsOptions;
use crate::committee::months::MonthsOptions;
use crate::committee::CommitteeOptions;
use crate::deviation::accuracy::AccuracyOptions;
use crate::deviation::DeviationOptions;
use crate::effects::EffectsOptions;
use crate::error::Error;
use crate::goals::GoalsOptions;
use crate::grants::GrantOptions;
use crate::import::{self, ImportOptions};
use crate::model::{Comment, CommentKind};
use crate::workspace;

use super::convert;
use super::errors::js_error;
use super::storage;

/// Budget, outcome and forecasts held in WebAssembly memory; reports are computed on request.
#[wasm_bindgen]
pub struct Workspace {
    inner: RefCell<workspace::Workspace>,
}

#[wasm_bindgen]
impl Workspace {
    /// An empty workspace.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Workspace {
        Workspace::wrap(workspace::Workspace::new())
    }

    /// Adds a schema 1 document (an object or JSON text): for every key it brings it replaces
    /// what an earlier import held, and adds the rest. A document that fails validation changes
    /// nothing; the error's `field` names where it failed.
    #[wasm_bindgen(js_name = importJson, unchecked_return_type = "Imported")]
    pub fn import_json(
        &self,
        #[wasm_bindgen(unchecked_param_type = "WorkspaceDocument | string")] doc: JsValue,
    ) -> Result<JsValue, JsValue> {
        let doc = convert::document(doc).map_err(js_error)?;
        let summary = self.write(|ws| ws.import(doc)).map_err(js_error)?;
        convert::to_js(&summary).map_err(js_error)
    }

    /// Adds a CSV file (bytes); returns the import report. A rejected file changes nothing and
    /// throws an error with the report.
    #[wasm_bindgen(js_name = importCsv, unchecked_return_type = "ImportReport")]
    pub fn import_csv(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Uint8Array | ArrayBuffer | string")] bytes: JsValue,
        #[wasm_bindgen(unchecked_param_type = "ImportOptions")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        self.import_file(import::Format::Csv, bytes, options)
    }

    /// Adds a range copied from Excel (tab-separated text); returns the import report.
    #[wasm_bindgen(js_name = importPaste, unchecked_return_type = "ImportReport")]
    pub fn import_paste(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
        #[wasm_bindgen(unchecked_param_type = "ImportOptions")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        let text = convert::text(text, "text").map_err(js_error)?;
        self.import_file(import::Format::Paste, text.into(), options)
    }

    /// Adds a SIE 4 file (bytes); returns the import report.
    #[wasm_bindgen(js_name = importSie, unchecked_return_type = "ImportReport")]
    pub fn import_sie(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Uint8Array | ArrayBuffer")] bytes: JsValue,
        #[wasm_bindgen(unchecked_param_type = "ImportOptions")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        self.import_file(import::Format::Sie, bytes, options)
    }

    /// Everything imported so far, as one schema 1 document (so `JSON.stringify(ws)` saves it).
    #[wasm_bindgen(js_name = toJSON, unchecked_return_type = "WorkspaceDocument")]
    pub fn to_json(&self) -> Result<JsValue, JsValue> {
        self.read(|ws| convert::to_js(ws.document()))
            .map_err(js_error)
    }

    /// Everything imported so far as schema 1 JSON text (`JSON.parse` of it equals `toJSON()`),
    /// written without an object per row: what `readImport`'s `context`, `importJson` and
    /// `fromJSON` read fastest, and what `save` keeps.
    #[wasm_bindgen(js_name = toJSONText)]
    pub fn to_json_text(&self) -> Result<String, JsValue> {
        self.read(|ws| convert::to_text(ws.document()))
            .map_err(js_error)
    }

    /// What `readImport` needs of the workspace as its `context`, as bytes: the document without
    /// its rows, and of budget, outcome, forecasts, one-offs and volumes only the keys. A worker
    /// takes the buffer without a copy (postMessage's transfer list).
    #[wasm_bindgen(js_name = importContext, unchecked_return_type = "ImportContext")]
    pub fn import_context(&self) -> Result<Vec<u8>, JsValue> {
        self.read(|ws| ws.import_context()).map_err(js_error)
    }

    /// The units of the workspace, in the document's order: the tree without the rows, for a
    /// picker (the import panel's "new units go under"), where `toJSON()` would make every row.
    #[wasm_bindgen(unchecked_return_type = "UnitInput[]")]
    pub fn units(&self) -> Result<JsValue, JsValue> {
        self.read(|ws| convert::to_js(&ws.document().units))
            .map_err(js_error)
    }

    /// The years the workspace holds budget, outcome or a forecast for, in order (`[]` before
    /// an import): for a view's starting month, where `toJSON()` would make every row.
    #[wasm_bindgen(unchecked_return_type = "number[]")]
    pub fn years(&self) -> Result<JsValue, JsValue> {
        self.read(|ws| convert::to_js(&ws.years()))
            .map_err(js_error)
    }

    /// A new workspace holding `doc`, with no import to undo.
    #[wasm_bindgen(js_name = fromJSON)]
    pub fn from_json(
        #[wasm_bindgen(unchecked_param_type = "WorkspaceDocument | string")] doc: JsValue,
    ) -> Result<Workspace, JsValue> {
        let inner = convert::document(doc)
            .and_then(workspace::Workspace::from_document)
            .map_err(js_error)?;
        Ok(Workspace::wrap(inner))
    }

    /// Takes the last import back (the workspace is then exactly as before it) and returns what
    /// it had added and replaced; null when there is none to take back. Undoes up to the last
    /// 10 imports, one per call; not those before the workspace was loaded, nor those before an
    /// effect entry was recorded or undone.
    #[wasm_bindgen(js_name = undoImport, unchecked_return_type = "Imported | null")]
    pub fn undo_import(&self) -> Result<JsValue, JsValue> {
        self.write(|ws| convert::to_js(&ws.undo_import()?))
            .map_err(js_error)
    }

    /// How many imports `undoImport` can take back now (0 when it would return null).
    #[wasm_bindgen(js_name = importsToUndo)]
    pub fn imports_to_undo(&self) -> u32 {
        self.inner.borrow().imports_to_undo() as u32
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
            .read(|ws| ws.deviation(&options)?.to_json(options.fields.as_deref()))
            .map_err(js_error)?;
        convert::parse_json(&text).map_err(js_error)
    }

    /// The deviation table of `options` as columns and rows for a file (the widget writes it as
    /// .xlsx): one row per unit in tree order (and its cost types with `byCostType`), amounts
    /// in kronor to the öre as decimal strings, Swedish headers and statuses; `fields` is ignored.
    #[wasm_bindgen(js_name = deviationTable, unchecked_return_type = "ExportTable")]
    pub fn deviation_table(
        &self,
        #[wasm_bindgen(unchecked_param_type = "DeviationOptions")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        convert::report(options, |o: &DeviationOptions| {
            self.read(|ws| ws.deviation_table(o))
        })
        .map_err(js_error)
    }

    /// The deviation table of `options` as CSV for Excel in Swedish: one row per unit in tree
    /// order (and its cost types with `byCostType`), every amount in kronor to the öre as a
    /// number, Swedish headers and statuses; `fields` is ignored.
    #[wasm_bindgen(js_name = exportDeviationCsv)]
    pub fn export_deviation_csv(
        &self,
        #[wasm_bindgen(unchecked_param_type = "DeviationOptions")] options: JsValue,
    ) -> Result<String, JsValue> {
        let options: DeviationOptions = convert::options(options).map_err(js_error)?;
        self.read(|ws| ws.deviation_csv(&options)).map_err(js_error)
    }

    /// The result bridge (resultatbrygga) of a unit, budget result to forecast result.
    #[wasm_bindgen(unchecked_return_type = "BridgeReport")]
    pub fn bridge(
        &self,
        #[wasm_bindgen(unchecked_param_type = "BridgeOptions")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        convert::report(options, |o: &BridgeOptions| self.read(|ws| ws.bridge(o))).map_err(js_error)
    }

    /// The committee paper (månadsrapport; delårsrapport per March and August) of a unit for a
    /// month: a summary written from the figures, key figures, tables and charts with tables.
    #[wasm_bindgen(js_name = committeeReport, unchecked_return_type = "CommitteeReport")]
    pub fn committee_report(
        &self,
        #[wasm_bindgen(unchecked_param_type = "CommitteeOptions")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        convert::report(options, |o: &CommitteeOptions| {
            self.read(|ws| ws.committee_report(o))
        })
        .map_err(js_error)
    }

    /// A unit's year month by month: budget, outcome, deviation and the cumulative ones, the
    /// full-year forecast as it stood each month, last year's month where it is known.
    #[wasm_bindgen(unchecked_return_type = "MonthsReport")]
    pub fn months(
        &self,
        #[wasm_bindgen(unchecked_param_type = "MonthsOptions")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        convert::report(options, |o: &MonthsOptions| self.read(|ws| ws.months(o))).map_err(js_error)
    }

    /// The effects report (effektuppföljning) as of a month.
    #[wasm_bindgen(unchecked_return_type = "EffectsReport")]
    pub fn effects(
        &self,
        #[wasm_bindgen(unchecked_param_type = "EffectsOptions")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        convert::report(options, |o: &EffectsOptions| self.read(|ws| ws.effects(o)))
            .map_err(js_error)
    }

    /// Records a measure's realised effect for a month, replacing what the month held.
    #[wasm_bindgen(js_name = recordRealised, unchecked_return_type = "EffectEntry")]
    pub fn record_realised(
        &self,
        #[wasm_bindgen(unchecked_param_type = "RealisedInput")] input: JsValue,
    ) -> Result<JsValue, JsValue> {
        let entry = (|| {
            let measure = convert::text_field(&input, "measure")?;
            let month = convert::month_field(&input, "month")?;
            let amount = convert::amount_field(&input, "amount")?;
            self.write(|ws| ws.record_realised(&measure, month, amount))
        })()
        .map_err(js_error)?;
        convert::to_js(&entry).map_err(js_error)
    }

    /// Records a new forecast of a measure's effect for a year.
    #[wasm_bindgen(js_name = recordForecast, unchecked_return_type = "EffectEntry")]
    pub fn record_forecast(
        &self,
        #[wasm_bindgen(unchecked_param_type = "ForecastInput")] input: JsValue,
    ) -> Result<JsValue, JsValue> {
        let entry = (|| {
            let measure = convert::text_field(&input, "measure")?;
            let year = convert::year_field(&input, "year")?;
            let made = convert::month_field(&input, "made")?;
            let amount = convert::amount_field(&input, "amount")?;
            self.write(|ws| ws.record_forecast(&measure, year, made, amount))
        })()
        .map_err(js_error)?;
        convert::to_js(&entry).map_err(js_error)
    }

    /// Undoes the last entry and returns it; null when there is none.
    #[wasm_bindgen(js_name = undoEntry, unchecked_return_type = "EffectEntry | null")]
    pub fn undo_entry(&self) -> Result<JsValue, JsValue> {
        self.write(|ws| convert::to_js(&ws.undo_entry()?))
            .map_err(js_error)
    }

    /// The entries log, oldest first (JSON export for the controller).
    #[wasm_bindgen(js_name = effectEntries, unchecked_return_type = "EffectEntry[]")]
    pub fn effect_entries(&self) -> Result<JsValue, JsValue> {
        self.read(|ws| convert::to_js(&ws.document().effect_entries))
            .map_err(js_error)
    }

    /// The entries log as CSV for Excel in Swedish: UTF-8 with BOM, semicolons, decimal comma,
    /// amounts to the öre as numbers, text that looks like a formula neutralised.
    #[wasm_bindgen(js_name = exportEntriesCsv)]
    pub fn export_entries_csv(&self) -> String {
        self.inner.borrow().entries_csv()
    }

    /// Adds a measures register pasted from Excel (tab separated) or read from CSV, with
    /// Swedish column names (docs/schema-v1.md). A table that fails changes nothing.
    #[wasm_bindgen(js_name = importMeasures, unchecked_return_type = "Imported")]
    pub fn import_measures(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] table: JsValue,
    ) -> Result<JsValue, JsValue> {
        let table = convert::text(table, "table").map_err(js_error)?;
        self.write(|ws| convert::to_js(&ws.import_measures(&table)?))
            .map_err(js_error)
    }

    /// Goals and indicators: fulfilment, counts per goal and in total, deviations beside them.
    #[wasm_bindgen(unchecked_return_type = "GoalsReport")]
    pub fn goals(
        &self,
        #[wasm_bindgen(unchecked_param_type = "GoalsOptions | undefined")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        let options: GoalsOptions = convert::options_or_default(options).map_err(js_error)?;
        self.read(|ws| convert::to_js(&ws.goals(&options)?))
            .map_err(js_error)
    }

    /// Adds goals pasted from a spreadsheet (tab separated, a header row naming the columns).
    #[wasm_bindgen(js_name = importGoals, unchecked_return_type = "Imported")]
    pub fn import_goals(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    ) -> Result<JsValue, JsValue> {
        let text = convert::text(text, "text").map_err(js_error)?;
        self.write(|ws| convert::to_js(&ws.import_goals_paste(&text)?))
            .map_err(js_error)
    }

    /// Forecast accuracy (prognossäkerhet) of a year against its outcome.
    #[wasm_bindgen(unchecked_return_type = "AccuracyReport")]
    pub fn accuracy(
        &self,
        #[wasm_bindgen(unchecked_param_type = "AccuracyOptions")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        convert::report(options, |o: &AccuracyOptions| {
            self.read(|ws| ws.accuracy(o))
        })
        .map_err(js_error)
    }

    /// Keeps the workspace's JSON text in the browser's IndexedDB under `key` (`js/store.js`).
    /// The promise rejects with `E_STORAGE` (a full store says so and what to do); the copy
    /// stored before stays as it was, and so does this workspace.
    #[wasm_bindgen(unchecked_return_type = "Promise<void>")]
    pub fn save(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] key: JsValue,
    ) -> Result<js_sys::Promise, JsValue> {
        let key = convert::text(key, "key").map_err(js_error)?;
        let text = self.to_json_text()?;
        Ok(storage::save(&key, &text))
    }

    /// The workspace saved under `key` with [`Workspace::save`] (or, once, one that an earlier
    /// version kept in `localStorage` under the same key, which is then moved to IndexedDB);
    /// `null` when nothing is kept under `key`. Rejects with `E_STORAGE` (no IndexedDB, a record
    /// of a later layout) or the error of the stored text (`E_JSON`, `E_SCHEMA_VERSION`, …).
    #[wasm_bindgen(unchecked_return_type = "Promise<Workspace | null>")]
    pub fn load(
        #[wasm_bindgen(unchecked_param_type = "string")] key: JsValue,
    ) -> Result<js_sys::Promise, JsValue> {
        let key = convert::text(key, "key").map_err(js_error)?;
        Ok(storage::load(&key, |text| {
            Workspace::from_json(text.into()).map(JsValue::from)
        }))
    }

    /// Moves the copy stored under `from` to `to`, unchanged: an unreadable copy set aside.
    #[wasm_bindgen(js_name = moveStored, unchecked_return_type = "Promise<void>")]
    pub fn move_stored(
        #[wasm_bindgen(unchecked_param_type = "string")] from: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] to: JsValue,
    ) -> Result<js_sys::Promise, JsValue> {
        let from = convert::text(from, "from").map_err(js_error)?;
        let to = convert::text(to, "to").map_err(js_error)?;
        Ok(storage::move_to(&from, &to))
    }

    /// The state-grant dependency report (statsbidragsberoende) as of a month.
    #[wasm_bindgen(unchecked_return_type = "GrantsReport")]
    pub fn grants(
        &self,
        #[wasm_bindgen(unchecked_param_type = "GrantOptions")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        convert::report(options, |o: &GrantOptions| self.read(|ws| ws.grants(o))).map_err(js_error)
    }

    /// Adds a grants register pasted from Excel or read from CSV, with Swedish column names
    /// (docs/schema-v1.md). A table that fails changes nothing; `field` names line and column.
    #[wasm_bindgen(js_name = importGrantsTable, unchecked_return_type = "Imported")]
    pub fn import_grants_table(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    ) -> Result<JsValue, JsValue> {
        let text = convert::text(text, "text").map_err(js_error)?;
        self.write(|ws| convert::to_js(&ws.import_grants_table(&text)?))
            .map_err(js_error)
    }

    /// Keeps an explanation or action for a unit (and cost type) and month, replacing the one of
    /// its kind there; `undoImport` takes it back. One that cannot be kept changes nothing and
    /// throws (`E_COMMENT`, `E_UNKNOWN_UNIT`, …) with the comment's `field` at fault.
    #[wasm_bindgen(unchecked_return_type = "Imported")]
    pub fn comment(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Comment")] comment: JsValue,
    ) -> Result<JsValue, JsValue> {
        let comment: Comment = convert::options(comment).map_err(js_error)?;
        self.write(|ws| convert::to_js(&ws.comment(comment)?))
            .map_err(js_error)
    }

    /// Removes the comment of a kind for a unit (and cost type) and month; false when there was
    /// none. `undoImport` puts it back.
    #[wasm_bindgen(js_name = removeComment)]
    pub fn remove_comment(
        &self,
        #[wasm_bindgen(unchecked_param_type = "CommentKey")] key: JsValue,
    ) -> Result<bool, JsValue> {
        #[derive(serde::Deserialize)]
        #[serde(rename_all = "camelCase", deny_unknown_fields)]
        struct Key {
            unit: String,
            #[serde(default)]
            cost_type: Option<String>,
            month: Month,
            kind: CommentKind,
        }
        let key: Key = convert::options(key).map_err(js_error)?;
        let cost_type = key.cost_type.as_deref();
        Ok(self
            .inner
            .borrow_mut()
            .remove_comment(&key.unit, cost_type, key.month, key.kind))
    }

    /// The explanations and actions of a month, for a unit's subtree or every unit, in the
    /// tree's order.
    #[wasm_bindgen(unchecked_return_type = "Comment[]")]
    pub fn comments(
        &self,
        #[wasm_bindgen(unchecked_param_type = "CommentsOptions")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        convert::report(options, |o: &CommentsOptions| {
            self.read(|ws| ws.comments(o))
        })
        .map_err(js_error)
    }

    /// Adds explanations and actions pasted from Excel or read from CSV, with Swedish column
    /// names (docs/schema-v1.md). A table that fails changes nothing; `field` names the line.
    #[wasm_bindgen(js_name = importComments, unchecked_return_type = "Imported")]
    pub fn import_comments(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    ) -> Result<JsValue, JsValue> {
        let text = convert::text(text, "text").map_err(js_error)?;
        self.write(|ws| convert::to_js(&ws.import_comments(&text)?))
            .map_err(js_error)
    }

    /// CSV, paste and SIE: read the options, import all or nothing, return the import report.
    /// (Not exported: wasm-bindgen leaves out methods that are not `pub`.)
    fn import_file(
        &self,
        format: import::Format,
        input: JsValue,
        options: JsValue,
    ) -> Result<JsValue, JsValue> {
        let bytes = convert::bytes(input, "bytes").map_err(js_error)?;
        let options: ImportOptions = convert::options_or_default(options).map_err(js_error)?;
        self.write(|ws| convert::to_js(&ws.import_file(format, bytes.into(), &options)?))
            .map_err(js_error)
    }
}

/// Not exported: the borrows of the core workspace, taken only once the inputs are read.
impl Workspace {
    fn wrap(inner: workspace::Workspace) -> Workspace {
        Workspace {
            inner: RefCell::new(inner),
        }
    }

    /// Runs a report on the core workspace.
    fn read<R>(
        &self,
        run: impl FnOnce(&workspace::Workspace) -> Result<R, Error>,
    ) -> Result<R, Error> {
        run(&self.inner.borrow())
    }

    /// Runs an import, an entry or an undo on the core workspace.
    fn write<R>(
        &self,
        run: impl FnOnce(&mut workspace::Workspace) -> Result<R, Error>,
    ) -> Result<R, Error> {
        run(&mut self.inner.borrow_mut())
    }
}

impl Default for Workspace {
    fn default() -> Workspace {
        Workspace::new()
    }
}
