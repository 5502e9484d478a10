//! Quote cards: speaker, the quote (a partial quote inside its sentence, quoted words
//! emphasised), the attribution cue and its confidence when low, the source paragraph, copy.

use super::browser;
use super::i18n::K;
use super::shapes::{kind_class, shape_path};
use super::state::{Action, Edit, Facts, ViewState, PAGE_CARDS};
use crate::model::{Field, Quote, QuoteKind, Stakeholder};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Cards put on screen per task: a list of more than [`AT_ONCE`] cards (up to a page,
/// `PAGE_CARDS`) goes on screen a chunk at a time, the browser free to handle input and paint
/// between chunks; so does every list when the widget mounts, from a first chunk of half this.
pub const CHUNK_CARDS: usize = 8;
/// A list this long goes on screen at once (an article's usual dozen quotes).
pub const AT_ONCE: usize = 30;

/// Below this confidence a card says the attribution is uncertain.
pub const LOW_CONFIDENCE: f32 = 0.6;

#[derive(Properties, PartialEq)]
pub struct CardsProps {
    pub facts: Rc<Facts>,
    /// The part of the view the cards depend on ([`ViewState::for_cards`]): a hover, a pan or a
    /// drag leaves it equal, so the cards do not render again.
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
    /// At most this many cards until the reader presses "Show all N quotes" (None: all).
    #[prop_or_default]
    pub max_cards: Option<usize>,
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
    let t = &*facts.t;
    let mut s = t.quoted(q.text.trim(), false);
    s.push_str(" — ");
    match q.speaker.as_deref().and_then(|id| a.stakeholder(id)) {
        Some(st) => {
            s.push_str(&st.name);
            if let Some(r) = &st.role {
                s.push_str(", ");
                s.push_str(r);
            }
        }
        None => s.push_str(t.get(K::unattributed)),
    }
    s.push('.');
    if !a.headline.trim().is_empty() {
        s.push(' ');
        s.push_str(&t.quoted(a.headline.trim(), false));
        if let Some(d) = &a.date {
            s.push_str(", ");
            s.push_str(d);
        }
        match (q.field, q.paragraph) {
            (Field::Headline, _) => {
                s.push_str(", ");
                s.push_str(t.get(K::headline));
            }
            (_, Some(p)) => {
                s.push_str(", ");
                s.push_str(&t.fill(K::paragraph, &[&(p + 1).to_string()]));
            }
            _ => {}
        }
        s.push('.');
    }
    s
}

#[derive(Properties, PartialEq)]
struct CardProps {
    facts: Rc<Facts>,
    /// The quote's index.
    i: usize,
    selected: bool,
    expanded: bool,
    ns: AttrValue,
    host: bool,
    paragraphs: AttrValue,
    editable: bool,
    dispatch: Callback<Action>,
}

/// One quote card: its own component, so that a filter change renders only the cards that
/// come and go, and selecting a card renders only the two cards whose state changed.
#[function_component(Card)]
fn card(p: &CardProps) -> Html {
    let (facts, i, ns, host, dispatch, paragraphs, editable) = (&*p.facts, p.i, p.ns.as_str(), p.host, &p.dispatch, &p.paragraphs, p.editable);
    let a = &*facts.analysis;
    let t = &*facts.t;
    let q = &a.quotes[i];
    let single = facts.single(i);
    let (open, close) = if single { (t.get(K::q1_open), t.get(K::q1_close)) } else { (t.get(K::q_open), t.get(K::q_close)) };
    let speaker = q.speaker.as_deref().and_then(|id| a.stakeholder(id));
    let selected = p.selected;
    let who_id = [ns, "-", q.id.as_str(), "-who"].concat();
    let (before, after) = facts.context(i);
    let body = if q.kind == QuoteKind::Partial && (!before.trim().is_empty() || !after.trim().is_empty()) {
        html! {
            <blockquote class="sm-quote sm-quote-partial">
                <p>{ before }<strong class="sm-quoted">{ open }{ q.text.clone() }{ close }</strong>{ after }</p>
            </blockquote>
        }
    } else {
        html! {
            <blockquote class="sm-quote"><p><span class="sm-quoted-direct">{ open }{ q.text.clone() }{ close }</span></p></blockquote>
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
        let facts = p.facts.clone();
        Callback::from(move |e: MouseEvent| {
            e.stop_propagation();
            let t = &*facts.t;
            let (yes, no) = (t.get(K::copied).to_string(), t.get(K::no_copy).to_string());
            let ok = browser::copy(&citation(&facts, &facts.analysis.quotes[i]));
            dispatch.emit(Action::Announce(if ok { yes.clone() } else { no.clone() }));
        })
    };
    let para = q.paragraph.filter(|_| q.field == Field::Body);
    let expanded = p.expanded;
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
            html! { <button type="button" class="sm-link" {onclick}>{ t.fill(K::go_para, &[&n]) }</button> }
        } else {
            let region = [ns, "-", q.id.as_str(), "-para"].concat();
            html! {
                <button type="button" class="sm-link" aria-expanded={if expanded { "true" } else { "false" }}
                    aria-controls={region} {onclick}>
                    { t.fill(if expanded { K::hide_para } else { K::show_para }, &[&n]) }
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
        let not_speech_dispatch = dispatch.clone();
        let dispatch = dispatch.clone();
        let id = q.id.clone();
        let onchange = Callback::from(move |e: Event| {
            let v = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok()).map(|s| s.value()).unwrap_or_default();
            dispatch.emit(Action::Reassign { quote: id.clone(), speaker: (!v.is_empty()).then_some(v) });
        });
        let stop = Callback::from(|e: MouseEvent| e.stop_propagation());
        let not_speech = {
            let dispatch = not_speech_dispatch.clone();
            let id = q.id.clone();
            Callback::from(move |_: MouseEvent| dispatch.emit(Action::Edit(Edit::NotSpeech(id.clone()))))
        };
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
                <button type="button" class="sm-link sm-edit-not-speech" onclick={not_speech}>{ "Not speech" }</button>
            </div>
        }
    });
    html! {
        <li>
            <article class={classes!("sm-card", selected.then_some("is-selected"), speaker.map(|s| kind_class(s.kind)))}
                aria-labelledby={who_id.clone()} onclick={toggle_card}>
                <header class="sm-card-head">
                    { for speaker.map(kind_marker) }
                    <span class="sm-card-who" id={who_id}>
                        <span class="sm-card-name">{ speaker.map(|s| s.name.clone()).unwrap_or_else(|| t.get(K::unattributed_quote).into()) }</span>
                        { for speaker.and_then(|s| s.role.clone()).map(|r| html!{ <span class="sm-card-role">{ r }</span> }) }
                    </span>
                    { for speaker.map(|s| html!{ <span class="sm-kind-tag">{ t.kind(s.kind) }</span> }) }
                </header>
                { body }
                <p class="sm-card-meta">
                    if by_editor {
                        <span class="sm-cue sm-by-editor">{ t.get(K::by_editor) }</span>
                    } else if let Some(c) = cue {
                        <span class="sm-cue">{ t.fill(K::via, &[&t.quoted(&c, false)]) }</span>
                    }
                    if low {
                        <span class="sm-low">{ t.fill(K::uncertain, &[&pct]) }</span>
                    }
                    if from_headline {
                        <span class="sm-cue">{ t.get(K::from_headline) }</span>
                    }
                </p>
                // One child, empty when closed (`{ for option }` would make the card's header,
                // quote and notes again on every expand: Yew matches children from the end).
                { para_text.unwrap_or_default() }
                { for picker }
                <footer class="sm-card-actions">
                    { for para_button }
                    <button type="button" class="sm-link" onclick={copy}>{ t.get(K::copy_quote) }</button>
                    if speaker.is_some() {
                        <button type="button" class="sm-link" aria-pressed={if selected { "true" } else { "false" }} onclick={toggle_button}>
                            { t.get(K::show_on_map) }
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
    let t = &*facts.t;
    let v = &props.view;
    let ns = props.ns.as_str();
    // Compact by default in an embed: the first few matching cards, and a button for the rest.
    let (shown, matching) = facts.shown_quotes(v, props.max_cards);
    // The host declared where it marks paragraphs: links scroll there (and fall back to
    // expanding in place when that paragraph is not found at click time).
    let host = !props.paragraphs.trim().is_empty();
    let total = facts.cards.len();

    // Progressive: the cards the list shares with what was on screen stay; new ones come a chunk
    // per task (see CHUNK_CARDS), so no filter change is one long task.
    // (the list last put on screen, how many of it are, a next chunk is scheduled)
    // Mounting in the browser (the count usize::MAX: none yet): a first chunk only, whatever
    // the list's length (natively, the server renderer: all at once).
    let progress = use_mut_ref(|| (Vec::<usize>::new(), if cfg!(target_arch = "wasm32") { usize::MAX } else { 0 }, false));
    let redraw = use_force_update();
    let rendered = {
        let mut p = progress.borrow_mut();
        let same = p.0.iter().zip(&shown).take_while(|(a, b)| a == b).count();
        let first = p.1 == usize::MAX;
        let n = if shown.len() <= AT_ONCE && !first { shown.len() } else { p.1.min(same).max(if first { CHUNK_CARDS / 2 } else { CHUNK_CARDS }).min(shown.len()) };
        p.0.clone_from(&shown);
        p.1 = n;
        // The next chunk in a task of its own after a frame, so the browser lays out one chunk
        // at a time (one at a time, whatever list is current then).
        if n < shown.len() && !p.2 {
            p.2 = true;
            let progress = progress.clone();
            browser::after_frame(move || {
                {
                    let mut p = progress.borrow_mut();
                    p.2 = false;
                    p.1 = (p.1 + CHUNK_CARDS).min(p.0.len());
                }
                redraw.force_update();
            });
        }
        n
    };
    let items = shown[..rendered].iter().map(|&i| {
        let q = &facts.analysis.quotes[i];
        let selected = v.quote.as_deref() == Some(q.id.as_str());
        let expanded = v.expanded.iter().any(|e| *e == q.id);
        html! {
            <Card key={q.id.as_str()} facts={props.facts.clone()} {i} {selected} {expanded} ns={props.ns.clone()} {host}
                paragraphs={props.paragraphs.clone()} editable={props.editable} dispatch={props.dispatch.clone()} />
        }
    });

    // What is on screen: "3 of 13 quotes" in a compact list (the button says how many match).
    let count = t.fill(K::count_of, &[&shown.len().to_string(), &t.count(total, K::quote, K::quotes)]);
    let list_label = [ns, "-cards-label"].concat();
    let list_id = [ns, "-cards"].concat();
    let compact = props.max_cards.is_some_and(|m| matching > m);
    let more = (v.all_cards || shown.len() < matching) && compact;
    // Past a page of cards, the next page on demand (never tens of thousands at once).
    let past = if props.max_cards.is_some() && !v.all_cards { 0 } else { matching.saturating_sub(shown.len()) };
    let next_page = {
        let d = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| d.emit(Action::MoreCards))
    };
    let toggle = {
        let d = props.dispatch.clone();
        let all = !v.all_cards;
        Callback::from(move |_: MouseEvent| d.emit(Action::ShowAllCards(all)))
    };
    html! {
        <div class="sm-cards-wrap">
            <p class="sm-count" id={list_label.clone()}>{ count }</p>
            if shown.is_empty() {
                <p class="sm-empty">{ t.get(if total == 0 { K::no_quotes } else { K::no_match }) }</p>
            }
            // The list stays in the DOM even when empty, so observers and assistive technology
            // keep one stable element.
            <ol class={classes!("sm-cards", (shown.len() > AT_ONCE).then_some("is-long"))} id={list_id.clone()} aria-labelledby={list_label}>{ for items }</ol>
            if past > 0 {
                <button type="button" class="sm-more sm-more-cards sm-next-cards" aria-controls={list_id.clone()} onclick={next_page}>
                    { t.fill(K::show_more_quotes, &[&past.min(PAGE_CARDS).to_string()]) }
                </button>
            }
            if more {
                <button type="button" class="sm-more sm-more-cards" aria-expanded={if v.all_cards { "true" } else { "false" }} aria-controls={list_id} onclick={toggle}>
                    { if v.all_cards { t.get(K::show_fewer_quotes).to_string() } else { t.fill(K::show_all_quotes, &[&matching.to_string()]) } }
                </button>
            }
        </div>
    }
}
