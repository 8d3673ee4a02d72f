//! The measures register (åtgärdsregister) and programmes (åtgärdsprogram) as schema 1 JSON
//! holds them, their validation, and one measure's monthly series for a year.
//!
//! Effects are savings: a positive amount is a better result. This module knows one measure at a
//! time; adding measures up is `rollup.rs`, the cumulative view `timeline.rs` (both read the
//! series made here).

use std::collections::{BTreeMap, HashSet};

use rust_decimal::Decimal;
use serde::Deserialize;

use crate::calendar::Month;
use crate::error::{Error, Result};
use crate::model::{PlanYear, Programme, Risk, SavingsMeasure, Stage};
use crate::num::money::{round_half_away, Amount, Months};
use crate::num::weight::Weight;
use crate::org::Tree;
use crate::periodise::{allocate, Rounding};

/// Probability of each risk level; by default low 0.9, medium 0.6, high 0.3.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RiskMapping {
    pub low: Weight,
    pub medium: Weight,
    pub high: Weight,
}

impl Default for RiskMapping {
    fn default() -> RiskMapping {
        RiskMapping {
            low: Weight(Decimal::new(9, 1)),
            medium: Weight(Decimal::new(6, 1)),
            high: Weight(Decimal::new(3, 1)),
        }
    }
}

impl RiskMapping {
    fn of(&self, risk: Risk) -> Decimal {
        match risk {
            Risk::Low => self.low.0,
            Risk::Medium => self.medium.0,
            Risk::High => self.high.0,
        }
    }

    /// Each probability lies in 0..=1.
    pub fn check(&self) -> Result<()> {
        for (name, w) in [
            ("low", self.low),
            ("medium", self.medium),
            ("high", self.high),
        ] {
            check_probability(w.0).map_err(|e| e.at(name))?;
        }
        Ok(())
    }
}

impl Programme {
    /// The years of the period, first to last.
    pub fn years(&self) -> std::ops::RangeInclusive<i32> {
        self.from..=self.to
    }

    /// Whether `measure` counts towards the programme.
    pub fn includes(&self, measure: &SavingsMeasure, tree: &Tree) -> bool {
        if let Some(ids) = &self.measures {
            return ids.contains(&measure.id);
        }
        let in_units = self.units.as_ref().map_or(true, |units| {
            let Ok(mut pos) = tree.position(&measure.unit) else {
                return false;
            };
            loop {
                if units.contains(&tree.unit(pos).id) {
                    return true;
                }
                match tree.parent(pos) {
                    Some(p) => pos = p,
                    None => return false,
                }
            }
        });
        let in_categories = self.categories.as_ref().map_or(true, |cats| {
            measure.category.as_ref().is_some_and(|c| cats.contains(c))
        });
        in_units && in_categories
    }
}

fn check_probability(p: Decimal) -> Result<()> {
    if p < Decimal::ZERO || p > Decimal::ONE {
        return Err(Error::option(format!(
            "a probability lies between 0 and 1, not {p}"
        )));
    }
    Ok(())
}

/// An amount of whole öre that is not negative: what a planned or forecast effect must be.
fn check_effect(a: Amount) -> Result<()> {
    check_ore(a)?;
    if a < Amount::ZERO {
        return Err(Error::Schema {
            reason: format!("an effect is a saving and cannot be negative ({a})"),
        });
    }
    Ok(())
}

/// Effects are kept in whole öre, so that they can be spread over months exactly.
pub fn check_ore(a: Amount) -> Result<()> {
    if a.decimal().normalize().scale() > 2 {
        return Err(Error::Schema {
            reason: format!("{a} has more than two decimals (öre)"),
        });
    }
    Ok(())
}

impl SavingsMeasure {
    /// Checks what serde cannot: the unit exists, each year is planned once in one form,
    /// months fall in their year, a month is reported once, amounts are in öre.
    pub fn check(&self, tree: &Tree) -> Result<()> {
        if self.id.trim().is_empty() {
            return Err(Error::Schema {
                reason: "a measure needs an id".into(),
            }
            .at("id"));
        }
        tree.position(&self.unit).map_err(|e| e.at("unit"))?;
        if self.probability.is_some() && self.risk.is_some() {
            let reason = "give a probability or a risk level, not both".into();
            return Err(Error::Schema { reason }.at("probability"));
        }
        if let Some(p) = self.probability {
            check_probability(p.0).map_err(|e| e.at("probability"))?;
        }
        let mut years = HashSet::new();
        for (i, plan) in self.plan.iter().enumerate() {
            plan_year_check(plan, &mut years).map_err(|e| e.at(format!("plan[{i}]")))?;
        }
        let mut months = HashSet::new();
        for (i, r) in self.realised.iter().enumerate() {
            let at = |e: Error| e.at(format!("realised[{i}]"));
            check_ore(r.amount).map_err(|e| at(e.at("amount")))?;
            if !months.insert(r.month) {
                let reason = format!("{} is reported twice", r.month);
                return Err(at(Error::Schema { reason }.at("month")));
            }
        }
        for (i, f) in self.forecasts.iter().enumerate() {
            let at = |e: Error| e.at(format!("forecasts[{i}]"));
            check_effect(f.amount).map_err(|e| at(e.at("amount")))?;
            Month::new(f.year, 1).map_err(|e| at(e.at("year")))?;
        }
        Ok(())
    }

    /// The probability that what is forecast but not yet realised comes: the measure's own,
    /// its risk level's, or 1 when it gives neither.
    pub fn probability(&self, risks: &RiskMapping) -> Decimal {
        match (self.probability, self.risk) {
            (Some(p), _) => p.0,
            (None, Some(risk)) => risks.of(risk),
            (None, None) => Decimal::ONE,
        }
    }

    /// The planned effect of `year`, month by month: an explicit plan for the year, or, for a
    /// recurring measure, the latest earlier full-year rate at full rate.
    pub fn planned(&self, year: i32) -> Result<Months> {
        let own = self.plan.iter().find(|p| p.year == year);
        let (in_year, start) = match own {
            Some(p) => {
                let start = p.start.map_or(1, Month::number);
                match (p.effect, p.rate) {
                    (Some(effect), _) => (effect, start),
                    (None, Some(rate)) => (part_of_year(rate, start), start),
                    (None, None) => (Amount::ZERO, start),
                }
            }
            None if self.recurring => {
                let earlier = self
                    .plan
                    .iter()
                    .filter(|p| p.year < year && p.rate.is_some())
                    .max_by_key(|p| p.year);
                match earlier.and_then(|p| p.rate) {
                    Some(rate) => (rate, 1),
                    None => (Amount::ZERO, 1),
                }
            }
            None => (Amount::ZERO, 1),
        };
        let weights: Vec<Decimal> = (1..=12u32)
            .map(|m| {
                if m >= start {
                    Decimal::ONE
                } else {
                    Decimal::ZERO
                }
            })
            .collect();
        spread(in_year, &weights)
    }

    /// The first month of planned effect (planerad start), if anything is planned.
    pub fn planned_start(&self) -> Option<Month> {
        self.plan
            .iter()
            .filter(|p| p.effect.or(p.rate).is_some_and(|a| !a.is_zero()))
            .filter_map(|p| Month::new(p.year, p.start.map_or(1, Month::number)).ok())
            .min()
    }

    /// The first month with a realised effect reported, up to and including `as_of`.
    pub fn first_realised(&self, as_of: Month) -> Option<Month> {
        self.realised
            .iter()
            .filter(|r| r.month <= as_of && !r.amount.is_zero())
            .map(|r| r.month)
            .min()
    }

    /// Realised effect of `year` per month, only months up to and including `as_of`.
    pub fn realised(&self, year: i32, as_of: Month) -> Months {
        let mut months = [Amount::ZERO; 12];
        for r in &self.realised {
            if r.month.year() == year && r.month <= as_of {
                months[r.month.index()] += r.amount;
            }
        }
        months
    }

    /// The latest forecast of `year` made in or before `as_of`.
    pub fn latest_forecast(&self, year: i32, as_of: Month) -> Option<Amount> {
        let made: BTreeMap<Month, Amount> = self
            .forecasts
            .iter()
            .filter(|f| f.year == year && f.made <= as_of)
            .map(|f| (f.made, f.amount))
            .collect();
        made.values().next_back().copied()
    }
}

/// One measure's effect in one year as of a month, month by month. Realised months after
/// `as_of` are zero; forecast and expected months are the realised ones through `as_of`, then
/// the rest of the year's figure spread like the plan over the months still to come.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Series {
    pub planned: Months,
    pub realised: Months,
    pub forecast: Months,
    pub expected: Months,
}

impl SavingsMeasure {
    /// The series of `year` as of `as_of`, with `probability` for what is not yet realised.
    ///
    /// The year's forecast is the realised effect once every month of the year has passed, or
    /// when the measure is cancelled (nothing more will come); otherwise the latest forecast
    /// made by `as_of`, or the plan when there is none. A forecast never counts below what the
    /// year has already realised: what has come is a fact. Expected effect is
    /// `realised + probability × (forecast − realised)`, rounded to öre half away from zero.
    pub fn series(&self, year: i32, as_of: Month, probability: Decimal) -> Result<Series> {
        let planned = self.planned(year)?;
        let realised = self.realised(year, as_of);
        let realised_sum: Amount = realised.iter().sum();
        // The months still to come in the year: none for a past year, all for a future one.
        let first_open = match year.cmp(&as_of.year()) {
            std::cmp::Ordering::Less => 12,
            std::cmp::Ordering::Equal => as_of.number() as usize,
            std::cmp::Ordering::Greater => 0,
        };
        let forecast_sum = if first_open == 12 || self.status == Stage::Cancelled {
            realised_sum
        } else {
            let given = self
                .latest_forecast(year, as_of)
                .unwrap_or_else(|| planned.iter().sum());
            given.max(realised_sum)
        };
        let rest = forecast_sum - realised_sum;
        let expected_rest = Amount::new(round_half_away(rest.decimal() * probability, 2));
        let weights: Vec<Decimal> = planned[first_open..].iter().map(|a| a.decimal()).collect();
        let with_rest = |rest: Amount| -> Result<Months> {
            let mut months = spread(rest, &weights)?;
            for (m, r) in months.iter_mut().zip(realised) {
                *m += r;
            }
            Ok(months)
        };
        Ok(Series {
            planned,
            realised,
            forecast: with_rest(rest)?,
            expected: with_rest(expected_rest)?,
        })
    }
}

fn plan_year_check(plan: &PlanYear, years: &mut HashSet<i32>) -> Result<()> {
    Month::new(plan.year, 1).map_err(|e| e.at("year"))?;
    if !years.insert(plan.year) {
        let reason = format!("{} is planned twice", plan.year);
        return Err(Error::Schema { reason }.at("year"));
    }
    match (plan.effect, plan.rate) {
        (Some(a), None) => check_effect(a).map_err(|e| e.at("effect"))?,
        (None, Some(a)) => check_effect(a).map_err(|e| e.at("rate"))?,
        _ => {
            let reason = "give the in-year effect (effect) or the full-year effect (rate)".into();
            return Err(Error::Schema { reason });
        }
    }
    if let Some(start) = plan.start.filter(|s| s.year() != plan.year) {
        let reason = format!("the start {start} is not in {}", plan.year);
        return Err(Error::Schema { reason }.at("start"));
    }
    Ok(())
}

/// `rate × months running / 12`, in öre, rounded half away from zero: a September start gives
/// 4/12 of the full-year effect.
pub fn part_of_year(rate: Amount, start: u32) -> Amount {
    let running = Decimal::from(13 - start);
    let exact = rate.decimal() * running / Decimal::from(12);
    Amount::new(round_half_away(exact, 2))
}

/// Splits `total` (whole öre) by `weights` exactly; evenly when the weights are all zero.
pub fn spread(total: Amount, weights: &[Decimal]) -> Result<Months> {
    let mut months = [Amount::ZERO; 12];
    if total.is_zero() || weights.is_empty() {
        return Ok(months);
    }
    let even;
    let weights = if weights.iter().all(|w| w.is_zero()) {
        even = vec![Decimal::ONE; weights.len()];
        &even
    } else {
        weights
    };
    let offset = 12 - weights.len();
    for (i, part) in allocate(total, weights, Rounding::Ore)?
        .into_iter()
        .enumerate()
    {
        months[offset + i] = part;
    }
    Ok(months)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mnkr(n: i64) -> Amount {
        Amount::new(Decimal::from(n * 1_000_000))
    }

    fn measure(plan: Vec<PlanYear>, recurring: bool) -> SavingsMeasure {
        SavingsMeasure {
            id: "M".into(),
            title: "T".into(),
            unit: "R".into(),
            category: None,
            owner: None,
            decision: None,
            status: Stage::Ongoing,
            recurring,
            probability: None,
            risk: None,
            plan,
            realised: vec![],
            forecasts: vec![],
        }
    }

    fn rate(year: i32, amount: Amount, start: u32) -> PlanYear {
        PlanYear {
            year,
            effect: None,
            rate: Some(amount),
            start: Some(Month::new(year, start).unwrap()),
        }
    }

    #[test]
    fn a_september_start_gives_four_twelfths_of_the_rate_in_year_one() {
        let m = measure(vec![rate(2024, mnkr(12), 9)], true);
        let months = m.planned(2024).unwrap();
        assert_eq!(months.iter().sum::<Amount>(), mnkr(4));
        assert!(months[..8].iter().all(|a| a.is_zero()));
        assert_eq!(months[8], mnkr(1));
        // A recurring measure runs at the full rate in later years.
        assert_eq!(m.planned(2025).unwrap().iter().sum::<Amount>(), mnkr(12));
        assert_eq!(m.planned(2026).unwrap()[0], mnkr(1));
        assert_eq!(
            m.planned(2023).unwrap().iter().sum::<Amount>(),
            Amount::ZERO
        );
        assert_eq!(m.planned_start(), Some(Month::new(2024, 9).unwrap()));
    }

    #[test]
    fn a_one_off_measure_does_not_run_in_later_years() {
        let m = measure(vec![rate(2024, mnkr(12), 9)], false);
        assert_eq!(m.planned(2024).unwrap().iter().sum::<Amount>(), mnkr(4));
        assert_eq!(
            m.planned(2025).unwrap().iter().sum::<Amount>(),
            Amount::ZERO
        );
    }

    #[test]
    fn uneven_parts_still_add_up_to_the_ore() {
        // 10 000 000 / 12 × 5 = 4 166 666.666…: rounded half away to 4 166 666.67.
        let m = measure(vec![rate(2025, mnkr(10), 8)], false);
        let months = m.planned(2025).unwrap();
        assert_eq!(months.iter().sum::<Amount>().to_canonical(), "4166666.67");
    }

    #[test]
    fn plans_are_checked() {
        let tree = Tree::new(vec![crate::model::Unit {
            id: "R".into(),
            name: "R".into(),
            parent: None,
            level: None,
        }])
        .unwrap();
        let mut m = measure(vec![rate(2025, mnkr(1), 3), rate(2025, mnkr(1), 4)], true);
        let e = m.check(&tree).unwrap_err();
        assert_eq!(e.field(), Some("plan[1].year"));
        m.plan = vec![PlanYear {
            year: 2025,
            effect: Some(mnkr(1)),
            rate: Some(mnkr(1)),
            start: None,
        }];
        assert_eq!(m.check(&tree).unwrap_err().field(), Some("plan[0]"));
        m.plan = vec![rate(2025, mnkr(-1), 1)];
        assert_eq!(m.check(&tree).unwrap_err().field(), Some("plan[0].rate"));
        m.plan = vec![PlanYear {
            year: 2025,
            effect: Some(mnkr(1)),
            rate: None,
            start: Some(Month::new(2024, 5).unwrap()),
        }];
        assert_eq!(m.check(&tree).unwrap_err().field(), Some("plan[0].start"));
        m.plan = vec![];
        m.unit = "X".into();
        assert_eq!(m.check(&tree).unwrap_err().code(), "E_UNKNOWN_UNIT");
    }
}
