//! The import report (importrapport): what an import of a CSV file, a pasted Excel range or a
//! SIE file read, used, skipped and rejected, with every warning and error located in the input.
//!
//! Messages are English with stable codes; the widget shows Swedish text chosen by code. Not here:
//! reading the input (the importers) or deciding whether an import goes through ([`super::import`]).

use serde::Serialize;

/// Where in the input something was found. Lines and columns count from 1.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Location {
    /// The file name the caller gave, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
    /// The column's header or the record's field: `"utfall"`, `"#PSALDO period"`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

impl Location {
    pub fn line(line: usize) -> Location {
        Location {
            line: Some(line),
            ..Location::default()
        }
    }

    /// The same place, at a column and field of the line.
    pub fn cell(&self, column: usize, field: impl Into<String>) -> Location {
        Location {
            column: Some(column),
            field: Some(field.into()),
            ..self.clone()
        }
    }

    /// The same place, naming a field without a column number (a SIE record's field).
    pub fn field(&self, field: impl Into<String>) -> Location {
        Location {
            field: Some(field.into()),
            ..self.clone()
        }
    }
}

/// One warning or error: a stable code, an English message, where, and what was expected.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Issue {
    /// `E_…` for errors, `W_…` for warnings; listed in README.md.
    pub code: &'static str,
    pub message: String,
    #[serde(flatten)]
    pub at: Location,
    /// What the importer would have accepted there, where that can be said.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected: Option<String>,
}

/// Rows (data lines of a table, records of a SIE file) by what became of them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct RowCounts {
    pub read: usize,
    pub accepted: usize,
    pub skipped: usize,
    pub rejected: usize,
}

/// The whole report of one import.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ImportReport {
    /// `csv`, `paste` or `sie`.
    pub format: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// The text encoding read: `utf-8`, `windows-1252` or `ibm437`.
    pub encoding: &'static str,
    /// The field delimiter of a table (`;`, `,` or a tab); none for SIE.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delimiter: Option<String>,
    /// The sign convention applied (teckenkonvention): `result`, `ledger`,
    /// `magnitude-by-column` or `magnitude-by-account`.
    pub sign: &'static str,
    /// Each column's header and the field it was read as (tables only).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub columns: Vec<ColumnUse>,
    pub rows: RowCounts,
    /// The first and last month with data, `YYYY-MM`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_month: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_month: Option<String>,
    /// What the import added to the workspace: items whose key it did not hold. All zero when
    /// rejected, and when only read (`readImport`).
    pub added: ImportSummary,
    /// Items that took the place of what an earlier import held for the same key (the same
    /// unit, cost type and month of outcome, …); `undoImport` brings the earlier ones back.
    pub replaced: ImportSummary,
    pub warnings: Vec<Issue>,
    pub errors: Vec<Issue>,
}

/// How one header was understood.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ColumnUse {
    pub header: String,
    /// The field name (`unit`, `outcome`, `month:3`, …) or `ignored`.
    pub field: String,
}

/// Items of a document per list: what one import added, or replaced.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ImportSummary {
    pub units: usize,
    pub cost_types: usize,
    pub budget_rows: usize,
    pub outcome_rows: usize,
    pub forecast_rows: usize,
    pub measures: usize,
    pub programmes: usize,
    pub effect_entries: usize,
    pub one_off_rows: usize,
    pub volume_rows: usize,
    pub goals: usize,
    pub grants: usize,
    pub comments: usize,
}

/// What one import of a document or register did: the items it added, whose key the workspace
/// did not hold, and under `replaced` those that took the place of what an earlier import held
/// for their key; together, what the import brought. In JSON the added counts stand at the top
/// (the shape `importJson` has always returned), `replaced` beside them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Imported {
    #[serde(flatten)]
    pub added: ImportSummary,
    pub replaced: ImportSummary,
}

/// The most issues of one code kept in a report; the rest are counted in a summary issue, so a
/// million bad lines do not make a million messages.
const MAX_PER_CODE: usize = 50;

impl ImportReport {
    pub fn new(format: &'static str, file: Option<String>) -> ImportReport {
        ImportReport {
            format,
            file,
            encoding: "utf-8",
            sign: "result",
            ..ImportReport::default()
        }
    }

    /// Adds a warning at `at` (the report's file name is filled in).
    pub fn warn(&mut self, code: &'static str, at: Location, message: impl Into<String>) {
        let issue = self.issue(code, at, message.into(), None);
        push_capped(&mut self.warnings, issue);
    }

    /// Adds an error at `at`, saying what was expected there.
    pub fn error(
        &mut self,
        code: &'static str,
        at: Location,
        message: impl Into<String>,
        expected: impl Into<String>,
    ) {
        let issue = self.issue(code, at, message.into(), Some(expected.into()));
        push_capped(&mut self.errors, issue);
    }

    /// Adds a core [`crate::Error`] found at `at` as an error of the report.
    pub fn error_from(&mut self, err: &crate::Error, at: Location, expected: &str) {
        let issue = self.issue(err.code(), at, err.to_string(), Some(expected.to_string()));
        push_capped(&mut self.errors, issue);
    }

    fn issue(
        &self,
        code: &'static str,
        mut at: Location,
        message: String,
        expected: Option<String>,
    ) -> Issue {
        at.file.clone_from(&self.file);
        Issue {
            code,
            message,
            at,
            expected,
        }
    }

    pub fn is_rejected(&self) -> bool {
        !self.errors.is_empty()
    }

    /// The line of the first error, for the thrown error's `line`.
    pub fn first_error(&self) -> Option<&Issue> {
        self.errors.first()
    }
}

/// Keeps at most [`MAX_PER_CODE`] issues of a code, then one `W_MORE`/`E_MORE` count per code.
fn push_capped(list: &mut Vec<Issue>, issue: Issue) {
    let same = list.iter().filter(|i| i.code == issue.code).count();
    if same < MAX_PER_CODE {
        list.push(issue);
        return;
    }
    let more_code = if issue.code.starts_with('W') {
        "W_MORE"
    } else {
        "E_MORE"
    };
    let tag = format!("more {}:", issue.code);
    match list.iter_mut().find(|i| i.message.starts_with(&tag)) {
        Some(summary) => {
            let n: usize = summary.message[tag.len()..]
                .split_whitespace()
                .next()
                .and_then(|n| n.parse().ok())
                .unwrap_or(0);
            summary.message = format!("{tag} {} not listed", n + 1);
        }
        None => list.push(Issue {
            code: more_code,
            message: format!("{tag} 1 not listed"),
            at: Location {
                file: issue.at.file,
                ..Location::default()
            },
            expected: None,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issues_carry_the_file_and_are_capped_per_code() {
        let mut r = ImportReport::new("csv", Some("a.csv".into()));
        for line in 1..=60 {
            r.warn("W_X", Location::line(line), "x");
        }
        r.error(
            "E_Y",
            Location::line(3).cell(2, "utfall"),
            "bad",
            "an amount",
        );
        assert_eq!(r.warnings.len(), MAX_PER_CODE + 1);
        assert_eq!(r.warnings.last().unwrap().code, "W_MORE");
        assert_eq!(
            r.warnings.last().unwrap().message,
            "more W_X: 10 not listed"
        );
        let e = r.first_error().unwrap();
        assert_eq!(e.at.file.as_deref(), Some("a.csv"));
        assert_eq!((e.at.line, e.at.column), (Some(3), Some(2)));
        assert!(r.is_rejected());
    }
}
