//! The deviation table as a file for the committee's secretary (`deviationTable`, and as CSV
//! `exportDeviationCsv`): one row
//! per unit in tree order (parents before children), after each unit its cost types when the
//! options ask for them; every amount in kronor to the öre as a number, statuses and levels in
//! Swedish words, headers as the deviation view names its columns (www/lib/text.js), with
//! "(kr)" on the amounts.
//!
//! The whole report of the subtree is written, whatever the view shows: the file is the
//! committee's table, not a copy of the screen (its sorting, status filter and display unit).
//!
//! Not here: the figures (the deviation engine computes them; nothing is added or rounded here)
//! or how a file is written (the table's CSV in `table`, its .xlsx in www/lib/xlsx.js).

use crate::deviation::{DeviationReport, Figures, FullYear, Status};
use crate::model::Level;
use crate::num::canonical::with_canonical;
use crate::num::money::Amount;
use crate::num::ratio::Percent;

use super::table::{ExportColumn, ExportColumnKind, ExportTable};

/// The status as the view says it (`statuses` in www/lib/text.js).
fn status_word(status: Status) -> &'static str {
    match status {
        Status::Within => "Inom",
        Status::Favourable => "Gynnsam",
        Status::Watch => "Bevaka",
        Status::Material => "Väsentlig",
    }
}

/// The level in Swedish (nämnd, förvaltning, …), as DOMAIN.md names them.
fn level_word(level: Level) -> &'static str {
    match level {
        Level::Region => "Region",
        Level::Committee => "Nämnd",
        Level::Administration => "Förvaltning",
        Level::Area => "Verksamhetsområde",
        Level::Department => "Verksamhet",
        Level::Unit => "Enhet",
    }
}

/// What the view shows for a span whose last month is not booked (`noOutcome`).
const NO_OUTCOME: &str = "inget utfall";

/// What the view calls the rows that name no cost type (`noCostType`).
const NO_COST_TYPE: &str = "Utan kostnadsslag";

use ExportColumnKind::{Amount as Kr, Number, Text};

const HEAD: [(&str, ExportColumnKind); 4] = [
    ("Djup", Number),
    ("Nivå", Text),
    ("Enhet", Text),
    ("Namn", Text),
];
const COST_TYPE: [(&str, ExportColumnKind); 2] =
    [("Kostnadsslag", Text), ("Kostnadsslagets namn", Text)];
const FIGURES: [(&str, ExportColumnKind); 17] = [
    ("Månad budget (kr)", Kr),
    ("Månad utfall (kr)", Kr),
    ("Månad avvikelse (kr)", Kr),
    ("Månad avvikelse % av brutto", Number),
    ("Hittills i år budget (kr)", Kr),
    ("Hittills i år utfall (kr)", Kr),
    ("Hittills i år avvikelse (kr)", Kr),
    ("Hittills i år avvikelse % av brutto", Number),
    ("Hittills i år underliggande (kr)", Kr),
    ("Hittills i år status", Text),
    ("Helår budget (kr)", Kr),
    ("Helår prognos (kr)", Kr),
    ("Helår avvikelse (kr)", Kr),
    ("Helår avvikelse % av brutto", Number),
    ("Helår status", Text),
    ("Prognos från", Text),
    ("Åtgärdsprogram senast", Text),
];

type Cell = Option<String>;

fn amount(a: Option<Amount>) -> Cell {
    a.map(Amount::to_canonical)
}

fn percent(p: Option<Percent>) -> Cell {
    p.map(|p| with_canonical(p.decimal(), str::to_owned))
}

fn text(t: &str) -> Cell {
    Some(t.to_string())
}

/// The month's or the year to date's budget, outcome, deviation and percent of gross cost.
fn span(f: &Figures, out: &mut Vec<Cell>) {
    out.push(amount(Some(f.budget)));
    out.push(amount(f.outcome));
    out.push(amount(f.deviation));
    out.push(percent(f.percent_of_gross_cost));
}

fn status(f: &Figures) -> Cell {
    match (f.status, f.outcome) {
        (Some(s), _) => text(status_word(s)),
        (None, None) => text(NO_OUTCOME),
        (None, Some(_)) => None,
    }
}

/// Every figure of a row or cost-type row; `due` is the unit's action programme month.
fn figures(period: &Figures, ytd: &Figures, year: &FullYear, due: Cell, out: &mut Vec<Cell>) {
    span(period, out);
    span(ytd, out);
    out.push(amount(ytd.underlying));
    out.push(status(ytd));
    out.push(amount(Some(year.budget)));
    out.push(amount(year.forecast));
    out.push(amount(year.deviation));
    out.push(percent(year.percent_of_gross_cost));
    out.push(year.status.and_then(|s| text(status_word(s))));
    out.push(year.forecast_month.map(|m| m.to_string()));
    out.push(due);
}

/// The report as a table: the columns (cost types only where the report has them) and a row
/// per unit, each followed by its cost-type rows. Amounts are canonical decimal strings.
pub fn table(report: &DeviationReport) -> ExportTable {
    let by_cost_type = report.rows.iter().any(|r| r.cost_types.is_some());
    let lead: &[(&str, ExportColumnKind)] = if by_cost_type { &COST_TYPE } else { &[] };
    let columns = HEAD
        .iter()
        .chain(lead)
        .chain(&FIGURES)
        .map(|&(heading, kind)| ExportColumn {
            heading: heading.into(),
            kind,
        })
        .collect();
    let mut rows = Vec::new();
    for row in &report.rows {
        let h = &row.head;
        let head = [
            Some(h.depth.to_string()),
            h.level.and_then(|l| text(level_word(l))),
            text(&h.unit),
            text(&h.name),
        ];
        let mut own = head.to_vec();
        if by_cost_type {
            own.extend([None, None]);
        }
        let due = row.escalation.as_ref().map(|e| e.due.to_string());
        figures(&row.period, &row.ytd, &row.full_year, due, &mut own);
        rows.push(own);
        for c in row.cost_types.iter().flatten() {
            let mut line = head.to_vec();
            line.push(c.cost_type.clone());
            line.push(text(c.name.as_deref().unwrap_or(NO_COST_TYPE)));
            figures(&c.period, &c.ytd, &c.full_year, None, &mut line);
            rows.push(line);
        }
    }
    ExportTable { columns, rows }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use crate::deviation::DeviationOptions;
    use crate::import::json;
    use crate::workspace::Workspace;

    fn workspace() -> Workspace {
        let v = json!({
            "schema": 1,
            "units": [
                { "id": "R", "name": "Region", "level": "region" },
                { "id": "=N", "name": "Nämnd; \"N\"", "parent": "R", "level": "committee" },
                { "id": "B", "name": "B", "parent": "R" }
            ],
            "costTypes": [{ "id": "4010", "name": "Löner", "kind": "cost" }],
            "budget": [
                { "unit": "=N", "costType": "4010", "year": 2025, "months": ["-1000.10", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0"] },
                { "unit": "B", "year": 2025, "months": ["200", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0"] }
            ],
            "outcome": [
                { "unit": "=N", "costType": "4010", "month": "2025-01", "amount": "-1234567.89" },
                { "unit": "B", "month": "2025-01", "amount": "200.01" }
            ]
        });
        let mut ws = Workspace::new();
        ws.import(json::read(|| &v).unwrap()).unwrap();
        ws
    }

    fn options(by_cost_type: bool) -> DeviationOptions {
        DeviationOptions {
            as_of: "2025-01".into(),
            by_cost_type,
            ..DeviationOptions::default()
        }
    }

    #[test]
    fn one_row_per_unit_in_tree_order_with_every_amount_to_the_ore() {
        let csv = workspace().deviation_csv(&options(false)).unwrap();
        let lines: Vec<&str> = csv
            .strip_prefix('\u{feff}')
            .unwrap()
            .split("\r\n")
            .collect();
        assert!(lines[0].starts_with("Djup;Nivå;Enhet;Namn;Månad budget (kr);Månad utfall (kr)"));
        assert_eq!(lines.len(), 5, "header, three units, and the last line end");
        // The region: −1 000,10 + 200 budget, −1 234 567,89 + 200,01 outcome.
        assert!(
            lines[1].starts_with("0;Region;R;Region;-800,1;-1234367,88;-1233567,78;"),
            "{}",
            lines[1]
        );
        // A unit id and name that a spreadsheet would run or split are neutralised and quoted.
        assert!(
            lines[2].starts_with("1;Nämnd;\"'=N\";\"Nämnd; \"\"N\"\"\";-1000,1;-1234567,89;"),
            "{}",
            lines[2]
        );
        assert!(
            lines[3].starts_with("1;;B;B;200;200,01;0,01;"),
            "{}",
            lines[3]
        );
        assert!(lines[2].contains(";Bevaka;"), "{}", lines[2]);
        assert_eq!(lines[4], "");
    }

    #[test]
    fn cost_types_follow_their_unit_when_asked_for() {
        let csv = workspace().deviation_csv(&options(true)).unwrap();
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert!(lines[0].contains("Namn;Kostnadsslag;Kostnadsslagets namn;Månad budget (kr)"));
        let n = lines
            .iter()
            .position(|l| l.starts_with("1;Nämnd;"))
            .unwrap();
        assert!(
            lines[n].starts_with("1;Nämnd;\"'=N\";\"Nämnd; \"\"N\"\"\";;;-1000,1;"),
            "{}",
            lines[n]
        );
        assert!(
            lines[n + 1].starts_with(
                "1;Nämnd;\"'=N\";\"Nämnd; \"\"N\"\"\";4010;Löner;-1000,1;-1234567,89;"
            ),
            "{}",
            lines[n + 1]
        );
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with("1;;B;B;;Utan kostnadsslag;200;200,01;")),
            "{csv}"
        );
    }

    #[test]
    fn the_table_says_which_columns_are_kronor_and_holds_them_as_decimal_strings() {
        use crate::export::table::ExportColumnKind;
        let table = workspace().deviation_table(&options(false)).unwrap();
        for c in &table.columns {
            let kronor = c.heading.ends_with("(kr)");
            assert_eq!(c.kind == ExportColumnKind::Amount, kronor, "{}", c.heading);
        }
        let outcome = table
            .columns
            .iter()
            .position(|c| c.heading == "Månad utfall (kr)")
            .unwrap();
        assert_eq!(table.rows[0][outcome].as_deref(), Some("-1234367.88"));
        assert_eq!(table.rows[0][0].as_deref(), Some("0"));
    }
}
