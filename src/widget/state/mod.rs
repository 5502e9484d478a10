//! The widget's view state as a pure reducer, apart from the components (the pattern of
//! Yew's `function_todomvc` example): `reduce(facts, view, action) -> view`.
//!
//! Nothing here touches the browser, so it is tested natively. The components only
//! dispatch [`Action`]s and render what [`ViewState`] and [`Facts`] say. By concern:
//! - this file: [`ViewState`], [`Action`], the reducer [`reduce`], [`reassign`] and the
//!   keyboard walk [`step`];
//! - [`facts`]: what is derived once per analysis ([`Facts`]: indexes, card list, search
//!   text, summary) and per view (visible and shown cards, relations in words); [`derive`]:
//!   its per-quote part, a slice of quotes at a time;
//! - [`fragment`]: the shareable part of the view in the URL fragment.

mod derive;
mod facts;
mod fragment;

use super::i18n::{Strings, K};
pub use super::corrections::{edit, Edit};
pub use derive::SLICE_QUOTES;
pub use facts::*;
pub use fragment::*;
use crate::model::Analysis;
use std::rc::Rc;


/// Smallest and largest zoom factors of the map.
pub const MIN_ZOOM: f32 = 0.5;
pub const MAX_ZOOM: f32 = 4.0;

/// What the reader is looking at. Everything a reader can share lives in the URL fragment
/// (see [`ViewState::to_fragment`]); zoom, pan and dragged positions are local.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct ViewState {
    /// Selected stakeholder (cards filter to it; its relations are listed in words).
    pub selected: Option<String>,
    /// The node that holds the map's single tab stop (roving focus).
    pub focused: Option<String>,
    /// The node under the pointer or keyboard focus: everything but it and its neighbours dims.
    pub hovered: Option<String>,
    /// Selected quote card: its speaker and the stakeholders it mentions light up.
    pub quote: Option<String>,
    /// Relation filter (relation id).
    pub relation: Option<String>,
    /// Text search over quotes and speakers.
    pub search: String,
    /// Show every stakeholder, not only the most prominent (unfolds "+N more").
    pub show_all: bool,
    /// Zoom factor and top-left corner of the visible area, in layout units.
    pub zoom: f32,
    pub view_x: f32,
    pub view_y: f32,
    /// Nodes the reader dragged: (id, offset from the layout's position). A plain Vec: a
    /// handful of entries, and no B-tree code in the wasm.
    pub moved: Vec<(String, (f32, f32))>,
    /// Cards whose source paragraph is expanded in place.
    pub expanded: Vec<String>,
    /// The reader pressed "Show all N quotes": no card limit until the filter changes.
    pub all_cards: bool,
    /// Further pages of [`PAGE_CARDS`] cards the reader asked for ("Show N more"); back to
    /// none when the filter changes.
    pub card_pages: usize,
    /// Text for the polite live region (short).
    pub announce: String,
}

impl ViewState {
    pub fn new() -> Self {
        ViewState { zoom: 1.0, ..Default::default() }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Select this stakeholder, or clear the selection.
    Select(Option<String>),
    /// Select the stakeholder, or clear it when it is already selected (click / Enter).
    Toggle(String),
    /// Move the map's roving tab stop to this node.
    Focus(String),
    Hover(Option<String>),
    /// Select a card (toggles when already selected).
    ToggleQuote(String),
    FilterRelation(Option<String>),
    Search(String),
    ShowAll(bool),
    /// Zoom by a factor, keeping the layout point (x, y) where it is.
    ZoomAt { factor: f32, x: f32, y: f32 },
    /// Pan by a distance in layout units.
    Pan { dx: f32, dy: f32 },
    /// Back to the initial zoom, pan and node positions.
    ResetView,
    /// Drag a node by a distance in layout units.
    MoveNode { id: String, dx: f32, dy: f32 },
    ToggleParagraph(String),
    Announce(String),
    /// Escape: clear selection, card, relation filter and search.
    Clear,
    /// Replace the shareable part of the view (from the URL fragment).
    Restore(Box<ViewState>),
    /// An editor attributes quote `quote` to `speaker` (None: unattributed). It changes the
    /// analysis, not the view: the widget's model applies it with [`reassign`].
    Reassign { quote: String, speaker: Option<String> },
    /// Another editor's correction (the widget's model applies it with [`edit`]).
    Edit(Edit),
    /// Show every matching card (true) or at most the card limit again (false).
    ShowAllCards(bool),
    /// Show another page of [`PAGE_CARDS`] cards.
    MoreCards,
    /// The UI language changed: the widget's model rebuilds its facts with these strings.
    Strings(Rc<Strings>),
}

/// What the host page hears when a stakeholder is selected (`stakeholder-map:select`).

/// An editor's correction: the analysis with quote `quote` attributed to `speaker` (None:
/// unattributed), marked as the editor's (`method: "editor"`, confidence 1), with the derived
/// counts recomputed. None when the quote or the speaker is unknown.
pub fn reassign(a: &Analysis, quote: &str, speaker: Option<&str>) -> Option<Analysis> {
    if speaker.is_some_and(|s| a.stakeholder(s).is_none()) {
        return None;
    }
    let mut b = a.clone();
    let q = b.quotes.iter_mut().find(|q| q.id == quote)?;
    q.speaker = speaker.map(str::to_string);
    q.method = Some("editor".to_string());
    q.confidence = 1.0;
    q.speaker_mention = None;
    crate::input::check_analysis(&mut b).ok()?;
    Some(b)
}

impl ViewState {
    /// The part of the view the quote cards depend on (the rest left at its default), for
    /// narrow props: a hover, a pan or a drag gives an equal value, so the cards stay as they are.
    pub fn for_cards(&self) -> ViewState {
        ViewState {
            quote: self.quote.clone(),
            expanded: self.expanded.clone(),
            all_cards: self.all_cards,
            card_pages: self.card_pages,
            ..self.for_filters()
        }
    }

    /// The part of the view the map depends on: all but the filters' search and relation and
    /// the cards' own state (a card's selection stays: it lights its speaker).
    pub fn for_map(&self) -> ViewState {
        ViewState { search: String::new(), relation: None, expanded: Vec::new(), all_cards: false, card_pages: 0, announce: String::new(), ..self.clone() }
    }

    /// The part of the view the filters depend on: selection, relation and search.
    pub fn for_filters(&self) -> ViewState {
        ViewState { selected: self.selected.clone(), relation: self.relation.clone(), search: self.search.clone(), ..ViewState::new() }
    }

    /// The reader's drag offset of a node.
    pub fn offset(&self, id: &str) -> Option<(f32, f32)> {
        self.moved.iter().find(|m| m.0 == id).map(|m| m.1)
    }
    pub fn is_moved(&self, id: &str) -> bool {
        self.offset(id).is_some()
    }
}


/// The pure reducer.
pub fn reduce(facts: &Facts, v: &ViewState, action: Action) -> ViewState {
    let mut n = v.clone();
    let a = &*facts.analysis;
    let t = &*facts.t;
    let name = |id: &str| a.stakeholder(id).map(|s| s.name.clone()).unwrap_or_default();
    match action {
        Action::Select(id) => {
            n.selected = id.filter(|i| facts.index(i).is_some());
            n.all_cards &= n.selected == v.selected;
            n.card_pages = if n.selected == v.selected { v.card_pages } else { 0 };
            if let Some(s) = n.selected.clone() {
                n.focused = Some(s);
            }
            n.announce = announce_filter(facts, &n);
        }
        Action::Toggle(id) => {
            if facts.index(&id).is_none() {
                return n;
            }
            n.selected = if v.selected.as_deref() == Some(id.as_str()) { None } else { Some(id.clone()) };
            n.all_cards = false;
            n.card_pages = 0;
            n.focused = Some(id);
            n.announce = announce_filter(facts, &n);
        }
        Action::Focus(id) => {
            if facts.index(&id).is_some() {
                n.focused = Some(id.clone());
                n.hovered = Some(id);
            }
        }
        Action::Hover(id) => n.hovered = id,
        Action::ToggleQuote(id) => {
            if v.quote.as_deref() == Some(id.as_str()) {
                n.quote = None;
                n.announce = t.get(K::card_off).to_string();
            } else if let Some(q) = facts.quote_index(&id).map(|i| &a.quotes[i]) {
                n.quote = Some(id.clone());
                let who = q.speaker.as_deref().map(&name).filter(|s| !s.is_empty());
                n.announce = match who {
                    Some(w) => t.fill(K::card_on, &[&w]),
                    None => t.get(K::card_on_anon).to_string(),
                };
            }
        }
        Action::FilterRelation(id) => {
            n.relation = id.filter(|i| a.relations.iter().any(|r| &r.id == i));
            n.all_cards = false;
            n.card_pages = 0;
            n.announce = announce_filter(facts, &n);
        }
        Action::Search(s) => {
            n.card_pages = 0;
            n.search = s;
            n.announce = announce_filter(facts, &n);
        }
        Action::ShowAll(b) => {
            n.show_all = b;
            n.announce = t.get(if b { K::all_stakeholders } else { K::main_stakeholders }).to_string();
        }
        Action::ZoomAt { factor, x, y } => {
            if !(factor.is_finite() && factor > 0.0 && x.is_finite() && y.is_finite()) {
                return n;
            }
            let z0 = if v.zoom > 0.0 { v.zoom } else { 1.0 };
            let z1 = (z0 * factor).clamp(MIN_ZOOM, MAX_ZOOM);
            // Keep (x, y) at the same place on screen: x = vx + t * W / z.
            let k = z0 / z1;
            n.view_x = x - (x - v.view_x) * k;
            n.view_y = y - (y - v.view_y) * k;
            n.zoom = z1;
        }
        Action::Pan { dx, dy } => {
            if dx.is_finite() && dy.is_finite() {
                n.view_x -= dx;
                n.view_y -= dy;
            }
        }
        Action::ResetView => {
            n.zoom = 1.0;
            n.view_x = 0.0;
            n.view_y = 0.0;
            n.moved.clear();
            n.announce = t.get(K::view_reset).to_string();
        }
        Action::MoveNode { id, dx, dy } => {
            if dx.is_finite() && dy.is_finite() && facts.index(&id).is_some() {
                match n.moved.iter_mut().find(|m| m.0 == id) {
                    Some(m) => {
                        m.1 .0 += dx;
                        m.1 .1 += dy;
                    }
                    None => n.moved.push((id, (dx, dy))),
                }
            }
        }
        Action::ToggleParagraph(id) => {
            match n.expanded.iter().position(|e| *e == id) {
                Some(i) => {
                    n.expanded.remove(i);
                }
                None => n.expanded.push(id),
            }
        }
        Action::Announce(s) => n.announce = s,
        Action::Clear => {
            let had = v.selected.is_some() || v.quote.is_some() || v.relation.is_some() || !v.search.is_empty();
            n.selected = None;
            n.quote = None;
            n.relation = None;
            n.search.clear();
            n.all_cards = false;
            n.card_pages = 0;
            n.announce = if had { t.get(K::cleared).to_string() } else { String::new() };
        }
        Action::Reassign { .. } | Action::Edit(_) | Action::Strings(_) => {}
        Action::ShowAllCards(b) => {
            n.all_cards = b;
            n.card_pages = 0;
        }
        Action::MoreCards => n.card_pages += 1,
        Action::Restore(s) => {
            n.selected = s.selected.filter(|i| facts.index(i).is_some());
            n.quote = s.quote.filter(|q| facts.quote_index(q).is_some());
            n.relation = s.relation.filter(|r| a.relations.iter().any(|x| &x.id == r));
            n.search = s.search;
            n.show_all = s.show_all;
            if n.selected.is_some() {
                n.focused = n.selected.clone();
            }
        }
    }
    n
}

fn announce_filter(facts: &Facts, v: &ViewState) -> String {
    let t = &*facts.t;
    let shown = t.count(facts.visible(v).len(), K::quote, K::quotes);
    if let Some(st) = v.selected.as_deref().and_then(|i| facts.stakeholder(i)) {
        t.fill(K::showing_by, &[&shown, &st.name])
    } else if v.relation.is_none() && v.search.trim().is_empty() {
        t.fill(K::showing_all, &[&shown])
    } else {
        t.fill(K::showing, &[&shown])
    }
}

/// Keyboard walk along edges: from node `from` at `positions[from]`, the neighbour that lies
/// best in direction (dx, dy); when it has no neighbour that way, the nearest node that way.
/// `positions`: (id, x, y) of the shown nodes.
pub fn step(facts: &Facts, positions: &[(String, f32, f32)], from: &str, dx: f32, dy: f32) -> Option<String> {
    let (fx, fy) = positions.iter().find(|p| p.0 == from).map(|p| (p.1, p.2))?;
    let best = |only_neighbours: bool| {
        positions
            .iter()
            .filter(|(id, _, _)| id != from && (!only_neighbours || facts.adjacent(from, id)))
            .filter_map(|(id, x, y)| {
                let (vx, vy) = (x - fx, y - fy);
                let d = (vx * vx + vy * vy).sqrt().max(1e-3);
                let cos = (vx * dx + vy * dy) / d;
                // Within 60 degrees either side of the arrow's direction.
                (cos > 0.5).then(|| (d * (2.0 - cos), id))
            })
            .min_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, id)| id.clone())
    };
    best(true).or_else(|| best(false))
}

#[cfg(test)]
pub(crate) mod tests;
