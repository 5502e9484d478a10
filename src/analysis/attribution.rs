//! Attribution: each speech quote's speaker, cue and confidence.
//!
//! First cut: the nearest entity mention next to a speech verb in the same sentence,
//! else the previous quote's speaker for a quote-only paragraph.
//! Deepened by issue 3.

use super::entities::{Entities, EntityId};
use super::quotes::QuoteSpan;
use crate::model::{QuoteKind, Span};
use crate::text::Doc;

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
    /// How: "cue", "continuation", "pronoun", "description", "nearest".
    pub method: &'static str,
}

pub fn attribute(doc: &Doc, ents: &mut Entities, spans: &[QuoteSpan]) -> Vec<Attributed> {
    let mut out: Vec<Attributed> = Vec::with_capacity(spans.len());
    for q in spans {
        let ft = doc.field(q.field);
        let mut a = Attributed { quote: q.clone(), speaker: None, confidence: 0.0, cue: None, speaker_mention: None, method: "none" };
        if q.kind == QuoteKind::NonSpeech {
            out.push(a);
            continue;
        }
        let Some(si) = ft.sentence_at(q.start) else {
            out.push(a);
            continue;
        };
        let sent = ft.sentences[si];
        // speech verb in the sentence, outside the quote
        let cue = ft
            .tokens_in(sent.start, sent.end)
            .iter()
            .filter(|t| t.end <= q.open || t.start > q.close.unwrap_or(q.end))
            .find(|t| SPEECH_VERBS.contains(&ft.token_text(t).to_lowercase().as_str()));
        if let Some(cue) = cue {
            let near = ents
                .mentions_in(q.field, sent.start, sent.end)
                .filter(|m| m.end <= q.open || m.start > q.close.unwrap_or(q.end))
                .min_by_key(|m| if m.end <= cue.start { cue.start - m.end } else { m.start.saturating_sub(cue.end) });
            if let Some(m) = near {
                a.speaker = Some(m.entity);
                a.speaker_mention = Some(m.span());
                a.cue = Some(Span::new(q.field, cue.start, cue.end));
                a.confidence = 0.8;
                a.method = "cue";
            }
        } else if let Some(prev) = out.iter().rev().find(|p| p.speaker.is_some() && p.quote.field == q.field) {
            let para_start = ft.paragraphs[ft.paragraph_at(q.start)].0;
            if q.open == para_start {
                a.speaker = prev.speaker;
                a.speaker_mention = prev.speaker_mention;
                a.confidence = 0.6;
                a.method = "continuation";
            }
        }
        out.push(a);
    }
    out
}

/// Verbs that introduce speech ("said", "told", "warned").
pub const SPEECH_VERBS: &[&str] = &[
    "said", "says", "say", "told", "tells", "added", "adds", "wrote", "writes", "tweeted", "warned", "warns",
    "stated", "states", "explained", "argued", "insisted", "noted", "asked", "replied", "declared", "claimed",
    "continued", "recalled", "announced", "acknowledged", "admitted", "suggested", "stressed", "emphasized",
    "emphasised", "remarked", "observed", "posted", "predicted", "promised", "vowed", "urged", "joked",
];
