//! Column headers (kolumnrubriker) of CSV files and pasted Excel ranges, Swedish or English,
//! mapped to the fields the importers read. The accepted names are listed in README.md
//! ("Importing files"); matching ignores case, surrounding space and a trailing colon, and a
//! unit in parentheses or after the name (`Utfall (tkr)`, `Budget mnkr`) scales the column.
//!
//! Not here: reading the cells (`cells.rs`) or the rows (`table.rs`), which use these names.

use crate::calendar::Month;
use crate::num::money::DisplayUnit;

/// Which figure an amount is (budget, outcome or forecast): what an amount column or a month
/// column holds. The JavaScript option that chooses it is called `measure`, as in docs/import.md.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Figure {
    /// budget
    Budget,
    /// utfall
    Outcome,
    /// prognos (helårsprognos), stamped with the month it was made
    Forecast,
}

impl Figure {
    pub fn name(self) -> &'static str {
        match self {
            Figure::Budget => "budget",
            Figure::Outcome => "outcome",
            Figure::Forecast => "forecast",
        }
    }

    /// Reads a `measure` option or cell: English or Swedish.
    pub fn parse(text: &str) -> Option<Figure> {
        match normalise(text).as_str() {
            "budget" => Some(Figure::Budget),
            "outcome" | "utfall" | "actual" | "actuals" => Some(Figure::Outcome),
            "forecast" | "prognos" | "helårsprognos" => Some(Figure::Forecast),
            _ => None,
        }
    }
}

/// The field a column is read as.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    /// enhet, ansvar, kostnadsställe: the unit's id
    Unit,
    /// the unit's name, used when the import creates the unit
    UnitName,
    /// konto, kostnadsslag: the cost type's id
    CostType,
    CostTypeName,
    /// intäkt or kostnad, for magnitudes
    Kind,
    /// period, månad: `YYYY-MM`, `YYYYMM`, a date, a year or a month number
    Period,
    /// år
    Year,
    /// which measure the `amount` column holds, per row
    MeasureName,
    /// an amount of one measure
    Amount(Figure),
    /// belopp: an amount of the measure in the `measure` option or column
    AnyAmount,
    /// a month column (jan … dec, or `2025-03`), of the year given or of the `year` option
    MonthColumn(Option<i32>, u32),
}

impl Field {
    /// The field's name in the import report.
    pub fn name(self) -> String {
        match self {
            Field::Unit => "unit".into(),
            Field::UnitName => "unitName".into(),
            Field::CostType => "costType".into(),
            Field::CostTypeName => "costTypeName".into(),
            Field::Kind => "kind".into(),
            Field::Period => "period".into(),
            Field::Year => "year".into(),
            Field::MeasureName => "measure".into(),
            Field::Amount(m) => m.name().into(),
            Field::AnyAmount => "amount".into(),
            Field::MonthColumn(Some(y), m) => format!("month:{y}-{m:02}"),
            Field::MonthColumn(None, m) => format!("month:{m}"),
        }
    }
}

/// A column understood: its field and the unit its amounts are in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Column {
    pub field: Field,
    pub scale: DisplayUnit,
}

/// Header names per field, already normalised (lower case, single spaces).
const NAMES: &[(Field, &[&str])] = &[
    (
        Field::Unit,
        &[
            "unit",
            "unit id",
            "enhet",
            "enhets-id",
            "enhetsid",
            "ansvar",
            "ansvarsenhet",
            "ansvarskod",
            "kostnadsställe",
            "kst",
            "resultatenhet",
            "cost centre",
            "cost center",
            "responsibility",
        ],
    ),
    (
        Field::UnitName,
        &[
            "unit name",
            "enhetsnamn",
            "enhetens namn",
            "ansvarsnamn",
            "ansvar namn",
            "kostnadsställe namn",
            "kostnadsställets namn",
            "kst namn",
            "cost centre name",
            "cost center name",
        ],
    ),
    (
        Field::CostType,
        &[
            "account",
            "konto",
            "kontonr",
            "kontonummer",
            "kostnadsslag",
            "cost type",
            "costtype",
        ],
    ),
    (
        Field::CostTypeName,
        &[
            "account name",
            "kontonamn",
            "kontobenämning",
            "konto namn",
            "kostnadsslagsnamn",
            "kostnadsslag namn",
            "cost type name",
        ],
    ),
    (
        Field::Kind,
        &[
            "kind",
            "type",
            "typ",
            "intäkt/kostnad",
            "revenue/cost",
            "art",
        ],
    ),
    (
        Field::Period,
        &[
            "period",
            "månad",
            "month",
            "datum",
            "date",
            "bokföringsperiod",
        ],
    ),
    (Field::Year, &["år", "year", "budgetår", "räkenskapsår"]),
    (Field::MeasureName, &["measure", "mått", "beloppstyp"]),
    (Field::Amount(Figure::Budget), &["budget", "budgetbelopp"]),
    (
        Field::Amount(Figure::Outcome),
        &["outcome", "utfall", "actual", "actuals", "utfallsbelopp"],
    ),
    (
        Field::Amount(Figure::Forecast),
        &["forecast", "prognos", "helårsprognos", "full-year forecast"],
    ),
    (
        Field::AnyAmount,
        &["amount", "belopp", "värde", "value", "saldo"],
    ),
];

/// Month names and abbreviations, Swedish and English, by month number.
const MONTHS: [&[&str]; 12] = [
    &["jan", "januari", "january"],
    &["feb", "februari", "february"],
    &["mar", "mars", "march"],
    &["apr", "april"],
    &["maj", "may"],
    &["jun", "juni", "june"],
    &["jul", "juli", "july"],
    &["aug", "augusti", "august"],
    &["sep", "sept", "september"],
    &["okt", "oct", "oktober", "october"],
    &["nov", "november"],
    &["dec", "december"],
];

/// Lower case, single spaces, no surrounding space or trailing colon or full stop.
pub fn normalise(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    words
        .join(" ")
        .trim_end_matches([':', '.'])
        .trim()
        .to_lowercase()
}

/// The column a header names, or `None` when it names nothing this importer reads.
pub fn column(header: &str) -> Option<Column> {
    let (name, scale) = split_scale(&normalise(header));
    let field = NAMES
        .iter()
        .find(|(_, names)| names.contains(&name.as_str()))
        .map(|(field, _)| *field)
        .or_else(|| month_column(&name))?;
    Some(Column { field, scale })
}

/// `utfall (tkr)`, `budget mnkr`, `belopp, kr` → the name and the unit.
fn split_scale(name: &str) -> (String, DisplayUnit) {
    let split = match name.strip_suffix(')') {
        Some(inner) => inner.rsplit_once('('),
        None => name.rsplit_once([' ', ',']),
    };
    match split.map(|(head, tail)| (head, DisplayUnit::parse(tail))) {
        Some((head, Ok(unit))) => (head.trim_end_matches([' ', ',']).to_string(), unit),
        _ => (name.to_string(), DisplayUnit::Kr),
    }
}

/// `jan`, `Januari`, `2025-03`, `mar 2025`, `2025 mars` as a month column.
fn month_column(name: &str) -> Option<Field> {
    if let Ok(m) = Month::parse(name) {
        return Some(Field::MonthColumn(Some(m.year()), m.number()));
    }
    let number = |word: &str| {
        MONTHS
            .iter()
            .position(|names| names.contains(&word))
            .map(|i| i as u32 + 1)
    };
    let words: Vec<&str> = name.split(' ').collect();
    let year = |w: &str| {
        (w.len() == 4)
            .then(|| w.parse::<i32>().ok())
            .flatten()
            .filter(|y| (1900..=2199).contains(y))
    };
    match words.as_slice() {
        [w] => number(w).map(|m| Field::MonthColumn(None, m)),
        [a, b] => match (number(a), year(b), year(a), number(b)) {
            (Some(m), Some(y), _, _) | (_, _, Some(y), Some(m)) => {
                Some(Field::MonthColumn(Some(y), m))
            }
            _ => None,
        },
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(h: &str) -> Option<Field> {
        column(h).map(|c| c.field)
    }

    #[test]
    fn swedish_and_english_headers_map_to_fields() {
        assert_eq!(field("Kostnadsställe"), Some(Field::Unit));
        assert_eq!(field(" ANSVAR: "), Some(Field::Unit));
        assert_eq!(field("cost  centre"), Some(Field::Unit));
        assert_eq!(field("Konto"), Some(Field::CostType));
        assert_eq!(field("Kostnadsslag"), Some(Field::CostType));
        assert_eq!(field("Utfall"), Some(Field::Amount(Figure::Outcome)));
        assert_eq!(field("Prognos"), Some(Field::Amount(Figure::Forecast)));
        assert_eq!(field("Månad"), Some(Field::Period));
        assert_eq!(field("Belopp"), Some(Field::AnyAmount));
        assert_eq!(field("Kommentar"), None);
    }

    #[test]
    fn units_in_headers_scale_the_column() {
        let c = column("Utfall (tkr)").unwrap();
        assert_eq!(
            (c.field, c.scale),
            (Field::Amount(Figure::Outcome), DisplayUnit::Tkr)
        );
        let c = column("Budget mnkr").unwrap();
        assert_eq!(
            (c.field, c.scale),
            (Field::Amount(Figure::Budget), DisplayUnit::Mnkr)
        );
        assert_eq!(column("Budget").unwrap().scale, DisplayUnit::Kr);
    }

    #[test]
    fn month_headers_become_month_columns() {
        assert_eq!(field("Jan"), Some(Field::MonthColumn(None, 1)));
        assert_eq!(field("oktober"), Some(Field::MonthColumn(None, 10)));
        assert_eq!(field("2025-03"), Some(Field::MonthColumn(Some(2025), 3)));
        assert_eq!(field("Mar 2025"), Some(Field::MonthColumn(Some(2025), 3)));
        assert_eq!(field("2024 dec"), Some(Field::MonthColumn(Some(2024), 12)));
        assert_eq!(field("13"), None);
    }
}
