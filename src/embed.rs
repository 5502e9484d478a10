//! wasm entry points, used by `www/stakeholder-map.js` (the `<stakeholder-map>` element).
//!
//! - [`mount`]: render a widget for an article (JSON or plain text) into an element (the
//!   custom element's shadow root container); returns a handle to update or destroy it;
//! - [`analyze_json`]: the analysis as JSON, for hosts that want the data only;
//! - [`bench_layout`]: milliseconds per layout of a synthetic graph (benchmark script).
//!
//! Nothing here panics: bad input becomes an inline error message in the widget.

use crate::layout::{layout, synthetic_analysis, LayoutOptions};
use crate::widget::{Widget, WidgetProps};
use wasm_bindgen::prelude::*;
use yew::AppHandle;

#[wasm_bindgen(start)]
pub fn start() {}

/// A mounted widget.
#[wasm_bindgen]
pub struct WidgetHandle {
    app: Option<AppHandle<Widget>>,
    source: String,
    ns: String,
    paragraphs: String,
    editable: bool,
}

impl WidgetHandle {
    fn props(&self) -> WidgetProps {
        WidgetProps {
            source: self.source.clone().into(),
            ns: self.ns.clone().into(),
            paragraphs: self.paragraphs.clone().into(),
            editable: self.editable,
        }
    }
}

#[wasm_bindgen]
impl WidgetHandle {
    /// Shows another article in the same widget (the view state starts afresh).
    pub fn set_source(&mut self, source: String) {
        self.source = source;
        let props = self.props();
        if let Some(app) = self.app.as_mut() {
            app.update(props);
        }
    }
    /// Turns editor mode on or off (corrections made so far stay).
    pub fn set_editable(&mut self, editable: bool) {
        self.editable = editable;
        let props = self.props();
        if let Some(app) = self.app.as_mut() {
            app.update(props);
        }
    }
    /// Unmounts the widget.
    pub fn destroy(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
    }
}

/// Renders a widget for `source` (article JSON or plain text) into `root`. `ns` namespaces
/// the widget's URL-fragment keys and element ids (use a different one per widget on a page).
/// `paragraphs`: CSS selector of the host element that marks the article's paragraphs with
/// `data-sm-paragraph="N"` (1-based), so a card's link scrolls there; empty: expand in place.
/// `editable`: editor mode (a speaker picker on each card; the JSON download carries the
/// corrections).
#[wasm_bindgen]
pub fn mount(root: web_sys::Element, source: String, ns: String, paragraphs: String, editable: bool) -> WidgetHandle {
    let ns = if ns.trim().is_empty() { "sm".to_string() } else { ns };
    let mut handle = WidgetHandle { app: None, source, ns, paragraphs, editable };
    handle.app = Some(yew::Renderer::<Widget>::with_root_and_props(root, handle.props()).render());
    handle
}

/// The analysis of an article (JSON or plain text) as JSON; throws the input error
/// (`"$.body: expected a string"`) as a string.
#[wasm_bindgen]
pub fn analyze_json(source: &str) -> Result<String, JsValue> {
    let art = crate::input::parse_any(source).map_err(|e| JsValue::from_str(&e.to_string()))?;
    serde_json::to_string(&crate::analyze(&art)).map_err(|e| JsValue::from_str(&e.to_string()))
}

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

/// The input error of `source` (an article in any accepted form, or a published analysis) as
/// `"PATH\0MESSAGE"`, or `""` when it reads: the element fires `stakeholder-map:error` with it
/// (the widget shows the same error inline). Reads only; no analysis.
#[wasm_bindgen]
pub fn source_error(source: &str) -> String {
    match crate::input::parse_source(source) {
        Ok(_) => String::new(),
        Err(e) => [e.path.as_str(), "\0", e.message.as_str()].concat(),
    }
}
