/** What a comment is: an explanation (förklaring) or an action (åtgärd). */
export type CommentKind = "explanation" | "action";
/**
 * An explanation or action (avvikelseförklaring, åtgärd) for a unit's figures of a month,
 * optionally of one cost type. One of each kind per unit, cost type and month: a later one
 * replaces the earlier.
 */
export interface Comment {
  unit: string;
  /** The month whose report it belongs to. */
  month: MonthString;
  /** Left out: the unit's whole result. */
  costType?: string;
  kind: CommentKind;
  /** Not blank; kept trimmed, otherwise as written. */
  text: string;
  /** Who wrote it, as they give their name; "" when not given. */
  author?: string;
  /** The day it was written, YYYY-MM-DD; "" when not given. */
  written?: string;
  /** Actions only: the month it is to be done by. */
  due?: MonthString;
  /** Actions only: who answers for it. */
  owner?: string;
}
/** Which comment `removeComment` removes. */
export interface CommentKey { unit: string; costType?: string | null; month: MonthString; kind: CommentKind; }
export interface CommentsOptions {
  /** The month, YYYY-MM. */
  asOf: MonthString;
  /** The unit whose subtree's comments are given; every unit when absent. */
  unit?: string;
}
/** Which figures of a row a missing explanation is for: the month, the year to date, the
 * full-year forecast. */
export type ExplainedSpan = "month" | "ytd" | "fullYear";
/** A material deviation of the report's month without an explanation or action for its row. */
export interface MissingExplanation {
  unit: string;
  /** The unit's name. */
  name: string;
  /** The cost type of a cost-type row (byCostType); absent for the unit's row. */
  costType?: string;
  span: ExplainedSpan;
  status: "material" | "favourable";
  deviation: AmountString;
  /** What the row lacks: a negative material deviation needs an explanation and an action, a
   * favourable one an explanation. */
  missing: CommentKind[];
}
