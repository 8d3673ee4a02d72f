// The real SIE files whose year is in their vouchers (#VER with #TRANS, no #PSALDO), imported
// through the Node package (`pkg-node/`): each file's outcome rows add up, to the öre, to the
// result of its own result-account transactions, counted here by a small reader of this file's
// own; where #RES disagrees with the vouchers, the report warns naming the account and the
// difference; files with nothing monthly to import are refused with the reason.
//
// Not here: the rules one by one (src/import/sie/tests.rs) or the period-balance files
// (tests/sie_corpus.rs, import-node.test.cjs).
const test = require('node:test');
const assert = require('node:assert/strict');
const { readFileSync, readdirSync } = require('node:fs');
const path = require('node:path');
const balans = require('../pkg-node/balans.js');

const corpus = path.join(__dirname, '..', 'tests', 'data', 'sie');
const files = readdirSync(corpus).filter((n) => /\.(se|si)$/i.test(n)).sort();
const read = (name) => new Uint8Array(readFileSync(path.join(corpus, name)));

/** A decimal string as a whole number of öre, exactly (no more than two decimals). */
function ore(amount) {
  const m = /^(-?)(\d*)(?:\.(\d{0,2}))?$/.exec(amount.trim());
  assert.ok(m, `not an amount in öre: ${amount}`);
  const value = BigInt(m[2] || '0') * 100n + BigInt(((m[3] || '') + '00').slice(0, 2));
  return m[1] ? -value : value;
}

/** The fields of a SIE line: quoted text, {object lists} and plain words. */
function fields(line) {
  return (line.match(/"(?:\\"|[^"])*"|\{[^}]*\}|[^\s"{]+/g) || []).map((f) =>
    f.startsWith('"') ? f.slice(1, -1) : f,
  );
}

/**
 * What a file's vouchers hold, read here without the package: the lines of #VER blocks, each
 * #TRANS counted, #BTRANS (removed) not, and an #RTRANS (added) once with the identical #TRANS
 * that follows it. Returns the result-account total in ledger sign, in öre; the vouchers' sums
 * per "year account" (years by #RAR, dates the transaction's own or else the voucher's); the
 * #RES per "year account"; and the years that have #RES rows.
 */
function vouchers(bytes) {
  const text = Buffer.from(bytes).toString('latin1');
  const years = [];
  const res = new Map();
  const sums = new Map();
  let result = 0n;
  let voucherDate = null;
  let pending = null;
  const count = (t) => {
    if (/^[3-8]/.test(t.account)) result += t.amount;
    const date = t.date || voucherDate;
    const year = years.find((y) => y.start <= date && date <= y.end);
    if (year) {
      const key = `${year.number} ${t.account}`;
      sums.set(key, (sums.get(key) || 0n) + t.amount);
    }
  };
  for (const line of text.split(/\r\n|\n|\r/)) {
    const f = fields(line);
    const label = (f[0] || '').toUpperCase();
    if (label === '#RAR') years.push({ number: f[1], start: f[2], end: f[3] });
    else if (label === '#RES') res.set(`${f[1]} ${f[2]}`, ore(f[3]));
    else if (label === '#VER') voucherDate = f[3];
    else if (['#TRANS', '#RTRANS', '#BTRANS'].includes(label)) {
      const t = {
        account: f[1],
        objects: f[2].replace(/[{}"\s]/g, ''),
        amount: ore(f[3]),
        date: /^\d{8}$/.test(f[4] || '') ? f[4] : null,
      };
      const before = pending;
      pending = null;
      if (label === '#RTRANS') {
        if (before) count(before);
        pending = t;
      } else if (label === '#BTRANS') {
        if (before) count(before);
      } else {
        const twin = before && before.account === t.account && before.objects === t.objects && before.amount === t.amount;
        if (before && !twin) count(before);
        count(t);
      }
    } else if (pending) {
      count(pending);
      pending = null;
    }
  }
  const resYears = new Set([...res.keys()].map((k) => k.split(' ')[0]));
  return { result, sums, res, resYears };
}

/** The "year account" keys where #RES and the vouchers disagree, with vouchers − #RES in öre. */
function disagreements({ sums, res, resYears }) {
  const voucherYears = new Set([...sums.keys()].map((k) => k.split(' ')[0]));
  const keys = new Set([
    ...[...res.keys()].filter((k) => voucherYears.has(k.split(' ')[0])),
    ...[...sums.keys()].filter((k) => resYears.has(k.split(' ')[0]) && /^[3-8]/.test(k.split(' ')[1])),
  ]);
  const out = new Map();
  for (const k of keys) {
    const difference = (sums.get(k) || 0n) - (res.get(k) || 0n);
    if (difference !== 0n) out.set(k, difference);
  }
  return out;
}

const hasRecord = (bytes, label) =>
  Buffer.from(bytes).toString('latin1').split(/\r\n|\n|\r/).some((l) => l.trimStart().startsWith(label));

// Files without #PSALDO whose year is in their vouchers (the corpus README: fifteen, and six
// more of a single voucher each) ...
const voucherOnly = files.filter((n) => !hasRecord(read(n), '#PSALDO') && hasRecord(read(n), '#TRANS'));
// ... and three whose only #PSALDO rows (two, for September 2015) each carry objects of three
// dimensions, which balans does not take as period balances: their vouchers are the outcome.
const multiObjectPsaldo = ['XE_SIE_4_20151125095119.SE', 'testWrite.se', 'testWrite1.se'];

test('the corpus has the voucher files the README counts', () => {
  assert.equal(voucherOnly.length, 21, voucherOnly.join(' '));
  for (const name of ['SIE4_Exempelfil_med_underdim.SE', 'Sie4.se', 'typ4.se', 'MAMUT_SIE4_EXPORT.SE', 'Bokslut%20Norstedts%20SIE%204E.se', 'SIE_exempelfil.se', 'BL0001_typ4.SE', 'FAKT.SI']) {
    assert.ok(voucherOnly.includes(name), name);
  }
});

for (const name of [...voucherOnly, ...multiObjectPsaldo]) {
  test(`${name}: the outcome rows add up to the result of its transactions`, () => {
    const bytes = read(name);
    const own = vouchers(bytes);
    const ws = new balans.Workspace();
    const report = ws.importSie(bytes, { file: name });
    assert.deepEqual(report.errors, []);
    const doc = ws.toJSON();
    assert.ok(doc.outcome.length > 0);
    assert.equal(doc.outcome.length, report.added.outcomeRows);
    assert.equal(report.rows.read, report.rows.accepted + report.rows.skipped + report.rows.rejected);
    // Result sign: revenue +, cost −, so the year's result is minus the ledger's sum.
    const imported = doc.outcome.reduce((s, r) => s + ore(r.amount), 0n);
    assert.equal(imported, -own.result, `${name}: imported ${imported} öre, transactions ${-own.result}`);
    assert.ok(!report.warnings.some((w) => w.code === 'W_SIE_VOUCHERS_UNUSED'));
    // #RES checked against the vouchers per account and year: exactly the accounts counted here.
    const expected = disagreements(own);
    const warned = new Map(
      report.warnings
        .filter((w) => w.code === 'W_SIE_VOUCHERS_RES')
        .map((w) => {
          const m = /^Σ #TRANS ≠ #RES for account (\S+), year (-?\d+): .* a difference of (-?[\d.]+)$/.exec(w.message);
          assert.ok(m, w.message);
          assert.equal(w.field, `account ${m[1]}`);
          return [`${m[2]} ${m[1]}`, ore(m[3])];
        }),
    );
    assert.deepEqual(warned, expected);
    ws.free();
  });
}

test('Sie4.se: #RES for 4010 disagrees with its vouchers by 48 000,00, and the report says so', () => {
  const ws = new balans.Workspace();
  const report = ws.importSie(read('Sie4.se'), { file: 'Sie4.se' });
  const w = report.warnings.filter((i) => i.code === 'W_SIE_VOUCHERS_RES');
  assert.deepEqual(w.map((i) => i.field), ['account 4010']);
  assert.match(w[0].message, /a difference of -48000$/);
  assert.equal(w[0].file, 'Sie4.se');
  assert.ok(w[0].line > 0, 'the #RES line');
  ws.free();
});

test('a file with #PSALDO and vouchers takes #PSALDO and says so', () => {
  const ws = new balans.Workspace();
  const report = ws.importSie(read('transaktioner_ovnbolag.se'), { file: 'transaktioner_ovnbolag.se' });
  const w = report.warnings.find((i) => i.code === 'W_SIE_VOUCHERS_UNUSED');
  assert.ok(w, report.warnings.map((i) => i.code).join(' '));
  assert.match(w.message, /the outcome is taken from #PSALDO/);
  ws.free();
});

function refused(bytes, name) {
  const ws = new balans.Workspace();
  let err;
  try {
    ws.importSie(bytes, { file: name });
  } catch (e) {
    err = e;
  }
  assert.ok(err, `${name}: expected a refusal`);
  assert.deepEqual(ws.toJSON().outcome, []);
  ws.free();
  return err;
}

test('SIE type 1 files (year totals only) are refused, saying what they lack', () => {
  const yearTotals = files.filter((n) => ['#PSALDO', '#PBUDGET', '#TRANS'].every((l) => !hasRecord(read(n), l)));
  assert.equal(yearTotals.length, 14);
  for (const name of yearTotals) {
    const err = refused(read(name), name);
    assert.equal(err.code, 'E_SIE_NOTHING', name);
    assert.match(err.message, /year totals only \(SIE type 1, #IB\/#UB\/#RES\), no period balances \(#PSALDO\) or vouchers \(#TRANS\)/, name);
    assert.equal(err.report.errors[0].file, name);
    assert.match(err.report.errors[0].expected, /type 2, 3 or 4/);
  }
});

test('random bytes and a file of only #FLAGGA 0 are refused with the reason', () => {
  let x = 0x2545f491;
  const noise = Uint8Array.from({ length: 4096 }, () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return x & 0xff;
  });
  const err = refused(noise, 'noise.se');
  assert.equal(err.code, 'E_SIE_NOTHING');
  assert.match(err.message, /it is not a SIE file/);
  const flag = refused(new TextEncoder().encode('#FLAGGA 0\r\n'), 'flagga.se');
  assert.equal(flag.code, 'E_SIE_NOTHING');
  assert.match(flag.message, /no period balances \(#PSALDO\), period budgets \(#PBUDGET\) or vouchers \(#TRANS\)/);
});

test('a file with CR-only line ends imports as the same file with CR LF', () => {
  for (const name of ['typ4.se', 'Sie2.se']) {
    const lf = read(name);
    const text = Buffer.from(lf).toString('latin1').replace(/\r\n|\n/g, '\r');
    assert.ok(!text.includes('\n'));
    const imported = (bytes) => {
      const ws = new balans.Workspace();
      const report = ws.importSie(bytes, { file: name });
      const outcome = ws.toJSON().outcome;
      ws.free();
      return { rows: report.rows, outcome };
    };
    const cr = imported(Uint8Array.from(Buffer.from(text, 'latin1')));
    assert.ok(cr.outcome.length > 10, name);
    assert.deepEqual(cr, imported(lf), name);
  }
});
