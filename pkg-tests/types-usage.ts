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
  type EffectsReport,
  type ProgrammeRow,
  type EffectEntry,
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

// Effect tracking (effekthemtagning).
export function effectsUsage(ws: Workspace): string {
  const report: EffectsReport = ws.effects({ asOf: '2025-08', cutoffs: { green: 90, amber: '70' } });
  const programme: ProgrammeRow = report.programmes[0];
  const need: string = programme.need;
  const rag: 'green' | 'amber' | 'red' | null = programme.period.status;
  const last: string | null = programme.timeline[0].realised;
  const entry: EffectEntry = ws.recordRealised({ measure: 'HS24-1', month: '2025-08', amount: '5 mnkr' });
  const month: string = entry.kind === 'realised' ? entry.month : entry.made;
  ws.recordForecast({ measure: 'HS24-1', year: 2025, made: '2025-08', amount: 11000000 });
  const undone: EffectEntry | null = ws.undoEntry();
  const csv: string = ws.exportEntriesCsv();
  const measures: number = ws.importMeasures('Id\tÅtgärd\tEnhet\tStatus').measures;
  const doc: WorkspaceDocument = { schema: 1, measures: [{ id: 'M', title: 'T', unit: 'R', status: 'ongoing', recurring: true, risk: 'low', plan: [{ year: 2025, rate: '1200000', start: '2025-09' }] }] };
  return [need, rag, last, month, undone?.kind, csv, measures, doc.schema, ws.effectEntries().length].join();
}

export function effectsRefused(ws: Workspace): void {
  // @ts-expect-error asOf is required
  ws.effects({});
  // @ts-expect-error a status is one of five
  const doc: WorkspaceDocument = { schema: 1, measures: [{ id: 'M', title: 'T', unit: 'R', status: 'paused', recurring: true }] };
  // @ts-expect-error the need is a decimal string
  const n: number = ws.effects({ asOf: '2025-08' }).programmes[0].need;
  void doc;
  void n;
}
