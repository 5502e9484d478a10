//! Analysis speed, natively (a plain harness: `cargo bench --bench analyze`).
//!
//! Prints the seed article's per-article time, the throughput in MB/s on a long article,
//! and the time ratio between 10x and 1x the same text, which shows that the analysis
//! stays linear in the text length (about 10 for linear, 100 for quadratic).

use stakeholder_map::{analyze, input, Article};
use std::hint::black_box;
use std::time::{Duration, Instant};

/// Median time of `f` over enough runs to fill about `budget`.
fn time<F: FnMut()>(mut f: F, budget: Duration) -> Duration {
    f(); // warm up
    let probe = Instant::now();
    f();
    let one = probe.elapsed().max(Duration::from_nanos(1));
    let runs = (budget.as_nanos() / one.as_nanos()).clamp(5, 20_000) as usize;
    let mut v: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    v.sort();
    v[v.len() / 2]
}

/// Best times of `a` and `b` over `rounds` alternating runs (each round runs `a` 10 times).
fn interleaved<A: FnMut(), B: FnMut()>(mut a: A, mut b: B, rounds: usize) -> (Duration, Duration) {
    let (mut ta, mut tb) = (Duration::MAX, Duration::MAX);
    for _ in 0..rounds {
        let t = Instant::now();
        for _ in 0..10 {
            a();
        }
        ta = ta.min(t.elapsed() / 10);
        let t = Instant::now();
        b();
        tb = tb.min(t.elapsed());
    }
    (ta, tb)
}

fn main() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/seed-article.json");
    let src = std::fs::read_to_string(path).expect("fixtures/seed-article.json");
    let seed = input::parse_any(&src).expect("seed article parses");
    let bytes = seed.headline.len() + seed.body.len();

    let t = time(|| drop(black_box(analyze(black_box(&seed)))), Duration::from_secs(2));
    let a = analyze(&seed);
    println!(
        "seed article ({} bytes, {} quotes, {} stakeholders): {:.1} µs per article (median)",
        bytes,
        a.quotes.len(),
        a.stakeholders.len(),
        t.as_secs_f64() * 1e6
    );

    // Linearity: the body repeated 1x, 10x (paragraphs, so the text stays article-like).
    let body_n = |n: usize| vec![seed.body.as_str(); n].join("\n\n");
    let art = |n: usize| {
        let mut a = Article::from_body(body_n(n));
        a.headline = seed.headline.clone();
        a
    };
    let x1 = art(10);
    let x10 = art(100);
    if std::env::var("BENCH_ONLY").as_deref() == Ok("detect") {
        // for profiling: quote detection on the 10x text only
        let doc = stakeholder_map::text::Doc::new(&x10);
        for _ in 0..300 {
            black_box(stakeholder_map::analysis::quotes::detect(black_box(&doc)));
        }
        return;
    }
    // Interleaved runs, best of each: robust to other processes sharing the machine.
    let (t1, t10) = interleaved(|| drop(black_box(analyze(black_box(&x1)))), || drop(black_box(analyze(black_box(&x10)))), 30);
    let mb = (x10.body.len() + x10.headline.len()) as f64 / 1e6;
    println!("throughput: {:.1} MB/s ({:.2} MB article in {:.2} ms)", mb / t10.as_secs_f64(), mb, t10.as_secs_f64() * 1e3);
    println!(
        "linearity: 1x = {:.2} ms ({} KB), 10x = {:.2} ms ({} KB), ratio 10x/1x = {:.1} (linear ~10)",
        t1.as_secs_f64() * 1e3,
        x1.body.len() / 1000,
        t10.as_secs_f64() * 1e3,
        x10.body.len() / 1000,
        t10.as_secs_f64() / t1.as_secs_f64()
    );

    // Where the time goes, stage by stage (1x and 10x, interleaved, best of runs).
    {
        use stakeholder_map::analysis::{attribution, entities, quotes};
        use stakeholder_map::text::Doc;
        let (d1, d10) = (Doc::new(&x1), Doc::new(&x10));
        let (e1, e10) = (entities::extract(&d1), entities::extract(&d10));
        let (q1, q10) = (quotes::detect(&d1), quotes::detect(&d10));
        let seg = interleaved(|| drop(black_box(Doc::new(black_box(&x1)))), || drop(black_box(Doc::new(black_box(&x10)))), 20);
        let ent = interleaved(|| drop(black_box(entities::extract(black_box(&d1)))), || drop(black_box(entities::extract(black_box(&d10)))), 20);
        let det = interleaved(|| drop(black_box(quotes::detect(black_box(&d1)))), || drop(black_box(quotes::detect(black_box(&d10)))), 20);
        let att = interleaved(
            || {
                let mut e = e1.clone();
                drop(black_box(attribution::attribute(&d1, &mut e, &q1)))
            },
            || {
                let mut e = e10.clone();
                drop(black_box(attribution::attribute(&d10, &mut e, &q10)))
            },
            20,
        );
        for (name, (a, b)) in [("segmentation", seg), ("entities", ent), ("quote detection", det), ("attribution", att)] {
            println!(
                "  stage {name:16} 1x {:7.3} ms   10x {:7.3} ms   ratio {:.1}",
                a.as_secs_f64() * 1e3,
                b.as_secs_f64() * 1e3,
                b.as_secs_f64() / a.as_secs_f64()
            );
        }
    }

    // One long paragraph of quotes (the worst case for per-line work).
    let unit = "“We will win,” Ana Ruiz said, and he said ‘yes’ to the “plan”. ";
    let p1 = Article::from_body(unit.repeat(500));
    let p10 = Article::from_body(unit.repeat(5000));
    let (s1, s10) = interleaved(|| drop(black_box(analyze(black_box(&p1)))), || drop(black_box(analyze(black_box(&p10)))), 15);
    println!(
        "one-paragraph text: 1x = {:.2} ms, 10x = {:.2} ms, ratio = {:.1}",
        s1.as_secs_f64() * 1e3,
        s10.as_secs_f64() * 1e3,
        s10.as_secs_f64() / s1.as_secs_f64()
    );
}
