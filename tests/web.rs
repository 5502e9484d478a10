//! Component behaviour in headless Chromium (wasm-bindgen-test): mount the widget, dispatch
//! real DOM events, flush Yew's scheduler, assert on the DOM.
#![cfg(target_arch = "wasm32")]

use stakeholder_map::widget::{Widget, WidgetProps};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

const SEED: &str = include_str!("../fixtures/seed-article.json");

fn doc() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

async fn mount(source: &str, ns: &str) -> Element {
    let host = doc().create_element("div").unwrap();
    host.set_attribute("class", "sm-root").unwrap();
    doc().body().unwrap().append_child(&host).unwrap();
    let props = WidgetProps { source: source.to_string().into(), ns: ns.to_string().into(), paragraphs: "".into(), editable: false };
    yew::Renderer::<Widget>::with_root_and_props(host.clone(), props).render();
    settled(&host).await;
    host
}

/// Waits until the widget has mounted every step (each a task after a frame, src/widget/mod.rs:
/// nothing marked `sm-pending`) and its cards, which come a chunk per frame, stopped coming.
async fn settled(host: &Element) {
    let mut last = (usize::MAX, 0);
    for _ in 0..300 {
        yew::scheduler::flush().await;
        let cards = all(host, "article").len();
        let pending = host.query_selector(".sm-pending").unwrap().is_some();
        last = if !pending && cards == last.0 { (cards, last.1 + 1) } else { (cards, 0) };
        if last.1 >= 3 {
            return;
        }
        sleep(16).await;
    }
    panic!("the widget never settled");
}

fn all(root: &Element, sel: &str) -> Vec<Element> {
    let list = root.query_selector_all(sel).unwrap();
    (0..list.length()).filter_map(|i| list.item(i)).filter_map(|n| n.dyn_into::<Element>().ok()).collect()
}

fn one(root: &Element, sel: &str) -> Element {
    root.query_selector(sel).unwrap().unwrap_or_else(|| panic!("no {sel}"))
}

fn click(el: &Element) {
    let init = web_sys::MouseEventInit::new();
    init.set_bubbles(true);
    init.set_cancelable(true);
    let ev = web_sys::MouseEvent::new_with_mouse_event_init_dict("click", &init).unwrap();
    el.dispatch_event(&ev).unwrap();
}

fn key(el: &Element, k: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_bubbles(true);
    init.set_cancelable(true);
    init.set_key(k);
    let ev = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    el.dispatch_event(&ev).unwrap();
}

fn card_names(root: &Element) -> Vec<String> {
    all(root, "article.sm-card .sm-card-name").iter().map(|e| e.text_content().unwrap_or_default()).collect()
}

/// The stakeholder quoted most (by the cards' speaker names) and its node.
fn top_speaker(root: &Element) -> (String, Element) {
    let names = card_names(root);
    let mut best = (0, String::new());
    for n in &names {
        let c = names.iter().filter(|m| *m == n).count();
        if c > best.0 && n != "Unattributed quote" {
            best = (c, n.clone());
        }
    }
    let node = all(root, "g.sm-node")
        .into_iter()
        .find(|g| g.get_attribute("aria-label").unwrap_or_default().starts_with(&best.1))
        .expect("top speaker has a node");
    (best.1, node)
}

#[wasm_bindgen_test]
async fn clicking_a_node_filters_the_cards_to_that_stakeholder() {
    let root = mount(SEED, "w1").await;
    let before = card_names(&root);
    assert!(before.len() > 3, "{before:?}");
    let (name, node) = top_speaker(&root);
    click(&node);
    yew::scheduler::flush().await;
    let after = card_names(&root);
    assert!(!after.is_empty() && after.len() < before.len(), "{} -> {}", before.len(), after.len());
    // Exactly the cards by that speaker stay.
    assert!(after.iter().all(|n| *n == name), "{after:?}");
    assert_eq!(after.len(), before.iter().filter(|n| **n == name).count());
    // The node says it is pressed, and a panel lists its relations in words.
    let node = one(&root, "g.sm-node[aria-pressed=\"true\"]");
    assert!(node.get_attribute("aria-label").unwrap().starts_with(&name));
    assert!(root.query_selector(".sm-focus").unwrap().is_some());
    // The live region says what happened, briefly.
    let live = one(&root, "[role=status]").text_content().unwrap();
    assert!(live.starts_with("Showing ") && live.len() < 120, "{live}");
    // Clicking again clears the filter.
    click(&node);
    yew::scheduler::flush().await;
    assert_eq!(card_names(&root).len(), before.len());
    root.remove();
}

#[wasm_bindgen_test]
async fn keyboard_enter_selects_and_escape_clears() {
    let root = mount(SEED, "w2").await;
    let total = card_names(&root).len();
    let stops = all(&root, "g.sm-node[tabindex=\"0\"]");
    assert_eq!(stops.len(), 1, "one tab stop into the map");
    let stop = stops[0].clone();
    stop.dyn_ref::<web_sys::SvgElement>().unwrap().focus().unwrap();
    key(&stop, "Enter");
    yew::scheduler::flush().await;
    assert_eq!(all(&root, "g.sm-node[aria-pressed=\"true\"]").len(), 1);
    assert!(card_names(&root).len() <= total);
    key(&stop, "Escape");
    yew::scheduler::flush().await;
    assert_eq!(all(&root, "g.sm-node[aria-pressed=\"true\"]").len(), 0);
    assert_eq!(card_names(&root).len(), total);
    root.remove();
}

#[wasm_bindgen_test]
async fn arrow_keys_move_the_single_tab_stop_and_focus_along() {
    let root = mount(SEED, "w3").await;
    let start = one(&root, "g.sm-node[tabindex=\"0\"]");
    start.dyn_ref::<web_sys::SvgElement>().unwrap().focus().unwrap();
    let mut moved = false;
    for k in ["ArrowRight", "ArrowDown", "ArrowLeft", "ArrowUp", "ArrowRight", "ArrowDown"] {
        let cur = one(&root, "g.sm-node[tabindex=\"0\"]");
        key(&cur, k);
        yew::scheduler::flush().await;
        let stops = all(&root, "g.sm-node[tabindex=\"0\"]");
        assert_eq!(stops.len(), 1, "still one tab stop after {k}");
        if stops[0].get_attribute("data-node") != start.get_attribute("data-node") {
            moved = true;
            // Focus follows the tab stop.
            let active = doc().active_element().unwrap();
            assert_eq!(active.get_attribute("data-node"), stops[0].get_attribute("data-node"));
        }
    }
    assert!(moved, "arrow keys never moved the focus");
    // Shift+arrow moves the focused stakeholder itself (keyboard drag).
    let cur = one(&root, "g.sm-node[tabindex=\"0\"]");
    let before = cur.get_attribute("transform").unwrap();
    let init = web_sys::KeyboardEventInit::new();
    init.set_bubbles(true);
    init.set_key("ArrowDown");
    init.set_shift_key(true);
    cur.dispatch_event(&web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap()).unwrap();
    yew::scheduler::flush().await;
    let after = one(&root, "g.sm-node[tabindex=\"0\"]").get_attribute("transform").unwrap();
    assert_ne!(before, after, "Shift+ArrowDown did not move the node");
    root.remove();
}

#[wasm_bindgen_test]
async fn hovering_a_node_dims_the_others_but_not_its_neighbours() {
    let root = mount(SEED, "w4").await;
    let node = one(&root, "g.sm-node[tabindex=\"0\"]");
    node.dyn_ref::<web_sys::SvgElement>().unwrap().focus().unwrap();
    yew::scheduler::flush().await;
    // The map dims (`is-dimming`) every node not marked `is-lit`: the focus and its neighbours.
    assert_eq!(all(&root, "svg.sm-map.is-dimming").len(), 1, "the map is not dimming");
    let lit = all(&root, "g.sm-node.is-lit").len();
    let nodes = all(&root, "g.sm-node").len();
    assert!(lit > 0 && lit < nodes, "{lit} of {nodes} lit");
    assert!(node.class_list().contains("is-lit"));
    root.remove();
}

#[wasm_bindgen_test]
async fn search_filters_cards_and_clear_restores_them() {
    let root = mount(SEED, "w5").await;
    let total = card_names(&root).len();
    let input: web_sys::HtmlInputElement = one(&root, "input[type=search]").dyn_into().unwrap();
    input.set_value("burden");
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    input.dispatch_event(&web_sys::InputEvent::new_with_event_init_dict("input", &init.unchecked_into()).unwrap()).unwrap();
    yew::scheduler::flush().await;
    let shown = all(&root, "article.sm-card");
    assert!(!shown.is_empty() && shown.len() < total, "{} of {total}", shown.len());
    for c in &shown {
        assert!(c.text_content().unwrap().to_lowercase().contains("burden"));
    }
    click(&one(&root, "button.sm-clear"));
    yew::scheduler::flush().await;
    assert_eq!(card_names(&root).len(), total);
    root.remove();
}

#[wasm_bindgen_test]
async fn selecting_a_card_lights_up_its_speaker_on_the_map() {
    let root = mount(SEED, "w6").await;
    let card = all(&root, "article.sm-card").into_iter().find(|c| c.query_selector(".sm-card-role, .sm-kind-tag").unwrap().is_some()).unwrap();
    let name = one(&card, ".sm-card-name").text_content().unwrap();
    click(&card);
    yew::scheduler::flush().await;
    let lit = one(&root, "g.sm-node.is-speaker");
    assert!(lit.get_attribute("aria-label").unwrap().starts_with(&name));
    assert!(one(&root, "article.sm-card.is-selected").is_connected());
    root.remove();
}

#[wasm_bindgen_test]
async fn view_state_goes_to_the_url_fragment_namespaced_per_widget() {
    let a = mount(SEED, "fa").await;
    let b = mount(SEED, "fb").await;
    let (_, node) = top_speaker(&a);
    let id = node.get_attribute("data-node").unwrap();
    click(&node);
    yew::scheduler::flush().await;
    // the fragment is written once a burst of view changes has settled (150 ms after the last)
    sleep(400).await;
    let hash = web_sys::window().unwrap().location().hash().unwrap();
    assert!(hash.contains(&["fa.sel=", &id].concat()), "{hash}");
    assert!(!hash.contains("fb."), "{hash}");
    // The other widget is unaffected.
    assert_eq!(all(&b, "g.sm-node[aria-pressed=\"true\"]").len(), 0);
    a.remove();
    b.remove();
    // A widget mounted with that fragment restores the selection.
    let c = mount(SEED, "fa").await;
    assert_eq!(one(&c, "g.sm-node[aria-pressed=\"true\"]").get_attribute("data-node").as_deref(), Some(id.as_str()));
    c.remove();
    let _ = web_sys::window().unwrap().history().unwrap().replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some("#"));
}

#[wasm_bindgen_test]
async fn bad_input_shows_an_inline_error_and_the_widget_recovers() {
    let host = doc().create_element("div").unwrap();
    doc().body().unwrap().append_child(&host).unwrap();
    let props = WidgetProps { source: r#"{"headline": "x", "body": ["ok", 3]}"#.into(), ns: "w8".into(), paragraphs: "".into(), editable: false };
    let mut app = yew::Renderer::<Widget>::with_root_and_props(host.clone(), props).render();
    yew::scheduler::flush().await;
    let alert = one(&host, "[role=alert]").text_content().unwrap();
    assert!(alert.contains("$.body[1]"), "{alert}");
    app.update(WidgetProps { source: SEED.into(), ns: "w8".into(), paragraphs: "".into(), editable: false });
    settled(&host).await;
    assert!(host.query_selector("[role=alert]").unwrap().is_none());
    assert!(!all(&host, "article.sm-card").is_empty());
    app.destroy();
    host.remove();
}

#[wasm_bindgen_test]
async fn paragraph_link_expands_the_paragraph_in_place_without_host_markers() {
    let root = mount(SEED, "w9").await;
    let btn = all(&root, "button[aria-expanded]").into_iter().find(|b| b.text_content().unwrap().starts_with("Show paragraph")).unwrap();
    click(&btn);
    yew::scheduler::flush().await;
    let para = one(&root, ".sm-para");
    assert!(para.text_content().unwrap().len() > 40);
    let btn: HtmlElement = all(&root, "button[aria-expanded=\"true\"]").remove(0).dyn_into().unwrap();
    assert!(btn.text_content().unwrap().starts_with("Hide paragraph"));
    root.remove();
}

#[wasm_bindgen_test]
async fn fold_control_shows_more_stakeholders() {
    // An article with many named people: more than the fold limit.
    let names = ["Ada Brook", "Ben Carter", "Cleo Dunn", "Dov Ellis", "Eva Frost", "Finn Grant", "Gil Hart", "Hana Ives",
        "Ivo Jones", "Jan Kemp", "Kai Lund", "Lea Marsh", "Max Noor", "Nia Olsen", "Oto Park", "Pia Quinn", "Rex Stone", "Sia Trent"];
    let body: Vec<String> = names.iter().map(|n| ["“We will see,” said ", n, ", a local councillor."].concat()).collect();
    let art = ["{\"headline\": \"Council votes\", \"body\": ", &serde_json_string(&body.join("\n\n")), "}"].concat();
    let root = mount(&art, "w10").await;
    let shown = all(&root, "g.sm-node").len();
    let more = one(&root, "button.sm-more");
    assert!(more.text_content().unwrap().contains(" more"));
    assert_eq!(more.get_attribute("aria-expanded").as_deref(), Some("false"));
    click(&more);
    yew::scheduler::flush().await;
    assert!(all(&root, "g.sm-node").len() > shown);
    assert_eq!(one(&root, "button.sm-more").get_attribute("aria-expanded").as_deref(), Some("true"));
    root.remove();
}

fn serde_json_string(s: &str) -> String {
    let mut o = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => o.push_str("\\\""),
            '\\' => o.push_str("\\\\"),
            '\n' => o.push_str("\\n"),
            c => o.push(c),
        }
    }
    o.push('"');
    o
}

/// Numbers in an SVG path or transform, in order.
fn nums(s: &str) -> Vec<f32> {
    s.split(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-')).filter_map(|t| t.parse().ok()).collect()
}

#[wasm_bindgen_test]
async fn moving_a_node_reroutes_its_edges_to_start_at_its_new_rim() {
    let root = mount(SEED, "w-reroute").await;
    let node = one(&root, "g.sm-node[tabindex=\"0\"]");
    let id = node.get_attribute("data-node").unwrap();
    let before: Vec<String> = all(&root, ".sm-edges path.sm-edge-line").iter().filter_map(|p| p.get_attribute("d")).collect();
    for _ in 0..5 {
        let cur = one(&root, &format!("g.sm-node[data-node=\"{id}\"]"));
        let init = web_sys::KeyboardEventInit::new();
        init.set_bubbles(true);
        init.set_key("ArrowDown");
        init.set_shift_key(true);
        cur.dispatch_event(&web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap()).unwrap();
        yew::scheduler::flush().await;
    }
    let moved = one(&root, &format!("g.sm-node[data-node=\"{id}\"]"));
    let t = nums(&moved.get_attribute("transform").unwrap());
    let after: Vec<String> = all(&root, ".sm-edges path.sm-edge-line").iter().filter_map(|p| p.get_attribute("d")).collect();
    assert_eq!(before.len(), after.len(), "moving a node changed the number of edges");
    // Every edge still starts at some node's rim, and the moved node's edges start or end near
    // its new centre (routed again, not left where the layout drew them).
    let centres: Vec<Vec<f32>> = all(&root, "g.sm-node").iter().map(|n| nums(&n.get_attribute("transform").unwrap())).collect();
    let near = |x: f32, y: f32, c: &[f32], d: f32| ((x - c[0]).powi(2) + (y - c[1]).powi(2)).sqrt() <= d;
    let mut touching = 0;
    for d in &after {
        let n = nums(d);
        let (sx, sy, ex, ey) = (n[0], n[1], n[n.len() - 2], n[n.len() - 1]);
        assert!(centres.iter().any(|c| near(sx, sy, c, 60.0)), "edge {d} starts away from every node");
        if near(sx, sy, &t, 60.0) || near(ex, ey, &t, 60.0) {
            touching += 1;
        }
    }
    assert!(touching > 0, "no edge follows the moved node (at {t:?})");
    assert_ne!(before, after, "edges were not rerouted after the move");
    root.remove();
}

#[wasm_bindgen_test]
async fn editor_mode_reassigns_a_quote_on_the_card_and_the_map_follows() {
    let host = doc().create_element("div").unwrap();
    doc().body().unwrap().append_child(&host).unwrap();
    let props = WidgetProps { source: SEED.into(), ns: "ed".into(), paragraphs: "".into(), editable: true };
    let app = yew::Renderer::<Widget>::with_root_and_props(host.clone(), props).render();
    settled(&host).await;
    let before = card_names(&host);
    let pickers = all(&host, "article.sm-card select");
    assert_eq!(pickers.len(), before.len(), "one speaker picker per card");
    // Give the first card to someone else: the first option that is not its speaker.
    let select: web_sys::HtmlSelectElement = pickers[0].clone().dyn_into().unwrap();
    let target = all(&pickers[0], "option")
        .into_iter()
        .map(|o| (o.get_attribute("value").unwrap_or_default(), o.text_content().unwrap_or_default()))
        .find(|(v, name)| !v.is_empty() && *name != before[0])
        .unwrap();
    select.set_value(&target.0);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    select.dispatch_event(&web_sys::Event::new_with_event_init_dict("change", &init).unwrap()).unwrap();
    yew::scheduler::flush().await;
    let after = card_names(&host);
    assert_eq!(after[0], target.1, "the card did not take the new speaker");
    assert_eq!(&after[1..], &before[1..], "other cards changed");
    assert!(one(&host, "article.sm-card").text_content().unwrap().contains("checked by an editor"));
    // The map's node for the new speaker now says it is quoted.
    let node = all(&host, "g.sm-node").into_iter().find(|g| g.get_attribute("aria-label").unwrap_or_default().starts_with(&target.1));
    if let Some(node) = node {
        assert!(node.get_attribute("aria-label").unwrap().contains("Quoted"), "{:?}", node.get_attribute("aria-label"));
    }
    app.destroy();
    host.remove();
}

/// Mounts the widget as the element does: inside its `Config` (card limit, strings, listener).
async fn mount_configured(source: &str, ns: &str, config: stakeholder_map::widget::Config, editable: bool) -> (Element, yew::AppHandle<stakeholder_map::widget::Configured>) {
    let host = doc().create_element("div").unwrap();
    host.set_attribute("class", "sm-root").unwrap();
    doc().body().unwrap().append_child(&host).unwrap();
    let props = stakeholder_map::widget::ConfiguredProps { content: stakeholder_map::widget::Content::read(source), ns: ns.to_string().into(), paragraphs: "".into(), editable, config };
    let app = yew::Renderer::<stakeholder_map::widget::Configured>::with_root_and_props(host.clone(), props).render();
    settled(&host).await;
    (host, app)
}

#[wasm_bindgen_test]
async fn a_card_limit_shows_the_first_cards_and_the_button_expands_in_place() {
    use stakeholder_map::widget::Config;
    let (root, app) = mount_configured(SEED, "c1", Config { max_cards: Some(2), ..Config::default() }, false).await;
    assert_eq!(card_names(&root).len(), 2);
    let button = one(&root, "button.sm-more-cards");
    let label = button.text_content().unwrap();
    let n: usize = label.trim_start_matches("Show all ").trim_end_matches(" quotes").parse().unwrap_or_else(|_| panic!("{label}"));
    assert!(n > 2, "{label}");
    click(&button);
    yew::scheduler::flush().await;
    assert_eq!(card_names(&root).len(), n);
    assert_eq!(one(&root, "button.sm-more-cards").text_content().unwrap(), "Show fewer quotes");
    app.destroy();
    root.remove();
}

#[wasm_bindgen_test]
async fn the_listener_hears_a_readers_selection_and_the_host_can_select() {
    use stakeholder_map::widget::{Config, Notice};
    use std::cell::RefCell;
    use std::rc::Rc;
    let heard: Rc<RefCell<Vec<Notice>>> = Rc::default();
    let h = heard.clone();
    let config = Config { notify: yew::Callback::from(move |n| h.borrow_mut().push(n)), ..Config::default() };
    let (root, mut app) = mount_configured(SEED, "c2", config.clone(), false).await;
    assert!(heard.borrow().is_empty(), "nothing selected, nothing said");
    let (name, node) = top_speaker(&root);
    click(&node);
    yew::scheduler::flush().await;
    let id = node.get_attribute("data-node").unwrap();
    match heard.borrow().last() {
        Some(Notice::Select(Some(d))) => assert_eq!((d.id.as_str(), d.name.as_str()), (id.as_str(), name.as_str())),
        other => panic!("{other:?}"),
    }
    // A card click: the quote notice.
    click(&one(&root, "article.sm-card"));
    yew::scheduler::flush().await;
    assert!(matches!(heard.borrow().last(), Some(Notice::Quote(q)) if q.name.as_deref() == Some(name.as_str())));
    // The host clears, then selects by id (a new request number each time).
    let content = stakeholder_map::widget::Content::read(SEED);
    let props = |n: u32, sel: Option<&str>| stakeholder_map::widget::ConfiguredProps {
        content: content.clone(), ns: "c2".into(), paragraphs: "".into(), editable: false,
        config: Config { select: (n, sel.map(|s| s.to_string().into())), ..config.clone() },
    };
    app.update(props(1, None));
    yew::scheduler::flush().await;
    assert_eq!(all(&root, "g.sm-node[aria-pressed=\"true\"]").len(), 0);
    assert!(matches!(heard.borrow().last(), Some(Notice::Select(None))));
    app.update(props(2, Some(&id)));
    yew::scheduler::flush().await;
    assert_eq!(one(&root, "g.sm-node[aria-pressed=\"true\"]").get_attribute("data-node").as_deref(), Some(id.as_str()));
    app.destroy();
    root.remove();
}

#[wasm_bindgen_test]
async fn editor_corrections_on_the_selected_stakeholder_rename_and_hide() {
    use stakeholder_map::widget::Config;
    let (root, app) = mount_configured(SEED, "c3", Config::default(), true).await;
    let (name, node) = top_speaker(&root);
    click(&node);
    yew::scheduler::flush().await;
    let input: web_sys::HtmlInputElement = one(&root, ".sm-editor input").dyn_into().unwrap();
    assert_eq!(input.value(), name);
    // The name commits on change (Enter or leaving the field).
    input.set_value("Renamed Speaker");
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    input.dispatch_event(&web_sys::Event::new_with_event_init_dict("change", &init).unwrap()).unwrap();
    yew::scheduler::flush().await;
    assert_eq!(one(&root, ".sm-focus h3").text_content().unwrap(), "Renamed Speaker");
    assert!(card_names(&root).iter().all(|n| n == "Renamed Speaker"));
    // Hidden: gone from the map, the selection cleared, its cards unattributed.
    let hide = one(&root, ".sm-edit-hide");
    click(&hide);
    yew::scheduler::flush().await;
    assert!(root.query_selector(".sm-focus").unwrap().is_none());
    assert!(!all(&root, "g.sm-node").iter().any(|g| g.get_attribute("aria-label").unwrap_or_default().starts_with("Renamed Speaker")));
    assert!(!card_names(&root).iter().any(|n| n == "Renamed Speaker" || n == &name));
    app.destroy();
    root.remove();
}

/// Waits `ms` milliseconds of the page's own clock (a `setTimeout`).
async fn sleep(ms: i32) {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(p).await;
}
