//! The registers controllers keep beside the ledger, as tables with Swedish (or English) column
//! names: the measures register (åtgärdsregister), the grants register (statsbidrag), goals
//! with their indicators (mål och mätetal) and explanations and actions (avvikelseförklaringar),
//! pasted from Excel (tab separated) or saved as CSV (semicolon or comma separated). This is what
//! they share: a leading BOM skipped, the separator sniffed from the header line, the cells split,
//! header names matched to a register's columns, one way to say where a cell is ([`Place`]:
//! `line 2, column 5 (Belopp)`), and an error the workspace finds put at its line
//! ([`at_lines`]). Each register's file ([`measures`], [`grants`], [`goals`], [`comments`]) maps
//! cells to `crate::model` values.
//!
//! Not here: what a cell means (the register's file); checks that need the rest of the document,
//! such as whether a unit exists (the workspace's import makes them); budget and outcome tables,
//! which are the general CSV importer's ([`super::table`]).
//!
//! Cells are split by the CSV importer's splitter, [`Rows`]: a quote opens a cell only at its
//! start, `""` in a quoted cell is a quote, a quoted cell may hold the separator or a line break
//! (Excel puts a cell written with Alt+Enter on the clipboard that way), and a row is located at
//! the line it starts on. Rows made of blank cells are skipped. The separator is not sniffed the
//! CSV importer's way (the most frequent of `;`, tab and `,`, `;` on a tie): a header pasted from
//! Excel is tab separated whenever it has two columns, and "Mål<tab>Mätetal; antal" has as many
//! semicolons as tabs. Here a tab in the header line (outside quotes) wins, then `;`, then `,`.

pub mod comments;
pub mod goals;
pub mod grants;
pub mod measures;

use std::borrow::Cow;
use std::fmt;

use super::rows::Rows;
use crate::error::{Error, Result};

/// A register's columns, each with the header names it is known by: lower case, single spaces,
/// the Swedish name first (the one messages give).
pub type Known<C> = [(C, &'static [&'static str])];

/// Where a cell or line of a register table is. Shown as `line 2`, `line 1, column 3` or
/// `line 2, column 5 (Belopp)`; registers whose callers hold an older text format it themselves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Place<'t> {
    /// 1-based, counting every line of the text (blank ones and the header's too).
    pub line: usize,
    /// 0-based, where one cell is at fault.
    pub column: Option<usize>,
    /// The column's header as written (trimmed), where it names a known column.
    pub header: Option<&'t str>,
}

impl Place<'_> {
    /// A whole line.
    pub fn line(line: usize) -> Place<'static> {
        Place {
            line,
            column: None,
            header: None,
        }
    }
}

impl fmt::Display for Place<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}", self.line)?;
        if let Some(column) = self.column {
            write!(f, ", column {}", column + 1)?;
            if let Some(header) = self.header {
                write!(f, " ({header})")?;
            }
        }
        Ok(())
    }
}

/// An error the workspace found in `<list>[i]` of a document read from a register table,
/// located at the table's line instead (`measures[3].unit` → `line 5.unit`); `lines` are the
/// items' lines in the order the register's `read` gave them. Other errors are returned as they
/// are.
pub fn at_lines(err: Error, list: &str, lines: &[usize]) -> Error {
    let Error::At { field, source } = err else {
        return err;
    };
    let line = field
        .strip_prefix(list)
        .and_then(|rest| rest.strip_prefix('['))
        .and_then(|rest| rest.split_once(']'))
        .and_then(|(i, tail)| Some((lines.get(i.parse::<usize>().ok()?)?, tail)));
    let field = match line {
        Some((line, tail)) => format!("line {line}{tail}"),
        None => field,
    };
    Error::At { field, source }
}

/// The header line: each column's name as written and the register column it names.
#[derive(Debug)]
pub struct Header<C> {
    pub line: usize,
    names: Vec<String>,
    columns: Vec<Option<C>>,
}

impl<C: Copy + PartialEq> Header<C> {
    /// The first column named as `column`.
    pub fn position(&self, column: C) -> Option<usize> {
        self.columns.iter().position(|c| *c == Some(column))
    }

    pub fn has(&self, column: C) -> bool {
        self.position(column).is_some()
    }

    /// The first header cell that names no column of the register: its place and text.
    pub fn unknown(&self) -> Option<(Place<'static>, &str)> {
        let i = self.columns.iter().position(Option::is_none)?;
        Some((self.at(i), &self.names[i]))
    }

    /// The first header cell that names a column an earlier cell named: its place and text.
    pub fn repeated(&self) -> Option<(Place<'static>, &str)> {
        let i = (0..self.columns.len())
            .find(|&i| self.columns[i].is_some() && self.columns[..i].contains(&self.columns[i]))?;
        Some((self.at(i), &self.names[i]))
    }

    /// A header cell, without its name (the reason gives it).
    fn at(&self, i: usize) -> Place<'static> {
        Place {
            column: Some(i),
            ..Place::line(self.line)
        }
    }
}

/// A register table being read: its header, then its rows one at a time.
pub struct Table<'a, C> {
    pub header: Header<C>,
    rows: Rows<'a>,
    cells: Vec<Cow<'a, str>>,
}

impl<'a, C: Copy + PartialEq> Table<'a, C> {
    /// Reads the header line (the first that is not blank) of decoded text, a BOM skipped, and
    /// matches its names to `known` case- and space-insensitively; unknown names are `None`.
    pub fn read(text: &'a str, known: &Known<C>) -> Result<Table<'a, C>> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut rows = Rows::new(text, separator(text));
        let mut cells = Vec::new();
        let line = next_filled(&mut rows, &mut cells).ok_or_else(|| Error::Schema {
            reason: "the table is empty; expected a header line".into(),
        })?;
        let names: Vec<String> = cells.iter().map(|c| c.trim().to_string()).collect();
        let columns = names.iter().map(|name| column(name, known)).collect();
        Ok(Table {
            header: Header {
                line,
                names,
                columns,
            },
            rows,
            cells,
        })
    }

    /// The next row that has a cell that is not blank.
    pub fn next_row(&mut self) -> Option<Row<'_, C>> {
        let line = next_filled(&mut self.rows, &mut self.cells)?;
        Some(Row {
            line,
            header: &self.header,
            cells: &self.cells,
        })
    }
}

/// One data row of a register table.
pub struct Row<'t, C> {
    pub line: usize,
    header: &'t Header<C>,
    cells: &'t [Cow<'t, str>],
}

impl<'t, C: Copy + PartialEq> Row<'t, C> {
    /// The cell of `column`, trimmed; empty where the table or the row has no such cell.
    pub fn text(&self, column: C) -> &'t str {
        self.header.position(column).map_or("", |i| self.cell(i))
    }

    /// The cell of `column`, trimmed, where it is not empty.
    pub fn get(&self, column: C) -> Option<&'t str> {
        Some(self.text(column)).filter(|text| !text.is_empty())
    }

    /// The cells that are not empty, with their columns, in the table's order.
    pub fn cells(&self) -> impl Iterator<Item = (C, &'t str)> + '_ {
        self.header
            .columns
            .iter()
            .enumerate()
            .filter_map(|(i, c)| Some(((*c)?, self.cell(i))))
            .filter(|(_, text)| !text.is_empty())
    }

    /// Where the cell of `column` is; the line alone where the table has no such column.
    pub fn place(&self, column: C) -> Place<'t> {
        match self.header.position(column) {
            Some(i) => Place {
                line: self.line,
                column: Some(i),
                header: Some(self.header.names[i].as_str()),
            },
            None => Place::line(self.line),
        }
    }

    fn cell(&self, i: usize) -> &'t str {
        self.cells.get(i).map_or("", |c| c.as_ref().trim())
    }
}

/// The first header name of `column` in `known` (the Swedish one), for messages.
pub fn name<C: PartialEq>(known: &Known<C>, column: C) -> &'static str {
    known
        .iter()
        .find(|(c, _)| *c == column)
        .map_or("?", |(_, names)| names[0])
}

/// The column a header names: case, surrounding space and runs of inner space do not matter.
fn column<C: Copy>(name: &str, known: &Known<C>) -> Option<C> {
    let name = name
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    known
        .iter()
        .find(|(_, names)| names.contains(&name.as_str()))
        .map(|(c, _)| *c)
}

/// The separator of the first line that is not blank: tab if it has one outside quotes, else
/// `;`, else `,`; a tab for a header of one column.
fn separator(text: &str) -> u8 {
    let line = text
        .split(['\r', '\n'])
        .find(|l| !l.trim().is_empty())
        .unwrap_or("");
    let mut quoted = false;
    let mut seen = [false; 3];
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            '\t' if !quoted => seen[0] = true,
            ';' if !quoted => seen[1] = true,
            ',' if !quoted => seen[2] = true,
            _ => {}
        }
    }
    let first = seen.iter().position(|&s| s).unwrap_or(0);
    [b'\t', b';', b','][first]
}

/// Reads rows into `cells` until one has a cell that is not blank; its line, or `None` at the end.
fn next_filled<'a>(rows: &mut Rows<'a>, cells: &mut Vec<Cow<'a, str>>) -> Option<usize> {
    loop {
        let line = rows.next_into(cells)?;
        if cells.iter().any(|c| !c.trim().is_empty()) {
            return Some(line);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Clone, Copy, Debug, PartialEq)]
    enum Col {
        Name,
        Amount,
    }

    const KNOWN: &Known<Col> = &[
        (Col::Name, &["namn", "name"]),
        (Col::Amount, &["förväntat belopp"]),
    ];

    fn rows(text: &str) -> Vec<(usize, Vec<String>)> {
        let mut table = Table::read(text, KNOWN).unwrap();
        let mut out = vec![];
        while let Some(row) = table.next_row() {
            let cells = [Col::Name, Col::Amount].map(|c| row.text(c).to_string());
            out.push((row.line, cells.to_vec()));
        }
        out
    }

    #[test]
    fn the_separator_is_a_tab_where_the_header_has_one() {
        assert_eq!(separator("Mål\tMätetal; antal\n"), b'\t');
        assert_eq!(separator("\n  \nNamn;Belopp, kr\n"), b';');
        assert_eq!(separator("\"Namn;kort\",Belopp"), b',');
        assert_eq!(separator("Namn"), b'\t');
        assert_eq!(
            separator("Namn\rA;B"),
            b'\t',
            "a lone CR ends the header line"
        );
    }

    #[test]
    fn headers_match_without_case_or_extra_space() {
        let table = Table::read("\u{feff} NAMN ;Förväntat   Belopp;Färg", KNOWN).unwrap();
        assert_eq!(table.header.position(Col::Amount), Some(1));
        let (at, text) = table.header.unknown().unwrap();
        assert_eq!((at.to_string(), text), ("line 1, column 3".into(), "Färg"));
        let table = Table::read("namn;Name", KNOWN).unwrap();
        assert_eq!(table.header.repeated().unwrap().0.column, Some(1));
        assert_eq!(name(KNOWN, Col::Name), "namn");
    }

    #[test]
    fn cells_are_split_the_csv_way_and_blank_rows_skipped() {
        let text = "\n\nNamn;Förväntat belopp\r\n\"Psykisk hälsa; suicid\";\"sa \"\"hej\"\"\"\r\n;  \r\n\"två\nrader\";1\nA\n";
        assert_eq!(
            rows(text),
            [
                (4, vec!["Psykisk hälsa; suicid".into(), "sa \"hej\"".into()]),
                (6, vec!["två\nrader".into(), "1".into()]),
                (8, vec!["A".into(), String::new()]),
            ]
        );
        assert_eq!(
            rows("Namn\tFörväntat belopp\nx\"y\t 2 \n")[0].1,
            ["x\"y", "2"]
        );
    }

    #[test]
    fn a_place_names_line_column_and_header() {
        let mut table = Table::read("Namn;Förväntat belopp\nA;1\n", KNOWN).unwrap();
        let row = table.next_row().unwrap();
        assert_eq!(
            row.place(Col::Amount).to_string(),
            "line 2, column 2 (Förväntat belopp)"
        );
        assert_eq!(Place::line(2).to_string(), "line 2");
        let cells: Vec<_> = row.cells().collect();
        assert_eq!(cells, [(Col::Name, "A"), (Col::Amount, "1")]);
        let e = Table::read(" \n\t\n", KNOWN).err().unwrap();
        assert_eq!(e.code(), "E_SCHEMA");
    }
}
