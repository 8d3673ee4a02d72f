//! SIE vouchers (`#VER` blocks of `#TRANS`, `#RTRANS` and `#BTRANS`) read into sums per month,
//! account and object, each voucher checked to balance; where a file has no `#PSALDO`, those
//! sums are its outcome, checked against `#RES`.
//!
//! The rules (SIE 4B, and checked on the real files of the corpus):
//! - `#TRANS account {objects} amount [date] …`: a transaction, in ledger sign (debit +). Its own
//!   date places it in a month where it has one; otherwise its voucher's date does.
//! - `#BTRANS` is a removed transaction: not counted.
//! - `#RTRANS` is an added one, which the exporting program follows by an identical `#TRANS`
//!   (same account, objects and amount) for readers that do not know `#RTRANS`: the pair counts
//!   once, as the `#TRANS` (whose date is the voucher's; the `#RTRANS` carries the day the row
//!   was added). An `#RTRANS` without its twin counts by itself.
//! - The object of the chosen dimension in a transaction's object list puts the amount on that
//!   object's unit; a transaction without one goes to the company's unit.
//!
//! Not here: reading the record's fields (`fields.rs`) or the period rows (`record.rs`).

use std::collections::{BTreeMap, BTreeSet};

use crate::calendar::Month;
use crate::error::report::{ImportReport, Location};
use crate::import::assemble::{result_ore, Gathered, ReadAmount};
use crate::import::cells::When;
use crate::import::codepage::Encoding;
use crate::import::columns::Figure;
use crate::import::Settings;
use crate::num::money::Amount;

use super::fields::{date_month, sie_amount, text_of, Record, Token};
use super::{Read, Used};

/// (month, account, object of the chosen dimension) → the sum in ledger sign and the line of
/// the first transaction.
pub(super) type VoucherSums = BTreeMap<(Month, String, Option<String>), (Amount, usize)>;

/// Everything read from the vouchers.
#[derive(Default)]
pub(super) struct Vouchers {
    /// The voucher being read.
    open: Option<Open>,
    /// An `#RTRANS` waiting to see whether the next record is its `#TRANS` twin.
    pending: Option<Trans>,
    pub(super) sums: VoucherSums,
    pub(super) vouchers: usize,
    /// Transactions counted (a twin pair once).
    pub(super) transactions: usize,
    /// Transactions that could not be read or placed in a month: errors when the vouchers are
    /// the outcome, warnings when they are only checked.
    faults: Vec<Fault>,
}

/// A voucher (`#VER`) being read: its line, its date and the sum of its transactions so far.
struct Open {
    line: usize,
    date: Option<Month>,
    sum: Amount,
}

/// A transaction as read.
struct Trans {
    account: String,
    /// The object list, each item trimmed.
    objects: Vec<String>,
    /// The object of the chosen dimension in it.
    object: Option<String>,
    amount: Amount,
    date: Option<Month>,
    line: usize,
}

impl Trans {
    /// Whether `other` is this `#RTRANS`'s `#TRANS` twin: the same account, objects and amount.
    fn is_twin(&self, other: &Trans) -> bool {
        self.account == other.account
            && self.objects == other.objects
            && self.amount == other.amount
    }
}

/// A transaction that could not be used.
struct Fault {
    line: usize,
    /// Whether its record was counted as skipped (not an `#RTRANS` counted after it).
    skipped: bool,
    field: &'static str,
    message: String,
    expected: &'static str,
}

impl Vouchers {
    /// Reads `#VER`, `#TRANS`, `#RTRANS` or `#BTRANS`.
    pub(super) fn record(
        &mut self,
        rec: &Record,
        encoding: Encoding,
        dimension: &str,
        report: &mut ImportReport,
    ) -> Used {
        let text = |i: usize| match rec.fields.get(i) {
            Some(Token::Text(t)) => Some(encoding.text(t).trim().to_string()),
            _ => None,
        };
        if rec.label == "#VER" {
            self.close(report);
            self.vouchers += 1;
            // #VER series number date …; the date may be quoted.
            let date = text(2).and_then(|t| date_month(&t));
            self.open = Some(Open {
                line: rec.line,
                date,
                sum: Amount::ZERO,
            });
            return Used::Yes;
        }
        if rec.label == "#BTRANS" {
            // A removed row, whatever it holds; it ends any #RTRANS's wait for its twin.
            self.flush();
            return Used::Skipped;
        }
        let account = text(0).filter(|a| !a.is_empty());
        let objects = match rec.fields.get(1) {
            Some(Token::List(items)) => Some(
                items
                    .iter()
                    .map(|o| encoding.text(o).trim().to_string())
                    .collect::<Vec<_>>(),
            ),
            _ => None,
        };
        let amount = text(2).and_then(|t| sie_amount(&t));
        let date_text = text(3).unwrap_or_default();
        let date = date_month(&date_text);
        let fault = |field, expected| Fault {
            line: rec.line,
            skipped: true,
            field,
            message: format!("cannot read the {field} of {}", text_of(rec, encoding)),
            expected,
        };
        let (account, objects, amount) = match (account, objects, amount) {
            (Some(account), Some(objects), Some(amount)) => (account, objects, amount),
            (None, ..) => return self.fault(fault("account", "an account number")),
            (_, None, _) => {
                return self.fault(fault(
                    "objects",
                    "an object list in braces: {} or {1 \"100\"}",
                ))
            }
            (.., None) => {
                return self.fault(fault(
                    "amount",
                    "an amount with a decimal point, e.g. -1234.50",
                ))
            }
        };
        if date.is_none() && !date_text.is_empty() {
            return self.fault(fault("date", "a date YYYYMMDD, e.g. 20250131, or none"));
        }
        let trans = Trans {
            account,
            object: object_of(&objects, dimension),
            objects,
            amount,
            date,
            line: rec.line,
        };
        if rec.label == "#RTRANS" {
            self.flush();
            self.pending = Some(trans);
            return Used::Yes;
        }
        match self.pending.take() {
            // The twin counts; its #RTRANS is the same row.
            Some(added) if added.is_twin(&trans) => {}
            Some(added) => {
                self.count(added, false);
            }
            None => {}
        }
        if self.count(trans, true) {
            Used::Yes
        } else {
            Used::Skipped
        }
    }

    /// Keeps a fault for the end, when it is known whether the vouchers are the outcome.
    fn fault(&mut self, fault: Fault) -> Used {
        self.faults.push(fault);
        Used::Skipped
    }

    /// Ends the voucher being read (at its `}`, the next `#VER` or the end of the file) and
    /// checks that it balances.
    pub(super) fn close(&mut self, report: &mut ImportReport) {
        self.flush();
        if let Some(open) = self.open.take().filter(|o| !o.sum.is_zero()) {
            report.warn(
                "W_SIE_VOUCHER_UNBALANCED",
                Location::line(open.line).field("#VER"),
                format!(
                    "the voucher's transactions add up to {} instead of 0: the file is out of balance",
                    open.sum.to_canonical()
                ),
            );
        }
    }

    /// Counts an `#RTRANS` whose twin did not follow.
    fn flush(&mut self) {
        if let Some(added) = self.pending.take() {
            self.count(added, false);
        }
    }

    /// Adds a transaction to its voucher and to the sums of its month; false (and a fault) where
    /// it has no month. `current`: it is the record being read.
    fn count(&mut self, t: Trans, current: bool) -> bool {
        let Some(month) = t.date.or(self.open.as_ref().and_then(|o| o.date)) else {
            self.faults.push(Fault {
                line: t.line,
                skipped: current,
                field: "date",
                message: format!(
                    "the transaction on account {} has no date, and neither has a voucher around it",
                    t.account
                ),
                expected: "a #VER with a date YYYYMMDD, or a date on the #TRANS",
            });
            return false;
        };
        if let Some(open) = self.open.as_mut() {
            open.sum += t.amount;
        }
        self.transactions += 1;
        let slot = self
            .sums
            .entry((month, t.account, t.object))
            .or_insert((Amount::ZERO, t.line));
        slot.0 += t.amount;
        true
    }
}

impl Vouchers {
    /// Whether the file has vouchers with transactions, read or not.
    pub(super) fn any(&self) -> bool {
        self.transactions > 0 || !self.faults.is_empty()
    }

    /// Reports the transactions that could not be used: errors when the vouchers are the
    /// outcome (`used`; their figures would be wrong), warnings when they are only checked.
    pub(super) fn report_faults(&mut self, used: bool, report: &mut ImportReport) {
        for f in self.faults.drain(..) {
            let at = Location::line(f.line).field(format!("#TRANS {}", f.field));
            if used {
                if f.skipped {
                    report.rows.skipped -= 1;
                    report.rows.rejected += 1;
                }
                report.error("E_SIE_RECORD", at, f.message, f.expected);
            } else {
                report.warn(
                    "W_SIE_RECORD",
                    at,
                    format!(
                        "{}; the transaction is skipped (expected {})",
                        f.message, f.expected
                    ),
                );
            }
        }
    }
}

/// The object of `dimension` in an object list `[dim, object, dim, object …]`.
fn object_of(objects: &[String], dimension: &str) -> Option<String> {
    objects
        .chunks_exact(2)
        .find(|pair| pair[0] == dimension)
        .map(|pair| pair[1].clone())
        .filter(|o| !o.is_empty())
}

/// `Σ #TRANS = #RES` per account and year, for the years (`#RAR`) that have both vouchers and
/// `#RES` rows: every account with a `#RES` in such a year, and every result account with
/// vouchers in it (a missing `#RES` is zero).
pub(super) fn check_results(r: &Read, settings: &Settings, report: &mut ImportReport) {
    let year_of = |m: Month| {
        r.years
            .iter()
            .find(|(_, (first, last))| *first <= m && m <= *last)
            .map(|(y, _)| *y)
    };
    let mut sums: BTreeMap<(i32, &str), Amount> = BTreeMap::new();
    for ((month, account, _), (amount, _)) in &r.vouchers.sums {
        if let Some(year) = year_of(*month) {
            *sums.entry((year, account.as_str())).or_insert(Amount::ZERO) += *amount;
        }
    }
    let voucher_years: BTreeSet<i32> = sums.keys().map(|(y, _)| *y).collect();
    let result_years: BTreeSet<i32> = r.results.keys().map(|(y, _)| *y).collect();
    let mut keys: BTreeSet<(i32, &str)> = r
        .results
        .keys()
        .filter(|(y, _)| voucher_years.contains(y))
        .map(|(y, a)| (*y, a.as_str()))
        .collect();
    keys.extend(
        sums.keys()
            .filter(|(y, a)| result_years.contains(y) && r.kind_of(a, settings).is_some()),
    );
    for (year, account) in keys {
        let stated = r.results.get(&(year, account.to_string()));
        let sum = sums.get(&(year, account)).copied().unwrap_or(Amount::ZERO);
        let res = stated.map_or(Amount::ZERO, |(amount, _)| *amount);
        if sum == res {
            continue;
        }
        let at = stated.map_or_else(Location::default, |(_, line)| Location::line(*line));
        report.warn(
            "W_SIE_VOUCHERS_RES",
            at.field(format!("account {account}")),
            format!(
                "Σ #TRANS ≠ #RES for account {account}, year {year}: the vouchers add up to {}, but {}: a difference of {}",
                sum.to_canonical(),
                match stated {
                    Some(_) => format!("#RES gives {}", res.to_canonical()),
                    None => "the file has no #RES for it".to_string(),
                },
                (sum - res).to_canonical()
            ),
        );
    }
}

/// The vouchers' sums to outcome amounts: objects of the chosen dimension to their units, the
/// rest to the company's unit. Returns how many amounts were added; accounts outside the result
/// classes are put in `skipped`.
pub(super) fn outcome(
    r: &Read,
    company: &str,
    settings: &Settings,
    g: &mut Gathered,
    skipped: &mut BTreeSet<String>,
    report: &mut ImportReport,
) -> usize {
    let mut added = 0;
    for ((month, account, object), (ledger, line)) in &r.vouchers.sums {
        let Some(kind) = r.kind_of(account, settings) else {
            skipped.insert(account.clone());
            continue;
        };
        let name = r.accounts.get(account).filter(|n| !n.is_empty());
        g.describe_cost_type(account, name.map(String::as_str), Some(kind));
        let Some(ore) = result_ore(*ledger, Location::line(*line), report) else {
            continue;
        };
        let e = ReadAmount {
            unit: object.as_deref().unwrap_or(company),
            cost_type: Some(account),
            figure: Figure::Outcome,
            when: When::Month(*month),
            ore,
            line: *line,
        };
        g.add(e, |_| Location::line(*line), report);
        added += 1;
    }
    added
}
