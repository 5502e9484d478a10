//! Editors publish a corrected analysis: the JSON `stakeholder-map analyze` prints, edited by hand,
//! is accepted as a source, checked with JSON paths, and shown as it is (no re-analysis).

use stakeholder_map::input::{parse_source, Source};
use stakeholder_map::{analyze, input, Analysis};

const SEED: &str = include_str!("../fixtures/seed-article.json");

fn seed() -> Analysis {
    analyze(&input::parse_any(SEED).unwrap())
}

fn published(a: &serde_json::Value) -> Result<Analysis, input::InputError> {
    match parse_source(&a.to_string())? {
        Source::Analysis(a) => Ok(*a),
        Source::Article(_) => panic!("taken for an article"),
    }
}

#[test]
fn an_unedited_analysis_round_trips_unchanged() {
    let a = seed();
    let json = serde_json::to_value(&a).unwrap();
    assert_eq!(published(&json).unwrap(), a);
    // Pretty-printed, as the CLI writes it, too.
    let pretty = serde_json::to_string_pretty(&a).unwrap();
    assert!(matches!(parse_source(&pretty), Ok(Source::Analysis(_))));
}

#[test]
fn an_editor_reassigns_a_quote_and_the_counts_follow() {
    let a = seed();
    let mut v = serde_json::to_value(&a).unwrap();
    let q = a.quotes.iter().position(|q| q.speaker.is_some()).unwrap();
    let from = a.quotes[q].speaker.clone().unwrap();
    let to = a.stakeholders.iter().find(|s| s.id != from && s.kind == stakeholder_map::model::StakeholderKind::Person).unwrap().id.clone();
    v["quotes"][q]["speaker"] = serde_json::Value::String(to.clone());
    // An editor also fixes a role and drops the derived numbers they did not touch.
    v["stakeholders"][0]["role"] = serde_json::Value::String("Corrected role".into());
    for s in v["stakeholders"].as_array_mut().unwrap() {
        s.as_object_mut().unwrap().remove("quote_count");
    }
    let b = published(&v).unwrap();
    assert_eq!(b.quotes[q].speaker.as_deref(), Some(to.as_str()));
    assert_eq!(b.stakeholders[0].role.as_deref(), Some("Corrected role"));
    let count = |x: &Analysis, id: &str| x.stakeholder(id).unwrap().quote_count;
    assert_eq!(count(&b, &to), count(&a, &to) + 1);
    assert_eq!(count(&b, &from), count(&a, &from) - 1);
}

#[test]
fn a_speaker_id_that_is_no_stakeholder_is_refused_with_its_path() {
    let mut v = serde_json::to_value(seed()).unwrap();
    v["quotes"][2]["speaker"] = "jd-vanc".into();
    let e = published(&v).unwrap_err();
    assert_eq!(e.path, "$.quotes[2].speaker");
    assert!(e.message.contains("\"jd-vanc\" is not the id of any stakeholder"), "{e}");
}

#[test]
fn wrong_types_offsets_ids_and_versions_are_refused_with_their_paths() {
    let base = serde_json::to_value(seed()).unwrap();
    let cases: Vec<(Box<dyn Fn(&mut serde_json::Value)>, &str, &str)> = vec![
        (Box::new(|v| v["quotes"][0]["start"] = "five".into()), "$.quotes[0].start", "expected a character offset"),
        (Box::new(|v| v["quotes"][1]["end"] = 999_999.into()), "$.quotes[1]", "outside the"),
        (Box::new(|v| v["relations"][0]["target"] = "nobody".into()), "$.relations[0].target", "not the id"),
        (Box::new(|v| v["stakeholders"][1]["id"] = v["stakeholders"][0]["id"].clone()), "$.stakeholders[1].id", "earlier stakeholder"),
        (Box::new(|v| v["stakeholders"][0]["kind"] = "planet".into()), "$.stakeholders[0].kind", "expected a kind"),
        (Box::new(|v| v["schema"] = "stakeholder-map/analysis@9".into()), "$.schema", "stakeholder-map/analysis@1"),
        (Box::new(|v| v["relations"][0]["evidence"] = serde_json::json!([1, 2])), "$.relations[0].evidence", "expected an object"),
        (Box::new(|v| v["stakeholders"][2]["aliases"] = serde_json::json!(["ok", 7])), "$.stakeholders[2].aliases[1]", "expected a string"),
        (Box::new(|v| { v.as_object_mut().unwrap().remove("quotes"); }), "$", "missing field \"quotes\""),
    ];
    for (edit, path, words) in cases {
        let mut v = base.clone();
        edit(&mut v);
        let e = published(&v).unwrap_err();
        assert_eq!(e.path, path, "{e}");
        assert!(e.message.contains(words), "{e}");
    }
}

#[test]
fn article_json_without_a_schema_is_still_an_article() {
    assert!(matches!(parse_source(SEED), Ok(Source::Article(_))));
    assert!(matches!(parse_source("Plain text, one paragraph."), Ok(Source::Article(_))));
}
