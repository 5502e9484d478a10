//! Text segmentation with character offsets: paragraphs, sentences and word tokens.
//!
//! Everything in the analysis works on `Vec<char>` indices, so offsets are Unicode
//! character counts by construction (the unit of the `Analysis` schema). No HTML is ever
//! parsed: the text is plain text.

use crate::input::Article;
use crate::model::Field;

mod lower;
mod paragraph;
pub use lower::{lower_char, Lower};

/// One field's text, pre-segmented.
#[derive(Clone, Debug)]
pub struct FieldText {
    pub field: Field,
    pub chars: Vec<char>,
    /// Paragraph ranges `[start, end)` (blank-line separated, trimmed).
    pub paragraphs: Vec<(usize, usize)>,
    /// Sentence ranges, each inside one paragraph.
    pub sentences: Vec<Sentence>,
    /// Word and punctuation tokens (whitespace dropped).
    pub tokens: Vec<Token>,
    /// The lower-case text of each token (parallel to `tokens`), computed once: every pass
    /// reads words from here.
    pub lower: Vec<String>,
    /// The verb each token is a form of (parallel to `tokens`), filled by the analysis from its
    /// verb lexicon (`analysis::lexicon::verbs::tag`); empty until then.
    pub verbs: Vec<Option<VerbTag>>,
    /// The article's language (from its `lang` or detected: `analysis::lexicon::lang`);
    /// English until the analysis sets it.
    pub lang: Lang,
}

/// The languages whose own words (titles, pronouns, speech verbs, capitalisation) the analysis
/// knows; every other language is read as English.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    En,
    De,
    Fr,
}

/// A verb's form, as morphology finds it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VerbForm {
    /// "say"
    Base,
    /// "says"
    Third,
    /// "said" (past tense or past participle)
    Past,
    /// "saying"
    Ing,
}

/// A token's verb: its lemma (an index into the analysis's verb lexicon) and form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VerbTag {
    pub lemma: u16,
    pub form: VerbForm,
}

/// How a word is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// "said"
    Lower,
    /// "Vance", "McDonald"
    Capitalised,
    /// "NATO", "BBC"
    AllCaps,
    /// "J." (one capital and a dot)
    Initial,
    /// "2024", "3-1"
    Digits,
    /// Punctuation, or anything else
    Other,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    pub paragraph: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (and digits, inner apostrophes, hyphens and abbreviation dots).
    Word,
    Number,
    /// Any other single non-space character.
    Punct,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
    pub shape: Shape,
}

/// The segmented article.
#[derive(Clone, Debug)]
pub struct Doc {
    pub headline: FieldText,
    pub body: FieldText,
}

impl Doc {
    pub fn new(article: &Article) -> Doc {
        Doc {
            headline: FieldText::new(Field::Headline, &article.headline),
            body: FieldText::new(Field::Body, &article.body),
        }
    }
    pub fn field(&self, f: Field) -> &FieldText {
        match f {
            Field::Headline => &self.headline,
            Field::Body => &self.body,
        }
    }
    /// Both fields, headline first.
    pub fn fields(&self) -> [&FieldText; 2] {
        [&self.headline, &self.body]
    }
}

/// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt", "cmdr",
    "adm", "maj", "st", "jr", "sr", "rev", "hon", "pres", "supt", "insp", "det", "amb", "sec",
    "atty", "messrs", "mme", "mlle", "no", "vs", "etc", "inc", "ltd", "co", "corp", "dept", "univ",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s",
    "u.k", "u.n", "e.u", "d.c", "a.m", "p.m", "i.e", "e.g", "fig", "approx", "est", "ft", "mt",
];

pub fn is_quote_char(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '”' | '‘' | '’' | '«' | '»' | '„' | '‚' | '‹' | '›' | '「' | '」' | '『' | '』'
    )
}

impl FieldText {
    pub fn new(field: Field, text: &str) -> FieldText {
        let mut ft = FieldText::unsegmented(field, text);
        let chars = &ft.chars;
        ft.tokens = tokenize(chars);
        ft.sentences = split_sentences(chars, &ft.paragraphs);
        ft.lower = ft.tokens.iter().map(|t| chars[t.start..t.end].iter().map(|&c| lower_char(c)).collect()).collect();
        ft
    }

    pub fn len(&self) -> usize {
        self.chars.len()
    }
    pub fn is_empty(&self) -> bool {
        self.chars.is_empty()
    }

    /// The text of `[start, end)` (clamped to the field).
    pub fn slice(&self, start: usize, end: usize) -> String {
        let e = end.min(self.chars.len());
        let s = start.min(e);
        self.chars[s..e].iter().collect()
    }

    /// Index of the paragraph containing `pos` (the last one before it, for gaps).
    pub fn paragraph_at(&self, pos: usize) -> usize {
        match self.paragraphs.binary_search_by(|&(s, _)| s.cmp(&pos)) {
            Ok(i) => i,
            Err(0) => 0,
            Err(i) => i - 1,
        }
    }

    /// Index into `sentences` of the sentence containing `pos` (the last one before it).
    pub fn sentence_at(&self, pos: usize) -> Option<usize> {
        if self.sentences.is_empty() {
            return None;
        }
        Some(match self.sentences.binary_search_by(|s| s.start.cmp(&pos)) {
            Ok(i) => i,
            Err(0) => 0,
            Err(i) => i - 1,
        })
    }

    /// Index of the first token starting at or after `pos`.
    pub fn token_index_at(&self, pos: usize) -> usize {
        self.tokens.partition_point(|t| t.start < pos)
    }

    /// Tokens fully inside `[start, end)`.
    pub fn tokens_in(&self, start: usize, end: usize) -> &[Token] {
        let a = self.tokens.partition_point(|t| t.start < start);
        let b = self.tokens.partition_point(|t| t.end <= end);
        if a <= b {
            &self.tokens[a..b]
        } else {
            &[]
        }
    }

    /// The lower-case text of token `i` ("" past the end).
    pub fn lw(&self, i: usize) -> &str {
        self.lower.get(i).map(|s| s.as_str()).unwrap_or("")
    }

    /// The lower-case text of token `t` (one of this field's tokens).
    pub fn lower_of(&self, t: &Token) -> &str {
        self.lw(self.tokens.partition_point(|x| x.start < t.start))
    }

    pub fn token_text(&self, t: &Token) -> String {
        self.slice(t.start, t.end)
    }
}

/// Paragraphs: separated by blank lines, inside which single line breaks are hard wraps (as
/// pasted from many CMSes and feeds). A text with no blank line at all is either one paragraph
/// per line or hard-wrapped at a fixed width (see [`wrapped_breaks`]).
fn split_paragraphs(chars: &[char]) -> Vec<(usize, usize)> {
    let blank = blank_line_paragraphs(chars);
    if blank.len() > 1 || !chars.contains(&'\n') {
        return blank;
    }
    let lines = lines_of(chars);
    let breaks = wrapped_breaks(chars, &lines);
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (k, &(a, b)) in lines.iter().enumerate() {
        let (a, b) = trim(chars, a, b);
        if a < b && start.is_none() {
            start = Some(a);
        }
        if let (Some(s), true) = (start, breaks[k] || k + 1 == lines.len()) {
            let (_, e) = trim(chars, s, b);
            if s < e {
                out.push((s, e));
            }
            start = None;
        }
    }
    out
}

/// The lines of a text, as char ranges without their line break.
fn lines_of(chars: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut a = 0;
    for (i, &c) in chars.iter().enumerate() {
        if c == '\n' {
            out.push((a, i));
            a = i + 1;
        }
    }
    out.push((a, chars.len()));
    out
}

fn trim(chars: &[char], mut a: usize, mut b: usize) -> (usize, usize) {
    while a < b && chars[a].is_whitespace() {
        a += 1;
    }
    while b > a && chars[b - 1].is_whitespace() {
        b -= 1;
    }
    (a, b)
}

/// For a text without blank lines: does a paragraph end after each line? Hard-wrapped text
/// (see [`is_wrapped`]) ends a paragraph only after a short line that closes a sentence; any
/// other text has one paragraph per line.
fn wrapped_breaks(chars: &[char], lines: &[(usize, usize)]) -> Vec<bool> {
    let wrapped = is_wrapped(chars, lines);
    let width = wrap_width(chars, lines);
    let opens_quote = |k: usize| lines.get(k).is_some_and(|&(a, b)| {
        let (a, b) = trim(chars, a, b);
        a < b && matches!(chars[a], '"' | '“' | '‘' | '«' | '„')
    });
    lines
        .iter()
        .enumerate()
        .map(|(k, &(a, b))| {
            let (s, e) = trim(chars, a, b);
            let len = e - s;
            // (a full line that ends a sentence before a line opening a quote ends its
            // paragraph too: news gives each quote a paragraph)
            !wrapped || len == 0 || (closes_at(chars, e) && (len * 4 < width * 3 || opens_quote(k + 1)))
        })
        .collect()
}

fn closes_at(chars: &[char], e: usize) -> bool {
    e > 0 && matches!(chars[e - 1], '.' | '!' | '?' | '"' | '”' | '’' | ':' | '»' | '“')
}

/// The width a text is wrapped at: the 90th percentile of its non-empty lines' lengths.
fn wrap_width(chars: &[char], lines: &[(usize, usize)]) -> usize {
    let mut sorted: Vec<usize> = lines.iter().map(|&(a, b)| { let (a, b) = trim(chars, a, b); b - a }).filter(|&l| l > 0).collect();
    sorted.sort_unstable();
    sorted.get(sorted.len() * 9 / 10).copied().unwrap_or(0)
}

/// Is the text hard-wrapped: a width of 40 to 100 characters, at least half of its non-empty
/// lines (but the last) filled to about that width and half stopping mid-sentence (a line
/// that stops mid-sentence is the mark of a wrap: one paragraph per line ends nearly every
/// line with a sentence's end)?
fn is_wrapped(chars: &[char], lines: &[(usize, usize)]) -> bool {
    let width = wrap_width(chars, lines);
    let body: Vec<(usize, usize)> = lines.iter().map(|&(a, b)| trim(chars, a, b)).filter(|&(a, b)| a < b).collect();
    let n = body.len().saturating_sub(1);
    let filled = body[..n].iter().filter(|&&(a, b)| (b - a) * 4 >= width * 3).count();
    let open = body[..n].iter().filter(|&&(_, e)| !closes_at(chars, e)).count();
    n >= 3 && (40..=100).contains(&width) && filled * 2 >= n && open * 2 >= n
}

fn blank_line_paragraphs(chars: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let n = chars.len();
    let mut i = 0;
    while i < n {
        // skip whitespace
        while i < n && chars[i].is_whitespace() {
            i += 1;
        }
        if i >= n {
            break;
        }
        let start = i;
        // paragraph ends at a blank line (\n followed by optional spaces then \n)
        let mut end = n;
        let mut j = i;
        while j < n {
            if chars[j] == '\n' {
                let mut k = j + 1;
                while k < n && chars[k] != '\n' && chars[k].is_whitespace() {
                    k += 1;
                }
                if k < n && chars[k] == '\n' {
                    end = j;
                    break;
                }
            }
            j += 1;
        }
        let mut e = end;
        while e > start && chars[e - 1].is_whitespace() {
            e -= 1;
        }
        out.push((start, e));
        i = end;
    }
    out
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_mark(c)
}

fn is_mark(c: char) -> bool {
    // combining diacritical marks
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

fn tokenize(chars: &[char]) -> Vec<Token> {
    let n = chars.len();
    let mut out = Vec::with_capacity(n / 5);
    let mut i = 0;
    while i < n {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if is_word_char(c) {
            let start = i;
            let mut j = i + 1;
            while j < n {
                let d = chars[j];
                if is_word_char(d) {
                    j += 1;
                } else if matches!(d, '\'' | '’' | '-' | '‐' | '.' | '&')
                    && j + 1 < n
                    && is_word_char(chars[j + 1])
                    && !(d == '.' && j + 2 < n && chars[j + 1].is_alphabetic() && chars[j + 2].is_alphabetic() && !is_initialism(chars, start, j))
                {
                    // inner apostrophe (it's), hyphen (Secretary-General), dot in U.S.
                    j += 1;
                } else {
                    break;
                }
            }
            // keep a final abbreviation dot: "U.S." "Mr." -- only for initialisms / known abbreviations
            if j < n && chars[j] == '.' {
                let word: String = chars[start..j].iter().collect::<String>().lower();
                if word.contains('.') || ABBREVIATIONS.contains(&word.as_str()) || (j - start == 1 && chars[start].is_uppercase()) {
                    j += 1;
                }
            }
            let all_digits = chars[start..j].iter().all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '-'));
            out.push(Token { start, end: j, kind: if all_digits { TokenKind::Number } else { TokenKind::Word }, shape: shape_of(&chars[start..j]) });
            i = j;
        } else {
            out.push(Token { start: i, end: i + 1, kind: TokenKind::Punct, shape: Shape::Other });
            i += 1;
        }
    }
    out
}

/// How a word token is written.
fn shape_of(w: &[char]) -> Shape {
    let letters = w.iter().filter(|c| c.is_alphabetic()).count();
    let first = w.first().copied().unwrap_or(' ');
    if w.iter().any(|c| c.is_ascii_digit()) && letters == 0 {
        Shape::Digits
    } else if letters == 0 {
        Shape::Other
    } else if first.is_uppercase() && w.len() == 2 && w[1] == '.' {
        Shape::Initial
    } else if letters >= 2 && w.iter().filter(|c| c.is_alphabetic()).all(|c| c.is_uppercase()) {
        Shape::AllCaps
    } else if first.is_uppercase() {
        Shape::Capitalised
    } else if first.is_lowercase() {
        Shape::Lower
    } else {
        Shape::Other
    }
}

/// `U.S`-style: single letters separated by dots so far.
fn is_initialism(_chars: &[char], start: usize, dot: usize) -> bool {
    dot - start == 1
}

fn split_sentences(chars: &[char], paragraphs: &[(usize, usize)]) -> Vec<Sentence> {
    let mut out = Vec::new();
    for (pi, &(ps, pe)) in paragraphs.iter().enumerate() {
        let mut start = ps;
        let mut i = ps;
        while i < pe {
            let c = chars[i];
            if matches!(c, '.' | '!' | '?' | '…') {
                // swallow closing quotes/brackets and repeated terminators
                let mut j = i + 1;
                while j < pe && (matches!(chars[j], '.' | '!' | '?' | '…' | ')' | ']') || is_closing_quote(chars[j])) {
                    j += 1;
                }
                // must be followed by whitespace then an uppercase letter / opening quote / digit
                let mut k = j;
                while k < pe && chars[k].is_whitespace() {
                    k += 1;
                }
                let boundary = if j >= pe || k >= pe {
                    false
                } else if k == j {
                    false
                } else {
                    let next = chars[k];
                    let starts_new = next.is_uppercase() || next.is_numeric() || is_quote_char(next) || matches!(next, '(' | '—' | '–');
                    starts_new && !(c == '.' && is_abbreviation_before(chars, ps, i))
                };
                if boundary {
                    out.push(Sentence { start, end: j, paragraph: pi });
                    start = k;
                    i = k;
                    continue;
                }
                i = j.max(i + 1);
                continue;
            }
            i += 1;
        }
        if start < pe {
            out.push(Sentence { start, end: pe, paragraph: pi });
        }
    }
    out
}

fn is_closing_quote(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | '›' | '」' | '』')
}

/// Is the `.` at `dot` the end of an abbreviation such as `Mr.` or `U.S.`?
fn is_abbreviation_before(chars: &[char], floor: usize, dot: usize) -> bool {
    let mut s = dot;
    while s > floor && (chars[s - 1].is_alphanumeric() || chars[s - 1] == '.') {
        s -= 1;
    }
    if s == dot {
        return false;
    }
    let word: String = chars[s..dot].iter().collect::<String>().lower();
    if ABBREVIATIONS.contains(&word.as_str()) {
        return true;
    }
    // single capital initial: "John F. Kennedy"
    let w: Vec<char> = chars[s..dot].to_vec();
    if w.len() == 1 && w[0].is_uppercase() {
        return true;
    }
    // initialisms with inner dots: U.S., D.C.
    w.contains(&'.') && w.iter().filter(|c| c.is_alphabetic()).count() <= 4
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ft(s: &str) -> FieldText {
        FieldText::new(Field::Body, s)
    }

    #[test]
    fn paragraphs_and_offsets_are_chars() {
        let t = ft("Kyiv’s one.\n\n  “Two” é.\n \nThree");
        assert_eq!(t.paragraphs.len(), 3);
        assert_eq!(t.slice(t.paragraphs[1].0, t.paragraphs[1].1), "“Two” é.");
        assert_eq!(t.slice(t.paragraphs[2].0, t.paragraphs[2].1), "Three");
    }

    #[test]
    fn hard_wrapped_lines_join_and_single_newline_paragraphs_split() {
        // blank-line paragraphs: a single line break inside one is a wrap
        let t = ft("One two three\nfour five.\n\nSix seven.");
        assert_eq!(t.paragraphs.len(), 2);
        assert_eq!(t.slice(t.paragraphs[0].0, t.paragraphs[0].1), "One two three\nfour five.");
        // no blank line, lines of every length: a paragraph per line
        let t = ft("Ofcom fined the firm on Monday.\n\"We take this seriously,\" it said.\n\"We will act.\"\nThe firm declined to comment.");
        assert_eq!(t.paragraphs.len(), 4);
        assert_eq!(t.slice(t.paragraphs[2].0, t.paragraphs[2].1), "\"We will act.\"");
        // no blank line, wrapped at a fixed width: paragraphs end at short closing lines,
        // and offsets still point into the original text
        let text = "The regulator fined the operator on Monday after it missed\n\
                    the deadline for the market review by several weeks, the\n\
                    watchdog said.\n\
                    \"We take such failings very seriously indeed and we will\n\
                    act again,\" the regulator said.\n\
                    The operator declined to comment on the fine last night.";
        let t = ft(text);
        assert_eq!(t.paragraphs.len(), 3, "{:?}", t.paragraphs);
        assert!(t.slice(t.paragraphs[1].0, t.paragraphs[1].1).starts_with("\"We take"));
        assert!(t.slice(t.paragraphs[1].0, t.paragraphs[1].1).ends_with("said."));
        let chars: Vec<char> = text.chars().collect();
        assert_eq!(chars[t.paragraphs[2].0], 'T');
    }

    #[test]
    fn sentences_skip_abbreviations() {
        let t = ft("Mr. Trump met U.S. officials on Monday. He said “Yes.” Then he left.");
        let s: Vec<String> = t.sentences.iter().map(|s| t.slice(s.start, s.end)).collect();
        assert_eq!(s, vec!["Mr. Trump met U.S. officials on Monday.", "He said “Yes.”", "Then he left."]);
    }

    #[test]
    fn tokens_keep_apostrophes_and_hyphens() {
        let t = ft("Russia’s Secretary-General said it's U.S. policy.");
        let w: Vec<String> = t.tokens.iter().map(|x| t.token_text(x)).collect();
        assert_eq!(w, vec!["Russia’s", "Secretary-General", "said", "it's", "U.S.", "policy", "."]);
    }
}

/// Sorts `v` (indices or ids) stably by `cmp`. Every index sort in the crate goes through this
/// one function, so the wasm holds one instantiation of the standard library's stable sort for
/// them instead of one per `sort_by` closure (each about 4 KB of code).
#[inline(never)]
pub fn sort_usize_by(v: &mut [usize], cmp: &dyn Fn(usize, usize) -> std::cmp::Ordering) {
    v.sort_by(|&a, &b| cmp(a, b));
}

/// Sorts `v` stably by `cmp`, through [`sort_usize_by`] on its indices (same order as
/// `v.sort_by(cmp)`, without a sort instantiation of its own).
pub fn sort_vec_by<T>(v: &mut Vec<T>, cmp: &dyn Fn(&T, &T) -> std::cmp::Ordering) {
    let mut idx: Vec<usize> = (0..v.len()).collect();
    sort_usize_by(&mut idx, &|a, b| cmp(&v[a], &v[b]));
    let mut old: Vec<Option<T>> = std::mem::take(v).into_iter().map(Some).collect();
    v.extend(idx.iter().filter_map(|&i| old[i].take()));
}

/// A short fingerprint of a source text (FNV-1a, 64 bits, in decimal): the widget's key for an
/// article, so the same article shown again keeps its view and a new one starts afresh.
pub fn fingerprint(s: &str) -> String {
    fnv(FNV_START, s).to_string()
}

/// FNV-1a's start value ([`fnv`]).
pub const FNV_START: u64 = 0xcbf2_9ce4_8422_2325;

/// FNV-1a, 64 bits, of `s` continuing from `h`: [`fingerprint`] of a text given in pieces is
/// `fnv` over the pieces in order, from [`FNV_START`].
pub fn fnv(mut h: u64, s: &str) -> u64 {
    for b in s.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}
