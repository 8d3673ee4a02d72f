/** Items of a document per list: what one import added, or what it replaced. */
export interface ImportSummary {
  units: number; costTypes: number; budgetRows: number; outcomeRows: number; forecastRows: number;
  oneOffRows: number; volumeRows: number; goals: number;
  measures: number; programmes: number; effectEntries: number; grants: number; comments: number;
}
/**
 * What importJson, importMeasures, importGoals and importGrantsTable did (and what undoImport took
 * back): the items added, whose key the workspace did not hold, and under `replaced` those that
 * took the place of what an earlier import held for the same key. Together, what the import brought.
 */
export interface Imported extends ImportSummary {
  replaced: ImportSummary;
}

/** Options of importCsv, importPaste, importSie and readImport (README.md, "Importing files"). */
export interface ImportOptions {
  /** The file's name, used in the report's locations. */
  file?: string;
  /** "utf-8", "windows-1252" or "ibm437"; detected when absent (CSV: BOM, UTF-8, else Windows-1252; SIE: IBM 437). */
  encoding?: string;
  /** ";", "," or "\t"; CSV: sniffed from the header line when absent; paste: tab. */
  delimiter?: string;
  /** Tables: "result" (default: revenue +, cost −), "ledger" (debit +, credit −) or "magnitude". SIE is always ledger. */
  sign?: "result" | "ledger" | "magnitude";
  /** The fiscal year: for month numbers and month columns; rows outside it are errors. */
  year?: number;
  /** What a Belopp/Amount column or month columns hold: "budget", "outcome" (default) or "forecast". */
  measure?: "budget" | "outcome" | "forecast";
  /** An existing unit to place new units under (tables: without it, unknown units are errors). */
  parent?: string;
  /** The id of the unit made for the file (SIE: the company; default its #ORGNR). */
  root?: string;
  /** Account prefixes that are revenue; default ["3"]. */
  revenueAccounts?: string[];
  /** Account prefixes that are cost; default ["4","5","6","7","8"]. */
  costAccounts?: string[];
  /** SIE: the dimension whose objects become units; default 1 (kostnadsställe). */
  dimension?: number;
}
/** A warning (code W_…) or error (code E_…) of an import, located in the input. */
export interface ImportIssue {
  code: string;
  /** English; the widget shows Swedish text chosen by code. */
  message: string;
  file?: string;
  /** 1-based. */
  line?: number;
  /** 1-based. */
  column?: number;
  /** The column's header or the record's field, e.g. "Utfall", or `#PSALDO amount` for a SIE record. */
  field?: string;
  /** What would have been accepted there. */
  expected?: string;
}
export interface ImportReport {
  format: "csv" | "paste" | "sie";
  file?: string;
  encoding: "utf-8" | "windows-1252" | "ibm437";
  delimiter?: string;
  /** The sign convention applied. */
  sign: "result" | "ledger" | "magnitude-by-column" | "magnitude-by-account";
  /** How each header was read (tables). */
  columns?: { header: string; field: string }[];
  rows: { read: number; accepted: number; skipped: number; rejected: number };
  firstMonth?: MonthString;
  lastMonth?: MonthString;
  /** What the import added: items whose key the workspace did not hold. From readImport, what confirming (importJson of its document into the workspace given as `context`) would add. */
  added: ImportSummary;
  /** Items that replaced what an earlier import held for the same key (unit, cost type and month of outcome, …). From readImport, what confirming would replace in the `context` workspace. */
  replaced: ImportSummary;
  warnings: ImportIssue[];
  errors: ImportIssue[];
}
/**
 * What readImport gives: the report (its `added` and `replaced` say what confirming would do), the
 * units the import would add (what a preview lists), and the document as JSON text, to pass to
 * importJson as it is. Text, not objects, since 0.1.0's objects (a region's year is a million rows)
 * were slow to make, to post from a Web Worker and to read again; `JSON.parse` it for the rows.
 */
export interface ReadImport { report: ImportReport; document: string; units: UnitInput[]; }
/**
 * What ws.importContext() gives, for readImport's `context`: the workspace's units, cost types and
 * small lists, and of its budget, outcome, forecasts, one-offs and volumes only the keys (which a
 * preview's `replaced` counts, exactly), in bytes that only readImport of the same version reads.
 * A year of a million rows is a few MB, not the 72 MB of toJSONText(); post it to a Web Worker in
 * the transfer list (`postMessage(message, [context.buffer])`) and it is moved, not copied.
 */
export type ImportContext = Uint8Array;
