//! The seed article: all 13 gold quotes (12 in the body, 1 in the headline) are found with
//! the right span and given to the right speaker (the stakeholder's canonical name, or a
//! name containing the gold surname). Gold is read from ../shared/fixtures/seed-gold.json.

use stakeholder_map::model::{Field, QuoteKind};
use stakeholder_map::{analyze, input};

fn shared(path: &str) -> Option<String> {
    std::fs::read_to_string(format!("{}/../shared/{path}", env!("CARGO_MANIFEST_DIR"))).ok()
}

#[test]
fn seed_article_all_13_quotes_found_and_attributed() {
    let Some(gold) = shared("fixtures/seed-gold.json") else {
        println!("skipped: ../shared not present");
        return;
    };
    let gold: serde_json::Value = serde_json::from_str(&gold).expect("seed-gold.json is JSON");
    let src = std::fs::read_to_string(format!("{}/fixtures/seed-article.json", env!("CARGO_MANIFEST_DIR"))).expect("seed article");
    let article = input::parse_any(&src).expect("seed article parses");
    let a = analyze(&article);

    let mut wanted = Vec::new();
    for q in gold["quotes"].as_array().expect("quotes") {
        wanted.push((Field::Body, q));
    }
    for q in gold["headline_quotes"].as_array().expect("headline_quotes") {
        wanted.push((Field::Headline, q));
    }
    assert_eq!(wanted.len(), 13);
    let mut ok = 0;
    let mut report = Vec::new();
    for (field, g) in &wanted {
        let (gs, ge) = (g["start"].as_u64().unwrap() as usize, g["end"].as_u64().unwrap() as usize);
        let canonical = g["speaker_canonical"].as_str().unwrap();
        let surname = canonical.split_whitespace().last().unwrap().to_lowercase();
        let found = a.quotes.iter().find(|q| q.field == *field && q.start == gs && q.end == ge);
        let Some(q) = found else {
            report.push(format!("MISSING span {field:?} [{gs},{ge}) {:?}", g["text"].as_str().unwrap_or("")));
            continue;
        };
        assert_ne!(q.kind, QuoteKind::NonSpeech, "seed quote {:?} taken for non-speech", q.text);
        let name = q.speaker.as_deref().and_then(|id| a.stakeholder(id)).map(|s| s.name.clone()).unwrap_or_default();
        let right = name == canonical || name.to_lowercase().split_whitespace().any(|w| w == surname);
        if right {
            ok += 1;
        } else {
            report.push(format!("WRONG speaker for {:?}: got {name:?}, want {canonical:?} (method {:?})", q.text, q.method));
        }
    }
    println!("seed quotes found and attributed: {ok}/13");
    assert_eq!(ok, 13, "{}", report.join("\n"));
}
