// A CSV file read back as Excel set to Swedish reads it, for the export tests: the UTF-8 byte
// order mark, `;` between cells, CRLF between rows, quoted cells with doubled quotes; a cell that
// is a bare number with a decimal comma (`-1234567,89`) is a number, anything else text. Written
// without the Rust core, so a test that compares the two can fail.

/** The rows of `text` (which must start with a BOM) as arrays of cell strings. */
export function readCsv(text) {
  if (!text.startsWith('\ufeff')) throw new Error('no byte order mark: Excel would not read UTF-8');
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 1; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === ';') { row.push(cell); cell = ''; } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else if (c === '\n' || c === '\r') throw new Error(`a bare line break in row ${rows.length + 1}`);
    else cell += c;
  }
  if (quoted) throw new Error('a quote is not closed');
  if (cell !== '' || row.length > 0) throw new Error('the last row has no CRLF');
  return rows;
}

/** Whether Swedish Excel reads `cell` as a number. */
export const isNumber = (cell) => /^-?\d+(,\d+)?$/.test(cell);

/** A number cell in kronor as öre (BigInt); null for an empty cell; throws for text or for a
 * number finer than an öre. */
export function oreOf(cell) {
  if (cell === '') return null;
  const m = /^(-?)(\d+)(?:,(\d{1,2}))?$/.exec(cell);
  if (!m) throw new Error(`not a number in kronor to the öre: ${JSON.stringify(cell)}`);
  const value = BigInt(m[2]) * 100n + BigInt((m[3] ?? '').padEnd(2, '0'));
  return m[1] ? -value : value;
}

/** The rows after the header as objects keyed by the header's cells. */
export function records(rows) {
  const [header, ...body] = rows;
  return body.map((cells) => {
    if (cells.length !== header.length) throw new Error(`a row of ${cells.length} cells under ${header.length} headings`);
    return Object.fromEntries(header.map((h, i) => [h, cells[i]]));
  });
}
