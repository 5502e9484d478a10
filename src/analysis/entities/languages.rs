//! The scanner's rules for German and French articles (chosen by `FieldText::lang`): German
//! capitalises every noun, so a capitalised word there starts a name only with evidence (a
//! given name, an acronym, a title or honorific or organisation noun before it, or a surname
//! written after a given name elsewhere in the text); German titles are compounds
//! ("Bundeskanzler", "CDU-Chef"); French titles are lower-case words before the name
//! ("le Premier ministre Michel Barnier").

use super::*;
use crate::analysis::lexicon::lang;
use crate::text::{Lang, Shape};
use rustc_hash::FxHashSet as HashSet;

/// The surnames of a German field: capitalised words written right after a given name.
pub(super) fn known_surnames(ft: &FieldText) -> HashSet<String> {
    let mut out = HashSet::default();
    if ft.lang != Lang::De {
        return out;
    }
    for i in 0..ft.tokens.len().saturating_sub(1) {
        let (t, u) = (&ft.tokens[i], &ft.tokens[i + 1]);
        if t.shape == Shape::Capitalised && u.shape == Shape::Capitalised && adjacent(ft, i) && lexicon::given_name_gender(&ft.token_text(t)).is_some() {
            out.insert(bare(ft, u));
        }
    }
    out
}

/// In a German field, is the capitalised word at `i` no start of a name (a common noun or a
/// function word)? In a French one, is it an article before a title? False in English.
pub(super) fn de_not_name(ft: &FieldText, i: usize, surnames: &HashSet<String>) -> bool {
    if ft.lang == Lang::Fr {
        // "Le Premier ministre", "La présidente": an article before a title or a lower-case
        // word ("Le Pen", "La Fontaine" stay names)
        return matches!(ft.lw(i), "le" | "la" | "les" | "l'" | "l’" | "un" | "une" | "selon")
            && (foreign_title(ft, i + 1).is_some() || ft.tokens.get(i + 1).is_some_and(|u| u.shape == Shape::Lower));
    }
    if ft.lang != Lang::De {
        return false;
    }
    let t = &ft.tokens[i];
    if t.shape == Shape::AllCaps || lexicon::given_name_gender(&ft.token_text(t)).is_some() || surnames.contains(&bare(ft, t)) {
        return false;
    }
    if i > 0 {
        let prev = ft.lw(i - 1);
        let p = &ft.tokens[i - 1];
        let titled = p.shape == Shape::Capitalised && lang::de_title(prev);
        let honoured = lang::honorific(Lang::De, &ft.token_text(p)).is_some();
        if (titled || honoured || lang::FOREIGN_ORG_NOUNS.contains(&prev)) && adjacent(ft, i - 1) {
            return false;
        }
    }
    true
}

/// A German compound title ("Bundeskanzler", "Verdi-Chef") or a French title (as written,
/// lower case: "premier ministre", "secrétaire générale") at token `i`: its token count.
pub(super) fn foreign_title(ft: &FieldText, i: usize) -> Option<usize> {
    let t = ft.tokens.get(i)?;
    match ft.lang {
        Lang::De => (t.shape == Shape::Capitalised && lang::de_title(&bare(ft, t).lower())).then_some(1),
        Lang::Fr => lang::FR_TITLES
            .iter()
            .filter_map(|title| {
                let n = title.split(' ').count();
                let ok = title.split(' ').enumerate().all(|(k, w)| (k == 0 || adjacent(ft, i + k - 1)) && ft.lw(i + k) == w);
                ok.then_some(n)
            })
            .max(),
        Lang::En => None,
    }
}

/// A German or French honorific at token `i` ("Frau", "Mme") before a capitalised word: the
/// gender it gives.
pub(super) fn foreign_honorific(ft: &FieldText, i: usize) -> Option<Option<bool>> {
    let t = ft.tokens.get(i)?;
    let g = lang::honorific(ft.lang, &ft.token_text(t))?;
    let next = ft.tokens.get(i + 1)?;
    (is_cap(ft, next) && next.start <= t.end + 1).then_some(g)
}
