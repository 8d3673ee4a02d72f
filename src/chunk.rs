//! How long passes over a million rows are cut up, so that WebAssembly engines run them in
//! optimised code.
//!
//! An engine starts a function in quick, unoptimised code, optimises it once it has run a while,
//! and swaps the optimised code in for the function's next call, never during one. A pass over a
//! million rows made in one call runs unoptimised to its end: the first import of a page took
//! twice as long as the next. So a long pass calls an out-of-line function (`#[inline(never)]`)
//! once per [`ROWS`] rows, and from its second call or so on runs optimised.
//!
//! Not here: the passes themselves (`import::table`, `import::assemble`, `dataset::build`).

/// Rows handled per call of the out-of-line function of a long pass: a few hundred calls for a
/// region's year, each long enough that a call costs nothing beside it.
pub const ROWS: usize = 2048;
