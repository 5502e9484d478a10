//! Compact built-in lexicons (countries, capitals, demonyms, organisations, titles, speech
//! verbs). General knowledge only: never per-article tables.

/// Verbs that introduce speech ("said", "told", "warned").
pub const SPEECH_VERBS: &[&str] = &[
    "said", "says", "say", "told", "tells", "added", "adds", "wrote", "writes", "tweeted", "warned", "warns",
    "stated", "states", "explained", "argued", "insisted", "noted", "asked", "replied", "declared", "claimed",
    "continued", "recalled", "announced", "acknowledged", "admitted", "suggested", "stressed", "emphasized",
    "emphasised", "remarked", "observed", "posted", "predicted", "promised", "vowed", "urged", "joked",
];
