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
export interface GrantRow extends UnitHeader {
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
  /** The last month of the year with outcome under root. */
  outcomeThrough: MonthString | null;
  temporaryKinds: GrantKind[];
  planYears: number[];
  grants: GrantLine[];
  /** Parents before children; the first row is the total. */
  rows: GrantRow[];
}
