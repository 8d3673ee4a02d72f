//! What a preview needs of the workspace an import would go into, without the amounts of its rows:
//! the import panel reads a file in a Web Worker, which has no workspace, and a region's year is a
//! million rows, whose JSON written, sent and read whole made a month-end re-import's preview take
//! twice a first import's (1M sparse lines in Chromium: 6.7 s against 3.5 s). A context is the
//! workspace's document without its five row lists (budget, outcome, forecasts, one-offs,
//! volumes), so with the units and cost types a file's are resolved against and the small lists,
//! and of those rows the keys only (`model/keys.rs`): every distinct key once, its ids as numbers
//! into one list of ids, so that what an import would replace is counted exactly as
//! [`Document::would_replace`] counts it.
//!
//! As bytes (`ws.importContext()`, a `Uint8Array` a worker takes without a copy), little-endian:
//! the tag `BLNSCTX1`; the document's JSON text (u32 length, UTF-8); the ids (u32 count, each a
//! u32 length and UTF-8); then per row list, in the order above, the keys (u32 count, each the
//! difference to the one before as LEB128, the keys ascending). A key is its words (the ids'
//! numbers, years, months) put together 32 bits each, last word lowest: a month's rows of one
//! unit and cost type differ by one, a byte each.
//!
//! Not here: the keys themselves (`model/keys.rs`), merging (`model/merge.rs`), reading the file.

use crate::error::report::ImportSummary;
use crate::error::{Error, Result};
use crate::hash::FastMap;
use crate::model::{
    BudgetRow, Document, ForecastRow, OneOffRow, OutcomeRow, VolumeRow, SCHEMA_VERSION,
};

/// What a preview needs of a workspace: its document without the row lists, and their keys.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Context {
    /// The workspace's document with budget, outcome, forecasts, one-offs and volumes empty.
    pub document: Document,
    /// The ids the keys name; a key names the one at `i` as `i + 1` (0 is no cost type).
    ids: Vec<String>,
    /// Per row list (budget, outcome, forecasts, one-offs, volumes), the distinct keys,
    /// ascending (so that the bytes hold the small steps between them).
    keys: [Vec<u128>; 5],
}

const TAG: &[u8; 8] = b"BLNSCTX1";

/// A row's key as one number: its ids through `id` (`None` when an id has no number, a key the
/// context cannot hold), its years and months as they are.
trait Packed {
    fn packed(&self, id: &mut impl FnMut(&str) -> Option<u32>) -> Option<u128>;
}

/// The words of a key, last lowest. Keys of one list have as many words, so none collide.
fn pack(words: &[u32]) -> u128 {
    words.iter().fold(0, |key, &w| key << 32 | u128::from(w))
}

fn month(m: crate::calendar::Month) -> u32 {
    // Years are 1900-2199: twelve bits and the month below them.
    (m.year() as u32) << 4 | m.number()
}

/// A row's unit and cost type (0 for none).
fn row_ids(
    unit: &str,
    cost_type: Option<&str>,
    id: &mut impl FnMut(&str) -> Option<u32>,
) -> Option<[u32; 2]> {
    let cost_type = match cost_type {
        Some(c) => id(c)?,
        None => 0,
    };
    Some([id(unit)?, cost_type])
}

impl Packed for BudgetRow {
    fn packed(&self, id: &mut impl FnMut(&str) -> Option<u32>) -> Option<u128> {
        let [u, c] = row_ids(&self.unit, self.cost_type.as_deref(), id)?;
        Some(pack(&[u, c, self.year as u32]))
    }
}

impl Packed for OutcomeRow {
    fn packed(&self, id: &mut impl FnMut(&str) -> Option<u32>) -> Option<u128> {
        let [u, c] = row_ids(&self.unit, self.cost_type.as_deref(), id)?;
        Some(pack(&[u, c, month(self.month)]))
    }
}

impl Packed for ForecastRow {
    fn packed(&self, id: &mut impl FnMut(&str) -> Option<u32>) -> Option<u128> {
        let [u, c] = row_ids(&self.unit, self.cost_type.as_deref(), id)?;
        Some(pack(&[u, c, self.year as u32, month(self.made)]))
    }
}

impl Packed for OneOffRow {
    fn packed(&self, id: &mut impl FnMut(&str) -> Option<u32>) -> Option<u128> {
        let [u, c] = row_ids(&self.unit, self.cost_type.as_deref(), id)?;
        Some(pack(&[u, c, month(self.month)]))
    }
}

impl Packed for VolumeRow {
    fn packed(&self, id: &mut impl FnMut(&str) -> Option<u32>) -> Option<u128> {
        let [u, c] = row_ids(&self.unit, self.cost_type.as_deref(), id)?;
        let metric = id(&self.metric)?;
        Some(pack(&[u, c, month(self.month), metric]))
    }
}

/// The keys of `rows` whose ids `id` numbers, ascending, a key twice where two rows share it.
fn sorted_keys<T: Packed>(rows: &[T], id: &mut impl FnMut(&str) -> Option<u32>) -> Vec<u128> {
    let mut keys: Vec<u128> = rows.iter().filter_map(|r| r.packed(id)).collect();
    keys.sort_unstable();
    keys
}

/// The distinct keys of `rows`, ascending, their ids numbered by `id`.
fn keys_of<T: Packed>(rows: &[T], id: &mut impl FnMut(&str) -> Option<u32>) -> Vec<u128> {
    let mut keys = sorted_keys(rows, id);
    keys.dedup();
    keys
}

/// How many of `rows` have a key in `keys` (ascending). The rows' keys are sorted too and both
/// lists walked once, side by side: a binary search per row, or a set of the held keys, missed
/// the cache at every row (a sparse year: 1.3 million keys, 21 MB; as a set, 34 MB more, built
/// in the worker's memory for each preview).
fn held<T: Packed>(keys: &[u128], rows: &[T], id: &mut impl FnMut(&str) -> Option<u32>) -> usize {
    if keys.is_empty() || rows.is_empty() {
        return 0;
    }
    let mut keys = keys.iter().peekable();
    sorted_keys(rows, id)
        .iter()
        .filter(|&&key| {
            while keys.next_if(|&&k| k < key).is_some() {}
            keys.peek() == Some(&&key)
        })
        .count()
}

impl Context {
    /// The context of a workspace holding `doc`.
    pub fn of(doc: &Document) -> Context {
        // A few thousand ids, each kept twice while the keys are made.
        let mut numbers: FastMap<String, u32> = FastMap::default();
        let mut ids: Vec<String> = Vec::new();
        let mut id = |text: &str| -> Option<u32> {
            Some(match numbers.get(text) {
                Some(&n) => n,
                None => {
                    ids.push(text.to_string());
                    let n = ids.len() as u32;
                    numbers.insert(text.to_string(), n);
                    n
                }
            })
        };
        let keys = [
            keys_of(&doc.budget, &mut id),
            keys_of(&doc.outcome, &mut id),
            keys_of(&doc.forecasts, &mut id),
            keys_of(&doc.one_offs, &mut id),
            keys_of(&doc.volumes, &mut id),
        ];
        Context {
            document: without_rows(doc),
            ids,
            keys,
        }
    }

    /// What merging `incoming` into the workspace would replace, per list: the same counts as
    /// [`Document::would_replace`] over the workspace's whole document.
    pub fn would_replace(&self, incoming: &Document) -> ImportSummary {
        let numbers: FastMap<&str, u32> = self
            .ids
            .iter()
            .zip(1..)
            .map(|(s, n)| (s.as_str(), n))
            .collect();
        let mut id = |text: &str| numbers.get(text).copied();
        let [budget, outcome, forecasts, one_offs, volumes] = &self.keys;
        ImportSummary {
            budget_rows: held(budget, &incoming.budget, &mut id),
            outcome_rows: held(outcome, &incoming.outcome, &mut id),
            forecast_rows: held(forecasts, &incoming.forecasts, &mut id),
            one_off_rows: held(one_offs, &incoming.one_offs, &mut id),
            volume_rows: held(volumes, &incoming.volumes, &mut id),
            // The row lists of `document` are empty: these lists' counts, and zeros.
            ..self.document.would_replace(incoming)
        }
    }

    /// The context as bytes (the layout is in the module's doc).
    pub fn to_bytes(&self) -> Result<Vec<u8>> {
        let text = serde_json::to_string(&self.document).map_err(|e| Error::Json {
            reason: e.to_string(),
        })?;
        let keys: usize = self.keys.iter().map(Vec::len).sum();
        let mut out = Vec::with_capacity(text.len() + 64 + keys * 2);
        out.extend_from_slice(TAG);
        put_text(&mut out, &text)?;
        put_len(&mut out, self.ids.len())?;
        for id in &self.ids {
            put_text(&mut out, id)?;
        }
        for list in &self.keys {
            put_len(&mut out, list.len())?;
            let mut last = 0u128;
            for &key in list {
                put_leb(&mut out, key - last);
                last = key;
            }
        }
        Ok(out)
    }

    /// A context from [`Context::to_bytes`]; anything else is `E_OPTION` (or the error of its
    /// document's text).
    pub fn from_bytes(bytes: &[u8]) -> Result<Context> {
        let mut r = Reader { bytes, at: 0 };
        if r.take(TAG.len())? != TAG {
            return Err(not_a_context());
        }
        let text = r.text()?;
        let document = crate::import::json::read_text(text)?;
        let ids = (0..r.len()?)
            .map(|_| r.text().map(str::to_string))
            .collect::<Result<Vec<String>>>()?;
        let mut keys: [Vec<u128>; 5] = Default::default();
        for list in &mut keys {
            let n = r.len()?;
            list.reserve(n.min(bytes.len()));
            let mut last = 0u128;
            for i in 0..n {
                let delta = r.leb()?;
                // Ascending and distinct, as written.
                if i > 0 && delta == 0 {
                    return Err(not_a_context());
                }
                last = last.checked_add(delta).ok_or_else(not_a_context)?;
                list.push(last);
            }
        }
        if r.at != bytes.len() {
            return Err(not_a_context());
        }
        Ok(Context {
            document,
            ids,
            keys,
        })
    }
}

/// The document's lists but the rows, copied (the rows left out, not copied and dropped). Every
/// field is named, so a list added to [`Document`] is not left out of a context unseen.
fn without_rows(doc: &Document) -> Document {
    let Document {
        schema: _,
        name,
        units,
        cost_types,
        budget: _,
        outcome: _,
        forecasts: _,
        measures,
        programmes,
        effect_entries,
        one_offs: _,
        volumes: _,
        thresholds,
        goals,
        grants,
        comments,
    } = doc;
    Document {
        // Whatever the workspace's says, the text has to read back.
        schema: SCHEMA_VERSION,
        name: name.clone(),
        units: units.clone(),
        cost_types: cost_types.clone(),
        measures: measures.clone(),
        programmes: programmes.clone(),
        effect_entries: effect_entries.clone(),
        thresholds: thresholds.clone(),
        goals: goals.clone(),
        grants: grants.clone(),
        comments: comments.clone(),
        ..Document::default()
    }
}

fn not_a_context() -> Error {
    Error::option("expected an import context from ws.importContext() of this version of balans")
}

fn put_len(out: &mut Vec<u8>, n: usize) -> Result<()> {
    let n = u32::try_from(n).map_err(|_| Error::option("an import context over 4 GB"))?;
    out.extend_from_slice(&n.to_le_bytes());
    Ok(())
}

fn put_text(out: &mut Vec<u8>, text: &str) -> Result<()> {
    put_len(out, text.len())?;
    out.extend_from_slice(text.as_bytes());
    Ok(())
}

fn put_leb(out: &mut Vec<u8>, mut n: u128) {
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

/// Reads [`Context::to_bytes`]'s parts; running out is `E_OPTION`.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8]> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.bytes.len());
        let end = end.ok_or_else(not_a_context)?;
        let part = &self.bytes[self.at..end];
        self.at = end;
        Ok(part)
    }

    fn len(&mut self) -> Result<usize> {
        let mut word = [0; 4];
        word.copy_from_slice(self.take(4)?);
        Ok(u32::from_le_bytes(word) as usize)
    }

    fn text(&mut self) -> Result<&'a str> {
        let n = self.len()?;
        std::str::from_utf8(self.take(n)?).map_err(|_| not_a_context())
    }

    fn leb(&mut self) -> Result<u128> {
        let mut n = 0u128;
        for shift in (0..128).step_by(7) {
            let byte = self.take(1)?[0];
            n |= u128::from(byte & 0x7f)
                .checked_shl(shift)
                .filter(|v| v >> shift == u128::from(byte & 0x7f))
                .ok_or_else(not_a_context)?;
            if byte & 0x80 == 0 {
                return Ok(n);
            }
        }
        Err(not_a_context())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    /// Rows of every row list for `units` × cost types (none, `4010`, `5010`) × months `months`
    /// of 2025, two volume measures and two forecasts made.
    fn rows(units: &[&str], months: std::ops::RangeInclusive<u32>) -> Value {
        let (mut budget, mut outcome, mut forecasts, mut one_offs, mut volumes) =
            (vec![], vec![], vec![], vec![], vec![]);
        for unit in units {
            for cost_type in [None, Some("4010"), Some("5010")] {
                let row = |mut v: Value| {
                    if let Some(c) = cost_type {
                        v["costType"] = json!(c);
                    }
                    v
                };
                budget.push(row(json!({ "unit": unit, "year": 2025, "annual": "1200" })));
                for m in months.clone() {
                    let month = format!("2025-{m:02}");
                    outcome.push(row(json!({ "unit": unit, "month": month, "amount": "-1" })));
                    forecasts.push(row(
                        json!({ "unit": unit, "year": 2025, "made": month, "amount": "-9" }),
                    ));
                    one_offs.push(row(
                        json!({ "unit": unit, "month": month, "amount": "5", "text": "x" }),
                    ));
                    for measure in ["besök", "vårddagar"] {
                        volumes.push(row(json!({ "unit": unit, "month": month,
                            "measure": measure, "budget": "10", "actual": "11" })));
                    }
                }
            }
        }
        json!({ "budget": budget, "outcome": outcome, "forecasts": forecasts,
            "oneOffs": one_offs, "volumes": volumes })
    }

    fn document(units: &[&str], months: std::ops::RangeInclusive<u32>) -> Document {
        let mut doc = rows(units, months);
        doc["schema"] = json!(1);
        doc["units"] = json!(units
            .iter()
            .map(|u| json!({ "id": u, "name": u }))
            .collect::<Vec<_>>());
        doc["costTypes"] = json!([
            { "id": "4010", "name": "Löner", "kind": "cost" },
            { "id": "5010", "name": "Hyror", "kind": "cost" }
        ]);
        doc["goals"] = json!([{ "id": "G1", "name": "Mål", "indicators": [] }]);
        serde_json::from_value(doc).unwrap()
    }

    #[test]
    fn a_reimport_counts_what_the_whole_document_counts_in_every_list() {
        let held = document(&["A", "B"], 1..=8);
        // Next month's file: January to September of B and of a new unit C, and the goal again.
        let incoming = document(&["B", "C"], 1..=9);
        let whole = held.would_replace(&incoming);
        let context = Context::of(&held);
        assert_eq!(context.would_replace(&incoming), whole);
        let read = Context::from_bytes(&context.to_bytes().unwrap()).unwrap();
        assert_eq!(read, context);
        assert_eq!(read.would_replace(&incoming), whole);
        // Some keys replaced and others added in every row list, as merging counts them.
        let mut merged = held.clone();
        let done = merged.merge_lists(incoming.clone());
        assert_eq!(done.replaced(), whole);
        assert_eq!(incoming.would_add(&whole), done.added());
        let lists = [
            (whole.budget_rows, done.added().budget_rows),
            (whole.outcome_rows, done.added().outcome_rows),
            (whole.forecast_rows, done.added().forecast_rows),
            (whole.one_off_rows, done.added().one_off_rows),
            (whole.volume_rows, done.added().volume_rows),
        ];
        let names = ["budget", "outcome", "forecasts", "oneOffs", "volumes"];
        for (list, (replaced, added)) in names.iter().zip(lists) {
            assert!(
                replaced > 0 && added > 0,
                "{list}: {replaced} replaced, {added} added"
            );
        }
        assert_eq!((whole.outcome_rows, done.added().outcome_rows), (24, 30));
        assert_eq!(whole.goals, 1);
    }

    #[test]
    fn rows_of_one_key_twice_count_twice_and_unknown_ids_count_none() {
        let held = document(&["A"], 1..=2);
        let mut incoming = document(&["A"], 2..=2);
        incoming.outcome.push(incoming.outcome[0].clone());
        incoming.outcome[0].cost_type = Some("9999".into());
        let context = Context::of(&held);
        assert_eq!(
            context.would_replace(&incoming),
            held.would_replace(&incoming)
        );
        assert_eq!(context.would_replace(&incoming).outcome_rows, 3);
    }

    #[test]
    fn the_context_keeps_the_small_lists_and_no_row() {
        let held = document(&["A", "B"], 1..=12);
        let context = Context::of(&held);
        assert_eq!(context.document.units, held.units);
        assert_eq!(context.document.goals, held.goals);
        assert_eq!(context.document.counts().outcome_rows, 0);
        // A key a byte or two; the document's JSON is some hundred bytes a row.
        let bytes = context.to_bytes().unwrap().len();
        let text = serde_json::to_string(&held).unwrap().len();
        assert!(
            bytes * 20 < text,
            "{bytes} bytes of context, {text} of JSON"
        );
    }

    #[test]
    fn an_empty_workspace_has_an_empty_context_that_reads_back() {
        let context = Context::of(&Document::default());
        let read = Context::from_bytes(&context.to_bytes().unwrap()).unwrap();
        assert_eq!(
            read.would_replace(&document(&["A"], 1..=1)),
            ImportSummary::default()
        );
    }

    #[test]
    fn bytes_cut_short_or_of_something_else_are_refused() {
        let bytes = Context::of(&document(&["A"], 1..=3)).to_bytes().unwrap();
        for bad in [
            &bytes[..bytes.len() - 1],
            &bytes[1..],
            b"{\"schema\":1}".as_slice(),
        ] {
            assert_eq!(Context::from_bytes(bad).unwrap_err().code(), "E_OPTION");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert_eq!(Context::from_bytes(&longer).unwrap_err().code(), "E_OPTION");
    }
}
