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
  /** The measures register (åtgärdsregister). */
  measures?: MeasureInput[];
  /** Programmes (åtgärdsprogram): targets over periods of years. */
  programmes?: ProgrammeInput[];
  /** The unit managers' entries, oldest first; undo pops the last. */
  effectEntries?: EffectEntry[];
  grants?: GrantInput[];
  /** Explanations and actions (avvikelseförklaringar, åtgärder) per unit and month. */
  comments?: Comment[];
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
