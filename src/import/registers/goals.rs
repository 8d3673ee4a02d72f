//! Goals and indicators (mål och mätetal) pasted from Excel, read into [`Goal`]s: one row per
//! indicator, the rows with the same goal making one goal.
//!
//! Only what this table's cells mean; the BOM, separator, cells and header names are
//! [`super`]'s. Whether an indicator is met and the goals report are the goals engine's
//! (`goals.rs`); whether a tied unit or cost type exists is checked when the goals are imported.

use super::{Known, Place, Table};
use crate::error::{Error, Result};
use crate::model::{Direction, Fulfilment, Goal, Indicator};
use crate::num::money::Amount;
use crate::num::weight::Weight;

/// The columns a goals table may have.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Column {
    Goal,
    Indicator,
    Target,
    Outcome,
    Direction,
    Partly,
    Assessed,
    Unit,
    CostType,
}

/// Accepted header names, Swedish and English.
const HEADERS: &Known<Column> = &[
    (Column::Goal, &["mål", "goal"]),
    (Column::Indicator, &["mätetal", "indikator", "indicator"]),
    (Column::Target, &["målvärde", "target"]),
    (Column::Outcome, &["utfall", "outcome"]),
    (Column::Direction, &["riktning", "direction"]),
    (Column::Partly, &["delvis", "partly"]),
    (Column::Assessed, &["bedömning", "assessment", "assessed"]),
    (Column::Unit, &["enhet", "unit"]),
    (Column::CostType, &["kostnadsslag", "cost type", "costtype"]),
];

/// Reads goals pasted from a spreadsheet (or a CSV file): the first line a header naming the
/// columns (Mål, Mätetal, Målvärde, Utfall, and optionally Riktning, Delvis, Bedömning, Enhet,
/// Kostnadsslag; or their English names). Numbers may be Swedish ("87,5", "1 200", "85 %");
/// an empty outcome is not reported. Rows with the same goal make one goal, in order of first
/// appearance; goal ids are the goal names, indicator ids `goal/indicator`.
///
/// Errors name the line alone (`line 2`), not the column: callers have held that text since
/// goals were first pasted, and a goals row is short enough to find the cell in.
pub fn read(text: &str) -> Result<Vec<Goal>> {
    let mut table = Table::read(text, HEADERS)?;
    for needed in [Column::Goal, Column::Indicator] {
        if !table.header.has(needed) {
            let reason = "the header needs the columns Mål and Mätetal (Goal, Indicator)";
            return Err(Error::Schema {
                reason: reason.into(),
            }
            .at(Place::line(table.header.line).to_string()));
        }
    }
    let mut goals: Vec<Goal> = Vec::new();
    while let Some(row) = table.next_row() {
        let at = |e: Error| e.at(Place::line(row.line).to_string());
        let mut goal = String::new();
        let mut ind = Indicator {
            id: String::new(),
            name: String::new(),
            target: None,
            outcome: None,
            direction: Direction::Higher,
            partly: None,
            assessed: None,
            unit: None,
            cost_type: None,
        };
        // Cell by cell in the table's order: of two columns with one name, the later one counts.
        for (col, cell) in row.cells() {
            match col {
                Column::Goal => goal = cell.to_string(),
                Column::Indicator => ind.name = cell.to_string(),
                Column::Target => ind.target = Some(number(cell).map_err(at)?),
                Column::Outcome => ind.outcome = Some(number(cell).map_err(at)?),
                Column::Partly => ind.partly = Some(number(cell).map_err(at)?),
                Column::Direction => ind.direction = direction(cell).map_err(at)?,
                Column::Assessed => ind.assessed = Some(assessment(cell).map_err(at)?),
                Column::Unit => ind.unit = Some(cell.to_string()),
                Column::CostType => ind.cost_type = Some(cell.to_string()),
            }
        }
        if goal.is_empty() || ind.name.is_empty() {
            let reason = "every row needs a goal and an indicator".to_string();
            return Err(at(Error::Schema { reason }));
        }
        ind.id = format!("{goal}/{}", ind.name);
        match goals.iter_mut().find(|g| g.id == goal) {
            Some(g) => g.indicators.push(ind),
            None => goals.push(Goal {
                id: goal.clone(),
                name: goal,
                indicators: vec![ind],
            }),
        }
    }
    Ok(goals)
}

/// A number the Swedish way or plain, with an optional trailing percent sign.
fn number(cell: &str) -> Result<Weight> {
    let text = cell.trim_end_matches('%').trim();
    Amount::parse(text).map(|a| Weight(a.decimal()))
}

fn direction(cell: &str) -> Result<Direction> {
    match cell.to_lowercase().as_str() {
        "högre" | "hög" | "higher" | "up" => Ok(Direction::Higher),
        "lägre" | "låg" | "lower" | "down" => Ok(Direction::Lower),
        _ => Err(Error::Schema {
            reason: format!("cannot read the direction {cell:?}: expected högre or lägre"),
        }),
    }
}

fn assessment(cell: &str) -> Result<Fulfilment> {
    match cell.to_lowercase().as_str() {
        "uppfyllt" | "uppfylld" | "met" => Ok(Fulfilment::Met),
        "delvis" | "delvis uppfyllt" | "partly" => Ok(Fulfilment::Partly),
        "ej uppfyllt" | "inte uppfyllt" | "not met" => Ok(Fulfilment::NotMet),
        "ej rapporterat" | "inte rapporterat" | "not reported" => Ok(Fulfilment::NotReported),
        _ => Err(Error::Schema {
            reason: format!(
                "cannot read the assessment {cell:?}: expected uppfyllt, delvis, ej uppfyllt \
                 or ej rapporterat"
            ),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pasted_tables_read_swedish_numbers_and_name_the_line() {
        let text = "Mål\tMätetal\tMålvärde\tUtfall\tRiktning\tDelvis\n\
                    Vård i tid\tBesök inom 90 dagar\t90 %\t87,5 %\t\t80\n\
                    Vård i tid\tVäntande över 90 dagar\t1 000\t1 200\tlägre\t\n\
                    Ekonomi i balans\tResultat enligt budget\t0\t\t\t\n";
        let goals = read(text).unwrap();
        assert_eq!(goals.len(), 2);
        let first = &goals[0].indicators[0];
        assert_eq!(first.outcome.unwrap().0.to_string(), "87.5");
        assert_eq!(first.fulfilment(), Fulfilment::Partly);
        assert_eq!(goals[0].indicators[1].direction, Direction::Lower);
        assert_eq!(goals[0].indicators[1].fulfilment(), Fulfilment::NotMet);
        assert_eq!(goals[1].indicators[0].fulfilment(), Fulfilment::NotReported);
        assert_eq!(
            goals[0].indicators[1].id,
            "Vård i tid/Väntande över 90 dagar"
        );
        let e = read("Mål\tMätetal\tUtfall\nA\tB\tmånga\n").unwrap_err();
        assert_eq!((e.code(), e.field()), ("E_PARSE_AMOUNT", Some("line 2")));
        let e = read("Namn\tVärde\n").unwrap_err();
        assert_eq!(e.field(), Some("line 1"));
    }

    #[test]
    fn a_tab_pasted_table_reads_as_before_even_with_commas_and_semicolons() {
        // Tabs were the only separator before; a header with a tab is still split at tabs alone.
        let text = "Mål\tMätetal\tMålvärde\tKälla; år, kvartal\tKostnadsslag\n\
                    Ekonomi, balans\tResultat; helår\t1,5\tx; y, z\t4010\n";
        let goals = read(text).unwrap();
        assert_eq!(goals[0].name, "Ekonomi, balans");
        let ind = &goals[0].indicators[0];
        assert_eq!(
            (ind.name.as_str(), ind.cost_type.as_deref()),
            ("Resultat; helår", Some("4010"))
        );
        assert_eq!(ind.target.unwrap().0.to_string(), "1.5");
    }

    #[test]
    fn quoted_cells_are_read_the_csv_way() {
        // Excel quotes a cell with a line break on the clipboard; before, the row broke in two.
        let text = "Mål\tMätetal\n\"Vård\ni tid\"\t\"Besök \"\"inom\"\" 90 dagar\"\n";
        let goals = read(text).unwrap();
        assert_eq!(goals[0].name, "Vård\ni tid");
        assert_eq!(goals[0].indicators[0].name, "Besök \"inom\" 90 dagar");
        // A CSV file, a BOM and semicolons; before, only tabs split goals' cells.
        let text = "\u{feff}Mål;Mätetal;Utfall\r\n\"Vård; omsorg\";Väntetid;\"87,5\"\r\nA;B;x\r\n";
        let goals = read(text);
        assert_eq!(goals.as_ref().unwrap_err().field(), Some("line 3"));
        let goals = read(&text.replace("\r\nA;B;x", "")).unwrap();
        assert_eq!(goals[0].name, "Vård; omsorg");
        assert_eq!(
            goals[0].indicators[0].outcome.unwrap().0.to_string(),
            "87.5"
        );
    }
}
