//! Step 6: edges from rim to rim, curved apart, and their labels.

use super::{fmt1, r1, text_width, EdgePos, Near, NodePos, Rect, EDGE_LABEL_PX};
use crate::model::Analysis;

/// Space between parallel edges at their middle.
const PARALLEL_GAP: f64 = 18.0;
/// Room left at the target end for an arrowhead.
const ARROW_ROOM: f64 = 3.0;

/// Edges between the given nodes, from their current positions: rim to rim, curved apart when
/// a pair has several relations, labels slid to free spots. The layout calls it; the widget can
/// call it again after the reader drags a node (move the node's label by the same amount first).
pub fn route_edges(a: &Analysis, nodes: &[NodePos]) -> Vec<EdgePos> {
    let mut at = std::collections::HashMap::with_capacity(nodes.len());
    for (k, n) in nodes.iter().enumerate() {
        at.insert(n.id.as_str(), k);
    }
    let pos: Vec<(f64, f64)> = nodes.iter().map(|n| (n.x as f64, n.y as f64)).collect();
    let radius: Vec<f64> = nodes.iter().map(|n| if n.r.is_finite() { n.r as f64 } else { 0.0 }).collect();
    let circles = Near::new(
        &pos.iter().zip(&radius).map(|(&(x, y), &r)| Rect { x0: x - r, y0: y - r, x1: x + r, y1: y + r }).collect::<Vec<_>>(),
    );
    // relations between two distinct shown nodes, with their ends
    // Relations between two distinct shown nodes, with their ends; a relation that repeats an
    // earlier one (same ends, kind, stance, negation) joins that one's edge instead.
    let mut shown: Vec<(usize, usize, usize)> = Vec::new();
    let mut also: Vec<Vec<usize>> = Vec::new();
    for (ri, r) in a.relations.iter().enumerate() {
        let (Some(&s), Some(&t)) = (at.get(r.source.as_str()), at.get(r.target.as_str())) else { continue };
        if s == t {
            continue;
        }
        let same = shown.iter().position(|&(rj, s2, t2)| {
            let q = &a.relations[rj];
            (s2, t2, q.kind, q.stance, q.negated) == (s, t, r.kind, r.stance, r.negated)
        });
        match same {
            Some(k) => also[k].push(ri),
            None => {
                shown.push((ri, s, t));
                also.push(Vec::new());
            }
        }
    }
    // group by unordered pair, in relation order
    // (ordered by pair, members in relation order: a stable sort of the edges by pair)
    let pair_of = |k: usize| (shown[k].1.min(shown[k].2), shown[k].1.max(shown[k].2));
    let mut by_pair: Vec<usize> = (0..shown.len()).collect();
    crate::text::sort_usize_by(&mut by_pair, &|x, y| pair_of(x).cmp(&pair_of(y)));
    let mut groups: Vec<((usize, usize), Vec<usize>)> = Vec::new();
    for &k in &by_pair {
        match groups.last_mut() {
            Some((key, members)) if *key == pair_of(k) => members.push(k),
            _ => groups.push((pair_of(k), vec![k])),
        }
    }
    let mut out: Vec<Option<EdgePos>> = vec![None; shown.len()];
    for ((lo, hi), members) in groups {
        let m = members.len();
        let (p, q) = (pos[lo], pos[hi]);
        let (dx, dy) = (q.0 - p.0, q.1 - p.1);
        let len = (dx * dx + dy * dy).sqrt();
        let (ux, uy) = if len > 1e-9 { (dx / len, dy / len) } else { (1.0, 0.0) };
        let (nx, ny) = (-uy, ux); // normal of the canonical direction lo -> hi
        // Detour: when the straight line between the pair runs over a third node, bend the
        // pair's edges away from the worst such node.
        let spread = (m as f64 - 1.0) / 2.0 * PARALLEL_GAP;
        let mut worst: Option<(f64, f64, f64, usize)> = None; // (clearance, signed distance, t, node)
        if len > 1e-9 {
            // only nodes beside the pair's line can be in the way (the first in node order wins
            // a tie, as in a scan of all nodes)
            let reach = spread + 6.0;
            let span = Rect { x0: p.0.min(q.0) - reach, y0: 0.0, x1: p.0.max(q.0) + reach, y1: 0.0 };
            for &k in circles.around(&span, 1.0) {
                let (x, y) = pos[k];
                if k == lo || k == hi {
                    continue;
                }
                let (vx, vy) = (x - p.0, y - p.1);
                let t = (vx * ux + vy * uy) / len;
                let d = vx * nx + vy * ny;
                let clearance = d.abs() - radius[k] - spread;
                if t > 0.05 && t < 0.95 && clearance < 6.0 && worst.map(|w| clearance < w.0 || (clearance == w.0 && k < w.3)).unwrap_or(true) {
                    worst = Some((clearance, d, t, k));
                }
            }
        }
        let detour = match worst {
            Some((clearance, d, t, _)) => {
                let dev = 8.0 - clearance; // bend away until 8 px clear of its rim
                let off = (dev / (4.0 * t * (1.0 - t))).min(0.35 * len);
                if d >= 0.0 {
                    -off
                } else {
                    off
                }
            }
            None => 0.0,
        };
        for (slot, &k) in members.iter().enumerate() {
            let (ri, s, t) = shown[k];
            let off = detour + (slot as f64 - (m as f64 - 1.0) / 2.0) * PARALLEL_GAP;
            let (ps, pt) = (pos[s], pos[t]);
            let (rs, rt) = (radius[s], radius[t]);
            let mid = ((ps.0 + pt.0) / 2.0, (ps.1 + pt.1) / 2.0);
            // control point: the curve's middle is then `mid + n * off`
            let c = (mid.0 + nx * 2.0 * off, mid.1 + ny * 2.0 * off);
            let toward = |from: (f64, f64), to: (f64, f64), by: f64| {
                let (ex, ey) = (to.0 - from.0, to.1 - from.1);
                let l = (ex * ex + ey * ey).sqrt();
                if l > 1e-9 {
                    (from.0 + ex / l * by, from.1 + ey / l * by)
                } else {
                    from
                }
            };
            let curved = off != 0.0;
            let (aim_s, aim_t) = if curved { (c, c) } else { (pt, ps) };
            let p0 = toward(ps, aim_s, rs + 1.0);
            let p2 = toward(pt, aim_t, rt + ARROW_ROOM);
            let (p0, p2) = ((r1(p0.0), r1(p0.1)), (r1(p2.0), r1(p2.1)));
            let (cx, cy, path, lx, ly);
            if curved {
                cx = r1(c.0);
                cy = r1(c.1);
                path = format!("M{},{}Q{},{} {},{}", fmt1(p0.0), fmt1(p0.1), fmt1(cx), fmt1(cy), fmt1(p2.0), fmt1(p2.1));
                lx = 0.25 * p0.0 + 0.5 * cx + 0.25 * p2.0;
                ly = 0.25 * p0.1 + 0.5 * cy + 0.25 * p2.1;
            } else {
                cx = r1((p0.0 + p2.0) / 2.0);
                cy = r1((p0.1 + p2.1) / 2.0);
                path = format!("M{},{}L{},{}", fmt1(p0.0), fmt1(p0.1), fmt1(p2.0), fmt1(p2.1));
                lx = cx;
                ly = cy;
            }
            let r = &a.relations[ri];
            out[k] = Some(EdgePos {
                relation: ri,
                source: r.source.clone(),
                target: r.target.clone(),
                path,
                label_x: r1(lx) as f32,
                label_y: r1(ly) as f32,
                x1: p0.0 as f32,
                y1: p0.1 as f32,
                x2: p2.0 as f32,
                y2: p2.1 as f32,
                cx: cx as f32,
                cy: cy as f32,
                curved,
                // The stance goes into the label in words (not only colour and dash), so a
                // reader who hovers or focuses a node reads it on each of its edges.
                label: [if r.negated { "not " } else { "" }, r.kind.label(), " · ", r.stance.label()].concat(),
                label_w: 0.0,
                label_h: 0.0,
                label_free: false,
                also: also[k].clone(),
            });
        }
    }
    let mut out: Vec<EdgePos> = out.into_iter().flatten().collect();
    let ends: Vec<(usize, usize)> = shown.iter().map(|&(_, s, t)| (s, t)).collect();
    place_edge_labels(&mut out, &ends, nodes, &circles);
    out
}

/// Slides each edge label along its edge to a spot clear of nodes, node labels and the labels
/// placed before it (in relation order) of the edges that share an endpoint with it: the widget
/// shows edge labels only for the edges of one hovered or focused node at a time, so only
/// labels that can show together need to keep apart. (A picture of every label at once, like
/// the SVG export, keeps those that do not overlap: [`edge_labels_overlap`].)
fn place_edge_labels(edges: &mut [EdgePos], ends: &[(usize, usize)], nodes: &[NodePos], circles: &Near) {
    let node_boxes: Vec<Rect> = nodes
        .iter()
        .map(|n| {
            let (x0, y0) = (n.label_x as f64 - n.label_w as f64 / 2.0, n.label_y as f64);
            Rect { x0, y0, x1: x0 + n.label_w as f64, y1: y0 + n.label_h as f64 }
        })
        .collect();
    let boxes = Near::new(&node_boxes);
    // per node, the label boxes placed so far of the edges that end at it
    let mut placed: Vec<Rect> = Vec::with_capacity(edges.len());
    let mut touching: Vec<Vec<usize>> = vec![Vec::new(); nodes.len()];
    for (k, e) in edges.iter_mut().enumerate() {
        let lw = r1(text_width(&e.label, EDGE_LABEL_PX, false) as f64 + 4.0);
        let lh = 12.0;
        e.label_w = lw as f32;
        e.label_h = lh as f32;
        let (p0, c, p2) = ((e.x1 as f64, e.y1 as f64), (e.cx as f64, e.cy as f64), (e.x2 as f64, e.y2 as f64));
        let at = |t: f64| {
            let u = 1.0 - t;
            (u * u * p0.0 + 2.0 * u * t * c.0 + t * t * p2.0, u * u * p0.1 + 2.0 * u * t * c.1 + t * t * p2.1)
        };
        // Along the edge first, then beside it (a label a little off its line still reads as
        // its label, with the halo): more of a focused node's labels find a free spot.
        let (dx, dy) = (p2.0 - p0.0, p2.1 - p0.1);
        let dl = (dx * dx + dy * dy).sqrt().max(1e-9);
        let (nx, ny) = (-dy / dl, dx / dl);
        let spots = [0.5, 0.4, 0.6, 0.3, 0.7, 0.22, 0.78]
            .iter()
            .map(|&t| (t, 0.0))
            .chain([0.5, 0.4, 0.6, 0.3, 0.7].iter().flat_map(|&t| [(t, lh * 0.8), (t, -lh * 0.8)]));
        for (t, off) in spots {
            let (x, y) = at(t);
            let (x, y) = (r1(x + nx * off), r1(y + ny * off));
            let rect = Rect { x0: x - lw / 2.0, y0: y - lh / 2.0, x1: x + lw / 2.0, y1: y + lh / 2.0 };
            let clear = !boxes.around(&rect, 1.0).iter().any(|&i| node_boxes[i].overlaps(&rect, 1.0))
                && !touching[ends[k].0].iter().chain(&touching[ends[k].1]).any(|&b| placed[b].overlaps(&rect, 1.0))
                && !circles.around(&rect, 1.0).iter().any(|&i| {
                    let n = &nodes[i];
                    rect.hits_circle(n.x as f64, n.y as f64, n.r as f64, 1.0)
                });
            if clear {
                e.label_x = x as f32;
                e.label_y = y as f32;
                e.label_free = true;
                touching[ends[k].0].push(placed.len());
                touching[ends[k].1].push(placed.len());
                placed.push(rect);
                break;
            }
        }
    }
}

/// True when the label boxes of two edges overlap (with a 1 px margin).
pub fn edge_labels_overlap(a: &EdgePos, b: &EdgePos) -> bool {
    let rect = |e: &EdgePos| {
        let (w, h) = (e.label_w as f64 / 2.0, e.label_h as f64 / 2.0);
        Rect { x0: e.label_x as f64 - w, y0: e.label_y as f64 - h, x1: e.label_x as f64 + w, y1: e.label_y as f64 + h }
    };
    rect(a).overlaps(&rect(b), 1.0)
}

