// The npm package as its users get it (README, "The npm package"): the tarball `make package`
// packs, installed into scratch projects and used there: Node with `import` and with `require`,
// TypeScript resolving its types the way Node does, and a page Vite builds from the installed
// package, shown in Chromium. Also holds the tarball to the README's file lists and its version
// to Cargo.toml's. Not here: the element's own behaviour (the browser suites) or the copy-the-
// files route (dropin.test.mjs).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { useBrowser } from './browser-env.mjs';
import { serve } from './serve.mjs';
import { readmeFiles } from './readme.mjs';

const run = promisify(execFile);
const REPO = fileURLToPath(new URL('..', import.meta.url));
const DEMO = join(REPO, 'www/demo/region-2025.json');
const VITE = join(REPO, 'pkg-tests/node_modules/vite/bin/vite.js');
const TSC = join(REPO, 'pkg-tests/node_modules/typescript/bin/tsc');

const cargoVersion = /^version = "([^"]+)"/m.exec(await readFile(join(REPO, 'Cargo.toml'), 'utf8'))[1];
const TARBALL = join(REPO, `target/npm/balans-${cargoVersion}.tgz`);

const env = useBrowser();
let scratch;

before(async () => {
  assert.ok(existsSync(TARBALL), `${TARBALL} exists: run 'make package' (make test does)`);
  scratch = await mkdtemp(join(tmpdir(), 'balans-package-'));
});
after(() => rm(scratch, { recursive: true, force: true }));

/** A project in `scratch/name` with `files`, and the tarball installed as a dependency. */
async function project(name, files) {
  const dir = join(scratch, name);
  const manifest = { name: `scratch-${name}`, private: true, version: '0.0.0', ...files['package.json'] };
  await cp(DEMO, join(dir, 'region-2025.json'), { recursive: true });
  for (const [path, text] of Object.entries({ ...files, 'package.json': JSON.stringify(manifest) })) {
    await writeFile(join(dir, path), text);
  }
  // A local tarball with no dependencies: nothing is fetched.
  await run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--silent', TARBALL], { cwd: dir });
  return dir;
}

test('the tarball: the version of Cargo.toml, every file the README lists, both builds and their types', async () => {
  const { stdout } = await run('tar', ['-tzf', TARBALL]);
  const files = stdout.split('\n').filter(Boolean).map((f) => f.replace(/^package\//, ''));
  const manifest = JSON.parse((await run('tar', ['-xzOf', TARBALL, 'package/package.json'])).stdout);
  assert.equal(manifest.version, cargoVersion);
  for (const listed of [...await readmeFiles('element'), ...await readmeFiles('embed')]) {
    assert.ok(files.some((f) => f === listed || f.startsWith(listed)), `${listed} is in the package`);
  }
  for (const build of ['pkg', 'pkg-node']) {
    for (const file of ['balans.js', 'balans_bg.wasm', 'balans.d.ts']) {
      assert.ok(files.includes(`${build}/${file}`), `${build}/${file}`);
    }
  }
  assert.ok(!files.some((f) => /(^|\/)(\.gitignore|node_modules)/.test(f)), 'no stray files');
});

const USE = `
  const ws = Workspace.fromJSON(JSON.parse(readFileSync('region-2025.json', 'utf8')));
  const row = ws.deviation({ asOf: '2025-08', unit: 'KTN' }).rows[0];
  console.log(JSON.stringify({ deviation: row.ytd.deviation, amount: parseAmount('−1 234,50'), version: version() }));
  ws.free();`;

async function expectUse(dir, file) {
  const { stdout } = await run(process.execPath, [file], { cwd: dir });
  const out = JSON.parse(stdout);
  assert.equal(out.deviation, '70000000', 'the demo public transport committee, +70 mnkr to date');
  assert.equal(out.amount, '-1234.5');
  assert.equal(out.version, cargoVersion);
}

test('Node with import: the Node build, named exports', async () => {
  const dir = await project('esm', {
    'package.json': { type: 'module' },
    'main.js': `import { readFileSync } from 'node:fs';\nimport { Workspace, parseAmount, version } from 'balans';\n${USE}\n`,
  });
  await expectUse(dir, 'main.js');
});

test('Node with require: the Node build', async () => {
  const dir = await project('cjs', {
    'package.json': {},
    'main.js': `const { readFileSync } = require('node:fs');\nconst { Workspace, parseAmount, version } = require('balans');\n${USE}\n`,
  });
  await expectUse(dir, 'main.js');
});

test('TypeScript finds the types through the exports (nodenext), and they reject a wrong option', async () => {
  const good = `import { Workspace, type DeviationReport } from 'balans';\n` +
    `const ws = new Workspace();\nconst report: DeviationReport = ws.deviation({ asOf: '2025-08' });\n` +
    `export const first: string = report.rows[0].unit;\n`;
  const dir = await project('ts', { 'package.json': { type: 'module' }, 'good.ts': good });
  const tsc = (file) => run(process.execPath, [TSC, '--noEmit', '--strict', '--module', 'nodenext',
    '--moduleResolution', 'nodenext', '--target', 'es2022', '--lib', 'es2022,esnext.disposable',
    '--skipLibCheck', 'false', file], { cwd: dir });
  await tsc('good.ts');
  await writeFile(join(dir, 'bad.ts'), `import { Workspace } from 'balans';\nnew Workspace().deviation({ asOf: 202508 });\n`);
  await assert.rejects(tsc('bad.ts'), (err) => /bad\.ts\(2,\d+\): error TS2322/.test(err.stdout),
    'a number where a month string belongs is a type error');
});

test('a page built by Vite from the installed package shows the element and uses the API', async () => {
  const dir = await project('vite', {
    'package.json': { type: 'module' },
    'index.html': `<!doctype html>
<html lang="sv"><head><meta charset="utf-8"><title>Vite</title>
<script type="module" src="./main.js"></script></head>
<body><p>Version: <output id="version"></output></p>
<balans-widget src="region-2025.json" as-of="2025-08"></balans-widget></body></html>`,
    'main.js': `import 'balans/element';
import init, { version } from 'balans';
await init();
document.getElementById('version').textContent = version();
`,
  });
  await cp(join(dir, 'region-2025.json'), join(dir, 'public/region-2025.json'));
  await writeFile(join(dir, 'public/favicon.ico'), ''); // or the browser's own request is a 404
  await run(process.execPath, [VITE, 'build', '--logLevel', 'error'], { cwd: dir });
  const site = await serve({ port: 0, roots: [['/', join(dir, 'dist')]] });
  try {
    const page = await env.browser.newPage();
    const problems = [];
    const foreign = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('response', (r) => r.status() >= 400 && problems.push(`${r.status()} ${r.url()}`));
    page.on('request', (r) => !r.url().startsWith(site.url) && foreign.push(r.url()));
    await page.goto(site.url);
    await page.locator('balans-widget table tbody tr').first().waitFor();
    assert.equal(await page.locator('#version').textContent(), cargoVersion);
    const caption = await page.locator('balans-widget caption').textContent();
    assert.match(caption, /augusti 2025/);
    assert.deepEqual(problems, [], `no console errors under the strict policy: ${problems.join('; ')}`);
    assert.deepEqual(foreign, [], 'no request leaves the page\'s origin');
    await page.close();
  } finally {
    await site.close();
  }
});
