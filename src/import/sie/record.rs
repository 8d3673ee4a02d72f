//! One SIE record read into what the file holds: the fiscal years, accounts, objects, balances
//! and period rows, each fault located in the report; vouchers go on to `vouchers.rs`.
//!
//! Not here: splitting the line (see [`super::fields`]) or turning period rows into amounts
//! (`gather.rs`).

use crate::error::report::{ImportReport, Location};
use crate::import::codepage::Encoding;
use crate::import::columns::Figure;
use crate::import::Settings;
use crate::model::Kind;
use crate::num::money::Amount;

use super::fields::{date_month, period_month, sie_amount, text_of, Record, Token};
use super::{Read, Used};

/// Reads one record into `r`.
pub(super) fn record_into(
    rec: &Record,
    encoding: Encoding,
    r: &mut Read,
    settings: &Settings,
    report: &mut ImportReport,
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
                "#RES" => {
                    entry.1 = Some((amount, rec.line));
                    r.results
                        .insert((year, account.trim().to_string()), (amount, rec.line));
                }
                _ => entry.1 = Some((amount, rec.line)),
            }
            Used::Yes
        }
        "#PSALDO" | "#PBUDGET" => {
            let measure = if rec.label == "#PSALDO" {
                Figure::Outcome
            } else {
                Figure::Budget
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
                    "an amount in kronor with at most two decimals (öre), e.g. -1234.50",
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
        "#VER" | "#TRANS" | "#RTRANS" | "#BTRANS" => {
            r.vouchers
                .record(rec, encoding, &settings.dimension, report)
        }
        _ => Used::Skipped,
    }
}
