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

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Fam {
    Double,
    Single,
    Angle,
    AngleSingle,
    Corner,
    WhiteCorner,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    /// Closes an open quote of its family, else opens one.
    Either,
    /// “: opens, but closes a „ (German) or, when only right-flanking, an open double.
    LeftDouble,
    /// ‘: opens, but closes a ‚ or, when only right-flanking, an open single.
    LeftSingle,
}

#[derive(Clone, Copy, Debug)]
struct Mark {
    pos: usize,
    len: usize,
    fam: Fam,
    role: Role,
    ch: char,
    /// A single closer that may be a plural possessive (students’ union).
    possessive: bool,
}

#[derive(Clone, Copy, Debug)]
struct Opened {
    pos: usize,
    len: usize,
    fam: Fam,
    ch: char,
}

fn is_dash(c: char) -> bool {
    matches!(c, '—' | '–' | '―' | '-' | '‒')
}

fn is_any_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '”' | '‘' | '’' | '«' | '»' | '„' | '‚' | '‹' | '›' | '「' | '」' | '『' | '』' | '`'
    )
}

/// What may stand before an opening mark.
fn open_ctx(p: Option<char>) -> bool {
    match p {
        None => true,
        Some(c) => c.is_whitespace() || matches!(c, '(' | '[' | '{' | '/' | ':' | '\u{a0}') || is_dash(c) || is_any_quote(c),
    }
}

/// What may stand after a closing mark.
fn close_ctx(n: Option<char>) -> bool {
    match n {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '…' | '/' | '\u{a0}')
                || is_dash(c)
                || is_any_quote(c)
        }
    }
}

fn left_flank(p: Option<char>, n: Option<char>) -> bool {
    n.is_some_and(|c| !c.is_whitespace()) && open_ctx(p)
}

fn right_flank(p: Option<char>, n: Option<char>) -> bool {
    p.is_some_and(|c| !c.is_whitespace()) && close_ctx(n)
}

/// Words that begin with an elision apostrophe: ’n’, ’em, ’til, ’cause, the ’90s.
const ELISIONS: &[&str] = &["n", "em", "til", "cause", "tis", "twas", "bout", "round", "s", "ol", "nuff", "kay", "sup"];

/// Is the apostrophe at `i` (followed by a word) an elision rather than an opener?
fn is_elision(chars: &[char], i: usize, end: usize) -> bool {
    let mut j = i + 1;
    while j < end && chars[j].is_alphanumeric() {
        j += 1;
    }
    if j == i + 1 {
        return false;
    }
    let w: String = chars[i + 1..j].iter().collect();
    if w.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        // ’90s, ’08
        return w.len() <= 4 && w.chars().all(|c| c.is_ascii_digit() || c == 's');
    }
    let next_is_apos = j < end && matches!(chars[j], '\'' | '’');
    let wl = w.lower();
    if wl == "n" {
        return true; // rock ’n’ roll
    }
    ELISIONS.contains(&wl.as_str()) && !next_is_apos && (j >= end || !chars[j].is_alphanumeric())
}

fn classify_line(chars: &[char], ls: usize, le: usize) -> Vec<Mark> {
    let mut marks = Vec::new();
    // orientation of guillemets in this line: whichever comes first opens
    let mut angle_fwd = true;
    let mut angle_single_fwd = true;
    let mut seen_angle = false;
    let mut seen_angle_single = false;
    let mut i = ls;
    while i < le {
        let c = chars[i];
        if !is_any_quote(c) {
            i += 1;
            continue;
        }
        let p = if i > ls { Some(chars[i - 1]) } else { None };
        // doubled marks: '' and ``
        if (c == '\'' || c == '`') && i + 1 < le && chars[i + 1] == c {
            let n = if i + 2 < le { Some(chars[i + 2]) } else { None };
            let (lf, rf) = (left_flank(p, n), right_flank(p, n));
            let role = if c == '`' {
                Role::Open
            } else if lf && !rf {
                Role::Open
            } else if rf && !lf {
                Role::Close
            } else {
                Role::Either
            };
            if lf || rf {
                marks.push(Mark { pos: i, len: 2, fam: Fam::Double, role, ch: '"', possessive: false });
            }
            i += 2;
            continue;
        }
        let n = if i + 1 < le { Some(chars[i + 1]) } else { None };
        let (lf, rf) = (left_flank(p, n), right_flank(p, n));
        let alnum = |x: Option<char>| x.is_some_and(|c| c.is_alphanumeric());
        let mark = |fam, role| Some(Mark { pos: i, len: 1, fam, role, ch: c, possessive: false });
        let m = match c {
            '"' => {
                if lf && !rf {
                    mark(Fam::Double, Role::Open)
                } else if rf && !lf {
                    mark(Fam::Double, Role::Close)
                } else if lf || rf || (p.is_some_and(char::is_whitespace) && n.is_some_and(char::is_whitespace)) {
                    None
                } else {
                    mark(Fam::Double, Role::Either)
                }
            }
            '“' => mark(Fam::Double, Role::LeftDouble),
            '”' => {
                if lf && !rf {
                    mark(Fam::Double, Role::Either)
                } else {
                    mark(Fam::Double, Role::Close)
                }
            }
            '„' => mark(Fam::Double, Role::Open),
            '‚' => {
                if lf && !alnum(p) {
                    mark(Fam::Single, Role::Open)
                } else {
                    None
                }
            }
            '‘' => {
                if alnum(p) && alnum(n) {
                    None
                } else if lf && is_elision(chars, i, le) {
                    None
                } else if lf || rf {
                    mark(Fam::Single, Role::LeftSingle)
                } else {
                    None
                }
            }
            '’' | '\'' => {
                if alnum(p) && alnum(n) {
                    None // it’s
                } else if lf && !rf {
                    if is_elision(chars, i, le) || c == '’' && !open_ctx(p) {
                        None
                    } else if c == '’' {
                        // ’ used as an opener is rare; only after a clear opening context
                        if p.is_none() || p.is_some_and(|x| x.is_whitespace() || x == '(') {
                            mark(Fam::Single, Role::LeftSingle)
                        } else {
                            None
                        }
                    } else {
                        mark(Fam::Single, Role::Open)
                    }
                } else if rf {
                    let mut mk = Mark { pos: i, len: 1, fam: Fam::Single, role: Role::Close, ch: c, possessive: false };
                    // students’ union / Jesus’ words: a plural possessive, unless nothing else closes
                    if p.is_some_and(|x| x == 's' || x == 'S')
                        && n.is_some_and(char::is_whitespace)
                        && i + 2 < le
                        && chars[i + 2].is_lowercase()
                    {
                        mk.possessive = true;
                    }
                    // rock ’n’ roll: the closing apostrophe of ’n’
                    if p == Some('n') && i >= ls + 2 && matches!(chars[i - 2], '’' | '\'') {
                        None
                    } else {
                        Some(mk)
                    }
                } else {
                    None
                }
            }
            '«' | '»' => {
                if !seen_angle {
                    seen_angle = true;
                    angle_fwd = c == '«';
                }
                let opens = (c == '«') == angle_fwd;
                mark(Fam::Angle, if opens { Role::Open } else { Role::Close })
            }
            '‹' | '›' => {
                if !seen_angle_single {
                    seen_angle_single = true;
                    angle_single_fwd = c == '‹';
                }
                let opens = (c == '‹') == angle_single_fwd;
                if opens && !(lf || n.is_some_and(char::is_whitespace)) {
                    None
                } else {
                    mark(Fam::AngleSingle, if opens { Role::Open } else { Role::Close })
                }
            }
            '「' => mark(Fam::Corner, Role::Open),
            '」' => mark(Fam::Corner, Role::Close),
            '『' => mark(Fam::WhiteCorner, Role::Open),
            '』' => mark(Fam::WhiteCorner, Role::Close),
            _ => None,
        };
        if let Some(m) = m {
            marks.push(m);
        }
        i += 1;
    }
    marks
}

/// A raw span found in a line, before kinds.
struct Raw {
    open: usize,
    open_len: usize,
    close: Option<(usize, usize)>,
    fam: Fam,
    ch: char,
}

fn match_line(chars: &[char], ls: usize, le: usize) -> (Vec<Raw>, Option<Opened>) {
    let mut marks = classify_line(chars, ls, le);
    // A single opener that never closes in its line was an apostrophe or a typo: drop it
    // and match again, so that it does not swallow the quotes after it (a few rounds at
    // most, each linear).
    for _ in 0..4 {
        let (raws, stack) = match_marks(chars, ls, le, &marks);
        match stack.first() {
            Some(o) if o.fam == Fam::Single && o.pos != ls => {
                let pos = o.pos;
                marks.retain(|m| m.pos != pos);
            }
            _ => {
                let pending = stack.iter().copied().find(|o| o.fam != Fam::Single || o.ch == '‘' || o.ch == '\'');
                return (raws, pending);
            }
        }
    }
    let (raws, stack) = match_marks(chars, ls, le, &marks);
    (raws, stack.iter().copied().find(|o| o.fam != Fam::Single))
}

fn match_marks(chars: &[char], ls: usize, le: usize, marks: &[Mark]) -> (Vec<Raw>, Vec<Opened>) {
    // for each mark, is there a later non-possessive single closer before the next single
    // opener? (a plural possessive only closes a quote when nothing else does)
    let mut later_single_close = vec![false; marks.len()];
    let mut seen = false;
    for k in (0..marks.len()).rev() {
        later_single_close[k] = seen;
        let m = &marks[k];
        if m.fam == Fam::Single {
            match m.role {
                Role::Close if !m.possessive => seen = true,
                Role::Open | Role::LeftSingle => seen = false,
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    let mut stack: Vec<Opened> = Vec::new();
    for (k, m) in marks.iter().enumerate() {
        let has = |stack: &Vec<Opened>, f: Fam| stack.iter().rposition(|o| o.fam == f);
        let top_of_fam = has(&stack, m.fam).map(|ix| stack[ix]);
        let p = if m.pos > ls { Some(chars[m.pos - 1]) } else { None };
        let n = if m.pos + m.len < le { Some(chars[m.pos + m.len]) } else { None };
        let closes = match m.role {
            Role::Open => false,
            Role::Close => {
                if m.possessive && later_single_close[k] {
                    continue;
                }
                true
            }
            Role::Either => top_of_fam.is_some(),
            Role::LeftDouble => {
                top_of_fam.is_some_and(|o| o.ch == '„') || (top_of_fam.is_some() && right_flank(p, n) && !left_flank(p, n))
            }
            Role::LeftSingle => {
                top_of_fam.is_some_and(|o| o.ch == '‚') || (top_of_fam.is_some() && right_flank(p, n) && !left_flank(p, n))
            }
        };
        if closes {
            if let Some(ix) = has(&stack, m.fam) {
                let o = stack[ix];
                stack.truncate(ix);
                if ix == 0 {
                    out.push(Raw { open: o.pos, open_len: o.len, close: Some((m.pos, m.len)), fam: o.fam, ch: o.ch });
                }
            }
            // a stray closer is ignored
        } else if !(m.role == Role::Close) {
            stack.push(Opened { pos: m.pos, len: m.len, fam: m.fam, ch: m.ch });
        }
    }
    (out, stack)
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
    for &(ls, le) in &lines {
        let (raws, pending) = match_line(chars, ls, le);
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
            // an unclosed single quote is only trusted at a line start
            let ok = e > s && words >= 1 && (o.fam != Fam::Single || o.pos == ls) && (o.pos == ls || words >= 4);
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
                if ft.tokens_in(cur, i).iter().any(|t| lexicon::is_speech_word(&ft.token_text(t).lower())) {
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
    } else if ft.tokens_in(cur, le).iter().any(|t| lexicon::is_speech_word(&ft.token_text(t).lower())) {
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
const TITLE_SMALL: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "of", "for", "in", "on", "at", "to", "by", "with", "from", "as", "vs", "nor", "is",
];

/// Words before a quote that say the quoted words are a name, title or term, not speech.
const NAMING_WORDS: &[&str] = &[
    "titled", "entitled", "headlined", "dubbed", "nicknamed", "so-called", "term", "terms", "word", "words", "phrase",
    "slogan", "hashtag", "motto", "label", "read", "reads", "reading", "album", "song", "film", "movie", "book",
    "novel", "show", "series", "play", "musical", "podcast", "episode", "column", "headline", "documentary",
    "program", "programme", "concert", "thriller", "drama", "comedy", "sitcom", "poem", "painting", "exhibition",
    "known", "nickname", "codenamed", "code-named", "brand", "acronym", "initials", "labeled", "labelled",
];

fn word_before(ft: &FieldText, pos: usize, floor: usize) -> Option<String> {
    let k = ft.token_index_at(pos);
    let mut j = k;
    while j > 0 {
        j -= 1;
        let t = ft.tokens[j];
        if t.start < floor {
            return None;
        }
        if ft.chars[t.start].is_alphanumeric() {
            return Some(ft.token_text(&t).lower());
        }
        if !matches!(ft.chars[t.start], ',' | ':') {
            return None;
        }
    }
    None
}

fn classify_kinds(ft: &FieldText, spans: &mut [QuoteSpan]) {
    let chars = &ft.chars;
    let mut line_case = ((usize::MAX, usize::MAX), false, 0usize);
    for i in 0..spans.len() {
        let q = spans[i].clone();
        if q.dialogue {
            continue;
        }
        let toks = ft.tokens_in(q.start, q.end);
        let words: Vec<String> = toks.iter().filter(|t| chars[t.start].is_alphanumeric()).map(|t| ft.token_text(t)).collect();
        let nw = words.len();
        let has_sentence_punct = toks.iter().any(|t| matches!(chars[t.start], '?' | '!'))
            || toks.iter().rev().skip(1).any(|t| matches!(chars[t.start], '.' | ';'));
        let (ls, le) = q.line;
        let before = if q.open > ls { Some(chars[q.open - 1]) } else { None };
        let after = if q.close_end < le { Some(chars[q.close_end]) } else { None };
        // A quote that opens a sentence ('The council agreed. "These rules work," she said.'),
        // with a capital letter, is a whole quoted sentence, however short.
        let opens_sentence = {
            let mut j = q.open;
            while j > ls && chars[j - 1].is_whitespace() {
                j -= 1;
            }
            j < q.open && j > ls && matches!(chars[j - 1], '.' | '?' | '!' | '…' | '”' | '"' | '’' | ')')
                && (!matches!(chars[j - 1], '”' | '"' | '’' | ')') || j > ls + 1 && matches!(chars[j - 2], '.' | '?' | '!' | '…'))
        };
        let mut kind = if nw >= 1 && (q.open == ls || q.continues || q.unclosed) {
            QuoteKind::Direct
        } else if (nw >= 6 || opens_sentence) && chars[q.start].is_uppercase() || has_sentence_punct {
            QuoteKind::Direct
        } else {
            QuoteKind::Partial
        };
        if q.continues || (q.unclosed && q.open == ls) {
            spans[i].kind = kind;
            continue;
        }
        // markup: attr="value", or inside a <tag ...>
        let in_tag = {
            let mut j = q.open;
            let mut r = false;
            while j > ls && j + 300 > q.open {
                j -= 1;
                match chars[j] {
                    '<' => {
                        r = true;
                        break;
                    }
                    '>' => break,
                    _ => {}
                }
            }
            r
        };
        if before == Some('=') || in_tag {
            kind = QuoteKind::NonSpeech;
        }
        let cap = |w: &String| w.chars().next().is_some_and(|c| c.is_uppercase() || c.is_numeric());
        let title_case = nw >= 1
            && nw <= 8
            && cap(&words[0])
            && words.iter().all(|w| cap(w) || TITLE_SMALL.contains(&w.lower().as_str()))
            && !toks.iter().any(|t| matches!(chars[t.start], '?' | '!'));
        // are the words around the quote in sentence case (not a Title Case headline)?
        if line_case.0 != q.line {
            let (mut lower, mut total) = (0usize, 0usize);
            for t in ft.tokens_in(ls, le) {
                let c = chars[t.start];
                if c.is_alphabetic() {
                    total += 1;
                    if c.is_lowercase() {
                        lower += 1;
                    }
                }
            }
            line_case = (q.line, total >= 3 && lower * 10 >= total * 4, total);
        }
        let sentence_case = line_case.1;
        // short lines (headlines, standfirsts) quote people's words, not terms
        let long_line = line_case.2 >= 12;
        let wb = word_before(ft, q.open, ls);
        let speech_follows = follows_speech_cue(ft, q.close_end, le);
        let speech_precedes = wb.as_deref().is_some_and(|w| lexicon::is_speech_word(w)) || before == Some(':');
        let naming = wb.as_deref().is_some_and(|w| NAMING_WORDS.contains(&w));
        if kind != QuoteKind::NonSpeech && naming && nw <= 10 && !has_sentence_punct {
            kind = QuoteKind::NonSpeech;
        }
        // a title after a preposition: "on ''This Week''", "in “Girls”"
        if kind != QuoteKind::NonSpeech
            && title_case
            && sentence_case
            && nw <= 6
            && wb.as_deref().is_some_and(|w| matches!(w, "on" | "in" | "at" | "of" | "from" | "into" | "with"))
        {
            kind = QuoteKind::NonSpeech;
        }
        if kind != QuoteKind::NonSpeech && !speech_follows && !speech_precedes {
            // nickname: Dwayne “The Rock” Johnson, Marco Rubio (“Little Marco”)
            let prev_cap = {
                let k = ft.token_index_at(q.open);
                k > 0 && {
                    let t = ft.tokens[k - 1];
                    t.end == q.open.saturating_sub(1) + 0 || t.end + 1 == q.open
                } && chars[ft.tokens[k - 1].start].is_uppercase()
            };
            let next_cap = ft.tokens.get(ft.token_index_at(q.close_end)).is_some_and(|t| {
                t.start <= q.close_end + 1 && t.start < le && chars[t.start].is_uppercase() && chars[t.start].is_alphabetic()
            });
            let parenthetical = before == Some('(') && after == Some(')');
            if title_case && nw <= 4 && ((prev_cap && next_cap) || parenthetical) {
                kind = QuoteKind::NonSpeech;
            } else if wb.as_deref().is_some_and(|w| NAMING_WORDS.contains(&w)) && nw <= 10 {
                kind = QuoteKind::NonSpeech;
            } else if title_case && sentence_case {
                kind = QuoteKind::NonSpeech;
            } else if nw <= 2 && wb.as_deref().is_some_and(|w| matches!(w, "a" | "an" | "the")) && modifies_next_word(ft, q.close_end, le) {
                // an “opt-out” movement: the quoted words modify a noun
                kind = QuoteKind::NonSpeech;
            } else if nw <= 3 && !has_sentence_punct && sentence_case && long_line && !sentence_has_cue(ft, &q, spans) {
                // a coined term or scare quote: a few words in a sentence nobody speaks
                kind = QuoteKind::NonSpeech;
            }
        }
        spans[i].kind = kind;
    }
}

/// Is the quote right before a lower-case noun-like word (`an “opt-out” movement`)?
fn modifies_next_word(ft: &FieldText, close_end: usize, le: usize) -> bool {
    let k = ft.token_index_at(close_end);
    let Some(t) = ft.tokens.get(k) else { return false };
    if t.start >= le || t.start > close_end + 1 || !ft.chars[t.start].is_lowercase() {
        return false;
    }
    let w = ft.token_text(t).lower();
    const FUNCTION: &[&str] = &[
        "and", "or", "but", "to", "in", "on", "at", "for", "of", "that", "which", "who", "by", "with", "from", "as",
        "is", "was", "are", "were", "be", "been", "has", "had", "have", "will", "would", "could", "should", "can",
        "yesterday", "today", "tonight", "again", "too", "then", "than", "because", "if", "when", "while", "after",
        "before", "since", "until", "about", "into", "over", "under", "during", "he", "she", "they", "it", "we",
    ];
    !FUNCTION.contains(&w.as_str()) && !w.ends_with("ly") && !lexicon::is_speech_word(&w)
}

/// `“…,” he said` / `“…,” said the minister`: a speech verb within the next few words.
fn follows_speech_cue(ft: &FieldText, from: usize, le: usize) -> bool {
    let k = ft.token_index_at(from);
    let mut words = 0;
    for t in ft.tokens[k..].iter() {
        if t.start >= le {
            break;
        }
        let c = ft.chars[t.start];
        if c.is_alphanumeric() {
            words += 1;
            if lexicon::is_speech_word(&ft.token_text(t).lower()) {
                return true;
            }
            if words >= 5 {
                break;
            }
        } else if matches!(c, '.' | '!' | '?') || is_any_quote(c) && words > 0 {
            break;
        }
    }
    false
}

/// Is `pos` inside one of `spans` (sorted by start)?
pub(crate) fn inside_any(spans: &[QuoteSpan], pos: usize) -> bool {
    let k = spans.partition_point(|o| o.open <= pos);
    k > 0 && pos < spans[k - 1].close_end
}

/// Does the sentence around the quote (outside quotes, a bounded window) hold a speech cue,
/// or is the quote among longer quotes of its line?
fn sentence_has_cue(ft: &FieldText, q: &QuoteSpan, spans: &[QuoteSpan]) -> bool {
    let (ls, le) = q.line;
    // neighbouring quotes of the same line (a bounded look-around keeps this linear)
    let k = spans.partition_point(|o| o.open < q.open);
    let lo = k.saturating_sub(3);
    if spans[lo..(k + 4).min(spans.len())].iter().any(|o| o.line == q.line && o.start != q.start && o.end - o.start > 25) {
        return true;
    }
    let sa = ft.sentence_at(q.open).map(|i| ft.sentences[i].start).unwrap_or(ls).max(ls);
    let sb = ft.sentence_at(q.close_end.saturating_sub(1)).map(|i| ft.sentences[i].end).unwrap_or(le).min(le);
    let a = ft.token_index_at(sa).max(ft.token_index_at(q.open).saturating_sub(40));
    let b = ft.token_index_at(sb).min(ft.token_index_at(q.close_end) + 40);
    ft.tokens[a..b.max(a)].iter().any(|t| {
        !inside_any(spans, t.start) && lexicon::is_cue_word(&ft.token_text(t).lower())
    })
}

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
