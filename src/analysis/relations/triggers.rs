//! Stance verbs and nouns (the trigger table, packed as data) and the rule that reads a verb's
//! subject and object, in active and passive voice, with negation.

use super::*;
use crate::text::VerbForm;
use super::lexicon::verbs;

/// Stance verbs and what they mean, packed as `phrase=code|` (no pointer and length per entry in
/// the wasm data). A phrase's first word is a verb's lemma and takes any of its forms (the verb
/// lexicon, `lexicon/verbs.rs`, finds it: "accused", "accuses", "accusing" are `accuse`); the
/// words after it are matched as written. Codes: r rules out, o opposes, c criticises,
/// s supports, p proposes, e expects, d demands, h hosts, m meets, a accuses, g praises,
/// f sanctions (fines), u sues (sues, charges), n negotiates with, j joins or works for (an
/// affiliation, taken only from a person to an organisation: "joined Acme", "signed for Leeds").
pub(super) const TRIGGER_TEXT: &str = "\
    rule out=r|exclude=r|dismiss=o|reject=o|oppose=o|veto=o|block=o|resist=o|object to=o|threaten=o|\
    challenge=o|vote against=o|campaign against=o|declare war on=o|cut ties with=o|criticise=c|criticize=c|\
    condemn=c|slam=c|blast=c|attack=c|denounce=c|lambast=c|mock=c|deride=c|rebuke=c|lash out at=c|\
    hit out at=c|take aim at=c|confront=c|censure=c|reprimand=c|scold=c|chide=c|ridicule=c|fault=c|\
    accuse=a|blame=a|support=s|back=s|endorse=s|defend=s|stand with=s|stand by=s|side with=s|vote for=s|\
    campaign for=s|welcome=s|praise=g|hail=g|applaud=g|congratulate=g|thank=g|propose=p|\
    raise the possibility of=p|raise the prospect of=p|float=p|put forward=p|expect=e|want=e|demand=d|\
    call for=d|call on=d|urge=d|press=d|pressure=d|appeal to=d|host=h|meet=m|visit=m|meet with=m|\
    hold talks with=m|speak with=m|talk with=m|sanction=f|fine=f|impose sanctions on=f|\
    slap sanctions on=f|sue=u|charge=u|prosecute=u|file a lawsuit against=u|file suit against=u|\
    negotiate with=n|join=j|rejoin=j|sign for=j|sign with=j|work for=j|play for=j|";

/// [`TRIGGER_TEXT`] unpacked, once.
pub(super) fn triggers_table() -> &'static [(&'static str, RelationKind)] {
    static T: std::sync::OnceLock<Vec<(&'static str, RelationKind)>> = std::sync::OnceLock::new();
    T.get_or_init(|| {
        TRIGGER_TEXT
            .split_terminator('|')
            .filter_map(|e| {
                let (p, c) = e.trim_start().split_once('=')?;
                let k = match c {
                    "r" => RulesOut,
                    "o" => Opposes,
                    "c" => Criticises,
                    "s" => Supports,
                    "p" => Proposes,
                    "e" => Expects,
                    "d" => Demands,
                    "h" => Hosts,
                    "a" => Accuses,
                    "g" => Praises,
                    "f" => Sanctions,
                    "u" => Sues,
                    "n" => NegotiatesWith,
                    "j" => AffiliatedWith,
                    _ => Meets,
                };
                Some((p, k))
            })
            .collect()
    })
}

/// Nouns of stance after a possessive ("X's criticism of Y", "X's call for Y to ..."), with
/// the preposition that introduces the target.
pub(super) const NOMINALS: &[(&str, RelationKind)] = &[
    ("criticism of", Criticises), ("condemnation of", Criticises), ("attack on", Criticises), ("attacks on", Criticises),
    ("rebuke of", Criticises), ("support for", Supports), ("backing of", Supports), ("backing for", Supports),
    ("endorsement of", Supports), ("praise for", Praises), ("defence of", Supports), ("defense of", Supports),
    ("opposition to", Opposes), ("rejection of", Opposes), ("veto of", Opposes), ("sanctions on", Sanctions),
    ("sanctions against", Sanctions), ("lawsuit against", Sues), ("call for", Demands), ("calls for", Demands),
    ("demand for", Demands), ("demands for", Demands), ("appeal to", Demands), ("meeting with", Meets),
    ("talks with", Meets),
    ("accusations against", Accuses), ("accusation against", Accuses), ("negotiations with", NegotiatesWith), ("visit to", Meets),
];

/// Lower-case words allowed between a possessive and its stance noun ("X's sharp criticism").
pub(super) const NOMINAL_ADJ: Words = Words("sharp|strong|public|repeated|renewed|continued|vocal|full|fierce|harsh|latest|unwavering|scathing|open|blistering|recent|surprise|first|new");

/// Nouns for a person defined by their relation to another, before an appositive name
/// ("met his Japanese counterpart, Kenji Sato").
pub(super) const RELATIONAL_NOUNS: Words = Words("counterpart|successor|predecessor|rival|opponent|challenger|ally|host|guest|deputy|boss");

/// The nouns of an utterance's frame ("in an interview", "during a speech").
pub(super) const FRAME_NOUNS: Words = Words("interview|statement|speech|letter|op-ed|post|tweet|podcast|video|press|news|televised|radio|television|recent|exclusive");

/// First words of a parenthetical after a subject (", who ...", ", the union's leader,").
pub(super) const PAREN_OPENERS: Words = Words("who|whose|which|the|a|an|his|her|its|their|himself|herself|itself");

/// Words of a leading interview phrase ("In a recent televised interview with ...").
pub(super) const LEAD_WORDS: Words = Words("in|during|an|a|the|his|her|recent|exclusive|televised|radio|broadcast");

/// "provide support", "offered aid": a verb of giving (any form) before one of these nouns.
pub(super) const GIVE_VERBS: Words = Words("provide|give|send|offer|pledge|promise");
pub(super) const SUPPORT_NOUNS: &[&str] = &["support", "help", "aid", "assistance", "backing", "weapons", "arms", "funding", "money", "troops", "protection"];

/// Words skipped between a subject and its verb.
pub(super) const AUX: &[&str] = &[
    "has", "have", "had", "would", "will", "could", "can", "should", "must", "may", "might", "also", "already",
    "not", "never", "is", "was", "are", "were", "be", "been", "being", "did", "does", "do", "then", "now", "just",
    "still", "once", "again", "reportedly", "previously", "n't", "no", "longer", "who", "which", "first",
];
/// Days and times in a time phrase between a subject and its verb ("on Tuesday", "last week").
pub(super) const TIME_WORDS: Words = Words("monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|weekend|month|year|night|morning|afternoon|evening");
pub(super) const NEGATORS: &[&str] = &["not", "never", "n't", "no", "refused", "declined", "cannot", "won't", "didn't", "doesn't", "hasn't", "haven't", "wouldn't", "shouldn't"];

/// Modal obligation patterns after a clause subject: (tokens, negated).
pub(super) const MODALS: &[(&str, bool)] = &[
    ("will have to", false), ("would have to", false), ("will need to", false), ("would need to", false),
    ("needs to", false), ("need to", false), ("has to", false), ("have to", false), ("must", false), ("should", false),
    ("ought to", false), ("will be expected to", false), ("would be expected to", false), ("is expected to", false),
    ("are expected to", false), ("should not have to", true), ("should not", true), ("shouldn't", true),
    ("must not", true), ("will not have to", true), ("won't have to", true), ("would not have to", true),
    ("does not have to", true), ("doesn't have to", true), ("need not", true), ("cannot be expected to", true),
];
pub(super) const INCLUSION: &[&str] = &["included", "involved", "consulted", "represented", "heard", "part", "table", "present", "invited"];

pub(super) const CLAUSE_BREAK_WORDS: &[&str] = &["while", "but", "whereas", "although", "though", "because", "and", "after", "before", "when", "as"];

pub(super) fn first_word(phrase: &str) -> &str {
    phrase.split(' ').next().unwrap_or("")
}

/// (first word, index into [`triggers_table`]) sorted by first word, table order within
/// one first word.
pub(super) fn trigger_order() -> &'static [(&'static str, usize)] {
    static I: std::sync::OnceLock<Vec<(&'static str, usize)>> = std::sync::OnceLock::new();
    I.get_or_init(|| {
        let t = triggers_table();
        let mut v: Vec<usize> = (0..t.len()).collect();
        crate::text::sort_usize_by(&mut v, &|x, y| (first_word(t[x].0), x).cmp(&(first_word(t[y].0), y)));
        v.into_iter().map(|i| (first_word(t[i].0), i)).collect()
    })
}


impl<'a> Ex<'a> {
    /// Stance verbs in token range `[a, b)` of a sentence; `claimant` for reported clauses.
    pub(super) fn triggers(&mut self, s: &Sent, a: usize, b: usize, claimant: Option<EntityId>) {
        let mut i = a;
        while i < b {
            let mut hit: Option<(usize, RelationKind)> = None;
            let Some(verb) = s.verb(i) else {
                i += 1;
                continue;
            };
            let wi = verbs::lemma(verb);
            let ord = trigger_order();
            let table = triggers_table();
            let from = ord.partition_point(|&(w, _)| w < wi);
            for &(_, t) in ord[from..].iter().take_while(|&&(w, _)| w == wi) {
                let (p, k) = table[t];
                if let Some(n) = s.matches_after_verb(i, p) {
                    if hit.is_none_or(|(m, _)| n > m) {
                        hit = Some((n, k));
                    }
                }
            }
            // "provide support", "would provide 'a lot of help'"
            if hit.is_none() && GIVE_VERBS.contains(&wi) {
                let end = (i + 7).min(b);
                if let Some(n) = (i + 1..end).find(|&j| SUPPORT_NOUNS.contains(&s.w(j).as_str())) {
                    // not "US troops" style: the noun must not itself be preceded by a mention
                    hit = Some((n - i + 1, Supports));
                }
            }
            let Some((n, kind)) = hit else {
                i += 1;
                continue;
            };
            // a particle makes another verb of a one-word trigger: "back down", "block off",
            // "attack out" are no stance on the noun after them ("back up" still supports)
            if n == 1 && matches!(s.w(i + 1).as_str(), "down" | "off" | "away" | "out") {
                i += 1;
                continue;
            }
            // "Prosecuting, Amelia Hart told the court", "Defending, ...": a participle that
            // opens the sentence alone names a part in a trial, no act on what follows
            if i == s.a && s.w(i + n) == "," {
                i += n;
                continue;
            }
            // "Met" in a name, or a passive "is expected to", "was dismissed by"
            // ("is suing" is progressive, active)
            let passive = i > s.a && matches!(s.w(i - 1).as_str(), "be" | "is" | "are" | "was" | "were" | "been" | "being") && verb.form == VerbForm::Past;
            if !s.lower(i) {
                i += n;
                continue;
            }
            // a bare verb ("host", "support", "back") is a verb only after a modal or "to"
            // ("Fox News host Laura Ingraham", "his support" are nouns)
            let bare_form = n == 1 && verb.form == VerbForm::Base;
            if bare_form {
                let p = if i > s.a { s.w(i - 1).replace('’', "'") } else { String::new() };
                let modal = matches!(
                    p.as_str(),
                    "to" | "will" | "would" | "could" | "can" | "should" | "must" | "may" | "might" | "not" | "never" | "did"
                        | "does" | "do" | "won't" | "wouldn't" | "can't" | "cannot" | "didn't" | "doesn't" | "don't" | "also"
                );
                if !modal {
                    i += n;
                    continue;
                }
            }
            if passive {
                // "Ukraine was backed by Poland": Poland backs Ukraine
                if s.w(i + n) == "by" && kind != Expects {
                    self.passive(s, i, n, kind, claimant);
                }
                i += n;
                continue;
            }
            self.trigger(s, i, n, kind, claimant);
            i += n;
        }
    }

    /// "X was backed by Y": Y is the actor, X the target.
    pub(super) fn passive(&mut self, s: &Sent, v: usize, n: usize, kind: RelationKind, claimant: Option<EntityId>) {
        if kind == AffiliatedWith {
            return;
        }
        let field = s.field;
        // the passive subject: back over the auxiliaries
        let Some((targets, tstart, neg)) = self.subject(s, v) else { return };
        let by = v + n;
        // ("was fined by the Financial Conduct Authority")
        let det = usize::from(matches!(s.w(by + 1).as_str(), "the" | "its" | "their" | "his" | "her"));
        let Some(agent) = self.mention_at(field, s.start(by + 1 + det)) else { return };
        let sources: Vec<EntityId> = vec![agent.entity];
        let in_quote = self.quote_speaker(field, s.start(v)).flatten();
        for &t in &targets {
            for &src in &sources {
                self.push(RelationDraft {
                    source: src,
                    target: t,
                    kind,
                    stance: Self::stance(kind, neg),
                    evidence: Span::new(field, tstart, agent.end),
                    negated: neg,
                    reported_by: claimant.or(in_quote).filter(|&c| c != src),
                    object: None,
                });
            }
        }
    }

    pub(super) fn trigger(&mut self, s: &Sent, v: usize, n: usize, kind: RelationKind, claimant: Option<EntityId>) {
        let field = s.field;
        // subject
        let subj = self.subject(s, v).or_else(|| {
            // "After hosting X, Trump said": the main clause's subject after the comma
            if s.verb(v).is_none_or(|t| t.form != VerbForm::Ing) {
                return None;
            }
            let lead = v == s.a || matches!(s.w(v - 1).as_str(), "after" | "before" | "while" | "since" | "by" | "when" | "following" | "upon");
            if !lead {
                return None;
            }
            let mut j = v + n;
            while j < s.b.min(v + n + WINDOW) && s.w(j) != "," {
                j += 1;
            }
            let m = self.objects(s, j + 1, s.b.min(j + 1 + WINDOW)).into_iter().find(|m| !self.ents.is_modifier(m) && s.tok_at(self.ents.np_start_of(m)) <= j + 2)?;
            Some((vec![m.entity], s.start(v), false))
        });
        // "X condemned Y and urged Z", "X wrote to Y, accusing Z": the subject of the verb
        // before "and" or the comma
        let subj = subj.or_else(|| {
            let mut i = v;
            while i > s.a && AUX.contains(&s.w(i - 1).as_str()) {
                i -= 1;
            }
            // (also a participle clause after a comma: "X wrote to Y, accusing Z of ...")
            let participle = i > s.a && s.verb(v).is_some_and(|t| t.form == VerbForm::Ing) && i == v && s.w(i - 1) == ",";
            if i <= s.a + 1 || (s.w(i - 1) != "and" && !participle) {
                return None;
            }
            (s.a.max(v.saturating_sub(30))..i - 1).rev().take_while(|&k| !matches!(s.w(k).as_str(), ";" | ":" | "—" | "–")).find_map(|k| {
                let w = s.w(k);
                let verbish = s.lower(k) && k > s.a && (is_report_verb(w) || w.ends_with("ed") || AUX.contains(&s.w(k - 1).as_str()) || s.verb(k).is_some_and(|t| trigger_order().binary_search_by(|&(f, _)| f.cmp(verbs::lemma(t))).is_ok()));
                if !verbish {
                    return None;
                }
                let (x, _, _) = self.subject(s, k)?;
                Some((x, s.start(v), false))
            })
        });
        let Some((sources, sstart, neg)) = subj else { return };
        // object: up to the clause end or a frame ("in an interview with", "in a statement")
        let mut ce = self.clause_end(s, v + n);
        if let Some(k) = (v + n..ce).find(|&k| Self::frame_at(s, k)) {
            ce = k;
        }
        let mut objs = self.objects(s, v + n, ce);
        // "met his Japanese counterpart, Kenji Sato,": the person the title stands for
        let last = s.w(ce.saturating_sub(1));
        if ce > v + n && s.w(ce) == "," && s.lower(ce - 1) && (RELATIONAL_NOUNS.contains(&last.as_str()) || TITLES.contains(&last.as_str())) {
            let appos = self.mention_at(field, s.start(ce + 1)).filter(|m| self.ents.list[m.entity].kind == StakeholderKind::Person && !sources.contains(&m.entity));
            if let Some(m) = appos {
                objs.insert(0, m);
            }
        }
        let mut targets: Vec<EntityMention> = Vec::new();
        // "endorsed her early", "praised him for": an object pronoun is the nearest fitting person
        let ow = s.w(v + n).as_str();
        let object_pron = (ow == "him" || (ow == "her" && (s.is_clause_break(v + n + 1) || Words("for|as|on|in|over|at|early|again|publicly|last|this|after|to").contains(&s.w(v + n + 1).as_str()))))
            && self.quote_speaker(field, s.start(v + n)).is_none();
        if object_pron {
            let at = s.start(v + n);
            if let Some(p) = self.pronoun_person(field, at, ow == "him").filter(|p| !sources.contains(p)) {
                objs.insert(0, EntityMention { field, start: at, end: s.end(v + n), entity: p, form: crate::analysis::entities::MentionForm::Pronoun });
            }
        }
        if let Some(first) = objs.iter().find(|m| !sources.contains(&m.entity)) {
            targets.push(*first);
            // coordinated objects of the same kind ("met Putin and Zelenskyy")
            if matches!(kind, Hosts | Meets) {
                for m in objs.iter().filter(|m| !self.ents.is_modifier(m)) {
                    let kind_same = self.ents.list[m.entity].kind == self.ents.list[first.entity].kind;
                    if kind_same && m.entity != first.entity && !sources.contains(&m.entity) && !targets.iter().any(|t| t.entity == m.entity) {
                        targets.push(*m);
                    }
                }
            } else {
                // "praised Schumer and Senator Joe Manchin", "criticised Ankara, Tehran and
                // Moscow": objects joined only by "and"/"or"/commas (and titles) share the verb
                let mut last_end = first.end;
                let mut rest: Vec<EntityMention> = objs.iter().copied().filter(|m| m.start >= first.end && !self.ents.is_modifier(m)).collect();
                crate::text::sort_vec_by(&mut rest, &|x, y| x.start.cmp(&y.start));
                for m in rest {
                    let gap = s.ft.slice(last_end, m.start);
                    let words: Vec<String> = gap.split(|c: char| c.is_whitespace() || c == ',').filter(|w| !w.is_empty()).map(|w| w.lower()).collect();
                    let joined = words.iter().all(|w| matches!(w.as_str(), "and" | "or" | "the") || TITLES.contains(&w.as_str()))
                        // "fined Virgin Media and fibre network operator MS3": a description of
                        // the next object, ending in an organisation's or outlet's noun
                        || (words.first().is_some_and(|w| matches!(w.as_str(), "and" | "or"))
                            && words.len() <= 5
                            && words.last().is_some_and(|w| lexicon::ORG_NOUNS.contains(&w.as_str()) || lexicon::MEDIA_NOUNS.contains(&w.as_str())));
                    let has_conj = gap.contains(',') || gap.split_whitespace().any(|w| matches!(w, "and" | "or"));
                    if !joined || !has_conj || gap.chars().count() > 40 {
                        break;
                    }
                    if m.entity != first.entity && !sources.contains(&m.entity) && !targets.iter().any(|t| t.entity == m.entity) {
                        targets.push(m);
                    }
                    last_end = m.end;
                }
            }
        } else if matches!(kind, Meets) && sources.len() >= 2 {
            // "Putin and Erdogan met in Ankara": they meet each other
            let (a, b) = (sources[1], sources[0]);
            let in_quote = self.quote_speaker(field, s.start(v)).flatten();
            self.push(RelationDraft {
                source: a,
                target: b,
                kind,
                stance: Self::stance(kind, neg),
                evidence: Span::new(field, sstart, s.end(v + n - 1)),
                negated: neg,
                reported_by: claimant.or(in_quote).filter(|&c| c != a),
                object: None,
            });
            return;
        } else if kind == Supports {
            // "could provide support": the place named with a preposition earlier in the sentence
            let before = s.start(v);
            let m = self
                .ents
                .mentions_before(field, before)
                .take_while(|m| m.start >= s.start(s.a.max(v.saturating_sub(WINDOW))))
                .find(|m| {
                    let t = s.tok_at(m.start);
                    !sources.contains(&m.entity)
                        && t > s.a
                        && matches!(s.w(t - 1).as_str(), "in" | "for" | "to" | "into")
                        && matches!(self.ents.list[m.entity].kind, StakeholderKind::Country | StakeholderKind::Bloc)
                });
            if let Some(m) = m {
                targets.push(*m);
            }
        } else if kind == Expects {
            // "expect, and the president certainly expects, Europe to play": X to VP
            let m = (v + n..s.b.min(v + n + WINDOW)).find_map(|j| {
                let m = self.mention_at(field, s.start(j))?;
                let t_after = s.tok_at(m.end);
                (s.w(t_after) == "to" && !sources.contains(&m.entity)).then_some(m)
            });
            if let Some(m) = m {
                targets.push(m);
            }
        }
        if kind == AffiliatedWith {
            // a person joins, signs for or works for an organisation; nothing else is taken
            let body = |e: EntityId| crate::analysis::entities::is_body(self.ents.list[e].kind);
            if sources.iter().any(|&x| self.ents.list[x].kind != StakeholderKind::Person) {
                return;
            }
            targets.retain(|t| body(t.entity));
        }
        for t in targets {
            let ev_end = t.end.max(s.end(v + n - 1));
            let obj_start = s.end(v + n - 1);
            let object = s.ft.slice(obj_start, t.end.max(obj_start)).trim().to_string();
            let in_quote = self.quote_speaker(field, s.start(v)).flatten();
            for &src in &sources {
                let reported_by = claimant.or(in_quote).filter(|&c| c != src);
                let negated = neg;
                self.push(RelationDraft {
                    source: src,
                    target: t.entity,
                    kind,
                    stance: Self::stance(kind, negated),
                    evidence: Span::new(field, sstart.min(s.start(v)), ev_end),
                    negated,
                    reported_by,
                    object: (!object.is_empty()).then_some(object.clone()),
                });
            }
        }
    }
}
