//! Quote marks: each mark classified by its context (opener, closer, either, apostrophe)
//! and matched with a stack per line, so that nested quotes stay inside their outer quote.

use super::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Fam {
    Double,
    Single,
    Angle,
    AngleSingle,
    Corner,
    WhiteCorner,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Role {
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
pub(super) struct Mark {
    pub(super) pos: usize,
    pub(super) len: usize,
    pub(super) fam: Fam,
    pub(super) role: Role,
    pub(super) ch: char,
    /// A single closer that may be a plural possessive (students’ union).
    pub(super) possessive: bool,
}

#[derive(Clone, Copy, Debug)]
pub(super) struct Opened {
    pub(super) pos: usize,
    pub(super) len: usize,
    pub(super) fam: Fam,
    pub(super) ch: char,
}

pub(super) fn is_dash(c: char) -> bool {
    matches!(c, '—' | '–' | '―' | '-' | '‒')
}

pub(super) fn is_any_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '”' | '‘' | '’' | '«' | '»' | '„' | '‚' | '‹' | '›' | '「' | '」' | '『' | '』' | '`'
    )
}

/// What may stand before an opening mark.
pub(super) fn open_ctx(p: Option<char>) -> bool {
    match p {
        None => true,
        Some(c) => c.is_whitespace() || matches!(c, '(' | '[' | '{' | '/' | ':' | '\u{a0}') || is_dash(c) || is_any_quote(c),
    }
}

/// What may stand after a closing mark.
pub(super) fn close_ctx(n: Option<char>) -> bool {
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

pub(super) fn left_flank(p: Option<char>, n: Option<char>) -> bool {
    n.is_some_and(|c| !c.is_whitespace()) && open_ctx(p)
}

pub(super) fn right_flank(p: Option<char>, n: Option<char>) -> bool {
    p.is_some_and(|c| !c.is_whitespace()) && close_ctx(n)
}

/// Words that begin with an elision apostrophe: ’n’, ’em, ’til, ’cause, the ’90s.
pub(super) const ELISIONS: &[&str] = &["n", "em", "til", "cause", "tis", "twas", "bout", "round", "s", "ol", "nuff", "kay", "sup"];

/// Is the apostrophe at `i` (followed by a word) an elision rather than an opener?
pub(super) fn is_elision(chars: &[char], i: usize, end: usize) -> bool {
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

pub(super) fn classify_line(chars: &[char], ls: usize, le: usize) -> Vec<Mark> {
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
pub(super) struct Raw {
    pub(super) open: usize,
    pub(super) open_len: usize,
    pub(super) close: Option<(usize, usize)>,
    pub(super) fam: Fam,
    pub(super) ch: char,
}

/// `runs_on`: the next line opens with a single quote, so a single quote opened after a colon
/// and left open here runs on into it ("X said: 'We have no choice. ¶ 'The government …'").
pub(super) fn match_line(chars: &[char], ls: usize, le: usize, runs_on: bool) -> (Vec<Raw>, Option<Opened>) {
    let mut marks = classify_line(chars, ls, le);
    let runs_on_after_colon = |o: &Opened| {
        runs_on && chars[ls..o.pos].iter().rev().find(|c| !c.is_whitespace()) == Some(&':') && chars.get(o.pos + 1).is_some_and(|c| c.is_uppercase())
    };
    // A single opener that never closes in its line was an apostrophe or a typo: drop it
    // and match again, so that it does not swallow the quotes after it (a few rounds at
    // most, each linear).
    for _ in 0..4 {
        let (raws, stack) = match_marks(chars, ls, le, &marks);
        match stack.first() {
            Some(o) if o.fam == Fam::Single && o.pos != ls && !runs_on_after_colon(o) => {
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

pub(super) fn match_marks(chars: &[char], ls: usize, le: usize, marks: &[Mark]) -> (Vec<Raw>, Vec<Opened>) {
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

