// A paste box for a register table copied from Excel into a view (the goals view's goals, the
// effects view's measures): a disclosure that says which columns the header must name, a labelled
// text area, a button that hands the text to the Workspace's reader for that register, and what
// came of it (role="status"; role="alert" with the code and the line when the table is refused,
// and then nothing is added). After an import it emits `balans-import` (as the import panel does,
// so the app stores the workspace) and renders the view again.
//
// Not here: reading the table (the Rust core's import/registers/, through ws.importGoals and
// ws.importMeasures), the import panel's files and ledger pastes (import-panel.js).

import { h } from '../lib/dom.js';

const STRINGS = {
  sv: {
    read: 'Läs in',
    added: (n, replaced) => `${n} tillagda, ${replaced} ersatta.`,
    failed: (code, message) => `Tabellen lästes inte in (${code}): ${message}. Inget har ändrats.`,
    empty: 'Klistra in tabellen först, med rubrikraden överst.',
  },
  en: {
    read: 'Import',
    added: (n, replaced) => `${n} added, ${replaced} replaced.`,
    failed: (code, message) => `The table was not imported (${code}): ${message}. Nothing has changed.`,
    empty: 'Paste the table first, with its header row on top.',
  },
};

/**
 * The paste box. `state` is the view's per widget ({ open, message, alert }), so what was said
 * survives the render after an import.
 * @param {object} o
 * @param {string} o.id - the prefix of its ids (unique in the widget)
 * @param {string} o.lang - "sv" or "en"
 * @param {{ summary: string, help: string, label: string }} o.text - the view's words for it
 * @param {string} o.kind - the ImportSummary list it adds to ("goals", "measures")
 * @param {(text: string) => object} o.read - imports the text into the workspace; its Imported
 * @param {object} o.ctx - the view's context (emit, rerender, host)
 * @param {{ open?: boolean, message?: string, alert?: boolean }} o.state
 * @param {boolean} [o.open] - open it whatever the reader did (the register is empty)
 */
export function pasteBox({ id, lang, text, kind, read, ctx, state, open = false }) {
  const t = STRINGS[lang];
  const area = h('textarea', {
    id: `${id}-text`, rows: '5', spellcheck: 'false', autocomplete: 'off', 'aria-describedby': `${id}-help`,
  });
  const button = h('button', { type: 'submit', id: `${id}-read`, class: 'action' }, t.read);
  const said = h('p', { id: `${id}-said`, class: state.alert ? 'paste-said error' : 'paste-said', role: state.alert ? 'alert' : 'status' },
    state.message ?? '');
  state.message = null;
  const form = h('form', { class: 'paste-form', novalidate: true },
    h('p', { id: `${id}-help`, class: 'help' }, text.help),
    h('label', { for: area.id }, text.label), area,
    h('div', { class: 'actions' }, button),
    said);
  const box = h('details', { class: 'paste-box', id, open: open || state.open }, h('summary', {}, text.summary), form);
  box.addEventListener('toggle', () => { state.open = box.open; });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const pasted = area.value;
    if (!pasted.trim()) {
      said.className = 'paste-said error';
      said.setAttribute('role', 'alert');
      said.textContent = t.empty;
      area.focus();
      return;
    }
    let imported;
    try {
      imported = read(pasted);
    } catch (err) {
      said.className = 'paste-said error';
      said.setAttribute('role', 'alert');
      const where = err?.field ?? (err?.line ? `line ${err.line}` : null);
      said.textContent = t.failed(err?.code ?? 'E_UNKNOWN', `${(err?.message ?? String(err)).replace(/\.$/, '')}${where && !String(err?.message).includes(where) ? ` (${where})` : ''}`);
      area.focus();
      return;
    }
    Object.assign(state, { open: true, alert: false, message: t.added(imported[kind], imported.replaced[kind]) });
    ctx.emit('balans-import', { report: imported, workspace: ctx.host.activeWorkspace });
    ctx.rerender();
    ctx.host.shadowRoot.getElementById(`${id}-read`)?.focus(); // where the reader was
  });
  state.alert = false;
  return box;
}
