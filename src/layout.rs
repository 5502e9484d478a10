//! Seeded, deterministic graph layout (same article, same picture).
//! First cut: nodes on a circle by prominence. Deepened by issue 5.

use crate::model::Analysis;

#[derive(Clone, Debug, PartialEq)]
pub struct NodePos {
    pub id: String,
    pub x: f32,
    pub y: f32,
    pub r: f32,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    pub width: f32,
    pub height: f32,
    pub nodes: Vec<NodePos>,
}

pub fn layout(a: &Analysis, width: f32, height: f32) -> Layout {
    let n = a.stakeholders.len().max(1) as f32;
    let nodes = a
        .stakeholders
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let t = i as f32 / n * std::f32::consts::TAU;
            NodePos { id: s.id.clone(), x: width / 2.0 + t.cos() * width * 0.35, y: height / 2.0 + t.sin() * height * 0.35, r: 8.0 + 16.0 * s.prominence }
        })
        .collect();
    Layout { width, height, nodes }
}
