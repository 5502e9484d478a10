//! The widget's UI strings in several languages (issue 10, item 7).
//!
//! One data file per language in `www/i18n/` (`en.json`, `fr.json`, `de.json`, `es.json`): a flat
//! JSON object of key -> string, `{0}`, `{1}` for what is filled in. English is compiled in (the
//! table below, which `en.json` repeats for translators: a test keeps them equal); the element
//! fetches another language's file only when that language is used (`lang`), so the wasm carries
//! one language, not four. A key missing from a file falls back to English. To add a language:
//! copy `en.json`, translate the values, and add its code to `LANGS` in `www/stakeholder-map.js`
//! (`every_language_file_has_every_key_and_the_same_placeholders` checks it). A new key goes
//! into the table below and every file.

use crate::model::{RelationKind, Stance, StakeholderKind};

macro_rules! strings {
    ($($k:ident = $en:literal),* $(,)?) => {
        /// A UI string's key (the key in the language files).
        #[allow(non_camel_case_types)]
        #[derive(Clone, Copy, Debug, PartialEq)]
        pub enum K { $($k),* }
        /// Every key, in [`K`]'s order.
        pub const KEYS: &[&str] = &[$(stringify!($k)),*];
        /// The English strings, in [`K`]'s order (`www/i18n/en.json` says the same, as a test checks).
        pub const EN: &[&str] = &[$($en),*];
    };
}

// English, compiled in. `www/i18n/en.json` is the same table as a file for translators.
strings!(
    lang = "en",
    q_open = "“",
    q_close = "”",
    q1_open = "‘",
    q1_close = "’",
    kicker = "Who’s who",
    title = "Stakeholders and what they said",
    stakeholder = "stakeholder",
    stakeholders = "stakeholders",
    quote = "quote",
    quotes = "quotes",
    relation = "relation",
    relations = "relations",
    once = "once",
    twice = "twice",
    times = "{0} times",
    quoted_most = "{0} is quoted most, {1}",
    no_attributed = "no attributed quotes",
    kind_person = "person",
    kind_organisation = "organisation",
    kind_country = "country",
    kind_bloc = "bloc",
    kind_media = "media",
    kind_institution = "institution",
    kind_group = "group",
    stance_positive = "positive",
    stance_negative = "negative",
    stance_neutral = "neutral",
    rel_says_about = "says about",
    rel_supports = "supports",
    rel_opposes = "opposes",
    rel_rules_out = "rules out",
    rel_proposes = "proposes",
    rel_expects = "expects",
    rel_demands = "demands",
    rel_hosts = "hosts",
    rel_meets = "meets",
    rel_affiliated_with = "affiliated with",
    rel_represents = "represents",
    rel_criticises = "criticises",
    rel_speaks_to = "speaks to",
    rel_accuses = "accuses",
    rel_praises = "praises",
    rel_sanctions = "sanctions",
    rel_sues = "sues",
    rel_negotiates_with = "negotiates with",
    rel_out = "{0} {1}",
    rel_in = "{0} {1} them",
    rel_not_out = "does not {0} {1}",
    rel_not_in = "{0} does not {1} them",
    according_to = " (according to {0})",
    affiliated_with = "affiliated with {0}",
    is_affiliated = "{0} is affiliated with them",
    count_of = "{0} of {1}",
    show_all_quotes = "Show all {0} quotes",
    show_fewer_quotes = "Show fewer quotes",
    show_more_quotes = "Show {0} more quotes",
    no_quotes = "No quotes found in this text.",
    no_match = "No quotes match these filters.",
    unattributed_quote = "Unattributed quote",
    unattributed = "unattributed",
    copy_quote = "Copy quote",
    show_on_map = "Show on map",
    show_para = "Show paragraph {0}",
    hide_para = "Hide paragraph {0}",
    go_para = "Go to paragraph {0}",
    via = "Attributed via {0}",
    uncertain = "Attribution uncertain ({0})",
    from_headline = "From the headline",
    by_editor = "Attribution checked by an editor",
    copied = "Quote copied with citation",
    no_copy = "Copying is not available here",
    headline = "headline",
    paragraph = "paragraph {0}",
    clear_selection = "Show all quotes",
    quoted_n = "Quoted {0}",
    not_quoted = "Not quoted",
    mentioned = "mentioned {0}",
    no_relations = "No relations to others found in the text.",
    relations_label = "Relations",
    linked_to = "linked to {0}",
    filter = "Filter quotes",
    f_stakeholder = "Stakeholder",
    f_all_stakeholders = "All stakeholders",
    f_relation = "Relation",
    f_all_relations = "All relations",
    f_search = "Search quotes",
    f_placeholder = "Word or name",
    f_clear = "Clear filters",
    map = "Stakeholder map: {0}. Arrow keys move between connected stakeholders, Enter selects, Escape clears, Shift+arrows move a stakeholder, plus and minus zoom.",
    no_stakeholders = "No stakeholders found in this text.",
    more = "+{0} more stakeholders",
    fewer = "Show fewer stakeholders",
    hint = "Drag to move · Ctrl + scroll to zoom",
    zoom = "Map zoom",
    zoom_in = "Zoom in",
    zoom_out = "Zoom out",
    reset = "Reset",
    reset_title = "Reset zoom, pan and dragged nodes",
    legend = "Legend",
    legend_kinds = "Stakeholder kinds",
    legend_stances = "Stances",
    download = "Download:",
    download_group = "Download",
    dl_svg = "Map (SVG)",
    dl_png = "Map (PNG)",
    dl_csv = "Quotes (CSV)",
    dl_json = "Analysis (JSON)",
    dl_svg_label = "Download the map as SVG",
    dl_png_label = "Download the map as PNG",
    dl_csv_label = "Download the quotes as CSV",
    dl_json_label = "Download the analysis as JSON",
    png_blocked = "The PNG could not be made: this page’s Content Security Policy blocks blob: images (img-src). Use the SVG download, or allow img-src blob:.",
    as_text = "The map as text",
    showing = "Showing {0}",
    showing_by = "Showing {0} by {1}",
    showing_all = "Showing {0}, no filter",
    cleared = "Filters cleared, all quotes shown",
    card_off = "Card deselected",
    card_on = "Quote by {0} highlighted on the map",
    card_on_anon = "Quote highlighted on the map",
    all_stakeholders = "Showing all stakeholders",
    main_stakeholders = "Showing main stakeholders",
    view_reset = "Map view reset",
    error_title = "This article could not be read",
    error_hint = "Expected JSON such as {\"headline\": \"…\", \"date\": \"YYYY-MM-DD\", \"body\": \"…\"}, or plain text with paragraphs separated by blank lines.",
);

/// The strings of one language (English for any key the language's file lacks).
#[derive(Clone, Debug, PartialEq)]
pub struct Strings {
    /// Per key: the language's string, or None for the English one.
    v: Vec<Option<String>>,
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
    /// English, shared (one per thread).
    pub fn shared_english() -> std::rc::Rc<Strings> {
        ENGLISH.with(|e| e.clone())
    }

    pub fn english() -> Strings {
        Strings { v: vec![None; KEYS.len()] }
    }

    /// English overlaid with a language file's strings; an unreadable file gives English.
    pub fn from_json(text: &str) -> Strings {
        let mut s = Strings::english();
        if let Ok(serde_json::Value::Object(m)) = serde_json::from_str::<serde_json::Value>(text) {
            for (i, k) in KEYS.iter().enumerate() {
                if let Some(serde_json::Value::String(t)) = m.get(*k) {
                    s.v[i] = Some(t.clone());
                }
            }
        }
        s
    }

    /// The string for `k`.
    pub fn get(&self, k: K) -> &str {
        self.v[k as usize].as_deref().unwrap_or(EN[k as usize])
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
            RelationKind::Accuses => K::rel_accuses,
            RelationKind::Praises => K::rel_praises,
            RelationKind::Sanctions => K::rel_sanctions,
            RelationKind::Sues => K::rel_sues,
            RelationKind::NegotiatesWith => K::rel_negotiates_with,
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
    fn en_json_is_the_built_in_english_table() {
        let en = file("en");
        let keys: Vec<&str> = en.keys().map(String::as_str).collect();
        let mut sorted = KEYS.to_vec();
        sorted.sort_unstable();
        assert_eq!(keys, sorted, "en.json and the built-in table have different keys");
        for (k, v) in KEYS.iter().zip(EN) {
            assert_eq!(en[*k].as_str(), Some(*v), "en.json {k} differs from the built-in English");
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
