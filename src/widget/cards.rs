//! Quote cards: speaker, the quote (a partial quote inside its sentence, quoted words
//! emphasised), the attribution cue and its confidence when low, the source paragraph, copy.

use super::browser;
use super::shapes::{kind_class, shape_path};
use super::state::{Action, Facts, ViewState};
use crate::model::{Field, Quote, QuoteKind, Stakeholder};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Below this confidence a card says the attribution is uncertain.
pub const LOW_CONFIDENCE: f32 = 0.6;

#[derive(Properties, PartialEq)]
pub struct CardsProps {
    pub facts: Rc<Facts>,
    pub view: ViewState,
    pub dispatch: Callback<Action>,
    pub ns: AttrValue,
    /// Selector of the host element marking paragraphs (`data-sm-paragraph="N"`): links
    /// scroll there; empty: the paragraph expands in place.
    #[prop_or_default]
    pub paragraphs: AttrValue,
    /// Editor mode: a speaker picker on each card.
    #[prop_or_default]
    pub editable: bool,
}

/// A small inline kind marker (the node's shape), decorative: the kind is also written out.
pub fn kind_marker(s: &Stakeholder) -> Html {
    html! {
        <svg class={classes!("sm-marker", kind_class(s.kind))} viewBox="-12 -12 24 24" width="16" height="16" aria-hidden="true" focusable="false">
            <path class="sm-node-shape" d={shape_path(s.kind, 9.0)} />
        </svg>
    }
}

/// The citation copied with a quote: “…” — Name, role. “Headline”, date, paragraph N.
pub fn citation(facts: &Facts, q: &Quote) -> String {
    let a = &*facts.analysis;
    let mut s = String::from("“");
    s.push_str(q.text.trim());
    s.push_str("” — ");
    match q.speaker.as_deref().and_then(|id| a.stakeholder(id)) {
        Some(st) => {
            s.push_str(&st.name);
            if let Some(r) = &st.role {
                s.push_str(", ");
                s.push_str(r);
            }
        }
        None => s.push_str("unattributed"),
    }
    s.push('.');
    if !a.headline.trim().is_empty() {
        s.push_str(" “");
        s.push_str(a.headline.trim());
        s.push('”');
        if let Some(d) = &a.date {
            s.push_str(", ");
            s.push_str(d);
        }
        match (q.field, q.paragraph) {
            (Field::Headline, _) => s.push_str(", headline"),
            (_, Some(p)) => {
                s.push_str(", paragraph ");
                s.push_str(&(p + 1).to_string());
            }
            _ => {}
        }
        s.push('.');
    }
    s
}

/// One quote card (a plain function, not a closure, so its view code is compiled once).
#[inline(never)]
#[allow(clippy::too_many_arguments)]
fn card(facts: &Facts, v: &ViewState, ns: &str, host: bool, dispatch: &Callback<Action>, paragraphs: &AttrValue, editable: bool, i: usize) -> Html {
    let a = &*facts.analysis;
    let q = &a.quotes[i];
    let speaker = q.speaker.as_deref().and_then(|id| a.stakeholder(id));
    let selected = v.quote.as_deref() == Some(q.id.as_str());
    let who_id = [ns, "-", q.id.as_str(), "-who"].concat();
    let (before, after) = facts.context.get(i).cloned().unwrap_or_default();
    let body = if q.kind == QuoteKind::Partial && (!before.trim().is_empty() || !after.trim().is_empty()) {
        html! {
            <blockquote class="sm-quote sm-quote-partial">
                <p>{ before }<strong class="sm-quoted">{ "“" }{ q.text.clone() }{ "”" }</strong>{ after }</p>
            </blockquote>
        }
    } else {
        html! {
            <blockquote class="sm-quote"><p><span class="sm-quoted-direct">{ "“" }{ q.text.clone() }{ "”" }</span></p></blockquote>
        }
    };
    let low = q.speaker.is_some() && q.confidence < LOW_CONFIDENCE;
    let mut pct = ((q.confidence.clamp(0.0, 1.0) * 100.0).round() as u32).to_string();
    pct.push('%');
    let cue = q.cue.as_ref().map(|c| c.text.trim().to_string()).filter(|c| !c.is_empty());
    let toggle_card = {
        let dispatch = dispatch.clone();
        let id = q.id.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(Action::ToggleQuote(id.clone())))
    };
    let toggle_button = {
        let dispatch = dispatch.clone();
        let id = q.id.clone();
        Callback::from(move |e: MouseEvent| {
            e.stop_propagation();
            dispatch.emit(Action::ToggleQuote(id.clone()))
        })
    };
    let copy = {
        let dispatch = dispatch.clone();
        let text = citation(facts, q);
        Callback::from(move |e: MouseEvent| {
            e.stop_propagation();
            let ok = browser::copy(&text);
            dispatch.emit(Action::Announce(if ok { "Quote copied with citation".into() } else { "Copying is not available here".into() }));
        })
    };
    let para = q.paragraph.filter(|_| q.field == Field::Body);
    let expanded = v.expanded.iter().any(|e| *e == q.id);
    let para_button = para.map(|p| {
        let dispatch = dispatch.clone();
        let id = q.id.clone();
        let scope = paragraphs.clone();
        let onclick = Callback::from(move |e: MouseEvent| {
            e.stop_propagation();
            if !(host && browser::scroll_to_paragraph(&scope, p + 1)) {
                dispatch.emit(Action::ToggleParagraph(id.clone()));
            }
        });
        let n = (p + 1).to_string();
        if host {
            html! { <button type="button" class="sm-link" {onclick}>{ "Go to paragraph " }{ n }</button> }
        } else {
            let region = [ns, "-", q.id.as_str(), "-para"].concat();
            html! {
                <button type="button" class="sm-link" aria-expanded={if expanded { "true" } else { "false" }}
                    aria-controls={region} {onclick}>
                    { if expanded { "Hide paragraph " } else { "Show paragraph " } }{ n }
                </button>
            }
        }
    });
    let para_text = para.filter(|_| expanded).and_then(|p| a.paragraphs.get(p)).map(|p| {
        let region = [ns, "-", q.id.as_str(), "-para"].concat();
        html! { <p class="sm-para" id={region}>{ a.slice(Field::Body, p.start, p.end) }</p> }
    });
    let from_headline = q.field == Field::Headline;
    let by_editor = q.method.as_deref() == Some("editor");
    let picker = editable.then(|| {
        let dispatch = dispatch.clone();
        let id = q.id.clone();
        let onchange = Callback::from(move |e: Event| {
            let v = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok()).map(|s| s.value()).unwrap_or_default();
            dispatch.emit(Action::Reassign { quote: id.clone(), speaker: (!v.is_empty()).then_some(v) });
        });
        let stop = Callback::from(|e: MouseEvent| e.stop_propagation());
        let pick = [ns, "-", q.id.as_str(), "-pick"].concat();
        let mut people: Vec<&Stakeholder> = a.stakeholders.iter().collect();
        crate::text::sort_vec_by(&mut people, &|x, y| x.name.cmp(&y.name));
        html! {
            <div class="sm-edit" onclick={stop}>
                <label for={pick.clone()}>{ "Speaker" }</label>
                <select id={pick} {onchange}>
                    <option value="" selected={q.speaker.is_none()}>{ "Unattributed" }</option>
                    { for people.into_iter().map(|s| html!{ <option value={s.id.clone()} selected={q.speaker.as_deref() == Some(s.id.as_str())}>{ s.name.clone() }</option> }) }
                </select>
            </div>
        }
    });
    html! {
        <li key={q.id.clone()}>
            <article class={classes!("sm-card", selected.then_some("is-selected"), speaker.map(|s| kind_class(s.kind)))}
                aria-labelledby={who_id.clone()} onclick={toggle_card}>
                <header class="sm-card-head">
                    { for speaker.map(kind_marker) }
                    <span class="sm-card-who" id={who_id}>
                        <span class="sm-card-name">{ speaker.map(|s| s.name.clone()).unwrap_or_else(|| "Unattributed quote".into()) }</span>
                        { for speaker.and_then(|s| s.role.clone()).map(|r| html!{ <span class="sm-card-role">{ r }</span> }) }
                    </span>
                    { for speaker.map(|s| html!{ <span class="sm-kind-tag">{ s.kind.label() }</span> }) }
                </header>
                { body }
                <p class="sm-card-meta">
                    if by_editor {
                        <span class="sm-cue sm-by-editor">{ "Attribution checked by an editor" }</span>
                    } else if let Some(c) = cue {
                        <span class="sm-cue">{ "Attributed via “" }{ c }{ "”" }</span>
                    }
                    if low {
                        <span class="sm-low">{ "Attribution uncertain (" }{ pct }{ ")" }</span>
                    }
                    if from_headline {
                        <span class="sm-cue">{ "From the headline" }</span>
                    }
                </p>
                { for para_text }
                { for picker }
                <footer class="sm-card-actions">
                    { for para_button }
                    <button type="button" class="sm-link" onclick={copy}>{ "Copy quote" }</button>
                    if speaker.is_some() {
                        <button type="button" class="sm-link" aria-pressed={if selected { "true" } else { "false" }} onclick={toggle_button}>
                            { "Show on map" }
                        </button>
                    }
                </footer>
            </article>
        </li>
    }
}

#[function_component(Cards)]
pub fn cards(props: &CardsProps) -> Html {
    let facts = &props.facts;
    let v = &props.view;
    let ns = props.ns.as_str();
    let visible = facts.visible_quotes(v);
    // The host declared where it marks paragraphs: links scroll there (and fall back to
    // expanding in place when that paragraph is not found at click time).
    let host = !props.paragraphs.trim().is_empty();
    let total = facts.cards.len();

    let items = visible.iter().map(|&i| card(facts, v, ns, host, &props.dispatch, &props.paragraphs, props.editable, i));

    let mut count = visible.len().to_string();
    count.push_str(" of ");
    count.push_str(&total.to_string());
    count.push_str(if total == 1 { " quote" } else { " quotes" });
    let list_label = [ns, "-cards-label"].concat();
    html! {
        <div class="sm-cards-wrap">
            <p class="sm-count" id={list_label.clone()}>{ count }</p>
            if visible.is_empty() {
                <p class="sm-empty">{ if total == 0 { "No quotes found in this text." } else { "No quotes match these filters." } }</p>
            }
            // The list stays in the DOM even when empty, so observers and assistive technology
            // keep one stable element.
            <ol class="sm-cards" aria-labelledby={list_label}>{ for items }</ol>
        </div>
    }
}
