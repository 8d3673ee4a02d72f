//! The grants register (statsbidrag), read into [`Grant`]s: one row per grant and year.
//!
//! Only what this table's cells mean; the BOM, separator, cells and header names are
//! [`super`]'s, the grants report is the grants engine's (`grants/`). Unlike the other registers,
//! this one refuses a column it does not know or one given twice: a misspelt "Finansierade
//! kostnader" would otherwise leave every grant's result effect at its full amount. The names are
//! in `docs/schema-v1.md`. Cost columns may be written as magnitudes or negative: they are read as
//! costs (result sign −).

use rust_decimal::Decimal;

use super::{name, Known, Place, Row, Table};
use crate::calendar::{Month, YEARS};
use crate::error::{Error, Result};
use crate::model::{AllocationKey, Certainty, Grant, GrantKind, KeyBasis, KeyPart};
use crate::num::money::Amount;
use crate::num::weight::Weight;

/// The columns, each with its Swedish names (first) and English ones.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Column {
    Id,
    Name,
    Kind,
    Unit,
    Year,
    Amount,
    FinancedCosts,
    Recognised,
    FinancedToDate,
    AsOf,
    Certainty,
    Probability,
    ConditionsMet,
    LastYear,
    RemainingCosts,
    BudgetedEffect,
    KeyBasis,
    Key,
}

const COLUMNS: &Known<Column> = &[
    (Column::Id, &["id", "bidrags-id", "kod"]),
    (Column::Name, &["namn", "bidrag", "name"]),
    (Column::Kind, &["typ", "kind"]),
    (Column::Unit, &["enhet", "ansvar", "unit"]),
    (Column::Year, &["år", "year"]),
    (Column::Amount, &["belopp", "förväntat belopp", "amount"]),
    (
        Column::FinancedCosts,
        &["finansierade kostnader", "financed costs"],
    ),
    (Column::Recognised, &["intäktsfört hittills", "recognised"]),
    (
        Column::FinancedToDate,
        &["kostnader hittills", "financed to date"],
    ),
    (Column::AsOf, &["per", "as of"]),
    (Column::Certainty, &["säkerhet", "certainty"]),
    (Column::Probability, &["sannolikhet", "probability"]),
    (
        Column::ConditionsMet,
        &["villkor uppfyllda", "conditions met"],
    ),
    (Column::LastYear, &["sista år", "last year"]),
    (
        Column::RemainingCosts,
        &["kvarstående kostnader", "remaining costs"],
    ),
    (
        Column::BudgetedEffect,
        &["budgeterad effekt", "budgeted effect"],
    ),
    (Column::KeyBasis, &["fördelas efter", "allocate by"]),
    (Column::Key, &["fördelning", "allocation"]),
];

const REQUIRED: [Column; 6] = [
    Column::Name,
    Column::Kind,
    Column::Unit,
    Column::Year,
    Column::Amount,
    Column::Certainty,
];

fn schema(reason: impl Into<String>) -> Error {
    Error::Schema {
        reason: reason.into(),
    }
}

/// Reads a pasted or CSV grants table. Errors name the line (1 is the header) and column:
/// `line 2, column 5 (Belopp)`, or the line alone for a fault of the row.
pub fn read(text: &str) -> Result<Vec<Grant>> {
    let mut table = Table::read(text, COLUMNS)?;
    if let Some((at, name)) = table.header.unknown() {
        return Err(schema(format!("unknown column {name:?}")).at(at.to_string()));
    }
    let header = Place::line(table.header.line).to_string();
    if let Some((_, name)) = table.header.repeated() {
        return Err(schema(format!("the column {name:?} is given twice")).at(header));
    }
    for required in REQUIRED {
        if !table.header.has(required) {
            let reason = format!("the column {:?} is missing", alias(required));
            return Err(schema(reason).at(header));
        }
    }
    let mut grants = Vec::new();
    while let Some(row) = table.next_row() {
        let grant = grant(&row).map_err(|(c, e)| {
            let at = c.map_or(Place::line(row.line), |c| row.place(c));
            e.at(at.to_string())
        })?;
        grants.push(grant);
    }
    Ok(grants)
}

/// An error with the column at fault, where there is one.
type Located = (Option<Column>, Error);

/// The optional columns, set one by one on a grant read from the required ones.
const OPTIONAL: [Column; 11] = [
    Column::FinancedCosts,
    Column::Recognised,
    Column::FinancedToDate,
    Column::AsOf,
    Column::Probability,
    Column::ConditionsMet,
    Column::LastYear,
    Column::RemainingCosts,
    Column::BudgetedEffect,
    Column::KeyBasis,
    Column::Key,
];

/// One data row as a grant.
fn grant(row: &Row<Column>) -> Result<Grant, Located> {
    let name = need(row, Column::Name)?;
    let mut g = Grant {
        id: row.get(Column::Id).unwrap_or(name).to_string(),
        name: name.to_string(),
        kind: read_cell(row, Column::Kind, read_kind)?,
        unit: need(row, Column::Unit)?.to_string(),
        year: read_cell(row, Column::Year, read_year)?,
        amount: read_cell(row, Column::Amount, Amount::parse_ore)?,
        financed_costs: Amount::ZERO,
        recognised: None,
        financed_to_date: None,
        as_of: None,
        certainty: read_cell(row, Column::Certainty, read_certainty)?,
        probability: None,
        conditions_met: true,
        last_year: None,
        remaining_costs: Amount::ZERO,
        budgeted_effect: Amount::ZERO,
        allocation: None,
    };
    let mut key = None;
    for column in OPTIONAL {
        if let Some(text) = row.get(column) {
            set(&mut g, &mut key, column, text).map_err(|e| (Some(column), e))?;
        }
    }
    g.allocation = match (key, row.get(Column::KeyBasis)) {
        (None, None) => None,
        (Some(units), Some(basis)) => {
            let by = read_basis(basis).map_err(|e| (Some(Column::KeyBasis), e))?;
            Some(AllocationKey { by, units })
        }
        (None, Some(_)) => {
            return Err((
                None,
                schema(format!("the {} cell is empty", alias(Column::Key))),
            ))
        }
        (Some(_), None) => {
            return Err((
                None,
                schema(format!("the {} cell is empty", alias(Column::KeyBasis))),
            ))
        }
    };
    Ok(g)
}

/// A required cell's text; its emptiness is the row's fault (the line alone is named).
fn need<'t>(row: &Row<'t, Column>, want: Column) -> Result<&'t str, Located> {
    row.get(want)
        .ok_or_else(|| (None, schema(format!("the {} cell is empty", alias(want)))))
}

/// A required cell, read by `f`.
fn read_cell<T>(
    row: &Row<Column>,
    want: Column,
    f: impl Fn(&str) -> Result<T>,
) -> Result<T, Located> {
    f(need(row, want)?).map_err(|e| (Some(want), e))
}

/// Sets one optional cell on `g`; an allocation key goes to `key` until its basis is known.
fn set(g: &mut Grant, key: &mut Option<Vec<KeyPart>>, column: Column, text: &str) -> Result<()> {
    let cost = |text: &str| Amount::parse_ore(text).map(|a| -a.abs());
    match column {
        Column::FinancedCosts => g.financed_costs = cost(text)?,
        Column::Recognised => g.recognised = Some(Amount::parse_ore(text)?),
        Column::FinancedToDate => g.financed_to_date = Some(cost(text)?),
        Column::AsOf => g.as_of = Some(Month::parse(text)?),
        Column::Probability => g.probability = Some(read_probability(text)?),
        Column::ConditionsMet => g.conditions_met = read_yes_no(text)?,
        Column::LastYear => g.last_year = Some(read_year(text)?),
        Column::RemainingCosts => g.remaining_costs = cost(text)?,
        Column::BudgetedEffect => g.budgeted_effect = Amount::parse_ore(text)?,
        Column::Key => *key = Some(read_key(text)?),
        // The basis is read with the key; the required columns were read already.
        _ => {}
    }
    Ok(())
}

/// The first (Swedish) name of a column.
fn alias(column: Column) -> &'static str {
    name(COLUMNS, column)
}

fn choice<T: Copy>(text: &str, options: &[(&[&str], T)], what: &str) -> Result<T> {
    let wanted = text.trim().to_lowercase();
    options
        .iter()
        .find(|(names, _)| names.contains(&wanted.as_str()))
        .map(|(_, value)| *value)
        .ok_or_else(|| {
            let known: Vec<&str> = options.iter().map(|(names, _)| names[0]).collect();
            schema(format!(
                "unknown {what} {text:?}; expected one of {}",
                known.join(", ")
            ))
        })
}

fn read_kind(text: &str) -> Result<GrantKind> {
    choice(
        text,
        &[
            (
                &["riktat", "riktat statsbidrag", "targeted"],
                GrantKind::Targeted,
            ),
            (
                &["prestationsbaserat", "prestation", "performance"],
                GrantKind::Performance,
            ),
            (
                &["generellt", "generellt statsbidrag", "general"],
                GrantKind::General,
            ),
            (&["sektorsbidrag", "sektor", "sector"], GrantKind::Sector),
        ],
        "kind",
    )
}

fn read_certainty(text: &str) -> Result<Certainty> {
    choice(
        text,
        &[
            (&["beslutat", "decided"], Certainty::Decided),
            (&["aviserat", "announced"], Certainty::Announced),
            (&["villkorat", "conditional"], Certainty::Conditional),
            (&["osäkert", "uncertain"], Certainty::Uncertain),
        ],
        "certainty",
    )
}

fn read_basis(text: &str) -> Result<KeyBasis> {
    choice(
        text,
        &[
            (&["andelar", "andel", "shares"], KeyBasis::Shares),
            (&["volymer", "volym", "volumes"], KeyBasis::Volumes),
            (&["kostnad", "kostnader", "cost"], KeyBasis::Cost),
        ],
        "allocation basis",
    )
}

fn read_yes_no(text: &str) -> Result<bool> {
    choice(
        text,
        &[(&["ja", "yes", "x"], true), (&["nej", "no"], false)],
        "answer",
    )
}

fn read_year(text: &str) -> Result<i32> {
    text.trim()
        .parse::<i32>()
        .ok()
        .filter(|y| YEARS.contains(y))
        .ok_or_else(|| schema(format!("cannot read the year {text:?}")))
}

/// A decimal with comma or point: "0,6", "12.5".
fn read_decimal(text: &str) -> Option<Decimal> {
    text.trim().replace(',', ".").parse::<Decimal>().ok()
}

/// "60 %" or "0,6", from 0 to 1.
fn read_probability(text: &str) -> Result<Weight> {
    let (number, percent) = match text.trim().strip_suffix('%') {
        Some(n) => (n, true),
        None => (text, false),
    };
    read_decimal(number)
        .map(|d| if percent { d / Decimal::ONE_HUNDRED } else { d })
        .filter(|p| *p >= Decimal::ZERO && *p <= Decimal::ONE)
        .map(Weight)
        .ok_or_else(|| {
            schema(format!(
                "cannot read the probability {text:?}; write 60 % or 0,6"
            ))
        })
}

/// "HSN-SJ:60 HSN-PV:25,5" (shares or volumes) or "HSN-SJ HSN-PV" (cost), separated by spaces.
fn read_key(text: &str) -> Result<Vec<KeyPart>> {
    text.split_whitespace()
        .map(|item| match item.rsplit_once(':') {
            Some((unit, weight)) => read_decimal(weight)
                .map(|w| KeyPart {
                    unit: unit.to_string(),
                    weight: Some(Weight(w)),
                })
                .ok_or_else(|| schema(format!("cannot read the weight in {item:?}"))),
            None => Ok(KeyPart {
                unit: item.to_string(),
                weight: None,
            }),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_pasted_excel_range_with_swedish_headers() {
        let text = "Namn\tTyp\tEnhet\tÅr\tBelopp\tFinansierade kostnader\tIntäktsfört hittills\t\
Kostnader hittills\tPer\tSäkerhet\tSannolikhet\tVillkor uppfyllda\tSista år\t\
Kvarstående kostnader\tFördelas efter\tFördelning\n\
Tillgänglighet och vårdkapacitet\tRiktat\tHSN\t2025\t173 000 000\t58 000 000\t173 000 000\t\
58 000 000\t2025-08\tBeslutat\t\tja\t2025\t40 000 000\tandelar\tHSN-SJ:60 HSN-PV:25,5\n\
Kvinnors hälsa\tprestationsbaserat\tHSN\t2025\t12 mnkr\t\t\t\t\tvillkorat\t60 %\tnej\t2026\t\t\t\n";
        let grants = read(text).unwrap();
        assert_eq!(grants.len(), 2);
        let g = &grants[0];
        assert_eq!(
            (g.id.as_str(), g.kind, g.year),
            (
                "Tillgänglighet och vårdkapacitet",
                GrantKind::Targeted,
                2025
            )
        );
        assert_eq!(
            g.financed_costs.to_canonical(),
            "-58000000",
            "a cost magnitude is read as a cost"
        );
        assert_eq!(g.remaining_costs.to_canonical(), "-40000000");
        assert_eq!(g.as_of, Some(Month::parse("2025-08").unwrap()));
        let key = g.allocation.as_ref().unwrap();
        assert_eq!(key.by, KeyBasis::Shares);
        assert_eq!(key.units[1].weight, Some(Weight(Decimal::new(255, 1))));
        let h = &grants[1];
        assert_eq!(
            (h.certainty, h.conditions_met, h.last_year),
            (Certainty::Conditional, false, Some(2026))
        );
        assert_eq!(h.probability, Some(Weight(Decimal::new(6, 1))));
        assert_eq!(h.amount.to_canonical(), "12000000");
    }

    #[test]
    fn reads_semicolon_csv_with_a_bom_and_quotes() {
        let text = "\u{feff}Id;Namn;Typ;Enhet;År;Belopp;Säkerhet\r\nG1;\"Psykisk hälsa; suicid\";riktat;HSN;2025;\"15 000 000,50\";aviserat\r\n";
        let grants = read(text).unwrap();
        assert_eq!(grants[0].id, "G1");
        assert_eq!(grants[0].name, "Psykisk hälsa; suicid");
        assert_eq!(grants[0].amount.to_canonical(), "15000000.5");
    }

    #[test]
    fn errors_name_the_line_and_column() {
        let e = read("Namn;Typ;Enhet;År;Belopp;Säkerhet\nA;riktat;HSN;2025;12 apor;beslutat\n")
            .unwrap_err();
        assert_eq!(
            (e.code(), e.field()),
            ("E_PARSE_AMOUNT", Some("line 2, column 5 (Belopp)"))
        );
        // An amount finer than an öre is refused here as in every table and document.
        let e = read("Namn;Typ;Enhet;År;Belopp;Säkerhet\nA;riktat;HSN;2025;1000,005;beslutat\n")
            .unwrap_err();
        assert_eq!(
            (e.code(), e.field()),
            ("E_PARSE_AMOUNT", Some("line 2, column 5 (Belopp)"))
        );
        assert!(e.to_string().contains("finer than an öre"), "{e}");
        let e =
            read("Namn;Typ;Enhet;År;Belopp;Säkerhet\nA;bidrag;HSN;2025;1;beslutat\n").unwrap_err();
        assert_eq!(e.field(), Some("line 2, column 2 (Typ)"));
        assert!(e.to_string().contains("riktat"), "{e}");
        let e = read("Namn;Typ;Enhet;År;Belopp\n").unwrap_err();
        assert_eq!(e.field(), Some("line 1"));
        assert!(e.to_string().contains("säkerhet"), "{e}");
        let e = read("Namn;Typ;Färg\n").unwrap_err();
        assert_eq!(e.field(), Some("line 1, column 3"));
        let e =
            read("Namn;Typ;Enhet;År;Belopp;Säkerhet\n;riktat;HSN;2025;1;beslutat\n").unwrap_err();
        assert_eq!((e.code(), e.field()), ("E_SCHEMA", Some("line 2")));
        let e = read(
            "Namn;Typ;Enhet;År;Belopp;Säkerhet;Sannolikhet\nA;riktat;HSN;2025;1;villkorat;160 %\n",
        )
        .unwrap_err();
        assert_eq!(e.field(), Some("line 2, column 7 (Sannolikhet)"));
        let e = read("Namn;Typ;Enhet;År;Belopp;Säkerhet;namn\n").unwrap_err();
        assert_eq!(e.field(), Some("line 1"));
    }

    #[test]
    fn quoted_cells_are_read_the_csv_way() {
        let text = "Namn,Typ,Enhet,År,Belopp,Säkerhet\n\"Vård \"\"nära\"\", hälsa\",riktat,HSN,2025,\"1 500,5\",beslutat\n";
        let g = &read(text).unwrap()[0];
        assert_eq!(g.name, "Vård \"nära\", hälsa");
        assert_eq!(g.amount.to_canonical(), "1500.5");
        // A quote opens a cell only at its start (before, one after spaces did too).
        let text = "Namn;Typ;Enhet;År;Belopp;Säkerhet\n 5\" skärmar;riktat;HSN;2025;1;beslutat\n";
        assert_eq!(read(text).unwrap()[0].name, "5\" skärmar");
    }
}
