// The JavaScript baselines of `make bench`: the deviation report as of a month computed from the
// bench's sv-SE CSV bytes in plain JavaScript, the way a good JS engineer would write it without
// balans: one pass over the lines into per-unit monthly arrays, one roll-up of the tree, then the
// figures. Two arithmetics share that algorithm: `decimal.js` (exact) and JS numbers (inexact).
//
// Not the product and not a reference implementation: it covers what the bench's CSV holds
// (budget and outcome per unit, account and month; no forecasts or one-offs) and the figures the
// bench compares (period, tertial, year to date, full-year budget; percent and status). As in
// balans, a unit whose subtree has no outcome booked in the report's month or later has no
// outcome, deviation, percent or status ("inget utfall": a month not yet booked is not zero).
import Decimal from 'decimal.js';

/** Exact decimals; values are `Decimal`s. */
export const decimalArith = {
  name: 'decimal.js',
  zero: new Decimal(0),
  parse: (text) => new Decimal(text),
  add: (a, b) => a.plus(b),
  sub: (a, b) => a.minus(b),
  abs: (a) => a.abs(),
  isNeg: (a) => a.isNeg() && !a.isZero(),
  isZero: (a) => a.isZero(),
  gt: (a, b) => a.gt(b),
  mul: (a, b) => a.times(b),
  percent: (dev, budget) => dev.div(budget.abs()).times(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toString(),
  text: (a) => a.toString(),
};

/** JS numbers (binary floating point, kronor); fast and inexact. */
export const floatArith = {
  name: 'float',
  zero: 0,
  parse: (text) => Number(text),
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  abs: Math.abs,
  isNeg: (a) => a < 0,
  isZero: (a) => a === 0,
  gt: (a, b) => a > b,
  mul: (a, b) => a * b,
  percent: (dev, budget) => String(Math.sign(dev) * Math.round((Math.abs(dev) / Math.abs(budget)) * 10000) / 100),
  text: (a) => String(a),
};

/** The thresholds balans has built in, per tree level: [absolute kr, percent]. */
const THRESHOLDS = {
  region: [20e6, 1],
  committee: [10e6, 1],
  administration: [5e6, 2],
  area: [2e6, 2],
  department: [1e6, 3],
  unit: [250e3, 5],
};

/** sv-SE amount text (`-1 234,50`, U+00A0 or space between thousands, true minus) to plain. */
function plain(text) {
  return text.replace(/[\s\u00a0\u202f]/g, '').replace('\u2212', '-').replace(',', '.');
}

/**
 * The report as of month `asOf` (1–12) from CSV `bytes` over the tree of `region` (units in
 * parents-before-children order, as the generator writes them). Returns `{ rows, phases }`,
 * each row `{ unit, period, tertial, ytd, fullYear }` with amounts in the arithmetic's values
 * (outcome and deviation `null` where the unit has no outcome booked through `asOf`).
 */
export function deviation(bytes, region, arith, asOf = 8) {
  const t0 = performance.now();
  const text = new TextDecoder().decode(bytes);
  const t1 = performance.now();

  const units = region.units;
  const index = new Map(units.map((u, i) => [u.id, i]));
  const n = units.length;
  const budget = new Array(n * 12).fill(arith.zero);
  const outcome = new Array(n * 12).fill(arith.zero);
  /** The last month (0–11) with outcome booked per unit; -1 for none. */
  const booked = new Int8Array(n).fill(-1);
  let start = text.indexOf('\n') + 1;
  const header = text.slice(0, start).trim().split(';').map((h) => h.toLowerCase());
  const col = (name) => header.indexOf(name);
  const [cUnit, cPeriod, cBudget, cOutcome] = [col('kostnadsställe'), col('period'), col('budget'), col('utfall')];
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.charCodeAt(end - 1) === 13 ? text.slice(start, end - 1) : text.slice(start, end);
    start = end + 1;
    if (line === '') continue;
    const cells = line.split(';');
    const pos = index.get(cells[cUnit]);
    if (pos === undefined) throw new Error(`unknown unit ${cells[cUnit]}`);
    const slot = pos * 12 + Number(cells[cPeriod].slice(5, 7)) - 1;
    if (cells[cBudget]) budget[slot] = arith.add(budget[slot], arith.parse(plain(cells[cBudget])));
    if (cells[cOutcome]) {
      outcome[slot] = arith.add(outcome[slot], arith.parse(plain(cells[cOutcome])));
      booked[pos] = Math.max(booked[pos], slot - pos * 12);
    }
  }
  const t2 = performance.now();

  // Own sums per unit, then children into parents (reverse order: children come after parents).
  const m = asOf - 1;
  const tertialFrom = Math.floor(m / 4) * 4;
  const spans = ['period', 'tertial', 'ytd'];
  const from = { period: m, tertial: tertialFrom, ytd: 0 };
  const totals = units.map((_, pos) => {
    const t = { yearBudget: arith.zero };
    for (const s of spans) t[s] = { budget: arith.zero, outcome: arith.zero };
    for (let k = 0; k < 12; k++) {
      const b = budget[pos * 12 + k];
      t.yearBudget = arith.add(t.yearBudget, b);
      if (k > m) continue;
      const o = outcome[pos * 12 + k];
      for (const s of spans) {
        if (k < from[s]) continue;
        t[s].budget = arith.add(t[s].budget, b);
        t[s].outcome = arith.add(t[s].outcome, o);
      }
    }
    return t;
  });
  for (let pos = n - 1; pos > 0; pos--) {
    const up = index.get(units[pos].parent);
    const parent = totals[up];
    const child = totals[pos];
    booked[up] = Math.max(booked[up], booked[pos]);
    parent.yearBudget = arith.add(parent.yearBudget, child.yearBudget);
    for (const s of spans) {
      parent[s].budget = arith.add(parent[s].budget, child[s].budget);
      parent[s].outcome = arith.add(parent[s].outcome, child[s].outcome);
    }
  }
  const t3 = performance.now();

  const figures = (span, [absolute, percent], isBooked) => {
    if (!isBooked) return { budget: span.budget, outcome: null, deviation: null, percent: null, status: null };
    const dev = arith.sub(span.outcome, span.budget);
    const size = arith.abs(dev);
    const passAbs = arith.gt(size, arith.parse(String(absolute)));
    const passRel = !arith.isZero(size) && arith.gt(arith.mul(size, arith.parse('100')), arith.mul(arith.parse(String(percent)), arith.abs(span.budget)));
    const neg = arith.isNeg(dev);
    const status = passAbs && passRel ? (neg ? 'material' : 'favourable') : (passAbs || passRel) && neg ? 'watch' : 'within';
    return {
      budget: span.budget,
      outcome: span.outcome,
      deviation: dev,
      percent: arith.isZero(span.budget) ? null : arith.percent(dev, span.budget),
      status,
    };
  };
  const rows = units.map((u, pos) => {
    const t = totals[pos];
    const threshold = THRESHOLDS[u.level] ?? THRESHOLDS.unit;
    const isBooked = booked[pos] >= m;
    return {
      unit: u.id,
      period: figures(t.period, threshold, isBooked),
      tertial: figures(t.tertial, threshold, isBooked),
      ytd: figures(t.ytd, threshold, isBooked),
      fullYear: { budget: t.yearBudget },
    };
  });
  const t4 = performance.now();
  return { rows, phases: { decode: t1 - t0, parse: t2 - t1, aggregate: t3 - t2, report: t4 - t3, total: t4 - t0 } };
}
