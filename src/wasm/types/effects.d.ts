/** Effects are savings: a positive amount is a better result. */
export type MeasureStatus = "planned" | "decided" | "ongoing" | "done" | "cancelled";
export type RiskLevel = "low" | "medium" | "high";
/** Red, amber or green on the realisation rate (default cut-offs 90 % and 70 %). */
export type Rag = "green" | "amber" | "red";
/** A probability or a percentage as a number or a decimal string: 0.6, "0.6", 90. */
export type DecimalInput = number | string;

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
  /** The last month of the year with ledger outcome in the tree (the deviation report's
   * outcomeThrough); the measures' realised effect has its own months. */
  outcomeThrough: MonthString | null;
  cutoffs: { green: string; amber: string };
  measures: MeasureRow[];
  /** Parents before children; units with measures in their subtree. */
  units: EffectUnitRow[];
  categories: CategoryRow[];
  programmes: ProgrammeRow[];
}
export interface RealisedInput { measure: string; month: MonthString; amount: AmountInput; }
export interface ForecastInput { measure: string; year: number; made: MonthString; amount: AmountInput; }
