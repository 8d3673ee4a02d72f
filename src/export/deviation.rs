//! The deviation table as a file for the committee's secretary (`exportDeviationCsv`): one row
//! per unit in tree order (parents before children), after each unit its cost types when the
//! options ask for them; every amount in kronor to the öre as a number, statuses and levels in
//! Swedish words, headers as the deviation view names its columns (www/lib/text.js), with
//! "(kr)" on the amounts.
//!
//! The whole report of the subtree is written, whatever the view shows: the file is the
//! committee's table, not a copy of the screen (its sorting, status filter and display unit).
//!
//! Not here: the figures (the deviation engine computes them; nothing is added or rounded here)
//! or how a cell is written ([`super::csv`]).

use crate::deviation::{DeviationReport, Figures, FullYear, Status};
use crate::model::Level;
use crate::num::money::Amount;

use super::csv::{Cell, Csv};

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

const HEAD: [&str; 4] = ["Djup", "Nivå", "Enhet", "Namn"];
const COST_TYPE: [&str; 2] = ["Kostnadsslag", "Kostnadsslagets namn"];
const FIGURES: [&str; 17] = [
    "Månad budget (kr)",
    "Månad utfall (kr)",
    "Månad avvikelse (kr)",
    "Månad avvikelse % av brutto",
    "Hittills i år budget (kr)",
    "Hittills i år utfall (kr)",
    "Hittills i år avvikelse (kr)",
    "Hittills i år avvikelse % av brutto",
    "Hittills i år underliggande (kr)",
    "Hittills i år status",
    "Helår budget (kr)",
    "Helår prognos (kr)",
    "Helår avvikelse (kr)",
    "Helår avvikelse % av brutto",
    "Helår status",
    "Prognos från",
    "Åtgärdsprogram senast",
];

fn amount(a: Option<Amount>) -> Cell {
    Cell::number(a.map(Amount::decimal))
}

/// The month's or the year to date's budget, outcome, deviation and percent of gross cost.
fn span(f: &Figures, out: &mut Vec<Cell>) {
    out.push(amount(Some(f.budget)));
    out.push(amount(f.outcome));
    out.push(amount(f.deviation));
    out.push(Cell::number(f.percent_of_gross_cost.map(|p| p.decimal())));
}

fn status(f: &Figures) -> Cell {
    match (f.status, f.outcome) {
        (Some(s), _) => Cell::text(status_word(s)),
        (None, None) => Cell::text(NO_OUTCOME),
        (None, Some(_)) => Cell::Empty,
    }
}

/// Every figure of a row or cost-type row; `due` is the unit's action programme month.
fn figures(period: &Figures, ytd: &Figures, year: &FullYear, due: Option<String>) -> Vec<Cell> {
    let mut out = Vec::with_capacity(FIGURES.len());
    span(period, &mut out);
    span(ytd, &mut out);
    out.push(amount(ytd.underlying));
    out.push(status(ytd));
    out.push(amount(Some(year.budget)));
    out.push(amount(year.forecast));
    out.push(amount(year.deviation));
    out.push(Cell::number(
        year.percent_of_gross_cost.map(|p| p.decimal()),
    ));
    out.push(
        year.status
            .map_or(Cell::Empty, |s| Cell::text(status_word(s))),
    );
    out.push(
        year.forecast_month
            .map_or(Cell::Empty, |m| Cell::text(m.to_string())),
    );
    out.push(due.map_or(Cell::Empty, Cell::Text));
    out
}

/// The report as CSV for Excel in Swedish ([`super::csv`]).
pub fn to_csv(report: &DeviationReport) -> String {
    let by_cost_type = report.rows.iter().any(|r| r.cost_types.is_some());
    let mut csv = Csv::new();
    let mut header: Vec<&str> = HEAD.to_vec();
    if by_cost_type {
        header.extend(COST_TYPE);
    }
    header.extend(FIGURES);
    csv.header(&header);
    for row in &report.rows {
        let h = &row.head;
        let head = [
            Cell::Number(h.depth.into()),
            h.level.map_or(Cell::Empty, |l| Cell::text(level_word(l))),
            Cell::text(&h.unit),
            Cell::text(&h.name),
        ];
        let due = row.escalation.as_ref().map(|e| e.due.to_string());
        let no_cost_type = [Cell::Empty, Cell::Empty];
        let own = figures(&row.period, &row.ytd, &row.full_year, due);
        let lead: &[Cell] = if by_cost_type { &no_cost_type } else { &[] };
        csv.row(head.iter().chain(lead).chain(&own));
        for c in row.cost_types.iter().flatten() {
            let named = [
                c.cost_type.clone().map_or(Cell::Empty, Cell::Text),
                Cell::text(c.name.as_deref().unwrap_or(NO_COST_TYPE)),
            ];
            let own = figures(&c.period, &c.ytd, &c.full_year, None);
            csv.row(head.iter().chain(&named).chain(&own));
        }
    }
    csv.finish()
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
}
