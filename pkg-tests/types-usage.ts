// Compiled (never run) by types.test.mjs with `tsc --strict`: the package's hand-written types
// must accept what the README shows and refuse what is wrong.
import init, {
  Workspace,
  allocateFrame,
  exportTableCsv,
  formatAmount,
  parseAmount,
  periodise,
  version,
  readImport,
  type BalansError,
  type BridgeReport,
  type ExportTable,
  type BridgeStepKind,
  type ImportIssue,
  type ImportReport,
  type Imported,
  type ReadImport,
  type ImportContext,
  type UnitInput,
  type DeviationReport,
  type DeviationRow,
  type WorkspaceDocument,
  type EffectsReport,
  type ProgrammeRow,
  type EffectEntry,
  type AccuracyReport,
  type CostTypeFigures,
  type Status,
  type DeviationRowGroup,
  type CommitteeReport,
  type PaperBlock,
  type PaperCell,
  type MonthsReport,
  type Comment,
  type CommentKind,
  type MissingExplanation,
} from '../pkg/balans.js';

export async function usage(doc: WorkspaceDocument): Promise<string> {
  await init();
  const ws = new Workspace();
  const summary = ws.importJson(doc);
  const rows: number = summary.outcomeRows;
  const replacedRows: number = summary.replaced.outcomeRows;
  const undone: Imported | null = ws.undoImport();
  const left: number = ws.importsToUndo();
  const report: DeviationReport = ws.deviation({ asOf: '2025-08', unit: 'HSN' });
  const first: DeviationRow = report.rows[0];
  const forecast: string | null = first.fullYear.forecast;
  const percent: string | null = first.ytd.percent;
  const groups: DeviationRowGroup[] = ['period', 'ytd', 'fullYear', 'escalation'];
  const shown: string = ws.deviation({ asOf: '2025-08', fields: groups }).rows[0].unit;
  const file: string = ws.exportDeviationCsv({ asOf: '2025-08', unit: 'HSN', byCostType: true });
  const table: ExportTable = {
    columns: [{ heading: 'Nämnd' }, { heading: 'Avvikelse (kr)', kind: 'amount' }],
    rows: [['HSN', '-157333333.33'], ['KTN', null]],
  };
  const tableFile: string = exportTableCsv(table);
  const sheet: ExportTable = ws.deviationTable({ asOf: '2025-08' });
  const kind: 'text' | 'amount' | 'number' | undefined = sheet.columns[0].kind;
  const firstCell: string | null = sheet.rows[0][0];
  const back: WorkspaceDocument = ws.toJSON();
  const parts: string[] = periodise('-236000000', { year: 2025, method: 'workdays' }).months;
  // Kept in IndexedDB: both answer with a promise; nothing kept is null.
  await ws.save('balans:example');
  const kept: Workspace | null = await Workspace.load('balans:example');
  kept?.free();
  await Workspace.moveStored('balans:example', 'balans:example:old');
  ws.free();
  try {
    parseAmount('x');
  } catch (err) {
    const code: string = (err as BalansError).code;
    return code;
  }
  return [rows, replacedRows, undone?.replaced.budgetRows, left, forecast, percent, shown, back.schema, parts.length, version(), formatAmount(1), file, tableFile, kind, firstCell].join();
}

export function refused(ws: Workspace): void {
  // @ts-expect-error undoImport may answer null: nothing to take back
  const taken: Imported = ws.undoImport();
  // @ts-expect-error asOf is required
  ws.deviation({});
  // @ts-expect-error the export takes the deviation's options
  ws.exportDeviationCsv({ unit: 'HSN' });
  // @ts-expect-error a column is text, amount or number
  exportTableCsv({ columns: [{ heading: 'x', kind: 'date' }], rows: [] });
  // @ts-expect-error not a method name
  periodise('1', { year: 2025, method: 'quarterly' });
  // @ts-expect-error amounts in reports are strings, not numbers
  const n: number = ws.deviation({ asOf: '2025-01' }).rows[0].ytd.budget;
  // @ts-expect-error a row's groups are threshold, period, tertial, ytd, fullYear, projections, escalation, volumes
  ws.deviation({ asOf: '2025-01', fields: ['budget'] });
  // @ts-expect-error schema 2 is not this package's document
  ws.importJson({ schema: 2 });
  // @ts-expect-error display units are kr, tkr and mnkr
  formatAmount('1', { unit: 'mkr' });
  // @ts-expect-error load answers with a promise, not a Workspace
  const sync: Workspace = Workspace.load('balans:example');
  void n;
  void sync;
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

export function analysis(ws: Workspace): string {
  const report = ws.deviation({
    asOf: '2025-08',
    byCostType: true,
    escalationLevel: 'committee',
    thresholds: { committee: { absolute: '10 mnkr', percent: 1 }, default: { absolute: 500000, percent: '3' } },
  });
  const row = report.rows[0];
  // Past the last booked month a span has no outcome: status and deviation are null.
  const status: Status | null = row.ytd.status;
  const through: string | null = report.outcomeThrough ?? row.outcomeThrough;
  const ofGross: string | null = row.fullYear.percentOfGrossCost ?? row.ytd.percentOfGrossCost;
  const forecastStatus: Status | null = row.fullYear.status;
  const coverage: string | null = row.escalation?.coverage ?? null;
  const types: CostTypeFigures[] = row.costTypes ?? [];
  const underlying: string | null = row.ytd.underlying;
  const runRate: string | null = row.projections.runRate;
  const accuracy: AccuracyReport = ws.accuracy({ year: 2024 });
  const run = accuracy.rows[0].longestRun?.length ?? 0;
  const frame = allocateFrame('-8334 mnkr', [{ id: 'HSN', share: 67.6 }]);
  const rest: string | undefined = frame.remainder?.amount;
  ws.importJson({
    schema: 1,
    oneOffs: [{ unit: 'KTN', month: '2025-05', amount: '20 mnkr', text: 'Skatteåterbetalning' }],
    volumes: [{ unit: 'MED', month: '2025-01', measure: 'vårddygn', budget: 1000, actual: '1050' }],
    thresholds: { unit: { absolute: '250 tkr', percent: 5 } },
  });
  return [status, forecastStatus, coverage, types.length, underlying, runRate, run, rest, through, ofGross].join();
}

export function refusedAnalysis(ws: Workspace): void {
  // @ts-expect-error not a status filter value the report gives
  const s: Status = 'red';
  // @ts-expect-error escalation levels are tree levels
  ws.deviation({ asOf: '2025-08', escalationLevel: 'board' });
  // @ts-expect-error a one-off needs its text
  ws.importJson({ schema: 1, oneOffs: [{ unit: 'KTN', month: '2025-05', amount: '1' }] });
  void s;
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

// The result bridge (resultatbrygga).
export function bridgeUsage(ws: Workspace): string {
  const bridge: BridgeReport = ws.bridge({ asOf: '2025-08', unit: 'HSN' });
  const kinds: BridgeStepKind[] = bridge.steps.map((s) => s.kind);
  // @ts-expect-error asOf is required
  ws.bridge({ unit: 'HSN' });
  // @ts-expect-error step amounts are decimal strings
  const n: number = bridge.steps[0].amount;
  void n;
  return [bridge.forecast, bridge.forecastMonth ?? '', kinds.join()].join();
}

// The committee paper (månadsrapport) and months side by side.
export function committeeUsage(ws: Workspace): string {
  const paper: CommitteeReport = ws.committeeReport({ asOf: '2025-08', unit: 'HSN', lang: 'en', depth: 1 });
  const texts: string[] = paper.sections.flatMap((s) => s.blocks).map((b: PaperBlock) => {
    switch (b.type) {
      case 'paragraph': return b.text + b.figures.map((f) => f.value).join();
      case 'keyFigures': return b.items.map((k) => k.label).join();
      case 'table': return b.caption + b.columns.join();
      case 'figure': return b.chart.kind + b.table.rows.length;
    }
  });
  const cell: PaperCell = { kind: 'amount', value: '-1.50' };
  // @ts-expect-error an amount cell holds a decimal string
  const wrong: PaperCell = { kind: 'amount', value: 1.5 };
  // @ts-expect-error the language is sv or en
  ws.committeeReport({ asOf: '2025-08', lang: 'de' });
  const months: MonthsReport = ws.months({ asOf: '2025-08', unit: 'HSN' });
  // @ts-expect-error outcomes are decimal strings or null
  const n: number = months.months[0].outcome;
  void wrong; void n;
  return [paper.title, paper.kind, texts.join(), String(cell.value), months.months[0].forecast ?? ''].join();
}

export function imports(ws: Workspace, bytes: Uint8Array): string {
  const report: ImportReport = ws.importCsv(bytes, { file: 'utfall.csv', sign: 'ledger', year: 2025 });
  const first: ImportIssue | undefined = report.warnings[0];
  const line: number | undefined = first?.line;
  const pasted: ImportReport = ws.importPaste('Enhet\tJan\r\nA\t1\r\n', { measure: 'budget', year: 2025 });
  const sie: ImportReport = ws.importSie(bytes, { dimension: 6, revenueAccounts: ['3'] });
  const read: ReadImport = readImport('sie', bytes, {}, ws.toJSONText());
  const text: string = read.document;
  const tree: UnitInput[] = ws.units();
  const added: number = read.report.added.outcomeRows + read.units.length + text.length + tree.length;
  // @ts-expect-error the document is JSON text, to pass to importJson as it is
  read.document.outcome;
  readImport('csv', bytes, {}, ws.toJSON());
  // The workspace as readImport needs it, moved to a worker without a copy.
  const context: ImportContext = ws.importContext();
  const transfer: ArrayBufferLike[] = [context.buffer];
  readImport('csv', bytes, {}, context);
  // @ts-expect-error the context is the workspace's, not a number
  readImport('csv', bytes, {}, 5);
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
  const replaced: number = pasted.replaced.budgetRows + report.added.outcomeRows;
  return [report.sign, line, pasted.rows.read, sie.encoding, added, replaced, transfer.length].join();
}

export function commentsUsage(ws: Workspace): string {
  const kind: CommentKind = 'action';
  const comment: Comment = { unit: 'HSN', month: '2025-08', kind, text: 'Egen rekrytering', owner: 'Verksamhetschef', due: '2025-12' };
  const kept: number = ws.comment(comment).comments;
  const removed: boolean = ws.removeComment({ unit: 'HSN', month: '2025-08', kind: 'explanation' });
  const listed: Comment[] = ws.comments({ asOf: '2025-08', unit: 'HSN' });
  const pasted: number = ws.importComments('Enhet\tMånad\tText\nHSN\t2025-08\tx').comments;
  const report = ws.deviation({ asOf: '2025-08', byCostType: true });
  const missing: MissingExplanation | undefined = report.missingExplanations[0];
  const lacks: CommentKind[] = missing?.missing ?? [];
  const onRow: string | undefined = report.rows[0].comments[0]?.text;
  const onType: Comment[] | undefined = report.rows[0].costTypes?.[0].comments;
  return [kept, removed, listed.length, pasted, missing?.span, lacks.join(), onRow, onType?.length].join();
}

export function commentsRefused(ws: Workspace): void {
  // @ts-expect-error a comment is an explanation or an action
  ws.comment({ unit: 'HSN', month: '2025-08', kind: 'note', text: 'x' });
  // @ts-expect-error a comment needs a text
  ws.comment({ unit: 'HSN', month: '2025-08', kind: 'explanation' });
  // @ts-expect-error the month is asked for
  ws.comments({ unit: 'HSN' });
}
