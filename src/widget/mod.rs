//! Yew function components rendering an `Analysis`: the stakeholder map beside quote cards.
//!
//! - [`state`]: the view state as a pure reducer (tested natively), apart from the components;
//! - [`map`]: the SVG map; [`cards`]: quote cards; [`filters`]: stakeholder / relation /
//!   search filters; [`textalt`]: the text alternative; [`errors`]: the inline error message;
//! - [`browser`]: the few browser effects (URL fragment, clipboard, downloads), inert natively.
//!
//! [`Widget`] takes the article as text (JSON or plain text), analyses it and renders either
//! the map or an inline error; [`StakeholderMap`] renders an `Analysis` directly.

pub mod browser;
pub mod cards;
pub mod errors;
pub mod filters;
pub mod map;
pub mod shapes;
pub mod state;
pub mod textalt;

use crate::input::{parse_source, InputError, Source};
use crate::layout::Layout;
use crate::model::{Analysis, Stance};
use shapes::{kind_class, shape_path, KINDS};
use state::{reduce, times, Action, Facts, ViewState};
use std::rc::Rc;
use yew::prelude::*;

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
        if let Action::Reassign { quote, speaker } = &action {
            let Some(b) = state::reassign(&self.facts.analysis, quote, speaker.as_deref()) else { return self };
            let facts = Rc::new(Facts::new(Rc::new(b)));
            let who = speaker.as_deref().and_then(|s| facts.analysis.stakeholder(s)).map(|s| s.name.as_str()).unwrap_or("nobody");
            let view = ViewState { announce: ["Quote attributed to ", who].concat(), ..self.view.clone() };
            return Rc::new(Model { facts, view });
        }
        let view = reduce(&self.facts, &self.view, action);
        if view == self.view {
            return self;
        }
        Rc::new(Model { facts: self.facts.clone(), view })
    }
}

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

/// Analyses an article given as text and renders it, or an inline error.
#[function_component(Widget)]
pub fn widget(props: &WidgetProps) -> Html {
    let result: Rc<Result<Rc<Analysis>, InputError>> = {
        let src = props.source.clone();
        use_memo(src, |src| {
            parse_source(src).map(|s| match s {
                Source::Article(art) => Rc::new(crate::analyze(&art)),
                // An editor's published analysis is shown as it is, not analysed again.
                Source::Analysis(a) => Rc::new(*a),
            })
        })
    };
    match &*result {
        Ok(a) => html! {
            <StakeholderMap key={fingerprint(&props.source)} analysis={a.clone()} ns={props.ns.clone()} paragraphs={props.paragraphs.clone()} editable={props.editable} />
        },
        Err(e) => html! { <errors::ErrorMessage error={e.clone()} /> },
    }
}

/// A short fingerprint of the source, so a new article remounts the view with fresh state.
fn fingerprint(s: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h.to_string()
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

/// The whole widget for one analysis: map, legend, text alternative, filters, cards.
#[function_component(StakeholderMap)]
pub fn stakeholder_map(props: &MapProps) -> Html {
    let ns = props.ns.clone();
    let model = {
        let analysis = props.analysis.clone();
        let ns = ns.clone();
        use_reducer(move || {
            let facts = Rc::new(Facts::new(analysis));
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
    let dispatch = {
        let m = model.dispatcher();
        Callback::from(move |a: Action| m.dispatch(a))
    };
    let layout = use_mut_ref(|| None::<Rc<Layout>>);
    let on_layout = {
        let layout = layout.clone();
        Callback::from(move |l: Rc<Layout>| *layout.borrow_mut() = Some(l))
    };

    // Keep the shareable part of the view in the URL fragment.
    {
        let own = view.to_fragment(&ns);
        let ns = ns.clone();
        use_effect_with(own, move |own| {
            let current = browser::fragment();
            let merged = state::merge_fragment(&current, &ns, own);
            if merged != current.trim_start_matches('#') {
                browser::set_fragment(&merged);
            }
        });
    }

    let a = &*facts.analysis;
    let title_id = [ns.as_str(), "-title"].concat();
    let selected_panel = view.selected.as_deref().and_then(|id| a.stakeholder(id)).map(|s| {
        let rels = facts.relations_in_words(&s.id);
        let quotes = facts.quotes_of(&s.id);
        let clear = {
            let d = dispatch.clone();
            Callback::from(move |_: MouseEvent| d.emit(Action::Select(None)))
        };
        let mut facts_line = if quotes > 0 { ["Quoted ", &times(quotes)].concat() } else { "Not quoted".to_string() };
        facts_line.push_str(", mentioned ");
        facts_line.push_str(&times(s.mention_count.max(s.mentions.len())));
        facts_line.push('.');
        let heading = [ns.as_str(), "-focus"].concat();
        html! {
            <section class={classes!("sm-focus", kind_class(s.kind))} aria-labelledby={heading.clone()}>
                <div class="sm-focus-head">
                    { cards::kind_marker(s) }
                    <h3 id={heading}>{ s.name.clone() }</h3>
                    <button type="button" class="sm-link" onclick={clear}>{ "Show all quotes" }</button>
                </div>
                <p class="sm-focus-role">
                    { s.role.clone().map(|r| [r.as_str(), " · "].concat()).unwrap_or_default() }{ s.kind.label() }
                </p>
                <p class="sm-focus-facts">{ facts_line }</p>
                if rels.is_empty() {
                    <p class="sm-focus-rels-none">{ "No relations to others found in the text." }</p>
                } else {
                    <ul class="sm-focus-rels" aria-label="Relations">{ for rels.into_iter().map(|r| html!{ <li>{ r }</li> }) }</ul>
                }
            </section>
        }
    });

    html! {
        <section class="sm-widget" aria-labelledby={title_id.clone()}>
            <header class="sm-head">
                <p class="sm-kicker">{ "Who’s who" }</p>
                <h2 class="sm-title" id={title_id}>{ "Stakeholders and what they said" }</h2>
                <p class="sm-summary">{ facts.summary.clone() }</p>
            </header>
            <div class="sm-body">
                <div class="sm-col sm-col-map">
                    <map::Map facts={facts.clone()} view={view.clone()} dispatch={dispatch.clone()} ns={ns.clone()} {on_layout} />
                    <Legend facts={facts.clone()} />
                    <Exports facts={facts.clone()} layout={layout.clone()} />
                    <textalt::TextAlternative facts={facts.clone()} ns={ns.clone()} />
                </div>
                <div class="sm-col sm-col-cards">
                    <filters::Filters facts={facts.clone()} view={view.clone()} dispatch={dispatch.clone()} ns={ns.clone()} />
                    { for selected_panel }
                    <cards::Cards facts={facts.clone()} view={view.clone()} dispatch={dispatch.clone()} ns={ns.clone()} paragraphs={props.paragraphs.clone()} editable={props.editable} />
                </div>
            </div>
            <p class="sm-sr-only" role="status" aria-live="polite" aria-atomic="true">{ view.announce.clone() }</p>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct LegendProps {
    facts: Rc<Facts>,
}

/// Shapes of the kinds present, and the stance line styles present.
#[function_component(Legend)]
fn legend(props: &LegendProps) -> Html {
    let a = &*props.facts.analysis;
    let kinds = KINDS.iter().filter(|&&k| a.stakeholders.iter().any(|s| s.kind == k)).map(|&k| {
        html! {
            <li class={classes!("sm-legend-item", kind_class(k))}>
                <svg class="sm-marker" viewBox="-12 -12 24 24" width="16" height="16" aria-hidden="true" focusable="false">
                    <path class="sm-node-shape" d={shape_path(k, 9.0)} />
                </svg>
                { k.label() }
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
                    { s.label() }
                </li>
            }
        });
    html! {
        <div class="sm-legend">
            <h3 class="sm-sr-only">{ "Legend" }</h3>
            <ul class="sm-legend-list" aria-label="Stakeholder kinds">{ for kinds }</ul>
            <ul class="sm-legend-list" aria-label="Stances">{ for stances }</ul>
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
    let here = use_node_ref();
    let svg = |png: bool| {
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
                browser::download_png(&[base.as_str(), ".png"].concat(), &doc, l.width, h);
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
        <div class="sm-exports" role="group" aria-label="Download" ref={here.clone()}>
            <span class="sm-exports-label" aria-hidden="true">{ "Download:" }</span>
            <button type="button" class="sm-link" aria-label="Download the map as SVG" onclick={svg(false)}>{ "Map (SVG)" }</button>
            <button type="button" class="sm-link" aria-label="Download the map as PNG" onclick={svg(true)}>{ "Map (PNG)" }</button>
            <button type="button" class="sm-link" aria-label="Download the quotes as CSV" onclick={csv}>{ "Quotes (CSV)" }</button>
            <button type="button" class="sm-link" aria-label="Download the analysis as JSON" onclick={json}>{ "Analysis (JSON)" }</button>
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
