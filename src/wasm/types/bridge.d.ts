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
  /** The last month of the year with outcome in the unit's subtree. */
  outcomeThrough: MonthString | null;
  /** Steps whose amounts add up exactly to forecast − budget; "other" is always last. A part
   * without data in the document (no measures, no grants, no one-offs, no volumes) has no step. */
  steps: BridgeStep[];
}
