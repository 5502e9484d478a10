//! The SVG stakeholder map: nodes (shape = kind), edges (direction by arrowhead, stance by
//! colour + dash + label), one tab stop with roving focus, drag, zoom and pan.

use super::browser;
use super::shapes::{kind_class, push_num, shape_path};
use super::i18n::K;
use super::state::{step, Action, Facts, ViewState};
use crate::layout::{layout, route_edges, EdgePos, Layout, LayoutOptions, NodePos};
use crate::model::Stance;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MapProps {
    pub facts: Rc<Facts>,
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


#[derive(Default)]
struct Gesture {
    /// Node being dragged, or None for a background pan.
    node: Option<String>,
    pointer: Option<i32>,
    last: (f32, f32),
    travelled: f32,
    /// The next click on a node is the end of a drag, not a selection.
    suppress_click: bool,
    /// Active touch pointers (id, x, y) for pinch zoom.
    touches: Vec<(i32, f32, f32)>,
    /// Move keyboard focus to the roving node after the next render.
    want_focus: bool,
}

impl Gesture {
    /// Records a touch pointer going down (on a node or the background). Returns true when it
    /// is the second finger: the gesture is then a pinch, and a node drag that the first finger
    /// began is dropped (and its click suppressed).
    fn add_touch(&mut self, e: &PointerEvent) -> bool {
        self.touches.retain(|t| t.0 != e.pointer_id());
        self.touches.push((e.pointer_id(), e.client_x() as f32, e.client_y() as f32));
        if self.touches.len() < 2 {
            return false;
        }
        if self.node.is_some() {
            self.suppress_click = true;
        }
        self.pointer = None;
        self.node = None;
        true
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
    let width = use_state(|| 640.0f32);
    let gesture = use_mut_ref(Gesture::default);

    // Measure the container, and again when the window is resized.
    {
        let wrap_ref = wrap_ref.clone();
        let width = width.clone();
        use_effect_with((), move |_| {
            let measure = {
                let wrap_ref = wrap_ref.clone();
                let width = width.clone();
                move || {
                    if let Some(el) = wrap_ref.cast::<web_sys::Element>() {
                        let w = browser::width_of(&el);
                        if w > 0.0 {
                            width.set(w);
                        }
                    }
                }
            };
            measure();
            let handle = listen_resize(measure);
            move || drop(handle)
        });
    }

    let (lw, lh) = layout_size(*width);
    let max_nodes = if v.show_all { usize::MAX } else { FOLD_AT };
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
    let rerouted: Rc<Option<Vec<EdgePos>>> = {
        let analysis = facts.analysis.clone();
        let lay = lay.clone();
        let moved = v.moved.clone();
        use_memo((Rc::as_ptr(&lay) as usize, Rc::as_ptr(&analysis) as usize, moved), move |(_, _, moved)| {
            if moved.is_empty() {
                return None;
            }
            let nodes: Vec<NodePos> = lay.nodes.iter().map(|n| shifted(n, moved)).collect();
            Some(route_edges(&analysis, &nodes))
        })
    };

    // Current node positions: the layout's plus the reader's drags.
    let pos = |id: &str, x: f32, y: f32| match v.offset(id) {
        Some((dx, dy)) => (x + dx, y + dy),
        None => (x, y),
    };
    let positions: Vec<(String, f32, f32)> = lay
        .nodes
        .iter()
        .map(|n| {
            let (x, y) = pos(&n.id, n.x, n.y);
            (n.id.clone(), x, y)
        })
        .collect();

    // The roving tab stop.
    let roving: Option<String> = v
        .focused
        .clone()
        .filter(|f| lay.nodes.iter().any(|n| &n.id == f))
        .or_else(|| lay.nodes.first().map(|n| n.id.clone()));

    // Focus the roving node after keyboard moves.
    {
        let svg_ref = svg_ref.clone();
        let gesture = gesture.clone();
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
    let card = v.quote.as_deref().and_then(|q| a.quotes.iter().find(|x| x.id == q));
    let card_speaker = card.and_then(|q| q.speaker.clone());
    let card_mentions: Vec<String> = card.map(|q| q.mentions.clone()).unwrap_or_default();
    let lit = |id: &str| -> bool {
        match (&spot, card) {
            (Some(h), _) => facts.adjacent(h, id),
            (None, Some(_)) => card_speaker.as_deref() == Some(id) || card_mentions.iter().any(|m| m == id),
            (None, None) => true,
        }
    };
    let dimming = spot.is_some() || card.is_some();

    // ---- event handlers -------------------------------------------------------------------
    let dispatch = props.dispatch.clone();
    let scale = {
        let svg_ref = svg_ref.clone();
        let zoom = v.zoom;
        move || -> f32 {
            let w = svg_ref.cast::<web_sys::Element>().map(|e| browser::rect_width(&e)).unwrap_or(0.0);
            if w > 0.0 {
                lw / zoom.max(0.01) / w
            } else {
                1.0
            }
        }
    };
    let to_layout = {
        let svg_ref = svg_ref.clone();
        let (vx, vy, zoom) = (v.view_x, v.view_y, v.zoom);
        move |cx: f32, cy: f32| -> (f32, f32) {
            match svg_ref.cast::<web_sys::Element>() {
                Some(e) => {
                    let r = e.get_bounding_client_rect();
                    let k = if r.width() > 0.0 { lw / zoom.max(0.01) / r.width() as f32 } else { 1.0 };
                    (vx + (cx - r.left() as f32) * k, vy + (cy - r.top() as f32) * k)
                }
                None => (lw / 2.0, lh / 2.0),
            }
        }
    };

    let onkeydown = {
        let dispatch = dispatch.clone();
        let positions = positions.clone();
        let facts = facts.clone();
        let roving = roving.clone();
        let gesture = gesture.clone();
        let (cx, cy) = (v.view_x + lw / v.zoom / 2.0, v.view_y + lh / v.zoom / 2.0);
        Callback::from(move |e: KeyboardEvent| {
            let Some(cur) = roving.clone() else { return };
            let dir = match e.key().as_str() {
                "ArrowRight" => Some((1.0, 0.0)),
                "ArrowLeft" => Some((-1.0, 0.0)),
                "ArrowDown" => Some((0.0, 1.0)),
                "ArrowUp" => Some((0.0, -1.0)),
                _ => None,
            };
            if let Some((dx, dy)) = dir {
                e.prevent_default();
                // Shift+arrow drags the focused node, Ctrl/Cmd+arrow pans the map: what a
                // mouse does by dragging, the keyboard does too.
                if e.shift_key() {
                    dispatch.emit(Action::MoveNode { id: cur, dx: dx * 12.0, dy: dy * 12.0 });
                    return;
                }
                if e.ctrl_key() || e.meta_key() {
                    dispatch.emit(Action::Pan { dx: -dx * 40.0, dy: -dy * 40.0 });
                    return;
                }
                if let Some(next) = step(&facts, &positions, &cur, dx, dy) {
                    gesture.borrow_mut().want_focus = true;
                    dispatch.emit(Action::Focus(next));
                }
                return;
            }
            match e.key().as_str() {
                "Enter" | " " => {
                    e.prevent_default();
                    dispatch.emit(Action::Toggle(cur));
                }
                "Escape" => dispatch.emit(Action::Clear),
                "Home" | "End" => {
                    e.prevent_default();
                    let pick = if e.key() == "Home" { positions.first() } else { positions.last() };
                    if let Some(p) = pick {
                        gesture.borrow_mut().want_focus = true;
                        dispatch.emit(Action::Focus(p.0.clone()));
                    }
                }
                "+" | "=" => dispatch.emit(Action::ZoomAt { factor: 1.25, x: cx, y: cy }),
                "-" | "_" => dispatch.emit(Action::ZoomAt { factor: 0.8, x: cx, y: cy }),
                "0" => dispatch.emit(Action::ResetView),
                _ => {}
            }
        })
    };

    let onwheel = {
        let dispatch = dispatch.clone();
        let to_layout = to_layout.clone();
        Callback::from(move |e: WheelEvent| {
            // No scroll-jacking: the page scrolls over the map; zoom only with Ctrl/Cmd (and
            // trackpad pinch, which browsers report as a Ctrl+wheel).
            if !(e.ctrl_key() || e.meta_key()) {
                return;
            }
            e.prevent_default();
            let (x, y) = to_layout(e.client_x() as f32, e.client_y() as f32);
            let factor = (-(e.delta_y() as f32) * 0.0025).exp().clamp(0.5, 2.0);
            dispatch.emit(Action::ZoomAt { factor, x, y });
        })
    };

    let onpointerdown_bg = {
        let gesture = gesture.clone();
        Callback::from(move |e: PointerEvent| {
            let mut g = gesture.borrow_mut();
            if e.pointer_type() == "touch" {
                // One finger on the background scrolls the page (no scroll-jacking); a second
                // finger makes it a pinch.
                g.add_touch(&e);
                return;
            }
            if e.button() != 0 {
                return;
            }
            g.node = None;
            g.pointer = Some(e.pointer_id());
            g.last = (e.client_x() as f32, e.client_y() as f32);
            g.travelled = 0.0;
        })
    };

    let onpointermove = {
        let gesture = gesture.clone();
        let svg_ref = svg_ref.clone();
        let dispatch = dispatch.clone();
        let scale = scale.clone();
        let to_layout = to_layout.clone();
        Callback::from(move |e: PointerEvent| {
            let (x, y) = (e.client_x() as f32, e.client_y() as f32);
            let mut g = gesture.borrow_mut();
            if e.pointer_type() == "touch" && g.touches.len() >= 2 {
                // Pinch: zoom by the change of distance between the first two touches.
                let d0 = dist(g.touches[0].1, g.touches[0].2, g.touches[1].1, g.touches[1].2);
                if let Some(t) = g.touches.iter_mut().find(|t| t.0 == e.pointer_id()) {
                    t.1 = x;
                    t.2 = y;
                } else {
                    return;
                }
                let d1 = dist(g.touches[0].1, g.touches[0].2, g.touches[1].1, g.touches[1].2);
                if d0 > 10.0 && d1 > 10.0 {
                    let (mx, my) = ((g.touches[0].1 + g.touches[1].1) / 2.0, (g.touches[0].2 + g.touches[1].2) / 2.0);
                    let (lx, ly) = to_layout(mx, my);
                    dispatch.emit(Action::ZoomAt { factor: d1 / d0, x: lx, y: ly });
                }
                return;
            }
            if g.pointer != Some(e.pointer_id()) {
                return;
            }
            let (dx, dy) = (x - g.last.0, y - g.last.1);
            g.last = (x, y);
            let was = g.travelled;
            g.travelled += dx.abs() + dy.abs();
            if g.travelled < 4.0 {
                return;
            }
            // Capture only once it is a drag: a capture from pointerdown would retarget the
            // click of a plain press to the svg, and the node would never see it.
            if was < 4.0 {
                if let Some(svg) = svg_ref.cast::<web_sys::Element>() {
                    let _ = svg.set_pointer_capture(e.pointer_id());
                }
            }
            let k = scale();
            match g.node.clone() {
                Some(id) => dispatch.emit(Action::MoveNode { id, dx: dx * k, dy: dy * k }),
                None => dispatch.emit(Action::Pan { dx: dx * k, dy: dy * k }),
            }
        })
    };

    let onpointerup = {
        let gesture = gesture.clone();
        Callback::from(move |e: PointerEvent| {
            let mut g = gesture.borrow_mut();
            g.touches.retain(|t| t.0 != e.pointer_id());
            if g.pointer == Some(e.pointer_id()) {
                if g.travelled >= 4.0 && g.node.is_some() {
                    g.suppress_click = true;
                }
                g.pointer = None;
                g.node = None;
            }
        })
    };

    let zoom_btn = |factor: f32| {
        let dispatch = dispatch.clone();
        let (cx, cy) = (v.view_x + lw / v.zoom / 2.0, v.view_y + lh / v.zoom / 2.0);
        Callback::from(move |_: MouseEvent| dispatch.emit(Action::ZoomAt { factor, x: cx, y: cy }))
    };
    let reset = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(Action::ResetView))
    };
    let toggle_all = {
        let dispatch = dispatch.clone();
        let show = !v.show_all;
        Callback::from(move |_: MouseEvent| dispatch.emit(Action::ShowAll(show)))
    };

    // ---- drawing ------------------------------------------------------------------------
    let at = |id: &str| positions.iter().find(|p| p.0 == id).map(|p| (p.1, p.2));

    let edge_list: &[EdgePos] = match &*rerouted {
        Some(e) => e,
        None => &lay.edges,
    };
    let edges = edge_list.iter().filter_map(|e| {
        let r = a.relations.get(e.relation)?;
        let (d, lx, ly) = (e.path.clone(), e.label_x, e.label_y);
        let touches = |id: &Option<String>| id.as_deref().is_some_and(|h| h == e.source || h == e.target);
        let on = touches(&spot) || touches(&v.focused) && v.hovered.is_some();
        let in_card = card.is_some_and(|_| {
            card_speaker.as_deref() == Some(e.source.as_str()) && card_mentions.iter().any(|m| *m == e.target)
        });
        let dim = dimming && !on && !in_card;
        let src = facts.stakeholder(&e.source).map(|s| s.name.as_str()).unwrap_or("");
        let dst = facts.stakeholder(&e.target).map(|s| s.name.as_str()).unwrap_or("");
        // The layout sized the label box for its English words; other languages say the same.
        let words = if t.is_english() && !e.label.is_empty() {
            e.label.clone()
        } else {
            let verb = t.relation(r.kind);
            let verb = if r.negated { t.fill(K::rel_not_out, &[verb, ""]).trim_end_matches([' ', ':']).to_string() } else { verb.to_string() };
            [verb.as_str(), " · ", t.stance(r.stance)].concat()
        };
        let title = [&facts.relation_phrase(r, src, dst), " (", t.stance(r.stance), ")"].concat();
        let marker = ["url(#", ns, "-arrow-", r.stance.label(), ")"].concat();
        let mut lbl_x = String::new();
        push_num(&mut lbl_x, lx);
        let mut lbl_y = String::new();
        push_num(&mut lbl_y, ly);
        // Labels only where the layout found them a free spot (no clutter); any edge's label
        // still shows while the pointer is on the edge itself.
        let labelled = (on || in_card) && e.label_free;
        let class = classes!("sm-edge", stance_class(r.stance), dim.then_some("is-dim"), (on || in_card).then_some("is-lit"), labelled.then_some("is-labelled"));
        Some(html! {
            <g class={class} key={r.id.clone()}>
                <title>{ title }</title>
                <path class="sm-edge-hit" d={d.clone()} />
                <path class="sm-edge-line" d={d} marker-end={marker} />
                // Kind and stance in words: shown on the edges of a hovered or focused node where
                // the layout kept the label's box free, and on any edge under the pointer.
                <text class="sm-edge-label" x={lbl_x} y={lbl_y} text-anchor="middle" dy="0.35em">{ words }</text>
            </g>
        })
    });

    let nodes = lay.nodes.iter().filter_map(|n| {
        let s = facts.stakeholder(&n.id)?;
        let (x, y) = at(&n.id)?;
        let selected = v.selected.as_deref() == Some(n.id.as_str());
        let is_speaker = card_speaker.as_deref() == Some(n.id.as_str());
        let is_mentioned = card_mentions.iter().any(|m| *m == n.id);
        let dim = dimming && !lit(&n.id) && !selected;
        let tab = if roving.as_deref() == Some(n.id.as_str()) { "0" } else { "-1" };
        let mut transform = String::from("translate(");
        push_num(&mut transform, x);
        transform.push(' ');
        push_num(&mut transform, y);
        transform.push(')');
        let mut label = s.name.clone();
        if let Some(r) = &s.role {
            label.push_str(", ");
            label.push_str(r);
        }
        label.push_str(", ");
        label.push_str(t.kind(s.kind));
        let quotes = facts.quotes_of(&s.id);
        label.push_str(". ");
        if quotes > 0 {
            label.push_str(&t.fill(K::quoted_n, &[&t.times(quotes)]));
        } else {
            label.push_str(t.get(K::not_quoted));
        }
        let rels = facts.index(&s.id).map(|i| facts.neighbours[i].len()).unwrap_or(0);
        if rels > 0 {
            label.push_str(", ");
            label.push_str(&t.fill(K::linked_to, &[&t.count(rels, K::stakeholder, K::stakeholders)]));
        }
        // A label the layout shortened ("…") is also named as shown, so the accessible name
        // contains the visible text.
        if n.label_lines.iter().any(|l| l.text.ends_with('…')) {
            label.push_str(". Shown as ");
            for l in &n.label_lines {
                label.push_str(&l.text);
                label.push(' ');
            }
        }
        // The label lines the layout placed (centred on label_x; baselines in layout units),
        // relative to the node's centre so they follow a dragged node.
        let lines: Vec<Html> = n
            .label_lines
            .iter()
            .map(|l| {
                let mut lx = String::new();
                push_num(&mut lx, n.label_x - n.x);
                let mut ly = String::new();
                push_num(&mut ly, l.y - n.y);
                let class = if l.bold { "sm-node-name" } else { "sm-node-role" };
                // The trailing space keeps the lines apart in the text a screen reader or
                // checker reads from the subtree (rendering drops it).
                html! { <text class={class} x={lx} y={ly} text-anchor="middle">{ [l.text.as_str(), " "].concat() }</text> }
            })
            .collect();
        let hit = n.r.max(22.0);
        let mut hit_r = String::new();
        push_num(&mut hit_r, hit);
        let mut ring_r = String::new();
        push_num(&mut ring_r, n.r + 5.0);
        let id = n.id.clone();
        let onclick = {
            let dispatch = dispatch.clone();
            let gesture = gesture.clone();
            let id = id.clone();
            Callback::from(move |e: MouseEvent| {
                e.stop_propagation();
                if std::mem::take(&mut gesture.borrow_mut().suppress_click) {
                    return;
                }
                dispatch.emit(Action::Toggle(id.clone()));
            })
        };
        let onpointerdown = {
            let gesture = gesture.clone();
            let id = id.clone();
            Callback::from(move |e: PointerEvent| {
                if e.button() != 0 {
                    return;
                }
                e.stop_propagation();
                let mut g = gesture.borrow_mut();
                if e.pointer_type() == "touch" && g.add_touch(&e) {
                    return;
                }
                g.node = Some(id.clone());
                g.pointer = Some(e.pointer_id());
                g.last = (e.client_x() as f32, e.client_y() as f32);
                g.travelled = 0.0;
                g.suppress_click = false;
            })
        };
        let onpointerenter = {
            let dispatch = dispatch.clone();
            let id = id.clone();
            Callback::from(move |e: PointerEvent| {
                if e.pointer_type() != "touch" {
                    dispatch.emit(Action::Hover(Some(id.clone())))
                }
            })
        };
        let onpointerleave = {
            let dispatch = dispatch.clone();
            Callback::from(move |_: PointerEvent| dispatch.emit(Action::Hover(None)))
        };
        let onfocus = {
            let dispatch = dispatch.clone();
            let id = id.clone();
            Callback::from(move |_: FocusEvent| dispatch.emit(Action::Focus(id.clone())))
        };
        let onblur = {
            let dispatch = dispatch.clone();
            Callback::from(move |_: FocusEvent| dispatch.emit(Action::Hover(None)))
        };
        let class = classes!(
            "sm-node",
            kind_class(s.kind),
            selected.then_some("is-selected"),
            is_speaker.then_some("is-speaker"),
            is_mentioned.then_some("is-mentioned"),
            dim.then_some("is-dim"),
            v.is_moved(&n.id).then_some("is-moved"),
        );
        Some(html! {
            <g class={class} key={id.clone()} transform={transform} role="button" tabindex={tab}
                aria-label={label} aria-pressed={if selected { "true" } else { "false" }} data-node={id}
                {onclick} {onpointerdown} {onpointerenter} {onpointerleave} {onfocus} {onblur}>
                <circle class="sm-node-hit" r={hit_r} />
                <circle class="sm-node-ring" r={ring_r} />
                <path class="sm-node-shape" d={shape_path(s.kind, n.r)} />
                { for lines }
            </g>
        })
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

    let folded = lay.folded.len();
    let map_label = t.fill(K::map, &[&facts.summary]);
    let empty = lay.nodes.is_empty();

    html! {
        <div class="sm-map-wrap" ref={wrap_ref}>
            if empty {
                <p class="sm-map-empty">{ t.get(K::no_stakeholders) }</p>
            } else {
                <svg class={classes!("sm-map", dimming.then_some("is-dimming"))} ref={svg_ref.clone()} viewBox={view_box}
                    role="group" aria-label={map_label} preserveAspectRatio="xMidYMid meet"
                    {onkeydown} {onwheel} onpointerdown={onpointerdown_bg} {onpointermove}
                    onpointerup={onpointerup.clone()} onpointercancel={onpointerup}>
                    <defs>{ for markers }</defs>
                    <rect class="sm-map-bg" x={bx} y={by} width={bw} height={bh} />
                    <g class="sm-edges">{ for edges }</g>
                    <g class="sm-nodes">{ for nodes }</g>
                </svg>
            }
            <div class="sm-map-bar">
                if folded > 0 || v.show_all {
                    <button type="button" class="sm-more" aria-expanded={if v.show_all { "true" } else { "false" }} onclick={toggle_all}>
                        { if v.show_all { t.get(K::fewer).to_string() } else { t.fill(K::more, &[&folded.to_string()]) } }
                    </button>
                }
                <span class="sm-map-hint" aria-hidden="true">{ t.get(K::hint) }</span>
                <div class="sm-map-tools" role="toolbar" aria-label={t.get(K::zoom).to_string()}>
                    <button type="button" class="sm-tool" aria-label={t.get(K::zoom_in).to_string()} title={t.get(K::zoom_in).to_string()} onclick={zoom_btn(1.25)}>{ "+" }</button>
                    <button type="button" class="sm-tool" aria-label={t.get(K::zoom_out).to_string()} title={t.get(K::zoom_out).to_string()} onclick={zoom_btn(0.8)}>{ "−" }</button>
                    <button type="button" class="sm-tool sm-tool-text" onclick={reset} title={t.get(K::reset_title).to_string()}>{ t.get(K::reset) }</button>
                </div>
            </div>
        </div>
    }
}

fn dist(x0: f32, y0: f32, x1: f32, y1: f32) -> f32 {
    ((x1 - x0).powi(2) + (y1 - y0).powi(2)).sqrt()
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
