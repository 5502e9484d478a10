//! The verb lexicon: one entry per verb (its lemma), with the classes and frames it takes, and
//! the morphology that finds the lemma of any inflected form ("said", "says", "saying" are
//! `say`). Every pass asks this module, through the per-token tags of the linguistic layer
//! ([`tag`]) or [`lookup`] for a word, instead of keeping its own list of inflections.

use crate::text::{Doc, VerbForm, VerbTag};

/// Class flags of an entry (after the `:` in [`VERBS`]).
pub const SPEECH: u16 = 1; // s: introduces a quote ("…," she said)
pub const REPORT: u16 = 2; // r: introduces a reported claim ("said that …")
pub const PARTICIPLE: u16 = 4; // p: its -ing form introduces speech after a comma ("…, adding")
pub const NOT_INVERTIBLE: u16 = 8; // n: the noun after it is its object ("told Fox News"), never an inverted subject
pub const THIRD: u16 = 16; // 3: the -s form is a speech, report or object verb too (where news uses the present)
pub const BASE: u16 = 32; // b: so is the base form (a verb whose base form is no common noun)
pub const PAST_ONLY: u16 = 64; // d: only the past form counts ("pointed out", "shot back": phrasal)

/// Verbs of reporting, speech and stance (lemma:flags), sorted by nothing in particular. The
/// speech and report classes are the reporting verbs of English news (the verbs of saying and of
/// manner of speaking in Quirk et al.'s reporting clauses, and Levin's "say", "tell", "manner of
/// speaking" and "complain" classes); the stance verbs are those of the relation triggers
/// (`relations::triggers`), whose lemmas must all be here. Flags: see the constants above; an
/// entry without flags is a known verb only (its lemma found, no class).
pub const VERBS: &str = "\
    say:srpb3|tell:srpnb3|add:srp3|write:srpb3|tweet:srp3|warn:srpb3|state:srp3|explain:srp3|argue:srpb3|\
    insist:srp3|note:srp3|ask:sp3|reply:sp3|declare:srp3|claim:srp3|continue:s3|recall:sp3|announce:srp3|\
    acknowledge:srp3|admit:srp3|suggest:srp3|stress:srp3|emphasize:sr3|emphasise:sr3|remark:s|observe:s|\
    post:sp|predict:srp3|promise:sp3|vow:sp3|urge:spn3|joke:sp3|quip:sp|conclude:s|concede:srp3|counter:sp3|\
    respond:sp3|answer:s|caution:sp|complain:sp3|boast:sp3|exclaim:s|shout:s|yell:s|whisper:s|retort:s|\
    opine:s|muse:s|reiterate:srp|repeat:srp|confirm:s3|deny:s3|describe:spn3|call:spn3|question:spn|\
    criticize:spn3|criticise:spn3|blast:spn|slam:spn|accuse:spnb3|charge:sn|testify:s|maintain:sr3|\
    contend:sp3|assert:sr3|lament:sp3|scoff:s|snap:s|mock:spn|praise:spn|hail:sn|text:s|email:s|comment:s3|\
    proclaim:sp|plead:sp|beg:sn|demand:spn3|thunder:s|rage:s|grumble:s|sigh:s|murmur:s|mutter:s|scream:s|\
    cry:s|chant:s|sing:s|read:sn3|inform:sn|assure:srn|remind:sn|blog:s|brag:s|snipe:s|jab:s|fume:s|\
    wonder:s|point:snd|shoot:snd|fire:snd|chime:snd|weigh:snd|sum:snd|report:s3|dub:spn|endorse:spn|\
    allege:srp3|recount:sp3|object:s|interject:s|elaborate:s|clarify:s|speculate:s|estimate:s|advise:sn|\
    instruct:sn|talk:s3|speak:s3|believe:r3|think:r3|signal:r|indicate:r|hint:r|dismiss:p|label:p|brand:p|\
    cite:p|refer:p|pledge:p|denounce:p|\
    rule:|exclude:|reject:|oppose:|veto:|block:|resist:|condemn:|attack:|lambast:|deride:|blame:|support:|\
    back:|defend:|stand:|side:|vote:|campaign:|welcome:|applaud:|congratulate:|thank:|propose:|raise:|\
    float:|put:|expect:|want:|press:|pressure:|appeal:|host:|meet:|visit:|hold:|rebuke:|lash:|hit:|take:|\
    confront:|censure:|reprimand:|scold:|chide:|ridicule:|fault:|threaten:|challenge:|cut:|sanction:|fine:|\
    impose:|slap:|sue:|prosecute:|file:|negotiate:|give:|provide:|send:|offer:|join:|rejoin:|sign:|work:|\
    play:|";

/// Irregular past forms (past tense and past participle) of the verbs above, as English
/// grammars list them (form:lemma). Regular forms are found by [`candidates`].
pub const IRREGULAR: &str = "\
    said:say|told:tell|wrote:write|written:write|spoke:speak|spoken:speak|thought:think|sang:sing|\
    sung:sing|shot:shoot|read:read|met:meet|held:hold|stood:stand|put:put|hit:hit|took:take|taken:take|\
    cut:cut|gave:give|given:give|sent:send|";

struct Table {
    /// (lemma, flags), sorted by lemma.
    entries: Vec<(&'static str, u16)>,
    /// (form, lemma), sorted by form.
    irregular: Vec<(&'static str, &'static str)>,
}

fn table() -> &'static Table {
    static T: std::sync::OnceLock<Table> = std::sync::OnceLock::new();
    T.get_or_init(|| {
        let mut entries: Vec<(&'static str, u16)> = VERBS
            .split_terminator('|')
            .filter_map(|e| {
                let (lemma, flags) = e.trim_start().split_once(':')?;
                let f = flags.chars().fold(0u16, |f, c| {
                    f | match c {
                        's' => SPEECH,
                        'r' => REPORT,
                        'p' => PARTICIPLE,
                        'n' => NOT_INVERTIBLE,
                        '3' => THIRD,
                        'b' => BASE,
                        'd' => PAST_ONLY,
                        _ => 0,
                    }
                });
                Some((lemma, f))
            })
            .collect();
        // (sorted through the crate's one shared sort: no sort code of its own in the wasm)
        crate::text::sort_vec_by(&mut entries, &|a, b| a.0.cmp(b.0));
        entries.dedup_by(|a, b| a.0 == b.0);
        let mut irregular: Vec<(&'static str, &'static str)> =
            IRREGULAR.split_terminator('|').filter_map(|e| e.trim_start().split_once(':')).collect();
        crate::text::sort_vec_by(&mut irregular, &|a, b| a.0.cmp(b.0));
        Table { entries, irregular }
    })
}

/// The index of `lemma` in the table.
fn index(lemma: &str) -> Option<usize> {
    table().entries.binary_search_by(|e| e.0.cmp(lemma)).ok()
}

/// The lemmas a regular form may come from, with its form ("noted": "note", then "not").
fn candidates(w: &str) -> impl Iterator<Item = (String, VerbForm)> + '_ {
    let b = w.as_bytes();
    let n = b.len();
    let doubled = |k: usize| n > k + 1 && b[n - k - 1] == b[n - k - 2];
    let mut out: Vec<(String, VerbForm)> = Vec::new();
    if let Some(s) = w.strip_suffix("ies") {
        out.push(([s, "y"].concat(), VerbForm::Third));
    }
    if let Some(s) = w.strip_suffix("ied") {
        out.push(([s, "y"].concat(), VerbForm::Past));
    }
    if let Some(s) = w.strip_suffix('s') {
        out.push((s.to_string(), VerbForm::Third));
        if let Some(s2) = s.strip_suffix('e') {
            out.push((s2.to_string(), VerbForm::Third));
        }
    }
    if let Some(s) = w.strip_suffix("ed") {
        out.push(([s, "e"].concat(), VerbForm::Past));
        out.push((s.to_string(), VerbForm::Past));
        if doubled(2) {
            out.push((s[..s.len() - 1].to_string(), VerbForm::Past));
        }
    }
    if let Some(s) = w.strip_suffix("ing") {
        out.push((s.to_string(), VerbForm::Ing));
        out.push(([s, "e"].concat(), VerbForm::Ing));
        if doubled(3) {
            out.push((s[..s.len() - 1].to_string(), VerbForm::Ing));
        }
    }
    out.into_iter()
}

/// The verb `w` (lower case) is a form of, if the lexicon knows it: its entry and its form.
/// Answers are remembered per thread (a word's morphology is worked out once).
pub fn lookup(w: &str) -> Option<VerbTag> {
    if w.len() < 2 || !w.is_ascii() {
        return None;
    }
    thread_local! {
        static SEEN: std::cell::RefCell<rustc_hash::FxHashMap<Box<str>, Option<VerbTag>>> = std::cell::RefCell::new(rustc_hash::FxHashMap::default());
    }
    if let Some(v) = SEEN.with(|m| m.borrow().get(w).copied()) {
        return v;
    }
    let v = find(w);
    SEEN.with(|m| {
        let mut m = m.borrow_mut();
        if m.len() > 50_000 {
            m.clear();
        }
        m.insert(w.into(), v);
    });
    v
}

fn find(w: &str) -> Option<VerbTag> {
    let t = table();
    if let Ok(i) = t.irregular.binary_search_by(|e| e.0.cmp(w)) {
        let lemma = index(t.irregular[i].1)?;
        return Some(VerbTag { lemma: lemma as u16, form: VerbForm::Past });
    }
    if let Some(i) = index(w) {
        return Some(VerbTag { lemma: i as u16, form: VerbForm::Base });
    }
    candidates(w).find_map(|(c, form)| index(&c).map(|i| VerbTag { lemma: i as u16, form }))
}

/// The lemma of a tag.
pub fn lemma(tag: VerbTag) -> &'static str {
    table().entries.get(tag.lemma as usize).map(|e| e.0).unwrap_or("")
}

fn flags(tag: VerbTag) -> u16 {
    table().entries.get(tag.lemma as usize).map(|e| e.1).unwrap_or(0)
}

/// Does this form count for `class` (SPEECH, REPORT or NOT_INVERTIBLE)? The past always; the
/// -s and base forms where the entry says so; the -ing form for the report class where the
/// entry's participle introduces speech.
pub fn form_has(tag: VerbTag, class: u16) -> bool {
    let f = flags(tag);
    if f & class == 0 {
        return false;
    }
    match tag.form {
        VerbForm::Past => true,
        _ if f & PAST_ONLY != 0 => false,
        VerbForm::Third => f & THIRD != 0,
        VerbForm::Base => f & BASE != 0,
        VerbForm::Ing => class == REPORT && f & PARTICIPLE != 0,
    }
}

/// Is this an -ing form that introduces speech ("…, adding")?
pub fn is_participle_tag(tag: VerbTag) -> bool {
    tag.form == VerbForm::Ing && flags(tag) & PARTICIPLE != 0
}

/// Is `w` (lower case) a speech verb (of the right form) or a speech participle?
pub fn is_speech_verb(w: &str) -> bool {
    lookup(w).is_some_and(|t| form_has(t, SPEECH) || is_participle_tag(t))
}

/// Is `w` (lower case) a verb that introduces a reported claim ("said that")?
pub fn is_report_verb(w: &str) -> bool {
    lookup(w).is_some_and(|t| form_has(t, REPORT))
}

/// Is `w` (lower case) a participle that introduces speech ("adding", "accusing")?
pub fn is_participle(w: &str) -> bool {
    lookup(w).is_some_and(is_participle_tag)
}

/// Is `w` (lower case) a verb whose following noun is its object ("told", "urged")?
pub fn is_not_invertible(w: &str) -> bool {
    lookup(w).is_some_and(|t| form_has(t, NOT_INVERTIBLE))
}

/// The linguistic layer's verb tags: each word token of both fields gets its verb (lemma and
/// form) from this lexicon, once per article.
pub fn tag(doc: &mut Doc) {
    for ft in [&mut doc.headline, &mut doc.body] {
        ft.verbs = ft.lower.iter().map(|w| lookup(w)).collect();
    }
}

/// The verb of token `i` of a field: the layer's tag (or, for a field the layer did not tag,
/// a lookup of its lower-case text).
pub fn verb_at(ft: &crate::text::FieldText, i: usize) -> Option<VerbTag> {
    match ft.verbs.get(i) {
        Some(v) => *v,
        None if ft.verbs.is_empty() => ft.lower.get(i).and_then(|w| lookup(w)),
        None => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lem(w: &str) -> Option<(&'static str, VerbForm)> {
        lookup(w).map(|t| (lemma(t), t.form))
    }

    #[test]
    fn every_inflection_finds_its_lemma() {
        use VerbForm::*;
        for (w, l, f) in [
            ("say", "say", Base), ("says", "say", Third), ("said", "say", Past), ("saying", "say", Ing),
            ("noted", "note", Past), ("noting", "note", Ing), ("added", "add", Past), ("slammed", "slam", Past),
            ("slamming", "slam", Ing), ("replied", "reply", Past), ("replies", "reply", Third),
            ("stresses", "stress", Third), ("admitted", "admit", Past), ("signalled", "signal", Past),
            ("labelling", "label", Ing), ("sued", "sue", Past), ("suing", "sue", Ing), ("vetoes", "veto", Third),
            ("held", "hold", Past), ("criticises", "criticise", Third), ("scoffed", "scoff", Past),
        ] {
            assert_eq!(lem(w), Some((l, f)), "{w}");
        }
        // near misses: words that look inflected but are no form of a known verb
        for w in ["not", "news", "red", "shed", "need", "rules", "sides"] {
            assert!(lookup(w).is_none() || matches!(w, "rules" | "sides"), "{w}: {:?}", lem(w));
        }
    }

    #[test]
    fn classes_take_the_forms_their_entry_gives() {
        // example: "said", "says", "say" and "saying" all introduce speech
        assert!(is_speech_verb("said") && is_speech_verb("says") && is_speech_verb("say") && is_speech_verb("saying"));
        // near miss: "claim" and "call" are nouns in their base form ("the claim", "a call")
        assert!(is_speech_verb("claimed") && !is_speech_verb("claim") && !is_speech_verb("call"));
        // near miss: "points" and "fires" are plural nouns; only "pointed" ("pointed out") counts
        assert!(is_speech_verb("pointed") && !is_speech_verb("points") && !is_speech_verb("fires"));
        assert!(is_report_verb("said") && is_report_verb("saying") && !is_report_verb("shouted"));
        assert!(is_participle("adding") && is_participle("citing") && !is_participle("shouting"));
        assert!(is_not_invertible("told") && is_not_invertible("tell") && !is_not_invertible("said"));
    }

    #[test]
    fn every_irregular_form_and_trigger_has_its_lemma_here() {
        for e in IRREGULAR.split_terminator('|') {
            let (_, l) = e.trim_start().split_once(':').unwrap();
            assert!(index(l).is_some(), "irregular {e}: no entry {l}");
        }
    }
}
