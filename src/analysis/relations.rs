//! Relations: how stakeholders stand towards each other, with evidence.
//!
//! First cut: "says about" for every entity a quote's speaker names inside the quote.
//! Deepened by issue 4 (rules out, expects, hosts, ... with stance and negation).

use super::attribution::Attributed;
use super::entities::{Entities, EntityId};
use crate::model::{RelationKind, Span, Stance};
use crate::text::Doc;

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

pub fn extract(_doc: &Doc, ents: &Entities, quotes: &[Attributed]) -> Vec<RelationDraft> {
    let mut out = Vec::new();
    for a in quotes {
        let Some(src) = a.speaker else { continue };
        for m in ents.mentions_in(a.quote.field, a.quote.start, a.quote.end) {
            if m.entity != src && !out.iter().any(|r: &RelationDraft| r.source == src && r.target == m.entity) {
                out.push(RelationDraft {
                    source: src,
                    target: m.entity,
                    kind: RelationKind::SaysAbout,
                    stance: Stance::Neutral,
                    evidence: Span::new(a.quote.field, a.quote.start, a.quote.end),
                    negated: false,
                    reported_by: None,
                    object: None,
                });
            }
        }
    }
    out
}
