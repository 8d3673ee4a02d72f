// The app's one Trusted Types policy, `balans`: under `require-trusted-types-for 'script'` a
// page may hand a script URL to the browser only as a TrustedScriptURL, and the app hands over
// exactly two, its service worker and the import panel's worker, both beside these files. Any
// other URL is refused here, so the policy cannot be used to load someone else's script.
// Not here: the element, which loads no script by URL (its modules are imports) and needs no
// policy; the server's `trusted-types balans` directive, which names this policy (README).

/** The only script URLs the policy passes. */
const ALLOWED = new Set(['sw.js', 'import-worker.js'].map((file) => new URL(`../${file}`, import.meta.url).href));

let policy = null;

/** `url` as what a Worker or a service worker registration accepts under Trusted Types: the
 * TrustedScriptURL where the browser has them, else the plain absolute URL. */
export function scriptUrl(url) {
  const href = new URL(url, import.meta.url).href;
  if (!ALLOWED.has(href)) throw new TypeError(`balans: not a script of the app: ${href}`);
  if (!globalThis.trustedTypes) return href;
  policy ??= globalThis.trustedTypes.createPolicy('balans', {
    createScriptURL: (value) => {
      if (!ALLOWED.has(value)) throw new TypeError(`balans: not a script of the app: ${value}`);
      return value;
    },
  });
  return policy.createScriptURL(href);
}
