// The committed demo data is exactly what its generator writes, so the two never drift apart.
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

test('www/demo/region-2025.json is the output of www/demo/generate.mjs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'balans-demo-'));
  copyFileSync(new URL('../www/demo/generate.mjs', import.meta.url), join(dir, 'generate.mjs'));
  execFileSync(process.execPath, [join(dir, 'generate.mjs')]);
  const fresh = readFileSync(join(dir, 'region-2025.json'), 'utf8');
  const committed = readFileSync(new URL('../www/demo/region-2025.json', import.meta.url), 'utf8');
  assert.equal(fresh, committed);
});
