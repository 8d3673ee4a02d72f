//! balans: budget deviation, effect tracking and state-grant dependency for Swedish regions.
//!
//! Everything here is plain Rust with exact decimal money; only [`wasm`] (built for `wasm32`
//! alone) knows about JavaScript. See `DOMAIN.md` for the rules each engine follows.
//!
//! A Rust user needs a [`Workspace`]: import a schema 1 [`Document`] (or a CSV, pasted or SIE
//! file through [`ImportOptions`]), then ask it for a report with that report's options. The
//! schema's types are in [`model`], the readers in [`import`]; the rest of the crate is reached
//! through the names below, not through its files.
//!
//! The modules, from the floor up (each uses only those above it in this list):
//! `error` → `num`, `calendar`, `id`, `hash`, `recent`, `json_text`, `json_path`, `chunk` →
//! `model`, `org`, `periodise`, `budget` → `import`, `dataset` → `deviation`, `effects`,
//! `grants`, `goals`, `frame`, `bridge`, `comments` → `committee` (the committee paper, composing
//! them) and `export` (reports as files) → `workspace` → `wasm`.

mod bridge;
mod budget;
mod calendar;
mod chunk;
mod comments;
mod committee;
mod dataset;
mod deviation;
mod effects;
mod error;
mod export;
mod frame;
mod goals;
mod grants;
mod hash;
mod id;
pub mod import;
mod json_path;
mod json_text;
pub mod model;
mod num;
mod org;
mod periodise;
mod recent;
mod workspace;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use bridge::{BridgeOptions, BridgeReport, Step, StepKind};
pub use budget::{periodise_with, PeriodiseOptions};
pub use calendar::{holidays, is_workday, Date, Holiday, Month};
pub use comments::CommentsOptions;
pub use committee::months::{MonthRow, MonthsOptions, MonthsReport};
pub use committee::{CommitteeOptions, CommitteeReport};
pub use deviation::accuracy::{AccuracyOptions, AccuracyReport, AccuracyRow, Tendency};
pub use deviation::{
    CostTypeRow, DeviationOptions, DeviationReport, DeviationRow, Escalation, ExplainedSpan,
    Figures, FullYear, MissingExplanation, Projections, RowGroup, Status, VolumeSplit,
};
pub use effects::{EffectsOptions, EffectsReport, MeasureRow};
pub use error::codes::{Code, CODES};
pub use error::report::{
    ColumnUse, ImportReport, ImportSummary, Imported, Issue, Location, RowCounts,
};
pub use error::{Error, Result};
pub use export::table::{ExportColumn, ExportColumnKind, ExportTable};
pub use frame::{allocate_frame, FrameAllocation, FramePart, Share};
pub use goals::{GoalsOptions, GoalsReport};
pub use grants::{GrantOptions, GrantsReport};
pub use id::Id;
pub use import::{Format, ImportOptions};
pub use model::{Document, SCHEMA_VERSION};
pub use num::format::FormatOptions;
pub use num::money::{Amount, DisplayUnit, Months};
pub use num::ratio::Percent;
pub use num::weight::Weight;
pub use org::UnitHeader;
pub use periodise::{periodise, Method, Periodised, Rounding};
pub use workspace::Workspace;
