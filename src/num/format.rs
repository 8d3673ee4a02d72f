//! An amount written for people or for files, as `formatAmount` is asked for it: a display unit
//! (kr, tkr, mnkr), decimals, the unit's name after it, or plain text for a CSV cell.
//!
//! Not here: the sv-SE digits, grouping and rounding themselves ([`super::money::Amount::format`]).

use serde::Deserialize;

use crate::error::{Error, Result};

use super::money::{Amount, DisplayUnit};

/// The most decimals shown; beyond öre nothing a ledger holds is left to show.
const MAX_DECIMALS: u32 = 6;

/// How to write an amount (`FormatOptions` in the TypeScript types).
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FormatOptions {
    /// `kr` (default), `tkr` or `mnkr`.
    #[serde(default)]
    pub unit: Option<String>,
    /// Decimals shown, 0 to 6; 0 by default.
    #[serde(default)]
    pub decimals: Option<u32>,
    /// Append the unit: "−157,3 mnkr".
    #[serde(default)]
    pub suffix: bool,
    /// No thousands separators and an ASCII minus, for files: "-157,3".
    #[serde(default)]
    pub plain: bool,
}

impl Amount {
    /// The amount written as `options` ask; a fault is `E_OPTION` naming the option.
    pub fn format_with(self, options: &FormatOptions) -> Result<String> {
        let unit = match options.unit.as_deref() {
            Some(u) => DisplayUnit::parse(u).map_err(|e| e.at("unit"))?,
            None => DisplayUnit::Kr,
        };
        let decimals = options.decimals.unwrap_or(0);
        if decimals > MAX_DECIMALS {
            let reason = format!("at most {MAX_DECIMALS} decimals");
            return Err(Error::option(reason).at("decimals"));
        }
        let mut text = self.format(unit, decimals);
        if options.plain {
            text = text.replace('\u{a0}', "").replace('\u{2212}', "-");
        }
        if options.suffix {
            text = format!("{text}\u{a0}{}", unit.label());
        }
        Ok(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn format(amount: &str, options: FormatOptions) -> Result<String> {
        Amount::parse(amount).unwrap().format_with(&options)
    }

    #[test]
    fn units_suffix_and_plain_text() {
        let mnkr = FormatOptions {
            unit: Some("mnkr".into()),
            decimals: Some(1),
            suffix: true,
            ..FormatOptions::default()
        };
        assert_eq!(
            format("-157333333.36", mnkr).unwrap(),
            "\u{2212}157,3\u{a0}mnkr"
        );
        let plain = FormatOptions {
            decimals: Some(2),
            plain: true,
            ..FormatOptions::default()
        };
        assert_eq!(format("-1234567.5", plain).unwrap(), "-1234567,50");
    }

    #[test]
    fn faults_name_the_option() {
        let many = FormatOptions {
            decimals: Some(7),
            ..FormatOptions::default()
        };
        assert_eq!(format("1", many).unwrap_err().field(), Some("decimals"));
        let unit = FormatOptions {
            unit: Some("xyz".into()),
            ..FormatOptions::default()
        };
        assert_eq!(format("1", unit).unwrap_err().field(), Some("unit"));
    }
}
