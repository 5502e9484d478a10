//! Layout benchmark (plain harness): `cargo bench --bench layout`.
//! Prints the time per layout for synthetic graphs of 10/20/40/80/200 nodes (200 in the browser
//! benchmark's 4000x3000 viewport) and the seed article,
//! plus the SVG export. Native numbers; the wasm numbers come from the in-browser bench.

use stakeholder_map::export::{map_svg, SvgTheme};
use stakeholder_map::layout::{layout, synthetic_analysis, LayoutOptions};
use std::hint::black_box;
use std::time::Instant;

/// On-CPU time of this thread in ns (Linux `schedstat`), so numbers hold on a loaded machine.
fn cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

/// (median wall µs, p90 wall µs, runs, mean on-CPU µs per run)
fn time<F: FnMut()>(mut f: F) -> (f64, f64, usize, f64) {
    // warm up, then as many runs as fit in ~0.4 s (at least 20); report median and p90 in µs
    for _ in 0..5 {
        f();
    }
    let mut samples = Vec::new();
    let cpu0 = cpu_ns();
    let start = Instant::now();
    while samples.len() < 20 || (start.elapsed().as_secs_f64() < 0.4 && samples.len() < 5000) {
        let t = Instant::now();
        f();
        samples.push(t.elapsed().as_secs_f64() * 1e6);
    }
    let cpu = match (cpu0, cpu_ns()) {
        (Some(a), Some(b)) => (b - a) as f64 / 1e3 / samples.len() as f64,
        _ => f64::NAN,
    };
    samples.sort_by(|a, b| a.total_cmp(b));
    let med = samples[samples.len() / 2];
    let p90 = samples[samples.len() * 9 / 10];
    (med, p90, samples.len(), cpu)
}

fn main() {
    // `cargo bench --bench layout -- 40` runs only the cases whose name contains "40"
    let filter: Option<String> = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    let want = |name: &str| filter.as_deref().map(|f| name.contains(f)).unwrap_or(true);
    println!("{:<34} {:>6} {:>6} {:>11} {:>11} {:>11} {:>6}", "case", "nodes", "edges", "median µs", "p90 µs", "cpu µs/run", "runs");
    for (n, w, h) in [(10, 640.0, 480.0), (20, 800.0, 600.0), (40, 1200.0, 900.0), (80, 1600.0, 1200.0), (200, 4000.0, 3000.0)] {
        if !want(&format!("layout synthetic({n}) {w}x{h}")) {
            continue;
        }
        let a = synthetic_analysis(n);
        let o = LayoutOptions { width: w, height: h, max_nodes: n, seed: 0 };
        let l = layout(&a, &o);
        let (med, p90, runs, cpu) = time(|| {
            black_box(layout(black_box(&a), black_box(&o)));
        });
        println!(
            "{:<34} {:>6} {:>6} {:>11.1} {:>11.1} {:>11.1} {:>6}",
            format!("layout synthetic({n}) {w}x{h}"),
            l.nodes.len(),
            l.edges.len(),
            med,
            p90,
            cpu,
            runs
        );
    }
    if want("layout synthetic(40) 640x480 route_edges map_svg") {
        // 40 nodes in the default 640x480 viewport (capacity folding kicks in)
        let a = synthetic_analysis(40);
        let o = LayoutOptions { max_nodes: 40, ..LayoutOptions::default() };
        let l = layout(&a, &o);
        let (med, p90, runs, cpu) = time(|| {
            black_box(layout(black_box(&a), black_box(&o)));
        });
        println!("{:<34} {:>6} {:>6} {:>11.1} {:>11.1} {:>11.1} {:>6}", "layout synthetic(40) 640x480", l.nodes.len(), l.edges.len(), med, p90, cpu, runs);
        // re-routing the edges after a drag (per pointer move)
        let syn40 = synthetic_analysis(40);
        let l40 = layout(&syn40, &LayoutOptions { width: 1200.0, height: 900.0, max_nodes: 40, seed: 0 });
        let (med, p90, runs, cpu) = time(|| {
            black_box(stakeholder_map::layout::route_edges(black_box(&syn40), black_box(&l40.nodes)));
        });
        println!("{:<34} {:>6} {:>6} {:>11.1} {:>11.1} {:>11.1} {:>6}", "route_edges synthetic(40)", l40.nodes.len(), l40.edges.len(), med, p90, cpu, runs);
        let svg_l = layout(&synthetic_analysis(40), &LayoutOptions { width: 1200.0, height: 900.0, max_nodes: 40, seed: 0 });
        let syn = synthetic_analysis(40);
        let (med, p90, runs, cpu) = time(|| {
            black_box(map_svg(black_box(&syn), black_box(&svg_l), &SvgTheme::default()));
        });
        println!("{:<34} {:>6} {:>6} {:>11.1} {:>11.1} {:>11.1} {:>6}", "map_svg synthetic(40)", svg_l.nodes.len(), svg_l.edges.len(), med, p90, cpu, runs);
    }
    let seed = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/seed-article.json"));
    if let (true, Ok(src)) = (want("layout seed article 640x480"), seed) {
        if let Ok(art) = stakeholder_map::input::parse_any(&src) {
            let a = stakeholder_map::analyze(&art);
            let o = LayoutOptions::default();
            let l = layout(&a, &o);
            let (med, p90, runs, cpu) = time(|| {
                black_box(layout(black_box(&a), black_box(&o)));
            });
            println!("{:<34} {:>6} {:>6} {:>11.1} {:>11.1} {:>11.1} {:>6}", "layout seed article 640x480", l.nodes.len(), l.edges.len(), med, p90, cpu, runs);
        }
    }
}
