//! A JSON text writer for a report written whole and often: the deviation report of a region's
//! tree, on every re-render of the widget. Keys (our own identifiers) and amounts (canonical
//! decimal text) are written as they are; everything else, strings from the user's data above
//! all, goes through `serde_json`, which escapes it. Commas are placed by what came before.
//!
//! Not a serializer for every report: the others go through `serde_json` whole. Writing a
//! region's deviation report through `serde_json` took three times as long as computing it
//! (README, "Performance").

use serde::Serialize;

use crate::error::Error;
use crate::num::canonical::with_canonical;
use crate::num::money::Amount;
use crate::num::ratio::Percent;

/// JSON text being written; `finish` hands it over.
pub struct JsonText {
    out: Vec<u8>,
}

impl JsonText {
    pub fn with_capacity(bytes: usize) -> JsonText {
        JsonText {
            out: Vec::with_capacity(bytes),
        }
    }

    /// A comma, unless this is the first element of an object or array, or a key's value.
    fn separate(&mut self) {
        if !matches!(self.out.last(), None | Some(b'{' | b'[' | b':')) {
            self.out.push(b',');
        }
    }

    pub fn begin_object(&mut self) {
        self.separate();
        self.out.push(b'{');
    }

    pub fn end_object(&mut self) {
        self.out.push(b'}');
    }

    pub fn begin_array(&mut self) {
        self.separate();
        self.out.push(b'[');
    }

    pub fn end_array(&mut self) {
        self.out.push(b']');
    }

    /// An object key: one of our own camelCase names, which need no escaping. Returns the writer,
    /// so a key and its value read as one line: `w.key("budget").amount(f.budget)`.
    pub fn key(&mut self, name: &'static str) -> &mut JsonText {
        self.separate();
        self.out.push(b'"');
        self.out.extend_from_slice(name.as_bytes());
        self.out.extend_from_slice(b"\":");
        self
    }

    /// An amount as its canonical decimal string, `"-157333333.33"`.
    pub fn amount(&mut self, amount: Amount) {
        self.separate();
        self.out.push(b'"');
        with_canonical(amount.decimal(), |text| {
            self.out.extend_from_slice(text.as_bytes())
        });
        self.out.push(b'"');
    }

    pub fn opt_amount(&mut self, amount: Option<Amount>) {
        match amount {
            Some(a) => self.amount(a),
            None => self.null(),
        }
    }

    /// A percentage as its canonical decimal string, or null.
    pub fn opt_percent(&mut self, percent: Option<Percent>) {
        match percent {
            Some(p) => self.amount(Amount::new(p.decimal())),
            None => self.null(),
        }
    }

    pub fn null(&mut self) {
        self.separate();
        self.out.extend_from_slice(b"null");
    }

    /// Any other value (strings, enums, months, rarely written groups), as `serde_json` writes it.
    pub fn value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.separate();
        serde_json::to_writer(&mut self.out, value).map_err(|e| Error::Json {
            reason: e.to_string(),
        })
    }

    /// The text written.
    pub fn finish(self) -> Result<String, Error> {
        String::from_utf8(self.out).map_err(|e| Error::Json {
            reason: e.to_string(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;
    use serde_json::{json, Value};

    #[test]
    fn places_commas_and_escapes_what_comes_from_data() {
        let mut w = JsonText::with_capacity(0);
        w.begin_object();
        w.key("name");
        w.value("Sjukhus \"Väst\"\n\\").unwrap();
        w.key("rows");
        w.begin_array();
        w.begin_object();
        w.key("budget");
        w.amount(Amount::new(Decimal::new(-15733333336, 2)));
        w.key("percent");
        w.opt_percent(None);
        w.end_object();
        w.begin_object();
        w.end_object();
        w.end_array();
        w.key("empty");
        w.begin_array();
        w.end_array();
        w.end_object();
        let text = w.finish().unwrap();
        let value: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(
            value,
            json!({
                "name": "Sjukhus \"Väst\"\n\\",
                "rows": [{ "budget": "-157333333.36", "percent": null }, {}],
                "empty": []
            })
        );
    }
}
