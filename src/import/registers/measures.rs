//! The measures register (åtgärdsregister), read into [`SavingsMeasure`]s: one row per measure
//! and year, the rows with the same id adding plan years to one measure.
//!
//! Only what this table's cells mean; the BOM, separator, cells and header names are
//! [`super`]'s. It checks what a table can get wrong (missing columns, unreadable cells); units,
//! duplicate years and the rest are checked when the measures are imported into a workspace.

use rust_decimal::Decimal;

use super::{name, Known, Place, Row, Table};
use crate::calendar::Month;
use crate::error::{Error, Result};
use crate::model::{PlanYear, Risk, SavingsMeasure, Stage};
use crate::num::money::Amount;
use crate::num::weight::Weight;

/// A column of the table and the header names it is known by (case and spaces do not matter).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Column {
    Id,
    Title,
    Unit,
    Category,
    Owner,
    Decision,
    Status,
    Recurring,
    Risk,
    Probability,
    Year,
    Effect,
    Rate,
    Start,
}

/// Accepted header names; documented in docs/schema-v1.md.
const HEADERS: &Known<Column> = &[
    (Column::Id, &["id", "åtgärds-id", "åtgärdsid", "nr"]),
    (Column::Title, &["åtgärd", "benämning", "titel"]),
    (Column::Unit, &["enhet", "enhets-id", "ansvar"]),
    (Column::Category, &["kategori"]),
    (Column::Owner, &["ansvarig", "ägare"]),
    (Column::Decision, &["beslut", "beslutsreferens"]),
    (Column::Status, &["status"]),
    (Column::Recurring, &["typ", "återkommande"]),
    (Column::Risk, &["risk", "risknivå"]),
    (Column::Probability, &["sannolikhet"]),
    (Column::Year, &["år"]),
    (Column::Effect, &["planerad effekt", "effekt under året"]),
    (Column::Rate, &["helårseffekt"]),
    (Column::Start, &["start", "startmånad"]),
];

const REQUIRED: &[Column] = &[Column::Id, Column::Title, Column::Unit, Column::Status];

/// A measure read from the table, with the line of its first row.
#[derive(Clone, Debug, PartialEq)]
pub struct TableMeasure {
    pub line: usize,
    pub measure: SavingsMeasure,
}

/// Reads the table. Errors name the line (1 is the header) and the column by its header:
/// `line 2, Status` (see `at`).
pub fn read(text: &str) -> Result<Vec<TableMeasure>> {
    let mut table = Table::read(text, HEADERS)?;
    for required in REQUIRED {
        if !table.header.has(*required) {
            let reason = format!("the table needs a column {:?}", name(HEADERS, *required));
            return Err(Error::Schema { reason }.at(Place::line(table.header.line).to_string()));
        }
    }
    let mut out: Vec<TableMeasure> = Vec::new();
    while let Some(row) = table.next_row() {
        let measure = read_row(&row).map_err(|(c, e)| e.at(at(row.place(c))))?;
        match out.iter_mut().find(|m| m.measure.id == measure.id) {
            Some(existing) => existing.measure.plan.extend(measure.plan),
            None => out.push(TableMeasure {
                line: row.line,
                measure,
            }),
        }
    }
    Ok(out)
}

/// `line 2, Status`: this table's errors have named a cell by its header alone since it was
/// first read, and callers hold that text (pkg-tests, the snapshots), so it keeps it rather than
/// the registers' `line 2, column 4 (Status)`. A column the table lacks gives the line alone.
fn at(place: Place) -> String {
    match place.header {
        Some(header) => format!("line {}, {header}", place.line),
        None => place.to_string(),
    }
}

type CellResult<T> = std::result::Result<T, (Column, Error)>;

fn read_row(row: &Row<Column>) -> CellResult<SavingsMeasure> {
    let text = |c: Column| row.text(c);
    let optional = |c: Column| Some(text(c).to_string()).filter(|s| !s.is_empty());
    let fail = |c: Column, reason: String| (c, Error::Schema { reason });
    let id = text(Column::Id).to_string();
    if id.is_empty() {
        return Err(fail(Column::Id, "the measure needs an id".into()));
    }
    let status = status(text(Column::Status)).map_err(|r| fail(Column::Status, r))?;
    let recurring = recurring(text(Column::Recurring)).map_err(|r| fail(Column::Recurring, r))?;
    let risk = match text(Column::Risk) {
        "" => None,
        t => Some(risk(t).map_err(|r| fail(Column::Risk, r))?),
    };
    let probability = match text(Column::Probability) {
        "" => None,
        t => Some(probability(t).map_err(|r| fail(Column::Probability, r))?),
    };
    let amount = |c: Column| -> CellResult<Option<Amount>> {
        match text(c) {
            "" => Ok(None),
            t => Amount::parse_ore(t).map(Some).map_err(|e| (c, e)),
        }
    };
    let effect = amount(Column::Effect)?;
    let rate = amount(Column::Rate)?;
    let mut plan = Vec::new();
    if effect.is_some() || rate.is_some() {
        let year_text = text(Column::Year);
        let year: i32 = year_text
            .parse()
            .map_err(|_| fail(Column::Year, format!("cannot read the year {year_text:?}")))?;
        let start = match text(Column::Start) {
            "" => None,
            t => Some(start(t, year).map_err(|e| (Column::Start, e))?),
        };
        plan.push(PlanYear {
            year,
            effect,
            rate,
            start,
        });
    }
    Ok(SavingsMeasure {
        id,
        title: text(Column::Title).to_string(),
        unit: text(Column::Unit).to_string(),
        category: optional(Column::Category),
        owner: optional(Column::Owner),
        decision: optional(Column::Decision),
        status,
        recurring,
        probability,
        risk,
        plan,
        realised: vec![],
        forecasts: vec![],
    })
}

fn status(text: &str) -> std::result::Result<Stage, String> {
    match text.to_lowercase().as_str() {
        "planerad" | "planned" => Ok(Stage::Planned),
        "beslutad" | "decided" => Ok(Stage::Decided),
        "pågående" | "pågår" | "ongoing" => Ok(Stage::Ongoing),
        "genomförd" | "klar" | "done" => Ok(Stage::Done),
        "avbruten" | "cancelled" => Ok(Stage::Cancelled),
        _ => Err(format!(
            "unknown status {text:?}; expected {}",
            STATUS_NAMES
        )),
    }
}

const STATUS_NAMES: &str = "planerad, beslutad, pågående, genomförd or avbruten";

fn recurring(text: &str) -> std::result::Result<bool, String> {
    match text.to_lowercase().as_str() {
        "återkommande" | "ja" | "j" | "x" | "true" | "recurring" => Ok(true),
        "" | "engångs" | "engång" | "engångsåtgärd" | "nej" | "n" | "false" | "one-off" => {
            Ok(false)
        }
        _ => Err(format!("expected återkommande or engångs, not {text:?}")),
    }
}

fn risk(text: &str) -> std::result::Result<Risk, String> {
    match text.to_lowercase().as_str() {
        "låg" | "low" => Ok(Risk::Low),
        "medel" | "medium" => Ok(Risk::Medium),
        "hög" | "high" => Ok(Risk::High),
        _ => Err(format!("expected låg, medel or hög, not {text:?}")),
    }
}

/// "0,6", "0.6", "60 %" or "60%".
fn probability(text: &str) -> std::result::Result<Weight, String> {
    let (number, percent) = match text.strip_suffix('%') {
        Some(n) => (n.trim(), true),
        None => (text, false),
    };
    let value: Decimal = number
        .replace(',', ".")
        .parse()
        .map_err(|_| format!("cannot read the probability {text:?}"))?;
    Ok(Weight(if percent {
        value / Decimal::ONE_HUNDRED
    } else {
        value
    }))
}

/// "2024-09", or a month number 1-12 of the row's year.
fn start(text: &str, year: i32) -> Result<Month> {
    match text.parse::<u32>() {
        Ok(month) => Month::new(year, month),
        Err(_) => Month::parse(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_range_pasted_from_excel() {
        let text = "Id\tÅtgärd\tEnhet\tKategori\tStatus\tTyp\tRisk\tÅr\tHelårseffekt\tStartmånad\tPlanerad effekt\n\
                    M1\tFärre hyrläkare\tHSN-SJ\tInhyrd personal\tPågående\tÅterkommande\tMedel\t2024\t12 000 000\t9\t\n\
                    M1\tFärre hyrläkare\tHSN-SJ\tInhyrd personal\tPågående\tÅterkommande\tMedel\t2025\t12,5 mnkr\t\t\n\
                    M2\t\"Upphandling; förbrukning\"\tHSN\t\tBeslutad\tEngångs\t\t2025\t\t\t3 000 000\n";
        let measures = read(text).unwrap();
        assert_eq!(measures.len(), 2);
        let m1 = &measures[0].measure;
        assert_eq!(m1.plan.len(), 2);
        assert_eq!(m1.plan[0].start, Some(Month::new(2024, 9).unwrap()));
        assert_eq!(m1.plan[1].rate.unwrap().to_canonical(), "12500000");
        assert_eq!(
            (m1.status, m1.recurring, m1.risk),
            (Stage::Ongoing, true, Some(Risk::Medium))
        );
        let m2 = &measures[1];
        assert_eq!(m2.line, 4);
        assert_eq!(m2.measure.title, "Upphandling; förbrukning");
        assert_eq!(m2.measure.plan[0].effect.unwrap().to_canonical(), "3000000");
        assert!(!m2.measure.recurring);
    }

    #[test]
    fn reads_csv_with_a_bom_and_percent_probability() {
        let text = "\u{feff}Nr;Benämning;Ansvar;Status;Sannolikhet;År;Planerad effekt\r\nA;Titel;U;avbruten;60 %;2025;1 234,50\r\n";
        let m = &read(text).unwrap()[0].measure;
        assert_eq!(m.probability.unwrap().0.to_string(), "0.60");
        assert_eq!(m.status, Stage::Cancelled);
        assert_eq!(m.plan[0].effect.unwrap().to_canonical(), "1234.5");
    }

    #[test]
    fn errors_name_line_and_column() {
        let e = read("Id;Åtgärd;Enhet\nA;B;C").unwrap_err();
        assert_eq!(e.field(), Some("line 1"));
        assert!(e.to_string().contains("status"), "{e}");
        let e = read("Id;Åtgärd;Enhet;Status;År;Helårseffekt\nA;B;C;pågående;2025;12 apor")
            .unwrap_err();
        assert_eq!(
            (e.code(), e.field()),
            ("E_PARSE_AMOUNT", Some("line 2, Helårseffekt"))
        );
        let e =
            read("Id;Åtgärd;Enhet;Status;År;Helårseffekt\nA;B;C;pågående;2025;1,005").unwrap_err();
        assert_eq!(
            (e.code(), e.field()),
            ("E_PARSE_AMOUNT", Some("line 2, Helårseffekt"))
        );
        assert!(e.to_string().contains("finer than an öre"), "{e}");
        let e = read("Id;Åtgärd;Enhet;Status\nA;B;C;kanske").unwrap_err();
        assert_eq!(e.field(), Some("line 2, Status"));
        assert_eq!(read("").unwrap_err().code(), "E_SCHEMA");
    }

    #[test]
    fn quoted_cells_hold_separators_and_quotes() {
        let text = "Id;Åtgärd;Enhet;Status;Beslut\nA;\"Bemanning; \"\"flexpool\"\"\";HSN;planerad;\"RS 2025:12; §4\"\n";
        let m = &read(text).unwrap()[0].measure;
        assert_eq!(m.title, "Bemanning; \"flexpool\"");
        assert_eq!(m.decision.as_deref(), Some("RS 2025:12; §4"));
        // A quote inside a cell is text; before, every quote was taken out of the cell.
        let m = &read("Id\tÅtgärd\tEnhet\tStatus\nA\t15\" skärmar\tHSN\tplanerad\n").unwrap()[0];
        assert_eq!(m.measure.title, "15\" skärmar");
    }
}
