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

/// Verbs that introduce speech ("said", "told", "warned"), finite and base forms.
pub const SPEECH_VERBS: Words = Words("\
    said|says|say|told|tells|tell|added|adds|wrote|writes|write|tweeted|tweets|warned|warns|warn|stated|\
    states|explained|explains|argued|argues|argue|insisted|insists|noted|notes|asked|asks|replied|\
    replies|declared|declares|claimed|claims|continued|continues|recalled|recalls|announced|announces|\
    acknowledged|acknowledges|admitted|admits|suggested|suggests|stressed|stresses|emphasized|\
    emphasised|emphasizes|emphasises|remarked|observed|posted|predicted|predicts|promised|promises|\
    vowed|vows|urged|urges|joked|jokes|quipped|concluded|conceded|concedes|countered|counters|responded|\
    responds|answered|cautioned|complained|complains|boasted|boasts|exclaimed|shouted|yelled|whispered|\
    retorted|opined|mused|reiterated|repeated|confirmed|confirms|denied|denies|described|describes|\
    called|calls|questioned|criticized|criticised|criticizes|criticises|blasted|slammed|accused|accuses|\
    accuse|charged|testified|maintained|maintains|contended|contends|asserted|asserts|lamented|laments|\
    scoffed|snapped|mocked|praised|hailed|texted|emailed|commented|comments|proclaimed|pleaded|begged|\
    demanded|demands|thundered|raged|grumbled|sighed|murmured|muttered|screamed|cried|chanted|sang|read|\
    reads|informed|assured|reminded|blogged|bragged|sniped|jabbed|fumed|wondered|explaining|pointed|\
    shot|fired|chimed|weighed|summed|reported|reports|contended|contends|dubbed|endorsed|wrote|alleged|\
    alleges|recounted|recounts|objected|interjected|elaborated|clarified|conceded|predicted|estimated|\
    speculated|advised|instructed");

/// Participles: the speaker is the subject of the clause they hang on.
const PARTICIPLES: Words = Words("\
    saying|adding|warning|telling|noting|arguing|insisting|calling|writing|tweeting|suggesting|\
    stressing|claiming|declaring|urging|describing|stating|predicting|promising|vowing|acknowledging|\
    admitting|recalling|accusing|dismissing|labeling|labelling|branding|praising|criticizing|\
    criticising|joking|quipping|asking|complaining|cautioning|boasting|questioning|referring|declaring|\
    explaining|pledging|denouncing|blasting|slamming|mocking|lamenting|vowing|reiterating|repeating|\
    citing|endorsing|dubbing|alleging|contending|countering|responding|replying|announcing|conceding|\
    proclaiming|demanding|pleading|recounting|tweeting|posting");

/// Nouns for what someone said; their owner is the speaker (`Trump’s offer to make an “exception”`).
const SPEECH_NOUNS: Words = Words("\
    offer|call|calls|remarks|remark|comments|comment|words|statement|promise|pledge|claim|claims|\
    warning|threat|vow|tweet|message|letter|speech|proposal|plea|demand|assertion|insistence|\
    description|response|reply|answer|suggestion|argument");

/// Verbs whose following noun is their object, not an inverted subject (`told Fox News`).
const NOT_INVERTIBLE: Words = Words("\
    told|tells|tell|urged|urges|called|calls|described|describes|questioned|criticized|criticised|\
    criticizes|criticises|blasted|slammed|accused|accuses|accuse|praised|hailed|mocked|charged|reminded|\
    assured|informed|begged|read|reads|pointed|shot|fired|chimed|weighed|summed|demanded|demands|dubbed|\
    endorsed|advised|instructed");

/// `shot back`, `pointed out`: verbs that are cues only with their particle.
fn needs_particle(w: &str) -> Option<&'static [&'static str]> {
    match w {
        "pointed" => Some(&["out"]),
        "shot" | "fired" => Some(&["back"]),
        "chimed" | "weighed" => Some(&["in"]),
        "summed" => Some(&["up"]),
        "read" | "reads" => Some(&[":"]),
        _ => None,
    }
}

/// Is `w` (lower case) a speech verb or participle?
pub fn is_speech_word(w: &str) -> bool {
    SPEECH_VERBS.contains(&w) || PARTICIPLES.contains(&w)
}

/// Is `w` (lower case) a word that signals reported speech around a quote?
pub fn is_cue_word(w: &str) -> bool {
    is_speech_word(w)
        || matches!(
            w,
            "according" | "statement" | "interview" | "tweet" | "remarks" | "comments" | "speech" | "cited" | "labeled"
                | "labelled" | "branded" | "deemed" | "termed" | "quoted" | "quoting" | "dubbed"
        )
        || SPEECH_NOUNS.contains(&w)
}

/// Words skipped between a subject and its verb ("Trump has repeatedly said").
const SKIP_BETWEEN: Words = Words("\
    has|have|had|also|later|then|previously|once|again|would|will|could|might|may|did|does|do|not|never|\
    just|further|earlier|often|first|still|even|already|has|is|was|were|are|been|being|who|all|both|\
    himself|herself|themselves|too|since|soon|once|famously|then-|today|yesterday|tonight");

const DETERMINERS: Words = Words("\
    the|a|an|his|her|their|its|our|this|that|one|another");

/// Nouns that head a description of a speaker ("the minister", "a spokesman").


/// Capitalised words that cannot be (part of) a speaker's name.
const NOT_NAME: Words = Words("\
    The|A|An|In|On|At|But|And|Or|If|When|While|After|Before|Despite|Under|Over|This|That|These|Those|It|\
    He|She|They|We|I|You|His|Her|Their|Our|My|Its|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|\
    Sunday|January|February|March|April|May|June|July|August|September|October|November|December|What|\
    Look|Last|Next|For|From|With|As|Of|To|By|Police|Officials|Authorities|Critics|Experts|Analysts|\
    Witnesses|Residents|Sources|Observers|Investigators|Prosecutors|Officers|Protesters|Some|Many|\
    Others|Both|All|Everyone|Nobody|Someone|People|Later|Then|Asked|So|Yet|Still|Also|Now|Here|There|\
    Today|Yesterday|Earlier|However|Meanwhile|Instead");

const HONORIFICS: Words = Words("\
    Mr.|Mrs.|Ms.|Miss|Dr.|Mr|Mrs|Ms|Dr|Sen.|Rep.|Gov.|Prof.|Sir|Dame|Lord|Lady|Gen.|Col.|Lt.|Sgt.|Capt.|\
    Rev.|Hon.|Pres.|Amb.|Sec.|Madam");

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
        "he" | "He" => Some(Pron::He),
        "she" | "She" => Some(Pron::She),
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
    fn lw(&self, k: usize) -> String {
        self.ft.token_text(&self.ft.tokens[k]).lower()
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

/// Is token `k` a speech cue (and not a noun such as "a warning")?
fn cue_at(ctx: &Ctx, k: usize, lim: usize) -> Option<Cue> {
    if !ctx.is_word(k) {
        return None;
    }
    let w = ctx.lw(k);
    let t = ctx.ft.tokens[k];
    if w == "according" && k + 1 < lim && ctx.lw(k + 1) == "to" {
        let e = ctx.ft.tokens[k + 1].end;
        return Some(Cue { k, span: Span::new(ctx.field, t.start, e), participle: false, according: true });
    }
    if !is_speech_word(&w) || ctx.is_cap(k) {
        // "United States" is no verb
        return None;
    }
    if k > 0 && ctx.is_word(k - 1) {
        // "a warning", "Vance’s comments": nouns, not verbs
        let prev = ctx.lw(k - 1);
        if DETERMINERS.contains(&prev.as_str()) || prev.ends_with("’s") || prev.ends_with("'s") || matches!(prev.as_str(), "my" | "your" | "these" | "those" | "such" | "no" | "some" | "any" | "whose" | "new" | "recent" | "earlier" | "later" | "public" | "latest") {
            return None;
        }
    }
    if k > 0 && ctx.punct(k - 1).is_some_and(|c| matches!(c, '’' | '\'')) && k > 1 && ctx.lw(k - 2).ends_with('s') {
        return None; // "Sanders’ comments"
    }
    let mut end = t.end;
    if let Some(parts) = needs_particle(&w) {
        if k + 1 >= ctx.ft.tokens.len() || !parts.contains(&ctx.lw(k + 1).as_str()) {
            return None;
        }
        end = ctx.ft.tokens[k + 1].end;
    }
    let participle = PARTICIPLES.contains(&w.as_str());
    Some(Cue { k, span: Span::new(ctx.field, t.start, end), participle, according: false })
}

/// The cue for quote `n` and its subject.
fn find_cue(ctx: &Ctx, ents: &Entities, n: usize) -> Option<(Cue, Cand)> {
    let ((bs, be), (as_, ae)) = windows(ctx, n);
    let before_words = (bs..be).filter(|&k| ctx.is_word(k)).count();
    // cue right after the quote?
    let mut after_cue = None;
    let mut words = 0;
    for k in as_..ae {
        if ctx.in_speech(ctx.ft.tokens[k].start) {
            continue;
        }
        if let Some(c) = cue_at(ctx, k, ae) {
            after_cue = Some((c, words));
            break;
        }
        if ctx.is_word(k) {
            words += 1;
        }
    }
    let mut before_cue = None;
    for k in (bs..be).rev() {
        if let Some(c) = cue_at(ctx, k, be) {
            before_cue = Some(c);
            break;
        }
    }
    let after_first = before_words == 0 || after_cue.is_some_and(|(_, w)| w <= 5) && before_cue.is_none_or(|c| !c.participle && c.k + 8 < be);
    let try_after = |ctx: &Ctx| -> Option<(Cue, Cand)> {
        let (c, words) = after_cue?;
        let cand = if c.according {
            subject_right(ctx, ents, c.k + 2, ae)
        } else if words == 0 && !NOT_INVERTIBLE.contains(&ctx.lw(c.k).as_str()) {
            subject_right(ctx, ents, c.k + 1, ae).or_else(|| subject_left(ctx, ents, c.k, as_))
        } else {
            subject_left(ctx, ents, c.k, as_).or_else(|| {
                if NOT_INVERTIBLE.contains(&ctx.lw(c.k).as_str()) {
                    None
                } else {
                    subject_right(ctx, ents, c.k + 1, ae)
                }
            })
        };
        let cand = if c.participle && cand.is_none() { participle_subject(ctx, ents, c.k, as_) } else { cand };
        Some((c, cand?))
    };
    let try_before = |ctx: &Ctx| -> Option<(Cue, Cand)> {
        let c = before_cue?;
        let cand = if c.according {
            subject_right(ctx, ents, c.k + 2, be)
        } else if c.participle {
            // the subject of the clause: an earlier finite cue's subject, else the nearest person
            let mut r = None;
            for k in (bs..c.k).rev() {
                if let Some(c2) = cue_at(ctx, k, be) {
                    if !c2.participle && !c2.according {
                        r = subject_left(ctx, ents, k, bs);
                        if r.is_some() {
                            break;
                        }
                    }
                }
            }
            r.or_else(|| subject_left_adjacent(ctx, ents, c.k, bs)).or_else(|| participle_subject(ctx, ents, c.k, bs))
        } else {
            subject_left(ctx, ents, c.k, bs).or_else(|| {
                if NOT_INVERTIBLE.contains(&ctx.lw(c.k).as_str()) {
                    None
                } else {
                    subject_right(ctx, ents, c.k + 1, be)
                }
            })
        };
        Some((c, cand?))
    };
    if after_first {
        try_after(ctx).or_else(|| try_before(ctx))
    } else {
        try_before(ctx).or_else(|| try_after(ctx))
    }
    .or_else(|| {
        // `Trump’s offer to make an “exception”`: a speech noun owned by its speaker
        for k in (bs..be).rev() {
            if !ctx.is_word(k) || !SPEECH_NOUNS.contains(&ctx.lw(k).as_str()) || k == bs {
                continue;
            }
            let owner = k - 1;
            let t = ctx.ft.tokens[owner];
            let poss_tok = ctx.punct(owner).is_some_and(|c| matches!(c, '’' | '\'')) && owner > bs;
            let m = if poss_tok { ents.mention_at(ctx.field, ctx.ft.tokens[owner - 1].start) } else { ents.mention_at(ctx.field, t.start) };
            if let Some(m) = m {
                if is_possessive(ctx.ft, m.end) && ents.list.get(m.entity).is_some_and(|e| e.kind == StakeholderKind::Person) {
                    let c = Cue { k, span: Span::new(ctx.field, ctx.ft.tokens[k].start, ctx.ft.tokens[k].end), participle: false, according: false };
                    return Some((c, Cand::Ent(m.entity, m.span())));
                }
            }
        }
        None
    })
    .or_else(|| {
        // `Hillary shot back, “…”`: a full quote introduced by a clause ending in a comma or colon
        let q = &ctx.speech[n];
        if be > bs && matches!(ctx.punct(be - 1), Some(',' | ':')) && q.kind == QuoteKind::Direct && before_words <= 8 {
            let c = Cue { k: be - 1, span: Span::new(ctx.field, ctx.ft.tokens[be - 1].start, ctx.ft.tokens[be - 1].end), participle: false, according: false };
            let cand = first_subject(ctx, ents, bs, be - 1)?;
            return Some((c, cand));
        }
        None
    })
}

/// The subject at the start of a clause `[from, to)`: its first mention, pronoun or name.
fn first_subject(ctx: &Ctx, ents: &Entities, from: usize, to: usize) -> Option<Cand> {
    let k = from;
    if k >= to {
        return None;
    }
    cand_starting_at(ctx, ents, k, to)
}

/// After a participle with no finite cue: the subject opening the sentence, else the
/// nearest person mention before it, else a capitalised name after a clause break.
fn participle_subject(ctx: &Ctx, ents: &Entities, k: usize, floor: usize) -> Option<Cand> {
    let ft = ctx.ft;
    if floor >= k {
        return None;
    }
    if let Some(c) = cand_starting_at(ctx, ents, floor, k) {
        if matches!(c, Cand::Ent(..) | Cand::Pron(..)) {
            return Some(c);
        }
    }
    let from = ft.tokens[floor].start;
    let to = ft.tokens[k].start;
    let mut best: Option<&EntityMention> = None;
    for m in ents.mentions_in(ctx.field, from, to) {
        if ctx.in_speech(m.start) || is_possessive(ft, m.end) || ents.is_modifier(m) || matches!(m.form, MentionForm::Capital | MentionForm::Demonym) {
            continue;
        }
        let person = ents.list.get(m.entity).is_some_and(|e| e.kind == StakeholderKind::Person);
        if person || best.is_none_or(|b| ents.list.get(b.entity).is_none_or(|e| e.kind != StakeholderKind::Person)) {
            best = Some(m);
        }
    }
    if let Some(m) = best {
        return Some(Cand::Ent(m.entity, m.span()));
    }
    // the last capitalised run after a comma or at the start, not after an article or preposition
    let mut found = None;
    let mut i = floor;
    while i < k {
        if ctx.is_word(i) && ctx.is_cap(i) && !NOT_NAME.contains(&ctx.text(i).as_str()) {
            let prev_ok = i == floor || matches!(ctx.punct(i - 1), Some(',')) || ctx.is_word(i - 1) && !ctx.is_cap(i - 1) && !DETERMINERS.contains(&ctx.lw(i - 1).as_str()) && !matches!(ctx.lw(i - 1).as_str(), "of" | "in" | "on" | "at" | "to" | "for" | "from" | "with" | "by" | "about" | "after" | "before");
            let mut e = i;
            while e + 1 < k && ctx.is_word(e + 1) && ctx.is_cap(e + 1) {
                e += 1;
            }
            if prev_ok {
                found = cand_starting_at(ctx, ents, i, e + 1);
            }
            i = e + 1;
            continue;
        }
        i += 1;
    }
    found
}

fn is_possessive(ft: &FieldText, end: usize) -> bool {
    end + 1 < ft.chars.len() && matches!(ft.chars[end], '’' | '\'') && matches!(ft.chars[end + 1], 's' | 'S')
        || end < ft.chars.len() && matches!(ft.chars[end], '’' | '\'') && end > 0 && ft.chars[end - 1] == 's'
}

/// Subject before the verb at token `k` (not before token `floor`).
fn subject_left(ctx: &Ctx, ents: &Entities, k: usize, floor: usize) -> Option<Cand> {
    let mut j = k;
    while j > floor && ctx.is_word(j - 1) && SKIP_BETWEEN.contains(&ctx.lw(j - 1).as_str()) {
        j -= 1;
    }
    // adverbs in -ly
    while j > floor && ctx.is_word(j - 1) && !ctx.is_cap(j - 1) && ctx.lw(j - 1).ends_with("ly") && ctx.lw(j - 1).len() > 4 {
        j -= 1;
        while j > floor && ctx.is_word(j - 1) && SKIP_BETWEEN.contains(&ctx.lw(j - 1).as_str()) {
            j -= 1;
        }
    }
    if j <= floor {
        return None;
    }
    // "X, who represents A, B and C, has accused", "one patient who received the leaflet
    // said": the subject is the noun phrase before the relative pronoun
    if let Some(c) = relative_clause_subject(ctx, ents, j, floor) {
        return Some(c);
    }
    if let Some(p) = ctx.punct(j - 1) {
        if matches!(p, ',' | ')' | '—' | '–') {
            // appositive: `Vance, the vice president, said` / `Butz, 49, told`
            let opener = |c: char| match p {
                ',' => c == ',',
                ')' => c == '(',
                _ => c == p,
            };
            let mut i = j - 1;
            let lim = (j - 1).saturating_sub(40).max(floor);
            while i > lim {
                i -= 1;
                if ctx.punct(i).is_some_and(opener) && i > floor {
                    // `Its director of policy, Rocio Mendes, said`: the name in apposition
                    if let Some(m) = ents.mention_at(ctx.field, ctx.ft.tokens[i + 1].start) {
                        let whole = m.start == ctx.ft.tokens[i + 1].start && m.end == ctx.ft.tokens[j - 2].end;
                        if whole && p == ',' && ents.list.get(m.entity).is_some_and(|e| e.kind == StakeholderKind::Person) && !ctx.in_speech(m.start) {
                            return Some(Cand::Ent(m.entity, m.span()));
                        }
                    }
                    if let Some(c) = cand_ending_at(ctx, ents, i - 1, floor) {
                        return Some(c);
                    }
                }
                if matches!(ctx.punct(i), Some('.' | '!' | '?' | ';')) {
                    break;
                }
            }
            // `..., Trump said` after an opening clause: the nearest subject after the comma
            return None;
        }
        if is_quote_punct(p) {
            return None;
        }
    }
    // `Wang said Beijing was ready ... but warned against "X"`: the subject of the speech
    // verb before the conjunction
    if j > floor + 1 && ctx.is_word(j - 1) && matches!(ctx.lw(j - 1).as_str(), "but" | "and") {
        let mut i = j - 1;
        let lim = i.saturating_sub(30).max(floor);
        while i > lim {
            i -= 1;
            if matches!(ctx.punct(i), Some('.' | '!' | '?' | ';')) || ctx.in_speech(ctx.ft.tokens[i].start) {
                break;
            }
            if ctx.is_word(i) && !ctx.is_cap(i) && is_speech_word(&ctx.lw(i)) {
                if let Some(c) = subject_left_adjacent(ctx, ents, i, floor) {
                    return Some(c);
                }
                break;
            }
        }
    }
    cand_ending_at(ctx, ents, j - 1, floor).or_else(|| nearest_mention(ctx, ents, j, floor))
}

/// The subject of a verb at token `j` whose left neighbour ends a relative clause: scans left
/// (at most 30 tokens, within the sentence, outside quotes) for `who`/`which`; the noun phrase
/// before it (or before the comma before it) is the subject. An unnamed person's description
/// keeps its clause ("one patient who received the leaflet").
fn relative_clause_subject(ctx: &Ctx, ents: &Entities, j: usize, floor: usize) -> Option<Cand> {
    let lim = j.saturating_sub(30).max(floor);
    let mut i = j;
    while i > lim {
        i -= 1;
        if matches!(ctx.punct(i), Some('.' | '!' | '?' | ';' | ':')) || ctx.in_speech(ctx.ft.tokens[i].start) {
            return None;
        }
        if ctx.is_word(i) && is_speech_word(&ctx.lw(i)) && i + 1 < j {
            return None;
        }
        if ctx.is_word(i) && matches!(ctx.lw(i).as_str(), "who" | "which") && i > floor {
            let comma = ctx.punct(i - 1) == Some(',');
            let h = if comma { i - 1 } else { i };
            if h <= floor {
                return None;
            }
            // with a comma, the clause must close with one right before the verb
            if comma && ctx.punct(j - 1) != Some(',') {
                return None;
            }
            let c = cand_ending_at(ctx, ents, h - 1, floor)?;
            return Some(match c {
                Cand::Desc(sp) if !comma => {
                    let end = ctx.ft.tokens[j - 1].end;
                    Cand::Desc(Span::new(ctx.field, sp.start, end))
                }
                c => c,
            });
        }
    }
    None
}

/// Only the subject right before the verb (for participles: `, he said, adding`).
fn subject_left_adjacent(ctx: &Ctx, ents: &Entities, k: usize, floor: usize) -> Option<Cand> {
    if k > floor && ctx.is_word(k - 1) {
        let c = cand_ending_at(ctx, ents, k - 1, floor)?;
        return matches!(c, Cand::Pron(..) | Cand::Ent(..)).then_some(c);
    }
    None
}

fn is_quote_punct(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '”' | '‘' | '’' | '«' | '»' | '„' | '‚' | '‹' | '›' | '「' | '」' | '『' | '』')
}

/// The nearest mention (or pronoun) before token `j`, within a few tokens.
fn nearest_mention(ctx: &Ctx, ents: &Entities, j: usize, floor: usize) -> Option<Cand> {
    let lim = j.saturating_sub(12).max(floor);
    let mut i = j;
    let mut poss = None;
    while i > lim {
        i -= 1;
        if matches!(ctx.punct(i), Some('.' | '!' | '?' | ';' | ',')) {
            return poss;
        }
        let t = ctx.ft.tokens[i];
        if ctx.in_speech(t.start) {
            return poss;
        }
        if let Some(m) = ents.mention_at(ctx.field, t.start) {
            if !is_possessive(ctx.ft, m.end) {
                return Some(Cand::Ent(m.entity, m.span()));
            }
            if poss.is_none() {
                poss = Some(Cand::Ent(m.entity, m.span()));
            }
        }
        if let Some(p) = pron_of(&ctx.text(i)) {
            return Some(Cand::Pron(Span::new(ctx.field, t.start, t.end), p));
        }
    }
    poss
}

/// A candidate subject whose last token is `j`.
fn cand_ending_at(ctx: &Ctx, ents: &Entities, j: usize, floor: usize) -> Option<Cand> {
    let ft = ctx.ft;
    let t = ft.tokens[j];
    if !ctx.is_word(j) || ctx.in_speech(t.start) {
        return None;
    }
    // "Senator John Barrasso of Wyoming said": the person, not the place after "of"
    if j >= floor + 2 && ctx.is_cap(j) && ctx.lw(j - 1) == "of" {
        if let Some(m) = ents.mention_at(ctx.field, ft.tokens[j - 2].start) {
            let whole = ft.tokens.get(j - 1).is_some_and(|of| m.end <= of.start);
            if whole && ents.list.get(m.entity).is_some_and(|e| e.kind == StakeholderKind::Person) {
                return Some(Cand::Ent(m.entity, m.span()));
            }
        }
    }
    let text = ctx.text(j);
    if let Some(m) = ents.mention_at(ctx.field, t.start) {
        if is_possessive(ft, m.end) && m.end < t.end {
            return None;
        }
        let single = ft.token_index_at(m.start) == j;
        let not_person = ents.list.get(m.entity).is_some_and(|e| e.kind != StakeholderKind::Person);
        let _ = not_person;
        if single && j > floor && ctx.lw(j - 1) == "the" && is_member_word(&text) {
            // "the Republican said": a member of the party, not the party
            return Some(Cand::Desc(Span::new(ctx.field, ft.tokens[j - 1].start, t.end)));
        }
        return Some(Cand::Ent(m.entity, m.span()));
    }
    if let Some(p) = pron_of(&text) {
        return Some(Cand::Pron(Span::new(ctx.field, t.start, t.end), p));
    }
    let lw = text.lower();
    if ROLE_NOUNS.contains(&lw.as_str()) || lw.ends_with("man") && lw.len() > 5 && !ctx.is_cap(j) {
        // walk back over modifiers to a determiner or the line start
        let mut i = j;
        let lim = j.saturating_sub(6).max(floor);
        while i > lim {
            let w = ctx.lw(i - 1);
            if !ctx.is_word(i - 1) {
                break;
            }
            if DETERMINERS.contains(&w.as_str()) || w.ends_with("’s") || w.ends_with("'s") {
                i -= 1;
                break;
            }
            if is_speech_word(&w) || SKIP_BETWEEN.contains(&w.as_str()) || matches!(w.as_str(), "and" | "or" | "but" | "that" | "of" | "for" | "in" | "on" | "at" | "to" | "by" | "with" | "from") {
                break;
            }
            i -= 1;
        }
        let s = ft.tokens[i].start;
        return Some(Cand::Desc(Span::new(ctx.field, s, t.end)));
    }
    // "the court said", "a council officer responded", "one patient ... said": a determiner,
    // up to three modifiers, a noun for a body or an unnamed person
    if !ctx.is_cap(j) && (descriptions::is_body_noun(&lw) || descriptions::is_person_noun(&lw)) {
        let lim = j.saturating_sub(4).max(floor);
        let mut i = j;
        while i > lim && ctx.is_word(i - 1) {
            let w = ctx.lw(i - 1);
            if DETERMINERS.contains(&w.as_str()) {
                return Some(Cand::Desc(Span::new(ctx.field, ft.tokens[i - 1].start, t.end)));
            }
            if is_speech_word(&w) || SKIP_BETWEEN.contains(&w.as_str()) || ends_noun_phrase(&w) {
                break;
            }
            i -= 1;
        }
    }
    if ctx.is_cap(j) && j > floor && ctx.lw(j - 1) == "the" && is_member_word(&text) {
        // "the Texan", "the Republican", "the Democrat": a description
        return Some(Cand::Desc(Span::new(ctx.field, ft.tokens[j - 1].start, t.end)));
    }
    if ctx.is_cap(j) && !NOT_NAME.contains(&text.as_str()) {
        // a capitalised name the entity step missed: up to 4 capitalised words
        let mut i = j;
        while i > floor && j - i < 3 && ctx.is_word(i - 1) && ctx.is_cap(i - 1) && !NOT_NAME.contains(&ctx.text(i - 1).as_str()) && ft.tokens[i - 1].end + 1 >= ft.tokens[i].start {
            i -= 1;
        }
        let s = ft.tokens[i].start;
        let e = if text.ends_with("’s") || text.ends_with("'s") { return None } else { t.end };
        return Some(Cand::Name(Span::new(ctx.field, s, e)));
    }
    None
}

/// Personal names written before `pos` (nearest first, at most `max_tokens` back, outside
/// quotes and known non-person mentions): runs of two or more capitalised words, an
/// honorific first allowed. Returns the name's span (without titles), the name (its last two
/// words, or three with a middle initial) and the honorific's gender.
fn name_runs_before(ctx: &Ctx, ents: &Entities, pos: usize, max_tokens: usize) -> Vec<(Span, String, Option<Gender>)> {
    let ft = ctx.ft;
    let mut out = Vec::new();
    let mut j = ft.token_index_at(pos);
    let lim = j.saturating_sub(max_tokens);
    while j > lim && out.len() < 8 {
        j -= 1;
        if !(ctx.is_word(j) && ctx.is_cap(j)) || ctx.in_speech(ft.tokens[j].start) {
            continue;
        }
        let e = j;
        let mut s = j;
        while s > lim && ctx.is_word(s - 1) && ctx.is_cap(s - 1) && ft.tokens[s - 1].end + 1 >= ft.tokens[s].start {
            s -= 1;
        }
        j = s;
        let words: Vec<String> = (s..=e).map(|k| ctx.text(k)).collect();
        let hon = words.iter().position(|w| HONORIFICS.contains(&w.as_str()));
        let gender = hon.and_then(|h| honorific_gender(&words[h]));
        let name_from = match hon {
            Some(h) => h + 1,
            None => words.len().saturating_sub(if words.len() >= 3 && words[words.len() - 2].len() == 2 && words[words.len() - 2].ends_with('.') { 3 } else { 2 }),
        };
        let name_words = &words[name_from.min(words.len())..];
        let known_non_person = (s + name_from.min(e - s)..=e).any(|k| {
            ents.mention_at(ctx.field, ft.tokens[k].start).is_some_and(|m| ents.list.get(m.entity).is_some_and(|x| x.kind != StakeholderKind::Person))
        });
        if name_words.len() < 2 && hon.is_none() || name_words.is_empty() || known_non_person {
            continue;
        }
        if name_words.iter().any(|w| NOT_NAME.contains(&w.as_str()) || w.ends_with("’s") || w.ends_with("'s")) {
            continue;
        }
        let first_tok = s + name_from;
        let span_start = ft.tokens[if hon.is_some() { s + hon.unwrap_or(0) } else { first_tok }].start;
        out.push((Span::new(ctx.field, span_start, ft.tokens[e].end), name_words.join(" "), gender.or_else(|| first_name_gender(&name_words.join(" ")))));
    }
    out
}

/// "Texan", "Republican", "Democrat", "Briton": a word for one member of a place or party.
/// Prepositions and conjunctions that end a noun phrase walked leftwards.
fn ends_noun_phrase(w: &str) -> bool {
    matches!(w, "and" | "or" | "but" | "that" | "of" | "for" | "in" | "on" | "at" | "to" | "by" | "with" | "from" | "who" | "which")
}

/// A title or role noun, also hyphenated ("general-secretary").
fn is_title_word(w: &str) -> bool {
    ROLE_NOUNS.contains(&w) || super::lexicon::TITLES.contains(&w) || w.split('-').any(|p| super::lexicon::TITLES.contains(&p))
}

fn is_member_word(w: &str) -> bool {
    let l = w.lower();
    !l.ends_with('s') && (l.ends_with("an") || l.ends_with("er") || l.ends_with("crat") || l.ends_with("on") || l.ends_with("ist"))
}

/// A candidate subject starting at token `k` (after an inverted verb: `said Vance`).
fn cand_starting_at(ctx: &Ctx, ents: &Entities, k: usize, lim: usize) -> Option<Cand> {
    let ft = ctx.ft;
    if k >= lim || k >= ft.tokens.len() {
        return None;
    }
    let t = ft.tokens[k];
    if !ctx.is_word(k) || ctx.in_speech(t.start) {
        return None;
    }
    if let Some(m) = ents.mention_at(ctx.field, t.start) {
        // "Judicial Watch president Tom Fitton", "Fox News’ Bret Baier": the person wins
        let mut e = ft.token_index_at(m.end);
        if e < lim && ctx.punct(e).is_some_and(|c| matches!(c, '’' | '\'')) {
            e += 1;
        }
        if e < lim && ctx.is_word(e) && ctx.lw(e) == "s" {
            e += 1;
        }
        let mut r = e;
        while r < lim && r < e + 3 && ctx.is_word(r) && !ctx.is_cap(r) && !is_speech_word(&ctx.lw(r)) {
            r += 1;
        }
        if r < lim && (r > e || is_possessive(ft, m.end)) && (e..r).any(|x| ROLE_NOUNS.contains(&ctx.lw(x).as_str())) || r == e && r < lim && is_possessive(ft, m.end) {
            if let Some(m2) = ents.mention_at(ctx.field, ft.tokens[r].start) {
                if ents.list.get(m2.entity).is_some_and(|x| x.kind == StakeholderKind::Person) {
                    return Some(Cand::Ent(m2.entity, m2.span()));
                }
            }
        }
        // "said Bomet Senator Jane Roe", "Numsa General-Secretary Irvin Jim said": an
        // organisation or place, a title, then the person who holds it
        if ents.list.get(m.entity).is_some_and(|x| x.kind != StakeholderKind::Person) {
            let mut r = e;
            while r < lim && r < e + 4 && ctx.is_word(r) && ents.mention_at(ctx.field, ft.tokens[r].start).is_none() {
                r += 1;
            }
            if r > e && r < lim && (e..r).any(|x| is_title_word(&ctx.lw(x))) {
                if let Some(m2) = ents.mention_at(ctx.field, ft.tokens[r].start) {
                    if ents.list.get(m2.entity).is_some_and(|x| x.kind == StakeholderKind::Person) {
                        return Some(Cand::Ent(m2.entity, m2.span()));
                    }
                }
            }
        }
        if is_possessive(ft, m.end) {
            return None;
        }
        return Some(Cand::Ent(m.entity, m.span()));
    }
    // honorific + mention
    if HONORIFICS.contains(&ctx.text(k).as_str()) && k + 1 < lim {
        if let Some(m) = ents.mention_at(ctx.field, ft.tokens[k + 1].start) {
            return Some(Cand::Ent(m.entity, Span::new(ctx.field, t.start, m.end)));
        }
    }
    let text = ctx.text(k);
    if let Some(p) = pron_of(&text) {
        return Some(Cand::Pron(Span::new(ctx.field, t.start, t.end), p));
    }
    let lw = text.lower();
    if DETERMINERS.contains(&lw.as_str()) || ROLE_NOUNS.contains(&lw.as_str()) || !ctx.is_cap(k) && !is_speech_word(&lw) {
        // the description runs to its role noun ("the minister", "opposition leader Lars Holm")
        let mut i = k;
        while i < lim && i < k + 7 && ctx.is_word(i) {
            let w = ctx.lw(i);
            if i > k && ctx.is_cap(i) && !ROLE_NOUNS.contains(&w.as_str()) {
                // a name after lowercase modifiers: "said headteacher Amal Haddad"
                if let Some(m) = ents.mention_at(ctx.field, ft.tokens[i].start) {
                    if ents.list.get(m.entity).is_some_and(|x| x.kind == StakeholderKind::Person) {
                        return Some(Cand::Ent(m.entity, m.span()));
                    }
                    i = ft.token_index_at(m.end).max(i + 1);
                    continue;
                }
                let mut e = i;
                while e + 1 < lim && ctx.is_word(e + 1) && ctx.is_cap(e + 1) {
                    e += 1;
                }
                let ends = e + 1 >= lim || !ctx.is_word(e + 1) || is_speech_word(&ctx.lw(e + 1));
                if ends && !NOT_NAME.contains(&ctx.text(i).as_str()) {
                    if let Some(c @ Cand::Name(_)) = cand_starting_at(ctx, ents, i, lim) {
                        return Some(c);
                    }
                }
                i = e + 1;
                continue;
            }
            if ROLE_NOUNS.contains(&w.as_str()) {
                let mut e = i;
                while e + 1 < lim && ctx.is_word(e + 1) && ROLE_NOUNS.contains(&ctx.lw(e + 1).as_str()) {
                    e += 1;
                }
                // `the minister, Jane Doe,` / `the president's spokesman Josh Earnest`: the name wins
                let nx = e + 1 + usize::from(e + 1 < lim && ctx.punct(e + 1) == Some(','));
                if nx < lim {
                    if let Some(m) = ents.mention_at(ctx.field, ft.tokens[nx].start) {
                        return Some(Cand::Ent(m.entity, m.span()));
                    }
                    if ctx.is_word(nx) && ctx.is_cap(nx) && !NOT_NAME.contains(&ctx.text(nx).as_str()) {
                        if let Some(c @ Cand::Name(_)) = cand_starting_at(ctx, ents, nx, lim) {
                            return Some(c);
                        }
                    }
                }
                if !DETERMINERS.contains(&lw.as_str()) && !ROLE_NOUNS.contains(&lw.as_str()) && i > k + 2 {
                    return None;
                }
                return Some(Cand::Desc(Span::new(ctx.field, t.start, ft.tokens[e].end)));
            }
            i += 1;
        }
        // "said one A&E consultant, who asked not to be named": an unnamed speaker whose noun
        // we do not know is still a speaker (left unattributed, not given to a neighbour)
        if matches!(lw.as_str(), "a" | "an" | "one" | "another") {
            let mut e = k;
            while e + 1 < lim && e < k + 6 && !matches!(ctx.punct(e + 1), Some(',' | '.' | ';' | ':')) {
                e += 1;
            }
            if e > k {
                return Some(Cand::Desc(Span::new(ctx.field, t.start, ft.tokens[e].end)));
            }
        }
        return None;
    }
    if ctx.is_cap(k) && !NOT_NAME.contains(&text.as_str()) {
        let mut e = k;
        while e + 1 < lim && e < k + 3 && ctx.is_word(e + 1) && ctx.is_cap(e + 1) && ft.tokens[e].end + 1 >= ft.tokens[e + 1].start {
            e += 1;
        }
        let et = ctx.text(e);
        let end = if et.ends_with("’s") || et.ends_with("'s") { ft.tokens[e].end - 2 } else { ft.tokens[e].end };
        // "said Bomet Senator Rotich": the name after the last title word
        let first = (k..e).rev().find(|&x| is_title_word(&ctx.lw(x))).map_or(k, |x| x + 1);
        let start = ft.tokens[first].start;
        if end <= start {
            return None;
        }
        return Some(Cand::Name(Span::new(ctx.field, start, end)));
    }
    None
}

/// Subject after an inverted verb or "according to", starting at token `k`.
fn subject_right(ctx: &Ctx, ents: &Entities, k: usize, lim: usize) -> Option<Cand> {
    cand_starting_at(ctx, ents, k, lim.max(k + 1).min(ctx.ft.tokens.len()))
}

/// A quote with no cue of its own: a cue in the previous sentence of its line, or in the
/// previous line when that line ends with a colon (`He added:`).
fn intro_cue(ctx: &Ctx, ents: &Entities, n: usize) -> Option<(Cue, Cand)> {
    let ft = ctx.ft;
    let q = &ctx.speech[n];
    let ((bs, _), _) = windows(ctx, n);
    let line_tok = ft.token_index_at(q.line.0);
    let (hi, lo_bound) = if bs > line_tok {
        // the sentence before, in this line, after any earlier quote
        let prev_close = n.checked_sub(1).map(|p| &ctx.speech[p]).filter(|p| p.line == q.line).map(|p| p.close_end).unwrap_or(q.line.0);
        (bs.saturating_sub(1), ft.token_index_at(prev_close).max(line_tok))
    } else {
        let pe = previous_line_end(ft, q.line.0)?;
        if !matches!(ft.chars[pe - 1], ':') {
            return None;
        }
        // previous line must hold no quote after its colon
        let k = ft.token_index_at(pe);
        (k.saturating_sub(1), 0)
    };
    let mut lo = hi;
    while lo > lo_bound && hi - lo < 40 {
        if matches!(ctx.punct(lo - 1), Some('.' | '!' | '?' | ';')) {
            break;
        }
        if ctx.in_speech(ft.tokens[lo - 1].start) {
            break;
        }
        lo -= 1;
    }
    for k in (lo..hi).rev() {
        if let Some(c) = cue_at(ctx, k, hi) {
            if c.according {
                return Some((c, subject_right(ctx, ents, k + 2, hi)?));
            }
            let cand = subject_left(ctx, ents, k, lo).or_else(|| {
                if NOT_INVERTIBLE.contains(&ctx.lw(k).as_str()) {
                    None
                } else {
                    subject_right(ctx, ents, k + 1, hi)
                }
            })?;
            return Some((c, cand));
        }
    }
    None
}

/// Turns a candidate into an entity: `(speaker, mention, method, confidence)`.
fn resolve(
    ctx: &mut Ctx,
    ents: &mut Entities,
    cand: Cand,
    pos: usize,
    last_speaker: Option<(EntityId, usize)>,
) -> Option<(EntityId, Span, &'static str, f32)> {
    match cand {
        Cand::Ent(id, sp) => {
            // a person known only by a surname, whose full name the entity step missed earlier
            let single = ents.list.get(id).is_some_and(|e| e.kind == StakeholderKind::Person && !e.name.contains(' '));
            if single {
                let sur = ents.list[id].name.clone();
                let full = name_runs_before(ctx, ents, sp.start, 400)
                    .into_iter()
                    .find(|(fsp, n, _)| n.contains(' ') && n.split(' ').next_back() == Some(sur.as_str()) && ents.mention_at(ctx.field, fsp.start).is_none());
                if let Some((fsp, n, g)) = full {
                    if ents.resolve_name(&n).is_none() {
                        let e = &mut ents.list[id];
                        e.aliases.push(std::mem::replace(&mut e.name, n));
                        if e.gender.is_none() {
                            e.gender = g;
                            if let Some(slot) = ctx.gender.get_mut(id) {
                                *slot = slot.or(g);
                            }
                        }
                        ents.add_mention(EntityMention { field: ctx.field, start: fsp.start, end: fsp.end, entity: id, form: MentionForm::FullName });
                    }
                }
            }
            Some((id, sp, "cue", 0.9))
        }
        Cand::Pron(sp, Pron::It) => {
            // "it said": the body that spoke last or that the paragraph is about
            let para = ctx.ft.paragraph_at(sp.start);
            let floor = ctx.ft.paragraphs.get(para.saturating_sub(2)).map(|p| p.0).unwrap_or(0);
            let id = descriptions::resolve_it(ents, ctx.ft, sp.start, floor, last_speaker.map(|l| l.0))?;
            Some((id, sp, "pronoun", 0.65))
        }
        Cand::Pron(sp, p) => {
            // "A witness, who asked not to be named, ... 'They ran,' she said": the unnamed
            // person just introduced, not the last one named
            if matches!(p, Pron::He | Pron::She) && unnamed_person_since_last_name(ctx, ents, sp.start) {
                return None;
            }
            if let Some(id) = resolve_pronoun(ctx, ents, sp.start, p, last_speaker) {
                return Some((id, sp, "pronoun", 0.75));
            }
            if !matches!(p, Pron::He | Pron::She) {
                return None;
            }
            // no person known: a personal name written shortly before that the entity step missed
            let want = if p == Pron::He { Gender::Male } else { Gender::Female };
            let (nsp, name, g) = name_runs_before(ctx, ents, sp.start, 120).into_iter().find(|(_, _, g)| g.is_none_or(|g| g == want))?;
            let id = ents.add_entity(Entity {
                name: name.clone(),
                kind: StakeholderKind::Person,
                role: None,
                aliases: vec![name],
                affiliations: vec![],
                gender: g.or(Some(want)),
            });
            ctx.gender.push(g.or(Some(want)));
            ents.add_mention(EntityMention { field: ctx.field, start: nsp.start, end: nsp.end, entity: id, form: MentionForm::FullName });
            Some((id, sp, "pronoun", 0.55))
        }
        Cand::Desc(sp) => {
            let d = ctx.ft.slice(sp.start, sp.end);
            let definite = d.split_whitespace().next().is_some_and(|w| w.eq_ignore_ascii_case("the"));
            // "the court said", "the company said": the body in focus
            if definite {
                if let Some(id) = descriptions::resolve_body(ents, ctx.field, sp.start, &d).or_else(|| descriptions::retype_as_body(ents, ctx.ft, sp.start, &d)) {
                    ents.add_mention(EntityMention { field: ctx.field, start: sp.start, end: sp.end, entity: id, form: MentionForm::Description });
                    return Some((id, sp, "description", 0.7));
                }
            }
            let id = ents
                .resolve_description(&d, ctx.field, pos)
                .or_else(|| describe_fallback(ctx, ents, &d, sp.start))
                .or_else(|| {
                    // "A senior official, who spoke on condition of anonymity, ... the official
                    // said": an unnamed source, not the last person quoted
                    if definite && !introduced_unnamed(ctx, &d, sp.start) {
                        resolve_pronoun(ctx, ents, sp.start, Pron::Any, last_speaker)
                    } else {
                        None
                    }
                });
            if let Some(id) = id {
                return Some((id, sp, "description", 0.65));
            }
            // "a spokesperson told …", "one patient who received the leaflet said": an
            // unnamed source of its own, never the nearest name
            let id = descriptions::unnamed_source(ents, ctx.ft, sp)?;
            if ctx.gender.len() < ents.list.len() {
                ctx.gender.resize(ents.list.len(), None);
            }
            Some((id, sp, "unnamed", 0.6))
        }
        Cand::Name(sp) => {
            let surface = ctx.ft.slice(sp.start, sp.end);
            let bare = strip_honorifics(&surface);
            if bare.is_empty() || bare.chars().count() < 2 {
                return None;
            }
            if let Some(id) = ents.resolve_name(&surface).or_else(|| ents.resolve_name(bare)) {
                ents.add_mention(EntityMention { field: ctx.field, start: sp.start, end: sp.end, entity: id, form: MentionForm::Surname });
                return Some((id, sp, "cue", 0.85));
            }
            // a surname alone: the full name written earlier ("Sergey Lavrov" ... "Lavrov")
            let full = if !bare.contains(' ') {
                name_runs_before(ctx, ents, sp.start, 400).into_iter().find(|(_, n, _)| n.split(' ').next_back() == Some(bare) && n.contains(' '))
            } else {
                None
            };
            if let Some((_, n, _)) = &full {
                if let Some(id) = ents.resolve_name(n) {
                    ents.add_mention(EntityMention { field: ctx.field, start: sp.start, end: sp.end, entity: id, form: MentionForm::Surname });
                    return Some((id, sp, "cue", 0.85));
                }
            }
            let bare = full.as_ref().map(|(_, n, _)| n.as_str()).unwrap_or(bare);
            let g = honorific_gender(&surface).or_else(|| full.as_ref().and_then(|f| f.2)).or_else(|| first_name_gender(bare));
            let id = ents.add_entity(Entity {
                name: bare.to_string(),
                kind: StakeholderKind::Person,
                role: None,
                aliases: if bare == surface { vec![bare.to_string()] } else { vec![bare.to_string(), surface.clone()] },
                affiliations: vec![],
                gender: g,
            });
            ctx.gender.push(g);
            let form = if bare.contains(' ') && full.is_none() { MentionForm::FullName } else { MentionForm::Surname };
            ents.add_mention(EntityMention { field: ctx.field, start: sp.start, end: sp.end, entity: id, form });
            if let Some((fsp, _, _)) = full {
                ents.add_mention(EntityMention { field: ctx.field, start: fsp.start, end: fsp.end, entity: id, form: MentionForm::FullName });
            }
            Some((id, sp, "cue", 0.75))
        }
    }
}

fn strip_honorifics(s: &str) -> &str {
    let mut s = s.trim();
    loop {
        let before = s;
        for h in HONORIFICS {
            if let Some(rest) = s.strip_prefix(h) {
                if rest.starts_with(' ') {
                    s = rest.trim_start();
                }
            }
        }
        if s == before {
            return s;
        }
    }
}

fn honorific_gender(s: &str) -> Option<Gender> {
    let first = s.split_whitespace().next()?;
    match first.trim_end_matches('.') {
        "Mr" | "Sir" | "Lord" => Some(Gender::Male),
        "Mrs" | "Ms" | "Miss" | "Dame" | "Lady" | "Madam" => Some(Gender::Female),
        _ => None,
    }
}

fn first_name_gender(name: &str) -> Option<Gender> {
    let mut parts = name.split_whitespace();
    let first = parts.next()?;
    parts.next()?; // a single word is a surname
    super::lexicon::given_name_gender(first).map(|m| if m { Gender::Male } else { Gender::Female })
}

/// Each entity's gender: the entity step's, else an honorific before a mention, else the
/// first name.
fn infer_gender(doc: &Doc, ents: &Entities) -> Vec<Option<Gender>> {
    let mut g: Vec<Option<Gender>> = ents.list.iter().map(|e| e.gender.or_else(|| first_name_gender(&e.name))).collect();
    for m in &ents.mentions {
        if g.get(m.entity).is_some_and(|x| x.is_some()) {
            continue;
        }
        let ft = doc.field(m.field);
        let from = m.start.saturating_sub(5);
        let before = ft.slice(from, m.end);
        let hon = before.rsplit(|c: char| !c.is_alphabetic() && c != '.').find(|w| !w.is_empty()).unwrap_or("");
        let _ = hon;
        let pre = ft.slice(from, m.start);
        let pre = pre.trim_end();
        let word = pre.rsplit(' ').next().unwrap_or("");
        let mention_text = ft.slice(m.start, m.end);
        if let Some(x) = honorific_gender(word).or_else(|| honorific_gender(&mention_text)) {
            if let Some(slot) = g.get_mut(m.entity) {
                *slot = Some(x);
            }
        }
    }
    g
}

/// `he`/`she`/`they` at `pos`: a recent entity outside quotes, agreeing in gender,
/// preferring sentence subjects and the last speaker.
fn resolve_pronoun(ctx: &Ctx, ents: &Entities, pos: usize, p: Pron, last_speaker: Option<(EntityId, usize)>) -> Option<EntityId> {
    let ft = ctx.ft;
    if matches!(p, Pron::First | Pron::It) {
        return None;
    }
    let para = ft.paragraph_at(pos);
    let floor = ft.paragraphs.get(para.saturating_sub(3)).map(|p| p.0).unwrap_or(0);
    let cur_sent = ft.sentence_at(pos).unwrap_or(0);
    // another person made the subject of a sentence after the last speaker's quote: the
    // story has moved on to them, and the last speaker is no longer the default
    let fits = |m: &EntityMention| {
        let g = ctx.gender.get(m.entity).copied().flatten();
        ents.list.get(m.entity).is_some_and(|e| e.kind == StakeholderKind::Person)
            && !matches!((p, g), (Pron::He, Some(Gender::Female)) | (Pron::She, Some(Gender::Male)))
            && !ctx.in_speech(m.start)
            && !ents.is_modifier(m)
    };
    let moved_on = last_speaker.is_some_and(|(id, at)| {
        matches!(p, Pron::He | Pron::She)
            && ents.mentions_before(ctx.field, pos).take(40).take_while(|m| m.start > at).any(|m| m.entity != id && fits(m) && is_subject_position(ctx, ents, m))
    });
    let mut best: Option<(f32, EntityId)> = None;
    for (n, m) in ents.mentions_before(ctx.field, pos).take(40).enumerate() {
        if m.start < floor {
            break;
        }
        if ctx.in_speech(m.start) {
            continue;
        }
        let Some(e) = ents.list.get(m.entity) else { continue };
        let person = e.kind == StakeholderKind::Person;
        let ok = match p {
            Pron::He | Pron::She | Pron::Any => person,
            Pron::They => !person,
            Pron::First | Pron::It => false,
        };
        if !ok || ents.is_modifier(m) {
            continue;
        }
        // gender agreement is a strong preference, not a filter (lexicons guess wrong)
        let g = ctx.gender.get(m.entity).copied().flatten();
        let clash = matches!((p, g), (Pron::He, Some(Gender::Female)) | (Pron::She, Some(Gender::Male)));
        let sd = cur_sent.saturating_sub(ft.sentence_at(m.start).unwrap_or(0)) as f32;
        let subj = is_subject_position(ctx, ents, m);
        let ls = !moved_on && last_speaker.is_some_and(|(id, at)| id == m.entity && pos.saturating_sub(at) < 1500);
        let poss = if is_possessive(ft, m.end) { 1.0 } else { 0.0 };
        // "X met Y after the front-runner said": a description in X's own sentence is not X
        let own_subject = p == Pron::Any && sd == 0.0 && subj;
        let score = -sd + if subj { 1.2 } else { 0.0 } - if own_subject { 1.5 } else { 0.0 } + if ls { 1.5 } else { 0.0 } - poss - if clash { 3.0 } else { 0.0 } - n as f32 * 0.01;
        if best.is_none_or(|(b, _)| score > b) {
            best = Some((score, m.entity));
        }
    }
    if best.is_none() {
        if let Some((id, at)) = last_speaker {
            if pos.saturating_sub(at) < 1500 && matches!(p, Pron::He | Pron::She) {
                return Some(id);
            }
        }
    }
    best.map(|(_, id)| id)
}

/// Is the mention the subject of its sentence (first thing in it, or right before a verb)?
fn is_subject_position(ctx: &Ctx, ents: &Entities, m: &EntityMention) -> bool {
    let ft = ctx.ft;
    let k = ft.token_index_at(m.start);
    if let Some(si) = ft.sentence_at(m.start) {
        let s = ft.sentences[si].start;
        let ks = ft.token_index_at(s);
        if k <= ks + 6 && !is_possessive(ft, m.end) && ents.mentions_in(ctx.field, s, m.start).all(|o| is_possessive(ft, o.end)) {
            return true;
        }
    }
    let mut j = ft.token_index_at(m.end);
    while j < ft.tokens.len() && j < k + 8 && ctx.is_word(j) && SKIP_BETWEEN.contains(&ctx.lw(j).as_str()) {
        j += 1;
    }
    j < ft.tokens.len() && ctx.is_word(j) && is_speech_word(&ctx.lw(j))
}

/// Nouns for a person the text does not name ("a witness", "a local resident").
const UNNAMED_PERSON_NOUNS: Words = Words(
    "witness|woman|man|resident|neighbour|neighbor|passenger|bystander|source|official|worker|employee|student|\
     parent|mother|father|friend|relative|member|shopper|driver|customer|voter|protester|nurse|doctor|teacher|survivor|victim",
);

/// Between the last person named before `pos` and `pos`, does a sentence begin with an
/// indefinite person ("A witness", "A local resident, who asked not to be named,")? A he/she
/// after it most likely means that unnamed person.
fn unnamed_person_since_last_name(ctx: &Ctx, ents: &Entities, pos: usize) -> bool {
    let ft = ctx.ft;
    let para = ft.paragraph_at(pos);
    let floor = ft.paragraphs.get(para).map(|p| p.0).unwrap_or(0);
    let from = ents
        .mentions_before(ctx.field, pos)
        .find(|m| ents.list[m.entity].kind == StakeholderKind::Person)
        .map_or(floor, |m| m.end.max(floor));
    let toks = ft.tokens_in(from, pos);
    toks.iter().enumerate().any(|(i, t)| {
        let w = ft.token_text(t);
        if !matches!(w.as_str(), "A" | "An") {
            return false;
        }
        // a sentence start: the paragraph's first word, or after . ! ? (and a closing quote)
        let starts = ft.token_index_at(t.start) == 0
            || ft.paragraphs.iter().any(|p| p.0 == t.start)
            || ft.chars[..t.start].iter().rev().find(|c| !c.is_whitespace() && !matches!(c, '”' | '"' | '’')).is_some_and(|c| matches!(c, '.' | '!' | '?'));
        starts && toks.iter().skip(i + 1).take(3).any(|n| UNNAMED_PERSON_NOUNS.contains(&ft.token_text(n).lower().as_str()))
    })
}

/// Was the head noun of the definite description `desc` ("the official") introduced shortly
/// before `pos` by an indefinite one ("a senior US official")? Then it is an unnamed source.
fn introduced_unnamed(ctx: &Ctx, desc: &str, pos: usize) -> bool {
    let Some(head) = desc.split_whitespace().next_back().map(|w| w.lower()) else { return false };
    let toks = ctx.ft.tokens_in(pos.saturating_sub(400), pos);
    let words: Vec<String> = toks.iter().map(|t| ctx.ft.token_text(t).lower()).collect();
    words.iter().enumerate().any(|(i, w)| {
        matches!(w.as_str(), "a" | "an") && words.iter().skip(i + 1).take(5).any(|x| *x == head)
    })
}

/// A description the entity step could not resolve: the person the text gives that title
/// ("the vice president" -> the mention written "Vice President JD Vance").
fn describe_fallback(ctx: &Ctx, ents: &Entities, desc: &str, pos: usize) -> Option<EntityId> {
    let words: Vec<String> = desc
        .split_whitespace()
        .filter(|w| w.chars().next().is_some_and(|c| c.is_lowercase()))
        .map(|w| w.lower())
        .filter(|w| !DETERMINERS.contains(&w.as_str()) && !w.ends_with("’s") && !w.ends_with("'s"))
        .collect();
    if words.is_empty() {
        return None;
    }
    let key = words.join(" ");
    let is_person = |id: EntityId| ents.list.get(id).is_some_and(|e| e.kind == StakeholderKind::Person);
    if let Some(i) = ents.list.iter().position(|e| e.kind == StakeholderKind::Person && e.role.as_ref().is_some_and(|(r, _)| r.lower().ends_with(&key))) {
        return Some(i);
    }
    let titled = |ft: &FieldText, m: &EntityMention| {
        let n = key.chars().count() + 2;
        let pre = ft.slice(m.start.saturating_sub(n), m.start).lower();
        let pre = pre.trim_end();
        pre.ends_with(&key) || ft.slice(m.start, m.end).lower().contains(&format!("{key} "))
    };
    // nearest before, in this field
    for m in ents.mentions_before(ctx.field, pos).take(300) {
        if is_person(m.entity) && titled(ctx.ft, m) {
            return Some(m.entity);
        }
    }
    // anywhere in the body (headlines describe people the body names)
    for m in ents.mentions.iter().filter(|m| m.field == Field::Body).take(300) {
        if is_person(m.entity) && titled(&ctx.doc.body, m) {
            return Some(m.entity);
        }
    }
    None
}
