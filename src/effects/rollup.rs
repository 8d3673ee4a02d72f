//! Adding measures up: sums of planned, realised, forecast and expected effect, and the figures
//! a report shows for any group of measures (one measure, a unit's subtree, a category, a
//! programme): realisation rate, red/amber/green, shortfall, coverage and need.
//!
//! Every figure of a group is computed from the plain sum of its measures' amounts, never from
//! their rates, so roll-ups are exact and a parent equals the sum of its parts.

use std::ops::AddAssign;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::calendar::Month;
use crate::error::{Error, Result};
use crate::num::money::Amount;
use crate::num::ratio::Percent;
use crate::num::weight::Weight;

use super::measure::Series;

/// Amounts of a group of measures over some months.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct EffectSums {
    /// Planerad effekt for the whole span.
    pub planned: Amount,
    /// Planned effect of the months up to and including the report's month.
    pub planned_to_date: Amount,
    /// Realiserad effekt up to and including the report's month.
    pub realised_to_date: Amount,
    /// Prognos: realised in past years, the latest forecast for this and later years.
    pub forecast: Amount,
    /// Förväntad effekt: realised plus the probability-weighted rest of the forecast.
    pub expected: Amount,
}

impl AddAssign<&EffectSums> for EffectSums {
    fn add_assign(&mut self, other: &EffectSums) {
        self.planned += other.planned;
        self.planned_to_date += other.planned_to_date;
        self.realised_to_date += other.realised_to_date;
        self.forecast += other.forecast;
        self.expected += other.expected;
    }
}

impl EffectSums {
    /// A measure's series of `year`, seen from `as_of`.
    pub fn of_series(series: &Series, year: i32, as_of: Month) -> EffectSums {
        let to_date = match year.cmp(&as_of.year()) {
            std::cmp::Ordering::Less => 12,
            std::cmp::Ordering::Equal => as_of.number() as usize,
            std::cmp::Ordering::Greater => 0,
        };
        EffectSums {
            planned: series.planned.iter().sum(),
            planned_to_date: series.planned[..to_date].iter().sum(),
            realised_to_date: series.realised.iter().sum(),
            forecast: series.forecast.iter().sum(),
            expected: series.expected.iter().sum(),
        }
    }
}

/// Cut-offs of the realisation rate in percent: at least `green` is green, at least `amber`
/// amber, below it red. Default 90 and 70.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cutoffs {
    pub green: Weight,
    pub amber: Weight,
}

impl Default for Cutoffs {
    fn default() -> Cutoffs {
        Cutoffs {
            green: Weight(Decimal::from(90)),
            amber: Weight(Decimal::from(70)),
        }
    }
}

impl Cutoffs {
    pub fn check(&self) -> Result<()> {
        if self.amber.0 > self.green.0 || self.amber.0 < Decimal::ZERO {
            return Err(Error::option(
                "the amber cut-off must lie between 0 and the green cut-off",
            ));
        }
        Ok(())
    }

    /// Red, amber or green for a rate; none without a rate.
    pub fn rag(&self, rate: Option<Percent>) -> Option<Rag> {
        let rate = rate?.decimal();
        Some(if rate >= self.green.0 {
            Rag::Green
        } else if rate >= self.amber.0 {
            Rag::Amber
        } else {
            Rag::Red
        })
    }
}

/// Traffic light (röd, gul, grön) of a realisation rate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Rag {
    Green,
    Amber,
    Red,
}

/// What a report shows for a group of measures.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EffectFigures {
    pub planned: Amount,
    pub planned_to_date: Amount,
    pub realised_to_date: Amount,
    /// Realisation rate (realiseringsgrad), `realised / planned` to date; null when nothing is
    /// planned to date.
    pub rate: Option<Percent>,
    pub status: Option<Rag>,
    pub forecast: Amount,
    /// Uteblivna effekter: `planned − forecast`.
    pub shortfall: Amount,
    pub expected: Amount,
}

impl EffectFigures {
    pub fn new(sums: &EffectSums, cutoffs: &Cutoffs) -> EffectFigures {
        let rate = Percent::of(sums.realised_to_date, sums.planned_to_date);
        EffectFigures {
            planned: sums.planned,
            planned_to_date: sums.planned_to_date,
            realised_to_date: sums.realised_to_date,
            rate,
            status: cutoffs.rag(rate),
            forecast: sums.forecast,
            shortfall: sums.planned - sums.forecast,
            expected: sums.expected,
        }
    }
}

/// Against a programme's target: coverage (täckningsgrad) `expected / target`, null for a zero
/// target, and the need for new measures (behov av nya åtgärder) `max(0, target − expected)`.
pub fn coverage(expected: Amount, target: Amount) -> (Option<Percent>, Amount) {
    (
        Percent::of(expected, target),
        (target - expected).max(Amount::ZERO),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mnkr(n: i64) -> Amount {
        Amount::new(Decimal::from(n * 1_000_000))
    }

    #[test]
    fn the_seeds_hospital_care_rate_is_red() {
        let sums = EffectSums {
            planned: mnkr(231),
            planned_to_date: mnkr(231),
            realised_to_date: mnkr(136),
            forecast: mnkr(136),
            expected: mnkr(136),
        };
        let f = EffectFigures::new(&sums, &Cutoffs::default());
        assert_eq!(f.rate.unwrap().decimal().to_string(), "58.87");
        assert_eq!(
            Amount::new(f.rate.unwrap().decimal()).format(crate::num::money::DisplayUnit::Kr, 1),
            "58,9"
        );
        assert_eq!(f.status, Some(Rag::Red));
        assert_eq!(f.shortfall, mnkr(95));
    }

    #[test]
    fn cut_offs_are_inclusive_and_configurable() {
        let c = Cutoffs::default();
        let p = |n: i64, d: i64| Percent::of(mnkr(n), mnkr(d));
        assert_eq!(c.rag(p(9, 10)), Some(Rag::Green));
        assert_eq!(c.rag(p(7, 10)), Some(Rag::Amber));
        assert_eq!(c.rag(p(69, 100)), Some(Rag::Red));
        assert_eq!(c.rag(None), None);
        let strict = Cutoffs {
            green: Weight(Decimal::from(100)),
            amber: Weight(Decimal::from(95)),
        };
        assert_eq!(strict.rag(p(9, 10)), Some(Rag::Red));
        let wrong = Cutoffs {
            green: Weight(Decimal::from(50)),
            amber: Weight(Decimal::from(70)),
        };
        assert_eq!(wrong.check().unwrap_err().code(), "E_OPTION");
    }

    #[test]
    fn need_is_never_negative() {
        assert_eq!(coverage(mnkr(71), mnkr(119)).1, mnkr(48));
        let (cov, need) = coverage(mnkr(130), mnkr(119));
        assert_eq!(need, Amount::ZERO);
        assert_eq!(cov.unwrap().decimal().to_string(), "109.24");
        assert_eq!(coverage(mnkr(1), Amount::ZERO).0, None);
    }
}
