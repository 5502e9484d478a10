//! Pass 2, names: a name with a title or of two and more words becomes a person (or an
//! organisation when its words say so), with the role, employer and owner its prefix states.

use super::*;

impl<'a> Ctx<'a> {

    /// Pass 2: titled names, multi-word names and appositive roles.
    pub(super) fn named(&mut self, f: usize) {
        let items = self.items[f];
        let mut memo = Vec::new();
        let caps: Vec<bool> = items.iter().map(|it| it.kind == ItemKind::Name && self.caps_line(f, it, &mut memo)).collect();
        // names in ordinary sentences first; title-case lines only reuse them
        for k in 0..items.len() {
            if !caps[k] {
                self.named_item(f, k, false);
            }
        }
        for k in 0..items.len() {
            if caps[k] {
                self.named_item(f, k, true);
            }
        }
    }

    pub(super) fn named_item(&mut self, f: usize, k: usize, headline_caps: bool) {
        let ft = self.ft(f);
        let items = self.items[f];
        {
            let it = &items[k];
            if it.kind != ItemKind::Name || self.used[f][k] {
                return;
            }
            // "represents Johnstone North, Kilbarchan, Howwood and Lochwinnoch": a list of three or
            // more names none of which is a person's (no given name, no title) names places
            if name_list_of_places(ft, items, k) {
                self.used[f][k] = true;
                return;
            }
            // "Acme Widgets chief executive Jane Roe": the name before a title and a name is
            // the employer, settled with the person (see `employer`), not a person of its own
            let joined = |a: &Item, b: &Item| a.b == b.a && adjacent(ft, a.b - 1);
            if it.b - it.a >= 2
                && lexicon::given_name_gender(&ft.token_text(&ft.tokens[it.a])).is_none()
                && !has_possessive(ft, &ft.tokens[it.b - 1])
                && (k == 0 || !matches!(items[k - 1].kind, ItemKind::Honorific(_)) || !joined(&items[k - 1], it))
                && items.get(k + 1).is_some_and(|t| matches!(t.kind, ItemKind::Title(true)) && joined(it, t))
                && items.get(k + 2).is_some_and(|n| n.kind == ItemKind::Name && joined(&items[k + 1], n))
            {
                return;
            }
            // the prefix: modifiers, titles, honorific directly before the name
            let mut p = k;
            let mut has_title = false;
            let mut honor: Option<Option<bool>> = None;
            let mut owner: Option<Span> = None;
            while p > 0 {
                let prev = items[p - 1];
                let joined = prev.b == items[p].a && (prev.b == 0 || adjacent(ft, prev.b - 1));
                if !joined {
                    break;
                }
                if has_possessive(ft, &ft.tokens[prev.b - 1]) {
                    // "Poland’s president Andrzej Duda": the state or organisation whose office it is
                    if has_title && matches!(prev.kind, ItemKind::Lex(LexHit::Entity(..))) {
                        p -= 1;
                    }
                    // "Te Papa's Senior Science Curator Susan Waugh", "Trump's spokesman Sam Lee":
                    // the owner of the title, settled once every name is known
                    if has_title && prev.kind == ItemKind::Name {
                        owner = Some(Span::new(ft.field, prev.start, prev.end));
                    }
                    break;
                }
                match prev.kind {
                    ItemKind::Title(pr) => has_title |= pr,
                    ItemKind::Honorific(g) if p == k => honor = Some(g),
                    ItemKind::Lex(LexHit::Entity(..)) if has_title => {}
                    // "Business Secretary", "Health Minister": a portfolio before the title
                    ItemKind::Name
                        if has_title
                            && prev.b - prev.a == 1
                            && matches!(items[p].kind, ItemKind::Title(true))
                            && matches!(ft.slice(items[p].start, items[p].end).lower().as_str(), "secretary" | "minister" | "commissioner") => {}
                    // "Pfizer chief executive Jane Roe", "Trump adviser Sam Lee": the employer
                    // or principal named by one word before the title (resolved below)
                    // ("Acme Widgets chief executive Jane Roe": a longer name whose first word is no
                    // given name)
                    ItemKind::Name if has_title && (prev.b - prev.a == 1 || (prev.b - prev.a <= 5 && lexicon::given_name_gender(&ft.token_text(&ft.tokens[prev.a])).is_none())) && (p..k).all(|q| matches!(items[q].kind, ItemKind::Title(_))) && matches!(items[k - 1].kind, ItemKind::Title(true)) && !(sentence_initial(ft, prev.a) && {
                        let w = ft.lw(prev.a).to_string();
                        w.ends_with("ly") || w.ends_with("ed") || w.ends_with("ing")
                    }) => {}
                    _ => break,
                }
                p -= 1;
            }
            // trim leading modifiers that are not followed by a title
            let name = name_text(ft, it);
            let words = it.b - it.a;
            let last_bare = bare(ft, &ft.tokens[it.b - 1]);
            if words >= 2 || has_title || honor.is_some() {
                let head_kind = org_head(&last_bare)
                    .or_else(|| (it.a..it.b).find_map(|q| org_head(&ft.token_text(&ft.tokens[q])).filter(|_| q + 1 < it.b && ft.token_text(&ft.tokens[q + 1]) == "of")))
                    .or_else(|| {
                        // not a person's name ("a spokesman for Elena Brandt")
                        let person = lexicon::given_name_gender(&ft.token_text(&ft.tokens[it.a])).is_some()
                            || self.ents.resolve_name(&name).is_some_and(|i| self.ents.list[i].kind == StakeholderKind::Person);
                        let after_for = it.a > 0 && ft.token_text(&ft.tokens[it.a - 1]) == "for";
                        org_noun_before(ft, it.a).filter(|_| !person && !after_for)
                    });
                let all_caps = words >= 2 && (it.a..it.b).all(|q| ft.token_text(&ft.tokens[q]).chars().all(|c| !c.is_lowercase()));
                if all_caps && !has_title && honor.is_none() {
                    self.used[f][k] = true;
                    return;
                }
                if let Some(mut kind) = head_kind.filter(|_| !has_title && honor.is_none()) {
                    // "East Sussex Healthcare NHS Trust": a name that holds a known state
                    // institution's name is a state institution too
                    if kind == StakeholderKind::Organisation && inner_institution(ft, it) {
                        kind = StakeholderKind::Institution;
                    }
                    if words >= 2 && !headline_caps {
                        let id = self.ents.resolve_name(&name).filter(|&i| self.ents.list[i].kind != StakeholderKind::Person).unwrap_or_else(|| {
                            self.ents.add_entity(Entity { name: name.clone(), kind, role: None, aliases: vec![], affiliations: vec![], gender: None })
                        });
                        self.mention(f, it.start, it.end, id, MentionForm::FullName);
                        self.used[f][k] = true;
                    }
                    return;
                }
                let first_word = ft.token_text(&ft.tokens[it.a]);
                if (lexicon::NON_ACTOR_HEADS.contains(&last_bare.as_str()) || (words >= 2 && place_prefix(&first_word))) && !has_title && honor.is_none() {
                    self.used[f][k] = true;
                    return;
                }
                if headline_caps {
                    // a title-case line only names people known from elsewhere
                    if let Some(id) = self.ents.resolve_name_at(&name, ft.field, it.start).filter(|&i| self.ents.list[i].kind == StakeholderKind::Person) {
                        let form = if words >= 2 { MentionForm::FullName } else { MentionForm::Surname };
                        if self.mention(f, it.start, it.end, id, form) {
                            self.used[f][k] = true;
                        }
                    }
                    return;
                }
                // "Virgin Media", "Federal Government", "Tangalooma Island Resort": a name with
                // no given name, title or honorific that holds a common English word is no
                // personal name ("Murtala Nyako", "Rebel Wilson" are)
                // ("MS3", "Channel 4": digits are in no personal name)
                let digits = (it.a..it.b).any(|q| ft.token_text(&ft.tokens[q]).chars().any(|c| c.is_ascii_digit()));
                if !has_title && honor.is_none() && words >= 2 && (common_word_name(ft, it) || digits) && !self.ents.resolve_name(&name).is_some_and(|i| self.ents.list[i].kind == StakeholderKind::Person) {
                    let id = self.ents.resolve_name(&name).unwrap_or_else(|| {
                        self.ents.add_entity(Entity { name: name.clone(), kind: StakeholderKind::Organisation, role: None, aliases: vec![], affiliations: vec![], gender: None })
                    });
                    self.mention(f, it.start, it.end, id, MentionForm::FullName);
                    self.used[f][k] = true;
                    return;
                }
                let want = match honor {
                    Some(Some(true)) => Some(Gender::Male),
                    Some(Some(false)) => Some(Gender::Female),
                    _ => None,
                };
                // "Bomet senator Wilfred Lessan … Bomet Senator Rotich": one word after the same
                // office of the same place (a title with its modifier) is the person who holds it
                let same_office = (words == 1 && has_title && p < k).then(|| ft.slice(items[p].start, items[k - 1].end).lower()).filter(|r| r.split_whitespace().count() >= 2).and_then(|r| {
                    let holders: Vec<EntityId> = (0..self.ents.list.len()).filter(|&i| self.ents.list[i].kind == StakeholderKind::Person && self.ents.list[i].role.as_ref().is_some_and(|(x, _)| x.lower() == r)).collect();
                    (holders.len() == 1 && self.person_named(&name, f, it.start).is_none()).then(|| holders[0])
                });
                let id = match same_office {
                    Some(id) => id,
                    None => self.person_g(&name, f, it.start, want),
                };
                if want.is_some() && self.ents.list[id].gender.is_none() {
                    self.ents.list[id].gender = want;
                }
                let form = if honor.is_some() { MentionForm::Honorific } else if words >= 2 { MentionForm::FullName } else { MentionForm::Surname };
                let mstart = if honor.is_some() { items[k - 1].start } else { it.start };
                if self.mention(f, mstart, it.end, id, form) {
                    self.used[f][k] = true;
                    if honor.is_some() {
                        self.used[f][k - 1] = true;
                    }
                }
                let field = ft.field;
                if p < k {
                    self.ents.set_np_start((field, mstart), items[p].start);
                }
                // role and affiliations from the prefix
                if has_title {
                    let mut free = None;
                    // "chief executive Dr Sarah Okafor": the honorific is not part of the role
                    let role_end = if honor.is_some() && k >= 2 && p + 1 < k { items[k - 2].end } else { items[k - 1].end };
                    let role_start = items[p].start;
                    let role = ft.slice(role_start, role_end);
                    for q in p..k {
                        if let ItemKind::Lex(LexHit::Entity(key, form)) = items[q].kind {
                            let lid = self.lex_entity(key);
                            self.mention(f, items[q].start, items[q].end, lid, form);
                            self.used[f][q] = true;
                            self.ents.add_modifier((field, items[q].start));
                            self.ents.affiliate(id, lid);
                        }
                        if items[q].kind == ItemKind::Name && (q + 1..k).all(|r| matches!(items[r].kind, ItemKind::Title(_))) && !self.employer(f, items[q], id) {
                            free = Some(q);
                        }
                    }
                    if self.ents.list[id].role.is_none() {
                        self.ents.list[id].role = Some((role, Span::new(field, role_start, role_end)));
                    }
                    // "CDU-Chef Friedrich Merz", "SPD-Vorsitzende Saskia Esken", "NHS-boss": an
                    // acronym joined to the title by a hyphen is the body the person leads
                    for q in p..k {
                        if matches!(items[q].kind, ItemKind::Title(_)) && items[q].b - items[q].a == 1 {
                            let t = ft.token_text(&ft.tokens[items[q].a]);
                            if let Some((pre, _)) = t.split_once('-') {
                                let n = pre.chars().count();
                                if (2..=6).contains(&n) && pre.chars().all(|c| c.is_ascii_uppercase()) {
                                    let oid = match self.ents.list.iter().position(|e| e.name == pre && e.kind != StakeholderKind::Person) {
                                        Some(o) => o,
                                        None => self.ents.add_entity(Entity { name: pre.to_string(), kind: StakeholderKind::Organisation, role: None, aliases: vec![], affiliations: vec![], gender: None }),
                                    };
                                    let st = items[q].start;
                                    self.mention(f, st, st + n, oid, MentionForm::Acronym);
                                    self.ents.add_modifier((field, st));
                                    self.ents.affiliate(id, oid);
                                }
                            }
                        }
                    }
                    if let Some(o) = owner {
                        self.pending_for.push((id, f, o, Span::new(field, o.start, it.end)));
                    }
                    for q in p..k {
                        self.used[f][q] = free != Some(q);
                    }
                }
                if !has_title && p == k {
                    self.title_of_body(f, k, id);
                }
                self.appositive(f, k, id);
            }
        }
    }

    /// "Pfizer chief executive Jane Roe": the one word before the title is a person already
    /// named ("Trump adviser" after "Donald Trump": represents), the surname of someone
    /// named elsewhere (left alone), or else an organisation she works for.
    pub(super) fn employer(&mut self, f: usize, it: Item, id: EntityId) -> bool {
        let ft = self.ft(f);
        let field = ft.field;
        let word = bare(ft, &ft.tokens[it.a]);
        // ("Chelsea boss Enzo Maresca": a given name right before an organisation's office and
        // a personal name is that organisation's name, not a person's)
        let office = match_title(ft, it.b).is_some_and(|(len, _)| lexicon::CORPORATE_TITLES.contains(&ft.lw(it.b + len - 1)));
        if (lexicon::given_name_gender(&word).is_some() && !(office && it.b - it.a == 1)) || not_name(&word) {
            return false;
        }
        // "Te Papa's Senior Science Curator": a word after a title modifier or an owner's
        // possessive is the title's field, not an employer
        if it.a > 0 && adjacent(ft, it.a - 1) {
            let p = ft.tokens[it.a - 1];
            if lexicon::TITLE_MODIFIERS.contains(&bare(ft, &p).lower().as_str()) || has_possessive(ft, &p) {
                return false;
            }
        }
        // "Bomet Senator", "Kent councillor", "Ohio governor": an office for a territory; the
        // word before it is a place, not an employer
        let title = ft.tokens.get(it.b).map(|t| bare(ft, t).lower()).unwrap_or_default();
        if lexicon::TERRITORIAL_TITLES.contains(&title.as_str()) {
            return false;
        }
        if it.b - it.a >= 2 {
            // "Acme Widgets chief executive": a name of several words before a title is the
            // organisation the person works for (or one already known by that name)
            let name = name_text(ft, &it);
            let oid = match self.ents.resolve_name_at(&name, field, it.start) {
                Some(pid) if pid == id || self.ents.list[pid].kind == StakeholderKind::Person => return false,
                Some(oid) => oid,
                None => {
                    let kind = org_head(&bare(ft, &ft.tokens[it.b - 1])).unwrap_or(StakeholderKind::Organisation);
                    self.ents.add_entity(Entity { name, kind, role: None, aliases: vec![], affiliations: vec![], gender: None })
                }
            };
            self.mention(f, it.start, it.end, oid, MentionForm::FullName);
            self.ents.add_modifier((field, it.start));
            self.ents.affiliate(id, oid);
            return true;
        }
        if let Some(pid) = self.ents.resolve_name_at(&word, field, it.start) {
            if pid == id {
                return false;
            }
            if self.ents.list[pid].kind == StakeholderKind::Person {
                self.mention(f, it.start, it.end, pid, MentionForm::Surname);
                self.ents.add_modifier((field, it.start));
                self.represent(id, pid, Span::new(field, it.start, it.end));
            } else {
                self.mention(f, it.start, it.end, pid, MentionForm::FullName);
                self.ents.add_modifier((field, it.start));
                self.ents.affiliate(id, pid);
            }
            return true;
        }
        // "Club chairman", "Party leader": a generic head word is no name, unless a body named
        // in full ends in it ("Trust assistant director" after "… NHS Trust")
        if org_head(&word).is_some() {
            let suffix = format!(" {word}");
            let full = self.ents.list.iter().position(|e| is_body(e.kind) && e.name.ends_with(&suffix));
            // (or a body of the lexicon the article names, met in a later pass: "the European
            // Commission … Commission Vice-President X")
            let lex = (0..2).find_map(|g| {
                self.items[g].iter().find_map(|o| match o.kind {
                    ItemKind::Lex(LexHit::Entity(key @ LexKey::Org(oi), _)) if lexicon::ORGS[oi].name.ends_with(&suffix) => Some(key),
                    _ => None,
                })
            });
            let Some(oid) = full.or_else(|| lex.map(|key| self.lex_entity(key))) else { return false };
            self.mention(f, it.start, it.end, oid, MentionForm::FullName);
            self.ents.add_modifier((field, it.start));
            self.ents.affiliate(id, oid);
            return true;
        }
        // a surname of someone named in full anywhere in the article
        // (a window of the article around it: the work per call stays bounded)
        let near = |g: usize, n: usize| if g == f { it.a.saturating_sub(WIDE)..(it.a + WIDE).min(n) } else { 0..n.min(WIDE) };
        let surname = (0..2).any(|g| {
            let gt = self.ft(g);
            let r = near(g, gt.tokens.len());
            let items = self.items[g];
            let from = items.partition_point(|o| o.a < r.start);
            items[from..].iter().take_while(|o| o.a < r.end).any(|o| o.kind == ItemKind::Name && o.b - o.a >= 2 && bare(gt, &gt.tokens[o.b - 1]) == word)
        });
        if surname {
            return false;
        }
        // sentence-initial capitals prove nothing: the word must be capitalised elsewhere too,
        // and be no common word ("Principal Judge ...")
        if sentence_initial(ft, it.a) && lexicon::COMMON_WORDS.contains(&word.lower().as_str()) {
            return false;
        }
        // (an organisation's office after it, "Chelsea boss …", is evidence enough)
        if sentence_initial(ft, it.a) && !office {
            let again = (0..2).any(|g| {
                let gt = self.ft(g);
                near(g, gt.tokens.len()).any(|j| (g != f || j != it.a) && bare(gt, &gt.tokens[j]) == word && !sentence_initial(gt, j))
            });
            if !again {
                return false;
            }
        }
        // "Eastvale manager" after "Eastvale United": the organisation named in full
        let short = self.ents.list.iter().position(|e| {
            matches!(e.kind, StakeholderKind::Organisation | StakeholderKind::Media | StakeholderKind::Institution) && e.name.split(' ').count() >= 2 && e.name.split(' ').next() == Some(word.as_str())
        });
        let oid = match short.or_else(|| self.ents.list.iter().position(|e| e.name == word && e.kind != StakeholderKind::Person)) {
            Some(i) => i,
            None => self.ents.add_entity(Entity { name: word.clone(), kind: StakeholderKind::Organisation, role: None, aliases: vec![], affiliations: vec![], gender: None }),
        };
        self.mention(f, it.start, it.end, oid, MentionForm::FullName);
        self.ents.add_modifier((field, it.start));
        self.ents.affiliate(id, oid);
        true
    }
}

/// Does a token inside the name at `it` (before its last word) name a state institution the
/// lexicon knows ("NHS" in "East Sussex Healthcare NHS Trust")?
fn inner_institution(ft: &FieldText, it: &Item) -> bool {
    (it.a..it.b - 1).any(|q| match match_name(ft, q) {
        Some((len, LexHit::Entity(LexKey::Org(oi), _), _)) => q + len < it.b && lexicon::ORGS[oi].kind == StakeholderKind::Institution,
        _ => false,
    })
}
