//! Speakers given by description rather than by name: organisations and courts described by
//! their kind ("the court said", "the company said", "it said") and unnamed sources ("a
//! spokesperson told …", "one patient who received the leaflet said", "a council officer
//! responded").
//!
//! - An organisation description goes to the organisation in focus: the nearest earlier
//!   non-person stakeholder whose name, alias or role has the description's head noun ("the
//!   court" -> "Delhi High Court", "the regulator" -> Ofcom, role "communications regulator"),
//!   or for a generic noun ("the company", "the firm", "the club") the nearest organisation.
//! - An unnamed source is a stakeholder of its own, named by the description as written
//!   ("a spokesperson for MS3"), never the nearest name; a later definite description with the
//!   same head noun ("the patient") is the same source.
//!
//! Word classes are general English (no article's words): see the lists below.

pub use super::entities::{head_noun, is_body, resolve_body};
pub use super::lexicon::is_body_noun;
use super::entities::{Entities, Entity, EntityId, EntityMention, MentionForm};
use super::lexicon::{self, Words};
use crate::model::{Span, StakeholderKind};
use crate::text::{FieldText, Lower};

/// Is `w` (lower case) a noun for an unnamed person?
pub fn is_person_noun(w: &str) -> bool {
    lexicon::PERSON_NOUNS.contains(&w)
}

/// "Acme Widgets cut 300 jobs … the company said": when a generic body noun finds no
/// organisation, the nearest earlier name of two or more words that opens a sentence, is no
/// known person's (no given name, no gender, no role) and was typed a person for want of
/// evidence, is that organisation: it is retyped.
pub fn retype_as_body(ents: &mut Entities, ft: &FieldText, pos: usize, desc: &str) -> Option<EntityId> {
    let head = head_noun(desc)?;
    if !lexicon::GENERIC_BODY_NOUNS.contains(&head.as_str()) && !lexicon::ORG_NOUNS.contains(&head.as_str()) {
        return None;
    }
    let id = ents.mentions_before(ft.field, pos).take(200).find_map(|m| {
        let e = ents.list.get(m.entity)?;
        let opens = ft.sentence_at(m.start).is_some_and(|s| ft.sentences[s].start == m.start);
        let first = e.name.split_whitespace().next().unwrap_or("");
        (opens
            && e.kind == StakeholderKind::Person
            && e.gender.is_none()
            && e.role.is_none()
            && e.name.split_whitespace().count() >= 2
            && lexicon::given_name_gender(first).is_none())
        .then_some(m.entity)
    })?;
    ents.list[id].kind = StakeholderKind::Organisation;
    Some(id)
}

/// "it said", "its statement said": the body that spoke last or that the text is about,
/// before `pos` (within `floor..pos`): the last speaker if it is a body, else the nearest
/// body mentioned as a sentence's first word group.
pub fn resolve_it(ents: &Entities, ft: &FieldText, pos: usize, floor: usize, last_speaker: Option<EntityId>) -> Option<EntityId> {
    if let Some(id) = last_speaker.filter(|&id| ents.list.get(id).is_some_and(|e| is_body(e.kind))) {
        return Some(id);
    }
    let mut nearest = None;
    for m in ents.mentions_before(ft.field, pos).take(200) {
        if m.start < floor {
            break;
        }
        let Some(e) = ents.list.get(m.entity) else { continue };
        if !is_body(e.kind) || ents.is_modifier(m) {
            continue;
        }
        let sentence_subject = ft.sentence_at(m.start).is_some_and(|s| {
            let st = ft.sentences[s].start;
            ft.slice(st, m.start).split_whitespace().count() <= 2
        });
        if sentence_subject {
            return Some(m.entity);
        }
        nearest = nearest.or(Some(m.entity));
    }
    nearest
}

/// An unnamed source described at `span` ("a spokesperson for MS3", "one patient who received
/// the leaflet"): the source already introduced with this description or head noun (a later
/// "the patient"), or a new stakeholder named by the description as written.
pub fn unnamed_source(ents: &mut Entities, ft: &FieldText, span: Span) -> Option<EntityId> {
    let desc = ft.slice(span.start, span.end);
    let desc = desc.trim().trim_end_matches([',', '.', ';', ':']);
    let mut words = desc.split_whitespace();
    let first = words.next()?.lower();
    let head = head_noun(desc)?;
    let foreign_role = match ft.lang {
        crate::text::Lang::De => lexicon::lang::de_title(&head),
        crate::text::Lang::Fr => lexicon::lang::FR_TITLES.contains(&head.as_str()),
        crate::text::Lang::En => false,
    };
    if !is_person_noun(&head) && !lexicon::ROLE_NOUNS.contains(&head.as_str()) && !foreign_role {
        return None;
    }
    let definite = matches!(first.as_str(), "the" | "this" | "that" | "le" | "la" | "der" | "die" | "das");
    // an unnamed source introduced before: the same head noun
    let same = |e: &Entity| e.role.as_ref().is_some_and(|(r, _)| r == "unnamed source") && head_noun(&e.name).as_deref() == Some(head.as_str());
    let before = ents.mentions_before(ft.field, span.start).take(400).find(|m| ents.list.get(m.entity).is_some_and(same)).map(|m| m.entity);
    if let Some(id) = before {
        ents.add_mention(EntityMention { field: ft.field, start: span.start, end: span.end, entity: id, form: MentionForm::Description });
        return Some(id);
    }
    if definite {
        return None;
    }
    // (the indefinite articles of French and German too: "un porte-parole", "ein Sprecher")
    if !matches!(first.as_str(), "a" | "an" | "one" | "another" | "some" | "two" | "three" | "several" | "un" | "une" | "ein" | "eine" | "einer") {
        return None;
    }
    // written as in the text, with a sentence-initial determiner in lower case
    let mut name = desc.to_string();
    if let Some(c) = name.chars().next() {
        if c.is_uppercase() {
            name = format!("{}{}", crate::text::lower_char(c), &name[c.len_utf8()..]);
        }
    }
    let id = ents.add_entity(Entity {
        name,
        kind: StakeholderKind::Person,
        role: Some(("unnamed source".to_string(), span)),
        aliases: vec![],
        affiliations: vec![],
        gender: None,
    });
    ents.add_mention(EntityMention { field: ft.field, start: span.start, end: span.end, entity: id, form: MentionForm::Description });
    Some(id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn head_noun_is_the_last_lower_case_word_before_a_qualifier() {
        assert_eq!(head_noun("a spokesperson for MS3").as_deref(), Some("spokesperson"));
        assert_eq!(head_noun("One patient who received the leaflet").as_deref(), Some("patient"));
        assert_eq!(head_noun("the High Court bench").as_deref(), Some("bench"));
        assert_eq!(head_noun("A council officer").as_deref(), Some("officer"));
        assert_eq!(head_noun("Ofcom"), None);
    }

    #[test]
    fn body_nouns_take_courts_and_companies_not_people() {
        for w in ["court", "company", "council", "bench", "regulator", "union"] {
            assert!(is_body_noun(w), "{w}");
        }
        for w in ["patient", "minister", "spokesperson", "leaflet"] {
            assert!(!is_body_noun(w), "{w}");
        }
    }
}

/// Body nouns too loose to stand for one organisation on their own ("the side", "the office").
const LOOSE_BODY_NOUNS: Words = Words("side|team|group|business|management|executive|office|service|force|administration|military|army|airport|police|school|chain|developer|publisher|operator|provider");

/// "The company has blamed striking workers", "criticised the council": a definite description
/// of a body (the, up to two lower-case words, a body noun) becomes a mention of the body in
/// focus (see [`resolve_body`]), so that every later pass sees who acts and who is acted on.
/// Not before a capitalised word or "of" ("the council of Europe", "the company Nvidia").
pub fn body_mentions(doc: &crate::text::Doc, ents: &mut Entities) {
    for ft in doc.fields() {
        let n = ft.tokens.len();
        let low = |i: usize| ft.tokens.get(i).map(|t| ft.lower_of(t).to_string()).unwrap_or_default();
        let mut found: Vec<EntityMention> = Vec::new();
        for i in 0..n {
            if low(i) != "the" {
                continue;
            }
            for h in i + 1..(i + 4).min(n) {
                let t = &ft.tokens[h];
                // "the Government", "the Council": a body's head capitalised right after "the"
                let capital_head = h == i + 1 && ft.chars.get(t.start).is_some_and(|c| c.is_uppercase()) && low(i) == ft.token_text(&ft.tokens[i]);
                if !ft.chars.get(t.start).is_some_and(|c| c.is_lowercase()) && !capital_head {
                    break;
                }
                let word = low(h);
                let head = word.trim_end_matches("’s").trim_end_matches("'s");
                let after = ft.tokens.get(h + 1);
                let named_next = after.is_some_and(|u| ft.chars.get(u.start).is_some_and(|c| c.is_uppercase())) && head == word;
                if is_body_noun(head) && !LOOSE_BODY_NOUNS.contains(&head) && !named_next && low(h + 1) != "of" {
                    let start = ft.tokens[i].start;
                    let end = t.start + head.chars().count();
                    if ents.mentions_in(ft.field, start, end).next().is_none() {
                        let desc = ft.slice(start, end);
                        let id = resolve_body(ents, ft.field, start, &desc.lower()).filter(|&id| ents.list[id].kind != StakeholderKind::Person);
                        if let Some(id) = id {
                            // "Ofcom ... The communications regulator": a public body's noun
                            // makes the organisation it stands for a state institution
                            if ents.list[id].kind == StakeholderKind::Organisation && lexicon::PUBLIC_BODY_NOUNS.contains(&head) {
                                ents.list[id].kind = StakeholderKind::Institution;
                            }
                            found.push(EntityMention { field: ft.field, start, end, entity: id, form: MentionForm::Description });
                        } else if capital_head && matches!(head.lower().as_str(), "government" | "administration") {
                            // the state's executive, named by its kind alone ("the Government"
                            // in British, Irish and Commonwealth usage, "the Administration")
                            let name = ft.slice(t.start, end);
                            let id = ents.list.iter().position(|e| e.name == name && e.kind == StakeholderKind::Institution).unwrap_or_else(|| {
                                ents.add_entity(Entity { name, kind: StakeholderKind::Institution, role: None, aliases: vec![], affiliations: vec![], gender: None })
                            });
                            found.push(EntityMention { field: ft.field, start, end, entity: id, form: MentionForm::FullName });
                        }
                    }
                    break;
                }
                if is_body_noun(head) || !word.chars().all(|c| c.is_lowercase() || c == '-') {
                    break;
                }
            }
        }
        for m in found {
            ents.add_mention(m);
        }
    }
}
