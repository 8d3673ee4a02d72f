//! Escalation's cover (täckning): for every escalated unit with measures in its subtree, the
//! year's expected effect of those measures and the share of the forecast gap it covers. The one
//! place the deviation report reads effect tracking.
//!
//! Not here: when a unit is escalated (see [`super::escalation`]) or the measures' figures (see
//! [`crate::effects`]).

use crate::effects::{self, EffectsOptions};
use crate::error::Result;
use crate::model::Document;
use crate::org::Tree;

use super::DeviationReport;

/// Joins effect tracking to escalation: for every escalated unit with measures in its
/// subtree, the year's expected effect and the share of the forecast gap it covers.
pub fn escalations(report: &mut DeviationReport, doc: &Document, tree: &Tree) -> Result<()> {
    if doc.measures.is_empty() || report.rows.iter().all(|r| r.escalation.is_none()) {
        return Ok(());
    }
    let options = EffectsOptions {
        as_of: report.as_of.to_string(),
        ..Default::default()
    };
    let effects = effects::report(&doc.measures, &doc.programmes, tree, &options)?;
    for row in &mut report.rows {
        if let (Some(escalation), Some(unit)) =
            (row.escalation.as_mut(), effects.unit(&row.head.unit))
        {
            escalation.cover(unit.year.expected, row.full_year.deviation);
        }
    }
    Ok(())
}
