//! Explanations and actions (avvikelseförklaringar, åtgärder) pasted from Excel or saved as CSV,
//! read into [`Comment`]s: one row per comment, of a unit (optionally a cost type) and month.
//!
//! Only what this table's cells mean; the BOM, separator, cells and header names are
//! [`super`]'s. Whether the unit and cost type exist, a blank text and a due month on an
//! explanation are checked when the comments are imported into a workspace (`comments.rs`), and
//! located at the table's line then ([`super::at_lines`]).

use super::{name, Known, Place, Row, Table};
use crate::calendar::Month;
use crate::error::{Error, Result};
use crate::model::{Comment, CommentKind};

/// A column of the table and the header names it is known by (case and spaces do not matter).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Column {
    Unit,
    Month,
    CostType,
    Kind,
    Text,
    Author,
    Written,
    Due,
    Owner,
}

/// Accepted header names, Swedish first; documented in docs/schema-v1.md.
const HEADERS: &Known<Column> = &[
    (Column::Unit, &["enhet", "enhets-id", "ansvar", "unit"]),
    (Column::Month, &["månad", "period", "month"]),
    (
        Column::CostType,
        &["kostnadsslag", "konto", "cost type", "costtype"],
    ),
    (Column::Kind, &["typ", "kind"]),
    (
        Column::Text,
        &["text", "kommentar", "förklaring", "comment"],
    ),
    (
        Column::Author,
        &["skriven av", "författare", "skribent", "author"],
    ),
    (Column::Written, &["datum", "skriven", "written", "date"]),
    (Column::Due, &["klart senast", "klar senast", "due"]),
    (Column::Owner, &["ansvarig", "owner"]),
];

const REQUIRED: &[Column] = &[Column::Unit, Column::Month, Column::Text];

/// A comment read from the table, with its line.
#[derive(Clone, Debug, PartialEq)]
pub struct TableComment {
    pub line: usize,
    pub comment: Comment,
}

/// Reads the table: the first line a header naming the columns (Enhet, Månad, Text and
/// optionally Kostnadsslag, Typ, Skriven av, Datum, Klart senast, Ansvarig; or their English
/// names). A row without a Typ is an explanation. Errors name the line and the cell:
/// `line 3, column 2 (Månad)`.
pub fn read(text: &str) -> Result<Vec<TableComment>> {
    let mut table = Table::read(text, HEADERS)?;
    for required in REQUIRED {
        if !table.header.has(*required) {
            let reason = format!(
                "the table needs the columns Enhet, Månad and Text; {:?} is missing",
                name(HEADERS, *required)
            );
            return Err(Error::Schema { reason }.at(Place::line(table.header.line).to_string()));
        }
    }
    let mut out = Vec::new();
    while let Some(row) = table.next_row() {
        let comment = read_row(&row).map_err(|(c, e)| e.at(row.place(c).to_string()))?;
        out.push(TableComment {
            line: row.line,
            comment,
        });
    }
    Ok(out)
}

type CellResult<T> = std::result::Result<T, (Column, Error)>;

fn read_row(row: &Row<Column>) -> CellResult<Comment> {
    let unit = row.text(Column::Unit);
    if unit.is_empty() {
        let reason = "the comment needs a unit".into();
        return Err((Column::Unit, Error::Schema { reason }));
    }
    let month = Month::parse(row.text(Column::Month)).map_err(|e| (Column::Month, e))?;
    let kind = match row.get(Column::Kind) {
        None => CommentKind::Explanation,
        Some(text) => kind(text).map_err(|reason| (Column::Kind, Error::Schema { reason }))?,
    };
    let due = match row.get(Column::Due) {
        None => None,
        Some(text) => Some(Month::parse(text).map_err(|e| (Column::Due, e))?),
    };
    Ok(Comment {
        unit: unit.into(),
        month,
        cost_type: row.get(Column::CostType).map(Into::into),
        kind,
        text: row.text(Column::Text).to_string(),
        author: row.text(Column::Author).to_string(),
        written: row.text(Column::Written).to_string(),
        due,
        owner: row.get(Column::Owner).map(str::to_string),
    })
}

fn kind(text: &str) -> std::result::Result<CommentKind, String> {
    match text.to_lowercase().as_str() {
        "förklaring" | "avvikelseförklaring" | "explanation" => Ok(CommentKind::Explanation),
        "åtgärd" | "action" => Ok(CommentKind::Action),
        _ => Err(format!(
            "cannot read the kind {text:?}: expected förklaring or åtgärd"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pasted_table_reads_explanations_and_actions() {
        let text = "Enhet\tMånad\tKonto\tTyp\tKommentar\tSkriven av\tDatum\tKlart senast\tAnsvarig\n\
                    HSN-SJ\t2025-08\t\tFörklaring\t\"Hyrläkare under\nsommaren\"\tAnna\t2025-09-12\t\t\n\
                    \t\t\t\t\t\t\t\t\n\
                    HSN-SJ\t2025-08\t4010\tÅtgärd\tEgen rekrytering\tAnna\t\t2025-12\tVerksamhetschef\n";
        let read = read(text).unwrap();
        assert_eq!(read.len(), 2);
        let first = &read[0].comment;
        assert_eq!(
            (read[0].line, first.kind, first.text.as_str()),
            (2, CommentKind::Explanation, "Hyrläkare under\nsommaren")
        );
        assert_eq!(
            (first.cost_type.as_deref(), first.written.as_str()),
            (None, "2025-09-12")
        );
        let action = &read[1].comment;
        assert_eq!(read[1].line, 5);
        assert_eq!(action.kind, CommentKind::Action);
        assert_eq!(action.cost_type.as_deref(), Some("4010"));
        assert_eq!(action.due, Month::parse("2025-12").ok());
        assert_eq!(action.owner.as_deref(), Some("Verksamhetschef"));
    }

    #[test]
    fn faults_name_the_line_and_the_cell() {
        let e = read("Enhet;Månad;Text\nA;augusti;x\n").unwrap_err();
        assert_eq!(
            (e.code(), e.field()),
            ("E_PARSE_MONTH", Some("line 2, column 2 (Månad)"))
        );
        let e = read("Enhet;Månad;Typ;Text\nA;2025-08;Notering;x\n").unwrap_err();
        assert_eq!(
            (e.code(), e.field()),
            ("E_SCHEMA", Some("line 2, column 3 (Typ)"))
        );
        let e = read("Enhet;Text\nA;x\n").unwrap_err();
        assert_eq!((e.code(), e.field()), ("E_SCHEMA", Some("line 1")));
        let e = read("Enhet;Månad;Text\n;2025-08;x\n").unwrap_err();
        assert_eq!(e.field(), Some("line 2, column 1 (Enhet)"));
    }
}
