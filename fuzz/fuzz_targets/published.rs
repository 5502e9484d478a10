//! Any bytes as a published analysis (the corpus holds analyses `stakeholder-map analyze` wrote,
//! which libFuzzer mutates: ids, offsets, numbers, types). The four readers, the one-pass reader
//! the CLI uses, the whole-JSON reader, the wasm's piecewise reader (`input::Chunked`: given the
//! text in pieces and reading it a piece at a time; it gives up to the whole-JSON reader on all
//! but a well-formed analysis, so it must answer exactly as that one) and `check`'s pass that
//! keeps only ids, agree on what they accept and on the result;
//! what is accepted keeps every reference and range `check_analysis` promises; the exports and the
//! pre-render never panic on it; and its JSON is accepted back unchanged. Inputs over 32 KB are
//! skipped.
#![no_main]

use libfuzzer_sys::fuzz_target;
use stakeholder_map::input::{self, Source};
use stakeholder_map::model::{Field, QuoteKind};

fuzz_target!(|data: &[u8]| {
    if data.len() > 32768 {
        return;
    }
    let Ok(text) = std::str::from_utf8(data) else { return };
    let one_pass = input::read_published(data);
    let whole = input::parse_published_value(text);
    // The viewer's reader, given the text and reading it a piece at a time, answers exactly as
    // the whole-JSON reader (it gives up to it on anything but a well-formed analysis).
    let mut pieces = input::Chunked::new(String::new());
    let (cut, step) = (data.len() % 61 + 1, data.first().map_or(1, |&b| b as usize * 16 + 1));
    let mut rest = text;
    while !rest.is_empty() {
        let mut k = cut.min(rest.len());
        while !rest.is_char_boundary(k) {
            k += 1;
        }
        pieces.push(&rest[..k]);
        rest = &rest[k..];
    }
    while !pieces.step(step) {}
    assert_eq!(pieces.finish(), whole, "the piecewise reader disagrees");
    // `stakeholder-map check`'s pass, which keeps only ids, judges as the full reader does.
    if let Some(checked) = input::check_published(data) {
        match (&checked, &one_pass) {
            (Ok(n), Some(Ok(a))) => assert_eq!((n.stakeholders, n.quotes, n.relations), (a.stakeholders.len(), a.quotes.len(), a.relations.len())),
            // With several faults, each may name a different one first.
            (Err(_), Some(Err(_))) => {}
            _ => panic!("check pass {:?}, one-pass reader {:?}", checked.as_ref().err(), one_pass.as_ref().map(|r| r.as_ref().err())),
        }
    }
    let a = match (one_pass, whole) {
        (None, None) => return,
        (Some(Ok(a)), Some(Ok(b))) => {
            assert_eq!(a, b, "the two readers disagree");
            a
        }
        (Some(Err(_)), Some(Err(_))) => return,
        // The one-pass reader gives up on what it cannot read (a list of the wrong type, broken
        // JSON): the whole-JSON reader must then refuse it too, or take it as an article.
        (None, Some(Err(_))) => return,
        (one, whole) => panic!("readers disagree: one pass {:?}, whole {:?}", one.map(|r| r.err()), whole.map(|r| r.err())),
    };
    let (nh, nb) = (a.headline.chars().count(), a.body.chars().count());
    let len = |f: Field| if f == Field::Headline { nh } else { nb };
    for s in &a.stakeholders {
        assert!((0.0..=1.0).contains(&s.prominence));
        for m in &s.mentions {
            assert!(m.start <= m.end && m.end <= len(m.field));
        }
        for id in &s.affiliations {
            assert!(a.stakeholder(id).is_some());
        }
    }
    for q in &a.quotes {
        assert!(q.start <= q.end && q.end <= len(q.field), "quote {} out of its field", q.id);
        assert!((0.0..=1.0).contains(&q.confidence));
        assert!(q.paragraph.is_none_or(|p| p < a.paragraphs.len()));
        if let Some(s) = &q.speaker {
            assert!(a.stakeholder(s).is_some(), "quote {} by unknown {s}", q.id);
        }
    }
    for r in &a.relations {
        assert!(a.stakeholder(&r.source).is_some() && a.stakeholder(&r.target).is_some());
    }
    for s in &a.stakeholders {
        let n = a.quotes.iter().filter(|q| q.kind != QuoteKind::NonSpeech && q.speaker.as_deref() == Some(s.id.as_str())).count();
        assert_eq!(s.quote_count, n, "quote_count of {}", s.id);
    }
    let _ = stakeholder_map::export::quotes_csv(&a);
    let html = stakeholder_map::prerender::static_html(&a, 480.0);
    assert!(!html.contains("<script"));
    // Accepted back unchanged: checking is idempotent.
    let json = serde_json::to_string(&a).expect("an analysis serialises");
    match input::parse_source(&json) {
        Ok(Source::Analysis(b)) => assert_eq!(*b, a),
        other => panic!("own analysis not accepted back: {:?}", other.err()),
    }
});
