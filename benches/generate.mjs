// The synthetic region of the benchmark: a deterministic tree of 2,049 units (region, 8
// committees, 24 administrations, 144 areas, 1,872 departments), 60 accounts (kostnadsslag) and a
// year of monthly budget and outcome per department and account, written as sv-SE CSV (the file
// a ledger export gives) and as the same rows in a schema 1 document.
//
// Not a test fixture: nothing here is checked against fixed figures; the bench compares the
// implementations with each other. Same size, same bytes, on every machine (a seeded PRNG).
//
//   node benches/generate.mjs [--out target/bench] [--sizes 10000,100000,1000000]
//
// Writes, per size N: rows-N.csv (header + ~N rows: unit × account × month, budget for every
// month, outcome January–August, the as-of month of the bench) and rows-N.json (the same rows as
// schema 1 budget and outcome rows, without the tree); and once: region.json (units and cost
// types only, imported first).
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

/** 10 revenue accounts (3xxx) and 50 cost accounts (4xxx–7xxx). */
export function costTypes() {
  const out = [];
  for (let i = 0; i < 10; i++) out.push({ id: String(3010 + i * 10), name: `Intäkt ${i + 1}`, kind: 'revenue' });
  for (let i = 0; i < 50; i++) out.push({ id: String(4010 + i * 60), name: `Kostnad ${i + 1}`, kind: 'cost' });
  return out;
}

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

const month = (m) => `${YEAR}-${String(m).padStart(2, '0')}`;

/** The CSV text of size ~`n` (UTF-8, `;`, decimal comma, CRLF). */
export function csv(n) {
  const lines = ['Kostnadsställe;Konto;Period;Budget;Utfall'];
  rows(n, (unit, account, m, budget, outcome) => {
    lines.push(`${unit};${account};${month(m)};${svAmount(budget)};${outcome === null ? '' : svAmount(outcome)}`);
  });
  return lines.join('\r\n') + '\r\n';
}

/** The same rows as a schema 1 document to import after region.json (budget rows carry twelve
 * months). */
export function json(n) {
  const budget = [];
  const outcome = [];
  let current = null;
  rows(n, (unit, costType, m, b, o) => {
    if (m === 1) budget.push((current = { unit, costType, year: YEAR, months: [] }));
    current.months.push(plainAmount(b));
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
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'region.json'), JSON.stringify({ schema: 1, name: 'Region Bench', units: units(), costTypes: costTypes() }));
  for (const n of sizes) {
    const text = csv(n);
    writeFileSync(join(out, `rows-${n}.csv`), text);
    writeFileSync(join(out, `rows-${n}.json`), JSON.stringify(json(n)));
    console.log(`rows-${n}.csv: ${text.length} chars`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
