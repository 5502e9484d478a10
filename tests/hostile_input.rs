//! Hostile or broken input gets a clear error naming the JSON path, never a wrong reading; what is
//! written out (CSV, HTML, SVG) cannot be turned against the one who opens it.

use stakeholder_map::export::{csv_cell, quotes_csv, xml_escape};
use stakeholder_map::input::{parse_any, parse_source, MAX_BODY_CHARS, MAX_HEADLINE_CHARS};
use stakeholder_map::{analyze, Article};

#[test]
fn csv_cells_a_spreadsheet_would_run_as_formulas_are_guarded() {
    for v in ["=1+1", "+1", "-2+3", "@SUM(A1)", "\tx", "\r=1", "=HYPERLINK(\"http://x\")"] {
        let c = csv_cell(v);
        let inner = c.strip_prefix('"').unwrap_or(&c);
        assert!(inner.starts_with('\''), "{v:?} written as {c:?}");
    }
    for v in ["plain", "1.5", "", "a-b", "x=1", "\u{201C}quoted\u{201D}"] {
        assert!(!csv_cell(v).contains('\''), "{v:?} guarded needlessly: {:?}", csv_cell(v));
    }
    // A quote that starts with a minus sign, in the quotes CSV.
    let a = analyze(&Article::from_body("\u{201C}-1 is what we expect,\u{201D} said Ana Ruiz."));
    let csv = quotes_csv(&a);
    assert!(csv.contains(",\"'-1 is what we expect,\","), "{csv}");
}

#[test]
fn control_and_bidi_override_characters_never_reach_markup() {
    let s = xml_escape("a\u{0}b\u{7}c\u{7F}d\u{85}e\u{202A}\u{202B}\u{202C}\u{202D}\u{202E}f\u{2066}\u{2067}\u{2068}\u{2069}g\tok\n");
    assert_eq!(s, "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}e\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}f\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}g\tok\n");
    // Right-to-left text and its ordinary marks stay as they are.
    assert_eq!(xml_escape("\u{5E9}\u{5DC}\u{5D5}\u{5DD} \u{200F}x\u{200E}"), "\u{5E9}\u{5DC}\u{5D5}\u{5DD} \u{200F}x\u{200E}");
}

#[test]
fn a_lone_surrogate_escape_is_named_as_such() {
    for src in [r#"{"body": "abc \ud800 def"}"#, r#"{"body": "abc \udc00"}"#, r#"{"headline": "x\ud83d", "body": "y"}"#] {
        let e = parse_any(src).unwrap_err();
        assert_eq!(e.path, "$");
        assert!(e.message.contains("lone surrogate"), "{src}: {e}");
        assert!(e.message.contains("line 1, column"), "{e}");
    }
    // A proper pair is a character.
    assert_eq!(parse_any(r#"{"body": "smile \ud83d\ude00"}"#).unwrap().body, "smile \u{1F600}");
    // Other bad escapes keep serde's own words.
    let e = parse_any(r#"{"body": "\u12"}"#).unwrap_err();
    assert!(!e.message.contains("surrogate"), "{e}");
}

#[test]
fn a_top_level_null_boolean_number_or_objectless_array_is_not_an_article() {
    for (src, found) in [("null", "found null"), (" 42 ", "found a number"), ("-1.5e3", "found a number"), ("false", "found a boolean")] {
        let e = parse_any(src).unwrap_err();
        assert_eq!(e.path, "$");
        assert!(e.message.contains("expected an article") && e.message.contains(found), "{src}: {e}");
        assert!(parse_source(src).is_err());
    }
    for src in ["[1, 2]", "[null]", "[[\"a\"]]"] {
        let e = parse_any(src).unwrap_err();
        assert_eq!(e.path, "$");
        assert!(e.message.contains("expected an article object"), "{src}: {e}");
    }
    assert!(parse_any("[]").unwrap_err().message.contains("empty array"));
    // Text that merely starts like JSON is still text.
    assert_eq!(parse_any("2024 was the year the dam opened.").unwrap().body, "2024 was the year the dam opened.");
    assert_eq!(parse_any("null and void, the judge said.").unwrap().body, "null and void, the judge said.");
}

#[test]
fn bodies_and_headlines_over_their_caps_are_refused_naming_the_field() {
    let body = "a".repeat(MAX_BODY_CHARS + 1);
    let e = parse_any(&serde_json::json!({ "body": body }).to_string()).unwrap_err();
    assert_eq!(e.path, "$.body");
    assert!(e.message.contains(&format!("the body is {} characters long; the most accepted is {MAX_BODY_CHARS}", MAX_BODY_CHARS + 1)), "{e}");
    let e = parse_any(&serde_json::json!({"@type": "NewsArticle", "articleBody": body}).to_string()).unwrap_err();
    assert_eq!(e.path, "$.articleBody");
    let e = parse_any(&body).unwrap_err();
    assert_eq!(e.path, "$.body");
    // At the cap exactly: accepted.
    assert!(parse_any(&serde_json::json!({ "body": "a".repeat(MAX_BODY_CHARS) }).to_string()).is_ok());
    let e = parse_any(&serde_json::json!({"headline": "h".repeat(MAX_HEADLINE_CHARS + 1), "body": "b"}).to_string()).unwrap_err();
    assert_eq!(e.path, "$.headline");
    assert!(e.message.contains("the most accepted is"), "{e}");
    // A source far over any article's size is refused before it is parsed.
    let huge = "x ".repeat(9_000_000);
    let e = parse_any(&huge).unwrap_err();
    assert_eq!(e.path, "$");
    assert!(e.message.contains("bytes long"), "{e}");
}

#[test]
fn a_published_analysis_over_the_body_cap_is_refused() {
    let mut a = analyze(&Article::from_body("\u{201C}Yes,\u{201D} said Ana Ruiz."));
    a.body.push_str(&"z".repeat(MAX_BODY_CHARS));
    let e = parse_source(&serde_json::to_string(&a).unwrap()).unwrap_err();
    assert_eq!(e.path, "$.body");
}
