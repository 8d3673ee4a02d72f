/** An amount in kronor, result sign (revenue +, cost −), as a decimal string: "-157333333.33". */
export type AmountString = string;
/** A month, "YYYY-MM". */
export type MonthString = string;
/** A percentage with two decimals as a decimal string: "-3.52" is −3,52 %. */
export type PercentString = string;
export type DisplayUnit = "kr" | "tkr" | "mnkr";
export type Level = "region" | "committee" | "administration" | "area" | "department" | "unit";
/** Who a report row is about and where it sits in the report's tree: the first fields of every
 * per-unit row (deviation, accuracy, grants). */
export interface UnitHeader {
  unit: string;
  name: string;
  parent: string | null;
  level: Level | null;
  /** 0 for the report's root. */
  depth: number;
  /** Ids of the children, in input order. */
  children: string[];
}
export type MethodName = "linear" | "days" | "workdays" | "profile" | "prior-year";
export type Rounding = "ore" | "krona";
/** An amount on input: a decimal string (Swedish forms such as "-1 234,50" or "236 mnkr" too),
 * or a number that is a safe integer or has at most two decimals. */
export type AmountInput = string | number;

/** The error every function throws: a real Error with a stable code. */
export interface BalansError extends Error {
  /** A stable code such as "E_PARSE_AMOUNT" or "E_UNKNOWN_UNIT"; every code and its meaning is
   * in docs/errors.md. A rejected import has its first error's code. */
  code: string;
  /** The path of the input field at fault, e.g. "budget[3].annual", where there is one. */
  field?: string;
  /** A rejected import's first error's line and column, and the whole report. */
  line?: number;
  column?: number;
  report?: ImportReport;
}
