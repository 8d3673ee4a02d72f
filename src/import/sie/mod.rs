//! SIE 4 files (the Swedish standard export of accounting programs, types 1-4 and 4I): period
//! outcome (`#PSALDO`) and period budgets (`#PBUDGET`) per account, period and object become
//! outcome and monthly budgets per unit and cost type.
//!
//! Read: `#FLAGGA #FORMAT #SIETYP #RAR #DIM #UNDERDIM #OBJEKT #KONTO #KTYP #IB #UB #RES #PSALDO
//! #PBUDGET #OMFATTN #KSUMMA`, and `#VER`/`#TRANS` only to check that each voucher balances.
//! Everything else is skipped. The rules:
//! - Text is IBM code page 437 (`#FORMAT PC8`), with the fallback of [`super::codepage`].
//! - `#KSUMMA`: CRC-32 (IEEE 802.3: polynomial 0xEDB88320 reflected, start and final XOR
//!   0xFFFFFFFF) over the bytes of every record between the opening `#KSUMMA` and the closing
//!   `#KSUMMA n`: each record's label and field contents one after another, without the spaces
//!   or tabs between fields, the quotes around them, the braces of object lists, the braces of
//!   `#VER` blocks, or line ends (SIE 4B, section 5; checked on the real files of the corpus).
//! - Year numbers are relative (0 this year, -1 the year before) and resolved through `#RAR`.
//! - A period row without objects (`{}`) is the account's total; rows with exactly one object of
//!   the chosen dimension (default 1, kostnadsställe) go to that object's unit, and the total
//!   less those rows goes to the company's unit, so nothing counts twice. Rows for other
//!   dimensions or several objects are skipped.
//! - Accounts are cost types: class 3 revenue, 4-8 cost (configurable); `#KTYP I`/`K` for others;
//!   balance accounts are checked, not imported. Ledger sign (debit +) becomes result sign.
//!
//! Not here: building the document (see [`super::assemble`]).

mod checksum;
mod fields;
mod gather;
mod record;

use std::collections::{BTreeMap, HashMap};

use crate::calendar::Month;
use crate::num::money::Amount;

use super::assemble::Gathered;
use super::codepage::{self, Encoding};
use super::columns::Figure;
use crate::model::Kind;
use crate::error::report::{ImportReport, Location};
use super::Settings;

use checksum::Checksum;
use fields::{tokens, Record, Token};
use gather::{check_balances, gather};
use record::record_into;

/// A period row (`#PSALDO`, `#PBUDGET`) as read: the objects it is for, and the amount.
#[derive(Default)]
struct PeriodRows {
    total: Option<(Amount, usize)>,
    objects: Vec<(String, Amount, usize)>,
}

/// An account's opening balance (`#IB`, none for result accounts) and closing balance (`#UB`
/// or `#RES`) with the line of the latter.
type Balance = (Option<Amount>, Option<(Amount, usize)>);

/// Everything read from the file before it becomes entries.
#[derive(Default)]
struct Read {
    sie_type: Option<u8>,
    years: BTreeMap<i32, (Month, Month)>,
    accounts: HashMap<String, String>,
    /// Names of the chosen dimension's objects (#OBJEKT).
    object_names: HashMap<String, String>,
    account_types: HashMap<String, Kind>,
    company: Option<String>,
    company_id: Option<String>,
    has_omfattn: bool,
    /// (measure, year number, month, account) → rows
    periods: BTreeMap<(Figure, i32, Month, String), PeriodRows>,
    /// (year number, account) → its balances
    balances: BTreeMap<(i32, String), Balance>,
}

/// Reads SIE bytes into their amounts and the report on them; no amounts where the file could
/// not be decoded or holds no records.
pub fn read(bytes: &[u8], settings: &Settings) -> (Option<Gathered>, ImportReport) {
    let mut report = ImportReport::new("sie", settings.file.clone());
    report.sign = "ledger";
    let Some((encoding, body)) =
        codepage::detect(bytes, settings.encoding, Encoding::Ibm437, &mut report)
    else {
        return (None, report);
    };
    let mut r = Read::default();
    let records = records(body, encoding, &mut r, settings, &mut report);
    if records == 0 {
        report.error(
            "E_EMPTY",
            Location::line(1),
            "there are no SIE records in the file",
            "a SIE 4 file: lines starting with #FLAGGA, #SIETYP, #RAR, #KONTO, #PSALDO …",
        );
        return (None, report);
    }
    if !r.has_omfattn && matches!(r.sie_type, Some(2 | 3)) {
        report.warn(
            "W_SIE_NO_OMFATTN",
            Location::default().field("#OMFATTN"),
            "the file has no #OMFATTN: the date its balances run to is not stated",
        );
    }
    if let Some((y, (first, _))) = r.years.iter().find(|(_, (first, _))| first.number() != 1) {
        report.warn(
            "W_SIE_FISCAL_YEAR",
            Location::default().field(format!("#RAR {y}")),
            format!("the fiscal year {y} starts in {first}; balans keeps each month, and reports follow calendar years"),
        );
    }
    check_balances(&r, &mut report);
    let gathered = gather(r, settings, &mut report);
    (Some(gathered), report)
}

/// Reads every line; returns how many records there were.
fn records(
    body: &[u8],
    encoding: Encoding,
    r: &mut Read,
    settings: &Settings,
    report: &mut ImportReport,
) -> usize {
    let mut checksum: Option<Checksum> = None;
    let mut checksum_closed = false;
    let mut voucher: Option<(usize, Amount)> = None;
    let mut count = 0;
    for (index, raw) in body.split(|&b| b == b'\n').enumerate() {
        let line = index + 1;
        let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
        let (tokens, complete) = tokens(raw);
        let Some(Token::Text(label)) = tokens.first() else {
            continue; // blank line
        };
        if label == b"{" || label == b"}" {
            if label == b"}" {
                close_voucher(&mut voucher, report);
            }
            continue;
        }
        count += 1;
        report.rows.read += 1;
        if !label.starts_with(b"#") {
            report.rows.skipped += 1;
            report.warn(
                "W_SIE_NOT_A_RECORD",
                Location::line(line),
                "the line is not a record (it does not start with #) and is skipped",
            );
            continue;
        }
        let record = Record {
            line,
            label: encoding.text(label).to_ascii_uppercase(),
            fields: tokens[1..].to_vec(),
        };
        if record.label == "#KSUMMA" {
            report.rows.accepted += 1;
            match (&checksum, record.fields.first()) {
                (None, None) if !checksum_closed => checksum = Some(Checksum::new()),
                (Some(sum), Some(Token::Text(value))) => {
                    let text = encoding.text(value);
                    let computed = sum.value();
                    if text.trim().parse::<u32>().ok() != Some(computed) {
                        report.error(
                            "E_SIE_CHECKSUM",
                            Location::line(line).field("#KSUMMA"),
                            format!("the file's checksum {text} does not match its contents ({computed}): the file was changed or damaged after export"),
                            "an unchanged file as the program exported it",
                        );
                    }
                    checksum = None;
                    checksum_closed = true;
                }
                _ => report.warn(
                    "W_SIE_RECORD",
                    Location::line(line).field("#KSUMMA"),
                    "an unexpected #KSUMMA record is skipped",
                ),
            }
            continue;
        }
        if let Some(sum) = checksum.as_mut() {
            sum.record(&tokens);
        }
        if !complete {
            report.warn(
                "W_SIE_QUOTE",
                Location::line(line),
                "a quote or brace is not closed on this line",
            );
        }
        let used = record_into(&record, encoding, r, settings, report, &mut voucher);
        match used {
            Used::Yes => report.rows.accepted += 1,
            Used::Skipped => report.rows.skipped += 1,
            Used::Rejected => report.rows.rejected += 1,
        }
    }
    close_voucher(&mut voucher, report);
    if checksum.is_some() {
        report.error(
            "E_SIE_CHECKSUM",
            Location::default().field("#KSUMMA"),
            "the file opens a #KSUMMA checksum but never closes it: the file is cut short",
            "a closing #KSUMMA record with the checksum at the end of the file",
        );
    }
    count
}

/// What became of a record.
enum Used {
    Yes,
    Skipped,
    Rejected,
}

/// Checks the balance of the voucher (verifikation) just ended.
fn close_voucher(voucher: &mut Option<(usize, Amount)>, report: &mut ImportReport) {
    if let Some((line, sum)) = voucher.take().filter(|(_, sum)| !sum.is_zero()) {
        report.warn(
            "W_SIE_VOUCHER_UNBALANCED",
            Location::line(line).field("#VER"),
            format!(
                "the voucher's transactions add up to {} instead of 0: the file is out of balance",
                sum.to_canonical()
            ),
        );
    }
}

#[cfg(test)]
mod tests;
