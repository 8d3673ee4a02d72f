//! CSV files as finance systems and Excel write them: `;`, `,` or tab between cells (sniffed from
//! the header line, or given), quotes around cells that need them, UTF-8 with or without BOM or
//! Windows-1252. Cells are split by the `csv` crate; the table is read by [`super::table`].
//!
//! Not here: what the cells mean (see [`super::table`] and [`super::columns`]).

use super::assemble;
use super::codepage::{self, Encoding};
use super::json::Document;
use super::report::ImportReport;
use super::table::{self, Row};
use super::Settings;

/// Reads CSV bytes into a document to add and the report on it.
pub fn read(bytes: &[u8], settings: &Settings, existing: &Document) -> (Document, ImportReport) {
    let mut report = ImportReport::new("csv", settings.file.clone());
    let Some(text) = codepage::decode(bytes, settings.encoding, Encoding::Windows1252, &mut report)
    else {
        return (Document::default(), report);
    };
    let delimiter = settings.delimiter.unwrap_or_else(|| sniff(&text));
    let doc = read_text(&text, delimiter, settings, existing, &mut report);
    (doc, report)
}

/// Reads decoded text with a known delimiter (shared with [`super::paste`]).
pub fn read_text(
    text: &str,
    delimiter: u8,
    settings: &Settings,
    existing: &Document,
    report: &mut ImportReport,
) -> Document {
    report.delimiter = Some(char::from(delimiter).to_string());
    let rows = split(text, delimiter);
    let gathered = table::read(rows, settings, report);
    assemble::document(gathered, existing, settings, report)
}

/// Cells by row, each row with the line it starts on, split as the table reader asks for them
/// (a region's year is a million rows; they are never all held at once). The reader is lenient,
/// as the files are: rows may have fewer cells than the header, and a stray quote inside a cell
/// is kept as text.
fn split(text: &str, delimiter: u8) -> impl Iterator<Item = Row> + '_ {
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut record = ::csv::StringRecord::new();
    // Lines are counted here: the csv crate counts a CRLF's line feed into the next record.
    let (mut counted_to, mut line) = (0, 1);
    let bytes = text.as_bytes();
    std::iter::from_fn(move || {
        // The input is a valid `str` and in memory: reading cannot fail on UTF-8 or I/O.
        if !matches!(reader.read_record(&mut record), Ok(true)) {
            return None;
        }
        let mut start = record.position().map_or(counted_to, |p| p.byte() as usize);
        while matches!(bytes.get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        line += line_ends(&bytes[counted_to..start]);
        counted_to = start;
        Some((line, record.iter().map(str::to_string).collect()))
    })
}

/// Line ends in `bytes`: CRLF, LF or a lone CR, each once.
fn line_ends(bytes: &[u8]) -> usize {
    let lone_cr = |i: usize| bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n');
    (0..bytes.len())
        .filter(|&i| bytes[i] == b'\n' || lone_cr(i))
        .count()
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
    fn lines_are_counted_with_any_line_end() {
        let lines = |text: &str| -> Vec<usize> { split(text, b';').map(|r| r.0).collect() };
        assert_eq!(lines("a;b\r\nc;d\r\n\r\ne;f\r\n"), [1, 2, 4]);
        assert_eq!(lines("a;b\nc;\"d\nd\"\ne;f"), [1, 2, 4]);
        assert_eq!(lines("\n\na;b\rc;d"), [3, 4]);
    }

    #[test]
    fn a_windows_1252_semicolon_file_with_decimal_commas() {
        let bytes = b"Kostnadsst\xe4lle;Konto;M\xe5nad;Utfall\r\nK1;4010;2025-01;-1 234,50\r\nK1;3010;2025-01;\"2 000,00\"\r\n";
        let (doc, report) = read(
            bytes,
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
        use crate::import::json::Kind;
        assert_eq!(kinds, [("4010", Kind::Cost), ("3010", Kind::Revenue)]);
    }
}
