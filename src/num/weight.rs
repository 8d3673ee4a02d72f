//! A non-money weight: a seasonal key's part, a probability, a volume, a goal's target. Exact
//! like money, but not kronor, so it is not an [`crate::num::money::Amount`] and is never shown
//! as one.
//!
//! Not here: amounts (see [`super::money`]) or percentages of them (see [`super::ratio`]).

use std::fmt;

use rust_decimal::Decimal;
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize};

/// A non-money weight (a seasonal key): a decimal string or a JSON number, kept exact.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Weight(pub Decimal);

impl Serialize for Weight {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(&self.0.normalize().to_string())
    }
}

impl<'de> Deserialize<'de> for Weight {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Weight, D::Error> {
        struct WeightVisitor;
        impl Visitor<'_> for WeightVisitor {
            type Value = Weight;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a weight as a number or a decimal string")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> std::result::Result<Weight, E> {
                v.trim()
                    .parse::<Decimal>()
                    .map(Weight)
                    .map_err(|_| E::custom(format!("cannot read the weight {v:?} as a number")))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> std::result::Result<Weight, E> {
                // Shortest round-trip text of the float, so 0.1 stays 0.1.
                self.visit_str(&v.to_string())
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> std::result::Result<Weight, E> {
                Ok(Weight(Decimal::from(v)))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> std::result::Result<Weight, E> {
                Ok(Weight(Decimal::from(v)))
            }
        }
        d.deserialize_any(WeightVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn weights_take_numbers_and_strings_exactly() {
        assert!(serde_json::from_value::<Vec<Weight>>(json!(["0,5"])).is_err());
        let w: Vec<Weight> = serde_json::from_value(json!([0.1, "0.5", 3, " 2.25 "])).unwrap();
        let d: Vec<String> = w.iter().map(|w| w.0.to_string()).collect();
        assert_eq!(d, ["0.1", "0.5", "3", "2.25"]);
    }
}
