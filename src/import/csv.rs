//! CSV files as finance systems and Excel write them: `;`, `,` or tab between cells (sniffed from
//! the header line, or given), quotes around cells that need them, UTF-8 with or without BOM or
//! Windows-1252. Cells are split in place by [`Rows`]; the table is read by [`super::table`].
//!
//! Not here: what the cells mean (see [`super::table`] and [`super::columns`]).

use super::assemble::Gathered;
use super::codepage::{self, Encoding};
use super::rows::{sniff, Rows};
use super::table;
use super::Settings;
use crate::error::report::ImportReport;

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

/// Reads decoded text with a known delimiter (shared with `paste.rs`).
pub fn read_text(
    text: &str,
    delimiter: u8,
    settings: &Settings,
    report: &mut ImportReport,
) -> Gathered {
    report.delimiter = Some(char::from(delimiter).to_string());
    table::read(Rows::new(text, delimiter), settings, report)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::ImportOptions;
    use crate::model::Document;

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

    #[test]
    fn a_sum_beyond_an_i64_of_ore_is_refused_not_wrapped() {
        // 93 cells of 10^15 kr on one key: each is fine, their sum is beyond ±9.2 · 10^16 kr.
        let mut text = String::from("Enhet;Period;Utfall\n");
        for _ in 0..93 {
            text.push_str("K1;2025-01;1000000000000000\n");
        }
        let (_, report) = crate::import::read_with(
            crate::import::Format::Csv,
            text.as_bytes().into(),
            &settings(serde_json::json!({})),
            &Document::default(),
        );
        let codes: Vec<_> = report.errors.iter().map(|e| e.code).collect();
        assert_eq!(codes, ["E_AMOUNT_RANGE"], "{:?}", report.errors);
        assert_eq!(report.errors[0].at.line, Some(94), "the row that went over");
        assert!(report.is_rejected());
    }

    #[test]
    fn cells_are_trimmed_as_str_trim_trims_them() {
        for cell in [
            "",
            " ",
            "a",
            " a",
            "a ",
            "\u{a0}12\u{a0}",
            "1 234,50",
            "x\t",
            "ö",
            " ö ",
            "-",
        ] {
            assert_eq!(super::super::rows::trim(cell), cell.trim(), "{cell:?}");
        }
    }
}
