// <balans-import>: the import panel. Drop or choose a CSV or SIE file, or paste a range copied from
// Excel; the file is parsed in a Web Worker (import-worker.js) with a progress bar and a cancel
// button. The user then sees what the import would do (new units, under the unit chosen for them;
// rows by kind; warnings) and confirms or cancels: only a confirmed import is added to the
// Workspace that a <balans-widget> shows. The report is in Swedish (English with lang="en"). A
// rejected file adds nothing; what was shown stays.
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

import init, { Workspace } from './pkg/index.js';
import { h } from './lib/dom.js';
import { count } from './lib/numbers.js';
import { langOf } from './lib/text.js';
import { scriptUrl } from './lib/trusted.js';

const STYLESHEET = new URL('./import-panel.css', import.meta.url);
const WORKER = new URL('./import-worker.js', import.meta.url);
/** Counts as each language writes them (9 996 rows, 9,996 rows). */
const sv = (n) => count(n, 'sv');
const en = (n) => count(n, 'en');

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
    parent: 'Nya enheter placeras under',
    noParent: 'Ingenstans: okända enheter är fel',
    dimension: 'SIE: dimension för enheter',
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
    review: (file) => `Granska vad importen av ${file} gör och bekräfta. Inget har ändrats ännu.`,
    confirm: 'Importera',
    discard: 'Avbryt importen',
    rejected: (file) => `${file} importerades inte: filen har fel. Inget har ändrats.`,
    preview: 'Importen kommer att lägga till',
    replaces: 'och ersätta det som tidigare importerats för samma nycklar',
    newUnits: (n, names) => `${sv(n)} nya enheter${names ? `: ${names}` : ''}`,
    pasted: 'det inklistrade',
    report: 'Importrapport',
    facts: {
      format: 'Format', encoding: 'Teckenkodning', delimiter: 'Avgränsare', sign: 'Tecken',
      rows: 'Rader', months: 'Månader', added: 'Tillagt', replaced: 'Ersatt',
    },
    formats: { csv: 'CSV', paste: 'Inklistrat från Excel', sie: 'SIE 4' },
    delimiters: { ';': 'semikolon', ',': 'komma', '\t': 'tabb' },
    signApplied: {
      result: 'resultat (intäkt +, kostnad −)',
      ledger: 'bokföring, omvänt till resultat',
      'magnitude-by-column': 'belopp utan tecken, intäkt/kostnad ur kolumn',
      'magnitude-by-account': 'belopp utan tecken, intäkt/kostnad ur kontonummer',
    },
    rows: (r) => `${sv(r.read)} lästa, ${sv(r.accepted)} godkända, ${sv(r.skipped)} överhoppade, ${sv(r.rejected)} avvisade`,
    added: (a) => `${sv(a.units)} enheter, ${sv(a.costTypes)} kostnadsslag, ${sv(a.budgetRows)} budgetrader, ${sv(a.outcomeRows)} utfallsrader, ${sv(a.forecastRows)} prognosrader`,
    errors: 'Fel',
    warnings: 'Varningar',
    columns: { code: 'Kod', where: 'Var', what: 'Vad', expected: 'Förväntat' },
    technical: 'Teknisk text (engelska)',
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
      E_SIE_NOTHING: 'Filen har inga periodsaldon (#PSALDO) eller verifikationer (#TRANS) på resultatkonton att importera',
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
      W_SIE_VOUCHERS_RES: 'Kontots verifikationer summerar inte till årets resultat (#RES)',
      W_SIE_VOUCHERS_UNUSED: 'Filen har både periodsaldon och verifikationer: utfallet tas från periodsaldona (#PSALDO)',
      W_SIE_BALANCE: 'IB + periodernas saldon är inte lika med UB för kontot',
      W_SIE_BALANCE_ACCOUNTS: 'Balanskonton kontrolleras men importeras inte',
    },
    /** What would have been accepted, by code; the core's own (English) text where none. */
    expected: {
      E_EMPTY: 'En fil med rubrikrad och minst en rad data',
      E_ENCODING: 'Text i UTF-8 eller Windows-1252',
      E_CSV_HEADER: 'En rubrikrad med enhet, period och belopp, t.ex. Enhet;Period;Utfall',
      E_CSV_FIELDS: 'Lika många celler som rubrikraden: belopp med decimalkomma inom citattecken, eller semikolon som avgränsare',
      E_CSV_QUOTE: 'Citattecken i par runt en cell; ett citattecken i cellen skrivs två gånger',
      E_MISSING_UNIT: 'Ett enhets-id',
      E_UNKNOWN_UNIT: 'Ett enhets-id som finns i arbetsytan, eller välj var nya enheter placeras',
      E_KIND: 'intäkt eller kostnad',
      E_PARSE_YEAR: 'Ett år, t.ex. 2025',
      E_PARSE_MONTH: 'En månad som 2025-08, 202508 eller aug (med år)',
      E_PARSE_AMOUNT: 'Ett belopp som −1 234,50',
      E_AMOUNT_RANGE: 'Ett belopp under 10^15 kr',
      E_MEASURE: 'budget, utfall eller prognos',
      E_PERIOD_OUTSIDE_YEAR: 'En period i det valda året',
      E_SIGN_KIND: 'En kolumn för intäkt/kostnad, eller konton',
      E_SIE_RECORD: 'En fullständig SIE-post',
      E_SIE_CHECKSUM: 'En oförändrad fil, som programmet exporterade den',
      E_OPTION: 'Ett giltigt val',
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
    parent: 'New units go under',
    noParent: 'Nowhere: unknown units are errors',
    dimension: 'SIE: dimension of units',
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
    review: (file) => `Review what the import of ${file} does, then confirm. Nothing has changed yet.`,
    confirm: 'Import',
    discard: 'Cancel the import',
    rejected: (file) => `${file} was not imported: the file has errors. Nothing changed.`,
    preview: 'The import will add',
    replaces: 'and replace what was imported before for the same keys',
    newUnits: (n, names) => `${en(n)} new units${names ? `: ${names}` : ''}`,
    pasted: 'the pasted range',
    report: 'Import report',
    facts: {
      format: 'Format', encoding: 'Encoding', delimiter: 'Delimiter', sign: 'Sign',
      rows: 'Rows', months: 'Months', added: 'Added', replaced: 'Replaced',
    },
    formats: { csv: 'CSV', paste: 'Pasted from Excel', sie: 'SIE 4' },
    delimiters: { ';': 'semicolon', ',': 'comma', '\t': 'tab' },
    signApplied: {
      result: 'result (revenue +, cost −)',
      ledger: 'ledger, turned to result',
      'magnitude-by-column': 'unsigned, revenue/cost from a column',
      'magnitude-by-account': 'unsigned, revenue/cost from the account number',
    },
    rows: (r) => `${en(r.read)} read, ${en(r.accepted)} accepted, ${en(r.skipped)} skipped, ${en(r.rejected)} rejected`,
    added: (a) => `${en(a.units)} units, ${en(a.costTypes)} cost types, ${en(a.budgetRows)} budget rows, ${en(a.outcomeRows)} outcome rows, ${en(a.forecastRows)} forecast rows`,
    errors: 'Errors',
    warnings: 'Warnings',
    columns: { code: 'Code', where: 'Where', what: 'What', expected: 'Expected' },
    technical: 'Technical text',
    where: (i) => [i.file, i.line && `line ${i.line}`, i.column && `column ${i.column}`, i.field && `(${i.field})`]
      .filter(Boolean).join(' '),
    // English shows the API's own messages.
    codes: {},
    expected: {},
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
  /** A read import waiting for the user's confirmation: { document (JSON text), report, label,
   * workspace }. */
  #pending = null;

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
    const parent = h('select', { id: id('parent') }, h('option', { value: '' }, t.noParent));
    const dimension = h('input', { type: 'number', id: id('dimension'), min: 1, max: 99, value: 1, inputmode: 'numeric' });
    const progress = h('progress', { max: 100, hidden: true, part: 'progress' });
    const status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
    const cancel = h('button', { type: 'button', hidden: true, class: 'cancel' }, t.cancel);
    const report = h('section', { class: 'report', 'aria-live': 'polite', part: 'report' });
    const confirm = h('button', { type: 'button', class: 'confirm', part: 'confirm' }, t.confirm);
    const discard = h('button', { type: 'button', class: 'discard' }, t.discard);
    const decide = h('div', { class: 'decide', hidden: true }, confirm, discard);
    const field = (input, label) => h('p', { class: 'field' }, h('label', { for: input.id }, label), input);
    this.shadowRoot.replaceChildren(
      h('link', { rel: 'stylesheet', href: STYLESHEET.href }),
      h('section', { class: 'panel', part: 'panel', 'aria-labelledby': id('heading') },
        h('h2', { id: id('heading') }, t.heading),
        drop,
        field(paste, t.pasteLabel), pasteButton,
        h('div', { class: 'options' }, field(year, t.year), field(measure, t.measure), field(sign, t.sign),
          field(parent, t.parent), field(dimension, t.dimension)),
        h('div', { class: 'progress' }, progress, status, cancel),
        report, decide),
    );
    this.#ui = {
      file, drop, paste, pasteButton, year, measure, sign, parent, dimension, progress, status, cancel,
      report, confirm, discard, decide,
    };
    // The tree as it is when the user looks: a workspace changes between imports.
    parent.addEventListener('focus', () => this.#fillParents());
    this.#fillParents();
    confirm.addEventListener('click', () => this.#confirm());
    discard.addEventListener('click', () => this.#discard());

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
    const { year, measure, sign, parent, dimension } = this.#ui;
    return {
      file,
      measure: measure.value,
      sign: sign.value,
      ...(year.value ? { year: Number(year.value) } : {}),
      ...(parent.value ? { parent: parent.value } : {}),
      ...(dimension.value ? { dimension: Number(dimension.value) } : {}),
    };
  }

  /** The units of the workspace as options, indented by depth, parents before children; the
   * choice made stays where the unit still exists. */
  #fillParents() {
    const select = this.#ui?.parent;
    const units = this.workspace?.units() ?? [];
    if (!select || units.length === select.options.length - 1) return;
    const children = new Map();
    for (const u of units) {
      const list = children.get(u.parent ?? null) ?? [];
      list.push(u);
      children.set(u.parent ?? null, list);
    }
    const options = [select.options[0]];
    const walk = (parentId, depth) => {
      for (const u of children.get(parentId) ?? []) {
        options.push(h('option', { value: u.id }, `${'\u00a0\u00a0'.repeat(depth)}${u.name} (${u.id})`));
        walk(u.id, depth + 1);
      }
    };
    walk(null, 0);
    const chosen = select.value;
    select.replaceChildren(...options);
    select.value = units.some((u) => u.id === chosen) ? chosen : '';
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
    this.#pending = null;
    this.#ui.decide.hidden = true;
    this.#setBusy(true);
    this.#ui.report.replaceChildren();
    const message = {
      format,
      ...input,
      options: this.#options(input.file ? label : undefined),
      // What the preview needs of the workspace, the rows' keys without their amounts (bytes,
      // moved to the worker, not copied).
      context: workspace.importContext(),
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
    this.#pending = { document: result.document, report: result.report, label, workspace };
    this.#ui.status.textContent = t.review(label);
    this.#renderReport(result.report, result.units);
    this.#ui.decide.hidden = false;
    this.#ui.confirm.focus();
  }

  /** Adds what the preview showed. */
  #confirm() {
    const pending = this.#pending;
    if (!pending) return;
    this.#pending = null;
    this.#ui.decide.hidden = true;
    const { document, label, workspace } = pending;
    const t = this.#t;
    let summary;
    try {
      summary = workspace.importJson(document);
    } catch (err) {
      this.#rejected({ code: err.code ?? 'E_UNKNOWN', message: err.message, report: { ...pending.report, errors: [{ code: err.code, message: err.message, field: err.field }] } }, label);
      return;
    }
    // importJson gives the added counts with `replaced` beside them (a later import replaces what
    // an earlier one held for the same unit, cost type and month).
    const { replaced, ...added } = summary;
    const report = { ...pending.report, added, replaced };
    this.#ui.status.textContent = t.done(label);
    this.#renderReport(report);
    const target = this.target;
    if (target) {
      if (!target.activeWorkspace && !this.#workspace) target.workspace = workspace;
      if (report.lastMonth) target.asOf = report.lastMonth;
      target.refresh?.();
    }
    this.#fillParents();
    this.dispatchEvent(new CustomEvent('balans-import', { detail: { report, workspace }, bubbles: true, composed: true }));
  }

  /** Drops what the preview showed; nothing was added. */
  #discard() {
    if (!this.#pending) return;
    this.#pending = null;
    this.#ui.decide.hidden = true;
    this.#ui.report.replaceChildren();
    this.#ui.status.textContent = this.#t.cancelled;
  }

  /** Runs one message through a fresh worker; resolves to its last message, or null if cancelled. */
  #parse(message) {
    return new Promise((resolve) => {
      let worker;
      try {
        worker = new Worker(scriptUrl(WORKER), { type: 'module' });
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
      worker.postMessage(message, [message.context.buffer]);
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

  /** The report; with `newUnits` (the units the import would add) it is a preview, and its
   * `added` and `replaced` say what confirming does. */
  #renderReport(report, newUnits) {
    const t = this.#t;
    const facts = [];
    const fact = (name, value) => value && facts.push(h('dt', {}, t.facts[name]), h('dd', {}, value));
    fact('format', t.formats[report.format]);
    fact('encoding', report.encoding);
    fact('delimiter', report.delimiter && (t.delimiters[report.delimiter] ?? report.delimiter));
    fact('sign', report.sign && t.signApplied[report.sign]);
    fact('rows', report.rows && t.rows(report.rows));
    fact('months', report.firstMonth && `${report.firstMonth} – ${report.lastMonth}`);
    if (newUnits) {
      const names = newUnits.slice(0, 10).map((u) => u.name).join(', ');
      // Nothing is added yet: the heading says what confirming will add.
      const said = facts.length;
      fact('added', [
        newUnits.length ? t.newUnits(newUnits.length, names) : '',
        t.added(report.added),
      ].filter(Boolean).join('. '));
      facts[said].textContent = t.preview;
      if (this.#anyOf(report.replaced)) facts.push(h('dt', {}, t.replaces), h('dd', {}, t.added(report.replaced)));
    } else if (report.added && !report.errors?.length) {
      fact('added', t.added(report.added));
      if (this.#anyOf(report.replaced)) fact('replaced', t.added(report.replaced));
    }
    // replaceChildren writes a null as the text "null": only what there is.
    this.#ui.report.replaceChildren(...[
      h('h3', {}, t.report),
      facts.length ? h('dl', {}, ...facts) : null,
      this.#issues(report.errors ?? [], t.errors, 'errors'),
      this.#issues(report.warnings ?? [], t.warnings, 'warnings'),
    ].filter(Boolean));
  }

  /** Whether a summary counts anything (a count of rows, not an amount). */
  #anyOf(summary) {
    return Boolean(summary) && Object.values(summary).some((n) => n > 0);
  }

  #issues(list, caption, kind) {
    if (!list.length) return null;
    const t = this.#t;
    const head = ['code', 'where', 'what', 'expected'].map((c) => h('th', { scope: 'col' }, t.columns[c]));
    const rows = list.map((issue) => {
      const own = t.codes[issue.code];
      // In Swedish the core's English message is only for whoever fixes the file, folded away.
      const what = own
        ? [h('span', {}, `${own}.`), h('details', { class: 'detail' },
          h('summary', {}, t.technical), h('span', { lang: 'en' }, issue.message ?? ''))]
        : [issue.message ?? ''];
      const expected = t.expected[issue.code];
      return h('tr', { 'data-code': issue.code },
        h('td', {}, h('code', {}, issue.code)),
        h('td', {}, t.where(issue)),
        h('td', {}, ...what),
        expected ? h('td', {}, expected) : h('td', { lang: 'en' }, issue.expected ?? ''));
    });
    return h('table', { class: kind, part: kind },
      h('caption', {}, `${caption} (${list.length})`),
      h('thead', {}, h('tr', {}, ...head)),
      h('tbody', {}, ...rows));
  }
}

if (!customElements.get('balans-import')) customElements.define('balans-import', BalansImport);
