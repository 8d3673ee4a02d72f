//! Readers that turn what people have into a workspace document: schema 1 JSON, CSV files,
//! ranges pasted from Excel and SIE 4 files. Every reader but JSON returns an import report.
//!
//! The path of a file import: decode the bytes ([`codepage`]), split into rows ([`csv`],
//! [`paste`], [`sie`]), read the cells ([`columns`], [`cells`], [`table`]), gather units, cost
//! types and rows into one document ([`assemble`]). Adding it to a workspace, which takes all
//! of it or, on any error, nothing, is the workspace's (`Workspace::import_file`): an importer
//! never sees one. A preview reads against a [`context`] of the workspace, which a Web Worker
//! is given in place of it.

pub mod assemble;
pub mod cells;
pub mod codepage;
pub mod columns;
pub mod context;
pub mod csv;
pub mod json;
pub mod paste;
pub mod registers;
pub mod rows;
pub mod sie;
mod sums;
pub mod table;

use std::borrow::Cow;

use serde::Deserialize;

use crate::calendar::YEARS;
use crate::error::{Error, Result};

use self::codepage::Encoding;
use self::columns::Figure;
use self::context::Context;
use crate::error::report::ImportReport;
use crate::model::Document;

/// Options of `importCsv`, `importPaste` and `importSie`, as the caller gives them. Each reader
/// uses the ones that apply to it (README.md, "Importing files").
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct ImportOptions {
    /// The file's name, for the report's locations.
    #[serde(default)]
    pub file: Option<String>,
    /// `utf-8`, `windows-1252` or `ibm437`; detected when absent.
    #[serde(default)]
    pub encoding: Option<String>,
    /// `;`, `,` or a tab (`\t` or `tab`); sniffed from the header line when absent.
    #[serde(default)]
    pub delimiter: Option<String>,
    /// `result` (default for tables), `ledger` (debit +, credit −; SIE's, always) or `magnitude`.
    #[serde(default)]
    pub sign: Option<String>,
    /// The fiscal year: for month numbers and month columns, and rows outside it are errors.
    #[serde(default)]
    pub year: Option<i32>,
    /// What an `amount`/`belopp` column or month columns hold: budget, outcome (default), forecast.
    #[serde(default)]
    pub measure: Option<String>,
    /// The unit new units are placed under.
    #[serde(default)]
    pub parent: Option<String>,
    /// The id of the unit created for the file's own rows (SIE: the company).
    #[serde(default)]
    pub root: Option<String>,
    /// Account number prefixes that are revenue (intäkt); `["3"]` by default.
    #[serde(default)]
    pub revenue_accounts: Option<Vec<String>>,
    /// Account number prefixes that are cost (kostnad); `["4","5","6","7","8"]` by default.
    #[serde(default)]
    pub cost_accounts: Option<Vec<String>>,
    /// The SIE dimension whose objects become units; 1 (kostnadsställe) by default.
    #[serde(default)]
    pub dimension: Option<u32>,
}

/// How amounts in a table are signed (teckenkonvention).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sign {
    /// revenue +, cost −: what balans keeps
    Result,
    /// debit +, credit −: bookkeeping; turned around
    Ledger,
    /// all positive; revenue or cost from a kind column or the account
    Magnitude,
}

/// Options checked and with their defaults.
#[derive(Clone, Debug)]
pub struct Settings {
    pub file: Option<String>,
    pub encoding: Option<Encoding>,
    pub delimiter: Option<u8>,
    pub sign: Sign,
    pub year: Option<i32>,
    pub figure: Figure,
    pub parent: Option<String>,
    pub root: Option<String>,
    pub revenue_accounts: Vec<String>,
    pub cost_accounts: Vec<String>,
    pub dimension: String,
}

impl ImportOptions {
    /// Checks the options; a fault is `E_OPTION` with the option's name as field.
    pub fn settings(&self) -> Result<Settings> {
        let encoding = self.encoding.as_deref().map(Encoding::parse).transpose()?;
        let delimiter = match self.delimiter.as_deref() {
            None => None,
            Some(";") => Some(b';'),
            Some(",") => Some(b','),
            Some("\t" | "\\t" | "tab") => Some(b'\t'),
            Some(other) => {
                let reason =
                    format!("unknown delimiter {other:?}; expected \";\", \",\" or \"\\t\"");
                return Err(Error::option(reason).at("delimiter"));
            }
        };
        let sign = match self.sign.as_deref().unwrap_or("result") {
            "result" => Sign::Result,
            "ledger" => Sign::Ledger,
            "magnitude" => Sign::Magnitude,
            other => {
                let reason =
                    format!("unknown sign {other:?}; expected result, ledger or magnitude");
                return Err(Error::option(reason).at("sign"));
            }
        };
        if let Some(y) = self.year.filter(|y| !YEARS.contains(y)) {
            let (first, last) = (YEARS.start(), YEARS.end());
            return Err(Error::option(format!("year {y} is outside {first}-{last}")).at("year"));
        }
        let measure = match self.measure.as_deref() {
            None => Figure::Outcome,
            Some(m) => Figure::parse(m).ok_or_else(|| {
                let reason = format!("unknown measure {m:?}; expected budget, outcome or forecast");
                Error::option(reason).at("measure")
            })?,
        };
        let prefixes = |list: &Option<Vec<String>>, default: &[&str], name: &str| {
            let list: Vec<String> = match list {
                Some(l) => l.iter().map(|p| p.trim().to_string()).collect(),
                None => default.iter().map(|p| p.to_string()).collect(),
            };
            match list
                .iter()
                .find(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()))
            {
                Some(bad) => {
                    let reason = format!("{bad:?} is not an account number prefix (digits)");
                    Err(Error::option(reason).at(name))
                }
                None => Ok(list),
            }
        };
        Ok(Settings {
            file: self.file.clone(),
            encoding,
            delimiter,
            sign,
            year: self.year,
            figure: measure,
            parent: self.parent.clone(),
            root: self.root.clone(),
            revenue_accounts: prefixes(&self.revenue_accounts, &["3"], "revenueAccounts")?,
            cost_accounts: prefixes(
                &self.cost_accounts,
                &["4", "5", "6", "7", "8"],
                "costAccounts",
            )?,
            dimension: self.dimension.unwrap_or(1).to_string(),
        })
    }
}

/// The formats with an import report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Csv,
    /// A range pasted from Excel (UTF-8 text).
    Paste,
    Sie,
}

impl Format {
    /// `csv`, `paste` or `sie`.
    pub fn parse(text: &str) -> Result<Format> {
        match text {
            "csv" => Ok(Format::Csv),
            "paste" => Ok(Format::Paste),
            "sie" => Ok(Format::Sie),
            other => Err(Error::option(format!(
                "unknown import format {other:?}; expected csv, paste or sie"
            ))),
        }
    }
}

/// Reads `input` into the document it would add to a workspace holding `existing`, without
/// adding it (a Web Worker reads, the page's workspace adds). A report with errors is
/// `Err(Error::Import)`.
pub fn read(
    format: Format,
    input: Cow<'_, [u8]>,
    options: &ImportOptions,
    existing: &Document,
) -> Result<(Document, ImportReport)> {
    let settings = options.settings()?;
    let (doc, report) = read_with(format, input, &settings, existing);
    if report.is_rejected() {
        return Err(Error::import(report));
    }
    Ok((doc, report))
}

/// [`read`], with what adding the document to the workspace `context` stands for would replace
/// in the report's `replaced`: the preview the import panel shows before the user confirms.
pub fn preview(
    format: Format,
    input: Cow<'_, [u8]>,
    options: &ImportOptions,
    context: &Context,
) -> Result<(Document, ImportReport)> {
    let (doc, mut report) = read(format, input, options, &context.document)?;
    report.replaced = context.would_replace(&doc);
    Ok((doc, report))
}

/// The document `input` makes and the report on it, rejected or not. Input given owned is freed
/// once its amounts are summed, before the rows are written out: a region's year is 45 MB of
/// CSV that the rows would otherwise sit beside.
pub fn read_with(
    format: Format,
    input: Cow<'_, [u8]>,
    settings: &Settings,
    existing: &Document,
) -> (Document, ImportReport) {
    let (gathered, mut report) = match format {
        Format::Csv => csv::read(&input, settings),
        Format::Paste => paste::read(&String::from_utf8_lossy(&input), settings),
        Format::Sie => sie::read(&input, settings),
    };
    drop(input);
    let doc = match gathered {
        Some(g) => assemble::document(g, existing, settings, &mut report),
        None => Document::default(),
    };
    (doc, report)
}
