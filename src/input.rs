//! Input: the article forms we accept, validated into one [`Article`].
//!
//! Accepted forms (see `docs/input.md`):
//! 1. `{"headline": "...", "date": "YYYY-MM-DD", "body": "paragraphs separated by blank lines"}`;
//!    `body` may also be an array of paragraph strings.
//! 2. schema.org JSON-LD `NewsArticle` / `Article` (`headline`, `datePublished`, `articleBody`),
//!    also inside an `@graph` array or a top-level array.
//! 3. Plain text (not JSON): the body; a short first line followed by a blank line is the headline.
//!
//! [`parse_source`] also takes 4. a published analysis (an editor's corrected
//! `stakeholder-map analyze` output), checked by [`check_analysis`] and shown without re-analysis.
//!
//! Every problem is reported with the JSON path of the value at fault (`$.body`) and what
//! was expected there. Nothing here parses HTML: article text is always plain text.

use crate::model::Analysis;
use serde_json::Value;
use std::fmt;

/// A validated article: the one shape the analysis accepts.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Article {
    pub headline: String,
    /// ISO date `YYYY-MM-DD`, when given.
    pub date: Option<String>,
    /// Paragraphs separated by blank lines (`\n\n`).
    pub body: String,
}

impl Article {
    /// An article with only a body (the form the devset and `predict` use).
    pub fn from_body(body: impl Into<String>) -> Self {
        Article { headline: String::new(), date: None, body: body.into() }
    }
}

/// A precise input error: where (a JSON path such as `$.body` or `$[0].headline`) and what.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputError {
    pub path: String,
    pub message: String,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

impl std::error::Error for InputError {}

fn err(path: impl Into<String>, message: impl Into<String>) -> InputError {
    InputError { path: path.into(), message: message.into() }
}

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Largest article we accept (characters of body), to keep the reader's page responsive.
pub const MAX_BODY_CHARS: usize = 2_000_000;

/// Parses article JSON (forms 1 and 2).
pub fn parse_json(src: &str) -> Result<Article, InputError> {
    let value: Value = serde_json::from_str(src).map_err(|e| {
        err(
            "$",
            format!("not valid JSON (line {}, column {}): {}", e.line(), e.column(), strip_pos(&e.to_string())),
        )
    })?;
    from_value(&value, "$")
}

fn strip_pos(s: &str) -> String {
    match s.find(" at line ") {
        Some(i) => s[..i].to_string(),
        None => s.to_string(),
    }
}

/// What a source holds: an article to analyse, or an analysis that an editor checked, corrected
/// and published (the JSON `stakeholder-map analyze` prints, `"schema":
/// "stakeholder-map/analysis@1"`), shown as it is.
#[derive(Clone, Debug, PartialEq)]
pub enum Source {
    Article(Article),
    Analysis(Box<Analysis>),
}

/// Parses a source: a published analysis (JSON with a `schema` field), else [`parse_any`].
pub fn parse_source(src: &str) -> Result<Source, InputError> {
    let t = src.trim_start_matches('\u{feff}').trim();
    if t.starts_with('{') {
        if let Ok(Value::Object(map)) = serde_json::from_str::<Value>(t) {
            if let Some(schema) = map.get("schema").cloned() {
                return from_analysis_value(&schema, Value::Object(map)).map(|a| Source::Analysis(Box::new(a)));
            }
        }
    }
    parse_any(t).map(Source::Article)
}

fn from_analysis_value(schema: &Value, v: Value) -> Result<Analysis, InputError> {
    if schema.as_str() != Some(crate::model::SCHEMA) {
        return Err(err(
            "$.schema",
            format!(
                "expected \"{}\" (an analysis in another version cannot be shown), found {}",
                crate::model::SCHEMA,
                schema.as_str().map_or_else(|| type_name(schema).to_string(), |s| ["\"", s, "\""].concat())
            ),
        ));
    }
    let mut a = read_analysis(&v)?;
    check_analysis(&mut a)?;
    Ok(a)
}

// Reading a published analysis from JSON by hand, with a JSON path for every error: serde's derived
// Deserialize for the whole model (with serde_path_to_error for the paths) measured +35 KB gzip of
// wasm; these few non-generic readers cost a fraction of that. Unit enums still go through serde.

/// One JSON object being read, and its path.
struct Obj<'a> {
    map: &'a serde_json::Map<String, Value>,
    path: String,
}

impl<'a> Obj<'a> {
    fn new(v: &'a Value, path: String) -> Result<Obj<'a>, InputError> {
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
    fn number(&self, k: &str) -> Result<f32, InputError> {
        match self.get(k) {
            None => Ok(0.0),
            Some(Value::Number(n)) => Ok(n.as_f64().unwrap_or(0.0) as f32),
            Some(other) => Err(err(self.at(k), format!("expected a number, found {}", type_name(other)))),
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
    /// A unit enum written as its name ("person", "rules_out"), read through serde's small
    /// string deserializer (not serde_json's).
    fn word<T: serde::de::DeserializeOwned>(&self, k: &str, what: &str) -> Result<T, InputError> {
        use serde::de::IntoDeserializer;
        let found = match self.need(k)? {
            Value::String(s) => {
                let d: serde::de::value::StrDeserializer<'_, serde::de::value::Error> = s.as_str().into_deserializer();
                if let Ok(t) = T::deserialize(d) {
                    return Ok(t);
                }
                ["\"", s.as_str(), "\""].concat()
            }
            other => type_name(other).to_string(),
        };
        Err(err(self.at(k), format!("expected {what}, found {found}")))
    }
    fn mention(&self) -> Result<crate::model::Mention, InputError> {
        Ok(crate::model::Mention {
            field: self.word("field", "\"headline\" or \"body\"")?,
            start: self.index("start")?,
            end: self.index("end")?,
            text: self.opt_string("text")?.unwrap_or_default(),
        })
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

fn read_analysis(v: &Value) -> Result<Analysis, InputError> {
    use crate::model::{Cue, Paragraph, Quote, Relation, Stakeholder};
    let o = Obj::new(v, "$".into())?;
    for k in ["stakeholders", "quotes", "relations"] {
        o.need(k)?;
    }
    let mut stakeholders = Vec::new();
    for (v, p) in o.items("stakeholders")? {
        let s = Obj::new(v, p)?;
        let role_mention = match s.get("role_mention") {
            Some(v) => Some(Obj::new(v, s.at("role_mention"))?.mention()?),
            None => None,
        };
        let mentions = s.items("mentions")?.into_iter().map(|(v, p)| Obj::new(v, p)?.mention()).collect::<Result<_, _>>()?;
        stakeholders.push(Stakeholder {
            id: s.string("id")?,
            name: s.string("name")?,
            kind: s.word("kind", "a kind (person, organisation, country, bloc, media, institution, group)")?,
            role: s.opt_string("role")?,
            role_mention,
            aliases: s.strings("aliases")?,
            mentions,
            affiliations: s.strings("affiliations")?,
            mention_count: s.opt_index("mention_count")?.unwrap_or(0),
            quote_count: s.opt_index("quote_count")?.unwrap_or(0),
            prominence: s.number("prominence")?,
        });
    }
    let mut quotes = Vec::new();
    for (v, p) in o.items("quotes")? {
        let q = Obj::new(v, p)?;
        let cue = match q.get("cue") {
            Some(v) => {
                let m = Obj::new(v, q.at("cue"))?.mention()?;
                Some(Cue { field: m.field, start: m.start, end: m.end, text: m.text })
            }
            None => None,
        };
        let speaker_mention = match q.get("speaker_mention") {
            Some(v) => Some(Obj::new(v, q.at("speaker_mention"))?.mention()?),
            None => None,
        };
        quotes.push(Quote {
            id: q.string("id")?,
            text: q.string("text")?,
            field: q.word("field", "\"headline\" or \"body\"")?,
            start: q.index("start")?,
            end: q.index("end")?,
            speaker: q.opt_string("speaker")?,
            kind: q.word("kind", "\"direct\", \"partial\" or \"non_speech\"")?,
            paragraph: q.opt_index("paragraph")?,
            confidence: q.number("confidence")?,
            cue,
            speaker_mention,
            method: q.opt_string("method")?,
            mentions: q.strings("mentions")?,
        });
    }
    let mut relations = Vec::new();
    for (v, p) in o.items("relations")? {
        let r = Obj::new(v, p)?;
        relations.push(Relation {
            id: r.string("id")?,
            source: r.string("source")?,
            target: r.string("target")?,
            kind: r.word("kind", "a relation kind (docs/schema.md)")?,
            stance: r.word("stance", "\"positive\", \"negative\" or \"neutral\"")?,
            evidence: Obj::new(r.need("evidence")?, r.at("evidence"))?.mention()?,
            negated: r.flag("negated")?,
            reported_by: r.opt_string("reported_by")?,
            object: r.opt_string("object")?,
        });
    }
    let paragraphs = o
        .items("paragraphs")?
        .into_iter()
        .map(|(v, p)| {
            let p = Obj::new(v, p)?;
            Ok(Paragraph { start: p.index("start")?, end: p.index("end")? })
        })
        .collect::<Result<_, InputError>>()?;
    Ok(Analysis {
        schema: o.string("schema")?,
        headline: o.opt_string("headline")?.unwrap_or_default(),
        date: o.opt_string("date")?,
        body: o.string("body")?,
        paragraphs,
        stakeholders,
        quotes,
        relations,
    })
}

/// Checks a published analysis for what would break the widget or mislead a reader, each error
/// with its JSON path: every id it refers to exists, ids are unique, offsets lie inside their
/// field. Then it recomputes what is derived (quote and mention counts, quotes' paragraphs), so an
/// editor only has to change what the machine got wrong (a speaker id, a role, a relation).
pub fn check_analysis(a: &mut Analysis) -> Result<(), InputError> {
    use crate::model::Field;
    let n_body = a.body.chars().count();
    if n_body > MAX_BODY_CHARS {
        return Err(err("$.body", format!("the body is {n_body} characters long; the most accepted is {MAX_BODY_CHARS}")));
    }
    let n_head = a.headline.chars().count();
    let len = |f: Field| if f == Field::Headline { n_head } else { n_body };
    let span = |path: String, f: Field, start: usize, end: usize| -> Result<(), InputError> {
        if start > end || end > len(f) {
            let name = if f == Field::Headline { "headline" } else { "body" };
            return Err(err(path, format!("offsets {start}..{end} lie outside the {name} ({} characters)", len(f))));
        }
        Ok(())
    };
    let mut ids: Vec<&str> = Vec::with_capacity(a.stakeholders.len());
    for (i, s) in a.stakeholders.iter().enumerate() {
        if s.id.trim().is_empty() {
            return Err(err(format!("$.stakeholders[{i}].id"), "expected a non-empty id"));
        }
        if ids.contains(&s.id.as_str()) {
            return Err(err(format!("$.stakeholders[{i}].id"), format!("\"{}\" is used by an earlier stakeholder", s.id)));
        }
        ids.push(&s.id);
        for (j, m) in s.mentions.iter().enumerate() {
            span(format!("$.stakeholders[{i}].mentions[{j}]"), m.field, m.start, m.end)?;
        }
    }
    let known = |path: String, id: &str| -> Result<(), InputError> {
        if ids.contains(&id) {
            Ok(())
        } else {
            Err(err(path, format!("\"{id}\" is not the id of any stakeholder in $.stakeholders")))
        }
    };
    for (i, p) in a.paragraphs.iter().enumerate() {
        span(format!("$.paragraphs[{i}]"), Field::Body, p.start, p.end)?;
    }
    let mut qids: Vec<&str> = Vec::with_capacity(a.quotes.len());
    for (i, q) in a.quotes.iter().enumerate() {
        if qids.contains(&q.id.as_str()) {
            return Err(err(format!("$.quotes[{i}].id"), format!("\"{}\" is used by an earlier quote", q.id)));
        }
        qids.push(&q.id);
        span(format!("$.quotes[{i}]"), q.field, q.start, q.end)?;
        if let Some(sp) = &q.speaker {
            known(format!("$.quotes[{i}].speaker"), sp)?;
        }
        for (j, m) in q.mentions.iter().enumerate() {
            known(format!("$.quotes[{i}].mentions[{j}]"), m)?;
        }
        if let Some(c) = &q.cue {
            span(format!("$.quotes[{i}].cue"), c.field, c.start, c.end)?;
        }
    }
    for (i, r) in a.relations.iter().enumerate() {
        known(format!("$.relations[{i}].source"), &r.source)?;
        known(format!("$.relations[{i}].target"), &r.target)?;
        if let Some(by) = &r.reported_by {
            known(format!("$.relations[{i}].reported_by"), by)?;
        }
        span(format!("$.relations[{i}].evidence"), r.evidence.field, r.evidence.start, r.evidence.end)?;
    }
    // Derived values follow the editor's corrections.
    let speakers: Vec<Option<String>> = a
        .quotes
        .iter()
        .map(|q| if q.kind == crate::model::QuoteKind::NonSpeech { None } else { q.speaker.clone() })
        .collect();
    for s in &mut a.stakeholders {
        s.quote_count = speakers.iter().filter(|sp| sp.as_deref() == Some(s.id.as_str())).count();
        s.mention_count = s.mention_count.max(s.mentions.len());
    }
    for i in 0..a.quotes.len() {
        if a.quotes[i].field == Field::Body && a.quotes[i].paragraph.is_none() {
            a.quotes[i].paragraph = a.paragraph_of(a.quotes[i].start);
        }
    }
    Ok(())
}

/// Parses whatever a person pasted: JSON when it looks like JSON, else plain text.
pub fn parse_any(src: &str) -> Result<Article, InputError> {
    let t = src.trim_start_matches('\u{feff}').trim();
    if t.starts_with('{') || t.starts_with('[') {
        parse_json(t)
    } else {
        from_plain_text(t)
    }
}

/// Plain text: paragraphs separated by blank lines. A first paragraph of one short line
/// with no final full stop is taken as the headline.
pub fn from_plain_text(src: &str) -> Result<Article, InputError> {
    let text = normalise_newlines(src);
    let text = text.trim();
    if text.is_empty() {
        return Err(err("$", "the text is empty: paste an article (JSON or plain text)"));
    }
    let (first, rest) = match text.split_once("\n\n") {
        Some((a, b)) => (a.trim(), b.trim()),
        None => (text, ""),
    };
    let looks_like_headline = !rest.is_empty()
        && !first.contains('\n')
        && first.chars().count() <= 200
        && !first.ends_with('.')
        && !first.ends_with('”')
        && !first.ends_with('"');
    let article = if looks_like_headline {
        Article { headline: first.to_string(), date: None, body: normalise_body(rest) }
    } else {
        Article::from_body(normalise_body(text))
    };
    check_size(article, "$")
}

fn normalise_newlines(s: &str) -> String {
    s.replace("\r\n", "\n").replace('\r', "\n")
}

/// Joins paragraphs with exactly one blank line, dropping empty ones.
fn normalise_body(s: &str) -> String {
    let s = normalise_newlines(s);
    let mut out = String::with_capacity(s.len());
    for para in s.split("\n\n") {
        let p = para.trim_matches(|c: char| c == '\n' || c == ' ' || c == '\t');
        if p.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(p);
    }
    out
}

fn check_size(a: Article, path: &str) -> Result<Article, InputError> {
    let n = a.body.chars().count();
    if n > MAX_BODY_CHARS {
        return Err(err(
            format!("{path}.body"),
            format!("the body is {n} characters long; the most accepted is {MAX_BODY_CHARS}"),
        ));
    }
    Ok(a)
}

fn from_value(v: &Value, path: &str) -> Result<Article, InputError> {
    match v {
        Value::Object(map) => {
            // JSON-LD @graph: pick the first article-like node.
            if let Some(graph) = map.get("@graph") {
                return from_graph(graph, &format!("{path}.@graph"));
            }
            let is_ld = map.contains_key("@type") || map.contains_key("articleBody");
            let body_key = if is_ld && map.contains_key("articleBody") { "articleBody" } else { "body" };
            let date_key = if is_ld && map.contains_key("datePublished") { "datePublished" } else { "date" };
            let body = match map.get(body_key) {
                None => {
                    return Err(err(
                        path,
                        format!(
                            "missing field \"body\" (expected {{\"headline\": string, \"date\": \"YYYY-MM-DD\", \"body\": string}}{})",
                            if is_ld { " or JSON-LD with \"articleBody\"" } else { "" }
                        ),
                    ))
                }
                Some(Value::String(s)) => normalise_body(s),
                Some(Value::Array(items)) => {
                    let mut paras = Vec::with_capacity(items.len());
                    for (i, item) in items.iter().enumerate() {
                        match item {
                            Value::String(s) => paras.push(s.as_str()),
                            other => {
                                return Err(err(
                                    format!("{path}.{body_key}[{i}]"),
                                    format!("expected a paragraph string, found {}", type_name(other)),
                                ))
                            }
                        }
                    }
                    normalise_body(&paras.join("\n\n"))
                }
                Some(other) => {
                    return Err(err(
                        format!("{path}.{body_key}"),
                        format!(
                            "expected a string (paragraphs separated by blank lines) or an array of paragraph strings, found {}",
                            type_name(other)
                        ),
                    ))
                }
            };
            if body.trim().is_empty() {
                return Err(err(format!("{path}.{body_key}"), "the body is empty: expected the article text"));
            }
            let headline = match map.get("headline") {
                None | Some(Value::Null) => String::new(),
                Some(Value::String(s)) => s.split_whitespace().collect::<Vec<_>>().join(" "),
                Some(other) => {
                    return Err(err(
                        format!("{path}.headline"),
                        format!("expected a string, found {}", type_name(other)),
                    ))
                }
            };
            let date = match map.get(date_key) {
                None | Some(Value::Null) => None,
                Some(Value::String(s)) => Some(parse_date(s).ok_or_else(|| {
                    err(
                        format!("{path}.{date_key}"),
                        format!("expected a date \"YYYY-MM-DD\" (an ISO 8601 timestamp is also accepted), found \"{}\"", truncate(s, 40)),
                    )
                })?),
                Some(other) => {
                    return Err(err(
                        format!("{path}.{date_key}"),
                        format!("expected a date string \"YYYY-MM-DD\", found {}", type_name(other)),
                    ))
                }
            };
            check_size(Article { headline, date, body }, path)
        }
        Value::Array(items) => from_graph(v, path).or_else(|e| {
            if items.is_empty() {
                Err(err(path, "expected an article object, found an empty array"))
            } else {
                Err(e)
            }
        }),
        other => Err(err(
            path,
            format!(
                "expected an article object {{\"headline\", \"date\", \"body\"}}, found {}",
                type_name(other)
            ),
        )),
    }
}

fn from_graph(graph: &Value, path: &str) -> Result<Article, InputError> {
    let Value::Array(items) = graph else {
        return Err(err(path, format!("expected an array, found {}", type_name(graph))));
    };
    let mut first_err = None;
    for (i, item) in items.iter().enumerate() {
        let p = format!("{path}[{i}]");
        if let Value::Object(m) = item {
            let ty_ok = match m.get("@type") {
                Some(Value::String(t)) => t.ends_with("Article") || t == "Report" || t == "BlogPosting",
                Some(Value::Array(ts)) => ts.iter().any(|t| t.as_str().is_some_and(|t| t.ends_with("Article"))),
                None => true,
                _ => false,
            };
            if !ty_ok {
                continue;
            }
            match from_value(item, &p) {
                Ok(a) => return Ok(a),
                Err(e) => {
                    first_err.get_or_insert(e);
                }
            }
        }
    }
    Err(first_err.unwrap_or_else(|| err(path, "no article found (expected an object with \"body\" or \"articleBody\")")))
}

fn truncate(s: &str, n: usize) -> String {
    let mut out: String = s.chars().take(n).collect();
    if s.chars().count() > n {
        out.push('…');
    }
    out
}

/// Accepts `YYYY-MM-DD` and ISO 8601 timestamps that start with one; returns `YYYY-MM-DD`.
fn parse_date(s: &str) -> Option<String> {
    let s = s.trim();
    let d = s.get(..10)?;
    let b = d.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if !(digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10)) {
        return None;
    }
    if s.len() > 10 && !matches!(s.as_bytes().get(10), Some(b'T') | Some(b' ')) {
        return None;
    }
    let month: u32 = d[5..7].parse().ok()?;
    let day: u32 = d[8..10].parse().ok()?;
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    Some(d.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn simple_form() {
        let a = parse_json(r#"{"headline":"H","date":"2025-08-21","body":"One.\n\nTwo."}"#).unwrap();
        assert_eq!(a.headline, "H");
        assert_eq!(a.date.as_deref(), Some("2025-08-21"));
        assert_eq!(a.body, "One.\n\nTwo.");
    }

    #[test]
    fn body_array_and_crlf() {
        let a = parse_json(r#"{"body":["One.\r\n", "", "Two."]}"#).unwrap();
        assert_eq!(a.body, "One.\n\nTwo.");
    }

    #[test]
    fn wrong_types_name_the_path() {
        let e = parse_json(r#"{"headline":"H","body":42}"#).unwrap_err();
        assert_eq!(e.path, "$.body");
        assert!(e.message.contains("found a number"), "{e}");
        let e = parse_json(r#"{"headline":7,"body":"x"}"#).unwrap_err();
        assert_eq!(e.path, "$.headline");
        let e = parse_json(r#"{"body":"x","date":"21/08/2025"}"#).unwrap_err();
        assert_eq!(e.path, "$.date");
        let e = parse_json(r#"{"body":["a", 3]}"#).unwrap_err();
        assert_eq!(e.path, "$.body[1]");
        let e = parse_json(r#"{"headline":"x"}"#).unwrap_err();
        assert_eq!(e.path, "$");
        assert!(e.message.contains("body"));
        let e = parse_json(r#"{"headline":"x""#).unwrap_err();
        assert!(e.message.contains("not valid JSON"), "{e}");
        let e = parse_json(r#""just a string""#).unwrap_err();
        assert!(e.message.contains("found a string"));
    }

    #[test]
    fn json_ld_forms() {
        let a = parse_json(
            r#"{"@context":"https://schema.org","@type":"NewsArticle","headline":"H","datePublished":"2025-08-21T10:00:00Z","articleBody":"Body."}"#,
        )
        .unwrap();
        assert_eq!(a.date.as_deref(), Some("2025-08-21"));
        assert_eq!(a.body, "Body.");
        let a = parse_json(
            r#"{"@graph":[{"@type":"WebPage","name":"x"},{"@type":"NewsArticle","headline":"G","articleBody":"B."}]}"#,
        )
        .unwrap();
        assert_eq!(a.headline, "G");
        let e = parse_json(r#"[{"@type":"NewsArticle","articleBody":5}]"#).unwrap_err();
        assert_eq!(e.path, "$[0].articleBody");
    }

    #[test]
    fn plain_text() {
        let a = parse_any("A headline\n\nFirst paragraph.\n\nSecond.").unwrap();
        assert_eq!(a.headline, "A headline");
        assert_eq!(a.body, "First paragraph.\n\nSecond.");
        let a = parse_any("Just one sentence.").unwrap();
        assert_eq!(a.headline, "");
        assert!(parse_any("   ").is_err());
    }
}
