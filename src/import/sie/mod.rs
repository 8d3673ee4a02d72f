//! SIE 4 files (the Swedish standard export of accounting programs, types 1-4 and 4I): period
//! outcome (`#PSALDO`) and period budgets (`#PBUDGET`) per account, period and object become
//! outcome and monthly budgets per unit and cost type; in a file without `#PSALDO`, the vouchers
//! (`#VER` with `#TRANS`) are the outcome.
//!
//! Read: `#FLAGGA #FORMAT #SIETYP #RAR #DIM #UNDERDIM #OBJEKT #KONTO #KTYP #IB #UB #RES #PSALDO
//! #PBUDGET #OMFATTN #KSUMMA #VER #TRANS #RTRANS #BTRANS`. Everything else is skipped. The rules:
//! - Lines end in CR LF, LF or a lone CR.
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
//! - Vouchers (rules in `vouchers.rs`) are the outcome where the file has no `#PSALDO` outcome
//!   rows, and are checked against `#RES`; a file with both takes `#PSALDO` and says so.
//! - A file that yields no amount at all is refused (`E_SIE_NOTHING`) with what it lacks.
//!
//! Not here: building the document (see [`super::assemble`]).

mod checksum;
mod fields;
mod gather;
mod record;
mod vouchers;

use std::collections::{BTreeMap, HashMap};

use crate::calendar::Month;
use crate::num::money::Amount;

use super::assemble::{account_kind, Gathered};
use super::codepage::{self, Encoding};
use super::columns::Figure;
use super::Settings;
use crate::error::report::{ImportReport, Location};
use crate::model::Kind;

use checksum::Checksum;
use fields::{tokens, Record, Token};
use gather::{check_balances, gather};
use record::record_into;
use vouchers::{check_results, Vouchers};

/// A period row (`#PSALDO`, `#PBUDGET`) as read: the objects it is for, and the amount.
#[derive(Default)]
struct PeriodRows {
    total: Option<(Amount, usize)>,
    objects: Vec<(String, Amount, usize)>,
}

impl PeriodRows {
    /// Whether any row was taken.
    fn any(&self) -> bool {
        self.total.is_some() || !self.objects.is_empty()
    }
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
    /// (year number, account) → its `#RES` and the line of it
    results: BTreeMap<(i32, String), (Amount, usize)>,
    vouchers: Vouchers,
}

impl Read {
    /// Revenue or cost by the account's number, or else by its `#KTYP`; `None` for balance
    /// sheet accounts and others outside the result classes.
    fn kind_of(&self, account: &str, settings: &Settings) -> Option<Kind> {
        account_kind(account, settings).or_else(|| self.account_types.get(account).copied())
    }
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
    let accepted_before = report.rows.accepted;
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
    // Rows skipped for their objects leave an empty entry: they are not period balances.
    let psaldo = r
        .periods
        .iter()
        .any(|((f, ..), rows)| *f == Figure::Outcome && rows.any());
    let use_vouchers = !psaldo && r.vouchers.any();
    r.vouchers.report_faults(use_vouchers, &mut report);
    if use_vouchers {
        check_results(&r, settings, &mut report);
    } else if r.vouchers.any() {
        report.warn(
            "W_SIE_VOUCHERS_UNUSED",
            Location::default().field("#VER"),
            format!(
                "the file has both period balances (#PSALDO) and vouchers ({} #VER, {} transactions): the outcome is taken from #PSALDO, the vouchers are only checked to balance",
                r.vouchers.vouchers, r.vouchers.transactions
            ),
        );
    }
    let lacks = nothing_reason(&r, accepted_before);
    let (gathered, amounts) = gather(r, settings, use_vouchers, &mut report);
    if amounts == 0 {
        report.error(
            "E_SIE_NOTHING",
            // No line is at fault: the field names what is missing.
            Location::default().field("#PSALDO, #TRANS"),
            format!("nothing can be imported from the file: {lacks}"),
            "a SIE file of type 2, 3 or 4 with period balances (#PSALDO) or vouchers (#VER with #TRANS) on result accounts (classes 3-8)",
        );
        return (None, report);
    }
    (Some(gathered), report)
}

/// Why a file that yielded no amount did, from what it holds.
fn nothing_reason(r: &Read, records_used: usize) -> String {
    let has_periods = r.periods.values().any(PeriodRows::any);
    if records_used == 0 {
        "it holds no SIE records (lines starting with #FLAGGA, #SIETYP, #KONTO …): it is not a SIE file".into()
    } else if has_periods || r.vouchers.any() {
        "its period balances (#PSALDO, #PBUDGET) and vouchers are all on balance sheet accounts (classes 1-2) or other accounts outside the result classes: it holds no revenue or cost".into()
    } else if !r.balances.is_empty() {
        let kind = match r.sie_type {
            Some(t) => format!("SIE type {t}, "),
            None => String::new(),
        };
        format!("it holds year totals only ({kind}#IB/#UB/#RES), no period balances (#PSALDO) or vouchers (#TRANS): no month's outcome can be taken from it; export SIE type 2, 3 or 4 instead")
    } else {
        "it has no period balances (#PSALDO), period budgets (#PBUDGET) or vouchers (#TRANS)".into()
    }
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
    let mut count = 0;
    for (index, raw) in lines(body).enumerate() {
        let line = index + 1;
        let (tokens, complete) = tokens(raw);
        let Some(Token::Text(label)) = tokens.first() else {
            continue; // blank line
        };
        if label == b"{" || label == b"}" {
            if label == b"}" {
                r.vouchers.close(report);
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
        let used = record_into(&record, encoding, r, settings, report);
        match used {
            Used::Yes => report.rows.accepted += 1,
            Used::Skipped => report.rows.skipped += 1,
            Used::Rejected => report.rows.rejected += 1,
        }
    }
    r.vouchers.close(report);
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

/// The lines of `body`, each ended by CR LF, LF or a lone CR (as old Mac programs wrote them).
fn lines(body: &[u8]) -> impl Iterator<Item = &[u8]> {
    let mut rest = Some(body);
    std::iter::from_fn(move || {
        let text = rest?;
        match text.iter().position(|&b| b == b'\n' || b == b'\r') {
            Some(i) => {
                let end = if text[i..].starts_with(b"\r\n") {
                    i + 2
                } else {
                    i + 1
                };
                rest = Some(&text[end..]);
                Some(&text[..i])
            }
            None => {
                rest = None;
                Some(text)
            }
        }
    })
}

#[cfg(test)]
mod tests;
