//! After the passes: genders and kinds from the pronouns that point back, and the employers,
//! owners and principals left pending until every name was known.

use super::*;

impl<'a> Ctx<'a> {

    /// People of unknown gender: the pronouns that follow their mentions in the same or
    /// the next sentence ("Okafor said he ..."), when they agree.
    pub(super) fn genders_from_pronouns(&mut self) {
        let mut votes: Vec<(usize, usize)> = vec![(0, 0); self.ents.list.len()];
        let mut neuter: Vec<usize> = vec![0; self.ents.list.len()];
        for f in 0..2 {
            let ft = self.ft(f);
            for m in &self.ents.mentions {
                if m.field != ft.field || self.ents.list[m.entity].kind != StakeholderKind::Person || self.ents.list[m.entity].gender.is_some() {
                    continue;
                }
                // "a Te Papa arachnology expert ... his home": a name after "a"/"an" only
                // modifies a noun; the pronouns after it are not its own
                let first = ft.token_index_at(m.start);
                if first > 0 && matches!(ft.lw(first - 1), "a" | "an") {
                    continue;
                }
                let si = ft.sentence_at(m.start).unwrap_or(0);
                let limit = ft.sentences.get(si + 1).or(ft.sentences.get(si)).map(|s| s.end).unwrap_or(m.end);
                let own_end = ft.sentences.get(si).map(|s| s.end).unwrap_or(m.end);
                let a = ft.token_index_at(m.end);
                // the first pronoun before another person is named
                for t in ft.tokens.iter().skip(a).take_while(|t| t.end <= limit) {
                    if let Some(o) = self.ents.mention_at(ft.field, t.start) {
                        if o.entity != m.entity && self.ents.list[o.entity].kind == StakeholderKind::Person {
                            break;
                        }
                    }
                    let w = ft.lower_of(t).to_string();
                    // ("Le Pen accused him of …": an object pronoun in the name's own sentence is
                    // someone else, and what follows is no evidence either)
                    if w == "him" && t.end <= own_end {
                        break;
                    }
                    let Some(v) = votes.get_mut(m.entity) else { break };
                    match w.as_str() {
                        "he" | "him" | "his" | "himself" => {
                            v.0 += 1;
                            break;
                        }
                        "she" | "her" | "hers" | "herself" => {
                            v.1 += 1;
                            break;
                        }
                        // ("it" is too often impersonal: "it was time")
                        "its" | "itself" => {
                            neuter[m.entity] += 1;
                            break;
                        }
                        _ => {}
                    }
                }
            }
        }
        for (id, &(m, f)) in votes.iter().enumerate() {
            // "Te Papa's latest exhibition ... by its own staff": a name taken for a person's,
            // with nothing personal about it (no given name, honorific or role) and only "its"
            // pointing back, is an organisation
            if neuter[id] > 0 && m == 0 && f == 0 && self.impersonal(id) {
                self.ents.list[id].kind = StakeholderKind::Organisation;
                continue;
            }
            if m > f * 2 && m > 0 {
                self.ents.list[id].gender = Some(Gender::Male);
            } else if f > m * 2 && f > 0 {
                self.ents.list[id].gender = Some(Gender::Female);
            }
        }
    }

    /// Has the person `id` nothing personal: no role, no given name first, no honorific
    /// mention?
    pub(super) fn impersonal(&self, id: EntityId) -> bool {
        let e = &self.ents.list[id];
        let first = e.name.split(' ').next().unwrap_or("");
        e.role.is_none()
            && lexicon::given_name_gender(first).is_none()
            && !self.ents.mentions.iter().any(|m| m.entity == id && m.form == MentionForm::Honorific)
    }

    /// `id` works for `pid`: a relation, and `pid`'s country becomes `id`'s too.
    pub(super) fn represent(&mut self, id: EntityId, pid: EntityId, ev: Span) {
        self.ents.represents.push((id, pid, ev));
        let countries: Vec<EntityId> =
            self.ents.list[pid].affiliations.iter().copied().filter(|&a| self.ents.list[a].kind == StakeholderKind::Country).collect();
        for c in countries {
            self.ents.affiliate(id, c);
        }
    }

    /// "Ruto’s URP party", "Smith's company Acme": an organisation named right after a
    /// person's possessive is that person's (an affiliation); not one that only modifies a noun
    /// ("Trump's NATO allies").
    pub(super) fn possessed_bodies(&mut self) {
        let mut pairs = Vec::new();
        for w in self.ents.mentions.windows(2) {
            let (p, o) = (w[0], w[1]);
            let ft = if p.field == self.doc.headline.field { &self.doc.headline } else { &self.doc.body };
            let person = self.ents.list[p.entity].kind == StakeholderKind::Person;
            let body = matches!(self.ents.list[o.entity].kind, StakeholderKind::Organisation | StakeholderKind::Institution);
            if !person || !body || p.field != o.field || self.ents.is_modifier(&o) {
                continue;
            }
            // the possessive ends the person's mention and the organisation follows it
            let between = ft.slice(p.end, o.start);
            if matches!(between.as_str(), "’s " | "'s " | "’ " | "' ") {
                pairs.push((p.entity, o.entity));
            }
        }
        for (p, o) in pairs {
            self.ents.affiliate(p, o);
        }
    }

    /// "Shares in Acme fell … Chief executive Jane Roe said": a person whose role is an
    /// organisation's office (`lexicon::CORPORATE_TITLES`) and who has no employer serves the
    /// organisation in focus: the one named most often before the person's first mention (the
    /// first named on a tie).
    pub(super) fn staff_of_focus(&mut self) {
        for id in 0..self.ents.list.len() {
            let e = &self.ents.list[id];
            let office = e.role.as_ref().and_then(|(r, _)| r.lower().split_whitespace().next_back().map(str::to_string));
            if e.kind != StakeholderKind::Person || !e.affiliations.is_empty() || !office.is_some_and(|o| lexicon::CORPORATE_TITLES.contains(&o.as_str())) {
                continue;
            }
            // ("Johnson's spokesman, Raj Shah": he speaks for a person, not for a body in focus)
            if self.ents.represents.iter().any(|r| r.0 == id) {
                continue;
            }
            // "Anthony Romero, the group's executive director," / "its chief executive, Jane
            // Roe": the body the possessive describes, the nearest one of its kind
            if let Some(o) = e.role.as_ref().and_then(|(_, span)| self.role_owner(*span)) {
                self.ents.affiliate(id, o);
                continue;
            }
            let Some(first) = self.ents.mentions.iter().find(|m| m.entity == id).copied() else { continue };
            // (the most mentioned before, the first named of those: "Norwich … Victory at
            // Portsmouth … Manager Paul Lambert" in a story about Norwich)
            let mut counts: Vec<(EntityId, usize)> = Vec::new();
            for m in self.ents.mentions_before(first.field, first.start).take(200) {
                if self.ents.list[m.entity].kind == StakeholderKind::Organisation {
                    match counts.iter_mut().find(|(e, _)| *e == m.entity) {
                        Some(c) => c.1 += 1,
                        None => counts.push((m.entity, 1)),
                    }
                }
            }
            let best = counts.iter().map(|c| c.1).max().unwrap_or(0);
            let org = counts.iter().rev().find(|c| c.1 == best).map(|c| c.0);
            if let Some(o) = org {
                self.ents.affiliate(id, o);
            }
        }
    }

    /// The body whose office a role states with a possessive right before it: "its" or
    /// "their" (the organisation in focus) or "the group's" (the body in focus that noun
    /// describes), resolved as the description "the company" / "the group" at that place.
    fn role_owner(&self, role: Span) -> Option<EntityId> {
        let ft = self.ft(if role.field == Field::Headline { 0 } else { 1 });
        // (over up to two lower-case words the role leaves out: "the firm's finance director")
        let mut i = ft.token_index_at(role.start);
        while i > 0 && i + 2 > ft.token_index_at(role.start) && ft.tokens[i - 1].shape == crate::text::Shape::Lower && !has_possessive(ft, &ft.tokens[i - 1]) && !matches!(ft.lw(i - 1), "its" | "their" | "the" | "a" | "an") {
            i -= 1;
        }
        let prev = ft.tokens.get(i.checked_sub(1)?)?;
        let w = ft.lower_of(prev);
        let desc = if matches!(w, "its" | "their") {
            "the company".to_string()
        } else if has_possessive(ft, prev) && !is_cap(ft, prev) && i >= 2 && ft.lw(i - 2) == "the" {
            format!("the {}", w.trim_end_matches("'s").trim_end_matches("’s"))
        } else {
            return None;
        };
        resolve_body(&self.ents, role.field, prev.start, &desc)
    }

    /// "the Kenya Private Sector Alliance (KEPSA)": a one-word body in brackets right after a
    /// body's name of several words is that body, whatever its letters, also when the short
    /// name was met first as a separate body ("KEPSA chief executive X" earlier or later).
    pub(super) fn merge_bracketed(&mut self, f: usize) {
        let ft = self.ft(f);
        let mut pairs = Vec::new();
        for m in self.ents.mentions.iter().filter(|m| m.field == ft.field) {
            let long = &self.ents.list[m.entity];
            if !is_body(long.kind) || !long.name.contains(' ') {
                continue;
            }
            let i = ft.token_index_at(m.end);
            let tok = |k: usize| ft.tokens.get(k).map(|t| ft.token_text(t)).unwrap_or_default();
            if tok(i) != "(" || tok(i + 2) != ")" {
                continue;
            }
            if let Some(short) = self.ents.mention_at(ft.field, ft.tokens[i + 1].start) {
                let e = &self.ents.list[short.entity];
                if short.entity != m.entity && is_body(e.kind) && !e.name.contains(' ') {
                    pairs.push((short.entity, m.entity));
                }
            }
        }
        for (short, long) in pairs {
            self.ents.merge_into(short, long);
        }
    }

    pub(super) fn resolve_pending(&mut self) {
        for (id, f, male, ev) in std::mem::take(&mut self.pending) {
            if let Some(pid) = self.nearest_person(f, ev.start, Some(male), Some(id)) {
                self.represent(id, pid, ev);
            }
        }
        for (id, part, ev) in std::mem::take(&mut self.pending_employers) {
            let named = self.ents.mentions_in(part.field, part.start, part.end).map(|m| m.entity).find(|&e| e != id);
            let oid = match named {
                // "Acme Widgets" taken for a person's name: an employer with nothing personal
                Some(e) if self.ents.list[e].kind == StakeholderKind::Person && self.impersonal(e) => {
                    self.ents.list[e].kind = StakeholderKind::Organisation;
                    e
                }
                Some(e) if self.ents.list[e].kind == StakeholderKind::Person => {
                    self.represent(id, e, ev);
                    continue;
                }
                Some(e) => e,
                None => {
                    let ft = if part.field == self.doc.headline.field { &self.doc.headline } else { &self.doc.body };
                    let name = ft.slice(part.start, part.end);
                    let oid = match self.ents.list.iter().position(|e| e.name == name && e.kind != StakeholderKind::Person) {
                        Some(o) => o,
                        None => self.ents.add_entity(Entity { name, kind: StakeholderKind::Organisation, role: None, aliases: vec![], affiliations: vec![], gender: None }),
                    };
                    self.ents.add_mention(EntityMention { field: part.field, start: part.start, end: part.end, entity: oid, form: MentionForm::FullName });
                    oid
                }
            };
            self.ents.affiliate(id, oid);
        }
        for (id, part) in std::mem::take(&mut self.pending_of) {
            let bodies: Vec<EntityId> = self.ents.mentions_in(part.field, part.start, part.end).map(|m| m.entity).filter(|&e| is_body(self.ents.list[e].kind)).collect();
            for e in bodies {
                self.ents.affiliate(id, e);
            }
        }
        for (id, _f, part, ev) in std::mem::take(&mut self.pending_for) {
            let named: Vec<EntityId> = self.ents.mentions_in(part.field, part.start, part.end).map(|m| m.entity).filter(|&e| e != id).collect();
            for e in named {
                if self.ents.list[e].kind == StakeholderKind::Person {
                    if !self.ents.represents.iter().any(|r| r.0 == id && r.1 == e) {
                        self.represent(id, e, ev);
                    }
                } else {
                    self.ents.affiliate(id, e);
                }
            }
        }
    }

    /// The person mentioned nearest before `pos` (same paragraph or the previous one),
    /// of the given gender when known.
    pub(super) fn nearest_person(&self, f: usize, pos: usize, male: Option<bool>, not: Option<EntityId>) -> Option<EntityId> {
        let ft = self.ft(f);
        let para = ft.paragraph_at(pos);
        let floor = ft.paragraphs.get(para.saturating_sub(1)).map(|p| p.0).unwrap_or(0);
        self.ents
            .mentions_before(ft.field, pos)
            .take_while(|m| m.start >= floor)
            .filter(|m| Some(m.entity) != not)
            .find(|m| {
                let e = &self.ents.list[m.entity];
                e.kind == StakeholderKind::Person
                    && match (male, e.gender) {
                        (Some(true), Some(Gender::Female)) | (Some(false), Some(Gender::Male)) => false,
                        _ => true,
                    }
            })
            .map(|m| m.entity)
    }
}
