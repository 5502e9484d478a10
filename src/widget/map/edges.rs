//! The map's edges: their text (title, path, marker, label and its spot) is made once per layout
//! (or re-routing after a drag) by [`texts`]; a render of the map then only picks each edge's
//! class by [`edge`], so a hover or a selection builds no strings for the edges. (A component per
//! edge measured +1 KB gzip of wasm for a few microseconds a hover: edges are cheap to build.)

use super::super::i18n::K;
use super::super::shapes::push_num;
use super::super::state::Facts;
use super::stance_class;
use crate::layout::EdgePos;
use crate::model::Stance;
use yew::prelude::*;

/// What an edge shows that does not change with the reader's focus.
pub struct EdgeText {
    key: yew::virtual_dom::Key,
    stance: Stance,
    title: AttrValue,
    d: AttrValue,
    marker: AttrValue,
    x: AttrValue,
    y: AttrValue,
    words: AttrValue,
    /// The layout found the label a free spot.
    label_free: bool,
}

/// The text of each edge of `edges` (`None` for an edge whose relation is gone).
pub fn texts(facts: &Facts, edges: &[EdgePos], ns: &str) -> Vec<Option<EdgeText>> {
    edges.iter().map(|e| text(facts, e, ns)).collect()
}

fn text(facts: &Facts, e: &EdgePos, ns: &str) -> Option<EdgeText> {
    let t = &*facts.t;
    let r = facts.analysis.relations.get(e.relation)?;
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
    let mut x = String::new();
    push_num(&mut x, e.label_x);
    let mut y = String::new();
    push_num(&mut y, e.label_y);
    Some(EdgeText {
        key: r.id.as_str().into(),
        stance: r.stance,
        title: title.into(),
        d: e.path.clone().into(),
        marker: marker.into(),
        x: x.into(),
        y: y.into(),
        words: words.into(),
        label_free: e.label_free,
    })
}

/// The edge of text `e`, `lit` when it touches the node in focus or joins the selected card's
/// speaker to a stakeholder the card mentions. While something is in focus (`is-dimming` on
/// the map), every edge that is not lit is dimmed by the style sheet: a hover changes the class
/// of the few lit edges, not of every other one.
pub fn edge(e: &EdgeText, lit: bool) -> Html {
    // Labels only where the layout found them a free spot (no clutter); any edge's label
    // still shows while the pointer is on the edge itself.
    let labelled = lit && e.label_free;
    let class = classes!("sm-edge", stance_class(e.stance), lit.then_some("is-lit"), labelled.then_some("is-labelled"));
    html! {
        <g class={class} key={e.key.clone()}>
            <title>{ e.title.clone() }</title>
            <path class="sm-edge-hit" d={e.d.clone()} />
            <path class="sm-edge-line" d={e.d.clone()} marker-end={e.marker.clone()} />
            // Kind and stance in words: shown on the edges of a hovered or focused node where
            // the layout kept the label's box free, and on any edge under the pointer.
            <text class="sm-edge-label" x={e.x.clone()} y={e.y.clone()} text-anchor="middle" dy="0.35em">{ e.words.clone() }</text>
        </g>
    }
}
