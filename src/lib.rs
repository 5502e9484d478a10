//! stakeholder-map: who is involved in a news article, what they said and how they stand
//! towards each other, worked out in the reader's browser.
//!
//! Layers (see ARCHITECTURE.md): [`input`] -> [`analysis`] (over [`text`]) -> [`model`]
//! -> [`layout`] -> [`widget`] -> `embed` (wasm entry points); [`prerender`] writes the same
//! content as static HTML for pages to serve before any script runs.

pub mod analysis;
pub mod export;
pub mod input;
pub mod layout;
pub mod model;
pub mod prerender;
pub mod text;
pub mod widget;

#[cfg(target_arch = "wasm32")]
pub mod embed;

pub use analysis::analyze;
pub use input::{Article, InputError};
pub use model::Analysis;
