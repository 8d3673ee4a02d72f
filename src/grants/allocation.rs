//! Allocation of grants held at committee level to the units doing the work (fördelning av
//! statsbidrag), by shares, volumes or budgeted cost, exact to the öre.
//!
//! Each of a grant's amounts is split on its own by [`crate::periodise::allocate`] (largest
//! remainder), so every column of the allocation adds up exactly to the grant's figure and a
//! unit's result effect is the sum of its parts. Not here: which grants count as temporary.

use rust_decimal::Decimal;
use serde::Serialize;

use super::GrantFigures;
use crate::error::Result;
use crate::model::{AllocationKey, KeyBasis};
use crate::num::money::Amount;
use crate::org::Tree;
use crate::periodise::{allocate, Rounding};

/// One unit's share of a grant.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AllocatedPart {
    pub unit: String,
    /// The weight the key gave the unit (for a cost key, its budgeted gross cost, as a magnitude).
    pub weight: Decimal,
    pub ytd: GrantFigures,
    pub full_year: GrantFigures,
}

/// The weights of a key: given, or each key unit's budgeted gross cost for the year (its
/// subtree's, as a magnitude) from `gross_cost`, indexed by position and already rolled up.
pub fn weights(key: &AllocationKey, tree: &Tree, gross_cost: &[Amount]) -> Result<Vec<Decimal>> {
    key.units
        .iter()
        .map(|part| match key.by {
            // Normalised: a sum of periodised months carries two decimals, a weight does not.
            KeyBasis::Cost => {
                let gross = gross_cost[tree.position(&part.unit)?];
                Ok(gross.decimal().abs().normalize())
            }
            KeyBasis::Shares | KeyBasis::Volumes => Ok(part.weight.map_or(Decimal::ZERO, |w| w.0)),
        })
        .collect()
}

/// Splits the grant's to-date and full-year figures over the key's units by `weights`.
pub fn split(
    key: &AllocationKey,
    weights: &[Decimal],
    ytd: &GrantFigures,
    full_year: &GrantFigures,
) -> Result<Vec<AllocatedPart>> {
    let parts = |total: Amount| allocate(total, weights, Rounding::Ore);
    let (ytd_amount, ytd_costs) = (parts(ytd.amount)?, parts(ytd.financed_costs)?);
    let (fy_amount, fy_costs) = (parts(full_year.amount)?, parts(full_year.financed_costs)?);
    Ok(key
        .units
        .iter()
        .enumerate()
        .map(|(i, part)| AllocatedPart {
            unit: part.unit.clone(),
            weight: weights[i],
            ytd: GrantFigures::new(ytd_amount[i], ytd_costs[i]),
            full_year: GrantFigures::new(fy_amount[i], fy_costs[i]),
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::KeyPart;
    use crate::num::weight::Weight;
    use proptest::prelude::*;

    fn key(weights: &[Decimal]) -> AllocationKey {
        AllocationKey {
            by: KeyBasis::Shares,
            units: weights
                .iter()
                .enumerate()
                .map(|(i, w)| KeyPart {
                    unit: format!("U{i}"),
                    weight: Some(Weight(*w)),
                })
                .collect(),
        }
    }

    fn kr(text: &str) -> Amount {
        Amount::parse(text).unwrap()
    }

    #[test]
    fn awkward_shares_split_exactly_by_largest_remainder() {
        // 100 kr in thirds, and 0.01 kr by 1:1:1: the öre goes to the earliest largest remainder.
        let w = [Decimal::ONE, Decimal::ONE, Decimal::ONE];
        let ytd = GrantFigures::new(kr("0.01"), kr("-0.02"));
        let fy = GrantFigures::new(kr("100"), kr("-33.34"));
        let parts = split(&key(&w), &w, &ytd, &fy).unwrap();
        let amounts: Vec<String> = parts
            .iter()
            .map(|p| p.full_year.amount.to_canonical())
            .collect();
        assert_eq!(amounts, ["33.34", "33.33", "33.33"]);
        let costs: Vec<String> = parts
            .iter()
            .map(|p| p.full_year.financed_costs.to_canonical())
            .collect();
        assert_eq!(costs, ["-11.12", "-11.11", "-11.11"]);
        let effects: Vec<String> = parts
            .iter()
            .map(|p| p.full_year.result_effect.to_canonical())
            .collect();
        assert_eq!(effects, ["22.22", "22.22", "22.22"]);
        let ytd_amounts: Vec<String> = parts.iter().map(|p| p.ytd.amount.to_canonical()).collect();
        assert_eq!(ytd_amounts, ["0.01", "0", "0"]);
        // Shares 60,5 % / 25,25 % / 14,25 % of 173 mnkr + 0.07 kr.
        let w = [
            Decimal::new(605, 1),
            Decimal::new(2525, 2),
            Decimal::new(1425, 2),
        ];
        let fy = GrantFigures::new(kr("173000000.07"), Amount::ZERO);
        let parts = split(&key(&w), &w, &fy, &fy).unwrap();
        let amounts: Vec<String> = parts
            .iter()
            .map(|p| p.full_year.amount.to_canonical())
            .collect();
        assert_eq!(amounts, ["104665000.04", "43682500.02", "24652500.01"]);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(500))]
        #[test]
        fn every_column_sums_exactly_to_the_grant(
            amount in -10_000_000_000i64..10_000_000_000i64,
            costs in -10_000_000_000i64..=0i64,
            raw in proptest::collection::vec(0u32..1_000_000, 1..12),
            scale in 0u32..4,
        ) {
            prop_assume!(raw.iter().any(|&w| w > 0));
            let w: Vec<Decimal> = raw.iter().map(|&x| Decimal::new(x.into(), scale)).collect();
            let fy = GrantFigures::new(
                Amount::new(Decimal::new(amount, 2)),
                Amount::new(Decimal::new(costs, 2)),
            );
            let parts = split(&key(&w), &w, &fy, &fy).unwrap();
            let sum = |f: fn(&AllocatedPart) -> Amount| parts.iter().map(f).sum::<Amount>();
            prop_assert_eq!(sum(|p| p.full_year.amount), fy.amount);
            prop_assert_eq!(sum(|p| p.full_year.financed_costs), fy.financed_costs);
            prop_assert_eq!(sum(|p| p.full_year.result_effect), fy.result_effect);
            for (p, &wi) in parts.iter().zip(&w) {
                if wi.is_zero() {
                    prop_assert!(p.full_year.amount.is_zero());
                }
            }
        }
    }
}
