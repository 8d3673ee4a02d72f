//! The committee paper's summary: plain sentences written from the figures, as a controller
//! writes them to the committee: the result to date against budget, the full-year forecast and
//! how it moved since last month, the underlying deviation, the material deviations with their
//! explanations and actions, what the measures are expected to bring and the need for new
//! ones, the result without temporary grants and whether grants hide a deficit, and escalation
//! due dates; and the goals section's one sentence of counts.
//!
//! Every number goes into a sentence through a [`Sentence`], which writes it the sv-SE way and
//! records it (name, exact value, text) on the paragraph; a sentence whose figure is missing is
//! not written at all, never written with a blank. Text from the data (names, explanations) is
//! recorded as a quote. Not here: the tables and charts (`sections.rs`).

use crate::calendar::Month;
use crate::num::money::Amount;
use crate::num::ratio::Percent;

use super::words::{self, mnkr, percent, signed_mnkr, Words};
use super::{FigureUse, Lang, Paragraph, Sources};

/// One sentence being written: the figures and quotes it takes, kept only if it is written.
struct Sentence<'u> {
    unit: &'u str,
    w: Words,
    figures: Vec<FigureUse>,
    quotes: Vec<String>,
}

impl Sentence<'_> {
    fn record(&mut self, name: &str, value: String, text: String) -> String {
        self.figures.push(FigureUse {
            name: name.into(),
            unit: self.unit.into(),
            value,
            text: text.clone(),
        });
        text
    }

    /// "148,0 mnkr".
    fn amount(&mut self, name: &str, a: Amount) -> String {
        self.record(name, a.to_canonical(), mnkr(a))
    }

    /// "+35,0 mnkr", "−12,3 mnkr".
    fn signed(&mut self, name: &str, a: Amount) -> String {
        self.record(name, a.to_canonical(), signed_mnkr(a))
    }

    /// "20,3 mnkr bättre än budget", or "i nivå med budget" where it rounds to nothing.
    fn against_budget(&mut self, name: &str, deviation: Amount) -> String {
        let text = mnkr(deviation.abs());
        if !text.chars().any(|c| c.is_ascii_digit() && c != '0') {
            return self.w.pick("i nivå med budget", "on budget").into();
        }
        let word = match deviation > Amount::ZERO {
            true => self.w.pick("bättre än budget", "better than budget"),
            false => self.w.pick("sämre än budget", "worse than budget"),
        };
        format!(
            "{} {word}",
            self.record(name, deviation.to_canonical(), text)
        )
    }

    fn percent(&mut self, name: &str, p: Percent) -> String {
        let value = crate::num::canonical::with_canonical(p.decimal(), str::to_owned);
        self.record(name, value, percent(p))
    }

    /// "augusti 2025".
    fn month(&mut self, name: &str, m: Month) -> String {
        self.record(name, m.to_string(), self.w.month(m))
    }

    fn number(&mut self, name: &str, n: impl ToString) -> String {
        let text = n.to_string();
        self.record(name, text.clone(), text)
    }

    /// Text from the data, written as it is.
    fn quote(&mut self, text: &str) -> String {
        self.quotes.push(text.into());
        text.into()
    }
}

/// A paragraph being written sentence by sentence.
struct Writer<'u> {
    unit: &'u str,
    w: Words,
    para: Paragraph,
}

impl<'u> Writer<'u> {
    fn new(unit: &'u str, w: Words) -> Writer<'u> {
        Writer {
            unit,
            w,
            para: Paragraph::default(),
        }
    }

    /// Writes the sentence `f` gives; `None` (a figure is missing) leaves it out.
    fn add(&mut self, f: impl FnOnce(&mut Sentence) -> Option<String>) {
        self.add_for(self.unit, f)
    }

    /// As [`Writer::add`], for figures of another unit of the subtree.
    fn add_for(&mut self, unit: &str, f: impl FnOnce(&mut Sentence) -> Option<String>) {
        let mut s = Sentence {
            unit,
            w: self.w,
            figures: Vec::new(),
            quotes: Vec::new(),
        };
        if let Some(text) = f(&mut s) {
            if !self.para.text.is_empty() {
                self.para.text.push(' ');
            }
            self.para.text.push_str(&text);
            self.para.figures.append(&mut s.figures);
            self.para.quotes.append(&mut s.quotes);
        }
    }

    fn finish(self) -> Option<Paragraph> {
        (!self.para.text.is_empty()).then_some(self.para)
    }
}

/// The summary's paragraphs, those that have something to say.
pub(crate) fn paragraphs(s: &Sources) -> Vec<Paragraph> {
    [result(s), material(s), effects(s), grants(s), escalation(s)]
        .into_iter()
        .flatten()
        .collect()
}

fn sv(w: &Words) -> bool {
    w.lang == Lang::Sv
}

/// The result to date, the forecast and how it moved, the underlying deviation.
fn result(s: &Sources) -> Option<Paragraph> {
    let w = words::of(s.lang);
    let row = &s.deviation.rows[0];
    let mut p = Writer::new(&s.unit, w);
    let first = Month::months_of(s.as_of.year())[0];
    p.add(|t| {
        let (outcome, deviation) = (row.ytd.outcome?, row.ytd.deviation?);
        let span = match s.as_of == first {
            true => w.month(s.as_of),
            false => format!("{}–{}", w.month_name(first), w.month(s.as_of)),
        };
        let span = t.record("deviation.asOf", s.as_of.to_string(), span);
        let outcome = t.amount("deviation.ytd.outcome", outcome);
        let against = t.against_budget("deviation.ytd.deviation", deviation);
        let budget = t.amount("deviation.ytd.budget", row.ytd.budget);
        Some(match sv(&w) {
            true => format!("Resultatet för {span} är {outcome}, {against} ({budget})."),
            false => format!("The result for {span} is {outcome}, {against} ({budget})."),
        })
    });
    let fy = &row.full_year;
    p.add(|t| {
        let (forecast, deviation, made) = (fy.forecast?, fy.deviation?, fy.forecast_month?);
        let made = t.month("deviation.fullYear.forecastMonth", made);
        let forecast = t.amount("deviation.fullYear.forecast", forecast);
        let budget = t.amount("deviation.fullYear.budget", fy.budget);
        let against = t.against_budget("deviation.fullYear.deviation", deviation);
        Some(match sv(&w) {
            true => format!(
                "Helårsprognosen från {made} är ett resultat på {forecast} mot en budget på \
                 {budget}, {against}."
            ),
            false => format!(
                "The full-year forecast made in {made} is a result of {forecast} against a \
                 budget of {budget}, {against}."
            ),
        })
    });
    p.add(|t| {
        let now = fy.forecast?;
        let before = (s.as_of.number() > 1)
            .then(|| s.months.row(s.as_of.prev()))
            .flatten()?
            .forecast?;
        let change = now - before;
        let moved = mnkr(change.abs());
        if !moved.chars().any(|c| c.is_ascii_digit() && c != '0') {
            let before = t.amount("months.forecast", before);
            return Some(match sv(&w) {
                true => format!("Prognosen är oförändrad sedan förra månaden ({before})."),
                false => format!("The forecast is unchanged since last month ({before})."),
            });
        }
        let before = t.amount("months.forecast", before);
        let by = t.record("months.forecastChange", change.to_canonical(), moved);
        let better = change > Amount::ZERO;
        Some(match (sv(&w), better) {
            (true, true) => format!(
                "Prognosen har förbättrats med {by} sedan förra månadens prognos ({before})."
            ),
            (true, false) => format!(
                "Prognosen har försämrats med {by} sedan förra månadens prognos ({before})."
            ),
            (false, true) => {
                format!("The forecast has improved by {by} since last month's forecast ({before}).")
            }
            (false, false) => {
                format!("The forecast has worsened by {by} since last month's forecast ({before}).")
            }
        })
    });
    p.add(|t| {
        let underlying = row.ytd.underlying?;
        if row.ytd.one_offs.is_zero() {
            return None;
        }
        let one_offs = t.signed("deviation.ytd.oneOffs", row.ytd.one_offs);
        let underlying = t.signed("deviation.ytd.underlying", underlying);
        Some(match sv(&w) {
            true => format!(
                "Engångsposter på {one_offs} ingår hittills i år; utan dem är den \
                 underliggande avvikelsen {underlying}."
            ),
            false => format!(
                "One-off items of {one_offs} are included so far this year; without them the \
                 underlying deviation is {underlying}."
            ),
        })
    });
    p.add(|t| {
        let underlying = fy.underlying?;
        if fy.one_offs.is_zero() {
            return None;
        }
        let one_offs = t.signed("deviation.fullYear.oneOffs", fy.one_offs);
        let underlying = t.signed("deviation.fullYear.underlying", underlying);
        Some(match sv(&w) {
            true => format!(
                "För helåret ingår engångsposter på {one_offs}, och den underliggande \
                 prognosavvikelsen är {underlying}."
            ),
            false => format!(
                "For the full year one-off items of {one_offs} are included, and the underlying \
                 forecast deviation is {underlying}."
            ),
        })
    });
    p.add(|_| {
        let no_one_offs = row.ytd.one_offs.is_zero() && fy.one_offs.is_zero();
        (no_one_offs && row.ytd.deviation.is_some()).then(|| {
            w.pick(
                "Inga engångsposter är bokförda, så den underliggande avvikelsen är densamma.",
                "No one-off items are booked, so the underlying deviation is the same.",
            )
            .into()
        })
    });
    p.finish()
}

/// The material deviations with their explanations and actions; those without one are named.
fn material(s: &Sources) -> Option<Paragraph> {
    let w = words::of(s.lang);
    let items = s.material();
    let mut p = Writer::new(&s.unit, w);
    p.add(|t| {
        if items.is_empty() {
            return Some(
                w.pick(
                    "Ingen enhet har en väsentlig avvikelse hittills i år eller i helårsprognosen.",
                    "No unit has a material deviation so far this year or in the full-year forecast.",
                )
                .into(),
            );
        }
        let n = t.number("material.count", items.len());
        Some(match (sv(&w), items.len()) {
            (true, 1) => "En enhet har en väsentlig avvikelse hittills i år eller i helårsprognosen.".into(),
            (true, _) => format!("{n} enheter har väsentliga avvikelser hittills i år eller i helårsprognosen."),
            (false, 1) => "One unit has a material deviation so far this year or in the full-year forecast.".into(),
            (false, _) => format!("{n} units have material deviations so far this year or in the full-year forecast."),
        })
    });
    for item in items
        .iter()
        .filter(|i| !(i.explanations.is_empty() && i.actions.is_empty()))
    {
        p.add_for(&item.row.head.unit, |t| {
            let (name, deviation) = item.deviation();
            let name_text = t.quote(&item.row.head.name);
            let figure = t.signed(name, deviation?);
            let span = match name.contains("ytd") {
                true => w.pick("hittills i år", "so far this year"),
                false => w.pick("i helårsprognosen", "in the full-year forecast"),
            };
            let mut text = format!("{name_text}: {figure} {span}.");
            for c in &item.explanations {
                let quoted = t.quote(&c.text);
                text.push_str(&format!(
                    " {}: {quoted}",
                    w.pick("Förklaring", "Explanation")
                ));
                end_sentence(&mut text);
            }
            if item.explanations.is_empty() {
                text.push_str(&format!(" {}.", capitalised(w.missing_explanation())));
            }
            for c in &item.actions {
                let quoted = t.quote(&c.text);
                text.push_str(&format!(" {}: {quoted}", w.pick("Åtgärd", "Action")));
                if let Some(owner) = &c.owner {
                    let owner = t.quote(owner);
                    text.push_str(&format!(" ({}: {owner})", w.pick("ansvarig", "owner")));
                }
                if let Some(due) = c.due {
                    let due = t.month("comment.due", due);
                    text.push_str(&format!(", {} {due}", w.pick("senast", "by")));
                }
                end_sentence(&mut text);
            }
            Some(text)
        });
    }
    let missing: Vec<_> = items.iter().filter(|i| i.explanations.is_empty()).collect();
    p.add(|t| {
        if missing.is_empty() {
            return None;
        }
        let names: Vec<String> = missing.iter().map(|i| t.quote(&i.row.head.name)).collect();
        let count = t.number("material.missing", missing.len());
        let of = t.number("material.count", items.len());
        Some(match sv(&w) {
            true => format!(
                "Förklaring saknas för {count} av {of}: {}.",
                names.join(", ")
            ),
            false => format!(
                "An explanation is missing for {count} of {of}: {}.",
                names.join(", ")
            ),
        })
    });
    p.finish()
}

/// Ends a sentence written after a quote, unless the quote ended it.
fn end_sentence(text: &mut String) {
    if !text.ends_with(['.', '!', '?']) {
        text.push('.');
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// What the measures are expected to bring this year, and the need for new measures.
fn effects(s: &Sources) -> Option<Paragraph> {
    let w = words::of(s.lang);
    let unit = s.effects.unit(&s.unit)?;
    let year = s.as_of.year();
    let f = &unit.year;
    let mut p = Writer::new(&s.unit, w);
    p.add(|t| {
        let expected = t.amount("effects.year.expected", f.expected);
        let year = t.number("effects.year", year);
        let planned = t.amount("effects.year.planned", f.planned);
        let realised = t.amount("effects.year.realisedToDate", f.realised_to_date);
        Some(match sv(&w) {
            true => format!(
                "Åtgärderna väntas ge {expected} under {year} av planerade {planned}; \
                 {realised} är realiserat hittills."
            ),
            false => format!(
                "The measures are expected to bring {expected} in {year} of {planned} planned; \
                 {realised} is realised so far."
            ),
        })
    });
    p.add(|t| {
        if f.shortfall <= Amount::ZERO {
            return None;
        }
        let shortfall = t.amount("effects.year.shortfall", f.shortfall);
        Some(match sv(&w) {
            true => format!("Enligt åtgärdernas prognos uteblir {shortfall} av den planerade effekten i år."),
            false => format!("By the measures' forecast, {shortfall} of this year's planned effect will not come."),
        })
    });
    for programme in s.programmes() {
        p.add(|t| {
            let name = t.quote(&programme.name);
            let key = format!("effects.programmes[{}]", programme.id);
            let target = t.amount(&format!("{key}.target"), programme.target);
            let expected = t.amount(&format!("{key}.period.expected"), programme.period.expected);
            let tail = match programme.need.is_zero() {
                true => w
                    .pick("behövs inga nya åtgärder", "no new measures are needed")
                    .to_string(),
                false => {
                    let need = t.amount(&format!("{key}.need"), programme.need);
                    match sv(&w) {
                        true => format!("är behovet av nya åtgärder {need}"),
                        false => format!("the need for new measures is {need}"),
                    }
                }
            };
            Some(match sv(&w) {
                true => format!(
                    "Programmet {name} har målet {target}; med en förväntad \
                     effekt på {expected} för perioden {tail}."
                ),
                false => format!(
                    "The programme {name} has a target of {target}; with an \
                     expected effect of {expected} for the period, {tail}."
                ),
            })
        });
    }
    p.finish()
}

/// The result without temporary grants, whether grants hide a deficit, and the cliff.
fn grants(s: &Sources) -> Option<Paragraph> {
    let w = words::of(s.lang);
    let row = s.grants.rows.first()?;
    if row.ytd.grants.is_zero() && row.full_year.grants.is_zero() {
        return None;
    }
    let mut p = Writer::new(&s.unit, w);
    let (ytd, fy) = (&row.ytd, &row.full_year);
    p.add(|t| {
        // Nothing recognised yet (early in the year): the sentence would say "by 0,0 mnkr".
        if ytd.temporary_effect.is_zero() {
            return None;
        }
        let effect = t.amount("grants.ytd.temporaryEffect", ytd.temporary_effect);
        let structural = t.amount("grants.ytd.structural", ytd.structural);
        let reported = t.amount("grants.ytd.reported", ytd.reported);
        let with_one_offs = !ytd.one_offs.is_zero();
        Some(match sv(&w) {
            true => {
                format!(
                "Tillfälliga statsbidrag förbättrar resultatet hittills i år med {effect}; utan \
                 dem{} är resultatet {structural} mot redovisade {reported}.",
                if with_one_offs { " och utan engångsposter" } else { "" }
            )
            }
            false => format!(
                "Temporary state grants add {effect} to the result so far this year; without \
                 them{} the result is {structural} against {reported} reported.",
                if with_one_offs {
                    " and without one-off items"
                } else {
                    ""
                }
            ),
        })
    });
    p.add(|_| {
        Some(
            match ytd.masking {
                true => w.pick(
                    "Statsbidragen döljer ett underskott: det redovisade resultatet är positivt, men utan tillfälliga bidrag är det negativt.",
                    "The grants hide a deficit: the reported result is positive, but without temporary grants it is negative.",
                ),
                false => w.pick(
                    "Statsbidragen döljer inget underskott hittills i år.",
                    "The grants hide no deficit so far this year.",
                ),
            }
            .into(),
        )
    });
    p.add(|t| {
        let structural = t.amount("grants.fullYear.structural", fy.structural);
        let hides = match (fy.masking, sv(&w)) {
            (true, true) => "; bidragen döljer då ett underskott",
            (true, false) => "; the grants then hide a deficit",
            (false, _) => "",
        };
        Some(match sv(&w) {
            true => format!("Enligt helårsprognosen är resultatet utan tillfälliga bidrag {structural}{hides}."),
            false => format!("By the full-year forecast the result without temporary grants is {structural}{hides}."),
        })
    });
    p.add(|t| {
        let cliff = row.cliff.iter().find(|c| !c.gap.is_zero())?;
        let key = format!("grants.cliff[{}]", cliff.year);
        let year = t.number(&format!("{key}.year"), cliff.year);
        let gap = t.signed(&format!("{key}.gap"), cliff.gap);
        Some(match sv(&w) {
            true => format!(
                "När bidragen upphör ger de ett strukturellt gap på {gap} år {year} jämfört med i år."
            ),
            false => format!(
                "As the grants end, they leave a structural gap of {gap} in {year} against this year."
            ),
        })
    });
    p.finish()
}

/// Escalation: when the committee's forecast became material, when its programme is due, and
/// how much of the gap the measures cover.
fn escalation(s: &Sources) -> Option<Paragraph> {
    let w = words::of(s.lang);
    let mut p = Writer::new(&s.unit, w);
    for row in s.deviation.rows.iter().filter(|r| r.escalation.is_some()) {
        let Some(e) = &row.escalation else { continue };
        p.add_for(&row.head.unit, |t| {
            let name = t.quote(&row.head.name);
            let seen = t.month("deviation.escalation.firstSeen", e.first_seen);
            let due = t.month("deviation.escalation.due", e.due);
            Some(match sv(&w) {
                true => format!(
                    "För {name} blev prognosavvikelsen väsentlig i {seen}: nämnden ska rapportera \
                     till regionstyrelsen och lägga fram ett åtgärdsprogram senast {due}."
                ),
                false => format!(
                    "For {name} the forecast deviation became material in {seen}: the committee \
                     must report to the regional board and present an action programme by {due}."
                ),
            })
        });
        p.add_for(&row.head.unit, |t| {
            let expected = t.amount("deviation.escalation.expectedEffects", e.expected_effects?);
            let coverage = t.percent("deviation.escalation.coverage", e.coverage?);
            Some(match sv(&w) {
                true => format!(
                    "Åtgärdernas förväntade effekt på {expected} täcker {coverage} av gapet."
                ),
                false => format!(
                    "The measures' expected effect of {expected} covers {coverage} of the gap."
                ),
            })
        });
        p.add_for(&row.head.unit, |_| {
            (!e.material_now).then(|| {
                w.pick(
                    "Prognosavvikelsen är inte längre väsentlig.",
                    "The forecast deviation is no longer material.",
                )
                .into()
            })
        });
    }
    p.finish()
}

/// The goals section's sentence: how many indicators are met, partly met, not met and not
/// reported (of the region's goals, which the document does not tie to committees).
pub(crate) fn goals(s: &Sources) -> Option<Paragraph> {
    let w = words::of(s.lang);
    let c = &s.goals.counts;
    let mut p = Writer::new(&s.unit, w);
    p.add(|t| {
        if c.total == 0 {
            return None;
        }
        let met = t.number("goals.counts.met", c.met);
        let total = t.number("goals.counts.total", c.total);
        let partly = t.number("goals.counts.partly", c.partly);
        let not_met = t.number("goals.counts.notMet", c.not_met);
        let not_reported = t.number("goals.counts.notReported", c.not_reported);
        let one = |n: usize, sv_one: &'static str, sv_many: &'static str, en_one, en_many| match (
            sv(&w),
            n == 1,
        ) {
            (true, true) => sv_one,
            (true, false) => sv_many,
            (false, true) => en_one,
            (false, false) => en_many,
        };
        let are = one(c.met, "är uppfyllt", "är uppfyllda", "is met", "are met");
        let left = one(
            c.not_reported,
            "är inte rapporterat",
            "är inte rapporterade",
            "is not reported",
            "are not reported",
        );
        Some(match sv(&w) {
            true => format!(
                "{met} av regionens {total} mätetal {are}, {partly} delvis och {not_met} inte; \
                 {not_reported} {left}."
            ),
            false => format!(
                "{met} of the region's {total} indicators {are}, {partly} partly and {not_met} \
                 not; {not_reported} {left}."
            ),
        })
    });
    p.finish()
}
