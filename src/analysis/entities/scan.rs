//! Pass 1, scan: each field's tokens become items — lexicon hits, titles, honorifics and
//! runs of capitalised words — with the word-shape helpers every pass shares.

use super::*;
use crate::text::Shape;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum LexHit {
    Entity(LexKey, MentionForm),
    Place,
}

pub(super) struct Phrase {
    pub(super) toks: Vec<String>,
    pub(super) hit: LexHit,
}

pub(super) struct Index {
    /// Names, by first token (case-sensitive).
    pub(super) names: HashMap<String, Vec<Phrase>>,
    /// Titles, by first token (lower case).
    pub(super) titles: HashMap<String, Vec<Vec<String>>>,
}

pub(super) fn index() -> &'static Index {
    static I: OnceLock<Index> = OnceLock::new();
    I.get_or_init(|| {
        let mut names: HashMap<String, Vec<Phrase>> = HashMap::default();
        let mut add = |p: &str, hit: LexHit| {
            let toks: Vec<String> = p.split(' ').map(str::to_string).collect();
            if let Some(f) = toks.first() {
                names.entry(f.clone()).or_default().push(Phrase { toks, hit });
            }
        };
        for (i, c) in COUNTRIES.iter().enumerate() {
            let k = LexKey::Country(i);
            add(c.name, LexHit::Entity(k, MentionForm::FullName));
            for a in c.aliases {
                let form = if a.chars().filter(|c| c.is_uppercase()).count() >= 2 && !a.contains(' ') { MentionForm::Acronym } else { MentionForm::FullName };
                add(a, LexHit::Entity(k, form));
            }
            for a in c.capitals {
                add(a, LexHit::Entity(k, MentionForm::Capital));
            }
            for a in c.demonyms {
                add(a, LexHit::Entity(k, MentionForm::Demonym));
            }
        }
        for (i, o) in ORGS.iter().enumerate() {
            let k = LexKey::Org(i);
            let bare = o.name.strip_prefix("the ").unwrap_or(o.name);
            add(bare, LexHit::Entity(k, MentionForm::FullName));
            for a in o.aliases {
                let form = if a.chars().filter(|c| c.is_uppercase()).count() >= 2 && !a.contains(' ') { MentionForm::Acronym } else { MentionForm::FullName };
                add(a, LexHit::Entity(k, form));
            }
            for a in o.adjectives {
                add(a, LexHit::Entity(k, MentionForm::Demonym));
            }
        }
        for p in lexicon::PLACES {
            add(p, LexHit::Place);
        }
        let mut titles: HashMap<String, Vec<Vec<String>>> = HashMap::default();
        for t in lexicon::TITLES.iter().chain(lexicon::TITLE_MODIFIERS) {
            let toks: Vec<String> = t.split(' ').map(str::to_string).collect();
            if let Some(f) = toks.first() {
                titles.entry(f.clone()).or_default().push(toks);
            }
        }
        Index { names, titles }
    })
}

// ---------------------------------------------------------------------------------------
// pass 1: scan

#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum ItemKind {
    Lex(LexHit),
    /// A title or title modifier; `true` when it is a title proper (not just "former").
    Title(bool),
    Honorific(Option<bool>),
    /// A run of capitalised words.
    Name,
}

#[derive(Clone, Copy, Debug)]
pub(super) struct Item {
    /// Token range `[a, b)`.
    pub(super) a: usize,
    pub(super) b: usize,
    /// Char range (possessive `’s` excluded).
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) kind: ItemKind,
}

/// Token text without a possessive `’s` / `'s` (and the char length kept).
pub(super) fn bare(ft: &FieldText, t: &Token) -> String {
    let s = ft.token_text(t);
    for suf in ["’s", "'s", "’S", "'S"] {
        if let Some(x) = s.strip_suffix(suf) {
            if !x.is_empty() {
                return x.to_string();
            }
        }
    }
    s
}

pub(super) fn is_word(t: &Token) -> bool {
    t.kind == TokenKind::Word
}

pub(super) fn is_cap(ft: &FieldText, t: &Token) -> bool {
    t.kind == TokenKind::Word && ft.chars.get(t.start).is_some_and(|c| c.is_uppercase())
}

/// Tokens `i` and `i+1` are separated by exactly one space (no punctuation, no line break).
pub(super) fn adjacent(ft: &FieldText, i: usize) -> bool {
    match (ft.tokens.get(i), ft.tokens.get(i + 1)) {
        (Some(a), Some(b)) => b.start == a.end + 1 && ft.chars.get(a.end) == Some(&' '),
        _ => false,
    }
}

pub(super) fn has_possessive(ft: &FieldText, t: &Token) -> bool {
    let s = ft.token_text(t);
    s.ends_with("’s") || s.ends_with("'s") || s.ends_with("’S") || s.ends_with("'S")
}

/// Longest lexicon name match at token `i`: (token count, hit, char end).
pub(super) fn match_name(ft: &FieldText, i: usize) -> Option<(usize, LexHit, usize)> {
    let idx = index();
    let t = ft.tokens.get(i)?;
    if !is_word(t) {
        return None;
    }
    let first_full = ft.token_text(t);
    let first_bare = bare(ft, t);
    let cands = idx.names.get(&first_bare).into_iter().chain(idx.names.get(&first_full)).flatten();
    let mut best: Option<(usize, LexHit, usize)> = None;
    for p in cands {
        let n = p.toks.len();
        if i + n > ft.tokens.len() || best.is_some_and(|(b, _, _)| b >= n) {
            continue;
        }
        let mut ok = true;
        for k in 0..n {
            if k > 0 && !adjacent(ft, i + k - 1) {
                ok = false;
                break;
            }
            let tk = &ft.tokens[i + k];
            let last = k + 1 == n;
            // a possessive is allowed on the last token only
            let txt = if last { bare(ft, tk) } else { ft.token_text(tk) };
            if txt != p.toks[k] && !(last && ft.token_text(tk) == p.toks[k]) {
                ok = false;
                break;
            }
        }
        if ok {
            let lt = &ft.tokens[i + n - 1];
            let full = ft.token_text(lt);
            let end = if full == p.toks[n - 1] { lt.end } else { lt.start + bare(ft, lt).chars().count() };
            best = Some((n, p.hit, end));
        }
    }
    best
}

/// Longest title match at token `i` (case-insensitive): (token count, is a title proper).
pub(super) fn match_title(ft: &FieldText, i: usize) -> Option<(usize, bool)> {
    let idx = index();
    let t = ft.tokens.get(i)?;
    if !is_word(t) {
        return None;
    }
    let first = bare(ft, t).lower();
    let mut best: Option<(usize, bool)> = None;
    // "co-anchor", "ex-minister"
    for pre in ["co-", "ex-", "vice-"] {
        if let Some(rest) = first.strip_prefix(pre) {
            if lexicon::TITLES.contains(&rest) {
                best = Some((1, true));
            }
        }
    }
    // "General-Secretary", "Vice-Chancellor": a hyphenated title written as one word
    if best.is_none() && first.contains('-') && (lexicon::TITLES.contains(&first.replace('-', " ").as_str()) || first.split('-').last().is_some_and(|p| lexicon::TITLES.contains(&p))) {
        best = Some((1, true));
    }
    for p in idx.titles.get(&first).into_iter().flatten() {
        let n = p.len();
        if i + n > ft.tokens.len() || best.is_some_and(|(b, _)| b >= n) {
            continue;
        }
        let ok = (0..n).all(|k| {
            (k == 0 || adjacent(ft, i + k - 1)) && {
                let tk = &ft.tokens[i + k];
                let txt = if k + 1 == n { bare(ft, tk) } else { ft.token_text(tk) };
                txt.lower() == p[k]
            }
        });
        if ok {
            let joined = p.join(" ");
            best = Some((n, lexicon::TITLES.contains(&joined.as_str())));
        }
    }
    best
}

/// Is token `i` a participle of a known verb opening its sentence before a lower-case word or
/// a comma ("Speaking on his podcast, the fighter said", "Asked about the vote, she said")?
/// Such a word is no name.
pub(super) fn opening_participle(ft: &FieldText, i: usize) -> bool {
    use crate::text::VerbForm;
    ft.verbs.get(i).copied().flatten().is_some_and(|v| matches!(v.form, VerbForm::Ing | VerbForm::Past))
        && sentence_initial(ft, i)
        && ft.tokens.get(i + 1).is_some_and(|u| u.shape == Shape::Lower || ft.token_text(u) == ",")
}

/// Is token `i` the plural of an office written in capitals ("MPs", "MEPs", "MLAs")? Those are
/// people (a group when they act), not a name.
pub(super) fn office_plural(ft: &FieldText, i: usize) -> bool {
    let w = ft.token_text(&ft.tokens[i]);
    w.strip_suffix('s').is_some_and(|stem| stem.chars().count() >= 2 && stem.chars().all(|c| c.is_ascii_uppercase())) && lexicon::is_person_plural(ft.lw(i))
}

/// Is token `i` a false title ([`lexicon::is_false_title`]): a noun for a person right before a
/// given name, in one phrase ("striker Harry Kane", "Pensioner Margaret Lowe said")? A noun with
/// a count ("mum-of-three") counts only in lower case after its first letter. Not "Mother
/// Superior" or "Victim Support": the next word must be a given name.
pub(super) fn false_title(ft: &FieldText, i: usize) -> bool {
    let Some(t) = ft.tokens.get(i) else { return false };
    let initial = t.shape == Shape::Capitalised && sentence_initial(ft, i);
    (t.shape == Shape::Lower || initial)
        && lexicon::is_false_title(ft.lw(i), initial)
        && adjacent(ft, i)
        && ft.tokens.get(i + 1).is_some_and(|u| is_cap(ft, u) && lexicon::given_name_gender(&ft.token_text(u)).is_some())
}

pub(super) fn honorific(ft: &FieldText, i: usize) -> Option<Option<bool>> {
    let t = ft.tokens.get(i)?;
    let s = ft.token_text(t);
    let g = lexicon::HONORIFICS.iter().find(|(h, _)| *h == s)?.1;
    // must precede a capitalised word
    let next = ft.tokens.get(i + 1)?;
    (is_cap(ft, next) && next.start <= t.end + 1).then_some(g)
}

/// A capitalised word that is not a name: sentence openers, pronouns and their
/// contractions ("I'll", "He's"), days, months.
pub(super) fn not_name(w: &str) -> bool {
    if lexicon::NOT_NAME.contains(&w) {
        return true;
    }
    match w.find(['\'', '’']) {
        Some(p) => {
            let (base, rest) = w.split_at(p);
            let rest: String = rest.chars().skip(1).collect::<String>().lower();
            matches!(rest.as_str(), "ll" | "m" | "ve" | "d" | "re" | "s" | "t") && (lexicon::NOT_NAME.contains(&base) || matches!(base, "Let" | "Don" | "Can" | "Won" | "Isn" | "Didn" | "Doesn"))
        }
        None => false,
    }
}

/// Words in the not-a-name list that still end personal names ("Jack White", "Kanye West").
pub(super) fn name_like(w: &str) -> bool {
    matches!(
        w,
        "Black" | "White" | "Western" | "North" | "South" | "East" | "West" | "Great" | "Good" | "Big" | "Old" | "New"
            | "Young" | "Christian" | "English" | "May" | "June" | "April" | "August" | "Will" | "Hope" | "Grace" | "Early"
            | "Little" | "Long" | "Price" | "Love" | "Rich" | "Strong" | "Wise" | "Sterling" | "Christmas" | "Ramadan"
            | "Jewish" | "Muslim" | "Catholic" | "Asian" | "Latino" | "Hispanic" | "Eastern" | "Northern" | "Southern"
    )
}

/// A capitalised hyphenated word whose last part is a lower-case participle or adjective
/// ("Yorkshire-based", "state-owned", "Kenyan-born", "Labour-led").
pub(super) fn compound_adjective(w: &str) -> bool {
    w.rsplit_once('-').is_some_and(|(head, last)| {
        !head.is_empty() && last.chars().next().is_some_and(|c| c.is_lowercase()) && (last.ends_with("ed") || matches!(last, "based" | "born" | "led" | "run" | "owned" | "held" | "built" | "made" | "bred" | "style" | "linked" | "backed" | "funded"))
    })
}

/// Is the name at tokens `[a, b)` a team in a match report: after a result verb or noun and
/// its preposition ("defeat by Fulham", "beat Chelsea") or before a result verb ("Arsenal
/// beat ...", with a score or "the" after it)?
pub(super) fn match_context(ft: &FieldText, a: usize, b: usize) -> bool {
    let low = |i: usize| ft.tokens.get(i).map(|t| ft.lower_of(t).to_string()).unwrap_or_default();
    let before1 = if a >= 1 { low(a - 1) } else { String::new() };
    let before2 = if a >= 2 { format!("{} {}", low(a - 2), before1) } else { String::new() };
    if lexicon::MATCH_BEFORE.contains(&before2.as_str()) || (lexicon::MATCH_BEFORE.contains(&before1.as_str()) && !before1.contains(' ')) {
        // ("beat" as a verb: the word before is no determiner, "a beat")
        return a < 2 || !matches!(low(a - 2).as_str(), "a" | "the");
    }
    let after = low(b);
    let next = low(b + 1);
    lexicon::MATCH_AFTER.contains(&after.as_str())
        && adjacent(ft, b - 1)
        && (next.chars().next().is_some_and(|c| c.is_ascii_digit()) || next == "the" || ft.tokens.get(b + 1).is_some_and(|t| is_cap(ft, t)))
}

/// First words that make a capitalised run a place ("San Bernardino", "Fort Worth").
pub(super) fn place_prefix(w: &str) -> bool {
    matches!(w, "San" | "Santa" | "Los" | "Las" | "Fort" | "Port" | "Mount" | "Lake" | "Saint" | "St." | "North" | "South" | "East" | "West" | "Upper" | "Lower" | "Greater")
}

/// Words after a name that do not make it a noun modifier ("Kyiv a guarantee", "Moscow has").
pub(super) fn is_function_word(w: &str) -> bool {
    const F: &[&str] = &[
        "a", "an", "the", "to", "of", "in", "on", "at", "for", "from", "with", "by", "and", "or", "but", "is", "was",
        "are", "were", "has", "had", "have", "will", "would", "could", "should", "can", "may", "might", "must", "that",
        "which", "who", "as", "into", "over", "after", "before", "about", "its", "it", "his", "her", "their", "this",
        "these", "those", "not", "also", "be", "been", "did", "does", "do", "than", "if", "when", "while", "because",
        "so", "again", "too", "now", "then", "itself", "alone", "instead", "last", "next", "under", "against",
        "despite", "since", "until", "through", "during", "without", "within", "between", "among", "across",
        "behind", "beyond", "toward", "towards", "upon", "amid", "around", "near", "via", "like", "unlike",
    ];
    F.contains(&w) || lexicon::is_report_verb(w) || (w.ends_with("ed") && w.len() > 4) || w.ends_with("ly")
}

/// Are tokens `[a, b)` ("Halstrom Motors" in "Norvik and Halstrom Motors") written elsewhere
/// nearby without an "and" before them? Then they name an organisation of their own. (A window
/// of [`NEAR`] tokens on each side, compared as chars without allocating: bounded work.)
pub(super) fn named_alone(ft: &FieldText, a: usize, b: usize) -> bool {
    const NEAR: usize = 600;
    let n = b - a;
    let chars = |q: usize| {
        let t = &ft.tokens[q];
        &ft.chars[t.start..t.end]
    };
    let same = |p: usize, q: usize| {
        let (x, y) = (chars(p), chars(q));
        let strip = |c: &[char]| -> usize {
            if c.len() > 2 && matches!(c[c.len() - 2], '’' | '\'') && c[c.len() - 1] == 's' { c.len() - 2 } else { c.len() }
        };
        x[..strip(x)] == y[..strip(y)]
    };
    let lo = a.saturating_sub(NEAR);
    let hi = (b + NEAR).min(ft.tokens.len());
    (lo..hi.saturating_sub(n - 1)).any(|p| {
        p != a && (p == 0 || chars(p - 1) != ['a', 'n', 'd']) && (0..n).all(|k| same(p + k, a + k))
    })
}

/// Does the name at `it` hold a common English word ([`lexicon::COMMON_WORDS`]) while no word
/// before its last is a given name and none is a particle?
pub(super) fn common_word_name(ft: &FieldText, it: &Item) -> bool {
    // ("Health Stephen Donnelly": a portfolio before a person's name)
    if (it.a..it.b - 1).any(|q| lexicon::given_name_gender(&ft.token_text(&ft.tokens[q])).is_some()) {
        return false;
    }
    // ("Marine Le Pen", "Ursula von der Leyen": a particle marks a personal name)
    if (it.a..it.b).any(|q| is_particle(ft.lw(q))) {
        return false;
    }
    (it.a..it.b).any(|q| lexicon::COMMON_WORDS.contains(&bare(ft, &ft.tokens[q]).lower().as_str()))
}

/// A lower-case surname particle between capitalised words ("Ursula von der Leyen", "Erik ten
/// Hag", "Abdullah bin Zayed"): the nobiliary and family-name particles of Dutch (van, de, der,
/// den, ten, ter), German (von, vom, zu), French (de, du, des, le, la), Italian (di, da, del,
/// della, dal, dalla, dei, degli), Iberian (del, dos, das), Arabic (al, bin, ibn, bint) and
/// Scandinavian (af, av) names. German "das" and "des" are left out: between two capitalised
/// German nouns they are articles ("Fraktion des Bundestags").
pub(super) fn is_particle(s: &str) -> bool {
    matches!(
        s,
        "de" | "van" | "von" | "vom" | "zu" | "der" | "den" | "ten" | "ter" | "bin" | "bint" | "al" | "da" | "del" | "della" | "dal" | "dalla" | "dei" | "degli" | "di" | "la" | "le" | "du" | "dos" | "ibn" | "af" | "av"
    )
}

/// Is the field a title-case headline ("Trump Says Europe Must Lead")? Then capitalised
/// runs there are not names by themselves.
pub(super) fn title_case(ft: &FieldText) -> bool {
    title_case_range(ft, 0, ft.tokens.len())
}

/// Does token `i` start a sentence (or follow an opening quote or dash at its start)?
pub(super) fn sentence_initial(ft: &FieldText, i: usize) -> bool {
    let Some(t) = ft.tokens.get(i) else { return false };
    let Some(si) = ft.sentence_at(t.start) else { return i == 0 };
    let Some(s) = ft.sentences.get(si) else { return false };
    let first_word = ft.tokens.iter().skip(ft.token_index_at(s.start)).find(|x| x.kind != TokenKind::Punct);
    first_word.is_some_and(|x| x.start == t.start)
}

/// Title case over tokens `[a, b)`.
pub(super) fn title_case_range(ft: &FieldText, a: usize, b: usize) -> bool {
    let words: Vec<&Token> = ft.tokens[a.min(b)..b.min(ft.tokens.len())].iter().filter(|t| is_word(t)).collect();
    if words.len() < 4 {
        return false;
    }
    // a lower-case word other than a short function word means ordinary prose
    // ("French President Emmanuel Macron met German Chancellor Olaf Scholz")
    const SMALL: &[&str] = &["a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "by", "with", "as", "vs", "vs.", "from", "per", "via"];
    if words.iter().any(|t| !is_cap(ft, t) && t.kind == TokenKind::Word && !SMALL.contains(&ft.lower_of(t))) {
        return false;
    }
    let caps = words.iter().filter(|t| is_cap(ft, t)).count();
    caps * 10 >= words.len() * 7
}

pub(super) fn scan(ft: &FieldText) -> Vec<Item> {
    let n = ft.tokens.len();
    let mut items = Vec::new();
    let surnames = super::languages::known_surnames(ft);
    let mut i = 0;
    while i < n {
        let t = ft.tokens[i];
        if !is_word(&t) {
            i += 1;
            continue;
        }
        let lex = match_name(ft, i);
        let title = match_title(ft, i).or_else(|| super::languages::foreign_title(ft, i).map(|n| (n, true))).or_else(|| false_title(ft, i).then_some((1, true)));
        if let Some(g) = honorific(ft, i).or_else(|| super::languages::foreign_honorific(ft, i)) {
            items.push(Item { a: i, b: i + 1, start: t.start, end: t.end, kind: ItemKind::Honorific(g) });
            i += 1;
            continue;
        }
        if let Some((len, hit, end)) = lex {
            let tl = title.map(|x| x.0).unwrap_or(0);
            // "Paris Hilton", "Washington Redskins": a one-word place name followed by a
            // capitalised non-lexicon word starts a name instead
            let given = lexicon::given_name_gender(&ft.token_text(&t)).is_some();
            let single_place = len == 1
                && (matches!(hit, LexHit::Entity(_, MentionForm::Capital) | LexHit::Place) || given)
                && adjacent(ft, i)
                && !has_possessive(ft, &t)
                && ft.tokens.get(i + 1).is_some_and(|u| is_cap(ft, u))
                && match_name(ft, i + 1).is_none()
                && match_title(ft, i + 1).is_none();
            // "Fox Sports", "Delta Airlines", "West Yorkshire Police": a one-word lexicon name
            // at the start of a capitalised run that ends in an organisation's head
            let org_next = len == 1
                && !has_possessive(ft, &t)
                && (1..=3).any(|k| {
                    (0..k).all(|m| adjacent(ft, i + m) && ft.tokens.get(i + m + 1).is_some_and(|u| is_cap(ft, u) && !has_possessive(ft, u) || m + 1 == k))
                        && ft.tokens.get(i + k).is_some_and(|u| is_cap(ft, u) && org_head(&bare(ft, u)).is_some())
                        && (k > 1 || match_name(ft, i + 1).is_none())
                });
            if len >= tl && !single_place && !org_next {
                let last = ft.tokens[i + len - 1];
                items.push(Item { a: i, b: i + len, start: t.start, end: end.min(last.end), kind: ItemKind::Lex(hit) });
                i += len;
                continue;
            }
        }
        // "Premier League", "General Assembly", "Chief Rabbi Office": a capitalised title word
        // at the start of a capitalised run that ends in an organisation's head names the
        // organisation (a run of up to three more words, none a possessive)
        let title = title.filter(|&(len, _)| {
            !(is_cap(ft, &t)
                && (len..len + 3).any(|k| {
                    (0..k).all(|m| adjacent(ft, i + m) && ft.tokens.get(i + m + 1).is_some_and(|u| is_cap(ft, u) && !has_possessive(ft, &ft.tokens[i + m])))
                        && ft.tokens.get(i + k).is_some_and(|u| org_head(&bare(ft, u)).is_some())
                }))
        });
        if let Some((len, proper)) = title {
            let last = ft.tokens[i + len - 1];
            let end = last.start + bare(ft, &last).chars().count();
            items.push(Item { a: i, b: i + len, start: t.start, end, kind: ItemKind::Title(proper) });
            i += len;
            continue;
        }
        if is_cap(ft, &t) && ((not_name(&ft.token_text(&t)) && !name_like(&ft.token_text(&t))) || super::languages::de_not_name(ft, i, &surnames) || office_plural(ft, i) || opening_participle(ft, i)) {
            i += 1;
            continue;
        }
        // "Yorkshire-based MS3", "Labour-led councils", "Kenyan-born": a compound adjective
        // whose last part is lower case is no part of a name
        if is_cap(ft, &t) && compound_adjective(&ft.token_text(&t)) {
            i += 1;
            continue;
        }
        if is_cap(ft, &t) {
            // a run of capitalised words (with particles and initials)
            let mut j = i;
            loop {
                let tj = ft.tokens[j];
                // "the National Farmers' Union", "the People's Party": a possessive inside an
                // organisation's name, right before its head
                let inner_possessive = has_possessive(ft, &tj)
                    && adjacent(ft, j)
                    && ft.tokens.get(j + 1).is_some_and(|u| is_cap(ft, u) && org_head(&bare(ft, u)).is_some());
                if has_possessive(ft, &tj) && !inner_possessive {
                    j += 1;
                    break;
                }
                // the plural form: "Farmers’ Union" (the apostrophe is a token of its own)
                let plural_possessive = ft.tokens.get(j + 1).is_some_and(|ap| ap.start == tj.end && ap.end == tj.end + 1 && matches!(ft.chars[ap.start], '’' | '\''))
                    && adjacent(ft, j + 1)
                    && ft.tokens.get(j + 2).is_some_and(|u| is_cap(ft, u) && org_head(&bare(ft, u)).is_some());
                if plural_possessive {
                    j += 2;
                    continue;
                }
                if !adjacent(ft, j) {
                    j += 1;
                    break;
                }
                let nx = ft.tokens[j + 1];
                let nx_txt = ft.token_text(&nx);
                // "Brighton & Hove Albion", "Marks & Spencer": an ampersand between capitalised
                // words joins one name
                if nx_txt == "&" && adjacent(ft, j + 1) && ft.tokens.get(j + 2).is_some_and(|u| is_cap(ft, u)) {
                    j += 2;
                    continue;
                }
                // "Millbrook Residents Association": a common word inside an organisation's name
                let org_next = adjacent(ft, j + 1) && ft.tokens.get(j + 2).is_some_and(|u| is_cap(ft, u) && org_head(&bare(ft, u)).is_some());
                // "West Yorkshire Police": an organisation's head ends the name even when alone
                // it is a common sentence opener ("Police said ...")
                let head_next = org_head(&bare(ft, &nx)).is_some();
                if compound_adjective(&nx_txt) {
                    j += 1;
                    break;
                }
                if is_cap(ft, &nx) && not_name(&nx_txt) && !name_like(&nx_txt) && !org_next && !head_next {
                    j += 1;
                    break;
                }
                // "the High Court Amraphael Mbogholi Msagha": an organisation's head followed by
                // a personal name (a given name, or two words that are no common word, head or
                // lexicon name) ends the organisation's name
                let personal_next = org_head(&bare(ft, &tj)).is_some() && is_cap(ft, &nx) && {
                    let plain = |q: usize| {
                        ft.tokens.get(q).is_some_and(|u| {
                            let w = bare(ft, u);
                            is_cap(ft, u) && !lexicon::COMMON_WORDS.contains(&w.lower().as_str()) && org_head(&w).is_none() && match_name(ft, q).is_none()
                        })
                    };
                    lexicon::given_name_gender(&nx_txt).is_some() || (plain(j + 1) && adjacent(ft, j + 1) && plain(j + 2))
                };
                if personal_next {
                    j += 1;
                    break;
                }
                // ("Phil King", "John Major": a one-word title right after a lone given name is
                // the surname, when no capitalised word follows it)
                let surname_title = j == i
                    && lexicon::given_name_gender(&ft.token_text(&tj)).is_some()
                    && match_title(ft, j + 1).is_some_and(|x| x.0 == 1)
                    && !ft.tokens.get(j + 2).is_some_and(|u| is_cap(ft, u) && adjacent(ft, j + 1));
                if is_cap(ft, &nx) && (surname_title || !(match_title(ft, j + 1).is_some_and(|x| x.1) && j + 1 > i)) {
                    j += 1;
                    continue;
                }
                // "Bank of England", "National Union of Metalworkers of South Africa": "of"
                // inside an organisation's name, after its head word or further on
                let org_of = nx_txt == "of" && (org_head(&ft.token_text(&tj)).is_some() || (j > i && (i..j).any(|q| org_head(&bare(ft, &ft.tokens[q])).is_some()) && (i..=j).filter(|&q| ft.token_text(&ft.tokens[q]) == "of").count() < 2));
                // "the National Water Conservation and Pipeline Corporation", "the Food and Drug
                // Administration": "and" inside an organisation's name, when the words after it
                // end in an organisation's head and the words before are no person's name
                let org_and = nx_txt == "and"
                    && org_head(&bare(ft, &tj)).is_none()
                    && lexicon::given_name_gender(&ft.token_text(&ft.tokens[i])).is_none()
                    && (j + 2..j + 5).any(|h| {
                        (j + 2..=h).all(|q| ft.tokens.get(q).is_some_and(|u| is_cap(ft, u) && !has_possessive(ft, u) && match_name(ft, q).is_none()) && (q == h || adjacent(ft, q)))
                            && org_head(&bare(ft, &ft.tokens[h])).is_some()
                            && !named_alone(ft, j + 2, h + 1)
                    });
                if (is_particle(&nx_txt) || org_of || org_and) && ft.tokens.get(j + 2).is_some_and(|u| is_cap(ft, u)) && adjacent(ft, j + 1) {
                    j += 2;
                    continue;
                }
                // "Ursula von der Leyen", "Rafael van der Vaart", "Ana de la Cruz": two
                // particles in a row
                if is_particle(&nx_txt) && adjacent(ft, j + 1) && ft.tokens.get(j + 2).is_some_and(|u| is_particle(ft.lower_of(u))) && adjacent(ft, j + 2) && ft.tokens.get(j + 3).is_some_and(|u| is_cap(ft, u)) {
                    j += 3;
                    continue;
                }
                j += 1;
                break;
            }
            // leading words that are not names ("The", or a sentence-opening verb such as
            // "Continued" or "Speaking")
            // ("West Yorkshire Police": a name-like word stays at the start of an organisation)
            let org_run = org_head(&bare(ft, &ft.tokens[j - 1])).is_some();
            let mut a = i;
            while a < j && not_name(&ft.token_text(&ft.tokens[a])) && !(name_like(&ft.token_text(&ft.tokens[a])) && (a + 1 == j || org_run)) {
                a += 1;
            }
            // "Developer Harlow Homes said", "Carmaker Nissan said": a sentence-initial noun for
            // a kind of organisation that no organisation's name starts or ends with (not
            // "Union Pacific", "Group Lotus")
            if a + 1 < j && sentence_initial(ft, a) && super::org_noun(ft.lw(a)).is_some() && org_head(&ft.token_text(&ft.tokens[a])).is_none() {
                a += 1;
            }
            if a + 1 < j && sentence_initial(ft, a) {
                let w = ft.token_text(&ft.tokens[a]);
                let lw = w.lower();
                let verbish = w.chars().count() > 4 && (lw.ends_with("ed") || lw.ends_with("ing") || lw.ends_with("ly"));
                if verbish && lexicon::given_name_gender(&w).is_none() {
                    a += 1;
                }
            }
            if a < j {
                let last = ft.tokens[j - 1];
                let end = last.start + bare(ft, &last).chars().count();
                items.push(Item { a, b: j, start: ft.tokens[a].start, end, kind: ItemKind::Name });
            }
            i = j.max(i + 1);
            continue;
        }
        i += 1;
    }
    items
}

/// Is the Name item `k` one of a list of three or more names joined by commas and a final
/// "and"/"or" ("Johnstone North, Kilbarchan, Howwood and Lochwinnoch"), none of them starting
/// with a given name or standing after a title or honorific? Such lists name places or areas.
pub(super) fn name_list_of_places(ft: &FieldText, items: &[Item], k: usize) -> bool {
    let joiner = |a: &Item, b: &Item| {
        let between: Vec<String> = (a.b..b.a).map(|q| ft.token_text(&ft.tokens[q])).collect();
        matches!(between.iter().map(String::as_str).collect::<Vec<_>>().as_slice(), [","] | ["and"] | ["or"] | [",", "and"] | [",", "or"])
    };
    let personal = |it: &Item| {
        it.kind != ItemKind::Name || lexicon::given_name_gender(&ft.token_text(&ft.tokens[it.a])).is_some() || has_possessive(ft, &ft.tokens[it.b - 1])
    };
    if personal(&items[k]) {
        return false;
    }
    let (mut lo, mut hi) = (k, k);
    while lo > 0 && !personal(&items[lo - 1]) && joiner(&items[lo - 1], &items[lo]) {
        lo -= 1;
    }
    while hi + 1 < items.len() && !personal(&items[hi + 1]) && joiner(&items[hi], &items[hi + 1]) {
        hi += 1;
    }
    // the list ends with "and"/"or" before its last member, and nothing titled opens it
    let ends_and = hi > lo && {
        let w = ft.token_text(&ft.tokens[items[hi].a - 1]);
        w == "and" || w == "or"
    };
    let titled = lo > 0 && matches!(items[lo - 1].kind, ItemKind::Title(_) | ItemKind::Honorific(_)) && items[lo - 1].b == items[lo].a;
    hi - lo >= 2 && ends_and && !titled
}
