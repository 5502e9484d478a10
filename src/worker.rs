//! The analyser's wasm entry points (feature `analyser`, built as `pkg/stakeholder_map_analyser*`),
//! run in the module Web Worker `www/analyser-worker.js` that every `<stakeholder-map>` on a
//! page shares. No Yew, no web-sys: only `js_sys`.
//!
//! - [`analyse`]: an article (JSON, JSON-LD or plain text) -> `{ key, json }` (the analysis as
//!   `analysis@1` JSON text, which the viewer reads once, with the published analysis's checked
//!   reader) or `{ key, error: { path, message } }`;
//! - [`analyze_json`]: the analysis as JSON text, for hosts that want the data only.
//!
//! Why JSON text and not a structured-clone object made by `serde-wasm-bindgen`: measured in
//! Chromium on the analysis of a 50,000-word article (1,288 quotes, 1.28 MB of JSON), the viewer
//! reads the object in 245-335 ms (`serde_wasm_bindgen::from_value`, one JS property access at a
//! time) but the text in 106 ms, and the text is cheaper to post; both costs fall on the main thread.
//!
//! Nothing here panics: bad input becomes the error object.

use wasm_bindgen::prelude::*;

fn set(o: &js_sys::Object, k: &str, v: &JsValue) {
    let _ = js_sys::Reflect::set(o, &JsValue::from_str(k), v);
}

fn error_object(key: &str, path: &str, message: &str) -> JsValue {
    let e = js_sys::Object::new();
    set(&e, "path", &path.into());
    set(&e, "message", &message.into());
    let o = js_sys::Object::new();
    set(&o, "key", &key.into());
    set(&o, "error", &e);
    o.into()
}

/// Analyses `source` (an article in any accepted form). `progress` is called once the article
/// is read, with its number of paragraphs, before the analysis starts (the element shows
/// "Analysing N paragraphs…"). Returns `{ key, json }` or `{ key, error: { path, message } }`;
/// `key` is the source's fingerprint (the widget keeps its view for the same article).
#[wasm_bindgen]
pub fn analyse(source: &str, progress: Option<js_sys::Function>) -> JsValue {
    let key = crate::text::fingerprint(source);
    let art = match crate::input::parse_any(source) {
        Ok(a) => a,
        Err(e) => return error_object(&key, &e.path, &e.message),
    };
    if let Some(f) = progress {
        let paragraphs = art.body.split("\n\n").filter(|p| !p.trim().is_empty()).count();
        let _ = f.call1(&JsValue::NULL, &JsValue::from_f64(paragraphs as f64));
    }
    match serde_json::to_string(&crate::analyze(&art)) {
        Ok(json) => {
            let o = js_sys::Object::new();
            set(&o, "key", &key.into());
            set(&o, "json", &json.into());
            o.into()
        }
        Err(e) => error_object(&key, "$", &e.to_string()),
    }
}

/// The analysis of an article (JSON or plain text) as JSON; throws the input error
/// (`"$.body: expected a string"`) as a string.
#[wasm_bindgen]
pub fn analyze_json(source: &str) -> Result<String, JsValue> {
    let art = crate::input::parse_any(source).map_err(|e| JsValue::from_str(&e.to_string()))?;
    serde_json::to_string(&crate::analyze(&art)).map_err(|e| JsValue::from_str(&e.to_string()))
}
