// A static file server for the demo and the browser tests: `www/` at `/`, the built `pkg/` at
// `/pkg/`, each file with its real MIME type (browsers only stream-compile `application/wasm`),
// and by default the headers the README's deployment notes ask of an intranet server: the strict
// Content-Security-Policy (WebAssembly allowed, no inline script or style, framed only by its own
// origin) and `nosniff`. Not a production server; it serves loopback only and never lists
// directories.
//
//   node pkg-tests/serve.mjs [--port 8080] [--csp "<policy>" | --csp none]
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(fileURLToPath(new URL('..', import.meta.url)));
/** The repository as the demo lays it out: the web package under `/pkg/`, `www/` at the root. */
const REPO_ROOTS = [
  ['/pkg/', join(repo, 'pkg')],
  ['/', join(repo, 'www')],
];

/** The policy a careful intranet sends (README, "What the server must send"). */
export const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; frame-ancestors 'self'";
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.d.ts': 'text/plain; charset=utf-8',
};

/** Maps a URL path to a file inside one of the roots, or null if it would leave them. */
function fileFor(roots, pathname) {
  for (const [prefix, dir] of roots) {
    if (!pathname.startsWith(prefix)) continue;
    let rel = decodeURIComponent(pathname.slice(prefix.length));
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const file = normalize(join(dir, rel));
    return file.startsWith(dir + sep) ? file : null;
  }
  return null;
}

/**
 * Starts the server; resolves to `{ url, close }`. `port` 0 picks a free port; `csp` null sends
 * no policy; `roots` are `[url prefix, folder]` pairs, longest prefix first (default: the repo).
 */
export function serve({ port = 8080, host = '127.0.0.1', csp = CSP, roots = REPO_ROOTS } = {}) {
  const server = createServer(async (req, res) => {
    const { pathname } = new URL(req.url, 'http://localhost');
    const file = fileFor(roots, pathname);
    const headers = { 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' };
    if (csp) headers['content-security-policy'] = csp;
    try {
      if (!file) throw Object.assign(new Error('outside'), { code: 'ENOENT' });
      const body = await readFile(file);
      headers['content-type'] = types[extname(file)] ?? 'application/octet-stream';
      res.writeHead(200, headers).end(body);
    } catch (err) {
      const status = err.code === 'ENOENT' || err.code === 'EISDIR' ? 404 : 500;
      res.writeHead(status, { ...headers, 'content-type': 'text/plain; charset=utf-8' });
      res.end(status === 404 ? 'not found\n' : 'server error\n');
    }
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      const url = `http://${host}:${server.address().port}/`;
      ok({ url, close: () => new Promise((done) => server.close(done)) });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = (name) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const port = Number(arg('--port') ?? process.env.PORT ?? 8080);
  const csp = arg('--csp');
  const { url } = await serve({ port, csp: csp === 'none' ? null : (csp ?? CSP) });
  console.log(`balans demo: ${url}  (Ctrl+C stops)`);
}
