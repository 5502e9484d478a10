//! Seeded, deterministic graph layout (same article, same picture).
//!
//! First cut: nodes on a circle, most prominent first. Deepened by issue 5 (stress
//! majorization / force with collision, label overlap removal, folding minor nodes).
//! The API below is the contract the widget codes against: add fields, do not rename.

use crate::model::Analysis;

#[derive(Clone, Debug, PartialEq)]
pub struct LayoutOptions {
    /// Drawing area in SVG user units.
    pub width: f32,
    pub height: f32,
    /// Most nodes to show; the least prominent beyond this fold into "+N more".
    pub max_nodes: usize,
    /// Extra seed mixed into the article's own seed (0 for the default picture).
    pub seed: u64,
}

impl Default for LayoutOptions {
    fn default() -> Self {
        LayoutOptions { width: 640.0, height: 480.0, max_nodes: 14, seed: 0 }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct NodePos {
    /// Stakeholder id.
    pub id: String,
    /// Centre.
    pub x: f32,
    pub y: f32,
    /// Radius of the node's shape.
    pub r: f32,
    /// Where the label (name + role) is anchored, and its box, so labels never overlap.
    pub label_x: f32,
    pub label_y: f32,
    pub label_w: f32,
    pub label_h: f32,
}

#[derive(Clone, Debug, PartialEq)]
pub struct EdgePos {
    /// Index into `Analysis::relations`.
    pub relation: usize,
    pub source: String,
    pub target: String,
    /// SVG path `d` from the source's rim to the target's rim (curved when parallel edges exist).
    pub path: String,
    /// Where the edge label sits.
    pub label_x: f32,
    pub label_y: f32,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    pub width: f32,
    pub height: f32,
    /// Shown nodes, most prominent first.
    pub nodes: Vec<NodePos>,
    /// Edges between shown nodes.
    pub edges: Vec<EdgePos>,
    /// Ids of stakeholders folded away (least prominent), for the "+N more" control.
    pub folded: Vec<String>,
}

pub fn layout(a: &Analysis, opts: &LayoutOptions) -> Layout {
    let mut order: Vec<usize> = (0..a.stakeholders.len()).collect();
    order.sort_by(|&x, &y| a.stakeholders[y].prominence.total_cmp(&a.stakeholders[x].prominence).then(x.cmp(&y)));
    let shown: Vec<usize> = order.iter().copied().take(opts.max_nodes).collect();
    let folded = order.iter().skip(opts.max_nodes).map(|&i| a.stakeholders[i].id.clone()).collect();
    let n = shown.len().max(1) as f32;
    let (w, h) = (opts.width, opts.height);
    let nodes: Vec<NodePos> = shown
        .iter()
        .enumerate()
        .map(|(k, &i)| {
            let s = &a.stakeholders[i];
            let t = k as f32 / n * std::f32::consts::TAU;
            let (x, y) = (w / 2.0 + t.cos() * w * 0.35, h / 2.0 + t.sin() * h * 0.35);
            let r = 8.0 + 16.0 * s.prominence;
            NodePos { id: s.id.clone(), x, y, r, label_x: x, label_y: y + r + 14.0, label_w: 100.0, label_h: 16.0 }
        })
        .collect();
    let pos = |id: &str| nodes.iter().find(|p| p.id == id).map(|p| (p.x, p.y));
    let edges = a
        .relations
        .iter()
        .enumerate()
        .filter_map(|(i, r)| {
            let (sx, sy) = pos(&r.source)?;
            let (tx, ty) = pos(&r.target)?;
            Some(EdgePos {
                relation: i,
                source: r.source.clone(),
                target: r.target.clone(),
                path: format!("M{sx:.1},{sy:.1}L{tx:.1},{ty:.1}"),
                label_x: (sx + tx) / 2.0,
                label_y: (sy + ty) / 2.0,
            })
        })
        .collect();
    Layout { width: w, height: h, nodes, edges, folded }
}
