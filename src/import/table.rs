//! Tables (a CSV file or a pasted Excel range, already split into cells): the header row mapped
//! to fields, then every data row read into amounts in result sign, each fault located by line,
//! column and header.
//!
//! A table is long (a period column and amount columns: `budget`, `utfall`, `prognos`, `belopp`)
//! or wide (month columns `jan` … `dec` or `2025-01` …, holding the `measure` option). Not here:
//! decoding (`codepage.rs`) and splitting (see [`super::rows`]), or turning rows into a document
//! ([`super::assemble`]).

use std::borrow::Cow;

use super::assemble::{account_kind, Gathered, Part, ReadAmount};
use super::cells::{self, When};
use super::columns::{self, Column, Field, Figure};
use super::rows::{trim, Rows};
use super::{Settings, Sign};
use crate::chunk;
use crate::error::report::{ColumnUse, ImportReport, Location};
use crate::model::Kind;

/// Reads the rows (the first non-empty one is the header) into the amounts they hold.
pub fn read(mut rows: Rows<'_>, settings: &Settings, report: &mut ImportReport) -> Gathered {
    let mut g = Gathered::default();
    let mut cells = Vec::new();
    let header_line = loop {
        match rows.next_into(&mut cells) {
            Some(line) if !is_blank(&cells) => break line,
            Some(_) => {}
            None => {
                report.error(
                    "E_EMPTY",
                    Location::line(1),
                    "there is nothing to import: no header and no rows",
                    "a header row (e.g. Enhet;Konto;Period;Utfall) and data rows",
                );
                return g;
            }
        }
    };
    let Some(layout) = Layout::of(header_line, &cells, settings, report) else {
        return g;
    };
    let mut found = Vec::new();
    let before = report.rows.read;
    while layout.rows(&mut rows, &mut cells, settings, &mut found, &mut g, report) {}
    if report.rows.read == before {
        report.error(
            "E_EMPTY",
            Location::line(header_line),
            "there are no data rows under the header",
            "rows of data under the header",
        );
    }
    g
}

fn is_blank(cells: &[Cow<str>]) -> bool {
    cells.iter().all(|c| trim(c).is_empty())
}

/// An amount of a row read, by column, before the row is known to be free of faults.
struct Found {
    column: usize,
    measure: Figure,
    when: When,
    /// In öre.
    ore: i64,
}

/// The header understood: where each field is.
struct Layout {
    /// The column of each header cell, by position; `None` is ignored.
    columns: Vec<Option<Column>>,
    headers: Vec<String>,
    unit: usize,
    /// The column of each field read from one cell (see [`single`]), found once from the header.
    single: [Option<usize>; SINGLE],
}

/// The fields a row reads from one cell each, as indexes into [`Layout::single`].
const SINGLE: usize = 8;

fn single(field: Field) -> Option<usize> {
    Some(match field {
        Field::Unit => 0,
        Field::UnitName => 1,
        Field::CostType => 2,
        Field::CostTypeName => 3,
        Field::Kind => 4,
        Field::Period => 5,
        Field::Year => 6,
        Field::MeasureName => 7,
        Field::Amount(_) | Field::AnyAmount | Field::MonthColumn(..) => return None,
    })
}

impl Layout {
    /// Reads up to [`chunk::ROWS`] data rows, counting them in the report; false once the rows
    /// are all read. Out of line, so that it is called again (see [`chunk`]).
    #[inline(never)]
    fn rows<'t>(
        &self,
        rows: &mut Rows<'t>,
        cells: &mut Vec<Cow<'t, str>>,
        settings: &Settings,
        found: &mut Vec<Found>,
        g: &mut Gathered,
        report: &mut ImportReport,
    ) -> bool {
        for _ in 0..chunk::ROWS {
            let Some(line) = rows.next_into(cells) else {
                return false;
            };
            report.rows.read += 1;
            if is_blank(cells) {
                report.rows.skipped += 1;
                continue;
            }
            let errors_before = report.errors.len();
            found.clear();
            self.row(line, cells, settings, found, g, report);
            if report.errors.len() > errors_before {
                report.rows.rejected += 1;
            } else if found.is_empty() {
                report.rows.skipped += 1;
            } else {
                report.rows.accepted += 1;
            }
        }
        true
    }

    fn of(
        line: usize,
        header: &[Cow<str>],
        settings: &Settings,
        report: &mut ImportReport,
    ) -> Option<Layout> {
        let columns: Vec<Option<Column>> = header.iter().map(|h| columns::column(h)).collect();
        let at = |i: usize| Location::line(line).cell(i + 1, header[i].trim());
        report.columns = header
            .iter()
            .zip(&columns)
            .map(|(h, c)| ColumnUse {
                header: h.trim().to_string(),
                field: c.map_or("ignored".into(), |c| c.field.name()),
            })
            .collect();
        let mut ok = true;
        for (i, c) in columns.iter().enumerate() {
            let Some(c) = c else { continue };
            if let Some(first) = columns[..i]
                .iter()
                .position(|d| d.is_some_and(|d| d.field == c.field))
            {
                report.error(
                    "E_CSV_HEADER",
                    at(i),
                    format!(
                        "the column {:?} is read as {}, like column {} ({:?})",
                        header[i].trim(),
                        c.field.name(),
                        first + 1,
                        header[first].trim()
                    ),
                    "each field in one column only",
                );
                ok = false;
            }
        }
        let has = |f: &dyn Fn(Field) -> bool| columns.iter().flatten().any(|c| f(c.field));
        let Some(unit) = columns
            .iter()
            .position(|c| c.is_some_and(|c| c.field == Field::Unit))
        else {
            let found = columns.iter().flatten().count();
            let message = if found == 0 {
                let cell = header
                    .iter()
                    .map(|h| h.trim())
                    .collect::<Vec<_>>()
                    .join("|");
                format!("no column header was recognised in {cell:?}; is the delimiter right?")
            } else {
                "there is no unit column".to_string()
            };
            report.error(
                "E_CSV_HEADER",
                Location::line(line),
                message,
                "a header row with a unit column (Enhet, Ansvar, Kostnadsställe, Unit) and amount columns (Budget, Utfall, Prognos, Belopp, or months Jan … Dec), separated by ; , or tab",
            );
            return None;
        };
        let amounts = has(&|f| {
            matches!(
                f,
                Field::Amount(_) | Field::AnyAmount | Field::MonthColumn(..)
            )
        });
        if !amounts {
            report.error(
                "E_CSV_HEADER",
                Location::line(line),
                "there is no amount column",
                "an amount column: Budget, Utfall, Prognos, Belopp, or months Jan … Dec",
            );
            ok = false;
        }
        let needs_year = has(&|f| matches!(f, Field::MonthColumn(None, _)));
        if needs_year && settings.year.is_none() && !has(&|f| f == Field::Year) {
            report.error(
                "E_CSV_HEADER",
                Location::line(line),
                "month columns without a year need a year column or the year option",
                "a year column (År, Year), the year option, or headers such as 2025-01",
            );
            ok = false;
        }
        let long = has(&|f| matches!(f, Field::Amount(_) | Field::AnyAmount));
        let dated = has(&|f| matches!(f, Field::Period | Field::Year)) || settings.year.is_some();
        if long && !dated {
            report.error(
                "E_CSV_HEADER",
                Location::line(line),
                "amount columns need a period column (Period, Månad) or a year",
                "a period column, a year column, or the year option (budgets by year)",
            );
            ok = false;
        }
        if settings.sign == Sign::Magnitude {
            report.sign = if has(&|f| f == Field::Kind) {
                "magnitude-by-column"
            } else {
                "magnitude-by-account"
            };
        } else if settings.sign == Sign::Ledger {
            report.sign = "ledger";
        }
        let mut single_at = [None; SINGLE];
        for (i, c) in columns.iter().enumerate().rev() {
            if let Some(slot) = c.and_then(|c| single(c.field)) {
                single_at[slot] = Some(i);
            }
        }
        ok.then(|| Layout {
            single: single_at,
            columns,
            headers: header.iter().map(|h| h.trim().to_string()).collect(),
            unit,
        })
    }

    /// The cell of `field` in `cells`, trimmed, with its 0-based column.
    fn cell<'a>(&self, cells: &'a [Cow<str>], field: Field) -> Option<(usize, &'a str)> {
        let i = self.single[single(field)?]?;
        cells
            .get(i)
            .map(|c| (i, trim(c)))
            .filter(|(_, c)| !c.is_empty())
    }

    /// Reads one data row's amounts into `found` and, when the row has no fault, into `g`;
    /// faults go into `report`.
    fn row(
        &self,
        line: usize,
        cells: &[Cow<str>],
        settings: &Settings,
        found: &mut Vec<Found>,
        g: &mut Gathered,
        report: &mut ImportReport,
    ) {
        let errors_before = report.errors.len();
        let at = |i: usize| {
            let header = self.headers.get(i).map_or(String::new(), |h| h.clone());
            Location::line(line).cell(i + 1, header)
        };
        // Only a quoted cell can hold a line break, and only a quoted cell is owned.
        let broken = |c: &Cow<str>| matches!(c, Cow::Owned(c) if c.contains(['\n', '\r']));
        if let Some(i) = cells.iter().position(broken) {
            report.error(
                "E_CSV_QUOTE",
                at(i),
                "a quoted cell runs over a line break: a quote is probably not closed",
                "quotes in pairs around a cell (\"Vård, omsorg\"), a quote inside written twice",
            );
            return;
        }
        if let Some(extra) =
            (self.columns.len()..cells.len()).find(|&i| !cells[i].trim().is_empty())
        {
            report.error(
                "E_CSV_FIELDS",
                Location::line(line).cell(extra + 1, ""),
                format!(
                    "the row has {} cells but the header only {}; a decimal comma in a comma-separated file?",
                    cells.len(),
                    self.columns.len()
                ),
                "as many cells as the header has columns (quote amounts with a decimal comma, or use ;)",
            );
            return;
        }
        let Some(unit) = cells
            .get(self.unit)
            .map(|c| trim(c))
            .filter(|c| !c.is_empty())
        else {
            report.error(
                "E_MISSING_UNIT",
                at(self.unit),
                "the unit cell is empty",
                "a unit id",
            );
            return;
        };
        if let Some((_, name)) = self.cell(cells, Field::UnitName) {
            if !g.unit_names.contains_key(unit) {
                g.unit_names.insert(unit.to_string(), name.to_string());
            }
        }
        let cost_type_cell = self.cell(cells, Field::CostType);
        let cost_type_column = cost_type_cell.map(|(i, _)| i);
        let cost_type = cost_type_cell.map(|(_, c)| c);
        let kind = match self.cell(cells, Field::Kind) {
            Some((i, text)) => match kind(text) {
                Some(k) => Some(k),
                None => {
                    report.error(
                        "E_KIND",
                        at(i),
                        format!("cannot read {text:?} as revenue or cost"),
                        "intäkt or kostnad (revenue or cost)",
                    );
                    return;
                }
            },
            None => None,
        };
        let type_name = self.cell(cells, Field::CostTypeName).map(|(_, name)| name);
        if let Some(ct) = cost_type.filter(|_| type_name.is_some() || kind.is_some()) {
            g.describe_cost_type(ct, type_name, kind);
        }
        let year = match self.cell(cells, Field::Year) {
            Some((i, text)) => match text
                .parse::<i32>()
                .ok()
                .filter(|y| (1900..=2199).contains(y))
            {
                Some(y) => Some(y),
                None => {
                    report.error(
                        "E_PARSE_YEAR",
                        at(i),
                        format!("cannot read the year {text:?}"),
                        "a year such as 2025",
                    );
                    return;
                }
            },
            None => settings.year,
        };
        let period = match self.cell(cells, Field::Period) {
            Some((i, text)) => match cells::period(text, year) {
                Ok(p) => Some((i, p)),
                Err(e) => return report.error(e.code, at(i), e.message, e.expected),
            },
            None => None,
        };
        let measure = match self.cell(cells, Field::MeasureName) {
            Some((i, text)) => match Figure::parse(text) {
                Some(m) => m,
                None => {
                    report.error(
                        "E_MEASURE",
                        at(i),
                        format!("cannot read {text:?} as a measure"),
                        "budget, utfall (outcome) or prognos (forecast)",
                    );
                    return;
                }
            },
            None => settings.figure,
        };
        // Magnitudes take their sign from the row's kind, or its account number.
        let row_kind = match settings.sign {
            Sign::Magnitude => kind.or_else(|| cost_type.and_then(|c| account_kind(c, settings))),
            Sign::Result | Sign::Ledger => None,
        };
        if settings.sign == Sign::Magnitude && row_kind.is_none() {
            report.error(
                "E_SIGN_KIND",
                at(self.unit),
                "amounts are magnitudes, but nothing says whether this row is revenue or cost",
                "a kind column (intäkt/kostnad), or a cost type whose account number is in revenueAccounts or costAccounts",
            );
            return;
        }
        for (i, column) in self.columns.iter().enumerate() {
            let Some(column) = column else { continue };
            let (measure, when) = match column.field {
                Field::Amount(m) => (m, period.map(|p| p.1)),
                Field::AnyAmount => (measure, period.map(|p| p.1)),
                Field::MonthColumn(y, m) => {
                    let y = y.or(year);
                    (
                        measure,
                        y.and_then(|y| crate::calendar::Month::new(y, m).ok())
                            .map(When::Month),
                    )
                }
                _ => continue,
            };
            let Some(text) = cells.get(i).map(|c| trim(c)).filter(|c| !c.is_empty()) else {
                continue;
            };
            let value = match cells::amount(text, column.scale) {
                Ok((None, _)) => continue,
                Ok((Some(v), ambiguous)) => {
                    if let Some(w) = ambiguous {
                        report.warn("W_AMBIGUOUS_AMOUNT", at(i), w);
                    }
                    v
                }
                Err(e) => {
                    report.error(e.code, at(i), e.message, e.expected);
                    continue;
                }
            };
            let when = match (measure, when.or(year.map(When::Year))) {
                (_, None) => {
                    report.error(
                        "E_PARSE_MONTH",
                        at(i),
                        "the row has no period",
                        cells::PERIOD_EXPECTED,
                    );
                    continue;
                }
                (Figure::Outcome | Figure::Forecast, Some(When::Year(y))) => {
                    report.error(
                        "E_PARSE_MONTH",
                        at(i),
                        format!(
                            "{} needs a month, but the row only says the year {y}",
                            measure.name()
                        ),
                        "a period with a month, such as 2025-03",
                    );
                    continue;
                }
                (_, Some(w)) => w,
            };
            let year_of = match when {
                When::Month(m) => m.year(),
                When::Year(y) => y,
            };
            if let Some(y) = settings.year.filter(|&y| y != year_of) {
                let place = period.map_or(i, |p| p.0);
                report.error(
                    "E_PERIOD_OUTSIDE_YEAR",
                    at(place),
                    format!(
                        "the period is in {year_of}, outside the year {y} given in the options"
                    ),
                    "periods of the year option",
                );
                continue;
            }
            let value = match settings.sign {
                Sign::Result => value,
                Sign::Magnitude if row_kind == Some(Kind::Revenue) => value,
                Sign::Ledger | Sign::Magnitude => -value,
            };
            found.push(Found {
                column: i,
                measure,
                when,
                ore: value,
            });
        }
        if report.errors.len() > errors_before {
            return;
        }
        for f in found.iter() {
            let entry = ReadAmount {
                unit,
                cost_type,
                figure: f.measure,
                when: f.when,
                ore: f.ore,
                line,
            };
            let column = |part| match part {
                Part::Unit => self.unit,
                Part::CostType => cost_type_column.unwrap_or(f.column),
                Part::Amount => f.column,
            };
            g.add(entry, |part| at(column(part)), report);
        }
    }
}

/// A kind cell: intäkt/revenue or kostnad/cost, and their short forms.
fn kind(text: &str) -> Option<Kind> {
    match columns::normalise(text).as_str() {
        "intäkt" | "intäkter" | "int" | "i" | "revenue" | "income" | "r" => Some(Kind::Revenue),
        "kostnad" | "kostnader" | "kost" | "k" | "cost" | "expense" | "c" => Some(Kind::Cost),
        _ => None,
    }
}
