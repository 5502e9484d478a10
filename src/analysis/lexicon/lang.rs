//! The article's language: its `lang` field when given, else detected from the commonest
//! function words of English, German and French (the top of each language's frequency lists:
//! articles, conjunctions, auxiliaries, prepositions). Chooses which titles, pronouns and
//! capitalisation rules the passes apply; an article in any other language is read as English.

use super::Words;
use crate::text::{Doc, Lang};

const EN: Words = Words("the|and|is|of|to|in|that|was|for|with|on|as|has|have|are|it|by|from|this|were");
const DE: Words = Words("der|die|das|und|ist|nicht|mit|sich|auch|ein|eine|dem|den|des|von|zu|für|auf|wird|hat");
const FR: Words = Words("le|la|les|et|est|pas|une|des|du|que|qui|dans|pour|sur|avec|au|aux|ce|ont|sont");

/// The language a BCP 47 tag names ("de-AT" is German), if the analysis knows it.
pub fn from_tag(tag: &str) -> Option<Lang> {
    let primary = tag.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
    match primary.as_str() {
        "en" => Some(Lang::En),
        "de" => Some(Lang::De),
        "fr" => Some(Lang::Fr),
        _ => None,
    }
}

/// The language of a text by its function words: German or French when that language's
/// words are at least 6 and twice the count of each other's; else English.
pub fn detect(words: &[String]) -> Lang {
    let (mut en, mut de, mut fr) = (0usize, 0usize, 0usize);
    for w in words {
        let w = w.as_str();
        en += EN.contains(&w) as usize;
        de += DE.contains(&w) as usize;
        fr += FR.contains(&w) as usize;
    }
    if de >= 6 && de >= 2 * en && de >= 2 * fr {
        Lang::De
    } else if fr >= 6 && fr >= 2 * en && fr >= 2 * de {
        Lang::Fr
    } else {
        Lang::En
    }
}

/// Sets both fields' language: the article's tag when the analysis knows it; else what the
/// body's words say (an unknown tag, "es", is read as English).
pub fn set(doc: &mut Doc, tag: Option<&str>) {
    let lang = match tag {
        Some(t) => from_tag(t).unwrap_or(Lang::En),
        None => detect(&doc.body.lower),
    };
    doc.headline.lang = lang;
    doc.body.lang = lang;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        s.split_whitespace().map(|w| w.to_lowercase()).collect()
    }

    #[test]
    fn function_words_tell_the_language() {
        let de = "Der Kanzler hat die Pläne der Opposition kritisiert und sagte, das sei nicht mit der Verfassung vereinbar. ".repeat(4);
        let fr = "Le ministre a défendu le budget et il a dit que la dette est un problème pour les Français. ".repeat(4);
        let en = "The minister defended the budget and said that the debt was a problem for the country. ".repeat(4);
        assert_eq!(detect(&words(&de)), Lang::De);
        assert_eq!(detect(&words(&fr)), Lang::Fr);
        assert_eq!(detect(&words(&en)), Lang::En);
        // near miss: an English story quoting a German phrase is English
        let mixed = format!("{en} \"Die Mauer muss weg\", the banner read.");
        assert_eq!(detect(&words(&mixed)), Lang::En);
    }

    #[test]
    fn a_tag_names_the_language() {
        assert_eq!(from_tag("de-AT"), Some(Lang::De));
        assert_eq!(from_tag("fr"), Some(Lang::Fr));
        assert_eq!(from_tag("es"), None);
    }
}

/// German: the heads of title nouns, which German writes as one word with what qualifies them
/// ("Bundeskanzler", "Außenministerin", "CDU-Chef"): a capitalised word ending in one is a title.
/// From the offices and roles of German news (government, parties, companies, courts, sport).
pub const DE_TITLE_HEADS: Words = Words("\
    kanzler|kanzlerin|minister|ministerin|präsident|präsidentin|chef|chefin|vorsitzende|vorsitzender|\
    sprecher|sprecherin|bürgermeister|bürgermeisterin|direktor|direktorin|leiter|leiterin|sekretär|\
    sekretärin|abgeordnete|abgeordneter|senator|senatorin|richter|richterin|anwalt|anwältin|botschafter|\
    botschafterin|trainer|trainerin|kapitän|geschäftsführer|geschäftsführerin|intendant|intendantin|\
    staatssekretär|staatssekretärin|landrat|landrätin|kommissar|kommissarin|regierungschef|regierungschefin");

/// German words before a noun (articles, possessives, demonstratives, quantifiers and
/// prepositions, with their contractions): a capitalised word after one of them, or after one
/// and lower-case adjectives, is a common noun ("die Pläne der Opposition"), not a name.
pub const DE_BEFORE_NOUN: Words = Words("\
    der|die|das|den|dem|des|ein|eine|einen|einem|einer|eines|kein|keine|keinen|keinem|keiner|\
    sein|seine|seinen|seinem|seiner|ihr|ihre|ihren|ihrem|ihrer|unser|unsere|unseren|unserem|\
    dieser|diese|dieses|diesen|diesem|jeder|jede|jedes|jeden|alle|allen|viele|vielen|mehrere|\
    beiden|zwei|drei|vier|fünf|von|vom|zu|zum|zur|mit|bei|beim|nach|aus|für|gegen|ohne|um|über|\
    unter|vor|hinter|neben|zwischen|durch|seit|während|wegen|im|in|am|an|auf|ins|ans|aufs");

/// German function words that open a sentence capitalised and are never a name.
pub const DE_FUNCTION: Words = Words("\
    der|die|das|den|dem|des|ein|eine|einen|einem|einer|es|er|sie|wir|ihr|ich|man|und|aber|oder|\
    doch|denn|wenn|als|dass|weil|ob|auch|nur|noch|schon|so|wie|was|wer|wo|dort|hier|heute|gestern|\
    morgen|jetzt|dann|damit|dabei|deshalb|trotzdem|zudem|außerdem|nach|vor|seit|im|am|in|an|auf|mit|\
    bei|für|um|über|unter|laut|dies|diese|dieser|dieses|jeder|alle|kein|keine|nicht|zwar|bereits|\
    allerdings|sonntag|montag|dienstag|mittwoch|donnerstag|freitag|samstag");

/// Endings of German abstract and collective nouns ("Regierung", "Mehrheit", "Gesellschaft").
pub const DE_NOUN_SUFFIXES: &[&str] = &["ung", "heit", "keit", "schaft", "tät", "ion", "nis", "tum", "ismus", "ment", "ität", "ie"];

/// German and French nouns for an organisation, before its name ("die Gewerkschaft Verdi",
/// "le syndicat CGT").
pub const FOREIGN_ORG_NOUNS: Words = Words("\
    gewerkschaft|partei|konzern|unternehmen|firma|verband|bank|stiftung|verein|gruppe|\
    autobauer|hersteller|versicherer|sender|zeitung|syndicat|parti|entreprise|groupe|société|\
    banque|association|fédération|constructeur|fabricant|journal|chaîne|opérateur|compagnie");

/// French titles and offices (lower case, tokens as written): "le Premier ministre Michel
/// Barnier", "sa secrétaire générale Sophie Binet".
pub const FR_TITLES: Words = Words("\
    président|présidente|ministre|premier ministre|première ministre|maire|porte-parole|\
    secrétaire général|secrétaire générale|député|députée|sénateur|sénatrice|directeur|directrice|\
    directeur général|directrice générale|pdg|chef|cheffe|dirigeant|dirigeante|juge|procureur|\
    procureure|avocat|avocate|chancelier|chancelière|ambassadeur|ambassadrice|commissaire|\
    entraîneur|entraîneuse|capitaine|patron|patronne|présidente-directrice générale|\
    président-directeur général|ministre de l'économie|ministre de l'intérieur|ministre des affaires étrangères");

/// Honorifics of German and French ("Frau Merkel", "Mme Le Pen"), with the gender they give.
pub fn honorific(lang: Lang, w: &str) -> Option<Option<bool>> {
    match (lang, w) {
        (Lang::De, "Herr") | (Lang::Fr, "M." | "Monsieur") => Some(Some(true)),
        (Lang::De, "Frau") | (Lang::Fr, "Mme" | "Mme." | "Madame") => Some(Some(false)),
        _ => None,
    }
}

/// Is `lower` (a capitalised German word, lower-cased) a title: one of the title heads or a
/// compound ending in one ("bundeskanzler", "cdu-chef")?
pub fn de_title(lower: &str) -> bool {
    DE_TITLE_HEADS.contains(&lower)
        || DE_TITLE_HEADS.iter().any(|h| lower.len() > h.len() + 2 && lower.ends_with(h))
}

#[cfg(test)]
mod word_tests {
    use super::*;

    #[test]
    fn german_compound_titles_end_in_a_title_head() {
        for w in ["bundeskanzler", "außenministerin", "cdu-chef", "verdi-chef", "ministerpräsident"] {
            assert!(de_title(w), "{w}");
        }
        // near misses: words that merely contain a head
        for w in ["ministerium", "chefsache", "leitern"] {
            assert!(!de_title(w), "{w}");
        }
    }
}
