//! Any bytes as a source (article JSON, JSON-LD, plain text, or a published analysis): parsing,
//! analysis and the CSV export never panic, what the analysis produces keeps the model's
//! invariants, and its JSON is accepted back as a published analysis. Inputs over 4 KB are skipped
//! (longer ones only repeat what short ones reach, at a fraction of the speed). The layout, the
//! SVG export and the pre-render of the same analyses are the `render` target's (one target per
//! stage after the analysis: each input costs libFuzzer a feature per branch it reaches).
#![no_main]

use libfuzzer_sys::fuzz_target;
use stakeholder_map::input::{parse_source, Source};
use stakeholder_map::model::Field;

fuzz_target!(|data: &[u8]| {
    if data.len() > 4096 {
        return;
    }
    let text = String::from_utf8_lossy(data);
    let Ok(source) = parse_source(&text) else { return };
    let a = match source {
        Source::Article(art) => stakeholder_map::analyze(&art),
        Source::Analysis(a) => *a,
    };
    let (nh, nb) = (a.headline.chars().count(), a.body.chars().count());
    let len = |f: Field| if f == Field::Headline { nh } else { nb };
    for q in &a.quotes {
        assert!(q.start <= q.end && q.end <= len(q.field), "quote {} out of its field", q.id);
        if let Some(s) = &q.speaker {
            assert!(a.stakeholder(s).is_some(), "quote {} by unknown {s}", q.id);
        }
    }
    for r in &a.relations {
        assert!(a.stakeholder(&r.source).is_some() && a.stakeholder(&r.target).is_some());
    }
    let _ = stakeholder_map::export::quotes_csv(&a);
    // The analysis JSON round-trips as a published analysis.
    if let Ok(json) = serde_json::to_string(&a) {
        if a.schema == stakeholder_map::model::SCHEMA {
            match parse_source(&json) {
                Ok(Source::Analysis(b)) => assert_eq!(b.quotes.len(), a.quotes.len()),
                other => panic!("own analysis not accepted back: {:?}", other.err()),
            }
        }
    }
});
