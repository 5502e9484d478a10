//! The map's gestures: keyboard (roving focus, Shift+arrow drags, Ctrl+arrow pans, zoom keys),
//! Ctrl+wheel zoom, mouse drag of a node or the background, two-finger pinch. The handlers are
//! made once per map ([`use_gestures`]) and read what they need from a [`Frame`] the map
//! updates on every render, so the nodes' props never change because a callback did.

use super::super::browser;
use super::super::state::{step, Action, Facts};
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// What the handlers need to know about the map as last rendered.
#[derive(Default)]
pub struct Frame {
    pub facts: Option<Rc<Facts>>,
    /// Layout size (layout units).
    pub lw: f32,
    pub lh: f32,
    pub view_x: f32,
    pub view_y: f32,
    pub zoom: f32,
    /// Shown nodes: (id, x, y) with the reader's drags.
    pub positions: Vec<(String, f32, f32)>,
    /// The node holding the roving tab stop.
    pub roving: Option<String>,
}

impl Frame {
    /// The centre of the visible area, in layout units (zoom buttons and keys zoom there).
    pub fn centre(&self) -> (f32, f32) {
        let z = self.zoom.max(0.01);
        (self.view_x + self.lw / z / 2.0, self.view_y + self.lh / z / 2.0)
    }
}

#[derive(Default)]
pub struct Gesture {
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
    pub want_focus: bool,
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

/// The map's event handlers, made once (stable: props holding them compare equal).
pub struct Handlers {
    pub keydown: Callback<KeyboardEvent>,
    pub wheel: Callback<WheelEvent>,
    pub down_bg: Callback<PointerEvent>,
    pub moved: Callback<PointerEvent>,
    pub up: Callback<PointerEvent>,
    /// A press on node `id` (it may become a drag).
    pub down_node: Callback<(String, PointerEvent)>,
    /// A click on node `id`: selects it, unless it ended a drag.
    pub click_node: Callback<(String, MouseEvent)>,
    /// Zoom by a factor about the centre (the zoom buttons).
    pub zoom: Callback<f32>,
    pub gesture: Rc<RefCell<Gesture>>,
}

/// Handlers for the map: `frame` is updated by the map on every render, `svg` is its element.
#[hook]
pub fn use_gestures(svg: NodeRef, frame: Rc<RefCell<Frame>>, dispatch: Callback<Action>) -> Rc<Handlers> {
    use_memo(dispatch, move |dispatch| make(svg, frame, dispatch.clone()))
}

fn make(svg: NodeRef, frame: Rc<RefCell<Frame>>, dispatch: Callback<Action>) -> Handlers {
    let gesture = Rc::new(RefCell::new(Gesture::default()));
    // Layout units per CSS pixel, and a client point in layout units.
    let scale = {
        let (svg, frame) = (svg.clone(), frame.clone());
        move || -> f32 {
            let f = frame.borrow();
            let w = svg.cast::<web_sys::Element>().map(|e| browser::rect_width(&e)).unwrap_or(0.0);
            if w > 0.0 {
                f.lw / f.zoom.max(0.01) / w
            } else {
                1.0
            }
        }
    };
    let to_layout = {
        let (svg, frame) = (svg.clone(), frame.clone());
        move |cx: f32, cy: f32| -> (f32, f32) {
            let f = frame.borrow();
            match svg.cast::<web_sys::Element>() {
                Some(e) => {
                    let r = e.get_bounding_client_rect();
                    let k = if r.width() > 0.0 { f.lw / f.zoom.max(0.01) / r.width() as f32 } else { 1.0 };
                    (f.view_x + (cx - r.left() as f32) * k, f.view_y + (cy - r.top() as f32) * k)
                }
                None => (f.lw / 2.0, f.lh / 2.0),
            }
        }
    };

    let keydown = {
        let (dispatch, frame, gesture) = (dispatch.clone(), frame.clone(), gesture.clone());
        Callback::from(move |e: KeyboardEvent| {
            let f = frame.borrow();
            let Some(cur) = f.roving.clone() else { return };
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
                let a = if e.shift_key() {
                    Some(Action::MoveNode { id: cur, dx: dx * 12.0, dy: dy * 12.0 })
                } else if e.ctrl_key() || e.meta_key() {
                    Some(Action::Pan { dx: -dx * 40.0, dy: -dy * 40.0 })
                } else {
                    let next = f.facts.as_ref().and_then(|facts| step(facts, &f.positions, &cur, dx, dy));
                    next.map(|n| {
                        gesture.borrow_mut().want_focus = true;
                        Action::Focus(n)
                    })
                };
                drop(f);
                if let Some(a) = a {
                    dispatch.emit(a);
                }
                return;
            }
            let (cx, cy) = f.centre();
            let a = match e.key().as_str() {
                "Enter" | " " => {
                    e.prevent_default();
                    Some(Action::Toggle(cur))
                }
                "Escape" => Some(Action::Clear),
                "Home" | "End" => {
                    e.prevent_default();
                    let pick = if e.key() == "Home" { f.positions.first() } else { f.positions.last() };
                    pick.map(|p| {
                        gesture.borrow_mut().want_focus = true;
                        Action::Focus(p.0.clone())
                    })
                }
                "+" | "=" => Some(Action::ZoomAt { factor: 1.25, x: cx, y: cy }),
                "-" | "_" => Some(Action::ZoomAt { factor: 0.8, x: cx, y: cy }),
                "0" => Some(Action::ResetView),
                _ => None,
            };
            drop(f);
            if let Some(a) = a {
                dispatch.emit(a);
            }
        })
    };

    let wheel = {
        let (dispatch, to_layout) = (dispatch.clone(), to_layout.clone());
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

    let down_bg = {
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

    let moved = {
        let (gesture, svg, dispatch) = (gesture.clone(), svg.clone(), dispatch.clone());
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
                    drop(g);
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
                if let Some(svg) = svg.cast::<web_sys::Element>() {
                    let _ = svg.set_pointer_capture(e.pointer_id());
                }
            }
            let k = scale();
            let node = g.node.clone();
            drop(g);
            match node {
                Some(id) => dispatch.emit(Action::MoveNode { id, dx: dx * k, dy: dy * k }),
                None => dispatch.emit(Action::Pan { dx: dx * k, dy: dy * k }),
            }
        })
    };

    let up = {
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

    let down_node = {
        let gesture = gesture.clone();
        Callback::from(move |(id, e): (String, PointerEvent)| {
            if e.button() != 0 {
                return;
            }
            e.stop_propagation();
            let mut g = gesture.borrow_mut();
            if e.pointer_type() == "touch" && g.add_touch(&e) {
                return;
            }
            g.node = Some(id);
            g.pointer = Some(e.pointer_id());
            g.last = (e.client_x() as f32, e.client_y() as f32);
            g.travelled = 0.0;
            g.suppress_click = false;
        })
    };

    let click_node = {
        let (dispatch, gesture) = (dispatch.clone(), gesture.clone());
        Callback::from(move |(id, e): (String, MouseEvent)| {
            e.stop_propagation();
            if std::mem::take(&mut gesture.borrow_mut().suppress_click) {
                return;
            }
            dispatch.emit(Action::Toggle(id));
        })
    };

    let zoom = {
        let (dispatch, frame) = (dispatch.clone(), frame.clone());
        Callback::from(move |factor: f32| {
            let (x, y) = frame.borrow().centre();
            dispatch.emit(Action::ZoomAt { factor, x, y })
        })
    };

    Handlers { keydown, wheel, down_bg, moved, up, down_node, click_node, zoom, gesture }
}

fn dist(x0: f32, y0: f32, x1: f32, y1: f32) -> f32 {
    ((x1 - x0).powi(2) + (y1 - y0).powi(2)).sqrt()
}
