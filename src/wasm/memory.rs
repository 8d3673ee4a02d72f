//! WebAssembly memory taken from the engine in one step before a large input is read.
//!
//! The allocator grows the memory a few pages at a time as an import allocates, and V8 answers
//! each grow with a full garbage collection of the page's heap: a million-row CSV grew it about
//! 95 times and spent a second of its first import collecting (later imports reuse the memory).
//! Asking once for what the import will need leaves the allocator nothing to grow.
//!
//! Not here: how much memory the package holds (`memoryBytes`, in `functions.rs`).

/// The memory an import needs at its peak, as a multiple of its input (measured with
/// `benches/`: 2.7 times a dense sv-SE CSV, the input's own copy included).
const PEAK_PER_INPUT_BYTE: usize = 3;

/// Makes the allocator hold enough free memory for reading an input of `len` bytes. The block
/// is given back at once and kept by the allocator, which serves the import from it.
pub(super) fn reserve_for_input(len: usize) {
    // black_box: an allocation freed unused may otherwise be left out by the optimiser.
    drop(std::hint::black_box(Vec::<u8>::with_capacity(
        len.saturating_mul(PEAK_PER_INPUT_BYTE),
    )));
}
