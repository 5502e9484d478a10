//! The kind of each quoted span: speech, or nobody's words (titles, nicknames, coined terms,
//! markup) where the text makes it clear.

use super::*;

pub(super) const TITLE_SMALL: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "of", "for", "in", "on", "at", "to", "by", "with", "from", "as", "vs", "nor", "is",
];

/// Words before a quote that say the quoted words are a name, title or term, not speech.
pub(super) const NAMING_WORDS: &[&str] = &[
    "titled", "entitled", "headlined", "dubbed", "nicknamed", "so-called", "term", "terms", "word", "words", "phrase",
    "slogan", "hashtag", "motto", "label", "read", "reads", "reading", "album", "song", "film", "movie", "book",
    "novel", "show", "series", "play", "musical", "podcast", "episode", "column", "headline", "documentary",
    "program", "programme", "concert", "thriller", "drama", "comedy", "sitcom", "poem", "painting", "exhibition",
    "known", "nickname", "codenamed", "code-named", "brand", "acronym", "initials", "labeled", "labelled",
];

pub(super) fn word_before(ft: &FieldText, pos: usize, floor: usize) -> Option<String> {
    let k = ft.token_index_at(pos);
    let mut j = k;
    while j > 0 {
        j -= 1;
        let t = ft.tokens[j];
        if t.start < floor {
            return None;
        }
        if ft.chars[t.start].is_alphanumeric() {
            return Some(ft.lower_of(&t).to_string());
        }
        if !matches!(ft.chars[t.start], ',' | ':') {
            return None;
        }
    }
    None
}

pub(super) fn classify_kinds(ft: &FieldText, spans: &mut [QuoteSpan]) {
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
pub(super) fn modifies_next_word(ft: &FieldText, close_end: usize, le: usize) -> bool {
    let k = ft.token_index_at(close_end);
    let Some(t) = ft.tokens.get(k) else { return false };
    if t.start >= le || t.start > close_end + 1 || !ft.chars[t.start].is_lowercase() {
        return false;
    }
    let w = ft.lower_of(t).to_string();
    const FUNCTION: &[&str] = &[
        "and", "or", "but", "to", "in", "on", "at", "for", "of", "that", "which", "who", "by", "with", "from", "as",
        "is", "was", "are", "were", "be", "been", "has", "had", "have", "will", "would", "could", "should", "can",
        "yesterday", "today", "tonight", "again", "too", "then", "than", "because", "if", "when", "while", "after",
        "before", "since", "until", "about", "into", "over", "under", "during", "he", "she", "they", "it", "we",
    ];
    !FUNCTION.contains(&w.as_str()) && !w.ends_with("ly") && !lexicon::is_speech_word(&w)
}

/// `“…,” he said` / `“…,” said the minister`: a speech verb within the next few words.
pub(super) fn follows_speech_cue(ft: &FieldText, from: usize, le: usize) -> bool {
    let k = ft.token_index_at(from);
    let mut words = 0;
    for t in ft.tokens[k..].iter() {
        if t.start >= le {
            break;
        }
        let c = ft.chars[t.start];
        if c.is_alphanumeric() {
            words += 1;
            if lexicon::is_speech_word(ft.lower_of(t)) {
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
pub(super) fn sentence_has_cue(ft: &FieldText, q: &QuoteSpan, spans: &[QuoteSpan]) -> bool {
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
        !inside_any(spans, t.start) && lexicon::is_cue_word(ft.lower_of(t))
    })
}

