//! The committee paper's words in Swedish and English: headings, column names, month names,
//! statuses, and the sv-SE way every number is written (mnkr with one decimal, as the widget
//! shows; percent with one decimal). Both languages write numbers the Swedish way, as the widget
//! does.
//!
//! Not here: the summary's sentences, which are written in `summary.rs` beside the figures
//! they take.

use crate::calendar::Month;
use crate::deviation::Status;
use crate::model::Stage;
use crate::num::money::{Amount, DisplayUnit};
use crate::num::ratio::Percent;

use super::{Lang, PaperKind, SectionKind};

const MONTHS_SV: [&str; 12] = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const SHORT_SV: [&str; 12] = [
    "jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
];
const SHORT_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// The words of one language.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Words {
    pub lang: Lang,
}

pub(crate) fn of(lang: Lang) -> Words {
    Words { lang }
}

impl Words {
    /// Picks the Swedish or the English text.
    pub fn pick<'a>(&self, sv: &'a str, en: &'a str) -> &'a str {
        match self.lang {
            Lang::Sv => sv,
            Lang::En => en,
        }
    }

    pub fn title(&self, kind: PaperKind, as_of: Month) -> String {
        let month = self.month(as_of);
        match (self.lang, kind) {
            (Lang::Sv, PaperKind::Monthly) => format!("Månadsrapport {month}"),
            (Lang::Sv, PaperKind::Interim) => format!("Delårsrapport per {month}"),
            (Lang::En, PaperKind::Monthly) => format!("Monthly report {month}"),
            (Lang::En, PaperKind::Interim) => format!("Interim report as of {month}"),
        }
    }

    pub fn heading(&self, kind: SectionKind) -> &'static str {
        let (sv, en) = match kind {
            SectionKind::Summary => ("Sammanfattning", "Summary"),
            SectionKind::KeyFigures => ("Nyckeltal", "Key figures"),
            SectionKind::Deviation => ("Avvikelse mot budget", "Deviation from budget"),
            SectionKind::Months => ("Månad för månad", "Month by month"),
            SectionKind::Material => (
                "Väsentliga avvikelser, förklaringar och åtgärder",
                "Material deviations, explanations and actions",
            ),
            SectionKind::Escalation => ("Eskalering", "Escalation"),
            SectionKind::Effects => ("Åtgärdernas effekter", "Effects of measures"),
            SectionKind::Grants => ("Statsbidrag", "State grants"),
            SectionKind::Bridge => ("Resultatbrygga", "Result bridge"),
            SectionKind::Goals => ("Mål och mätetal", "Goals and indicators"),
        };
        match self.lang {
            Lang::Sv => sv,
            Lang::En => en,
        }
    }

    /// "augusti 2025".
    pub fn month(&self, month: Month) -> String {
        format!("{} {}", self.month_name(month), month.year())
    }

    /// "augusti".
    pub fn month_name(&self, month: Month) -> &'static str {
        match self.lang {
            Lang::Sv => MONTHS_SV[month.index()],
            Lang::En => MONTHS_EN[month.index()],
        }
    }

    /// "aug", for chart axes and table rows.
    pub fn month_short(&self, month: Month) -> &'static str {
        match self.lang {
            Lang::Sv => SHORT_SV[month.index()],
            Lang::En => SHORT_EN[month.index()],
        }
    }

    pub fn status(&self, status: Option<Status>) -> &'static str {
        match status {
            None => self.pick("inget utfall", "no outcome"),
            Some(Status::Within) => self.pick("Inom", "Within"),
            Some(Status::Favourable) => self.pick("Gynnsam", "Favourable"),
            Some(Status::Watch) => self.pick("Bevaka", "Watch"),
            Some(Status::Material) => self.pick("Väsentlig", "Material"),
        }
    }

    pub fn stage(&self, stage: Stage) -> &'static str {
        match stage {
            Stage::Planned => self.pick("Planerad", "Planned"),
            Stage::Decided => self.pick("Beslutad", "Decided"),
            Stage::Ongoing => self.pick("Pågående", "Ongoing"),
            Stage::Done => self.pick("Genomförd", "Done"),
            Stage::Cancelled => self.pick("Avbruten", "Cancelled"),
        }
    }

    pub fn yes_no(&self, yes: bool) -> &'static str {
        match yes {
            true => self.pick("ja", "yes"),
            false => self.pick("nej", "no"),
        }
    }

    /// What a material item without an explanation says (the controller's list before the
    /// committee meeting).
    pub fn missing_explanation(&self) -> &'static str {
        self.pick("förklaring saknas", "explanation missing")
    }
}

/// "148,0 mnkr": an amount as the widget shows it.
pub(crate) fn mnkr(amount: Amount) -> String {
    format!("{}\u{a0}mnkr", amount.format(DisplayUnit::Mnkr, 1))
}

/// "+35,0 mnkr", "−12,3 mnkr": a deviation with its sign, also when favourable.
pub(crate) fn signed_mnkr(amount: Amount) -> String {
    let text = mnkr(amount);
    let shows_digits = text.chars().any(|c| c.is_ascii_digit() && c != '0');
    if amount > Amount::ZERO && shows_digits {
        format!("+{text}")
    } else {
        text
    }
}

/// "58,9 %".
pub(crate) fn percent(p: Percent) -> String {
    format!(
        "{}\u{a0}%",
        Amount::new(p.decimal()).format(DisplayUnit::Kr, 1)
    )
}
