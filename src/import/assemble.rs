//! From read rows to one schema 1 document: units the rows need (found in the workspace, or made
//! under a parent), cost types (found, or made with a kind from the rows or the account number),
//! and budget, outcome and forecast rows added up per unit, cost type and period.
//!
//! Shared by the table and SIE readers, so both follow the same rules. Not here: reading cells
//! or records, or changing the workspace (see [`super::import`]).

use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};

use crate::calendar::{Month, YEARS};
use crate::chunk;
use crate::hash::FastMap;
use crate::id::Id;
use crate::model::Unit;
use crate::num::money::Amount;

use super::cells::When;
use super::columns::Figure;
use super::sums::{KeySums, Slot};
use super::Settings;
use crate::error::report::{ImportReport, Location};
use crate::model::{BudgetRow, CostType, Document, ForecastRow, Kind, OutcomeRow, SCHEMA_VERSION};

/// One amount read, in result sign, naming its unit and cost type as the row does.
#[derive(Clone, Copy, Debug)]
pub struct ReadAmount<'a> {
    pub unit: &'a str,
    pub cost_type: Option<&'a str>,
    pub figure: Figure,
    pub when: When,
    /// In öre: sums are kept as integers while reading, made amounts once per key.
    pub ore: i64,
    /// The 1-based line it was read on; 0 where the input has no lines.
    pub line: usize,
}

/// What a reader gathered: its amounts added up per unit, cost type, measure and period as they
/// are read, so a million rows never stand in memory as rows.
#[derive(Debug, Default)]
pub struct Gathered {
    units: Ids,
    /// By unit index: the last line an amount of the unit was read on, and how many lines (rows)
    /// named it, so the rows of a unit the import refuses are counted as rejected.
    unit_rows: Vec<(u32, u32)>,
    cost_types: Ids,
    /// Names and kinds seen, by cost type index (first one given wins).
    about: Vec<(Option<String>, Option<Kind>)>,
    /// Where each key's months are in `sums`.
    months: FastMap<MonthsKey, Slot>,
    /// By figure, the last key's unit, cost type and year with its place in `sums`: a ledger
    /// lists a key's months together, so most amounts are added to the key of the amount before.
    recent: [Option<(YearKey, Slot)>; 3],
    sums: KeySums,
    /// Budgets by year in öre (the readers give no other measure by year), with their first line.
    annual: FastMap<YearKey, (i64, usize)>,
    span: Option<(Month, Month)>,
    /// Unit names seen, by id (a name column, SIE `#OBJEKT`).
    pub unit_names: HashMap<String, String>,
    /// The unit for the file itself (the SIE company), created when missing, new units under it.
    pub root: Option<(String, String)>,
    /// Whether units not in the workspace may be created without a `parent` option (SIE: its
    /// objects are new by nature; tables: a typo must not become a unit).
    pub create_units: bool,
}

/// A unit index, a cost type index and a year.
type YearKey = (u32, u32, i32);

/// The key of one gathered year of months: unit and cost type indexes, measure and year.
type MonthsKey = (u32, u32, Figure, i32);

/// The cost type index of rows that name none.
const UNTYPED: u32 = u32::MAX;

/// Ids (unit or cost type) as small indexes, each with the place an accepted amount first named
/// it, in the order of those first uses.
#[derive(Debug, Default)]
struct Ids {
    index: FastMap<Id, u32>,
    ids: Vec<Id>,
    first_at: Vec<Option<Location>>,
    used: Vec<u32>,
    /// The id asked for last: rows come grouped by unit and account, so most look-ups are it.
    last: Option<u32>,
}

impl Ids {
    fn intern(&mut self, id: &str) -> u32 {
        if let Some(i) = self.last.filter(|&i| self.ids[i as usize] == *id) {
            return i;
        }
        let i = self.intern_new(id);
        self.last = Some(i);
        i
    }

    fn intern_new(&mut self, id: &str) -> u32 {
        if let Some(&i) = self.index.get(id) {
            return i;
        }
        let i = self.ids.len() as u32;
        let id = Id::from(id);
        self.index.insert(id.clone(), i);
        self.ids.push(id);
        self.first_at.push(None);
        i
    }

    fn use_at(&mut self, id: &str, at: &impl Fn() -> Location) -> u32 {
        let i = self.intern(id);
        if self.first_at[i as usize].is_none() {
            self.first_at[i as usize] = Some(at());
            self.used.push(i);
        }
        i
    }

    /// The ids amounts named, in order, with where each was first named.
    fn used(&self) -> impl Iterator<Item = (&str, &Location)> + '_ {
        self.used.iter().map(|&i| {
            let i = i as usize;
            (
                &*self.ids[i],
                self.first_at[i].as_ref().expect("set on use"),
            )
        })
    }

    /// The ids' indexes in the order of the ids as strings.
    fn sorted(&self) -> Vec<u32> {
        let mut sorted: Vec<u32> = (0..self.ids.len() as u32).collect();
        sorted.sort_unstable_by_key(|&i| &*self.ids[i as usize]);
        sorted
    }

    fn id(&self, i: u32) -> Option<&Id> {
        self.ids.get(i as usize)
    }
}

/// Which part of a row a location is asked for: an unknown unit is reported at the unit's cell,
/// not at the amount's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    Unit,
    CostType,
    Amount,
}

impl Gathered {
    /// Adds one amount; a key read before is added to and warned about. `at` places a part of
    /// the row in the input, for the report, and is only asked for when the report needs it.
    pub fn add(
        &mut self,
        e: ReadAmount<'_>,
        at: impl Fn(Part) -> Location,
        report: &mut ImportReport,
    ) {
        let unit = self.units.use_at(e.unit, &|| at(Part::Unit));
        if self.unit_rows.len() <= unit as usize {
            self.unit_rows.resize(unit as usize + 1, (0, 0));
        }
        let rows = &mut self.unit_rows[unit as usize];
        if rows.1 == 0 || rows.0 != e.line as u32 {
            *rows = (e.line as u32, rows.1 + 1);
        }
        let cost_type = match e.cost_type {
            Some(id) => {
                let i = self.cost_types.use_at(id, &|| at(Part::CostType));
                if self.about.len() <= i as usize {
                    self.about.resize(i as usize + 1, (None, None));
                }
                i
            }
            None => UNTYPED,
        };
        let (sum, first) = match e.when {
            When::Month(m) => {
                self.span = Some(self.span.map_or((m, m), |(a, b)| (a.min(m), b.max(m))));
                let key = (unit, cost_type, m.year());
                let recent = &mut self.recent[e.figure as usize];
                let slot = match *recent {
                    Some((last, slot)) if last == key => slot,
                    _ => {
                        let sums = &mut self.sums;
                        let (unit, cost_type, year) = key;
                        let slot = *self
                            .months
                            .entry((unit, cost_type, e.figure, year))
                            .or_insert_with(|| sums.add());
                        *recent = Some((key, slot));
                        slot
                    }
                };
                let sum = self.sums.month(slot, m.index(), e.line);
                if let Some(moved) = sum.moved {
                    *recent = Some((key, moved));
                    let (unit, cost_type, year) = key;
                    self.months.insert((unit, cost_type, e.figure, year), moved);
                }
                (sum.ore, sum.first_line)
            }
            When::Year(y) => match self.annual.entry((unit, cost_type, y)) {
                Entry::Occupied(slot) => {
                    let (sum, line) = slot.into_mut();
                    (sum, Some(*line))
                }
                Entry::Vacant(slot) => (&mut slot.insert((0, e.line)).0, None),
            },
        };
        match sum.checked_add(e.ore) {
            Some(total) => *sum = total,
            None => report.error(
                "E_AMOUNT_RANGE",
                at(Part::Amount),
                format!(
                    "{} for unit {:?} and {} adds up to more than ±{} kr",
                    e.figure.name(),
                    e.unit,
                    when_text(e.when),
                    "92 233 720 368 547 758"
                ),
                "amounts whose sum per unit, cost type and period is within ±92 233 720 368 547 758 kr",
            ),
        }
        if let Some(line) = first {
            report.warn(
                "W_DUPLICATE_ROW",
                at(Part::Amount),
                format!(
                    "{} for unit {:?}{} and {} appears again{}; the amounts are added",
                    e.figure.name(),
                    e.unit,
                    e.cost_type
                        .map(|c| format!(", cost type {c:?}"))
                        .unwrap_or_default(),
                    when_text(e.when),
                    Some(line)
                        .filter(|&l| l > 0)
                        .map(|l| format!(" (first on line {l})"))
                        .unwrap_or_default()
                ),
            );
        }
    }

    /// The unit and cost type ids of interned indexes.
    fn ids(&self, u: u32, c: u32) -> (Id, Option<Id>) {
        let unit = self.units.id(u).expect("an interned unit").clone();
        (unit, self.cost_types.id(c).cloned())
    }

    /// Records a cost type's name and kind as the input gives them; the first given wins.
    pub fn describe_cost_type(&mut self, id: &str, name: Option<&str>, kind: Option<Kind>) {
        let i = self.cost_types.intern(id) as usize;
        if self.about.len() <= i {
            self.about.resize(i + 1, (None, None));
        }
        let about = &mut self.about[i];
        if about.0.is_none() {
            about.0 = name.map(str::to_string);
        }
        about.1 = about.1.or(kind);
    }
}

/// A ledger amount (debit +) in result sign (revenue +, cost −) and whole öre, as
/// [`ReadAmount`] takes it. Every amount read is whole öre within ±10^15 kr, so only a sum of a
/// crafted file is beyond an `i64` of öre: `E_AMOUNT_RANGE` at `at`.
pub fn result_ore(ledger: Amount, at: Location, report: &mut ImportReport) -> Option<i64> {
    let ore = (-ledger).to_ore();
    if ore.is_none() {
        report.error(
            "E_AMOUNT_RANGE",
            at,
            format!("the amount {ledger} is not whole öre within ±92 233 720 368 547 758 kr"),
            "amounts within ±1 000 000 000 000 000 kr",
        );
    }
    ore
}

/// Revenue or cost by account number prefix (class 3 revenue, 4-8 cost by default); `None` for
/// other accounts (balance sheet, 1-2) and non-numeric cost types.
pub fn account_kind(id: &str, settings: &Settings) -> Option<Kind> {
    let matches = |prefixes: &[String]| prefixes.iter().any(|p| id.starts_with(p.as_str()));
    if !id.bytes().all(|b| b.is_ascii_digit()) || id.is_empty() {
        None
    } else if matches(&settings.revenue_accounts) {
        Some(Kind::Revenue)
    } else if matches(&settings.cost_accounts) {
        Some(Kind::Cost)
    } else {
        None
    }
}

/// The document the gathered rows make, given what the workspace already holds. Faults go into
/// `report` (the document is then not to be applied).
pub fn document(
    g: Gathered,
    existing: &Document,
    settings: &Settings,
    report: &mut ImportReport,
) -> Document {
    let mut doc = Document {
        schema: SCHEMA_VERSION,
        ..Document::default()
    };
    doc.units = units(&g, existing, settings, report);
    doc.cost_types = cost_types(&g, existing, settings, report);
    rows(g, &mut doc, report);
    doc
}

/// The units to add: every unit a row names that the workspace lacks.
fn units(
    g: &Gathered,
    existing: &Document,
    settings: &Settings,
    report: &mut ImportReport,
) -> Vec<Unit> {
    let known: HashSet<&str> = existing.units.iter().map(|u| u.id.as_str()).collect();
    let missing: Vec<(&str, &Location)> = g
        .units
        .used()
        .filter(|(id, _)| !known.contains(id))
        .collect();
    if let Some(p) = settings.parent.as_deref().filter(|p| !known.contains(p)) {
        report.error(
            "E_UNKNOWN_UNIT",
            Location::default().field("parent"),
            format!("the parent unit {p:?} given in the options is not in the workspace"),
            "the id of a unit already imported",
        );
        return Vec::new();
    }
    if missing.is_empty() {
        return Vec::new();
    }
    if !known.is_empty() && !g.create_units && settings.parent.is_none() {
        // Their rows were read and counted as accepted; the verdict refuses them.
        let refused: usize = missing
            .iter()
            .filter_map(|(id, _)| g.units.index.get(*id))
            .map(|&i| g.unit_rows.get(i as usize).map_or(0, |r| r.1 as usize))
            .sum();
        report.rows.accepted = report.rows.accepted.saturating_sub(refused);
        report.rows.rejected += refused;
        for (unit, at) in missing {
            report.error(
                "E_UNKNOWN_UNIT",
                at.clone(),
                format!("unknown unit {unit:?}"),
                "the id of a unit in the workspace (or the parent option, to add new units under it)",
            );
        }
        return Vec::new();
    }
    // Under the parent given, else under the workspace's root, else at the top.
    let top = settings.parent.clone().or_else(|| {
        existing
            .units
            .iter()
            .find(|u| u.parent.is_none())
            .map(|u| u.id.clone())
    });
    let mut out = Vec::new();
    let (anchor_id, anchor_name) = match &g.root {
        Some(root) => root.clone(),
        None if top.is_some() => (String::new(), String::new()),
        None => (
            settings.root.clone().unwrap_or_else(|| "IMPORT".into()),
            settings.file.clone().unwrap_or_else(|| "Import".into()),
        ),
    };
    let anchor = if anchor_id.is_empty() {
        top
    } else {
        if !known.contains(anchor_id.as_str()) {
            out.push(Unit {
                id: anchor_id.clone(),
                name: anchor_name,
                parent: top,
                level: None,
            });
        }
        Some(anchor_id.clone())
    };
    for (unit, _) in missing.into_iter().filter(|(unit, _)| *unit != anchor_id) {
        out.push(Unit {
            id: unit.to_string(),
            name: g
                .unit_names
                .get(unit)
                .cloned()
                .unwrap_or_else(|| unit.to_string()),
            parent: anchor.clone(),
            level: None,
        });
    }
    if !out.is_empty() {
        report.warn(
            "W_UNITS_CREATED",
            Location::default(),
            format!(
                "{} unit(s) not in the workspace were created: {}",
                out.len(),
                out.iter()
                    .map(|u| u.id.as_str())
                    .take(10)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        );
    }
    out
}

/// The cost types to add: every one a row names that the workspace lacks.
fn cost_types(
    g: &Gathered,
    existing: &Document,
    settings: &Settings,
    report: &mut ImportReport,
) -> Vec<CostType> {
    let known: HashSet<&str> = existing.cost_types.iter().map(|c| c.id.as_str()).collect();
    let mut out = Vec::new();
    for (id, at) in g.cost_types.used() {
        if known.contains(id) {
            continue;
        }
        let i = g.cost_types.index[id] as usize;
        let (name, kind) = g.about.get(i).cloned().unwrap_or((None, None));
        let kind = kind.or_else(|| account_kind(id, settings)).unwrap_or_else(|| {
            report.warn(
                "W_KIND_ASSUMED",
                at.clone(),
                format!("the cost type {id:?} is taken as a cost: neither a kind column nor its account number says"),
            );
            Kind::Cost
        });
        out.push(CostType {
            id: id.to_string(),
            name: name.unwrap_or_else(|| id.to_string()),
            kind,
        });
    }
    out
}

/// The gathered sums as schema 1 rows, ordered by unit, cost type (none first) and period.
fn rows(g: Gathered, doc: &mut Document, report: &mut ImportReport) {
    // Ids sorted once, keys then by rank: comparing strings per key was most of the sort.
    let units = Ranks::of(&g.units);
    let types = Ranks::of(&g.cost_types);
    // A list per measure, each key's place sorted on one small integer and its year: in
    // WebAssembly a 128-bit comparison is several, and the first import sorts before its code
    // is optimised.
    // A unit and cost type by rank: the unit's in the high half, the cost type's plus one (none
    // is 0, first) in the low; `write` reads them back.
    let by = |u: u32, c: u32| {
        let c = if c == UNTYPED {
            0
        } else {
            types.rank[c as usize] + 1
        };
        u64::from(units.rank[u as usize]) << 32 | u64::from(c)
    };
    let mut order: [Vec<Place>; 3] = Default::default();
    for (&(u, c, measure, year), &slot) in &g.months {
        order[measure as usize].push(Place {
            by: by(u, c),
            year: (year - YEARS.start()) as u16,
            slot,
        });
    }
    for places in &mut order {
        places.sort_unstable_by_key(|p| (p.by, p.year));
    }
    let mut annual: Vec<_> = g.annual.iter().collect();
    annual.sort_unstable_by_key(|(&(u, c, year), _)| (by(u, c), year));
    // Each list sized once: growing by doubling held the old and the new list at once, and
    // a region's year is 700,000 outcome rows.
    let count = |measure: Figure| -> usize {
        let places = order[measure as usize].iter();
        places.map(|p| g.sums.count(p.slot)).sum()
    };
    doc.budget
        .reserve_exact(order[Figure::Budget as usize].len() + annual.len());
    doc.outcome.reserve_exact(count(Figure::Outcome));
    doc.forecasts.reserve_exact(count(Figure::Forecast));
    let ranks = (&units, &types);
    for measure in [Figure::Budget, Figure::Outcome, Figure::Forecast] {
        for part in order[measure as usize].chunks(chunk::ROWS) {
            write(measure, part, ranks, &g, doc);
        }
    }
    // Budgets by year after those by month.
    for (&(u, c, year), &(annual, _)) in annual {
        let (unit, cost_type) = g.ids(u, c);
        doc.budget.push(BudgetRow {
            unit,
            cost_type,
            year,
            annual: Some(Amount::from_ore(annual)),
            method: None,
            weights: None,
            rounding: None,
            months: None,
        });
    }
    if let Some((first, last)) = g.span {
        report.first_month = Some(first.to_string());
        report.last_month = Some(last.to_string());
    }
}

/// Where a gathered key's row goes in its measure's list: by unit and cost type rank (high and
/// low half of `by`), then year; with its place in the sums.
#[derive(Clone, Copy)]
struct Place {
    by: u64,
    /// Years since the first [`YEARS`].
    year: u16,
    slot: Slot,
}

/// Ids' places when sorted as strings, and back.
struct Ranks {
    /// By index: the rank.
    rank: Vec<u32>,
    /// By rank: the index.
    index: Vec<u32>,
}

impl Ranks {
    fn of(ids: &Ids) -> Ranks {
        let index = ids.sorted();
        let mut rank = vec![0; index.len()];
        for (r, &i) in index.iter().enumerate() {
            rank[i as usize] = r as u32;
        }
        Ranks { rank, index }
    }
}

/// Writes the gathered sums of `places` (in the document's order) as rows of `measure`'s list.
/// Out of line, a chunk of keys per call: see [`chunk`].
#[inline(never)]
fn write(
    measure: Figure,
    places: &[Place],
    (units, types): (&Ranks, &Ranks),
    g: &Gathered,
    doc: &mut Document,
) {
    for p in places {
        let u = units.index[(p.by >> 32) as usize];
        let c = match p.by as u32 {
            0 => UNTYPED,
            rank => types.index[rank as usize - 1],
        };
        let (unit, cost_type) = g.ids(u, c);
        let year = YEARS.start() + i32::from(p.year);
        match measure {
            Figure::Budget => doc.budget.push(BudgetRow {
                unit,
                cost_type,
                year,
                annual: None,
                method: None,
                weights: None,
                rounding: None,
                months: Some(g.sums.ore(p.slot).map(Amount::from_ore).to_vec()),
            }),
            Figure::Outcome => {
                for (month, amount) in g.sums.read(p.slot, year) {
                    doc.outcome.push(OutcomeRow {
                        unit: unit.clone(),
                        cost_type: cost_type.clone(),
                        month,
                        amount,
                    });
                }
            }
            Figure::Forecast => {
                for (made, amount) in g.sums.read(p.slot, year) {
                    doc.forecasts.push(ForecastRow {
                        unit: unit.clone(),
                        cost_type: cost_type.clone(),
                        year,
                        made,
                        amount,
                    });
                }
            }
        }
    }
}

fn when_text(when: When) -> String {
    match when {
        When::Month(m) => m.to_string(),
        When::Year(y) => y.to_string(),
    }
}
