//! Quote detection: quoted spans of every style, with a kind.
//!
//! First cut: curly and straight double quotes, curly single quotes, within a paragraph.
//! Deepened by issue 3 (every style, nesting, paragraph continuation, non-speech kinds).

use crate::model::{Field, QuoteKind};
use crate::text::Doc;

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
}

fn closer_for(c: char) -> Option<char> {
    match c {
        '“' => Some('”'),
        '"' => Some('"'),
        '‘' => Some('’'),
        _ => None,
    }
}

/// Finds quoted spans in both fields, in text order.
pub fn detect(doc: &Doc) -> Vec<QuoteSpan> {
    let mut out = Vec::new();
    for ft in doc.fields() {
        for &(ps, pe) in &ft.paragraphs {
            let mut i = ps;
            while i < pe {
                let c = ft.chars[i];
                let opening = closer_for(c).is_some()
                    && (i == ps || !ft.chars[i - 1].is_alphanumeric())
                    && i + 1 < pe
                    && !ft.chars[i + 1].is_whitespace();
                if !opening {
                    i += 1;
                    continue;
                }
                let close_c = closer_for(c).unwrap_or(c);
                let mut j = i + 1;
                let mut found = None;
                while j < pe {
                    let d = ft.chars[j];
                    let next_is_word = j + 1 < pe && ft.chars[j + 1].is_alphanumeric();
                    if d == close_c && !(close_c == '’' && next_is_word) {
                        found = Some(j);
                        break;
                    }
                    j += 1;
                }
                match found {
                    Some(j) if j > i + 1 => {
                        let words = ft.tokens_in(i + 1, j).len();
                        out.push(QuoteSpan {
                            field: ft.field,
                            start: i + 1,
                            end: j,
                            open: i,
                            close: Some(j),
                            kind: if words >= 8 { QuoteKind::Direct } else { QuoteKind::Partial },
                            continues: false,
                        });
                        i = j + 1;
                    }
                    _ => i += 1,
                }
            }
        }
    }
    out
}
