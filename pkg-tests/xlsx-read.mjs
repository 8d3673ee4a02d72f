// An .xlsx file read back for the export tests, without the Rust core or the writer: the ZIP's
// stored parts (each CRC checked), the first sheet's cells as numbers or text, typed as Excel
// reads them (a cell with <v> and no t is a number; t="inlineStr" is text, never a formula).
import { crc32 } from 'node:zlib';

/** The parts of a ZIP whose entries are stored (method 0), by name. */
export function unzip(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts = new Map();
  let at = 0;
  while (view.getUint32(at, true) === 0x04034b50) {
    const method = view.getUint16(at + 8, true);
    const crc = view.getUint32(at + 14, true);
    const size = view.getUint32(at + 18, true);
    const nameLength = view.getUint16(at + 26, true);
    const extra = view.getUint16(at + 28, true);
    const name = new TextDecoder().decode(bytes.subarray(at + 30, at + 30 + nameLength));
    const data = bytes.subarray(at + 30 + nameLength + extra, at + 30 + nameLength + extra + size);
    if (method !== 0) throw new Error(`${name}: not stored`);
    if (crc32(data) !== crc) throw new Error(`${name}: CRC-32 does not match`);
    parts.set(name, new TextDecoder('utf-8', { fatal: true }).decode(data));
    at += 30 + nameLength + extra + size;
  }
  if (view.getUint32(at, true) !== 0x02014b50) throw new Error('no central directory after the parts');
  return parts;
}

const unescape = (text) => text.replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n)))
  .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** Column letters to an index: A → 0, AA → 26. */
const column = (letters) => [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;

/** The first sheet's rows: each an array of { number } or { text } cells, or null where empty;
 * and the style of each cell (`s`), for the header's. */
export function readXlsx(bytes) {
  const parts = unzip(bytes);
  for (const part of ['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml']) {
    if (!parts.has(part)) throw new Error(`${part} is missing`);
  }
  const sheet = parts.get('xl/worksheets/sheet1.xml');
  const rows = [];
  for (const [, r, body] of sheet.matchAll(/<row r="(\d+)">(.*?)<\/row>/g)) {
    const cells = [];
    for (const [, ref, attrs, inner] of body.matchAll(/<c r="([A-Z]+)\d+"([^>]*)>(.*?)<\/c>/g)) {
      const style = /s="(\d+)"/.exec(attrs)?.[1] ?? '0';
      if (/t="inlineStr"/.test(attrs)) cells[column(ref)] = { text: unescape(/<t[^>]*>(.*)<\/t>/.exec(inner)[1]), style };
      else if (!/t=/.test(attrs)) cells[column(ref)] = { number: /<v>(.*)<\/v>/.exec(inner)[1], style };
      else throw new Error(`a cell of type ${attrs}`);
    }
    rows[Number(r) - 1] = Array.from(cells, (c) => c ?? null);
  }
  return { parts, rows: Array.from(rows, (r) => r ?? []) };
}
