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

use std::collections::{BTreeMap, HashMap};
use std::str::FromStr;

use rust_decimal::Decimal;

use crate::calendar::Month;
use crate::num::money::Amount;

use super::assemble::{account_kind, Entry, Gathered};
use super::cells::When;
use super::codepage::{self, Encoding};
use super::columns::Measure;
use crate::model::Kind;
use crate::error::report::{ImportReport, Location};
use super::Settings;

/// A field of a record: text, or an object list `{dim obj …}`.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Token {
    Text(Vec<u8>),
    List(Vec<Vec<u8>>),
}

/// One record line, split.
struct Record {
    line: usize,
    label: String,
    fields: Vec<Token>,
}

/// Splits a line into label and fields; fields are separated by spaces or tabs, may be quoted
/// (`\"` inside quotes is a quote), and object lists are in braces. An unclosed quote or brace
/// runs to the end of the line (and is reported by the caller through missing fields).
fn tokens(line: &[u8]) -> (Vec<Token>, bool) {
    split(line, false)
}

/// [`tokens`]; inside an object list (`in_list`) a brace is plain text, as lists do not nest,
/// so the recursion is one level deep whatever the line holds.
fn split(line: &[u8], in_list: bool) -> (Vec<Token>, bool) {
    let mut out = Vec::new();
    let mut i = 0;
    let mut complete = true;
    while i < line.len() {
        match line[i] {
            b' ' | b'\t' => i += 1,
            b'{' if !in_list => {
                let end = line[i..].iter().position(|&b| b == b'}').map(|p| i + p);
                complete &= end.is_some();
                let end = end.unwrap_or(line.len());
                let (inner, inner_complete) = split(&line[i + 1..end], true);
                complete &= inner_complete;
                out.push(Token::List(
                    inner
                        .into_iter()
                        .map(|t| match t {
                            Token::Text(t) => t,
                            Token::List(_) => Vec::new(),
                        })
                        .collect(),
                ));
                i = end + 1;
            }
            b'"' => {
                let mut text = Vec::new();
                i += 1;
                let mut closed = false;
                while i < line.len() {
                    match line[i] {
                        b'\\' if line.get(i + 1) == Some(&b'"') => {
                            text.push(b'"');
                            i += 2;
                        }
                        b'"' => {
                            closed = true;
                            i += 1;
                            break;
                        }
                        b => {
                            text.push(b);
                            i += 1;
                        }
                    }
                }
                complete &= closed;
                out.push(Token::Text(text));
            }
            _ => {
                let start = i;
                while i < line.len()
                    && !matches!(line[i], b' ' | b'\t' | b'"')
                    && (in_list || line[i] != b'{')
                {
                    i += 1;
                }
                out.push(Token::Text(line[start..i].to_vec()));
            }
        }
    }
    (out, complete)
}

/// CRC-32 as SIE 4B specifies it (see the module's doc), fed record by record.
struct Checksum(u32);

impl Checksum {
    fn new() -> Checksum {
        Checksum(0xffff_ffff)
    }

    fn feed(&mut self, bytes: &[u8]) {
        for &b in bytes {
            let mut c = (self.0 ^ u32::from(b)) & 0xff;
            for _ in 0..8 {
                c = if c & 1 != 0 {
                    (c >> 1) ^ 0xedb8_8320
                } else {
                    c >> 1
                };
            }
            self.0 = (self.0 >> 8) ^ c;
        }
    }

    fn record(&mut self, tokens: &[Token]) {
        for t in tokens {
            match t {
                Token::Text(t) => self.feed(t),
                Token::List(items) => items.iter().for_each(|i| self.feed(i)),
            }
        }
    }

    fn value(&self) -> u32 {
        self.0 ^ 0xffff_ffff
    }
}

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
    periods: BTreeMap<(Measure, i32, Month, String), PeriodRows>,
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

/// Reads one record into `r`.
fn record_into(
    rec: &Record,
    encoding: Encoding,
    r: &mut Read,
    settings: &Settings,
    report: &mut ImportReport,
    voucher: &mut Option<(usize, Amount)>,
) -> Used {
    let text = |i: usize| match rec.fields.get(i) {
        Some(Token::Text(t)) => Some(encoding.text(t)),
        _ => None,
    };
    let at = |name: &str| Location::line(rec.line).field(format!("{} {name}", rec.label));
    // A period row that lacks a field or has one that cannot be read rejects the file (its
    // figures would be wrong); any other record we read is skipped with a warning.
    let bad = |name: &str, expected: &str, report: &mut ImportReport| {
        let found = text_of(rec, encoding);
        let message = format!("cannot read the {name} of {}: {found:?}", rec.label);
        if matches!(rec.label.as_str(), "#PSALDO" | "#PBUDGET") {
            report.error("E_SIE_RECORD", at(name), message, expected);
            Used::Rejected
        } else {
            report.warn(
                "W_SIE_RECORD",
                at(name),
                format!("{message}; the record is skipped (expected {expected})"),
            );
            Used::Skipped
        }
    };
    match rec.label.as_str() {
        "#FLAGGA" | "#DIM" | "#UNDERDIM" | "#GEN" => Used::Yes,
        "#FORMAT" => {
            if text(0).is_some_and(|f| !f.eq_ignore_ascii_case("PC8")) {
                report.warn(
                    "W_SIE_FORMAT",
                    at("format"),
                    "the format is not PC8 (IBM 437) as SIE requires",
                );
            }
            Used::Yes
        }
        "#SIETYP" => {
            r.sie_type = text(0).and_then(|t| t.trim().parse().ok());
            Used::Yes
        }
        "#FNAMN" => {
            r.company = text(0)
                .map(|t| t.trim().to_string())
                .filter(|t| !t.is_empty());
            Used::Yes
        }
        "#ORGNR" | "#FNR" => {
            if r.company_id.is_none() || rec.label == "#ORGNR" {
                r.company_id = text(0)
                    .map(|t| t.trim().to_string())
                    .filter(|t| !t.is_empty());
            }
            Used::Yes
        }
        "#OMFATTN" => {
            r.has_omfattn = true;
            Used::Yes
        }
        "#RAR" => {
            let (Some(year), Some(start), Some(end)) = (
                text(0).and_then(|t| t.parse::<i32>().ok()),
                text(1).and_then(|t| date_month(&t)),
                text(2).and_then(|t| date_month(&t)),
            ) else {
                return bad(
                    "year",
                    "#RAR year-number start-date end-date, e.g. #RAR 0 20250101 20251231",
                    report,
                );
            };
            r.years.insert(year, (start, end));
            Used::Yes
        }
        "#OBJEKT" => {
            let (Some(dim), Some(id)) = (text(0), text(1)) else {
                return bad("object", "#OBJEKT dimension object name", report);
            };
            if dim.trim() == settings.dimension {
                let name = text(2)
                    .map(|t| t.trim().to_string())
                    .filter(|t| !t.is_empty());
                r.object_names.insert(
                    id.trim().to_string(),
                    name.unwrap_or_else(|| id.trim().to_string()),
                );
            }
            Used::Yes
        }
        "#KONTO" => {
            let Some(account) = text(0).filter(|a| !a.trim().is_empty()) else {
                return bad("account", "#KONTO account name", report);
            };
            let name = text(1).map(|t| t.trim().to_string()).unwrap_or_default();
            r.accounts.insert(account.trim().to_string(), name);
            Used::Yes
        }
        "#KTYP" => {
            if let (Some(account), Some(kind)) = (text(0), text(1)) {
                let kind = match kind.trim() {
                    "I" => Some(Kind::Revenue),
                    "K" => Some(Kind::Cost),
                    _ => None,
                };
                if let Some(kind) = kind {
                    r.account_types.insert(account.trim().to_string(), kind);
                }
            }
            Used::Yes
        }
        "#IB" | "#UB" | "#RES" => {
            let (Some(year), Some(account), Some(amount)) = (
                text(0).and_then(|t| t.parse::<i32>().ok()),
                text(1).filter(|a| !a.trim().is_empty()),
                text(2).and_then(|t| sie_amount(&t)),
            ) else {
                return bad(
                    "amount",
                    "year-number account amount, e.g. #UB 0 1910 1234.50",
                    report,
                );
            };
            let entry = r
                .balances
                .entry((year, account.trim().to_string()))
                .or_default();
            match rec.label.as_str() {
                "#IB" => entry.0 = Some(amount),
                _ => entry.1 = Some((amount, rec.line)),
            }
            Used::Yes
        }
        "#PSALDO" | "#PBUDGET" => {
            let measure = if rec.label == "#PSALDO" {
                Measure::Outcome
            } else {
                Measure::Budget
            };
            let (Some(year), Some(month), Some(account)) = (
                text(0).and_then(|t| t.parse::<i32>().ok()),
                text(1).and_then(|t| period_month(&t)),
                text(2).filter(|a| !a.trim().is_empty()),
            ) else {
                return bad("period", "year-number period account {objects} amount, e.g. #PSALDO 0 202503 4010 {} -1234.50", report);
            };
            let Some(Token::List(objects)) = rec.fields.get(3) else {
                return bad(
                    "objects",
                    "an object list in braces: {} or {1 \"100\"}",
                    report,
                );
            };
            let Some(amount) = text(4).and_then(|t| sie_amount(&t)) else {
                return bad(
                    "amount",
                    "an amount with a decimal point, e.g. -1234.50",
                    report,
                );
            };
            if let Some((first, last)) = r.years.get(&year) {
                if month < *first || month > *last {
                    report.warn(
                        "W_SIE_PERIOD_OUTSIDE_YEAR",
                        at("period"),
                        format!("the period {month} is outside year {year} ({first} to {last}) in #RAR; the row is skipped"),
                    );
                    return Used::Skipped;
                }
            }
            let rows = r
                .periods
                .entry((measure, year, month, account.trim().to_string()))
                .or_default();
            let objects: Vec<String> = objects
                .iter()
                .map(|o| encoding.text(o).into_owned())
                .collect();
            match objects.as_slice() {
                [] => {
                    if rows.total.is_some() {
                        report.warn(
                            "W_DUPLICATE_ROW",
                            at("objects"),
                            "the account's total for this period appears again; the amounts are added",
                        );
                    }
                    let (sum, _) = rows.total.get_or_insert((Amount::ZERO, rec.line));
                    *sum += amount;
                    Used::Yes
                }
                [dim, object] if dim.trim() == settings.dimension => {
                    rows.objects
                        .push((object.trim().to_string(), amount, rec.line));
                    Used::Yes
                }
                _ => Used::Skipped,
            }
        }
        "#VER" => {
            *voucher = Some((rec.line, Amount::ZERO));
            Used::Skipped
        }
        "#TRANS" => {
            if let (Some((_, sum)), Some(amount)) =
                (voucher.as_mut(), text(2).and_then(|t| sie_amount(&t)))
            {
                *sum += amount;
            }
            Used::Skipped
        }
        _ => Used::Skipped,
    }
}

/// The record as text, for messages.
fn text_of(rec: &Record, encoding: Encoding) -> String {
    let mut out = rec.label.clone();
    for f in &rec.fields {
        out.push(' ');
        match f {
            Token::Text(t) => out.push_str(&encoding.text(t)),
            Token::List(items) => {
                let items: Vec<String> = items
                    .iter()
                    .map(|i| encoding.text(i).into_owned())
                    .collect();
                out.push_str(&format!("{{{}}}", items.join(" ")));
            }
        }
    }
    out
}

/// A SIE amount: digits with an optional minus and decimal point, within ±10^15.
fn sie_amount(text: &str) -> Option<Amount> {
    let t = text.trim();
    let body = t.strip_prefix('-').unwrap_or(t);
    let ok = !body.is_empty()
        && body.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && body.bytes().filter(|&b| b == b'.').count() <= 1
        && body.len() <= 24;
    let d = Decimal::from_str(t).ok().filter(|_| ok)?;
    (d.abs() <= Decimal::from(1_000_000_000_000_000_i64)).then_some(Amount::new(d))
}

/// `20250131` → 2025-01.
fn date_month(text: &str) -> Option<Month> {
    let t = text.trim();
    (t.len() == 8 && t.bytes().all(|b| b.is_ascii_digit()))
        .then(|| Month::new(t[..4].parse().ok()?, t[4..6].parse().ok()?).ok())
        .flatten()
}

/// `202501` → 2025-01.
fn period_month(text: &str) -> Option<Month> {
    let t = text.trim();
    (t.len() == 6 && t.bytes().all(|b| b.is_ascii_digit()))
        .then(|| Month::new(t[..4].parse().ok()?, t[4..6].parse().ok()?).ok())
        .flatten()
}

/// `IB + Σ PSALDO = UB` for balance accounts, `Σ PSALDO = RES` for result accounts, per year
/// where the file has both sides and the account's totals for the periods.
fn check_balances(r: &Read, report: &mut ImportReport) {
    let mut sums: BTreeMap<(i32, &str), Amount> = BTreeMap::new();
    for ((measure, year, _, account), rows) in &r.periods {
        if let (Measure::Outcome, Some((amount, _))) = (measure, rows.total) {
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

/// Period rows to entries: objects to their units, the rest of each total to the company.
fn gather(r: Read, settings: &Settings, report: &mut ImportReport) -> Gathered {
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
    for ((measure, _, month, account), rows) in r.periods {
        let kind =
            account_kind(&account, settings).or_else(|| r.account_types.get(&account).copied());
        let Some(kind) = kind else {
            skipped_balance += 1;
            continue;
        };
        let name = r.accounts.get(&account).filter(|n| !n.is_empty());
        g.describe_cost_type(&account, name.map(String::as_str), Some(kind));
        let mut entry = |unit: &str, ledger: Amount, line: usize| {
            let e = Entry {
                unit,
                cost_type: Some(&account),
                measure,
                when: When::Month(month),
                // Ledger sign (debit +) to result sign (revenue +, cost −).
                amount: -ledger,
                line,
            };
            g.add(e, || Location::line(line), report);
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
    g
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Document;
    use crate::import::ImportOptions;

    fn sie(bytes: &[u8]) -> (Document, ImportReport) {
        crate::import::read_with(
            crate::import::Format::Sie,
            bytes.into(),
            &ImportOptions::default().settings().unwrap(),
            &Document::default(),
        )
    }

    #[test]
    fn tokens_split_quotes_lists_and_escapes() {
        let (t, complete) = tokens(b"#OBJEKT\t1 \"7\" \"Sj\\\"uk\" {1 \"100\" 6 P1} x");
        assert!(complete);
        assert_eq!(
            t,
            [
                Token::Text(b"#OBJEKT".to_vec()),
                Token::Text(b"1".to_vec()),
                Token::Text(b"7".to_vec()),
                Token::Text(b"Sj\"uk".to_vec()),
                Token::List(vec![
                    b"1".to_vec(),
                    b"100".to_vec(),
                    b"6".to_vec(),
                    b"P1".to_vec()
                ]),
                Token::Text(b"x".to_vec()),
            ]
        );
        assert!(!tokens(b"#KONTO 3010 \"F\xf6rs").1);
        // Lists do not nest: a brace inside one is text, however many there are.
        let deep = [b"#PSALDO ".as_slice(), &[b'{'; 100_000]].concat();
        let (t, complete) = tokens(&deep);
        assert!(!complete);
        assert!(matches!(&t[1], Token::List(items) if items[0].len() == 99_999));
    }

    #[test]
    fn the_checksum_is_crc32_over_label_and_fields() {
        let mut c = Checksum::new();
        c.feed(b"123456789");
        assert_eq!(c.value(), 0xcbf4_3926, "the CRC-32 check value");
        let body: &[u8] = b"#FLAGGA 0\n#KSUMMA\n#KONTO 3010 \"F\x94rs\"\n";
        let (_, report) = sie(&[body, b"#KSUMMA 0\n"].concat());
        assert_eq!(report.errors[0].code, "E_SIE_CHECKSUM");
        let mut c = Checksum::new();
        c.record(&tokens(b"#KONTO 3010 \"F\x94rs\"").0);
        let fixed = [body, format!("#KSUMMA {}\n", c.value()).as_bytes()].concat();
        assert!(sie(&fixed).1.errors.is_empty());
    }

    const TYPE3: &[u8] = b"#FLAGGA 0\n#FORMAT PC8\n#SIETYP 3\n#FNAMN \"Region Test\"\n#ORGNR 232100-0000\n\
        #RAR 0 20250101 20251231\n#RAR -1 20240101 20241231\n#DIM 1 \"Kostnadsst\x84lle\"\n\
        #OBJEKT 1 \"10\" \"Akuten\"\n#OBJEKT 1 \"20\" \"IVA\"\n#KONTO 3010 \"Patientavgifter\"\n#KONTO 4010 \"Material\"\n\
        #KONTO 1910 \"Kassa\"\n#OMFATTN 20250228\n\
        #IB 0 1910 100.00\n#UB 0 1910 150.00\n#RES 0 4010 300.00\n\
        #PSALDO 0 202501 1910 {} 20.00\n#PSALDO 0 202502 1910 {} 20.00\n\
        #PSALDO 0 202501 3010 {} -1000.00\n#PSALDO 0 202501 3010 {1 \"10\"} -600.00\n#PSALDO 0 202501 3010 {1 \"20\"} -400.00\n\
        #PSALDO 0 202501 4010 {} 300.00\n#PSALDO 0 202501 4010 {1 \"10\"} 100.00\n#PSALDO 0 202501 4010 {6 \"P1\"} 50.00\n\
        #PBUDGET 0 202502 4010 {} 250.00\n#TAXAR 2026\n";

    #[test]
    fn objects_become_units_totals_are_not_counted_twice_and_signs_turn() {
        let (doc, report) = sie(TYPE3);
        assert!(report.errors.is_empty(), "{:?}", report.errors);
        let units: Vec<(&str, Option<&str>)> = doc
            .units
            .iter()
            .map(|u| (u.id.as_str(), u.parent.as_deref()))
            .collect();
        assert_eq!(
            units,
            [
                ("232100-0000", None),
                ("10", Some("232100-0000")),
                ("20", Some("232100-0000"))
            ]
        );
        assert_eq!(doc.units[1].name, "Akuten");
        let outcome: Vec<(String, String, String)> = doc
            .outcome
            .iter()
            .map(|r| {
                (
                    r.unit.to_string(),
                    r.cost_type.as_deref().unwrap().to_string(),
                    r.amount.to_canonical(),
                )
            })
            .collect();
        let expect = |u: &str, c: &str, a: &str| (u.to_string(), c.to_string(), a.to_string());
        assert_eq!(
            outcome,
            [
                expect("10", "3010", "600"),
                expect("10", "4010", "-100"),
                expect("20", "3010", "400"),
                expect("232100-0000", "4010", "-200"),
            ]
        );
        assert_eq!(
            doc.budget[0].months.as_ref().unwrap()[1].to_canonical(),
            "-250"
        );
        let codes: Vec<&str> = report.warnings.iter().map(|w| w.code).collect();
        // 100 + 40 ≠ 150, and 300 = 300 for the result account.
        assert_eq!(
            codes.iter().filter(|c| **c == "W_SIE_BALANCE").count(),
            1,
            "{codes:?}"
        );
        assert!(codes.contains(&"W_SIE_BALANCE_ACCOUNTS"));
        assert_eq!(report.rows.skipped, 2, "the {{6 P1}} row and #TAXAR");
        assert_eq!(report.encoding, "ibm437");
    }

    #[test]
    fn unbalanced_vouchers_and_missing_omfattn_are_warnings() {
        let text = "#SIETYP 4\n#RAR 0 20250101 20251231\n#VER A 1 20250105 \"x\"\n{\n#TRANS 1910 {} 100\n#TRANS 3010 {} -99\n}\n";
        let (_, report) = sie(text.as_bytes());
        let w = report
            .warnings
            .iter()
            .find(|w| w.code == "W_SIE_VOUCHER_UNBALANCED")
            .unwrap();
        assert_eq!(w.at.line, Some(3));
        let (_, report) = sie(b"#SIETYP 3\n#RAR 0 20250101 20251231\n");
        assert!(report.warnings.iter().any(|w| w.code == "W_SIE_NO_OMFATTN"));
    }

    #[test]
    fn truncated_records_are_errors_naming_the_line() {
        let (_, report) = sie(b"#SIETYP 4\n#RAR 0 20250101 20251231\n#PSALDO 0 202501 3010 {}\n");
        let e = &report.errors[0];
        assert_eq!(
            (e.code, e.at.line, e.at.field.as_deref()),
            ("E_SIE_RECORD", Some(3), Some("#PSALDO amount"))
        );
    }
}
