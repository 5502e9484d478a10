//! Attribution: each speech quote's speaker, cue and confidence.
//!
//! For every speech quote, in text order:
//! 1. **Cue.** A speech verb next to the quote, outside any quote: in the narration after it
//!    (`“…,” Vance said`, `“…,” said Vance`) or before it in the same sentence
//!    (`Vance told Fox News: “…”`, `Trump said Europe would be the “first line of defence”`,
//!    the verb nearest the quote winning), `according to X`, and participles
//!    (`…, warning that … a “road to nowhere”`: the speaker is the clause's subject).
//! 2. **Subject of the cue.** The words right before the verb (skipping adverbs and
//!    auxiliaries and an appositive `, the minister,`), or right after it in an inversion
//!    (`said Vance`). A subject is an entity mention, a pronoun, a description
//!    (`the minister`, `the US vice president`) or a capitalised name the entity step missed
//!    (then a Person entity is added: the fallback).
//! 3. **Resolution.** Pronouns go to a recent person (gender agreement from honorifics and
//!    first names, preferring sentence subjects and the previous speaker); descriptions go
//!    through [`Entities::resolve_description`], then to a person the text gives that title.
//! 4. **No cue.** Split quotes and further quotes of the same paragraph take the speaker of
//!    their neighbour; a paragraph that opens with a quote continues the previous
//!    paragraph's speaker; a quote after a sentence or line with a cue (`He added:`) takes
//!    that cue's subject.
//!
//! Each attribution carries a confidence, the cue's offsets and the mention it rests on.
//! Linear in the text: every window is bounded by the sentence, the neighbouring quotes and
//! a fixed number of tokens.

use crate::text::Lower;
use super::entities::{Entities, Entity, EntityId, EntityMention, Gender, MentionForm};
use super::lexicon::{Words, ROLE_NOUNS};
use super::descriptions;
use super::quotes::{inside_any, QuoteSpan};
use crate::model::{Field, QuoteKind, Span, StakeholderKind};
use crate::text::{Doc, FieldText};


mod cues;
mod resolve;
mod subjects;

use super::lexicon::{is_not_invertible, is_participle, is_speech_word, FOREIGN_SPEECH_VERBS, SPEECH_NOUNS};
use cues::*;
use resolve::*;
use subjects::*;

/// A quote with its attribution.
#[derive(Clone, Debug, PartialEq)]
pub struct Attributed {
    pub quote: QuoteSpan,
    pub speaker: Option<EntityId>,
    /// 0..=1
    pub confidence: f32,
    /// The speech cue ("said", "according to").
    pub cue: Option<Span>,
    /// The mention the attribution rests on.
    pub speaker_mention: Option<Span>,
    /// How: "cue", "continuation", "pronoun", "description", "split", "neighbour", "intro".
    pub method: &'static str,
}

/// The speaker a cue points at, before resolution.
#[derive(Clone, Copy, Debug)]
enum Cand {
    Ent(EntityId, Span),
    Pron(Span, Pron),
    Desc(Span),
    Name(Span),
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Pron {
    He,
    She,
    They,
    First,
    /// "it": an institution or document; never resolved to a person.
    It,
    /// A definite description of a person with no stated gender ("the Texan").
    Any,
}

fn pron_of(w: &str) -> Option<Pron> {
    match w {
        // French "il"/"elle", German "er" ("sie" is also "they" and "you": left out)
        "he" | "He" | "il" | "Il" | "er" | "Er" => Some(Pron::He),
        "she" | "She" | "elle" | "Elle" => Some(Pron::She),
        "they" | "They" => Some(Pron::They),
        "i" | "I" | "we" | "We" => Some(Pron::First),
        "it" | "It" => Some(Pron::It),
        _ => None,
    }
}

struct Ctx<'a> {
    doc: &'a Doc,
    ft: &'a FieldText,
    field: Field,
    /// Speech quotes of this field, sorted.
    speech: Vec<QuoteSpan>,
    gender: Vec<Option<Gender>>,
}

impl<'a> Ctx<'a> {
    fn lw(&self, k: usize) -> &'a str {
        self.ft.lw(k)
    }
    fn text(&self, k: usize) -> String {
        self.ft.token_text(&self.ft.tokens[k])
    }
    fn is_word(&self, k: usize) -> bool {
        let t = self.ft.tokens[k];
        self.ft.chars[t.start].is_alphanumeric()
    }
    fn punct(&self, k: usize) -> Option<char> {
        let t = self.ft.tokens[k];
        let c = self.ft.chars[t.start];
        (!c.is_alphanumeric()).then_some(c)
    }
    fn is_cap(&self, k: usize) -> bool {
        let t = self.ft.tokens[k];
        self.ft.chars[t.start].is_uppercase()
    }
    fn in_speech(&self, pos: usize) -> bool {
        inside_any(&self.speech, pos)
    }
}

/// A cue found next to a quote.
#[derive(Clone, Copy, Debug)]
struct Cue {
    /// Token index of the verb (or of "according").
    k: usize,
    span: Span,
    participle: bool,
    according: bool,
}

impl Cue {
    /// The first token after the cue ("according to| X", "selon| X").
    fn after(&self, ctx: &Ctx) -> usize {
        ctx.ft.tokens.partition_point(|t| t.end <= self.span.end)
    }
}

pub fn attribute(doc: &Doc, ents: &mut Entities, spans: &[QuoteSpan]) -> Vec<Attributed> {
    let mut out: Vec<Attributed> = spans
        .iter()
        .map(|q| Attributed { quote: q.clone(), speaker: None, confidence: 0.0, cue: None, speaker_mention: None, method: "none" })
        .collect();
    let mut gender = infer_gender(doc, ents);
    for field in [Field::Headline, Field::Body] {
        let ft = doc.field(field);
        let idx: Vec<usize> = (0..spans.len()).filter(|&i| spans[i].field == field && spans[i].kind != QuoteKind::NonSpeech).collect();
        if idx.is_empty() {
            continue;
        }
        let mut ctx = Ctx { doc, ft, field, speech: idx.iter().map(|&i| spans[i].clone()).collect(), gender: std::mem::take(&mut gender) };
        // pass 1: cues
        let mut last_speaker: Option<(EntityId, usize)> = None;
        for (n, &i) in idx.iter().enumerate() {
            let q = &spans[i];
            // a paragraph continuing a quote takes its speaker from the chain, unless the quote
            // closes here with a cue of its own ("“…,” Mr Maku said.")
            if q.continues && q.unclosed {
                continue;
            }
            if let Some((cue, cand)) = find_cue(&ctx, ents, n) {
                if let Some((sp, mention, method, conf)) = resolve(&mut ctx, ents, cand, q.open, last_speaker) {
                    let a = &mut out[i];
                    a.speaker = Some(sp);
                    a.speaker_mention = Some(mention);
                    a.cue = Some(cue.span);
                    a.method = method;
                    a.confidence = conf;
                    last_speaker = Some((sp, q.open));
                } else {
                    // a cue whose subject names nobody the text resolves ("a spokesman said")
                    let a = &mut out[i];
                    a.cue = Some(cue.span);
                    a.method = "unresolved";
                    a.speaker_mention = cand_span(cand);
                }
            }
        }
        // pass 2: quotes without a cue take a neighbour's speaker
        for (n, &i) in idx.iter().enumerate() {
            if out[i].speaker.is_some() || out[i].method == "unresolved" {
                continue;
            }
            let q = spans[i].clone();
            let prev = n.checked_sub(1).map(|p| idx[p]);
            let next = idx.get(n + 1).copied();
            // (a) split quote / further quote in the same line
            if let Some(p) = prev.filter(|&p| spans[p].line == q.line && decided(&out[p])) {
                // the same speaker, named or not ("…,” a spokesman said. “…”)
                copy_from(&mut out, p, i, "split", 0.8);
                continue;
            }
            if let Some(nx) = next.filter(|&nx| spans[nx].line == q.line && out[nx].speaker.is_some() && out[nx].cue.is_some()) {
                copy_from(&mut out, nx, i, "split", 0.75);
                continue;
            }
            let line_start = q.open == q.line.0 || q.continues;
            // (b) continuation: a paragraph opening with a quote, after a paragraph with quotes
            if let Some(p) = prev {
                let pl = spans[p].line;
                let adjacent = previous_line_end(ft, q.line.0) == Some(pl.1);
                if line_start && adjacent && decided(&out[p]) {
                    copy_from(&mut out, p, i, "continuation", if q.continues { 0.85 } else { 0.7 });
                    continue;
                }
            }
            // (c) a previous sentence or an introducing line with a cue; (d) a paragraph of
            // reported speech right before a paragraph that opens with a quote
            let intro = intro_cue(&ctx, ents, n).or_else(|| if line_start { reported_before(&ctx, ents, n) } else { None });
            if let Some((cue, cand)) = intro {
                if let Some((sp, mention, _, conf)) = resolve(&mut ctx, ents, cand, q.open, last_speaker) {
                    let a = &mut out[i];
                    a.speaker = Some(sp);
                    a.speaker_mention = Some(mention);
                    a.cue = Some(cue.span);
                    a.method = "neighbour";
                    a.confidence = conf * 0.8;
                    continue;
                }
            }
        }
        // pass 3: a quote running over several paragraphs whose speaker is named only at its
        // end ("“…\n\n“…\n\n“…,” Mr Maku said."): the earlier paragraphs take that speaker
        for n in (0..idx.len().saturating_sub(1)).rev() {
            let (i, nx) = (idx[n], idx[n + 1]);
            if out[i].method == "none" && spans[nx].continues && out[nx].speaker.is_some() {
                copy_from(&mut out, nx, i, "continuation", 0.8);
            }
        }
        gender = ctx.gender;
    }
    out
}

/// "He said, however, that governance will have to be looked at." then a paragraph that is one
/// quote: the subject of the last speech cue of the paragraph before, when that paragraph
/// reported speech without quoting it.
fn reported_before(ctx: &Ctx, ents: &Entities, n: usize) -> Option<(Cue, Cand)> {
    let ft = ctx.ft;
    let q = &ctx.speech[n];
    let pe = previous_line_end(ft, q.line.0)?;
    let para = ft.paragraph_at(pe.saturating_sub(1));
    let ls = ft.paragraphs.get(para)?.0;
    if ctx.speech.iter().any(|o| o.open >= ls && o.open < pe) {
        return None;
    }
    let hi = ft.token_index_at(pe);
    let lo = ft.token_index_at(ls);
    for k in (lo..hi).rev() {
        if ctx.in_speech(ft.tokens[k].start) {
            return None;
        }
        if let Some(c) = cue_at(ctx, k, hi).filter(|c| !c.according && !c.participle) {
            let s = ft.sentence_at(ft.tokens[k].start).map(|s| ft.token_index_at(ft.sentences[s].start)).unwrap_or(lo).max(lo);
            return subject_left_adjacent(ctx, ents, k, s).map(|cand| (c, cand));
        }
    }
    None
}

/// Has the quote's speaker been settled (named, or a cue naming nobody)?
fn decided(a: &Attributed) -> bool {
    a.speaker.is_some() || a.method != "none"
}

fn copy_from(out: &mut [Attributed], from: usize, to: usize, method: &'static str, conf: f32) {
    let (sp, m, c) = (out[from].speaker, out[from].speaker_mention, out[from].confidence);
    let a = &mut out[to];
    a.speaker = sp;
    a.speaker_mention = m;
    a.method = method;
    a.confidence = (c * conf).clamp(0.0, 1.0);
}

/// End of the line before the one starting at `ls` (skipping only whitespace).
fn previous_line_end(ft: &FieldText, ls: usize) -> Option<usize> {
    let mut j = ls;
    while j > 0 && ft.chars[j - 1].is_whitespace() {
        j -= 1;
    }
    (j > 0 && j < ls).then_some(j)
}

fn cand_span(c: Cand) -> Option<Span> {
    match c {
        Cand::Ent(_, s) | Cand::Pron(s, _) | Cand::Desc(s) | Cand::Name(s) => Some(s),
    }
}

/// Token range of the narration before a quote (same sentence, after the previous quote)
/// and after it (up to the sentence end or the next quote), bounded.
fn windows(ctx: &Ctx, n: usize) -> ((usize, usize), (usize, usize)) {
    let ft = ctx.ft;
    let q = &ctx.speech[n];
    let (ls, le) = q.line;
    let prev_close = n.checked_sub(1).map(|p| &ctx.speech[p]).filter(|p| p.line == q.line).map(|p| p.close_end).unwrap_or(ls);
    let next_open = ctx.speech.get(n + 1).filter(|p| p.line == q.line).map(|p| p.open).unwrap_or(le);
    // before
    let b_end = ft.token_index_at(q.open);
    let floor = ft.token_index_at(prev_close);
    let mut b_start = b_end;
    while b_start > floor && b_end - b_start < 60 {
        let k = b_start - 1;
        if matches!(ctx.punct(k), Some('.' | '!' | '?' | ';')) {
            break;
        }
        b_start -= 1;
    }
    // after
    let a_start = ft.token_index_at(q.close_end);
    let mut a_end = a_start;
    while a_end < ft.tokens.len() && ft.tokens[a_end].end <= next_open && a_end - a_start < 60 {
        if matches!(ctx.punct(a_end), Some('.' | '!' | '?' | ';')) {
            break;
        }
        a_end += 1;
    }
    ((b_start, b_end), (a_start, a_end))
}
