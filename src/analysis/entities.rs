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

use crate::text::Lower;
use super::lexicon::{self, Words, COUNTRIES, ORGS};
use crate::model::{Field, Span, StakeholderKind};
use crate::text::{Doc, FieldText, Token, TokenKind};
use std::collections::HashMap;
use std::sync::OnceLock;

pub type EntityId = usize;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
}

/// How a mention names its entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MentionForm {
    /// The full name ("JD Vance", "North Atlantic Treaty Organization").
    FullName,
    /// A part of a personal name ("Vance").
    Surname,
    /// Honorific + name ("Mr. Trump").
    Honorific,
    /// A description or title standing alone ("the US vice president", "the alliance").
    Description,
    Acronym,
    /// "Ukrainian", "the Russians" standing for a country.
    Demonym,
    /// "Kyiv", "Moscow" standing for a country's government.
    Capital,
    Pronoun,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Entity {
    /// Canonical name: the fullest name the text uses.
    pub name: String,
    pub kind: StakeholderKind,
    /// Role as stated, and where.
    pub role: Option<(String, Span)>,
    /// Distinct surface forms used for the entity.
    pub aliases: Vec<String>,
    pub affiliations: Vec<EntityId>,
    pub gender: Option<Gender>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EntityMention {
    pub field: Field,
    pub start: usize,
    pub end: usize,
    pub entity: EntityId,
    pub form: MentionForm,
}

impl EntityMention {
    pub fn span(&self) -> Span {
        Span::new(self.field, self.start, self.end)
    }
}

/// All entities of an article and all their mentions.
#[derive(Clone, Debug, Default)]
pub struct Entities {
    pub list: Vec<Entity>,
    /// Sorted by (field, start); headline before body.
    pub mentions: Vec<EntityMention>,
    /// For a person mention (keyed by field and start): where its noun phrase starts,
    /// title and affiliation words included ("Russian Foreign Minister Sergey Lavrov").
    /// Sorted by key (a sorted Vec rather than a BTreeMap: smaller wasm).
    pub np_start: Vec<((Field, usize), usize)>,
    /// Mentions (by field and start) used as modifiers of a noun, not as actors in their
    /// own right: "Russian" in "Russian President Vladimir Putin", "US" in "US troops".
    /// Sorted, no duplicates.
    pub modifiers: Vec<(Field, usize)>,
    /// Who speaks or works for whom, as the text states it ("his special envoy, Steve
    /// Witkoff": Witkoff for Trump), with the evidence.
    pub represents: Vec<(EntityId, EntityId, Span)>,
}

impl Entities {
    /// Adds an entity and returns its id.
    pub fn add_entity(&mut self, e: Entity) -> EntityId {
        self.list.push(e);
        self.list.len() - 1
    }

    /// Adds a mention, keeping `mentions` sorted; overlapping mentions are not added.
    pub fn add_mention(&mut self, m: EntityMention) -> bool {
        if m.entity >= self.list.len() || m.start >= m.end {
            return false;
        }
        let i = self.mentions.partition_point(|x| (x.field, x.start) < (m.field, m.start));
        let clash = |x: &EntityMention| x.field == m.field && x.start < m.end && m.start < x.end;
        if (i > 0 && clash(&self.mentions[i - 1])) || (i < self.mentions.len() && clash(&self.mentions[i])) {
            return false;
        }
        self.mentions.insert(i, m);
        true
    }

    /// Makes `from` one with `to`: its mentions, the affiliations and representations that
    /// name it, and its name as an alias. `from` is left without mentions (pruned later).
    fn merge_into(&mut self, from: EntityId, to: EntityId) {
        if from == to {
            return;
        }
        for m in &mut self.mentions {
            if m.entity == from {
                m.entity = to;
            }
        }
        let moved = std::mem::take(&mut self.list[from].affiliations);
        for a in moved {
            self.affiliate(to, a);
        }
        for (i, e) in self.list.iter_mut().enumerate() {
            if e.affiliations.contains(&from) {
                e.affiliations.retain(|&a| a != from);
                if i != to && !e.affiliations.contains(&to) {
                    e.affiliations.push(to);
                }
            }
        }
        for r in &mut self.represents {
            if r.0 == from {
                r.0 = to;
            }
            if r.1 == from {
                r.1 = to;
            }
        }
        self.represents.retain(|r| r.0 != r.1);
        let name = self.list[from].name.clone();
        self.add_alias(to, &name);
    }

    /// "Numsa" and "the National Union of Metalworkers of South Africa", "HSE" and "Health
    /// Service Executive": a one-word name whose letters are the initials of another
    /// organisation's capitalised words (in any case) is that organisation, when exactly one
    /// fits.
    fn merge_acronyms(&mut self) {
        let body = |k: StakeholderKind| matches!(k, StakeholderKind::Organisation | StakeholderKind::Institution | StakeholderKind::Media | StakeholderKind::Group);
        let initials = |name: &str| -> String {
            name.split(' ').filter(|w| w.chars().next().is_some_and(char::is_uppercase)).filter_map(|w| w.chars().next()).flat_map(char::to_lowercase).collect()
        };
        for short in 0..self.list.len() {
            let s = &self.list[short];
            let n = s.name.chars().count();
            if !body(s.kind) || s.name.contains(' ') || !(2..=6).contains(&n) || !s.name.chars().all(char::is_alphabetic) || !s.name.chars().next().is_some_and(char::is_uppercase) {
                continue;
            }
            let key = s.name.lower();
            let mut fits = (0..self.list.len()).filter(|&l| l != short && body(self.list[l].kind) && self.list[l].name.contains(' ') && initials(&self.list[l].name) == key);
            if let (Some(long), None) = (fits.next(), fits.next()) {
                self.merge_into(short, long);
            }
        }
    }

    /// The mention covering char `pos` of `field`.
    pub fn mention_at(&self, field: Field, pos: usize) -> Option<&EntityMention> {
        let i = self.mentions.partition_point(|x| (x.field, x.start) <= (field, pos));
        let m = self.mentions.get(i.checked_sub(1)?)?;
        (m.field == field && m.start <= pos && pos < m.end).then_some(m)
    }

    /// Mentions lying inside `[start, end)` of `field`, in order.
    pub fn mentions_in(&self, field: Field, start: usize, end: usize) -> impl Iterator<Item = &EntityMention> {
        let a = self.mentions.partition_point(|x| (x.field, x.start) < (field, start));
        self.mentions[a..].iter().take_while(move |m| m.field == field && m.start < end).filter(move |m| m.end <= end)
    }

    /// Mentions that end at or before `pos` in `field`, nearest first.
    pub fn mentions_before(&self, field: Field, pos: usize) -> impl Iterator<Item = &EntityMention> {
        let b = self.mentions.partition_point(|x| (x.field, x.start) < (field, pos));
        self.mentions[..b].iter().rev().filter(move |m| m.field == field && m.end <= pos)
    }

    fn set_np_start(&mut self, key: (Field, usize), start: usize) {
        match self.np_start.binary_search_by(|e| e.0.cmp(&key)) {
            Ok(i) => self.np_start[i].1 = start,
            Err(i) => self.np_start.insert(i, (key, start)),
        }
    }

    fn add_modifier(&mut self, key: (Field, usize)) {
        if let Err(i) = self.modifiers.binary_search(&key) {
            self.modifiers.insert(i, key);
        }
    }

    /// Is this mention a modifier of a noun ("Russian" in "Russian President Vladimir Putin")?
    pub fn is_modifier(&self, m: &EntityMention) -> bool {
        self.modifiers.binary_search(&(m.field, m.start)).is_ok()
    }

    /// Where the noun phrase of a mention starts (its title and affiliation words included).
    pub fn np_start_of(&self, m: &EntityMention) -> usize {
        let key = (m.field, m.start);
        match self.np_start.binary_search_by(|e| e.0.cmp(&key)) {
            Ok(i) => self.np_start[i].1,
            Err(_) => m.start,
        }
    }

    /// The entity a name-like surface form refers to: a full name, alias, surname or
    /// "Mr. Surname". Case-sensitive on names. `None` when two people share the surname
    /// (see [`Entities::resolve_name_at`]).
    pub fn resolve_name(&self, surface: &str) -> Option<EntityId> {
        let s = strip_honorific(surface.trim());
        if s.is_empty() {
            return None;
        }
        if let Some(i) = self.list.iter().position(|e| e.name == s) {
            return Some(i);
        }
        if let Some(i) = self.list.iter().position(|e| e.aliases.iter().any(|a| a == s)) {
            return Some(i);
        }
        let hits = self.name_candidates(s);
        (hits.len() == 1).then(|| hits[0])
    }

    /// Like [`Entities::resolve_name`], judged at char `pos` of `field`: when several
    /// people share a surname, the one mentioned nearest before wins.
    pub fn resolve_name_at(&self, surface: &str, field: Field, pos: usize) -> Option<EntityId> {
        let s = strip_honorific(surface.trim());
        if let Some(i) = self.list.iter().position(|e| e.name == s) {
            return Some(i);
        }
        let hits = self.name_candidates(s);
        match hits.len() {
            0 => self.list.iter().position(|e| e.aliases.iter().any(|a| a == s)),
            1 => Some(hits[0]),
            _ => self.nearest_of(&hits, field, pos),
        }
    }

    /// People whose name ends with (surname) or, failing that, starts with (given name) `s`.
    fn name_candidates(&self, s: &str) -> Vec<EntityId> {
        if s.is_empty() || s.contains(' ') {
            // "Donald J. Trump" against "Donald Trump": first and last words
            let w: Vec<&str> = s.split(' ').collect();
            if w.len() >= 2 {
                // "Donald J. Trump" ~ "Donald Trump"; "Supervisor Jane Kim" ~ "Jane Kim"
                return (0..self.list.len())
                    .filter(|&i| {
                        let e = &self.list[i];
                        // every test below needs the same last word: check it before splitting
                        if e.kind != StakeholderKind::Person || e.name.rsplit(' ').next() != w.last().copied() {
                            return false;
                        }
                        let n: Vec<&str> = e.name.split(' ').collect();
                        // "De Zerbi" at a sentence's start ~ "Roberto de Zerbi": a particle's case
                        // is the sentence's, not the name's
                        let suffix = |a: &[&str], b: &[&str]| {
                            a.len() >= 2 && a.len() < b.len() && b[b.len() - a.len()..].iter().zip(a).all(|(x, y)| x == y || (is_particle(&x.lower()) && x.lower() == y.lower()))
                        };
                        e.kind == StakeholderKind::Person
                            && n.len() >= 2
                            && ((n.first() == w.first() && n.last() == w.last()) || suffix(&n, &w) || suffix(&w, &n))
                    })
                    .collect();
            }
            return Vec::new();
        }
        let person = |i: &EntityId| self.list[*i].kind == StakeholderKind::Person;
        let sur: Vec<EntityId> = (0..self.list.len())
            .filter(person)
            .filter(|&i| {
                let n = &self.list[i].name;
                n.contains(' ') && n.split(' ').next_back() == Some(s)
            })
            .collect();
        if !sur.is_empty() {
            return sur;
        }
        (0..self.list.len())
            .filter(person)
            .filter(|&i| {
                let n = &self.list[i].name;
                n.contains(' ') && n.split(' ').next() == Some(s)
            })
            .collect()
    }

    /// Of `cands`, the one mentioned nearest before `pos` (else the most mentioned).
    fn nearest_of(&self, cands: &[EntityId], field: Field, pos: usize) -> Option<EntityId> {
        if let Some(m) = self.mentions_before(field, pos).find(|m| cands.contains(&m.entity)) {
            return Some(m.entity);
        }
        cands.iter().copied().max_by_key(|&c| (self.mentions.iter().filter(|m| m.entity == c).count(), usize::MAX - c))
    }

    /// The entity a description refers to ("the minister", "the US vice president",
    /// "the alliance"), judged at char `pos` of `field` (the nearest fitting entity
    /// before it wins, else the most mentioned one).
    pub fn resolve_description(&self, desc: &str, field: Field, pos: usize) -> Option<EntityId> {
        let d = desc.trim();
        let d = d.strip_prefix("the ").or_else(|| d.strip_prefix("The ")).unwrap_or(d).trim();
        if d.is_empty() {
            return None;
        }
        let lower = d.lower();
        // organisations by their description nouns
        let org_hits: Vec<EntityId> = (0..self.list.len())
            .filter(|&i| {
                ORGS.iter().any(|o| o.name == self.list[i].name && o.descriptions.iter().any(|x| lower == *x || lower.ends_with(&format!(" {x}"))))
            })
            .collect();
        if !org_hits.is_empty() {
            return self.nearest_of(&org_hits, field, pos);
        }
        let (mod_words, title) = title_split(&lower)?;
        let mods: Vec<EntityId> = self.modifier_entities(&mod_words);
        let hits: Vec<EntityId> = (0..self.list.len()).filter(|&i| self.holds_title(i, &title, &mods)).collect();
        if hits.is_empty() {
            return None;
        }
        self.nearest_of(&hits, field, pos)
    }

    /// Lexicon entities named in a lower-case modifier string ("us", "russian", "nato").
    fn modifier_entities(&self, s: &str) -> Vec<EntityId> {
        let mut out = Vec::new();
        for w in s.split(' ').filter(|w| !w.is_empty()) {
            for (i, e) in self.list.iter().enumerate() {
                if e.kind != StakeholderKind::Person && e.aliases.iter().chain(std::iter::once(&e.name)).any(|a| a.lower() == w) {
                    out.push(i);
                }
            }
        }
        out
    }

    /// Does entity `i` hold a role whose title is `title` (or ends with it: "minister"
    /// fits "foreign minister", "president" does not fit "vice president"), affiliated
    /// with all of `mods`?
    fn holds_title(&self, i: EntityId, title: &str, mods: &[EntityId]) -> bool {
        let e = &self.list[i];
        let Some((role, _)) = &e.role else { return false };
        let r = role.lower();
        let Some(rt) = title_suffix(&r) else { return false };
        let fits = rt == title
            || (rt.ends_with(&format!(" {title}"))
                && !matches!(rt.split(' ').next(), Some("vice" | "deputy" | "assistant" | "former" | "lt." | "lieutenant" | "under")));
        fits && mods.iter().all(|m| e.affiliations.contains(m) || r.contains(&self.list[*m].name.lower()))
    }

    fn entity_for_lex(&mut self, key: LexKey, cache: &mut LexCache) -> EntityId {
        if let Some(&id) = cache.get(&key) {
            return id;
        }
        let (name, kind, country) = match key {
            LexKey::Country(i) => (COUNTRIES[i].name, StakeholderKind::Country, None),
            LexKey::Org(i) => (ORGS[i].name, ORGS[i].kind, ORGS[i].country),
        };
        let id = self.add_entity(Entity { name: name.to_string(), kind, role: None, aliases: vec![], affiliations: vec![], gender: None });
        cache.insert(key, id);
        if let Some(cn) = country {
            if let Some(ci) = COUNTRIES.iter().position(|c| c.name == cn) {
                let cid = self.entity_for_lex(LexKey::Country(ci), cache);
                self.list[id].affiliations.push(cid);
            }
        }
        id
    }

    fn add_alias(&mut self, id: EntityId, a: &str) {
        let a = a.trim();
        if !a.is_empty() && !self.list[id].aliases.iter().any(|x| x == a) {
            self.list[id].aliases.push(a.to_string());
        }
    }

    fn affiliate(&mut self, id: EntityId, to: EntityId) {
        if id != to && !self.list[id].affiliations.contains(&to) {
            self.list[id].affiliations.push(to);
        }
    }
}

/// The longest title (from the lexicon) a lower-case role or description ends with.
/// Abbreviated and variant titles written out, so "Sen." fits "the senator".
fn expand_title_word(w: &str) -> &str {
    match w {
        "sen." => "senator",
        "rep." => "representative",
        "gov." => "governor",
        "gen." => "general",
        "prof." => "professor",
        "adm." => "admiral",
        "col." => "colonel",
        "lt." => "lieutenant",
        "capt." => "captain",
        "sgt." => "sergeant",
        "dr." => "doctor",
        "vice-president" => "vice president",
        "secretary-general" => "secretary general",
        "advisor" => "adviser",
        "frontrunner" => "front-runner",
        "spokeswoman" | "spokesperson" => "spokesman",
        "congresswoman" => "congressman",
        "chairwoman" | "chairperson" | "chair" => "chairman",
        "defense" => "defence",
        _ => w,
    }
}

/// The longest title (from the lexicon) a lower-case role or description ends with,
/// written out ("sen." -> "senator").
fn title_suffix(lower: &str) -> Option<String> {
    title_split(lower).map(|(_, t)| t)
}

/// A lower-case role or description split into its modifier words and its (written out)
/// title: "us vice president" -> ("us", "vice president").
fn title_split(lower: &str) -> Option<(String, String)> {
    let words: Vec<&str> = lower.split(' ').filter(|w| !w.is_empty()).collect();
    for k in 0..words.len() {
        let tail = words[k..].join(" ");
        if lexicon::TITLES.contains(&tail.as_str()) || tail.strip_prefix("co-").is_some_and(|t| lexicon::TITLES.contains(&t)) {
            let norm: Vec<&str> = words[k..].iter().map(|w| expand_title_word(w)).collect();
            return Some((words[..k].join(" "), norm.join(" ")));
        }
    }
    None
}

pub fn strip_honorific(s: &str) -> &str {
    const H: &[&str] = &["Mr.", "Mrs.", "Ms.", "Dr.", "Mr", "Mrs", "Ms", "Dr", "Sen.", "Rep.", "Gov.", "Prof.", "Sir", "Dame", "Lord", "Lady", "Miss"];
    for h in H {
        if let Some(rest) = s.strip_prefix(h) {
            if rest.starts_with(' ') {
                return rest.trim_start();
            }
        }
    }
    s
}

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

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum LexHit {
    Entity(LexKey, MentionForm),
    Place,
}

struct Phrase {
    toks: Vec<String>,
    hit: LexHit,
}

struct Index {
    /// Names, by first token (case-sensitive).
    names: HashMap<String, Vec<Phrase>>,
    /// Titles, by first token (lower case).
    titles: HashMap<String, Vec<Vec<String>>>,
}

fn index() -> &'static Index {
    static I: OnceLock<Index> = OnceLock::new();
    I.get_or_init(|| {
        let mut names: HashMap<String, Vec<Phrase>> = HashMap::new();
        let mut add = |p: &str, hit: LexHit| {
            let toks: Vec<String> = p.split(' ').map(str::to_string).collect();
            if let Some(f) = toks.first() {
                names.entry(f.clone()).or_default().push(Phrase { toks, hit });
            }
        };
        for (i, c) in COUNTRIES.iter().enumerate() {
            let k = LexKey::Country(i);
            add(c.name, LexHit::Entity(k, MentionForm::FullName));
            for a in c.aliases {
                let form = if a.chars().filter(|c| c.is_uppercase()).count() >= 2 && !a.contains(' ') { MentionForm::Acronym } else { MentionForm::FullName };
                add(a, LexHit::Entity(k, form));
            }
            for a in c.capitals {
                add(a, LexHit::Entity(k, MentionForm::Capital));
            }
            for a in c.demonyms {
                add(a, LexHit::Entity(k, MentionForm::Demonym));
            }
        }
        for (i, o) in ORGS.iter().enumerate() {
            let k = LexKey::Org(i);
            let bare = o.name.strip_prefix("the ").unwrap_or(o.name);
            add(bare, LexHit::Entity(k, MentionForm::FullName));
            for a in o.aliases {
                let form = if a.chars().filter(|c| c.is_uppercase()).count() >= 2 && !a.contains(' ') { MentionForm::Acronym } else { MentionForm::FullName };
                add(a, LexHit::Entity(k, form));
            }
            for a in o.adjectives {
                add(a, LexHit::Entity(k, MentionForm::Demonym));
            }
        }
        for p in lexicon::PLACES {
            add(p, LexHit::Place);
        }
        let mut titles: HashMap<String, Vec<Vec<String>>> = HashMap::new();
        for t in lexicon::TITLES.iter().chain(lexicon::TITLE_MODIFIERS) {
            let toks: Vec<String> = t.split(' ').map(str::to_string).collect();
            if let Some(f) = toks.first() {
                titles.entry(f.clone()).or_default().push(toks);
            }
        }
        Index { names, titles }
    })
}

// ---------------------------------------------------------------------------------------
// pass 1: scan

#[derive(Clone, Copy, Debug, PartialEq)]
enum ItemKind {
    Lex(LexHit),
    /// A title or title modifier; `true` when it is a title proper (not just "former").
    Title(bool),
    Honorific(Option<bool>),
    /// A run of capitalised words.
    Name,
}

#[derive(Clone, Copy, Debug)]
struct Item {
    /// Token range `[a, b)`.
    a: usize,
    b: usize,
    /// Char range (possessive `’s` excluded).
    start: usize,
    end: usize,
    kind: ItemKind,
}

/// Token text without a possessive `’s` / `'s` (and the char length kept).
fn bare(ft: &FieldText, t: &Token) -> String {
    let s = ft.token_text(t);
    for suf in ["’s", "'s", "’S", "'S"] {
        if let Some(x) = s.strip_suffix(suf) {
            if !x.is_empty() {
                return x.to_string();
            }
        }
    }
    s
}

fn is_word(t: &Token) -> bool {
    t.kind == TokenKind::Word
}

fn is_cap(ft: &FieldText, t: &Token) -> bool {
    t.kind == TokenKind::Word && ft.chars.get(t.start).is_some_and(|c| c.is_uppercase())
}

/// Tokens `i` and `i+1` are separated by exactly one space (no punctuation, no line break).
fn adjacent(ft: &FieldText, i: usize) -> bool {
    match (ft.tokens.get(i), ft.tokens.get(i + 1)) {
        (Some(a), Some(b)) => b.start == a.end + 1 && ft.chars.get(a.end) == Some(&' '),
        _ => false,
    }
}

fn has_possessive(ft: &FieldText, t: &Token) -> bool {
    let s = ft.token_text(t);
    s.ends_with("’s") || s.ends_with("'s") || s.ends_with("’S") || s.ends_with("'S")
}

/// Longest lexicon name match at token `i`: (token count, hit, char end).
fn match_name(ft: &FieldText, i: usize) -> Option<(usize, LexHit, usize)> {
    let idx = index();
    let t = ft.tokens.get(i)?;
    if !is_word(t) {
        return None;
    }
    let first_full = ft.token_text(t);
    let first_bare = bare(ft, t);
    let cands = idx.names.get(&first_bare).into_iter().chain(idx.names.get(&first_full)).flatten();
    let mut best: Option<(usize, LexHit, usize)> = None;
    for p in cands {
        let n = p.toks.len();
        if i + n > ft.tokens.len() || best.is_some_and(|(b, _, _)| b >= n) {
            continue;
        }
        let mut ok = true;
        for k in 0..n {
            if k > 0 && !adjacent(ft, i + k - 1) {
                ok = false;
                break;
            }
            let tk = &ft.tokens[i + k];
            let last = k + 1 == n;
            // a possessive is allowed on the last token only
            let txt = if last { bare(ft, tk) } else { ft.token_text(tk) };
            if txt != p.toks[k] && !(last && ft.token_text(tk) == p.toks[k]) {
                ok = false;
                break;
            }
        }
        if ok {
            let lt = &ft.tokens[i + n - 1];
            let full = ft.token_text(lt);
            let end = if full == p.toks[n - 1] { lt.end } else { lt.start + bare(ft, lt).chars().count() };
            best = Some((n, p.hit, end));
        }
    }
    best
}

/// Longest title match at token `i` (case-insensitive): (token count, is a title proper).
fn match_title(ft: &FieldText, i: usize) -> Option<(usize, bool)> {
    let idx = index();
    let t = ft.tokens.get(i)?;
    if !is_word(t) {
        return None;
    }
    let first = bare(ft, t).lower();
    let mut best: Option<(usize, bool)> = None;
    // "co-anchor", "ex-minister"
    for pre in ["co-", "ex-", "vice-"] {
        if let Some(rest) = first.strip_prefix(pre) {
            if lexicon::TITLES.contains(&rest) {
                best = Some((1, true));
            }
        }
    }
    // "General-Secretary", "Vice-Chancellor": a hyphenated title written as one word
    if best.is_none() && first.contains('-') && (lexicon::TITLES.contains(&first.replace('-', " ").as_str()) || first.split('-').last().is_some_and(|p| lexicon::TITLES.contains(&p))) {
        best = Some((1, true));
    }
    for p in idx.titles.get(&first).into_iter().flatten() {
        let n = p.len();
        if i + n > ft.tokens.len() || best.is_some_and(|(b, _)| b >= n) {
            continue;
        }
        let ok = (0..n).all(|k| {
            (k == 0 || adjacent(ft, i + k - 1)) && {
                let tk = &ft.tokens[i + k];
                let txt = if k + 1 == n { bare(ft, tk) } else { ft.token_text(tk) };
                txt.lower() == p[k]
            }
        });
        if ok {
            let joined = p.join(" ");
            best = Some((n, lexicon::TITLES.contains(&joined.as_str())));
        }
    }
    best
}

fn honorific(ft: &FieldText, i: usize) -> Option<Option<bool>> {
    let t = ft.tokens.get(i)?;
    let s = ft.token_text(t);
    let g = lexicon::HONORIFICS.iter().find(|(h, _)| *h == s)?.1;
    // must precede a capitalised word
    let next = ft.tokens.get(i + 1)?;
    (is_cap(ft, next) && next.start <= t.end + 1).then_some(g)
}

/// A capitalised word that is not a name: sentence openers, pronouns and their
/// contractions ("I'll", "He's"), days, months.
fn not_name(w: &str) -> bool {
    if lexicon::NOT_NAME.contains(&w) {
        return true;
    }
    match w.find(['\'', '’']) {
        Some(p) => {
            let (base, rest) = w.split_at(p);
            let rest: String = rest.chars().skip(1).collect::<String>().lower();
            matches!(rest.as_str(), "ll" | "m" | "ve" | "d" | "re" | "s" | "t") && (lexicon::NOT_NAME.contains(&base) || matches!(base, "Let" | "Don" | "Can" | "Won" | "Isn" | "Didn" | "Doesn"))
        }
        None => false,
    }
}

/// Words in the not-a-name list that still end personal names ("Jack White", "Kanye West").
fn name_like(w: &str) -> bool {
    matches!(
        w,
        "Black" | "White" | "Western" | "North" | "South" | "East" | "West" | "Great" | "Good" | "Big" | "Old" | "New"
            | "Young" | "Christian" | "English" | "May" | "June" | "April" | "August" | "Will" | "Hope" | "Grace" | "Early"
            | "Little" | "Long" | "Price" | "Love" | "Rich" | "Strong" | "Wise" | "Sterling" | "Christmas" | "Ramadan"
            | "Jewish" | "Muslim" | "Catholic" | "Asian" | "Latino" | "Hispanic" | "Eastern" | "Northern" | "Southern"
    )
}

/// First words that make a capitalised run a place ("San Bernardino", "Fort Worth").
fn place_prefix(w: &str) -> bool {
    matches!(w, "San" | "Santa" | "Los" | "Las" | "Fort" | "Port" | "Mount" | "Lake" | "Saint" | "St." | "North" | "South" | "East" | "West" | "Upper" | "Lower" | "Greater")
}

/// Words after a name that do not make it a noun modifier ("Kyiv a guarantee", "Moscow has").
fn is_function_word(w: &str) -> bool {
    const F: &[&str] = &[
        "a", "an", "the", "to", "of", "in", "on", "at", "for", "from", "with", "by", "and", "or", "but", "is", "was",
        "are", "were", "has", "had", "have", "will", "would", "could", "should", "can", "may", "might", "must", "that",
        "which", "who", "as", "into", "over", "after", "before", "about", "its", "it", "his", "her", "their", "this",
        "these", "those", "not", "also", "be", "been", "did", "does", "do", "than", "if", "when", "while", "because",
        "so", "again", "too", "now", "then", "itself", "alone", "instead", "last", "next", "itself",
    ];
    F.contains(&w) || lexicon::REPORT_VERBS.contains(&w) || (w.ends_with("ed") && w.len() > 4) || w.ends_with("ly")
}

/// Are tokens `[a, b)` ("Halstrom Motors" in "Norvik and Halstrom Motors") written elsewhere
/// nearby without an "and" before them? Then they name an organisation of their own. (A window
/// of [`WIDE`] tokens on each side: bounded work.)
fn named_alone(ft: &FieldText, a: usize, b: usize) -> bool {
    let n = b - a;
    let words: Vec<String> = (a..b).map(|q| bare(ft, &ft.tokens[q])).collect();
    let lo = a.saturating_sub(WIDE);
    let hi = (b + WIDE).min(ft.tokens.len());
    (lo..hi.saturating_sub(n - 1)).any(|p| {
        p != a && (p == 0 || ft.token_text(&ft.tokens[p - 1]) != "and") && (0..n).all(|k| bare(ft, &ft.tokens[p + k]) == words[k])
    })
}

/// Does the name at `it` hold a common English word ([`lexicon::COMMON_WORDS`]) while no word
/// before its last is a given name and none is a particle?
fn common_word_name(ft: &FieldText, it: &Item) -> bool {
    // ("Health Stephen Donnelly": a portfolio before a person's name)
    if (it.a..it.b - 1).any(|q| lexicon::given_name_gender(&ft.token_text(&ft.tokens[q])).is_some()) {
        return false;
    }
    // ("Marine Le Pen", "Ursula von der Leyen": a particle marks a personal name)
    if (it.a..it.b).any(|q| is_particle(&ft.token_text(&ft.tokens[q]).lower())) {
        return false;
    }
    (it.a..it.b).any(|q| lexicon::COMMON_WORDS.contains(&bare(ft, &ft.tokens[q]).lower().as_str()))
}

fn is_particle(s: &str) -> bool {
    matches!(s, "de" | "van" | "von" | "der" | "den" | "bin" | "al" | "da" | "del" | "di" | "la" | "le" | "du" | "dos" | "ibn")
}

/// Is the field a title-case headline ("Trump Says Europe Must Lead")? Then capitalised
/// runs there are not names by themselves.
fn title_case(ft: &FieldText) -> bool {
    title_case_range(ft, 0, ft.tokens.len())
}

/// Does token `i` start a sentence (or follow an opening quote or dash at its start)?
fn sentence_initial(ft: &FieldText, i: usize) -> bool {
    let Some(t) = ft.tokens.get(i) else { return false };
    let Some(si) = ft.sentence_at(t.start) else { return i == 0 };
    let Some(s) = ft.sentences.get(si) else { return false };
    let first_word = ft.tokens.iter().skip(ft.token_index_at(s.start)).find(|x| x.kind != TokenKind::Punct);
    first_word.is_some_and(|x| x.start == t.start)
}

/// Title case over tokens `[a, b)`.
fn title_case_range(ft: &FieldText, a: usize, b: usize) -> bool {
    let words: Vec<&Token> = ft.tokens[a.min(b)..b.min(ft.tokens.len())].iter().filter(|t| is_word(t)).collect();
    if words.len() < 4 {
        return false;
    }
    // a lower-case word other than a short function word means ordinary prose
    // ("French President Emmanuel Macron met German Chancellor Olaf Scholz")
    const SMALL: &[&str] = &["a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "by", "with", "as", "vs", "vs.", "from", "per", "via"];
    if words.iter().any(|t| !is_cap(ft, t) && t.kind == TokenKind::Word && !SMALL.contains(&ft.token_text(t).lower().as_str())) {
        return false;
    }
    let caps = words.iter().filter(|t| is_cap(ft, t)).count();
    caps * 10 >= words.len() * 7
}

fn scan(ft: &FieldText) -> Vec<Item> {
    let n = ft.tokens.len();
    let mut items = Vec::new();
    let mut i = 0;
    while i < n {
        let t = ft.tokens[i];
        if !is_word(&t) {
            i += 1;
            continue;
        }
        let lex = match_name(ft, i);
        let title = match_title(ft, i);
        if let Some(g) = honorific(ft, i) {
            items.push(Item { a: i, b: i + 1, start: t.start, end: t.end, kind: ItemKind::Honorific(g) });
            i += 1;
            continue;
        }
        if let Some((len, hit, end)) = lex {
            let tl = title.map(|x| x.0).unwrap_or(0);
            // "Paris Hilton", "Washington Redskins": a one-word place name followed by a
            // capitalised non-lexicon word starts a name instead
            let given = lexicon::given_name_gender(&ft.token_text(&t)).is_some();
            let single_place = len == 1
                && (matches!(hit, LexHit::Entity(_, MentionForm::Capital) | LexHit::Place) || given)
                && adjacent(ft, i)
                && !has_possessive(ft, &t)
                && ft.tokens.get(i + 1).is_some_and(|u| is_cap(ft, u))
                && match_name(ft, i + 1).is_none()
                && match_title(ft, i + 1).is_none();
            // "Fox Sports", "Delta Airlines", "West Yorkshire Police": a one-word lexicon name
            // at the start of a capitalised run that ends in an organisation's head
            let org_next = len == 1
                && !has_possessive(ft, &t)
                && (1..=3).any(|k| {
                    (0..k).all(|m| adjacent(ft, i + m) && ft.tokens.get(i + m + 1).is_some_and(|u| is_cap(ft, u) && !has_possessive(ft, u) || m + 1 == k))
                        && ft.tokens.get(i + k).is_some_and(|u| is_cap(ft, u) && org_head(&bare(ft, u)).is_some())
                        && (k > 1 || match_name(ft, i + 1).is_none())
                });
            if len >= tl && !single_place && !org_next {
                let last = ft.tokens[i + len - 1];
                items.push(Item { a: i, b: i + len, start: t.start, end: end.min(last.end), kind: ItemKind::Lex(hit) });
                i += len;
                continue;
            }
        }
        // "Premier League", "General Assembly", "Chief Rabbi Office": a capitalised title word
        // at the start of a capitalised run that ends in an organisation's head names the
        // organisation (a run of up to three more words, none a possessive)
        let title = title.filter(|&(len, _)| {
            !(is_cap(ft, &t)
                && (len..len + 3).any(|k| {
                    (0..k).all(|m| adjacent(ft, i + m) && ft.tokens.get(i + m + 1).is_some_and(|u| is_cap(ft, u) && !has_possessive(ft, &ft.tokens[i + m])))
                        && ft.tokens.get(i + k).is_some_and(|u| org_head(&bare(ft, u)).is_some())
                }))
        });
        if let Some((len, proper)) = title {
            let last = ft.tokens[i + len - 1];
            let end = last.start + bare(ft, &last).chars().count();
            items.push(Item { a: i, b: i + len, start: t.start, end, kind: ItemKind::Title(proper) });
            i += len;
            continue;
        }
        if is_cap(ft, &t) && not_name(&ft.token_text(&t)) && !name_like(&ft.token_text(&t)) {
            i += 1;
            continue;
        }
        if is_cap(ft, &t) {
            // a run of capitalised words (with particles and initials)
            let mut j = i;
            loop {
                let tj = ft.tokens[j];
                // "the National Farmers' Union", "the People's Party": a possessive inside an
                // organisation's name, right before its head
                let inner_possessive = has_possessive(ft, &tj)
                    && adjacent(ft, j)
                    && ft.tokens.get(j + 1).is_some_and(|u| is_cap(ft, u) && org_head(&bare(ft, u)).is_some());
                if has_possessive(ft, &tj) && !inner_possessive {
                    j += 1;
                    break;
                }
                // the plural form: "Farmers’ Union" (the apostrophe is a token of its own)
                let plural_possessive = ft.tokens.get(j + 1).is_some_and(|ap| ap.start == tj.end && ap.end == tj.end + 1 && matches!(ft.chars[ap.start], '’' | '\''))
                    && adjacent(ft, j + 1)
                    && ft.tokens.get(j + 2).is_some_and(|u| is_cap(ft, u) && org_head(&bare(ft, u)).is_some());
                if plural_possessive {
                    j += 2;
                    continue;
                }
                if !adjacent(ft, j) {
                    j += 1;
                    break;
                }
                let nx = ft.tokens[j + 1];
                let nx_txt = ft.token_text(&nx);
                // "Brighton & Hove Albion", "Marks & Spencer": an ampersand between capitalised
                // words joins one name
                if nx_txt == "&" && adjacent(ft, j + 1) && ft.tokens.get(j + 2).is_some_and(|u| is_cap(ft, u)) {
                    j += 2;
                    continue;
                }
                // "Millbrook Residents Association": a common word inside an organisation's name
                let org_next = adjacent(ft, j + 1) && ft.tokens.get(j + 2).is_some_and(|u| is_cap(ft, u) && org_head(&bare(ft, u)).is_some());
                // "West Yorkshire Police": an organisation's head ends the name even when alone
                // it is a common sentence opener ("Police said ...")
                let head_next = org_head(&bare(ft, &nx)).is_some();
                if is_cap(ft, &nx) && not_name(&nx_txt) && !name_like(&nx_txt) && !org_next && !head_next {
                    j += 1;
                    break;
                }
                // "the High Court Amraphael Mbogholi Msagha": an organisation's head followed by
                // a personal name (a given name, or two words that are no common word, head or
                // lexicon name) ends the organisation's name
                let personal_next = org_head(&bare(ft, &tj)).is_some() && is_cap(ft, &nx) && {
                    let plain = |q: usize| {
                        ft.tokens.get(q).is_some_and(|u| {
                            let w = bare(ft, u);
                            is_cap(ft, u) && !lexicon::COMMON_WORDS.contains(&w.lower().as_str()) && org_head(&w).is_none() && match_name(ft, q).is_none()
                        })
                    };
                    lexicon::given_name_gender(&nx_txt).is_some() || (plain(j + 1) && adjacent(ft, j + 1) && plain(j + 2))
                };
                if personal_next {
                    j += 1;
                    break;
                }
                if is_cap(ft, &nx) && !(match_title(ft, j + 1).is_some_and(|x| x.1) && j + 1 > i) {
                    j += 1;
                    continue;
                }
                // "Bank of England", "National Union of Metalworkers of South Africa": "of"
                // inside an organisation's name, after its head word or further on
                let org_of = nx_txt == "of" && (org_head(&ft.token_text(&tj)).is_some() || (j > i && (i..j).any(|q| org_head(&bare(ft, &ft.tokens[q])).is_some()) && (i..=j).filter(|&q| ft.token_text(&ft.tokens[q]) == "of").count() < 2));
                // "the National Water Conservation and Pipeline Corporation", "the Food and Drug
                // Administration": "and" inside an organisation's name, when the words after it
                // end in an organisation's head and the words before are no person's name
                let org_and = nx_txt == "and"
                    && org_head(&bare(ft, &tj)).is_none()
                    && lexicon::given_name_gender(&ft.token_text(&ft.tokens[i])).is_none()
                    && (j + 2..j + 5).any(|h| {
                        (j + 2..=h).all(|q| ft.tokens.get(q).is_some_and(|u| is_cap(ft, u) && !has_possessive(ft, u) && match_name(ft, q).is_none()) && (q == h || adjacent(ft, q)))
                            && org_head(&bare(ft, &ft.tokens[h])).is_some()
                            && !named_alone(ft, j + 2, h + 1)
                    });
                if (is_particle(&nx_txt) || org_of || org_and) && ft.tokens.get(j + 2).is_some_and(|u| is_cap(ft, u)) && adjacent(ft, j + 1) {
                    j += 2;
                    continue;
                }
                j += 1;
                break;
            }
            // leading words that are not names ("The", or a sentence-opening verb such as
            // "Continued" or "Speaking")
            // ("West Yorkshire Police": a name-like word stays at the start of an organisation)
            let org_run = org_head(&bare(ft, &ft.tokens[j - 1])).is_some();
            let mut a = i;
            while a < j && not_name(&ft.token_text(&ft.tokens[a])) && !(name_like(&ft.token_text(&ft.tokens[a])) && (a + 1 == j || org_run)) {
                a += 1;
            }
            if a + 1 < j && sentence_initial(ft, a) {
                let w = ft.token_text(&ft.tokens[a]);
                let lw = w.lower();
                let verbish = w.chars().count() > 4 && (lw.ends_with("ed") || lw.ends_with("ing") || lw.ends_with("ly"));
                if verbish && lexicon::given_name_gender(&w).is_none() {
                    a += 1;
                }
            }
            if a < j {
                let last = ft.tokens[j - 1];
                let end = last.start + bare(ft, &last).chars().count();
                items.push(Item { a, b: j, start: ft.tokens[a].start, end, kind: ItemKind::Name });
            }
            i = j.max(i + 1);
            continue;
        }
        i += 1;
    }
    items
}

/// Is the Name item `k` one of a list of three or more names joined by commas and a final
/// "and"/"or" ("Johnstone North, Kilbarchan, Howwood and Lochwinnoch"), none of them starting
/// with a given name or standing after a title or honorific? Such lists name places or areas.
fn name_list_of_places(ft: &FieldText, items: &[Item], k: usize) -> bool {
    let joiner = |a: &Item, b: &Item| {
        let between: Vec<String> = (a.b..b.a).map(|q| ft.token_text(&ft.tokens[q])).collect();
        matches!(between.iter().map(String::as_str).collect::<Vec<_>>().as_slice(), [","] | ["and"] | ["or"] | [",", "and"] | [",", "or"])
    };
    let personal = |it: &Item| {
        it.kind != ItemKind::Name || lexicon::given_name_gender(&ft.token_text(&ft.tokens[it.a])).is_some() || has_possessive(ft, &ft.tokens[it.b - 1])
    };
    if personal(&items[k]) {
        return false;
    }
    let (mut lo, mut hi) = (k, k);
    while lo > 0 && !personal(&items[lo - 1]) && joiner(&items[lo - 1], &items[lo]) {
        lo -= 1;
    }
    while hi + 1 < items.len() && !personal(&items[hi + 1]) && joiner(&items[hi], &items[hi + 1]) {
        hi += 1;
    }
    // the list ends with "and"/"or" before its last member, and nothing titled opens it
    let ends_and = hi > lo && {
        let w = ft.token_text(&ft.tokens[items[hi].a - 1]);
        w == "and" || w == "or"
    };
    let titled = lo > 0 && matches!(items[lo - 1].kind, ItemKind::Title(_) | ItemKind::Honorific(_)) && items[lo - 1].b == items[lo].a;
    hi - lo >= 2 && ends_and && !titled
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

/// Tokens searched on each side of a word for other uses of it (bounded work per word).
const WIDE: usize = 3000;

/// "the campaign group Open Rivers", "the company Nvidia": a lower-case noun for an
/// organisation right before a name makes the name an organisation.
fn org_noun_before(ft: &FieldText, a: usize) -> Option<StakeholderKind> {
    let w = ft.tokens.get(a.checked_sub(1)?).map(|t| ft.token_text(t))?;
    if matches!(w.as_str(), "at" | "for") {
        // "analysts at Barclays", "a spokesman for Harlow": people work at organisations
        let role = ft.tokens.get(a.checked_sub(2)?).map(|t| ft.token_text(t).lower())?;
        let single = role.strip_suffix('s').unwrap_or(&role);
        let works = lexicon::TITLES.contains(&role.as_str()) || lexicon::TITLES.contains(&single) || matches!(single, "employee" | "staff" | "worker" | "engineer");
        let speaks = matches!(single, "spokesman" | "spokeswoman" | "spokesperson");
        return ((w == "at" && works && !speaks) || (w == "for" && speaks)).then_some(StakeholderKind::Organisation);
    }
    org_noun(&w)
}

/// The kind of organisation a lower-case noun stands for ("union", "newspaper").
fn org_noun(w: &str) -> Option<StakeholderKind> {
    if lexicon::ORG_NOUNS.contains(&w) {
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

    /// Pass 2: titled names, multi-word names and appositive roles.
    fn named(&mut self, f: usize) {
        let items = self.items[f];
        let mut memo = Vec::new();
        let caps: Vec<bool> = items.iter().map(|it| it.kind == ItemKind::Name && self.caps_line(f, it, &mut memo)).collect();
        // names in ordinary sentences first; title-case lines only reuse them
        for k in 0..items.len() {
            if !caps[k] {
                self.named_item(f, k, false);
            }
        }
        for k in 0..items.len() {
            if caps[k] {
                self.named_item(f, k, true);
            }
        }
    }

    fn named_item(&mut self, f: usize, k: usize, headline_caps: bool) {
        let ft = self.ft(f);
        let items = self.items[f];
        {
            let it = &items[k];
            if it.kind != ItemKind::Name || self.used[f][k] {
                return;
            }
            // "represents Johnstone North, Kilbarchan, Howwood and Lochwinnoch": a list of three or
            // more names none of which is a person's (no given name, no title) names places
            if name_list_of_places(ft, items, k) {
                self.used[f][k] = true;
                return;
            }
            // "Acme Widgets chief executive Jane Roe": the name before a title and a name is
            // the employer, settled with the person (see `employer`), not a person of its own
            let joined = |a: &Item, b: &Item| a.b == b.a && adjacent(ft, a.b - 1);
            if it.b - it.a >= 2
                && lexicon::given_name_gender(&ft.token_text(&ft.tokens[it.a])).is_none()
                && !has_possessive(ft, &ft.tokens[it.b - 1])
                && (k == 0 || !matches!(items[k - 1].kind, ItemKind::Honorific(_)) || !joined(&items[k - 1], it))
                && items.get(k + 1).is_some_and(|t| matches!(t.kind, ItemKind::Title(true)) && joined(it, t))
                && items.get(k + 2).is_some_and(|n| n.kind == ItemKind::Name && joined(&items[k + 1], n))
            {
                return;
            }
            // the prefix: modifiers, titles, honorific directly before the name
            let mut p = k;
            let mut has_title = false;
            let mut honor: Option<Option<bool>> = None;
            let mut owner: Option<Span> = None;
            while p > 0 {
                let prev = items[p - 1];
                let joined = prev.b == items[p].a && (prev.b == 0 || adjacent(ft, prev.b - 1));
                if !joined {
                    break;
                }
                if has_possessive(ft, &ft.tokens[prev.b - 1]) {
                    // "Poland’s president Andrzej Duda": the state or organisation whose office it is
                    if has_title && matches!(prev.kind, ItemKind::Lex(LexHit::Entity(..))) {
                        p -= 1;
                    }
                    // "Te Papa's Senior Science Curator Susan Waugh", "Trump's spokesman Sam Lee":
                    // the owner of the title, settled once every name is known
                    if has_title && prev.kind == ItemKind::Name {
                        owner = Some(Span::new(ft.field, prev.start, prev.end));
                    }
                    break;
                }
                match prev.kind {
                    ItemKind::Title(pr) => has_title |= pr,
                    ItemKind::Honorific(g) if p == k => honor = Some(g),
                    ItemKind::Lex(LexHit::Entity(..)) if has_title => {}
                    // "Business Secretary", "Health Minister": a portfolio before the title
                    ItemKind::Name
                        if has_title
                            && prev.b - prev.a == 1
                            && matches!(items[p].kind, ItemKind::Title(true))
                            && matches!(ft.slice(items[p].start, items[p].end).lower().as_str(), "secretary" | "minister" | "commissioner") => {}
                    // "Pfizer chief executive Jane Roe", "Trump adviser Sam Lee": the employer
                    // or principal named by one word before the title (resolved below)
                    // ("Acme Widgets chief executive Jane Roe": a longer name whose first word is no
                    // given name)
                    ItemKind::Name if has_title && (prev.b - prev.a == 1 || (prev.b - prev.a <= 5 && lexicon::given_name_gender(&ft.token_text(&ft.tokens[prev.a])).is_none())) && (p..k).all(|q| matches!(items[q].kind, ItemKind::Title(_))) && matches!(items[k - 1].kind, ItemKind::Title(true)) && !(sentence_initial(ft, prev.a) && {
                        let w = ft.token_text(&ft.tokens[prev.a]).lower();
                        w.ends_with("ly") || w.ends_with("ed") || w.ends_with("ing")
                    }) => {}
                    _ => break,
                }
                p -= 1;
            }
            // trim leading modifiers that are not followed by a title
            let name = name_text(ft, it);
            let words = it.b - it.a;
            let last_bare = bare(ft, &ft.tokens[it.b - 1]);
            if words >= 2 || has_title || honor.is_some() {
                let head_kind = org_head(&last_bare)
                    .or_else(|| (it.a..it.b).find_map(|q| org_head(&ft.token_text(&ft.tokens[q])).filter(|_| q + 1 < it.b && ft.token_text(&ft.tokens[q + 1]) == "of")))
                    .or_else(|| {
                        // not a person's name ("a spokesman for Elena Brandt")
                        let person = lexicon::given_name_gender(&ft.token_text(&ft.tokens[it.a])).is_some()
                            || self.ents.resolve_name(&name).is_some_and(|i| self.ents.list[i].kind == StakeholderKind::Person);
                        let after_for = it.a > 0 && ft.token_text(&ft.tokens[it.a - 1]) == "for";
                        org_noun_before(ft, it.a).filter(|_| !person && !after_for)
                    });
                let all_caps = words >= 2 && (it.a..it.b).all(|q| ft.token_text(&ft.tokens[q]).chars().all(|c| !c.is_lowercase()));
                if all_caps && !has_title && honor.is_none() {
                    self.used[f][k] = true;
                    return;
                }
                if let Some(kind) = head_kind.filter(|_| !has_title && honor.is_none()) {
                    if words >= 2 && !headline_caps {
                        let id = self.ents.resolve_name(&name).filter(|&i| self.ents.list[i].kind != StakeholderKind::Person).unwrap_or_else(|| {
                            self.ents.add_entity(Entity { name: name.clone(), kind, role: None, aliases: vec![], affiliations: vec![], gender: None })
                        });
                        self.mention(f, it.start, it.end, id, MentionForm::FullName);
                        self.used[f][k] = true;
                    }
                    return;
                }
                let first_word = ft.token_text(&ft.tokens[it.a]);
                if (lexicon::NON_ACTOR_HEADS.contains(&last_bare.as_str()) || (words >= 2 && place_prefix(&first_word))) && !has_title && honor.is_none() {
                    self.used[f][k] = true;
                    return;
                }
                if headline_caps {
                    // a title-case line only names people known from elsewhere
                    if let Some(id) = self.ents.resolve_name_at(&name, ft.field, it.start).filter(|&i| self.ents.list[i].kind == StakeholderKind::Person) {
                        let form = if words >= 2 { MentionForm::FullName } else { MentionForm::Surname };
                        if self.mention(f, it.start, it.end, id, form) {
                            self.used[f][k] = true;
                        }
                    }
                    return;
                }
                // "Virgin Media", "Federal Government", "Tangalooma Island Resort": a name with
                // no given name, title or honorific that holds a common English word is no
                // personal name ("Murtala Nyako", "Rebel Wilson" are)
                if !has_title && honor.is_none() && words >= 2 && common_word_name(ft, it) && !self.ents.resolve_name(&name).is_some_and(|i| self.ents.list[i].kind == StakeholderKind::Person) {
                    let id = self.ents.resolve_name(&name).unwrap_or_else(|| {
                        self.ents.add_entity(Entity { name: name.clone(), kind: StakeholderKind::Organisation, role: None, aliases: vec![], affiliations: vec![], gender: None })
                    });
                    self.mention(f, it.start, it.end, id, MentionForm::FullName);
                    self.used[f][k] = true;
                    return;
                }
                let want = match honor {
                    Some(Some(true)) => Some(Gender::Male),
                    Some(Some(false)) => Some(Gender::Female),
                    _ => None,
                };
                let id = self.person_g(&name, f, it.start, want);
                if want.is_some() && self.ents.list[id].gender.is_none() {
                    self.ents.list[id].gender = want;
                }
                let form = if honor.is_some() { MentionForm::Honorific } else if words >= 2 { MentionForm::FullName } else { MentionForm::Surname };
                let mstart = if honor.is_some() { items[k - 1].start } else { it.start };
                if self.mention(f, mstart, it.end, id, form) {
                    self.used[f][k] = true;
                    if honor.is_some() {
                        self.used[f][k - 1] = true;
                    }
                }
                let field = ft.field;
                if p < k {
                    self.ents.set_np_start((field, mstart), items[p].start);
                }
                // role and affiliations from the prefix
                if has_title {
                    let mut free = None;
                    // "chief executive Dr Sarah Okafor": the honorific is not part of the role
                    let role_end = if honor.is_some() && k >= 2 && p + 1 < k { items[k - 2].end } else { items[k - 1].end };
                    let role_start = items[p].start;
                    let role = ft.slice(role_start, role_end);
                    for q in p..k {
                        if let ItemKind::Lex(LexHit::Entity(key, form)) = items[q].kind {
                            let lid = self.lex_entity(key);
                            self.mention(f, items[q].start, items[q].end, lid, form);
                            self.used[f][q] = true;
                            self.ents.add_modifier((field, items[q].start));
                            self.ents.affiliate(id, lid);
                        }
                        if items[q].kind == ItemKind::Name && (q + 1..k).all(|r| matches!(items[r].kind, ItemKind::Title(_))) && !self.employer(f, items[q], id) {
                            free = Some(q);
                        }
                    }
                    if self.ents.list[id].role.is_none() {
                        self.ents.list[id].role = Some((role, Span::new(field, role_start, role_end)));
                    }
                    if let Some(o) = owner {
                        self.pending_for.push((id, f, o, Span::new(field, o.start, it.end)));
                    }
                    for q in p..k {
                        self.used[f][q] = free != Some(q);
                    }
                }
                self.appositive(f, k, id);
            }
        }
    }

    /// "Pfizer chief executive Jane Roe": the one word before the title is a person already
    /// named ("Trump adviser" after "Donald Trump": represents), the surname of someone
    /// named elsewhere (left alone), or else an organisation she works for.
    fn employer(&mut self, f: usize, it: Item, id: EntityId) -> bool {
        let ft = self.ft(f);
        let field = ft.field;
        let word = bare(ft, &ft.tokens[it.a]);
        if lexicon::given_name_gender(&word).is_some() || not_name(&word) {
            return false;
        }
        // "Te Papa's Senior Science Curator": a word after a title modifier or an owner's
        // possessive is the title's field, not an employer
        if it.a > 0 && adjacent(ft, it.a - 1) {
            let p = ft.tokens[it.a - 1];
            if lexicon::TITLE_MODIFIERS.contains(&bare(ft, &p).lower().as_str()) || has_possessive(ft, &p) {
                return false;
            }
        }
        // "Bomet Senator", "Kent councillor", "Ohio governor": an office for a territory; the
        // word before it is a place, not an employer
        let title = ft.tokens.get(it.b).map(|t| bare(ft, t).lower()).unwrap_or_default();
        if lexicon::TERRITORIAL_TITLES.contains(&title.as_str()) {
            return false;
        }
        if it.b - it.a >= 2 {
            // "Acme Widgets chief executive": a name of several words before a title is the
            // organisation the person works for (or one already known by that name)
            let name = name_text(ft, &it);
            let oid = match self.ents.resolve_name_at(&name, field, it.start) {
                Some(pid) if pid == id || self.ents.list[pid].kind == StakeholderKind::Person => return false,
                Some(oid) => oid,
                None => {
                    let kind = org_head(&bare(ft, &ft.tokens[it.b - 1])).unwrap_or(StakeholderKind::Organisation);
                    self.ents.add_entity(Entity { name, kind, role: None, aliases: vec![], affiliations: vec![], gender: None })
                }
            };
            self.mention(f, it.start, it.end, oid, MentionForm::FullName);
            self.ents.add_modifier((field, it.start));
            self.ents.affiliate(id, oid);
            return true;
        }
        if let Some(pid) = self.ents.resolve_name_at(&word, field, it.start) {
            if pid == id {
                return false;
            }
            if self.ents.list[pid].kind == StakeholderKind::Person {
                self.mention(f, it.start, it.end, pid, MentionForm::Surname);
                self.ents.add_modifier((field, it.start));
                self.represent(id, pid, Span::new(field, it.start, it.end));
            } else {
                self.mention(f, it.start, it.end, pid, MentionForm::FullName);
                self.ents.add_modifier((field, it.start));
                self.ents.affiliate(id, pid);
            }
            return true;
        }
        // a surname of someone named in full anywhere in the article
        // (a window of the article around it: the work per call stays bounded)
        let near = |g: usize, n: usize| if g == f { it.a.saturating_sub(WIDE)..(it.a + WIDE).min(n) } else { 0..n.min(WIDE) };
        let surname = (0..2).any(|g| {
            let gt = self.ft(g);
            let r = near(g, gt.tokens.len());
            let items = self.items[g];
            let from = items.partition_point(|o| o.a < r.start);
            items[from..].iter().take_while(|o| o.a < r.end).any(|o| o.kind == ItemKind::Name && o.b - o.a >= 2 && bare(gt, &gt.tokens[o.b - 1]) == word)
        });
        if surname {
            return false;
        }
        // "Club chairman", "Party leader": a generic head word is no name
        if org_head(&word).is_some() {
            return false;
        }
        // sentence-initial capitals prove nothing: the word must be capitalised elsewhere too,
        // and be no common word ("Principal Judge ...")
        if sentence_initial(ft, it.a) && lexicon::COMMON_WORDS.contains(&word.lower().as_str()) {
            return false;
        }
        if sentence_initial(ft, it.a) {
            let again = (0..2).any(|g| {
                let gt = self.ft(g);
                near(g, gt.tokens.len()).any(|j| (g != f || j != it.a) && bare(gt, &gt.tokens[j]) == word && !sentence_initial(gt, j))
            });
            if !again {
                return false;
            }
        }
        // "Eastvale manager" after "Eastvale United": the organisation named in full
        let short = self.ents.list.iter().position(|e| {
            matches!(e.kind, StakeholderKind::Organisation | StakeholderKind::Media | StakeholderKind::Institution) && e.name.split(' ').count() >= 2 && e.name.split(' ').next() == Some(word.as_str())
        });
        let oid = match short.or_else(|| self.ents.list.iter().position(|e| e.name == word && e.kind != StakeholderKind::Person)) {
            Some(i) => i,
            None => self.ents.add_entity(Entity { name: word.clone(), kind: StakeholderKind::Organisation, role: None, aliases: vec![], affiliations: vec![], gender: None }),
        };
        self.mention(f, it.start, it.end, oid, MentionForm::FullName);
        self.ents.add_modifier((field, it.start));
        self.ents.affiliate(id, oid);
        true
    }

    /// "Name, the [mods] title [of X]," after a name, or "[his|X's] [mods] title, Name,"
    /// before it: a role (and a principal for "his special envoy").
    fn appositive(&mut self, f: usize, k: usize, id: EntityId) {
        let ft = self.ft(f);
        let items = self.items[f];
        let it = items[k];
        let field = ft.field;
        let tok = |i: usize| ft.tokens.get(i).map(|t| ft.token_text(t)).unwrap_or_default();
        // after: , (the|a|an|X's)? mods* title ,|.
        if tok(it.b) == "," {
            self.relative_role(f, it.b + 1, id);
            let mut q = it.b + 1;
            let det = tok(q).lower();
            let mut mods = Vec::new();
            if matches!(det.as_str(), "the" | "a" | "an") {
                q += 1;
                // "the college’s regional director": whose office, in lower case
                if ft.tokens.get(q).is_some_and(|t| has_possessive(ft, t) && !is_cap(ft, t)) && (q + 1..q + 4).any(|j| match_title(ft, j).is_some()) {
                    q += 1;
                }
            } else if ft.tokens.get(q).is_some_and(|t| has_possessive(ft, t) && is_cap(ft, t)) && (q + 1..q + 4).any(|j| match_title(ft, j).is_some()) {
                // "Tom Reed, Unite’s regional secretary,": the possessive is part of the role
                if let Some((1, LexHit::Entity(key, form), end)) = match_name(ft, q) {
                    mods.push((key, form, ft.tokens[q].start, end));
                } else {
                    // whose it is ("Unite’s", "Smith’s"), once every name is known
                    let t = ft.tokens[q];
                    self.pending_for.push((id, f, Span::new(field, t.start, t.end), Span::new(field, it.start, t.end)));
                }
                q += 1;
            }
            let poss_start = (q > it.b + 1 && det != "the" && det != "a" && det != "an").then(|| ft.tokens[it.b + 1].start);
            let role_start = poss_start.or_else(|| ft.tokens.get(q).map(|t| t.start));
            let mut last_title_end = None;
            let mut guard = 0;
            // "Phil Sirvid, a Te Papa arachnology expert,": an employer named before the title
            let mut employer: Option<Span> = None;
            while q < ft.tokens.len() && guard < 8 {
                guard += 1;
                if employer.is_none() && last_title_end.is_none() && (det == "a" || det == "an") {
                    let cap_run = (q..q + 4).take_while(|&j| ft.tokens.get(j).is_some_and(|t| is_word(t) && is_cap(ft, t) && !has_possessive(ft, t) && match_title(ft, j).is_none() && match_name(ft, j).is_none())).count();
                    if cap_run > 0 && (q + cap_run..q + cap_run + 3).any(|j| match_title(ft, j).is_some_and(|(_, p)| p)) {
                        employer = Some(Span::new(field, ft.tokens[q].start, ft.tokens[q + cap_run - 1].end));
                        q += cap_run;
                        continue;
                    }
                }
                if let Some((len, hit, end)) = match_name(ft, q) {
                    if let LexHit::Entity(key, form) = hit {
                        mods.push((key, form, ft.tokens[q].start, end));
                        q += len;
                        continue;
                    }
                    break;
                }
                if let Some((len, proper)) = match_title(ft, q) {
                    let last = ft.tokens[q + len - 1];
                    if proper {
                        last_title_end = Some(last.start + bare(ft, &last).chars().count());
                    }
                    q += len;
                    continue;
                }
                // "the regional secretary", "its new chief executive": an adjective before a title
                let adj = ft.tokens.get(q).is_some_and(|t| is_word(t) && !is_cap(ft, t) && !has_possessive(ft, t)) && last_title_end.is_none();
                if adj && (q + 1..q + 3).any(|j| match_title(ft, j).is_some_and(|(_, p)| p)) && !matches!(tok(q).as_str(), "and" | "or" | "who" | "which" | "said" | "says") {
                    q += 1;
                    continue;
                }
                break;
            }
            if let (Some(rs), Some(mut re)) = (role_start, last_title_end) {
                // "of NATO", "for the campaign", "of the train drivers’ union Aslef": up to 7
                // more words (a possessive apostrophe among them) before a comma
                let next = tok(q).lower();
                if matches!(next.as_str(), "of" | "for" | "at" | "to") {
                    let mut r = q + 1;
                    let apostrophe = |r: usize| {
                        r > q + 1 && ft.tokens[r].start == ft.tokens[r - 1].end && matches!(ft.chars[ft.tokens[r].start], '’' | '\'')
                    };
                    while r < ft.tokens.len() && r < q + 9 && (ft.tokens[r].kind == TokenKind::Word || apostrophe(r)) {
                        r += 1;
                    }
                    if matches!(tok(r).as_str(), "," | "." | ";") || r >= ft.tokens.len() {
                        re = ft.tokens[r - 1].end;
                        // "a spokesman for Sanders": whom it speaks for, once all names are known
                        self.pending_for.push((id, f, Span::new(field, ft.tokens[q + 1].start, re), Span::new(field, it.start, re)));
                        for j in q + 1..r {
                            if let Some((_, LexHit::Entity(key, form), end)) = match_name(ft, j) {
                                mods.push((key, form, ft.tokens[j].start, end));
                            }
                        }
                        q = r;
                    }
                }
                if matches!(tok(q).as_str(), "," | "." | ";" | ")") || q >= ft.tokens.len() {
                    if let Some(emp) = employer {
                        self.pending_employers.push((id, emp, Span::new(field, it.start, re)));
                    }
                    for (key, form, s, e) in mods {
                        let lid = self.lex_entity(key);
                        self.mention(f, s, e, lid, form);
                        self.ents.affiliate(id, lid);
                    }
                    if self.ents.list[id].role.is_none() {
                        self.ents.list[id].role = Some((ft.slice(rs, re), Span::new(field, rs, re)));
                    }
                }
            }
        }
        // before: (his|her|X's) mods* title , Name ,
        if it.a >= 2 && tok(it.a - 1) == "," {
            let mut q = it.a - 1; // index of the comma
            let mut title_end = None;
            let mut title_start = None;
            // "Its director of policy, Rocio Mendes": a short "of"/"for" tail after the title
            let mut tail_end = None;
            if let Some(o) = (q.saturating_sub(4)..q).rev().find(|&o| matches!(tok(o).lower().as_str(), "of" | "for")) {
                let words = (o + 1..q).all(|x| ft.tokens[x].kind == TokenKind::Word && !has_possessive(ft, &ft.tokens[x]));
                let titled = o > 0 && (o.saturating_sub(3)..o).any(|st| match_title(ft, st).is_some_and(|(l, p)| p && st + l == o));
                if words && titled && o + 1 < q {
                    tail_end = Some(ft.tokens[q - 1].end);
                    q = o;
                }
            }
            while q > 0 {
                let j = q - 1;
                if let Some((len, proper)) = (j.saturating_sub(3)..=j).find_map(|s| match_title(ft, s).filter(|(l, _)| s + l == j + 1).map(|x| (x.0, x.1))) {
                    if proper && title_end.is_none() {
                        title_end = Some(ft.tokens[j].start + bare(ft, &ft.tokens[j]).chars().count());
                    }
                    title_start = Some(ft.tokens[j + 1 - len].start);
                    q = j + 1 - len;
                    continue;
                }
                break;
            }
            let title_end = title_end.map(|te| tail_end.unwrap_or(te));
            if let (Some(ts), Some(te)) = (title_start, title_end) {
                let pw = if q > 0 { tok(q - 1) } else { String::new() };
                let lw = pw.lower();
                let mut principal = None;
                let mut role_start = ts;
                if matches!(lw.as_str(), "his" | "her") {
                    // resolved once every mention is known
                    let ev = Span::new(field, ft.tokens[q - 1].start, it.end);
                    self.pending.push((id, f, lw == "his", ev));
                } else if q > 0 && has_possessive(ft, &ft.tokens[q - 1]) {
                    if let Some((_, hit, end)) = match_name(ft, q - 1) {
                        if let LexHit::Entity(key, form) = hit {
                            let lid = self.lex_entity(key);
                            self.mention(f, ft.tokens[q - 1].start, end, lid, form);
                            self.ents.affiliate(id, lid);
                            role_start = ft.tokens[q - 1].start;
                        }
                    } else if let Some(m) = self.ents.mention_at(field, ft.tokens[q - 1].start).copied() {
                        if self.ents.list[m.entity].kind == StakeholderKind::Person {
                            principal = Some(m.entity);
                        }
                    } else if is_cap(ft, &ft.tokens[q - 1]) {
                        // "Quillon’s chief executive, Anders Voss": the employer
                        let t = ft.tokens[q - 1];
                        let item = Item { a: q - 1, b: q, start: t.start, end: t.start + bare(ft, &t).chars().count(), kind: ItemKind::Name };
                        if self.employer(f, item, id) {
                            role_start = t.start;
                        } else {
                            // "Trump’s lawyer, X" with Trump named in full elsewhere: whom X
                            // represents, once every name is known
                            self.pending_for.push((id, f, Span::new(field, t.start, t.end), Span::new(field, t.start, it.end)));
                            role_start = t.start;
                        }
                    }
                }
                if self.ents.list[id].role.is_none() {
                    let role = ft.slice(role_start, te);
                    self.ents.list[id].role = Some((role, Span::new(field, role_start, te)));
                }
                if let Some(pid) = principal {
                    let ev_start = ft.tokens[q - 1].start;
                    self.represent(id, pid, Span::new(field, ev_start, it.end));
                }
            }
        }
    }

    /// ", who was elected mayor of Millbrook," / ", who heads the Green Party,": a role stated
    /// in a relative clause after a name (`q` is the token after the comma).
    fn relative_role(&mut self, f: usize, mut q: usize, id: EntityId) {
        let ft = self.ft(f);
        let field = ft.field;
        let low = |i: usize| ft.tokens.get(i).map(|t| ft.token_text(t).lower()).unwrap_or_default();
        if low(q) != "who" {
            return;
        }
        // a role stated before ("Bomet Governor Isaac Rutto, who is also the Governors’ Council
        // chair") is kept; the clause still names an employer
        let had_role = self.ents.list[id].role.is_some();
        q += 1;
        // "who is also the ...", "who is now the ..."
        let adverb = |w: &str| matches!(w, "also" | "now" | "currently" | "still");
        if adverb(&low(q)) {
            q += 1;
        }
        // "who was elected mayor of X", "who is the party's treasurer", "who became chairman"
        let verb_phrase = Words("heads|leads|chairs|runs|founded|co-founded|owns|headed|led|chaired|ran").contains(&low(q).as_str());
        if !verb_phrase {
            if matches!(low(q).as_str(), "was" | "is" | "has" | "had") {
                q += 1;
                if adverb(&low(q)) {
                    q += 1;
                }
                if low(q) == "been" {
                    q += 1;
                }
            }
            if Words("elected|appointed|named|became|becomes|re-elected|serves|served|works|worked").contains(&low(q).as_str()) {
                q += 1;
                if low(q) == "as" {
                    q += 1;
                }
            }
            if matches!(low(q).as_str(), "the" | "a" | "an") {
                q += 1;
            }
        }
        let start = q;
        if !verb_phrase {
            // "the Governors’ Council chair": the body whose title it is, before the title
            let apostrophe = |i: usize| ft.tokens.get(i).is_some_and(|t| i > 0 && t.start == ft.tokens[i - 1].end && matches!(ft.chars[t.start], '’' | '\''));
            let run = (q..q + 6).take_while(|&j| ft.tokens.get(j).is_some_and(|t| (is_word(t) && is_cap(ft, t) && match_title(ft, j).is_none()) || apostrophe(j))).count();
            if run > 0 && match_title(ft, q + run).is_some_and(|(_, p)| p) {
                let emp = Span::new(field, ft.tokens[q].start, ft.tokens[q + run - 1].end);
                self.pending_employers.push((id, emp, Span::new(field, ft.tokens[start].start, ft.tokens[q + run].end)));
                q += run;
            }
            // modifiers and titles
            let mut any = false;
            while q < ft.tokens.len() && q < start + 6 {
                if let Some((len, _)) = match_title(ft, q) {
                    q += len;
                    any = true;
                } else if matches!(low(q).as_str(), "former" | "deputy" | "acting" | "interim" | "senior" | "chief") {
                    q += 1;
                } else {
                    break;
                }
            }
            if !any {
                return;
            }
            if low(q) != "of" && low(q) != "for" && low(q) != "at" {
                let end = ft.tokens[q - 1].end;
                if !had_role { self.ents.list[id].role = Some((ft.slice(ft.tokens[start].start, end), Span::new(field, ft.tokens[start].start, end))); }
                return;
            }
        } else {
            q += 1; // the verb
        }
        // "of X" / "heads the X": a capitalised name follows
        let mut r = q + if verb_phrase { 0 } else { 1 };
        if matches!(low(r).as_str(), "the" | "a") {
            r += 1;
        }
        let name_start = r;
        while r < ft.tokens.len() && r < name_start + 6 && ft.tokens.get(r).is_some_and(|t| is_word(t) && is_cap(ft, t)) {
            r += 1;
        }
        // "the Green group": a lower-case head after the name
        if r > name_start && (org_noun(&low(r)).is_some() || Words("team|campaign|committee|department|council|caucus|faction").contains(&low(r).as_str())) {
            r += 1;
        }
        if r == name_start {
            if verb_phrase {
                return;
            }
            let end = ft.tokens[q - 1].end;
            if !had_role { self.ents.list[id].role = Some((ft.slice(ft.tokens[start].start, end), Span::new(field, ft.tokens[start].start, end))); }
            return;
        }
        for j in name_start..r {
            if let Some((_, LexHit::Entity(key, form), end)) = match_name(ft, j) {
                let lid = self.lex_entity(key);
                self.mention(f, ft.tokens[j].start, end, lid, form);
                self.ents.affiliate(id, lid);
                break;
            }
        }
        let end = ft.tokens[r - 1].end;
        if !had_role { self.ents.list[id].role = Some((ft.slice(ft.tokens[start].start, end), Span::new(field, ft.tokens[start].start, end))); }
    }

    /// People of unknown gender: the pronouns that follow their mentions in the same or
    /// the next sentence ("Okafor said he ..."), when they agree.
    fn genders_from_pronouns(&mut self) {
        let mut votes: Vec<(usize, usize)> = vec![(0, 0); self.ents.list.len()];
        let mut neuter: Vec<usize> = vec![0; self.ents.list.len()];
        for f in 0..2 {
            let ft = self.ft(f);
            for m in &self.ents.mentions {
                if m.field != ft.field || self.ents.list[m.entity].kind != StakeholderKind::Person || self.ents.list[m.entity].gender.is_some() {
                    continue;
                }
                // "a Te Papa arachnology expert ... his home": a name after "a"/"an" only
                // modifies a noun; the pronouns after it are not its own
                let first = ft.token_index_at(m.start);
                if first > 0 && matches!(ft.token_text(&ft.tokens[first - 1]).lower().as_str(), "a" | "an") {
                    continue;
                }
                let si = ft.sentence_at(m.start).unwrap_or(0);
                let limit = ft.sentences.get(si + 1).or(ft.sentences.get(si)).map(|s| s.end).unwrap_or(m.end);
                let a = ft.token_index_at(m.end);
                // the first pronoun before another person is named
                for t in ft.tokens.iter().skip(a).take_while(|t| t.end <= limit) {
                    if let Some(o) = self.ents.mention_at(ft.field, t.start) {
                        if o.entity != m.entity && self.ents.list[o.entity].kind == StakeholderKind::Person {
                            break;
                        }
                    }
                    let w = ft.token_text(t).lower();
                    let Some(v) = votes.get_mut(m.entity) else { break };
                    match w.as_str() {
                        "he" | "him" | "his" | "himself" => {
                            v.0 += 1;
                            break;
                        }
                        "she" | "her" | "hers" | "herself" => {
                            v.1 += 1;
                            break;
                        }
                        // ("it" is too often impersonal: "it was time")
                        "its" | "itself" => {
                            neuter[m.entity] += 1;
                            break;
                        }
                        _ => {}
                    }
                }
            }
        }
        for (id, &(m, f)) in votes.iter().enumerate() {
            // "Te Papa's latest exhibition ... by its own staff": a name taken for a person's,
            // with nothing personal about it (no given name, honorific or role) and only "its"
            // pointing back, is an organisation
            if neuter[id] > 0 && m == 0 && f == 0 && self.impersonal(id) {
                self.ents.list[id].kind = StakeholderKind::Organisation;
                continue;
            }
            if m > f * 2 && m > 0 {
                self.ents.list[id].gender = Some(Gender::Male);
            } else if f > m * 2 && f > 0 {
                self.ents.list[id].gender = Some(Gender::Female);
            }
        }
    }

    /// Has the person `id` nothing personal: no role, no given name first, no honorific
    /// mention?
    fn impersonal(&self, id: EntityId) -> bool {
        let e = &self.ents.list[id];
        let first = e.name.split(' ').next().unwrap_or("");
        e.role.is_none()
            && lexicon::given_name_gender(first).is_none()
            && !self.ents.mentions.iter().any(|m| m.entity == id && m.form == MentionForm::Honorific)
    }

    /// `id` works for `pid`: a relation, and `pid`'s country becomes `id`'s too.
    fn represent(&mut self, id: EntityId, pid: EntityId, ev: Span) {
        self.ents.represents.push((id, pid, ev));
        let countries: Vec<EntityId> =
            self.ents.list[pid].affiliations.iter().copied().filter(|&a| self.ents.list[a].kind == StakeholderKind::Country).collect();
        for c in countries {
            self.ents.affiliate(id, c);
        }
    }

    fn resolve_pending(&mut self) {
        for (id, f, male, ev) in std::mem::take(&mut self.pending) {
            if let Some(pid) = self.nearest_person(f, ev.start, Some(male), Some(id)) {
                self.represent(id, pid, ev);
            }
        }
        for (id, part, ev) in std::mem::take(&mut self.pending_employers) {
            let named = self.ents.mentions_in(part.field, part.start, part.end).map(|m| m.entity).find(|&e| e != id);
            let oid = match named {
                // "Acme Widgets" taken for a person's name: an employer with nothing personal
                Some(e) if self.ents.list[e].kind == StakeholderKind::Person && self.impersonal(e) => {
                    self.ents.list[e].kind = StakeholderKind::Organisation;
                    e
                }
                Some(e) if self.ents.list[e].kind == StakeholderKind::Person => {
                    self.represent(id, e, ev);
                    continue;
                }
                Some(e) => e,
                None => {
                    let ft = if part.field == self.doc.headline.field { &self.doc.headline } else { &self.doc.body };
                    let name = ft.slice(part.start, part.end);
                    let oid = match self.ents.list.iter().position(|e| e.name == name && e.kind != StakeholderKind::Person) {
                        Some(o) => o,
                        None => self.ents.add_entity(Entity { name, kind: StakeholderKind::Organisation, role: None, aliases: vec![], affiliations: vec![], gender: None }),
                    };
                    self.ents.add_mention(EntityMention { field: part.field, start: part.start, end: part.end, entity: oid, form: MentionForm::FullName });
                    oid
                }
            };
            self.ents.affiliate(id, oid);
        }
        for (id, _f, part, ev) in std::mem::take(&mut self.pending_for) {
            let named: Vec<EntityId> = self.ents.mentions_in(part.field, part.start, part.end).map(|m| m.entity).filter(|&e| e != id).collect();
            for e in named {
                if self.ents.list[e].kind == StakeholderKind::Person {
                    if !self.ents.represents.iter().any(|r| r.0 == id && r.1 == e) {
                        self.represent(id, e, ev);
                    }
                } else {
                    self.ents.affiliate(id, e);
                }
            }
        }
    }

    /// The person mentioned nearest before `pos` (same paragraph or the previous one),
    /// of the given gender when known.
    fn nearest_person(&self, f: usize, pos: usize, male: Option<bool>, not: Option<EntityId>) -> Option<EntityId> {
        let ft = self.ft(f);
        let para = ft.paragraph_at(pos);
        let floor = ft.paragraphs.get(para.saturating_sub(1)).map(|p| p.0).unwrap_or(0);
        self.ents
            .mentions_before(ft.field, pos)
            .take_while(|m| m.start >= floor)
            .filter(|m| Some(m.entity) != not)
            .find(|m| {
                let e = &self.ents.list[m.entity];
                e.kind == StakeholderKind::Person
                    && match (male, e.gender) {
                        (Some(true), Some(Gender::Female)) | (Some(false), Some(Gender::Male)) => false,
                        _ => true,
                    }
            })
            .map(|m| m.entity)
    }

    /// Pass 3: lexicon mentions, single names, descriptions, bodies, groups.
    fn rest(&mut self, f: usize) {
        let ft = self.ft(f);
        let field = ft.field;
        let headline_caps = f == 0 && title_case(ft);
        let items = self.items[f];
        // descriptions first: "US vice president" is one mention, of the person
        for (k, it) in items.iter().enumerate() {
            if !self.used[f][k] && it.kind == ItemKind::Title(true) {
                self.description(f, k);
            }
        }
        for (k, it) in items.iter().enumerate() {
            if self.used[f][k] {
                continue;
            }
            match it.kind {
                ItemKind::Lex(LexHit::Entity(key, form)) => {
                    // a one-word place that is part of a known person's name (Washington)
                    let word = ft.slice(it.start, it.end);
                    if it.b - it.a == 1 && matches!(form, MentionForm::Capital | MentionForm::FullName) {
                        // only where it acts as a person: "Washington said he ...", "Mr. Washington"
                        let it_follows = ft.tokens.get(it.b + 1).map(|t| ft.token_text(t).lower()).is_some_and(|w| matches!(w.as_str(), "it" | "its"));
                        if self.speech_context(f, it) && !it_follows {
                            if let Some(pid) = self.person_named(&word, f, it.start) {
                                self.mention(f, it.start, it.end, pid, MentionForm::Surname);
                                continue;
                            }
                        }
                    }
                    // "the Republican said": a person described by party or nationality
                    if form == MentionForm::Demonym && it.b - it.a == 1 && !word.ends_with('s') {
                        if let Some(pid) = self.the_adjective_person(f, it, Some(key)) {
                            self.mention(f, ft.tokens[it.a - 1].start, it.end, pid, MentionForm::Description);
                            continue;
                        }
                    }
                    // "the West" needs its article
                    if let LexKey::Org(oi) = key {
                        if ORGS[oi].name.starts_with("the ") && form == MentionForm::FullName {
                            let prev = if it.a > 0 { ft.token_text(&ft.tokens[it.a - 1]).lower() } else { String::new() };
                            if prev != "the" {
                                continue;
                            }
                        }
                    }
                    let id = self.lex_entity(key);
                    let mut end = it.end;
                    // "European countries", "US officials": the state itself
                    if form == MentionForm::Demonym || form == MentionForm::Acronym || form == MentionForm::FullName {
                        if let Some(nx) = ft.tokens.get(it.b) {
                            let w = ft.token_text(nx);
                            if adjacent(ft, it.b - 1) && !has_possessive(ft, &ft.tokens[it.b - 1]) {
                                if lexicon::STATE_NOUNS.contains(&w.as_str()) && form == MentionForm::Demonym {
                                    end = nx.end;
                                } else if nx.kind == TokenKind::Word && ft.chars.get(nx.start).is_some_and(|c| c.is_lowercase()) && !is_function_word(&w) {
                                    // "US troops", "NATO membership": a modifier
                                    self.ents.add_modifier((field, it.start));
                                } else if match_title(ft, it.b).is_some() {
                                    self.ents.add_modifier((field, it.start));
                                }
                            }
                        }
                    }
                    self.mention(f, it.start, end, id, form);
                }
                ItemKind::Name => {
                    if it.b - it.a != 1 {
                        continue;
                    }
                    let word = bare(ft, &ft.tokens[it.a]);
                    // "the Trump administration"
                    if let Some(nx) = ft.tokens.get(it.b) {
                        let w = ft.token_text(nx).lower();
                        let w = w.trim_end_matches("’s").trim_end_matches("'s");
                        if let Some(&(_, kind)) = lexicon::PERSONAL_BODIES.iter().find(|(b, _)| *b == w) {
                            if adjacent(ft, it.a) && !has_possessive(ft, &ft.tokens[it.a]) {
                                let end = nx.start + w.chars().count();
                                let name = format!("{word} {w}");
                                let pid = self.person_named(&word, f, it.start);
                                let id = match self.ents.list.iter().position(|e| e.name == name) {
                                    Some(i) => i,
                                    None => self.ents.add_entity(Entity { name: name.clone(), kind, role: None, aliases: vec![], affiliations: vec![], gender: None }),
                                };
                                if let Some(pid) = pid {
                                    self.ents.affiliate(id, pid);
                                }
                                self.mention(f, it.start, end, id, MentionForm::FullName);
                                continue;
                            }
                        }
                    }
                    // "the Unite union", "the Likud party": an organisation named by one word,
                    // and later mentions of that word
                    let prev = if it.a > 0 { ft.token_text(&ft.tokens[it.a - 1]).lower() } else { String::new() };
                    let noun = ft.tokens.get(it.b).filter(|_| adjacent(ft, it.a) && !has_possessive(ft, &ft.tokens[it.a])).map(|t| ft.token_text(t)).unwrap_or_default();
                    let org_kind = org_noun(&noun);
                    // ("Tangalooma" after "Tangalooma Island Resort": an organisation's own first
                    // word, when it is no common word, stands for it)
                    let no_person = self.person_named(&word, f, it.start).is_none();
                    let first_word_of = |e: &Entity| e.name.split(' ').count() >= 2 && e.name.split(' ').next() == Some(word.as_str()) && !lexicon::COMMON_WORDS.contains(&word.lower().as_str());
                    let known_org = self.ents.list.iter().position(|e| (e.name == word || e.aliases.iter().any(|a| *a == word) || (first_word_of(e) && no_person)) && e.kind != StakeholderKind::Person && e.kind != StakeholderKind::Country);
                    if let Some(id) = known_org {
                        self.mention(f, it.start, it.end, id, MentionForm::FullName);
                        continue;
                    }
                    if !headline_caps {
                        if let Some(id) = self.single_word_body(f, it, &word, &prev) {
                            let the = it.a >= 1 && ft.token_text(&ft.tokens[it.a - 1]) == "The" && self.ents.list[id].name.starts_with("The ");
                            let (start, form) = if the { (ft.tokens[it.a - 1].start, MentionForm::FullName) } else { (it.start, MentionForm::FullName) };
                            self.mention(f, start, it.end, id, form);
                            continue;
                        }
                    }
                    // "Tesla and Volkswagen warned": a word coordinated with a known organisation
                    // names one of the same kind
                    if !headline_caps && lexicon::given_name_gender(&word).is_none() && self.person_named(&word, f, it.start).is_none() {
                        if let Some(kind) = self.coordinated_org(f, it) {
                            let id = self.ents.add_entity(Entity { name: word.clone(), kind, role: None, aliases: vec![], affiliations: vec![], gender: None });
                            self.mention(f, it.start, it.end, id, MentionForm::FullName);
                            continue;
                        }
                    }
                    if let (Some(kind), false) = (org_noun_before(ft, it.a), headline_caps) {
                        if lexicon::given_name_gender(&word).is_none() && self.person_named(&word, f, it.start).is_none() {
                            let id = self.ents.add_entity(Entity { name: word.clone(), kind, role: None, aliases: vec![], affiliations: vec![], gender: None });
                            self.mention(f, it.start, it.end, id, MentionForm::FullName);
                            continue;
                        }
                    }
                    if let (Some(kind), "the", false) = (org_kind, prev.as_str(), headline_caps) {
                        let id = self.ents.add_entity(Entity { name: word.clone(), kind, role: None, aliases: vec![], affiliations: vec![], gender: None });
                        // the mention takes the noun: "the Unite union said" has Unite as subject
                        let end = ft.tokens.get(it.b).map(|t| t.end).unwrap_or(it.end);
                        self.mention(f, it.start, end, id, MentionForm::FullName);
                        continue;
                    }
                    if let Some(pid) = self.person_named(&word, f, it.start) {
                        self.mention(f, it.start, it.end, pid, MentionForm::Surname);
                        continue;
                    }
                    if headline_caps {
                        continue;
                    }
                    // "the Texan said"
                    if let Some(pid) = self.the_adjective_person(f, it, None) {
                        self.mention(f, ft.tokens[it.a - 1].start, it.end, pid, MentionForm::Description);
                        continue;
                    }
                    // an unknown single name next to a speech verb is a person
                    if self.speech_context(f, it) {
                        let id = self.person(&word, f, it.start);
                        self.mention(f, it.start, it.end, id, MentionForm::Surname);
                    }
                }
                _ => {}
            }
        }
        self.small_words(f);
    }

    /// A single capitalised word that the context shows to be an organisation, institution or
    /// outlet (the entity, created or found):
    /// - an acronym in brackets right after an organisation's name ("the National Union of
    ///   Metalworkers of South Africa (Numsa)"): that organisation, with the acronym as alias;
    /// - an acronym of two to five capitals (or with digits), not a common noun's ("the HSE",
    ///   "URP", "MS3"): an organisation;
    /// - "The Gazette", "The Guardian"-style: "The" capitalised inside a sentence before an
    ///   organisation's or outlet's head word: that outlet or organisation;
    /// - a word that speaks and is then "it" ("CityFibre said it would appeal"): an organisation.
    fn single_word_body(&mut self, f: usize, it: &Item, word: &str, prev: &str) -> Option<EntityId> {
        let ft = self.ft(f);
        let tok = |i: usize| ft.tokens.get(i).map(|t| ft.token_text(t)).unwrap_or_default();
        if lexicon::given_name_gender(word).is_some() || self.person_named(word, f, it.start).is_some() {
            return None;
        }
        // (ABC) after an organisation
        if it.a >= 1 && tok(it.a - 1) == "(" && tok(it.b) == ")" && it.a >= 2 {
            let before = ft.tokens[it.a - 2];
            let org = self.ents.mentions_before(ft.field, before.end + 1).next().filter(|m| m.end == before.end).map(|m| m.entity);
            if let Some(id) = org.filter(|&id| self.ents.list[id].kind != StakeholderKind::Person) {
                self.ents.add_alias(id, word);
                return Some(id);
            }
        }
        let caps = word.chars().filter(|c| c.is_uppercase()).count();
        let acronym = (2..=6).contains(&word.chars().count())
            && word.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
            && caps >= 2
            && !lexicon::COMMON_ACRONYMS.contains(&word);
        let the_head = prev == "the" && it.a >= 1 && tok(it.a - 1) == "The" && !sentence_initial(ft, it.a - 1) && org_head(word).is_some();
        let said_it = {
            let next = tok(it.b).lower();
            let (n1, n2) = (tok(it.b + 1).lower(), tok(it.b + 2).lower());
            (lexicon::REPORT_VERBS.contains(&next.as_str()) || matches!(next.as_str(), "has" | "had"))
                && (matches!(n1.as_str(), "it" | "its") || matches!(n2.as_str(), "it" | "its"))
        };
        if !(acronym || the_head || said_it) {
            return None;
        }
        let name = if the_head { format!("The {word}") } else { word.to_string() };
        // an acronym with the definite article is most often a public body ("the NHS", "the
        // FBI", "the EPA"); a company's or party's usually goes bare ("IBM", "URP")
        let kind = if the_head {
            org_head(word).unwrap_or(StakeholderKind::Organisation)
        } else if acronym && prev == "the" {
            StakeholderKind::Institution
        } else {
            StakeholderKind::Organisation
        };
        if let Some(id) = self.ents.list.iter().position(|e| e.name == name && e.kind != StakeholderKind::Person) {
            return Some(id);
        }
        Some(self.ents.add_entity(Entity { name, kind, role: None, aliases: vec![], affiliations: vec![], gender: None }))
    }

    /// The kind of a known organisation or outlet joined to `it` by "and" / "or" ("X and
    /// Volkswagen", "Volkswagen and X"), if any.
    fn coordinated_org(&self, f: usize, it: &Item) -> Option<StakeholderKind> {
        let ft = self.ft(f);
        let tok = |i: usize| ft.tokens.get(i).filter(|t| t.kind == TokenKind::Word).map(|t| ft.token_text(t));
        let conj = |i: usize| tok(i).is_some_and(|w| matches!(w.as_str(), "and" | "or"));
        let orgs = self.ents.list.iter().filter(|e| matches!(e.kind, StakeholderKind::Organisation | StakeholderKind::Media));
        for e in orgs {
            let words: Vec<&str> = e.name.split_whitespace().collect();
            let n = words.len();
            let at = |from: usize| words.iter().enumerate().all(|(k, w)| tok(from + k).as_deref() == Some(*w));
            if n > 0 && conj(it.b) && at(it.b + 1) {
                return Some(e.kind);
            }
            if n > 0 && it.a > n && conj(it.a - 1) && at(it.a - 1 - n) {
                return Some(e.kind);
            }
        }
        None
    }

    /// "the Republican", "the Texan" used as a noun for a person (followed by a verb or
    /// punctuation, not by a noun): the person named nearest before (one affiliated with
    /// the party or country when there is one).
    fn the_adjective_person(&self, f: usize, it: &Item, key: Option<LexKey>) -> Option<EntityId> {
        let ft = self.ft(f);
        if it.a == 0 {
            return None;
        }
        let prev = ft.token_text(&ft.tokens[it.a - 1]).lower();
        if prev != "the" || !adjacent(ft, it.a - 1) {
            return None;
        }
        // an unknown word must look like a nationality or regional noun ("Texan", "Vermonter",
        // "Spaniard", "Israeli", "Frenchman", "Swede")
        let word = bare(ft, &ft.tokens[it.a]);
        let suffixed = ["an", "ian", "ese", "ite", "er", "ist", "ish", "ard", "i", "ot", "man", "woman", "on"]
            .iter()
            .any(|suf| word.ends_with(suf) && word.chars().count() > 4);
        if key.is_none() && !suffixed && !lexicon::NATIONALITY_NOUNS.contains(&word.lower().as_str()) {
            return None;
        }
        let next = ft.tokens.get(it.b).map(|t| ft.token_text(t)).unwrap_or_default();
        // "the Italian's frustration": a possessive noun, not an adjective before one
        let next_ok = has_possessive(ft, &ft.tokens[it.a])
            || next.is_empty()
            || next.chars().all(|c| !c.is_alphanumeric())
            || is_function_word(&next.lower())
            || matches!(next.as_str(), "said" | "says" | "told" | "added" | "has" | "is" | "was" | "who");
        if !next_ok || (!has_possessive(ft, &ft.tokens[it.a]) && ft.tokens.get(it.b).is_some_and(|t| is_cap(ft, t))) {
            return None;
        }
        let pos = ft.tokens[it.a - 1].start;
        let para = ft.paragraph_at(pos);
        let floor = ft.paragraphs.get(para.saturating_sub(2)).map(|p| p.0).unwrap_or(0);
        let affiliated = key.and_then(|k| self.cache.get(&k).copied());
        let persons: Vec<EntityId> = self
            .ents
            .mentions_before(ft.field, pos)
            .take_while(|m| m.start >= floor)
            .filter(|m| self.ents.list[m.entity].kind == StakeholderKind::Person)
            .map(|m| m.entity)
            .collect();
        if let Some(a) = affiliated {
            if let Some(&p) = persons.iter().find(|&&p| self.ents.list[p].affiliations.contains(&a)) {
                return Some(p);
            }
        }
        persons.first().copied()
    }

    /// A person already known whose name has `word` as its surname (or given name).
    fn person_named(&self, word: &str, f: usize, pos: usize) -> Option<EntityId> {
        let field = self.ft(f).field;
        let hits = self.ents.name_candidates(word);
        let hits: Vec<EntityId> = if hits.is_empty() {
            (0..self.ents.list.len()).filter(|&i| self.ents.list[i].kind == StakeholderKind::Person && self.ents.list[i].name == word).collect()
        } else {
            hits
        };
        match hits.len() {
            0 => None,
            1 => Some(hits[0]),
            _ => self.ents.nearest_of(&hits, field, pos),
        }
    }

    /// Is the single capitalised word at `it` used as a speaker ("Sanders said", "said
    /// Sanders", "according to Sanders")?
    fn speech_context(&self, f: usize, it: &Item) -> bool {
        let ft = self.ft(f);
        let tok = |i: usize| ft.tokens.get(i).map(|t| ft.token_text(t).lower()).unwrap_or_default();
        let is_report = |w: &str| lexicon::REPORT_VERBS.contains(&w) || matches!(w, "asked" | "replied" | "responded" | "recalled");
        let next = tok(it.b);
        let next2 = tok(it.b + 1);
        let prev = if it.a > 0 { tok(it.a - 1) } else { String::new() };
        let prev2 = if it.a > 1 { tok(it.a - 2) } else { String::new() };
        let word = ft.token_text(&ft.tokens[it.a]);
        if lexicon::NOT_NAME.contains(&word.as_str()) || word.chars().all(|c| c.is_uppercase() || !c.is_alphabetic()) && word.chars().count() > 1 {
            return false;
        }
        is_report(&next)
            || (matches!(next.as_str(), "has" | "had" | "also" | "later" | "then" | "previously" | "once") && is_report(&next2))
            || (is_report(&prev) && matches!(next.as_str(), "." | "," | ";" | "in" | "on" | "at" | "during" | "as" | "that" | "") )
            || (prev == "to" && prev2 == "according")
    }

    /// "the [mods] title" standing for the person who holds it ("the president", "the US
    /// vice president"), or headline style without the article ("US vice president says").
    fn description(&mut self, f: usize, k: usize) {
        let ft = self.ft(f);
        let field = ft.field;
        let items = self.items[f];
        let it = items[k];
        // not a title before a name
        if items.get(k + 1).is_some_and(|n| n.a == it.b && matches!(n.kind, ItemKind::Name | ItemKind::Honorific(_))) {
            return;
        }
        // the words before: modifiers, then "the"
        let mut p = it.a;
        let mut mods = String::new();
        let mut mod_items = Vec::new();
        while p > 0 {
            let by_end = &self.by_end[f];
            let from = by_end.partition_point(|e| e.0 < p);
            let found = by_end[from..].iter().take_while(|e| e.0 == p).map(|e| e.1).find(|&q| matches!(items[q].kind, ItemKind::Lex(LexHit::Entity(..)) | ItemKind::Title(false)));
            if let Some(q) = found {
                if !adjacent(ft, p - 1) {
                    break;
                }
                if let ItemKind::Lex(LexHit::Entity(..)) = items[q].kind {
                    mods = format!("{} {mods}", ft.slice(items[q].start, items[q].end).lower());
                    mod_items.push(q);
                }
                p = items[q].a;
                continue;
            }
            break;
        }
        // "the Bomet governor" after "Bomet Governor Isaac Rutto": a title qualified by a
        // name the text gave as part of someone's role
        if p == it.a && k > 0 && items[k - 1].b == it.a && items[k - 1].kind == ItemKind::Name && adjacent(ft, it.a - 1) {
            let q = items[k - 1];
            if q.a > 0 && ft.token_text(&ft.tokens[q.a - 1]).lower() == "the" && !has_possessive(ft, &ft.tokens[q.b - 1]) {
                let phrase = format!("{} {}", ft.slice(q.start, q.end).lower(), ft.slice(it.start, it.end).lower());
                let hits: Vec<EntityId> = (0..self.ents.list.len())
                    .filter(|&i| self.ents.list[i].kind == StakeholderKind::Person && self.ents.list[i].role.as_ref().is_some_and(|(r, _)| r.lower() == phrase || r.lower().ends_with(&format!(" {phrase}"))))
                    .collect();
                if let Some(id) = self.ents.nearest_of(&hits, field, it.start) {
                    if self.mention(f, ft.tokens[q.a - 1].start, it.end, id, MentionForm::Description) {
                        self.used[f][k] = true;
                        self.used[f][k - 1] = true;
                    }
                    return;
                }
            }
        }
        let det = if p > 0 { ft.token_text(&ft.tokens[p - 1]).lower() } else { String::new() };
        let sentence_start = ft.sentence_at(ft.tokens[p].start).and_then(|s| ft.sentences.get(s)).is_some_and(|s| s.start == ft.tokens[p].start);
        let ok = det == "the" || (f == 0 && !mod_items.is_empty() && (p == 0 || sentence_start));
        if !ok {
            return;
        }
        let title = ft.slice(it.start, it.end).lower();
        let desc = format!("{mods}{title}");
        let Some(id) = self.ents.resolve_description(&desc, field, it.start) else { return };
        let start = if det == "the" && p > 0 && !mod_items.is_empty() { items[*mod_items.last().unwrap_or(&k)].start } else if det == "the" { ft.tokens[p - 1].start } else { ft.tokens[p].start };
        let start = if det == "the" && p > 0 { ft.tokens[p - 1].start.min(start) } else { start };
        if self.mention(f, start, it.end, id, MentionForm::Description) {
            self.used[f][k] = true;
            for q in mod_items {
                self.used[f][q] = true;
            }
        }
    }

    /// Lower-case descriptions: "the alliance", "the 32-member alliance", "his country",
    /// "the Russians" (handled as lexicon), groups ("protesters").
    fn small_words(&mut self, f: usize) {
        let ft = self.ft(f);
        let field = ft.field;
        let n = ft.tokens.len();
        // entities named like a lexicon organisation, with its index (entity order, then
        // ORGS order): the only ones a description noun can refer to; extended as entities come
        let mut org_ents: Vec<(EntityId, usize)> = Vec::new();
        let mut seen_ents = 0;
        let mut i = 0;
        while i < n {
            let w = ft.token_text(&ft.tokens[i]).lower();
            if w == "the" {
                for e in seen_ents..self.ents.list.len() {
                    let name = &self.ents.list[e].name;
                    org_ents.extend(ORGS.iter().enumerate().filter(|(_, o)| o.name == name).map(|(oi, _)| (e, oi)));
                }
                seen_ents = self.ents.list.len();
                // the [number-member|adj]{0,2} noun
                for extra in 0..3 {
                    let h = i + 1 + extra;
                    if h >= n || !(i..h).all(|x| adjacent(ft, x)) {
                        break;
                    }
                    let head = bare(ft, &ft.tokens[h]).lower();
                    let mid_ok = (i + 1..h).all(|x| {
                        let t = &ft.tokens[x];
                        t.kind != TokenKind::Punct && ft.chars.get(t.start).is_some_and(|c| c.is_lowercase() || c.is_ascii_digit())
                    });
                    if !mid_ok {
                        break;
                    }
                    let head2 = if h > i + 1 { format!("{} {head}", ft.token_text(&ft.tokens[h - 1]).lower()) } else { String::new() };
                    let mut words_used = 1;
                    let mut desc: Vec<EntityId> = Vec::new();
                    let mut k = 0;
                    while k < org_ents.len() {
                        let e = org_ents[k].0;
                        let mut hit = false;
                        while k < org_ents.len() && org_ents[k].0 == e {
                            if !hit {
                                hit = ORGS[org_ents[k].1].descriptions.iter().any(|d| {
                                    if d == head2 {
                                        words_used = 2;
                                    }
                                    (!d.contains(' ') && d == head) || d == head2
                                });
                            }
                            k += 1;
                        }
                        if hit {
                            desc.push(e);
                        }
                    }
                    if !desc.is_empty() && self.ents.mention_at(field, ft.tokens[h].start).is_none() {
                        let pos = ft.tokens[i].start;
                        if let Some(id) = self.ents.nearest_of(&desc, field, pos) {
                            let end = ft.tokens[h].start + bare(ft, &ft.tokens[h]).chars().count();
                            if self.mention(f, pos, end, id, MentionForm::Description) && h + 1 > i + 1 + words_used && self.ents.list[id].role.is_none() {
                                let rs = ft.tokens[i + 1].start;
                                self.ents.list[id].role = Some((ft.slice(rs, end), Span::new(field, rs, end)));
                            }
                            i = h;
                        }
                        break;
                    }
                }
            } else if (w == "his" || w == "her") && i + 1 < n && adjacent(ft, i) {
                let nx = bare(ft, &ft.tokens[i + 1]).lower();
                if nx == "country" || nx == "nation" || nx == "government" {
                    let pos = ft.tokens[i].start;
                    if let Some(pid) = self.nearest_person(f, pos, Some(w == "his"), None) {
                        let country = self.ents.list[pid].affiliations.iter().copied().find(|&a| self.ents.list[a].kind == StakeholderKind::Country);
                        if let Some(c) = country {
                            let end = ft.tokens[i + 1].start + nx.chars().count();
                            self.mention(f, pos, end, c, MentionForm::Description);
                        }
                    }
                }
            } else if lexicon::GROUPS.contains(&w.as_str()) && self.ents.mention_at(field, ft.tokens[i].start).is_none() {
                let prev = if i > 0 { ft.token_text(&ft.tokens[i - 1]).lower() } else { String::new() };
                // "protesters" but not "Ukrainian refugees" (already the country's) or "his voters"
                if !matches!(prev.as_str(), "his" | "her" | "their" | "its") {
                    let id = match self.ents.list.iter().position(|e| e.kind == StakeholderKind::Group && e.name == w) {
                        Some(x) => x,
                        None => self.ents.add_entity(Entity { name: w.clone(), kind: StakeholderKind::Group, role: None, aliases: vec![], affiliations: vec![], gender: None }),
                    };
                    let t = ft.tokens[i];
                    self.mention(f, t.start, t.end, id, MentionForm::FullName);
                }
            }
            i += 1;
        }
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
    let mut cx = Ctx { doc, ents: Entities::default(), cache: LexCache::default(), items, by_end, used, pending: Vec::new(), pending_for: Vec::new(), pending_employers: Vec::new() };
    // body first: full names and roles are stated there; the headline reuses them
    cx.named(1);
    cx.named(0);
    cx.rest(1);
    cx.rest(0);
    // pronouns first: "its" shows an organisation, which pending affiliations then find
    cx.genders_from_pronouns();
    cx.resolve_pending();
    cx.ents.merge_acronyms();
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
