//! Steps 3-5: fit to the viewport, overlap removal, recentring, label spots.

use super::{box_extent, r1, Item, Near, Rect, BIG, BOX_PAD, LABEL_GAP, LABEL_PAD, VIEW_PAD};
use crate::model::Analysis;

/// Maps abstract positions into the viewport: centre to centre, node boxes inside the margins.
pub(super) fn fit(items: &[Item], pos: &mut [(f64, f64)], w: f64, h: f64) {
    let (cx, cy) = (w / 2.0, h / 2.0);
    let (mut sx, mut sy) = (f64::INFINITY, f64::INFINITY);
    for (it, &(x, y)) in items.iter().zip(pos.iter()) {
        let (hw, up, down) = box_extent(it);
        if x.abs() > 1e-9 {
            sx = sx.min(((cx - VIEW_PAD - hw) / x.abs()).max(0.0));
        }
        if y > 1e-9 {
            sy = sy.min(((cy - VIEW_PAD - down) / y).max(0.0));
        } else if y < -1e-9 {
            sy = sy.min(((cy - VIEW_PAD - up) / -y).max(0.0));
        }
    }
    // Keep small graphs compact and the aspect distortion moderate.
    let cap = 0.32 * w.min(h).max(160.0);
    sx = sx.min(cap);
    sy = sy.min(cap);
    sx = sx.min(sy * 1.6);
    sy = sy.min(sx * 1.6);
    if !sx.is_finite() {
        sx = 0.0;
    }
    if !sy.is_finite() {
        sy = 0.0;
    }
    for p in pos.iter_mut() {
        *p = (cx + p.0 * sx, cy + p.1 * sy);
    }
}

/// Centres the picture (node boxes) in the viewport and spreads it by up to 30 % to use free
/// room. Both keep boxes apart: a translation and a spreading (scale >= 1) about one point
/// never make boxes overlap that did not before.
pub(super) fn recentre(items: &[Item], pos: &mut [(f64, f64)], w: f64, h: f64) {
    if items.is_empty() {
        return;
    }
    let ext: Vec<(f64, f64, f64)> = items.iter().map(box_extent).collect();
    let (mut l, mut r, mut t, mut b) = (f64::INFINITY, f64::NEG_INFINITY, f64::INFINITY, f64::NEG_INFINITY);
    for (&(x, y), &(hw, up, down)) in pos.iter().zip(&ext) {
        l = l.min(x - hw);
        r = r.max(x + hw);
        t = t.min(y - up);
        b = b.max(y + down);
    }
    // only when everything is inside already (otherwise the clamping in `separate` decided)
    if l < 0.0 || t < 0.0 || r > w || b > h {
        return;
    }
    let (dx, dy) = (w / 2.0 - (l + r) / 2.0, h / 2.0 - (t + b) / 2.0);
    let (cx, cy) = (w / 2.0, h / 2.0);
    let (mut sx, mut sy) = (1.3f64, 1.3f64);
    for (&(x, y), &(hw, up, down)) in pos.iter().zip(&ext) {
        let (x, y) = (x + dx - cx, y + dy - cy);
        if x.abs() > 1e-9 {
            sx = sx.min((cx - VIEW_PAD - hw) / x.abs());
        }
        if y > 1e-9 {
            sy = sy.min((cy - VIEW_PAD - down) / y);
        } else if y < -1e-9 {
            sy = sy.min((cy - VIEW_PAD - up) / -y);
        }
    }
    let (sx, sy) = (sx.max(1.0), sy.max(1.0));
    for p in pos.iter_mut() {
        *p = (cx + (p.0 + dx - cx) * sx, cy + (p.1 + dy - cy) * sy);
    }
}

/// Removes overlaps between node boxes (shape plus label below), keeping them in the viewport.
pub(super) fn separate(items: &[Item], pos: &mut [(f64, f64)], w: f64, h: f64) {
    let n = items.len();
    let ext: Vec<(f64, f64, f64)> = items.iter().map(box_extent).collect();
    let clamp = |k: usize, p: &mut (f64, f64)| {
        let (hw, up, down) = ext[k];
        let (lo_x, hi_x) = (VIEW_PAD + hw, w - VIEW_PAD - hw);
        let (lo_y, hi_y) = (VIEW_PAD + up, h - VIEW_PAD - down);
        p.0 = if lo_x <= hi_x { p.0.max(lo_x).min(hi_x) } else { w / 2.0 };
        p.1 = if lo_y <= hi_y { p.1.max(lo_y).min(hi_y) } else { (lo_y + hi_y) / 2.0 };
    };
    for (k, p) in pos.iter_mut().enumerate() {
        clamp(k, p);
    }
    // Heavier (more important) nodes move less.
    let mass: Vec<f64> = items.iter().map(|it| it.r).collect();
    // Beyond `BIG` nodes a sweep visits only the pairs whose boxes overlap horizontally when it
    // starts (found by a sweep over the nodes sorted by x), in that order; a sweep that moves
    // nothing has still seen every overlapping pair, so the result is as overlap-free.
    let wide = ext.iter().map(|e| e.0).fold(0.0, f64::max);
    let mut by_x: Vec<usize> = (0..n).collect();
    // the pairs a sweep visits: all of them, in (i, j) order, up to `BIG` nodes
    let mut near: Vec<(usize, usize)> = Vec::new();
    let ratio = (h / w).clamp(0.5, 2.0);
    // pushes i and j apart if their boxes overlap; true when they did
    let step = |i: usize, j: usize, pos: &mut [(f64, f64)]| -> bool {
        let (hwi, upi, dni) = ext[i];
        let (hwj, upj, dnj) = ext[j];
        let (xi, yi) = pos[i];
        let (xj, yj) = pos[j];
        let ox = (hwi + hwj + BOX_PAD) - (xi - xj).abs();
        // vertical extents: [y - up, y + down]
        let oy = if yi <= yj { (yi + dni + BOX_PAD) - (yj - upj) } else { (yj + dnj + BOX_PAD) - (yi - upi) };
        if ox <= 0.0 || oy <= 0.0 {
            return false;
        }
        let (fi, fj) = (mass[j] / (mass[i] + mass[j]), mass[i] / (mass[i] + mass[j]));
        if ox * ratio < oy {
            let s = if xi < xj || (xi == xj && i < j) { -1.0 } else { 1.0 };
            pos[i].0 += s * ox * fi + s * 0.01;
            pos[j].0 -= s * ox * fj + s * 0.01;
        } else {
            let s = if yi < yj || (yi == yj && i < j) { -1.0 } else { 1.0 };
            pos[i].1 += s * oy * fi + s * 0.01;
            pos[j].1 -= s * oy * fj + s * 0.01;
        }
        let (mut a, mut b) = (pos[i], pos[j]);
        clamp(i, &mut a);
        clamp(j, &mut b);
        pos[i] = a;
        pos[j] = b;
        true
    };
    if n <= BIG {
        for i in 0..n {
            near.extend(((i + 1)..n).map(|j| (i, j)));
        }
    }
    for _sweep in 0..80 {
        let mut any = false;
        if n > BIG {
            near.clear();
            // nodes by x (an insertion sort: the order changes little from sweep to sweep), then
            // the pairs whose boxes overlap horizontally, in that order
            insertion_sort(&mut by_x, &|a, b| (pos[a].0, a) < (pos[b].0, b));
            for (k, &i) in by_x.iter().enumerate() {
                for &j in &by_x[k + 1..] {
                    let gap = pos[j].0 - pos[i].0;
                    if gap >= ext[i].0 + wide + BOX_PAD {
                        break;
                    }
                    if gap < ext[i].0 + ext[j].0 + BOX_PAD {
                        near.push((i.min(j), i.max(j)));
                    }
                }
            }
        }
        for &(i, j) in &near {
            any |= step(i, j, pos);
        }
        if !any {
            break;
        }
    }
}

/// Sorts `v` by `less` (stable): fast on the nearly sorted list of [`separate`], and no
/// instantiation of the standard library's sort.
fn insertion_sort(v: &mut [usize], less: &dyn Fn(usize, usize) -> bool) {
    for k in 1..v.len() {
        let x = v[k];
        let mut m = k;
        while m > 0 && less(x, v[m - 1]) {
            v[m] = v[m - 1];
            m -= 1;
        }
        v[m] = x;
    }
}

/// A straight segment between two related nodes' centres (edges are drawn close to it).
pub(super) struct Seg {
    a: (f64, f64),
    b: (f64, f64),
}

impl Seg {
    /// Whether the segment passes through the rectangle (Liang-Barsky clipping).
    fn crosses(&self, r: &Rect) -> bool {
        // far outside the rectangle (1 unit clear, well beyond rounding): no clipping needed
        let (a, b) = (self.a, self.b);
        if a.0.max(b.0) < r.x0 - 1.0 || a.0.min(b.0) > r.x1 + 1.0 || a.1.max(b.1) < r.y0 - 1.0 || a.1.min(b.1) > r.y1 + 1.0 {
            return false;
        }
        let (dx, dy) = (self.b.0 - self.a.0, self.b.1 - self.a.1);
        let (mut t0, mut t1) = (0.0f64, 1.0f64);
        for (p, q) in [(-dx, self.a.0 - r.x0), (dx, r.x1 - self.a.0), (-dy, self.a.1 - r.y0), (dy, r.y1 - self.a.1)] {
            if p == 0.0 {
                if q < 0.0 {
                    return false;
                }
            } else {
                let t = q / p;
                if p < 0.0 {
                    t0 = t0.max(t);
                } else {
                    t1 = t1.min(t);
                }
                if t0 > t1 {
                    return false;
                }
            }
        }
        true
    }
}

pub(super) fn segments(a: &Analysis, items: &[Item], pos: &[(f64, f64)]) -> Vec<Seg> {
    let mut at = std::collections::HashMap::with_capacity(items.len());
    for (k, it) in items.iter().enumerate() {
        at.insert(a.stakeholders[it.idx].id.as_str(), k);
    }
    let mut pairs: Vec<(usize, usize)> = a
        .relations
        .iter()
        .filter_map(|r| {
            let (s, t) = (*at.get(r.source.as_str())?, *at.get(r.target.as_str())?);
            (s != t).then_some((s.min(t), s.max(t)))
        })
        .collect();
    crate::text::sort_vec_by(&mut pairs, &|x, y| x.cmp(y));
    pairs.dedup();
    pairs.into_iter().map(|(s, t)| Seg { a: pos[s], b: pos[t] }).collect()
}

/// A free spot for item `k`'s label: no overlap with placed labels or any node, inside the view.
#[allow(clippy::too_many_arguments)]
pub(super) fn label_spot(
    it: &Item,
    x: f64,
    y: f64,
    k: usize,
    items: &[Item],
    pos: &[(f64, f64)],
    placed: &[Rect],
    segs: &[Seg],
    (circles, below_near, below_boxes): &(Near, Near, Vec<Rect>),
    w: f64,
    h: f64,
) -> Option<Rect> {
    let (lw, lh, r) = (it.lw, it.lh, it.r);
    let ok = |x0: f64, y0: f64| -> Option<Rect> {
        let (x0, y0) = (r1(x0), r1(y0));
        let rect = Rect { x0, y0, x1: x0 + lw, y1: y0 + lh };
        if !rect.inside(w, h, 0.0) {
            return None;
        }
        if placed.iter().any(|p| p.overlaps(&rect, LABEL_PAD)) {
            return None;
        }
        for &j in circles.around(&rect, LABEL_PAD) {
            let pad = if j == k { 1.0 } else { LABEL_PAD };
            if rect.hits_circle(pos[j].0, pos[j].1, items[j].r, pad) {
                return None;
            }
        }
        Some(rect)
    };
    let g = LABEL_GAP;
    let below = (x - lw / 2.0, y + r + g);
    let above = (x - lw / 2.0, y - r - g - lh);
    let right = (x + r + g + 2.0, y - lh / 2.0);
    let left = (x - r - g - 2.0 - lw, y - lh / 2.0);
    let d = r * 0.72 + g;
    let cands = [
        below,
        above,
        right,
        left,
        (x + d, y + d),
        (x - d - lw, y + d),
        (x + d, y - d - lh),
        (x - d - lw, y - d - lh),
    ];
    // Among the free spots below, above, right and left, take the one crossed by the fewest
    // edges (the earlier in that order on a tie); diagonal spots only when none is free.
    // Spots other than "below" must also leave the later nodes' own "below" spots free.
    let reserved = |rc: &Rect| {
        below_near.around(rc, LABEL_PAD).iter().any(|&j| j > k && below_boxes[j].overlaps(rc, LABEL_PAD))
    };
    let mut best: Option<(usize, Rect)> = None;
    for (ci, &(x0, y0)) in cands[..4].iter().enumerate() {
        if let Some(rc) = ok(x0, y0).filter(|rc| ci == 0 || !reserved(rc)) {
            let crossings = segs.iter().filter(|s| s.crosses(&rc)).count();
            let score = crossings * 16 + ci;
            if best.map(|(b, _)| score < b).unwrap_or(true) {
                best = Some((score, rc));
            }
            if crossings == 0 {
                break;
            }
        }
    }
    if let Some((_, rc)) = best {
        return Some(rc);
    }
    for &(x0, y0) in &cands[4..] {
        if let Some(rc) = ok(x0, y0) {
            return Some(rc);
        }
    }
    // Nudges: slide along each side, then step away from the node.
    let steps = [0.25, -0.25, 0.5, -0.5];
    for &s in &steps {
        for &(x0, y0) in &[below, above] {
            if let Some(rc) = ok(x0 + s * lw, y0) {
                return Some(rc);
            }
        }
        for &(x0, y0) in &[right, left] {
            if let Some(rc) = ok(x0, y0 + s * lh * 1.5) {
                return Some(rc);
            }
        }
    }
    for &dist in &[6.0, 12.0, 20.0, 30.0] {
        for &s in &[0.0, 0.3, -0.3] {
            for &(x0, y0, dx, dy) in &[
                (below.0, below.1, 0.0, 1.0),
                (above.0, above.1, 0.0, -1.0),
                (right.0, right.1, 1.0, 0.0),
                (left.0, left.1, -1.0, 0.0),
            ] {
                let (sx, sy) = if dx == 0.0 { (s * lw, 0.0) } else { (0.0, s * lh * 2.0) };
                if let Some(rc) = ok(x0 + dx * dist + sx, y0 + dy * dist + sy) {
                    return Some(rc);
                }
            }
        }
    }
    None
}

