// A table (the package's ExportTable: columns and rows of strings) as an .xlsx file: one sheet,
// a bold frozen header row, text as inline strings, amounts and other numbers as numbers.
// Loaded by dynamic import only when a user exports, so no page pays for it otherwise.
//
// Why .xlsx and not only CSV (measured, README "Export to Excel"): a CSV opens as numbers only in
// an Excel whose list separator is ";" and decimal sign "," (a Swedish Windows); in an English
// Excel, on a Mac set otherwise or in Numbers on an iPad, where committee members read, the
// amounts come out as text. An .xlsx holds typed cells, so it opens the same everywhere, and a
// text cell is never run as a formula (nothing to neutralise, no apostrophe shown). This
// module is 7.4 KB, 3.2 KB gzip, fetched on the first export; the same writer in Rust added
// 3.9 KB gzip to the WebAssembly every page loads.
//
// Not here: what the columns and figures are (the package's deviationTable), CSV (the package's
// export writer), compression: the parts are stored, as a file of a few thousand rows is small.

const encoder = new TextEncoder();

/** CRC-32 (IEEE), as ZIP wants it for each part. */
const CRC_TABLE = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** One ZIP header: a local file header (30 bytes) or a central directory entry (46). */
function header(central, name, data, crc, offset) {
  const view = new DataView(new ArrayBuffer(central ? 46 : 30));
  let at = 0;
  const u16 = (v) => { view.setUint16(at, v, true); at += 2; };
  const u32 = (v) => { view.setUint32(at, v, true); at += 4; };
  u32(central ? 0x02014b50 : 0x04034b50);
  if (central) u16(20); // made by
  u16(20); // version needed: 2.0
  u16(0x0800); // names are UTF-8
  u16(0); // stored
  u32(0); // time and date
  u32(crc);
  u32(data.length);
  u32(data.length);
  u16(name.length);
  u16(0); // extra
  if (central) {
    at += 10; // comment length, disk, internal and external attributes
    u32(offset);
  }
  return new Uint8Array(view.buffer);
}

/** A ZIP of `parts` ([name, text]), stored. */
function zip(parts) {
  const out = [];
  const directory = [];
  let offset = 0;
  for (const [path, text] of parts) {
    const name = encoder.encode(path);
    const data = encoder.encode(text);
    const crc = crc32(data);
    out.push(header(false, name, data, crc), name, data);
    directory.push(header(true, name, data, crc, offset), name);
    offset += 30 + name.length + data.length;
  }
  const size = directory.reduce((sum, part) => sum + part.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, parts.length, true);
  end.setUint16(10, parts.length, true);
  end.setUint32(12, size, true);
  end.setUint32(16, offset, true);
  return [...out, ...directory, new Uint8Array(end.buffer)];
}

/** Text for XML: the five escapes, and without the control characters XML 1.0 forbids. */
const xml = (text) => String(text)
  .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
  .replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A column's letters: 0 → A, 26 → AA. */
function letters(i) {
  let name = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** A decimal string as the package writes it: what a number cell may hold. */
const DECIMAL = /^-?\d+(\.\d+)?$/;

/** Cell styles (styles.xml's cellXfs): 1 the bold header, 2 kronor with two decimals and
 * grouping (Swedish Excel shows "−1 234 567,89"; the cell holds the exact value). */
const HEADER = 1;
const KRONOR = 2;

function cell(value, ref, kind, style) {
  if (value == null || value === '') return '';
  const s = style ? ` s="${style}"` : '';
  if (kind !== 'text' && DECIMAL.test(value)) return `<c r="${ref}"${s}><v>${value}</v></c>`;
  return `<c r="${ref}" t="inlineStr"${s}><is><t xml:space="preserve">${xml(value)}</t></is></c>`;
}

function sheet({ columns, rows }) {
  const head = columns.map((c, i) => cell(c.heading, `${letters(i)}1`, 'text', HEADER)).join('');
  const body = rows.map((cells, r) => `<row r="${r + 2}">${cells.map((v, i) =>
    cell(v, `${letters(i)}${r + 2}`, columns[i]?.kind ?? 'text', columns[i]?.kind === 'amount' ? KRONOR : 0)).join('')}</row>`);
  return `<worksheet xmlns="${MAIN}"><sheetViews><sheetView workbookViewId="0">`
    + '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>'
    + `<sheetData><row r="1">${head}</row>${body.join('')}</sheetData></worksheet>`;
}

const OOXML = 'http://schemas.openxmlformats.org';
const MAIN = `${OOXML}/spreadsheetml/2006/main`;
const RELS = `${OOXML}/package/2006/relationships`;
const REL = `${OOXML}/officeDocument/2006/relationships`;
const TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

const STYLES = `<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0.00"/></numFmts>`
  + '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
  + '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
  + '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs>'
  + '<cellXfs count="3"><xf/><xf fontId="1" applyFont="1"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>';

/**
 * `table` ({ columns: [{ heading, kind }], rows: [[string | null]] }) as an .xlsx Blob with one
 * sheet named `name` (at most 31 characters, without []:*?/\, as Excel requires).
 */
export function xlsxOf(table, name) {
  const title = name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);
  const parts = [
    ['[Content_Types].xml', `${XML}<Types xmlns="${OOXML}/package/2006/content-types">`
      + `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>`
      + '<Default Extension="xml" ContentType="application/xml"/>'
      + `<Override PartName="/xl/workbook.xml" ContentType="${TYPE}.sheet.main+xml"/>`
      + `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="${TYPE}.worksheet+xml"/>`
      + `<Override PartName="/xl/styles.xml" ContentType="${TYPE}.styles+xml"/></Types>`],
    ['_rels/.rels', `${XML}<Relationships xmlns="${RELS}">`
      + `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
    ['xl/workbook.xml', `${XML}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>`
      + `<sheet name="${xml(title)}" sheetId="1" r:id="rId1"/></sheets></workbook>`],
    ['xl/_rels/workbook.xml.rels', `${XML}<Relationships xmlns="${RELS}">`
      + `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>`
      + `<Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/></Relationships>`],
    ['xl/styles.xml', `${XML}${STYLES}`],
    ['xl/worksheets/sheet1.xml', `${XML}${sheet(table)}`],
  ];
  return new Blob(zip(parts), { type: `${TYPE}.sheet` });
}
