//! The one cell splitter of the importers: the rows of a decoded text split into cells in place,
//! and the delimiter sniffed from the header line. CSV files, ranges pasted from Excel and the
//! Swedish-header registers all read their cells here, so a quote means the same in each.
//!
//! Not here: decoding bytes (see [`super::codepage`]) or what the cells mean (the readers).

use std::borrow::Cow;

/// The rows of a text, split into cells in place: a cell borrows the text unless quotes had to
/// be taken out. A region's year is a million rows; one row's cells are held at a time, in a
/// buffer the table reader reuses, so reading allocates nothing per row.
///
/// The split is lenient, as the files are: rows may have fewer cells than the header, a quote
/// inside an unquoted cell is text, text after a closing quote is kept, a quote left open runs to
/// the end, and empty lines are no rows. Lines end with CRLF, LF or a lone CR.
pub struct Rows<'a> {
    text: &'a str,
    delimiter: u8,
    /// By byte: whether it ends an unquoted cell (the delimiter, CR or LF). One look-up a byte
    /// where three comparisons were: the scan for a cell's end is most of the split.
    ends: [bool; 256],
    at: usize,
    /// The 1-based line `at` is on.
    line: usize,
}

impl<'a> Rows<'a> {
    pub fn new(text: &'a str, delimiter: u8) -> Rows<'a> {
        let mut ends = [false; 256];
        for b in [delimiter, b'\r', b'\n'] {
            ends[usize::from(b)] = true;
        }
        Rows {
            text,
            delimiter,
            ends,
            at: 0,
            line: 1,
        }
    }

    /// Puts the next row's cells into `cells` and returns the line it starts on; `None` at the end.
    pub fn next_into(&mut self, cells: &mut Vec<Cow<'a, str>>) -> Option<usize> {
        cells.clear();
        let bytes = self.text.as_bytes();
        while self.at < bytes.len() && matches!(bytes[self.at], b'\r' | b'\n') {
            self.line_end();
        }
        if self.at >= bytes.len() {
            return None;
        }
        let line = self.line;
        loop {
            cells.push(self.cell());
            match bytes.get(self.at) {
                Some(&d) if d == self.delimiter => self.at += 1,
                Some(_) => {
                    self.line_end();
                    return Some(line);
                }
                None => return Some(line),
            }
        }
    }

    /// One cell from `at`, leaving `at` on the delimiter or line end after it.
    fn cell(&mut self) -> Cow<'a, str> {
        let bytes = self.text.as_bytes();
        let start = self.at;
        let ends = |b: u8| self.ends[usize::from(b)];
        if bytes.get(start) != Some(&b'"') {
            let len = bytes[start..].iter().position(|&b| ends(b));
            self.at = len.map_or(bytes.len(), |len| start + len);
            return Cow::Borrowed(&self.text[start..self.at]);
        }
        // Quoted: `""` is a quote, and a line end inside belongs to the cell.
        let mut owned = String::new();
        let mut from = start + 1;
        self.at = from;
        loop {
            match bytes[self.at..].iter().position(|&b| b == b'"') {
                None => {
                    self.line += count_line_ends(&bytes[from..]);
                    owned.push_str(&self.text[from..]);
                    self.at = bytes.len();
                    return Cow::Owned(owned);
                }
                Some(len) => {
                    let quote = self.at + len;
                    self.line += count_line_ends(&bytes[from..quote]);
                    owned.push_str(&self.text[from..quote]);
                    if bytes.get(quote + 1) == Some(&b'"') {
                        owned.push('"');
                        from = quote + 2;
                        self.at = from;
                        continue;
                    }
                    // Closed; whatever follows up to the cell's end is kept as it is.
                    let after = quote + 1;
                    let len = bytes[after..].iter().position(|&b| ends(b));
                    self.at = len.map_or(bytes.len(), |len| after + len);
                    owned.push_str(&self.text[after..self.at]);
                    return Cow::Owned(owned);
                }
            }
        }
    }

    /// Steps over the line end at `at` (CRLF counts once).
    fn line_end(&mut self) {
        let bytes = self.text.as_bytes();
        if bytes[self.at] == b'\r' && bytes.get(self.at + 1) == Some(&b'\n') {
            self.at += 1;
        }
        self.at += 1;
        self.line += 1;
    }
}

/// The line ends in `bytes`, part of a quoted cell (CRLF counts once).
fn count_line_ends(bytes: &[u8]) -> usize {
    let lone_cr = |i: usize| bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n');
    (0..bytes.len())
        .filter(|&i| bytes[i] == b'\n' || lone_cr(i))
        .count()
}

/// A cell's text without the whitespace around it (`str::trim`), at once for the cells nearly
/// every file holds: those that begin and end with a visible ASCII character.
pub fn trim(cell: &str) -> &str {
    match cell.as_bytes() {
        [first, .., last] if first.is_ascii_graphic() && last.is_ascii_graphic() => cell,
        [only] if only.is_ascii_graphic() => cell,
        _ => cell.trim(),
    }
}

/// The delimiter of the first non-empty line: the most frequent of `;`, tab and `,` outside
/// quotes, `;` on a tie (Swedish files use `,` as decimal comma).
pub fn sniff(text: &str) -> u8 {
    let line = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let mut quoted = false;
    let mut counts = [0usize; 3];
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            ';' if !quoted => counts[0] += 1,
            '\t' if !quoted => counts[1] += 1,
            ',' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).max_by_key(|&i| (counts[i], 3 - i)).unwrap_or(0);
    [b';', b'\t', b','][best]
}
