export interface CommitteeOptions {
  /** The month reported on; March and August give the interim report (delårsrapport). */
  asOf: MonthString;
  /** The committee (or any unit) whose subtree the paper covers; the root when absent. */
  unit?: string;
  /** "sv" (default) or "en". Numbers are written the sv-SE way in both. */
  lang?: PaperLang;
  /** Levels below the unit that the deviation table and the material items show; 2 by default,
   * at most 10. */
  depth?: number;
}
export type PaperLang = "sv" | "en";
/** monthly: månadsrapport; interim: delårsrapport (per March and August). */
export type PaperKind = "monthly" | "interim";
export type SectionKind =
  | "summary" | "keyFigures" | "deviation" | "months" | "material" | "escalation"
  | "effects" | "grants" | "bridge" | "goals";
/** The committee paper: a heading and sections in reading order; a section without data is left
 * out. */
export interface CommitteeReport {
  kind: PaperKind;
  /** "Delårsrapport per augusti 2025". */
  title: string;
  unit: string;
  /** The committee's name, for the heading and every printed page. */
  name: string;
  asOf: MonthString;
  year: number;
  lang: PaperLang;
  outcomeThrough: MonthString | null;
  /** The workspace's name (the region), for the source line. */
  source: string | null;
  sections: PaperSection[];
}
export interface PaperSection {
  kind: SectionKind;
  heading: string;
  blocks: PaperBlock[];
}
export type PaperBlock =
  | ({ type: "paragraph" } & PaperParagraph)
  | { type: "keyFigures"; items: KeyFigure[] }
  | ({ type: "table" } & PaperTable)
  | ({ type: "figure" } & PaperFigure);
/** A paragraph written from the figures: every number in `text` is in the `text` of one of its
 * `figures`; text from the data written into it (names, explanations) is in `quotes`. */
export interface PaperParagraph {
  text: string;
  figures: FigureUse[];
  quotes: string[];
}
/** A figure a paragraph took: `name` is the engine report's field of `unit` (for example
 * "deviation.ytd.outcome", "grants.ytd.structural", "months.forecastChange",
 * "effects.programmes[HSN-2024].need", "grants.cliff[2026].gap"). */
export interface FigureUse {
  name: string;
  unit: string;
  /** Exact: an amount or percent as a decimal string, a month "YYYY-MM", a year or count. */
  value: string;
  /** As written in the text: "148,0 mnkr", "augusti 2025". */
  text: string;
}
export interface KeyFigure {
  name: string;
  label: string;
  value: PaperCell;
}
/** Plain columns and rows of cells; the first cell of a row names it. */
export interface PaperTable {
  id: string;
  caption: string;
  columns: string[];
  rows: PaperRow[];
}
export interface PaperRow {
  cells: PaperCell[];
  /** Depth below the paper's unit where the rows are units, else 0. */
  depth: number;
}
/** A cell: text, or a figure as the reports hold it; `null` where the report has none. */
export type PaperCell =
  | { kind: "text"; value: string }
  | { kind: "amount"; value: AmountString | null }
  | { kind: "percent"; value: PercentString | null }
  | { kind: "count"; value: number }
  | { kind: "month"; value: MonthString | null };
/** A chart and the table that carries the same figures. */
export interface PaperFigure {
  id: string;
  title: string;
  chart: PaperChart;
  table: PaperTable;
}
/** bars: grouped bars per label; lines: one line per series; waterfall: each bar from the
 * series "from" to the series "to". */
export type ChartKind = "bars" | "lines" | "waterfall";
export interface PaperChart {
  kind: ChartKind;
  labels: string[];
  series: PaperSeries[];
}
export interface PaperSeries {
  key: string;
  label: string;
  /** One per label; null where there is no figure. */
  values: (AmountString | null)[];
}
export interface MonthsOptions {
  /** The month reported on; its year is the year shown. */
  asOf: MonthString;
  /** The unit (with its subtree); the root when absent. */
  unit?: string;
}
/** A unit's year month by month (månad för månad). */
export interface MonthsReport {
  unit: string;
  name: string;
  year: number;
  asOf: MonthString;
  outcomeThrough: MonthString | null;
  /** The last booked month of the year before; null when the document holds none. */
  priorOutcomeThrough: MonthString | null;
  fullYearBudget: AmountString;
  /** January to December. */
  months: MonthRow[];
}
export interface MonthRow {
  month: MonthString;
  budget: AmountString;
  /** Null after asOf or the last booked month: a month not booked is not zero. */
  outcome: AmountString | null;
  deviation: AmountString | null;
  cumulativeBudget: AmountString;
  cumulativeOutcome: AmountString | null;
  cumulativeDeviation: AmountString | null;
  /** The full-year forecast as it stood at the end of the month; null after asOf and before the
   * first forecast. */
  forecast: AmountString | null;
  forecastMade: MonthString | null;
  /** Last year's outcome for the same month; null where the document holds none. */
  priorOutcome: AmountString | null;
  /** outcome − priorOutcome. */
  change: AmountString | null;
}
