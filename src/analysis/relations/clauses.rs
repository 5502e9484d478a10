//! Relations stated around speech: words addressed to someone ("told the BBC"), stance
//! nouns after a possessive ("X's criticism of Y") and reported claims ("X said (that) ...").

use super::*;

impl<'a> Ex<'a> {
    /// Interviews and words to an outlet: "X said in an interview with Y", "X told Y",
    /// "X, speaking to Y,", "In an interview with Y, X said", "X said on Y".
    pub(super) fn speaks_to(&mut self, s: &Sent) {
        let field = s.field;
        for i in s.a..s.b {
            let w = s.w(i).as_str();
            let next = s.w(i + 1).as_str();
            // (first token of the addressee, the verb whose subject speaks, outlets only)
            let (from, verb, media_only) = match w {
                "interview" | "interviews" if matches!(next, "with" | "on" | "to") => (i + 2, None, false),
                "told" | "tells" | "telling" => (i + 1, Some(i), false),
                "spoke" | "speaking" | "talking" | "talked" | "speaks" if matches!(next, "to" | "with") => (i + 2, Some(i), false),
                "appearing" | "appeared" | "appears" if next == "on" => (i + 2, Some(i), true),
                _ if next == "on" && is_report_verb(w) => (i + 2, Some(i), true),
                "wrote" | "writes" | "writing" if next == "in" => (i + 2, Some(i), true),
                _ => continue,
            };
            if !s.lower(i) {
                continue;
            }
            let mut j = from;
            if matches!(s.w(j).as_str(), "the" | "a" | "an") {
                j += 1;
            }
            let Some(first) = self.mention_at(field, s.start(j)) else { continue };
            // "Fox News host Laura Ingraham": the host, whose title names the outlet
            let ce = self.clause_end(s, j);
            let target = if self.ents.is_modifier(&first) {
                self.objects(s, j, ce).into_iter().find(|m| !self.ents.is_modifier(m) && s.tok_at(self.ents.np_start_of(m)) <= j)
            } else {
                Some(first)
            };
            let Some(mut target) = target else { continue };
            // "Fox News host Laura Ingraham": the interview is given to the outlet, one edge
            // whether the host or the outlet is named
            if let Some(&m) = self.ents.list[target.entity].affiliations.iter().find(|&&a| self.ents.list[a].kind == StakeholderKind::Media) {
                target.entity = m;
            }
            let tkind = self.ents.list[target.entity].kind;
            let ok = match tkind {
                StakeholderKind::Media => true,
                StakeholderKind::Person => !media_only,
                StakeholderKind::Organisation | StakeholderKind::Institution => !media_only && verb.is_some(),
                _ => false,
            };
            if !ok {
                continue;
            }
            // the speaker: the verb's subject; for "in an interview", the subject of the
            // report verb just before, or the main clause's after a leading phrase
            let verb = verb.or_else(|| {
                (s.a.max(i.saturating_sub(12))..i).rev().take_while(|&k| !s.is_clause_break(k) || s.w(k) == "and").find(|&k| {
                    let w = s.w(k);
                    s.lower(k) && (is_report_verb(w) || ((w.ends_with("ed") || w == "made" || w == "gave") && self.subject(s, k).is_some()))
                })
            });
            let src = match verb {
                Some(v) => self.subject(s, v).map(|x| (x.0[0], x.1)).or_else(|| {
                    // "..., said X in an interview with Y"
                    let m = self.mention_at(field, s.start(v + 1))?;
                    (self.ents.list[m.entity].kind == StakeholderKind::Person).then_some((m.entity, m.start))
                }),
                None => {
                    // "In an interview with Y, X said ..."
                    let lead = (s.a..i).all(|k| LEAD_WORDS.contains(&s.w(k).as_str()));
                    let comma = (j..s.b.min(j + 20)).find(|&k| s.w(k) == ",");
                    match comma {
                        Some(c) if lead => self
                            .objects(s, c + 1, self.clause_end(s, c + 1))
                            .into_iter()
                            .find(|m| !self.ents.is_modifier(m) && s.tok_at(self.ents.np_start_of(m)) <= c + 3)
                            .map(|m| (m.entity, self.ents.np_start_of(&m))),
                        _ => None,
                    }
                }
            };
            let Some((src, sstart)) = src else { continue };
            let skind = self.ents.list[src].kind;
            if !matches!(skind, StakeholderKind::Person | StakeholderKind::Organisation | StakeholderKind::Institution | StakeholderKind::Country) || src == target.entity {
                continue;
            }
            // a host talking on their own outlet is no news
            if self.ents.list[src].affiliations.contains(&target.entity) {
                continue;
            }
            // one edge per speaker and outlet, however many interviews
            if self.seen.iter().any(|e| (e.0, e.1, e.2) == (src, target.entity, SpeaksTo)) {
                continue;
            }
            let (a, b) = (sstart.min(s.start(i)), target.end.max(s.end(i)));
            let object = s.ft.slice(s.start(i), target.end.max(s.start(i))).trim().to_string();
            let in_quote = self.quote_speaker(field, s.start(i)).flatten();
            self.push(RelationDraft {
                source: src,
                target: target.entity,
                kind: SpeaksTo,
                stance: Stance::Neutral,
                evidence: Span::new(field, a, b),
                negated: false,
                reported_by: in_quote.filter(|&c| c != src),
                object: (!object.is_empty()).then_some(object),
            });
        }
    }

    /// Stance nouns after a possessive: "X's criticism of Y", "X's support for Y",
    /// "X's call for Y to ...".
    pub(super) fn nominals(&mut self, s: &Sent) {
        let field = s.field;
        for i in s.a..s.b {
            // cheap test first: the token after a possessive (or an adjective after one)
            // ("his attacks on X": a possessive pronoun, outside quotes, is a person's)
            let pronoun = |k: usize| matches!(s.w(k - 1).as_str(), "his" | "her") && self.quote_speaker(field, s.start(k - 1)).is_none();
            let after_poss = |k: usize| {
                k > s.a && {
                    let t = s.ft.token_text(&s.ft.tokens[k - 1]);
                    t.ends_with("’s") || t.ends_with("'s") || t.ends_with("s’") || t.ends_with("s'") || pronoun(k)
                }
            };
            if !(after_poss(i) || (i > s.a + 1 && NOMINAL_ADJ.contains(&s.w(i - 1).as_str()))) {
                continue;
            }
            let w = s.w(i).as_str();
            let Some(&(p, kind)) = NOMINALS.iter().find(|(p, _)| p.len() > w.len() && p.starts_with(w) && p.as_bytes()[w.len()] == b' ' && s.matches(i, p).is_some()) else { continue };
            let n = p.split(' ').count();
            // the possessive: directly before, or before one or two adjectives
            let mut k = i;
            while k > s.a && k + 2 >= i && NOMINAL_ADJ.contains(&s.w(k - 1).as_str()) {
                k -= 1;
            }
            if k <= s.a {
                continue;
            }
            if !after_poss(k) {
                continue;
            }
            let (src_entity, src_start) = if pronoun(k) {
                let Some(p) = self.pronoun_person(field, s.start(k - 1), s.w(k - 1) == "his") else { continue };
                (p, s.start(k - 1))
            } else {
                let Some(m) = self.mention_at(field, s.start(k - 1)) else { continue };
                (m.entity, self.ents.np_start_of(&m).min(m.start))
            };
            // the target: the first head mention right after the preposition
            let from = i + n;
            let ce = self.clause_end(s, from);
            let tgt = self
                .objects(s, from, ce)
                .into_iter()
                .find(|m| m.entity != src_entity && s.tok_at(self.ents.np_start_of(m)) <= from + 2 && self.ents.list[m.entity].kind != StakeholderKind::Group);
            let Some(tgt) = tgt else { continue };
            let in_quote = self.quote_speaker(field, s.start(i)).flatten();
            let start = src_start;
            self.push(RelationDraft {
                source: src_entity,
                target: tgt.entity,
                kind,
                stance: kind.default_stance(),
                evidence: Span::new(field, start, tgt.end),
                negated: false,
                reported_by: in_quote.filter(|&c| c != src_entity),
                object: None,
            });
        }
    }

    /// Reported speech: "X said (that) CLAUSE" and "CLAUSE, X has said".
    pub(super) fn claims(&mut self, s: &Sent) {
        let field = s.field;
        for v in s.a..s.b {
            let w = s.w(v);
            if !is_report_verb(&w) || !s.lower(v) {
                continue;
            }
            // "would write to the Government", "is said to be": an addressee or an infinitive
            // after the verb, no reported clause
            if s.w(v + 1) == "to" {
                continue;
            }
            if self.quote_speaker(field, s.start(v)).is_some() {
                continue;
            }
            // the claimant
            let claimant = self.subject(s, v).map(|(x, _, _)| x[0]).or_else(|| {
                // "said Vance" / participle "while suggesting": nearest person before
                if s.verb(v).is_some_and(|t| t.form == crate::text::VerbForm::Ing) {
                    self.ents
                        .mentions_before(field, s.start(v))
                        .take_while(|m| m.start >= s.start(s.a.max(v.saturating_sub(WINDOW))))
                        .find(|m| self.ents.list[m.entity].kind == StakeholderKind::Person)
                        .map(|m| m.entity)
                } else {
                    self.mention_at(field, s.start(v + 1)).filter(|m| self.ents.list[m.entity].kind == StakeholderKind::Person).map(|m| m.entity)
                }
            });
            let Some(claimant) = claimant else { continue };
            if self.ents.list[claimant].kind != StakeholderKind::Person && !matches!(self.ents.list[claimant].kind, StakeholderKind::Country | StakeholderKind::Organisation | StakeholderKind::Institution) {
                continue;
            }
            // the clause: after the verb, or before the claimant at the sentence end
            let after_nonempty = v + 1 < s.b && !matches!(s.w(v + 1).as_str(), "." | "!" | "?");
            let (ca, cb) = if after_nonempty {
                let mut a = v + 1;
                // skip "on Wednesday", "in an interview", "that", a time phrase
                if a < s.b {
                    let x = s.w(a);
                    if x == "that" {
                        a += 1;
                    } else if matches!(x.as_str(), "on" | "in" | "at" | "last" | "this" | "late" | "early") {
                        // a short prepositional phrase without mentions
                        let mut j = a + 1;
                        while j < s.b && j < a + 5 && !matches!(s.w(j).as_str(), "that" | ",") {
                            j += 1;
                        }
                        if s.w(j) == "that" {
                            a = j + 1;
                        }
                    }
                }
                // "While Trump has said that ..., Moscow has ...": the claim ends with the
                // subordinate clause
                let sub = matches!(s.w(s.a).as_str(), "while" | "although" | "though" | "whereas" | "as" | "because" | "if" | "when" | "after" | "before" | "since");
                let mut b = s.b.min(a + WINDOW);
                if sub {
                    if let Some(c) = (a..b).find(|&j| s.w(j) == ",") {
                        b = c;
                    }
                }
                // ", while China ...": a new clause that is not part of the claim
                if let Some(c) = (a..b).find(|&j| {
                    s.w(j) == "," && (matches!(s.w(j + 1).as_str(), "while" | "whereas" | "although" | "though") || (s.w(j + 1) == "but" && s.w(j + 2) != "that"))
                }) {
                    b = c;
                }
                (a, b)
            } else {
                // "CLAUSE, X has said."
                let m_start = self.subject(s, v).map(|(_, st, _)| st).unwrap_or(s.start(v));
                let mut e = s.tok_at(m_start);
                while e > s.a && s.w(e - 1) == "," {
                    e -= 1;
                }
                (s.a.max(e.saturating_sub(WINDOW)), e)
            };
            if ca >= cb {
                continue;
            }
            self.claim_clause(s, ca, cb, claimant, v);
        }
    }

    pub(super) fn claim_clause(&mut self, s: &Sent, ca: usize, cb: usize, claimant: EntityId, v: usize) {
        let field = s.field;
        let before = self.out.len();
        // modal obligation: SUBJ (aux) MODAL ...
        let mut found_modal = false;
        let mut i = ca;
        while i < cb {
            let Some(m) = self.mention_at(field, s.start(i)) else {
                i += 1;
                continue;
            };
            let mut j = s.tok_at(m.end);
            // "European countries", a possessive or a modifier is not a clause subject
            if self.ents.is_modifier(&m) && s.w(j).chars().next().is_some_and(|c| c.is_lowercase()) && !MODALS.iter().any(|(p, _)| s.matches(j, p).is_some()) {
                i = j.max(i + 1);
                continue;
            }
            let mut best: Option<(usize, bool)> = None;
            for &(p, neg) in MODALS {
                if let Some(n) = s.matches(j, p) {
                    if best.is_none_or(|(b, _)| n > b) {
                        best = Some((n, neg));
                    }
                }
            }
            if let Some((n, neg)) = best {
                found_modal = true;
                let inc_end = (j + n + 5).min(cb);
                let demand = (j + n..inc_end).any(|x| INCLUSION.contains(&s.w(x).as_str()));
                let kind = if demand { Demands } else { Expects };
                let ce = self.clause_end(s, j + n).min(cb).max(j + n);
                let ev_end = s.end(ce.saturating_sub(1).max(j));
                let object = s.ft.slice(s.start(j), ev_end).trim().to_string();
                self.push(RelationDraft {
                    source: claimant,
                    target: m.entity,
                    kind,
                    stance: if neg { Stance::Negative } else { Stance::Neutral },
                    evidence: Span::new(field, m.start, ev_end),
                    negated: neg,
                    reported_by: None,
                    object: Some(object),
                });
                j += n;
            }
            i = j.max(i + 1);
        }
        // stance verbs inside the claim stay the claimant's report
        self.triggers(s, ca, cb, Some(claimant));
        if found_modal || self.out.len() > before {
            return;
        }
        // "Trump has said that Russian President Vladimir Putin is open to ...": a person
        // characterised at the start of the clause
        let first = self.objects(s, ca, cb).into_iter().find(|m| !self.ents.is_modifier(m));
        if let Some(m) = first {
            let np = s.tok_at(self.ents.np_start_of(&m));
            // (or a body, a state: "Varadkar said the Government could not be blamed")
            // (not a person's own administration or campaign, "the Trump administration",
            // which is spoken of through the person)
            let e = &self.ents.list[m.entity];
            let personal_body = e.kind != StakeholderKind::Person && e.affiliations.iter().any(|&a| self.ents.list[a].kind == StakeholderKind::Person);
            let actor = !personal_body && matches!(e.kind, StakeholderKind::Person | StakeholderKind::Organisation | StakeholderKind::Institution | StakeholderKind::Country | StakeholderKind::Media);
            if actor && np <= ca + 1 && m.entity != claimant {
                let ev_end = s.end(cb - 1);
                let after = s.ft.slice(m.end, ev_end).trim().trim_end_matches(['.', ',']).to_string();
                let ev_start = s.start(v).min(self.ents.np_start_of(&m));
                let sstart = self.subject(s, v).map(|(_, st, _)| st).unwrap_or(ev_start);
                self.push(RelationDraft {
                    source: claimant,
                    target: m.entity,
                    kind: SaysAbout,
                    stance: Stance::Neutral,
                    evidence: Span::new(field, sstart.min(ev_start), ev_end),
                    negated: false,
                    reported_by: None,
                    object: (!after.is_empty()).then_some(after),
                });
            }
        }
    }
}
