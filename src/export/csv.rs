//! The one CSV writer of the product: every CSV balans writes (the deviation table, the entries
//! log, any report table) goes through [`Csv`], so every file opens the same way in Excel set to
//! Swedish and none of them can run a formula.
//!
//! The conventions of Swedish Excel, which opens a `.csv` by double-click with the system's list
//! separator and decimal sign: UTF-8 with a byte order mark (without it Excel reads the bytes as
//! Windows-1252 and "Åtgärd" comes out as "Ã…tgÃ¤rd"), `;` between cells, CRLF line ends, and a
//! number written bare with a decimal comma and no thousands separator (`-1234567,89`), which
//! Excel reads as a number; a space or U+00A0 between groups would make it text. Amounts are
//! written exactly as held (kronor to the öre), never rounded to a display unit.
//!
//! Text is neutralised against formula injection (OWASP "CSV injection"): a text cell starting
//! with `=`, `+`, `-`, `@`, tab or carriage return gets a leading `'` and is quoted, so
//! `=HYPERLINK("http://x","y")` shows as text and is never run. A number is a [`Cell::Number`],
//! never text, so a negative amount stays a number. A cell holding `;`, `"` or a line break is
//! quoted, with `"` doubled.
//!
//! Not here: what the columns of a report are (the deviation table, the entries log, a table
//! given as columns and rows: the other files of `export`); reading CSV (`import::csv`).

use rust_decimal::Decimal;

use crate::num::canonical::with_canonical;

/// One cell of a written row.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// Nothing: a figure the report does not have (no outcome, no forecast).
    Empty,
    /// Text from data or from the product; neutralised and quoted as needed.
    Text(String),
    /// A number (an amount in kronor, a percent, a count), written as Excel reads a number.
    Number(Decimal),
}

impl Cell {
    pub fn text(text: impl Into<String>) -> Cell {
        Cell::Text(text.into())
    }

    /// A number, or an empty cell for `None`.
    pub fn number(value: Option<Decimal>) -> Cell {
        value.map_or(Cell::Empty, Cell::Number)
    }
}

/// Characters that make a spreadsheet read a text cell as a formula.
const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A CSV file being written, row by row.
pub struct Csv {
    out: String,
}

impl Default for Csv {
    fn default() -> Self {
        Csv::new()
    }
}

impl Csv {
    /// An empty file: just the byte order mark.
    pub fn new() -> Csv {
        Csv {
            out: String::from("\u{feff}"),
        }
    }

    /// A header row: every cell text.
    pub fn header<S: AsRef<str>>(&mut self, headings: &[S]) {
        for (i, heading) in headings.iter().enumerate() {
            self.separate(i);
            text(&mut self.out, heading.as_ref());
        }
        self.out.push_str("\r\n");
    }

    /// One row of cells.
    pub fn row<'a>(&mut self, cells: impl IntoIterator<Item = &'a Cell>) {
        for (i, cell) in cells.into_iter().enumerate() {
            self.separate(i);
            match cell {
                Cell::Empty => {}
                Cell::Text(t) => text(&mut self.out, t),
                Cell::Number(n) => number(&mut self.out, *n),
            }
        }
        self.out.push_str("\r\n");
    }

    fn separate(&mut self, i: usize) {
        if i > 0 {
            self.out.push(';');
        }
    }

    /// The file's text.
    pub fn finish(self) -> String {
        self.out
    }
}

/// `-1234567,89`: canonical digits (no exponent, no `-0`) with a decimal comma.
fn number(out: &mut String, value: Decimal) {
    with_canonical(value, |digits| {
        out.extend(digits.chars().map(|c| if c == '.' { ',' } else { c }))
    });
}

fn text(out: &mut String, value: &str) {
    let formula = value.starts_with(FORMULA_START);
    if formula || value.contains([';', '"', '\n', '\r']) {
        out.push('"');
        if formula {
            out.push('\'');
        }
        out.push_str(&value.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn line(cells: &[Cell]) -> String {
        let mut csv = Csv::new();
        csv.row(cells);
        csv.finish()
    }

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn starts_with_a_byte_order_mark_and_ends_rows_with_crlf() {
        let mut csv = Csv::new();
        csv.header(&["Enhet", "Namn"]);
        csv.row(&[Cell::text("HSN"), Cell::text("Hälso- och sjukvårdsnämnden")]);
        assert_eq!(
            csv.finish(),
            "\u{feff}Enhet;Namn\r\nHSN;Hälso- och sjukvårdsnämnden\r\n"
        );
    }

    #[test]
    fn numbers_are_bare_with_a_decimal_comma_and_keep_their_minus() {
        let cells = [
            Cell::Number(d("-1234567.89")),
            Cell::Number(d("1200")),
            Cell::Number(d("0.50")),
            Cell::Number(d("-0.00")),
            Cell::Empty,
            Cell::number(None),
        ];
        assert_eq!(line(&cells), "\u{feff}-1234567,89;1200;0,5;0;;\r\n");
    }

    #[test]
    fn text_that_would_run_as_a_formula_is_neutralised() {
        let cells = [
            Cell::text("=HYPERLINK(\"http://x\",\"y\")"),
            Cell::text("+46"),
            Cell::text("-2"),
            Cell::text("@SUM(A1)"),
            Cell::text("\tx"),
            Cell::text("\rx"),
        ];
        assert_eq!(
            line(&cells),
            "\u{feff}\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\";\"'+46\";\"'-2\";\"'@SUM(A1)\";\"'\tx\";\"'\rx\"\r\n"
        );
    }

    #[test]
    fn separators_quotes_and_line_breaks_are_quoted() {
        let cells = [
            Cell::text("a;b"),
            Cell::text("sa \"hej\""),
            Cell::text("rad\nrad"),
            Cell::text("Öppen vård, Norr"),
            Cell::text("1 234"),
        ];
        assert_eq!(
            line(&cells),
            "\u{feff}\"a;b\";\"sa \"\"hej\"\"\";\"rad\nrad\";Öppen vård, Norr;1 234\r\n"
        );
    }

    #[test]
    fn headers_are_neutralised_too() {
        let mut csv = Csv::new();
        csv.header(&["=1+1"]);
        assert_eq!(csv.finish(), "\u{feff}\"'=1+1\"\r\n");
    }
}
