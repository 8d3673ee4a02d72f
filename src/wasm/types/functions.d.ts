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
/** A table to write as a file: a report's table as a view holds it; ws.deviationTable gives the
 * deviation table's. */
export interface ExportTable {
  columns: ExportColumn[];
  /** One cell per column: text, or for amount and number columns a decimal string; null is
   * an empty cell. */
  rows: (string | null)[][];
}
export interface ExportColumn {
  heading: string;
  /** text (default); amount: kronor, whole öre, written to the öre as a number; number: any
   * other number (a percent, a count). */
  kind?: "text" | "amount" | "number";
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

/** Reads a file or pasted text without adding it: for a Web Worker, whose result the page's
 * workspace adds with importJson. `context` is the page workspace (its units and cost types, and
 * the keys it holds, for what the import would replace): best its importContext(), which leaves
 * the rows' amounts out; its whole document (toJSONText() or toJSON()) is read too. */
export function readImport(format: "csv" | "paste" | "sie", input: Uint8Array | string, options?: ImportOptions, context?: ImportContext | WorkspaceDocument | string): ReadImport;
/** How many bytes of WebAssembly memory the package holds now (it grows and never shrinks). */
export function memoryBytes(): number;
/** The table as CSV for Excel in Swedish (UTF-8 with BOM, `;`, decimal comma, CRLF): numbers
 * as numbers, text that a spreadsheet would run as a formula neutralised. A row of the wrong
 * length or a number that does not read throws, naming the cell (`rows[2][3]`). */
export function exportTableCsv(table: ExportTable): string;
/** Reads sv-SE or plain text as an exact amount in kronor: "1 234,50", "−236 mnkr", "-1234.5". */
export function parseAmount(text: string): AmountString;
/** Formats an amount the Swedish way: formatAmount("-157333333.33", { unit: "mnkr", decimals: 1 }) is "−157,3". */
export function formatAmount(amount: AmountInput, options?: FormatOptions): string;
/** Spreads an annual amount over the months of a year; the parts sum exactly to it. */
export function periodise(amount: AmountInput, options: PeriodiseOptions): Periodised;
/** Splits a frame by percentage shares to the öre; a remainder row when they miss 100 %. */
export function allocateFrame(frame: AmountInput, shares: FrameShare[]): FrameAllocation;
