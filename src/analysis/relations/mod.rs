//! Relations: how stakeholders stand towards each other, with evidence.
//!
//! Rules over each sentence's tokens and the entity mentions:
//! - **stance verbs** ("ruled out", "dismissed", "backed", "raised the possibility of",
//!   "hosting", "met"): the subject is the mention right before the verb (auxiliaries and
//!   adverbs skipped, "X and Y" both, "After hosting X, Trump ..." the main clause's
//!   subject); the target is the first head mention of the clause after it (a mention that
//!   only modifies a noun, "US troops", "NATO membership", counts only when there is no
//!   other). Negation ("has not backed", "refused to") is kept: `negated`, stance flipped.
//! - **reported claims** ("X said (that) CLAUSE", "CLAUSE, X has said"): a modal
//!   obligation in the clause ("Europe will have to", "the US should not have to", "his
//!   country would need to be included") is X's expectation (or demand, for inclusion) of
//!   the clause's subject, negated when the modal is; a stance verb in the clause whose
//!   subject is not X stays X's claim (`reported_by` X); a clause that only characterises
//!   another person ("Trump said Putin is open to ...") is X says-about that person.
//! - **quotes**: "I"/"we" inside a quote is its speaker; a speaker naming another person or
//!   organisation in a quote says-about it (countries named in passing are not edges).
//! - **represents**: "his special envoy, Steve Witkoff" (found with the entities).

use crate::text::Lower;
use super::attribution::Attributed;
use super::entities::{Entities, EntityId, EntityMention};
use super::lexicon::{self, Words, TITLES};
use crate::model::{Field, RelationKind, Span, Stance, StakeholderKind};
use crate::text::{Doc, FieldText};

/// Longest token window searched around a verb for its clause, object or claimant: keeps
/// the work per sentence linear in its length (real sentences are far shorter).
const WINDOW: usize = 150;

#[derive(Clone, Debug, PartialEq)]
pub struct RelationDraft {
    pub source: EntityId,
    pub target: EntityId,
    pub kind: RelationKind,
    pub stance: Stance,
    pub evidence: Span,
    pub negated: bool,
    pub reported_by: Option<EntityId>,
    pub object: Option<String>,
}

use RelationKind::*;

mod clauses;
mod triggers;
use triggers::*;

/// A pair list kept sorted, for membership tests (smaller wasm than a hash set).
fn sorted_insert<T: Ord>(v: &mut Vec<T>, x: T) -> bool {
    match v.binary_search(&x) {
        Ok(_) => false,
        Err(i) => {
            v.insert(i, x);
            true
        }
    }
}

fn is_report_verb(w: &str) -> bool {
    lexicon::is_report_verb(w)
}

struct Sent<'a> {
    ft: &'a FieldText,
    /// Lower-case text of every token of the field (computed once per field).
    words: &'a [String],
    field: Field,
    /// Token index range of the sentence.
    a: usize,
    b: usize,
}

impl<'a> Sent<'a> {
    fn w(&self, i: usize) -> &'a String {
        static EMPTY: String = String::new();
        if i < self.a || i >= self.b {
            return &EMPTY;
        }
        self.words.get(i).unwrap_or(&EMPTY)
    }
    fn start(&self, i: usize) -> usize {
        self.ft.tokens.get(i).map(|t| t.start).unwrap_or(0)
    }
    fn end(&self, i: usize) -> usize {
        self.ft.tokens.get(i).map(|t| t.end).unwrap_or(0)
    }
    /// Token index whose span contains char `pos` (or the first after it).
    fn tok_at(&self, pos: usize) -> usize {
        self.ft.tokens.partition_point(|t| t.end <= pos)
    }
    /// The verb (lemma and form) token `i` is a form of, inside the sentence.
    fn verb(&self, i: usize) -> Option<crate::text::VerbTag> {
        if i < self.a || i >= self.b {
            return None;
        }
        lexicon::verbs::verb_at(self.ft, i)
    }
    /// Does `phrase` start at token `i`, whose verb is the phrase's first word (a lemma)? The
    /// words after it are matched as written. Returns its length.
    fn matches_after_verb(&self, i: usize, phrase: &str) -> Option<usize> {
        let mut k = 1;
        for p in phrase.split(' ').skip(1) {
            if i + k >= self.b || self.w(i + k) != p {
                return None;
            }
            k += 1;
        }
        Some(k)
    }
    /// Does the token sequence `phrase` start at token `i`? Returns its length.
    fn matches(&self, i: usize, phrase: &str) -> Option<usize> {
        let mut k = 0;
        for p in phrase.split(' ') {
            if i + k >= self.b || self.w(i + k) != p {
                return None;
            }
            k += 1;
        }
        Some(k)
    }
    /// Is token `i` written in lower case (or the sentence's first word)?
    fn lower(&self, i: usize) -> bool {
        i == self.a || self.ft.tokens.get(i).and_then(|t| self.ft.chars.get(t.start)).is_some_and(|c| c.is_lowercase())
    }
    fn is_clause_break(&self, i: usize) -> bool {
        let w = self.w(i);
        matches!(w.as_str(), "," | ";" | ":" | "." | "!" | "?" | "—" | "–" | "(" | ")") || CLAUSE_BREAK_WORDS.contains(&w.as_str())
    }
}

struct Ex<'a> {
    ents: &'a Entities,
    quotes: &'a [Attributed],
    /// Quotes as (field, start, end, index in `quotes`), sorted; and the largest `end` of
    /// the entries up to each one in the same field (to stop searching backwards).
    qidx: Vec<(Field, usize, usize, usize)>,
    qmax: Vec<usize>,
    out: Vec<RelationDraft>,
    /// Indices into `out` by (source, target, kind, negated), for `push`'s duplicate test.
    /// Sorted (source, target, kind, negated, index in `out`).
    seen: Vec<(EntityId, EntityId, RelationKind, bool, usize)>,
}

impl<'a> Ex<'a> {
    fn mention_at(&self, field: Field, pos: usize) -> Option<EntityMention> {
        self.ents.mention_at(field, pos).copied()
    }

    /// The speaker of the quote containing `pos`, if any.
    fn quote_speaker(&self, field: Field, pos: usize) -> Option<Option<EntityId>> {
        // the first quote (in `quotes` order) containing `pos`
        let mut i = self.qidx.partition_point(|q| (q.0, q.1) <= (field, pos));
        let mut best: Option<usize> = None;
        while i > 0 {
            i -= 1;
            let q = self.qidx[i];
            if q.0 != field || self.qmax[i] <= pos {
                break;
            }
            if q.2 > pos && best.is_none_or(|b| q.3 < b) {
                best = Some(q.3);
            }
        }
        best.and_then(|b| self.quotes.get(b)).map(|q| q.speaker)
    }

    /// The subject of a verb at token `v`: entity ids (coordinated subjects too), the
    /// first subject mention's start, and whether a negator sits between.
    fn subject(&self, s: &Sent, v: usize) -> Option<(Vec<EntityId>, usize, bool)> {
        let mut i = v;
        let mut neg = false;
        let mut relative = false;
        while i > s.a {
            let w = s.w(i - 1);
            let wn = w.replace('’', "'");
            if AUX.contains(&w.as_str()) || NEGATORS.contains(&wn.as_str()) || (w.ends_with("ly") && w.len() > 3 && !w.contains('’')) {
                if NEGATORS.contains(&wn.as_str()) {
                    neg = true;
                }
                relative |= matches!(w.as_str(), "who" | "which");
                i -= 1;
                continue;
            }
            // "X on Tuesday accused Y", "X yesterday attacked Y": a time phrase between
            // subject and verb
            if matches!(w.as_str(), "yesterday" | "today" | "tonight" | "earlier" | "later") {
                i -= 1;
                continue;
            }
            if i >= s.a + 2 && matches!(s.w(i - 2).as_str(), "on" | "last" | "this" | "late" | "early" | "earlier") && TIME_WORDS.contains(&w.as_str()) {
                i -= 2;
                continue;
            }
            // "refused to back", "failed to endorse"
            if w == "to" && i >= s.a + 2 && matches!(s.w(i - 2).as_str(), "refused" | "declined" | "failed" | "refuses" | "declines") {
                neg = true;
                i -= 2;
                continue;
            }
            break;
        }
        if i <= s.a {
            return None;
        }
        let mut prev = i - 1;
        // "the Private Sector Alliance (PSA) urged", "Jane Roe (pictured) accused": a short
        // bracket between subject and verb
        if s.w(prev) == ")" {
            let open = (prev.saturating_sub(7).max(s.a)..prev).rev().find(|&k| s.w(k) == "(")?;
            if open <= s.a {
                return None;
            }
            prev = open - 1;
        }
        // "X, who has ruled out"
        if relative && s.w(prev) == "," && prev > s.a {
            prev -= 1;
        } else if s.w(prev) == "," && prev > s.a {
            // "X, who leads the group, accused ...", "X, the union's leader, criticised ...":
            // the subject before a relative clause or an appositive
            prev = self.before_parenthetical(s, prev)?;
        }
        let pos = s.start(prev);
        let field = s.field;
        // first person inside a quote
        let w = s.w(prev);
        if matches!(w.as_str(), "i" | "we") {
            if let Some(Some(sp)) = self.quote_speaker(field, pos) {
                return Some((vec![sp], pos, neg));
            }
            return None;
        }
        if matches!(w.as_str(), "he" | "she") && self.quote_speaker(field, pos).is_none() {
            return self.pronoun_person(field, pos, w == "he").map(|p| (vec![p], pos, neg));
        }
        let m = self.mention_at(field, pos)?;
        if s.end(prev) > m.end + 2 && s.end(prev) != m.end {
            // the token runs past the mention ("Trump’s push")
            if !s.ft.token_text(&s.ft.tokens[prev]).starts_with(&s.ft.slice(m.start, m.end)) {
                return None;
            }
        }
        let ptxt = s.ft.token_text(&s.ft.tokens[prev]);
        if ptxt.ends_with("’s") || ptxt.ends_with("'s") {
            return None;
        }
        let mut subs = vec![m.entity];
        let mut first = m.start;
        // coordination: "X, and Y", "X and Y"
        let mut np = self.ents.np_start_of(&m);
        loop {
            let t = s.tok_at(np);
            if t <= s.a {
                break;
            }
            let mut j = t - 1;
            if s.w(j) != "and" {
                break;
            }
            if j > s.a && s.w(j - 1) == "," {
                j -= 1;
            }
            if j <= s.a {
                break;
            }
            let Some(m2) = self.mention_at(field, s.start(j - 1)) else { break };
            if self.ents.list[m2.entity].kind != self.ents.list[m.entity].kind {
                break;
            }
            if !subs.contains(&m2.entity) {
                subs.push(m2.entity);
            }
            first = m2.start;
            np = self.ents.np_start_of(&m2);
        }
        Some((subs, first.min(self.ents.np_start_of(&m)), neg))
    }

    /// "he"/"she" at `pos` outside quotes: the speaker of a quote right beside it ("“...,”
    /// he told CNN"), else the nearest person before it in this or the previous paragraph
    /// whose gender does not clash.
    fn pronoun_person(&self, field: Field, pos: usize, male: bool) -> Option<EntityId> {
        use super::entities::Gender;
        let want = if male { Gender::Male } else { Gender::Female };
        // the quotes are indexed by start: the one ending just before `pos` starts before it
        let at = self.qidx.partition_point(|q| (q.0, q.1) < (field, pos));
        let near = self.qidx[at.saturating_sub(3)..at].iter().rev().find(|q| q.0 == field && q.2 <= pos && pos - q.2 <= 4).and_then(|q| self.quotes.get(q.3));
        if let Some(sp) = near.and_then(|q| q.speaker) {
            if self.ents.list[sp].gender != Some(if male { Gender::Female } else { Gender::Male }) {
                return Some(sp);
            }
        }
        self.ents
            .mentions_before(field, pos)
            .take(25)
            .filter(|m| self.quote_speaker(field, m.start).is_none() && !self.ents.is_modifier(m))
            .find(|m| {
                let e = &self.ents.list[m.entity];
                e.kind == StakeholderKind::Person && e.gender.is_none_or(|g| g == want)
            })
            .filter(|m| pos.saturating_sub(m.start) < 600)
            .map(|m| m.entity)
    }

    /// Does a frame of the utterance start at token `k` ("in an interview", "during a
    /// speech", "in a statement")? What follows it is not a verb's object.
    fn frame_at(s: &Sent, k: usize) -> bool {
        matches!(s.w(k).as_str(), "in" | "during" | "on")
            && matches!(s.w(k + 1).as_str(), "a" | "an" | "his" | "her" | "their" | "its")
            && FRAME_NOUNS.contains(&s.w(k + 2).as_str())
    }

    /// `comma` closes a parenthetical (", who ... ," or ", the ... ,"); the token before the
    /// comma that opens it, when that token ends a mention.
    fn before_parenthetical(&self, s: &Sent, comma: usize) -> Option<usize> {
        let lo = s.a.max(comma.saturating_sub(25));
        let open = (lo..comma).rev().find(|&j| matches!(s.w(j).as_str(), "," | ";" | ":" | "(" | ")" | "—" | "–"))?;
        if s.w(open) != "," || open <= s.a || open + 1 >= comma {
            return None;
        }
        // "Brazil's foreign minister, Mauro Vieira, criticised ...": the parenthetical is the name
        if let Some(m) = self.mention_at(s.field, s.start(open + 1)) {
            if self.ents.list[m.entity].kind == StakeholderKind::Person && s.tok_at(m.end) >= comma.saturating_sub(1) && m.end <= s.start(comma) {
                return Some(comma - 1);
            }
        }
        let first = s.w(open + 1);
        let t = s.ft.token_text(&s.ft.tokens[open + 1]);
        // (also an age, "Butz, 49, said", and a legislator's party and state, "Jayapal,
        // D-Wash., accused")
        let opener = PAREN_OPENERS.contains(&first.as_str())
            || s.ft.tokens[open + 1].shape == crate::text::Shape::Digits
            || super::lexicon::party_state(&t).is_some()
            || t.ends_with("’s")
            || t.ends_with("'s")
            || super::lexicon::TITLES.contains(&first.as_str());
        if !opener {
            return None;
        }
        let before = open - 1;
        let m = self.mention_at(s.field, s.start(before))?;
        (m.end <= s.end(before) + 2 && s.end(before) <= m.end + 2).then_some(before)
    }

    /// Head mentions in tokens `[from, to)`, then modifier mentions: the targets to try.
    fn objects(&self, s: &Sent, from: usize, to: usize) -> Vec<EntityMention> {
        let (a, b) = (s.start(from), if to > from { s.end(to - 1) } else { s.start(from) });
        let all: Vec<EntityMention> = self.ents.mentions_in(s.field, a, b).copied().collect();
        let mut heads: Vec<EntityMention> = all
            .iter()
            .copied()
            .filter(|m| {
                let t = s.tok_at(m.start);
                let txt = s.ft.token_text(&s.ft.tokens[t.min(s.ft.tokens.len().saturating_sub(1))]);
                !self.ents.is_modifier(m) && !txt.ends_with("’s") && !txt.ends_with("'s")
            })
            .collect();
        let mods: Vec<EntityMention> = all.iter().copied().filter(|m| !heads.contains(m)).collect();
        heads.extend(mods);
        heads
    }

    /// End of the clause starting at token `i` (exclusive token index).
    fn clause_end(&self, s: &Sent, i: usize) -> usize {
        let mut j = i;
        let stop = s.b.min(i.saturating_add(WINDOW));
        while j < stop {
            if j > i && s.is_clause_break(j) {
                // "and" joining two names is not a clause break
                // (also with a title before the second: "Schumer and Senator Joe Manchin")
                // (or with a description ending in an organisation's noun: "Virgin Media and
                // fibre network operator MS3")
                let described = (j + 2..(j + 7).min(s.b)).find(|&q| !s.lower(q)).is_some_and(|q| {
                    let noun = s.w(q - 1);
                    (lexicon::ORG_NOUNS.contains(&noun.as_str()) || lexicon::MEDIA_NOUNS.contains(&noun.as_str())) && self.mention_at(s.field, s.start(q)).is_some()
                });
                let next_named = self.mention_at(s.field, s.start(j + 1)).is_some()
                    || (j + 2 < s.b && TITLES.contains(&s.w(j + 1).lower().as_str()) && self.mention_at(s.field, s.start(j + 2)).is_some())
                    || described;
                if s.w(j) == "and" && next_named && j > 0 && self.mention_at(s.field, s.start(j - 1)).is_some() {
                    j += 1;
                    continue;
                }
                break;
            }
            j += 1;
        }
        j
    }

    fn push(&mut self, r: RelationDraft) {
        if r.source == r.target {
            return;
        }
        let key = (r.source, r.target, r.kind, r.negated, 0);
        let from = self.seen.partition_point(|e| *e < key);
        let same = self.seen[from..].iter().take_while(|e| (e.0, e.1, e.2, e.3) == (key.0, key.1, key.2, key.3));
        if same.clone().any(|e| self.out.get(e.4).is_some_and(|x| x.object == r.object || x.evidence == r.evidence)) {
            return;
        }
        let at = from + same.count();
        self.seen.insert(at, (r.source, r.target, r.kind, r.negated, self.out.len()));
        self.out.push(r);
    }

    fn stance(kind: RelationKind, neg: bool) -> Stance {
        let s = kind.default_stance();
        if !neg {
            return s;
        }
        match s {
            Stance::Positive => Stance::Negative,
            _ => Stance::Neutral,
        }
    }

}

pub fn extract(doc: &Doc, ents: &Entities, quotes: &[Attributed]) -> Vec<RelationDraft> {
    let mut order: Vec<usize> = (0..quotes.len()).collect();
    let qkey = |i: usize| (quotes[i].quote.field, quotes[i].quote.start, quotes[i].quote.end, i);
    crate::text::sort_usize_by(&mut order, &|x, y| qkey(x).cmp(&qkey(y)));
    let qidx: Vec<(Field, usize, usize, usize)> = order.into_iter().map(qkey).collect();
    let mut qmax = Vec::with_capacity(qidx.len());
    for (i, q) in qidx.iter().enumerate() {
        let prev = if i > 0 && qidx[i - 1].0 == q.0 { qmax[i - 1] } else { 0 };
        qmax.push(q.2.max(prev));
    }
    let mut ex = Ex { ents, quotes, qidx, qmax, out: Vec::new(), seen: Vec::new() };
    for ft in doc.fields() {
        let words = &ft.lower;
        for sent in &ft.sentences {
            let a = ft.token_index_at(sent.start);
            let b = ft.tokens.partition_point(|t| t.end <= sent.end);
            if a >= b {
                continue;
            }
            let s = Sent { ft, words, field: ft.field, a, b };
            ex.claims(&s);
            ex.triggers(&s, a, b, None);
            ex.speaks_to(&s);
            ex.nominals(&s);
        }
    }
    // quotes: the speaker says something about people and organisations named inside
    let mut pairs: Vec<(EntityId, EntityId)> = Vec::new();
    for r in &ex.out {
        sorted_insert(&mut pairs, (r.source, r.target));
    }
    for q in quotes {
        let Some(src) = q.speaker else { continue };
        for m in ents.mentions_in(q.quote.field, q.quote.start, q.quote.end) {
            let e = &ents.list[m.entity];
            let actor = matches!(e.kind, StakeholderKind::Person | StakeholderKind::Organisation | StakeholderKind::Institution | StakeholderKind::Media);
            // "a proud Democrat", "Russian" in a quote: a description, not a party talked about
            let adjective = m.form == super::entities::MentionForm::Demonym;
            if m.entity == src || !actor || adjective || ents.list[src].affiliations.contains(&m.entity) || ents.is_modifier(m) {
                continue;
            }
            if !sorted_insert(&mut pairs, (src, m.entity)) {
                continue;
            }
            ex.out.push(RelationDraft {
                source: src,
                target: m.entity,
                kind: SaysAbout,
                stance: Stance::Neutral,
                evidence: Span::new(q.quote.field, q.quote.start, q.quote.end),
                negated: false,
                reported_by: None,
                object: None,
            });
        }
    }
    let mut reps: Vec<(EntityId, EntityId)> = Vec::new();
    for r in ex.out.iter().filter(|r| r.kind == Represents) {
        sorted_insert(&mut reps, (r.source, r.target));
    }
    for &(who, whom, ev) in &ents.represents {
        if who != whom && sorted_insert(&mut reps, (who, whom)) {
            ex.out.push(RelationDraft { source: who, target: whom, kind: Represents, stance: Stance::Neutral, evidence: ev, negated: false, reported_by: None, object: None });
        }
    }
    // affiliation: a person and the organisation or institution they lead, work for or speak
    // for, from titles ("Acme chief executive Jane Roe"), appositives and "a spokesperson for X";
    // evidence is the role as written, else the person's first mention
    // (a says-about does not stand in its way: "KPMG chief executive Jon Holt said the firm
    // would grow" is an affiliation, and the says-about is then dropped below)
    let mut linked: Vec<(EntityId, EntityId)> = Vec::new();
    for r in ex.out.iter().filter(|r| r.kind != SaysAbout) {
        sorted_insert(&mut linked, (r.source, r.target));
    }
    let mut first_mention: Vec<Option<Span>> = vec![None; ents.list.len()];
    for m in &ents.mentions {
        if let Some(slot @ None) = first_mention.get_mut(m.entity) {
            *slot = Some(m.span());
        }
    }
    for (id, e) in ents.list.iter().enumerate() {
        if e.kind != StakeholderKind::Person {
            continue;
        }
        for &a in &e.affiliations {
            let body = ents.list.get(a).is_some_and(|o| matches!(o.kind, StakeholderKind::Organisation | StakeholderKind::Institution | StakeholderKind::Media | StakeholderKind::Group));
            if a == id || !body || linked.binary_search(&(id, a)).is_ok() || linked.binary_search(&(a, id)).is_ok() {
                continue;
            }
            let ev = e.role.as_ref().map(|r| r.1).or(first_mention[id]);
            if let Some(ev) = ev {
                sorted_insert(&mut linked, (id, a));
                ex.out.push(RelationDraft { source: id, target: a, kind: AffiliatedWith, stance: Stance::Neutral, evidence: ev, negated: false, reported_by: None, object: None });
            }
        }
    }
    // a says-about is dropped where a stronger relation holds between the same pair
    let mut strong: Vec<(EntityId, EntityId)> = Vec::new();
    for r in ex.out.iter().filter(|r| r.kind != SaysAbout) {
        sorted_insert(&mut strong, (r.source, r.target));
    }
    ex.out.retain(|r| r.kind != SaysAbout || strong.binary_search(&(r.source, r.target)).is_err());
    crate::text::sort_vec_by(&mut ex.out, &|x, y| (x.evidence.field, x.evidence.start).cmp(&(y.evidence.field, y.evidence.start)));
    ex.out
}
