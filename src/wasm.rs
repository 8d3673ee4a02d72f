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

use crate::budget::{self, PeriodiseOptions};
use crate::deviation::DeviationOptions;
use crate::error::Error;
use crate::import::{self, json};
use crate::money::{Amount, DisplayUnit};
use crate::workspace;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
/** An amount in kronor, result sign (revenue +, cost −), as a decimal string: "-157333333.33". */
export type AmountString = string;
/** A month, "YYYY-MM". */
export type MonthString = string;
/** A percentage with two decimals as a decimal string: "-3.52" is −3,52 %. */
export type PercentString = string;
export type DisplayUnit = "kr" | "tkr" | "mnkr";
export type Level = "region" | "committee" | "administration" | "area" | "department" | "unit";
export type MethodName = "linear" | "days" | "workdays" | "profile" | "prior-year";
export type Rounding = "ore" | "krona";
/** An amount on input: a decimal string (Swedish forms such as "-1 234,50" or "236 mnkr" too),
 * or a number that is a safe integer or has at most two decimals. */
export type AmountInput = string | number;

/** The error every function throws: a real Error with a stable code. */
export interface BalansError extends Error {
  /** "E_PARSE_AMOUNT", "E_PARSE_MONTH", "E_OPTION", "E_PERIODISE", "E_UNKNOWN_UNIT",
   * "E_DUPLICATE_UNIT", "E_UNKNOWN_PARENT", "E_ROOT", "E_CYCLE", "E_UNKNOWN_COST_TYPE",
   * "E_DUPLICATE_COST_TYPE", "E_SCHEMA",
   * "E_SCHEMA_VERSION", "E_JSON", "E_NO_DATA" or "E_STORAGE"; a rejected import has its first
   * error's code (README.md, "Importing files"). */
  code: string;
  /** The path of the input field at fault, e.g. "budget[3].annual", where there is one. */
  field?: string;
  /** A rejected import's first error's line and column, and the whole report. */
  line?: number;
  column?: number;
  report?: ImportReport;
}

/** A workspace document, schema 1 (docs/schema-v1.md). */
export interface WorkspaceDocument {
  schema: 1;
  name?: string;
  units?: UnitInput[];
  costTypes?: CostTypeInput[];
  budget?: BudgetRowInput[];
  outcome?: OutcomeRowInput[];
  forecasts?: ForecastRowInput[];
}
export interface UnitInput { id: string; name: string; parent?: string | null; level?: Level; }
/** A cost type (kostnadsslag) or account (konto); amounts keep the result sign either way. */
export interface CostTypeInput { id: string; name: string; kind: "revenue" | "cost"; }
export interface BudgetRowInput {
  unit: string;
  costType?: string;
  year: number;
  /** The annual budget, spread by `method` (linear when absent). Give this or `months`. */
  annual?: AmountInput;
  method?: MethodName;
  /** Twelve non-negative weights for `profile`. */
  weights?: (number | string)[];
  rounding?: Rounding;
  /** Twelve monthly amounts, January first. Give this or `annual`. */
  months?: AmountInput[];
}
export interface OutcomeRowInput { unit: string; costType?: string; month: MonthString; amount: AmountInput; }
export interface ForecastRowInput { unit: string; costType?: string; year: number; made: MonthString; amount: AmountInput; }

/** What one import added. */
export interface ImportSummary { units: number; costTypes: number; budgetRows: number; outcomeRows: number; forecastRows: number; }

export interface DeviationOptions {
  /** The month reported on; its year is the fiscal year. */
  asOf: MonthString;
  /** Report only this unit's subtree. */
  unit?: string;
}
export interface Figures {
  budget: AmountString;
  outcome: AmountString;
  /** outcome − budget; positive is favourable. */
  deviation: AmountString;
  /** deviation / |budget|; null where the budget is zero. */
  percent: PercentString | null;
}
export interface FullYear {
  budget: AmountString;
  /** Latest forecasts in the subtree (units without one at budget); null before any forecast. */
  forecast: AmountString | null;
  forecastMonth: MonthString | null;
  deviation: AmountString | null;
  percent: PercentString | null;
}
export interface DeviationRow {
  unit: string;
  name: string;
  parent: string | null;
  level: Level | null;
  /** 0 for the report's root. */
  depth: number;
  children: string[];
  period: Figures;
  ytd: Figures;
  fullYear: FullYear;
}
export interface DeviationReport {
  name: string | null;
  asOf: MonthString;
  year: number;
  /** The unit the report starts at. */
  root: string;
  /** Parents before children, children in input order. */
  rows: DeviationRow[];
}

export interface FormatOptions {
  /** kr (default), tkr or mnkr. */
  unit?: DisplayUnit;
  /** Decimals shown; 0 by default. */
  decimals?: number;
  /** Append the unit: "−157,3 mnkr". */
  suffix?: boolean;
}
export interface PeriodiseOptions {
  year: number;
  /** linear when absent. */
  method?: MethodName;
  weights?: (number | string)[];
  /** Last year's twelve monthly outcomes, for prior-year. */
  priorYear?: AmountInput[];
  rounding?: Rounding;
}
export interface Periodised {
  /** Twelve parts that sum exactly to the amount. */
  months: AmountString[];
  /** The method applied: prior-year falls back to linear without usable data. */
  method: MethodName;
}

/** Options of importCsv, importPaste, importSie and readImport (README.md, "Importing files"). */
export interface ImportOptions {
  /** The file's name, used in the report's locations. */
  file?: string;
  /** "utf-8", "windows-1252" or "ibm437"; detected when absent (CSV: BOM, UTF-8, else Windows-1252; SIE: IBM 437). */
  encoding?: string;
  /** ";", "," or "\t"; CSV: sniffed from the header line when absent; paste: tab. */
  delimiter?: string;
  /** Tables: "result" (default: revenue +, cost −), "ledger" (debit +, credit −) or "magnitude". SIE is always ledger. */
  sign?: "result" | "ledger" | "magnitude";
  /** The fiscal year: for month numbers and month columns; rows outside it are errors. */
  year?: number;
  /** What a Belopp/Amount column or month columns hold: "budget", "outcome" (default) or "forecast". */
  measure?: "budget" | "outcome" | "forecast";
  /** An existing unit to place new units under (tables: without it, unknown units are errors). */
  parent?: string;
  /** The id of the unit made for the file (SIE: the company; default its #ORGNR). */
  root?: string;
  /** Account prefixes that are revenue; default ["3"]. */
  revenueAccounts?: string[];
  /** Account prefixes that are cost; default ["4","5","6","7","8"]. */
  costAccounts?: string[];
  /** SIE: the dimension whose objects become units; default 1 (kostnadsställe). */
  dimension?: number;
}
/** A warning (code W_…) or error (code E_…) of an import, located in the input. */
export interface ImportIssue {
  code: string;
  /** English; the widget shows Swedish text chosen by code. */
  message: string;
  file?: string;
  /** 1-based. */
  line?: number;
  /** 1-based. */
  column?: number;
  /** The column's header or the record's field, e.g. "Utfall", or `#PSALDO amount` for a SIE record. */
  field?: string;
  /** What would have been accepted there. */
  expected?: string;
}
export interface ImportReport {
  format: "csv" | "paste" | "sie";
  file?: string;
  encoding: "utf-8" | "windows-1252" | "ibm437";
  delimiter?: string;
  /** The sign convention applied. */
  sign: "result" | "ledger" | "magnitude-by-column" | "magnitude-by-account";
  /** How each header was read (tables). */
  columns?: { header: string; field: string }[];
  rows: { read: number; accepted: number; skipped: number; rejected: number };
  firstMonth?: MonthString;
  lastMonth?: MonthString;
  /** What the import added; zeros from readImport, which adds nothing. */
  added: ImportSummary;
  warnings: ImportIssue[];
  errors: ImportIssue[];
}
/** What readImport gives: the report, and the document to pass to importJson. */
export interface ReadImport { report: ImportReport; document: WorkspaceDocument; }

/** Reads a file or pasted text without adding it: for a Web Worker, whose result the page's
 * workspace adds with importJson. `context` is the page workspace's units and cost types. */
export function readImport(format: "csv" | "paste" | "sie", input: Uint8Array | string, options?: ImportOptions, context?: WorkspaceDocument): ReadImport;
/** Reads sv-SE or plain text as an exact amount in kronor: "1 234,50", "−236 mnkr", "-1234.5". */
export function parseAmount(text: string): AmountString;
/** Formats an amount the Swedish way: formatAmount("-157333333.33", { unit: "mnkr", decimals: 1 }) is "−157,3". */
export function formatAmount(amount: AmountInput, options?: FormatOptions): string;
/** Spreads an annual amount over the months of a year; the parts sum exactly to it. */
export function periodise(amount: AmountInput, options: PeriodiseOptions): Periodised;
"#;

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

/// Serializes a report or document to a plain JS object.
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| {
            js_error(Error::Json {
                reason: e.to_string(),
            })
        })
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
        bytes: &[u8],
        #[wasm_bindgen(unchecked_param_type = "ImportOptions")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        self.import_file(import::Format::Csv, bytes, options)
    }

    /// Adds a range copied from Excel (tab-separated text); returns the import report.
    #[wasm_bindgen(js_name = importPaste, unchecked_return_type = "ImportReport")]
    pub fn import_paste(
        &mut self,
        text: &str,
        #[wasm_bindgen(unchecked_param_type = "ImportOptions")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        self.import_file(import::Format::Paste, text.as_bytes(), options)
    }

    /// Adds a SIE 4 file (bytes); returns the import report.
    #[wasm_bindgen(js_name = importSie, unchecked_return_type = "ImportReport")]
    pub fn import_sie(
        &mut self,
        bytes: &[u8],
        #[wasm_bindgen(unchecked_param_type = "ImportOptions")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        self.import_file(import::Format::Sie, bytes, options)
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
        let options: DeviationOptions = self::options(options).map_err(js_error)?;
        to_js(&self.inner.deviation(&options).map_err(js_error)?)
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
        input: &[u8],
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
    let (document, report) = import::read(format, &bytes, &options, &existing).map_err(js_error)?;
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
    let text = amount.format(unit, decimals);
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

/// The version of balans, e.g. "0.1.0".
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
