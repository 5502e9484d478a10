//! The speaker mention a cue points at: the subject to its left or right, past relative
//! clauses, appositives and participles; names, pronouns and descriptions as candidates.

use super::*;

/// The subject at the start of a clause `[from, to)`: its first mention, pronoun or name.
pub(super) fn first_subject(ctx: &Ctx, ents: &Entities, from: usize, to: usize) -> Option<Cand> {
    let k = from;
    if k >= to {
        return None;
    }
    cand_starting_at(ctx, ents, k, to)
}

/// After a participle with no finite cue: the subject opening the sentence, else the
/// nearest person mention before it, else a capitalised name after a clause break.
pub(super) fn participle_subject(ctx: &Ctx, ents: &Entities, k: usize, floor: usize) -> Option<Cand> {
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
            let prev_ok = i == floor || matches!(ctx.punct(i - 1), Some(',')) || ctx.is_word(i - 1) && !ctx.is_cap(i - 1) && !DETERMINERS.contains(&ctx.lw(i - 1)) && !matches!(ctx.lw(i - 1), "of" | "in" | "on" | "at" | "to" | "for" | "from" | "with" | "by" | "about" | "after" | "before");
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

pub(super) fn is_possessive(ft: &FieldText, end: usize) -> bool {
    end + 1 < ft.chars.len() && matches!(ft.chars[end], '’' | '\'') && matches!(ft.chars[end + 1], 's' | 'S')
        || end < ft.chars.len() && matches!(ft.chars[end], '’' | '\'') && end > 0 && ft.chars[end - 1] == 's'
}

/// A French verb with its subject pronoun after it ("dit-il", "a-t-elle", "estime-t-il"): the
/// verb part and the pronoun, with the pronoun's length in chars.
pub(super) fn inverted_pronoun(w: &str) -> Option<(&str, Pron, usize)> {
    for (suffix, p, n) in [("-t-elles", Pron::They, 5), ("-t-ils", Pron::They, 3), ("-t-elle", Pron::She, 4), ("-t-il", Pron::He, 2), ("-elles", Pron::They, 5), ("-ils", Pron::They, 3), ("-elle", Pron::She, 4), ("-il", Pron::He, 2)] {
        if let Some(verb) = w.strip_suffix(suffix) {
            if !verb.is_empty() && !verb.contains('-') {
                return Some((verb, p, n));
            }
        }
    }
    None
}

/// The pronoun subject a French inversion gives the verb at token `k`: in the cue itself
/// ("…», dit-il") or in the auxiliary before it ("…», a-t-elle affirmé").
fn inverted_subject(ctx: &Ctx, k: usize, floor: usize) -> Option<Cand> {
    let at = |i: usize| {
        let (verb, p, n) = inverted_pronoun(ctx.lw(i))?;
        let t = ctx.ft.tokens[i];
        Some((verb, Cand::Pron(Span::new(ctx.field, t.end - n, t.end), p)))
    };
    if let Some((_, c)) = at(k).filter(|(v, _)| FOREIGN_SPEECH_VERBS.contains(v)) {
        return Some(c);
    }
    if k > floor && FOREIGN_SPEECH_VERBS.contains(&ctx.lw(k)) {
        return at(k - 1).filter(|(v, _)| matches!(*v, "a" | "avait" | "aurait")).map(|(_, c)| c);
    }
    None
}

/// Subject before the verb at token `k` (not before token `floor`).
pub(super) fn subject_left(ctx: &Ctx, ents: &Entities, k: usize, floor: usize) -> Option<Cand> {
    if let Some(c) = inverted_subject(ctx, k, floor) {
        return Some(c);
    }
    let mut j = k;
    while j > floor && ctx.is_word(j - 1) && SKIP_BETWEEN.contains(&ctx.lw(j - 1)) {
        j -= 1;
    }
    // "Bruno Le Maire, a affirmé", "Merz hat betont": a French or German auxiliary before a
    // foreign speech verb
    if j == k && j > floor && ctx.is_word(k) && FOREIGN_SPEECH_VERBS.contains(&ctx.lw(k)) && matches!(ctx.lw(j - 1), "a" | "avait" | "ont" | "avaient" | "aurait" | "hat" | "hatte" | "haben") {
        j -= 1;
        // "», a affirmé un porte-parole": only punctuation before the auxiliary, so the
        // subject follows the verb (French inversion after a quote)
        let closing = |i: usize| ctx.punct(i).is_some_and(|c| matches!(c, '»' | '”' | '"' | '“'));
        if j > floor && (closing(j - 1) || (ctx.punct(j - 1) == Some(',') && j >= 2 && closing(j - 2))) {
            return None;
        }
    }
    // adverbs in -ly
    while j > floor && ctx.is_word(j - 1) && !ctx.is_cap(j - 1) && ctx.lw(j - 1).ends_with("ly") && ctx.lw(j - 1).len() > 4 {
        j -= 1;
        while j > floor && ctx.is_word(j - 1) && SKIP_BETWEEN.contains(&ctx.lw(j - 1)) {
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
    if j > floor + 1 && ctx.is_word(j - 1) && matches!(ctx.lw(j - 1), "but" | "and") {
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
pub(super) fn relative_clause_subject(ctx: &Ctx, ents: &Entities, j: usize, floor: usize) -> Option<Cand> {
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
        if ctx.is_word(i) && matches!(ctx.lw(i), "who" | "which") && i > floor {
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
pub(super) fn subject_left_adjacent(ctx: &Ctx, ents: &Entities, k: usize, floor: usize) -> Option<Cand> {
    if k > floor && ctx.is_word(k - 1) {
        let c = cand_ending_at(ctx, ents, k - 1, floor)?;
        return matches!(c, Cand::Pron(..) | Cand::Ent(..)).then_some(c);
    }
    None
}

pub(super) fn is_quote_punct(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '”' | '‘' | '’' | '«' | '»' | '„' | '‚' | '‹' | '›' | '「' | '」' | '『' | '』')
}

/// The nearest mention (or pronoun) before token `j`, within a few tokens.
pub(super) fn nearest_mention(ctx: &Ctx, ents: &Entities, j: usize, floor: usize) -> Option<Cand> {
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
pub(super) fn cand_ending_at(ctx: &Ctx, ents: &Entities, j: usize, floor: usize) -> Option<Cand> {
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
    // "a source close to the couple told", "an official familiar with the talks said": the
    // person before the post-modifier, never a name inside it
    let post = (j.saturating_sub(6).max(floor + 1)..j).rev().find(|&k| post_modifier_at(ctx, k));
    if let Some(k) = post.filter(|&k| (k..=j).all(|x| ctx.is_word(x))) {
        if let Some(Cand::Desc(sp)) = cand_ending_at(ctx, ents, k - 1, floor) {
            return Some(Cand::Desc(Span::new(ctx.field, sp.start, t.end)));
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
    // ("the minister", "the boxer", "the pensioner", "the mum-of-two", "the 25-year-old",
    // "the chairman": a person described by role, description or age)
    let described = ROLE_NOUNS.contains(&lw.as_str()) || !ctx.is_cap(j) && (crate::analysis::lexicon::is_false_title(&lw, false) || age_noun(&lw));
    if described || lw.ends_with("man") && lw.len() > 5 && !ctx.is_cap(j) {
        // walk back over modifiers to a determiner or the line start
        let mut i = j;
        let lim = j.saturating_sub(6).max(floor);
        while i > lim {
            let w = ctx.lw(i - 1);
            if !ctx.is_word(i - 1) {
                break;
            }
            if DETERMINERS.contains(&w) || w.ends_with("’s") || w.ends_with("'s") {
                i -= 1;
                break;
            }
            if is_speech_word(&w) || SKIP_BETWEEN.contains(&w) || matches!(w, "and" | "or" | "but" | "that" | "of" | "for" | "in" | "on" | "at" | "to" | "by" | "with" | "from") {
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
            if DETERMINERS.contains(&w) {
                return Some(Cand::Desc(Span::new(ctx.field, ft.tokens[i - 1].start, t.end)));
            }
            if is_speech_word(&w) || SKIP_BETWEEN.contains(&w) || ends_noun_phrase(&w) {
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
pub(super) fn name_runs_before(ctx: &Ctx, ents: &Entities, pos: usize, max_tokens: usize) -> Vec<(Span, String, Option<Gender>)> {
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
pub(super) fn ends_noun_phrase(w: &str) -> bool {
    matches!(w, "and" | "or" | "but" | "that" | "of" | "for" | "in" | "on" | "at" | "to" | "by" | "with" | "from" | "who" | "which")
}

/// A title or role noun, also hyphenated ("general-secretary").
pub(super) fn is_title_word(w: &str) -> bool {
    ROLE_NOUNS.contains(&w) || crate::analysis::lexicon::TITLES.contains(&w) || w.split('-').any(|p| crate::analysis::lexicon::TITLES.contains(&p))
}

pub(super) fn is_member_word(w: &str) -> bool {
    let l = w.lower();
    !l.ends_with('s') && (l.ends_with("an") || l.ends_with("er") || l.ends_with("crat") || l.ends_with("on") || l.ends_with("ist"))
}

/// A candidate subject starting at token `k` (after an inverted verb: `said Vance`).
pub(super) fn cand_starting_at(ctx: &Ctx, ents: &Entities, k: usize, lim: usize) -> Option<Cand> {
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
        if r < lim && (r > e || is_possessive(ft, m.end)) && (e..r).any(|x| ROLE_NOUNS.contains(&ctx.lw(x))) || r == e && r < lim && is_possessive(ft, m.end) {
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
    if DETERMINERS.contains(&lw.as_str()) || role_noun(ctx, &lw) || !ctx.is_cap(k) && !is_speech_word(&lw) {
        // the description runs to its role noun ("the minister", "opposition leader Lars Holm")
        let mut i = k;
        while i < lim && i < k + 7 && ctx.is_word(i) {
            let w = ctx.lw(i);
            // "a source close to Tommy Fury", "a person familiar with the talks": the described
            // person, never a name in the post-modifier
            if i > k && i + 1 < lim && post_modifier_at(ctx, i) {
                let mut e = i + 1;
                while e + 1 < lim && e < i + 7 && ctx.is_word(e + 1) && !is_speech_word(&ctx.lw(e + 1)) {
                    e += 1;
                }
                return Some(Cand::Desc(Span::new(ctx.field, t.start, ft.tokens[e].end)));
            }
            if i > k && ctx.is_cap(i) && !role_noun(ctx, w) {
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
            if role_noun(ctx, w) {
                let mut e = i;
                while e + 1 < lim && ctx.is_word(e + 1) && role_noun(ctx, ctx.lw(e + 1)) {
                    e += 1;
                }
                // `the minister, Jane Doe,` / `the president's spokesman Josh Earnest`: the name wins;
                // also after the office's complement: `the minister of finance, Jan Novak,`,
                // `le ministre de l'Économie, Antoine Armand,`
                let mut c = e + 1;
                if c < lim && matches!(ctx.lw(c), "of" | "for" | "de" | "du" | "des" | "für") {
                    let mut x = c + 1;
                    while x < lim && x < c + 5 && ctx.is_word(x) && ents.mention_at(ctx.field, ft.tokens[x].start).is_none_or(|m| ents.list[m.entity].kind != StakeholderKind::Person) {
                        x += 1;
                    }
                    if x < lim && ctx.punct(x) == Some(',') {
                        c = x;
                    }
                }
                let nx = c + usize::from(c < lim && ctx.punct(c) == Some(','));
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

/// Does a post-modifier that keeps its noun's person apart from the one it names start at
/// token `k` ("close to", "familiar with": "a source close to Tommy Fury")?
pub(super) fn post_modifier_at(ctx: &Ctx, k: usize) -> bool {
    matches!(ctx.lw(k), "close" | "familiar") && matches!(ctx.lw(k + 1), "to" | "with")
}

/// "25-year-old", "54-year-old": a person by age, as news prose names one it has introduced.
fn age_noun(w: &str) -> bool {
    w.split_once("-year-old").is_some_and(|(n, rest)| rest.is_empty() && !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
}

/// A noun of a speaker's role in the article's language ("minister"; French "ministre",
/// "porte-parole"; German "Sprecherin", "Bundeskanzler").
fn role_noun(ctx: &Ctx, w: &str) -> bool {
    use crate::analysis::lexicon::lang;
    use crate::text::Lang;
    ROLE_NOUNS.contains(&w)
        || match ctx.ft.lang {
            Lang::Fr => lang::FR_TITLES.contains(&w),
            Lang::De => lang::de_title(w),
            Lang::En => false,
        }
}

/// Subject after an inverted verb or "according to", starting at token `k`.
pub(super) fn subject_right(ctx: &Ctx, ents: &Entities, k: usize, lim: usize) -> Option<Cand> {
    cand_starting_at(ctx, ents, k, lim.max(k + 1).min(ctx.ft.tokens.len()))
}
