// Compiled (never run) by types.test.mjs with `tsc --strict`: the package's hand-written types
// must accept what the README shows and refuse what is wrong.
import init, {
  Workspace,
  formatAmount,
  parseAmount,
  periodise,
  version,
  type BalansError,
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

// The grants report (statsbidragsberoende): options, report and register types.
export function grantsUsage(ws: Workspace): string {
  const summary = ws.importJson({
    schema: 1,
    grants: [{
      id: 'G', name: 'Riktat', kind: 'targeted', unit: 'HSN', year: 2025, amount: '1 mnkr',
      certainty: 'conditional', probability: 0.5,
      allocation: { by: 'shares', units: [{ unit: 'HSN-SJ', weight: '1' }] },
    }],
  });
  const added: number = summary.grants + ws.importGrantsTable('Namn\tTyp\tEnhet\tÅr\tBelopp\tSäkerhet').grants;
  const report = ws.grants({ asOf: '2025-08', temporary: ['targeted'], oneOffs: [{ unit: 'HSN', ytd: '1' }], planYears: 3 });
  const masking: boolean = report.rows[0].ytd.masking;
  const share: string | null = report.rows[0].ytd.shareOfResult;
  const gap: string = report.rows[0].cliff[0].gap;
  const parts = report.grants[0].allocation ?? [];
  return [added, masking, share, gap, parts.length, report.rows[0].scenarios.decidedOnly].join();
}

export function grantsRefused(ws: Workspace): void {
  // @ts-expect-error not a kind of grant
  ws.grants({ asOf: '2025-08', temporary: ['subsidy'] });
  // @ts-expect-error amounts in reports are strings
  const n: number = ws.grants({ asOf: '2025-08' }).rows[0].ytd.structural;
  void n;
}
