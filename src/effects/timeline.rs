//! The cumulative timeline (tidpunkter för effekthemtagning) of a programme: planned, realised,
//! forecast and expected effect added up month by month across the programme's years.
//!
//! It only accumulates series the measures already computed; it decides nothing about them.

use serde::Serialize;

use crate::calendar::Month;
use crate::num::money::Amount;

use super::measure::Series;

/// Cumulative effect from the programme's first month through `month`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Point {
    pub month: Month,
    pub planned: Amount,
    /// Null after the report's month: nothing can be realised yet.
    pub realised: Option<Amount>,
    pub forecast: Amount,
    pub expected: Amount,
}

/// Adds `series` (one per year of the programme, first year first, each the sum over its
/// measures) up into one point per month.
pub fn cumulative(first_year: i32, series: &[Series], as_of: Month) -> Vec<Point> {
    let mut planned = Amount::ZERO;
    let mut realised = Amount::ZERO;
    let mut forecast = Amount::ZERO;
    let mut expected = Amount::ZERO;
    let mut points = Vec::with_capacity(series.len() * 12);
    for (year, s) in (first_year..).zip(series) {
        for (i, month) in Month::months_of(year).into_iter().enumerate() {
            planned += s.planned[i];
            realised += s.realised[i];
            forecast += s.forecast[i];
            expected += s.expected[i];
            points.push(Point {
                month,
                planned,
                realised: (month <= as_of).then_some(realised),
                forecast,
                expected,
            });
        }
    }
    points
}

/// Adds one measure's series into a running total, month by month.
pub fn add(total: &mut Series, s: &Series) {
    let pairs = [
        (&mut total.planned, &s.planned),
        (&mut total.realised, &s.realised),
        (&mut total.forecast, &s.forecast),
        (&mut total.expected, &s.expected),
    ];
    for (sum, part) in pairs {
        for (a, b) in sum.iter_mut().zip(part) {
            *a += *b;
        }
    }
}
