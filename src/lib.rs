//! balans: budget deviation, effect tracking and state-grant dependency for Swedish regions.
//!
//! Everything here is plain Rust with exact decimal money; only [`wasm`] (built for
//! `wasm32` alone) knows about JavaScript. See `DOMAIN.md` for the rules each engine follows.

pub mod bridge;
pub mod budget;
pub mod calendar;
pub mod deviation;
pub mod effects;
pub mod error;
pub mod frame;
pub mod goals;
pub mod grants;
pub mod hash;
pub mod id;
pub mod import;
pub mod json_text;
pub mod model;
pub mod num;
pub mod org;
pub mod periodise;
mod recent;
pub mod workspace;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use error::{Error, Result};
