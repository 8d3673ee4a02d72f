//! The one error type of the crate, with stable codes for callers.
//!
//! Every fallible function in the core returns [`Error`]. The JavaScript edge turns it into a real
//! `Error` whose `code` is [`Error::code`] and whose `field` is [`Error::field`]; callers branch on
//! the code, people read the message. Codes never change meaning once released.

pub mod codes;
pub mod report;

/// What went wrong, in English, with the text or field that caused it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    /// An amount could not be read (`E_PARSE_AMOUNT`).
    #[error("cannot read the amount {text:?}: {reason}")]
    ParseAmount { text: String, reason: String },

    /// A month was not `YYYY-MM` with a month 01-12 (`E_PARSE_MONTH`).
    #[error("cannot read the month {text:?}: expected YYYY-MM, e.g. 2025-08")]
    ParseMonth { text: String },

    /// An option or argument had a value outside what is accepted (`E_OPTION`).
    #[error("{reason}")]
    InvalidOption { reason: String },

    /// Periodisation or allocation could not give exact parts (`E_PERIODISE`).
    #[error("cannot periodise: {reason}")]
    Periodise { reason: String },

    /// A row names a unit that is not in the tree (`E_UNKNOWN_UNIT`).
    #[error("unknown unit {id:?}")]
    UnknownUnit { id: String },

    /// A row names a cost type that is not in `costTypes` (`E_UNKNOWN_COST_TYPE`).
    #[error("unknown cost type {id:?}")]
    UnknownCostType { id: String },

    /// Two cost types share an id (`E_DUPLICATE_COST_TYPE`).
    #[error("the cost type id {id:?} is used twice")]
    DuplicateCostType { id: String },

    /// Two units share an id (`E_DUPLICATE_UNIT`).
    #[error("the unit id {id:?} is used twice")]
    DuplicateUnit { id: String },

    /// A unit names a parent that does not exist (`E_UNKNOWN_PARENT`).
    #[error("unit {unit:?} names the parent {parent:?}, which is not a unit")]
    UnknownParent { unit: String, parent: String },

    /// The tree has no root, or more than one (`E_ROOT`).
    #[error("the organisation tree must have exactly one root (a unit without parent); {found}")]
    Root { found: String },

    /// Parents form a loop (`E_CYCLE`).
    #[error("the units form a cycle: {}", path.join(" → "))]
    Cycle { path: Vec<String> },

    /// A JSON document does not follow the schema (`E_SCHEMA`).
    #[error("{reason}")]
    Schema { reason: String },

    /// A JSON document names a schema version this build does not read (`E_SCHEMA_VERSION`).
    #[error("schema version {found} is not supported; this version of balans reads schema 1")]
    SchemaVersion { found: String },

    /// Text that should be JSON is not (`E_JSON`).
    #[error("not valid JSON: {reason}")]
    Json { reason: String },

    /// The workspace has nothing to report on for the request (`E_NO_DATA`).
    #[error("{reason}")]
    NoData { reason: String },

    /// A report was asked for a year the workspace holds no figures for (`E_NO_YEAR`): not a
    /// table of zeros.
    #[error("the workspace holds no budget, outcome or forecast for {year}; it holds {held}")]
    NoYear { year: i32, held: String },

    /// Browser storage could not be read or written (`E_STORAGE`).
    #[error("browser storage: {reason}")]
    Storage { reason: String },

    /// An entry or programme names a measure that is not in the register (`E_UNKNOWN_MEASURE`).
    #[error("unknown measure {id:?}")]
    UnknownMeasure { id: String },
    /// A comment (explanation or action) that cannot be kept: blank text, a written date that is
    /// not a day, a due month or owner on an explanation (`E_COMMENT`).
    #[error("{reason}")]
    Comment { reason: String },

    /// An import of a CSV file, pasted range or SIE file was rejected (nothing was added); the
    /// code is that of the report's first error (`E_PARSE_AMOUNT`, `E_CSV_HEADER`, …).
    #[error("{message}")]
    Import {
        code: &'static str,
        message: String,
        report: Box<report::ImportReport>,
    },

    /// Any of the above, found at a field of the input (`budget[3].annual`).
    #[error("{field}: {source}")]
    At { field: String, source: Box<Error> },
}

impl Error {
    /// The stable code a caller can branch on.
    pub fn code(&self) -> &'static str {
        match self {
            Error::ParseAmount { .. } => "E_PARSE_AMOUNT",
            Error::ParseMonth { .. } => "E_PARSE_MONTH",
            Error::InvalidOption { .. } => "E_OPTION",
            Error::Periodise { .. } => "E_PERIODISE",
            Error::UnknownUnit { .. } => "E_UNKNOWN_UNIT",
            Error::DuplicateUnit { .. } => "E_DUPLICATE_UNIT",
            Error::UnknownCostType { .. } => "E_UNKNOWN_COST_TYPE",
            Error::DuplicateCostType { .. } => "E_DUPLICATE_COST_TYPE",
            Error::UnknownParent { .. } => "E_UNKNOWN_PARENT",
            Error::Root { .. } => "E_ROOT",
            Error::Cycle { .. } => "E_CYCLE",
            Error::Schema { .. } => "E_SCHEMA",
            Error::SchemaVersion { .. } => "E_SCHEMA_VERSION",
            Error::Json { .. } => "E_JSON",
            Error::NoData { .. } => "E_NO_DATA",
            Error::NoYear { .. } => "E_NO_YEAR",
            Error::Storage { .. } => "E_STORAGE",
            Error::UnknownMeasure { .. } => "E_UNKNOWN_MEASURE",
            Error::Comment { .. } => "E_COMMENT",
            Error::Import { code, .. } => code,
            Error::At { source, .. } => source.code(),
        }
    }

    /// The path of the input field the error was found at, if it came from structured input.
    pub fn field(&self) -> Option<&str> {
        match self {
            Error::At { field, .. } => Some(field),
            Error::Import { report, .. } => report.first_error()?.at.field.as_deref(),
            _ => None,
        }
    }

    /// The same error, located at `field`. An error already located keeps its inner path
    /// appended: `budget[3]` then `annual` gives `budget[3].annual`.
    pub fn at(self, field: impl Into<String>) -> Error {
        let field = field.into();
        match self {
            Error::At {
                field: inner,
                source,
            } => {
                let joined = if inner.starts_with('[') {
                    format!("{field}{inner}")
                } else {
                    format!("{field}.{inner}")
                };
                Error::At {
                    field: joined,
                    source,
                }
            }
            other => Error::At {
                field,
                source: Box::new(other),
            },
        }
    }

    /// A rejected import, with a message that names where its first error is.
    pub fn import(report: report::ImportReport) -> Error {
        let first = report.first_error();
        let code = first.map_or("E_IMPORT", |i| i.code);
        let place = first.map(|i| {
            let mut place = Vec::new();
            place.extend(i.at.file.clone());
            place.extend(i.at.line.map(|l| format!("line {l}")));
            place.extend(i.at.column.map(|c| format!("column {c}")));
            place.extend(i.at.field.as_ref().map(|f| format!("({f})")));
            format!("{}: {}", place.join(" "), i.message)
        });
        let message = format!(
            "the import was rejected with {} error(s); nothing was added. First: {}",
            report.errors.len(),
            place.unwrap_or_default()
        );
        Error::Import {
            code,
            message,
            report: Box::new(report),
        }
    }

    /// The import report of a rejected import.
    pub fn report(&self) -> Option<&report::ImportReport> {
        match self {
            Error::Import { report, .. } => Some(report),
            Error::At { source, .. } => source.report(),
            _ => None,
        }
    }

    /// Shorthand for an [`Error::InvalidOption`].
    pub fn option(reason: impl Into<String>) -> Error {
        Error::InvalidOption {
            reason: reason.into(),
        }
    }
}

/// The crate's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn located_errors_keep_the_inner_code_and_join_paths() {
        let e = Error::UnknownUnit { id: "X".into() }
            .at("unit")
            .at("outcome[4]");
        assert_eq!(e.code(), "E_UNKNOWN_UNIT");
        assert_eq!(e.field(), Some("outcome[4].unit"));
        assert_eq!(e.to_string(), "outcome[4].unit: unknown unit \"X\"");
    }

    #[test]
    fn index_paths_join_without_a_dot() {
        let e = Error::Schema { reason: "x".into() }.at("[2]").at("budget");
        assert_eq!(e.field(), Some("budget[2]"));
    }
}
