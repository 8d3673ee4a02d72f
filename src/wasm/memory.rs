//! WebAssembly memory taken from the engine in few, large steps.
//!
//! The allocator grows the memory as little as an allocation needs (one 64 KiB page, mostly),
//! and V8 answers each grow with a full garbage collection of the page's heap: a million-row CSV
//! grew it about 95 times and spent a second of its first import collecting, and a sparse ledger,
//! whose every key allocates, grew it thousands of times. So memory is taken ahead, twice:
//! before a large input is read, what its import will need ([`reserve_for_input`]); and whenever
//! the allocator grows it anyway, a quarter more at once ([`Stepped`]). The blocks taken ahead
//! are given back to the allocator at once, which serves later allocations from them.
//!
//! Any `#[global_allocator]` costs the .wasm about 18 KB gzip (a pass-through one measured the
//! same), against seconds of garbage collection on a sparse ledger's first import.
//!
//! Not here: how much memory the package holds (`memoryBytes`, in `functions.rs`).

use std::alloc::{GlobalAlloc, Layout, System};
use std::arch::wasm32::memory_size;

/// The memory a dense ledger's import and report need at their peak, in tenths of its input
/// (measured with `benches/` and the allocator growing the memory only as needed: 1.93 times a
/// 1M-row sv-SE CSV, at the end of reading it: its own copy and the sums). A sparse one needs
/// more, which the allocator's steps take.
const PEAK_TENTHS_PER_INPUT_BYTE: usize = 19;

/// A WebAssembly page.
const PAGE: usize = 64 * 1024;

/// Makes the allocator hold enough free memory for reading an input of `len` bytes.
pub(super) fn reserve_for_input(len: usize) {
    take_ahead(len.saturating_mul(PEAK_TENTHS_PER_INPUT_BYTE) / 10);
}

/// Allocates `bytes` and frees them: the allocator grows the memory once and keeps the block.
fn take_ahead(bytes: usize) {
    let Ok(layout) = Layout::from_size_align(bytes, 1) else {
        return;
    };
    // SAFETY: a non-zero layout, freed with the layout it was allocated with, never written.
    unsafe {
        let block = System.alloc(layout);
        if !block.is_null() {
            System.dealloc(block, layout);
        }
    }
}

/// The system allocator, but when an allocation made it grow the memory, it grows it by a
/// quarter of its size more at once, so a workload of any size grows it a few dozen times.
pub struct Stepped;

impl Stepped {
    /// After an allocation that found `pages` pages: takes a quarter more if it grew them.
    fn after(pages: usize) {
        if memory_size(0) != pages && pages > 0 {
            take_ahead(pages * PAGE / 4);
        }
    }
}

// SAFETY: every call is passed to `System` unchanged; `after` only allocates and frees blocks
// of its own, through `System`, never through this allocator.
unsafe impl GlobalAlloc for Stepped {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let pages = memory_size(0);
        let block = System.alloc(layout);
        Stepped::after(pages);
        block
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let pages = memory_size(0);
        let block = System.alloc_zeroed(layout);
        Stepped::after(pages);
        block
    }

    unsafe fn dealloc(&self, block: *mut u8, layout: Layout) {
        System.dealloc(block, layout)
    }

    unsafe fn realloc(&self, block: *mut u8, layout: Layout, size: usize) -> *mut u8 {
        let pages = memory_size(0);
        let moved = System.realloc(block, layout, size);
        Stepped::after(pages);
        moved
    }
}

#[global_allocator]
static ALLOCATOR: Stepped = Stepped;
