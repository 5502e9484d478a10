//! A published analysis read a piece at a time, so that the viewer on the page's main thread can
//! yield between pieces (an 11.9 MB analysis read at once is a task of about a second): the
//! top-level object and its lists are walked by hand, each list item and each other value parsed
//! on its own by `serde_json` and read by the same per-item readers (with their JSON paths) as
//! the whole-JSON reader [`super::parse_published_value`], then [`check_analysis`].
//!
//! Only a well-formed analysis is read this way. On anything else (not an object, not JSON, a
//! list that is not an array, any error in an item or in the whole) it gives up, and
//! [`Chunked::finish`] takes the general path, which says precisely what is wrong: so its answer
//! is the general path's, which the `published` fuzz target checks.

use super::published::{check_schema, read_paragraph, read_quote, read_relation, read_stakeholder, read_top, Obj};
use super::{check_analysis, parse_published_value, InputError};
use crate::model::{Analysis, Paragraph, Quote, Relation, Stakeholder};
use serde_json::{Map, Value};

#[derive(Clone, Copy)]
enum List {
    Stakeholders,
    Quotes,
    Relations,
    Paragraphs,
}

#[derive(Clone, Copy)]
enum At {
    Start,
    Key,
    Item(List, usize),
    End,
    Checked,
    GaveUp,
}

/// A published analysis's text being read: [`Chunked::step`] until it says it is done, then
/// [`Chunked::finish`].
pub struct Chunked {
    text: String,
    pos: usize,
    at: At,
    fields: Map<String, Value>,
    stakeholders: Option<Vec<Stakeholder>>,
    quotes: Option<Vec<Quote>>,
    relations: Option<Vec<Relation>>,
    paragraphs: Option<Vec<Paragraph>>,
    checked: Option<Analysis>,
}

impl Chunked {
    pub fn new(text: String) -> Chunked {
        Chunked { text, pos: 0, at: At::Start, fields: Map::new(), stakeholders: None, quotes: None, relations: None, paragraphs: None, checked: None }
    }

    /// The text being read.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Appends `piece` to the text (given in pieces: the page hands a long text over a piece
    /// per task).
    pub fn push(&mut self, piece: &str) {
        self.text.push_str(piece);
    }

    /// Reads on for at least `bytes` bytes of the text (a whole item at a time); `true` once
    /// there is nothing more to read (the end, or it gave up).
    pub fn step(&mut self, bytes: usize) -> bool {
        let stop = self.pos.saturating_add(bytes);
        loop {
            match self.at {
                // The whole checked (`check_analysis`) in a step of its own.
                At::End => {
                    self.checked = self.result();
                    self.at = At::Checked;
                    return false;
                }
                At::Checked | At::GaveUp => return true,
                _ => {}
            }
            if self.pos >= stop {
                return false;
            }
            if self.advance().is_none() {
                self.at = At::GaveUp;
            }
        }
    }

    /// The analysis read, checked; else the general path's answer (`None`: not a published
    /// analysis, or the error with its JSON path). Reads what `step` has not.
    pub fn finish(mut self) -> Option<Result<Analysis, InputError>> {
        while !self.step(usize::MAX) {}
        match self.checked.take() {
            Some(a) => Some(Ok(a)),
            None => parse_published_value(&self.text),
        }
    }

    fn result(&mut self) -> Option<Analysis> {
        if !matches!(self.at, At::End) {
            return None;
        }
        check_schema(self.fields.get("schema")?).ok()?;
        let fields = Value::Object(std::mem::take(&mut self.fields));
        let o = Obj::new(&fields, "$".into()).ok()?;
        let (s, q, r) = (self.stakeholders.take()?, self.quotes.take()?, self.relations.take()?);
        let mut a = read_top(&o, self.paragraphs.take().unwrap_or_default(), s, q, r).ok()?;
        check_analysis(&mut a).ok()?;
        Some(a)
    }

    fn ws(&mut self) {
        let b = self.text.as_bytes();
        while matches!(b.get(self.pos), Some(b' ' | b'\n' | b'\t' | b'\r')) {
            self.pos += 1;
        }
    }

    /// The next byte after whitespace is `c`: taken.
    fn eat(&mut self, c: u8) -> Option<()> {
        self.ws();
        (self.text.as_bytes().get(self.pos) == Some(&c)).then(|| self.pos += 1)
    }

    /// One JSON value, parsed on its own: its extent found by a scan (brackets outside strings),
    /// then `serde_json`. `serde_json` refuses more than 127 levels of nesting in the whole text,
    /// so a list item may nest 125 deep (inside the object and its list), another value 126.
    fn value(&mut self, max_depth: usize) -> Option<Value> {
        self.ws();
        let b = self.text.as_bytes();
        let (mut i, mut depth, mut deepest, mut string) = (self.pos, 0usize, 0usize, false);
        let end = loop {
            let Some(&c) = b.get(i) else { break i };
            i += 1;
            match c {
                b'\\' if string => i += 1,
                b'"' if string => {
                    string = false;
                    if depth == 0 {
                        break i;
                    }
                }
                _ if string => {}
                b'"' => string = true,
                b'[' | b'{' => {
                    depth += 1;
                    deepest = deepest.max(depth);
                }
                b']' | b'}' if depth > 0 => {
                    depth -= 1;
                    if depth == 0 {
                        break i;
                    }
                }
                b']' | b'}' | b',' | b':' | b' ' | b'\n' | b'\t' | b'\r' if depth == 0 => break i - 1,
                _ => {}
            }
        };
        let v = serde_json::from_str(self.text.get(self.pos..end)?).ok()?;
        self.pos = end;
        (deepest <= max_depth).then_some(v)
    }

    /// After a top-level value: `,` and the next key, or `}` and only whitespace to the end.
    fn after_value(&mut self) -> Option<()> {
        if self.eat(b',').is_some() {
            self.ws();
            self.at = At::Key;
            return (self.text.as_bytes().get(self.pos) == Some(&b'"')).then_some(());
        }
        self.eat(b'}')?;
        self.ws();
        self.at = At::End;
        (self.pos == self.text.len()).then_some(())
    }

    /// One step: the opening brace, a key with its value (a list: its opening bracket), or one
    /// list item. `None`: give up.
    fn advance(&mut self) -> Option<()> {
        match self.at {
            At::Start => {
                self.eat(b'{')?;
                if self.eat(b'}').is_some() {
                    // `{}`: no schema; the general path says so.
                    return None;
                }
                self.ws();
                self.at = At::Key;
            }
            At::Key => {
                let Value::String(k) = self.value(0)? else { return None };
                self.eat(b':')?;
                let list = match k.as_str() {
                    "stakeholders" => List::Stakeholders,
                    "quotes" => List::Quotes,
                    "relations" => List::Relations,
                    "paragraphs" => List::Paragraphs,
                    _ => {
                        let v = self.value(126)?;
                        if matches!(k.as_str(), "schema" | "headline" | "date" | "lang" | "body") {
                            self.fields.insert(k, v);
                        }
                        return self.after_value();
                    }
                };
                self.eat(b'[')?;
                // A list named twice: the last one counts, as in a parsed `Value`.
                match list {
                    List::Stakeholders => self.stakeholders = Some(Vec::new()),
                    List::Quotes => self.quotes = Some(Vec::new()),
                    List::Relations => self.relations = Some(Vec::new()),
                    List::Paragraphs => self.paragraphs = Some(Vec::new()),
                }
                self.at = At::Item(list, 0);
                if self.eat(b']').is_some() {
                    return self.after_value();
                }
            }
            At::Item(list, i) => {
                let v = self.value(125)?;
                let (name, read): (&str, fn(&mut Self, &Value, String) -> Option<()>) = match list {
                    List::Stakeholders => ("stakeholders", |c, v, p| c.stakeholders.as_mut()?.push(read_stakeholder(v, p).ok()?).into()),
                    List::Quotes => ("quotes", |c, v, p| c.quotes.as_mut()?.push(read_quote(v, p).ok()?).into()),
                    List::Relations => ("relations", |c, v, p| c.relations.as_mut()?.push(read_relation(v, p).ok()?).into()),
                    List::Paragraphs => ("paragraphs", |c, v, p| c.paragraphs.as_mut()?.push(read_paragraph(v, p).ok()?).into()),
                };
                read(self, &v, format!("$.{name}[{i}]"))?;
                if self.eat(b',').is_some() {
                    self.at = At::Item(list, i + 1);
                } else {
                    self.eat(b']')?;
                    return self.after_value();
                }
            }
            At::End | At::Checked | At::GaveUp => {}
        }
        Some(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chunked(text: &str, bytes: usize) -> (Option<Result<Analysis, InputError>>, usize) {
        let mut c = Chunked::new(text.to_string());
        let mut steps = 1;
        while !c.step(bytes) {
            steps += 1;
        }
        (c.finish(), steps)
    }

    fn analysis() -> String {
        let art = crate::input::parse_any(include_str!("../../fixtures/seed-article.json")).unwrap();
        serde_json::to_string(&crate::analyze(&art)).unwrap()
    }

    #[test]
    fn reads_in_pieces_what_the_whole_json_reader_reads() {
        let json = analysis();
        let whole = parse_published_value(&json).unwrap().unwrap();
        for bytes in [1, 100, 4096, usize::MAX] {
            let (got, steps) = chunked(&json, bytes);
            assert_eq!(got.unwrap().unwrap(), whole);
            if bytes == 100 {
                assert!(steps > json.len() / 1000, "{steps} steps");
            }
        }
        // Handed over in pieces (as the page does), with the same fingerprint.
        let mut c = Chunked::new(String::new());
        let mut h = crate::text::FNV_START;
        let chars: Vec<char> = json.chars().collect();
        for piece in chars.chunks(333) {
            let piece: String = piece.iter().collect();
            c.push(&piece);
            h = crate::text::fnv(h, &piece);
        }
        assert_eq!(h.to_string(), crate::text::fingerprint(&json));
        assert_eq!(c.finish().unwrap().unwrap(), whole);
                // Whitespace anywhere, lists in another order, unknown fields, a list named twice.
        let v: Value = serde_json::from_str(&json).unwrap();
        let pretty = serde_json::to_string_pretty(&v).unwrap();
        assert_eq!(chunked(&pretty, 64).0.unwrap().unwrap(), whole);
        let o = v.as_object().unwrap();
        let mut moved = String::from("{ \"extra\": [[{}]], \"quotes\": [], ");
        for k in ["relations", "quotes", "paragraphs", "stakeholders", "body", "headline", "lang", "date", "schema"] {
            if let Some(x) = o.get(k) {
                moved += &format!("\"{k}\": {x},\n");
            }
        }
        moved += "\"more\": null }\n";
        assert_eq!(chunked(&moved, 10).0.unwrap().unwrap(), whole);
    }

    #[test]
    fn gives_the_general_paths_answer_for_anything_else() {
        let json = analysis();
        let bad_id = json.replacen("\"speaker\":\"", "\"speaker\":\"nobody-", 1);
        let cases = [
            "".to_string(),
            "{}".into(),
            "[]".into(),
            "{\"headline\": \"x\", \"body\": \"y\"}".into(),
            json.replacen('{', "{,", 1),
            format!("{json} x"),
            format!("{json},"),
            json.replacen("\"quotes\":[", "\"quotes\":[,", 1),
            json.replacen("]", ",]", 1),
            json.replacen("\"quotes\":[", "\"quotes\":{", 1),
            bad_id,
            json.replacen("stakeholder-map/analysis@1", "stakeholder-map/analysis@2", 1),
            json.replacen("\"schema\"", "\"schemata\"", 1),
            json.replacen("\"relations\"", "\"relationships\"", 1),
            format!("\u{feff}{json}"),
        ];
        for text in cases {
            let general = parse_published_value(&text);
            assert_eq!(chunked(&text, 7).0, general, "{text:.80}");
        }
    }

    #[test]
    fn nesting_is_limited_as_in_the_whole_text() {
        let json = analysis();
        for (n, inside_item) in [(124, true), (125, true), (126, true), (125, false), (126, false), (127, false)] {
            let deep = format!("{}1{}", "[".repeat(n), "]".repeat(n));
            let text = if inside_item {
                json.replacen("\"quotes\":[{", &format!("\"quotes\":[{{\"deep\":{deep},"), 1)
            } else {
                json.replacen('{', &format!("{{\"deep\":{deep},"), 1)
            };
            let general = parse_published_value(&text);
            assert_eq!(chunked(&text, 50).0, general, "{n} {inside_item}");
        }
    }
}
