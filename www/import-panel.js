// <balans-import>: the import panel. Drop or choose a CSV or SIE file, or paste a range copied from
// Excel; the file is parsed in a Web Worker (import-worker.js) with a progress bar and a cancel
// button, then added to the Workspace that a <balans-widget> shows, and the import report is shown
// in Swedish (English with lang="en"). A rejected file adds nothing; what was shown stays.
//
// It renders and moves bytes; the Rust core reads, checks and adds (readImport, importJson). It
// does no arithmetic on amounts and sends nothing over the network.
//
//   <balans-import for="widget-id"></balans-import>
//
// Properties: `target` (the widget; else the element named by `for`), `workspace` (a Workspace to
// import into; else the target's). Events (bubbling, composed): `balans-import` with
// { report, workspace } after an import, `balans-error` with { code, message, report } when one
// is rejected.

import init, { Workspace } from './pkg/balans.js';
import { h } from './lib/dom.js';
import { langOf } from './lib/text.js';

const STYLESHEET = new URL('./import-panel.css', import.meta.url);
const WORKER = new URL('./import-worker.js', import.meta.url);

/** Swedish and English text; issue codes map to an explanation, the API's English message is
 * shown beneath it for whoever fixes the file. */
const STRINGS = {
  sv: {
    heading: 'Importera data',
    drop: 'Släpp en fil här: CSV från ekonomisystemet eller SIE 4.',
    choose: 'Välj fil',
    pasteLabel: 'Eller klistra in ett område från Excel (med rubrikrad)',
    pasteButton: 'Importera inklistrat',
    year: 'År (för månadskolumner)',
    measure: 'Belopp utan egen kolumnrubrik avser',
    measures: { outcome: 'Utfall', budget: 'Budget', forecast: 'Prognos' },
    sign: 'Tecken',
    signs: {
      result: 'Resultat: intäkt +, kostnad −',
      ledger: 'Bokföring: debet +, kredit −',
      magnitude: 'Belopp utan tecken (intäkt/kostnad ur kolumn eller konto)',
    },
    cancel: 'Avbryt',
    reading: (loaded, total) => `Läser filen … ${Math.floor((100 * loaded) / Math.max(total, 1))} %`,
    parsing: 'Tolkar …',
    cancelled: 'Importen avbröts. Inget har ändrats.',
    noTarget: 'Det finns ingen rapport att importera till.',
    wait: 'Vänta tills rapporten har laddats och försök igen.',
    done: (file) => `Importen av ${file} är klar.`,
    rejected: (file) => `${file} importerades inte: filen har fel. Inget har ändrats.`,
    pasted: 'det inklistrade',
    report: 'Importrapport',
    facts: {
      format: 'Format', encoding: 'Teckenkodning', delimiter: 'Avgränsare', sign: 'Tecken',
      rows: 'Rader', months: 'Månader', added: 'Tillagt',
    },
    formats: { csv: 'CSV', paste: 'Inklistrat från Excel', sie: 'SIE 4' },
    delimiters: { ';': 'semikolon', ',': 'komma', '\t': 'tabb' },
    signApplied: {
      result: 'resultat (intäkt +, kostnad −)',
      ledger: 'bokföring, omvänt till resultat',
      'magnitude-by-column': 'belopp utan tecken, intäkt/kostnad ur kolumn',
      'magnitude-by-account': 'belopp utan tecken, intäkt/kostnad ur kontonummer',
    },
    rows: (r) => `${r.read} lästa, ${r.accepted} godkända, ${r.skipped} överhoppade, ${r.rejected} avvisade`,
    added: (a) => `${a.units} enheter, ${a.costTypes} kostnadsslag, ${a.budgetRows} budgetrader, ${a.outcomeRows} utfallsrader, ${a.forecastRows} prognosrader`,
    errors: 'Fel',
    warnings: 'Varningar',
    columns: { code: 'Kod', where: 'Var', what: 'Vad', expected: 'Förväntat' },
    where: (i) => [i.file, i.line && `rad ${i.line}`, i.column && `kolumn ${i.column}`, i.field && `(${i.field})`]
      .filter(Boolean).join(' '),
    codes: {
      E_EMPTY: 'Det finns inget att importera',
      E_ENCODING: 'Teckenkodningen kan inte läsas',
      E_CSV_HEADER: 'Kolumnrubrikerna känns inte igen',
      E_CSV_FIELDS: 'Raden har fler celler än rubrikraden',
      E_CSV_QUOTE: 'Ett citattecken är inte stängt',
      E_MISSING_UNIT: 'Enhet saknas',
      E_UNKNOWN_UNIT: 'Okänd enhet',
      E_KIND: 'Skriv intäkt eller kostnad',
      E_PARSE_YEAR: 'Året kan inte läsas',
      E_PARSE_MONTH: 'Perioden kan inte läsas (eller är ett datum som inte finns, som 2025-02-30)',
      E_PARSE_AMOUNT: 'Beloppet kan inte läsas',
      E_AMOUNT_RANGE: 'Beloppet är orimligt stort',
      E_AMOUNT_PRECISION: 'Beloppet är finare än ett öre (efter kolumnens tkr eller mnkr): ingen bokföring har bråkdelar av öre',
      E_MEASURE: 'Okänt mått: skriv budget, utfall eller prognos',
      E_PERIOD_OUTSIDE_YEAR: 'Perioden ligger utanför det valda året',
      E_SIGN_KIND: 'Det framgår inte om raden är intäkt eller kostnad',
      E_SIE_RECORD: 'SIE-posten är ofullständig eller felaktig',
      E_SIE_CHECKSUM: 'Kontrollsumman (#KSUMMA) stämmer inte: filen är ändrad eller skadad',
      E_OPTION: 'Ogiltigt val',
      E_WORKER: 'Filen kunde inte läsas',
      E_MORE: 'Fler fel av samma slag',
      W_MORE: 'Fler varningar av samma slag',
      W_DUPLICATE_ROW: 'Raden finns redan; beloppen läggs ihop',
      W_AMBIGUOUS_AMOUNT: 'Beloppet kan läsas på två sätt',
      W_MIXED_ENCODING: 'Filen blandar teckenkodningar; å, ä och ö kan bli fel',
      W_KIND_ASSUMED: 'Kostnadsslaget antas vara en kostnad',
      W_UNITS_CREATED: 'Nya enheter lades till',
      W_SIE_ENCODING: 'SIE-filen är inte i PC8 (IBM 437); den lästes som Windows-1252',
      W_SIE_NOT_A_RECORD: 'Raden är ingen SIE-post och hoppades över',
      W_SIE_RECORD: 'SIE-posten kunde inte läsas och hoppades över',
      W_SIE_QUOTE: 'Ett citattecken eller en klammer är inte stängd',
      W_SIE_FORMAT: '#FORMAT är inte PC8',
      W_SIE_NO_OMFATTN: '#OMFATTN saknas: det framgår inte till vilket datum saldona gäller',
      W_SIE_FISCAL_YEAR: 'Räkenskapsåret är brutet; varje månad behålls',
      W_SIE_PERIOD_OUTSIDE_YEAR: 'Perioden ligger utanför räkenskapsåret (#RAR) och hoppades över',
      W_SIE_VOUCHER_UNBALANCED: 'Verifikationen balanserar inte: filen är inte i balans',
      W_SIE_BALANCE: 'IB + periodernas saldon är inte lika med UB för kontot',
      W_SIE_BALANCE_ACCOUNTS: 'Balanskonton kontrolleras men importeras inte',
    },
  },
  en: {
    heading: 'Import data',
    drop: 'Drop a file here: CSV from the finance system, or SIE 4.',
    choose: 'Choose file',
    pasteLabel: 'Or paste a range copied from Excel (with a header row)',
    pasteButton: 'Import pasted range',
    year: 'Year (for month columns)',
    measure: 'Amounts without their own header are',
    measures: { outcome: 'Outcome', budget: 'Budget', forecast: 'Forecast' },
    sign: 'Sign',
    signs: {
      result: 'Result: revenue +, cost −',
      ledger: 'Ledger: debit +, credit −',
      magnitude: 'Unsigned amounts (revenue/cost from a column or the account)',
    },
    cancel: 'Cancel',
    reading: (loaded, total) => `Reading the file … ${Math.floor((100 * loaded) / Math.max(total, 1))} %`,
    parsing: 'Parsing …',
    cancelled: 'The import was cancelled. Nothing changed.',
    noTarget: 'There is no report to import into.',
    wait: 'Wait until the report has loaded, then try again.',
    done: (file) => `${file} was imported.`,
    rejected: (file) => `${file} was not imported: the file has errors. Nothing changed.`,
    pasted: 'the pasted range',
    report: 'Import report',
    facts: {
      format: 'Format', encoding: 'Encoding', delimiter: 'Delimiter', sign: 'Sign',
      rows: 'Rows', months: 'Months', added: 'Added',
    },
    formats: { csv: 'CSV', paste: 'Pasted from Excel', sie: 'SIE 4' },
    delimiters: { ';': 'semicolon', ',': 'comma', '\t': 'tab' },
    signApplied: {
      result: 'result (revenue +, cost −)',
      ledger: 'ledger, turned to result',
      'magnitude-by-column': 'unsigned, revenue/cost from a column',
      'magnitude-by-account': 'unsigned, revenue/cost from the account number',
    },
    rows: (r) => `${r.read} read, ${r.accepted} accepted, ${r.skipped} skipped, ${r.rejected} rejected`,
    added: (a) => `${a.units} units, ${a.costTypes} cost types, ${a.budgetRows} budget rows, ${a.outcomeRows} outcome rows, ${a.forecastRows} forecast rows`,
    errors: 'Errors',
    warnings: 'Warnings',
    columns: { code: 'Code', where: 'Where', what: 'What', expected: 'Expected' },
    where: (i) => [i.file, i.line && `line ${i.line}`, i.column && `column ${i.column}`, i.field && `(${i.field})`]
      .filter(Boolean).join(' '),
    // English shows the API's own messages.
    codes: {},
  },
};

/** SIE by extension or by its first record; everything else is read as CSV. */
async function formatOf(file) {
  if (/\.(se|si|sie)$/i.test(file.name)) return 'sie';
  const head = new Uint8Array(await file.slice(0, 16).arrayBuffer());
  const start = head[0] === 0xef ? 3 : 0;
  return head[start] === 0x23 /* # */ ? 'sie' : 'csv';
}

export class BalansImport extends HTMLElement {
  #ui = null;
  #worker = null;
  #workspace = null;
  #target = null;
  #busy = false;

  constructor() {
    super();
    this.attachShadow({ mode: 'open' });
  }

  /** The <balans-widget> whose workspace receives the data and which is refreshed after. */
  get target() {
    if (this.#target) return this.#target;
    const id = this.getAttribute('for');
    return id ? this.getRootNode().getElementById?.(id) ?? document.getElementById(id) : null;
  }
  set target(value) { this.#target = value ?? null; }

  /** A Workspace to import into; by default the target widget's. */
  get workspace() { return this.#workspace ?? this.target?.activeWorkspace ?? null; }
  set workspace(value) { this.#workspace = value ?? null; }

  get #t() {
    return STRINGS[langOf(this)];
  }

  connectedCallback() {
    if (!this.#ui) this.#build();
  }

  disconnectedCallback() {
    this.#stop();
  }

  #build() {
    const t = this.#t;
    const id = (name) => `balans-import-${name}`;
    const file = h('input', { type: 'file', id: id('file'), accept: '.csv,.txt,.se,.si,.sie', part: 'file' });
    const drop = h('div', { class: 'drop', part: 'drop' },
      h('p', {}, t.drop), h('label', { for: id('file'), class: 'choose' }, t.choose), file);
    const paste = h('textarea', { id: id('paste'), rows: 4, spellcheck: 'false', part: 'paste' });
    const pasteButton = h('button', { type: 'button' }, t.pasteButton);
    const year = h('input', { type: 'number', id: id('year'), min: 1900, max: 2199, inputmode: 'numeric' });
    const measure = h('select', { id: id('measure') },
      ...Object.entries(t.measures).map(([v, label]) => h('option', { value: v }, label)));
    const sign = h('select', { id: id('sign') },
      ...Object.entries(t.signs).map(([v, label]) => h('option', { value: v }, label)));
    const progress = h('progress', { max: 100, hidden: true, part: 'progress' });
    const status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
    const cancel = h('button', { type: 'button', hidden: true, class: 'cancel' }, t.cancel);
    const report = h('section', { class: 'report', 'aria-live': 'polite', part: 'report' });
    const field = (input, label) => h('p', { class: 'field' }, h('label', { for: input.id }, label), input);
    this.shadowRoot.replaceChildren(
      h('link', { rel: 'stylesheet', href: STYLESHEET.href }),
      h('section', { class: 'panel', part: 'panel', 'aria-labelledby': id('heading') },
        h('h2', { id: id('heading') }, t.heading),
        drop,
        field(paste, t.pasteLabel), pasteButton,
        h('div', { class: 'options' }, field(year, t.year), field(measure, t.measure), field(sign, t.sign)),
        h('div', { class: 'progress' }, progress, status, cancel),
        report),
    );
    this.#ui = { file, drop, paste, pasteButton, year, measure, sign, progress, status, cancel, report };

    file.addEventListener('change', () => {
      if (file.files[0]) this.#importFile(file.files[0]);
      file.value = '';
    });
    drop.addEventListener('dragover', (e) => {
      e.preventDefault();
      drop.classList.add('over');
    });
    drop.addEventListener('dragleave', () => drop.classList.remove('over'));
    drop.addEventListener('drop', (e) => {
      e.preventDefault();
      drop.classList.remove('over');
      const dropped = e.dataTransfer?.files?.[0];
      if (dropped) this.#importFile(dropped);
    });
    // What Excel puts on the clipboard: tab-separated text, a line per row.
    paste.addEventListener('paste', (e) => {
      const text = e.clipboardData?.getData('text/plain');
      if (!text) return;
      e.preventDefault();
      paste.value = text;
    });
    pasteButton.addEventListener('click', () => {
      if (paste.value.trim()) this.#run('paste', { text: paste.value }, this.#t.pasted);
    });
    cancel.addEventListener('click', () => {
      this.#stop();
      this.#ui.status.textContent = this.#t.cancelled;
    });
  }

  #options(file) {
    const { year, measure, sign } = this.#ui;
    return {
      file,
      measure: measure.value,
      sign: sign.value,
      ...(year.value ? { year: Number(year.value) } : {}),
    };
  }

  async #importFile(file) {
    this.#run(await formatOf(file), { file }, file.name);
  }

  /** Parses in the worker, then adds to the workspace; one import at a time. */
  async #run(format, input, label) {
    if (this.#busy) return;
    const t = this.#t;
    await init();
    let workspace = this.workspace;
    if (!workspace && !this.target) {
      this.#ui.status.textContent = t.noTarget;
      return;
    }
    // A widget still loading its own data would lose it to a workspace made here.
    if (!workspace && (this.target.src || this.target.data)) {
      this.#ui.status.textContent = t.wait;
      return;
    }
    workspace ??= new Workspace();
    this.#setBusy(true);
    this.#ui.report.replaceChildren();
    const message = {
      format,
      ...input,
      options: this.#options(input.file ? label : undefined),
      context: workspace.toJSON(),
    };
    let result;
    try {
      result = await this.#parse(message);
    } finally {
      this.#setBusy(false);
    }
    if (!result) return; // cancelled
    if (result.type === 'failed') {
      this.#rejected(result.error, label);
      return;
    }
    let summary;
    try {
      summary = workspace.importJson(result.document);
    } catch (err) {
      this.#rejected({ code: err.code ?? 'E_UNKNOWN', message: err.message, report: { ...result.report, errors: [{ code: err.code, message: err.message, field: err.field }] } }, label);
      return;
    }
    const report = { ...result.report, added: summary };
    this.#ui.status.textContent = t.done(label);
    this.#renderReport(report);
    const target = this.target;
    if (target) {
      if (!target.activeWorkspace && !this.#workspace) target.workspace = workspace;
      if (report.lastMonth) target.asOf = report.lastMonth;
      target.refresh?.();
    }
    this.dispatchEvent(new CustomEvent('balans-import', { detail: { report, workspace }, bubbles: true, composed: true }));
  }

  /** Runs one message through a fresh worker; resolves to its last message, or null if cancelled. */
  #parse(message) {
    return new Promise((resolve) => {
      let worker;
      try {
        worker = new Worker(WORKER, { type: 'module' });
      } catch (err) {
        resolve({ type: 'failed', error: { code: 'E_WORKER', message: err.message } });
        return;
      }
      this.#worker = { worker, resolve };
      worker.onmessage = ({ data }) => {
        if (data.type === 'progress') {
          this.#ui.progress.value = Math.floor((100 * data.loaded) / Math.max(data.total, 1));
          this.#ui.status.textContent = this.#t.reading(data.loaded, data.total);
        } else if (data.type === 'parsing') {
          this.#ui.progress.removeAttribute('value'); // indeterminate while the core parses
          this.#ui.status.textContent = this.#t.parsing;
        } else {
          this.#finish();
          resolve(data);
        }
      };
      worker.onerror = (e) => {
        this.#finish();
        resolve({ type: 'failed', error: { code: 'E_WORKER', message: e.message || 'the import worker failed' } });
      };
      worker.postMessage(message);
    });
  }

  #finish() {
    this.#worker?.worker.terminate();
    this.#worker = null;
  }

  /** Cancels a running import: the worker is stopped and nothing is added. */
  #stop() {
    const running = this.#worker;
    if (!running) return;
    this.#finish();
    running.resolve(null);
  }

  #setBusy(busy) {
    this.#busy = busy;
    const { progress, cancel, pasteButton, file } = this.#ui;
    progress.hidden = !busy;
    cancel.hidden = !busy;
    pasteButton.disabled = busy;
    file.disabled = busy;
    if (busy) {
      progress.value = 0;
      this.#ui.status.textContent = this.#t.parsing;
      this.setAttribute('aria-busy', 'true');
    } else {
      this.removeAttribute('aria-busy');
    }
  }

  #rejected(error, label) {
    const t = this.#t;
    this.#ui.status.textContent = t.rejected(label);
    const report = error.report ?? { errors: [{ code: error.code, message: error.message, field: error.field }], warnings: [] };
    this.#renderReport(report);
    this.dispatchEvent(new CustomEvent('balans-error', {
      detail: { code: error.code, message: error.message, report }, bubbles: true, composed: true,
    }));
  }

  #renderReport(report) {
    const t = this.#t;
    const facts = [];
    const fact = (name, value) => value && facts.push(h('dt', {}, t.facts[name]), h('dd', {}, value));
    fact('format', t.formats[report.format]);
    fact('encoding', report.encoding);
    fact('delimiter', report.delimiter && (t.delimiters[report.delimiter] ?? report.delimiter));
    fact('sign', report.sign && t.signApplied[report.sign]);
    fact('rows', report.rows && t.rows(report.rows));
    fact('months', report.firstMonth && `${report.firstMonth} – ${report.lastMonth}`);
    if (report.added && !report.errors?.length) fact('added', t.added(report.added));
    this.#ui.report.replaceChildren(
      h('h3', {}, t.report),
      facts.length ? h('dl', {}, ...facts) : null,
      this.#issues(report.errors ?? [], t.errors, 'errors'),
      this.#issues(report.warnings ?? [], t.warnings, 'warnings'),
    );
  }

  #issues(list, caption, kind) {
    if (!list.length) return null;
    const t = this.#t;
    const head = ['code', 'where', 'what', 'expected'].map((c) => h('th', { scope: 'col' }, t.columns[c]));
    const rows = list.map((issue) => {
      const swedish = t.codes[issue.code];
      const what = swedish
        ? [h('span', {}, `${swedish}.`), h('span', { class: 'detail', lang: 'en' }, ` ${issue.message}`)]
        : [issue.message];
      return h('tr', { 'data-code': issue.code },
        h('td', {}, h('code', {}, issue.code)),
        h('td', {}, t.where(issue)),
        h('td', {}, ...what),
        h('td', { lang: 'en' }, issue.expected ?? ''));
    });
    return h('table', { class: kind, part: kind },
      h('caption', {}, `${caption} (${list.length})`),
      h('thead', {}, h('tr', {}, ...head)),
      h('tbody', {}, ...rows));
  }
}

if (!customElements.get('balans-import')) customElements.define('balans-import', BalansImport);
