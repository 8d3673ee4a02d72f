//! A range copied from Excel and pasted as text: tab between cells, a line per row, cells with
//! line breaks or quotes in double quotes (as Excel puts them on the clipboard), and the same
//! headers as CSV files.
//!
//! Not here: anything but the split; the table is read as a CSV file's is.

use super::assemble::Gathered;
use super::csv;
use super::Settings;
use crate::error::report::ImportReport;

/// Reads pasted text into its amounts and the report on them.
pub fn read(text: &str, settings: &Settings) -> (Option<Gathered>, ImportReport) {
    let mut report = ImportReport::new("paste", settings.file.clone());
    let delimiter = settings.delimiter.unwrap_or(b'\t');
    let gathered = csv::read_text(text, delimiter, settings, &mut report);
    (Some(gathered), report)
}

#[cfg(test)]
mod tests {
    use crate::import::ImportOptions;

    #[test]
    fn a_wide_range_with_month_columns_becomes_monthly_budgets() {
        let text = "Enhet\tKonto\tJan\tFeb\tMar\r\nK1\t4010\t-1 000\t-1 000,50\t\r\n";
        let opts = ImportOptions {
            year: Some(2025),
            measure: Some("budget".into()),
            ..ImportOptions::default()
        };
        let (doc, report) = crate::import::read_with(
            crate::import::Format::Paste,
            text.as_bytes().into(),
            &opts.settings().unwrap(),
            &crate::model::Document::default(),
        );
        assert!(report.errors.is_empty(), "{:?}", report.errors);
        assert_eq!(report.delimiter.as_deref(), Some("\t"));
        let months: Vec<String> = doc.budget[0]
            .months
            .as_ref()
            .unwrap()
            .iter()
            .map(|a| a.to_canonical())
            .collect();
        assert_eq!(&months[..3], ["-1000", "-1000.5", "0"]);
        assert_eq!(doc.budget[0].year, 2025);
    }
}
