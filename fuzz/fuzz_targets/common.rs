//! What every import target checks, whatever the input.

use balans::Document;
use balans::ImportReport;
use balans::Workspace;

/// A workspace with a small tree, as a user has before importing.
fn workspace() -> Workspace {
    let doc = Document {
        schema: 1,
        units: vec![unit("R", None), unit("A", Some("R")), unit("B", Some("R"))],
        ..Document::default()
    };
    let mut ws = Workspace::new();
    ws.import(doc).unwrap();
    ws
}

fn unit(id: &str, parent: Option<&str>) -> balans::model::Unit {
    balans::model::Unit {
        id: id.into(),
        name: id.into(),
        parent: parent.map(str::to_string),
        level: None,
    }
}

/// Runs an import; a rejection must leave the workspace as it was and locate its errors.
pub fn check(import: impl FnOnce(&mut Workspace) -> balans::Result<ImportReport>) {
    let mut ws = workspace();
    let before = ws.document().clone();
    match import(&mut ws) {
        Ok(report) => {
            let r = report.rows;
            assert!(r.accepted + r.skipped + r.rejected <= r.read);
            // What was added can be reported on.
            if let (Some(last), Ok(_)) = (report.last_month.as_deref(), ws.data()) {
                // The rest by default, so an option the report gains does not break the build.
                let options = balans::DeviationOptions {
                    as_of: last.to_string(),
                    ..Default::default()
                };
                ws.deviation(&options).unwrap();
            }
        }
        Err(e) => {
            assert_eq!(
                ws.document(),
                &before,
                "a rejected import changed the workspace"
            );
            if let Some(report) = e.report() {
                assert!(!report.errors.is_empty());
            }
        }
    }
}
