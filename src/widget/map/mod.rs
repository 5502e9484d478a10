//! The SVG stakeholder map: nodes (shape = kind), edges (direction by arrowhead, stance by
//! colour + dash + label), one tab stop with roving focus, drag, zoom and pan. By part:
//! - this file: [`Map`], which measures its width, lays out, re-routes edges after drags and
//!   decides how each node and edge looks;
//! - [`gestures`]: keyboard, wheel, drag and pinch handlers, made once per map;
//! - [`nodes`]: one component per node, with narrow props; [`edges`]: each edge;
//! - [`controls`]: the bar under the map ("+N more", zoom, reset).

pub mod controls;
pub mod edges;
pub mod gestures;
pub mod nodes;

use super::browser;
use super::i18n::K;
use super::shapes::push_num;
use super::state::{Action, Facts, ViewState};
use crate::layout::{layout, route_edges, EdgePos, Layout, LayoutOptions, NodePos};
use crate::model::Stance;
use gestures::{use_gestures, Frame};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MapProps {
    pub facts: Rc<Facts>,
    /// [`ViewState::for_map`]: the view without what only the cards use.
    pub view: ViewState,
    pub dispatch: Callback<Action>,
    pub ns: AttrValue,
    /// Called with the current layout whenever it changes (the export buttons need it).
    #[prop_or_default]
    pub on_layout: Callback<Rc<Layout>>,
}

/// Most nodes shown before the rest fold into "+N more".
pub const FOLD_AT: usize = 14;

/// Layout size (in layout units, about CSS pixels) for a container `w` pixels wide.
pub fn layout_size(w: f32) -> (f32, f32) {
    let w = if w.is_finite() && w > 0.0 { w } else { 640.0 };
    let width = (w / 20.0).round() * 20.0;
    let width = width.clamp(300.0, 760.0);
    let height = if width < 520.0 { (width * 1.12).round() } else { (width * 0.7).round() };
    (width, height)
}

pub fn stance_class(s: Stance) -> &'static str {
    match s {
        Stance::Positive => "sm-stance-positive",
        Stance::Negative => "sm-stance-negative",
        Stance::Neutral => "sm-stance-neutral",
    }
}


/// A laid-out node moved by the reader's drag offset (its label box and lines with it).
fn shifted(n: &NodePos, moved: &[(String, (f32, f32))]) -> NodePos {
    let mut m = n.clone();
    if let Some(&(_, (dx, dy))) = moved.iter().find(|o| o.0 == n.id) {
        m.x += dx;
        m.y += dy;
        m.label_x += dx;
        m.label_y += dy;
        m.name_y += dy;
        m.role_y += dy;
        for l in &mut m.label_lines {
            l.y += dy;
        }
    }
    m
}

#[function_component(Map)]
pub fn map(props: &MapProps) -> Html {
    let facts = &props.facts;
    let a = &*facts.analysis;
    let t = &*facts.t;
    let v = &props.view;
    let ns = props.ns.as_str();
    let wrap_ref = use_node_ref();
    let svg_ref = use_node_ref();
    // The container's width, once measured (0: not yet): the first render leaves the map out (an
    // empty box), its effect measures the box and the map is laid out once, for its
    // real width (it was laid out for 640, then again for the measured width). Natively (the
    // server renderer in tests) there is nothing to measure: 640 at once.
    let width = use_state(|| if cfg!(target_arch = "wasm32") { 0.0f32 } else { 640.0 });
    let frame = use_mut_ref(Frame::default);
    let handlers = use_gestures(svg_ref.clone(), frame.clone(), props.dispatch.clone());

    // Measure the container, and again when the window is resized.
    {
        let wrap_ref = wrap_ref.clone();
        let width = width.clone();
        use_effect_with((), move |_| {
            // The first time, an unknown width (a hidden element) draws the map 640 wide.
            let measure = move |first: bool| {
                let w = wrap_ref.cast::<web_sys::Element>().map(|el| browser::width_of(&el)).unwrap_or(0.0);
                if w > 0.0 || first {
                    width.set(if w > 0.0 { w } else { 640.0 });
                }
            };
            measure(true);
            let handle = listen_resize(move || measure(false));
            move || drop(handle)
        });
    }

    let pending = *width == 0.0;
    let (lw, lh) = layout_size(*width);
    // Not measured yet: nothing laid out (every stakeholder folded, no node placed).
    let max_nodes = if pending { 0 } else if v.show_all { usize::MAX } else { FOLD_AT };
    let lay: Rc<Layout> = {
        let analysis = facts.analysis.clone();
        use_memo((lw as u32, lh as u32, max_nodes, Rc::as_ptr(&analysis) as usize), move |_| {
            layout(&analysis, &LayoutOptions { width: lw, height: lh, max_nodes, seed: 0 })
        })
    };
    {
        let on_layout = props.on_layout.clone();
        use_effect_with(lay.clone(), move |l| {
            on_layout.emit(l.clone());
        });
    }

    // After the reader drags nodes, the edges are routed again by the layout's own router
    // (rim to rim, parallel edges curved apart, labels slid to free spots) from the moved
    // nodes and their moved label boxes; without drags the layout's edges are drawn as laid out.
    // With them, the edges' text (titles, paths, labels: [`edges::texts`]), made here once per
    // layout, re-routing and language, not on every hover or click.
    // (`ns`, the widget's id prefix, is set at mount for the widget's whole life.)
    let routed: Rc<(Option<Vec<EdgePos>>, Vec<Option<edges::EdgeText>>)> = {
        let (facts, lay, ns) = (facts.clone(), lay.clone(), props.ns.clone());
        let moved = v.moved.clone();
        use_memo((Rc::as_ptr(&lay) as usize, Rc::as_ptr(&facts) as usize, moved), move |(_, _, moved)| {
            let rerouted = (!moved.is_empty()).then(|| {
                let nodes: Vec<NodePos> = lay.nodes.iter().map(|n| shifted(n, moved)).collect();
                route_edges(&facts.analysis, &nodes)
            });
            let texts = edges::texts(&facts, rerouted.as_deref().unwrap_or(&lay.edges), &ns);
            (rerouted, texts)
        })
    };

    // Current node positions: the layout's plus the reader's drags.
    let positions: Vec<(String, f32, f32)> = lay
        .nodes
        .iter()
        .map(|n| match v.offset(&n.id) {
            Some((dx, dy)) => (n.id.clone(), n.x + dx, n.y + dy),
            None => (n.id.clone(), n.x, n.y),
        })
        .collect();

    // The roving tab stop.
    let roving: Option<String> = v
        .focused
        .clone()
        .filter(|f| lay.nodes.iter().any(|n| &n.id == f))
        .or_else(|| lay.nodes.first().map(|n| n.id.clone()));

    // What the handlers read: the map as rendered now.
    *frame.borrow_mut() = Frame { facts: Some(facts.clone()), lw, lh, view_x: v.view_x, view_y: v.view_y, zoom: v.zoom, positions, roving: roving.clone() };

    // Focus the roving node after keyboard moves.
    {
        let svg_ref = svg_ref.clone();
        let gesture = handlers.gesture.clone();
        use_effect_with(roving.clone(), move |r| {
            let want = std::mem::take(&mut gesture.borrow_mut().want_focus);
            if want {
                if let (Some(svg), Some(id)) = (svg_ref.cast::<web_sys::Element>(), r.as_ref()) {
                    focus_node(&svg, id);
                }
            }
        });
    }

    // Who lights up: hover/focus (or the selection) and its neighbours; a selected card's
    // speaker and the stakeholders it mentions.
    let spot = v.hovered.clone().or_else(|| v.selected.clone());
    let card = v.quote.as_deref().and_then(|q| facts.quote_index(q)).map(|i| &a.quotes[i]);
    let card_speaker = card.and_then(|q| q.speaker.as_deref());
    let card_mentions: &[String] = card.map(|q| q.mentions.as_slice()).unwrap_or_default();
    let lit = |id: &str| -> bool {
        match (&spot, card) {
            (Some(h), _) => facts.adjacent(h, id),
            (None, Some(_)) => card_speaker == Some(id) || card_mentions.iter().any(|m| m == id),
            (None, None) => true,
        }
    };
    let dimming = spot.is_some() || card.is_some();

    let edge_list: &[EdgePos] = routed.0.as_deref().unwrap_or(&lay.edges);
    let edges = edge_list.iter().zip(routed.1.iter()).filter_map(|(e, text)| {
        let touches = |id: &Option<String>| id.as_deref().is_some_and(|h| h == e.source || h == e.target);
        let on = touches(&spot) || touches(&v.focused) && v.hovered.is_some();
        let in_card = card.is_some() && card_speaker == Some(e.source.as_str()) && card_mentions.iter().any(|m| *m == e.target);
        Some(edges::edge(text.as_ref()?, on || in_card))
    });

    let nodes = lay.nodes.iter().enumerate().map(|(k, n)| {
        let (x, y) = v.offset(&n.id).map(|(dx, dy)| (n.x + dx, n.y + dy)).unwrap_or((n.x, n.y));
        let selected = v.selected.as_deref() == Some(n.id.as_str());
        let look = nodes::Look {
            selected,
            speaker: card_speaker == Some(n.id.as_str()),
            mentioned: card_mentions.iter().any(|m| *m == n.id),
            lit: dimming && (lit(&n.id) || selected),
            roving: roving.as_deref() == Some(n.id.as_str()),
            moved: v.is_moved(&n.id),
        };
        html! {
            <nodes::Node key={n.id.as_str()} facts={facts.clone()} lay={lay.clone()} {k} {x} {y} {look}
                handlers={handlers.clone()} dispatch={props.dispatch.clone()} />
        }
    });

    let mut view_box = String::new();
    push_num(&mut view_box, v.view_x);
    view_box.push(' ');
    push_num(&mut view_box, v.view_y);
    view_box.push(' ');
    push_num(&mut view_box, lw / v.zoom);
    view_box.push(' ');
    push_num(&mut view_box, lh / v.zoom);
    let (mut bw, mut bh) = (String::new(), String::new());
    push_num(&mut bw, lw * 4.0);
    push_num(&mut bh, lh * 4.0);
    let (mut bx, mut by) = (String::new(), String::new());
    push_num(&mut bx, -lw * 1.5);
    push_num(&mut by, -lh * 1.5);

    let markers = [Stance::Positive, Stance::Negative, Stance::Neutral].map(|s| {
        html! {
            <marker id={[ns, "-arrow-", s.label()].concat()} class={classes!("sm-arrow", stance_class(s))}
                viewBox="0 0 10 10" refX="8" refY="5" markerWidth="7" markerHeight="7" markerUnits="userSpaceOnUse"
                orient="auto-start-reverse">
                <path d="M0,0L10,5L0,10Z" />
            </marker>
        }
    });

    let map_label = t.fill(K::map, &[&facts.summary]);
    let empty = lay.nodes.is_empty();
    let h = &*handlers;

    html! {
        <div class="sm-map-wrap" ref={wrap_ref}>
            if pending {
            } else if empty {
                <p class="sm-map-empty">{ t.get(K::no_stakeholders) }</p>
            } else {
                <svg class={classes!("sm-map", dimming.then_some("is-dimming"))} ref={svg_ref.clone()} viewBox={view_box}
                    role="group" aria-label={map_label} preserveAspectRatio="xMidYMid meet"
                    onkeydown={h.keydown.clone()} onwheel={h.wheel.clone()} onpointerdown={h.down_bg.clone()} onpointermove={h.moved.clone()}
                    onpointerup={h.up.clone()} onpointercancel={h.up.clone()}>
                    <defs>{ for markers }</defs>
                    <rect class="sm-map-bg" x={bx} y={by} width={bw} height={bh} />
                    <g class="sm-edges">{ for edges }</g>
                    <g class="sm-nodes">{ for nodes }</g>
                </svg>
            }
            if !pending {
                { controls::bar(t, lay.folded.len(), v.show_all, &h.zoom, &props.dispatch) }
            }
        </div>
    }
}

/// Keeps a window `resize` listener alive until dropped.
pub struct ResizeHandle {
    #[cfg(target_arch = "wasm32")]
    _inner: Option<(web_sys::Window, wasm_bindgen::closure::Closure<dyn FnMut()>)>,
}

impl Drop for ResizeHandle {
    fn drop(&mut self) {
        #[cfg(target_arch = "wasm32")]
        if let Some((w, c)) = self._inner.take() {
            use wasm_bindgen::JsCast;
            let _ = w.remove_event_listener_with_callback("resize", c.as_ref().unchecked_ref());
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn listen_resize(f: impl Fn() + 'static) -> ResizeHandle {
    use wasm_bindgen::JsCast;
    let Some(w) = web_sys::window() else { return ResizeHandle { _inner: None } };
    let c = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(f);
    let _ = w.add_event_listener_with_callback("resize", c.as_ref().unchecked_ref());
    ResizeHandle { _inner: Some((w, c)) }
}

#[cfg(not(target_arch = "wasm32"))]
fn listen_resize(_f: impl Fn() + 'static) -> ResizeHandle {
    ResizeHandle {}
}

fn focus_node(svg: &web_sys::Element, id: &str) {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        let sel = ["[data-node=\"", id, "\"]"].concat();
        if let Ok(Some(el)) = svg.query_selector(&sel) {
            if let Ok(el) = el.dyn_into::<web_sys::SvgElement>() {
                let _ = el.focus();
            }
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (svg, id);
}
