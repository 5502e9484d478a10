//! Quote detection: quoted spans of every style, with a kind.
//!
//! Works line by line (a paragraph, or a line of one when a text breaks paragraphs with
//! single newlines). Each quote mark is classified by its context (what stands before and
//! after it) as an opener, a closer, either, or an apostrophe, then matched with a stack per
//! line so that nested quotes stay inside their outer quote. Styles:
//! “…” ‘…’ "…" '…' «…» (inner spaces trimmed) »…« ‹…› „…“ „…” ‚…‘ 「…」 『…』, ''…'' and ``…''
//! (doubled apostrophes), and dialogue lines opened by an em dash. Apostrophes (it’s,
//! Russia’s, rock ’n’ roll, the ’90s, students’) are never taken for quote marks.
//! A quote left open at the end of a line runs to the end of that line; when the next line
//! reopens with a quote mark, that span `continues` it (the newspaper convention).
//! Spans that are nobody's words (markup attributes, titles, nicknames, coined terms) get
//! kind [`QuoteKind::NonSpeech`] where the text makes it clear.
//!
//! Linear in the text length: one pass per line plus bounded look-arounds.

use crate::text::Lower;
use super::lexicon;
use crate::model::{Field, QuoteKind};
use crate::text::{Doc, FieldText};

/// A quoted span found in the text. `start..end` is the content without the marks.

mod kinds;
mod marks;
use kinds::*;
pub(crate) use kinds::inside_any;
use marks::*;

#[derive(Clone, Debug, PartialEq)]
pub struct QuoteSpan {
    pub field: Field,
    pub start: usize,
    pub end: usize,
    /// Position of the opening mark.
    pub open: usize,
    /// Position of the closing mark, when there is one in the text.
    pub close: Option<usize>,
    pub kind: QuoteKind,
    /// True when this span continues a quote left open at the end of the previous paragraph.
    pub continues: bool,
    /// Position just after the closing mark (or the line end when unclosed).
    pub close_end: usize,
    /// The line (paragraph, or newline-separated part of one) the quote lies in.
    pub line: (usize, usize),
    /// True when the quote is left open at the end of its line.
    pub unclosed: bool,
    /// True for an em-dash dialogue line (no quote marks).
    pub dialogue: bool,
}

/// Splits a paragraph into lines at single newlines.
fn lines_of(chars: &[char], ps: usize, pe: usize, out: &mut Vec<(usize, usize)>) {
    let mut s = ps;
    let mut i = ps;
    while i <= pe {
        if i == pe || chars[i] == '\n' {
            let mut a = s;
            let mut b = i;
            while a < b && chars[a].is_whitespace() {
                a += 1;
            }
            while b > a && chars[b - 1].is_whitespace() {
                b -= 1;
            }
            if a < b {
                out.push((a, b));
            }
            s = i + 1;
        }
        i += 1;
    }
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{a0}' | '\u{202f}' | '\u{2009}' | '\u{200a}')
}

/// Finds quoted spans in both fields, in text order.
pub fn detect(doc: &Doc) -> Vec<QuoteSpan> {
    let mut out = Vec::new();
    for ft in doc.fields() {
        detect_field(ft, &mut out);
    }
    out
}

fn detect_field(ft: &FieldText, out: &mut Vec<QuoteSpan>) {
    let chars = &ft.chars;
    let mut lines = Vec::new();
    for &(ps, pe) in &ft.paragraphs {
        lines_of(chars, ps, pe, &mut lines);
    }
    let first_new = out.len();
    let mut prev_unclosed: Option<Fam> = None;
    let mut prev_line_colon = false;
    let mut prev_dialogue = false;
    for (li, &(ls, le)) in lines.iter().enumerate() {
        let runs_on = lines.get(li + 1).is_some_and(|&(ns, ne)| chars[ns..ne].iter().find(|c| !is_space(**c)).is_some_and(|&c| c == '\'' || c == '‘'));
        let (raws, pending) = match_line(chars, ls, le, runs_on);
        let line_start_quote = raws.first().map(|r| r.open == ls).unwrap_or(false) || pending.is_some_and(|o| o.pos == ls);
        let mut line_spans: Vec<QuoteSpan> = Vec::new();
        for r in &raws {
            let (cpos, clen) = r.close.unwrap_or((le, 0));
            let (mut s, mut e) = (r.open + r.open_len, cpos);
            while s < e && is_space(chars[s]) {
                s += 1;
            }
            while e > s && is_space(chars[e - 1]) {
                e -= 1;
            }
            if e <= s || !chars[s..e].iter().any(|c| c.is_alphanumeric()) {
                continue;
            }
            let _ = r.ch;
            line_spans.push(QuoteSpan {
                field: ft.field,
                start: s,
                end: e,
                open: r.open,
                close: Some(cpos),
                kind: QuoteKind::Direct,
                continues: r.open == ls && prev_unclosed.is_some_and(|f| f == r.fam),
                close_end: cpos + clen,
                line: (ls, le),
                unclosed: false,
                dialogue: false,
            });
        }
        if let Some(o) = pending {
            let mut s = o.pos + o.len;
            let mut e = le;
            // stop before a later top-level quote (cannot happen: the stack empties on those)
            while s < e && is_space(chars[s]) {
                s += 1;
            }
            while e > s && is_space(chars[e - 1]) {
                e -= 1;
            }
            let words = ft.tokens_in(s, e).iter().filter(|t| chars[t.start].is_alphanumeric()).count();
            // an unclosed single quote is only trusted at a line start, or after a colon when
            // the next paragraph opens with a single quote too (the newspaper convention for a
            // quote running on: "X said: 'We have no choice. ¶ 'The government …'")
            let after_colon = chars[ls..o.pos].iter().rev().find(|c| !is_space(**c)) == Some(&':');
            let ok = e > s && words >= 1 && (o.fam != Fam::Single || o.pos == ls || after_colon && runs_on && chars.get(s).is_some_and(|c| c.is_uppercase())) && (o.pos == ls || words >= 4);
            if ok {
                line_spans.push(QuoteSpan {
                    field: ft.field,
                    start: s,
                    end: e,
                    open: o.pos,
                    close: None,
                    kind: QuoteKind::Direct,
                    continues: o.pos == ls && prev_unclosed.is_some_and(|f| f == o.fam),
                    close_end: le,
                    line: (ls, le),
                    unclosed: true,
                    dialogue: false,
                });
                prev_unclosed = Some(o.fam);
            } else {
                prev_unclosed = None;
            }
        } else {
            prev_unclosed = None;
        }
        // em-dash dialogue lines
        let mut is_dialogue = false;
        if raws.is_empty() && pending.is_none() && !line_start_quote {
            if let Some(d) = dialogue_line(ft, ls, le, prev_line_colon || prev_dialogue) {
                is_dialogue = true;
                line_spans.extend(d);
            }
        }
        prev_dialogue = is_dialogue;
        prev_line_colon = chars[le - 1] == ':';
        line_spans.sort_by_key(|q| q.start);
        out.extend(line_spans);
    }
    classify_kinds(ft, &mut out[first_new..]);
}

/// `— Where were you? — she asked. — At home.`: a line opened by an em dash is dialogue when
/// a dash-led narration with a speech verb follows the words, or the line follows an
/// introduction (a line ending with a colon) or another dialogue line.
fn dialogue_line(ft: &FieldText, ls: usize, le: usize, after_intro: bool) -> Option<Vec<QuoteSpan>> {
    let chars = &ft.chars;
    if !matches!(chars[ls], '—' | '―') {
        return None;
    }
    let mut s = ls + 1;
    while s < le && is_space(chars[s]) {
        s += 1;
    }
    if s >= le {
        return None;
    }
    // find " — " narration segments
    let mut segs: Vec<(usize, usize)> = Vec::new(); // speech segments
    let mut narr_has_verb = false;
    let mut cur = s;
    let mut i = s;
    let mut in_speech = true;
    while i < le {
        if matches!(chars[i], '—' | '―') && i > cur && (is_space(chars[i - 1]) || chars[i - 1] == ',') {
            if in_speech {
                segs.push((cur, i));
            } else {
                // narration [cur, i): does it hold a speech verb?
                if ft.tokens_in(cur, i).iter().any(|t| lexicon::is_speech_word(ft.lower_of(t))) {
                    narr_has_verb = true;
                }
            }
            in_speech = !in_speech;
            cur = i + 1;
            while cur < le && is_space(chars[cur]) {
                cur += 1;
            }
            i = cur;
            continue;
        }
        i += 1;
    }
    if in_speech {
        segs.push((cur, le));
    } else if ft.tokens_in(cur, le).iter().any(|t| lexicon::is_speech_word(ft.lower_of(t))) {
        narr_has_verb = true;
    }
    if !(narr_has_verb || after_intro) {
        return None;
    }
    let mut out = Vec::new();
    for (a, b) in segs {
        let mut e = b;
        while e > a && (is_space(chars[e - 1]) || chars[e - 1] == ',') {
            e -= 1;
        }
        if e > a && chars[a..e].iter().any(|c| c.is_alphanumeric()) {
            out.push(QuoteSpan {
                field: ft.field,
                start: a,
                end: e,
                open: if a == s { ls } else { a.saturating_sub(1) },
                close: None,
                kind: QuoteKind::Direct,
                continues: false,
                close_end: b,
                line: (ls, le),
                unclosed: false,
                dialogue: true,
            });
        }
    }
    (!out.is_empty()).then_some(out)
}

/// Small words that may stay lower-case in a Title Case title.
#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::Article;

    fn spans(body: &str) -> Vec<(String, QuoteKind)> {
        let doc = Doc::new(&Article::from_body(body));
        detect(&doc).iter().map(|q| (doc.body.slice(q.start, q.end), q.kind)).collect()
    }

    #[test]
    fn curly_and_straight() {
        let s = spans("“It’s over,” she said. He said \"we won\" and 'they lost' today.");
        assert_eq!(s[0].0, "It’s over,");
        assert_eq!(s[1].0, "we won");
        assert_eq!(s[2].0, "they lost");
    }

    #[test]
    fn apostrophes_are_not_marks() {
        let s = spans("In the ’90s the students’ union played rock ’n’ roll at Russia’s border, he said.");
        assert!(s.is_empty(), "{s:?}");
    }
}

