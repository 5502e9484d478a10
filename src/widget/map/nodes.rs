//! One node of the map: its own component with narrow props (the layout, which node, where it
//! is now, and how it looks), so a hover renders only the nodes whose look changed and a drag
//! only the dragged node.

use super::super::i18n::K;
use super::super::shapes::{kind_class, push_num, shape_path};
use super::super::state::{Action, Facts};
use super::gestures::Handlers;
use crate::layout::Layout;
use std::rc::Rc;
use yew::prelude::*;

/// How a node looks: selected, the selected card's speaker or a stakeholder it mentions, lit
/// (while something is in focus: the focus and its neighbours; the map's `is-dimming` class
/// dims every node that is not lit, so a hover changes only the lit nodes' classes), holding
/// the tab stop, moved by the reader.
#[derive(Clone, Copy, PartialEq, Default)]
pub struct Look {
    pub selected: bool,
    pub speaker: bool,
    pub mentioned: bool,
    pub lit: bool,
    pub roving: bool,
    pub moved: bool,
}

#[derive(Properties)]
pub struct NodeProps {
    pub facts: Rc<Facts>,
    pub lay: Rc<Layout>,
    /// The node's index in `lay.nodes`.
    pub k: usize,
    /// Its centre now (the layout's plus the reader's drag).
    pub x: f32,
    pub y: f32,
    pub look: Look,
    pub handlers: Rc<Handlers>,
    pub dispatch: Callback<Action>,
}

impl PartialEq for NodeProps {
    fn eq(&self, o: &Self) -> bool {
        self.facts == o.facts
            && Rc::ptr_eq(&self.lay, &o.lay)
            && self.k == o.k
            && self.x == o.x
            && self.y == o.y
            && self.look == o.look
            && Rc::ptr_eq(&self.handlers, &o.handlers)
            && self.dispatch == o.dispatch
    }
}

#[function_component(Node)]
pub fn node(p: &NodeProps) -> Html {
    let facts = &*p.facts;
    let t = &*facts.t;
    let n = &p.lay.nodes[p.k];
    let Some(s) = facts.stakeholder(&n.id) else { return Html::default() };
    let look = p.look;
    let mut transform = String::from("translate(");
    push_num(&mut transform, p.x);
    transform.push(' ');
    push_num(&mut transform, p.y);
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
        let (click, id) = (p.handlers.click_node.clone(), id.clone());
        Callback::from(move |e: MouseEvent| click.emit((id.clone(), e)))
    };
    let onpointerdown = {
        let (down, id) = (p.handlers.down_node.clone(), id.clone());
        Callback::from(move |e: PointerEvent| down.emit((id.clone(), e)))
    };
    let onpointerenter = {
        let (dispatch, id) = (p.dispatch.clone(), id.clone());
        Callback::from(move |e: PointerEvent| {
            if e.pointer_type() != "touch" {
                dispatch.emit(Action::Hover(Some(id.clone())))
            }
        })
    };
    let onpointerleave = {
        let dispatch = p.dispatch.clone();
        Callback::from(move |_: PointerEvent| dispatch.emit(Action::Hover(None)))
    };
    let onfocus = {
        let (dispatch, id) = (p.dispatch.clone(), id.clone());
        Callback::from(move |_: FocusEvent| dispatch.emit(Action::Focus(id.clone())))
    };
    let onblur = {
        let dispatch = p.dispatch.clone();
        Callback::from(move |_: FocusEvent| dispatch.emit(Action::Hover(None)))
    };
    let class = classes!(
        "sm-node",
        kind_class(s.kind),
        look.selected.then_some("is-selected"),
        look.speaker.then_some("is-speaker"),
        look.mentioned.then_some("is-mentioned"),
        look.lit.then_some("is-lit"),
        look.moved.then_some("is-moved"),
    );
    html! {
        <g class={class} transform={transform} role="button" tabindex={if look.roving { "0" } else { "-1" }}
            aria-label={label} aria-pressed={if look.selected { "true" } else { "false" }} data-node={id}
            {onclick} {onpointerdown} {onpointerenter} {onpointerleave} {onfocus} {onblur}>
            <circle class="sm-node-hit" r={hit_r} />
            <circle class="sm-node-ring" r={ring_r} />
            <path class="sm-node-shape" d={shape_path(s.kind, n.r)} />
            { for lines }
        </g>
    }
}
