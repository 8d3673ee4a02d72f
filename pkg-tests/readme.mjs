// What the README shows a user to copy, read from the README itself, so the tests that copy it
// (dropin.test.mjs, package.test.mjs) hold the README true: the file lists after
// `<!-- files:NAME -->` and the quickstart files after `<!-- quickstart: FILE -->`, each the
// fenced block that follows its marker.
import { readFile } from 'node:fs/promises';

const README = new URL('../README.md', import.meta.url);

/** The fenced block right after `marker`, or an error naming the marker. */
async function blockAfter(marker) {
  const text = await readFile(README, 'utf8');
  const at = text.indexOf(marker);
  if (at < 0) throw new Error(`README.md has no ${marker}`);
  const block = /^```[a-z]*\n([\s\S]*?)^```$/m.exec(text.slice(at + marker.length));
  if (!block) throw new Error(`README.md has no code block after ${marker}`);
  return block[1];
}

/** The paths of the README's list `name` (`element`, `embed`); a folder ends in `/`. */
export async function readmeFiles(name) {
  return (await blockAfter(`<!-- files:${name} -->`)).split('\n').map((l) => l.trim()).filter(Boolean);
}

/** The text of the quickstart file `file` (`report.html`, `report.js`). */
export function readmeQuickstart(file) {
  return blockAfter(`<!-- quickstart: ${file} -->`);
}
