// An independent reckoning of the demo data for the tests: exact sums in öre with BigInt, written
// without the Rust core, so a test that compares the two can fail.
import { readFileSync } from 'node:fs';

export const demoPath = new URL('../www/demo/region-2025.json', import.meta.url);
export const demo = () => JSON.parse(readFileSync(demoPath, 'utf8'));

/** A plain decimal string with at most two decimals, in öre. */
export function ore(text) {
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!m) throw new Error(`not a plain amount: ${text}`);
  const value = BigInt(m[2]) * 100n + BigInt((m[3] ?? '').padEnd(2, '0'));
  return m[1] ? -value : value;
}

/** Öre as the package's canonical string: "-157333333.36", "1200", "0.5". */
export function canonical(value) {
  const sign = value < 0n ? '-' : '';
  const abs = value < 0n ? -value : value;
  const frac = (abs % 100n).toString().padStart(2, '0').replace(/0+$/, '');
  return `${sign}${abs / 100n}${frac ? `.${frac}` : ''}`;
}

/** The ids of `id` and every unit below it. */
export function subtree(doc, id) {
  const ids = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const u of doc.units) {
      if (u.parent && ids.has(u.parent) && !ids.has(u.id)) {
        ids.add(u.id);
        grew = true;
      }
    }
  }
  return ids;
}

/** Outcome of the subtree of `id` for months `from`..`to` ("YYYY-MM", inclusive), in öre. */
export function outcome(doc, id, from, to) {
  const ids = subtree(doc, id);
  return doc.outcome
    .filter((r) => ids.has(r.unit) && r.month >= from && r.month <= to)
    .reduce((sum, r) => sum + ore(r.amount), 0n);
}

/** The first `months` linear parts of an annual amount: equal öre, the remainder to the earliest. */
export function linearToDate(annual, months) {
  const total = ore(annual);
  const abs = total < 0n ? -total : total;
  const base = abs / 12n;
  const extra = abs % 12n;
  const part = base * BigInt(months) + (extra < BigInt(months) ? extra : BigInt(months));
  return total < 0n ? -part : part;
}

/** Year-to-date budget of the subtree of `id` when all its rows are annual and linear, in öre. */
export function linearBudgetToDate(doc, id, months) {
  const ids = subtree(doc, id);
  return doc.budget
    .filter((r) => ids.has(r.unit) && r.year === 2025)
    .reduce((sum, r) => {
      if (r.annual === undefined || (r.method ?? 'linear') !== 'linear') {
        throw new Error(`row of ${r.unit} is not annual and linear`);
      }
      return sum + linearToDate(r.annual, months);
    }, 0n);
}

/** The budget of `id`'s own rows for `year`, in öre (annual or twelve months). */
function ownBudget(doc, id, year) {
  return doc.budget.filter((r) => r.unit === id && r.year === year)
    .reduce((sum, r) => sum + (r.annual !== undefined ? ore(r.annual) : r.months.reduce((t, m) => t + ore(m), 0n)), 0n);
}

/**
 * The full-year forecast of the subtree of `id` as of `asOf`, in öre, by the rule (DOMAIN,
 * "Deviation analysis"): the unit's own latest forecast made by `asOf` (its rows made that month
 * added up) is the whole subtree's; without one, its own rows at budget plus its children's.
 * `made` is the latest month of a forecast that counts, null for none.
 */
export function subtreeForecast(doc, id, asOf) {
  const year = Number(asOf.slice(0, 4));
  const own = doc.forecasts.filter((f) => f.unit === id && f.year === year && f.made <= asOf);
  if (own.length) {
    const made = own.map((f) => f.made).sort().at(-1);
    return { amount: own.filter((f) => f.made === made).reduce((s, f) => s + ore(f.amount), 0n), made };
  }
  let amount = ownBudget(doc, id, year);
  let made = null;
  for (const child of doc.units.filter((u) => u.parent === id)) {
    const c = subtreeForecast(doc, child.id, asOf);
    amount += c.amount;
    if (c.made && (!made || c.made > made)) made = c.made;
  }
  return { amount, made };
}

/** The last month of `year` with a non-zero outcome sum of a unit in the subtree of `id`. */
export function outcomeThrough(doc, id, year) {
  const ids = subtree(doc, id);
  const sums = new Map();
  for (const r of doc.outcome) {
    if (!ids.has(r.unit) || !r.month.startsWith(`${year}-`)) continue;
    const key = `${r.unit} ${r.month}`;
    sums.set(key, (sums.get(key) ?? 0n) + ore(r.amount));
  }
  const months = [...sums].filter(([, v]) => v !== 0n).map(([k]) => k.split(' ')[1]).sort();
  return months.at(-1) ?? null;
}
