//! Roles and employers stated around a name: appositives ("Mark Rutte, the NATO
//! secretary-general,", "his special envoy, Steve Witkoff,") and relative clauses ("who is
//! also the Governors' Council chair").

use super::*;

impl<'a> Ctx<'a> {

    /// "Name, the [mods] title [of X]," after a name, or "[his|X's] [mods] title, Name,"
    /// before it: a role (and a principal for "his special envoy").
    pub(super) fn appositive(&mut self, f: usize, k: usize, id: EntityId) {
        let ft = self.ft(f);
        let items = self.items[f];
        let it = items[k];
        let field = ft.field;
        let tok = |i: usize| ft.tokens.get(i).map(|t| ft.token_text(t)).unwrap_or_default();
        // after: , (the|a|an|X's)? mods* title ,|.
        if tok(it.b) == "," {
            self.relative_role(f, it.b + 1, id);
            self.of_body(f, it.b + 1, id);
            // "Rep. Pramila Jayapal, D-Wash.,": the legislator's party
            if let Some(party) = lexicon::party_state(&tok(it.b + 1)) {
                if let Some(oi) = lexicon::ORGS.iter().position(|o| o.name == party) {
                    let pid = self.lex_entity(LexKey::Org(oi));
                    // (its mention is the party's letter, a modifier like "Tory" in "Tory MP")
                    let t = ft.tokens[it.b + 1];
                    self.mention(f, t.start, t.start + 1, pid, MentionForm::Acronym);
                    self.ents.add_modifier((field, t.start));
                    self.ents.affiliate(id, pid);
                }
            }
            let mut q = it.b + 1;
            let det = tok(q).lower();
            let mut mods = Vec::new();
            if matches!(det.as_str(), "the" | "a" | "an") {
                q += 1;
                // "the college’s regional director": whose office, in lower case
                if ft.tokens.get(q).is_some_and(|t| has_possessive(ft, t) && !is_cap(ft, t)) && (q + 1..q + 4).any(|j| match_title(ft, j).is_some()) {
                    q += 1;
                }
            } else if ft.tokens.get(q).is_some_and(|t| has_possessive(ft, t) && is_cap(ft, t)) && (q + 1..q + 4).any(|j| match_title(ft, j).is_some()) {
                // "Tom Reed, Unite’s regional secretary,": the possessive is part of the role
                if let Some((1, LexHit::Entity(key, form), end)) = match_name(ft, q) {
                    mods.push((key, form, ft.tokens[q].start, end));
                } else {
                    // whose it is ("Unite’s", "Smith’s"), once every name is known
                    let t = ft.tokens[q];
                    self.pending_for.push((id, f, Span::new(field, t.start, t.end), Span::new(field, it.start, t.end)));
                }
                q += 1;
            }
            let poss_start = (q > it.b + 1 && det != "the" && det != "a" && det != "an").then(|| ft.tokens[it.b + 1].start);
            let role_start = poss_start.or_else(|| ft.tokens.get(q).map(|t| t.start));
            let mut last_title_end = None;
            let mut guard = 0;
            // "Phil Sirvid, a Te Papa arachnology expert,": an employer named before the title
            let mut employer: Option<Span> = None;
            while q < ft.tokens.len() && guard < 8 {
                guard += 1;
                if employer.is_none() && last_title_end.is_none() && (det == "a" || det == "an") {
                    let cap_run = (q..q + 4).take_while(|&j| ft.tokens.get(j).is_some_and(|t| is_word(t) && is_cap(ft, t) && !has_possessive(ft, t) && match_title(ft, j).is_none() && match_name(ft, j).is_none())).count();
                    if cap_run > 0 && (q + cap_run..q + cap_run + 3).any(|j| match_title(ft, j).is_some_and(|(_, p)| p)) {
                        employer = Some(Span::new(field, ft.tokens[q].start, ft.tokens[q + cap_run - 1].end));
                        q += cap_run;
                        continue;
                    }
                }
                if let Some((len, hit, end)) = match_name(ft, q) {
                    if let LexHit::Entity(key, form) = hit {
                        mods.push((key, form, ft.tokens[q].start, end));
                        q += len;
                        continue;
                    }
                    break;
                }
                if let Some((len, proper)) = match_title(ft, q) {
                    let last = ft.tokens[q + len - 1];
                    if proper {
                        last_title_end = Some(last.start + bare(ft, &last).chars().count());
                    }
                    q += len;
                    continue;
                }
                // "the regional secretary", "its new chief executive": an adjective before a title
                let adj = ft.tokens.get(q).is_some_and(|t| is_word(t) && !is_cap(ft, t) && !has_possessive(ft, t)) && last_title_end.is_none();
                if adj && (q + 1..q + 3).any(|j| match_title(ft, j).is_some_and(|(_, p)| p)) && !matches!(tok(q).as_str(), "and" | "or" | "who" | "which" | "said" | "says") {
                    q += 1;
                    continue;
                }
                break;
            }
            if let (Some(rs), Some(mut re)) = (role_start, last_title_end) {
                // "of NATO", "for the campaign", "of the train drivers’ union Aslef": up to 7
                // more words (a possessive apostrophe among them) before a comma
                let next = tok(q).lower();
                if matches!(next.as_str(), "of" | "for" | "at" | "to") {
                    let mut r = q + 1;
                    let apostrophe = |r: usize| {
                        r > q + 1 && ft.tokens[r].start == ft.tokens[r - 1].end && matches!(ft.chars[ft.tokens[r].start], '’' | '\'')
                    };
                    while r < ft.tokens.len() && r < q + 9 && (ft.tokens[r].kind == TokenKind::Word || apostrophe(r)) {
                        r += 1;
                    }
                    if matches!(tok(r).as_str(), "," | "." | ";") || r >= ft.tokens.len() {
                        re = ft.tokens[r - 1].end;
                        // "a spokesman for Sanders": whom it speaks for, once all names are known
                        self.pending_for.push((id, f, Span::new(field, ft.tokens[q + 1].start, re), Span::new(field, it.start, re)));
                        for j in q + 1..r {
                            if let Some((_, LexHit::Entity(key, form), end)) = match_name(ft, j) {
                                mods.push((key, form, ft.tokens[j].start, end));
                            }
                        }
                        q = r;
                    }
                }
                if matches!(tok(q).as_str(), "," | "." | ";" | ")") || q >= ft.tokens.len() {
                    if let Some(emp) = employer {
                        self.pending_employers.push((id, emp, Span::new(field, it.start, re)));
                    }
                    for (key, form, s, e) in mods {
                        let lid = self.lex_entity(key);
                        self.mention(f, s, e, lid, form);
                        self.ents.affiliate(id, lid);
                    }
                    if self.ents.list[id].role.is_none() {
                        self.ents.list[id].role = Some((ft.slice(rs, re), Span::new(field, rs, re)));
                    }
                }
            }
        }
        // before: (his|her|X's) mods* title , Name ,
        if it.a >= 2 && tok(it.a - 1) == "," {
            let mut q = it.a - 1; // index of the comma
            let mut title_end = None;
            let mut title_start = None;
            // "Its director of policy, Rocio Mendes": a short "of"/"for" tail after the title
            let mut tail_end = None;
            if let Some(o) = (q.saturating_sub(4)..q).rev().find(|&o| matches!(tok(o).lower().as_str(), "of" | "for")) {
                let words = (o + 1..q).all(|x| ft.tokens[x].kind == TokenKind::Word && !has_possessive(ft, &ft.tokens[x]));
                let titled = o > 0 && (o.saturating_sub(3)..o).any(|st| match_title(ft, st).is_some_and(|(l, p)| p && st + l == o));
                if words && titled && o + 1 < q {
                    tail_end = Some(ft.tokens[q - 1].end);
                    q = o;
                }
            }
            while q > 0 {
                let j = q - 1;
                if let Some((len, proper)) = (j.saturating_sub(3)..=j).find_map(|s| match_title(ft, s).filter(|(l, _)| s + l == j + 1).map(|x| (x.0, x.1))) {
                    if proper && title_end.is_none() {
                        title_end = Some(ft.tokens[j].start + bare(ft, &ft.tokens[j]).chars().count());
                    }
                    title_start = Some(ft.tokens[j + 1 - len].start);
                    q = j + 1 - len;
                    continue;
                }
                break;
            }
            let title_end = title_end.map(|te| tail_end.unwrap_or(te));
            if let (Some(ts), Some(te)) = (title_start, title_end) {
                let pw = if q > 0 { tok(q - 1) } else { String::new() };
                let lw = pw.lower();
                let mut principal = None;
                let mut role_start = ts;
                if matches!(lw.as_str(), "his" | "her") {
                    // resolved once every mention is known
                    let ev = Span::new(field, ft.tokens[q - 1].start, it.end);
                    self.pending.push((id, f, lw == "his", ev));
                } else if q > 0 && has_possessive(ft, &ft.tokens[q - 1]) {
                    if let Some((_, hit, end)) = match_name(ft, q - 1) {
                        if let LexHit::Entity(key, form) = hit {
                            let lid = self.lex_entity(key);
                            self.mention(f, ft.tokens[q - 1].start, end, lid, form);
                            self.ents.affiliate(id, lid);
                            role_start = ft.tokens[q - 1].start;
                        }
                    } else if let Some(m) = self.ents.mention_at(field, ft.tokens[q - 1].start).copied() {
                        if self.ents.list[m.entity].kind == StakeholderKind::Person {
                            principal = Some(m.entity);
                        }
                    } else if is_cap(ft, &ft.tokens[q - 1]) {
                        // "Quillon’s chief executive, Anders Voss": the employer
                        let t = ft.tokens[q - 1];
                        let item = Item { a: q - 1, b: q, start: t.start, end: t.start + bare(ft, &t).chars().count(), kind: ItemKind::Name };
                        if self.employer(f, item, id) {
                            role_start = t.start;
                        } else {
                            // "Trump’s lawyer, X" with Trump named in full elsewhere: whom X
                            // represents, once every name is known
                            self.pending_for.push((id, f, Span::new(field, t.start, t.end), Span::new(field, t.start, it.end)));
                            role_start = t.start;
                        }
                    }
                } else if q > 1 && is_cap(ft, &ft.tokens[q - 1]) && !is_cap(ft, &ft.tokens[q - 2]) && adjacent(ft, q - 1) {
                    // "Trust assistant director of operations, Liz Fellows": one capitalised
                    // word before the title, the employer (see `employer`)
                    let t = ft.tokens[q - 1];
                    let item = Item { a: q - 1, b: q, start: t.start, end: t.start + bare(ft, &t).chars().count(), kind: ItemKind::Name };
                    if self.employer(f, item, id) {
                        role_start = t.start;
                    }
                }
                if self.ents.list[id].role.is_none() {
                    let role = ft.slice(role_start, te);
                    self.ents.list[id].role = Some((role, Span::new(field, role_start, te)));
                }
                if let Some(pid) = principal {
                    let ev_start = ft.tokens[q - 1].start;
                    self.represent(id, pid, Span::new(field, ev_start, it.end));
                }
            }
        }
    }

    /// "Principal Judge of the High Court Amraphael Msagha", "Chief Executive of Acme Widgets
    /// Jane Roe": a title, "of (the)", a body's name ending in its head, then the name (item
    /// `k`): the role, and the body as employer.
    pub(super) fn title_of_body(&mut self, f: usize, k: usize, id: EntityId) {
        let ft = self.ft(f);
        let items = self.items[f];
        if k < 2 || self.ents.list[id].kind != StakeholderKind::Person {
            return;
        }
        let (title, body) = (items[k - 2], items[k - 1]);
        let between: Vec<String> = (title.b..body.a).map(|q| ft.lw(q).to_string()).collect();
        let of = matches!(between.iter().map(String::as_str).collect::<Vec<_>>().as_slice(), ["of"] | ["of", "the"]);
        let joined = body.b == items[k].a && adjacent(ft, body.b - 1);
        if title.kind != ItemKind::Title(true) || body.kind != ItemKind::Name || !of || !joined || org_head(&bare(ft, &ft.tokens[body.b - 1])).is_none() {
            return;
        }
        if self.employer(f, body, id) {
            self.used[f][k - 1] = true;
            self.used[f][k - 2] = true;
            if self.ents.list[id].role.is_none() {
                self.ents.list[id].role = Some((ft.slice(title.start, body.end), Span::new(ft.field, title.start, body.end)));
            }
        }
    }

    /// "Ruth Evans, of Cheshire Police, said": after the comma at `q - 1`, "of" and a short
    /// capitalised phrase up to the next comma or full stop; whether it names an organisation
    /// (and not a place) is known once every name is.
    fn of_body(&mut self, f: usize, q: usize, id: EntityId) {
        let ft = self.ft(f);
        if ft.tokens.get(q).is_none_or(|t| ft.lower_of(t) != "of") {
            return;
        }
        let mut r = q + 1;
        while r < q + 8 && ft.tokens.get(r).is_some_and(|t| is_word(t) && (is_cap(ft, t) || matches!(ft.lower_of(t), "the" | "of" | "and"))) {
            r += 1;
        }
        // ("of the Save Millbrook Fields group,": a body noun after the name)
        if r > q + 1 && ft.tokens.get(r).is_some_and(|t| t.shape == crate::text::Shape::Lower && lexicon::is_body_noun(ft.lower_of(t))) {
            r += 1;
        }
        if r > q + 1 && ft.tokens.get(r).is_some_and(|t| matches!(ft.token_text(t).as_str(), "," | "." | ";")) {
            self.pending_of.push((id, Span::new(ft.field, ft.tokens[q + 1].start, ft.tokens[r - 1].end)));
        }
    }

    /// ", who was elected mayor of Millbrook," / ", who heads the Green Party,": a role stated
    /// in a relative clause after a name (`q` is the token after the comma).
    pub(super) fn relative_role(&mut self, f: usize, mut q: usize, id: EntityId) {
        let ft = self.ft(f);
        let field = ft.field;
        let low = |i: usize| ft.tokens.get(i).map(|t| ft.lower_of(t).to_string()).unwrap_or_default();
        if low(q) != "who" {
            return;
        }
        // a role stated before ("Bomet Governor Isaac Rutto, who is also the Governors’ Council
        // chair") is kept; the clause still names an employer
        let had_role = self.ents.list[id].role.is_some();
        q += 1;
        // "who is also the ...", "who is now the ..."
        let adverb = |w: &str| matches!(w, "also" | "now" | "currently" | "still");
        if adverb(&low(q)) {
            q += 1;
        }
        // "who was elected mayor of X", "who is the party's treasurer", "who became chairman"
        let verb_phrase = Words("heads|leads|chairs|runs|founded|co-founded|owns|headed|led|chaired|ran").contains(&low(q).as_str());
        if !verb_phrase {
            if matches!(low(q).as_str(), "was" | "is" | "has" | "had") {
                q += 1;
                if adverb(&low(q)) {
                    q += 1;
                }
                if low(q) == "been" {
                    q += 1;
                }
            }
            if Words("elected|appointed|named|became|becomes|re-elected|serves|served|works|worked").contains(&low(q).as_str()) {
                q += 1;
                if low(q) == "as" {
                    q += 1;
                }
            }
            if matches!(low(q).as_str(), "the" | "a" | "an") {
                q += 1;
            }
        }
        let start = q;
        if !verb_phrase {
            // "the Governors’ Council chair": the body whose title it is, before the title
            let apostrophe = |i: usize| ft.tokens.get(i).is_some_and(|t| i > 0 && t.start == ft.tokens[i - 1].end && matches!(ft.chars[t.start], '’' | '\''));
            let run = (q..q + 6).take_while(|&j| ft.tokens.get(j).is_some_and(|t| (is_word(t) && is_cap(ft, t) && match_title(ft, j).is_none()) || apostrophe(j))).count();
            if run > 0 && match_title(ft, q + run).is_some_and(|(_, p)| p) {
                let emp = Span::new(field, ft.tokens[q].start, ft.tokens[q + run - 1].end);
                self.pending_employers.push((id, emp, Span::new(field, ft.tokens[start].start, ft.tokens[q + run].end)));
                q += run;
            }
            // modifiers and titles
            let mut any = false;
            while q < ft.tokens.len() && q < start + 6 {
                if let Some((len, _)) = match_title(ft, q) {
                    q += len;
                    any = true;
                } else if matches!(low(q).as_str(), "former" | "deputy" | "acting" | "interim" | "senior" | "chief") {
                    q += 1;
                } else {
                    break;
                }
            }
            if !any {
                return;
            }
            if low(q) != "of" && low(q) != "for" && low(q) != "at" {
                let end = ft.tokens[q - 1].end;
                if !had_role { self.ents.list[id].role = Some((ft.slice(ft.tokens[start].start, end), Span::new(field, ft.tokens[start].start, end))); }
                return;
            }
        } else {
            q += 1; // the verb
        }
        // "of X" / "heads the X": a capitalised name follows
        let mut r = q + if verb_phrase { 0 } else { 1 };
        if matches!(low(r).as_str(), "the" | "a") {
            r += 1;
        }
        let name_start = r;
        while r < ft.tokens.len() && r < name_start + 6 && ft.tokens.get(r).is_some_and(|t| is_word(t) && is_cap(ft, t)) {
            r += 1;
        }
        // "the Green group": a lower-case head after the name
        if r > name_start && (org_noun(&low(r)).is_some() || Words("team|campaign|committee|department|council|caucus|faction").contains(&low(r).as_str())) {
            r += 1;
        }
        if r == name_start {
            if verb_phrase {
                return;
            }
            let end = ft.tokens[q - 1].end;
            if !had_role { self.ents.list[id].role = Some((ft.slice(ft.tokens[start].start, end), Span::new(field, ft.tokens[start].start, end))); }
            return;
        }
        for j in name_start..r {
            if let Some((_, LexHit::Entity(key, form), end)) = match_name(ft, j) {
                let lid = self.lex_entity(key);
                self.mention(f, ft.tokens[j].start, end, lid, form);
                self.ents.affiliate(id, lid);
                break;
            }
        }
        let end = ft.tokens[r - 1].end;
        if !had_role { self.ents.list[id].role = Some((ft.slice(ft.tokens[start].start, end), Span::new(field, ft.tokens[start].start, end))); }
    }
}
