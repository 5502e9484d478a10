//! Turns the analysis drafts into the serde `Analysis`: stable ids, counts, prominence.

use super::attribution::Attributed;
use super::entities::Entities;
use super::relations::RelationDraft;
use crate::input::Article;
use crate::model::*;
use crate::text::Doc;
use rustc_hash::FxHashSet as HashSet;

/// Lower-case ASCII slug of a name ("JD Vance" -> "jd-vance"); non-ASCII letters kept.
pub fn slug(name: &str) -> String {
    let mut s = String::with_capacity(name.len());
    for c in name.chars().map(crate::text::lower_char) {
        if c.is_alphanumeric() {
            s.push(c);
        } else if !s.ends_with('-') && !s.is_empty() {
            s.push('-');
        }
    }
    while s.ends_with('-') {
        s.pop();
    }
    if s.is_empty() {
        s.push_str("stakeholder");
    }
    s
}

pub fn assemble(article: &Article, doc: &Doc, ents: &Entities, quotes: &[Attributed], rels: &[RelationDraft]) -> Analysis {
    // stable ids
    let mut used = HashSet::default();
    let ids: Vec<String> = ents
        .list
        .iter()
        .map(|e| {
            let base = slug(&e.name);
            let mut id = base.clone();
            let mut n = 2;
            while !used.insert(id.clone()) {
                id = format!("{base}-{n}");
                n += 1;
            }
            id
        })
        .collect();
    let mention = |f: Field, s: usize, e: usize| Mention { field: f, start: s, end: e, text: doc.field(f).slice(s, e) };

    let mut stakeholders: Vec<Stakeholder> = ents
        .list
        .iter()
        .enumerate()
        .map(|(i, e)| Stakeholder {
            id: ids[i].clone(),
            name: e.name.clone(),
            kind: e.kind,
            role: e.role.as_ref().map(|(r, _)| r.clone()),
            role_mention: e.role.as_ref().map(|(_, sp)| mention(sp.field, sp.start, sp.end)),
            aliases: e.aliases.clone(),
            mentions: ents.mentions.iter().filter(|m| m.entity == i).map(|m| mention(m.field, m.start, m.end)).collect(),
            affiliations: e.affiliations.iter().filter_map(|&a| ids.get(a).cloned()).collect(),
            mention_count: 0,
            quote_count: 0,
            prominence: 0.0,
        })
        .collect();

    let quotes_out: Vec<Quote> = quotes
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let q = &a.quote;
            let ft = doc.field(q.field);
            Quote {
                id: format!("q{}", i + 1),
                text: ft.slice(q.start, q.end),
                field: q.field,
                start: q.start,
                end: q.end,
                speaker: a.speaker.and_then(|s| ids.get(s).cloned()),
                kind: q.kind,
                paragraph: (q.field == Field::Body).then(|| ft.paragraph_at(q.start)),
                confidence: a.confidence,
                cue: a.cue.map(|c| Cue { field: c.field, start: c.start, end: c.end, text: doc.field(c.field).slice(c.start, c.end) }),
                speaker_mention: a.speaker_mention.map(|m| mention(m.field, m.start, m.end)),
                method: (a.method != "none").then(|| a.method.to_string()),
                mentions: {
                    let mut v: Vec<String> = Vec::new();
                    for m in ents.mentions_in(q.field, q.start, q.end) {
                        let id = &ids[m.entity];
                        if !v.contains(id) {
                            v.push(id.clone());
                        }
                    }
                    v
                },
            }
        })
        .collect();

    let relations: Vec<Relation> = rels
        .iter()
        .enumerate()
        .map(|(i, r)| Relation {
            id: format!("r{}", i + 1),
            source: ids[r.source].clone(),
            target: ids[r.target].clone(),
            kind: r.kind,
            stance: r.stance,
            evidence: mention(r.evidence.field, r.evidence.start, r.evidence.end),
            negated: r.negated,
            reported_by: r.reported_by.and_then(|s| ids.get(s).cloned()),
            object: r.object.clone(),
        })
        .collect();

    // salience
    for s in &mut stakeholders {
        s.mention_count = s.mentions.len();
        s.quote_count = quotes_out.iter().filter(|q| q.speaker.as_deref() == Some(s.id.as_str())).count();
    }
    // prominence: how much of the article is about or by the stakeholder. Mentions count
    // once, quotes twice (a speaker carries the story), the headline three times, each
    // relation it takes part in a quarter, and an early first mention up to one more.
    let degree = |id: &str| relations.iter().filter(|r| r.source == id || r.target == id).count();
    let score = |s: &Stakeholder| {
        let first = s.mentions.first().map(|m| if m.field == Field::Headline { 0 } else { m.start + 1 }).unwrap_or(usize::MAX);
        let early = if first == 0 { 1.0 } else { 1.0 / (1.0 + first as f32 / 1000.0) };
        let headline = if s.mentions.iter().any(|m| m.field == Field::Headline) { 3.0 } else { 0.0 };
        s.mention_count as f32 + 2.0 * s.quote_count as f32 + headline + 0.25 * degree(&s.id) as f32 + early
    };
    let max = stakeholders.iter().map(score).fold(0.0f32, f32::max);
    for i in 0..stakeholders.len() {
        let v = score(&stakeholders[i]);
        stakeholders[i].prominence = if max > 0.0 { (v / max * 1000.0).round() / 1000.0 } else { 0.0 };
    }

    Analysis {
        schema: SCHEMA.to_string(),
        headline: article.headline.clone(),
        date: article.date.clone(),
        lang: article.lang.clone(),
        body: article.body.clone(),
        paragraphs: doc.body.paragraphs.iter().map(|&(start, end)| Paragraph { start, end }).collect(),
        stakeholders,
        quotes: quotes_out,
        relations,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn slugs() {
        assert_eq!(super::slug("JD Vance"), "jd-vance");
        assert_eq!(super::slug("Volodymyr Zelenskyy"), "volodymyr-zelenskyy");
        assert_eq!(super::slug("  "), "stakeholder");
        assert_eq!(super::slug("Ñoño Pérez"), "ñoño-pérez");
    }
}
