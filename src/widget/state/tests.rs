//! The reducer's and the derived facts' tests (native).

use super::*;
use crate::input::parse_any;
use super::facts::base_verb;
use crate::model::{Field, QuoteKind};

fn seed() -> Facts {
    let src = include_str!("../../../fixtures/seed-article.json");
    let art = parse_any(src).unwrap();
    Facts::new(Rc::new(crate::analyze(&art)))
}

#[test]
fn an_editor_reassigns_a_quote_and_only_the_analysis_changes() {
    let f = seed();
    let a = &*f.analysis;
    let q = &a.quotes[1];
    let from = q.speaker.clone().unwrap();
    let to = a.stakeholders.iter().find(|s| s.id != from).unwrap().id.clone();
    let b = reassign(a, &q.id, Some(&to)).unwrap();
    assert_eq!(b.quotes[1].speaker.as_deref(), Some(to.as_str()));
    assert_eq!(b.quotes[1].method.as_deref(), Some("editor"));
    assert_eq!(b.stakeholder(&to).unwrap().quote_count, a.stakeholder(&to).unwrap().quote_count + 1);
    assert_eq!(b.stakeholder(&from).unwrap().quote_count, a.stakeholder(&from).unwrap().quote_count - 1);
    // Unattributed, and unknown ids refused.
    assert_eq!(reassign(a, &q.id, None).unwrap().quotes[1].speaker, None);
    assert!(reassign(a, &q.id, Some("nobody")).is_none());
    assert!(reassign(a, "q999", Some(&to)).is_none());
    // The pure view reducer leaves the view alone.
    let v = ViewState::new();
    assert_eq!(reduce(&f, &v, Action::Reassign { quote: q.id.clone(), speaker: Some(to) }), v);
}

/// The id of the stakeholder with the most quotes (shared with the corrections' tests).
pub(crate) fn top_speaker(f: &Facts) -> String {
    let a = &f.analysis;
    let mut best = (0, String::new());
    for s in &a.stakeholders {
        let c = a.quotes.iter().filter(|q| q.speaker.as_deref() == Some(&s.id)).count();
        if c > best.0 {
            best = (c, s.id.clone());
        }
    }
    best.1
}

#[test]
fn affiliations_are_listed_with_the_relations_in_words_issue_4() {
    let src = r#"{"headline":"","body":"Chinese Foreign Minister Li Wen said the talks were useful."}"#;
    let f = Facts::new(Rc::new(crate::analyze(&parse_any(src).unwrap())));
    let a = &f.analysis;
    let li = a.stakeholders.iter().find(|s| s.name.ends_with("Li Wen")).expect("person found");
    let china = li.affiliations.first().expect("affiliation found").clone();
    let china_name = a.stakeholder(&china).map(|s| s.name.clone()).unwrap_or_default();
    assert!(f.relations_in_words(&li.id).contains(&format!("affiliated with {china_name}")));
    assert!(f.relations_in_words(&china).contains(&format!("{} is affiliated with them", li.name)));
}

#[test]
fn selecting_a_stakeholder_filters_cards_to_their_quotes() {
    let f = seed();
    let v = ViewState::new();
    let all = f.visible_quotes(&v);
    let id = top_speaker(&f);
    let v2 = reduce(&f, &v, Action::Toggle(id.clone()));
    assert_eq!(v2.selected.as_deref(), Some(id.as_str()));
    let some = f.visible_quotes(&v2);
    assert!(!some.is_empty() && some.len() < all.len(), "{} of {}", some.len(), all.len());
    for &i in &some {
        let q = &f.analysis.quotes[i];
        assert_eq!(q.speaker.as_deref(), Some(id.as_str()));
    }
    // Article order is kept.
    assert!(some.windows(2).all(|w| w[0] < w[1]));
    assert!(v2.announce.starts_with("Showing "), "{}", v2.announce);
    // Toggling again clears.
    let v3 = reduce(&f, &v2, Action::Toggle(id));
    assert_eq!(v3.selected, None);
    assert_eq!(f.visible_quotes(&v3), all);
}

#[test]
fn unknown_ids_are_ignored_not_panicked_on() {
    let f = seed();
    let v = ViewState::new();
    assert_eq!(reduce(&f, &v, Action::Toggle("no-such".into())).selected, None);
    assert_eq!(reduce(&f, &v, Action::FilterRelation(Some("r999".into()))).relation, None);
    let r = reduce(&f, &v, Action::Restore(Box::new(ViewState::from_fragment("#w.sel=nobody&w.q=q999", "w"))));
    assert_eq!((r.selected, r.quote), (None, None));
}

#[test]
fn search_matches_quote_words_case_insensitively() {
    let f = seed();
    let first = &f.analysis.quotes[f.cards[0]];
    let word: String = first.text.split_whitespace().max_by_key(|w| w.len()).unwrap().to_uppercase();
    let v = reduce(&f, &ViewState::new(), Action::Search(word));
    let vis = f.visible_quotes(&v);
    assert!(vis.contains(&f.cards[0]));
    let v = reduce(&f, &v, Action::Search("zzzqqq-not-there".into()));
    assert!(f.visible_quotes(&v).is_empty());
    assert_eq!(v.announce, "Showing 0 quotes");
}

#[test]
fn escape_clears_every_filter() {
    let f = seed();
    let id = top_speaker(&f);
    let mut v = reduce(&f, &ViewState::new(), Action::Toggle(id));
    v = reduce(&f, &v, Action::Search("x".into()));
    v = reduce(&f, &v, Action::Clear);
    assert_eq!((v.selected.clone(), v.search.as_str(), v.relation.clone()), (None, "", None));
    assert_eq!(f.visible_quotes(&v).len(), f.cards.len());
}

#[test]
fn fragment_round_trips_and_keeps_other_widgets_keys() {
    let mut v = ViewState::new();
    v.selected = Some("jd-vance".into());
    v.search = "war & peace = 100%".into();
    v.show_all = true;
    let own = v.to_fragment("a");
    let back = ViewState::from_fragment(&own, "a");
    assert_eq!((back.selected, back.search, back.show_all), (v.selected.clone(), v.search.clone(), true));
    // Another widget's keys and a host anchor survive a merge.
    let merged = merge_fragment("#top&b.sel=x&a.sel=old", "a", &own);
    assert!(merged.starts_with("top&b.sel=x&a.sel=jd-vance"), "{merged}");
    assert!(!merged.contains("old"));
    assert_eq!(ViewState::from_fragment(&merged, "b").selected.as_deref(), Some("x"));
    assert_eq!(ViewState::from_fragment("#%zz&a.find=%E2%80%9Cx", "a").search, "\u{201c}x");
}

#[test]
fn zoom_keeps_the_pointed_place_and_is_clamped() {
    let f = seed();
    let v = reduce(&f, &ViewState::new(), Action::ZoomAt { factor: 2.0, x: 100.0, y: 50.0 });
    assert_eq!(v.zoom, 2.0);
    // Point (100, 50) was at fraction 100/W of the width; still is.
    assert!((v.view_x - 50.0).abs() < 1e-3 && (v.view_y - 25.0).abs() < 1e-3);
    let v = reduce(&f, &v, Action::ZoomAt { factor: 100.0, x: 0.0, y: 0.0 });
    assert_eq!(v.zoom, MAX_ZOOM);
    let v = reduce(&f, &v, Action::ZoomAt { factor: f32::NAN, x: 0.0, y: 0.0 });
    assert_eq!(v.zoom, MAX_ZOOM);
    let v = reduce(&f, &v, Action::ResetView);
    assert_eq!((v.zoom, v.view_x, v.view_y), (1.0, 0.0, 0.0));
}

#[test]
fn arrow_keys_follow_edges_before_plain_geometry() {
    let f = seed();
    let Some(r) = f.analysis.relations.first() else { return };
    // Source at the origin, its neighbour to the right but far; a non-neighbour nearer.
    let pos = vec![
        (r.source.clone(), 0.0, 0.0),
        (r.target.clone(), 300.0, 10.0),
        ("elsewhere".to_string(), 50.0, 0.0),
    ];
    assert_eq!(step(&f, &pos, &r.source, 1.0, 0.0).as_deref(), Some(r.target.as_str()));
    // Nothing to the left: no move.
    assert_eq!(step(&f, &pos, &r.source, -1.0, 0.0), None);
}

#[test]
fn summary_names_the_most_quoted_speaker() {
    let f = seed();
    let n = f.analysis.stakeholders.len();
    assert!(f.summary.starts_with(&[n.to_string().as_str(), " stakeholders; "].concat()), "{}", f.summary);
    assert!(f.summary.contains(" is quoted most, "), "{}", f.summary);
}

#[test]
fn compact_view_shows_max_cards_then_all_and_a_filter_caps_again() {
    let f = seed();
    assert!(f.cards.len() > 3, "the seed has more than 3 cards");
    let v = ViewState::new();
    let (shown, n) = f.shown_quotes(&v, Some(3));
    assert_eq!((shown.as_slice(), n), (&f.cards[..3], f.cards.len()));
    assert_eq!(f.shown_quotes(&v, None).0, f.cards);
    let all = reduce(&f, &v, Action::ShowAllCards(true));
    assert_eq!(f.shown_quotes(&all, Some(3)).0, f.cards);
    // A selection filters over every card (also those past the limit), then caps again.
    let last = f.analysis.quotes[*f.cards.last().unwrap()].speaker.clone().expect("last card attributed");
    let sel = reduce(&f, &all, Action::Select(Some(last.clone())));
    assert!(!sel.all_cards);
    let (shown, n) = f.shown_quotes(&sel, Some(1));
    assert_eq!(n, f.visible_quotes(&sel).len());
    assert_eq!(shown.len(), 1.min(n));
    assert!(shown.iter().all(|&i| f.analysis.quotes[i].speaker.as_deref() == Some(last.as_str())));
    // A selected card past the limit is shown too.
    let far = f.analysis.quotes[*f.cards.last().unwrap()].id.clone();
    let q = reduce(&f, &v, Action::ToggleQuote(far));
    assert_eq!(f.shown_quotes(&q, Some(3)).0.len(), 4);
    // Escape and a relation filter cap again; a zero limit shows none.
    assert!(!reduce(&f, &all, Action::Clear).all_cards);
    assert!(f.shown_quotes(&v, Some(0)).0.is_empty());
}



#[test]
fn host_details_name_the_stakeholder_and_the_quote() {
    let f = seed();
    let id = top_speaker(&f);
    let d = f.select_detail(&id).unwrap();
    let s = f.stakeholder(&id).unwrap();
    assert_eq!((d.id.as_str(), d.name.as_str(), d.kind, d.role.as_ref()), (id.as_str(), s.name.as_str(), s.kind.label(), s.role.as_ref()));
    assert!(f.select_detail("nobody").is_none());
    let q = f.analysis.quotes.iter().find(|q| q.field == Field::Body && q.speaker.is_some()).unwrap();
    let d = f.quote_detail(&q.id).unwrap();
    assert_eq!(d.paragraph, Some(q.paragraph.unwrap() + 1), "1-based, as data-sm-paragraph");
    assert_eq!((d.speaker.clone(), d.text.as_str()), (q.speaker.clone(), q.text.as_str()));
    assert_eq!(d.name.as_deref(), f.stakeholder(q.speaker.as_deref().unwrap()).map(|s| s.name.as_str()));
}

#[test]
fn the_summary_and_announcements_follow_the_language() {
    let fr = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/www/i18n/fr.json")).unwrap();
    let en = seed();
    let f = Facts::with_strings(en.analysis.clone(), Rc::new(Strings::from_json(&fr)));
    let n = f.analysis.stakeholders.len();
    assert!(f.summary.starts_with(&format!("{n} acteurs; ")), "{}", f.summary);
    assert!(f.summary.contains(" est le plus cité ("), "{}", f.summary);
    let v = reduce(&f, &ViewState::new(), Action::Search("zzzqqq".into()));
    assert_eq!(v.announce, "0 citations affichées");
    // Relations in words use the French verbs.
    let r = &f.analysis.relations[0];
    let words = f.relations_in_words(&r.source).join(" | ");
    assert!(words.contains(f.t.relation(r.kind)), "{words}");
}

#[test]
fn single_quoted_quotes_are_marked_single() {
    let src = r#"{"headline":"","body":"‘We will not give up,’ the minister said. Ana Lopez said: “It is over.”"}"#;
    let f = Facts::new(Rc::new(crate::analyze(&parse_any(src).unwrap())));
    let a = &f.analysis;
    let singles: Vec<&str> = a.quotes.iter().enumerate().filter(|&(i, _)| f.single(i)).map(|(_, q)| q.text.as_str()).collect();
    let doubles: Vec<&str> = a.quotes.iter().enumerate().filter(|&(i, _)| !f.single(i)).map(|(_, q)| q.text.as_str()).collect();
    assert!(singles.iter().any(|t| t.contains("give up")), "{singles:?}");
    assert!(doubles.iter().any(|t| t.contains("over")), "{doubles:?}");
}

#[test]
fn base_verbs_read_naturally() {
    assert_eq!(base_verb("rules out"), "rule out");
    assert_eq!(base_verb("criticises"), "criticise");
    assert_eq!(base_verb("supports"), "support");
    assert_eq!(base_verb("says about"), "say about");
    assert_eq!(base_verb("expects"), "expect");
}

/// An article of `n` short attributed quotes, one per paragraph, by a few speakers.
fn many_quotes(n: usize) -> Facts {
    let names = ["Ana Lopez", "Peter Hall", "Mary Jones", "John Smith"];
    let body: Vec<String> = (0..n).map(|i| format!("{} said: \u{201c}Point number {i} matters.\u{201d}", names[i % names.len()])).collect();
    let src = serde_json::json!({ "headline": "Many quotes", "body": body.join("\n\n") }).to_string();
    Facts::new(Rc::new(crate::analyze(&parse_any(&src).unwrap())))
}

#[test]
fn cards_beyond_a_page_load_on_demand_and_a_filter_goes_back_to_one_page() {
    let f = many_quotes(250);
    assert!(f.cards.len() >= 250, "{} cards", f.cards.len());
    let v = ViewState::new();
    // Every card wanted (no max-cards), but one page at a time.
    let (shown, n) = f.shown_quotes(&v, None);
    assert_eq!((shown.len(), n), (PAGE_CARDS, f.cards.len()));
    let v2 = reduce(&f, &v, Action::MoreCards);
    assert_eq!(f.shown_quotes(&v2, None).0.len(), 2 * PAGE_CARDS);
    let v3 = reduce(&f, &v2, Action::MoreCards);
    assert_eq!(f.shown_quotes(&v3, None).0, f.cards);
    // "Show all N quotes" in a compact embed shows a page too.
    let all = reduce(&f, &v, Action::ShowAllCards(true));
    assert_eq!(f.shown_quotes(&all, Some(3)).0.len(), PAGE_CARDS);
    // A selected card past the pages is shown too, in article order.
    let far = f.analysis.quotes[*f.cards.last().unwrap()].id.clone();
    let q = reduce(&f, &v, Action::ToggleQuote(far));
    let (shown, _) = f.shown_quotes(&q, None);
    assert_eq!((shown.len(), shown.last()), (PAGE_CARDS + 1, f.cards.last()));
    // A new search or selection starts from one page again.
    let s = reduce(&f, &v3, Action::Search("point".into()));
    assert_eq!(s.card_pages, 0);
    assert_eq!(f.shown_quotes(&s, None).0.len(), PAGE_CARDS);
    let who = f.analysis.quotes[f.cards[0]].speaker.clone().unwrap();
    assert_eq!(reduce(&f, &v3, Action::Select(Some(who))).card_pages, 0);
}

#[test]
fn search_finds_the_same_cards_through_its_cached_text() {
    let f = many_quotes(40);
    let v = reduce(&f, &ViewState::new(), Action::Search("NUMBER 17 ".into()));
    let vis = f.visible_quotes(&v);
    assert_eq!(vis.len(), 1, "{vis:?}");
    assert!(f.analysis.quotes[vis[0]].text.contains("number 17 "));
    // The speaker's name is searched too, never across two fields.
    let v = reduce(&f, &v, Action::Search("peter hall".into()));
    assert_eq!(f.visible_quotes(&v).len(), 10);
    let v = reduce(&f, &v, Action::Search("matters. peter".into()));
    assert!(f.visible_quotes(&v).is_empty());
    // The same filter asked twice gives the same shared list.
    assert!(Rc::ptr_eq(&f.visible(&v), &f.visible(&v)));
}

#[test]
fn lookups_by_id_agree_with_a_scan() {
    let f = many_quotes(30);
    let a = &f.analysis;
    for (i, s) in a.stakeholders.iter().enumerate() {
        assert_eq!(f.index(&s.id), Some(i));
    }
    for (i, q) in a.quotes.iter().enumerate() {
        assert_eq!(f.quote_index(&q.id), Some(i));
    }
    assert_eq!((f.index("nobody"), f.quote_index("q0")), (None, None));
    assert_eq!(f.summary, summary(a));
    assert!(f.summary.contains(" is quoted most, "), "{}", f.summary);
}

#[test]
fn narrow_views_stay_equal_when_only_another_part_changes() {
    let f = seed();
    let id = top_speaker(&f);
    let v = reduce(&f, &ViewState::new(), Action::Toggle(id.clone()));
    // A hover, a pan, a zoom or a drag leaves the cards' and the filters' views equal.
    for a in [
        Action::Hover(Some(id.clone())),
        Action::Pan { dx: 5.0, dy: 3.0 },
        Action::ZoomAt { factor: 1.25, x: 10.0, y: 10.0 },
        Action::MoveNode { id: id.clone(), dx: 4.0, dy: 0.0 },
    ] {
        let w = reduce(&f, &v, a.clone());
        assert_eq!(w.for_cards(), v.for_cards(), "{a:?}");
        assert_eq!(w.for_filters(), v.for_filters(), "{a:?}");
    }
    // Typing a search or expanding a paragraph leaves the map's view equal.
    for a in [Action::Search("war".into()), Action::ToggleParagraph("q1".into()), Action::MoreCards] {
        let w = reduce(&f, &v, a.clone());
        assert_eq!(w.for_map(), v.for_map(), "{a:?}");
    }
    // What each shows does change it.
    assert_ne!(reduce(&f, &v, Action::Search("war".into())).for_cards(), v.for_cards());
    assert_ne!(reduce(&f, &v, Action::Hover(None)).for_map(), reduce(&f, &v, Action::Hover(Some(id))).for_map());
}

#[test]
fn facts_in_another_language_are_not_equal_so_components_render_again() {
    let en = seed();
    let fr = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/www/i18n/fr.json")).unwrap();
    let f = Facts::with_strings(en.analysis.clone(), Rc::new(Strings::from_json(&fr)));
    assert!(f != en, "same analysis, other words: components taking facts must render again");
    assert!(Facts::with_strings(en.analysis.clone(), en.t.clone()) == en);
}

/// An article with every kind of card: direct and partial quotes (their context), single
/// marks, a headline quote, non-speech quotes (no card), repeated `n` times.
fn mixed(n: usize) -> Rc<crate::model::Analysis> {
    let names = ["Ana Lopez", "Peter Hall", "Mary Jones"];
    let body: Vec<String> = (0..n)
        .map(|i| {
            let who = names[i % names.len()];
            format!("{who} said: \u{201c}Plan {i} will work.\u{201d} The minister called plan {i} \u{201c}a sad mistake\u{201d} on Monday. \u{2018}We will not give up on {i},\u{2019} {who} said. The so-called \u{201c}reform {i}\u{201d} is old.")
        })
        .collect();
    let src = serde_json::json!({ "headline": "Mayor: \u{201c}We will win\u{201d}", "body": body.join("\n\n") }).to_string();
    Rc::new(crate::analyze(&parse_any(&src).unwrap()))
}

#[test]
fn facts_derived_in_slices_answer_as_complete_ones_at_every_slice() {
    let a = mixed(12);
    let all = Facts::new(a.clone());
    let n = a.quotes.len();
    // The article has what there is to derive (or the test could not fail).
    assert!(a.quotes.iter().any(|q| q.kind == QuoteKind::Partial), "no partial quote");
    assert!((0..n).any(|i| all.single(i)) && (0..n).any(|i| !all.context(i).0.is_empty()), "no single mark or context");
    assert!(all.cards.len() < n && all.cards.len() > 30, "{} cards of {n} quotes", all.cards.len());
    let f = Facts::cheap(a.clone(), all.t.clone());
    let who = top_speaker(&all);
    let rel = a.relations.first().map(|r| r.id.clone());
    let views = [
        ViewState::new(),
        reduce(&all, &ViewState::new(), Action::Toggle(who.clone())),
        ViewState { relation: rel, ..ViewState::new() },
    ];
    let mut slices = 0;
    loop {
        // What the cheap part holds is the complete facts' from the start.
        assert_eq!((&f.cards, &f.summary, &f.quoted, &f.order, &f.neighbours), (&all.cards, &all.summary, &all.quoted, &all.order, &all.neighbours));
        for (i, q) in a.quotes.iter().enumerate() {
            assert_eq!((f.context(i), f.single(i)), (all.context(i), all.single(i)), "quote {i} after {slices} slices");
            assert_eq!(f.quote_index(&q.id), Some(i));
        }
        assert_eq!(f.quote_index("q0"), None);
        for v in &views {
            assert_eq!(f.visible_quotes(v), all.visible_quotes(v));
            assert_eq!(f.shown_quotes(v, Some(3)), all.shown_quotes(v, Some(3)));
        }
        assert!(!f.complete());
        slices += 1;
        if f.derive(7) {
            break;
        }
    }
    // 7 quotes a slice (the fields' text was read by the first answers above, on demand).
    assert_eq!(slices, n.div_ceil(7));
    assert!(f.complete() && f.derive(7), "done stays done");
}

#[test]
fn a_search_before_the_last_slice_finds_what_a_complete_derivation_finds() {
    let a = mixed(12);
    let all = Facts::new(a.clone());
    for (search, slices) in [("plan 1", 0), ("SAD MISTAKE", 2), ("peter hall", 5), ("not give up on 11", 1), ("win", 3)] {
        let f = Facts::cheap(a.clone(), all.t.clone());
        for _ in 0..slices {
            f.derive(7);
        }
        assert!(!f.complete());
        let v = reduce(&f, &ViewState::new(), Action::Search(search.into()));
        let found = f.visible_quotes(&v);
        assert!(!found.is_empty(), "{search}");
        assert_eq!(found, all.visible_quotes(&v), "{search} after {slices} slices");
        assert_eq!(v, reduce(&all, &ViewState::new(), Action::Search(search.into())));
        // The search derived the rest: later searches read the whole text at once.
        assert!(f.complete());
    }
}

#[test]
fn only_an_article_of_more_than_a_slice_is_left_to_derive() {
    let small = Facts::begin(mixed(2), Strings::shared_english());
    assert!(small.complete());
    // A published analysis of 2.5 slices of quotes, as the widget's first task gets it.
    let q = SLICE_QUOTES * 5 / 2;
    let body: Vec<String> = (0..q).map(|i| format!("\u{201c}Point {i}.\u{201d}")).collect();
    let body = body.join(" ");
    let mut at = 0;
    let quotes: Vec<serde_json::Value> = (0..q)
        .map(|i| {
            let text = format!("Point {i}.");
            let start = at + 1;
            at += text.chars().count() + 3;
            serde_json::json!({ "id": format!("q{}", i + 1), "text": text, "field": "body", "start": start, "end": start + text.chars().count(),
                "speaker": if i % 3 == 0 { serde_json::Value::Null } else { "ana".into() }, "kind": "direct", "paragraph": 0, "confidence": 0.9, "mentions": [] })
        })
        .collect();
    let json = serde_json::json!({ "schema": "stakeholder-map/analysis@1", "headline": "", "body": body, "paragraphs": [{ "start": 0, "end": body.chars().count() }],
        "stakeholders": [{ "id": "ana", "name": "Ana Lopez", "kind": "person", "aliases": [], "mentions": [], "mention_count": 0, "quote_count": q - q.div_ceil(3), "prominence": 1.0 }],
        "quotes": quotes, "relations": [] });
    let a = Rc::new(crate::input::parse_published_value(&json.to_string()).unwrap().unwrap());
    let f = Facts::begin(a.clone(), Strings::shared_english());
    assert!(!f.complete());
    assert_eq!(f.quotes_of("ana"), q - q.div_ceil(3));
    assert_eq!(f.quote_index(&format!("q{q}")), Some(q - 1));
    assert!(!f.derive(SLICE_QUOTES) && !f.derive(SLICE_QUOTES) && !f.derive(SLICE_QUOTES) && f.derive(SLICE_QUOTES), "the text, then three slices");
    let all = Facts::new(a);
    for s in ["point 9999.", "ana lopez", "point 1"] {
        let v = ViewState { search: s.into(), ..ViewState::new() };
        assert_eq!(f.visible_quotes(&v), all.visible_quotes(&v), "{s}");
    }
    assert_eq!(f.visible_quotes(&ViewState { search: "point 9999.".into(), ..ViewState::new() }).len(), 1);
}

#[test]
fn partial_quotes_context_is_the_whole_fields_sentence_read_a_paragraph_at_a_time() {
    // What the context was before it was read a paragraph at a time: the whole field segmented.
    let whole = |a: &crate::model::Analysis, i: usize| {
        let q = &a.quotes[i];
        let ft = crate::text::FieldText::new(q.field, a.field_text(q.field));
        let (ss, se) = match ft.sentence_at(q.start).and_then(|i| ft.sentences.get(i)) {
            Some(s) if s.start <= q.start && q.end <= s.end => (s.start, s.end),
            _ => (q.start, q.end),
        };
        let mark = |p: usize| ft.chars.get(p).is_some_and(|&c| crate::text::is_quote_char(c));
        let (qs, qe) = (q.start.saturating_sub(1).max(ss), (q.end + 1).min(se));
        let before = if mark(qs) { ft.slice(ss, qs) } else { ft.slice(ss, q.start) };
        let after = if q.end < qe && mark(q.end) { ft.slice(qe, se) } else { ft.slice(q.end, se) };
        (before, after)
    };
    // Sentences hard-wrapped at 60 characters: line breaks inside a paragraph read as spaces.
    let mut wrapped = String::new();
    let mut line = 0;
    for w in (0..16).flat_map(|i| format!("The minister called plan {i} a \u{201c}sad mistake\u{201d} and left.").split(' ').map(str::to_string).collect::<Vec<_>>()) {
        if line > 0 && line + 1 + w.chars().count() > 60 {
            wrapped.push('\n');
            line = 0;
        } else if line > 0 {
            wrapped.push(' ');
            line += 1;
        }
        line += w.chars().count();
        wrapped.push_str(&w);
    }
    let wrapped = Rc::new(crate::analyze(&parse_any(&serde_json::json!({ "headline": "", "body": wrapped }).to_string()).unwrap()));
    assert_eq!(crate::text::FieldText::new(Field::Body, &wrapped.body).paragraphs.len(), 1, "read as hard-wrapped");
    for a in [mixed(12), wrapped] {
        let f = Facts::new(a.clone());
        let partial: Vec<usize> = (0..a.quotes.len()).filter(|&i| a.quotes[i].kind == QuoteKind::Partial).collect();
        assert!(partial.len() >= 4, "{} partial quotes", partial.len());
        let mut with_context = 0;
        for &i in &partial {
            let c = f.context(i);
            with_context += usize::from(!c.0.is_empty() || !c.1.is_empty());
            assert_eq!(c, whole(&a, i), "quote {i}");
        }
        assert!(with_context * 2 >= partial.len(), "{with_context} of {} with a context", partial.len());
    }
}
