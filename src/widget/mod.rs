//! Yew function components rendering an `Analysis`: the stakeholder map beside quote cards.
//!
//! - [`state`]: the view state as a pure reducer (tested natively), apart from the components;
//! - [`map`]: the SVG map; [`cards`]: quote cards; [`filters`]: stakeholder / relation /
//!   search filters; [`textalt`]: the text alternative; [`errors`]: the inline error message;
//! - [`browser`]: the few browser effects (URL fragment, clipboard, downloads), inert natively;
//! - [`i18n`]: the UI strings per language; [`corrections`]: editors' corrections (pure);
//!   [`editor`]: their controls (editor mode).
//!
//! What the embedding element decides (language, card limit, a selection requested by the host
//! page, where events go) is a [`Config`], given to [`Configured`] (and down to [`MapView`]);
//! [`Widget`] and [`StakeholderMap`] use the default: English, every card, nobody told.
//!
//! [`Configured`] renders a [`Content`] (an analysis, or the input error inline); [`Widget`]
//! (with the `analyser` feature) takes the article as text and analyses it first;
//! [`StakeholderMap`] renders an `Analysis` directly.

pub mod browser;
pub mod cards;
pub mod corrections;
pub mod editor;
pub mod errors;
pub mod filters;
pub mod i18n;
pub mod map;
pub mod shapes;
pub mod state;
pub mod textalt;

use crate::input::InputError;
use crate::layout::Layout;
use crate::model::{Analysis, Stance};
use shapes::{kind_class, shape_path, KINDS};
use i18n::{Strings, K};
use state::{reduce, Action, Facts, QuoteDetail, SelectDetail, ViewState};
use std::rc::Rc;
use yew::prelude::*;

/// What the embedding element configures (the default: English, every card, nobody told).
#[derive(Clone, PartialEq)]
pub struct Config {
    /// The UI strings (language).
    pub strings: Rc<Strings>,
    /// At most this many quote cards until the reader asks for all (None: all).
    pub max_cards: Option<usize>,
    /// A selection the host page asked for: (request number, stakeholder id or None to clear).
    /// A new number applies it, even when the id is the same as before.
    pub select: (u32, Option<AttrValue>),
    /// Told when the reader (or the host) selects a stakeholder or a quote.
    pub notify: Callback<Notice>,
}

impl Default for Config {
    fn default() -> Self {
        Config { strings: Strings::shared_english(), max_cards: None, select: (0, None), notify: Callback::noop() }
    }
}

/// Cards shown before "Show all N quotes" when the element has no `max-cards` attribute.
pub const DEFAULT_MAX_CARDS: usize = 3;

/// The card limit from a `max-cards` attribute value: a number, `all` (no limit), or absent /
/// unreadable (the compact default, [`DEFAULT_MAX_CARDS`]).
pub fn max_cards_attr(v: Option<&str>) -> Option<usize> {
    match v.map(str::trim) {
        Some(x) if x.eq_ignore_ascii_case("all") => None,
        Some(x) => Some(x.parse().unwrap_or(DEFAULT_MAX_CARDS)),
        None => Some(DEFAULT_MAX_CARDS),
    }
}

/// What the widget tells its host.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// The selected stakeholder changed (None: selection cleared).
    Select(Option<SelectDetail>),
    /// A quote card was selected.
    Quote(QuoteDetail),
}

/// The reducer's state: the analysis facts (changed only by an editor's corrections) and the
/// view (changing).
#[derive(Clone, PartialEq)]
pub struct Model {
    pub facts: Rc<Facts>,
    pub view: ViewState,
}

impl Reducible for Model {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let t = self.facts.t.clone();
        let (b, announce) = match &action {
            Action::Reassign { quote, speaker } => {
                let Some(b) = state::reassign(&self.facts.analysis, quote, speaker.as_deref()) else { return self };
                let who = speaker.as_deref().and_then(|s| b.stakeholder(s)).map(|s| s.name.clone()).unwrap_or_else(|| "nobody".into());
                (Rc::new(b), ["Quote attributed to ", &who].concat())
            }
            Action::Edit(e) => {
                let Some(b) = state::edit(&self.facts.analysis, e) else { return self };
                (Rc::new(b), "Correction applied".to_string())
            }
            Action::Strings(s) if **s != *t => (self.facts.analysis.clone(), String::new()),
            Action::Strings(_) => return self,
            _ => {
                let view = reduce(&self.facts, &self.view, action);
                if view == self.view {
                    return self;
                }
                return Rc::new(Model { facts: self.facts.clone(), view });
            }
        };
        let t = if let Action::Strings(s) = &action { s.clone() } else { t };
        let facts = facts_of(b, t);
        // A selection, card or relation the correction removed is dropped from the view.
        let view = reduce(&facts, &self.view, Action::Restore(Box::new(self.view.clone())));
        let mut view = ViewState { announce, focused: view.selected.clone().or(self.view.focused.clone()), ..view };
        // A merged stakeholder's selection moves to the one it was merged into.
        if let Action::Edit(state::Edit::Merge { from, into }) = &action {
            if self.view.selected.as_ref() == Some(from) {
                view.selected = Some(into.clone());
                view.focused = Some(into.clone());
            }
        }
        Rc::new(Model { facts, view })
    }
}

/// What a widget shows: an analysis, read and checked, or what is wrong with the input. `key`
/// names the source it came from: a new key remounts the view with fresh state, the same key
/// keeps it. Made by [`Content::read`] (an article's or a published analysis's text, analysed
/// here: native, tests) or, in the browser, by the element from the worker's result
/// or from a published analysis (both read by an `embed::Reading`).
#[derive(Clone)]
pub struct Content {
    pub key: AttrValue,
    pub result: Rc<Result<Rc<Analysis>, InputError>>,
}

impl PartialEq for Content {
    fn eq(&self, o: &Self) -> bool {
        self.key == o.key && Rc::ptr_eq(&self.result, &o.result)
    }
}

impl Content {
    pub fn new(key: impl Into<AttrValue>, result: Result<Analysis, InputError>) -> Self {
        Content { key: key.into(), result: Rc::new(result.map(Rc::new)) }
    }

    /// The content of a source: an article (JSON or plain text), analysed; or a published
    /// analysis (JSON with `"schema": "stakeholder-map/analysis@1"`), checked and shown as it is.
    #[cfg(feature = "analyser")]
    pub fn read(src: &str) -> Self {
        let result = crate::input::parse_source(src).map(|s| match s {
            crate::input::Source::Article(art) => crate::analyze(&art),
            // An editor's published analysis is shown as it is, not analysed again.
            crate::input::Source::Analysis(a) => *a,
        });
        Content::new(crate::text::fingerprint(src), result)
    }
}

#[cfg(feature = "analyser")]
#[derive(Properties, PartialEq)]
pub struct WidgetProps {
    /// The article: JSON (any accepted form) or plain text; or a published analysis (JSON with
    /// `"schema": "stakeholder-map/analysis@1"`), shown as it is.
    pub source: AttrValue,
    /// Namespace of this widget's keys in the URL fragment and of its element ids
    /// (unique per page when several widgets share it).
    #[prop_or(AttrValue::Static("sm"))]
    pub ns: AttrValue,
    /// CSS selector of the host element whose descendants mark the article's paragraphs with
    /// `data-sm-paragraph="N"` (1-based); empty: cards expand their paragraph in place.
    #[prop_or_default]
    pub paragraphs: AttrValue,
    /// Editor mode: each card can reassign its quote's speaker; the analysis JSON download
    /// then carries the corrections.
    #[prop_or_default]
    pub editable: bool,
}

/// Analyses an article given as text and renders it, or an inline error (English, every
/// card, nobody told: [`Configured`] with the default [`Config`]). Native and tests: in the
/// browser the element analyses in a Web Worker and mounts [`Configured`].
#[cfg(feature = "analyser")]
#[function_component(Widget)]
pub fn widget(p: &WidgetProps) -> Html {
    let content = use_memo(p.source.clone(), |src| Content::read(src));
    html! { <Configured content={(*content).clone()} ns={p.ns.clone()} paragraphs={p.paragraphs.clone()} editable={p.editable} config={Config::default()} /> }
}

#[derive(Properties, PartialEq, Clone)]
pub struct ConfiguredProps {
    pub content: Content,
    pub ns: AttrValue,
    pub paragraphs: AttrValue,
    pub editable: bool,
    pub config: Config,
}

/// The widget for a [`Content`], with what the embedding element configures: what
/// `<stakeholder-map>` mounts.
#[function_component(Configured)]
pub fn configured(props: &ConfiguredProps) -> Html {
    match &*props.content.result {
        Ok(a) => html! {
            <MapView key={props.content.key.as_str()} analysis={a.clone()} ns={props.ns.clone()} paragraphs={props.paragraphs.clone()} editable={props.editable} config={props.config.clone()} />
        },
        Err(e) => html! { <errors::ErrorMessage error={e.clone()} t={props.config.strings.clone()} /> },
    }
}

#[derive(Properties, PartialEq)]
pub struct MapProps {
    pub analysis: Rc<Analysis>,
    #[prop_or(AttrValue::Static("sm"))]
    pub ns: AttrValue,
    #[prop_or_default]
    pub paragraphs: AttrValue,
    #[prop_or_default]
    pub editable: bool,
}

/// The whole widget for one analysis (English, every card: [`MapView`] with the default config).
#[function_component(StakeholderMap)]
pub fn stakeholder_map(p: &MapProps) -> Html {
    html! { <MapView analysis={p.analysis.clone()} ns={p.ns.clone()} paragraphs={p.paragraphs.clone()} editable={p.editable} config={Config::default()} /> }
}

#[derive(Properties, PartialEq)]
pub struct MapViewProps {
    pub analysis: Rc<Analysis>,
    pub ns: AttrValue,
    pub paragraphs: AttrValue,
    pub editable: bool,
    pub config: Config,
}

/// The whole widget for one analysis: map, legend, text alternative, filters, cards.
#[function_component(MapView)]
pub fn map_view(props: &MapViewProps) -> Html {
    let ns = props.ns.clone();
    let config = &props.config;
    let model = {
        let analysis = props.analysis.clone();
        let ns = ns.clone();
        let t = config.strings.clone();
        use_reducer(move || {
            let facts = facts_of(analysis, t);
            let init = ViewState::new();
            // Restore a shared view from the URL fragment (inert outside the browser).
            let from_url = ViewState::from_fragment(&browser::fragment(), &ns);
            let view = reduce(&facts, &init, Action::Restore(Box::new(from_url)));
            let view = ViewState { announce: String::new(), ..view };
            Model { facts, view }
        })
    };
    let facts = model.facts.clone();
    let view = model.view.clone();
    // One callback for the widget's life: children's props holding it stay equal.
    let dispatch = {
        let m = model.dispatcher();
        (*use_memo((), move |_| Callback::from(move |a: Action| m.dispatch(a)))).clone()
    };
    // The host's language and selection requests in, the reader's selections out (`Config`):
    // one effect (each hook instance costs wasm size), diffing against what it last saw.
    {
        let seen = use_mut_ref(|| (config.strings.clone(), (0u32, None::<AttrValue>), None::<String>, None::<String>));
        let (d, notify, f) = (dispatch.clone(), config.notify.clone(), facts.clone());
        use_effect_with((config.strings.clone(), config.select.clone(), view.selected.clone(), view.quote.clone()), move |(t, req, sel, quote)| {
            let mut seen = seen.borrow_mut();
            if !Rc::ptr_eq(&seen.0, t) {
                seen.0 = t.clone();
                d.emit(Action::Strings(t.clone()));
            }
            if seen.1 != *req {
                seen.1 = req.clone();
                d.emit(Action::Select(req.1.as_ref().map(|s| s.to_string())));
            }
            if seen.2 != *sel {
                seen.2 = sel.clone();
                notify.emit(Notice::Select(sel.as_deref().and_then(|id| f.select_detail(id))));
            }
            if seen.3 != *quote {
                seen.3 = quote.clone();
                if let Some(q) = quote.as_deref().and_then(|id| f.quote_detail(id)) {
                    notify.emit(Notice::Quote(q));
                }
            }
        });
    }
    // Mounting in steps, each a task of its own after a frame (so the browser lays out what
    // the step before put on screen in between; a cold wasm compiles each function on its
    // first call, so a first render costs several times a later one): the header, legend and
    // downloads; the filters and the first cards (the rest follow a chunk per task,
    // `cards::CHUNK_CARDS`); the map, measured and laid out once; the text alternative. Until
    // the last step the section is marked `sm-pending`, and the element keeps the widget hidden
    // (www/stakeholder-map.js, `_finish`). Natively (the server renderer) all at once.
    // (A step is asked for while rendering, as the cards' chunks are: a render of the same step
    // asks again, and the first answer moves the step on; the hooks are the kinds already used.)
    let stage = use_mut_ref(|| if cfg!(target_arch = "wasm32") { 0u32 } else { 3 });
    let redraw = use_force_update();
    let step = *stage.borrow();
    if step < 3 {
        let stage = stage.clone();
        browser::after_frame(move || {
            let mut s = stage.borrow_mut();
            if *s == step {
                *s = step + 1;
                redraw.force_update();
            }
        });
    }
    let layout = use_mut_ref(|| None::<Rc<Layout>>);
    let on_layout = {
        let layout = layout.clone();
        (*use_memo((), move |_| Callback::from(move |l: Rc<Layout>| *layout.borrow_mut() = Some(l)))).clone()
    };

    // Keep the shareable part of the view in the URL fragment: a little after the view changed,
    // in a task of its own, and only the last of several quick changes. `history.replaceState`
    // took about 22 ms a call in Chromium (a CPU profile of clicks on the map, 2026-12-06), most
    // of a click's time when it ran in this effect, before the frame that shows the new cards.
    {
        let own = view.to_fragment(&ns);
        let (ns, last) = (ns.clone(), use_mut_ref(|| 0u32));
        use_effect_with(own, move |own| {
            let (own, mine) = (own.clone(), last.borrow().wrapping_add(1));
            *last.borrow_mut() = mine;
            browser::later(150, move || {
                if *last.borrow() != mine {
                    return;
                }
                let current = browser::fragment();
                let merged = state::merge_fragment(&current, &ns, &own);
                if merged != current.trim_start_matches('#') {
                    browser::set_fragment(&merged);
                }
            });
        });
    }

    let a = &*facts.analysis;
    let t = &*facts.t;
    let title_id = [ns.as_str(), "-title"].concat();
    let selected_panel = view.selected.as_deref().and_then(|id| a.stakeholder(id)).map(|s| {
        let rels = facts.relations_in_words(&s.id);
        let quotes = facts.quotes_of(&s.id);
        let clear = {
            let d = dispatch.clone();
            Callback::from(move |_: MouseEvent| d.emit(Action::Select(None)))
        };
        let mut facts_line = if quotes > 0 { t.fill(K::quoted_n, &[&t.times(quotes)]) } else { t.get(K::not_quoted).to_string() };
        facts_line.push_str(", ");
        facts_line.push_str(&t.fill(K::mentioned, &[&t.times(s.mention_count.max(s.mentions.len()))]));
        facts_line.push('.');
        let heading = [ns.as_str(), "-focus"].concat();
        html! {
            <section class={classes!("sm-focus", kind_class(s.kind))} aria-labelledby={heading.clone()}>
                <div class="sm-focus-head">
                    { cards::kind_marker(s) }
                    <h3 id={heading}>{ s.name.clone() }</h3>
                    <button type="button" class="sm-link" onclick={clear}>{ t.get(K::clear_selection) }</button>
                </div>
                <p class="sm-focus-role">
                    { s.role.clone().map(|r| [r.as_str(), " · "].concat()).unwrap_or_default() }{ t.kind(s.kind) }
                </p>
                <p class="sm-focus-facts">{ facts_line }</p>
                if rels.is_empty() {
                    <p class="sm-focus-rels-none">{ t.get(K::no_relations) }</p>
                } else {
                    <ul class="sm-focus-rels" aria-label={t.get(K::relations_label).to_string()}>{ for rels.into_iter().map(|r| html!{ <li>{ r }</li> }) }</ul>
                }
                if props.editable {
                    { editor::stakeholder_editor(&facts, &s.id, &dispatch, &ns) }
                }
            </section>
        }
    });

    html! {
        <section class={classes!("sm-widget", (step < 3).then_some("sm-pending"))} aria-labelledby={title_id.clone()}>
            <header class="sm-head">
                <p class="sm-kicker">{ t.get(K::kicker) }</p>
                <h2 class="sm-title" id={title_id}>{ t.get(K::title) }</h2>
                <p class="sm-summary">{ facts.summary.clone() }</p>
            </header>
            <div class="sm-body">
                <div class="sm-col sm-col-map">
                    if step > 1 {
                        <map::Map facts={facts.clone()} view={view.for_map()} dispatch={dispatch.clone()} ns={ns.clone()} {on_layout} />
                    }
                    { legend(&facts) }
                    <Exports facts={facts.clone()} layout={layout.clone()} />
                    if step > 2 {
                        <textalt::TextAlternative facts={facts.clone()} ns={ns.clone()} />
                    }
                </div>
                <div class={classes!("sm-col", "sm-col-cards", (config.max_cards.is_some() && !view.all_cards).then_some("is-compact"))}>
                    if step > 0 {
                        <filters::Filters facts={facts.clone()} view={view.for_filters()} dispatch={dispatch.clone()} ns={ns.clone()} />
                        // Always one child, empty without a selection: `{ for option }` adds none
                        // or one, and Yew matches children from the end, so a selection replaced
                        // the filters before it by the panel and made them again (their ~45
                        // elements and the search box, on every select and clear).
                        { selected_panel.unwrap_or_default() }
                        <cards::Cards facts={facts.clone()} view={view.for_cards()} dispatch={dispatch.clone()} ns={ns.clone()} paragraphs={props.paragraphs.clone()} editable={props.editable} max_cards={config.max_cards} />
                    }
                </div>
            </div>
            <p class="sm-sr-only" role="status" aria-live="polite" aria-atomic="true">{ view.announce.clone() }</p>
        </section>
    }
}

/// The facts of an analysis. In the browser only what is cheap is derived at once (all of it for
/// an article of at most `SLICE_QUOTES` quotes) and the rest a slice per task after a frame, as
/// long as the facts are in use: a 50,000-quote article took a task of 87-207 ms here
/// (src/widget/state/derive.rs). Natively (the server renderer, the tests) all at once.
fn facts_of(a: Rc<Analysis>, t: Rc<Strings>) -> Rc<Facts> {
    if !cfg!(target_arch = "wasm32") {
        return Rc::new(Facts::with_strings(a, t));
    }
    let f = Rc::new(Facts::begin(a, t));
    fn later(f: std::rc::Weak<Facts>) {
        browser::after_frame(move || {
            if let Some(f) = f.upgrade() {
                if !f.derive(state::SLICE_QUOTES) {
                    later(Rc::downgrade(&f));
                }
            }
        });
    }
    if !f.complete() {
        later(Rc::downgrade(&f));
    }
    f
}

/// Shapes of the kinds present, and the stance line styles present. A plain function, not a
/// component (each component type costs about 0.8 KB gzip of wasm): cheap to build again.
fn legend(facts: &Facts) -> Html {
    let a = &*facts.analysis;
    let t = &*facts.t;
    let kinds = KINDS.iter().filter(|&&k| a.stakeholders.iter().any(|s| s.kind == k)).map(|&k| {
        html! {
            <li class={classes!("sm-legend-item", kind_class(k))}>
                <svg class="sm-marker" viewBox="-12 -12 24 24" width="16" height="16" aria-hidden="true" focusable="false">
                    <path class="sm-node-shape" d={shape_path(k, 9.0)} />
                </svg>
                { t.kind(k) }
            </li>
        }
    });
    let stances = [Stance::Positive, Stance::Negative, Stance::Neutral]
        .into_iter()
        .filter(|&s| a.relations.iter().any(|r| r.stance == s))
        .map(|s| {
            html! {
                <li class={classes!("sm-legend-item", map::stance_class(s))}>
                    <svg class="sm-legend-line" viewBox="0 0 28 8" width="28" height="8" aria-hidden="true" focusable="false">
                        <path class="sm-edge-line" d="M1,4L27,4" />
                    </svg>
                    { t.stance(s) }
                </li>
            }
        });
    html! {
        <div class="sm-legend">
            <h3 class="sm-sr-only">{ t.get(K::legend) }</h3>
            <ul class="sm-legend-list" aria-label={t.get(K::legend_kinds).to_string()}>{ for kinds }</ul>
            <ul class="sm-legend-list" aria-label={t.get(K::legend_stances).to_string()}>{ for stances }</ul>
        </div>
    }
}

#[derive(Properties)]
struct ExportProps {
    facts: Rc<Facts>,
    layout: Rc<std::cell::RefCell<Option<Rc<Layout>>>>,
}

impl PartialEq for ExportProps {
    fn eq(&self, o: &Self) -> bool {
        self.facts == o.facts && Rc::ptr_eq(&self.layout, &o.layout)
    }
}

/// Download buttons: the map as SVG and PNG, the quotes as CSV, the analysis as JSON.
#[function_component(Exports)]
fn exports(props: &ExportProps) -> Html {
    let base = file_base(&props.facts.analysis);
    let t = &*props.facts.t;
    let here = use_node_ref();
    // Set when the PNG could not be drawn (a CSP without `img-src blob:`): said inline.
    let blocked = use_state(|| false);
    let svg = |png: bool| {
        let blocked = blocked.clone();
        let facts = props.facts.clone();
        let layout = props.layout.clone();
        let base = base.clone();
        let here = here.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(l) = layout.borrow().clone() else { return };
            // The colours on screen (the host's --sm-* brand, light or dark), light if unknown.
            let theme = match here.cast::<web_sys::Element>() {
                Some(el) => crate::export::SvgTheme::from_properties(|n| browser::custom_property(&el, n)),
                None => crate::export::SvgTheme::light(),
            };
            let doc = crate::export::map_svg(&facts.analysis, &l, &theme);
            if png {
                let h = crate::export::map_svg_height(&facts.analysis, &l, &theme);
                let b = blocked.clone();
                browser::download_png(&[base.as_str(), ".png"].concat(), &doc, l.width, h, move || b.set(true));
            } else {
                browser::download(&[base.as_str(), ".svg"].concat(), "image/svg+xml", &doc);
            }
        })
    };
    let csv = {
        let facts = props.facts.clone();
        let base = base.clone();
        Callback::from(move |_: MouseEvent| {
            let s = crate::export::quotes_csv(&facts.analysis);
            browser::download(&[base.as_str(), "-quotes.csv"].concat(), "text/csv;charset=utf-8", &s);
        })
    };
    let json = {
        let facts = props.facts.clone();
        let base = base.clone();
        Callback::from(move |_: MouseEvent| {
            // Compact JSON: one serde instantiation in the wasm (pretty printing would add another).
            let s = serde_json::to_string(&*facts.analysis).unwrap_or_default();
            browser::download(&[base.as_str(), ".json"].concat(), "application/json", &s);
        })
    };
    html! {
        <div class="sm-exports" role="group" aria-label={t.get(K::download_group).to_string()} ref={here.clone()}>
            <span class="sm-exports-label" aria-hidden="true">{ t.get(K::download) }</span>
            <button type="button" class="sm-link" aria-label={t.get(K::dl_svg_label).to_string()} onclick={svg(false)}>{ t.get(K::dl_svg) }</button>
            <button type="button" class="sm-link" aria-label={t.get(K::dl_png_label).to_string()} onclick={svg(true)}>{ t.get(K::dl_png) }</button>
            <button type="button" class="sm-link" aria-label={t.get(K::dl_csv_label).to_string()} onclick={csv}>{ t.get(K::dl_csv) }</button>
            <button type="button" class="sm-link" aria-label={t.get(K::dl_json_label).to_string()} onclick={json}>{ t.get(K::dl_json) }</button>
            if *blocked {
                <p class="sm-export-error" role="alert">{ t.get(K::png_blocked) }</p>
            }
        </div>
    }
}

/// A file name from the headline: `stakeholder-map-us-vice-president-says`.
fn file_base(a: &Analysis) -> String {
    let mut s = String::from("stakeholder-map");
    let mut words = 0;
    for w in a.headline.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        if words == 6 {
            break;
        }
        s.push('-');
        s.extend(w.chars().map(crate::text::lower_char).filter(|c| c.is_ascii_alphanumeric()));
        words += 1;
    }
    s.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn max_cards_attribute_is_a_number_all_or_the_compact_default() {
        assert_eq!(max_cards_attr(None), Some(DEFAULT_MAX_CARDS));
        assert_eq!(max_cards_attr(Some("5")), Some(5));
        assert_eq!(max_cards_attr(Some(" 0 ")), Some(0));
        assert_eq!(max_cards_attr(Some("ALL")), None);
        assert_eq!(max_cards_attr(Some("lots")), Some(DEFAULT_MAX_CARDS));
        assert_eq!(max_cards_attr(Some("-2")), Some(DEFAULT_MAX_CARDS));
    }
}
