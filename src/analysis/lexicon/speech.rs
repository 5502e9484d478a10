//! Speech verbs of French and German, nouns of speech, and the two predicates every pass asks of
//! a word (English verbs are in the verb lexicon, `verbs.rs`).

use super::Words;

// Speech, report and object verbs are entries of the one verb lexicon (`verbs.rs`), by lemma.
pub use super::verbs::{is_not_invertible, is_participle, is_report_verb};

/// Speech verbs of French and German news ("a déclaré", "sagte"), finite forms and French past
/// participles (after "a", "avait", "ont"): words no English sentence uses, so one list serves
/// every article whatever its language. From the common reporting verbs of French and German
/// grammars (dire, déclarer, affirmer ...; sagen, erklären, betonen ...).
pub const FOREIGN_SPEECH_VERBS: Words = Words("\
    dit|déclaré|affirmé|ajouté|expliqué|souligné|estimé|indiqué|précisé|assuré|insisté|répondu|\
    confié|martelé|rappelé|regretté|dénoncé|annoncé|prévenu|jugé|écrit|raconté|reconnu|admis|\
    déclare|affirme|ajoute|explique|souligne|estime|indique|précise|assure|insiste|répond|confie|\
    martèle|rappelle|regrette|dénonce|annonce|prévient|juge|écrit|raconte|reconnaît|déclarait|\
    affirmait|expliquait|sagte|sagt|sagten|erklärte|erklärt|betonte|betont|meinte|meint|fügte|\
    warnte|warnt|kritisierte|kritisiert|forderte|fordert|schrieb|schreibt|antwortete|antwortet|\
    ergänzte|unterstrich|bekräftigte|versicherte|räumte|sagen|erklärten|betonten");

/// Nouns for what someone said; their owner is the speaker (`Trump’s offer to make an “exception”`).
pub const SPEECH_NOUNS: Words = Words("\
    offer|call|calls|remarks|remark|comments|comment|words|statement|promise|pledge|claim|claims|\
    warning|threat|vow|tweet|message|letter|speech|proposal|plea|demand|assertion|insistence|\
    description|response|reply|answer|suggestion|argument");

/// Is `w` (lower case) a speech verb or participle?
pub fn is_speech_word(w: &str) -> bool {
    super::verbs::is_speech_verb(w) || FOREIGN_SPEECH_VERBS.contains(&w)
}

/// Is `w` (lower case) a word that signals reported speech around a quote?
pub fn is_cue_word(w: &str) -> bool {
    is_speech_word(w)
        || matches!(
            w,
            "according" | "statement" | "interview" | "tweet" | "remarks" | "comments" | "speech" | "cited" | "labeled"
                | "labelled" | "branded" | "deemed" | "termed" | "quoted" | "quoting" | "dubbed"
        )
        || SPEECH_NOUNS.contains(&w)
}
