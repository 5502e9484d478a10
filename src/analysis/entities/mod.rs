//! Stakeholder detection: mentions found in the text, merged into entities.
//!
//! Three passes over the token stream of both fields (headline and body):
//! 1. **scan**: each field's tokens become items: lexicon hits (countries with their
//!    capitals and demonyms, blocs, organisations, institutions, media, places), titles
//!    ("Foreign Minister", "host"), honorifics ("Mr.") and runs of capitalised words;
//! 2. **named**: names with a title or two and more words become people (or organisations
//!    when they end in "Party", "University", ...). A title pattern gives the person a role
//!    as stated and affiliations ("Russian Foreign Minister Sergey Lavrov": role "Russian
//!    Foreign Minister", affiliated with Russia, "Russian" a Russia mention); appositives
//!    give roles too ("Mark Rutte, the NATO secretary-general," / "his special envoy,
//!    Steve Witkoff,");
//! 3. **rest**: lexicon mentions (a capital is its country unless it is a person's name:
//!    Washington), single names (surnames and given names link to the full name, the
//!    nearest fitting one when two people share a surname; an unknown single name is a
//!    person only next to a speech verb), descriptions ("the president", "the US vice
//!    president", "the 32-member alliance", "his country"), "the Trump administration"
//!    (its own stakeholder, affiliated with Trump) and groups (protesters, voters).

mod appositive;
mod focus;
mod languages;
mod named;
mod resolve;
mod rest;
mod scan;
mod store;

use crate::text::Lower;
use super::lexicon::{self, Words, COUNTRIES, ORGS};
use crate::model::{Field, Span, StakeholderKind};
use crate::text::{Doc, FieldText, Token, TokenKind};
use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

pub type EntityId = usize;

pub use focus::{head_noun, is_body, resolve_body};
pub use store::*;
use scan::*;

// ---------------------------------------------------------------------------------------
// lexicon index

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum LexKey {
    Country(usize),
    Org(usize),
}

/// Entity ids of the lexicon entries met so far (a few dozen: a Vec, smaller wasm than a map).
#[derive(Default)]
struct LexCache(Vec<(LexKey, EntityId)>);

impl LexCache {
    fn get(&self, key: &LexKey) -> Option<&EntityId> {
        self.0.iter().find(|e| e.0 == *key).map(|e| &e.1)
    }

    fn insert(&mut self, key: LexKey, id: EntityId) {
        match self.0.iter_mut().find(|e| e.0 == key) {
            Some(e) => e.1 = id,
            None => self.0.push((key, id)),
        }
    }
}

// ---------------------------------------------------------------------------------------
// passes 2 and 3

struct Ctx<'a> {
    doc: &'a Doc,
    ents: Entities,
    cache: LexCache,
    /// Items of each field (shared, never changed after the scan).
    items: [&'a [Item]; 2],
    /// Each field's items as (b, index), sorted: the items ending at a token.
    by_end: [Vec<(usize, usize)>; 2],
    /// Items consumed (by field index and item index).
    used: [Vec<bool>; 2],
    /// "his special envoy, X": (X, field, male, evidence), resolved after pass 3.
    pending: Vec<(EntityId, usize, bool, Span)>,
    /// "X, a spokesman for Y,": (X, field, the "for Y" span, evidence), resolved after pass 3.
    pending_for: Vec<(EntityId, usize, Span, Span)>,
    /// "X, a Google engineer,": (X, the employer's name, evidence), resolved after pass 3; an
    /// employer named nowhere else becomes an organisation.
    pending_employers: Vec<(EntityId, Span, Span)>,
    /// "X, of Cheshire Police,": (X, the span after "of"), resolved after pass 3: X works for
    /// the organisations named there (not a place: "X, of Halton Road,").
    pending_of: Vec<(EntityId, Span)>,
    /// The body's dateline ends here (see [`dateline_end`]): no mentions inside.
    dateline_end: usize,
}

fn name_text(ft: &FieldText, it: &Item) -> String {
    let mut s = String::new();
    for k in it.a..it.b {
        let t = &ft.tokens[k];
        // tokens written together stay together ("Farmers’ Union": the apostrophe)
        if !s.is_empty() && (k == it.a || ft.tokens[k - 1].end != t.start) {
            s.push(' ');
        }
        if k + 1 == it.b {
            s.push_str(&bare(ft, t));
        } else {
            s.push_str(&ft.token_text(t));
        }
    }
    s
}

/// The end of a dateline opening the body ("BRIGHTON, England (Reuters) –", "LAGOS, Nigeria —",
/// "WASHINGTON (AP) -"): a word in capitals, optionally a comma and up to three capitalised
/// words, optionally an agency in brackets, then a dash; the end of the place part (before
/// the agency). 0 when the body has none.
fn dateline_end(ft: &FieldText) -> usize {
    let tok = |i: usize| ft.tokens.get(i).map(|t| ft.token_text(t)).unwrap_or_default();
    let first = tok(0);
    if first.chars().count() < 3 || !first.chars().all(|c| c.is_uppercase() || c == '.' || c == '-') {
        return 0;
    }
    let mut i = 1;
    while i < 8 && (tok(i) == "," || tok(i).chars().next().is_some_and(char::is_uppercase)) && tok(i) != "(" {
        i += 1;
    }
    // (the place ends before the agency, which is named: "(Reuters)" credits the story)
    let place_end = ft.tokens[i - 1].end;
    if tok(i) == "(" {
        while i < 10 && tok(i) != ")" {
            i += 1;
        }
        i += 1;
    }
    match ft.tokens.get(i) {
        Some(t) if matches!(ft.token_text(t).as_str(), "–" | "—" | "-" | "--") => place_end,
        _ => 0,
    }
}

/// Tokens searched on each side of a word for other uses of it (bounded work per word).
const WIDE: usize = 3000;

/// "the campaign group Open Rivers", "the company Nvidia": a lower-case noun for an
/// organisation right before a name makes the name an organisation.
fn org_noun_before(ft: &FieldText, a: usize) -> Option<StakeholderKind> {
    let w = ft.tokens.get(a.checked_sub(1)?).map(|t| ft.token_text(t))?;
    if matches!(w.as_str(), "at" | "for") {
        // "analysts at Barclays", "a spokesman for Harlow": people work at organisations
        let role = ft.tokens.get(a.checked_sub(2)?).map(|t| ft.lower_of(t).to_string())?;
        let single = role.strip_suffix('s').unwrap_or(&role);
        let works = lexicon::TITLES.contains(&role.as_str()) || lexicon::TITLES.contains(&single) || matches!(single, "employee" | "staff" | "worker" | "engineer");
        let speaks = matches!(single, "spokesman" | "spokeswoman" | "spokesperson");
        return ((w == "at" && works && !speaks) || (w == "for" && speaks)).then_some(StakeholderKind::Organisation);
    }
    // "A third company, CityFibre, was spared", "the union, Unite, said": an organisation noun
    // and the name in commas after it
    if w == "," {
        let noun = ft.tokens.get(a.checked_sub(2)?).map(|t| ft.lower_of(t).to_string())?;
        let kind = org_noun(&noun)?;
        let end = (a..(a + 6).min(ft.tokens.len())).take_while(|&j| is_cap(ft, &ft.tokens[j])).last()? + 1;
        return (ft.tokens.get(end).map(|t| ft.token_text(t)).as_deref() == Some(",")).then_some(kind);
    }
    // ("Developer Harlow Homes said": capitalised as the sentence's first word)
    org_noun(if sentence_initial(ft, a - 1) { ft.lw(a - 1) } else { &w })
}

/// "Ofcom, the communications regulator,": a comma, an article, at most two lower-case words
/// and an organisation noun right after the name at token `b`, then a comma or full stop
/// ("Smith, a broker,": an agent noun other than a public body's may be a person's, not taken).
fn org_noun_after(ft: &FieldText, b: usize) -> Option<StakeholderKind> {
    let tok = |i: usize| ft.tokens.get(i).map(|t| ft.token_text(t)).unwrap_or_default();
    if tok(b) != "," || !matches!(tok(b + 1).as_str(), "the" | "a" | "an") {
        return None;
    }
    (b + 2..b + 5).find_map(|q| {
        let w = tok(q);
        if !ft.tokens.get(q).is_some_and(|t| ft.chars.get(t.start).is_some_and(|c| c.is_lowercase())) {
            return Some(None);
        }
        // (an agent noun, "a developer", "a broker", may be a person: only a public body's counts)
        let agent = (w.ends_with("er") || w.ends_with("or")) && !w.ends_with("maker") && !lexicon::PUBLIC_BODY_NOUNS.contains(&w.as_str());
        org_noun(&w).filter(|_| !agent).map(|k| matches!(tok(q + 1).as_str(), "," | ".").then_some(k))
    })?
}

/// The kind of organisation a lower-case noun stands for ("union", "newspaper").
fn org_noun(w: &str) -> Option<StakeholderKind> {
    if lexicon::lang::FOREIGN_ORG_NOUNS.contains(&w.lower().as_str()) {
        // "die Gewerkschaft Verdi", "le syndicat CGT"
        return Some(StakeholderKind::Organisation);
    }
    if lexicon::ORG_NOUNS.contains(&w) && lexicon::PUBLIC_BODY_NOUNS.contains(&w) {
        // "the media regulator Ofcom", "the consumer watchdog Which?"
        Some(StakeholderKind::Institution)
    } else if lexicon::ORG_NOUNS.contains(&w) {
        Some(StakeholderKind::Organisation)
    } else if lexicon::MEDIA_NOUNS.contains(&w) {
        Some(StakeholderKind::Media)
    } else {
        None
    }
}

fn org_head(last: &str) -> Option<StakeholderKind> {
    lexicon::ORG_HEADS.iter().find(|(h, _)| *h == last).map(|&(_, k)| k)
}

impl<'a> Ctx<'a> {
    fn ft(&self, f: usize) -> &'a FieldText {
        if f == 0 {
            &self.doc.headline
        } else {
            &self.doc.body
        }
    }

    fn lex_entity(&mut self, key: LexKey) -> EntityId {
        let mut cache = std::mem::take(&mut self.cache);
        let id = self.ents.entity_for_lex(key, &mut cache);
        self.cache = cache;
        id
    }

    fn mention(&mut self, f: usize, start: usize, end: usize, id: EntityId, form: MentionForm) -> bool {
        let field = self.ft(f).field;
        // the dateline only says where the story was filed
        if field == Field::Body && end <= self.dateline_end {
            return false;
        }
        let ok = self.ents.add_mention(EntityMention { field, start, end, entity: id, form });
        if ok {
            let text = self.ft(f).slice(start, end);
            self.ents.add_alias(id, &text);
        }
        ok
    }

    /// A person by full name: the existing one or a new one.
    fn person(&mut self, name: &str, f: usize, pos: usize) -> EntityId {
        self.person_g(name, f, pos, None)
    }

    /// A person by name, of the given gender when known ("Mrs. Haddad" is not Omar Haddad).
    fn person_g(&mut self, name: &str, f: usize, pos: usize, want: Option<Gender>) -> EntityId {
        let field = self.ft(f).field;
        let fits = |e: &Entity| e.kind == StakeholderKind::Person && (want.is_none() || e.gender.is_none() || e.gender == want);
        let existing = self.ents.resolve_name_at(name, field, pos).filter(|&i| fits(&self.ents.list[i]));
        let existing = existing.or_else(|| {
            // another holder of the surname, of the right gender
            let c: Vec<EntityId> = self.ents.name_candidates(name).into_iter().filter(|&i| fits(&self.ents.list[i])).collect();
            (c.len() == 1).then(|| c[0])
        });
        let existing = existing.or_else(|| {
            (want.is_some() && !name.contains(' '))
                .then(|| self.ents.list.iter().position(|e| e.name == name && e.kind == StakeholderKind::Person && e.gender == want))
                .flatten()
        });
        if let Some(id) = existing {
            // a fuller name upgrades the canonical one
            if name.split(' ').count() > self.ents.list[id].name.split(' ').count() {
                self.ents.list[id].name = name.to_string();
            }
            return id;
        }
        let first = name.split(' ').next().unwrap_or("");
        let gender = if name.contains(' ') {
            lexicon::given_name_gender(first).map(|m| if m { Gender::Male } else { Gender::Female }).or(want)
        } else {
            want
        };
        // "Mr. Trump" met before "Donald Trump": the same person, unless the genders clash
        // or two single-name people could be meant
        if name.contains(' ') {
            let last = name.split(' ').next_back().unwrap_or("");
            let singles: Vec<EntityId> = (0..self.ents.list.len())
                .filter(|&i| {
                    let e = &self.ents.list[i];
                    e.kind == StakeholderKind::Person && e.name == last && (gender.is_none() || e.gender.is_none() || e.gender == gender)
                })
                .collect();
            if let [id] = singles[..] {
                self.ents.list[id].name = name.to_string();
                if self.ents.list[id].gender.is_none() {
                    self.ents.list[id].gender = gender;
                }
                return id;
            }
        }
        self.ents.add_entity(Entity {
            name: name.to_string(),
            kind: StakeholderKind::Person,
            role: None,
            aliases: vec![],
            affiliations: vec![],
            gender,
        })
    }

    /// Is the item in a title-case line ("Star Is Ready To Go"), where capitalised runs are
    /// not names by themselves?
    /// `memo` keeps the answer per sentence (0 unknown, 1 no, 2 yes; the last slot for the
    /// headline).
    fn caps_line(&self, f: usize, it: &Item, memo: &mut Vec<u8>) -> bool {
        let ft = self.ft(f);
        if memo.len() != ft.sentences.len() + 1 {
            *memo = vec![0; ft.sentences.len() + 1];
        }
        let slot = if f == 0 { ft.sentences.len() } else { ft.sentence_at(it.start).unwrap_or(usize::MAX) };
        if let Some(&c) = memo.get(slot).filter(|&&c| c != 0) {
            return c == 2;
        }
        if f == 0 {
            let c = title_case(ft);
            memo[slot] = if c { 2 } else { 1 };
            return c;
        }
        let Some(si) = ft.sentence_at(it.start) else { return false };
        let Some(sent) = ft.sentences.get(si) else { return false };
        let a = ft.token_index_at(sent.start);
        let b = ft.tokens.partition_point(|t| t.end <= sent.end);
        let c = title_case_range(ft, a, b);
        memo[si] = if c { 2 } else { 1 };
        c
    }
}


/// Finds entities in both fields.
pub fn extract(doc: &Doc) -> Entities {
    let owned = [scan(&doc.headline), scan(&doc.body)];
    let items: [&[Item]; 2] = [&owned[0], &owned[1]];
    let used = [vec![false; items[0].len()], vec![false; items[1].len()]];
    let by_end = [0, 1].map(|f: usize| {
        let mut order: Vec<usize> = (0..items[f].len()).collect();
        crate::text::sort_usize_by(&mut order, &|x, y| (items[f][x].b, x).cmp(&(items[f][y].b, y)));
        order.into_iter().map(|k| (items[f][k].b, k)).collect::<Vec<(usize, usize)>>()
    });
    let mut cx = Ctx { doc, ents: Entities::default(), cache: LexCache::default(), items, by_end, used, pending: Vec::new(), pending_for: Vec::new(), pending_employers: Vec::new(), pending_of: Vec::new(), dateline_end: dateline_end(&doc.body) };
    // body first: full names and roles are stated there; the headline reuses them
    cx.named(1);
    cx.named(0);
    cx.rest(1);
    cx.rest(0);
    // pronouns first: "its" shows an organisation, which pending affiliations then find
    cx.genders_from_pronouns();
    cx.resolve_pending();
    cx.ents.merge_acronyms();
    cx.merge_bracketed(1);
    cx.possessed_bodies();
    cx.staff_of_focus();
    // groups never mentioned as more than a word in passing are kept; entities without
    // mentions (lexicon affiliations only) are dropped
    prune(cx.ents)
}

/// Drops entities without mentions, remapping ids.
fn prune(mut e: Entities) -> Entities {
    let n = e.list.len();
    let mut count = vec![0usize; n];
    for m in &e.mentions {
        count[m.entity] += 1;
    }
    let mut map = vec![usize::MAX; n];
    let mut list = Vec::new();
    // order: by first mention (headline first), so ids follow the text
    let mut order: Vec<EntityId> = (0..n).filter(|&i| count[i] > 0).collect();
    let mut first_at = vec![usize::MAX; n];
    for (k, m) in e.mentions.iter().enumerate().rev() {
        first_at[m.entity] = k;
    }
    let first = |i: EntityId| first_at[i];
    crate::text::sort_usize_by(&mut order, &|x, y| first(x).cmp(&first(y)));
    for &i in &order {
        map[i] = list.len();
        list.push(e.list[i].clone());
    }
    for ent in &mut list {
        ent.affiliations = ent.affiliations.iter().filter_map(|&a| map.get(a).copied().filter(|&x| x != usize::MAX)).collect();
    }
    for m in &mut e.mentions {
        m.entity = map[m.entity];
    }
    e.represents = e
        .represents
        .iter()
        .filter_map(|&(a, b, s)| {
            let (x, y) = (map[a], map[b]);
            (x != usize::MAX && y != usize::MAX).then_some((x, y, s))
        })
        .collect();
    // aliases in text order, the canonical name first
    for ent in &mut list {
        if !ent.aliases.iter().any(|a| *a == ent.name) {
            ent.aliases.insert(0, ent.name.clone());
        } else if let Some(p) = ent.aliases.iter().position(|a| *a == ent.name) {
            let nm = ent.aliases.remove(p);
            ent.aliases.insert(0, nm);
        }
    }
    Entities { list, mentions: e.mentions, np_start: e.np_start, modifiers: e.modifiers, represents: e.represents }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::Article;

    fn ents(body: &str) -> (Doc, Entities) {
        let a = Article::from_body(body);
        let d = Doc::new(&a);
        let e = extract(&d);
        (d, e)
    }

    fn names(e: &Entities) -> Vec<String> {
        e.list.iter().map(|x| x.name.clone()).collect()
    }

    #[test]
    fn title_name_gives_role_and_affiliation() {
        let (_, e) = ents("Russian Foreign Minister Sergey Lavrov said on Monday that talks would go on. Lavrov added more.");
        let l = e.resolve_name("Lavrov").expect("Lavrov");
        assert_eq!(e.list[l].name, "Sergey Lavrov");
        assert_eq!(e.list[l].role.as_ref().map(|r| r.0.as_str()), Some("Russian Foreign Minister"));
        let r = e.list.iter().position(|x| x.name == "Russia").expect("Russia");
        assert!(e.list[l].affiliations.contains(&r));
        assert_eq!(e.mentions.iter().filter(|m| m.entity == l).count(), 2);
    }

    #[test]
    fn capital_is_country_unless_person() {
        let (_, e) = ents("Washington will send aid, officials said. Denzel Washington said he was proud.");
        let us = e.list.iter().position(|x| x.name == "United States").expect("US");
        let dw = e.list.iter().position(|x| x.name == "Denzel Washington").expect("person");
        assert_eq!(e.mentions.iter().filter(|m| m.entity == us).count(), 1);
        assert_eq!(e.mentions.iter().filter(|m| m.entity == dw).count(), 1);
    }

    #[test]
    fn org_heads_are_not_people() {
        let (_, e) = ents("The Heritage Foundation and Bank of America declined. John Smith said so.");
        assert!(names(&e).contains(&"John Smith".to_string()));
        let hf = e.list.iter().find(|x| x.name == "Heritage Foundation").expect("org");
        assert_eq!(hf.kind, StakeholderKind::Organisation);
    }
}
