// The DOM builder every module of www/ uses, and the file download they offer. Elements are made
// with createElement, attributes with setAttribute and text with text nodes, never from markup,
// so nothing from the data can become a tag or a script (safe under Trusted Types and a strict
// CSP).
//
// Not here: SVG (svg.js, another namespace), figures and their formatting (numbers.js), text.

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
