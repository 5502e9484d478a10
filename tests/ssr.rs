//! The widget rendered to HTML natively with Yew's server renderer, and asserted on.

use stakeholder_map::widget::{StakeholderMap, Widget};
use std::rc::Rc;
use yew::LocalServerRenderer;

const SEED: &str = include_str!("../fixtures/seed-article.json");

fn render(source: &str, ns: &str) -> String {
    let props = stakeholder_map::widget::WidgetProps { source: source.to_string().into(), ns: ns.to_string().into(), paragraphs: "".into(), editable: false };
    futures::executor::block_on(LocalServerRenderer::<Widget>::with_props(props).render())
}

fn count(hay: &str, needle: &str) -> usize {
    hay.matches(needle).count()
}

#[test]
fn seed_article_renders_map_nodes_and_a_card_per_speech_quote() {
    let html = render(SEED, "t");
    let a = stakeholder_map::analyze(&stakeholder_map::input::parse_any(SEED).unwrap());
    // One node per shown stakeholder (at most the fold limit), each a button in one tab stop.
    let shown = a.stakeholders.len().min(stakeholder_map::widget::map::FOLD_AT);
    assert_eq!(count(&html, "class=\"sm-node "), shown, "{html}");
    assert_eq!(count(&html, "role=\"button\" tabindex=\"0\""), 1, "exactly one tab stop in the map");
    assert_eq!(count(&html, "role=\"button\" tabindex=\"-1\""), shown - 1);
    // One card (an <article>) per speech quote, in article order.
    let speech = a.quotes.iter().filter(|q| q.kind != stakeholder_map::model::QuoteKind::NonSpeech).count();
    assert_eq!(count(&html, "<article "), speech);
    assert_eq!(count(&html, "<article "), count(&html, "class=\"sm-card\"") + count(&html, "class=\"sm-card "));
    let mut last = 0;
    for q in a.quotes.iter().filter(|q| q.kind != stakeholder_map::model::QuoteKind::NonSpeech) {
        let at = html[last..].find(&["t-", &q.id, "-who"].concat()).map(|i| i + last);
        assert!(at.is_some(), "card for {} missing or out of order", q.id);
        last = at.unwrap();
    }
    // The most prominent stakeholder is named on the map.
    let top = a.stakeholders.iter().max_by(|x, y| x.prominence.total_cmp(&y.prominence)).unwrap();
    assert!(html.contains(&top.name[..top.name.len().min(20)]));
}

#[test]
fn summary_line_and_text_alternative_are_rendered() {
    let html = render(SEED, "t");
    assert!(html.contains(" stakeholders; "), "summary line missing");
    assert!(html.contains(" is quoted most, "), "summary line missing");
    assert!(html.contains("The map as text"));
    assert!(html.contains("role=\"status\""), "live region missing");
    assert!(html.contains("aria-label=\"Stakeholder map: "));
}

#[test]
fn bad_json_shows_an_inline_error_with_the_json_path() {
    let html = render(r#"{"headline": "x", "body": 42}"#, "t");
    assert!(html.contains("role=\"alert\""), "{html}");
    assert!(html.contains("$.body"), "{html}");
    assert!(!html.contains("sm-node"));
    let html = render(r#"{"headline": "x", "body": "#, "t");
    assert!(html.contains("not valid JSON"), "{html}");
    let html = render("   ", "t");
    assert!(html.contains("role=\"alert\""), "{html}");
}

#[test]
fn plain_text_article_renders_without_panicking() {
    let html = render("Minister says no\n\n“We will not accept this,” said Foreign Minister Anna Berg on Monday.", "t");
    assert!(html.contains("sm-widget"));
    assert!(!html.contains("role=\"alert\""));
}

#[test]
fn article_text_is_escaped_never_parsed_as_html() {
    let src = r#"{"headline": "<img src=x onerror=alert(1)>", "body": "“<b>bold</b> <script>alert(1)</script>,” said Jane Doe, the mayor."}"#;
    let html = render(src, "t");
    assert!(!html.contains("<script>alert"), "{html}");
    assert!(!html.contains("<b>bold"), "{html}");
    assert!(html.contains("&lt;b&gt;bold") || html.contains("&lt;script&gt;"), "{html}");
}

#[test]
fn element_ids_are_namespaced_so_widgets_can_share_a_page() {
    let a = render(SEED, "one");
    let b = render(SEED, "two");
    assert!(a.contains("id=\"one-title\"") && b.contains("id=\"two-title\""));
    assert!(a.contains("one-arrow-") && !a.contains("two-arrow-"));
}

#[test]
fn no_inline_style_attributes() {
    let html = render(SEED, "t");
    assert!(!html.contains(" style=\""), "CSP: no inline style attributes");
}

#[test]
fn analysis_renders_directly() {
    let a = stakeholder_map::analyze(&stakeholder_map::input::parse_any(SEED).unwrap());
    let props = stakeholder_map::widget::MapProps { analysis: Rc::new(a), ns: "d".into(), paragraphs: "".into(), editable: false };
    let html = futures::executor::block_on(LocalServerRenderer::<StakeholderMap>::with_props(props).render());
    assert!(html.contains("sm-cards"));
}
