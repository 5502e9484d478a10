//! The widget's view state as a pure reducer, apart from the components (the pattern of
//! Yew's `function_todomvc` example): `reduce(facts, view, action) -> view`.
//!
//! Nothing here touches the browser, so it is tested natively. The components only
//! dispatch [`Action`]s and render what [`ViewState`] and [`Facts`] say.

use super::i18n::{Strings, K};
pub use super::corrections::{edit, Edit};
use crate::model::{Analysis, Field, QuoteKind, Stakeholder};
use crate::text::FieldText;
use crate::text::Lower;
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
    /// The UI language changed: the widget's model rebuilds its facts with these strings.
    Strings(Rc<Strings>),
}

/// What the host page hears when a stakeholder is selected (`stakeholder-map:select`).
#[derive(Clone, Debug, PartialEq)]
pub struct SelectDetail {
    pub id: String,
    pub name: String,
    /// The kind as in the analysis JSON ("person", "country", ...).
    pub kind: &'static str,
    pub role: Option<String>,
}

/// What the host page hears when a quote card is selected (`stakeholder-map:quote`).
#[derive(Clone, Debug, PartialEq)]
pub struct QuoteDetail {
    pub id: String,
    /// The speaker's stakeholder id (None: unattributed).
    pub speaker: Option<String>,
    /// The speaker's name.
    pub name: Option<String>,
    /// The body paragraph, 1-based as the host's `data-sm-paragraph` (None: the headline).
    pub paragraph: Option<usize>,
    pub text: String,
}

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

/// What the components need to know about one analysis, computed once.
#[derive(Clone, Debug)]
pub struct Facts {
    pub analysis: Rc<Analysis>,
    /// Stakeholder index -> neighbour indices (by relations, either direction), sorted.
    pub neighbours: Vec<Vec<usize>>,
    /// Per quote: (text before the quote in its sentence, text after), for partial quotes.
    pub context: Vec<(String, String)>,
    /// Quotes shown as cards (speech, not scare quotes), in article order.
    pub cards: Vec<usize>,
    /// "14 stakeholders; JD Vance is quoted most, 7 times".
    pub summary: String,
    /// Stakeholder indices, most prominent first (stable for ties).
    pub order: Vec<usize>,
    /// Speech quotes per stakeholder index.
    pub quoted: Vec<usize>,
    /// The UI strings (language) everything here is worded in.
    pub t: Rc<Strings>,
    /// Per quote: true when the article put it in single marks (‘…’), shown so on its card.
    pub single: Vec<bool>,
}

/// Facts are derived from their analysis alone: the same analysis (by pointer) means the same
/// facts. Component props compare this on every render, so it must be cheap (a deep compare
/// of the article text and analysis would cost more than the render it saves).
impl PartialEq for Facts {
    fn eq(&self, o: &Self) -> bool {
        Rc::ptr_eq(&self.analysis, &o.analysis)
    }
}

impl ViewState {
    /// The reader's drag offset of a node.
    pub fn offset(&self, id: &str) -> Option<(f32, f32)> {
        self.moved.iter().find(|m| m.0 == id).map(|m| m.1)
    }
    pub fn is_moved(&self, id: &str) -> bool {
        self.offset(id).is_some()
    }
}

impl Facts {
    /// Facts worded in English.
    pub fn new(analysis: Rc<Analysis>) -> Facts {
        Facts::with_strings(analysis, Strings::shared_english())
    }

    /// Facts worded in the language of `t`.
    pub fn with_strings(analysis: Rc<Analysis>, t: Rc<Strings>) -> Facts {
        let a = &*analysis;
        let n = a.stakeholders.len();
        let mut neighbours = vec![Vec::new(); n];
        for r in &a.relations {
            if let (Some(s), Some(t)) = (index_of(a, &r.source), index_of(a, &r.target)) {
                if s != t {
                    neighbours[s].push(t);
                    neighbours[t].push(s);
                }
            }
        }
        for v in &mut neighbours {
            v.sort_unstable();
            v.dedup();
        }
        let headline = FieldText::new(Field::Headline, &a.headline);
        let body = FieldText::new(Field::Body, &a.body);
        let context = a
            .quotes
            .iter()
            .map(|q| {
                if q.kind != QuoteKind::Partial {
                    return (String::new(), String::new());
                }
                let ft = if q.field == Field::Headline { &headline } else { &body };
                let (ss, se) = match ft.sentence_at(q.start).and_then(|i| ft.sentences.get(i)) {
                    Some(s) if s.start <= q.start && q.end <= s.end => (s.start, s.end),
                    _ => (q.start, q.end),
                };
                // Include the quote marks around the quoted words in the emphasis, not the context.
                let qs = q.start.saturating_sub(1).max(ss);
                let qe = (q.end + 1).min(se);
                let before = if is_mark(ft, qs) { ft.slice(ss, qs) } else { ft.slice(ss, q.start) };
                let after = if q.end < qe && is_mark(ft, q.end) { ft.slice(qe, se) } else { ft.slice(q.end, se) };
                (before, after)
            })
            .collect();
        let cards = a
            .quotes
            .iter()
            .enumerate()
            .filter(|(_, q)| q.kind != QuoteKind::NonSpeech)
            .map(|(i, _)| i)
            .collect();
        let single = a
            .quotes
            .iter()
            .map(|q| {
                let ft = if q.field == Field::Headline { &headline } else { &body };
                q.start.checked_sub(1).and_then(|i| ft.chars.get(i)).is_some_and(|&c| matches!(c, '‘' | '\'' | '‚' | '‹'))
            })
            .collect();
        let summary = summary_in(a, &t);
        let mut order: Vec<usize> = (0..n).collect();
        crate::text::sort_usize_by(&mut order, &|x, y| a.stakeholders[y].prominence.total_cmp(&a.stakeholders[x].prominence).then(x.cmp(&y)));
        let mut quoted = vec![0; n];
        for q in a.quotes.iter().filter(|q| q.kind != QuoteKind::NonSpeech) {
            if let Some(i) = q.speaker.as_deref().and_then(|s| index_of(a, s)) {
                quoted[i] += 1;
            }
        }
        Facts { analysis, neighbours, context, cards, summary, order, quoted, t, single }
    }

    /// The detail of `stakeholder-map:select` for stakeholder `id`.
    pub fn select_detail(&self, id: &str) -> Option<SelectDetail> {
        let s = self.stakeholder(id)?;
        Some(SelectDetail { id: s.id.clone(), name: s.name.clone(), kind: s.kind.label(), role: s.role.clone() })
    }

    /// The detail of `stakeholder-map:quote` for quote `id`.
    pub fn quote_detail(&self, id: &str) -> Option<QuoteDetail> {
        let q = self.analysis.quotes.iter().find(|q| q.id == id)?;
        Some(QuoteDetail {
            id: q.id.clone(),
            speaker: q.speaker.clone(),
            name: q.speaker.as_deref().and_then(|s| self.stakeholder(s)).map(|s| s.name.clone()),
            paragraph: q.paragraph.filter(|_| q.field == Field::Body).map(|p| p + 1),
            text: q.text.clone(),
        })
    }

    /// The cards to show: the visible ones (filters applied), at most `max` unless the reader
    /// asked for all, plus the selected card wherever it is. Also how many match the filters.
    pub fn shown_quotes(&self, v: &ViewState, max: Option<usize>) -> (Vec<usize>, usize) {
        let vis = self.visible_quotes(v);
        let n = vis.len();
        let Some(max) = max.filter(|_| !v.all_cards) else { return (vis, n) };
        let sel = v.quote.as_deref();
        let shown = vis
            .into_iter()
            .enumerate()
            .filter(|&(k, i)| k < max || sel == Some(self.analysis.quotes[i].id.as_str()))
            .map(|(_, i)| i)
            .collect();
        (shown, n)
    }

    /// "Russia supports Ukraine" in this language (`from`/`to`: the names).
    pub fn relation_phrase(&self, r: &crate::model::Relation, from: &str, to: &str) -> String {
        let t = &*self.t;
        let verb = t.relation(r.kind);
        if r.negated {
            let base = if t.is_english() { base_verb(verb) } else { verb.to_string() };
            [from, " ", &t.fill(K::rel_not_out, &[&base, to])].concat()
        } else {
            [from, " ", &t.fill(K::rel_out, &[verb, to])].concat()
        }
    }

    pub fn index(&self, id: &str) -> Option<usize> {
        index_of(&self.analysis, id)
    }

    pub fn stakeholder(&self, id: &str) -> Option<&Stakeholder> {
        self.analysis.stakeholder(id)
    }

    /// How many speech quotes the stakeholder has.
    pub fn quotes_of(&self, id: &str) -> usize {
        self.index(id).map(|i| self.quoted[i]).unwrap_or(0)
    }

    /// True when `a` and `b` are the same node or joined by a relation.
    pub fn adjacent(&self, a: &str, b: &str) -> bool {
        if a == b {
            return true;
        }
        match (self.index(a), self.index(b)) {
            (Some(i), Some(j)) => self.neighbours[i].binary_search(&j).is_ok(),
            _ => false,
        }
    }

    /// Cards (quote indices) the view shows, in article order.
    pub fn visible_quotes(&self, v: &ViewState) -> Vec<usize> {
        let a = &*self.analysis;
        let needle = v.search.trim().lower();
        let rel = v.relation.as_deref().and_then(|id| a.relations.iter().find(|r| r.id == id));
        self.cards
            .iter()
            .copied()
            .filter(|&i| {
                let q = &a.quotes[i];
                if let Some(sel) = v.selected.as_deref() {
                    if q.speaker.as_deref() != Some(sel) {
                        return false;
                    }
                }
                if let Some(r) = rel {
                    let in_evidence = q.field == r.evidence.field && q.start < r.evidence.end && r.evidence.start < q.end;
                    let by_about = q.speaker.as_deref() == Some(r.source.as_str()) && q.mentions.iter().any(|m| *m == r.target);
                    if !in_evidence && !by_about {
                        return false;
                    }
                }
                if !needle.is_empty() {
                    let speaker = q.speaker.as_deref().and_then(|s| a.stakeholder(s));
                    let hay_hit = q.text.lower().contains(&needle)
                        || speaker.is_some_and(|s| {
                            s.name.lower().contains(&needle)
                                || s.role.as_deref().is_some_and(|r| r.lower().contains(&needle))
                        })
                        || self.context.get(i).is_some_and(|(b, e)| {
                            b.lower().contains(&needle) || e.lower().contains(&needle)
                        });
                    if !hay_hit {
                        return false;
                    }
                }
                true
            })
            .collect()
    }

    /// A stakeholder's relations in words ("supports Ukraine", "Russia criticises them").
    pub fn relations_in_words(&self, id: &str) -> Vec<String> {
        let a = &*self.analysis;
        let t = &*self.t;
        let name = |sid: &str| a.stakeholder(sid).map(|s| s.name.clone()).unwrap_or_else(|| sid.to_string());
        a.relations
            .iter()
            .filter_map(|r| {
                let label = t.relation(r.kind);
                let verb = if r.negated && t.is_english() { base_verb(label) } else { label.to_string() };
                let mut s = if r.source == id {
                    t.fill(if r.negated { K::rel_not_out } else { K::rel_out }, &[&verb, &name(&r.target)])
                } else if r.target == id {
                    t.fill(if r.negated { K::rel_not_in } else { K::rel_in }, &[&name(&r.source), &verb])
                } else {
                    return None;
                };
                if let Some(by) = r.reported_by.as_deref() {
                    s.push_str(&t.fill(K::according_to, &[&name(by)]));
                }
                Some(s)
            })
            // Affiliations (Lavrov -> Russia) are part of who a stakeholder is: listed too.
            .chain(a.stakeholders.iter().flat_map(|s| {
                let own = (s.id == id).then(|| s.affiliations.iter().map(|x| t.fill(K::affiliated_with, &[&name(x)])));
                let other = (s.id != id && s.affiliations.iter().any(|x| x == id)).then(|| t.fill(K::is_affiliated, &[&s.name]));
                own.into_iter().flatten().chain(other)
            }))
            .fold(Vec::new(), |mut v: Vec<String>, s| {
                // The same relation stated several times is listed once.
                if !v.contains(&s) {
                    v.push(s);
                }
                v
            })
    }
}

fn is_mark(ft: &FieldText, pos: usize) -> bool {
    ft.chars.get(pos).is_some_and(|&c| crate::text::is_quote_char(c))
}

/// "rules out" -> "rule out", "says about" -> "say about", "criticises" -> "criticise".
fn base_verb(label: &str) -> String {
    let (head, tail) = label.split_once(' ').unwrap_or((label, ""));
    let head = if head.starts_with("affiliated") {
        head.to_string()
    } else if let Some(h) = head.strip_suffix("ies") {
        [h, "y"].concat()
    } else if let Some(h) = head.strip_suffix('s') {
        h.to_string()
    } else {
        head.to_string()
    };
    if tail.is_empty() {
        head
    } else {
        [head.as_str(), " ", tail].concat()
    }
}

fn index_of(a: &Analysis, id: &str) -> Option<usize> {
    a.stakeholders.iter().position(|s| s.id == id)
}

/// The one-line summary: "14 stakeholders; JD Vance is quoted most, 7 times".
pub fn summary(a: &Analysis) -> String {
    summary_in(a, &Strings::shared_english())
}

/// The one-line summary in the language of `t`.
pub fn summary_in(a: &Analysis, t: &Strings) -> String {
    let n = a.stakeholders.len();
    let mut out = t.count(n, K::stakeholder, K::stakeholders);
    // Count attributed speech quotes per speaker (from the quotes themselves, so the line
    // says the same as the cards).
    let mut counts: Vec<(usize, usize)> = Vec::new(); // (stakeholder index, quotes)
    for q in &a.quotes {
        if q.kind == QuoteKind::NonSpeech {
            continue;
        }
        if let Some(i) = q.speaker.as_deref().and_then(|s| index_of(a, s)) {
            match counts.iter_mut().find(|(j, _)| *j == i) {
                Some(c) => c.1 += 1,
                None => counts.push((i, 1)),
            }
        }
    }
    // Most quotes; ties go to the earlier stakeholder (stable).
    let best = counts.iter().fold(None::<(usize, usize)>, |b, &(i, c)| match b {
        Some((_, bc)) if bc >= c => b,
        _ => Some((i, c)),
    });
    out.push_str("; ");
    match best {
        Some((i, c)) => out.push_str(&t.fill(K::quoted_most, &[&a.stakeholders[i].name, &t.times(c)])),
        None => out.push_str(t.get(K::no_attributed)),
    }
    out
}

pub fn plural(n: usize, one: &str, many: &str) -> String {
    [n.to_string().as_str(), " ", if n == 1 { one } else { many }].concat()
}

/// "once", "twice", "3 times" (English).
pub fn times(n: usize) -> String {
    Strings::shared_english().times(n)
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
            } else if let Some(q) = a.quotes.iter().find(|q| q.id == id) {
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
            n.announce = announce_filter(facts, &n);
        }
        Action::Search(s) => {
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
            n.announce = if had { t.get(K::cleared).to_string() } else { String::new() };
        }
        Action::Reassign { .. } | Action::Edit(_) | Action::Strings(_) => {}
        Action::ShowAllCards(b) => n.all_cards = b,
        Action::Restore(s) => {
            n.selected = s.selected.filter(|i| facts.index(i).is_some());
            n.quote = s.quote.filter(|q| a.quotes.iter().any(|x| &x.id == q));
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
    let shown = t.count(facts.visible_quotes(v).len(), K::quote, K::quotes);
    if let Some(st) = v.selected.as_deref().and_then(|i| facts.stakeholder(i)) {
        t.fill(K::showing_by, &[&shown, &st.name])
    } else if v.relation.is_none() && v.search.trim().is_empty() {
        t.fill(K::showing_all, &[&shown])
    } else {
        t.fill(K::showing, &[&shown])
    }
}

// ---------------------------------------------------------------------------------------
// The URL fragment: `#ns.sel=jd-vance&ns.q=q3&ns.rel=r2&ns.find=war%20crimes&ns.all=1`.
// Each widget only reads and writes its own `ns.` keys, so several widgets share a URL.

const KEYS: [&str; 5] = ["sel", "q", "rel", "find", "all"];

impl ViewState {
    /// This widget's part of the fragment (`ns.sel=...&ns.q=...`), empty when nothing is set.
    pub fn to_fragment(&self, ns: &str) -> String {
        let mut parts: Vec<String> = Vec::new();
        let mut put = |k: &str, v: &str| parts.push([ns, ".", k, "=", &encode(v)].concat());
        if let Some(s) = &self.selected {
            put("sel", s);
        }
        if let Some(q) = &self.quote {
            put("q", q);
        }
        if let Some(r) = &self.relation {
            put("rel", r);
        }
        if !self.search.is_empty() {
            put("find", &self.search);
        }
        if self.show_all {
            put("all", "1");
        }
        parts.join("&")
    }

    /// Reads this widget's keys from a whole fragment (with or without the leading `#`).
    pub fn from_fragment(fragment: &str, ns: &str) -> ViewState {
        let mut v = ViewState::new();
        for (k, val) in own_pairs(fragment, ns) {
            match k.as_str() {
                "sel" => v.selected = Some(val),
                "q" => v.quote = Some(val),
                "rel" => v.relation = Some(val),
                "find" => v.search = val,
                "all" => v.show_all = val == "1",
                _ => {}
            }
        }
        v
    }
}

fn own_pairs(fragment: &str, ns: &str) -> Vec<(String, String)> {
    fragment
        .trim_start_matches('#')
        .split('&')
        .filter_map(|p| {
            let (k, v) = p.split_once('=')?;
            let key = k.strip_prefix(ns)?.strip_prefix('.')?;
            Some((key.to_string(), decode(v)))
        })
        .collect()
}

/// Replaces this widget's keys in a whole fragment, keeping everything else (other
/// widgets' keys, the host page's own anchors). Returns the fragment without `#`.
pub fn merge_fragment(fragment: &str, ns: &str, own: &str) -> String {
    let prefix = [ns, "."].concat();
    let mut keep: Vec<&str> = fragment
        .trim_start_matches('#')
        .split('&')
        .filter(|p| !p.is_empty())
        .filter(|p| !(p.starts_with(&prefix) && KEYS.iter().any(|k| p[prefix.len()..].starts_with(k))))
        .collect();
    if !own.is_empty() {
        keep.push(own);
    }
    keep.join("&")
}

/// Percent-encodes everything but unreserved characters (RFC 3986).
pub fn encode(s: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push('%');
            out.push(HEX[(b >> 4) as usize] as char);
            out.push(HEX[(b & 15) as usize] as char);
        }
    }
    out
}

/// Decodes `%XX` escapes (and `+` as space); invalid escapes are kept as they are.
pub fn decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'%' if i + 2 < b.len() => {
                let h = (b[i + 1] as char).to_digit(16);
                let l = (b[i + 2] as char).to_digit(16);
                match (h, l) {
                    (Some(h), Some(l)) => {
                        out.push((h * 16 + l) as u8);
                        i += 3;
                        continue;
                    }
                    _ => out.push(b'%'),
                }
            }
            b'+' => out.push(b' '),
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
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
pub(crate) mod tests {
    use super::*;
    use crate::input::parse_any;

    fn seed() -> Facts {
        let src = include_str!("../../fixtures/seed-article.json");
        let art = parse_any(src).unwrap();
        Facts::new(Rc::new(crate::analyze(&art)))
    }

    #[test]
    fn an_editor_reassigns_a_quote_and_only_the_analysis_changes() {
        let f = seed();
        let a = &*f.analysis;
        let q = &a.quotes[1];
        let from = q.speaker.clone().unwrap();
        let to = a.stakeholders.iter().find(|s| s.id != from).unwrap().id.clone();
        let b = reassign(a, &q.id, Some(&to)).unwrap();
        assert_eq!(b.quotes[1].speaker.as_deref(), Some(to.as_str()));
        assert_eq!(b.quotes[1].method.as_deref(), Some("editor"));
        assert_eq!(b.stakeholder(&to).unwrap().quote_count, a.stakeholder(&to).unwrap().quote_count + 1);
        assert_eq!(b.stakeholder(&from).unwrap().quote_count, a.stakeholder(&from).unwrap().quote_count - 1);
        // Unattributed, and unknown ids refused.
        assert_eq!(reassign(a, &q.id, None).unwrap().quotes[1].speaker, None);
        assert!(reassign(a, &q.id, Some("nobody")).is_none());
        assert!(reassign(a, "q999", Some(&to)).is_none());
        // The pure view reducer leaves the view alone.
        let v = ViewState::new();
        assert_eq!(reduce(&f, &v, Action::Reassign { quote: q.id.clone(), speaker: Some(to) }), v);
    }

    /// The id of the stakeholder with the most quotes (shared with the corrections' tests).
    pub(crate) fn top_speaker(f: &Facts) -> String {
        let a = &f.analysis;
        let mut best = (0, String::new());
        for s in &a.stakeholders {
            let c = a.quotes.iter().filter(|q| q.speaker.as_deref() == Some(&s.id)).count();
            if c > best.0 {
                best = (c, s.id.clone());
            }
        }
        best.1
    }

    #[test]
    fn affiliations_are_listed_with_the_relations_in_words_issue_4() {
        let src = r#"{"headline":"","body":"Chinese Foreign Minister Li Wen said the talks were useful."}"#;
        let f = Facts::new(Rc::new(crate::analyze(&parse_any(src).unwrap())));
        let a = &f.analysis;
        let li = a.stakeholders.iter().find(|s| s.name.ends_with("Li Wen")).expect("person found");
        let china = li.affiliations.first().expect("affiliation found").clone();
        let china_name = a.stakeholder(&china).map(|s| s.name.clone()).unwrap_or_default();
        assert!(f.relations_in_words(&li.id).contains(&format!("affiliated with {china_name}")));
        assert!(f.relations_in_words(&china).contains(&format!("{} is affiliated with them", li.name)));
    }

    #[test]
    fn selecting_a_stakeholder_filters_cards_to_their_quotes() {
        let f = seed();
        let v = ViewState::new();
        let all = f.visible_quotes(&v);
        let id = top_speaker(&f);
        let v2 = reduce(&f, &v, Action::Toggle(id.clone()));
        assert_eq!(v2.selected.as_deref(), Some(id.as_str()));
        let some = f.visible_quotes(&v2);
        assert!(!some.is_empty() && some.len() < all.len(), "{} of {}", some.len(), all.len());
        for &i in &some {
            let q = &f.analysis.quotes[i];
            assert_eq!(q.speaker.as_deref(), Some(id.as_str()));
        }
        // Article order is kept.
        assert!(some.windows(2).all(|w| w[0] < w[1]));
        assert!(v2.announce.starts_with("Showing "), "{}", v2.announce);
        // Toggling again clears.
        let v3 = reduce(&f, &v2, Action::Toggle(id));
        assert_eq!(v3.selected, None);
        assert_eq!(f.visible_quotes(&v3), all);
    }

    #[test]
    fn unknown_ids_are_ignored_not_panicked_on() {
        let f = seed();
        let v = ViewState::new();
        assert_eq!(reduce(&f, &v, Action::Toggle("no-such".into())).selected, None);
        assert_eq!(reduce(&f, &v, Action::FilterRelation(Some("r999".into()))).relation, None);
        let r = reduce(&f, &v, Action::Restore(Box::new(ViewState::from_fragment("#w.sel=nobody&w.q=q999", "w"))));
        assert_eq!((r.selected, r.quote), (None, None));
    }

    #[test]
    fn search_matches_quote_words_case_insensitively() {
        let f = seed();
        let first = &f.analysis.quotes[f.cards[0]];
        let word: String = first.text.split_whitespace().max_by_key(|w| w.len()).unwrap().to_uppercase();
        let v = reduce(&f, &ViewState::new(), Action::Search(word));
        let vis = f.visible_quotes(&v);
        assert!(vis.contains(&f.cards[0]));
        let v = reduce(&f, &v, Action::Search("zzzqqq-not-there".into()));
        assert!(f.visible_quotes(&v).is_empty());
        assert_eq!(v.announce, "Showing 0 quotes");
    }

    #[test]
    fn escape_clears_every_filter() {
        let f = seed();
        let id = top_speaker(&f);
        let mut v = reduce(&f, &ViewState::new(), Action::Toggle(id));
        v = reduce(&f, &v, Action::Search("x".into()));
        v = reduce(&f, &v, Action::Clear);
        assert_eq!((v.selected.clone(), v.search.as_str(), v.relation.clone()), (None, "", None));
        assert_eq!(f.visible_quotes(&v).len(), f.cards.len());
    }

    #[test]
    fn fragment_round_trips_and_keeps_other_widgets_keys() {
        let mut v = ViewState::new();
        v.selected = Some("jd-vance".into());
        v.search = "war & peace = 100%".into();
        v.show_all = true;
        let own = v.to_fragment("a");
        let back = ViewState::from_fragment(&own, "a");
        assert_eq!((back.selected, back.search, back.show_all), (v.selected.clone(), v.search.clone(), true));
        // Another widget's keys and a host anchor survive a merge.
        let merged = merge_fragment("#top&b.sel=x&a.sel=old", "a", &own);
        assert!(merged.starts_with("top&b.sel=x&a.sel=jd-vance"), "{merged}");
        assert!(!merged.contains("old"));
        assert_eq!(ViewState::from_fragment(&merged, "b").selected.as_deref(), Some("x"));
        assert_eq!(ViewState::from_fragment("#%zz&a.find=%E2%80%9Cx", "a").search, "\u{201c}x");
    }

    #[test]
    fn zoom_keeps_the_pointed_place_and_is_clamped() {
        let f = seed();
        let v = reduce(&f, &ViewState::new(), Action::ZoomAt { factor: 2.0, x: 100.0, y: 50.0 });
        assert_eq!(v.zoom, 2.0);
        // Point (100, 50) was at fraction 100/W of the width; still is.
        assert!((v.view_x - 50.0).abs() < 1e-3 && (v.view_y - 25.0).abs() < 1e-3);
        let v = reduce(&f, &v, Action::ZoomAt { factor: 100.0, x: 0.0, y: 0.0 });
        assert_eq!(v.zoom, MAX_ZOOM);
        let v = reduce(&f, &v, Action::ZoomAt { factor: f32::NAN, x: 0.0, y: 0.0 });
        assert_eq!(v.zoom, MAX_ZOOM);
        let v = reduce(&f, &v, Action::ResetView);
        assert_eq!((v.zoom, v.view_x, v.view_y), (1.0, 0.0, 0.0));
    }

    #[test]
    fn arrow_keys_follow_edges_before_plain_geometry() {
        let f = seed();
        let Some(r) = f.analysis.relations.first() else { return };
        // Source at the origin, its neighbour to the right but far; a non-neighbour nearer.
        let pos = vec![
            (r.source.clone(), 0.0, 0.0),
            (r.target.clone(), 300.0, 10.0),
            ("elsewhere".to_string(), 50.0, 0.0),
        ];
        assert_eq!(step(&f, &pos, &r.source, 1.0, 0.0).as_deref(), Some(r.target.as_str()));
        // Nothing to the left: no move.
        assert_eq!(step(&f, &pos, &r.source, -1.0, 0.0), None);
    }

    #[test]
    fn summary_names_the_most_quoted_speaker() {
        let f = seed();
        let n = f.analysis.stakeholders.len();
        assert!(f.summary.starts_with(&[n.to_string().as_str(), " stakeholders; "].concat()), "{}", f.summary);
        assert!(f.summary.contains(" is quoted most, "), "{}", f.summary);
    }

    #[test]
    fn compact_view_shows_max_cards_then_all_and_a_filter_caps_again() {
        let f = seed();
        assert!(f.cards.len() > 3, "the seed has more than 3 cards");
        let v = ViewState::new();
        let (shown, n) = f.shown_quotes(&v, Some(3));
        assert_eq!((shown.as_slice(), n), (&f.cards[..3], f.cards.len()));
        assert_eq!(f.shown_quotes(&v, None).0, f.cards);
        let all = reduce(&f, &v, Action::ShowAllCards(true));
        assert_eq!(f.shown_quotes(&all, Some(3)).0, f.cards);
        // A selection filters over every card (also those past the limit), then caps again.
        let last = f.analysis.quotes[*f.cards.last().unwrap()].speaker.clone().expect("last card attributed");
        let sel = reduce(&f, &all, Action::Select(Some(last.clone())));
        assert!(!sel.all_cards);
        let (shown, n) = f.shown_quotes(&sel, Some(1));
        assert_eq!(n, f.visible_quotes(&sel).len());
        assert_eq!(shown.len(), 1.min(n));
        assert!(shown.iter().all(|&i| f.analysis.quotes[i].speaker.as_deref() == Some(last.as_str())));
        // A selected card past the limit is shown too.
        let far = f.analysis.quotes[*f.cards.last().unwrap()].id.clone();
        let q = reduce(&f, &v, Action::ToggleQuote(far));
        assert_eq!(f.shown_quotes(&q, Some(3)).0.len(), 4);
        // Escape and a relation filter cap again; a zero limit shows none.
        assert!(!reduce(&f, &all, Action::Clear).all_cards);
        assert!(f.shown_quotes(&v, Some(0)).0.is_empty());
    }



    #[test]
    fn host_details_name_the_stakeholder_and_the_quote() {
        let f = seed();
        let id = top_speaker(&f);
        let d = f.select_detail(&id).unwrap();
        let s = f.stakeholder(&id).unwrap();
        assert_eq!((d.id.as_str(), d.name.as_str(), d.kind, d.role.as_ref()), (id.as_str(), s.name.as_str(), s.kind.label(), s.role.as_ref()));
        assert!(f.select_detail("nobody").is_none());
        let q = f.analysis.quotes.iter().find(|q| q.field == Field::Body && q.speaker.is_some()).unwrap();
        let d = f.quote_detail(&q.id).unwrap();
        assert_eq!(d.paragraph, Some(q.paragraph.unwrap() + 1), "1-based, as data-sm-paragraph");
        assert_eq!((d.speaker.clone(), d.text.as_str()), (q.speaker.clone(), q.text.as_str()));
        assert_eq!(d.name.as_deref(), f.stakeholder(q.speaker.as_deref().unwrap()).map(|s| s.name.as_str()));
    }

    #[test]
    fn the_summary_and_announcements_follow_the_language() {
        let fr = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/www/i18n/fr.json")).unwrap();
        let en = seed();
        let f = Facts::with_strings(en.analysis.clone(), Rc::new(Strings::from_json(&fr)));
        let n = f.analysis.stakeholders.len();
        assert!(f.summary.starts_with(&format!("{n} acteurs; ")), "{}", f.summary);
        assert!(f.summary.contains(" est le plus cité ("), "{}", f.summary);
        let v = reduce(&f, &ViewState::new(), Action::Search("zzzqqq".into()));
        assert_eq!(v.announce, "0 citations affichées");
        // Relations in words use the French verbs.
        let r = &f.analysis.relations[0];
        let words = f.relations_in_words(&r.source).join(" | ");
        assert!(words.contains(f.t.relation(r.kind)), "{words}");
    }

    #[test]
    fn single_quoted_quotes_are_marked_single() {
        let src = r#"{"headline":"","body":"‘We will not give up,’ the minister said. Ana Lopez said: “It is over.”"}"#;
        let f = Facts::new(Rc::new(crate::analyze(&parse_any(src).unwrap())));
        let a = &f.analysis;
        let singles: Vec<&str> = a.quotes.iter().zip(&f.single).filter(|(_, s)| **s).map(|(q, _)| q.text.as_str()).collect();
        let doubles: Vec<&str> = a.quotes.iter().zip(&f.single).filter(|(_, s)| !**s).map(|(q, _)| q.text.as_str()).collect();
        assert!(singles.iter().any(|t| t.contains("give up")), "{singles:?}");
        assert!(doubles.iter().any(|t| t.contains("over")), "{doubles:?}");
    }

    #[test]
    fn base_verbs_read_naturally() {
        assert_eq!(base_verb("rules out"), "rule out");
        assert_eq!(base_verb("criticises"), "criticise");
        assert_eq!(base_verb("supports"), "support");
        assert_eq!(base_verb("says about"), "say about");
        assert_eq!(base_verb("expects"), "expect");
    }
}
