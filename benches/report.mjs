// What `make bench` (benches/run.mjs) says about its figures: the check that the exact
// implementations agree to the öre, how far the float totals are off, one table per shape
// (figures down, sizes across), the panel's timings, the issue's targets checked from the run's
// own figures (✓ or ✗ with the figure), and results.md (the README's tables).
//
// Not here: running anything (legs.mjs, panel.mjs), the input (generate.mjs).
import { median } from './widget.mjs';

const mb = (bytes) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
const ms = (x) => (x === undefined ? '–' : `${x.toFixed(0)} ms`);
const ratio = (x) => (Number.isFinite(x) ? x.toFixed(2) : '–');
const rows = (n) => Number(n).toLocaleString('en');

/** A decimal string to öre as a BigInt (exact); the legs print amounts with up to two decimals. */
function ore(text) {
  const [int, frac = ''] = text.split('.');
  if (frac.length > 2) throw new Error(`more than öre: ${text}`);
  const neg = int.startsWith('-');
  const v = BigInt(int.replace('-', '')) * 100n + BigInt(frac.padEnd(2, '0'));
  return neg ? -v : v;
}
const cells = (digest) => new Map(digest.trim().split('\n').map((l) => {
  const [unit, ...amounts] = l.split(';');
  return [unit, amounts];
}));

/** Checks that `digest` equals `exact` to the öre; throws on the first difference. */
export function agree(name, digest, exact) {
  const a = cells(digest);
  const b = cells(exact);
  if (a.size !== b.size) throw new Error(`${name}: ${a.size} units, expected ${b.size}`);
  for (const [unit, amounts] of b) {
    const got = a.get(unit);
    amounts.forEach((x, i) => {
      // An empty cell (no outcome booked) matches only an empty cell.
      const same = got && (x === '' || got[i] === '' ? x === got[i] : ore(got[i]) === ore(x));
      if (!same) throw new Error(`${name} differs at ${unit}[${i}]: ${got?.[i]} ≠ ${x}`);
    });
  }
}

/** The largest difference in kr between the float digest and the exact one, and where. */
export function floatError(digest, exact) {
  const a = cells(digest);
  let worst = { kr: 0, unit: null };
  for (const [unit, amounts] of cells(exact)) {
    amounts.forEach((x, i) => {
      if (x === '') return;
      const kr = Math.abs(Number(a.get(unit)[i]) - Number(ore(x)) / 100);
      if (kr > worst.kr) worst = { kr, unit };
    });
  }
  return worst;
}

/** A leg's figures for results.json: medians of the first and warm passes, warm phase medians. */
export function summarise(leg) {
  return {
    firstMs: leg.first && median(leg.first), warmMs: median(leg.warm), first: leg.first, warm: leg.warm,
    phases: Object.fromEntries(Object.entries(leg.phases).map(([p, xs]) => [p, median(xs)])),
    memoryBytes: leg.memory, memoryKind: leg.memoryKind,
  };
}

/** The ratios the targets and tables use, from one size's summarised legs. */
export function ratios(size) {
  const l = size.legs;
  const warm = (name) => l[name].warmMs;
  return {
    decimalChromium: warm('decimal.js') / warm('wasm (Chromium)'),
    decimalNode: warm('decimal.js') / warm('wasm (Node)'),
    floatChromium: warm('wasm (Chromium)') / warm('JS numbers'),
    floatNode: warm('wasm (Node)') / warm('JS numbers'),
    memoryChromium: l['wasm (Chromium)'].memoryBytes / size.inputBytes,
    memoryNode: l['wasm (Node)'].memoryBytes / size.inputBytes,
  };
}

/** One shape's table: a line per figure, a column per size. */
export function table(shape, sizes) {
  const ns = Object.keys(sizes);
  const line = (label, f) => `${label.padEnd(36)}${ns.map((n) => String(f(sizes[n], n)).padStart(20)).join('')}`;
  const leg = (name) => (s) => `${ms(s.legs[name].firstMs)} / ${ms(s.legs[name].warmMs)}`;
  return [
    line(`── ${shape}`, (_, n) => `${rows(n)} asked`),
    line('rows (CSV lines)', (s) => rows(s.rows)),
    line('CSV', (s) => mb(s.inputBytes)),
    line('Chromium first / warm', leg('wasm (Chromium)')),
    line('Node first / warm', leg('wasm (Node)')),
    line('native (warm)', (s) => ms(s.legs.native.warmMs)),
    line('decimal.js first / warm', leg('decimal.js')),
    line('JS numbers first / warm', leg('JS numbers')),
    line('decimal.js ÷ package, Chromium', (s) => ratio(ratios(s).decimalChromium)),
    line('decimal.js ÷ package, Node', (s) => ratio(ratios(s).decimalNode)),
    line('package ÷ JS numbers, Chromium', (s) => ratio(ratios(s).floatChromium)),
    line('package ÷ JS numbers, Node', (s) => ratio(ratios(s).floatNode)),
    line('peak wasm memory ÷ CSV, Chromium', (s) => ratio(ratios(s).memoryChromium)),
    line('peak wasm memory ÷ CSV, Node', (s) => ratio(ratios(s).memoryNode)),
    line('Chromium warm: import / report', (s) => `${ms(s.legs['wasm (Chromium)'].phases.import)} / ${ms(s.legs['wasm (Chromium)'].phases.report)}`),
    line('JS numbers off by (kr)', (s) => s.floatMaxErrorKr.toPrecision(2)),
  ].join('\n');
}

/** The panel's timings of one shape, a line per size. */
export function panelLines(shape, sizes) {
  return Object.entries(sizes).filter(([, s]) => s.panel).map(([n, { panel: p }]) => (p.error
    ? `panel, ${shape}, ${rows(n)} rows: failed (${p.error})` :
    `panel, ${shape}, ${rows(n)} rows: file chosen → preview ${ms(median(p.preview))}, confirm → balans-import ${ms(median(p.confirm))}, total ${ms(median(p.total))}; ${rows(p.added.budgetRows)} budget and ${rows(p.added.outcomeRows)} outcome rows added (median of ${p.total.length} run${p.total.length > 1 ? 's' : ''}${p.capped ? `; capped: a run took over ${p.capMs / 1000} s` : ''})${p.reimport ? reimportText(p.reimport) : ''}`));
}

/** The same file chosen again over the year it brought: the month-end re-import's timings. */
function reimportText(r) {
  return r.total.length === 0 ? '; re-import not run'
    : `; re-imported: preview ${ms(median(r.preview))}, confirm ${ms(median(r.confirm))}, total ${ms(median(r.total))}, ${rows(r.replaced.budgetRows)} budget and ${rows(r.replaced.outcomeRows)} outcome rows replaced`;
}

/** The issue's targets, each `{ ok, text }`, from this run's figures; a size not run says so. */
export function targets(shapes) {
  const out = [];
  const at = (shape, n) => shapes[shape]?.sizes[n];
  const check = (text, size, test, figure) => out.push(size
    ? { ok: test(size), text: `${text}: ${figure(size)}` }
    : { ok: null, text: `${text}: not measured in this run` });
  const M = 1_000_000;
  check('1M rows dense, Chromium first import < 0.5 s', at('dense', M), (s) => s.legs['wasm (Chromium)'].firstMs < 500, (s) => ms(s.legs['wasm (Chromium)'].firstMs));
  check('1M rows dense, Chromium warm median < 0.3 s', at('dense', M), (s) => s.legs['wasm (Chromium)'].warmMs < 300, (s) => ms(s.legs['wasm (Chromium)'].warmMs));
  const decimal = (min) => (s) => Math.min(ratios(s).decimalChromium, ratios(s).decimalNode) >= min;
  const decimalText = (s) => `Chromium ${ratio(ratios(s).decimalChromium)}, Node ${ratio(ratios(s).decimalNode)}`;
  check('decimal.js ÷ package ≥ 10 at 1M rows dense (warm)', at('dense', M), decimal(10), decimalText);
  check('decimal.js ÷ package ≥ 10 at 1M rows sparse (warm)', at('sparse', M), decimal(10), decimalText);
  check('decimal.js ÷ package ≥ 5 at 100k rows sparse (warm)', at('sparse', 100_000), decimal(5), decimalText);
  for (const [shape, { sizes }] of Object.entries(shapes)) {
    for (const [n, s] of Object.entries(sizes)) {
      check(`faster than JS numbers, ${shape} ${rows(n)} (package ÷ JS numbers < 1, warm)`, s,
        (x) => Math.max(ratios(x).floatChromium, ratios(x).floatNode) < 1,
        (x) => `Chromium ${ratio(ratios(x).floatChromium)}, Node ${ratio(ratios(x).floatNode)}`);
    }
  }
  for (const shape of Object.keys(shapes)) {
    check(`peak wasm memory ≤ 2× the CSV at 1M rows ${shape}`, at(shape, M),
      (s) => Math.max(ratios(s).memoryChromium, ratios(s).memoryNode) <= 2,
      (s) => `Chromium ${ratio(ratios(s).memoryChromium)}×, Node ${ratio(ratios(s).memoryNode)}×`);
  }
  return out;
}

export const targetLine = (t) => `${t.ok === null ? '–' : t.ok ? '✓' : '✗'} ${t.text}`;

/** results.md: the README's tables, one per shape, then the panel, the targets, the widget. */
export function markdown(results) {
  const lines = [];
  for (const [shape, { sizes }] of Object.entries(results.shapes)) {
    lines.push(`**${shape}**`, '',
      '| rows | CSV | Chromium first | Chromium warm | Node first | Node warm | native | decimal.js | JS numbers | decimal.js ÷ package | package ÷ JS numbers | wasm memory ÷ CSV | JS numbers off by |',
      '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const [n, s] of Object.entries(sizes)) {
      const l = s.legs;
      const r = ratios(s);
      lines.push(`| ${rows(s.rows)} | ${mb(s.inputBytes)} | ${ms(l['wasm (Chromium)'].firstMs)} | ${ms(l['wasm (Chromium)'].warmMs)} | ${ms(l['wasm (Node)'].firstMs)} | ${ms(l['wasm (Node)'].warmMs)} | ${ms(l.native.warmMs)} | ${ms(l['decimal.js'].warmMs)} | ${ms(l['JS numbers'].warmMs)} | ${ratio(r.decimalChromium)} (Node ${ratio(r.decimalNode)}) | ${ratio(r.floatChromium)} (Node ${ratio(r.floatNode)}) | ${ratio(r.memoryChromium)} | ${s.floatMaxErrorKr.toPrecision(2)} kr |`);
    }
    lines.push('');
  }
  lines.push('First: the first `importCsv` + `deviation` in a fresh page or process; warm: the runs after it (medians); decimal.js and JS numbers warm.', '');
  for (const [shape, { sizes }] of Object.entries(results.shapes)) lines.push(...panelLines(shape, sizes).map((l) => `- ${l}`));
  lines.push('', ...results.targets.map((t) => `- ${targetLine(t)}`));
  const total = results.shipped.at(-1);
  lines.push('', `Widget (Chromium): first render of the demo ${results.widget.firstRenderMs.toFixed(0)} ms; re-render for another month over 2,049 units ${results.widget.rerenderMs.toFixed(0)} ms. Shipped (wasm + glue + widget JS and CSS): ${(total.raw / 1024).toFixed(0)} KiB raw, ${(total.gzip / 1024).toFixed(0)} KiB gzip.`);
  return lines.join('\n') + '\n';
}
