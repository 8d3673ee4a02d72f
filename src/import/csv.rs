//! CSV files as finance systems and Excel write them: `;`, `,` or tab between cells (sniffed from
//! the header line, or given), quotes around cells that need them, UTF-8 with or without BOM or
//! Windows-1252. Cells are split here, in place ([`Rows`]); the table is read by [`super::table`].
//!
//! Not here: what the cells mean (see [`super::table`] and [`super::columns`]).

use std::borrow::Cow;

use super::assemble::Gathered;
use super::codepage::{self, Encoding};
use crate::error::report::ImportReport;
use super::table;
use super::Settings;

/// Reads CSV bytes into their amounts and the report on them; no amounts where the bytes could
/// not be decoded.
pub fn read(bytes: &[u8], settings: &Settings) -> (Option<Gathered>, ImportReport) {
    let mut report = ImportReport::new("csv", settings.file.clone());
    let Some(text) = codepage::decode(bytes, settings.encoding, Encoding::Windows1252, &mut report)
    else {
        return (None, report);
    };
    let delimiter = settings.delimiter.unwrap_or_else(|| sniff(&text));
    let gathered = read_text(&text, delimiter, settings, &mut report);
    (Some(gathered), report)
}

/// Reads decoded text with a known delimiter (shared with [`super::paste`]).
pub fn read_text(
    text: &str,
    delimiter: u8,
    settings: &Settings,
    report: &mut ImportReport,
) -> Gathered {
    report.delimiter = Some(char::from(delimiter).to_string());
    table::read(Rows::new(text, delimiter), settings, report)
}

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
    at: usize,
    /// The 1-based line `at` is on.
    line: usize,
}

impl<'a> Rows<'a> {
    pub fn new(text: &'a str, delimiter: u8) -> Rows<'a> {
        Rows {
            text,
            delimiter,
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
        let delimiter = self.delimiter;
        let ends = |b: u8| b == delimiter || b == b'\r' || b == b'\n';
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
                    self.count_lines(from, bytes.len());
                    owned.push_str(&self.text[from..]);
                    self.at = bytes.len();
                    return Cow::Owned(owned);
                }
                Some(len) => {
                    let quote = self.at + len;
                    self.count_lines(from, quote);
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

    /// Counts the line ends inside a quoted cell's `text[from..to]`.
    fn count_lines(&mut self, from: usize, to: usize) {
        let bytes = &self.text.as_bytes()[from..to];
        let lone_cr = |i: usize| bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n');
        self.line += (0..bytes.len())
            .filter(|&i| bytes[i] == b'\n' || lone_cr(i))
            .count();
    }
}

/// The delimiter of the first non-empty line: the most frequent of `;`, tab and `,` outside
/// quotes, `;` on a tie (Swedish files use `,` as decimal comma).
fn sniff(text: &str) -> u8 {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Document;
    use crate::import::ImportOptions;

    fn settings(json: serde_json::Value) -> Settings {
        serde_json::from_value::<ImportOptions>(json)
            .unwrap()
            .settings()
            .unwrap()
    }

    #[test]
    fn sniffs_the_delimiter_outside_quotes() {
        assert_eq!(sniff("Enhet;Konto;Utfall\n"), b';');
        assert_eq!(sniff("\n\"a;b\",c,d\n"), b',');
        assert_eq!(sniff("Enhet\tUtfall"), b'\t');
        assert_eq!(sniff("Enhet,Belopp;x"), b';');
        assert_eq!(sniff(""), b';');
    }

    #[test]
    fn cells_are_split_as_spreadsheets_quote_them() {
        let (mut rows, mut cells) = (Rows::new("", b';'), Vec::new());
        let mut split = |text: &'static str| -> Vec<Vec<String>> {
            rows = Rows::new(text, b';');
            std::iter::from_fn(|| {
                rows.next_into(&mut cells)
                    .map(|_| cells.iter().map(|c| c.to_string()).collect())
            })
            .collect()
        };
        assert_eq!(split("a;b;\r\n;c"), [vec!["a", "b", ""], vec!["", "c"]]);
        assert_eq!(
            split("\"Vård; omsorg\";\"sa \"\"hej\"\"\";x\"y"),
            [vec!["Vård; omsorg", "sa \"hej\"", "x\"y"]]
        );
        assert_eq!(
            split("\"a\"b;c"),
            [vec!["ab", "c"]],
            "text after a closing quote"
        );
        assert_eq!(
            split("\"två\nrader\";c\nd"),
            [vec!["två\nrader", "c"], vec!["d"]]
        );
        assert_eq!(
            split("\"öppen;c\nd"),
            [vec!["öppen;c\nd"]],
            "an open quote runs to the end"
        );
    }

    #[test]
    fn lines_are_counted_with_any_line_end() {
        let lines = |text: &str| -> Vec<usize> {
            let (mut rows, mut cells) = (Rows::new(text, b';'), Vec::new());
            std::iter::from_fn(|| rows.next_into(&mut cells)).collect()
        };
        assert_eq!(lines("a;b\r\nc;d\r\n\r\ne;f\r\n"), [1, 2, 4]);
        assert_eq!(lines("a;b\nc;\"d\nd\"\ne;f"), [1, 2, 4]);
        assert_eq!(lines("\n\na;b\rc;d"), [3, 4]);
    }

    #[test]
    fn a_windows_1252_semicolon_file_with_decimal_commas() {
        let bytes = b"Kostnadsst\xe4lle;Konto;M\xe5nad;Utfall\r\nK1;4010;2025-01;-1 234,50\r\nK1;3010;2025-01;\"2 000,00\"\r\n";
        let (doc, report) = crate::import::read_with(
            crate::import::Format::Csv,
            bytes[..].into(),
            &settings(serde_json::json!({})),
            &Document::default(),
        );
        assert!(report.errors.is_empty(), "{:?}", report.errors);
        assert_eq!(
            (report.encoding, report.delimiter.as_deref()),
            ("windows-1252", Some(";"))
        );
        assert_eq!(report.rows.accepted, 2);
        let amounts: Vec<String> = doc
            .outcome
            .iter()
            .map(|r| r.amount.to_canonical())
            .collect();
        assert_eq!(amounts, ["2000", "-1234.5"]);
        assert_eq!(doc.units.len(), 2, "a root and K1");
        let kinds: Vec<_> = doc
            .cost_types
            .iter()
            .map(|c| (c.id.as_str(), c.kind))
            .collect();
        use crate::model::Kind;
        assert_eq!(kinds, [("4010", Kind::Cost), ("3010", Kind::Revenue)]);
    }
}
