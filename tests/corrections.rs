//! Editors' corrections beyond the speaker (issue 10, item 9): merge, rename, hide, delete a
//! relation, not speech. Applied as the widget's editor mode applies them (`widget::state::edit`),
//! serialised as the "Analysis (JSON)" download does, then validated by the real CLI
//! (`stakeholder-map check`) and read back as a published analysis, shown as it is.

use stakeholder_map::input::{parse_source, Source};
use stakeholder_map::model::QuoteKind;
use stakeholder_map::widget::state::{edit, Edit};
use stakeholder_map::{analyze, input, Analysis};
use std::process::Command;

const SEED: &str = include_str!("../fixtures/seed-article.json");

fn check(name: &str, json: &str) -> std::process::Output {
    let p = std::env::temp_dir().join(format!("sm-corrections-{}-{name}.json", std::process::id()));
    std::fs::write(&p, json).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_stakeholder-map")).arg("check").arg(&p).output().unwrap();
    let _ = std::fs::remove_file(&p);
    out
}

/// Every kind of correction, one after the other, on the seed article's analysis.
fn corrected() -> (Analysis, Analysis) {
    let a = analyze(&input::parse_any(SEED).unwrap());
    let r = a.relations.iter().find(|r| r.source != r.target).expect("a relation").clone();
    let mut b = edit(&a, &Edit::Merge { from: r.source.clone(), into: r.target.clone() }).expect("merge");
    let first = b.stakeholders[0].id.clone();
    b = edit(&b, &Edit::Rename { id: first, name: "Renamed By An Editor".into() }).expect("rename");
    let last = b.stakeholders.last().unwrap().id.clone();
    b = edit(&b, &Edit::Hide(last)).expect("hide");
    if let Some(rel) = b.relations.first().map(|r| r.id.clone()) {
        b = edit(&b, &Edit::DeleteRelation(rel)).expect("delete relation");
    }
    let q = b.quotes.iter().find(|q| q.kind != QuoteKind::NonSpeech).unwrap().id.clone();
    b = edit(&b, &Edit::NotSpeech(q)).expect("not speech");
    (a, b)
}

#[test]
fn every_correction_downloads_as_an_analysis_that_check_accepts_and_that_shows_as_published() {
    let (a, b) = corrected();
    assert_ne!(a, b);
    // The download is compact JSON (serde_json::to_string in the widget).
    let json = serde_json::to_string(&b).unwrap();
    let out = check("ok", &json);
    assert!(out.status.success(), "check refused the corrected analysis: {}", String::from_utf8_lossy(&out.stderr));
    match parse_source(&json).expect("published analysis accepted") {
        Source::Analysis(p) => assert_eq!(*p, b, "shown as it is, not analysed again"),
        Source::Article(_) => panic!("a corrected analysis was taken for an article"),
    }
    assert!(b.stakeholders.iter().any(|s| s.name == "Renamed By An Editor"));
}

#[test]
fn check_still_refuses_a_correction_that_leaves_a_dangling_id() {
    let (_, b) = corrected();
    let mut v = serde_json::to_value(&b).unwrap();
    let q = v["quotes"].as_array_mut().unwrap().iter_mut().find(|q| q["speaker"].is_string()).expect("an attributed quote");
    q["speaker"] = "hidden-by-editor".into();
    let out = check("bad", &v.to_string());
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("$.quotes[") && err.contains(".speaker"), "{err}");
}
