//! Stakeholder detection: mentions found in the text, merged into entities.
//!
//! First cut: runs of capitalised words that look like personal names (two or more
//! words), with later surname-only mentions linked to the full name. Deepened by issue 4
//! (lexicons, kinds, roles, descriptions, affiliations).

use crate::model::{Field, Span, StakeholderKind};
use crate::text::{Doc, FieldText, TokenKind};

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
}

impl Entities {
    /// Adds an entity and returns its id.
    pub fn add_entity(&mut self, e: Entity) -> EntityId {
        self.list.push(e);
        self.list.len() - 1
    }

    /// Adds a mention, keeping `mentions` sorted; overlapping mentions are not added.
    pub fn add_mention(&mut self, m: EntityMention) -> bool {
        let i = self.mentions.partition_point(|x| (x.field, x.start) < (m.field, m.start));
        let clash = |x: &EntityMention| x.field == m.field && x.start < m.end && m.start < x.end;
        if (i > 0 && clash(&self.mentions[i - 1])) || (i < self.mentions.len() && clash(&self.mentions[i])) {
            return false;
        }
        self.mentions.insert(i, m);
        true
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

    /// The entity a name-like surface form refers to: a full name, alias, surname or
    /// "Mr. Surname". Case-sensitive on names.
    pub fn resolve_name(&self, surface: &str) -> Option<EntityId> {
        let s = strip_honorific(surface.trim());
        if s.is_empty() {
            return None;
        }
        if let Some(i) = self.list.iter().position(|e| e.name == s || e.aliases.iter().any(|a| a == s)) {
            return Some(i);
        }
        // surname match on people
        let hits: Vec<EntityId> = (0..self.list.len())
            .filter(|&i| self.list[i].kind == StakeholderKind::Person && self.list[i].name.split(' ').next_back() == Some(s))
            .collect();
        (hits.len() == 1).then(|| hits[0])
    }

    /// The entity a description refers to ("the minister", "the US vice president"),
    /// judged at char `pos` of `field` (the nearest fitting entity before it wins).
    pub fn resolve_description(&self, desc: &str, field: Field, pos: usize) -> Option<EntityId> {
        let d = desc.trim().trim_start_matches("the ").trim_start_matches("The ").to_lowercase();
        if d.is_empty() {
            return None;
        }
        let fits = |e: &Entity| e.role.as_ref().is_some_and(|(r, _)| r.to_lowercase().contains(&d) || d.contains(&r.to_lowercase()));
        self.mentions_before(field, pos).map(|m| m.entity).find(|&i| fits(&self.list[i])).or_else(|| self.list.iter().position(fits))
    }
}

const HONORIFICS: &[&str] = &["Mr.", "Mrs.", "Ms.", "Dr.", "Mr", "Mrs", "Ms", "Dr", "Sen.", "Rep.", "Gov.", "Prof."];

pub fn strip_honorific(s: &str) -> &str {
    for h in HONORIFICS {
        if let Some(rest) = s.strip_prefix(h) {
            if rest.starts_with(' ') {
                return rest.trim_start();
            }
        }
    }
    s
}

/// Capitalised words that begin sentences or are otherwise not names.
const NOT_NAME: &[&str] = &[
    "The", "A", "An", "In", "On", "At", "But", "And", "Or", "If", "When", "While", "After", "Before", "Despite",
    "Under", "Over", "This", "That", "These", "Those", "It", "He", "She", "They", "We", "I", "You", "His", "Her",
    "Their", "Our", "My", "Its", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December", "What", "Look", "Last", "Next", "For", "From", "With", "As", "Of", "To", "By",
];

fn is_cap_word(ft: &FieldText, i: usize) -> bool {
    let t = &ft.tokens[i];
    t.kind == TokenKind::Word && ft.chars[t.start].is_uppercase()
}

/// Finds entities in both fields.
pub fn extract(doc: &Doc) -> Entities {
    let mut ents = Entities::default();
    for ft in doc.fields() {
        let n = ft.tokens.len();
        let mut i = 0;
        while i < n {
            if !is_cap_word(ft, i) {
                i += 1;
                continue;
            }
            let mut j = i;
            while j < n && is_cap_word(ft, j) && (j == i || ft.tokens[j].start == ft.tokens[j - 1].end + 1) {
                j += 1;
            }
            let words: Vec<String> = (i..j).map(|k| ft.token_text(&ft.tokens[k])).collect();
            let mut s = 0;
            while s < words.len() && NOT_NAME.contains(&words[s].as_str()) {
                s += 1;
            }
            if j - (i + s) >= 2 {
                let name = words[s..].join(" ");
                let id = ents.resolve_name(&name).unwrap_or_else(|| {
                    ents.add_entity(Entity {
                        name: name.clone(),
                        kind: StakeholderKind::Person,
                        role: None,
                        aliases: vec![name.clone()],
                        affiliations: vec![],
                        gender: None,
                    })
                });
                ents.add_mention(EntityMention {
                    field: ft.field,
                    start: ft.tokens[i + s].start,
                    end: ft.tokens[j - 1].end,
                    entity: id,
                    form: MentionForm::FullName,
                });
            }
            i = j.max(i + 1);
        }
    }
    // surname-only mentions
    for ft in doc.fields() {
        for (k, t) in ft.tokens.iter().enumerate() {
            if !is_cap_word(ft, k) || ents.mention_at(ft.field, t.start).is_some() {
                continue;
            }
            let w = ft.token_text(t);
            let w = w.trim_end_matches("’s").trim_end_matches("'s");
            if let Some(id) = ents.resolve_name(w) {
                let end = t.start + w.chars().count();
                if !ents.list[id].aliases.iter().any(|a| a == w) {
                    ents.list[id].aliases.push(w.to_string());
                }
                ents.add_mention(EntityMention { field: ft.field, start: t.start, end, entity: id, form: MentionForm::Surname });
            }
        }
    }
    ents
}
