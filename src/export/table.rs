//! Any table of plain columns and rows as a file (`exportTableCsv`): a report's table that a view
//! already holds as text and decimal strings (the committee report's tables) is written by the
//! same writer as the deviation table, with the same numbers and the same neutralising.
//!
//! A column says what its cells are: text, an amount in kronor (a decimal string, whole öre) or
//! another number (a percent, a count). A cell is a string or null (empty).
//!
//! Not here: how a cell is written ([`super::csv`]).

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::num::money::Amount;

use super::csv::{Cell, Csv};

/// A table to write (`ExportTable` in the TypeScript types).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ExportTable {
    pub columns: Vec<ExportColumn>,
    /// Each row has one cell per column.
    pub rows: Vec<Vec<Option<String>>>,
}

/// A column's heading and what its cells hold.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ExportColumn {
    pub heading: String,
    #[serde(default)]
    pub kind: ExportColumnKind,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ExportColumnKind {
    #[default]
    Text,
    /// Kronor, whole öre: written to the öre, never rounded.
    Amount,
    /// Any other number (a percent, a count).
    Number,
}

fn cell(kind: ExportColumnKind, value: &str) -> Result<Cell> {
    Ok(match kind {
        ExportColumnKind::Text => Cell::text(value),
        ExportColumnKind::Amount => Cell::Number(Amount::parse_ore(value)?.decimal()),
        ExportColumnKind::Number => Cell::Number(Amount::parse(value)?.decimal()),
    })
}

impl ExportTable {
    /// The table as CSV for Excel in Swedish; a row whose cells do not match the columns, or a
    /// number that does not read, is an error naming the cell (`rows[2][3]`).
    pub fn to_csv(&self) -> Result<String> {
        to_csv(self)
    }
}

fn to_csv(table: &ExportTable) -> Result<String> {
    let mut csv = Csv::new();
    let headings: Vec<&str> = table.columns.iter().map(|c| c.heading.as_str()).collect();
    csv.header(&headings);
    let mut cells = Vec::with_capacity(table.columns.len());
    for (r, row) in table.rows.iter().enumerate() {
        if row.len() != table.columns.len() {
            let reason = format!(
                "a row has {} cells; the table has {} columns",
                row.len(),
                table.columns.len()
            );
            return Err(Error::option(reason).at(format!("rows[{r}]")));
        }
        cells.clear();
        for (c, (value, column)) in row.iter().zip(&table.columns).enumerate() {
            let written = match value {
                None => Cell::Empty,
                Some(v) => cell(column.kind, v).map_err(|e| e.at(format!("rows[{r}][{c}]")))?,
            };
            cells.push(written);
        }
        csv.row(&cells);
    }
    Ok(csv.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(rows: Vec<Vec<Option<&str>>>) -> ExportTable {
        let column = |heading: &str, kind| ExportColumn {
            heading: heading.into(),
            kind,
        };
        ExportTable {
            columns: vec![
                column("Enhet", ExportColumnKind::Text),
                column("Utfall (kr)", ExportColumnKind::Amount),
                column("Andel %", ExportColumnKind::Number),
            ],
            rows: rows
                .into_iter()
                .map(|r| r.into_iter().map(|c| c.map(String::from)).collect())
                .collect(),
        }
    }

    #[test]
    fn writes_text_amounts_and_numbers_through_the_one_writer() {
        let t = table(vec![
            vec![Some("-HSN"), Some("-157333333.33"), Some("12.5")],
            vec![Some("KTN"), None, Some("0")],
        ]);
        assert_eq!(
            to_csv(&t).unwrap(),
            "\u{feff}Enhet;Utfall (kr);Andel %\r\n\"'-HSN\";-157333333,33;12,5\r\nKTN;;0\r\n"
        );
    }

    #[test]
    fn a_row_of_the_wrong_length_or_an_amount_finer_than_an_ore_is_an_error_at_its_cell() {
        let short = table(vec![vec![Some("HSN")]]);
        let err = to_csv(&short).unwrap_err();
        assert_eq!((err.code(), err.field()), ("E_OPTION", Some("rows[0]")));
        let fine = table(vec![vec![Some("HSN"), Some("1.005"), None]]);
        let err = to_csv(&fine).unwrap_err();
        assert_eq!(
            (err.code(), err.field()),
            ("E_PARSE_AMOUNT", Some("rows[0][1]"))
        );
    }
}
