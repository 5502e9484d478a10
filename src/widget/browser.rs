//! The few browser effects the widget needs (URL fragment, clipboard, scrolling the host
//! page, downloads). Native builds (the server renderer in tests) get inert versions: event
//! handlers never run there.

#[cfg(target_arch = "wasm32")]
mod imp {
    use wasm_bindgen::{JsCast, JsValue};

    pub fn fragment() -> String {
        web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default()
    }

    /// Replaces the fragment without scrolling or adding a history entry.
    pub fn set_fragment(f: &str) {
        let Some(w) = web_sys::window() else { return };
        let current = w.location().hash().unwrap_or_default();
        if current.trim_start_matches('#') == f {
            return;
        }
        let href = w.location().href().unwrap_or_default();
        let base = href.split('#').next().unwrap_or("").to_string();
        let url = if f.is_empty() { base } else { [base.as_str(), "#", f].concat() };
        if let Ok(h) = w.history() {
            let _ = h.replace_state_with_url(&JsValue::NULL, "", Some(&url));
        }
    }

    /// Runs `f` in a task of its own, `ms` milliseconds from now (`setTimeout(f, ms)`): the
    /// browser handles input and paints in between.
    pub fn later(ms: i32, f: impl FnOnce() + 'static) {
        timeout(ms, Box::new(f));
    }

    // One instance of the closure glue for every caller (boxed: each closure type would be
    // another copy of it in the wasm).
    fn timeout(ms: i32, f: Box<dyn FnOnce()>) {
        let Some(w) = web_sys::window() else { return };
        let f = wasm_bindgen::closure::Closure::once_into_js(f);
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(f.unchecked_ref(), ms);
    }

    /// Runs `f` in a task of its own after the next frame (`requestAnimationFrame`, then
    /// `setTimeout(f, 0)`): what was put on screen before is styled and laid out by then.
    pub fn after_frame(f: impl FnOnce() + 'static) {
        frame(Box::new(f));
    }

    fn frame(f: Box<dyn FnOnce()>) {
        let Some(w) = web_sys::window() else { return };
        let f = wasm_bindgen::closure::Closure::once_into_js(move || timeout(0, f));
        let _ = w.request_animation_frame(f.unchecked_ref());
    }

    pub fn copy(text: &str) -> bool {
        let Some(w) = web_sys::window() else { return false };
        let clip = w.navigator().clipboard();
        let _ = clip.write_text(text);
        true
    }

    /// Scrolls the host page to the paragraph it marks with `data-sm-paragraph="N"` (1-based)
    /// inside the element `scope` (a CSS selector). False when there is no such paragraph.
    pub fn scroll_to_paragraph(scope: &str, n: usize) -> bool {
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return false };
        let Ok(Some(container)) = doc.query_selector(scope) else { return false };
        let sel = ["[data-sm-paragraph=\"", &n.to_string(), "\"]"].concat();
        let Ok(Some(el)) = container.query_selector(&sel) else { return false };
        // A paragraph in a collapsed part of the article ("Read more" as <details>) is shown first.
        if let Ok(Some(d)) = el.closest("details:not([open])") {
            let _ = d.set_attribute("open", "");
        }
        let opts = web_sys::ScrollIntoViewOptions::new();
        opts.set_behavior(if reduced_motion() { web_sys::ScrollBehavior::Auto } else { web_sys::ScrollBehavior::Smooth });
        opts.set_block(web_sys::ScrollLogicalPosition::Center);
        el.scroll_into_view_with_scroll_into_view_options(&opts);
        // Mark it for the host's CSS (`.sm-paragraph-target`) and move focus for keyboard users.
        if let Ok(Some(prev)) = doc.query_selector(".sm-paragraph-target") {
            let _ = prev.class_list().remove_1("sm-paragraph-target");
        }
        let _ = el.class_list().add_1("sm-paragraph-target");
        if let Some(h) = el.dyn_ref::<web_sys::HtmlElement>() {
            if !el.has_attribute("tabindex") {
                let _ = el.set_attribute("tabindex", "-1");
            }
            let _ = h.focus();
        }
        true
    }

    pub fn reduced_motion() -> bool {
        web_sys::window()
            .and_then(|w| w.match_media("(prefers-reduced-motion: reduce)").ok().flatten())
            .is_some_and(|m| m.matches())
    }

    /// Offers `data` as a file download (Blob + object URL).
    pub fn download(name: &str, mime: &str, data: &str) {
        let parts = js_sys::Array::of1(&JsValue::from_str(data));
        let opts = web_sys::BlobPropertyBag::new();
        opts.set_type(mime);
        let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts) else { return };
        download_blob(name, &blob);
    }

    pub fn download_blob(name: &str, blob: &web_sys::Blob) {
        let Ok(url) = web_sys::Url::create_object_url_with_blob(blob) else { return };
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
        if let Some(a) = doc.create_element("a").ok().and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok()) {
            a.set_href(&url);
            a.set_download(name);
            a.click();
        }
        // Revoke later: the download starts asynchronously.
        let u = url.clone();
        let cb = wasm_bindgen::closure::Closure::once_into_js(move || {
            let _ = web_sys::Url::revoke_object_url(&u);
        });
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(cb.unchecked_ref(), 10_000);
        }
    }

    /// The computed value of a CSS custom property on `el` (empty when unset).
    pub fn custom_property(el: &web_sys::Element, name: &str) -> String {
        web_sys::window()
            .and_then(|w| w.get_computed_style(el).ok().flatten())
            .and_then(|cs| cs.get_property_value(name).ok())
            .unwrap_or_default()
    }

    /// Draws an SVG document onto a canvas (2x) and downloads it as PNG. `blocked` runs when
    /// the SVG image cannot load: a Content Security Policy without `img-src blob:` (the
    /// only way a well-formed SVG of ours fails) blocks it, and the reader is told so.
    pub fn download_png(name: &str, svg: &str, width: f32, height: f32, blocked: impl FnOnce() + 'static) {
        let parts = js_sys::Array::of1(&JsValue::from_str(svg));
        let opts = web_sys::BlobPropertyBag::new();
        opts.set_type("image/svg+xml");
        let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts) else { return };
        let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
        let Ok(img) = web_sys::HtmlImageElement::new() else { return };
        let name = name.to_string();
        let img2 = img.clone();
        let u2 = url.clone();
        let onload = wasm_bindgen::closure::Closure::once_into_js(move || {
            let _ = web_sys::Url::revoke_object_url(&u2);
            let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
            let Some(canvas) = doc.create_element("canvas").ok().and_then(|e| e.dyn_into::<web_sys::HtmlCanvasElement>().ok()) else { return };
            let scale = 2.0;
            canvas.set_width((width * scale) as u32);
            canvas.set_height((height * scale) as u32);
            let Some(ctx) = canvas
                .get_context("2d")
                .ok()
                .flatten()
                .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
            else {
                return;
            };
            let _ = ctx.draw_image_with_html_image_element_and_dw_and_dh(&img2, 0.0, 0.0, (width * scale) as f64, (height * scale) as f64);
            let name = name.clone();
            let cb = wasm_bindgen::closure::Closure::once_into_js(move |b: Option<web_sys::Blob>| {
                if let Some(b) = b {
                    download_blob(&name, &b);
                }
            });
            let _ = canvas.to_blob(cb.unchecked_ref());
        });
        img.set_onload(Some(onload.unchecked_ref()));
        let u3 = url.clone();
        let onerror = wasm_bindgen::closure::Closure::once_into_js(move || {
            let _ = web_sys::Url::revoke_object_url(&u3);
            blocked();
        });
        img.set_onerror(Some(onerror.unchecked_ref()));
        img.set_src(&url);
    }

    /// Client width of an element in CSS pixels (0 when unknown).
    pub fn width_of(el: &web_sys::Element) -> f32 {
        el.client_width() as f32
    }

    /// Size of an element on screen, for converting pointer moves into layout units.
    pub fn rect_width(el: &web_sys::Element) -> f32 {
        el.get_bounding_client_rect().width() as f32
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    pub fn fragment() -> String {
        String::new()
    }
    pub fn set_fragment(_f: &str) {}
    pub fn later(_ms: i32, _f: impl FnOnce() + 'static) {}
    pub fn after_frame(_f: impl FnOnce() + 'static) {}
    pub fn copy(_text: &str) -> bool {
        false
    }
    pub fn scroll_to_paragraph(_scope: &str, _n: usize) -> bool {
        false
    }
    pub fn reduced_motion() -> bool {
        false
    }
    pub fn download(_name: &str, _mime: &str, _data: &str) {}
    pub fn download_png(_name: &str, _svg: &str, _w: f32, _h: f32, _blocked: impl FnOnce() + 'static) {}
    pub fn custom_property(_el: &web_sys::Element, _name: &str) -> String {
        String::new()
    }
    pub fn width_of(_el: &web_sys::Element) -> f32 {
        0.0
    }
    pub fn rect_width(_el: &web_sys::Element) -> f32 {
        0.0
    }
}

pub use imp::*;
