// The DOM builder every module of www/ uses, and the file download they offer. Elements are made
// with createElement, attributes with setAttribute and text with text nodes, never from markup,
// so nothing from the data can become a tag or a script (safe under Trusted Types and a strict
// CSP).
//
// Not here: SVG (svg.js, another namespace), figures and their formatting (numbers.js), text.

/** Names longer than this many characters are cut to three lines in a table (balans-widget.css,
 * bdi.long), the full name their title: no real unit is named so long, a pasted cell may be. */
const LONG_NAME = 64;

/** Text from data (a unit's, measure's, grant's, goal's or indicator's name) as a person reads
 * it: in a <bdi>, so a name in Arabic or one ending in U+202E cannot turn the figures and words
 * after it around; `cls` names what it is for the stylesheet. It wraps when it must
 * (balans-widget.css), so a long name never widens the page; a very long one is cut in a table,
 * with the full text as its title. */
export function named(text, { cls = 'name' } = {}) {
  const long = String(text).length > LONG_NAME;
  return h('bdi', { class: long ? `${cls} long` : cls, title: long ? text : null }, text);
}

/** Text from data inside a plain string (an option, an aria-label, an SVG label, a title),
 * where no element can isolate it: between FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE,
 * which do for a string what <bdi> does for an element. */
export function isolate(text) {
  return `\u2068${text}\u2069`;
}

/** An element's text without its notes (`.note`), each <bdi> isolated (isolate): a caption as
 * a page's title or printed heading says it. */
export function plainText(node) {
  let text = '';
  for (const child of node.childNodes) {
    if (child.nodeType === Node.TEXT_NODE) text += child.data;
    else if (child.localName === 'bdi') text += isolate(child.textContent);
    else if (child.nodeType === Node.ELEMENT_NODE && !child.classList.contains('note')) text += plainText(child);
  }
  return text;
}

/** createElement with attributes and children; strings become text nodes, never markup. An
 * attribute that is true is set empty, one that is null, undefined or false is left out; a child
 * that is null or undefined is left out. */
export function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === true) node.setAttribute(name, '');
    else if (value != null && value !== false) node.setAttribute(name, String(value));
  }
  node.append(...children.filter((child) => child != null));
  return node;
}

/** Offers `text` as a file download: a blob URL, never a request, so nothing leaves the browser.
 * `within` (a shadow root), when given, holds the link while it is clicked. */
export function download(text, name, type, within = null) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = h('a', { href: url, download: name, hidden: within != null });
  within?.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
