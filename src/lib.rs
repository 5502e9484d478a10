//! stakeholder-map: who is involved in a news article, what they said and how they stand
//! towards each other, worked out in the reader's browser.
//!
//! Layers (see ARCHITECTURE.md): [`input`] -> [`analysis`] (over [`text`]) -> [`model`]
//! -> [`layout`] -> [`widget`] -> `embed` (wasm entry points); [`prerender`] writes the same
//! content as static HTML for pages to serve before any script runs.
//!
//! Two Cargo features split the crate into the two wasm modules the element loads (both on by
//! default, for the CLI, the tests and the benchmarks):
//! - `analyser`: [`analysis`] and `worker` (the Web Worker's entry points);
//! - `viewer`: [`layout`], [`export`], [`widget`], [`prerender`] and `embed` (the main thread's).
//!
//! A third, `layout-bench`, adds the viewer's in-browser layout benchmarks (`bench`), never shipped.
//!
//! [`input`], [`text`] and [`model`] are in both (the viewer reads published analyses and the
//! worker's results with `input`'s checked readers).

#[cfg(feature = "analyser")]
pub mod analysis;
#[cfg(feature = "viewer")]
pub mod export;
pub mod input;
#[cfg(feature = "viewer")]
pub mod layout;
pub mod model;
#[cfg(feature = "viewer")]
pub mod prerender;
pub mod text;
#[cfg(feature = "viewer")]
pub mod widget;

#[cfg(all(target_arch = "wasm32", feature = "viewer"))]
pub mod embed;
#[cfg(all(target_arch = "wasm32", feature = "layout-bench"))]
pub mod bench;

/// Both wasm modules allocate with talc, not std's dlmalloc: about 3 KB gzip smaller each, and no
/// slower (docs/benchmarks.md, "Smaller viewer"). Single-threaded wasm only (no atomics).
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
#[cfg(all(target_arch = "wasm32", feature = "analyser"))]
pub mod worker;

#[cfg(feature = "analyser")]
pub use analysis::analyze;
pub use input::{Article, InputError};
pub use model::Analysis;
