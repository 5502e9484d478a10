//! The `Analysis`: what the analysis layer produces and the widget renders.
//!
//! This is the crate's public data contract (serialised with serde, documented in
//! `docs/schema.md`). Field names documented there are stable: add fields, never rename.
//! All offsets count Unicode scalar values (Rust `char`s, Python string indices), never
//! bytes, into the field they name (`headline` or `body`), and are half-open `[start, end)`.

use serde::{Deserialize, Serialize};

/// Version tag written into every `Analysis`; bump the number on a breaking change.
pub const SCHEMA: &str = "stakeholder-map/analysis@1";

/// A unit enum's variants with their names in the JSON (as serde writes them, `rename_all`): the
/// wasm's published reader (`input::published`) reads a name by this table, not through serde's
/// derived `Deserialize`, whose visitors and error messages cost the viewer 1 KB gzip. A test
/// holds each table to serde's names.
pub trait Named: Sized + Copy + 'static {
    const NAMES: &'static [(&'static str, Self)];
    /// The variant named `s`, if any.
    fn named(s: &str) -> Option<Self> {
        Self::NAMES.iter().find(|(n, _)| *n == s).map(|&(_, v)| v)
    }
}

impl Named for Field {
    const NAMES: &'static [(&'static str, Self)] = &[("headline", Field::Headline), ("body", Field::Body)];
}

impl Named for StakeholderKind {
    const NAMES: &'static [(&'static str, Self)] = &[
        ("person", StakeholderKind::Person),
        ("organisation", StakeholderKind::Organisation),
        ("country", StakeholderKind::Country),
        ("bloc", StakeholderKind::Bloc),
        ("media", StakeholderKind::Media),
        ("institution", StakeholderKind::Institution),
        ("group", StakeholderKind::Group),
    ];
}

impl Named for QuoteKind {
    const NAMES: &'static [(&'static str, Self)] =
        &[("direct", QuoteKind::Direct), ("partial", QuoteKind::Partial), ("non_speech", QuoteKind::NonSpeech)];
}

impl Named for RelationKind {
    const NAMES: &'static [(&'static str, Self)] = &[
        ("says_about", RelationKind::SaysAbout),
        ("supports", RelationKind::Supports),
        ("opposes", RelationKind::Opposes),
        ("rules_out", RelationKind::RulesOut),
        ("proposes", RelationKind::Proposes),
        ("expects", RelationKind::Expects),
        ("demands", RelationKind::Demands),
        ("hosts", RelationKind::Hosts),
        ("meets", RelationKind::Meets),
        ("affiliated_with", RelationKind::AffiliatedWith),
        ("represents", RelationKind::Represents),
        ("criticises", RelationKind::Criticises),
        ("speaks_to", RelationKind::SpeaksTo),
        ("accuses", RelationKind::Accuses),
        ("praises", RelationKind::Praises),
        ("sanctions", RelationKind::Sanctions),
        ("sues", RelationKind::Sues),
        ("negotiates_with", RelationKind::NegotiatesWith),
    ];
}

impl Named for Stance {
    const NAMES: &'static [(&'static str, Self)] =
        &[("positive", Stance::Positive), ("negative", Stance::Negative), ("neutral", Stance::Neutral)];
}

/// Which text field of the article an offset points into.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Field {
    Headline,
    Body,
}

/// A half-open character range in one field.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    pub field: Field,
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(field: Field, start: usize, end: usize) -> Self {
        Span { field, start, end }
    }
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    pub fn contains(&self, other: &Span) -> bool {
        self.field == other.field && self.start <= other.start && other.end <= self.end
    }
}

/// A span together with the text it covers (for readers of the JSON).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Mention {
    pub field: Field,
    pub start: usize,
    pub end: usize,
    pub text: String,
}

impl Mention {
    pub fn span(&self) -> Span {
        Span::new(self.field, self.start, self.end)
    }
}

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum StakeholderKind {
    Person,
    Organisation,
    Country,
    /// A group of states: Europe, the EU, the West, NATO members as a group.
    Bloc,
    Media,
    /// Offices and state institutions: the White House, the Kremlin, Congress.
    Institution,
    /// Unorganised groups of people: protesters, voters, residents.
    Group,
}

impl StakeholderKind {
    pub fn label(self) -> &'static str {
        match self {
            StakeholderKind::Person => "person",
            StakeholderKind::Organisation => "organisation",
            StakeholderKind::Country => "country",
            StakeholderKind::Bloc => "bloc",
            StakeholderKind::Media => "media",
            StakeholderKind::Institution => "institution",
            StakeholderKind::Group => "group",
        }
    }
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Stakeholder {
    /// Stable id: a slug of the canonical name (`jd-vance`), unique within the analysis.
    pub id: String,
    /// Canonical name: the fullest name the text uses.
    pub name: String,
    pub kind: StakeholderKind,
    /// Role as the text states it ("US Vice President"), if any.
    pub role: Option<String>,
    /// Where the role was stated.
    #[serde(default)]
    pub role_mention: Option<Mention>,
    /// Every distinct surface form the text uses for this stakeholder.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Every mention, in text order (headline first).
    #[serde(default)]
    pub mentions: Vec<Mention>,
    /// Ids of stakeholders this one belongs to or speaks for (Lavrov -> russia).
    #[serde(default)]
    pub affiliations: Vec<String>,
    #[serde(default)]
    pub mention_count: usize,
    #[serde(default)]
    pub quote_count: usize,
    /// 0..=1, how central the stakeholder is to the article (1 = the main actor).
    #[serde(default)]
    pub prominence: f32,
}

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    /// A whole quoted sentence or more.
    Direct,
    /// A few quoted words inside reported speech.
    Partial,
    /// Quoted words that are nobody's speech: scare quotes, titles, nicknames, coined terms.
    NonSpeech,
}

/// The words that tie a quote to its speaker ("Vance said", "according to").
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Cue {
    pub field: Field,
    pub start: usize,
    pub end: usize,
    pub text: String,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Quote {
    /// Stable id: `q` + the index in text order (`q1`, `q2`, ...).
    pub id: String,
    /// The quoted words, without the quote marks.
    pub text: String,
    pub field: Field,
    pub start: usize,
    pub end: usize,
    /// Stakeholder id of the speaker, or null when unknown / not speech.
    pub speaker: Option<String>,
    pub kind: QuoteKind,
    /// Index of the body paragraph the quote starts in (0-based); null for the headline.
    #[serde(default)]
    pub paragraph: Option<usize>,
    /// 0..=1: how sure the attribution is.
    #[serde(default)]
    pub confidence: f32,
    /// The speech cue the attribution rests on, if any.
    #[serde(default)]
    pub cue: Option<Cue>,
    /// The mention of the speaker the attribution rests on ("he", "Vance", "the minister").
    #[serde(default)]
    pub speaker_mention: Option<Mention>,
    /// How the speaker was found: "cue", "continuation", "pronoun", "description", ...
    #[serde(default)]
    pub method: Option<String>,
    /// Ids of stakeholders mentioned inside the quote.
    #[serde(default)]
    pub mentions: Vec<String>,
}

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum RelationKind {
    /// Quotes or statements of the source that name the target.
    SaysAbout,
    Supports,
    Opposes,
    RulesOut,
    Proposes,
    Expects,
    Demands,
    Hosts,
    Meets,
    AffiliatedWith,
    Represents,
    Criticises,
    /// The source speaks to the target: an interview with a media outlet or its host ("said in
    /// an interview with Fox News", "told the BBC"), or words addressed to a person.
    SpeaksTo,
    /// The source lays blame or a charge on the target ("accused X of", "blamed X for").
    Accuses,
    /// The source speaks well of the target ("praised", "hailed", "thanked").
    Praises,
    /// The source penalises the target with its authority ("fined", "sanctioned", "banned").
    Sanctions,
    /// The source takes the target to court or prosecutes it ("sued", "charged", "prosecuted").
    Sues,
    /// The source negotiates with the target ("negotiated with", "in talks with").
    NegotiatesWith,
}

impl RelationKind {
    /// Short words for an edge label ("rules out").
    pub fn label(self) -> &'static str {
        match self {
            RelationKind::SaysAbout => "says about",
            RelationKind::Supports => "supports",
            RelationKind::Opposes => "opposes",
            RelationKind::RulesOut => "rules out",
            RelationKind::Proposes => "proposes",
            RelationKind::Expects => "expects",
            RelationKind::Demands => "demands",
            RelationKind::Hosts => "hosts",
            RelationKind::Meets => "meets",
            RelationKind::AffiliatedWith => "affiliated with",
            RelationKind::Represents => "represents",
            RelationKind::Criticises => "criticises",
            RelationKind::SpeaksTo => "speaks to",
            RelationKind::Accuses => "accuses",
            RelationKind::Praises => "praises",
            RelationKind::Sanctions => "sanctions",
            RelationKind::Sues => "sues",
            RelationKind::NegotiatesWith => "negotiates with",
        }
    }
    pub fn default_stance(self) -> Stance {
        match self {
            RelationKind::Supports | RelationKind::Hosts | RelationKind::Proposes | RelationKind::Praises => Stance::Positive,
            RelationKind::Opposes
            | RelationKind::RulesOut
            | RelationKind::Criticises
            | RelationKind::Accuses
            | RelationKind::Sanctions
            | RelationKind::Sues => Stance::Negative,
            _ => Stance::Neutral,
        }
    }
}

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[serde(rename_all = "snake_case")]
pub enum Stance {
    Positive,
    Negative,
    Neutral,
}

impl Stance {
    /// The stance in words, as the legend, edge labels and text alternatives show it.
    pub fn label(self) -> &'static str {
        match self {
            Stance::Positive => "positive",
            Stance::Negative => "negative",
            Stance::Neutral => "neutral",
        }
    }
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Relation {
    /// Stable id: `r` + index.
    pub id: String,
    /// Stakeholder id of the actor.
    pub source: String,
    /// Stakeholder id of the one acted on or talked about.
    pub target: String,
    pub kind: RelationKind,
    pub stance: Stance,
    /// The words that state the relation.
    pub evidence: Mention,
    /// True when the relation is stated negatively ("should not have to").
    #[serde(default)]
    pub negated: bool,
    /// When the relation is someone's reported claim ("Trump said Putin is open to ..."),
    /// the id of the one who claims it.
    #[serde(default)]
    pub reported_by: Option<String>,
    /// A short object phrase, when there is one ("US troops in Ukraine").
    #[serde(default)]
    pub object: Option<String>,
}

/// A body paragraph's character range.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub struct Paragraph {
    pub start: usize,
    pub end: usize,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Analysis {
    /// Always [`SCHEMA`].
    pub schema: String,
    pub headline: String,
    #[serde(default)]
    pub date: Option<String>,
    /// The article's language (a BCP 47 tag, docs/input.md), when the article gave one. Optional
    /// and left out of the JSON when none, so analysis@1 files without it read as before.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    /// The body text the offsets point into.
    pub body: String,
    #[serde(default)]
    pub paragraphs: Vec<Paragraph>,
    pub stakeholders: Vec<Stakeholder>,
    pub quotes: Vec<Quote>,
    pub relations: Vec<Relation>,
}

impl Analysis {
    pub fn stakeholder(&self, id: &str) -> Option<&Stakeholder> {
        self.stakeholders.iter().find(|s| s.id == id)
    }
    /// The text of a field.
    pub fn field_text(&self, field: Field) -> &str {
        match field {
            Field::Headline => &self.headline,
            Field::Body => &self.body,
        }
    }
    /// The characters `[start, end)` of a field (empty when out of range).
    pub fn slice(&self, field: Field, start: usize, end: usize) -> String {
        self.field_text(field)
            .chars()
            .skip(start)
            .take(end.saturating_sub(start))
            .collect()
    }
    /// The body paragraph that contains char offset `pos`.
    pub fn paragraph_of(&self, pos: usize) -> Option<usize> {
        self.paragraphs
            .iter()
            .position(|p| p.start <= pos && pos < p.end.max(p.start + 1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every variant is in its `Named` table once, under the name serde reads and writes.
    fn names_are_serdes<T: Named + Serialize + serde::de::DeserializeOwned + PartialEq + std::fmt::Debug>(n: usize) {
        assert_eq!(T::NAMES.len(), n);
        for &(name, v) in T::NAMES {
            assert_eq!(serde_json::to_string(&v).unwrap(), format!("\"{name}\""));
            assert_eq!(serde_json::from_str::<T>(&format!("\"{name}\"")).unwrap(), v);
            assert_eq!(T::named(name), Some(v));
            assert_eq!(T::NAMES.iter().filter(|(_, w)| *w == v).count(), 1);
        }
        assert_eq!(T::named("Person"), None);
        assert_eq!(T::named(""), None);
    }

    #[test]
    fn named_tables_match_serde() {
        names_are_serdes::<Field>(2);
        names_are_serdes::<StakeholderKind>(7);
        names_are_serdes::<QuoteKind>(3);
        names_are_serdes::<RelationKind>(18);
        names_are_serdes::<Stance>(3);
    }
}
