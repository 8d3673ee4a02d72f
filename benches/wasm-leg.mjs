// The WebAssembly leg of `make bench`, the same function in Node and in Chromium: loads the web
// package (`pkg/`), reads the input bytes, then times the API calls a page makes
// (`importCsv`, or `importJson` while the input is a document) and `deviation` with
// `performance.now()`, run after run in one instance. Self-contained (no imports, no closures):
// the Chromium leg hands this very function to the page.
//
// Returns `{ phases: { import: [ms], report: [ms], total: [ms] }, wasmMemoryBytes, digest }`;
// the linear memory only grows, so its size after the runs is the peak.
export async function wasmLeg({ pkgUrl, wasmUrl, regionUrl, inputUrl, runs, asOf }) {
  const inNode = typeof process === 'object' && typeof window === 'undefined';
  const read = async (url) => {
    if (inNode) {
      const { readFile } = await import('node:fs/promises');
      return new Uint8Array(await readFile(new URL(url)));
    }
    return new Uint8Array(await (await fetch(url)).arrayBuffer());
  };
  const mod = await import(pkgUrl);
  const wasm = await mod.default({ module_or_path: await read(wasmUrl) });
  const region = new TextDecoder().decode(await read(regionUrl));
  const bytes = await read(inputUrl);
  const csv = inputUrl.endsWith('.csv');
  const phases = { import: [], report: [], total: [] };
  let report;
  for (let run = 0; run < runs; run++) {
    const ws = new mod.Workspace();
    ws.importJson(region);
    const t0 = performance.now();
    if (csv) ws.importCsv(bytes, { file: 'bench.csv' });
    else ws.importJson(new TextDecoder().decode(bytes));
    const t1 = performance.now();
    report = ws.deviation({ asOf });
    const t2 = performance.now();
    ws.free();
    phases.import.push(t1 - t0);
    phases.report.push(t2 - t1);
    phases.total.push(t2 - t0);
  }
  const digest = report.rows.map((r) => [r.unit, ...['period', 'tertial', 'ytd'].flatMap((s) =>
    [r[s].budget, r[s].outcome, r[s].deviation]), r.fullYear.budget].join(';')).join('\n') + '\n';
  return { phases, wasmMemoryBytes: wasm.memory.buffer.byteLength, digest };
}
