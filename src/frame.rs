//! Frame allocation (ramfördelning): a parent's frame split among its children by percentage
//! shares, exact to the öre by largest remainder ([`crate::periodise::allocate`]). Shares that
//! do not add up to 100 % leave an explicit remainder row (positive when the shares fall short,
//! negative when they overshoot), never a silent error. This splits one frame; it does not store
//! frames as budgets.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::num::money::{round_half_away, Amount};
use crate::num::weight::Weight;
use crate::periodise::{allocate, Rounding};

/// One child's share of the frame, in percent.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Share {
    pub id: String,
    pub share: Weight,
}

/// One child's part.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FramePart {
    pub id: String,
    pub share: Weight,
    pub amount: Amount,
}

/// What is left when the shares do not add up to 100 %.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Remainder {
    /// `100 − Σ shares`, negative when they overshoot.
    pub share: Weight,
    pub amount: Amount,
}

/// The frame split: parts plus remainder are exactly the frame.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FrameAllocation {
    pub frame: Amount,
    pub parts: Vec<FramePart>,
    /// Absent when the shares add up to exactly 100 %.
    pub remainder: Option<Remainder>,
}

/// Splits `frame` by `shares` (percent, non-negative) to the öre: the parts take
/// `frame × Σ shares / 100` rounded half away from zero, split by largest remainder, and the
/// remainder row takes the rest.
pub fn allocate_frame(frame: Amount, shares: &[Share]) -> Result<FrameAllocation> {
    if let Some(i) = shares.iter().position(|s| s.share.0 < Decimal::ZERO) {
        return Err(Error::option("a share cannot be negative").at(format!("[{i}].share")));
    }
    let sum: Decimal = shares.iter().map(|s| s.share.0).sum();
    let allocated = if sum.is_zero() {
        Amount::ZERO
    } else {
        let exact = frame
            .decimal()
            .checked_mul(sum)
            .and_then(|d| d.checked_div(Decimal::ONE_HUNDRED))
            .ok_or_else(|| Error::option("the frame is too large for these shares"))?;
        Amount::new(round_half_away(exact, 2))
    };
    let amounts = if sum.is_zero() {
        vec![Amount::ZERO; shares.len()]
    } else {
        let weights: Vec<Decimal> = shares.iter().map(|s| s.share.0).collect();
        allocate(allocated, &weights, Rounding::Ore)?
    };
    let parts = shares
        .iter()
        .zip(amounts)
        .map(|(s, amount)| FramePart {
            id: s.id.clone(),
            share: s.share,
            amount,
        })
        .collect();
    let remainder = (sum != Decimal::ONE_HUNDRED).then(|| Remainder {
        share: Weight(Decimal::ONE_HUNDRED - sum),
        amount: frame - allocated,
    });
    Ok(FrameAllocation {
        frame,
        parts,
        remainder,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn shares(list: &[(&str, &str)]) -> Vec<Share> {
        list.iter()
            .map(|(id, s)| Share {
                id: id.to_string(),
                share: Weight(s.parse().unwrap()),
            })
            .collect()
    }

    #[test]
    fn the_regions_net_cost_frame_from_the_domain_guide() {
        // 8 334 mnkr for 2025 split 67.6, 17.5, 6.9, 5.5, 1.03, 0.9, 0.2 %: 99.63 %.
        let frame = Amount::parse("-8334 mnkr").unwrap();
        let split = allocate_frame(
            frame,
            &shares(&[
                ("HSN", "67.6"),
                ("KTN", "17.5"),
                ("RS", "6.9"),
                ("RUN", "5.5"),
                ("PN", "1.03"),
                ("RF", "0.9"),
                ("REV", "0.2"),
            ]),
        )
        .unwrap();
        assert_eq!(split.parts[0].amount.to_canonical(), "-5633784000");
        assert_eq!(split.parts[4].amount.to_canonical(), "-85840200");
        let remainder = split.remainder.unwrap();
        assert_eq!(remainder.share.0.to_string(), "0.37");
        assert_eq!(remainder.amount.to_canonical(), "-30835800");
        let total: Amount = split.parts.iter().map(|p| p.amount).sum();
        assert_eq!(total + remainder.amount, frame);
    }

    #[test]
    fn shares_of_exactly_100_leave_no_remainder_and_overshoot_leaves_a_negative_one() {
        let frame = Amount::parse("100").unwrap();
        let exact = allocate_frame(frame, &shares(&[("A", "33.33"), ("B", "66.67")])).unwrap();
        assert_eq!(exact.remainder, None);
        let over = allocate_frame(frame, &shares(&[("A", "60"), ("B", "50")])).unwrap();
        let r = over.remainder.unwrap();
        assert_eq!(
            (r.share.0.to_string(), r.amount.to_canonical()),
            ("-10".into(), "-10".into())
        );
        let e = allocate_frame(frame, &shares(&[("A", "1"), ("B", "-1")])).unwrap_err();
        assert_eq!((e.code(), e.field()), ("E_OPTION", Some("[1].share")));
    }

    proptest! {
        #[test]
        fn parts_and_remainder_always_sum_to_the_frame(
            frame in -1_000_000_000_000i64..1_000_000_000_000,
            raw in proptest::collection::vec(0u32..5_000, 0..12),
        ) {
            let frame = Amount::new(Decimal::new(frame, 2));
            let shares: Vec<Share> = raw.iter().enumerate()
                .map(|(i, s)| Share { id: i.to_string(), share: Weight(Decimal::new((*s).into(), 2)) })
                .collect();
            let split = allocate_frame(frame, &shares).unwrap();
            let parts: Amount = split.parts.iter().map(|p| p.amount).sum();
            let rest = split.remainder.as_ref().map_or(Amount::ZERO, |r| r.amount);
            prop_assert_eq!(parts + rest, frame);
            let sum: Decimal = shares.iter().map(|s| s.share.0).sum();
            prop_assert_eq!(split.remainder.is_none(), sum == Decimal::ONE_HUNDRED);
        }
    }
}
