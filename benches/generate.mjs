// The synthetic region of the benchmark: a deterministic tree of 2,049 units (region, 8
// committees, 24 administrations, 144 areas, 1,872 departments) and department rows of budget and
// outcome in two shapes, written as sv-SE CSV (the file a ledger export gives) and as the same
// rows in a schema 1 document:
//   dense   60 accounts (kostnadsslag); each chosen (department, account) pair has all twelve
//           months, outcome January–August (the as-of month of the bench).
//   sparse  400 accounts (80 revenue, 320 cost); each chosen pair has one or two distinct months
//           drawn at random, so at 1M rows most keys hold one or two months; 2 % of budgets are
//           zero, 1 % of amounts carry the other sign (a cost booked positive). No key twice.
//
// Not a test fixture: nothing here is checked against fixed figures; the bench compares the
// implementations with each other. Same size, same bytes, on every machine (a seeded PRNG).
//
//   node benches/generate.mjs [--out target/bench] [--sizes 10000,100000,1000000] [--shapes dense,sparse]
//
// Writes, per size N: rows-N.csv / .json (dense) and sparse-N.csv / .json (sparse): header + ~N
// rows (unit × account × month); the JSON holds the same rows as schema 1 budget and outcome rows,
// without the tree. And once: region.json (dense) and region-sparse.json (sparse), the units and
// the shape's cost types, imported first.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const YEAR = 2025;
/** The month the bench reports on; outcome is booked through it. */
export const AS_OF_MONTH = 8;

/** mulberry32: small, fast and the same everywhere. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The organisation tree: ids encode the path (`N3-A2-O5-V11`), parents before children. */
export function units() {
  const out = [{ id: 'R', name: 'Region Bench', parent: null, level: 'region' }];
  for (let n = 1; n <= 8; n++) {
    const nid = `N${n}`;
    out.push({ id: nid, name: `Nämnd ${n}`, parent: 'R', level: 'committee' });
    for (let a = 1; a <= 3; a++) {
      const aid = `${nid}-A${a}`;
      out.push({ id: aid, name: `Förvaltning ${n}.${a}`, parent: nid, level: 'administration' });
      for (let o = 1; o <= 6; o++) {
        const oid = `${aid}-O${o}`;
        out.push({ id: oid, name: `Område ${n}.${a}.${o}`, parent: aid, level: 'area' });
        for (let v = 1; v <= 13; v++) {
          const vid = `${oid}-V${v}`;
          out.push({ id: vid, name: `Verksamhet ${n}.${a}.${o}.${v}`, parent: oid, level: 'department' });
        }
      }
    }
  }
  return out;
}

/** Dense: 10 revenue accounts (3xxx) and 50 cost accounts (4xxx–7xxx). */
export function costTypes() {
  const out = [];
  for (let i = 0; i < 10; i++) out.push({ id: String(3010 + i * 10), name: `Intäkt ${i + 1}`, kind: 'revenue' });
  for (let i = 0; i < 50; i++) out.push({ id: String(4010 + i * 60), name: `Kostnad ${i + 1}`, kind: 'cost' });
  return out;
}

/** Sparse: the larger chart, 80 revenue accounts (3000–3790) and 320 cost accounts (4000–7828). */
export function sparseCostTypes() {
  const out = [];
  for (let i = 0; i < 80; i++) out.push({ id: String(3000 + i * 10), name: `Intäkt ${i + 1}`, kind: 'revenue' });
  for (let i = 0; i < 320; i++) out.push({ id: String(4000 + i * 12), name: `Kostnad ${i + 1}`, kind: 'cost' });
  return out;
}

/** Each shape: its rows, its cost types, and its file names. */
export const SHAPES = {
  dense: { rows, costTypes, file: (n, ext) => `rows-${n}.${ext}`, region: 'region.json' },
  sparse: { rows: sparseRows, costTypes: sparseCostTypes, file: (n, ext) => `sparse-${n}.${ext}`, region: 'region-sparse.json' },
};

/** öre (a safe integer) as sv-SE text: `-1 234 567,89` with U+00A0 between thousands. */
export function svAmount(ore) {
  const sign = ore < 0 ? '-' : '';
  const abs = Math.abs(ore);
  const kr = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  return `${sign}${kr},${String(abs % 100).padStart(2, '0')}`;
}

/** öre as a plain decimal string (`-1234567.89`), the schema's amount form. */
export function plainAmount(ore) {
  const sign = ore < 0 ? '-' : '';
  const abs = Math.abs(ore);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * The rows of size ~`n`: (department, account) pairs spread round-robin over the departments,
 * twelve months each. Calls `emit(unit, account, month, budgetOre, outcomeOre | null)`.
 */
export function rows(n, emit) {
  const depts = units().filter((u) => u.level === 'department');
  const accounts = costTypes();
  const random = prng(n);
  const pairs = Math.floor(n / 12);
  for (let i = 0; i < pairs; i++) {
    const dept = depts[i % depts.length];
    const account = accounts[Math.floor(i / depts.length) % accounts.length];
    const sign = account.kind === 'revenue' ? 1 : -1;
    // An annual level between 10 000 and 5 000 000 kr, in öre.
    const monthly = Math.round((10_000 + random() * 4_990_000) * 100 / 12);
    for (let m = 1; m <= 12; m++) {
      const budget = sign * Math.round(monthly * (0.8 + random() * 0.4));
      const outcome = m <= AS_OF_MONTH ? Math.round(budget * (0.85 + random() * 0.3)) : null;
      emit(dept.id, account.id, m, budget, outcome);
    }
  }
  return pairs * 12;
}

/** Visits every (department, account) pair once, spread over both (a stride coprime to the count). */
const STRIDE = 7919;

/**
 * The sparse rows of size ~`n`: distinct (department, account) pairs, each with one or two
 * distinct months (ascending); budget on each, outcome where the month is ≤ the as-of month.
 * Calls `emit` as `rows` does; throws if `n` needs more pairs than the chart has.
 */
export function sparseRows(n, emit) {
  const depts = units().filter((u) => u.level === 'department');
  const accounts = sparseCostTypes();
  const total = depts.length * accounts.length;
  const random = prng(n ^ 0x5eed);
  let emitted = 0;
  for (let i = 0; emitted < n; i++) {
    if (i >= total) throw new Error(`sparse: ${n} rows need more than ${total} pairs`);
    const p = (i * STRIDE) % total;
    const dept = depts[p % depts.length];
    const account = accounts[Math.floor(p / depts.length)];
    const sign = account.kind === 'revenue' ? 1 : -1;
    const monthly = Math.round((10_000 + random() * 4_990_000) * 100 / 12);
    const first = 1 + Math.floor(random() * 12);
    let months = [first];
    if (random() < 0.5) {
      const other = 1 + Math.floor(random() * 11);
      months = [first, other >= first ? other + 1 : other].sort((a, b) => a - b);
    }
    const flip = (ore) => (random() < 0.01 ? -ore : ore);
    for (const m of months) {
      const base = sign * Math.round(monthly * (0.8 + random() * 0.4));
      const budget = random() < 0.02 ? 0 : flip(base);
      const outcome = m <= AS_OF_MONTH ? flip(Math.round(base * (0.85 + random() * 0.3))) : null;
      emit(dept.id, account.id, m, budget, outcome);
      emitted++;
    }
  }
  return emitted;
}

const month = (m) => `${YEAR}-${String(m).padStart(2, '0')}`;

/** The CSV text of size ~`n` in `shape` (UTF-8, `;`, decimal comma, CRLF). */
export function csv(n, shape = 'dense') {
  const lines = ['Kostnadsställe;Konto;Period;Budget;Utfall'];
  SHAPES[shape].rows(n, (unit, account, m, budget, outcome) => {
    lines.push(`${unit};${account};${month(m)};${svAmount(budget)};${outcome === null ? '' : svAmount(outcome)}`);
  });
  return lines.join('\r\n') + '\r\n';
}

/** The same rows as a schema 1 document to import after the shape's region (budget rows carry
 * twelve months; a sparse pair's other months are zero). */
export function json(n, shape = 'dense') {
  const budget = [];
  const outcome = [];
  let current = null;
  SHAPES[shape].rows(n, (unit, costType, m, b, o) => {
    if (current?.unit !== unit || current.costType !== costType) {
      budget.push((current = { unit, costType, year: YEAR, months: Array(12).fill('0.00') }));
    }
    current.months[m - 1] = plainAmount(b);
    if (o !== null) outcome.push({ unit, costType, month: month(m), amount: plainAmount(o) });
  });
  return { schema: 1, budget, outcome };
}

function main() {
  const args = process.argv.slice(2);
  const opt = (name, fallback) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : fallback;
  };
  const out = opt('--out', 'target/bench');
  const sizes = opt('--sizes', '10000,100000,1000000').split(',').map(Number);
  const shapes = opt('--shapes', 'dense').split(',');
  mkdirSync(out, { recursive: true });
  for (const shape of shapes) {
    const { costTypes: chart, file, region } = SHAPES[shape];
    writeFileSync(join(out, region), JSON.stringify({ schema: 1, name: 'Region Bench', units: units(), costTypes: chart() }));
    for (const n of sizes) {
      const text = csv(n, shape);
      writeFileSync(join(out, file(n, 'csv')), text);
      writeFileSync(join(out, file(n, 'json')), JSON.stringify(json(n, shape)));
      console.log(`${file(n, 'csv')}: ${text.length} chars`);
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
