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
use super::lexicon::{Words, REPORT_VERBS, TITLES};
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

/// Stance verbs (lower-case token sequences) and what they mean, packed as `phrase=code|`
/// (no pointer and length per entry in the wasm data): r rules out, o opposes,
/// c criticises, s supports, p proposes, e expects, d demands, h hosts, m meets.
const TRIGGER_TEXT: &str = "\
    ruled out=r|rules out=r|rule out=r|ruling out=r|excluded=r|dismissed=o|dismisses=o|dismissing=o|rejected=o|\
    rejects=o|reject=o|rejecting=o|opposed=o|opposes=o|oppose=o|opposing=o|vetoed=o|blocked=o|resisted=o|\
    objected to=o|criticised=c|criticized=c|criticises=c|criticizes=c|criticising=c|criticizing=c|condemned=c|\
    condemns=c|slammed=c|slams=c|blasted=c|blasts=c|attacked=c|attacks=c|accused=c|accuses=c|accusing=c|\
    denounced=c|denounces=c|lambasted=c|mocked=c|derided=c|supports=s|supported=s|backed=s|backs=s|endorsed=s|\
    endorses=s|endorsing=s|praised=s|praises=s|defended=s|defends=s|stands with=s|stood by=s|sided with=s|\
    proposed=p|proposes=p|propose=p|proposing=p|raised the possibility of=p|raised the prospect of=p|floated=p|\
    put forward=p|expects=e|expected=e|expect=e|wants=e|demanded=d|demands=d|demanding=d|called for=d|calls for=d|\
    called on=d|calls on=d|urged=d|urges=d|urging=d|pressed=d|hosted=h|hosts=h|hosting=h|endorse=s|back=s|\
    support=s|praise=s|defend=s|criticise=c|criticize=c|condemn=c|attack=c|accuse=c|denounce=c|host=h|meet=m|\
    visit=m|demand=d|urge=d|block=o|met=m|meets=m|meeting with=m|met with=m|held talks with=m|spoke with=m|\
    visited=m|visits=m|visiting=m|praising=s|supporting=s|defending=s|hailed=s|hails=s|applauded=s|applauds=s|\
    congratulated=s|thanked=s|voted for=s|campaigned for=s|campaigning for=s|condemning=c|slamming=c|blasting=c|\
    attacking=c|denouncing=c|blamed=c|blames=c|blaming=c|blame=c|rebuked=c|rebukes=c|lashed out at=c|\
    lashes out at=c|hit out at=c|hits out at=c|took aim at=c|takes aim at=c|sanctioned=o|sanctioning=o|\
    threatened=o|threatens=o|threatening=o|threaten=o|sued=o|sues=o|suing=o|sue=o|challenged=o|voted against=o|\
    campaigned against=o|campaigning against=o|blocks=o|blocking=o|vetoes=o|pressured=d|pressuring=d|\
    appealed to=d|appeals to=d|imposed sanctions on=o|imposes sanctions on=o|slapped sanctions on=o|\
    declared war on=o|filed a lawsuit against=o|filed suit against=o|cut ties with=o|negotiated with=m|\
    negotiates with=m|negotiating with=m|negotiate with=m|talked with=m|fined=o|fines=o|fining=o|\
    confronted=c|confronts=c|confronting=c|welcomed=s|welcomes=s|welcoming=s|charged=o|prosecuted=o|\
    censured=c|reprimanded=c|scolded=c|chided=c|ridiculed=c|faulted=c|";

/// [`TRIGGER_TEXT`] unpacked, once.
fn triggers_table() -> &'static [(&'static str, RelationKind)] {
    static T: std::sync::OnceLock<Vec<(&'static str, RelationKind)>> = std::sync::OnceLock::new();
    T.get_or_init(|| {
        TRIGGER_TEXT
            .split_terminator('|')
            .filter_map(|e| {
                let (p, c) = e.trim_start().split_once('=')?;
                let k = match c {
                    "r" => RulesOut,
                    "o" => Opposes,
                    "c" => Criticises,
                    "s" => Supports,
                    "p" => Proposes,
                    "e" => Expects,
                    "d" => Demands,
                    "h" => Hosts,
                    _ => Meets,
                };
                Some((p, k))
            })
            .collect()
    })
}

/// Nouns of stance after a possessive ("X's criticism of Y", "X's call for Y to ..."), with
/// the preposition that introduces the target.
const NOMINALS: &[(&str, RelationKind)] = &[
    ("criticism of", Criticises), ("condemnation of", Criticises), ("attack on", Criticises), ("attacks on", Criticises),
    ("rebuke of", Criticises), ("support for", Supports), ("backing of", Supports), ("backing for", Supports),
    ("endorsement of", Supports), ("praise for", Supports), ("defence of", Supports), ("defense of", Supports),
    ("opposition to", Opposes), ("rejection of", Opposes), ("veto of", Opposes), ("sanctions on", Opposes),
    ("sanctions against", Opposes), ("lawsuit against", Opposes), ("call for", Demands), ("calls for", Demands),
    ("demand for", Demands), ("demands for", Demands), ("appeal to", Demands), ("meeting with", Meets),
    ("talks with", Meets), ("visit to", Meets),
];

/// Lower-case words allowed between a possessive and its stance noun ("X's sharp criticism").
const NOMINAL_ADJ: Words = Words("sharp|strong|public|repeated|renewed|continued|vocal|full|fierce|harsh|latest|unwavering|scathing|open|blistering|recent|surprise|first|new");

/// Nouns for a person defined by their relation to another, before an appositive name
/// ("met his Japanese counterpart, Kenji Sato").
const RELATIONAL_NOUNS: Words = Words("counterpart|successor|predecessor|rival|opponent|challenger|ally|host|guest|deputy|boss");

/// The nouns of an utterance's frame ("in an interview", "during a speech").
const FRAME_NOUNS: Words = Words("interview|statement|speech|letter|op-ed|post|tweet|podcast|video|press|news|televised|radio|television|recent|exclusive");

/// First words of a parenthetical after a subject (", who ...", ", the union's leader,").
const PAREN_OPENERS: Words = Words("who|whose|which|the|a|an|his|her|its|their|himself|herself|itself");

/// Words of a leading interview phrase ("In a recent televised interview with ...").
const LEAD_WORDS: Words = Words("in|during|an|a|the|his|her|recent|exclusive|televised|radio|broadcast");

/// "provide support", "offered aid": a verb of giving before one of these nouns.
const GIVE_VERBS: &[&str] = &["provide", "provides", "provided", "providing", "give", "gives", "gave", "giving", "send", "sends", "sent", "offer", "offers", "offered", "pledged", "pledge", "promised"];
const SUPPORT_NOUNS: &[&str] = &["support", "help", "aid", "assistance", "backing", "weapons", "arms", "funding", "money", "troops", "protection"];

/// Words skipped between a subject and its verb.
const AUX: &[&str] = &[
    "has", "have", "had", "would", "will", "could", "can", "should", "must", "may", "might", "also", "already",
    "not", "never", "is", "was", "are", "were", "be", "been", "being", "did", "does", "do", "then", "now", "just",
    "still", "once", "again", "reportedly", "previously", "n't", "no", "longer", "who", "which", "first",
];
const NEGATORS: &[&str] = &["not", "never", "n't", "no", "refused", "declined", "cannot", "won't", "didn't", "doesn't", "hasn't", "haven't", "wouldn't", "shouldn't"];

/// Modal obligation patterns after a clause subject: (tokens, negated).
const MODALS: &[(&str, bool)] = &[
    ("will have to", false), ("would have to", false), ("will need to", false), ("would need to", false),
    ("needs to", false), ("need to", false), ("has to", false), ("have to", false), ("must", false), ("should", false),
    ("ought to", false), ("will be expected to", false), ("would be expected to", false), ("is expected to", false),
    ("are expected to", false), ("should not have to", true), ("should not", true), ("shouldn't", true),
    ("must not", true), ("will not have to", true), ("won't have to", true), ("would not have to", true),
    ("does not have to", true), ("doesn't have to", true), ("need not", true), ("cannot be expected to", true),
];
const INCLUSION: &[&str] = &["included", "involved", "consulted", "represented", "heard", "part", "table", "present", "invited"];

const CLAUSE_BREAK_WORDS: &[&str] = &["while", "but", "whereas", "although", "though", "because", "and", "after", "before", "when", "as"];

fn first_word(phrase: &str) -> &str {
    phrase.split(' ').next().unwrap_or("")
}

/// (first word, index into [`triggers_table`]) sorted by first word, table order within
/// one first word.
fn trigger_order() -> &'static [(&'static str, usize)] {
    static I: std::sync::OnceLock<Vec<(&'static str, usize)>> = std::sync::OnceLock::new();
    I.get_or_init(|| {
        let t = triggers_table();
        let mut v: Vec<usize> = (0..t.len()).collect();
        crate::text::sort_usize_by(&mut v, &|x, y| (first_word(t[x].0), x).cmp(&(first_word(t[y].0), y)));
        v.into_iter().map(|i| (first_word(t[i].0), i)).collect()
    })
}

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
    REPORT_VERBS.contains(&w)
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
        let opener = PAREN_OPENERS.contains(&first.as_str())
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
                let next_named = self.mention_at(s.field, s.start(j + 1)).is_some()
                    || (j + 2 < s.b && TITLES.contains(&s.w(j + 1).lower().as_str()) && self.mention_at(s.field, s.start(j + 2)).is_some());
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

    /// Stance verbs in token range `[a, b)` of a sentence; `claimant` for reported clauses.
    fn triggers(&mut self, s: &Sent, a: usize, b: usize, claimant: Option<EntityId>) {
        let mut i = a;
        while i < b {
            let mut hit: Option<(usize, RelationKind)> = None;
            let wi = s.w(i).as_str();
            let ord = trigger_order();
            let table = triggers_table();
            let from = ord.partition_point(|&(w, _)| w < wi);
            for &(_, t) in ord[from..].iter().take_while(|&&(w, _)| w == wi) {
                let (p, k) = table[t];
                if let Some(n) = s.matches(i, p) {
                    if hit.is_none_or(|(m, _)| n > m) {
                        hit = Some((n, k));
                    }
                }
            }
            // "provide support", "would provide 'a lot of help'"
            if hit.is_none() && GIVE_VERBS.contains(&s.w(i).as_str()) {
                let end = (i + 7).min(b);
                if let Some(n) = (i + 1..end).find(|&j| SUPPORT_NOUNS.contains(&s.w(j).as_str())) {
                    // not "US troops" style: the noun must not itself be preceded by a mention
                    hit = Some((n - i + 1, Supports));
                }
            }
            let Some((n, kind)) = hit else {
                i += 1;
                continue;
            };
            // "Met" in a name, or a passive "is expected to", "was dismissed by"
            let passive = i > s.a && matches!(s.w(i - 1).as_str(), "be" | "is" | "are" | "was" | "were" | "been" | "being");
            if !s.lower(i) {
                i += n;
                continue;
            }
            // a bare verb ("host", "support", "back") is a verb only after a modal or "to"
            // ("Fox News host Laura Ingraham", "his support" are nouns)
            let w0 = s.w(i);
            let bare_form = n == 1 && !w0.ends_with('s') && !w0.ends_with("ed") && !w0.ends_with("ing") && w0 != "met";
            if bare_form {
                let p = if i > s.a { s.w(i - 1).replace('’', "'") } else { String::new() };
                let modal = matches!(
                    p.as_str(),
                    "to" | "will" | "would" | "could" | "can" | "should" | "must" | "may" | "might" | "not" | "never" | "did"
                        | "does" | "do" | "won't" | "wouldn't" | "can't" | "cannot" | "didn't" | "doesn't" | "don't" | "also"
                );
                if !modal {
                    i += n;
                    continue;
                }
            }
            if passive {
                // "Ukraine was backed by Poland": Poland backs Ukraine
                if s.w(i + n) == "by" && kind != Expects {
                    self.passive(s, i, n, kind, claimant);
                }
                i += n;
                continue;
            }
            self.trigger(s, i, n, kind, claimant);
            i += n;
        }
    }

    /// "X was backed by Y": Y is the actor, X the target.
    fn passive(&mut self, s: &Sent, v: usize, n: usize, kind: RelationKind, claimant: Option<EntityId>) {
        let field = s.field;
        // the passive subject: back over the auxiliaries
        let Some((targets, tstart, neg)) = self.subject(s, v) else { return };
        let by = v + n;
        let Some(agent) = self.mention_at(field, s.start(by + 1)) else { return };
        let sources: Vec<EntityId> = vec![agent.entity];
        let in_quote = self.quote_speaker(field, s.start(v)).flatten();
        for &t in &targets {
            for &src in &sources {
                self.push(RelationDraft {
                    source: src,
                    target: t,
                    kind,
                    stance: Self::stance(kind, neg),
                    evidence: Span::new(field, tstart, agent.end),
                    negated: neg,
                    reported_by: claimant.or(in_quote).filter(|&c| c != src),
                    object: None,
                });
            }
        }
    }

    fn trigger(&mut self, s: &Sent, v: usize, n: usize, kind: RelationKind, claimant: Option<EntityId>) {
        let field = s.field;
        // subject
        let subj = self.subject(s, v).or_else(|| {
            // "After hosting X, Trump said": the main clause's subject after the comma
            let w = s.w(v);
            if !w.ends_with("ing") {
                return None;
            }
            let lead = v == s.a || matches!(s.w(v - 1).as_str(), "after" | "before" | "while" | "since" | "by" | "when" | "following" | "upon");
            if !lead {
                return None;
            }
            let mut j = v + n;
            while j < s.b.min(v + n + WINDOW) && s.w(j) != "," {
                j += 1;
            }
            let m = self.objects(s, j + 1, s.b.min(j + 1 + WINDOW)).into_iter().find(|m| !self.ents.is_modifier(m) && s.tok_at(self.ents.np_start_of(m)) <= j + 2)?;
            Some((vec![m.entity], s.start(v), false))
        });
        // "X condemned Y and urged Z": the subject of the verb before "and"
        let subj = subj.or_else(|| {
            let mut i = v;
            while i > s.a && AUX.contains(&s.w(i - 1).as_str()) {
                i -= 1;
            }
            if i <= s.a + 1 || s.w(i - 1) != "and" {
                return None;
            }
            (s.a.max(v.saturating_sub(30))..i - 1).rev().take_while(|&k| !matches!(s.w(k).as_str(), ";" | ":" | "—" | "–")).find_map(|k| {
                let w = s.w(k);
                let verbish = s.lower(k) && k > s.a && (is_report_verb(w) || w.ends_with("ed") || trigger_order().binary_search_by(|&(f, _)| f.cmp(w.as_str())).is_ok());
                if !verbish {
                    return None;
                }
                let (x, _, _) = self.subject(s, k)?;
                Some((x, s.start(v), false))
            })
        });
        let Some((sources, sstart, neg)) = subj else { return };
        // object: up to the clause end or a frame ("in an interview with", "in a statement")
        let mut ce = self.clause_end(s, v + n);
        if let Some(k) = (v + n..ce).find(|&k| Self::frame_at(s, k)) {
            ce = k;
        }
        let mut objs = self.objects(s, v + n, ce);
        // "met his Japanese counterpart, Kenji Sato,": the person the title stands for
        let last = s.w(ce.saturating_sub(1));
        if ce > v + n && s.w(ce) == "," && s.lower(ce - 1) && (RELATIONAL_NOUNS.contains(&last.as_str()) || TITLES.contains(&last.as_str())) {
            let appos = self.mention_at(field, s.start(ce + 1)).filter(|m| self.ents.list[m.entity].kind == StakeholderKind::Person && !sources.contains(&m.entity));
            if let Some(m) = appos {
                objs.insert(0, m);
            }
        }
        let mut targets: Vec<EntityMention> = Vec::new();
        // "endorsed her early", "praised him for": an object pronoun is the nearest fitting person
        let ow = s.w(v + n).as_str();
        let object_pron = (ow == "him" || (ow == "her" && (s.is_clause_break(v + n + 1) || Words("for|as|on|in|over|at|early|again|publicly|last|this|after|to").contains(&s.w(v + n + 1).as_str()))))
            && self.quote_speaker(field, s.start(v + n)).is_none();
        if object_pron {
            let at = s.start(v + n);
            if let Some(p) = self.pronoun_person(field, at, ow == "him").filter(|p| !sources.contains(p)) {
                objs.insert(0, EntityMention { field, start: at, end: s.end(v + n), entity: p, form: super::entities::MentionForm::Pronoun });
            }
        }
        if let Some(first) = objs.iter().find(|m| !sources.contains(&m.entity)) {
            targets.push(*first);
            // coordinated objects of the same kind ("met Putin and Zelenskyy")
            if matches!(kind, Hosts | Meets) {
                for m in objs.iter().filter(|m| !self.ents.is_modifier(m)) {
                    let kind_same = self.ents.list[m.entity].kind == self.ents.list[first.entity].kind;
                    if kind_same && m.entity != first.entity && !sources.contains(&m.entity) && !targets.iter().any(|t| t.entity == m.entity) {
                        targets.push(*m);
                    }
                }
            } else {
                // "praised Schumer and Senator Joe Manchin", "criticised Ankara, Tehran and
                // Moscow": objects joined only by "and"/"or"/commas (and titles) share the verb
                let mut last_end = first.end;
                let mut rest: Vec<EntityMention> = objs.iter().copied().filter(|m| m.start >= first.end && !self.ents.is_modifier(m)).collect();
                crate::text::sort_vec_by(&mut rest, &|x, y| x.start.cmp(&y.start));
                for m in rest {
                    let gap = s.ft.slice(last_end, m.start);
                    let joined = gap.split(|c: char| c.is_whitespace() || c == ',').filter(|w| !w.is_empty()).all(|w| {
                        let w = w.lower();
                        matches!(w.as_str(), "and" | "or" | "the") || TITLES.contains(&w.as_str())
                    });
                    let has_conj = gap.contains(',') || gap.split_whitespace().any(|w| matches!(w, "and" | "or"));
                    if !joined || !has_conj || gap.chars().count() > 40 {
                        break;
                    }
                    if m.entity != first.entity && !sources.contains(&m.entity) && !targets.iter().any(|t| t.entity == m.entity) {
                        targets.push(m);
                    }
                    last_end = m.end;
                }
            }
        } else if matches!(kind, Meets) && sources.len() >= 2 {
            // "Putin and Erdogan met in Ankara": they meet each other
            let (a, b) = (sources[1], sources[0]);
            let in_quote = self.quote_speaker(field, s.start(v)).flatten();
            self.push(RelationDraft {
                source: a,
                target: b,
                kind,
                stance: Self::stance(kind, neg),
                evidence: Span::new(field, sstart, s.end(v + n - 1)),
                negated: neg,
                reported_by: claimant.or(in_quote).filter(|&c| c != a),
                object: None,
            });
            return;
        } else if kind == Supports {
            // "could provide support": the place named with a preposition earlier in the sentence
            let before = s.start(v);
            let m = self
                .ents
                .mentions_before(field, before)
                .take_while(|m| m.start >= s.start(s.a.max(v.saturating_sub(WINDOW))))
                .find(|m| {
                    let t = s.tok_at(m.start);
                    !sources.contains(&m.entity)
                        && t > s.a
                        && matches!(s.w(t - 1).as_str(), "in" | "for" | "to" | "into")
                        && matches!(self.ents.list[m.entity].kind, StakeholderKind::Country | StakeholderKind::Bloc)
                });
            if let Some(m) = m {
                targets.push(*m);
            }
        } else if kind == Expects {
            // "expect, and the president certainly expects, Europe to play": X to VP
            let m = (v + n..s.b.min(v + n + WINDOW)).find_map(|j| {
                let m = self.mention_at(field, s.start(j))?;
                let t_after = s.tok_at(m.end);
                (s.w(t_after) == "to" && !sources.contains(&m.entity)).then_some(m)
            });
            if let Some(m) = m {
                targets.push(m);
            }
        }
        for t in targets {
            let ev_end = t.end.max(s.end(v + n - 1));
            let obj_start = s.end(v + n - 1);
            let object = s.ft.slice(obj_start, t.end.max(obj_start)).trim().to_string();
            let in_quote = self.quote_speaker(field, s.start(v)).flatten();
            for &src in &sources {
                let reported_by = claimant.or(in_quote).filter(|&c| c != src);
                let negated = neg;
                self.push(RelationDraft {
                    source: src,
                    target: t.entity,
                    kind,
                    stance: Self::stance(kind, negated),
                    evidence: Span::new(field, sstart.min(s.start(v)), ev_end),
                    negated,
                    reported_by,
                    object: (!object.is_empty()).then_some(object.clone()),
                });
            }
        }
    }

    /// Interviews and words to an outlet: "X said in an interview with Y", "X told Y",
    /// "X, speaking to Y,", "In an interview with Y, X said", "X said on Y".
    fn speaks_to(&mut self, s: &Sent) {
        let field = s.field;
        for i in s.a..s.b {
            let w = s.w(i).as_str();
            let next = s.w(i + 1).as_str();
            // (first token of the addressee, the verb whose subject speaks, outlets only)
            let (from, verb, media_only) = match w {
                "interview" | "interviews" if matches!(next, "with" | "on" | "to") => (i + 2, None, false),
                "told" | "tells" | "telling" => (i + 1, Some(i), false),
                "spoke" | "speaking" | "talking" | "talked" | "speaks" if matches!(next, "to" | "with") => (i + 2, Some(i), false),
                "appearing" | "appeared" | "appears" if next == "on" => (i + 2, Some(i), true),
                _ if next == "on" && is_report_verb(w) => (i + 2, Some(i), true),
                "wrote" | "writes" | "writing" if next == "in" => (i + 2, Some(i), true),
                _ => continue,
            };
            if !s.lower(i) {
                continue;
            }
            let mut j = from;
            if matches!(s.w(j).as_str(), "the" | "a" | "an") {
                j += 1;
            }
            let Some(first) = self.mention_at(field, s.start(j)) else { continue };
            // "Fox News host Laura Ingraham": the host, whose title names the outlet
            let ce = self.clause_end(s, j);
            let target = if self.ents.is_modifier(&first) {
                self.objects(s, j, ce).into_iter().find(|m| !self.ents.is_modifier(m) && s.tok_at(self.ents.np_start_of(m)) <= j)
            } else {
                Some(first)
            };
            let Some(mut target) = target else { continue };
            // "Fox News host Laura Ingraham": the interview is given to the outlet, one edge
            // whether the host or the outlet is named
            if let Some(&m) = self.ents.list[target.entity].affiliations.iter().find(|&&a| self.ents.list[a].kind == StakeholderKind::Media) {
                target.entity = m;
            }
            let tkind = self.ents.list[target.entity].kind;
            let ok = match tkind {
                StakeholderKind::Media => true,
                StakeholderKind::Person => !media_only,
                StakeholderKind::Organisation | StakeholderKind::Institution => !media_only && verb.is_some(),
                _ => false,
            };
            if !ok {
                continue;
            }
            // the speaker: the verb's subject; for "in an interview", the subject of the
            // report verb just before, or the main clause's after a leading phrase
            let verb = verb.or_else(|| {
                (s.a.max(i.saturating_sub(12))..i).rev().take_while(|&k| !s.is_clause_break(k) || s.w(k) == "and").find(|&k| {
                    let w = s.w(k);
                    s.lower(k) && (is_report_verb(w) || ((w.ends_with("ed") || w == "made" || w == "gave") && self.subject(s, k).is_some()))
                })
            });
            let src = match verb {
                Some(v) => self.subject(s, v).map(|x| (x.0[0], x.1)).or_else(|| {
                    // "..., said X in an interview with Y"
                    let m = self.mention_at(field, s.start(v + 1))?;
                    (self.ents.list[m.entity].kind == StakeholderKind::Person).then_some((m.entity, m.start))
                }),
                None => {
                    // "In an interview with Y, X said ..."
                    let lead = (s.a..i).all(|k| LEAD_WORDS.contains(&s.w(k).as_str()));
                    let comma = (j..s.b.min(j + 20)).find(|&k| s.w(k) == ",");
                    match comma {
                        Some(c) if lead => self
                            .objects(s, c + 1, self.clause_end(s, c + 1))
                            .into_iter()
                            .find(|m| !self.ents.is_modifier(m) && s.tok_at(self.ents.np_start_of(m)) <= c + 3)
                            .map(|m| (m.entity, self.ents.np_start_of(&m))),
                        _ => None,
                    }
                }
            };
            let Some((src, sstart)) = src else { continue };
            let skind = self.ents.list[src].kind;
            if !matches!(skind, StakeholderKind::Person | StakeholderKind::Organisation | StakeholderKind::Institution | StakeholderKind::Country) || src == target.entity {
                continue;
            }
            // a host talking on their own outlet is no news
            if self.ents.list[src].affiliations.contains(&target.entity) {
                continue;
            }
            // one edge per speaker and outlet, however many interviews
            if self.seen.iter().any(|e| (e.0, e.1, e.2) == (src, target.entity, SpeaksTo)) {
                continue;
            }
            let (a, b) = (sstart.min(s.start(i)), target.end.max(s.end(i)));
            let object = s.ft.slice(s.start(i), target.end.max(s.start(i))).trim().to_string();
            let in_quote = self.quote_speaker(field, s.start(i)).flatten();
            self.push(RelationDraft {
                source: src,
                target: target.entity,
                kind: SpeaksTo,
                stance: Stance::Neutral,
                evidence: Span::new(field, a, b),
                negated: false,
                reported_by: in_quote.filter(|&c| c != src),
                object: (!object.is_empty()).then_some(object),
            });
        }
    }

    /// Stance nouns after a possessive: "X's criticism of Y", "X's support for Y",
    /// "X's call for Y to ...".
    fn nominals(&mut self, s: &Sent) {
        let field = s.field;
        for i in s.a..s.b {
            // cheap test first: the token after a possessive (or an adjective after one)
            let after_poss = |k: usize| {
                k > s.a && {
                    let t = s.ft.token_text(&s.ft.tokens[k - 1]);
                    t.ends_with("’s") || t.ends_with("'s") || t.ends_with("s’") || t.ends_with("s'")
                }
            };
            if !(after_poss(i) || (i > s.a + 1 && NOMINAL_ADJ.contains(&s.w(i - 1).as_str()))) {
                continue;
            }
            let w = s.w(i).as_str();
            let Some(&(p, kind)) = NOMINALS.iter().find(|(p, _)| p.len() > w.len() && p.starts_with(w) && p.as_bytes()[w.len()] == b' ' && s.matches(i, p).is_some()) else { continue };
            let n = p.split(' ').count();
            // the possessive: directly before, or before one or two adjectives
            let mut k = i;
            while k > s.a && k + 2 >= i && NOMINAL_ADJ.contains(&s.w(k - 1).as_str()) {
                k -= 1;
            }
            if k <= s.a {
                continue;
            }
            let pt = s.ft.token_text(&s.ft.tokens[k - 1]);
            if !(pt.ends_with("’s") || pt.ends_with("'s") || pt.ends_with("s’") || pt.ends_with("s'")) {
                continue;
            }
            let Some(src) = self.mention_at(field, s.start(k - 1)) else { continue };
            // the target: the first head mention right after the preposition
            let from = i + n;
            let ce = self.clause_end(s, from);
            let tgt = self
                .objects(s, from, ce)
                .into_iter()
                .find(|m| m.entity != src.entity && s.tok_at(self.ents.np_start_of(m)) <= from + 2 && self.ents.list[m.entity].kind != StakeholderKind::Group);
            let Some(tgt) = tgt else { continue };
            let in_quote = self.quote_speaker(field, s.start(i)).flatten();
            let start = self.ents.np_start_of(&src).min(src.start);
            self.push(RelationDraft {
                source: src.entity,
                target: tgt.entity,
                kind,
                stance: kind.default_stance(),
                evidence: Span::new(field, start, tgt.end),
                negated: false,
                reported_by: in_quote.filter(|&c| c != src.entity),
                object: None,
            });
        }
    }

    /// Reported speech: "X said (that) CLAUSE" and "CLAUSE, X has said".
    fn claims(&mut self, s: &Sent) {
        let field = s.field;
        for v in s.a..s.b {
            let w = s.w(v);
            if !is_report_verb(&w) || !s.lower(v) {
                continue;
            }
            if self.quote_speaker(field, s.start(v)).is_some() {
                continue;
            }
            // the claimant
            let claimant = self.subject(s, v).map(|(x, _, _)| x[0]).or_else(|| {
                // "said Vance" / participle "while suggesting": nearest person before
                if w.ends_with("ing") {
                    self.ents
                        .mentions_before(field, s.start(v))
                        .take_while(|m| m.start >= s.start(s.a.max(v.saturating_sub(WINDOW))))
                        .find(|m| self.ents.list[m.entity].kind == StakeholderKind::Person)
                        .map(|m| m.entity)
                } else {
                    self.mention_at(field, s.start(v + 1)).filter(|m| self.ents.list[m.entity].kind == StakeholderKind::Person).map(|m| m.entity)
                }
            });
            let Some(claimant) = claimant else { continue };
            if self.ents.list[claimant].kind != StakeholderKind::Person && !matches!(self.ents.list[claimant].kind, StakeholderKind::Country | StakeholderKind::Organisation | StakeholderKind::Institution) {
                continue;
            }
            // the clause: after the verb, or before the claimant at the sentence end
            let after_nonempty = v + 1 < s.b && !matches!(s.w(v + 1).as_str(), "." | "!" | "?");
            let (ca, cb) = if after_nonempty {
                let mut a = v + 1;
                // skip "on Wednesday", "in an interview", "that", a time phrase
                if a < s.b {
                    let x = s.w(a);
                    if x == "that" {
                        a += 1;
                    } else if matches!(x.as_str(), "on" | "in" | "at" | "last" | "this" | "late" | "early") {
                        // a short prepositional phrase without mentions
                        let mut j = a + 1;
                        while j < s.b && j < a + 5 && !matches!(s.w(j).as_str(), "that" | ",") {
                            j += 1;
                        }
                        if s.w(j) == "that" {
                            a = j + 1;
                        }
                    }
                }
                // "While Trump has said that ..., Moscow has ...": the claim ends with the
                // subordinate clause
                let sub = matches!(s.w(s.a).as_str(), "while" | "although" | "though" | "whereas" | "as" | "because" | "if" | "when" | "after" | "before" | "since");
                let mut b = s.b.min(a + WINDOW);
                if sub {
                    if let Some(c) = (a..b).find(|&j| s.w(j) == ",") {
                        b = c;
                    }
                }
                // ", while China ...": a new clause that is not part of the claim
                if let Some(c) = (a..b).find(|&j| {
                    s.w(j) == "," && (matches!(s.w(j + 1).as_str(), "while" | "whereas" | "although" | "though") || (s.w(j + 1) == "but" && s.w(j + 2) != "that"))
                }) {
                    b = c;
                }
                (a, b)
            } else {
                // "CLAUSE, X has said."
                let m_start = self.subject(s, v).map(|(_, st, _)| st).unwrap_or(s.start(v));
                let mut e = s.tok_at(m_start);
                while e > s.a && s.w(e - 1) == "," {
                    e -= 1;
                }
                (s.a.max(e.saturating_sub(WINDOW)), e)
            };
            if ca >= cb {
                continue;
            }
            self.claim_clause(s, ca, cb, claimant, v);
        }
    }

    fn claim_clause(&mut self, s: &Sent, ca: usize, cb: usize, claimant: EntityId, v: usize) {
        let field = s.field;
        let before = self.out.len();
        // modal obligation: SUBJ (aux) MODAL ...
        let mut found_modal = false;
        let mut i = ca;
        while i < cb {
            let Some(m) = self.mention_at(field, s.start(i)) else {
                i += 1;
                continue;
            };
            let mut j = s.tok_at(m.end);
            // "European countries", a possessive or a modifier is not a clause subject
            if self.ents.is_modifier(&m) && s.w(j).chars().next().is_some_and(|c| c.is_lowercase()) && !MODALS.iter().any(|(p, _)| s.matches(j, p).is_some()) {
                i = j.max(i + 1);
                continue;
            }
            let mut best: Option<(usize, bool)> = None;
            for &(p, neg) in MODALS {
                if let Some(n) = s.matches(j, p) {
                    if best.is_none_or(|(b, _)| n > b) {
                        best = Some((n, neg));
                    }
                }
            }
            if let Some((n, neg)) = best {
                found_modal = true;
                let inc_end = (j + n + 5).min(cb);
                let demand = (j + n..inc_end).any(|x| INCLUSION.contains(&s.w(x).as_str()));
                let kind = if demand { Demands } else { Expects };
                let ce = self.clause_end(s, j + n).min(cb).max(j + n);
                let ev_end = s.end(ce.saturating_sub(1).max(j));
                let object = s.ft.slice(s.start(j), ev_end).trim().to_string();
                self.push(RelationDraft {
                    source: claimant,
                    target: m.entity,
                    kind,
                    stance: if neg { Stance::Negative } else { Stance::Neutral },
                    evidence: Span::new(field, m.start, ev_end),
                    negated: neg,
                    reported_by: None,
                    object: Some(object),
                });
                j += n;
            }
            i = j.max(i + 1);
        }
        // stance verbs inside the claim stay the claimant's report
        self.triggers(s, ca, cb, Some(claimant));
        if found_modal || self.out.len() > before {
            return;
        }
        // "Trump has said that Russian President Vladimir Putin is open to ...": a person
        // characterised at the start of the clause
        let first = self.objects(s, ca, cb).into_iter().find(|m| !self.ents.is_modifier(m));
        if let Some(m) = first {
            let np = s.tok_at(self.ents.np_start_of(&m));
            let is_person = self.ents.list[m.entity].kind == StakeholderKind::Person;
            if is_person && np <= ca + 1 && m.entity != claimant {
                let ev_end = s.end(cb - 1);
                let after = s.ft.slice(m.end, ev_end).trim().trim_end_matches(['.', ',']).to_string();
                let ev_start = s.start(v).min(self.ents.np_start_of(&m));
                let sstart = self.subject(s, v).map(|(_, st, _)| st).unwrap_or(ev_start);
                self.push(RelationDraft {
                    source: claimant,
                    target: m.entity,
                    kind: SaysAbout,
                    stance: Stance::Neutral,
                    evidence: Span::new(field, sstart.min(ev_start), ev_end),
                    negated: false,
                    reported_by: None,
                    object: (!after.is_empty()).then_some(after),
                });
            }
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
        let words: Vec<String> = ft.tokens.iter().map(|t| ft.token_text(t).lower()).collect();
        for sent in &ft.sentences {
            let a = ft.token_index_at(sent.start);
            let b = ft.tokens.partition_point(|t| t.end <= sent.end);
            if a >= b {
                continue;
            }
            let s = Sent { ft, words: &words, field: ft.field, a, b };
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
    let mut linked: Vec<(EntityId, EntityId)> = Vec::new();
    for r in &ex.out {
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
            let body = ents.list.get(a).is_some_and(|o| matches!(o.kind, StakeholderKind::Organisation | StakeholderKind::Institution | StakeholderKind::Media));
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
