//! Pass 3, the rest: lexicon mentions, single names (surnames, acronyms, organisations known by
//! one word), descriptions ("the president", "the Bomet governor", "the 32-member alliance")
//! and groups.

use super::*;

impl<'a> Ctx<'a> {

    /// Pass 3: lexicon mentions, single names, descriptions, bodies, groups.
    pub(super) fn rest(&mut self, f: usize) {
        let ft = self.ft(f);
        let field = ft.field;
        let headline_caps = f == 0 && title_case(ft);
        let items = self.items[f];
        // descriptions first: "US vice president" is one mention, of the person
        for (k, it) in items.iter().enumerate() {
            if !self.used[f][k] && it.kind == ItemKind::Title(true) {
                self.description(f, k);
            }
        }
        for (k, it) in items.iter().enumerate() {
            if self.used[f][k] {
                continue;
            }
            match it.kind {
                ItemKind::Lex(LexHit::Entity(key, form)) => {
                    // a one-word place that is part of a known person's name (Washington)
                    let word = ft.slice(it.start, it.end);
                    if it.b - it.a == 1 && matches!(form, MentionForm::Capital | MentionForm::FullName) {
                        // only where it acts as a person: "Washington said he ...", "Mr. Washington"
                        let it_follows = ft.tokens.get(it.b + 1).map(|t| ft.lower_of(t).to_string()).is_some_and(|w| matches!(w.as_str(), "it" | "its"));
                        // or where a person of that surname was named before it ("referee
                        // Darren England ... his altercation with England")
                        let named_before = || {
                            self.person_named(&word, f, it.start).is_some_and(|pid| {
                                self.ents.mentions_before(field, it.start).take(2000).any(|m| m.entity == pid && m.form == MentionForm::FullName)
                            })
                        };
                        if (self.speech_context(f, it) || named_before()) && !it_follows {
                            if let Some(pid) = self.person_named(&word, f, it.start) {
                                self.mention(f, it.start, it.end, pid, MentionForm::Surname);
                                continue;
                            }
                        }
                    }
                    // "the Republican said": a person described by party or nationality
                    if form == MentionForm::Demonym && it.b - it.a == 1 && !word.ends_with('s') {
                        if let Some(pid) = self.the_adjective_person(f, it, Some(key)) {
                            self.mention(f, ft.tokens[it.a - 1].start, it.end, pid, MentionForm::Description);
                            continue;
                        }
                    }
                    // "the West" needs its article
                    if let LexKey::Org(oi) = key {
                        if ORGS[oi].name.starts_with("the ") && form == MentionForm::FullName {
                            let prev = if it.a > 0 { ft.lw(it.a - 1).to_string() } else { String::new() };
                            if prev != "the" {
                                continue;
                            }
                        }
                    }
                    let id = self.lex_entity(key);
                    let mut end = it.end;
                    // "European countries", "US officials": the state itself
                    if form == MentionForm::Demonym || form == MentionForm::Acronym || form == MentionForm::FullName {
                        if let Some(nx) = ft.tokens.get(it.b) {
                            let w = ft.token_text(nx);
                            if adjacent(ft, it.b - 1) && !has_possessive(ft, &ft.tokens[it.b - 1]) {
                                if lexicon::STATE_NOUNS.contains(&w.as_str()) && form == MentionForm::Demonym {
                                    end = nx.end;
                                } else if nx.kind == TokenKind::Word && ft.chars.get(nx.start).is_some_and(|c| c.is_lowercase()) && !is_function_word(&w) {
                                    // "US troops", "NATO membership": a modifier
                                    self.ents.add_modifier((field, it.start));
                                } else if match_title(ft, it.b).is_some() {
                                    self.ents.add_modifier((field, it.start));
                                }
                            }
                        }
                    }
                    self.mention(f, it.start, end, id, form);
                }
                ItemKind::Name => {
                    if it.b - it.a != 1 {
                        continue;
                    }
                    let word = bare(ft, &ft.tokens[it.a]);
                    // "the Trump administration"
                    if let Some(nx) = ft.tokens.get(it.b) {
                        let w = ft.lower_of(nx).to_string();
                        let w = w.trim_end_matches("’s").trim_end_matches("'s");
                        if let Some(&(_, kind)) = lexicon::PERSONAL_BODIES.iter().find(|(b, _)| *b == w) {
                            if adjacent(ft, it.a) && !has_possessive(ft, &ft.tokens[it.a]) {
                                let end = nx.start + w.chars().count();
                                let name = format!("{word} {w}");
                                let pid = self.person_named(&word, f, it.start);
                                let id = match self.ents.list.iter().position(|e| e.name == name) {
                                    Some(i) => i,
                                    None => self.ents.add_entity(Entity { name: name.clone(), kind, role: None, aliases: vec![], affiliations: vec![], gender: None }),
                                };
                                if let Some(pid) = pid {
                                    self.ents.affiliate(id, pid);
                                }
                                self.mention(f, it.start, end, id, MentionForm::FullName);
                                continue;
                            }
                        }
                    }
                    // "the Unite union", "the Likud party": an organisation named by one word,
                    // and later mentions of that word
                    let prev = if it.a > 0 { ft.lw(it.a - 1).to_string() } else { String::new() };
                    let noun = ft.tokens.get(it.b).filter(|_| adjacent(ft, it.a) && !has_possessive(ft, &ft.tokens[it.a])).map(|t| ft.token_text(t)).unwrap_or_default();
                    let org_kind = org_noun(&noun);
                    // ("Tangalooma" after "Tangalooma Island Resort": an organisation's own first
                    // word, when it is no common word, stands for it)
                    let no_person = self.person_named(&word, f, it.start).is_none();
                    let first_word_of = |e: &Entity| e.name.split(' ').count() >= 2 && e.name.split(' ').next() == Some(word.as_str()) && !lexicon::COMMON_WORDS.contains(&word.lower().as_str());
                    // ("Trust" after "East Sussex Healthcare NHS Trust": its head word alone)
                    let head_of = |e: &Entity| org_head(&word).is_some() && e.name.len() > word.len() && e.name.ends_with(word.as_str()) && e.name[..e.name.len() - word.len()].ends_with(' ');
                    let known_org = self.ents.list.iter().position(|e| (e.name == word || e.aliases.iter().any(|a| *a == word) || (first_word_of(e) && no_person) || head_of(e)) && e.kind != StakeholderKind::Person && e.kind != StakeholderKind::Country);
                    if let Some(id) = known_org {
                        // "the Council": the head word alone takes its article
                        let the = it.a >= 1 && prev == "the" && org_head(&word).is_some() && !self.ents.list[id].name.starts_with(word.as_str());
                        let (start, form) = if the { (ft.tokens[it.a - 1].start, MentionForm::Description) } else { (it.start, MentionForm::FullName) };
                        self.mention(f, start, it.end, id, form);
                        continue;
                    }
                    // "the media regulator Ofcom", "Ofcom, the media regulator,": a noun for an
                    // organisation beside the name says what it is (before "Ofcom said it")
                    if let (Some(kind), false) = (org_noun_before(ft, it.a).or_else(|| org_noun_after(ft, it.b)), headline_caps) {
                        if lexicon::given_name_gender(&word).is_none() && self.person_named(&word, f, it.start).is_none() {
                            let id = self.ents.add_entity(Entity { name: word.clone(), kind, role: None, aliases: vec![], affiliations: vec![], gender: None });
                            self.mention(f, it.start, it.end, id, MentionForm::FullName);
                            continue;
                        }
                    }
                    if !headline_caps {
                        if let Some(id) = self.single_word_body(f, it, &word, &prev) {
                            let the = it.a >= 1 && ft.token_text(&ft.tokens[it.a - 1]) == "The" && self.ents.list[id].name.starts_with("The ");
                            let (start, form) = if the { (ft.tokens[it.a - 1].start, MentionForm::FullName) } else { (it.start, MentionForm::FullName) };
                            self.mention(f, start, it.end, id, form);
                            continue;
                        }
                    }
                    // "Tesla and Volkswagen warned": a word coordinated with a known organisation
                    // names one of the same kind
                    if !headline_caps && lexicon::given_name_gender(&word).is_none() && self.person_named(&word, f, it.start).is_none() {
                        if let Some(kind) = self.coordinated_org(f, it) {
                            let id = self.ents.add_entity(Entity { name: word.clone(), kind, role: None, aliases: vec![], affiliations: vec![], gender: None });
                            self.mention(f, it.start, it.end, id, MentionForm::FullName);
                            continue;
                        }
                    }
                    if let (Some(kind), "the", false) = (org_kind, prev.as_str(), headline_caps) {
                        let id = self.ents.add_entity(Entity { name: word.clone(), kind, role: None, aliases: vec![], affiliations: vec![], gender: None });
                        // the mention takes the noun: "the Unite union said" has Unite as subject
                        let end = ft.tokens.get(it.b).map(|t| t.end).unwrap_or(it.end);
                        self.mention(f, it.start, end, id, MentionForm::FullName);
                        continue;
                    }
                    if let Some(pid) = self.person_named(&word, f, it.start) {
                        self.mention(f, it.start, it.end, pid, MentionForm::Surname);
                        continue;
                    }
                    if headline_caps {
                        continue;
                    }
                    // "a 1-0 defeat by Fulham", "Arsenal beat Chelsea 2-1": a team
                    if lexicon::given_name_gender(&word).is_none() && match_context(ft, it.a, it.b) {
                        let id = self.ents.add_entity(Entity { name: word.clone(), kind: StakeholderKind::Organisation, role: None, aliases: vec![], affiliations: vec![], gender: None });
                        self.mention(f, it.start, it.end, id, MentionForm::FullName);
                        continue;
                    }
                    // "her eight-year-old daughter Isabella": a relative named by a given name (or a
                    // word that is no common English word)
                    if it.a > 0 && adjacent(ft, it.a - 1) && lexicon::KIN_NOUNS.contains(&prev.as_str()) && (lexicon::given_name_gender(&word).is_some() || !lexicon::COMMON_WORDS.contains(&word.lower().as_str())) {
                        let id = self.person(&word, f, it.start);
                        self.mention(f, it.start, it.end, id, MentionForm::FullName);
                        continue;
                    }
                    // "the Texan said"
                    if let Some(pid) = self.the_adjective_person(f, it, None) {
                        self.mention(f, ft.tokens[it.a - 1].start, it.end, pid, MentionForm::Description);
                        continue;
                    }
                    // an unknown single name next to a speech verb is a person (an
                    // organisation's head word, "the Council replied", is a body: see
                    // `descriptions::body_mentions`)
                    if self.speech_context(f, it) && org_head(&word).is_none() {
                        let id = self.person(&word, f, it.start);
                        self.mention(f, it.start, it.end, id, MentionForm::Surname);
                    }
                }
                _ => {}
            }
        }
        self.small_words(f);
    }

    /// A single capitalised word that the context shows to be an organisation, institution or
    /// outlet (the entity, created or found):
    /// - an acronym in brackets right after an organisation's name ("the National Union of
    ///   Metalworkers of South Africa (Numsa)"): that organisation, with the acronym as alias;
    /// - an acronym of two to five capitals (or with digits), not a common noun's ("the HSE",
    ///   "URP", "MS3"): an organisation;
    /// - "The Gazette", "The Guardian"-style: "The" capitalised inside a sentence before an
    ///   organisation's or outlet's head word: that outlet or organisation;
    /// - a word that speaks and is then "it" ("CityFibre said it would appeal"): an organisation.
    pub(super) fn single_word_body(&mut self, f: usize, it: &Item, word: &str, prev: &str) -> Option<EntityId> {
        let ft = self.ft(f);
        let tok = |i: usize| ft.tokens.get(i).map(|t| ft.token_text(t)).unwrap_or_default();
        // "the Arsenal manager said", "the Chelsea boss": a word between "the" and an
        // organisation's office names the organisation (even a given name's spelling)
        let the_office = prev == "the" && ft.tokens.get(it.b).is_some_and(|t| lexicon::CORPORATE_TITLES.contains(&ft.lower_of(t)));
        if self.person_named(word, f, it.start).is_some() || (lexicon::given_name_gender(word).is_some() && !the_office) {
            return None;
        }
        // (ABC) after an organisation
        if it.a >= 1 && tok(it.a - 1) == "(" && tok(it.b) == ")" && it.a >= 2 {
            let before = ft.tokens[it.a - 2];
            let org = self.ents.mentions_before(ft.field, before.end + 1).next().filter(|m| m.end == before.end).map(|m| m.entity);
            if let Some(id) = org.filter(|&id| self.ents.list[id].kind != StakeholderKind::Person) {
                self.ents.add_alias(id, word);
                return Some(id);
            }
        }
        // ("NSW Premier", "Ohio governor": the word before an office of a territory is a place)
        if ft.tokens.get(it.b).is_some_and(|t| lexicon::TERRITORIAL_TITLES.contains(&ft.lower_of(t))) {
            return None;
        }
        let caps = word.chars().filter(|c| c.is_uppercase()).count();
        let acronym = (2..=6).contains(&word.chars().count())
            && word.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
            && caps >= 2
            && !lexicon::COMMON_ACRONYMS.contains(&word);
        let the_head = prev == "the" && it.a >= 1 && tok(it.a - 1) == "The" && !sentence_initial(ft, it.a - 1) && org_head(word).is_some();
        let said_it = {
            let next = tok(it.b).lower();
            let (n1, n2) = (tok(it.b + 1).lower(), tok(it.b + 2).lower());
            (lexicon::is_report_verb(&next) || matches!(next.as_str(), "has" | "had"))
                && (matches!(n1.as_str(), "it" | "its") || matches!(n2.as_str(), "it" | "its"))
        };
        if !(acronym || the_head || said_it || the_office) {
            return None;
        }
        let name = if the_head { format!("The {word}") } else { word.to_string() };
        // an acronym with the definite article is most often a public body ("the NHS", "the
        // FBI", "the EPA"); a company's or party's usually goes bare ("IBM", "URP")
        let kind = if the_head {
            org_head(word).unwrap_or(StakeholderKind::Organisation)
        } else if acronym && prev == "the" {
            StakeholderKind::Institution
        } else {
            StakeholderKind::Organisation
        };
        if let Some(id) = self.ents.list.iter().position(|e| e.name == name && e.kind != StakeholderKind::Person) {
            return Some(id);
        }
        Some(self.ents.add_entity(Entity { name, kind, role: None, aliases: vec![], affiliations: vec![], gender: None }))
    }

    /// The kind of a known organisation or outlet joined to `it` by "and" / "or" ("X and
    /// Volkswagen", "Volkswagen and X"), if any.
    pub(super) fn coordinated_org(&self, f: usize, it: &Item) -> Option<StakeholderKind> {
        let ft = self.ft(f);
        let tok = |i: usize| ft.tokens.get(i).filter(|t| t.kind == TokenKind::Word).map(|t| ft.token_text(t));
        let conj = |i: usize| tok(i).is_some_and(|w| matches!(w.as_str(), "and" | "or"));
        let orgs = self.ents.list.iter().filter(|e| matches!(e.kind, StakeholderKind::Organisation | StakeholderKind::Media));
        for e in orgs {
            let words: Vec<&str> = e.name.split_whitespace().collect();
            let n = words.len();
            let at = |from: usize| words.iter().enumerate().all(|(k, w)| tok(from + k).as_deref() == Some(*w));
            if n > 0 && conj(it.b) && at(it.b + 1) {
                return Some(e.kind);
            }
            if n > 0 && it.a > n && conj(it.a - 1) && at(it.a - 1 - n) {
                return Some(e.kind);
            }
        }
        None
    }

    /// "the Republican", "the Texan" used as a noun for a person (followed by a verb or
    /// punctuation, not by a noun): the person named nearest before (one affiliated with
    /// the party or country when there is one).
    pub(super) fn the_adjective_person(&self, f: usize, it: &Item, key: Option<LexKey>) -> Option<EntityId> {
        let ft = self.ft(f);
        if it.a == 0 {
            return None;
        }
        let prev = ft.lw(it.a - 1).to_string();
        if prev != "the" || !adjacent(ft, it.a - 1) {
            return None;
        }
        // an unknown word must look like a nationality or regional noun ("Texan", "Vermonter",
        // "Spaniard", "Israeli", "Frenchman", "Swede")
        let word = bare(ft, &ft.tokens[it.a]);
        let suffixed = ["an", "ian", "ese", "ite", "er", "ist", "ish", "ard", "i", "ot", "man", "woman", "on"]
            .iter()
            .any(|suf| word.ends_with(suf) && word.chars().count() > 4);
        if key.is_none() && !suffixed && !lexicon::NATIONALITY_NOUNS.contains(&word.lower().as_str()) {
            return None;
        }
        let next = ft.tokens.get(it.b).map(|t| ft.token_text(t)).unwrap_or_default();
        // "the Italian's frustration": a possessive noun, not an adjective before one
        let next_ok = has_possessive(ft, &ft.tokens[it.a])
            || next.is_empty()
            || next.chars().all(|c| !c.is_alphanumeric())
            || is_function_word(&next.lower())
            || matches!(next.as_str(), "said" | "says" | "told" | "added" | "has" | "is" | "was" | "who");
        if !next_ok || (!has_possessive(ft, &ft.tokens[it.a]) && ft.tokens.get(it.b).is_some_and(|t| is_cap(ft, t))) {
            return None;
        }
        let pos = ft.tokens[it.a - 1].start;
        let para = ft.paragraph_at(pos);
        let floor = ft.paragraphs.get(para.saturating_sub(2)).map(|p| p.0).unwrap_or(0);
        let affiliated = key.and_then(|k| self.cache.get(&k).copied());
        let persons: Vec<EntityId> = self
            .ents
            .mentions_before(ft.field, pos)
            .take_while(|m| m.start >= floor)
            .filter(|m| self.ents.list[m.entity].kind == StakeholderKind::Person)
            .map(|m| m.entity)
            .collect();
        if let Some(a) = affiliated {
            if let Some(&p) = persons.iter().find(|&&p| self.ents.list[p].affiliations.contains(&a)) {
                return Some(p);
            }
        }
        persons.first().copied()
    }

    /// A person already known whose name has `word` as its surname (or given name).
    pub(super) fn person_named(&self, word: &str, f: usize, pos: usize) -> Option<EntityId> {
        let field = self.ft(f).field;
        let hits = self.ents.name_candidates(word);
        let hits: Vec<EntityId> = if hits.is_empty() {
            (0..self.ents.list.len()).filter(|&i| self.ents.list[i].kind == StakeholderKind::Person && self.ents.list[i].name == word).collect()
        } else {
            hits
        };
        match hits.len() {
            0 => None,
            1 => Some(hits[0]),
            _ => self.ents.nearest_of(&hits, field, pos),
        }
    }

    /// Is the single capitalised word at `it` used as a speaker ("Sanders said", "said
    /// Sanders", "according to Sanders")?
    pub(super) fn speech_context(&self, f: usize, it: &Item) -> bool {
        let ft = self.ft(f);
        let tok = |i: usize| ft.tokens.get(i).map(|t| ft.lower_of(t).to_string()).unwrap_or_default();
        let is_report = |w: &str| lexicon::is_report_verb(w) || matches!(w, "asked" | "replied" | "responded" | "recalled");
        let next = tok(it.b);
        let next2 = tok(it.b + 1);
        let prev = if it.a > 0 { tok(it.a - 1) } else { String::new() };
        let prev2 = if it.a > 1 { tok(it.a - 2) } else { String::new() };
        let word = ft.token_text(&ft.tokens[it.a]);
        if lexicon::NOT_NAME.contains(&word.as_str()) || word.chars().all(|c| c.is_uppercase() || !c.is_alphabetic()) && word.chars().count() > 1 {
            return false;
        }
        is_report(&next)
            || (matches!(next.as_str(), "has" | "had" | "also" | "later" | "then" | "previously" | "once") && is_report(&next2))
            || (is_report(&prev) && matches!(next.as_str(), "." | "," | ";" | "in" | "on" | "at" | "during" | "as" | "that" | "") )
            || (prev == "to" && prev2 == "according")
    }

    /// "the [mods] title" standing for the person who holds it ("the president", "the US
    /// vice president"), or headline style without the article ("US vice president says").
    pub(super) fn description(&mut self, f: usize, k: usize) {
        let ft = self.ft(f);
        let field = ft.field;
        let items = self.items[f];
        let it = items[k];
        // not a title before a name
        if items.get(k + 1).is_some_and(|n| n.a == it.b && matches!(n.kind, ItemKind::Name | ItemKind::Honorific(_))) {
            return;
        }
        // the words before: modifiers, then "the"
        let mut p = it.a;
        let mut mods = String::new();
        let mut mod_items = Vec::new();
        while p > 0 {
            let by_end = &self.by_end[f];
            let from = by_end.partition_point(|e| e.0 < p);
            let found = by_end[from..].iter().take_while(|e| e.0 == p).map(|e| e.1).find(|&q| matches!(items[q].kind, ItemKind::Lex(LexHit::Entity(..)) | ItemKind::Title(false)));
            if let Some(q) = found {
                if !adjacent(ft, p - 1) {
                    break;
                }
                if let ItemKind::Lex(LexHit::Entity(..)) = items[q].kind {
                    mods = format!("{} {mods}", ft.slice(items[q].start, items[q].end).lower());
                    mod_items.push(q);
                }
                p = items[q].a;
                continue;
            }
            break;
        }
        // "the Bomet governor" after "Bomet Governor Isaac Rutto": a title qualified by a
        // name the text gave as part of someone's role
        if p == it.a && k > 0 && items[k - 1].b == it.a && items[k - 1].kind == ItemKind::Name && adjacent(ft, it.a - 1) {
            let q = items[k - 1];
            if q.a > 0 && ft.lw(q.a - 1).to_string() == "the" && !has_possessive(ft, &ft.tokens[q.b - 1]) {
                let phrase = format!("{} {}", ft.slice(q.start, q.end).lower(), ft.slice(it.start, it.end).lower());
                let hits: Vec<EntityId> = (0..self.ents.list.len())
                    .filter(|&i| self.ents.list[i].kind == StakeholderKind::Person && self.ents.list[i].role.as_ref().is_some_and(|(r, _)| r.lower() == phrase || r.lower().ends_with(&format!(" {phrase}"))))
                    .collect();
                if let Some(id) = self.ents.nearest_of(&hits, field, it.start) {
                    if self.mention(f, ft.tokens[q.a - 1].start, it.end, id, MentionForm::Description) {
                        self.used[f][k] = true;
                        self.used[f][k - 1] = true;
                    }
                    return;
                }
            }
        }
        let det = if p > 0 { ft.lw(p - 1).to_string() } else { String::new() };
        let sentence_start = ft.sentence_at(ft.tokens[p].start).and_then(|s| ft.sentences.get(s)).is_some_and(|s| s.start == ft.tokens[p].start);
        let ok = det == "the" || (f == 0 && !mod_items.is_empty() && (p == 0 || sentence_start));
        if !ok {
            return;
        }
        let title = ft.slice(it.start, it.end).lower();
        let desc = format!("{mods}{title}");
        let Some(id) = self.ents.resolve_description(&desc, field, it.start) else { return };
        let start = if det == "the" && p > 0 && !mod_items.is_empty() { items[*mod_items.last().unwrap_or(&k)].start } else if det == "the" { ft.tokens[p - 1].start } else { ft.tokens[p].start };
        let start = if det == "the" && p > 0 { ft.tokens[p - 1].start.min(start) } else { start };
        if self.mention(f, start, it.end, id, MentionForm::Description) {
            self.used[f][k] = true;
            for q in mod_items {
                self.used[f][q] = true;
            }
        }
    }

    /// Lower-case descriptions: "the alliance", "the 32-member alliance", "his country",
    /// "the Russians" (handled as lexicon), groups ("protesters").
    pub(super) fn small_words(&mut self, f: usize) {
        let ft = self.ft(f);
        let field = ft.field;
        let n = ft.tokens.len();
        // entities named like a lexicon organisation, with its index (entity order, then
        // ORGS order): the only ones a description noun can refer to; extended as entities come
        let mut org_ents: Vec<(EntityId, usize)> = Vec::new();
        let mut seen_ents = 0;
        let mut i = 0;
        while i < n {
            let w = ft.lw(i).to_string();
            if w == "the" {
                for e in seen_ents..self.ents.list.len() {
                    let name = &self.ents.list[e].name;
                    org_ents.extend(ORGS.iter().enumerate().filter(|(_, o)| o.name == name).map(|(oi, _)| (e, oi)));
                }
                seen_ents = self.ents.list.len();
                // the [number-member|adj]{0,2} noun
                for extra in 0..3 {
                    let h = i + 1 + extra;
                    if h >= n || !(i..h).all(|x| adjacent(ft, x)) {
                        break;
                    }
                    let head = bare(ft, &ft.tokens[h]).lower();
                    let mid_ok = (i + 1..h).all(|x| {
                        let t = &ft.tokens[x];
                        t.kind != TokenKind::Punct && ft.chars.get(t.start).is_some_and(|c| c.is_lowercase() || c.is_ascii_digit())
                    });
                    if !mid_ok {
                        break;
                    }
                    let head2 = if h > i + 1 { format!("{} {head}", ft.lw(h - 1).to_string()) } else { String::new() };
                    let mut words_used = 1;
                    let mut desc: Vec<EntityId> = Vec::new();
                    let mut k = 0;
                    while k < org_ents.len() {
                        let e = org_ents[k].0;
                        let mut hit = false;
                        while k < org_ents.len() && org_ents[k].0 == e {
                            if !hit {
                                hit = ORGS[org_ents[k].1].descriptions.iter().any(|d| {
                                    if d == head2 {
                                        words_used = 2;
                                    }
                                    (!d.contains(' ') && d == head) || d == head2
                                });
                            }
                            k += 1;
                        }
                        if hit {
                            desc.push(e);
                        }
                    }
                    if !desc.is_empty() && self.ents.mention_at(field, ft.tokens[h].start).is_none() {
                        let pos = ft.tokens[i].start;
                        if let Some(id) = self.ents.nearest_of(&desc, field, pos) {
                            let end = ft.tokens[h].start + bare(ft, &ft.tokens[h]).chars().count();
                            if self.mention(f, pos, end, id, MentionForm::Description) && h + 1 > i + 1 + words_used && self.ents.list[id].role.is_none() {
                                let rs = ft.tokens[i + 1].start;
                                self.ents.list[id].role = Some((ft.slice(rs, end), Span::new(field, rs, end)));
                            }
                            i = h;
                        }
                        break;
                    }
                }
            } else if (w == "his" || w == "her") && i + 1 < n && adjacent(ft, i) {
                let nx = bare(ft, &ft.tokens[i + 1]).lower();
                if nx == "country" || nx == "nation" || nx == "government" {
                    let pos = ft.tokens[i].start;
                    if let Some(pid) = self.nearest_person(f, pos, Some(w == "his"), None) {
                        let country = self.ents.list[pid].affiliations.iter().copied().find(|&a| self.ents.list[a].kind == StakeholderKind::Country);
                        if let Some(c) = country {
                            let end = ft.tokens[i + 1].start + nx.chars().count();
                            self.mention(f, pos, end, c, MentionForm::Description);
                        }
                    }
                }
            } else if lexicon::GROUPS.contains(&w.as_str()) && self.ents.mention_at(field, ft.tokens[i].start).is_none() {
                let prev = if i > 0 { ft.lw(i - 1).to_string() } else { String::new() };
                // "protesters" but not "Ukrainian refugees" (already the country's) or "his voters"
                if !matches!(prev.as_str(), "his" | "her" | "their" | "its") {
                    let id = match self.ents.list.iter().position(|e| e.kind == StakeholderKind::Group && e.name == w) {
                        Some(x) => x,
                        None => self.ents.add_entity(Entity { name: w.clone(), kind: StakeholderKind::Group, role: None, aliases: vec![], affiliations: vec![], gender: None }),
                    };
                    let t = ft.tokens[i];
                    self.mention(f, t.start, t.end, id, MentionForm::FullName);
                }
            } else if lexicon::is_person_plural(&w) && self.ents.mention_at(field, ft.tokens[i].start).is_none() {
                // "Villagers have slammed the council", "the unions said": a group that acts
                // or speaks (and its later mentions)
                // (written as in the text when in capitals: "MPs")
                let name = if office_plural(ft, i) { ft.token_text(&ft.tokens[i]) } else { w.clone() };
                let known = self.ents.list.iter().position(|e| e.kind == StakeholderKind::Group && e.name == name);
                if let Some(id) = known.or_else(|| acting_plural(ft, i).then(|| self.ents.add_entity(Entity { name, kind: StakeholderKind::Group, role: None, aliases: vec![], affiliations: vec![], gender: None }))) {
                    let t = ft.tokens[i];
                    self.mention(f, t.start, t.end, id, MentionForm::FullName);
                }
            }
            i += 1;
        }
    }
}

/// Is the plural noun at token `i` a clause's subject: not owned ("their supporters") or named
/// by a capitalised modifier ("Tory MPs"), and followed by a verb (an auxiliary, a reporting
/// verb or a past tense)?
fn acting_plural(ft: &FieldText, i: usize) -> bool {
    let low = |j: usize| ft.tokens.get(j).map(|t| ft.lower_of(t).to_string()).unwrap_or_default();
    if i > 0 {
        let p = &ft.tokens[i - 1];
        let pw = low(i - 1);
        let capital_modifier = is_cap(ft, p) && !sentence_initial(ft, i - 1) && adjacent(ft, i - 1);
        if matches!(pw.as_str(), "his" | "her" | "their" | "its" | "our" | "my" | "your" | "of" | "for" | "to" | "by" | "with") || capital_modifier {
            return false;
        }
    }
    let next = low(i + 1);
    adjacent(ft, i)
        && ft.tokens.get(i + 1).is_some_and(|t| ft.chars.get(t.start).is_some_and(|c| c.is_lowercase()))
        && (matches!(next.as_str(), "have" | "had" | "are" | "were" | "will" | "would" | "could" | "can" | "cannot" | "must" | "should" | "may" | "might" | "say" | "want" | "wanted" | "claim" | "fear" | "feared" | "told")
            || lexicon::is_report_verb(&next)
            || (next.ends_with("ed") && next.chars().count() > 4))
}
