//! The body in focus: which organisation a description ("the court", "the company", "the
//! group's director") stands for, and the head noun of a description.

use super::{Entities, Entity, EntityId};
use crate::analysis::lexicon;
use crate::model::{Field, StakeholderKind};
use crate::text::Lower;

/// Is a stakeholder of this kind a body (an organisation, institution or medium)?
pub fn is_body(kind: StakeholderKind) -> bool {
    matches!(kind, StakeholderKind::Organisation | StakeholderKind::Institution | StakeholderKind::Media)
}

/// The head noun of a description: its last lower-case word ("the High Court bench" ->
/// "bench", "a spokesperson for MS3" -> "spokesperson", "one patient who received the
/// leaflet" -> "patient").
pub fn head_noun(desc: &str) -> Option<String> {
    let words: Vec<&str> = desc.split_whitespace().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')).collect();
    // (also the qualifiers of French and German: "un porte-parole du parti", "ein Sprecher der
    // Partei")
    let cut = words
        .iter()
        // ("a source close to the couple", "an official familiar with the talks")
        .position(|w| matches!(*w, "who" | "which" | "that" | "for" | "of" | "at" | "from" | "with" | "to" | "in" | "on" | "close" | "familiar" | "involved" | "inside" | "within" | "du" | "de" | "des" | "qui" | "que" | "von" | "vom" | "für"))
        .unwrap_or(words.len());
    let head = words[..cut].iter().rposition(|w| !w.is_empty() && w.chars().all(|c| c.is_lowercase() || c == '-'))?;
    // a German noun is capitalised: the word after the article ("ein Sprecher")
    if matches!(words[head], "ein" | "eine" | "einer" | "einem" | "der" | "die" | "das") && head + 1 < cut {
        return Some(words[head + 1].lower());
    }
    Some(words[head].to_string())
}

/// "the court", "the company", "the regulator": the organisation in focus before `pos`.
pub fn resolve_body(ents: &Entities, field: Field, pos: usize, desc: &str) -> Option<EntityId> {
    let head = head_noun(desc)?;
    if !lexicon::is_body_noun(&head) {
        return None;
    }
    // a court's bench speaks for the court
    let key = if head == "bench" { "court".to_string() } else { head.clone() };
    // (any organisation noun, "the power utility", "the carmaker", stands for the organisation
    // in focus; a public body's, "the regulator", for the state institution in focus only)
    let generic = lexicon::GENERIC_BODY_NOUNS.contains(&head.as_str()) || lexicon::ORG_NOUNS.contains(&head.as_str());
    let public = lexicon::PUBLIC_BODY_NOUNS.contains(&head.as_str());
    // (the noun heads the name: its last word or the word before "of"/"for" — "Delhi High
    // Court", "Council of Europe" — not a modifier, "Government House" is no government)
    let heads = |n: &str| {
        let words: Vec<String> = n.lower().split_whitespace().map(str::to_string).collect();
        words.iter().enumerate().any(|(i, w)| *w == key && (i + 1 == words.len() || matches!(words[i + 1].as_str(), "of" | "for" | "on")))
    };
    let names = |e: &Entity| {
        std::iter::once(&e.name).chain(e.aliases.iter()).any(|n| heads(n))
            || e.role.as_ref().is_some_and(|(r, _)| r.lower().split_whitespace().next_back() == Some(key.as_str()))
    };
    let mut first_generic = None;
    for m in ents.mentions_before(field, pos).take(400) {
        let Some(e) = ents.list.get(m.entity) else { continue };
        if !is_body(e.kind) {
            continue;
        }
        if names(e) {
            return Some(m.entity);
        }
        if generic && first_generic.is_none() && (if public { e.kind == StakeholderKind::Institution } else { e.kind == StakeholderKind::Organisation }) {
            first_generic = Some(m.entity);
        }
    }
    // a description before any mention of its body ("the court said" in the lead, the
    // court named later): any body of the article with the head noun in its name
    first_generic.or_else(|| ents.list.iter().position(|e| is_body(e.kind) && names(e)))
}
