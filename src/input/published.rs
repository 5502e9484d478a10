//! A published analysis (form 4 of docs/input.md): the JSON `stakeholder-map analyze` prints, as an
//! editor corrected it. Read by hand with a JSON path for every error, then checked by
//! [`check_analysis`] (every reference resolves, ranges hold) in time linear in its size: ids are
//! looked up in hash indexes, never by scanning a list.
//!
//! The per-item readers below serve [`read_analysis`], which takes a parsed `Value` (the wasm
//! build: small code), and natively the one-pass readers of `stream.rs`.

use super::{err, parse_date, too_long, type_name, InputError, MAX_BODY_CHARS, MAX_HEADLINE_CHARS};
use crate::model::{Analysis, Cue, Field, Mention, Named, Paragraph, Quote, Relation, Stakeholder};
use serde_json::Value;
use std::collections::HashMap;

// Reading a published analysis from JSON by hand, with a JSON path for every error: serde's derived
// Deserialize for the whole model (with serde_path_to_error for the paths) measured +35 KB gzip of
// wasm; these few non-generic readers cost a fraction of that. Unit enums still go through serde.

const OUT_OF_UNIT: &str = "expected a number from 0 to 1, found a number outside that range";

/// One JSON object being read, and its path.
pub(super) struct Obj<'a> {
    map: &'a serde_json::Map<String, Value>,
    path: String,
}

impl<'a> Obj<'a> {
    pub(super) fn new(v: &'a Value, path: String) -> Result<Obj<'a>, InputError> {
        match v {
            Value::Object(map) => Ok(Obj { map, path }),
            other => Err(err(path, format!("expected an object, found {}", type_name(other)))),
        }
    }
    fn at(&self, k: &str) -> String {
        [self.path.as_str(), ".", k].concat()
    }
    /// The value of `k`, or None when absent or null.
    fn get(&self, k: &str) -> Option<&'a Value> {
        self.map.get(k).filter(|v| !v.is_null())
    }
    fn need(&self, k: &str) -> Result<&'a Value, InputError> {
        self.get(k).ok_or_else(|| err(self.path.clone(), format!("missing field \"{k}\"")))
    }
    fn string(&self, k: &str) -> Result<String, InputError> {
        as_string(self.need(k)?, self.at(k))
    }
    fn opt_string(&self, k: &str) -> Result<Option<String>, InputError> {
        self.get(k).map(|v| as_string(v, self.at(k))).transpose()
    }
    fn index(&self, k: &str) -> Result<usize, InputError> {
        as_index(self.need(k)?, self.at(k))
    }
    fn opt_index(&self, k: &str) -> Result<Option<usize>, InputError> {
        self.get(k).map(|v| as_index(v, self.at(k))).transpose()
    }
    /// A number from 0 to 1 (docs/schema.md: prominence, confidence); absent is 0.
    fn unit(&self, k: &str) -> Result<f32, InputError> {
        match self.get(k) {
            None => Ok(0.0),
            // Judged as the f32 the model holds (as serde's reader in `check_published` sees it).
            Some(Value::Number(n)) => match n.as_f64().map(|x| x as f32) {
                Some(x) if (0.0..=1.0).contains(&x) => Ok(x),
                // No number formatting here (it would bring float formatting into the wasm).
                _ => Err(err(self.at(k), OUT_OF_UNIT)),
            },
            Some(other) => Err(err(self.at(k), format!("expected a number from 0 to 1, found {}", type_name(other)))),
        }
    }
    fn flag(&self, k: &str) -> Result<bool, InputError> {
        match self.get(k) {
            None => Ok(false),
            Some(Value::Bool(b)) => Ok(*b),
            Some(other) => Err(err(self.at(k), format!("expected true or false, found {}", type_name(other)))),
        }
    }
    /// Items of an array field (absent: none), each with its path.
    fn items(&self, k: &str) -> Result<Vec<(&'a Value, String)>, InputError> {
        let list: &'a [Value] = match self.get(k) {
            None => &[],
            Some(Value::Array(a)) => a,
            Some(other) => return Err(err(self.at(k), format!("expected an array, found {}", type_name(other)))),
        };
        Ok(list.iter().enumerate().map(|(i, v)| (v, format!("{}.{k}[{i}]", self.path))).collect())
    }
    fn strings(&self, k: &str) -> Result<Vec<String>, InputError> {
        self.items(k)?.into_iter().map(|(v, p)| as_string(v, p)).collect()
    }
    /// A unit enum written as its name ("person", "rules_out"), read by its `Named` table (not
    /// through serde's derived deserializer: less code in the wasm).
    fn word<T: Named>(&self, k: &str, what: &str) -> Result<T, InputError> {
        let found = match self.need(k)? {
            Value::String(s) => {
                if let Some(t) = T::named(s) {
                    return Ok(t);
                }
                ["\"", s.as_str(), "\""].concat()
            }
            other => type_name(other).to_string(),
        };
        Err(err(self.at(k), format!("expected {what}, found {found}")))
    }
    fn mention(&self) -> Result<Mention, InputError> {
        Ok(Mention {
            field: self.word("field", "\"headline\" or \"body\"")?,
            start: self.index("start")?,
            end: self.index("end")?,
            text: self.opt_string("text")?.unwrap_or_default(),
        })
    }
    fn opt_mention(&self, k: &str) -> Result<Option<Mention>, InputError> {
        self.get(k).map(|v| Obj::new(v, self.at(k))?.mention()).transpose()
    }
}

fn as_string(v: &Value, path: String) -> Result<String, InputError> {
    match v {
        Value::String(s) => Ok(s.clone()),
        other => Err(err(path, format!("expected a string, found {}", type_name(other)))),
    }
}

fn as_index(v: &Value, path: String) -> Result<usize, InputError> {
    match v.as_u64() {
        Some(n) if n <= u32::MAX as u64 => Ok(n as usize),
        // No number formatting here (it would bring float formatting into the wasm).
        _ => Err(err(path, format!("expected a character offset or count (a whole number from 0), found {}", type_name(v)))),
    }
}

pub(super) fn read_stakeholder(v: &Value, p: String) -> Result<Stakeholder, InputError> {
    let s = Obj::new(v, p)?;
    let mentions = s.items("mentions")?.into_iter().map(|(v, p)| Obj::new(v, p)?.mention()).collect::<Result<_, _>>()?;
    Ok(Stakeholder {
        id: s.string("id")?,
        name: s.string("name")?,
        kind: s.word("kind", "a kind (person, organisation, country, bloc, media, institution, group)")?,
        role: s.opt_string("role")?,
        role_mention: s.opt_mention("role_mention")?,
        aliases: s.strings("aliases")?,
        mentions,
        affiliations: s.strings("affiliations")?,
        mention_count: s.opt_index("mention_count")?.unwrap_or(0),
        quote_count: s.opt_index("quote_count")?.unwrap_or(0),
        prominence: s.unit("prominence")?,
    })
}

pub(super) fn read_quote(v: &Value, p: String) -> Result<Quote, InputError> {
    let q = Obj::new(v, p)?;
    let cue = q.opt_mention("cue")?.map(|m| Cue { field: m.field, start: m.start, end: m.end, text: m.text });
    Ok(Quote {
        id: q.string("id")?,
        text: q.string("text")?,
        field: q.word("field", "\"headline\" or \"body\"")?,
        start: q.index("start")?,
        end: q.index("end")?,
        speaker: q.opt_string("speaker")?,
        kind: q.word("kind", "\"direct\", \"partial\" or \"non_speech\"")?,
        paragraph: q.opt_index("paragraph")?,
        confidence: q.unit("confidence")?,
        cue,
        speaker_mention: q.opt_mention("speaker_mention")?,
        method: q.opt_string("method")?,
        mentions: q.strings("mentions")?,
    })
}

pub(super) fn read_relation(v: &Value, p: String) -> Result<Relation, InputError> {
    let r = Obj::new(v, p)?;
    Ok(Relation {
        id: r.string("id")?,
        source: r.string("source")?,
        target: r.string("target")?,
        kind: r.word("kind", "a relation kind (docs/schema.md)")?,
        stance: r.word("stance", "\"positive\", \"negative\" or \"neutral\"")?,
        evidence: Obj::new(r.need("evidence")?, r.at("evidence"))?.mention()?,
        negated: r.flag("negated")?,
        reported_by: r.opt_string("reported_by")?,
        object: r.opt_string("object")?,
    })
}

pub(super) fn read_paragraph(v: &Value, p: String) -> Result<Paragraph, InputError> {
    let p = Obj::new(v, p)?;
    Ok(Paragraph { start: p.index("start")?, end: p.index("end")? })
}

/// The top level's own fields (the lists are read separately).
pub(super) fn read_top(o: &Obj<'_>, paragraphs: Vec<Paragraph>, stakeholders: Vec<Stakeholder>, quotes: Vec<Quote>, relations: Vec<Relation>) -> Result<Analysis, InputError> {
    let date = o.opt_string("date")?;
    if let Some(d) = &date {
        if parse_date(d).as_deref() != Some(d.as_str()) {
            return Err(err("$.date", "expected a date \"YYYY-MM-DD\" or null"));
        }
    }
    let lang = match o.opt_string("lang")? {
        Some(l) => super::lang_tag(&l).ok_or_else(|| err("$.lang", super::LANG_EXPECTED))?,
        None => None,
    };
    Ok(Analysis {
        schema: o.string("schema")?,
        headline: o.opt_string("headline")?.unwrap_or_default(),
        date,
        lang,
        body: o.string("body")?,
        paragraphs,
        stakeholders,
        quotes,
        relations,
    })
}

/// The schema version must be the one this build reads.
pub(super) fn check_schema(schema: &Value) -> Result<(), InputError> {
    if schema.as_str() == Some(crate::model::SCHEMA) {
        return Ok(());
    }
    Err(err(
        "$.schema",
        format!(
            "expected \"{}\" (an analysis in another version cannot be shown), found {}",
            crate::model::SCHEMA,
            schema.as_str().map_or_else(|| type_name(schema).to_string(), |s| ["\"", s, "\""].concat())
        ),
    ))
}

/// Reads a published analysis from its parsed JSON (the schema already checked).
pub(super) fn read_analysis(v: &Value) -> Result<Analysis, InputError> {
    let o = Obj::new(v, "$".into())?;
    for k in ["stakeholders", "quotes", "relations"] {
        o.need(k)?;
    }
    // Plain loops: a `collect` into `Result<Vec<T>, _>` per item type costs code in the wasm.
    let mut stakeholders = Vec::new();
    for (v, p) in o.items("stakeholders")? {
        stakeholders.push(read_stakeholder(v, p)?);
    }
    let mut quotes = Vec::new();
    for (v, p) in o.items("quotes")? {
        quotes.push(read_quote(v, p)?);
    }
    let mut relations = Vec::new();
    for (v, p) in o.items("relations")? {
        relations.push(read_relation(v, p)?);
    }
    let mut paragraphs = Vec::new();
    for (v, p) in o.items("paragraphs")? {
        paragraphs.push(read_paragraph(v, p)?);
    }
    read_top(&o, paragraphs, stakeholders, quotes, relations)
}

/// Where a checked value is: `$.list[i]`, `$.list[i].field` or `$.list[i].field[j]`, written out
/// only for an error (plain data rather than a closure per call site: less code in the wasm, no
/// formatting per item natively).
#[derive(Clone, Copy)]
pub(super) struct At(pub(super) &'static str, pub(super) usize, pub(super) &'static str, pub(super) Option<usize>);

impl At {
    pub(super) fn path(self) -> String {
        let At(list, i, field, j) = self;
        match (field, j) {
            ("", _) => format!("$.{list}[{i}]"),
            (_, None) => format!("$.{list}[{i}].{field}"),
            (_, Some(j)) => format!("$.{list}[{i}].{field}[{j}]"),
        }
    }
}

/// What the per-item checks need to know of the whole: the fields' lengths and the paragraphs.
pub(super) struct Bounds {
    n_head: usize,
    n_body: usize,
    n_paragraphs: usize,
}

impl Bounds {
    /// The caps, then the lengths.
    pub(super) fn new(headline: &str, body: &str, n_paragraphs: usize) -> Result<Bounds, InputError> {
        let n_body = too_long("$.body", "body", body, MAX_BODY_CHARS)?;
        let n_head = too_long("$.headline", "headline", headline, MAX_HEADLINE_CHARS)?;
        Ok(Bounds { n_head, n_body, n_paragraphs })
    }
    /// A span: `start <= end`, inside its field. The path is only written for an error.
    fn span(&self, at: At, f: Field, start: usize, end: usize) -> Result<(), InputError> {
        let len = if f == Field::Headline { self.n_head } else { self.n_body };
        if start > end {
            return Err(err(at.path(), format!("start {start} is after end {end} (offsets are [start, end), start <= end)")));
        }
        if end > len {
            let name = if f == Field::Headline { "headline" } else { "body" };
            return Err(err(at.path(), format!("offsets {start}..{end} lie outside the {name} ({len} characters)")));
        }
        Ok(())
    }
    /// The number of paragraphs, once known (the one-pass check reads them before the quotes).
    #[cfg(not(target_arch = "wasm32"))]
    pub(super) fn set_paragraphs(&mut self, n: usize) {
        self.n_paragraphs = n;
    }
    fn mention(&self, at: At, m: &Mention) -> Result<(), InputError> {
        self.span(at, m.field, m.start, m.end)
    }
    /// What one stakeholder must satisfy on its own (references are checked with the whole).
    pub(super) fn stakeholder(&self, i: usize, s: &Stakeholder) -> Result<(), InputError> {
        if s.id.trim().is_empty() {
            return Err(err(At("stakeholders", i, "id", None).path(), "expected a non-empty id"));
        }
        if let Some(m) = &s.role_mention {
            self.mention(At("stakeholders", i, "role_mention", None), m)?;
        }
        for (j, m) in s.mentions.iter().enumerate() {
            self.mention(At("stakeholders", i, "mentions", Some(j)), m)?;
        }
        // What the hand readers refuse as they read (the wasm has only those); serde's readers
        // in the one-pass check take any number, so it is checked here for them.
        #[cfg(not(target_arch = "wasm32"))]
        {
            if !(0.0..=1.0).contains(&s.prominence) {
                return Err(err(At("stakeholders", i, "prominence", None).path(), OUT_OF_UNIT));
            }
            for (k, n) in [("mention_count", s.mention_count), ("quote_count", s.quote_count)] {
                if n > u32::MAX as usize {
                    return Err(err(At("stakeholders", i, k, None).path(), "expected a character offset or count (a whole number from 0), found a number"));
                }
            }
        }
        Ok(())
    }
    pub(super) fn paragraph(&self, i: usize, p: &Paragraph) -> Result<(), InputError> {
        self.span(At("paragraphs", i, "", None), Field::Body, p.start, p.end)
    }
    pub(super) fn quote(&self, i: usize, q: &Quote) -> Result<(), InputError> {
        self.span(At("quotes", i, "", None), q.field, q.start, q.end)?;
        if let Some(p) = q.paragraph {
            if p >= self.n_paragraphs {
                return Err(err(
                    At("quotes", i, "paragraph", None).path(),
                    format!("there is no paragraph {p} ($.paragraphs has {})", self.n_paragraphs),
                ));
            }
        }
        if let Some(c) = &q.cue {
            self.span(At("quotes", i, "cue", None), c.field, c.start, c.end)?;
        }
        if let Some(m) = &q.speaker_mention {
            self.mention(At("quotes", i, "speaker_mention", None), m)?;
        }
        #[cfg(not(target_arch = "wasm32"))]
        if !(0.0..=1.0).contains(&q.confidence) {
            return Err(err(At("quotes", i, "confidence", None).path(), OUT_OF_UNIT));
        }
        Ok(())
    }
    pub(super) fn relation(&self, i: usize, r: &Relation) -> Result<(), InputError> {
        self.mention(At("relations", i, "evidence", None), &r.evidence)
    }
}

pub(super) fn unknown(path: String, id: &str) -> InputError {
    err(path, format!("\"{id}\" is not the id of any stakeholder in $.stakeholders"))
}

pub(super) fn used_before(path: String, id: &str, what: &str) -> InputError {
    err(path, format!("\"{id}\" is used by an earlier {what}"))
}

/// Checks a published analysis for what would break the widget or mislead a reader, each error
/// with its JSON path: every id it refers to exists, ids are unique, offsets lie inside their
/// field with `start <= end`, paragraph numbers exist, numbers lie in their ranges, the text fits
/// the caps. Then it recomputes what is derived (quote and mention counts, quotes' paragraphs),
/// so an editor only has to change what the machine got wrong (a speaker id, a role, a relation).
/// Linear in the analysis's size.
pub fn check_analysis(a: &mut Analysis) -> Result<(), InputError> {
    let b = Bounds::new(&a.headline, &a.body, a.paragraphs.len())?;
    // Id -> index maps: `HashMap<&str, usize>`, the one map type the layout uses too (one copy of
    // its code in the wasm).
    let mut ids: HashMap<&str, usize> = HashMap::with_capacity(a.stakeholders.len());
    for (i, s) in a.stakeholders.iter().enumerate() {
        b.stakeholder(i, s)?;
        if ids.insert(s.id.as_str(), i).is_some() {
            return Err(used_before(At("stakeholders", i, "id", None).path(), &s.id, "stakeholder"));
        }
    }
    let known = |at: At, id: &str| ids.get(id).copied().ok_or_else(|| unknown(at.path(), id));
    for (i, s) in a.stakeholders.iter().enumerate() {
        for (j, id) in s.affiliations.iter().enumerate() {
            known(At("stakeholders", i, "affiliations", Some(j)), id)?;
        }
    }
    for (i, p) in a.paragraphs.iter().enumerate() {
        b.paragraph(i, p)?;
    }
    let mut qids: HashMap<&str, usize> = HashMap::with_capacity(a.quotes.len());
    let mut counts = vec![0usize; a.stakeholders.len()];
    for (i, q) in a.quotes.iter().enumerate() {
        if qids.insert(q.id.as_str(), i).is_some() {
            return Err(used_before(At("quotes", i, "id", None).path(), &q.id, "quote"));
        }
        b.quote(i, q)?;
        if let Some(sp) = &q.speaker {
            let k = known(At("quotes", i, "speaker", None), sp)?;
            if q.kind != crate::model::QuoteKind::NonSpeech {
                counts[k] += 1;
            }
        }
        for (j, m) in q.mentions.iter().enumerate() {
            known(At("quotes", i, "mentions", Some(j)), m)?;
        }
    }
    for (i, r) in a.relations.iter().enumerate() {
        known(At("relations", i, "source", None), &r.source)?;
        known(At("relations", i, "target", None), &r.target)?;
        if let Some(by) = &r.reported_by {
            known(At("relations", i, "reported_by", None), by)?;
        }
        b.relation(i, r)?;
    }
    // Derived values follow the editor's corrections.
    drop((ids, qids));
    for (s, n) in a.stakeholders.iter_mut().zip(counts) {
        s.quote_count = n;
        s.mention_count = s.mention_count.max(s.mentions.len());
    }
    // A quote's paragraph, when missing: by binary search when the paragraphs are in order (as
    // `analyze` writes them), else by a scan.
    let ordered = a.paragraphs.windows(2).all(|w| w[0].end <= w[1].start);
    for i in 0..a.quotes.len() {
        if a.quotes[i].field == Field::Body && a.quotes[i].paragraph.is_none() {
            let pos = a.quotes[i].start;
            a.quotes[i].paragraph = if ordered {
                let k = a.paragraphs.partition_point(|p| p.end.max(p.start + 1) <= pos);
                a.paragraphs.get(k).filter(|p| p.start <= pos).map(|_| k)
            } else {
                a.paragraph_of(pos)
            };
        }
    }
    Ok(())
}
