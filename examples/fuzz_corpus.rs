//! Seeds the fuzzers' corpus from `fixtures/` (`cargo run --example fuzz_corpus -- fuzz/corpus`;
//! scripts/fuzz.sh runs it). Small inputs, since the targets skip long ones: each fixture article
//! whole, each of its paragraphs as an article of its own, in every accepted form (JSON with a
//! body string or array, with a `lang`, JSON-LD with an `inLanguage`, an `@graph`, plain text),
//! and for `published` the analyses `analyze` makes of them, also with a speaker reassigned as an editor would. For `render` every
//! seed starts with two bytes of width (600). Files are named `seed-*`; libFuzzer adds its own.

use stakeholder_map::{analyze, input, Article};
use std::path::Path;

fn forms(a: &Article) -> Vec<String> {
    let j = |v: serde_json::Value| v.to_string();
    let paras: Vec<&str> = a.body.split("\n\n").collect();
    vec![
        j(serde_json::json!({"headline": a.headline, "date": a.date, "lang": "en-GB", "body": a.body})),
        j(serde_json::json!({"headline": a.headline, "body": paras})),
        j(serde_json::json!({"@context": "https://schema.org", "@type": "NewsArticle", "headline": a.headline, "datePublished": a.date, "inLanguage": {"@type": "Language", "name": "English", "alternateName": "en"}, "articleBody": a.body})),
        j(serde_json::json!({"@graph": [{"@type": "WebPage", "name": "x"}, {"@type": "NewsArticle", "headline": a.headline, "articleBody": a.body}]})),
        if a.headline.is_empty() { a.body.clone() } else { format!("{}\n\n{}", a.headline, a.body) },
    ]
}

fn main() {
    let out = std::env::args().nth(1).unwrap_or_else(|| "fuzz/corpus".into());
    let out = Path::new(&out);
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut articles = Vec::new();
    let mut names: Vec<_> = std::fs::read_dir(&fixtures).expect("fixtures/").flatten().map(|e| e.path()).collect();
    names.sort();
    for path in names {
        let Ok(src) = std::fs::read_to_string(&path) else { continue };
        let Ok(art) = input::parse_any(&src) else { continue };
        for (i, p) in art.body.split("\n\n").enumerate() {
            let mut small = Article::from_body(p);
            if i == 0 {
                small.headline = art.headline.clone();
                small.date = art.date.clone();
            }
            articles.push(small);
        }
        articles.push(art);
    }
    let mut n = [0usize; 2];
    let write = |dir: &str, name: String, bytes: &[u8]| {
        let d = out.join(dir);
        std::fs::create_dir_all(&d).expect("corpus folder");
        std::fs::write(d.join(name), bytes).expect("corpus file");
    };
    for art in &articles {
        for f in forms(art) {
            let name = format!("seed-article-{:03}", n[0]);
            write("source", name.clone(), f.as_bytes());
            write("widget", name.clone(), f.as_bytes());
            write("render", name, &[&600u16.to_le_bytes()[..], f.as_bytes()].concat());
            n[0] += 1;
        }
        let a = analyze(art);
        let mut v = serde_json::to_value(&a).expect("analysis JSON");
        for json in [v.to_string(), serde_json::to_string_pretty(&v).unwrap_or_default()] {
            let name = format!("seed-analysis-{:03}", n[1]);
            write("published", name.clone(), json.as_bytes());
            write("render", name, &[&600u16.to_le_bytes()[..], json.as_bytes()].concat());
            n[1] += 1;
        }
        // An editor's correction: the first attributed quote given to another stakeholder.
        let other = a.stakeholders.iter().map(|s| s.id.clone()).last();
        if let (Some(q), Some(to)) = (a.quotes.iter().position(|q| q.speaker.is_some()), other) {
            v["quotes"][q]["speaker"] = to.into();
            write("published", format!("seed-analysis-{:03}", n[1]), v.to_string().as_bytes());
            n[1] += 1;
        }
    }
    println!("fuzz corpus: {} article seeds (source, widget, render), {} analysis seeds (published, render) in {}", n[0], n[1], out.display());
}
