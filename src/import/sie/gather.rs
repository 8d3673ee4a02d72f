//! From what a SIE file holds to amounts: the balances checked (`IB + Σ PSALDO = UB`, `Σ PSALDO
//! = RES`), then period rows to amounts per unit and cost type, objects to their units and the
//! rest of each total to the company, so nothing counts twice; and the vouchers' amounts where
//! they are the outcome.
//!
//! Not here: reading the records (`record.rs`) or the vouchers (`vouchers.rs`).

use std::collections::{BTreeMap, BTreeSet};

use crate::error::report::{ImportReport, Location};
use crate::import::assemble::{result_ore, Gathered, ReadAmount};
use crate::import::cells::When;
use crate::import::columns::Figure;
use crate::import::Settings;
use crate::num::money::Amount;

use super::vouchers::outcome;
use super::Read;

/// `IB + Σ PSALDO = UB` for balance accounts, `Σ PSALDO = RES` for result accounts, per year
/// where the file has both sides and the account's totals for the periods.
pub(super) fn check_balances(r: &Read, report: &mut ImportReport) {
    let mut sums: BTreeMap<(i32, &str), Amount> = BTreeMap::new();
    for ((measure, year, _, account), rows) in &r.periods {
        if let (Figure::Outcome, Some((amount, _))) = (measure, rows.total) {
            *sums
                .entry((*year, account.as_str()))
                .or_insert(Amount::ZERO) += amount;
        }
    }
    for ((year, account), (opening, closing)) in &r.balances {
        let (Some((closing, line)), Some(sum)) = (closing, sums.get(&(*year, account.as_str())))
        else {
            continue;
        };
        let opening = opening.unwrap_or(Amount::ZERO);
        if opening + *sum != *closing {
            report.warn(
                "W_SIE_BALANCE",
                Location::line(*line).field(format!("account {account}")),
                format!(
                    "IB + Σ PSALDO ≠ UB for account {account}, year {year}: {} + {} = {}, but the closing balance is {}",
                    opening.to_canonical(),
                    sum.to_canonical(),
                    (opening + *sum).to_canonical(),
                    closing.to_canonical()
                ),
            );
        }
    }
}

/// Period rows to entries: objects to their units, the rest of each total to the company; with
/// `vouchers`, the vouchers' amounts too. Returns how many amounts were added.
pub(super) fn gather(
    r: Read,
    settings: &Settings,
    vouchers: bool,
    report: &mut ImportReport,
) -> (Gathered, usize) {
    let company_id = settings
        .root
        .clone()
        .or(r.company_id.clone())
        .unwrap_or_else(|| "FTG".into());
    let company_name = r.company.clone().unwrap_or_else(|| company_id.clone());
    let mut g = Gathered::default();
    g.root = Some((company_id.clone(), company_name));
    g.create_units = true;
    g.unit_names = r.object_names.clone();
    let mut skipped_balance = 0;
    let mut added = 0;
    for ((measure, _, month, account), rows) in &r.periods {
        let (measure, month) = (*measure, *month);
        let Some(kind) = r.kind_of(account, settings) else {
            skipped_balance += 1;
            continue;
        };
        let name = r.accounts.get(account).filter(|n| !n.is_empty());
        g.describe_cost_type(account, name.map(String::as_str), Some(kind));
        let mut entry = |unit: &str, ledger: Amount, line: usize| {
            let Some(ore) = result_ore(ledger, Location::line(line), report) else {
                return;
            };
            let e = ReadAmount {
                unit,
                cost_type: Some(account),
                figure: measure,
                when: When::Month(month),
                ore,
                line,
            };
            g.add(e, |_| Location::line(line), report);
            added += 1;
        };
        let mut on_objects = Amount::ZERO;
        for (object, amount, line) in &rows.objects {
            on_objects += *amount;
            entry(object, *amount, *line);
        }
        if let Some((total, line)) = rows.total {
            let rest = total - on_objects;
            if rows.objects.is_empty() || !rest.is_zero() {
                entry(&company_id, rest, line);
            }
        }
    }
    if skipped_balance > 0 {
        report.warn(
            "W_SIE_BALANCE_ACCOUNTS",
            Location::default(),
            format!("{skipped_balance} period row group(s) of balance sheet accounts (classes 1-2) are checked, not imported"),
        );
    }
    if vouchers {
        let mut skipped = BTreeSet::new();
        added += outcome(&r, &company_id, settings, &mut g, &mut skipped, report);
        if !skipped.is_empty() {
            let mut list: Vec<&str> = skipped.iter().take(20).map(String::as_str).collect();
            if skipped.len() > list.len() {
                list.push("…");
            }
            report.warn(
                "W_SIE_BALANCE_ACCOUNTS",
                Location::default().field("#TRANS"),
                format!(
                    "the transactions on {} account(s) outside the result classes (balance sheet accounts, classes 1-2, and others) are checked, not imported: {}",
                    skipped.len(),
                    list.join(", ")
                ),
            );
        }
    }
    (g, added)
}
