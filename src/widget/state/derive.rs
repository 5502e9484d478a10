//! What [`Facts`](super::Facts) derive per quote (the partial quotes' sentences, the single
//! marks, the cards' search text, the quotes' id index), a slice of quotes at a time.
//!
//! An article of 50,000 quotes took one main-thread task of 87-207 ms to derive all of it at
//! the widget's mount (docs/benchmarks.md). Now the widget's first task derives only what is
//! cheap (the card list, each card's speaker, the counts and the summary), and the rest follows
//! [`SLICE_QUOTES`] quotes per task after a frame (`facts_of` in src/widget/mod.rs); natively (the server renderer,
//! the tests) and for an article of at most [`SLICE_QUOTES`] quotes, all of it at once, as
//! before. Until the last slice every answer is the same as a complete derivation's: a quote
//! not derived yet is derived on its own when a card shows it, a quote id not indexed yet is
//! looked for in the part not indexed, and a search first derives the rest (it needs every
//! card's text; at most the work the mount used to do, only when a reader searches before the
//! last slice).

use crate::model::{Analysis, Field, QuoteKind};
use crate::text::{FieldText, Lower, Sentence};
use std::cell::RefCell;
use std::rc::Rc;

/// Quotes derived per task: 3-17 ms of wasm on the shared 2-core machine (a 50,000-quote
/// article in 14 slices, one per frame: the fields' text, then 13 of quotes).
pub const SLICE_QUOTES: usize = 4000;

/// The per-quote facts derived so far: quotes `0..done`.
#[derive(Default)]
pub(super) struct PerQuote {
    pub done: usize,
    /// Per quote: (text before the quote in its sentence, text after), for partial quotes.
    pub context: Vec<(String, String)>,
    /// Per quote: true when the article put it in single marks (‘…’), shown so on its card.
    pub single: Vec<bool>,
    /// Every derived card's searchable text in lower case (quote, speaker's name and role,
    /// context), one after the other, and where each card's begins (as `cards`): a search is
    /// one pass over one string.
    pub hay: String,
    pub hay_at: Vec<usize>,
    /// Quote indices `0..done`, sorted by id within each run (a slice's quotes); `runs` holds
    /// each run's end. A complete derivation at once is one run.
    pub by_id: Vec<usize>,
    pub runs: Vec<usize>,
    /// The fields' characters and sentences, while quotes are left to derive.
    src: Option<Rc<Source>>,
}

/// What deriving a quote reads from the article's text.
struct Source {
    /// The field's characters where it has no partial quote (else its `FieldText`'s).
    head: Vec<char>,
    body: Vec<char>,
    /// Paragraphs only where a partial quote needs its context (a long body that has none would
    /// only cost time), and the sentences of one paragraph at a time (the last one asked for kept:
    /// quotes come in article order), never the whole field's at once.
    head_ft: Option<FieldText>,
    body_ft: Option<FieldText>,
    sentences: RefCell<(Field, usize, Vec<Sentence>)>,
}

impl Source {
    fn new(a: &Analysis) -> Source {
        let paragraphs = |f: Field| a.quotes.iter().any(|q| q.kind == QuoteKind::Partial && q.field == f).then(|| FieldText::unsegmented(f, a.field_text(f)));
        let (head_ft, body_ft) = (paragraphs(Field::Headline), paragraphs(Field::Body));
        let chars = |f: Field, ft: &Option<FieldText>| if ft.is_some() { Vec::new() } else { a.field_text(f).chars().collect() };
        let (head, body) = (chars(Field::Headline, &head_ft), chars(Field::Body, &body_ft));
        Source { head, body, head_ft, body_ft, sentences: RefCell::new((Field::Body, usize::MAX, Vec::new())) }
    }

    /// Quote `i`'s context and whether it is in single marks.
    fn quote(&self, a: &Analysis, i: usize) -> ((String, String), bool) {
        let q = &a.quotes[i];
        let (chars, ft) = if q.field == Field::Headline { (&self.head, &self.head_ft) } else { (&self.body, &self.body_ft) };
        // (A hard-wrapped text's line breaks read as spaces in a `FieldText`: no single mark either way.)
        let chars = ft.as_ref().map_or(chars, |f| &f.chars);
        let single = q.start.checked_sub(1).and_then(|i| chars.get(i)).is_some_and(|&c| matches!(c, '‘' | '\'' | '‚' | '‹'));
        (self.context(q, ft.as_ref()), single)
    }

    fn context(&self, q: &crate::model::Quote, ft: Option<&FieldText>) -> (String, String) {
        if q.kind != QuoteKind::Partial {
            return (String::new(), String::new());
        }
        let Some(ft) = ft else { return (String::new(), String::new()) };
        // The sentence holding the quote's start: the last one starting at or before it, in the
        // paragraph holding it (the last starting at or before it), as `FieldText::sentence_at`
        // finds it in the whole field's sentences.
        let p = ft.paragraph_at(q.start);
        let mut cache = self.sentences.borrow_mut();
        if (cache.0, cache.1) != (ft.field, p) {
            *cache = (ft.field, p, ft.sentences_in(p));
        }
        let (ss, se) = match cache.2.iter().rev().find(|s| s.start <= q.start) {
            Some(s) if q.end <= s.end => (s.start, s.end),
            _ => (q.start, q.end),
        };
        drop(cache);
        context_in(q, ft, ss, se)
    }
}

/// A partial quote's text before and after it in its sentence `[ss, se)`.
fn context_in(q: &crate::model::Quote, ft: &FieldText, ss: usize, se: usize) -> (String, String) {
    // Include the quote marks around the quoted words in the emphasis, not the context.
    let qs = q.start.saturating_sub(1).max(ss);
    let qe = (q.end + 1).min(se);
    let before = if is_mark(ft, qs) { ft.slice(ss, qs) } else { ft.slice(ss, q.start) };
    let after = if q.end < qe && is_mark(ft, q.end) { ft.slice(qe, se) } else { ft.slice(q.end, se) };
    (before, after)
}

fn is_mark(ft: &FieldText, pos: usize) -> bool {
    ft.chars.get(pos).is_some_and(|&c| crate::text::is_quote_char(c))
}

impl PerQuote {
    /// Derives up to `n` more quotes; true when every quote is derived. `cards` and
    /// `card_speaker` are the facts' (the hay is written in card order).
    pub fn derive(&mut self, a: &Analysis, cards: &[usize], card_speaker: &[usize], n: usize) -> bool {
        let total = a.quotes.len();
        let (from, to) = (self.done, self.done.saturating_add(n).min(total));
        if to < total && self.src.is_none() {
            // Reading the fields' characters (and a body's paragraphs, where a partial quote needs
            // its sentence) is a slice's work of its own: 13-22 ms of wasm for 740,000 characters.
            self.source(a);
            return false;
        }
        if from < to {
            let src = self.source(a);
            for i in from..to {
                let (ctx, single) = src.quote(a, i);
                let k = self.hay_at.len();
                if cards.get(k) == Some(&i) {
                    self.hay_at.push(self.hay.len());
                    card_text(&mut self.hay, a, i, card_speaker[k], &ctx);
                }
                self.context.push(ctx);
                self.single.push(single);
            }
            let at = self.by_id.len();
            self.by_id.extend(from..to);
            crate::text::sort_usize_by(&mut self.by_id[at..], &|x, y| a.quotes[x].id.cmp(&a.quotes[y].id));
            self.runs.push(self.by_id.len());
            self.done = to;
        }
        if self.done == total {
            self.src = None;
        }
        self.done == total
    }

    /// The context and the single mark of quote `i`, derived now if it is not yet.
    pub fn quote(&mut self, a: &Analysis, i: usize) -> ((String, String), bool) {
        match (self.context.get(i), self.single.get(i)) {
            (Some(c), Some(&s)) => (c.clone(), s),
            _ if i < a.quotes.len() => self.source(a).quote(a, i),
            _ => Default::default(),
        }
    }

    /// The index of the quote whose id is `want`: a binary search in each run, then a scan of
    /// the quotes not indexed yet.
    pub fn find(&self, a: &Analysis, want: &str) -> Option<usize> {
        let mut start = 0;
        for &end in &self.runs {
            let run = &self.by_id[start..end];
            if let Ok(k) = run.binary_search_by(|&i| a.quotes[i].id.as_str().cmp(want)) {
                return Some(run[k]);
            }
            start = end;
        }
        (self.done..a.quotes.len()).find(|&i| a.quotes[i].id == want)
    }

    fn source(&mut self, a: &Analysis) -> Rc<Source> {
        self.src.get_or_insert_with(|| Rc::new(Source::new(a))).clone()
    }
}

/// Card `i`'s search text (the quote, its speaker's name and role, its context, in lower case,
/// NUL between the parts and after the card, so a search never matches across two of them).
fn card_text(h: &mut String, a: &Analysis, i: usize, speaker: usize, context: &(String, String)) {
    let q = &a.quotes[i];
    h.push_str(&q.text.lower());
    if let Some(s) = a.stakeholders.get(speaker) {
        h.push('\0');
        h.push_str(&s.name.lower());
        if let Some(r) = &s.role {
            h.push('\0');
            h.push_str(&r.lower());
        }
    }
    h.push('\0');
    h.push_str(&context.0.lower());
    h.push('\0');
    h.push_str(&context.1.lower());
    h.push('\0');
}
