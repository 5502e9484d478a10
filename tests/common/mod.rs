//! Helpers shared by the stakeholder-graph tests (`graph.rs`, `general_rules.rs`).
#![allow(dead_code)]

use stakeholder_map::model::{Analysis, RelationKind, Stakeholder};
use stakeholder_map::{analyze, Article};

pub fn run(headline: &str, body: &str) -> Analysis {
    let mut a = Article::from_body(body);
    a.headline = headline.to_string();
    analyze(&a)
}

pub fn by_name<'a>(a: &'a Analysis, name: &str) -> &'a Stakeholder {
    a.stakeholders
        .iter()
        .find(|s| s.name == name)
        .unwrap_or_else(|| panic!("no stakeholder {name:?}; have {:?}", a.stakeholders.iter().map(|s| &s.name).collect::<Vec<_>>()))
}

pub fn texts(s: &Stakeholder) -> Vec<&str> {
    s.mentions.iter().map(|m| m.text.as_str()).collect()
}

pub fn has_rel(a: &Analysis, src: &str, kind: RelationKind, tgt: &str) -> bool {
    let (s, t) = (&by_name(a, src).id, &by_name(a, tgt).id);
    a.relations.iter().any(|r| &r.source == s && &r.target == t && r.kind == kind)
}
