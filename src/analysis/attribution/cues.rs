//! Speech cues: the verbs, participles and nouns that report speech, and where a cue stands
//! before or after a quote (`cue_at`, `find_cue`, `intro_cue`). Word lists are general English.

use super::*;

/// `shot back`, `pointed out`: verbs that are cues only with their particle.
pub(super) fn needs_particle(w: &str) -> Option<&'static [&'static str]> {
    match w {
        "pointed" => Some(&["out"]),
        "shot" | "fired" => Some(&["back"]),
        "chimed" | "weighed" => Some(&["in"]),
        "summed" => Some(&["up"]),
        "talked" | "talks" | "spoke" | "speaks" => Some(&["of", "about"]),
        "read" | "reads" => Some(&[":"]),
        _ => None,
    }
}

/// Words skipped between a subject and its verb ("Trump has repeatedly said").
pub(super) const SKIP_BETWEEN: Words = Words("\
    has|have|had|also|later|then|previously|once|again|would|will|could|might|may|did|does|do|not|never|\
    just|further|earlier|often|first|still|even|already|has|is|was|were|are|been|being|who|all|both|\
    himself|herself|themselves|too|since|soon|once|famously|then-|today|yesterday|tonight");

pub(super) const DETERMINERS: Words = Words("\
    the|a|an|his|her|their|its|our|this|that|one|another");

/// Nouns that head a description of a speaker ("the minister", "a spokesman").


/// Capitalised words that cannot be (part of) a speaker's name.
pub(super) const NOT_NAME: Words = Words("\
    The|A|An|In|On|At|But|And|Or|If|When|While|After|Before|Despite|Under|Over|This|That|These|Those|It|\
    He|She|They|We|I|You|His|Her|Their|Our|My|Its|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|\
    Sunday|January|February|March|April|May|June|July|August|September|October|November|December|What|\
    Look|Last|Next|For|From|With|As|Of|To|By|Police|Officials|Authorities|Critics|Experts|Analysts|\
    Witnesses|Residents|Sources|Observers|Investigators|Prosecutors|Officers|Protesters|Some|Many|\
    Others|Both|All|Everyone|Nobody|Someone|People|Later|Then|Asked|So|Yet|Still|Also|Now|Here|There|\
    Today|Yesterday|Earlier|However|Meanwhile|Instead");

pub(super) const HONORIFICS: Words = Words("\
    Mr.|Mrs.|Ms.|Miss|Dr.|Mr|Mrs|Ms|Dr|Sen.|Rep.|Gov.|Prof.|Sir|Dame|Lord|Lady|Gen.|Col.|Lt.|Sgt.|Capt.|\
    Rev.|Hon.|Pres.|Amb.|Sec.|Madam");

/// Is token `k` a speech cue (and not a noun such as "a warning")?
pub(super) fn cue_at(ctx: &Ctx, k: usize, lim: usize) -> Option<Cue> {
    if !ctx.is_word(k) {
        return None;
    }
    let w = ctx.lw(k);
    let t = ctx.ft.tokens[k];
    if w == "according" && k + 1 < lim && ctx.lw(k + 1) == "to" {
        let e = ctx.ft.tokens[k + 1].end;
        return Some(Cue { k, span: Span::new(ctx.field, t.start, e), participle: false, according: true });
    }
    // French "selon", German "laut": "according to"
    if matches!(w, "selon" | "laut") {
        return Some(Cue { k, span: Span::new(ctx.field, t.start, t.end), participle: false, according: true });
    }
    // "dit-il", "affirme-t-elle": a French speech verb with its subject pronoun after it
    let w = match super::subjects::inverted_pronoun(w) {
        Some((verb, _, _)) if FOREIGN_SPEECH_VERBS.contains(&verb) => verb,
        _ => w,
    };
    if !is_speech_word(&w) || ctx.is_cap(k) {
        // "United States" is no verb
        return None;
    }
    // ("a déclaré": the French auxiliary, not the English article)
    if k > 0 && ctx.is_word(k - 1) && !FOREIGN_SPEECH_VERBS.contains(&w) {
        // "a warning", "Vance’s comments": nouns, not verbs
        let prev = ctx.lw(k - 1);
        if DETERMINERS.contains(&prev) || prev.ends_with("’s") || prev.ends_with("'s") || matches!(prev, "my" | "your" | "these" | "those" | "such" | "no" | "some" | "any" | "whose" | "new" | "recent" | "earlier" | "later" | "public" | "latest") {
            return None;
        }
    }
    if k > 0 && ctx.punct(k - 1).is_some_and(|c| matches!(c, '’' | '\'')) && k > 1 && ctx.lw(k - 2).ends_with('s') {
        return None; // "Sanders’ comments"
    }
    let mut end = t.end;
    if let Some(parts) = needs_particle(&w) {
        if k + 1 >= ctx.ft.tokens.len() || !parts.contains(&ctx.lw(k + 1)) {
            return None;
        }
        end = ctx.ft.tokens[k + 1].end;
    }
    let participle = is_participle(&w);
    Some(Cue { k, span: Span::new(ctx.field, t.start, end), participle, according: false })
}

/// The subject left of cue `c` (within `lo..`), else, for a verb that can be inverted ("said
/// Sanders"), right of it (up to `hi`).
fn left_then_right(ctx: &Ctx, ents: &Entities, c: &Cue, lo: usize, hi: usize) -> Option<Cand> {
    subject_left(ctx, ents, c.k, lo).or_else(|| if is_not_invertible(ctx.lw(c.k)) { None } else { subject_right(ctx, ents, c.k + 1, hi) })
}

/// The cue for quote `n` and its subject.
pub(super) fn find_cue(ctx: &Ctx, ents: &Entities, n: usize) -> Option<(Cue, Cand)> {
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
            subject_right(ctx, ents, c.after(ctx), ae)
        } else if words == 0 && !is_not_invertible(ctx.lw(c.k)) {
            subject_right(ctx, ents, c.k + 1, ae).or_else(|| subject_left(ctx, ents, c.k, as_))
        } else {
            left_then_right(ctx, ents, &c, as_, ae)
        };
        let cand = if c.participle && cand.is_none() { participle_subject(ctx, ents, c.k, as_) } else { cand };
        Some((c, cand?))
    };
    let try_before = |ctx: &Ctx| -> Option<(Cue, Cand)> {
        let c = before_cue?;
        let cand = if c.according {
            subject_right(ctx, ents, c.after(ctx), be)
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
            left_then_right(ctx, ents, &c, bs, be)
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
            if !ctx.is_word(k) || !SPEECH_NOUNS.contains(&ctx.lw(k)) || k == bs {
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

/// A quote with no cue of its own: a cue in the previous sentence of its line, or in the
/// previous line when that line ends with a colon (`He added:`).
pub(super) fn intro_cue(ctx: &Ctx, ents: &Entities, n: usize) -> Option<(Cue, Cand)> {
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
                if is_not_invertible(ctx.lw(k)) {
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
