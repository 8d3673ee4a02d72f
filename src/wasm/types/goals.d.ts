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
  /** The last month of asOf's year with outcome in the tree; null without asOf. An indicator's
   * deviation (ytd Figures) past it has no outcome, deviation or status. */
  outcomeThrough: MonthString | null;
  goals: { id: string; name: string; indicators: IndicatorRow[]; counts: FulfilmentCounts }[];
  counts: FulfilmentCounts;
}
