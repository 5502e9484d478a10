//! The in-browser layout benchmarks (`scripts/bench-browser.mjs`): wasm entry points of the viewer
//! built with the feature `layout-bench` (`SM_BENCH=1 scripts/build.sh`), never in the shipped
//! viewer: they and the synthetic graphs they lay out (`layout::synthetic_analysis`) cost the
//! shipped file about 2.1 KB gzip (docs/benchmarks.md, "Smaller viewer").

use crate::layout::{layout, synthetic_analysis, LayoutOptions};
use wasm_bindgen::prelude::*;

fn now() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map(|p| p.now()).unwrap_or(0.0)
}

/// Milliseconds per layout of a synthetic graph of `nodes` stakeholders (all shown), the
/// mean over `iterations` runs, timed with `performance.now()`.
#[wasm_bindgen]
pub fn bench_layout(nodes: u32, iterations: u32) -> f64 {
    let a = synthetic_analysis(nodes as usize);
    let opts = LayoutOptions { width: 640.0, height: 448.0, max_nodes: nodes as usize, seed: 0 };
    let n = iterations.max(1);
    let t0 = now();
    let mut sink = 0usize;
    for _ in 0..n {
        sink += layout(&a, &opts).nodes.len();
    }
    let dt = now() - t0;
    if sink == usize::MAX {
        return -1.0;
    }
    dt / n as f64
}

/// Like [`bench_layout`], in a `width` x `height` viewport (layout units, about CSS pixels), for
/// the browser benchmark: returns `[milliseconds per layout, nodes laid out, nodes folded]`, so
/// the benchmark can say how many of the `nodes` were really placed (a small viewport folds some).
#[wasm_bindgen]
pub fn bench_layout_viewport(nodes: u32, iterations: u32, width: f32, height: f32) -> Vec<f64> {
    let a = synthetic_analysis(nodes as usize);
    let opts = LayoutOptions { width, height, max_nodes: nodes as usize, seed: 0 };
    let first = layout(&a, &opts);
    let n = iterations.max(1);
    let t0 = now();
    let mut sink = 0usize;
    for _ in 0..n {
        sink = sink.wrapping_add(layout(&a, &opts).nodes.len());
    }
    let dt = now() - t0;
    vec![dt / n as f64 + (sink == usize::MAX) as u8 as f64, first.nodes.len() as f64, first.folded.len() as f64]
}
