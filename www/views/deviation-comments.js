// Explanations and actions (avvikelseförklaringar, åtgärder) in the deviation view: the comments
// cell beside each row (the month's comments, and on a unit row the button that opens the
// editor), the editor itself (a modal <dialog>: kind, text, for an action owner and due month,
// author; save, cancel, remove), and the list of the month's material deviations that still lack
// one ("Saknar förklaring (N)"), whose items take the reader to the row.
//
// It renders and calls the Workspace: `ws.comment`, `ws.removeComment`; which deviations need a
// comment is the report's `missingExplanations`, computed by the core. Text from the data (unit
// names, comments, authors, owners) is put in <bdi>, so a name written right to left cannot turn
// the figures beside it around.
//
// Not here: the table, its rows and their order (deviation.js, which says where a cell goes and
// what happens after a save: the event, the stored copy, the re-render).

import { h } from '../lib/dom.js';
import { parseMonth } from '../lib/months.js';

const KINDS = ['explanation', 'action'];
/** The missing list opens by itself up to this many rows; a longer one (a region's month can
 * lack dozens) starts closed under its count, so the table stays in view. */
const SHORT_LIST = 5;

/** The visible words of a unit row's button: "Förklaring", with the count of comments. */
function buttonLabel(t, count) {
  return count ? `${t.comments.button} (${count})` : t.comments.button;
}

/** The month as words: "augusti 2025". */
function monthWords(t, month) {
  const [year, index] = parseMonth(month) ?? [month, null];
  return index == null ? String(month) : `${t.months[index]} ${year}`;
}

/**
 * Paints a row's comments cell: the month's comments as a list and, where `name` is given (a unit
 * row), the button that opens the editor. The button is made once per cell and kept, so focus on
 * it survives a re-render for another month or after a save.
 */
export function paintComments(td, comments, t, name = null) {
  const list = comments.length
    ? h('ul', { class: 'comment-list' }, ...comments.map((c) => commentItem(c, t)))
    : null;
  let button = td.querySelector('button.comment');
  if (name != null && !button) {
    button = h('button', { type: 'button', class: 'comment', 'aria-haspopup': 'dialog', 'aria-expanded': 'false' });
  }
  if (button) {
    button.replaceChildren(buttonLabel(t, comments.length), h('span', { class: 'vh' }, ' – ', h('bdi', {}, name ?? '')));
  }
  td.replaceChildren(...[list, button].filter(Boolean));
}

function commentItem(c, t) {
  const meta = [];
  if (c.kind === 'action' && c.owner) meta.push(`${t.comments.owner}: `, h('bdi', {}, c.owner));
  if (c.kind === 'action' && c.due) meta.push(meta.length ? ', ' : '', `${t.comments.dueShort} ${monthWords(t, c.due)}`);
  if (c.author) meta.push(meta.length ? ', ' : '', `${t.comments.by} `, h('bdi', {}, c.author));
  return h('li', { 'data-kind': c.kind },
    h('span', { class: 'kind' }, `${t.comments.kinds[c.kind]}: `),
    h('bdi', { class: 'text' }, c.text),
    meta.length ? h('span', { class: 'meta' }, ' (', ...meta, ')') : null);
}

/**
 * The list of the month's material deviations without an explanation (or action), one item per
 * row, above the table; empty (and hidden) when nothing is missing. Open at first when short,
 * then as the reader leaves it across re-renders; `onPick(unit)` takes the reader to the row.
 */
export function paintMissing(box, report, t, { costTypeName, onPick }) {
  const rows = new Map();
  for (const m of report.missingExplanations ?? []) {
    const key = `${m.unit}\u0000${m.costType ?? ''}`;
    if (!rows.has(key)) rows.set(key, { ...m, spans: [], kinds: new Set() });
    const row = rows.get(key);
    row.spans.push(m.span);
    for (const kind of m.missing) row.kinds.add(kind);
  }
  box.hidden = rows.size === 0;
  if (!box.dataset.painted) {
    box.dataset.painted = 'true';
    box.open = rows.size <= SHORT_LIST;
  }
  const summary = h('summary', {}, t.comments.missingTitle(rows.size));
  const items = [...rows.values()].map((m) => {
    const kinds = KINDS.filter((k) => m.kinds.has(k)).map((k) => t.comments.needs[k]);
    const what = t.comments.lacks(m.spans.map((s) => t.comments.spans[s]).join(', '), kinds.join(` ${t.comments.and} `));
    const costType = m.costType ? [' – ', h('bdi', {}, costTypeName(m.unit, m.costType) ?? m.costType)] : [];
    const button = h('button', { type: 'button', class: 'link', 'data-unit': m.unit },
      h('bdi', { class: 'name' }, m.name), ...costType, `: ${what}`);
    button.addEventListener('click', () => onPick(m.unit));
    return h('li', {}, button);
  });
  box.replaceChildren(summary, h('ul', {}, ...items));
}

/**
 * The editor of one unit row's comments for a month, in a modal <dialog>: focus goes into it
 * when it opens and back to the button that opened it when it closes; Escape cancels.
 */
export class CommentEditor {
  #dialog = h('dialog', { class: 'comment-editor', 'aria-labelledby': 'comment-editor-title' });
  #opener = null;

  constructor() {
    this.#dialog.addEventListener('close', () => {
      this.#opener?.setAttribute('aria-expanded', 'false');
      this.#opener?.focus();
      this.#opener = null;
    });
  }

  /** Whether the editor is open. */
  get open() {
    return this.#dialog.open;
  }

  /**
   * Opens the editor for `row` (a deviation report row) and `asOf` beside `container`.
   * `save(comment)` and `remove(key)` call the workspace and throw its errors; `changed(detail)`
   * follows a save or removal once the editor is closed (`{ action: 'saved', comment }` or
   * `{ action: 'removed', key }`). `author` is the name offered where the kind has no comment.
   */
  show({ opener, container, row, asOf, t, author, save, remove, changed }) {
    const dialog = this.#dialog;
    if (!dialog.isConnected || dialog.parentNode !== container) container.append(dialog);
    this.#opener = opener;
    const existing = Object.fromEntries(row.comments.map((c) => [c.kind, c]));
    const c = t.comments;
    const radio = (kind) => h('label', { class: 'choice' },
      h('input', { type: 'radio', name: 'comment-kind', value: kind }), ` ${c.kinds[kind]}`);
    const kindField = h('fieldset', { class: 'kind' }, h('legend', {}, c.kind), ...KINDS.map(radio));
    const text = h('textarea', { id: 'comment-text', rows: '4', required: true, 'aria-describedby': 'comment-error' });
    const owner = h('input', { id: 'comment-owner', type: 'text', autocomplete: 'off' });
    const due = h('input', { id: 'comment-due', type: 'month', placeholder: 'ÅÅÅÅ-MM', 'aria-describedby': 'comment-due-hint' });
    const writer = h('input', { id: 'comment-author', type: 'text', autocomplete: 'name' });
    const actionFields = h('div', { class: 'action-fields' },
      h('p', {}, h('label', { for: 'comment-owner' }, c.owner), owner),
      h('p', {}, h('label', { for: 'comment-due' }, c.due), due, h('span', { id: 'comment-due-hint', class: 'hint' }, c.dueHint)));
    const error = h('p', { id: 'comment-error', class: 'error', role: 'alert' });
    const removeButton = h('button', { type: 'button', class: 'action remove' }, c.remove);
    const cancel = h('button', { type: 'button', class: 'action' }, c.cancel);
    // Checked here, not by the browser, whose bubble speaks the browser's language, not the page's.
    const form = h('form', { class: 'comment-form', novalidate: true },
      kindField,
      h('p', {}, h('label', { for: 'comment-text' }, c.text), text),
      actionFields,
      h('p', {}, h('label', { for: 'comment-author' }, c.author), writer),
      error,
      h('p', { class: 'buttons' }, h('button', { type: 'submit', class: 'action primary' }, c.save), cancel, removeButton));
    const title = h('h2', { id: 'comment-editor-title' }, `${c.editorTitle}: `, h('bdi', {}, row.name), `, ${monthWords(t, asOf)}`);
    dialog.replaceChildren(title, form);

    const kindOf = () => form.querySelector('input[name="comment-kind"]:checked')?.value ?? 'explanation';
    const load = (kind) => {
      const old = existing[kind];
      text.value = old?.text ?? '';
      owner.value = old?.owner ?? '';
      due.value = old?.due ?? '';
      writer.value = old?.author || author || '';
      actionFields.hidden = kind !== 'action';
      removeButton.hidden = !old;
      text.removeAttribute('aria-invalid');
      error.textContent = '';
    };
    const first = existing.explanation || !existing.action ? 'explanation' : 'action';
    form.querySelector(`input[value="${first}"]`).checked = true;
    load(first);
    kindField.addEventListener('change', () => load(kindOf()));
    cancel.addEventListener('click', () => dialog.close());
    const fail = (err, field) => {
      const input = { text, owner, due, author: writer }[err?.field ?? field] ?? text;
      // The core's code in the reader's language where there are words for it, its English
      // message after it for whoever has to fix the data.
      const said = [t.codes[err?.code], err?.message].filter(Boolean).join('. ');
      error.textContent = err ? `${c.notSaved}: ${said}` : c.needText;
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', 'comment-error');
      input.focus();
    };
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const kind = kindOf();
      if (!text.value.trim()) return fail(null, 'text');
      const comment = { unit: row.unit, month: asOf, kind, text: text.value, author: writer.value.trim() };
      comment.written = new Date().toLocaleDateString('sv-SE');
      if (kind === 'action' && owner.value.trim()) comment.owner = owner.value.trim();
      if (kind === 'action' && due.value.trim()) comment.due = due.value.trim();
      try {
        save(comment);
      } catch (err) {
        return fail(err);
      }
      dialog.close();
      changed({ action: 'saved', comment });
    });
    removeButton.addEventListener('click', () => {
      const key = { unit: row.unit, month: asOf, kind: kindOf() };
      try {
        remove(key);
      } catch (err) {
        return fail(err);
      }
      dialog.close();
      changed({ action: 'removed', key });
    });

    opener.setAttribute('aria-expanded', 'true');
    dialog.showModal();
    form.querySelector('input[name="comment-kind"]:checked').focus();
  }
}
