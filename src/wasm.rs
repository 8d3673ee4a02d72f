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
use crate::num::money::{Amount, DisplayUnit};
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
   * "E_SCHEMA_VERSION", "E_JSON", "E_NO_DATA", "E_STORAGE" or "E_UNKNOWN_MEASURE"; a rejected
   * import has its first error's code (README.md, "Importing files"). */
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
  /** One-off items (engångsposter), taken out of deviations to give the underlying ones. */
  oneOffs?: OneOffRowInput[];
  /** Budget and actual volumes per month, for the volume and price split. */
  volumes?: VolumeRowInput[];
  /** Materiality thresholds kept with the data; report options override them. */
  thresholds?: ThresholdSet;
  /** Goals (mål) with their indicators (mätetal). */
  goals?: Goal[];
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

export interface OneOffRowInput { unit: string; costType?: string; month: MonthString; amount: AmountInput; text: string; }
/** A count, not money: a number or a decimal string. */
export type VolumeInput = number | string;
export interface VolumeRowInput {
  unit: string;
  /** Split the deviation of this cost type only; all the unit's rows when absent. */
  costType?: string;
  month: MonthString;
  /** What is counted: "vårddygn", "besök", "tågkm". */
  measure: string;
  budget: VolumeInput;
  actual: VolumeInput;
}
/** A deviation passes it when |deviation| > absolute and |deviation| / |budget| > percent %. */
export interface Threshold {
  /** Kronor: "5000000", "5 mnkr". Reports give it back as an AmountString. */
  absolute: AmountInput;
  /** Percent of the budget's magnitude: 2, "1.5". Reports give it back as a string. */
  percent: number | string;
}
/** Thresholds per tree level; default covers levels not named and units without a level. */
export interface ThresholdSet {
  region?: Threshold; committee?: Threshold; administration?: Threshold; area?: Threshold;
  department?: Threshold; unit?: Threshold; default?: Threshold;
}

/** What one import added. */
export interface ImportSummary {
  units: number; costTypes: number; budgetRows: number; outcomeRows: number; forecastRows: number;
  oneOffRows: number; volumeRows: number; goals: number;
}

export type Fulfilment = "met" | "partly" | "notMet" | "notReported";
/** An indicator: a target and an outcome (counts, not money: numbers or decimal strings). */
export interface Indicator {
  id: string;
  name: string;
  target?: number | string;
  outcome?: number | string;
  /** Which way is better; "higher" when absent. */
  direction?: "higher" | "lower";
  /** From here to the target the indicator is partly met. */
  partly?: number | string;
  /** A judgement that overrides the numbers. */
  assessed?: Fulfilment;
  /** The unit (and cost type) whose budget rows the indicator is tied to. */
  unit?: string;
  costType?: string;
}
export interface Goal { id: string; name: string; indicators?: Indicator[]; }
export interface GoalsOptions {
  /** Show the tied units' year-to-date deviation as of this month. */
  asOf?: MonthString;
}
export interface FulfilmentCounts { met: number; partly: number; notMet: number; notReported: number; total: number; }
export interface IndicatorRow extends Indicator {
  /** Numbers come back as decimal strings. */
  target?: string;
  outcome?: string;
  partly?: string;
  direction: "higher" | "lower";
  fulfilment: Fulfilment;
  /** The tied unit's year-to-date figures as of asOf; null without a tie or asOf. */
  deviation: Figures | null;
}
export interface GoalsReport {
  asOf: MonthString | null;
  goals: { id: string; name: string; indicators: IndicatorRow[]; counts: FulfilmentCounts }[];
  counts: FulfilmentCounts;
}

export interface DeviationOptions {
  /** The month reported on; its year is the fiscal year. */
  asOf: MonthString;
  /** Report only this unit's subtree. */
  unit?: string;
  /** Add each row's figures per cost type (row.costTypes). */
  byCostType?: boolean;
  /** Override the document's (and the built-in) materiality thresholds. */
  thresholds?: ThresholdSet;
  /** The level checked for escalation; "committee" when absent. */
  escalationLevel?: Level;
  /** The groups of figures the rows carry, for a view that shows a few (a region's report is
   * then written and read in a fraction of the time); every group when absent. The unit header
   * (unit, name, parent, level, depth, children) and, with byCostType, costTypes are always
   * there. A group left out is absent from every row and cost-type row, though DeviationRow
   * declares it. */
  fields?: DeviationRowGroup[];
}
/** A group of figures in a DeviationRow (and, for the spans, in a CostTypeFigures). */
export type DeviationRowGroup = "threshold" | "period" | "tertial" | "ytd" | "fullYear" | "projections"
  | "escalation" | "volumes";
/** within; favourable (material and positive); watch (negative, passes one threshold);
 * material (negative, passes both). */
export type Status = "within" | "favourable" | "watch" | "material";
export interface Figures {
  budget: AmountString;
  outcome: AmountString;
  /** outcome − budget; positive is favourable. */
  deviation: AmountString;
  /** deviation / |budget|; null where the budget is zero. */
  percent: PercentString | null;
  /** One-off items booked in the span. */
  oneOffs: AmountString;
  /** deviation − oneOffs. */
  underlying: AmountString;
  status: Status;
}
export interface FullYear {
  budget: AmountString;
  /** Latest forecasts in the subtree (units without one at budget); null before any forecast. */
  forecast: AmountString | null;
  forecastMonth: MonthString | null;
  deviation: AmountString | null;
  percent: PercentString | null;
  /** Every one-off item of the year (the forecast includes those it expects). */
  oneOffs: AmountString;
  underlying: AmountString | null;
  /** The forecast deviation's status; null without a forecast. */
  status: Status | null;
  /** Year's budget of the rows whose cost type is of kind cost; null where there are none. */
  grossCost: AmountString | null;
}
export interface ThresholdApplied { absolute: AmountString; percent: string; }
export interface Projections {
  /** ytd outcome + (year budget − ytd budget). */
  remainingBudget: AmountString;
  /** ytd outcome / (ytd budget / year budget), to the öre; null where the ytd budget is zero. */
  runRate: AmountString | null;
  /** The forecast beats both projections by more than the absolute threshold; null without a forecast. */
  optimistic: boolean | null;
}
export interface Escalation {
  /** The first month whose forecast deviation was material and negative. */
  firstSeen: MonthString;
  /** The action programme is due: three months after firstSeen. */
  due: MonthString;
  materialNow: boolean;
  /** The year's expected effect of the measures in the unit's subtree (effect tracking); null,
   * not zero, when the subtree has no measures. */
  expectedEffects: AmountString | null;
  /** expectedEffects / |forecast deviation| in percent; null without measures or without a gap. */
  coverage: PercentString | null;
}
export interface VolumeSplit {
  measure: string;
  costType: string | null;
  budgetVolume: string;
  actualVolume: string;
  /** The subtree's ytd budget, outcome and deviation (of the cost type, where given). */
  budget: AmountString;
  outcome: AmountString;
  deviation: AmountString;
  /** (actual − budget volume) × budget unit cost; null where the budget volume is zero. */
  volume: AmountString | null;
  /** deviation − volume: the price/efficiency part. */
  price: AmountString | null;
}
export interface CostTypeFigures {
  /** null for the rows that name no cost type. */
  costType: string | null;
  name: string | null;
  kind: "revenue" | "cost" | null;
  period: Figures;
  tertial: Figures;
  ytd: Figures;
  fullYear: FullYear;
}
export interface DeviationRow {
  unit: string;
  name: string;
  parent: string | null;
  level: Level | null;
  /** 0 for the report's root. */
  depth: number;
  children: string[];
  /** The materiality thresholds applied to this unit. */
  threshold: ThresholdApplied;
  period: Figures;
  /** The tertial of the month, from its first month through the month. */
  tertial: Figures;
  ytd: Figures;
  fullYear: FullYear;
  projections: Projections;
  /** Units at the escalation level whose forecast has been material and negative this year. */
  escalation: Escalation | null;
  volumes: VolumeSplit[];
  /** With byCostType: per cost type (those with figures), adding up to the row. */
  costTypes?: CostTypeFigures[];
}
export interface BridgeOptions {
  /** The month whose latest forecast ends the bridge; its year is the year bridged. */
  asOf: MonthString;
  /** The unit (with its subtree); the root when absent. */
  unit?: string;
}
/** measures: forecast − planned effect; grants: result effect beyond budget; oneOffs: the year's
 * one-off items; volume and price: the year-to-date split where volumes are known; other: the
 * exact residual. */
export type BridgeStepKind = "measures" | "grants" | "oneOffs" | "volume" | "price" | "other";
export interface BridgeStep {
  kind: BridgeStepKind;
  amount: AmountString;
  /** The running result before and after the step. */
  from: AmountString;
  to: AmountString;
}
export interface BridgeReport {
  unit: string;
  name: string;
  year: number;
  asOf: MonthString;
  /** Budgeterat resultat. */
  budget: AmountString;
  /** Prognostiserat resultat: the latest forecast by asOf, the budget where none is made. */
  forecast: AmountString;
  forecastMonth: MonthString | null;
  /** Steps whose amounts add up exactly to forecast − budget; "other" is always last. A part
   * without data in the document (no measures, no grants, no one-offs, no volumes) has no step. */
  steps: BridgeStep[];
}
export interface DeviationReport {
  name: string | null;
  asOf: MonthString;
  year: number;
  /** First month of the tertial the tertial figures cover. */
  tertialFrom: MonthString;
  escalationLevel: Level;
  /** The unit the report starts at. */
  root: string;
  /** Parents before children, children in input order. */
  rows: DeviationRow[];
}

export interface AccuracyOptions { year: number; unit?: string; }
export type Tendency = "optimistic" | "pessimistic" | "neutral";
export interface ForecastError {
  made: MonthString;
  forecast: AmountString;
  /** forecast − budget, as it stood. */
  deviation: AmountString;
  /** forecast − outcome: positive means too rosy. */
  error: AmountString;
  /** error / |gross cost|; null where the gross cost is unknown. */
  errorPercent: PercentString | null;
}
export interface Revision { made: MonthString; change: AmountString; }
export interface Run { length: number; direction: Tendency; from: MonthString; to: MonthString; }
export interface AccuracyRow {
  unit: string; name: string; parent: string | null; level: Level | null; depth: number; children: string[];
  budget: AmountString;
  outcome: AmountString;
  /** The last month with outcome in the subtree. */
  outcomeThrough: MonthString | null;
  deviation: AmountString;
  percent: PercentString | null;
  grossCost: AmountString | null;
  forecasts: ForecastError[];
  revisions: Revision[];
  /** Mean error; null without forecasts. */
  bias: AmountString | null;
  tendency: Tendency | null;
  meanAbsoluteError: AmountString | null;
  longestRun: Run | null;
}
export interface AccuracyReport { name: string | null; year: number; root: string; rows: AccuracyRow[]; }

export interface FrameShare { id: string; share: number | string; }
export interface FrameAllocation {
  frame: AmountString;
  parts: { id: string; share: string; amount: AmountString }[];
  /** When the shares do not add up to 100: share = 100 − Σ shares, amount = the rest. */
  remainder: { share: string; amount: AmountString } | null;
}

export interface FormatOptions {
  /** kr (default), tkr or mnkr. */
  unit?: DisplayUnit;
  /** Decimals shown; 0 by default. */
  decimals?: number;
  /** Append the unit: "−157,3 mnkr". */
  suffix?: boolean;
  /** No thousands separators and an ASCII minus, for files (CSV): "-157,3". */
  plain?: boolean;
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
/** Splits a frame by percentage shares to the öre; a remainder row when they miss 100 %. */
export function allocateFrame(frame: AmountInput, shares: FrameShare[]): FrameAllocation;
"#;

/// Types of effect tracking (effekthemtagning); interfaces merge with those above.
#[wasm_bindgen(typescript_custom_section)]
const EFFECT_TYPES: &str = r#"
/** Effects are savings: a positive amount is a better result. */
export type MeasureStatus = "planned" | "decided" | "ongoing" | "done" | "cancelled";
export type RiskLevel = "low" | "medium" | "high";
/** Red, amber or green on the realisation rate (default cut-offs 90 % and 70 %). */
export type Rag = "green" | "amber" | "red";
/** A probability or a percentage as a number or a decimal string: 0.6, "0.6", 90. */
export type DecimalInput = number | string;

export interface WorkspaceDocument {
  /** The measures register (åtgärdsregister). */
  measures?: MeasureInput[];
  /** Programmes (åtgärdsprogram): targets over periods of years. */
  programmes?: ProgrammeInput[];
  /** The unit managers' entries, oldest first; undo pops the last. */
  effectEntries?: EffectEntry[];
}
export interface ImportSummary { measures: number; programmes: number; effectEntries: number; }

/** The plan of one year: the in-year effect, or the full-year effect (rate) from `start`. */
export interface PlanYearInput { year: number; effect?: AmountInput; rate?: AmountInput; start?: MonthString; }
export interface MeasureInput {
  id: string;
  title: string;
  /** A unit of the tree. */
  unit: string;
  category?: string;
  owner?: string;
  /** Decision reference (beslut). */
  decision?: string;
  status: MeasureStatus;
  /** A recurring measure with a rate runs at the full rate in later years without a plan. */
  recurring: boolean;
  /** 0..1; or give `risk`; neither means 1. */
  probability?: DecimalInput;
  risk?: RiskLevel;
  plan?: PlanYearInput[];
  realised?: { month: MonthString; amount: AmountInput }[];
  forecasts?: { year: number; made: MonthString; amount: AmountInput }[];
}
export interface ProgrammeInput {
  id: string;
  name: string;
  /** The effect the programme must bring over the period. */
  target: AmountInput;
  from: number;
  to: number;
  /** These measures; or those under `units` (all) in `categories` (all). */
  measures?: string[];
  units?: string[];
  categories?: string[];
}
/** One entry of the log; `previous` is what the entry replaced (null: nothing). */
export type EffectEntry =
  | { kind: "realised"; measure: string; month: MonthString; amount: AmountString; previous: AmountString | null }
  | { kind: "forecast"; measure: string; year: number; made: MonthString; amount: AmountString; previous: AmountString | null };

export interface EffectsOptions {
  /** The month reported on; its year is the year of the measure figures. */
  asOf: MonthString;
  /** Probabilities of the risk levels; default 0.9, 0.6, 0.3. */
  risk?: { low: DecimalInput; medium: DecimalInput; high: DecimalInput };
  /** Realisation-rate cut-offs in percent; default green 90, amber 70. */
  cutoffs?: { green: DecimalInput; amber: DecimalInput };
}
export interface EffectFigures {
  planned: AmountString;
  plannedToDate: AmountString;
  realisedToDate: AmountString;
  /** realisedToDate / plannedToDate; null when nothing is planned to date. */
  rate: PercentString | null;
  status: Rag | null;
  forecast: AmountString;
  /** planned − forecast (uteblivna effekter). */
  shortfall: AmountString;
  /** realised + probability × (forecast − realised). */
  expected: AmountString;
}
export interface MeasureRow {
  id: string; title: string; unit: string;
  category: string | null; owner: string | null; decision: string | null;
  status: MeasureStatus; recurring: boolean;
  /** The probability applied, as a decimal string. */
  probability: string;
  plannedStart: MonthString | null;
  firstRealised: MonthString | null;
  /** Months from planned start to first realised effect; null while nothing is realised. */
  delayMonths: number | null;
  year: EffectFigures;
  programmes: { programme: string; period: EffectFigures }[];
}
export interface EffectUnitRow { unit: string; name: string; parent: string | null; depth: number; measures: number; year: EffectFigures; }
export interface CategoryRow { category: string | null; measures: number; year: EffectFigures; }
export interface TimelinePoint {
  month: MonthString;
  planned: AmountString;
  /** null after the report's month. */
  realised: AmountString | null;
  forecast: AmountString;
  expected: AmountString;
}
export interface ProgrammeRow {
  id: string; name: string; target: AmountString; from: number; to: number;
  measures: string[];
  period: EffectFigures;
  /** expected / target; null for a zero target. */
  coverage: PercentString | null;
  /** max(0, target − expected): behov av nya åtgärder. */
  need: AmountString;
  /** Cumulative, one point per month of the period. */
  timeline: TimelinePoint[];
}
export interface EffectsReport {
  asOf: MonthString;
  year: number;
  cutoffs: { green: string; amber: string };
  measures: MeasureRow[];
  /** Parents before children; units with measures in their subtree. */
  units: EffectUnitRow[];
  categories: CategoryRow[];
  programmes: ProgrammeRow[];
}
export interface RealisedInput { measure: string; month: MonthString; amount: AmountInput; }
export interface ForecastInput { measure: string; year: number; made: MonthString; amount: AmountInput; }
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

#[wasm_bindgen(typescript_custom_section)]
const GRANT_TYPES: &str = r#"
export type GrantKind = "targeted" | "performance" | "general" | "sector";
export type Certainty = "decided" | "announced" | "conditional" | "uncertain";
/** A probability or weight as a decimal string ("0.25") or a number. */
export type WeightInput = string | number;

/** A state grant (statsbidrag) for one year, held by one unit (docs/schema-v1.md, grants[]). */
export interface GrantInput {
  id: string;
  name: string;
  kind: GrantKind;
  /** The unit that holds (books) the grant, often the committee. */
  unit: string;
  year: number;
  /** Expected amount for the year (revenue, +). */
  amount: AmountInput;
  /** The year's costs the grant finances (result sign, ≤ 0). */
  financedCosts?: AmountInput;
  /** Recognised as revenue to date, as of `asOf`. */
  recognised?: AmountInput;
  /** Financed costs booked to date (≤ 0), as of `asOf`. */
  financedToDate?: AmountInput;
  /** The month the to-date figures are stated at; required with them. */
  asOf?: MonthString;
  certainty: Certainty;
  /** 0..1; required for conditional grants. */
  probability?: WeightInput;
  /** True when absent. */
  conditionsMet?: boolean;
  /** The last year the grant is paid; `year` when absent. */
  lastYear?: number;
  /** Costs that stay each year after the grant ends (≤ 0). */
  remainingCosts?: AmountInput;
  /** The part of the year's result effect already in the budget. */
  budgetedEffect?: AmountInput;
  allocation?: AllocationKeyInput;
}
export interface AllocationKeyInput {
  /** shares and volumes take a weight per unit; cost weighs by each unit's budgeted gross cost. */
  by: "shares" | "volumes" | "cost";
  units: { unit: string; weight?: WeightInput }[];
}
export interface WorkspaceDocument { grants?: GrantInput[]; }
export interface ImportSummary { grants: number; }

export interface GrantOptions {
  /** The month reported on; its year is the forecast year. */
  asOf: MonthString;
  /** Report only this unit's subtree. */
  unit?: string;
  /** The kinds that count as temporary; ["targeted", "performance"] when absent. */
  temporary?: GrantKind[];
  /** One-off items per unit (result sign), taken out of the structural result. */
  oneOffs?: { unit: string; ytd?: AmountInput; fullYear?: AmountInput }[];
  /** Years after the forecast year the cliff covers, 1 to 10; 3 when absent. */
  planYears?: number;
  /** Default probabilities where a grant gives none: announced 0.9, uncertain 0.5. */
  probabilities?: { announced?: WeightInput; uncertain?: WeightInput };
}
export interface GrantFigures {
  amount: AmountString;
  financedCosts: AmountString;
  /** amount + financedCosts. */
  resultEffect: AmountString;
}
export interface AllocatedPart {
  unit: string;
  /** The key's weight (for a cost key, the unit's budgeted gross cost), a decimal string. */
  weight: string;
  ytd: GrantFigures;
  fullYear: GrantFigures;
}
export interface GrantLine {
  id: string;
  name: string;
  kind: GrantKind;
  temporary: boolean;
  unit: string;
  certainty: Certainty;
  /** The probability used, a decimal string. */
  probability: string;
  conditionsMet: boolean;
  lastYear: number;
  ytd: GrantFigures;
  fullYear: GrantFigures;
  weightedEffect: AmountString;
  /** Full-year result effect beyond the budgeted effect. */
  beyondBudget: AmountString;
  remainingCosts: AmountString;
  allocation: AllocatedPart[] | null;
}
export interface Dependency {
  /** Outcome to date, or the full-year forecast (units without one at budget). */
  reported: AmountString;
  grants: AmountString;
  temporaryEffect: AmountString;
  oneOffs: AmountString;
  /** reported − temporaryEffect − oneOffs. */
  structural: AmountString;
  grossRevenue: AmountString;
  /** temporaryEffect / reported; null unless reported > 0. */
  shareOfResult: PercentString | null;
  /** temporaryEffect / grossRevenue; null unless grossRevenue > 0. */
  shareOfRevenue: PercentString | null;
  /** reported ≥ 0 and structural < 0. */
  masking: boolean;
  allocatedEffect: AmountString;
  /** reported − temporaryEffect + allocatedEffect. */
  allocatedResult: AmountString;
}
export interface Scenarios {
  asForecast: AmountString;
  decidedOnly: AmountString;
  probabilityWeighted: AmountString;
  none: AmountString;
}
export interface CliffYear {
  year: number;
  lostEffect: AmountString;
  remainingCosts: AmountString;
  /** lostEffect + remainingCosts, against the forecast year. */
  gap: AmountString;
  /** gap less the year before's. */
  change: AmountString;
  /** Ids of the grants first missing this year. */
  ending: string[];
}
export interface GrantRow {
  unit: string;
  name: string;
  parent: string | null;
  level: Level | null;
  depth: number;
  children: string[];
  ytd: Dependency;
  fullYear: Dependency;
  /** What the result bridge shows as "grants beyond budget". */
  fullYearBeyondBudget: AmountString;
  scenarios: Scenarios;
  cliff: CliffYear[];
}
export interface GrantsReport {
  name: string | null;
  asOf: MonthString;
  year: number;
  root: string;
  temporaryKinds: GrantKind[];
  planYears: number[];
  grants: GrantLine[];
  /** Parents before children; the first row is the total. */
  rows: GrantRow[];
}
"#;

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
            grants: crate::import::registers::grants::read(text).map_err(js_error)?,
            ..json::Document::default()
        };
        to_js(&self.inner.import(doc).map_err(js_error)?)
    }
}
