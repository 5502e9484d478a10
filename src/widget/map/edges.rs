//! One edge of the map: a plain function of the routed edge and how it looks (a component per
//! edge measured +1 KB gzip of wasm for a few microseconds a hover: edges are cheap to build).

use super::super::i18n::K;
use super::super::shapes::push_num;
use super::super::state::Facts;
use super::stance_class;
use crate::layout::EdgePos;
use yew::prelude::*;

/// The edge `e`: `dim` when something else is in focus, `lit` when it touches the node in focus
/// or joins the selected card's speaker to a stakeholder the card mentions.
pub fn edge(facts: &Facts, e: &EdgePos, ns: &str, dim: bool, lit: bool) -> Html {
    let t = &*facts.t;
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
    let marker = ["url(#", ns, "-arrow-", r.stance.label(), ")"].concat();
    let mut lbl_x = String::new();
    push_num(&mut lbl_x, e.label_x);
    let mut lbl_y = String::new();
    push_num(&mut lbl_y, e.label_y);
    // Labels only where the layout found them a free spot (no clutter); any edge's label
    // still shows while the pointer is on the edge itself.
    let labelled = lit && e.label_free;
    let class = classes!("sm-edge", stance_class(r.stance), dim.then_some("is-dim"), lit.then_some("is-lit"), labelled.then_some("is-labelled"));
    html! {
        <g class={class} key={r.id.as_str()}>
            <title>{ title }</title>
            <path class="sm-edge-hit" d={e.path.clone()} />
            <path class="sm-edge-line" d={e.path.clone()} marker-end={marker} />
            // Kind and stance in words: shown on the edges of a hovered or focused node where
            // the layout kept the label's box free, and on any edge under the pointer.
            <text class="sm-edge-label" x={lbl_x} y={lbl_y} text-anchor="middle" dy="0.35em">{ words }</text>
        </g>
    }
}
