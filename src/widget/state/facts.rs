//! What the components need to know about one analysis, derived once ([`Facts`]), and what
//! follows from it for one view (visible and shown cards, relations in words, host details).

use super::derive::{PerQuote, SLICE_QUOTES};
use super::ViewState;
use crate::widget::i18n::{Strings, K};
use crate::model::{Analysis, Field, QuoteKind, Stakeholder};
use crate::text::Lower;
use std::cell::RefCell;
use std::rc::Rc;

/// Cards rendered at once: past this many, "Show N more" adds another page (a 50,000-quote
/// article does not create 50,000 cards; README, "Limits").
pub const PAGE_CARDS: usize = 100;

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



/// What the components need to know about one analysis, computed once: what is cheap at once,
/// what is derived per quote a slice at a time ([`Facts::begin`], [`Facts::derive`]; `derive.rs`).
pub struct Facts {
    pub analysis: Rc<Analysis>,
    /// Stakeholder index -> neighbour indices (by relations, either direction), sorted.
    pub neighbours: Vec<Vec<usize>>,
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
    /// Stakeholder indices sorted by id: lookups by id are binary searches, never scans (an
    /// article may have 50,000 quotes; the quotes' index is in `per_quote`).
    by_id: Vec<usize>,
    /// The partial quotes' context, the single marks, the cards' search text (built with the
    /// facts, not on the first key press) and the quotes' id index, derived so far.
    per_quote: RefCell<PerQuote>,
    /// Per card: its speaker's stakeholder index (usize::MAX: none), for the speaker filter.
    card_speaker: Vec<usize>,
    /// The last filter asked for and its visible cards: the reducer's announcement and the
    /// card list ask for the same one in one update.
    last: RefCell<Option<(Filter, Rc<Vec<usize>>)>>,
}

/// The part of the view that decides which cards are visible.
#[derive(Clone, Debug, PartialEq)]
pub struct Filter {
    pub selected: Option<String>,
    pub relation: Option<String>,
    pub search: String,
}

impl Filter {
    pub fn of(v: &ViewState) -> Filter {
        Filter { selected: v.selected.clone(), relation: v.relation.clone(), search: v.search.clone() }
    }
}

/// Indices `0..n` sorted by `id(i)`.
fn id_order<'a>(n: usize, id: &dyn Fn(usize) -> &'a str) -> Vec<usize> {
    let mut v: Vec<usize> = (0..n).collect();
    crate::text::sort_usize_by(&mut v, &|x, y| id(x).cmp(id(y)));
    v
}

/// The index whose id is `want`, in an [`id_order`].
fn find_id<'a>(order: &[usize], id: &dyn Fn(usize) -> &'a str, want: &str) -> Option<usize> {
    order.binary_search_by(|&i| id(i).cmp(want)).ok().map(|k| order[k])
}

/// Facts are derived from their analysis and strings alone: the same analysis and strings (by
/// pointer) mean the same facts. Component props compare this on every render, so it must be cheap (a deep compare
/// of the article text and analysis would cost more than the render it saves).
impl PartialEq for Facts {
    fn eq(&self, o: &Self) -> bool {
        // The same words too: a new language gives new facts over the same analysis.
        Rc::ptr_eq(&self.analysis, &o.analysis) && Rc::ptr_eq(&self.t, &o.t)
    }
}


impl Facts {
    /// Facts worded in English.
    pub fn new(analysis: Rc<Analysis>) -> Facts {
        Facts::with_strings(analysis, Strings::shared_english())
    }

    /// Facts worded in the language of `t`, derived completely.
    pub fn with_strings(analysis: Rc<Analysis>, t: Rc<Strings>) -> Facts {
        let f = Facts::begin(analysis, t);
        f.derive(usize::MAX);
        f
    }

    /// Facts worded in the language of `t`, with only what is cheap derived (and everything
    /// for an article of at most [`SLICE_QUOTES`] quotes): the rest follows with [`Facts::derive`]
    /// (the widget's first task on a 50,000-quote article). Every answer is already the same
    /// as a complete derivation's.
    pub fn begin(analysis: Rc<Analysis>, t: Rc<Strings>) -> Facts {
        let f = Facts::cheap(analysis, t);
        if f.analysis.quotes.len() <= SLICE_QUOTES {
            f.derive(SLICE_QUOTES);
        }
        f
    }

    /// Facts with only what is cheap derived: no quote's own facts, whatever the length.
    pub(super) fn cheap(analysis: Rc<Analysis>, t: Rc<Strings>) -> Facts {
        let a = &*analysis;
        let n = a.stakeholders.len();
        let sid = |i: usize| a.stakeholders[i].id.as_str();
        let by_id = id_order(n, &sid);
        let index_of = |id: &str| find_id(&by_id, &sid, id);
        let mut neighbours = vec![Vec::new(); n];
        for r in &a.relations {
            if let (Some(s), Some(t)) = (index_of(&r.source), index_of(&r.target)) {
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
        let cards: Vec<usize> = a
            .quotes
            .iter()
            .enumerate()
            .filter(|(_, q)| q.kind != QuoteKind::NonSpeech)
            .map(|(i, _)| i)
            .collect();
        // Each card's speaker, found once: the speaker filter, the counts and the summary. Through
        // a hash index (ids are unique in a checked analysis): 2-4 times faster than a binary
        // search per quote, and the viewer already has the map type (input::published).
        let ids: std::collections::HashMap<&str, usize> = a.stakeholders.iter().enumerate().map(|(i, s)| (s.id.as_str(), i)).collect();
        let card_speaker: Vec<usize> = cards.iter().map(|&i| a.quotes[i].speaker.as_deref().and_then(|s| ids.get(s).copied()).unwrap_or(usize::MAX)).collect();
        let summary = summary_of(a, &t, &card_speaker);
        let mut order: Vec<usize> = (0..n).collect();
        crate::text::sort_usize_by(&mut order, &|x, y| a.stakeholders[y].prominence.total_cmp(&a.stakeholders[x].prominence).then(x.cmp(&y)));
        let mut quoted = vec![0; n];
        for &i in &card_speaker {
            if let Some(c) = quoted.get_mut(i) {
                *c += 1;
            }
        }
        Facts { analysis, neighbours, cards, summary, order, quoted, t, by_id, per_quote: RefCell::default(), card_speaker, last: RefCell::new(None) }
    }

    /// Derives up to `quotes` more quotes' facts; true when all are derived.
    pub fn derive(&self, quotes: usize) -> bool {
        self.per_quote.borrow_mut().derive(&self.analysis, &self.cards, &self.card_speaker, quotes)
    }

    /// True when every quote's facts are derived.
    pub fn complete(&self) -> bool {
        self.per_quote.borrow().done == self.analysis.quotes.len()
    }

    /// Quote `i`'s context in its sentence (text before, text after), for a partial quote.
    pub fn context(&self, i: usize) -> (String, String) {
        self.per_quote.borrow_mut().quote(&self.analysis, i).0
    }

    /// True when the article put quote `i` in single marks (‘…’), shown so on its card.
    pub fn single(&self, i: usize) -> bool {
        self.per_quote.borrow_mut().quote(&self.analysis, i).1
    }

    /// The detail of `stakeholder-map:select` for stakeholder `id`.
    pub fn select_detail(&self, id: &str) -> Option<SelectDetail> {
        let s = self.stakeholder(id)?;
        Some(SelectDetail { id: s.id.clone(), name: s.name.clone(), kind: s.kind.label(), role: s.role.clone() })
    }

    /// The detail of `stakeholder-map:quote` for quote `id`.
    pub fn quote_detail(&self, id: &str) -> Option<QuoteDetail> {
        let q = &self.analysis.quotes[self.quote_index(id)?];
        Some(QuoteDetail {
            id: q.id.clone(),
            speaker: q.speaker.clone(),
            name: q.speaker.as_deref().and_then(|s| self.stakeholder(s)).map(|s| s.name.clone()),
            paragraph: q.paragraph.filter(|_| q.field == Field::Body).map(|p| p + 1),
            text: q.text.clone(),
        })
    }

    /// The cards to show: the visible ones (filters applied), at most `max` unless the reader
    /// asked for all, and never more than the pages of [`PAGE_CARDS`] the reader asked for;
    /// plus the selected card wherever it is. Also how many match the filters.
    pub fn shown_quotes(&self, v: &ViewState, max: Option<usize>) -> (Vec<usize>, usize) {
        let vis = self.visible(v);
        let n = vis.len();
        let limit = match max.filter(|_| !v.all_cards) {
            Some(m) => m.min(PAGE_CARDS),
            None => PAGE_CARDS.saturating_mul(v.card_pages + 1),
        };
        let sel = v.quote.as_deref();
        let mut shown: Vec<usize> = vis.iter().copied().take(limit).collect();
        if let Some(q) = sel.and_then(|id| self.quote_index(id)) {
            if !shown.contains(&q) && vis.binary_search(&q).is_ok() {
                let at = shown.partition_point(|&i| i < q);
                shown.insert(at, q);
            }
        }
        (shown, n)
    }

    /// The index of quote `id`.
    pub fn quote_index(&self, id: &str) -> Option<usize> {
        self.per_quote.borrow().find(&self.analysis, id)
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
        let a = &*self.analysis;
        find_id(&self.by_id, &|i| a.stakeholders[i].id.as_str(), id)
    }

    pub fn stakeholder(&self, id: &str) -> Option<&Stakeholder> {
        self.index(id).map(|i| &self.analysis.stakeholders[i])
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
        self.visible(v).to_vec()
    }

    /// [`Facts::visible_quotes`], shared: the last filter's result is kept, so the reducer's
    /// announcement and the card list filter once per change.
    pub fn visible(&self, v: &ViewState) -> Rc<Vec<usize>> {
        let f = Filter::of(v);
        if let Some((k, vis)) = &*self.last.borrow() {
            if *k == f {
                return vis.clone();
            }
        }
        let vis = Rc::new(self.filter(&f));
        *self.last.borrow_mut() = Some((f, vis.clone()));
        vis
    }

    fn filter(&self, v: &Filter) -> Vec<usize> {
        let a = &*self.analysis;
        let needle = v.search.trim().lower();
        let rel = v.relation.as_deref().and_then(|id| a.relations.iter().find(|r| r.id == id));
        // The speaker's index (usize::MAX: an unknown id, whom no card has).
        let sel = v.selected.as_deref().map(|s| self.index(s).unwrap_or(usize::MAX));
        // Positions in `cards` to look at: those whose text holds the needle (one pass over all
        // the text, the cards' starts walked alongside), or all.
        let hits: Vec<usize> = if needle.is_empty() {
            (0..self.cards.len()).collect()
        } else {
            // Every card's text is needed: what is not derived yet is derived now.
            self.derive(usize::MAX);
            let pq = self.per_quote.borrow();
            let (hay, hay_at) = (&pq.hay, &pq.hay_at);
            let mut hits = Vec::new();
            let mut k = 0;
            for (at, _) in hay.match_indices(needle.as_str()) {
                while hay_at.get(k + 1).is_some_and(|&next| next <= at) {
                    k += 1;
                }
                let end = hay_at.get(k + 1).copied().unwrap_or(hay.len());
                if at + needle.len() <= end && hits.last() != Some(&k) {
                    hits.push(k);
                }
            }
            hits
        };
        hits.into_iter()
            .filter(|&k| {
                if sel.is_some_and(|s| self.card_speaker[k] != s) {
                    return false;
                }
                if let Some(r) = rel {
                    let q = &a.quotes[self.cards[k]];
                    let in_evidence = q.field == r.evidence.field && q.start < r.evidence.end && r.evidence.start < q.end;
                    let by_about = q.speaker.as_deref() == Some(r.source.as_str()) && q.mentions.iter().any(|m| *m == r.target);
                    if !in_evidence && !by_about {
                        return false;
                    }
                }
                true
            })
            .map(|k| self.cards[k])
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

/// "rules out" -> "rule out", "says about" -> "say about", "criticises" -> "criticise".
pub(crate) fn base_verb(label: &str) -> String {
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

/// The one-line summary: "14 stakeholders; JD Vance is quoted most, 7 times".
pub fn summary(a: &Analysis) -> String {
    summary_in(a, &Strings::shared_english())
}

/// The one-line summary in the language of `t`.
pub fn summary_in(a: &Analysis, t: &Strings) -> String {
    let sid = |i: usize| a.stakeholders[i].id.as_str();
    let by_id = id_order(a.stakeholders.len(), &sid);
    let speakers: Vec<usize> = a
        .quotes
        .iter()
        .filter(|q| q.kind != QuoteKind::NonSpeech)
        .map(|q| q.speaker.as_deref().and_then(|s| find_id(&by_id, &sid, s)).unwrap_or(usize::MAX))
        .collect();
    summary_of(a, t, &speakers)
}

/// The summary from each speech quote's speaker (a stakeholder index; usize::MAX: none).
fn summary_of(a: &Analysis, t: &Strings, speakers: &[usize]) -> String {
    let n = a.stakeholders.len();
    let mut out = t.count(n, K::stakeholder, K::stakeholders);
    // Count attributed speech quotes per speaker (from the quotes themselves, so the line
    // says the same as the cards).
    let mut per = vec![0usize; n];
    let mut first_seen: Vec<usize> = Vec::new(); // stakeholder indices, by their first quote
    for &i in speakers.iter().filter(|&&i| i < n) {
        if per[i] == 0 {
            first_seen.push(i);
        }
        per[i] += 1;
    }
    // Most quotes; ties go to the earlier stakeholder (stable).
    let best = first_seen.iter().map(|&i| (i, per[i])).fold(None::<(usize, usize)>, |b, (i, c)| match b {
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
