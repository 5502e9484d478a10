//! The viewer's wasm entry points (feature `viewer`, built as `pkg/stakeholder_map*`), used by
//! `www/stakeholder-map.js` (the `<stakeholder-map>` element). No analysis here: articles are
//! analysed in the Web Worker (`crate::worker`, its own wasm).
//!
//! - [`Shown`]: what a widget is to show, made by a [`Reading`] (a published analysis's text, or
//!   the worker's analysis as JSON text, read a piece at a time by one checked reader, with JSON
//!   paths; `undefined` when a published analysis's text is not one) or by [`input_error`];
//! - [`mount`]: render a widget for a [`Shown`] into an element (the custom element's shadow
//!   root container); returns a handle to update or destroy it, to select from the host page,
//!   and to change the language or the card limit. With the host element given, the widget
//!   reads its `max-cards` and `selected` attributes and dispatches
//!   `stakeholder-map:select` / `stakeholder-map:quote` on it;
//! The in-browser layout benchmarks are in `crate::bench` (feature `layout-bench`, not shipped).
//!
//! Nothing here panics: bad input becomes an inline error message in the widget.

use crate::widget::i18n::Strings;
use crate::input::InputError;
use crate::widget::{max_cards_attr, Config, Configured, ConfiguredProps, Content, Notice};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use yew::{AppHandle, Callback};

#[wasm_bindgen(start)]
pub fn start() {}

/// What a widget is to show: a checked analysis or an input error (opaque to JS).
#[wasm_bindgen]
pub struct Shown(Content);

#[wasm_bindgen]
impl Shown {
    /// The input error as `[path, message]`, or `[]` when there is an analysis to show: the
    /// element fires `stakeholder-map:error` with it (the widget shows it inline too).
    pub fn error(&self) -> Vec<String> {
        match &*self.0.result {
            Ok(_) => Vec::new(),
            Err(e) => vec![e.path.clone(), e.message.clone()],
        }
    }

    /// The article's language tag (its `lang` / JSON-LD `inLanguage`, kept in the analysis),
    /// if it gave one: the element picks its UI strings by it when it has no `lang` attribute.
    pub fn lang(&self) -> Option<String> {
        self.0.result.as_ref().as_ref().ok().and_then(|a| a.lang.clone())
    }
}

/// An analysis's JSON text being read a piece at a time ([`crate::input::Chunked`]), so the
/// element can yield to the page between pieces: handed over in pieces ([`Reading::push`]), read
/// in pieces ([`Reading::step`]). A published analysis (`key` undefined: the text's fingerprint
/// is the key) or the worker's analysis of an article (`key`: the worker's fingerprint of the
/// article); `size`: the text's length, to reserve the memory at once.
#[wasm_bindgen]
pub struct Reading(crate::input::Chunked, Option<String>, u64);

#[wasm_bindgen]
pub fn reading(key: Option<String>, size: usize) -> Reading {
    Reading(crate::input::Chunked::new(String::with_capacity(size)), key, crate::text::FNV_START)
}

#[wasm_bindgen]
impl Reading {
    /// The next piece of the text.
    pub fn push(&mut self, piece: &str) {
        self.0.push(piece);
        self.2 = crate::text::fnv(self.2, piece);
    }

    /// Reads on for about `bytes` bytes of the text; `true` once it has read it all.
    pub fn step(&mut self, bytes: usize) -> bool {
        self.0.step(bytes)
    }

    /// What was read, checked, each problem with its JSON path; `undefined` when a published
    /// analysis's text is not a JSON object with a `schema` field (an article: the worker
    /// analyses it).
    pub fn shown(self) -> Option<Shown> {
        let Reading(r, key, h) = self;
        let worker = key.is_some();
        let result = match r.finish() {
            None if worker => Err(InputError { path: "$".into(), message: "the analyser's answer is not an analysis".into() }),
            r => r?,
        };
        Some(Shown(Content::new(key.unwrap_or_else(|| h.to_string()), result)))
    }
}

/// An input error (the worker's, for an article it could not read) to show inline.
#[wasm_bindgen]
pub fn input_error(path: String, message: String, key: String) -> Shown {
    Shown(Content::new(key, Err(InputError { path, message })))
}

/// A mounted widget.
#[wasm_bindgen]
pub struct WidgetHandle {
    app: Option<AppHandle<Configured>>,
    content: Content,
    ns: String,
    paragraphs: String,
    editable: bool,
    config: Config,
    /// The selected stakeholder's id, as the widget last reported it.
    selected: Rc<RefCell<Option<String>>>,
}

impl WidgetHandle {
    fn props(&self) -> ConfiguredProps {
        ConfiguredProps {
            content: self.content.clone(),
            ns: self.ns.clone().into(),
            paragraphs: self.paragraphs.clone().into(),
            editable: self.editable,
            config: self.config.clone(),
        }
    }
    fn update(&mut self) {
        let props = self.props();
        if let Some(app) = self.app.as_mut() {
            app.update(props);
        }
    }
}

/// A plain object from (key, value) pairs (`null` for None).
fn object(pairs: &[(&str, JsValue)]) -> JsValue {
    let o = js_sys::Object::new();
    for (k, v) in pairs {
        let _ = js_sys::Reflect::set(&o, &JsValue::from_str(k), v);
    }
    o.into()
}

fn opt(s: &Option<String>) -> JsValue {
    s.as_deref().map(JsValue::from_str).unwrap_or(JsValue::NULL)
}

/// Dispatches `stakeholder-map:NAME` (bubbling, composed) with `detail` on the host element.
fn dispatch(host: &web_sys::Element, name: &str, detail: &JsValue) {
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(detail);
    if let Ok(e) = web_sys::CustomEvent::new_with_event_init_dict(&["stakeholder-map:", name].concat(), &init) {
        let _ = host.dispatch_event(&e);
    }
}

/// The host element's events for the widget's notices; keeps `selected` up to date.
fn notifier(host: Option<web_sys::Element>, selected: Rc<RefCell<Option<String>>>) -> Callback<Notice> {
    Callback::from(move |n: Notice| {
        let (name, detail) = match n {
            Notice::Select(d) => {
                *selected.borrow_mut() = d.as_ref().map(|d| d.id.clone());
                let d = d.map(|d| object(&[("id", d.id.into()), ("name", d.name.into()), ("kind", d.kind.into()), ("role", opt(&d.role))]));
                ("select", d.unwrap_or_else(|| object(&[("id", JsValue::NULL)])))
            }
            Notice::Quote(d) => (
                "quote",
                object(&[
                    ("id", d.id.into()),
                    ("speaker", opt(&d.speaker)),
                    ("name", opt(&d.name)),
                    ("paragraph", d.paragraph.map(|p| JsValue::from_f64(p as f64)).unwrap_or(JsValue::NULL)),
                    ("text", d.text.into()),
                ]),
            ),
        };
        if let Some(h) = &host {
            dispatch(h, name, &detail);
        }
    })
}

#[wasm_bindgen]
impl WidgetHandle {
    /// Shows another article in the same widget (the view state starts afresh for a new one).
    pub fn set_shown(&mut self, shown: Shown) {
        // The new article starts with nothing selected: the host hears so.
        if self.selected.borrow().is_some() && shown.0.key != self.content.key {
            self.config.notify.emit(Notice::Select(None));
        }
        self.content = shown.0;
        self.update();
    }
    /// Turns editor mode on or off (corrections made so far stay).
    pub fn set_editable(&mut self, editable: bool) {
        self.editable = editable;
        self.update();
    }
    /// The UI strings: a language file's JSON text (`www/i18n/fr.json`), or none for English.
    pub fn set_strings(&mut self, strings: Option<String>) {
        self.config.strings = strings.map(|s| Rc::new(Strings::from_json(&s))).unwrap_or_else(Strings::shared_english);
        self.update();
    }
    /// The card limit, as the `max-cards` attribute gives it (a number, "all", or none).
    pub fn set_max_cards(&mut self, value: Option<String>) {
        self.config.max_cards = max_cards_attr(value.as_deref());
        self.update();
    }
    /// Selects stakeholder `id` (none or unknown: clears the selection), as a reader would.
    pub fn select(&mut self, id: Option<String>) {
        self.config.select = (self.config.select.0 + 1, id.map(Into::into));
        self.update();
    }
    /// The selected stakeholder's id, or none.
    pub fn selected(&self) -> Option<String> {
        self.selected.borrow().clone()
    }
    /// Unmounts the widget.
    pub fn destroy(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
    }
}

/// Renders a widget for `shown` (an analysis or an input error) into `root`. `ns` namespaces
/// the widget's URL-fragment keys and element ids (use a different one per widget on a page).
/// `paragraphs`: CSS selector of the host element that marks the article's paragraphs with
/// `data-sm-paragraph="N"` (1-based), so a card's link scrolls there; empty: expand in place.
/// `editable`: editor mode (a speaker picker on each card; the JSON download carries the
/// corrections). `host` (optional): the element whose `max-cards` and `selected` attributes
/// configure the widget and on which its events are dispatched; without it, every card shows
/// and no event is sent. `strings` (optional): a language file's JSON text (English without).
#[wasm_bindgen]
pub fn mount(root: web_sys::Element, shown: Shown, ns: String, paragraphs: String, editable: bool, host: Option<web_sys::Element>, strings: Option<String>) -> WidgetHandle {
    let ns = if ns.trim().is_empty() { "sm".to_string() } else { ns };
    let selected = Rc::new(RefCell::new(None));
    let attr = |n: &str| host.as_ref().and_then(|h| h.get_attribute(n));
    let config = Config {
        strings: strings.map(|s| Rc::new(Strings::from_json(&s))).unwrap_or_else(Strings::shared_english),
        max_cards: if host.is_some() { max_cards_attr(attr("max-cards").as_deref()) } else { None },
        select: (0, attr("selected").filter(|s| !s.is_empty()).map(Into::into)),
        notify: notifier(host.clone(), selected.clone()),
    };
    let mut handle = WidgetHandle { app: None, content: shown.0, ns, paragraphs, editable, config, selected };
    handle.app = Some(yew::Renderer::<Configured>::with_root_and_props(root, handle.props()).render());
    handle
}
