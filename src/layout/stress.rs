//! Step 2: graph distances and stress majorization (SMACOF) in abstract units.

use super::{Item, SplitMix64, BIG};
use crate::model::Analysis;

/// Graph distances (hops) between the items, over relations and affiliations, undirected.
fn hops(a: &Analysis, items: &[Item]) -> Vec<Vec<u32>> {
    let n = items.len();
    let mut at = std::collections::HashMap::with_capacity(n);
    for (k, it) in items.iter().enumerate() {
        at.insert(a.stakeholders[it.idx].id.as_str(), k);
    }
    let mut adj = vec![Vec::new(); n];
    let mut link = |s: &str, t: &str| {
        if let (Some(&i), Some(&j)) = (at.get(s), at.get(t)) {
            if i != j && !adj[i].contains(&j) {
                adj[i].push(j);
                adj[j].push(i);
            }
        }
    };
    for r in &a.relations {
        link(&r.source, &r.target);
    }
    for it in items {
        let s = &a.stakeholders[it.idx];
        for f in &s.affiliations {
            link(&s.id, f);
        }
    }
    let mut d = vec![vec![u32::MAX; n]; n];
    let mut queue = Vec::with_capacity(n);
    for (src, row) in d.iter_mut().enumerate() {
        row[src] = 0;
        queue.clear();
        queue.push(src);
        let mut head = 0;
        while head < queue.len() {
            let u = queue[head];
            head += 1;
            for &v in &adj[u] {
                if row[v] == u32::MAX {
                    row[v] = row[u] + 1;
                    queue.push(v);
                }
            }
        }
    }
    d
}

/// Most stress-majorization sweeps (each `O(n²)`).
const STRESS_ITERS: usize = 45;

/// Sweeps for `n` nodes: [`STRESS_ITERS`] up to [`BIG`] nodes; beyond, about the work of `BIG`
/// nodes' sweeps (the first few sweeps do nearly all the moving; overlap removal, which follows,
/// decides the fine placement of a crowded picture), at least 8.
fn sweeps(n: usize) -> usize {
    if n <= BIG {
        STRESS_ITERS
    } else {
        (STRESS_ITERS * BIG * BIG / (n * n)).max(8)
    }
}

/// Stress majorization in abstract units (one hop = 1), centre fixed at (0, 0).
pub(super) fn stress(a: &Analysis, items: &[Item], seed: u64) -> Vec<(f64, f64)> {
    let n = items.len();
    if n == 0 {
        return Vec::new();
    }
    if n == 1 {
        return vec![(0.0, 0.0)];
    }
    let hop = hops(a, items);
    let maxh = hop.iter().flatten().filter(|&&v| v != u32::MAX).max().copied().unwrap_or(1).max(1);
    // Unconnected pairs sit a little beyond the farthest connected ones, capped.
    let far = (maxh + 1).min(4);
    // Ideal distances are whole hops from 1 to `far` (0 on the diagonal), so each pair keeps
    // only its hop count (a byte) and the weights 1/d² and d/d² come from a table.
    let mut hd = vec![0u8; n * n];
    for i in 0..n {
        for j in 0..n {
            if i != j {
                hd[i * n + j] = hop[i][j].min(far) as u8;
            }
        }
    }
    let (mut w_of, mut wd_of) = ([0.0f64; 5], [0.0f64; 5]);
    for d in 1..5 {
        let df = d as f64;
        w_of[d] = 1.0 / (df * df);
        wd_of[d] = w_of[d] * df;
    }
    // The layout's radius in hops grows like sqrt(n); the centre distance grows with rank.
    let rad = 0.5 * (n as f64).sqrt().max(1.0) + 0.5;
    let cdist: Vec<f64> = (0..n).map(|k| rad * (0.08 + 0.92 * (k as f64 / (n - 1) as f64).sqrt())).collect();
    let cw: Vec<f64> = cdist.iter().map(|d| 0.6 / (d * d)).collect();

    let mut rng = SplitMix64::new(seed);
    let p: Vec<(f64, f64)> = (0..n)
        .map(|k| {
            let (mut u, mut v) = (0.0, 0.0);
            for _ in 0..8 {
                u = rng.next_f64() * 2.0 - 1.0;
                v = rng.next_f64() * 2.0 - 1.0;
                let l = u * u + v * v;
                if l > 0.01 && l <= 1.0 {
                    break;
                }
            }
            let l = (u * u + v * v).sqrt().max(1e-6);
            (u / l * cdist[k], v / l * cdist[k])
        })
        .collect();

    // Stop when no node moves more than 1.2 % of the layout's radius (well under a pixel).
    let tol = 0.012 * rad;
    let wsum: Vec<f64> = (0..n).map(|i| hd[i * n..(i + 1) * n].iter().map(|&d| w_of[d as usize]).sum::<f64>() + cw[i]).collect();
    let mut xs: Vec<f64> = p.iter().map(|q| q.0).collect();
    let mut ys: Vec<f64> = p.iter().map(|q| q.1).collect();
    for _iter in 0..sweeps(n) {
        let mut moved: f64 = 0.0;
        for i in 0..n {
            let (xi, yi) = (xs[i], ys[i]);
            let row = &hd[i * n..(i + 1) * n];
            let (mut sx, mut sy) = (0.0, 0.0);
            for j in 0..n {
                // the weights are 0 on the diagonal
                let (xj, yj) = (xs[j], ys[j]);
                let d = (row[j] as usize).min(4);
                let (w, wd) = (w_of[d], wd_of[d]);
                let (dx, dy) = (xi - xj, yi - yj);
                let l2 = dx * dx + dy * dy;
                sx += w * xj;
                sy += w * yj;
                if l2 > 1e-18 {
                    let k = wd / l2.sqrt();
                    sx += k * dx;
                    sy += k * dy;
                } else if j != i {
                    // coincident: push apart deterministically by index
                    sx += if i < j { wd } else { -wd };
                }
            }
            // virtual centre at (0, 0)
            let l2 = xi * xi + yi * yi;
            if l2 > 1e-18 {
                let k = cw[i] * cdist[i] / l2.sqrt();
                sx += k * xi;
                sy += k * yi;
            }
            let (nx, ny) = (sx / wsum[i], sy / wsum[i]);
            moved = moved.max((nx - xi).abs() + (ny - yi).abs());
            xs[i] = nx;
            ys[i] = ny;
        }
        if moved < tol {
            break;
        }
    }
    xs.into_iter().zip(ys).collect()
}

