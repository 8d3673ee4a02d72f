// Demo data for balans: the fictional "Region Exempel", budget 2025, outcome January-August,
// full-year forecasts made in February, April and August. Modelled on the audit reports in the
// project's seeds: hospital care budgeted at -236 mnkr (-157.3 mnkr per August), health care
// +148 mnkr per August, public transport +70 mnkr better than budget per August.
// Also cost types on every row, one-off items (35 mnkr of public transport's +70), volumes for two
// clinics, stored materiality thresholds, and a closed 2024 for two committees (forecast accuracy).
// Run from the repository root:  node www/demo/generate.mjs   (writes www/demo/region-2025.json)
// Node 20, no dependencies. Deterministic: a seeded PRNG and integer öre (BigInt) throughout,
// so every run writes the same file. Format: docs/schema-v1.md; result sign (revenue +, cost -).

import { writeFileSync } from 'node:fs';

const YEAR = 2025;
const DONE = 8; // outcome booked through August
const MADE = ['2025-02', '2025-04', '2025-08'];
const REGION_RESULT = 140_000; // tkr, the region's budgeted result (about 2 % of tax revenue)
const FRAMES = 'FRAMES'; // the frames paid to the committees, computed below

const SUMMER_DIP = ['1', '1', '1', '1', '1', '0.9', '0.5', '0.8', '1', '1', '1', '0.9'];
const CULTURE = ['0.9', '0.9', '1', '1', '1', '1.1', '0.6', '0.8', '1', '1', '1', '1.2'];
// Outcome seasonality, January-August, on top of the budget's own periodisation.
const CARE = { rev: [1, 1, 1, 1, 1, 1, 0.985, 1], cost: [1.02, 1, 1.01, 1, 1, 0.99, 0.93, 0.97] };
const TICKETS = { rev: [1.03, 1.02, 1.04, 1, 1, 0.95, 0.8, 0.92], cost: [1, 1, 1, 1, 1, 1, 0.97, 1] };

// [id, name, parent, level, budget]. Budget (amounts in tkr): cost = annual cost row,
// res = budgeted result (default 0), so the revenue row is res - cost; rev = explicit revenue rows.
// m = method of all rows (default linear), cm = method of the cost row only, w = profile weights,
// revM/costM = twelve monthly amounts for m: 'months', py = shape of the 2024 outcome (prior-year).
// ytd = outcome deviation from budget January-August in mnkr (+ is better); adj = the row that
// carries it ('cost' by default, or 'rev'), aw = its monthly pattern (default the budget's).
// fc = forecast deviation from the annual budget in mnkr, made February, April, August.
const UNITS = [
  ['R', 'Region Exempel', null, 'region'],
  ['RS', 'Regionstyrelsen', 'R', 'committee'],
  ['RS-FIN', 'Finansförvaltning', 'RS', 'department',
    { rev: [6_950_000, 1_480_000], cost: FRAMES, adj: 'rev', noise: [0.002, 0], ytd: -8, fc: [-5, -12, -15] }],
  ['RS-RLK', 'Regionledningskontoret', 'RS', 'department', { cost: -310_400, ytd: 4, fc: [2, 4, 6] }],
  ['RS-SERV', 'Regionservice', 'RS', 'department', { cost: -985_300, cm: 'days', ytd: 2, fc: [0, 1, 2] }],
  ['RS-IT', 'Digitalisering och IT', 'RS', 'department', { cost: -418_600, cm: 'workdays', ytd: -3, fc: [-2, -4, -5] }],
  ['HSN', 'Hälso- och sjukvårdsnämnden', 'R', 'committee',
    { cost: -950_000, res: 236_000, adj: 'rev', aw: [0, 0, 3, 1, 1, 1, 1, 1], ytd: 208.1, fc: [14, 91, 159] }],
  ['HSN-SJ', 'Sjukhusvård', 'HSN', 'area'],
  ['HSN-SJ-AKUT', 'Akutkliniken', 'HSN-SJ', 'department', { cost: -421_400, res: -38_000, s: CARE, ytd: -6, fc: [-4, -7, -10] }],
  ['HSN-SJ-MED', 'Medicinkliniken', 'HSN-SJ', 'department', { cost: -783_900, res: -62_000, s: CARE, ytd: -15, fc: [-10, -17, -24] }],
  ['HSN-SJ-KIR', 'Kirurgkliniken', 'HSN-SJ', 'department', { cost: -518_600, res: -36_000, s: CARE, ytd: -7, fc: [-5, -8, -12] }],
  ['HSN-SJ-ORT', 'Ortopedkliniken', 'HSN-SJ', 'department', { cost: -362_300, res: -24_000, s: CARE, ytd: -3, fc: [-2, -4, -6] }],
  ['HSN-SJ-KVI', 'Kvinnokliniken', 'HSN-SJ', 'department', { cost: -298_700, res: -14_000, s: CARE, ytd: -2, fc: [-1, -2, -3] }],
  ['HSN-SJ-BARN', 'Barnkliniken', 'HSN-SJ', 'department', { cost: -241_500, res: -12_000, s: CARE, ytd: -3, fc: [-2, -4, -5] }],
  ['HSN-SJ-INF', 'Infektionskliniken', 'HSN-SJ', 'department', { cost: -152_800, res: -20_000, s: CARE, ytd: -6, fc: [-4, -7, -10] }],
  ['HSN-SJ-IVA', 'Anestesi- och intensivvårdskliniken', 'HSN-SJ', 'department', { cost: -379_200, res: -18_000, s: CARE, ytd: -5, fc: [-3, -6, -8] }],
  ['HSN-SJ-RTG', 'Röntgenkliniken', 'HSN-SJ', 'department', { cost: -261_900, res: -8_000, s: CARE, ytd: -2, fc: [-2, -3, -4] }],
  ['HSN-SJ-LAB', 'Laboratoriemedicin', 'HSN-SJ', 'department', { cost: -243_600, res: -4_000, s: CARE, ytd: -1, fc: [-1, -1, -2] }],
  ['HSN-PV', 'Primärvård', 'HSN', 'area'],
  ['HSN-PV-NORR', 'Vårdcentralen Norr', 'HSN-PV', 'unit', { cost: -96_400, cm: 'workdays', s: CARE, ytd: 1.2, fc: [1, 1.5, 2] }],
  ['HSN-PV-SODER', 'Vårdcentralen Söder', 'HSN-PV', 'unit', { cost: -88_200, cm: 'workdays', s: CARE, ytd: -2.1, fc: [-2, -3, -4] }],
  ['HSN-PV-OSTER', 'Vårdcentralen Öster', 'HSN-PV', 'unit', { cost: -74_900, s: CARE, ytd: -0.8, fc: [-1, -1, -1.5] }],
  ['HSN-PV-VASTER', 'Vårdcentralen Väster', 'HSN-PV', 'unit', { cost: -102_300, s: CARE, ytd: 0.6, fc: [0, 0.5, 1] }],
  ['HSN-PV-CENT', 'Vårdcentralen Centrum', 'HSN-PV', 'unit', { cost: -118_700, cm: 'workdays', s: CARE, ytd: -1.5, fc: [-2, -2.5, -3] }],
  ['HSN-PV-STRAND', 'Vårdcentralen Strand', 'HSN-PV', 'unit', { cost: -61_500, s: CARE, ytd: -0.4, fc: [-1, -0.5, -0.5] }],
  ['HSN-PSY', 'Psykiatri', 'HSN', 'area'],
  ['HSN-PSY-VUX', 'Vuxenpsykiatri', 'HSN-PSY', 'department', { cost: -352_600, m: 'days', s: CARE, ytd: -7, fc: [-6, -10, -14] }],
  ['HSN-PSY-BUP', 'Barn- och ungdomspsykiatri', 'HSN-PSY', 'department', { cost: -168_400, cm: 'workdays', s: CARE, ytd: -4, fc: [-3, -6, -8] }],
  ['HSN-PSY-RPK', 'Rättspsykiatri', 'HSN-PSY', 'department', { cost: -121_900, m: 'days', ytd: -1, fc: [-1, -2, -3] }],
  ['HSN-TV', 'Tandvård', 'HSN', 'area'],
  ['HSN-TV-FTV', 'Folktandvården', 'HSN-TV', 'department', { cost: -286_500, m: 'profile', w: SUMMER_DIP, ytd: 2.5, fc: [0, 2, 3] }],
  ['HSN-TV-SPEC', 'Specialisttandvård', 'HSN-TV', 'department', { cost: -74_300, m: 'profile', w: SUMMER_DIP, ytd: 0.5, fc: [0, 1, 1] }],
  ['KTN', 'Kollektivtrafiknämnden', 'R', 'committee', { cost: -58_000, res: 452_500, ytd: 18, fc: [5, 10, 20] }],
  ['KTN-BUSS', 'Busstrafik', 'KTN', 'department',
    { cost: -471_200, res: -265_400, s: TICKETS, adj: 'rev', aw: [1, 1, 1, 1, 6, 1, 1, 1], ytd: 30, fc: [12, 25, 40] }],
  ['KTN-TAG', 'Tågtrafik', 'KTN', 'department', { cost: -236_500, res: -114_800, m: 'prior-year',
    py: [1, 1, 1.05, 1, 1, 0.95, 0.8, 0.9, 1.05, 1.05, 1.05, 1], ytd: 15, fc: [6, 12, 17] }],
  ['KTN-FARD', 'Färdtjänst', 'KTN', 'department', { cost: -78_900, res: -72_300, m: 'prior-year',
    py: [0.95, 0.92, 1.02, 1, 1.03, 0.98, 0.78, 0.9, 1.04, 1.08, 1.1, 1.2], ytd: 7, fc: [2, 5, 8] }],
  ['RUN', 'Regionala utvecklingsnämnden', 'R', 'committee'],
  ['RUN-KUL', 'Kultur', 'RUN', 'department', { cost: -96_400, m: 'profile', w: CULTURE, ytd: 1.2, fc: [0, 0.5, 1] }],
  ['RUN-NAR', 'Näringsliv', 'RUN', 'department', { m: 'months', ytd: 3.6, fc: [1, 2, 3],
    revM: [3500, 3500, 9500, 3500, 3500, 9500, 3500, 3500, 9000, 3500, 3500, 4000],
    costM: [-2500, -3000, -9000, -3500, -4000, -9500, -1500, -2500, -8000, -4000, -4500, -8000] }],
  ['RUN-UTB', 'Utbildning', 'RUN', 'department', { cost: -71_200, ytd: -0.8, fc: [-0.5, -1, -1.5] }],
];

// mulberry32: a small seeded PRNG, so the noise is the same on every run.
let seed = 20250831;
function rand() {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const noisy = (ore, f, n) => BigInt(Math.round(Number(ore) * f * (1 + (2 * rand() - 1) * n)));

const tkr = (x) => BigInt(x) * 100_000n; // tkr to öre
const mnkr = (x) => BigInt(Math.round(x * 10)) * 10_000_000n; // mnkr (one decimal) to öre
const hundredths = (s) => BigInt(Math.round(Number(s) * 100)); // a weight string, exactly
const sum = (xs) => xs.reduce((a, b) => a + b, 0n);

function fmt(ore) { // öre to a decimal string in kronor: "-157333333.33", "-236000000"
  const neg = ore < 0n, a = neg ? -ore : ore;
  const frac = a % 100n === 0n ? '' : '.' + String(a % 100n).padStart(2, '0');
  return (neg ? '-' : '') + String(a / 100n) + frac;
}

// Split total over the weights as the engine does: floor the shares (by magnitude), then hand out
// the remaining öre by largest remainder, ties to the earliest month.
function spread(total, weights) {
  const W = sum(weights), neg = total < 0n, abs = neg ? -total : total;
  const parts = weights.map((w) => (abs * w) / W);
  const order = weights.map((w, i) => [(abs * w) % W, i]).sort((a, b) => (b[0] > a[0] ? 1 : b[0] < a[0] ? -1 : a[1] - b[1]));
  for (let left = abs - sum(parts), k = 0; left > 0n; left--, k++) parts[order[k][1]] += 1n;
  return parts.map((p) => (neg ? -p : p));
}

function easter(y) { // Gregorian Easter Sunday (anonymous algorithm), as a UTC timestamp
  const a = y % 19, b = Math.floor(y / 100), c = y % 100, d = Math.floor(b / 4), e = b % 4;
  const g = Math.floor((b - Math.floor((b + 8) / 25) + 1) / 3), h = (19 * a + b - d - g + 15) % 30;
  const l = (32 + 2 * e + 2 * Math.floor(c / 4) - h - (c % 4)) % 7, m = Math.floor((a + 11 * h + 22 * l) / 451);
  const n = h + l - 7 * m + 114;
  return Date.UTC(y, Math.floor(n / 31) - 1, (n % 31) + 1);
}

function workdays(y) { // Monday-Friday minus Swedish public holidays and eves, per month
  const DAY = 86_400_000, e = easter(y), D = (m, d) => Date.UTC(y, m - 1, d);
  const off = new Set([D(1, 1), D(1, 6), e - 2 * DAY, e + DAY, D(5, 1), e + 39 * DAY, D(6, 6),
    D(12, 24), D(12, 25), D(12, 26), D(12, 31)]);
  for (let d = 19; d <= 25; d++) if (new Date(D(6, d)).getUTCDay() === 5) off.add(D(6, d)); // midsommarafton
  const n = Array(12).fill(0n);
  for (let t = D(1, 1); t < Date.UTC(y + 1, 0, 1); t += DAY) {
    const wd = new Date(t).getUTCDay();
    if (wd >= 1 && wd <= 5 && !off.has(t)) n[new Date(t).getUTCMonth()] += 1n;
  }
  return n;
}

// Cost types (kostnadsslag): a row's side of the income statement. The finance administration's
// revenue is tax and general grants; its cost, the frames paid to the committees, is internal and
// has no cost type, so it does not count as gross cost.
const COST_TYPES = [
  { id: '3000', name: 'Verksamhetens intäkter', kind: 'revenue' },
  { id: '4000', name: 'Verksamhetens kostnader', kind: 'cost' },
  { id: '8000', name: 'Skatteintäkter och generella statsbidrag', kind: 'revenue' },
];
const costTypeOf = (unit, row) => (unit === 'RS-FIN' ? (row.rev ? '8000' : undefined) : row.rev ? '3000' : '4000');

const days = (y) => Array.from({ length: 12 }, (_, m) => BigInt(new Date(Date.UTC(y, m + 1, 0)).getUTCDate()));
const month = (y, m) => `${y}-${String(m).padStart(2, '0')}`;

// Frames paid to the committees: what makes the region's budget result REGION_RESULT.
const resOf = (b) => b.res ?? 0;
const others = UNITS.filter((u) => u[4] && u[4].cost !== FRAMES).reduce((a, u) => a + resOf(u[4]), 0);

const budget = [], outcome = [], forecasts = [];
const ownForecasts = []; // { unit, made, ore }: each unit's forecast of its own rows
const pastBudget = new Map(); // unit -> its 2024 budget in öre (the prior-year units)
for (const [id, , , , b] of UNITS) {
  if (!b) continue;
  // The unit's rows (revenue rows first, the cost row last), amounts in tkr or twelve months.
  const revs = b.m === 'months' ? [b.revM] : b.rev ?? [resOf(b) - b.cost];
  let cost = b.m === 'months' ? b.costM : b.cost;
  if (cost === FRAMES) cost = REGION_RESULT - b.rev.reduce((a, x) => a + x, 0) - others;
  const rows = [...revs, cost].map((a, i) =>
    ({ tkr: a, method: i === revs.length && b.cm ? b.cm : b.m ?? 'linear', rev: i < revs.length }));

  // Prior-year units get a 2024 outcome, shaped by py, about 4 % below the 2025 budget.
  let pyWeights;
  if (rows.some((r) => r.method === 'prior-year')) {
    const W = b.py.reduce((a, x) => a + x, 0), net = Array(12).fill(0n);
    for (let m = 1; m <= 12; m++) for (const r of rows) {
      const amount = noisy(tkr(r.tkr), (0.96 * b.py[m - 1]) / W, 0.02);
      (r.past ??= []).push(amount);
      outcome.push({ unit: id, costType: costTypeOf(id, r), month: month(YEAR - 1, m), amount: fmt(amount) });
      net[m - 1] += amount;
    }
    pyWeights = net.map((x) => (x < 0n ? -x : x)); // one sign all year, so the engine uses it
    // Their 2024 budget was what they spent, so a closed 2024 above them shows only its own gap.
    for (const r of rows) budget.push({ unit: id, costType: costTypeOf(id, r), year: YEAR - 1, months: r.past.map(fmt) });
    pastBudget.set(id, sum(rows.map((r) => sum(r.past))));
  }

  for (const r of rows) {
    if (r.method === 'months') {
      r.months = r.tkr.map(tkr);
      budget.push({ unit: id, costType: costTypeOf(id, r), year: YEAR, months: r.months.map(fmt) });
      continue;
    }
    r.annual = tkr(r.tkr);
    const weights = { linear: Array(12).fill(1n), days: days(YEAR), workdays: workdays(YEAR),
      profile: (b.w ?? []).map(hundredths), 'prior-year': pyWeights }[r.method];
    r.months = spread(r.annual, weights);
    const w = r.method === 'profile' ? { weights: b.w } : {};
    budget.push({ unit: id, costType: costTypeOf(id, r), year: YEAR, annual: fmt(r.annual), method: r.method, ...w });
  }

  // Outcome January-August: budget x seasonality x noise, then the row named by adj absorbs
  // whatever makes the unit's year-to-date deviation exactly b.ytd mnkr.
  const [nRev, nCost] = b.noise ?? [0.005, 0.025];
  const out = rows.map((r) => r.months.slice(0, DONE).map((x, m) =>
    noisy(x, (r.rev ? b.s?.rev : b.s?.cost)?.[m] ?? 1, r.rev ? nRev : nCost)));
  const ytdBudget = sum(rows.map((r) => sum(r.months.slice(0, DONE))));
  const gap = ytdBudget + mnkr(b.ytd) - sum(out.map(sum));
  const k = b.adj === 'rev' ? 0 : rows.length - 1;
  const aw = b.aw ? b.aw.map(BigInt) : rows[k].months.slice(0, DONE).map((x) => (x < 0n ? -x : x));
  spread(gap, aw).forEach((c, m) => { out[k][m] += c; });
  for (let m = 1; m <= DONE; m++) {
    out.forEach((o, k) => outcome.push({ unit: id, costType: costTypeOf(id, rows[k]), month: month(YEAR, m), amount: fmt(o[m - 1]) }));
  }

  // Forecasts of the full-year result, one direction of revision per unit: of its own rows
  // here, of its whole subtree below.
  const annual = sum(rows.map((r) => sum(r.months)));
  MADE.forEach((made, i) => ownForecasts.push({ unit: id, made, ore: annual + mnkr(b.fc[i]) }));
}

// A forecast is made for a unit's whole subtree (DOMAIN, "Deviation analysis"; regions report
// "helårsprognos per nämnd"): a unit with forecasting units below it (the committees with rows
// of their own) forecasts its rows' and theirs together.
const parentOf = new Map(UNITS.map(([id, , parent]) => [id, parent]));
const isBelow = (id, top) => {
  for (let u = parentOf.get(id); u; u = parentOf.get(u)) if (u === top) return true;
  return false;
};
for (const f of ownForecasts) {
  const below = ownForecasts.filter((g) => g.made === f.made && isBelow(g.unit, f.unit));
  forecasts.push({ unit: f.unit, year: YEAR, made: f.made, amount: fmt(f.ore + sum(below.map((g) => g.ore))) });
}

// ── Deviation analysis: cost types, one-offs, volumes, thresholds and a closed 2024 ─────────────

// Public transport's +70 mnkr per August holds 35 mnkr of one-offs (the audit's example): a tax
// credit, penalties received from the train operator and spending pushed into next year.
const oneOffs = [
  { unit: 'KTN-BUSS', costType: '3000', month: '2025-05', amount: fmt(mnkr(20)), text: 'Återbetald energiskatt' },
  { unit: 'KTN-TAG', costType: '3000', month: '2025-06', amount: fmt(mnkr(10)), text: 'Viten från trafikföretaget' },
  { unit: 'KTN', costType: '4000', month: '2025-07', amount: fmt(mnkr(5)), text: 'Upphandling försenad till 2026' },
];

// Production volumes of two clinics, January-August, for the volume and price split of their costs.
const VOLUMES = [
  ['HSN-SJ-MED', 'vårddygn', [5200, 5200, 5200, 5200, 5200, 5000, 4200, 4800], [5390, 5460, 5300, 5410, 5500, 5150, 4260, 4900]],
  ['HSN-SJ-ORT', 'operationer', [310, 310, 310, 310, 310, 300, 190, 260], [300, 305, 298, 315, 290, 280, 180, 250]],
];
const volumes = VOLUMES.flatMap(([unit, measure, planned, actual]) => planned.map((b, i) =>
  ({ unit, costType: '4000', month: month(YEAR, i + 1), measure, budget: b, actual: actual[i] })));

// The closed year 2024 for two committees, so forecast accuracy shows: a net budget of 0 split
// into revenue and cost, the outcome deviation in mnkr, and forecasts made in February, April,
// August and October as deviations in mnkr. Health care ended at -138 mnkr (the February
// forecast 60 mnkr off); public transport's forecasts rose +10, +18, +35, +57.
const CLOSED = [
  ['HSN', 1_150_000, -138, [-78, -95, -120, -130]],
  ['KTN', 452_500, 62, [10, 18, 35, 57]],
];
const PAST = YEAR - 1;
const linear = Array(12).fill(1n);
for (const [unit, turnover, dev, fc] of CLOSED) {
  budget.push({ unit, costType: '3000', year: PAST, annual: fmt(tkr(turnover)), method: 'linear' });
  budget.push({ unit, costType: '4000', year: PAST, annual: fmt(-tkr(turnover)), method: 'linear' });
  const rev = spread(tkr(turnover), linear);
  const gap = spread(mnkr(dev), linear);
  const cost = spread(-tkr(turnover), linear).map((c, m) => c + gap[m]);
  for (let m = 1; m <= 12; m++) {
    outcome.push({ unit, costType: '3000', month: month(PAST, m), amount: fmt(rev[m - 1]) });
    outcome.push({ unit, costType: '4000', month: month(PAST, m), amount: fmt(cost[m - 1]) });
  }
  // The committee's forecast covers its subtree: the units below it with a 2024 budget at it.
  const below = sum([...pastBudget].filter(([id]) => isBelow(id, unit)).map(([, ore]) => ore));
  ['2024-02', '2024-04', '2024-08', '2024-10'].forEach((made, i) =>
    forecasts.push({ unit, year: PAST, made, amount: fmt(below + mnkr(fc[i])) }));
}

// Materiality thresholds the region has decided, kept with the data (the region level is the
// package's built-in 20 mnkr and 1 %).
const thresholds = {
  committee: { absolute: '10000000', percent: '1' },
  area: { absolute: '5000000', percent: '2' },
  department: { absolute: '2000000', percent: '2' },
  unit: { absolute: '500000', percent: '3' },
};

// Goals and indicators per August 2025: 30 indicators, 8 met, 14 partly, 7 not met and 1 not
// reported, as the region's interim report had them. [goal, indicator, target, outcome,
// direction, partly from, tied unit].
const GOALS = [
  ['Vård i rätt tid', [
    ['Besök i primärvården inom 3 dagar (%)', 90, 86, 'higher', 80],
    ['Operation inom 90 dagar (%)', 80, 71, 'higher', 70],
    ['Väntande över 90 dagar till besök', 2000, 2650, 'lower', 2700],
    ['Vårdplatser i drift', 620, 602, 'higher', 590, 'HSN-SJ-MED'],
    ['Utskrivningsklara patienter, dygn', 3, 4.1, 'lower', 4.5],
    ['Första kontakt i BUP inom 30 dagar (%)', 90, 78, 'higher', 80],
    ['Återbesök enligt medicinsk bedömning (%)', 85, 86, 'higher', 75],
    ['Tandvård till barn enligt plan (%)', 95, 96.5, 'higher', 90],
  ]],
  ['Ekonomi i balans', [
    ['Resultat enligt budget (mnkr)', 140, 263.5, 'higher', 0],
    ['Nämnder med budget i balans', 4, 2, 'higher', 3],
    ['Kostnad för inhyrd personal (mnkr)', 120, 161, 'lower', 150, 'HSN-SJ'],
    ['Realiserade åtgärder (%)', 90, 58.9, 'higher', 70],
    ['Nettokostnadsutveckling (%)', 3, 4.2, 'lower', 4.5],
    ['Prognosavvikelse helår (%)', 1, 0.8, 'lower', 2],
    ['Självfinansieringsgrad investeringar (%)', 100, 92, 'higher', 80],
  ]],
  ['Attraktiv arbetsgivare', [
    ['Sjukfrånvaro (%)', 6, 6.8, 'lower', 7],
    ['Personalomsättning (%)', 10, 12.5, 'lower', 13],
    ['Hållbart medarbetarengagemang (index)', 80, 77, 'higher', 75],
    ['Chefer med högst 30 medarbetare (%)', 90, 84, 'higher', 80],
    ['Andel heltidsanställda (%)', 90, 91, 'higher', 85],
    ['Sjuksköterskor i tjänst', 2400, 2310, 'higher', 2300],
    ['Övertidstimmar per anställd', 30, 38, 'lower', 36],
  ]],
  ['Hållbar region', [
    ['Resenärer i kollektivtrafiken (miljoner)', 30, 31.2, 'higher', 28, 'KTN'],
    ['Förnybar energi i fordonsflottan (%)', 95, 97, 'higher', 90],
    ['Koldioxid från tjänsteresor (ton)', 900, 1050, 'lower', 1000],
    ['Nöjda resenärer (%)', 75, 71, 'higher', 70],
    ['Punktlighet tågtrafik (%)', 92, 89, 'higher', 88],
    ['Kulturbesök (tusen)', 400, 415, 'higher', 380],
    ['Företag som fått rådgivning', 250, 170, 'higher', 200],
    ['Matsvinn i regionens kök (%)', 10, null, 'lower', 12],
  ]],
];
const goals = GOALS.map(([name, list], g) => ({
  id: `M${g + 1}`,
  name,
  indicators: list.map(([iname, target, out, direction, partly, unit], i) => ({
    id: `M${g + 1}.${i + 1}`, name: iname, target: String(target),
    ...(out === null ? {} : { outcome: String(out) }), direction, partly: String(partly),
    ...(unit ? { unit } : {}),
  })),
}));

const doc = {
  schema: 1,
  name: 'Region Exempel',
  units: UNITS.map(([id, name, parent, level]) => ({ id, name, parent, level })),
  costTypes: COST_TYPES,
  budget,
  outcome,
  forecasts,
  oneOffs,
  volumes,
  thresholds,
  goals,
};

// ── Effect tracking (effekthemtagning): measures and programmes ───────────────────────────────
// The seeds' story in two programmes (amounts in mnkr; effects are savings, positive is better):
// - hospital care 2019-2023: planned 231, realised 136 (58.9 %, red), one measure cancelled;
// - health care 2024-2026: planned 119, 25 realised in 2024, the period forecast lowered to 78
//   (April 2025) and then 71 (August 2025): 48 mnkr must be met by new measures.
// Realised effect is reported monthly, spread evenly (exactly, in öre) over the months given;
// the 2025 figures run through July, so August is the month a unit manager reports next.
const mn = (x) => fmt(mnkr(x));
function reported(year, from, to, total) {
  const n = to - from + 1;
  return spread(mnkr(total), Array(n).fill(1n)).map((ore, i) => ({ month: month(year, from + i), amount: fmt(ore) }));
}
const madeIn = (made, byYear) => Object.entries(byYear).map(([year, x]) => ({ year: Number(year), made, amount: mn(x) }));
const MEASURES = [
  { id: 'SJ19-1', title: 'Minskad inhyrd personal', unit: 'HSN-SJ', category: 'Inhyrd personal',
    owner: 'Områdeschef sjukhusvård', decision: 'HSN 2019-03-20 § 41', status: 'done', recurring: true, risk: 'medium',
    plan: [{ year: 2019, effect: mn(10), start: '2019-07' }, ...[2020, 2021, 2022, 2023].map((year) => ({ year, effect: mn(20) }))],
    realised: [...reported(2019, 7, 12, 8), ...reported(2020, 1, 12, 14), ...reported(2021, 1, 12, 12),
      ...reported(2022, 1, 12, 14), ...reported(2023, 1, 12, 14)] },
  { id: 'SJ19-2', title: 'Kortare vårdtider i vårdkedjan', unit: 'HSN-SJ', category: 'Vårdkedja',
    owner: 'Områdeschef sjukhusvård', decision: 'HSN 2019-03-20 § 41', status: 'done', recurring: true, risk: 'medium',
    plan: [{ year: 2019, effect: mn(5), start: '2019-09' }, ...[2020, 2021, 2022, 2023].map((year) => ({ year, effect: mn(15) }))],
    realised: [...reported(2019, 9, 12, 2), ...reported(2020, 1, 12, 8), ...reported(2021, 1, 12, 10),
      ...reported(2022, 1, 12, 11), ...reported(2023, 1, 12, 12)] },
  { id: 'SJ19-3', title: 'Samordnad upphandling av förbrukningsmaterial', unit: 'HSN-SJ', category: 'Förbrukningsmaterial',
    owner: 'Upphandlingschef', decision: 'HSN 2019-11-13 § 102', status: 'done', recurring: false, risk: 'low',
    plan: [{ year: 2020, effect: mn(16) }], realised: reported(2020, 1, 12, 16) },
  { id: 'SJ19-4', title: 'Nya schemamodeller', unit: 'HSN-SJ', category: 'Bemanning och scheman',
    owner: 'HR-chef', decision: 'HSN 2020-10-21 § 88', status: 'cancelled', recurring: true, risk: 'high',
    plan: [2021, 2022, 2023].map((year) => ({ year, effect: mn(20) })),
    realised: [...reported(2021, 1, 12, 10), ...reported(2022, 1, 6, 5)] },
  { id: 'HS24-1', title: 'Minskad inhyrd personal i primärvården', unit: 'HSN-PV', category: 'Inhyrd personal',
    owner: 'Verksamhetschef primärvård', decision: 'HSN 2024-02-14 § 12', status: 'ongoing', recurring: true,
    plan: [{ year: 2024, rate: mn(18), start: '2024-03' }],
    realised: [...reported(2024, 3, 12, 14), ...reported(2025, 1, 7, 7)],
    forecasts: [...madeIn('2025-04', { 2025: 12, 2026: 12 }), ...madeIn('2025-08', { 2025: 11, 2026: 11 })] },
  { id: 'HS24-2', title: 'Schemaläggning med bemanningsplanering', unit: 'HSN-SJ', category: 'Bemanning och scheman',
    owner: 'Områdeschef sjukhusvård', decision: 'HSN 2024-06-12 § 57', status: 'ongoing', recurring: true,
    plan: [{ year: 2024, rate: mn(12), start: '2024-09' }],
    realised: [...reported(2024, 9, 12, 3), ...reported(2025, 1, 7, 4)],
    forecasts: [...madeIn('2025-04', { 2025: 8, 2026: 8 }), ...madeIn('2025-08', { 2025: 7, 2026: 7 })] },
  { id: 'HS24-3', title: 'Färre vårdskador (kvalitetsbristkostnader)', unit: 'HSN-SJ', category: 'Kvalitetsbristkostnader',
    owner: 'Chefläkare', decision: 'HSN 2024-06-12 § 58', status: 'ongoing', recurring: false,
    plan: [{ year: 2025, effect: mn(8), start: '2025-03' }, { year: 2026, effect: mn(12) }],
    realised: reported(2025, 3, 7, 2),
    forecasts: [...madeIn('2025-04', { 2025: 3, 2026: 6 }), ...madeIn('2025-08', { 2025: 2, 2026: 5 })] },
  { id: 'HS24-4', title: 'Samordnade patientresor', unit: 'HSN', category: 'Patientresor',
    owner: 'Förvaltningschef', decision: 'HSN 2024-02-14 § 13', status: 'done', recurring: false,
    plan: [{ year: 2024, effect: mn(8) }], realised: reported(2024, 1, 12, 8) },
  { id: 'HS24-5', title: 'Minskad sjukfrånvaro genom tidig rehabilitering', unit: 'HSN-PSY', category: 'Sjukfrånvaro',
    owner: 'Verksamhetschef psykiatri', decision: 'HSN 2024-10-16 § 91', status: 'ongoing', recurring: false,
    plan: [{ year: 2025, effect: mn(5) }, { year: 2026, effect: mn(7) }],
    realised: reported(2025, 1, 7, 0.5),
    forecasts: [...madeIn('2025-04', { 2025: 2, 2026: 2 }), ...madeIn('2025-08', { 2025: 1, 2026: 2 })] },
  { id: 'HS25-6', title: 'Digitala vårdbesök', unit: 'HSN-PV', category: 'Vårdkedja',
    owner: 'Verksamhetschef primärvård', status: 'planned', recurring: true, risk: 'high',
    plan: [{ year: 2026, rate: mn(6), start: '2026-01' }] },
];
doc.measures = MEASURES;
doc.programmes = [
  { id: 'SJ-2019', name: 'Sjukhusvårdens åtgärdsprogram 2019–2023', target: mn(231), from: 2019, to: 2023,
    measures: ['SJ19-1', 'SJ19-2', 'SJ19-3', 'SJ19-4'] },
  { id: 'HSN-2024', name: 'Hälso- och sjukvårdens åtgärdsprogram 2024–2026', target: mn(119), from: 2024, to: 2026,
    measures: ['HS24-1', 'HS24-2', 'HS24-3', 'HS24-4', 'HS24-5'] },
];
// ── end of effect tracking ────────────────────────────────────────────────────────────────────

// ── State grants (statsbidrag), issue 5 ─────────────────────────────────────────────────────
// The seeds' story: health care (HSN) reports +148 mnkr per August 2025, but the targeted grant
// for accessibility and care capacity (tillgänglighet och vårdkapacitet), 173 mnkr recognised
// with 58 mnkr of costs to date, adds 115 mnkr of it: structural +33 mnkr. All HSN's grants
// together are 200 mnkr to date. The grants are part of HSN's unbudgeted revenue above (its `ytd`
// deviation); the costs they finance sit in the clinics' outcome. Grants that end in 2025-2027,
// with staff that stay, make the cliff of the plan years 2026-2028. Amounts in mnkr; costs −.
const GRANT = (id, name, kind, unit, f) => ({
  id, name, kind, unit, year: YEAR,
  amount: fmt(mnkr(f.amount)),
  ...(f.costs ? { financedCosts: fmt(mnkr(-f.costs)) } : {}),
  ...(f.toDate ? { recognised: fmt(mnkr(f.toDate[0])), financedToDate: fmt(mnkr(-f.toDate[1])), asOf: MADE[2] } : {}),
  certainty: f.certainty ?? 'decided',
  ...(f.probability ? { probability: f.probability } : {}),
  conditionsMet: f.met ?? true,
  lastYear: f.last ?? YEAR,
  ...(f.stay ? { remainingCosts: fmt(mnkr(-f.stay)) } : {}),
  ...(f.key ? { allocation: f.key } : {}),
  ...(f.budgeted ? { budgetedEffect: fmt(mnkr(f.budgeted)) } : {}),
});
const shares = (pairs) => ({ by: 'shares', units: pairs.map(([unit, weight]) => ({ unit, weight })) });
doc.grants = [
  GRANT('TVK', 'Tillgänglighet och vårdkapacitet', 'targeted', 'HSN', { amount: 173, costs: 87,
    toDate: [173, 58], stay: 45, key: shares([['HSN-SJ', '70'], ['HSN-PV', '20'], ['HSN-PSY', '10']]) }),
  GRANT('PSH', 'Psykisk hälsa och suicidprevention', 'targeted', 'HSN', { amount: 15, costs: 15,
    toDate: [10, 10], last: 2026, stay: 5,
    key: { by: 'cost', units: [{ unit: 'HSN-PSY-VUX' }, { unit: 'HSN-PSY-BUP' }] } }),
  GRANT('KVH', 'Kvinnors hälsa och förlossningsvård', 'performance', 'HSN', { amount: 24, costs: 24,
    toDate: [17, 17], last: 2027, stay: 6 }),
  GRANT('KOM', 'Prestationsbunden kömiljard', 'performance', 'HSN', { amount: 30,
    certainty: 'conditional', probability: '0.4', met: false }),
  GRANT('VPL', 'Fler vårdplatser', 'targeted', 'HSN', { amount: 20, costs: 8,
    certainty: 'announced', last: 2026, stay: 4 }),
  // Budgeted in full (Finansförvaltningen's revenue row), so nothing of it is beyond budget.
  GRANT('GEN', 'Generella statsbidrag och utjämning', 'general', 'RS-FIN', { amount: 1480,
    toDate: [986.7, 0], last: 2030, budgeted: 1480 }),
];

writeFileSync(new URL('./region-2025.json', import.meta.url), JSON.stringify(doc, null, 2) + '\n');
