//! Periodisation (periodisering): spreading an annual amount over twelve months, and the exact
//! largest-remainder split it rests on, which frame and grant allocation use as well.
//!
//! Every split here is exact: the parts add up to the whole to the öre (or krona), because a
//! controller checks that the months sum to the annual budget. This module does not decide which
//! rows get which method, nor does it round for display.

use std::cmp::Reverse;

use rust_decimal::Decimal;

use crate::calendar::Month;
use crate::error::{Error, Result};
use crate::num::money::Amount;

/// How an annual budget is spread over the months (periodiseringsmetod).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Method {
    /// Twelve equal parts.
    Linear,
    /// By calendar days, so February gets less, and more in a leap year.
    Days,
    /// By Swedish working days (arbetsdagar), see [`Month::workdays`].
    Workdays,
    /// By a seasonal key (säsongsprofil): non-negative weights, not all zero, any sum.
    Profile([Decimal; 12]),
    /// By last year's monthly outcome (fjolårets utfall) of the same row; `None` when there is
    /// none.
    PriorYear(Option<[Amount; 12]>),
}

/// Which method was actually applied: [`Method::PriorYear`] falls back to linear when last year
/// gives no usable shape.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum MethodKind {
    Linear,
    Days,
    Workdays,
    Profile,
    PriorYear,
}

impl MethodKind {
    const ALL: [MethodKind; 5] = [
        MethodKind::Linear,
        MethodKind::Days,
        MethodKind::Workdays,
        MethodKind::Profile,
        MethodKind::PriorYear,
    ];

    /// Reads a method's name as [`MethodKind::name`] writes it.
    pub fn parse(text: &str) -> Result<MethodKind> {
        let known = MethodKind::ALL.into_iter().find(|kind| kind.name() == text);
        known.ok_or_else(|| {
            let names = MethodKind::ALL.map(MethodKind::name).join(", ");
            Error::option(format!(
                "unknown periodisation method {text:?}; expected one of {names}"
            ))
        })
    }

    /// The name used in options and reports, e.g. `"prior-year"`.
    pub fn name(self) -> &'static str {
        match self {
            MethodKind::Linear => "linear",
            MethodKind::Days => "days",
            MethodKind::Workdays => "workdays",
            MethodKind::Profile => "profile",
            MethodKind::PriorYear => "prior-year",
        }
    }
}

/// The smallest part handed out: öre (default) or whole kronor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Rounding {
    #[default]
    Ore,
    Krona,
}

impl Rounding {
    /// Reads `"ore"` (or `"öre"`) and `"krona"` (or `"kr"`).
    pub fn parse(text: &str) -> Result<Rounding> {
        match text {
            "ore" | "öre" => Ok(Rounding::Ore),
            "krona" | "kr" => Ok(Rounding::Krona),
            _ => Err(Error::option(format!(
                "unknown rounding {text:?}; expected \"ore\" (or \"öre\") or \"krona\" (or \"kr\")"
            ))),
        }
    }

    /// Decimal places of the unit.
    fn decimals(self) -> u32 {
        match self {
            Rounding::Ore => 2,
            Rounding::Krona => 0,
        }
    }
}

/// An annual amount spread over the months, January first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Periodised {
    pub months: [Amount; 12],
    pub method: MethodKind,
}

/// Spreads `amount` over the twelve months of `year` so that the parts sum exactly to `amount`.
pub fn periodise(
    amount: Amount,
    year: i32,
    method: &Method,
    rounding: Rounding,
) -> Result<Periodised> {
    let months = Month::months_of(year);
    let (weights, kind) = match method {
        Method::Linear => (linear(), MethodKind::Linear),
        Method::Days => (months.map(|m| Decimal::from(m.days())), MethodKind::Days),
        Method::Workdays => (
            months.map(|m| Decimal::from(m.workdays())),
            MethodKind::Workdays,
        ),
        Method::Profile(profile) => {
            // Checked here, not left to `allocate`, so the message names the month.
            if let Some(m) = months.iter().find(|m| profile[m.index()] < Decimal::ZERO) {
                let weight = profile[m.index()];
                return Err(periodise_error(format!(
                    "the profile weight for {m} is negative ({weight}); a profile needs \
                     non-negative weights"
                )));
            }
            if profile.iter().all(|w| w.is_zero()) {
                return Err(periodise_error("the profile weights are all zero"));
            }
            (*profile, MethodKind::Profile)
        }
        Method::PriorYear(last) => match last.as_ref().and_then(prior_year_weights) {
            Some(weights) => (weights, MethodKind::PriorYear),
            None => (linear(), MethodKind::Linear),
        },
    };
    let parts = allocate(amount, &weights, rounding)?;
    let mut months = [Amount::ZERO; 12];
    months.copy_from_slice(&parts);
    Ok(Periodised {
        months,
        method: kind,
    })
}

fn linear() -> [Decimal; 12] {
    [Decimal::ONE; 12]
}

/// Last year's months as magnitudes, or `None` when they give no shape: all zero, or of both
/// signs (a month of revenue in a cost row says nothing about how the cost falls).
fn prior_year_weights(last: &[Amount; 12]) -> Option<[Decimal; 12]> {
    let positive = last.iter().any(|a| a.decimal() > Decimal::ZERO);
    let negative = last.iter().any(|a| a.decimal() < Decimal::ZERO);
    // Neither sign means all zero; both means the sign changes.
    (positive != negative).then(|| last.map(|a| a.abs().decimal()))
}

/// Splits `total` by `weights` into parts that sum exactly to `total` (largest remainder, ties
/// to the earliest). Used for periodisation, frame allocation (ramfördelning) and grant
/// allocation.
///
/// Each part is `|total| * w / W` rounded down to the unit, and the units left over go one each
/// to the parts with the largest remainders, earliest first; all parts take the sign of `total`.
/// So every part is within one unit of its exact share and a zero weight gets zero. It is
/// computed in whole units with integers, never by inexact decimal division.
pub fn allocate(total: Amount, weights: &[Decimal], rounding: Rounding) -> Result<Vec<Amount>> {
    let units = whole_units(total, rounding)?;
    let weights = integer_weights(weights)?;
    let whole = weights
        .iter()
        .try_fold(0i128, |sum, &w| sum.checked_add(w))
        .ok_or_else(|| periodise_error("the weights are too large to add up"))?;
    // `whole` is at most i128::MAX, below 2^127 as `mul_div` needs; every weight is at most it.
    let whole = whole as u128;
    let magnitude = units.unsigned_abs();
    let (mut parts, remainders): (Vec<u128>, Vec<u128>) = weights
        .iter()
        .map(|&w| mul_div(magnitude, w as u128, whole))
        .unzip();
    // The floors fall short of the whole by fewer units than there are weights.
    let left = (magnitude - parts.iter().sum::<u128>()) as usize;
    let mut order: Vec<usize> = (0..parts.len()).collect();
    // A stable sort keeps the earliest first among equal remainders.
    order.sort_by_key(|&i| Reverse(remainders[i]));
    for &i in &order[..left] {
        parts[i] += 1;
    }
    let negative = units < 0;
    parts
        .into_iter()
        .map(|part| {
            // A part is at most |units|, which came from an i128.
            let part = part as i128;
            let signed = if negative { -part } else { part };
            to_amount(signed, rounding.decimals()).ok_or_else(|| {
                periodise_error(format!(
                    "{total} is too large to split into parts of whole units"
                ))
            })
        })
        .collect()
}

/// `units` of `10^-decimals` kr as an amount, written with the unit's decimals where a decimal
/// can hold them and with fewer (dropping zeros) near the largest decimal.
fn to_amount(units: i128, decimals: u32) -> Option<Amount> {
    let (mut mantissa, mut scale) = (units, decimals);
    loop {
        if let Ok(d) = Decimal::try_from_i128_with_scale(mantissa, scale) {
            return Some(Amount::new(d));
        }
        if scale == 0 || mantissa % 10 != 0 {
            return None;
        }
        mantissa /= 10;
        scale -= 1;
    }
}

/// `total` as a whole number of öre or kronor.
fn whole_units(total: Amount, rounding: Rounding) -> Result<i128> {
    let d = total.decimal();
    let to_ore = scale_to(d.mantissa(), d.scale(), 2);
    let units = match rounding {
        Rounding::Ore => to_ore,
        Rounding::Krona => scale_to(d.mantissa(), d.scale(), 0),
    };
    match (to_ore, units) {
        (None, _) => Err(periodise_error(format!(
            "the total {d} is not a whole number of öre"
        ))),
        (Some(_), None) => Err(periodise_error(format!(
            "the total {d} has öre but the rounding is to whole kronor; round the total to \
             kronor or use rounding \"ore\""
        ))),
        (Some(_), Some(units)) => Ok(units),
    }
}

/// `mantissa / 10^scale` expressed in units of `10^-decimals`, if that is a whole number.
/// Never overflows: a decimal's mantissa is below 2^96 and `decimals` is at most 2.
fn scale_to(mantissa: i128, scale: u32, decimals: u32) -> Option<i128> {
    if scale <= decimals {
        Some(mantissa * 10i128.pow(decimals - scale))
    } else {
        let divisor = 10i128.checked_pow(scale - decimals)?;
        (mantissa % divisor == 0).then(|| mantissa / divisor)
    }
}

/// The weights as integers at one common scale, so that their ratios are exact; checked to be
/// non-empty, non-negative and not all zero.
fn integer_weights(weights: &[Decimal]) -> Result<Vec<i128>> {
    if weights.is_empty() {
        return Err(periodise_error("there are no weights to split by"));
    }
    if let Some((i, w)) = weights
        .iter()
        .enumerate()
        .find(|(_, w)| **w < Decimal::ZERO)
    {
        return Err(periodise_error(format!(
            "weight {} is negative ({w}); weights must be zero or more",
            i + 1
        )));
    }
    if weights.iter().all(|w| w.is_zero()) {
        return Err(periodise_error(
            "the weights are all zero, so there is nothing to split by",
        ));
    }
    // Trailing zeros would only raise the common scale and risk overflow.
    let weights: Vec<Decimal> = weights.iter().map(|w| w.normalize()).collect();
    let scale = weights.iter().map(|w| w.scale()).max().unwrap_or(0);
    weights
        .iter()
        .map(|w| {
            10i128
                .checked_pow(scale - w.scale())
                .and_then(|factor| w.mantissa().checked_mul(factor))
                .ok_or_else(|| {
                    periodise_error(
                        "the weights differ too much in size and precision to be split exactly",
                    )
                })
        })
        .collect()
}

/// `(a * b / d` rounded down, `a * b mod d)` without overflow, for `b <= d` and `0 < d < 2^127`:
/// the product of a large total and a finely scaled weight (a share with 28 decimals of a
/// frame in kronor) does not fit in 128 bits, but the quotient and remainder do.
fn mul_div(a: u128, b: u128, d: u128) -> (u128, u128) {
    // a * b = (qa * d + ra) * b, and qa * b <= a because b <= d.
    let (qa, ra) = (a / d, a % d);
    // Long multiplication of ra by b, bit by bit, keeping ra * (bits so far) = q * d + r with
    // r < d; r < d < 2^127 keeps every doubling and addition within 128 bits.
    let (mut q, mut r) = (0u128, 0u128);
    for bit in (0..u128::BITS - b.leading_zeros()).rev() {
        q <<= 1;
        r <<= 1;
        if r >= d {
            r -= d;
            q += 1;
        }
        if (b >> bit) & 1 == 1 {
            r += ra;
            if r >= d {
                r -= d;
                q += 1;
            }
        }
    }
    (qa * b + q, r)
}

fn periodise_error(reason: impl Into<String>) -> Error {
    Error::Periodise {
        reason: reason.into(),
    }
}

#[cfg(test)]
#[path = "periodise_tests.rs"]
mod tests;
