//! One edge of the map: its own component with narrow props (the routed edge and how it looks),
//! so a hover renders only the edges whose look changed.

use super::super::i18n::K;
use super::super::shapes::push_num;
use super::super::state::Facts;
use super::stance_class;
use crate::layout::EdgePos;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EdgeProps {
    pub facts: Rc<Facts>,
    pub edge: EdgePos,
    pub ns: AttrValue,
    /// Dimmed (something else is in focus).
    pub dim: bool,
    /// Lit: it touches the node in focus, or joins the selected card's speaker to a stakeholder
    /// the card mentions.
    pub lit: bool,
}

#[function_component(Edge)]
pub fn edge(p: &EdgeProps) -> Html {
    let facts = &*p.facts;
    let t = &*facts.t;
    let e = &p.edge;
    let Some(r) = facts.analysis.relations.get(e.relation) else { return Html::default() };
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
    let marker = ["url(#", p.ns.as_str(), "-arrow-", r.stance.label(), ")"].concat();
    let mut lbl_x = String::new();
    push_num(&mut lbl_x, e.label_x);
    let mut lbl_y = String::new();
    push_num(&mut lbl_y, e.label_y);
    // Labels only where the layout found them a free spot (no clutter); any edge's label
    // still shows while the pointer is on the edge itself.
    let labelled = p.lit && e.label_free;
    let class = classes!("sm-edge", stance_class(r.stance), p.dim.then_some("is-dim"), p.lit.then_some("is-lit"), labelled.then_some("is-labelled"));
    html! {
        <g class={class}>
            <title>{ title }</title>
            <path class="sm-edge-hit" d={e.path.clone()} />
            <path class="sm-edge-line" d={e.path.clone()} marker-end={marker} />
            // Kind and stance in words: shown on the edges of a hovered or focused node where
            // the layout kept the label's box free, and on any edge under the pointer.
            <text class="sm-edge-label" x={lbl_x} y={lbl_y} text-anchor="middle" dy="0.35em">{ words }</text>
        </g>
    }
}
