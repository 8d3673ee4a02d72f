//! The fields of a SIE record line: text, quoted text and object lists split into tokens, and
//! the amounts, dates and periods read from them.
//!
//! Not here: what a record means (`record.rs`, which reads its fields here).

use std::str::FromStr;

use rust_decimal::Decimal;

use crate::calendar::{Date, Month};
use crate::import::codepage::Encoding;
use crate::num::money::Amount;

/// A field of a record: text, or an object list `{dim obj …}`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Token {
    Text(Vec<u8>),
    List(Vec<Vec<u8>>),
}

/// One record line, split.
pub(super) struct Record {
    pub(super) line: usize,
    pub(super) label: String,
    pub(super) fields: Vec<Token>,
}

/// Splits a line into label and fields; fields are separated by spaces or tabs, may be quoted
/// (`\"` inside quotes is a quote), and object lists are in braces. An unclosed quote or brace
/// runs to the end of the line (and is reported by the caller through missing fields).
pub(super) fn tokens(line: &[u8]) -> (Vec<Token>, bool) {
    split(line, false)
}

/// [`tokens`]; inside an object list (`in_list`) a brace is plain text, as lists do not nest,
/// so the recursion is one level deep whatever the line holds.
pub(super) fn split(line: &[u8], in_list: bool) -> (Vec<Token>, bool) {
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

/// The record as text, for messages.
pub(super) fn text_of(rec: &Record, encoding: Encoding) -> String {
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

/// A SIE amount: digits with an optional minus and decimal point, within ±10^15, in whole öre.
pub(super) fn sie_amount(text: &str) -> Option<Amount> {
    let t = text.trim();
    let body = t.strip_prefix('-').unwrap_or(t);
    let ok = !body.is_empty()
        && body.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && body.bytes().filter(|&b| b == b'.').count() <= 1
        && body.len() <= 24;
    let d = Decimal::from_str(t).ok().filter(|_| ok)?;
    // No ledger books a fraction of an öre: such an amount is refused like an unreadable one.
    let in_ore = d.normalize().scale() <= 2;
    (in_ore && d.abs() <= Decimal::from(1_000_000_000_000_000_i64)).then_some(Amount::new(d))
}

/// `20250131` → 2025-01; a day the month does not have (`20250230`) is no date.
pub(super) fn date_month(text: &str) -> Option<Month> {
    let t = text.trim();
    if t.len() != 8 || !t.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (year, month) = (t[..4].parse().ok()?, t[4..6].parse().ok()?);
    Date::new(year, month, t[6..].parse().ok()?).ok()?;
    Month::new(year, month).ok()
}

/// `202501` → 2025-01.
pub(super) fn period_month(text: &str) -> Option<Month> {
    let t = text.trim();
    (t.len() == 6 && t.bytes().all(|b| b.is_ascii_digit()))
        .then(|| Month::new(t[..4].parse().ok()?, t[4..6].parse().ok()?).ok())
        .flatten()
}
