//! Speech and reporting verbs (English, French, German), participles and nouns of speech, and
//! the two predicates every pass asks of a word.

use super::Words;

/// Verbs that report speech or thought and introduce a claim ("said that ...").
pub const REPORT_VERBS: Words = Words("\
    said|says|say|told|tells|added|adds|argued|argues|insisted|insists|stated|\
    states|warned|warns|suggested|suggesting|suggests|claimed|claims|noted|notes|\
    stressed|predicted|declared|announced|acknowledged|believes|believed|thinks|thought|\
    wrote|writes|tweeted|explained|maintained|maintains|asserted|assured|signalled|\
    signaled|indicated|hinted|conceded|admitted|reiterated|repeated|emphasised|\
    emphasized|saying|warning|arguing|insisting|claiming|noting|adding|telling|alleged|alleges|\
    alleging");

/// Verbs that introduce speech ("said", "told", "warned"), finite and base forms.
pub const SPEECH_VERBS: Words = Words("\
    said|says|say|told|tells|tell|added|adds|wrote|writes|write|tweeted|tweets|warned|warns|warn|stated|\
    states|explained|explains|argued|argues|argue|insisted|insists|noted|notes|asked|asks|replied|\
    replies|declared|declares|claimed|claims|continued|continues|recalled|recalls|announced|announces|\
    acknowledged|acknowledges|admitted|admits|suggested|suggests|stressed|stresses|emphasized|\
    emphasised|emphasizes|emphasises|remarked|observed|posted|predicted|predicts|promised|promises|\
    vowed|vows|urged|urges|joked|jokes|quipped|concluded|conceded|concedes|countered|counters|responded|\
    responds|answered|cautioned|complained|complains|boasted|boasts|exclaimed|shouted|yelled|whispered|\
    retorted|opined|mused|reiterated|repeated|confirmed|confirms|denied|denies|described|describes|\
    called|calls|questioned|criticized|criticised|criticizes|criticises|blasted|slammed|accused|accuses|\
    accuse|charged|testified|maintained|maintains|contended|contends|asserted|asserts|lamented|laments|\
    scoffed|snapped|mocked|praised|hailed|texted|emailed|commented|comments|proclaimed|pleaded|begged|\
    demanded|demands|thundered|raged|grumbled|sighed|murmured|muttered|screamed|cried|chanted|sang|read|\
    reads|informed|assured|reminded|blogged|bragged|sniped|jabbed|fumed|wondered|explaining|pointed|\
    shot|fired|chimed|weighed|summed|reported|reports|contended|contends|dubbed|endorsed|wrote|alleged|\
    alleges|recounted|recounts|objected|interjected|elaborated|clarified|conceded|predicted|estimated|\
    speculated|advised|instructed|talked|talks|spoke|speaks");

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

/// Participles: the speaker is the subject of the clause they hang on.
pub const PARTICIPLES: Words = Words("\
    saying|adding|warning|telling|noting|arguing|insisting|calling|writing|tweeting|suggesting|\
    stressing|claiming|declaring|urging|describing|stating|predicting|promising|vowing|acknowledging|\
    admitting|recalling|accusing|dismissing|labeling|labelling|branding|praising|criticizing|\
    criticising|joking|quipping|asking|complaining|cautioning|boasting|questioning|referring|declaring|\
    explaining|pledging|denouncing|blasting|slamming|mocking|lamenting|vowing|reiterating|repeating|\
    citing|endorsing|dubbing|alleging|contending|countering|responding|replying|announcing|conceding|\
    proclaiming|demanding|pleading|recounting|tweeting|posting");

/// Nouns for what someone said; their owner is the speaker (`Trump’s offer to make an “exception”`).
pub const SPEECH_NOUNS: Words = Words("\
    offer|call|calls|remarks|remark|comments|comment|words|statement|promise|pledge|claim|claims|\
    warning|threat|vow|tweet|message|letter|speech|proposal|plea|demand|assertion|insistence|\
    description|response|reply|answer|suggestion|argument");

/// Verbs whose following noun is their object, not an inverted subject (`told Fox News`).
pub const NOT_INVERTIBLE: Words = Words("\
    told|tells|tell|urged|urges|called|calls|described|describes|questioned|criticized|criticised|\
    criticizes|criticises|blasted|slammed|accused|accuses|accuse|praised|hailed|mocked|charged|reminded|\
    assured|informed|begged|read|reads|pointed|shot|fired|chimed|weighed|summed|demanded|demands|dubbed|\
    endorsed|advised|instructed");

/// Is `w` (lower case) a speech verb or participle?
pub fn is_speech_word(w: &str) -> bool {
    SPEECH_VERBS.contains(&w) || PARTICIPLES.contains(&w) || FOREIGN_SPEECH_VERBS.contains(&w)
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
