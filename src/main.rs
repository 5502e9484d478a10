//! The `stakeholder-map` command line: the same library, natively.
//!
//! ```text
//! stakeholder-map analyze FILE     print the Analysis of an article as JSON (FILE - = stdin)
//!
//! Every command takes an article or a published analysis (`"schema":
//! "stakeholder-map/analysis@1"`), which is checked and used as it is, never analysed again.
//! stakeholder-map check FILE       validate an article or an edited analysis; the JSON path at fault
//! stakeholder-map predict FILE     devset items {"id","text"} (JSONL) -> scorer predictions (JSONL)
//! stakeholder-map render FILE      static HTML of the widget's content (pre-render, no script)
//! ```

use stakeholder_map::{analyze, input, Analysis, Article};
use std::io::{Read, Write};
use std::process::ExitCode;

const USAGE: &str = "usage:
  stakeholder-map analyze [--compact] FILE   print the analysis of an article as JSON (FILE - reads stdin)
  stakeholder-map check FILE                 validate an article or a published (edited) analysis;
                                             exit 1 with the JSON path at fault
  stakeholder-map predict FILE.jsonl         items {\"id\",\"text\"} -> {\"id\",\"quotes\":[{\"start\",\"end\",\"speaker\"}]} per line
  stakeholder-map render [--width N] [--css URL] FILE
                                             static HTML (a declarative shadow root: map as SVG, stakeholders,
                                             quotes) to put inside <stakeholder-map> for readers without
                                             script and for crawlers; --css: the widget's stylesheet URL
                                             (default /www/stakeholder-map.css)

Input forms: {\"headline\",\"date\",\"body\"} JSON, schema.org NewsArticle JSON-LD, plain text, or a
published analysis (\"schema\": \"stakeholder-map/analysis@1\", as analyze prints it, corrected by an
editor): every command checks it (exit 1 with the JSON path at fault) and uses it as it is.";

fn read(path: &str) -> Result<String, String> {
    if path == "-" {
        let mut s = String::new();
        std::io::stdin().read_to_string(&mut s).map_err(|e| format!("stdin: {e}"))?;
        Ok(s)
    } else {
        std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))
    }
}

/// A file as every command reads it: a published analysis (`"schema":
/// "stakeholder-map/analysis@1"`: checked, never analysed again) or an article. A file is first read
/// in one pass, item by item (a million stakeholders fit in memory once); anything that pass cannot
/// take (an article, plain text, broken JSON) is read whole and parsed for a precise error.
fn load(path: &str) -> Result<input::Source, String> {
    // (the one-pass reader is native only; the wasm test build compiles this binary too)
    #[cfg(not(target_arch = "wasm32"))]
    if path != "-" {
        let f = std::fs::File::open(path).map_err(|e| format!("{path}: {e}"))?;
        if let Some(r) = input::read_published(std::io::BufReader::with_capacity(1 << 16, f)) {
            return r.map(|a| input::Source::Analysis(Box::new(a))).map_err(|e| format!("{path}: {e}"));
        }
    }
    let src = read(path)?;
    input::parse_source(&src).map_err(|e| format!("{path}: {e}"))
}

/// The analysis of a source: a published one as it is, an article analysed.
fn analysis(source: input::Source) -> Analysis {
    match source {
        input::Source::Article(art) => analyze(&art),
        input::Source::Analysis(a) => *a,
    }
}

fn run(args: &[String]) -> Result<(), String> {
    let mut out = std::io::stdout().lock();
    match args.first().map(String::as_str) {
        Some("analyze") | Some("analyse") => {
            let compact = args.iter().any(|a| a == "--compact");
            let file = args[1..].iter().find(|a| !a.starts_with("--") || *a == "-").ok_or(USAGE)?;
            // A published analysis is echoed as checked (derived counts recomputed), not re-analysed.
            let a = analysis(load(file)?);
            let json = if compact { serde_json::to_string(&a) } else { serde_json::to_string_pretty(&a) };
            writeln!(out, "{}", json.map_err(|e| e.to_string())?).map_err(|e| e.to_string())
        }
        Some("check") => {
            let file = args.get(1).ok_or(USAGE)?;
            // A published analysis is checked in one pass that keeps only its ids (a million
            // stakeholders in a few hundred megabytes); what that pass cannot judge is loaded.
            #[cfg(not(target_arch = "wasm32"))]
            if file != "-" {
                let f = std::fs::File::open(file).map_err(|e| format!("{file}: {e}"))?;
                if let Some(r) = input::check_published(std::io::BufReader::with_capacity(1 << 16, f)) {
                    let n = r.map_err(|e| format!("{file}: {e}"))?;
                    return writeln!(
                        out,
                        "{file}: ok (a published analysis: {} stakeholders, {} quotes, {} relations)",
                        n.stakeholders, n.quotes, n.relations
                    )
                    .map_err(|e| e.to_string());
                }
            }
            let a = match load(file)? {
                input::Source::Article(a) => a,
                input::Source::Analysis(a) => {
                    return writeln!(
                        out,
                        "{file}: ok (a published analysis: {} stakeholders, {} quotes, {} relations)",
                        a.stakeholders.len(),
                        a.quotes.len(),
                        a.relations.len()
                    )
                    .map_err(|e| e.to_string())
                }
            };
            writeln!(
                out,
                "{file}: ok ({} paragraphs, {} characters{})",
                a.body.split("\n\n").count(),
                a.body.chars().count(),
                if a.headline.is_empty() { ", no headline".to_string() } else { String::new() }
            )
            .map_err(|e| e.to_string())
        }
        Some("predict") => {
            let file = args.get(1).ok_or(USAGE)?;
            let src = read(file)?;
            for (n, line) in src.lines().enumerate() {
                if line.trim().is_empty() {
                    continue;
                }
                let item: serde_json::Value =
                    serde_json::from_str(line).map_err(|e| format!("{file}:{}: bad JSON: {e}", n + 1))?;
                let id = item.get("id").cloned().unwrap_or(serde_json::Value::Null);
                let text = item
                    .get("text")
                    .and_then(|t| t.as_str())
                    .ok_or_else(|| format!("{file}:{}: $.text: expected a string", n + 1))?;
                let a = analyze(&Article::from_body(text));
                let quotes: Vec<serde_json::Value> = a
                    .quotes
                    .iter()
                    .filter(|q| q.kind != stakeholder_map::model::QuoteKind::NonSpeech)
                    .map(|q| {
                        let speaker = q.speaker.as_deref().and_then(|id| a.stakeholder(id)).map(|s| s.name.clone());
                        serde_json::json!({"start": q.start, "end": q.end, "speaker": speaker})
                    })
                    .collect();
                writeln!(out, "{}", serde_json::json!({"id": id, "quotes": quotes})).map_err(|e| e.to_string())?;
            }
            Ok(())
        }
        Some("render") => {
            let mut width = 720.0;
            let mut css = stakeholder_map::prerender::DEFAULT_CSS.to_string();
            let mut file = None;
            let mut it = args[1..].iter();
            while let Some(a) = it.next() {
                if a == "--width" {
                    let v = it.next().ok_or("--width needs a number")?;
                    width = v.parse::<f32>().ok().filter(|w| w.is_finite() && *w >= 320.0 && *w <= 2400.0).ok_or_else(|| format!("--width {v}: expected a number from 320 to 2400"))?;
                } else if a == "--css" {
                    css = it.next().ok_or("--css needs the stylesheet's URL")?.clone();
                } else if file.is_none() {
                    file = Some(a.as_str());
                } else {
                    return Err(USAGE.to_string());
                }
            }
            let a = analysis(load(file.ok_or(USAGE)?)?);
            write!(out, "{}", stakeholder_map::prerender::static_html_with(&a, width, &css)).map_err(|e| e.to_string())
        }
        Some("-h") | Some("--help") | Some("help") => writeln!(out, "{USAGE}").map_err(|e| e.to_string()),
        _ => Err(USAGE.to_string()),
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("stakeholder-map: {e}");
            ExitCode::FAILURE
        }
    }
}
