//! A deterministic synthetic analysis, for benchmarks and layout tests.

use super::SplitMix64;
use crate::model::*;

const FIRST: [&str; 16] = [
    "Ana", "Bernd", "Chiara", "Dmytro", "Elif", "Farah", "Gustavo", "Hana", "Ivo", "Julia", "Kwame", "Lena",
    "Mateus", "Nadia", "Oskar", "Priya",
];
const LAST: [&str; 16] = [
    "Novak", "Haddad", "Lindqvist", "Okafor", "Moreau", "Castellanos", "Ivanova", "Tanaka", "Kowalczyk",
    "Brennan", "Schmidt", "Rahimi", "Delacroix", "Mbeki", "Fontaine", "Sørensen",
];
const ORGS: [&str; 8] = [
    "Northern Grid Authority",
    "Union of Harbour Workers",
    "Central Bank",
    "Coastal Alliance",
    "Ministry of Finance",
    "Daily Ledger",
    "Farmers' Cooperative",
    "Republic of Vestland",
];
const ROLES: [&str; 8] = [
    "Minister",
    "spokesperson",
    "Deputy Minister for Regional Development",
    "chief executive",
    "analyst",
    "opposition leader",
    "Head of the Parliamentary Committee on Energy",
    "mayor",
];
const KINDS: [StakeholderKind; 7] = [
    StakeholderKind::Person,
    StakeholderKind::Organisation,
    StakeholderKind::Country,
    StakeholderKind::Person,
    StakeholderKind::Institution,
    StakeholderKind::Media,
    StakeholderKind::Group,
];
const REL: [RelationKind; 8] = [
    RelationKind::SaysAbout,
    RelationKind::Supports,
    RelationKind::Opposes,
    RelationKind::Criticises,
    RelationKind::Meets,
    RelationKind::Demands,
    RelationKind::Expects,
    RelationKind::RulesOut,
];

/// A synthetic analysis with `n` stakeholders (varied kinds, name and role lengths, decreasing
/// prominence) and about `1.5 n` relations (a random tree by preferential attachment, extra
/// links, and some pairs joined by several relations in both directions). Same `n`, same output.
pub fn synthetic_analysis(n: usize) -> Analysis {
    let mut rng = SplitMix64::new(0x5EED_0000 ^ n as u64);
    let mut stakeholders = Vec::with_capacity(n);
    for i in 0..n {
        let kind = KINDS[i % KINDS.len()];
        let name = match kind {
            StakeholderKind::Person => format!("{} {}", FIRST[rng.below(FIRST.len())], LAST[rng.below(LAST.len())]),
            StakeholderKind::Group => format!("Residents of district {}", i),
            _ => ORGS[rng.below(ORGS.len())].to_string(),
        };
        let role = (kind == StakeholderKind::Person).then(|| ROLES[rng.below(ROLES.len())].to_string());
        let prominence = (1.0 - i as f32 / (n.max(1) as f32)) * (0.8 + 0.2 * rng.next_f64() as f32);
        let mention_count = 1 + (n - i) / 2 + rng.below(3);
        let quote_count = if kind == StakeholderKind::Person { rng.below(1 + (n - i) / 3) } else { 0 };
        stakeholders.push(Stakeholder {
            id: format!("s{i}"),
            name,
            kind,
            role,
            role_mention: None,
            aliases: Vec::new(),
            mentions: Vec::new(),
            affiliations: Vec::new(),
            mention_count,
            quote_count,
            prominence,
        });
    }
    let mut relations = Vec::new();
    let push = |s: usize, t: usize, kind: RelationKind, relations: &mut Vec<Relation>| {
        let id = format!("r{}", relations.len());
        relations.push(Relation {
            id,
            source: format!("s{s}"),
            target: format!("s{t}"),
            kind,
            stance: kind.default_stance(),
            evidence: Mention { field: Field::Body, start: 0, end: 0, text: String::new() },
            negated: false,
            reported_by: None,
            object: None,
        });
    };
    let mut degree = vec![1usize; n];
    for i in 1..n {
        // preferential attachment on degree
        let total: usize = degree[..i].iter().sum();
        let mut pick = rng.below(total);
        let mut j = 0;
        while j + 1 < i && pick >= degree[j] {
            pick -= degree[j];
            j += 1;
        }
        degree[i] += 1;
        degree[j] += 1;
        let k = REL[rng.below(REL.len())];
        if rng.below(2) == 0 {
            push(i, j, k, &mut relations);
        } else {
            push(j, i, k, &mut relations);
        }
    }
    if n >= 3 {
        for e in 0..n / 2 {
            let s = rng.below(n);
            let mut t = rng.below(n);
            if t == s {
                t = (s + 1) % n;
            }
            let k = REL[rng.below(REL.len())];
            push(s, t, k, &mut relations);
            // every fourth extra link is answered: a parallel edge the other way
            if e % 4 == 0 {
                push(t, s, REL[rng.below(REL.len())], &mut relations);
            }
        }
    }
    Analysis {
        schema: SCHEMA.to_string(),
        headline: format!("Synthetic article with {n} stakeholders"),
        date: None,
        lang: None,
        body: String::new(),
        paragraphs: Vec::new(),
        stakeholders,
        quotes: Vec::new(),
        relations,
    }
}
