//! Candidates to entities: names, pronouns (gender and salience), descriptions and unnamed
//! sources.

use super::*;

/// Turns a candidate into an entity: `(speaker, mention, method, confidence)`.
pub(super) fn resolve(
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
                if definite {
                    described_role(ctx, ents, id, sp);
                }
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

pub(super) fn strip_honorifics(s: &str) -> &str {
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

pub(super) fn honorific_gender(s: &str) -> Option<Gender> {
    let first = s.split_whitespace().next()?;
    match first.trim_end_matches('.') {
        "Mr" | "Sir" | "Lord" => Some(Gender::Male),
        "Mrs" | "Ms" | "Miss" | "Dame" | "Lady" | "Madam" => Some(Gender::Female),
        _ => None,
    }
}

pub(super) fn first_name_gender(name: &str) -> Option<Gender> {
    let mut parts = name.split_whitespace();
    let first = parts.next()?;
    parts.next()?; // a single word is a surname
    crate::analysis::lexicon::given_name_gender(first).map(|m| if m { Gender::Male } else { Gender::Female })
}

/// Each entity's gender: the entity step's, else an honorific before a mention, else the
/// first name.
pub(super) fn infer_gender(doc: &Doc, ents: &Entities) -> Vec<Option<Gender>> {
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
pub(super) fn resolve_pronoun(ctx: &Ctx, ents: &Entities, pos: usize, p: Pron, last_speaker: Option<(EntityId, usize)>) -> Option<EntityId> {
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
        // "Still, he gave Mr. Rickford marks ... 'We really need that,' he said": a person named
        // after a pronoun of the same gender in their sentence is that pronoun's object; the
        // pronoun (the story's subject) is the more salient antecedent
        let object_of_pronoun = !subj
            && matches!(p, Pron::He | Pron::She)
            && ft.sentence_at(m.start).is_some_and(|si| {
                let s0 = ft.token_index_at(ft.sentences[si].start);
                let k = ft.token_index_at(m.start);
                let word = if p == Pron::He { "he" } else { "she" };
                (s0..k).any(|j| ctx.is_word(j) && ctx.lw(j) == word && !ctx.in_speech(ft.tokens[j].start))
            });
        let score = -sd + if subj { 1.2 } else { 0.0 } - if own_subject { 1.5 } else { 0.0 } + if ls { 1.5 } else { 0.0 } - poss - if clash { 3.0 } else { 0.0 } - if object_of_pronoun { 2.0 } else { 0.0 } - n as f32 * 0.01;
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
pub(super) fn is_subject_position(ctx: &Ctx, ents: &Entities, m: &EntityMention) -> bool {
    let ft = ctx.ft;
    let k = ft.token_index_at(m.start);
    if let Some(si) = ft.sentence_at(m.start) {
        let s = ft.sentences[si].start;
        let ks = ft.token_index_at(s);
        // ("Still, he gave Mr. Rickford marks": a pronoun before it is the subject)
        let pronoun_first = (ks..k).any(|j| ctx.is_word(j) && matches!(ctx.lw(j), "he" | "she" | "they" | "i" | "we" | "it"));
        // ("The 25-year-old, who shares daughter Bambi with …": a name inside a relative
        // clause or after a verb is an object, not the sentence's subject)
        let clause_inside = (ks..k).any(|j| ctx.is_word(j) && (matches!(ctx.lw(j), "who" | "whose" | "whom" | "which") || ft.verbs.get(j).copied().flatten().is_some()));
        let pronoun_first = pronoun_first || clause_inside;
        // (a mention before it that is only a modifier of its title is no other subject: "Love
        // Island star Molly-Mae Hague", "Tory MP David Jones")
        let own_title = |o: &EntityMention| ents.list.get(m.entity).and_then(|e| e.role.as_ref()).is_some_and(|(_, r)| r.start <= o.start && o.end <= r.end);
        if k <= ks + 6 && !pronoun_first && !is_possessive(ft, m.end) && ents.mentions_in(ctx.field, s, m.start).all(|o| is_possessive(ft, o.end) || ents.is_modifier(o) || own_title(o)) {
            return true;
        }
    }
    let mut j = ft.token_index_at(m.end);
    while j < ft.tokens.len() && j < k + 8 && ctx.is_word(j) && SKIP_BETWEEN.contains(&ctx.lw(j)) {
        j += 1;
    }
    j < ft.tokens.len() && ctx.is_word(j) && is_speech_word(&ctx.lw(j))
}

/// Nouns for a person the text does not name ("a witness", "a local resident").
pub(super) const UNNAMED_PERSON_NOUNS: Words = Words(
    "witness|woman|man|resident|neighbour|neighbor|passenger|bystander|source|official|worker|employee|student|\
     parent|mother|father|friend|relative|member|shopper|driver|customer|voter|protester|nurse|doctor|teacher|survivor|victim",
);

/// Between the last person named before `pos` and `pos`, does a sentence begin with an
/// indefinite person ("A witness", "A local resident, who asked not to be named,")? A he/she
/// after it most likely means that unnamed person.
pub(super) fn unnamed_person_since_last_name(ctx: &Ctx, ents: &Entities, pos: usize) -> bool {
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
        starts && toks.iter().skip(i + 1).take(3).any(|n| UNNAMED_PERSON_NOUNS.contains(&ft.lower_of(n)))
    })
}

/// Was the head noun of the definite description `desc` ("the official") introduced shortly
/// before `pos` by an indefinite one ("a senior US official")? Then it is an unnamed source.
pub(super) fn introduced_unnamed(ctx: &Ctx, desc: &str, pos: usize) -> bool {
    let Some(head) = desc.split_whitespace().next_back().map(|w| w.lower()) else { return false };
    let toks = ctx.ft.tokens_in(pos.saturating_sub(400), pos);
    let words: Vec<String> = toks.iter().map(|t| ctx.ft.lower_of(t).to_string()).collect();
    words.iter().enumerate().any(|(i, w)| {
        matches!(w.as_str(), "a" | "an") && words.iter().skip(i + 1).take(5).any(|x| *x == head)
    })
}

/// A description the entity step could not resolve: the person the text gives that title
/// ("the vice president" -> the mention written "Vice President JD Vance").
/// "…," the Arsenal manager said: a person without a role, resolved from a definite
/// description headed by an office, takes it as the role ("Arsenal manager"), and works for the
/// bodies named in it.
fn described_role(ctx: &Ctx, ents: &mut Entities, id: EntityId, sp: Span) {
    let d = ctx.ft.slice(sp.start, sp.end);
    let words: Vec<&str> = d.split_whitespace().collect();
    let Some(head) = words.last().map(|w| w.lower()) else { return };
    use crate::analysis::lexicon;
    if words.len() < 2 || !(lexicon::CORPORATE_TITLES.contains(&head.as_str()) || lexicon::TITLES.contains(&head.as_str())) {
        return;
    }
    if !ents.list.get(id).is_some_and(|e| e.kind == StakeholderKind::Person && e.role.is_none()) {
        return;
    }
    let start = sp.start + words[0].chars().count() + 1;
    let bodies: Vec<EntityId> = ents.mentions_in(ctx.field, start, sp.end).map(|m| m.entity).filter(|&b| b != id && descriptions::is_body(ents.list[b].kind)).collect();
    ents.list[id].role = Some((ctx.ft.slice(start, sp.end), Span::new(ctx.field, start, sp.end)));
    for b in bodies {
        ents.affiliate(id, b);
    }
}

pub(super) fn describe_fallback(ctx: &Ctx, ents: &Entities, desc: &str, pos: usize) -> Option<EntityId> {
    let words: Vec<String> = desc
        .split_whitespace()
        .filter(|w| w.chars().next().is_some_and(|c| c.is_lowercase()))
        .map(|w| w.lower())
        .filter(|w| !DETERMINERS.contains(&w.as_str()) && !w.ends_with("’s") && !w.ends_with("'s"))
        .collect();
    // ("a source close to Tommy Fury": a person beside the one named, never that one)
    if words.is_empty() || words.iter().any(|w| matches!(w.as_str(), "close" | "familiar" | "to" | "with" | "near")) {
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
