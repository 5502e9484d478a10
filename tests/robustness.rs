//! No panics, ever: the analysis on arbitrary UTF-8 (lone and mixed quote marks, combining
//! characters, right-to-left text, huge paragraphs) returns, and every quote's offsets lie
//! inside its field.

use proptest::prelude::*;
use stakeholder_map::model::{Analysis, Field};
use stakeholder_map::{analyze, Article};

fn check(a: &Analysis) {
    for q in &a.quotes {
        let len = a.field_text(q.field).chars().count();
        assert!(q.start <= q.end && q.end <= len, "quote [{}, {}) outside field of {len}", q.start, q.end);
        if let Some(c) = &q.cue {
            assert!(c.start <= c.end && c.end <= a.field_text(c.field).chars().count());
        }
        if let Some(s) = &q.speaker {
            assert!(a.stakeholder(s).is_some(), "speaker {s} is no stakeholder");
        }
        if let Some(p) = q.paragraph {
            assert!(p < a.paragraphs.len().max(1));
        }
        assert!((0.0..=1.0).contains(&q.confidence));
    }
    for s in &a.stakeholders {
        for m in &s.mentions {
            assert!(m.end <= a.field_text(m.field).chars().count());
        }
    }
}

fn run(headline: &str, body: &str) {
    let mut art = Article::from_body(body);
    art.headline = headline.to_string();
    check(&analyze(&art));
}

/// Characters that stress the quote engine: every quote mark, dashes, apostrophes,
/// combining marks, RTL letters and marks, newlines, letters and punctuation.
fn tricky_char() -> impl Strategy<Value = char> {
    prop_oneof![
        prop::sample::select(vec![
            '"', '\'', '“', '”', '‘', '’', '«', '»', '„', '‚', '‹', '›', '「', '」', '『', '』', '`', '—', '―', '–', '-',
            '\u{301}', '\u{308}', '\u{20d7}', 'ا', 'ל', 'ש', '\u{200f}', '\u{202e}', '\u{200d}', '\n', ' ', '\u{a0}',
            '.', ',', ':', '?', '!', '(', ')', '<', '>', '=', 'a', 'S', 's', 'n', 'I', 'M', 'r', 'é', '9',
        ]),
        any::<char>(),
    ]
}

fn tricky_text(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(tricky_char(), 0..max).prop_map(|v| v.into_iter().collect())
}

/// Words and marks that look like news text.
fn newsy_text() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "“", "”", "‘", "’", "\"", "'", "''", "«", "»", " « ", " » ", "„", "“", "—", " — ", "\n\n", "\n", " ", ", ", ". ",
        "said", "says", "told", "according to", "he", "she", "they", "the minister", "Mr.", "Ms.", "Donald Trump",
        "Trump", "JD Vance", "Vance", "Ana Ruiz", "Ruiz", "it’s", "Russia’s", "students’", "’90s", "rock ’n’ roll",
        "We", "will", "win", "the", "a", "US vice president", ":", "(", ")", "=", "<tag a=\"b\">", "adding", "warning",
    ]);
    prop::collection::vec(piece, 0..80).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn no_panic_on_arbitrary_strings(h in "\\PC{0,40}", b in any::<String>()) {
        run(&h, &b);
    }

    #[test]
    fn no_panic_on_quote_marks_combining_and_rtl(h in tricky_text(40), b in tricky_text(400)) {
        run(&h, &b);
    }

    #[test]
    fn no_panic_on_newsy_fragments(h in newsy_text(), b in newsy_text()) {
        run(&h, &b);
    }
}

#[test]
fn no_panic_on_lone_marks() {
    for m in ["\"", "'", "“", "”", "‘", "’", "«", "»", "„", "‚", "「", "」", "''", "—", "— ", "“\n\n“", "«  »", "\u{301}"] {
        run(m, m);
        run("", &format!("He said {m}"));
        run("", &format!("{m}{m}{m} said Vance {m}"));
    }
}

#[test]
fn no_panic_on_a_one_megabyte_paragraph() {
    // one paragraph, no blank line, quotes opening and never closing, and closing and never opening
    let unit = "“Lone open, said Vance ’90s it’s « ‚ she said— ";
    let mut body = String::with_capacity(1 << 20);
    while body.len() < (1 << 20) {
        body.push_str(unit);
    }
    let mut art = Article::from_body(body);
    art.headline = "x".into();
    let a = analyze(&art);
    check(&a);
}

#[test]
fn no_panic_on_a_one_megabyte_paragraph_of_closed_quotes() {
    let unit = "“We will win,” Ana Ruiz said, and he said ‘yes’ to the “plan”. ";
    let body: String = unit.repeat((1 << 20) / unit.len() + 1);
    let a = analyze(&Article::from_body(body));
    check(&a);
    assert!(a.quotes.len() > 10_000);
    assert_eq!(a.quotes.iter().filter(|q| q.field == Field::Headline).count(), 0);
}

#[test]
fn no_panic_on_rtl_article() {
    run("«مرحبا»", "قال الوزير «لن نتراجع» يوم الاثنين.\n\n״זה לא יקרה״, אמר השר. ‏“שלום”‏ he said.");
}
