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
/** A month, tertial or year to date. A span that reaches past the row's outcomeThrough (the
 * last booked month of its subtree) has no outcome: outcome, deviation, both percents,
 * underlying and status are null ("inget utfall"), budget, grossCost and oneOffs stay. */
export interface Figures {
  budget: AmountString;
  /** null for a span past the last booked month. */
  outcome: AmountString | null;
  /** outcome − budget; positive is favourable; null without outcome. */
  deviation: AmountString | null;
  /** deviation / |budget|; null where the budget is zero or without outcome. */
  percent: PercentString | null;
  /** The span's budgeted gross cost (bruttokostnad), result sign: rows of cost types of kind
   * cost, and rows without a cost type that are negative; null where no row is a cost. */
  grossCost: AmountString | null;
  /** deviation / |grossCost|, two decimals; null without outcome or gross cost. */
  percentOfGrossCost: PercentString | null;
  /** One-off items booked in the span. */
  oneOffs: AmountString;
  /** deviation − oneOffs; null without outcome. */
  underlying: AmountString | null;
  /** null without outcome. */
  status: Status | null;
}
export interface FullYear {
  budget: AmountString;
  /** The subtree's forecast: the unit's own where it has one (a forecast covers the whole
   * subtree), else its own rows at budget plus its children's forecasts (children without one
   * at budget); null while no forecast counts here. */
  forecast: AmountString | null;
  forecastMonth: MonthString | null;
  deviation: AmountString | null;
  percent: PercentString | null;
  /** Every one-off item of the year (the forecast includes those it expects). */
  oneOffs: AmountString;
  underlying: AmountString | null;
  /** The forecast deviation's status; null without a forecast. */
  status: Status | null;
  /** The year's budgeted gross cost, as Figures.grossCost; null where no row is a cost. */
  grossCost: AmountString | null;
  /** (forecast − budget) / |grossCost|, two decimals; null without a forecast or gross cost. */
  percentOfGrossCost: PercentString | null;
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
  /** The explanations and actions of this cost type of the unit for the report's month; empty
   * for the rows that name no cost type. Always there, whatever fields. */
  comments: Comment[];
}
export interface DeviationRow extends UnitHeader {
  /** The materiality thresholds applied to this unit. */
  threshold: ThresholdApplied;
  /** The last month of the year with outcome in the subtree; always there, whatever fields. */
  outcomeThrough: MonthString | null;
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
  /** The explanations and actions of the unit's result for the report's month, an explanation
   * first. Always there, whatever fields. */
  comments: Comment[];
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
  /** The last month of the year with outcome under root: where a view starts when it is given
   * no month. */
  outcomeThrough: MonthString | null;
  /** Parents before children, children in input order. */
  rows: DeviationRow[];
  /** The month's material deviations (month, year to date, full year) whose row lacks an
   * explanation or, for a negative one, an action; none for rows not booked through the month. */
  missingExplanations: MissingExplanation[];
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
export interface AccuracyRow extends UnitHeader {
  budget: AmountString;
  outcome: AmountString;
  /** The last month with outcome in the subtree (the deviation report's outcomeThrough). */
  outcomeThrough: MonthString | null;
  deviation: AmountString;
  percent: PercentString | null;
  /** The year's booked gross cost: outcome of cost-kind rows and negative rows without a cost type. */
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
