//! The native command line over the library: analyze, check, predict, render.

use std::process::Command;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_stakeholder-map"))
}

fn tmp(name: &str, text: &str) -> std::path::PathBuf {
    let p = std::env::temp_dir().join(format!("sm-cli-{}-{name}", std::process::id()));
    std::fs::write(&p, text).unwrap();
    p
}

#[test]
fn analyze_prints_the_analysis_json_of_the_seed_article() {
    let out = bin().args(["analyze", "fixtures/seed-article.json"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["schema"], "stakeholder-map/analysis@1");
    assert!(v["stakeholders"].as_array().unwrap().len() >= 10);
    assert!(v["quotes"].as_array().unwrap().iter().all(|q| q["start"].is_u64() && q["field"].is_string()));
}

#[test]
fn analyze_reads_stdin_given_a_dash() {
    use std::io::Write;
    let mut child = bin()
        .args(["analyze", "--compact", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all("“We will win,” Maria Lopez said.".as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["quotes"][0]["text"], "We will win,");
    assert_eq!(v["quotes"][0]["speaker"], "maria-lopez");
}

#[test]
fn check_names_the_json_path_at_fault_and_exits_non_zero() {
    let p = tmp("bad.json", r#"{"headline": "H", "body": 42}"#);
    let out = bin().arg("check").arg(&p).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("$.body") && err.contains("found a number"), "{err}");
    let ok = bin().args(["check", "fixtures/seed-article.json"]).output().unwrap();
    assert!(ok.status.success());
}

#[test]
fn predict_writes_one_scorer_line_per_item() {
    let p = tmp(
        "items.jsonl",
        "{\"id\": \"a\", \"text\": \"“Taxes will fall,” said Governor Ann Park.\"}\n{\"id\": \"b\", \"text\": \"No quotes here.\"}\n",
    );
    let out = bin().arg("predict").arg(&p).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let lines: Vec<serde_json::Value> =
        String::from_utf8_lossy(&out.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[0]["quotes"][0]["start"], 1);
    assert_eq!(lines[0]["quotes"][0]["speaker"], "Ann Park");
    assert_eq!(lines[1]["quotes"].as_array().unwrap().len(), 0);
}

#[test]
fn unknown_command_prints_usage_and_fails() {
    let out = bin().arg("frobnicate").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("usage:"));
}

#[test]
fn render_writes_static_html_with_the_map_stakeholders_and_every_quote() {
    let out = bin().args(["render", "fixtures/seed-article.json"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let html = String::from_utf8(out.stdout).unwrap();
    // A declarative shadow root with the widget's stylesheet, holding the widget's markup.
    assert!(html.starts_with("<template shadowrootmode=\"open\">\n<link rel=\"stylesheet\" href=\"/www/stakeholder-map.css\">"));
    assert!(html.contains("<div class=\"sm-root sm-prerendered\" data-sm-prerendered=\"1\">"));
    assert!(html.trim_end().ends_with("</template>"));
    // Two map pictures (a phone's and a wide column's), each fluid.
    assert_eq!(html.matches("<svg class=\"sm-map sm-pre-narrow\" ").count(), 1);
    assert_eq!(html.matches("<svg class=\"sm-map sm-pre-wide\" ").count(), 1);
    assert_eq!(html.matches(" width=\"100%\"").count(), 2, "the maps are not fluid");
    assert!(html.contains("url(#sm-pre-wide-arrow-") && !html.contains("url(#sm-arrow-"), "marker ids shared by both maps");
    let a: serde_json::Value =
        serde_json::from_slice(&bin().args(["analyze", "fixtures/seed-article.json"]).output().unwrap().stdout).unwrap();
    let speech = a["quotes"].as_array().unwrap().iter().filter(|q| q["kind"] != "non_speech").count();
    assert_eq!(html.matches("<blockquote class=\"sm-quote\">").count(), speech);
    assert!(!html.contains("<script") && !html.contains("style="));
    // Deterministic: the same article gives the same bytes.
    let again = bin().args(["render", "fixtures/seed-article.json"]).output().unwrap();
    assert_eq!(html.as_bytes(), &again.stdout[..]);
    // --css links the stylesheet from elsewhere.
    let out = bin().args(["render", "--css", "https://cdn.example/sm/1.0/stakeholder-map.css", "fixtures/seed-article.json"]).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("<link rel=\"stylesheet\" href=\"https://cdn.example/sm/1.0/stakeholder-map.css\">"));
}

#[test]
fn render_escapes_article_text_as_text() {
    let p = tmp(
        "render.json",
        r#"{"headline": "<img src=x onerror=alert(1)> & co", "body": "\"<script>alert('x')</script> is not welcome,\" said Ana <b>Ruiz</b>, the mayor."}"#,
    );
    let out = bin().args(["render", p.to_str().unwrap()]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let html = String::from_utf8(out.stdout).unwrap();
    assert!(!html.contains("<script") && !html.contains("<img") && !html.contains("<b>"), "{html}");
    assert!(html.contains("&lt;script&gt;"), "{html}");
}

#[test]
fn render_rejects_a_bad_width_and_a_bad_article_with_the_json_path() {
    let out = bin().args(["render", "--width", "12", "fixtures/seed-article.json"]).output().unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--width 12"));
    let p = tmp("render-bad.json", r#"{"headline": "H", "body": 5}"#);
    let out = bin().args(["render", p.to_str().unwrap()]).output().unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("$.body"));
}

#[test]
fn check_accepts_an_edited_analysis_and_names_a_broken_reference() {
    let out = bin().args(["analyze", "fixtures/seed-article.json"]).output().unwrap();
    let mut v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let p = tmp("edited.json", &v.to_string());
    let out = bin().args(["check", p.to_str().unwrap()]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("a published analysis"));
    v["relations"][1]["source"] = "no-such-id".into();
    let p = tmp("edited-bad.json", &v.to_string());
    let out = bin().args(["check", p.to_str().unwrap()]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("$.relations[1].source"), "{}", String::from_utf8_lossy(&out.stderr));
}
