// Compiled (never run) by types.test.mjs with `tsc --strict`: the package's hand-written types
// must accept what the README shows and refuse what is wrong.
import init, {
  Workspace,
  formatAmount,
  parseAmount,
  periodise,
  version,
  readImport,
  type BalansError,
  type ImportIssue,
  type ImportReport,
  type ReadImport,
  type DeviationReport,
  type DeviationRow,
  type WorkspaceDocument,
} from '../pkg/balans.js';

export async function usage(doc: WorkspaceDocument): Promise<string> {
  await init();
  const ws = new Workspace();
  const summary = ws.importJson(doc);
  const rows: number = summary.outcomeRows;
  const report: DeviationReport = ws.deviation({ asOf: '2025-08', unit: 'HSN' });
  const first: DeviationRow = report.rows[0];
  const forecast: string | null = first.fullYear.forecast;
  const percent: string | null = first.ytd.percent;
  const back: WorkspaceDocument = ws.toJSON();
  const parts: string[] = periodise('-236000000', { year: 2025, method: 'workdays' }).months;
  ws.free();
  try {
    parseAmount('x');
  } catch (err) {
    const code: string = (err as BalansError).code;
    return code;
  }
  return [rows, forecast, percent, back.schema, parts.length, version(), formatAmount(1)].join();
}

export function refused(ws: Workspace): void {
  // @ts-expect-error asOf is required
  ws.deviation({});
  // @ts-expect-error not a method name
  periodise('1', { year: 2025, method: 'quarterly' });
  // @ts-expect-error amounts in reports are strings, not numbers
  const n: number = ws.deviation({ asOf: '2025-01' }).rows[0].ytd.budget;
  // @ts-expect-error schema 2 is not this package's document
  ws.importJson({ schema: 2 });
  // @ts-expect-error display units are kr, tkr and mnkr
  formatAmount('1', { unit: 'mkr' });
  void n;
}

export function imports(ws: Workspace, bytes: Uint8Array): string {
  const report: ImportReport = ws.importCsv(bytes, { file: 'utfall.csv', sign: 'ledger', year: 2025 });
  const first: ImportIssue | undefined = report.warnings[0];
  const line: number | undefined = first?.line;
  const pasted: ImportReport = ws.importPaste('Enhet\tJan\r\nA\t1\r\n', { measure: 'budget', year: 2025 });
  const sie: ImportReport = ws.importSie(bytes, { dimension: 6, revenueAccounts: ['3'] });
  const read: ReadImport = readImport('sie', bytes, {}, ws.toJSON());
  const added: number = read.document.outcome?.length ?? 0;
  try {
    ws.importCsv(bytes, {});
  } catch (err) {
    const rejected: ImportReport | undefined = (err as BalansError).report;
    return String(rejected?.errors[0].code);
  }
  // @ts-expect-error sign conventions are result, ledger and magnitude
  ws.importCsv(bytes, { sign: 'debit' });
  // @ts-expect-error the format is csv, paste or sie
  readImport('xlsx', bytes, {});
  return [report.sign, line, pasted.rows.read, sie.encoding, added].join();
}
