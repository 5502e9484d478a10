//! Editors' corrections beyond the speaker (issue 10, item 9): pure functions from one analysis
//! to a new one that `input::check_analysis` (so `stakeholder-map check`) accepts. The widget's
//! model applies them ([`super::Model`]); the editor controls only dispatch them.

use crate::model::{Analysis, QuoteKind};

/// An editor's correction of the analysis beyond the speaker (issue 10, item 9). Each gives a
/// new analysis that `stakeholder-map check` accepts, or nothing when it does not apply.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Stakeholder `from` is the same as `into`: its mentions, names, quotes and relations move
    /// to `into` and `from` disappears.
    Merge { from: String, into: String },
    /// A better name (the old one is kept as an alias; the id stays, so links keep working).
    Rename { id: String, name: String },
    /// Not a stakeholder at all: removed with its relations; its quotes become unattributed.
    Hide(String),
    /// A relation the text does not state.
    DeleteRelation(String),
    /// Quoted words that are nobody's speech (a title, a scare quote): no card, no speaker.
    NotSpeech(String),
}

/// Applies an editor's [`Edit`]: the corrected analysis (derived counts recomputed, checked as
/// a published analysis is), or None when an id is unknown or the edit changes nothing.
pub fn edit(a: &Analysis, e: &Edit) -> Option<Analysis> {
    let mut b = a.clone();
    let editor = |q: &mut crate::model::Quote| {
        q.method = Some("editor".to_string());
        q.confidence = 1.0;
        q.speaker_mention = None;
    };
    match e {
        Edit::Merge { from, into } => {
            let fi = b.stakeholders.iter().position(|s| &s.id == from)?;
            b.stakeholder(into).filter(|_| from != into)?;
            let f = b.stakeholders.remove(fi);
            let swap = |id: &mut String| {
                if id == from {
                    *id = into.clone();
                }
            };
            for s in &mut b.stakeholders {
                s.affiliations.iter_mut().for_each(swap);
                if &s.id == into {
                    for n in std::iter::once(&f.name).chain(&f.aliases) {
                        if *n != s.name && !s.aliases.contains(n) {
                            s.aliases.push(n.clone());
                        }
                    }
                    s.mentions.extend(f.mentions.iter().cloned());
                    crate::text::sort_vec_by(&mut s.mentions, &|x, y| (x.field, x.start).cmp(&(y.field, y.start)));
                    s.affiliations.extend(f.affiliations.iter().filter(|t| *t != into).cloned());
                    s.mention_count += f.mention_count;
                    s.prominence = s.prominence.max(f.prominence);
                    if s.role.is_none() {
                        s.role = f.role.clone();
                        s.role_mention = f.role_mention.clone();
                    }
                }
                let me = s.id.clone();
                s.affiliations.retain(|t| *t != me);
                dedup(&mut s.affiliations);
            }
            for q in &mut b.quotes {
                q.speaker.iter_mut().for_each(swap);
                q.mentions.iter_mut().for_each(swap);
                dedup(&mut q.mentions);
            }
            for r in &mut b.relations {
                swap(&mut r.source);
                swap(&mut r.target);
                r.reported_by.iter_mut().for_each(swap);
            }
            b.relations.retain(|r| r.source != r.target);
        }
        Edit::Rename { id, name } => {
            let name = name.trim();
            let s = b.stakeholders.iter_mut().find(|s| &s.id == id).filter(|s| !name.is_empty() && s.name != name)?;
            let old = std::mem::replace(&mut s.name, name.to_string());
            s.aliases.retain(|x| x != name);
            if !s.aliases.contains(&old) {
                s.aliases.push(old);
            }
        }
        Edit::Hide(id) => {
            let i = b.stakeholders.iter().position(|s| &s.id == id)?;
            b.stakeholders.remove(i);
            for s in &mut b.stakeholders {
                s.affiliations.retain(|t| t != id);
            }
            for q in &mut b.quotes {
                if q.speaker.as_ref() == Some(id) {
                    q.speaker = None;
                    editor(q);
                }
                q.mentions.retain(|m| m != id);
            }
            b.relations.retain(|r| &r.source != id && &r.target != id);
            for r in &mut b.relations {
                if r.reported_by.as_ref() == Some(id) {
                    r.reported_by = None;
                }
            }
        }
        Edit::DeleteRelation(id) => {
            let i = b.relations.iter().position(|r| &r.id == id)?;
            b.relations.remove(i);
        }
        Edit::NotSpeech(id) => {
            let q = b.quotes.iter_mut().find(|q| &q.id == id && q.kind != QuoteKind::NonSpeech)?;
            q.kind = QuoteKind::NonSpeech;
            q.speaker = None;
            editor(q);
        }
    }
    crate::input::check_analysis(&mut b).ok()?;
    Some(b)
}

fn dedup(v: &mut Vec<String>) {
    let mut seen: Vec<String> = Vec::with_capacity(v.len());
    v.retain(|x| {
        let new = !seen.contains(x);
        if new {
            seen.push(x.clone());
        }
        new
    });
}


#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::parse_any;
    use crate::widget::state::Facts;
    use std::rc::Rc;

    fn seed() -> Facts {
        let src = include_str!("../../fixtures/seed-article.json");
        Facts::new(Rc::new(crate::analyze(&parse_any(src).unwrap())))
    }

    use crate::widget::state::tests::top_speaker;

    fn ids(a: &Analysis) -> Vec<&str> {
        a.stakeholders.iter().map(|s| s.id.as_str()).collect()
    }

    /// Every id the analysis refers to exists (what `check` verifies).
    fn consistent(a: &Analysis) {
        let mut b = a.clone();
        crate::input::check_analysis(&mut b).expect("the corrected analysis checks");
        assert_eq!(&b, a, "derived counts already up to date");
    }

    #[test]
    fn merge_moves_names_mentions_quotes_and_relations_and_drops_self_relations() {
        let f = seed();
        let a = &*f.analysis;
        let r = a.relations.iter().find(|r| r.source != r.target).expect("a relation");
        let (from, into) = (r.source.clone(), r.target.clone());
        let fs = a.stakeholder(&from).unwrap().clone();
        let b = edit(a, &Edit::Merge { from: from.clone(), into: into.clone() }).unwrap();
        consistent(&b);
        assert!(b.stakeholder(&from).is_none());
        let t = b.stakeholder(&into).unwrap();
        assert!(t.aliases.contains(&fs.name));
        assert!(fs.mentions.iter().all(|m| t.mentions.contains(m)));
        assert!(t.mentions.windows(2).all(|w| (w[0].field, w[0].start) <= (w[1].field, w[1].start)));
        let before = a.quotes.iter().filter(|q| q.kind != QuoteKind::NonSpeech && matches!(q.speaker.as_deref(), Some(s) if s == from || s == into)).count();
        assert_eq!(t.quote_count, before);
        assert!(b.relations.iter().all(|r| r.source != r.target && r.source != from && r.target != from));
        assert!(b.quotes.iter().all(|q| q.speaker.as_deref() != Some(from.as_str()) && !q.mentions.contains(&from)));
        assert!(b.stakeholders.iter().all(|s| !s.affiliations.contains(&from) && !s.affiliations.contains(&s.id)));
        // Unknown ids and a merge into itself change nothing.
        assert!(edit(a, &Edit::Merge { from: from.clone(), into: from.clone() }).is_none());
        assert!(edit(a, &Edit::Merge { from: "nobody".into(), into }).is_none());
    }


    #[test]
    fn rename_keeps_the_id_and_the_old_name_as_an_alias() {
        let f = seed();
        let a = &*f.analysis;
        let s = &a.stakeholders[0];
        let b = edit(a, &Edit::Rename { id: s.id.clone(), name: "  Someone Else ".into() }).unwrap();
        consistent(&b);
        let t = b.stakeholder(&s.id).unwrap();
        assert_eq!(t.name, "Someone Else");
        assert!(t.aliases.contains(&s.name));
        assert_eq!(ids(&b), ids(a));
        assert!(edit(a, &Edit::Rename { id: s.id.clone(), name: "  ".into() }).is_none());
        assert!(edit(a, &Edit::Rename { id: "nobody".into(), name: "X".into() }).is_none());
    }


    #[test]
    fn hide_removes_a_stakeholder_its_relations_and_its_quotes_speaker() {
        let f = seed();
        let a = &*f.analysis;
        let id = top_speaker(&f);
        let b = edit(a, &Edit::Hide(id.clone())).unwrap();
        consistent(&b);
        assert!(b.stakeholder(&id).is_none());
        assert_eq!(b.stakeholders.len(), a.stakeholders.len() - 1);
        assert!(b.relations.iter().all(|r| r.source != id && r.target != id && r.reported_by.as_deref() != Some(id.as_str())));
        for (qa, qb) in a.quotes.iter().zip(&b.quotes) {
            if qa.speaker.as_deref() == Some(id.as_str()) {
                assert_eq!((qb.speaker.as_deref(), qb.method.as_deref()), (None, Some("editor")));
            }
        }
        assert!(!Facts::new(Rc::new(b)).summary.contains(&a.stakeholder(&id).unwrap().name));
    }


    #[test]
    fn delete_relation_and_not_speech_change_only_what_they_name() {
        let f = seed();
        let a = &*f.analysis;
        let r = a.relations[0].id.clone();
        let b = edit(a, &Edit::DeleteRelation(r.clone())).unwrap();
        consistent(&b);
        assert_eq!(b.relations.len(), a.relations.len() - 1);
        assert!(b.relations.iter().all(|x| x.id != r));
        assert!(edit(&b, &Edit::DeleteRelation(r)).is_none());
        let q = a.quotes[f.cards[0]].id.clone();
        let c = edit(a, &Edit::NotSpeech(q.clone())).unwrap();
        consistent(&c);
        let fc = Facts::new(Rc::new(c.clone()));
        assert_eq!(fc.cards.len(), f.cards.len() - 1);
        let cq = c.quotes.iter().find(|x| x.id == q).unwrap();
        assert_eq!((cq.kind, cq.speaker.as_deref(), cq.method.as_deref()), (QuoteKind::NonSpeech, None, Some("editor")));
        assert!(edit(&c, &Edit::NotSpeech(q)).is_none(), "already not speech");
    }

}
