//! The widget's UI strings in several languages (issue 10, item 7).
//!
//! One data file per language in `www/i18n/` (`en.json`, `fr.json`, `de.json`, `es.json`): a flat
//! JSON object of key -> string, `{0}`, `{1}` for what is filled in. English is compiled in (from
//! `www/i18n/en.json` itself); the element fetches another language's file only when that
//! language is used (`lang`), so the wasm carries one language, not four. A key missing from a
//! file falls back to English. To add a language: copy `en.json`, translate the values, and add
//! its code to `LANGS` in `www/stakeholder-map.js` (`tests: every_language_file_has_every_key`).

use crate::model::{RelationKind, Stance, StakeholderKind};

macro_rules! keys {
    ($($k:ident),* $(,)?) => {
        /// A UI string's key (the key in the language files).
        #[allow(non_camel_case_types)]
        #[derive(Clone, Copy, Debug, PartialEq)]
        pub enum K { $($k),* }
        /// Every key, in [`K`]'s order.
        pub const KEYS: &[&str] = &[$(stringify!($k)),*];
    };
}

keys!(
    lang, q_open, q_close, q1_open, q1_close, kicker,
    title, stakeholder, stakeholders, quote, quotes, relation,
    relations, once, twice, times, quoted_most, no_attributed,
    kind_person, kind_organisation, kind_country, kind_bloc, kind_media, kind_institution,
    kind_group, stance_positive, stance_negative, stance_neutral, rel_says_about, rel_supports,
    rel_opposes, rel_rules_out, rel_proposes, rel_expects, rel_demands, rel_hosts,
    rel_meets, rel_affiliated_with, rel_represents, rel_criticises, rel_speaks_to,
    rel_out, rel_in, rel_not_out, rel_not_in, according_to, affiliated_with,
    is_affiliated, count_of, show_all_quotes, show_fewer_quotes, no_quotes, no_match,
    unattributed_quote, unattributed, copy_quote, show_on_map, show_para, hide_para,
    go_para, via, uncertain, from_headline, by_editor, copied,
    no_copy, headline, paragraph, clear_selection, quoted_n, not_quoted,
    mentioned, no_relations, relations_label, linked_to, filter, f_stakeholder,
    f_all_stakeholders, f_relation, f_all_relations, f_search, f_placeholder, f_clear,
    map, no_stakeholders, more, fewer, hint, zoom,
    zoom_in, zoom_out, reset, reset_title, legend, legend_kinds,
    legend_stances, download, download_group, dl_svg, dl_png, dl_csv,
    dl_json, dl_svg_label, dl_png_label, dl_csv_label, dl_json_label, png_blocked,
    as_text, showing, showing_by, showing_all, cleared, card_off,
    card_on, card_on_anon, all_stakeholders, main_stakeholders, view_reset, error_title,
    error_hint
);

const EN: &str = include_str!("../../www/i18n/en.json");

/// The strings of one language (English for any key the language's file lacks).
#[derive(Clone, Debug, PartialEq)]
pub struct Strings {
    v: Vec<String>,
}

impl Default for Strings {
    fn default() -> Self {
        Strings::english()
    }
}

thread_local! {
    static ENGLISH: std::rc::Rc<Strings> = std::rc::Rc::new(Strings::english());
}

impl Strings {
    /// English, shared (parsed once per thread).
    pub fn shared_english() -> std::rc::Rc<Strings> {
        ENGLISH.with(|e| e.clone())
    }

    pub fn english() -> Strings {
        let mut s = Strings { v: KEYS.iter().map(|k| k.to_string()).collect() };
        s.apply(EN);
        s
    }

    /// English overlaid with a language file's strings; an unreadable file gives English.
    pub fn from_json(text: &str) -> Strings {
        let mut s = Strings::english();
        s.apply(text);
        s
    }

    fn apply(&mut self, text: &str) {
        if let Ok(serde_json::Value::Object(m)) = serde_json::from_str::<serde_json::Value>(text) {
            for (i, k) in KEYS.iter().enumerate() {
                if let Some(serde_json::Value::String(t)) = m.get(*k) {
                    self.v[i] = t.clone();
                }
            }
        }
    }

    /// The string for `k`.
    pub fn get(&self, k: K) -> &str {
        &self.v[k as usize]
    }

    /// The string for `k` with `{0}`, `{1}`, ... replaced by `args`.
    pub fn fill(&self, k: K, args: &[&str]) -> String {
        let t = self.get(k);
        let mut out = String::with_capacity(t.len() + 16);
        let mut rest = t;
        while let Some(i) = rest.find('{') {
            out.push_str(&rest[..i]);
            let tail = &rest[i..];
            let d = tail.as_bytes().get(1).map(|b| b.wrapping_sub(b'0') as usize);
            match d {
                Some(n) if n < args.len() && tail.as_bytes().get(2) == Some(&b'}') => {
                    out.push_str(args[n]);
                    rest = &tail[3..];
                }
                _ => {
                    out.push('{');
                    rest = &tail[1..];
                }
            }
        }
        out.push_str(rest);
        out
    }

    /// "1 quote", "3 quotes".
    pub fn count(&self, n: usize, one: K, many: K) -> String {
        [n.to_string().as_str(), " ", self.get(if n == 1 { one } else { many })].concat()
    }

    /// "once", "twice", "3 times".
    pub fn times(&self, n: usize) -> String {
        match n {
            1 => self.get(K::once).to_string(),
            2 => self.get(K::twice).to_string(),
            _ => self.fill(K::times, &[&n.to_string()]),
        }
    }

    /// A quotation in this language's marks: single marks when `single` (the article used them).
    pub fn quoted(&self, text: &str, single: bool) -> String {
        let (o, c) = if single { (K::q1_open, K::q1_close) } else { (K::q_open, K::q_close) };
        [self.get(o), text, self.get(c)].concat()
    }

    pub fn kind(&self, k: StakeholderKind) -> &str {
        self.get(match k {
            StakeholderKind::Person => K::kind_person,
            StakeholderKind::Organisation => K::kind_organisation,
            StakeholderKind::Country => K::kind_country,
            StakeholderKind::Bloc => K::kind_bloc,
            StakeholderKind::Media => K::kind_media,
            StakeholderKind::Institution => K::kind_institution,
            StakeholderKind::Group => K::kind_group,
        })
    }

    pub fn stance(&self, s: Stance) -> &str {
        self.get(match s {
            Stance::Positive => K::stance_positive,
            Stance::Negative => K::stance_negative,
            Stance::Neutral => K::stance_neutral,
        })
    }

    pub fn relation(&self, r: RelationKind) -> &str {
        self.get(match r {
            RelationKind::SaysAbout => K::rel_says_about,
            RelationKind::Supports => K::rel_supports,
            RelationKind::Opposes => K::rel_opposes,
            RelationKind::RulesOut => K::rel_rules_out,
            RelationKind::Proposes => K::rel_proposes,
            RelationKind::Expects => K::rel_expects,
            RelationKind::Demands => K::rel_demands,
            RelationKind::Hosts => K::rel_hosts,
            RelationKind::Meets => K::rel_meets,
            RelationKind::AffiliatedWith => K::rel_affiliated_with,
            RelationKind::Represents => K::rel_represents,
            RelationKind::Criticises => K::rel_criticises,
            RelationKind::SpeaksTo => K::rel_speaks_to,
        })
    }

    /// True for English (whose relation phrases use the verb's base form after "does not").
    pub fn is_english(&self) -> bool {
        self.get(K::lang) == "en"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(lang: &str) -> serde_json::Map<String, serde_json::Value> {
        let path = [env!("CARGO_MANIFEST_DIR"), "/www/i18n/", lang, ".json"].concat();
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        match serde_json::from_str(&text) {
            Ok(serde_json::Value::Object(m)) => m,
            other => panic!("{path}: not a JSON object: {other:?}"),
        }
    }

    fn placeholders(s: &str) -> Vec<char> {
        let b: Vec<char> = s.chars().collect();
        let mut v: Vec<char> = b.windows(3).filter(|w| w[0] == '{' && w[1].is_ascii_digit() && w[2] == '}').map(|w| w[1]).collect();
        v.sort_unstable();
        v
    }

    #[test]
    fn every_language_file_has_every_key_and_the_same_placeholders() {
        let en = file("en");
        assert_eq!(en.len(), KEYS.len(), "en.json and KEYS differ");
        for lang in ["en", "fr", "de", "es"] {
            let m = file(lang);
            assert_eq!(m.get("lang").and_then(|v| v.as_str()), Some(lang));
            for k in KEYS {
                let v = m.get(*k).and_then(|v| v.as_str()).unwrap_or_else(|| panic!("{lang}.json lacks {k}"));
                let e = en[*k].as_str().unwrap_or_default();
                assert_eq!(placeholders(v), placeholders(e), "{lang}.json {k}: placeholders differ from English");
            }
            for k in m.keys() {
                assert!(KEYS.contains(&k.as_str()), "{lang}.json has an unknown key {k}");
            }
        }
    }

    #[test]
    fn a_language_file_overrides_english_and_falls_back_key_by_key() {
        let fr = Strings::from_json(r#"{"lang": "fr", "kicker": "Qui est qui", "times": "{0} fois"}"#);
        assert_eq!(fr.get(K::kicker), "Qui est qui");
        assert_eq!(fr.times(5), "5 fois");
        assert_eq!(fr.get(K::title), Strings::english().get(K::title));
        assert_eq!(Strings::from_json("not json"), Strings::english());
        assert_eq!(Strings::english().fill(K::showing_by, &["2 quotes", "Ana"]), "Showing 2 quotes by Ana");
        // A brace that is not a placeholder is kept.
        assert!(Strings::english().get(K::error_hint).starts_with("Expected JSON such as {\"headline\""));
        assert!(Strings::english().fill(K::error_hint, &[]).starts_with("Expected JSON such as {\"headline\""));
    }
}
