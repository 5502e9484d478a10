//! Natively, published analyses read in one pass over the JSON, item by item (the CLI reads a
//! file this way; `parse_source` a string), so a million stakeholders are never held as JSON values
//! and as the model at once:
//! - [`read_published`]: the whole model, each item through the same hand-written reader (with its
//!   JSON path) as the wasm's whole-JSON reader, then [`check_analysis`];
//! - [`check_published`]: `stakeholder-map check`, which keeps nothing but the ids: each item read
//!   by serde's derived reader, checked by the same per-item checks as [`check_analysis`], then
//!   dropped; references are resolved at the end.
//! Either gives up (`None`) on what it cannot take in one pass, and the caller takes the general
//! path, which says precisely what is wrong. The `published` fuzz target holds them to agreeing.

use super::published::{
    check_schema, read_paragraph, read_quote, read_relation, read_stakeholder, read_top, unknown, used_before, Bounds, Obj,
};
use super::{check_analysis, err, InputError};
use crate::model::{Analysis, Paragraph, Quote, Relation, Stakeholder};
use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::Value;
use std::collections::HashSet;
use std::fmt;

/// Reads a published analysis in one pass over its JSON, one list item at a time (natively: the
/// CLI on a file, and [`super::parse_source`]). `None` when the text is not an analysis this pass
/// can read (not a JSON object, no `schema` field, not JSON, a list of the wrong type): the caller
/// then takes the general path, which says precisely what is wrong. Otherwise the analysis,
/// checked by [`check_analysis`], or the first error with its JSON path.
pub fn read_published<R: std::io::Read>(reader: R) -> Option<Result<Analysis, InputError>> {
    /// One list (`stakeholders`, …), read item by item; after an item's error the rest is only
    /// skipped over.
    struct Items<T> {
        key: &'static str,
        read: fn(&Value, String) -> Result<T, InputError>,
    }
    type Read<T> = Result<Vec<T>, InputError>;
    impl<'de, T> DeserializeSeed<'de> for Items<T> {
        type Value = Read<T>;
        fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Read<T>, D::Error> {
            d.deserialize_seq(self)
        }
    }
    impl<'de, T> Visitor<'de> for Items<T> {
        type Value = Read<T>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("an array")
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Read<T>, A::Error> {
            let mut out = Ok(Vec::new());
            let mut i = 0usize;
            while let Some(v) = seq.next_element::<Value>()? {
                if let Ok(list) = &mut out {
                    match (self.read)(&v, format!("$.{}[{i}]", self.key)) {
                        Ok(t) => list.push(t),
                        Err(e) => out = Err(e),
                    }
                }
                i += 1;
            }
            if let Ok(list) = &mut out {
                list.shrink_to_fit();
            }
            Ok(out)
        }
    }

    /// The top level: the lists as read, the other fields as JSON values (last one wins, as in
    /// a parsed `Value`).
    #[derive(Default)]
    struct Top {
        fields: serde_json::Map<String, Value>,
        paragraphs: Option<Read<Paragraph>>,
        stakeholders: Option<Read<Stakeholder>>,
        quotes: Option<Read<Quote>>,
        relations: Option<Read<Relation>>,
    }
    struct TopVisitor;
    impl<'de> Visitor<'de> for TopVisitor {
        type Value = Top;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("an analysis object")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Top, A::Error> {
            let mut t = Top::default();
            while let Some(k) = map.next_key::<String>()? {
                match k.as_str() {
                    "stakeholders" => t.stakeholders = Some(map.next_value_seed(Items { key: "stakeholders", read: read_stakeholder })?),
                    "quotes" => t.quotes = Some(map.next_value_seed(Items { key: "quotes", read: read_quote })?),
                    "relations" => t.relations = Some(map.next_value_seed(Items { key: "relations", read: read_relation })?),
                    "paragraphs" => t.paragraphs = Some(map.next_value_seed(Items { key: "paragraphs", read: read_paragraph })?),
                    "schema" | "headline" | "date" | "lang" | "body" => {
                        let v = map.next_value::<Value>()?;
                        t.fields.insert(k, v);
                    }
                    // Parsed, not skipped: a number out of range (`1e999`) is not JSON to the
                    // whole-JSON reader, and the readers must agree (fuzz crash 683d927a).
                    _ => {
                        map.next_value::<Value>()?;
                    }
                }
            }
            Ok(t)
        }
    }

    let mut de = serde_json::Deserializer::from_reader(reader);
    let top = de.deserialize_map(TopVisitor).ok()?;
    de.end().ok()?;
    let schema = top.fields.get("schema")?;
    if let Err(e) = check_schema(schema) {
        return Some(Err(e));
    }
    let fields = Value::Object(top.fields);
    let Ok(o) = Obj::new(&fields, "$".into()) else { return None };
    let result = (|| {
        let missing = |k: &str| err("$", format!("missing field \"{k}\""));
        // The same order of checks as `read_analysis`, so both readers name the same fault.
        let stakeholders = top.stakeholders.ok_or_else(|| missing("stakeholders"));
        let quotes = top.quotes.ok_or_else(|| missing("quotes"));
        let relations = top.relations.ok_or_else(|| missing("relations"));
        let (stakeholders, quotes, relations) = (stakeholders?, quotes?, relations?);
        let (stakeholders, quotes, relations) = (stakeholders?, quotes?, relations?);
        let paragraphs = top.paragraphs.unwrap_or(Ok(Vec::new()))?;
        let mut a = read_top(&o, paragraphs, stakeholders, quotes, relations)?;
        check_analysis(&mut a)?;
        Ok(a)
    })();
    Some(result)
}


/// How much a checked analysis holds (what `stakeholder-map check` reports).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Counts {
    pub stakeholders: usize,
    pub quotes: usize,
    pub relations: usize,
}

/// A reference to a stakeholder id, resolved once every stakeholder is known.
enum Ref {
    Affiliation(usize, usize),
    Speaker(usize),
    Mention(usize, usize),
    Source(usize),
    Target(usize),
    ReportedBy(usize),
}

impl Ref {
    fn path(&self) -> String {
        match *self {
            Ref::Affiliation(i, j) => format!("$.stakeholders[{i}].affiliations[{j}]"),
            Ref::Speaker(i) => format!("$.quotes[{i}].speaker"),
            Ref::Mention(i, j) => format!("$.quotes[{i}].mentions[{j}]"),
            Ref::Source(i) => format!("$.relations[{i}].source"),
            Ref::Target(i) => format!("$.relations[{i}].target"),
            Ref::ReportedBy(i) => format!("$.relations[{i}].reported_by"),
        }
    }
}

/// What the check keeps while it reads: the ids, the references to resolve, the first fault.
#[derive(Default)]
struct Kept {
    fields: serde_json::Map<String, Value>,
    bounds: Option<Bounds>,
    /// A field that the per-item checks need came after a list: the one pass cannot judge.
    out_of_order: bool,
    seen: [bool; 4],
    counts: [usize; 4],
    ids: HashSet<String>,
    qids: HashSet<String>,
    refs: Vec<(Ref, String)>,
    fault: Option<InputError>,
}

impl Kept {
    /// The bounds, once the fields the per-item checks need have been read.
    fn bounds(&mut self) -> Option<&Bounds> {
        if self.bounds.is_none() {
            let text = |k: &str| match self.fields.get(k) {
                None | Some(Value::Null) => Some(""),
                Some(Value::String(s)) => Some(s.as_str()),
                Some(_) => None,
            };
            let (Some(headline), Some(body)) = (text("headline"), text("body")) else {
                self.out_of_order = true;
                return None;
            };
            match Bounds::new(headline, body, self.counts[0]) {
                Ok(b) => self.bounds = Some(b),
                Err(e) => {
                    self.fault.get_or_insert(e);
                    return None;
                }
            }
        }
        self.bounds.as_ref()
    }
    fn item(&mut self, i: usize, item: Item) {
        if self.fault.is_some() || self.out_of_order {
            return;
        }
        let Some(b) = self.bounds() else { return };
        let result = match &item {
            Item::Paragraph(p) => b.paragraph(i, p),
            Item::Stakeholder(s) => b.stakeholder(i, s),
            Item::Quote(q) => b.quote(i, q),
            Item::Relation(r) => b.relation(i, r),
        };
        if let Err(e) = result {
            self.fault = Some(e);
            return;
        }
        match item {
            Item::Paragraph(_) => {}
            Item::Stakeholder(s) => {
                if self.ids.contains(&s.id) {
                    self.fault = Some(used_before(format!("$.stakeholders[{i}].id"), &s.id, "stakeholder"));
                    return;
                }
                for (j, a) in s.affiliations.into_iter().enumerate() {
                    self.refs.push((Ref::Affiliation(i, j), a));
                }
                self.ids.insert(s.id);
            }
            Item::Quote(q) => {
                if !self.qids.insert(q.id.clone()) {
                    self.fault = Some(used_before(format!("$.quotes[{i}].id"), &q.id, "quote"));
                    return;
                }
                if let Some(sp) = q.speaker {
                    self.refs.push((Ref::Speaker(i), sp));
                }
                for (j, m) in q.mentions.into_iter().enumerate() {
                    self.refs.push((Ref::Mention(i, j), m));
                }
            }
            Item::Relation(r) => {
                self.refs.push((Ref::Source(i), r.source));
                self.refs.push((Ref::Target(i), r.target));
                if let Some(by) = r.reported_by {
                    self.refs.push((Ref::ReportedBy(i), by));
                }
            }
        }
    }
}

/// Reads a `T` with serde's derived reader, noting whether it skipped a field it does not know.
struct Noting<'u, T> {
    unknown: &'u mut bool,
    t: std::marker::PhantomData<T>,
}

impl<'u, T> Noting<'u, T> {
    fn new(unknown: &'u mut bool) -> Self {
        Noting { unknown, t: std::marker::PhantomData }
    }
}

impl<'de, T: Deserialize<'de>> DeserializeSeed<'de> for Noting<'_, T> {
    type Value = T;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<T, D::Error> {
        let unknown = self.unknown;
        serde_ignored::deserialize(d, |_| *unknown = true)
    }
}

enum Item {
    Paragraph(Paragraph),
    Stakeholder(Stakeholder),
    Quote(Quote),
    Relation(Relation),
}

/// `stakeholder-map check` in one pass, keeping only ids and references: the same checks as
/// [`check_analysis`] (caps, spans, ranges, unique ids, every reference resolved), so a
/// 1,000,000-stakeholder analysis is checked in a few hundred megabytes at most. `None` when this
/// pass cannot judge (not an analysis, a JSON or type error, the body or paragraphs after the lists
/// they bound): [`read_published`] or the general path then says what is wrong.
pub fn check_published<R: std::io::Read>(reader: R) -> Option<Result<Counts, InputError>> {
    const LISTS: [&str; 4] = ["paragraphs", "stakeholders", "quotes", "relations"];

    struct List<'k> {
        list: usize,
        kept: &'k mut Kept,
    }
    impl<'de> DeserializeSeed<'de> for List<'_> {
        type Value = ();
        fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
            d.deserialize_seq(self)
        }
    }
    impl<'de> Visitor<'de> for List<'_> {
        type Value = ();
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("an array")
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
            let mut i = 0usize;
            loop {
                // serde's derived readers skip an unknown field without checking its numbers'
                // range (`"x": 1e999` is no JSON to the other readers): an item with an unknown
                // field leaves the judgement to the general reader.
                let mut unknown = false;
                let item = match self.list {
                    0 => seq.next_element_seed(Noting::<Paragraph>::new(&mut unknown))?.map(Item::Paragraph),
                    1 => seq.next_element_seed(Noting::<Stakeholder>::new(&mut unknown))?.map(Item::Stakeholder),
                    2 => seq.next_element_seed(Noting::<Quote>::new(&mut unknown))?.map(Item::Quote),
                    _ => seq.next_element_seed(Noting::<Relation>::new(&mut unknown))?.map(Item::Relation),
                };
                if unknown {
                    self.kept.out_of_order = true;
                }
                let Some(item) = item else { break };
                self.kept.item(i, item);
                i += 1;
            }
            self.kept.counts[self.list] = i;
            if self.list == 0 {
                if let Some(b) = &mut self.kept.bounds {
                    b.set_paragraphs(i);
                }
            }
            Ok(())
        }
    }

    struct Top;
    impl<'de> Visitor<'de> for Top {
        type Value = Kept;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("an analysis object")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Kept, A::Error> {
            let mut kept = Kept::default();
            while let Some(k) = map.next_key::<String>()? {
                if let Some(list) = LISTS.iter().position(|l| *l == k) {
                    // A list given twice (the one pass would have judged both), or paragraphs
                    // after the quotes that point into them.
                    if kept.seen[list] || (list == 0 && kept.seen[1..].iter().any(|&s| s)) {
                        kept.out_of_order = true;
                    }
                    kept.seen[list] = true;
                    map.next_value_seed(List { list, kept: &mut kept })?;
                } else if matches!(k.as_str(), "schema" | "headline" | "date" | "lang" | "body") {
                    let v = map.next_value::<Value>()?;
                    // The lengths and the paragraph count must be known before any item is judged.
                    if !matches!(k.as_str(), "schema" | "date" | "lang") && kept.bounds.is_some() {
                        kept.out_of_order = true;
                    }
                    kept.fields.insert(k, v);
                } else {
                    // Parsed, not skipped, as in `read_published`.
                    map.next_value::<Value>()?;
                }
            }
            Ok(kept)
        }
    }

    let mut de = serde_json::Deserializer::from_reader(reader);
    let kept = de.deserialize_map(Top).ok()?;
    de.end().ok()?;
    // (out of order or with an unknown field in an item: the general reader judges all of it,
    // the schema too, as the one-pass reader leaves it)
    if kept.out_of_order {
        return None;
    }
    let schema = kept.fields.get("schema")?;
    if let Err(e) = check_schema(schema) {
        return Some(Err(e));
    }
    for (k, seen) in LISTS.iter().zip(kept.seen).skip(1) {
        if !seen {
            return Some(Err(err("$", format!("missing field \"{k}\""))));
        }
    }
    // The top level's own fields, as the general reader reads them.
    let fields = Value::Object(kept.fields.clone());
    let o = Obj::new(&fields, "$".into()).ok()?;
    if let Err(e) = read_top(&o, Vec::new(), Vec::new(), Vec::new(), Vec::new()) {
        return Some(Err(e));
    }
    if let Some(e) = kept.fault {
        return Some(Err(e));
    }
    let mut kept = kept;
    if kept.bounds.is_none() {
        // No list had an item: the caps are still to be checked.
        kept.bounds();
        if let Some(e) = kept.fault.take() {
            return Some(Err(e));
        }
    }
    for (r, id) in &kept.refs {
        if !kept.ids.contains(id) {
            return Some(Err(unknown(r.path(), id)));
        }
    }
    Some(Ok(Counts { stakeholders: kept.counts[1], quotes: kept.counts[2], relations: kept.counts[3] }))
}
