//! Compact built-in lexicons (countries, capitals, demonyms, organisations, titles, speech
//! verbs). General knowledge only: never per-article tables.
