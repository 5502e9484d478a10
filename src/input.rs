//! Input: the article forms we accept, validated into one [`Article`].
//!
//! Accepted forms (see `docs/input.md`):
//! 1. `{"headline": "...", "date": "YYYY-MM-DD", "lang": "fr", "body": "paragraphs separated by
//!    blank lines"}`; `body` may also be an array of paragraph strings.
//! 2. schema.org JSON-LD `NewsArticle` / `Article` (`headline`, `datePublished`, `inLanguage`,
//!    `articleBody`), also inside an `@graph` array or a top-level array.
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

mod chunked;
mod published;
#[cfg(not(target_arch = "wasm32"))]
mod stream;
pub use chunked::Chunked;
pub use published::check_analysis;
#[cfg(not(target_arch = "wasm32"))]
pub use stream::{check_published, read_published, Counts};

/// A validated article: the one shape the analysis accepts.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Article {
    pub headline: String,
    /// ISO date `YYYY-MM-DD`, when given.
    pub date: Option<String>,
    /// The article's language, a BCP 47 tag as given (`fr`, `en-GB`), when given: `lang`, or
    /// JSON-LD `inLanguage`. The element picks its UI strings and quote marks by it.
    pub lang: Option<String>,
    /// Paragraphs separated by blank lines (`\n\n`).
    pub body: String,
}

impl Article {
    /// An article with only a body (the form the devset and `predict` use).
    pub fn from_body(body: impl Into<String>) -> Self {
        Article { headline: String::new(), date: None, lang: None, body: body.into() }
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

/// Longest body accepted (characters), in an article and in a published analysis: about 150,000
/// words, three times the longest long read, so that no article keeps a reader's page busy for long.
pub const MAX_BODY_CHARS: usize = 1_000_000;
/// Largest article source (bytes of JSON, JSON-LD or text) read at all: refused before parsing.
/// Room for a body at the cap written with escapes, and a JSON-LD page around it.
pub const MAX_ARTICLE_BYTES: usize = 16_000_000;
/// Longest headline accepted (characters).
pub const MAX_HEADLINE_CHARS: usize = 1_000;

/// Parses article JSON (forms 1 and 2).
pub fn parse_json(src: &str) -> Result<Article, InputError> {
    let value: Value = serde_json::from_str(src).map_err(|e| json_error(src, &e))?;
    from_value(&value, "$")
}

/// A JSON syntax error, with its line and column; a lone UTF-16 surrogate escape (`"\ud800"`,
/// which JSON allows and text cannot hold) is named as such.
fn json_error(src: &str, e: &serde_json::Error) -> InputError {
    let (line, column) = (e.line(), e.column());
    let msg = strip_pos(&e.to_string());
    let lone = (msg.contains("surrogate") || msg.contains("hex escape")) && {
        // The last `\u` escape before the error's position names a surrogate (`\uD800` to
        // `\uDFFF`). A byte scan: a reverse substring search would add its own code to the wasm.
        let b = src.as_bytes();
        let (mut at, mut lines) = (column, line);
        for (i, &c) in b.iter().enumerate() {
            if lines <= 1 {
                at += i;
                break;
            }
            if c == b'\n' {
                lines -= 1;
            }
        }
        let head = &b[..at.min(b.len())];
        head.windows(2).rposition(|w| w == b"\\u").is_some_and(|i| {
            matches!(b.get(i + 2), Some(b'd' | b'D')) && matches!(b.get(i + 3), Some(b'8'..=b'9' | b'a'..=b'f' | b'A'..=b'F'))
        })
    };
    let msg = if lone {
        "a lone surrogate escape (\\uD800-\\uDFFF without its pair) is not text".to_string()
    } else {
        msg
    };
    err("$", format!("not valid JSON (line {line}, column {column}): {msg}"))
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
        // Natively, one pass item by item (a million stakeholders are never held twice).
        #[cfg(not(target_arch = "wasm32"))]
        if let Some(r) = stream::read_published(t.as_bytes()) {
            return r.map(|a| Source::Analysis(Box::new(a)));
        }
        // One parse answers both questions: a published analysis, else an article (parsing the
        // JSON again in `parse_any` was a second full parse of every JSON article).
        if let Ok(v) = serde_json::from_str::<Value>(t) {
            if let Some(r) = published_from_value(&v) {
                return r.map(|a| Source::Analysis(Box::new(a)));
            }
            source_size(t)?;
            return from_value(&v, "$").map(Source::Article);
        }
    }
    parse_any(t).map(Source::Article)
}

/// A published analysis read from its whole parsed JSON (the wasm's reader; natively the fallback
/// and the fuzzers' reference): `None` when `src` is not a JSON object with a `schema` field.
pub fn parse_published_value(src: &str) -> Option<Result<Analysis, InputError>> {
    published_from_value(&serde_json::from_str::<Value>(src).ok()?)
}

fn published_from_value(v: &Value) -> Option<Result<Analysis, InputError>> {
    let schema = v.as_object()?.get("schema")?;
    Some(published::check_schema(schema).and_then(|()| {
        let mut a = published::read_analysis(v)?;
        check_analysis(&mut a)?;
        Ok(a)
    }))
}

/// Parses whatever a person pasted: JSON when it looks like JSON, else plain text.
pub fn parse_any(src: &str) -> Result<Article, InputError> {
    let t = src.trim_start_matches('\u{feff}').trim();
    source_size(t)?;
    if t.starts_with('{') || t.starts_with('[') {
        parse_json(t)
    } else {
        // JSON `null`, `true`, `false` or a number is a mistake, not an article's text.
        if let Ok(v @ (Value::Null | Value::Bool(_) | Value::Number(_))) = serde_json::from_str::<Value>(t) {
            return from_value(&v, "$"); // "expected an article object …, found null"
        }
        from_plain_text(t)
    }
}

/// The source cap ([`MAX_ARTICLE_BYTES`]).
fn source_size(t: &str) -> Result<(), InputError> {
    if t.len() > MAX_ARTICLE_BYTES {
        return Err(err(
            "$",
            format!("the article is {} bytes long; the most accepted is {MAX_ARTICLE_BYTES}", t.len()),
        ));
    }
    Ok(())
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
        Article { headline: first.to_string(), date: None, lang: None, body: normalise_body(rest) }
    } else {
        Article::from_body(normalise_body(text))
    };
    check_size(article, "$", "body")
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

fn check_size(a: Article, path: &str, body_key: &str) -> Result<Article, InputError> {
    too_long(&format!("{path}.{body_key}"), "body", &a.body, MAX_BODY_CHARS)?;
    too_long(&format!("{path}.headline"), "headline", &a.headline, MAX_HEADLINE_CHARS)?;
    Ok(a)
}

/// The length of `text` in characters, or the error naming `path` when it is over `max`.
fn too_long(path: &str, what: &str, text: &str, max: usize) -> Result<usize, InputError> {
    let n = text.chars().count();
    if n > max {
        return Err(err(path, format!("the {what} is {n} characters long; the most accepted is {max}")));
    }
    Ok(n)
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
                // An empty string is no date (CMS templates write `"datePublished": ""`).
                None | Some(Value::Null) => None,
                Some(Value::String(s)) if s.trim().is_empty() => None,
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
            let lang_key = if is_ld && map.contains_key("inLanguage") { "inLanguage" } else { "lang" };
            let lang = article_lang(map.get(lang_key), &format!("{path}.{lang_key}"))?;
            check_size(Article { headline, date, lang, body }, path, body_key)
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
    Err(first_err.unwrap_or_else(|| {
        if items.iter().any(Value::is_object) {
            err(path, "no article found (expected an object with \"body\" or \"articleBody\")")
        } else {
            err(path, "expected an article object, found an array without one")
        }
    }))
}

fn truncate(s: &str, n: usize) -> String {
    let mut out: String = s.chars().take(n).collect();
    if s.chars().count() > n {
        out.push('…');
    }
    out
}

/// What a language must be (one message for a wrong type and a wrong shape: each message
/// formatted here is code in the wasm).
pub(crate) const LANG_EXPECTED: &str = "expected a BCP 47 language tag such as \"fr\" or \"en-GB\" (a string; in JSON-LD also a schema.org Language object)";

/// The article's language: a BCP 47 tag string (`lang`, `inLanguage`), or a schema.org `Language`
/// object (`{"@type": "Language", "name": "French", "alternateName": "fr"}`: the first of its
/// `alternateName` and `name` that is a tag; a `name` such as "Français" alone says no tag, so no
/// language). Empty or null: none. Tags are checked loosely ([`lang_tag`]): the shape, not the registry.
fn article_lang(v: Option<&Value>, path: &str) -> Result<Option<String>, InputError> {
    let tag = match v {
        None | Some(Value::Null) => return Ok(None),
        Some(Value::String(s)) => lang_tag(s),
        Some(Value::Object(o)) => return Ok(["alternateName", "name"].iter().find_map(|k| lang_tag(o.get(*k)?.as_str()?).flatten())),
        Some(_) => None,
    };
    tag.ok_or_else(|| err(path, LANG_EXPECTED))
}

/// A BCP 47 language tag, checked loosely (RFC 5646's shape, not its registry): subtags of 1 to 8
/// ASCII letters or digits joined by `-`, the first of letters only; at most 64 characters.
/// Surrounding white space is dropped: `Some(None)` for empty, `Some(Some(tag))` for a tag, `None`
/// for anything else. `lang_tag(" en-GB ") == Some(Some("en-GB".into()))`.
pub fn lang_tag(s: &str) -> Option<Option<String>> {
    let t = s.trim();
    if t.is_empty() {
        return Some(None);
    }
    // A byte loop (a `split('-')` iterator would add its own code to the wasm).
    let (mut ok, mut n, mut first) = (t.len() <= 64, 0, true);
    for &b in t.as_bytes() {
        if b == b'-' {
            ok &= (1..=8).contains(&n);
            (n, first) = (0, false);
        } else {
            ok &= b.is_ascii_alphabetic() || (!first && b.is_ascii_digit());
            n += 1;
        }
    }
    (ok && (1..=8).contains(&n)).then(|| Some(t.to_string()))
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
    fn the_article_language_comes_from_lang_or_json_ld_in_language() {
        let a = parse_json(r#"{"lang":"fr","body":"Un."}"#).unwrap();
        assert_eq!(a.lang.as_deref(), Some("fr"));
        let a = parse_json(r#"{"lang":" en-GB ","body":"One."}"#).unwrap();
        assert_eq!(a.lang.as_deref(), Some("en-GB"));
        let a = parse_json(r#"{"@type":"NewsArticle","inLanguage":"de-AT","articleBody":"Eins."}"#).unwrap();
        assert_eq!(a.lang.as_deref(), Some("de-AT"));
        // schema.org Language: the code in alternateName, else a name that is a tag.
        let a = parse_json(r#"{"@graph":[{"@type":"NewsArticle","inLanguage":{"@type":"Language","name":"Spanish","alternateName":"es"},"articleBody":"Uno."}]}"#).unwrap();
        assert_eq!(a.lang.as_deref(), Some("es"));
        let a = parse_json(r#"{"@type":"NewsArticle","inLanguage":{"@type":"Language","name":"fr"},"articleBody":"Un."}"#).unwrap();
        assert_eq!(a.lang.as_deref(), Some("fr"));
        // A Language whose only name is not a tag says no tag; empty and null say none.
        for src in [
            r#"{"@type":"NewsArticle","inLanguage":{"@type":"Language","name":"Français"},"articleBody":"Un."}"#,
            r#"{"lang":"","body":"One."}"#,
            r#"{"lang":null,"body":"One."}"#,
            r#"{"body":"One."}"#,
        ] {
            assert_eq!(parse_json(src).unwrap().lang, None, "{src}");
        }
        assert_eq!(parse_any("Plain text.").unwrap().lang, None);
    }

    #[test]
    fn a_bad_language_names_its_path() {
        let e = parse_json(r#"{"lang":7,"body":"x"}"#).unwrap_err();
        assert_eq!(e.path, "$.lang");
        assert!(e.message.contains("BCP 47"), "{e}");
        let e = parse_json(r#"{"@graph":[{"@type":"NewsArticle","inLanguage":["fr"],"articleBody":"x"}]}"#).unwrap_err();
        assert_eq!(e.path, "$.@graph[0].inLanguage");
        assert!(e.message.contains("Language object"), "{e}");
        for bad in ["en GB", "français", "fr--FR", "toolongprimary", "12", "fr-", "x".repeat(70).as_str()] {
            let e = parse_json(&format!(r#"{{"lang":"{bad}","body":"x"}}"#)).unwrap_err();
            assert_eq!(e.path, "$.lang", "{bad}");
            assert!(e.message.contains("BCP 47"), "{e}");
        }
        for good in ["fr", "en-GB", "zh-Hant-TW", "es-419", "x-klingon", "sgn-BE-FR"] {
            assert_eq!(lang_tag(good), Some(Some(good.to_string())));
        }
    }

    #[test]
    fn an_empty_date_string_is_no_date() {
        for src in [r#"{"date":"","body":"One."}"#, r#"{"date":"  ","body":"One."}"#, r#"{"@type":"NewsArticle","datePublished":"","articleBody":"One."}"#] {
            assert_eq!(parse_json(src).unwrap().date, None, "{src}");
        }
        // Still an error: a date that is not one.
        assert_eq!(parse_json(r#"{"date":"soon","body":"x"}"#).unwrap_err().path, "$.date");
    }

    #[test]
    fn a_published_analysis_keeps_its_language_and_checks_it() {
        let mut a = crate::analyze(&parse_json(r#"{"lang":"fr","body":"« Non », a dit Marie Dupont."}"#).unwrap());
        assert_eq!(a.lang.as_deref(), Some("fr"));
        let json = serde_json::to_string(&a).unwrap();
        assert!(json.contains(r#""lang":"fr""#));
        match parse_source(&json) {
            Ok(Source::Analysis(b)) => assert_eq!(b.lang.as_deref(), Some("fr")),
            other => panic!("{other:?}"),
        }
        // Without a language the JSON has no `lang` at all (analysis@1 as before).
        a.lang = None;
        assert!(!serde_json::to_string(&a).unwrap().contains("\"lang\""));
        let bad = json.replace(r#""lang":"fr""#, r#""lang":"fr FR""#);
        let e = parse_published_value(&bad).unwrap().unwrap_err();
        assert_eq!(e.path, "$.lang");
        #[cfg(not(target_arch = "wasm32"))]
        assert_eq!(read_published(bad.as_bytes()).unwrap().unwrap_err().path, "$.lang");
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
