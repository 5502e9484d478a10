//! The entity store: entities, their mentions sorted by position, and the queries every later
//! pass uses (`mention_at`, `mentions_in`, `mentions_before`, `resolve_name`,
//! `resolve_description`), plus the merge of acronyms with their expansions.

use super::*;

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
    pub(super) fn merge_into(&mut self, from: EntityId, to: EntityId) {
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
    pub(super) fn merge_acronyms(&mut self) {
        let body = |k: StakeholderKind| matches!(k, StakeholderKind::Organisation | StakeholderKind::Institution | StakeholderKind::Media | StakeholderKind::Group);
        let initials = |name: &str| -> String {
            name.split(' ').filter(|w| w.chars().next().is_some_and(char::is_uppercase)).filter_map(|w| w.chars().next()).flat_map(char::to_lowercase).collect()
        };
        // the initials of every body named in several words, once (linear in the entities)
        let mut by_initials: HashMap<String, Vec<EntityId>> = HashMap::default();
        for (l, e) in self.list.iter().enumerate() {
            if body(e.kind) && e.name.contains(' ') {
                by_initials.entry(initials(&e.name)).or_default().push(l);
            }
        }
        for short in 0..self.list.len() {
            let s = &self.list[short];
            let n = s.name.chars().count();
            if !body(s.kind) || s.name.contains(' ') || !(2..=6).contains(&n) || !s.name.chars().all(char::is_alphabetic) || !s.name.chars().next().is_some_and(char::is_uppercase) {
                continue;
            }
            if let Some(&[long]) = by_initials.get(&s.name.lower()).map(Vec::as_slice) {
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

    pub(super) fn set_np_start(&mut self, key: (Field, usize), start: usize) {
        match self.np_start.binary_search_by(|e| e.0.cmp(&key)) {
            Ok(i) => self.np_start[i].1 = start,
            Err(i) => self.np_start.insert(i, (key, start)),
        }
    }

    pub(super) fn add_modifier(&mut self, key: (Field, usize)) {
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
    pub(super) fn name_candidates(&self, s: &str) -> Vec<EntityId> {
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
    pub(super) fn nearest_of(&self, cands: &[EntityId], field: Field, pos: usize) -> Option<EntityId> {
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
        // German and French articles before a title ("die Kanzlerin", "la présidente"): the
        // person whose role is that title or a compound ending in it ("Bundeskanzlerin")
        if let Some(word) = ["der ", "die ", "das ", "den ", "dem ", "le ", "la ", "l'", "l’"].iter().find_map(|a| lower.strip_prefix(a)) {
            if word.chars().count() >= 4 && !word.contains(' ') {
                let hits: Vec<EntityId> = (0..self.list.len())
                    .filter(|&i| self.list[i].kind == StakeholderKind::Person && self.list[i].role.as_ref().is_some_and(|(r, _)| r.lower().ends_with(word)))
                    .collect();
                if !hits.is_empty() {
                    return self.nearest_of(&hits, field, pos);
                }
            }
        }
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
    pub(super) fn modifier_entities(&self, s: &str) -> Vec<EntityId> {
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
    pub(super) fn holds_title(&self, i: EntityId, title: &str, mods: &[EntityId]) -> bool {
        let e = &self.list[i];
        let Some((role, _)) = &e.role else { return false };
        let r = role.lower();
        let Some(rt) = title_suffix(&r) else { return false };
        let fits = rt == title
            || (rt.ends_with(&format!(" {title}"))
                && !matches!(rt.split(' ').next(), Some("vice" | "deputy" | "assistant" | "former" | "lt." | "lieutenant" | "under")));
        fits && mods.iter().all(|m| e.affiliations.contains(m) || r.contains(&self.list[*m].name.lower()))
    }

    pub(super) fn entity_for_lex(&mut self, key: LexKey, cache: &mut LexCache) -> EntityId {
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

    pub(super) fn add_alias(&mut self, id: EntityId, a: &str) {
        let a = a.trim();
        if !a.is_empty() && !self.list[id].aliases.iter().any(|x| x == a) {
            self.list[id].aliases.push(a.to_string());
        }
    }

    pub fn affiliate(&mut self, id: EntityId, to: EntityId) {
        if id != to && !self.list[id].affiliations.contains(&to) {
            self.list[id].affiliations.push(to);
        }
    }
}

/// The longest title (from the lexicon) a lower-case role or description ends with.
/// Abbreviated and variant titles written out, so "Sen." fits "the senator".
pub(super) fn expand_title_word(w: &str) -> &str {
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
pub(super) fn title_suffix(lower: &str) -> Option<String> {
    title_split(lower).map(|(_, t)| t)
}

/// A lower-case role or description split into its modifier words and its (written out)
/// title: "us vice president" -> ("us", "vice president").
pub(super) fn title_split(lower: &str) -> Option<(String, String)> {
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
