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

/// The seed's analysis with the first attributed quote given to another person, as an editor
/// does in the widget or by hand; returns (file, quote index, new speaker id, new speaker name).
fn corrected_analysis(name: &str) -> (std::path::PathBuf, serde_json::Value, usize, String, String) {
    let out = bin().args(["analyze", "fixtures/seed-article.json"]).output().unwrap();
    let mut v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let quotes = v["quotes"].as_array().unwrap();
    let q = quotes.iter().position(|q| q["speaker"].is_string() && q["kind"] != "non_speech").unwrap();
    let from = quotes[q]["speaker"].as_str().unwrap().to_string();
    let to = v["stakeholders"]
        .as_array()
        .unwrap()
        .iter()
        .rev()
        .find(|s| s["kind"] == "person" && s["id"] != from.as_str())
        .unwrap()
        .clone();
    v["quotes"][q]["speaker"] = to["id"].clone();
    let p = tmp(name, &serde_json::to_string_pretty(&v).unwrap());
    (p, v, q, to["id"].as_str().unwrap().to_string(), to["name"].as_str().unwrap().to_string())
}

#[test]
fn render_shows_a_published_analysis_as_it_is_with_the_editors_speaker() {
    let (p, v, q, _, name) = corrected_analysis("render-published.json");
    let out = bin().args(["render", p.to_str().unwrap()]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let html = String::from_utf8(out.stdout).unwrap();
    // The corrected quote's card names the editor's speaker.
    let text = v["quotes"][q]["text"].as_str().unwrap().trim();
    let escaped = text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;").replace('\'', "&apos;");
    let at = html.find(&format!("“{escaped}”")).expect("the corrected quote is in the HTML");
    // the card around it: from its <li> (the speaker's name comes first) to its </li>
    let from = html[..at].rfind("<li").unwrap_or(0);
    let card = &html[from..html[at..].find("</li>").map_or(html.len(), |i| at + i)];
    assert!(card.contains(&format!(">{name}</strong>")), "{card}");
    // The article analysed again would not say so: the published file was used as it is.
    let fresh = bin().args(["render", "fixtures/seed-article.json"]).output().unwrap();
    assert_ne!(html.as_bytes(), &fresh.stdout[..]);
}

#[test]
fn analyze_echoes_a_published_analysis_normalised_not_reanalysed() {
    let (p, v, q, to, _) = corrected_analysis("analyze-published.json");
    let mut edited = v.clone();
    for s in edited["stakeholders"].as_array_mut().unwrap() {
        s.as_object_mut().unwrap().remove("quote_count");
    }
    std::fs::write(&p, edited.to_string()).unwrap();
    let out = bin().args(["analyze", p.to_str().unwrap()]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let echoed: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(echoed["quotes"][q]["speaker"], to.as_str(), "the editor's speaker is kept");
    // Normalised: quote counts recomputed for the correction, everything else as published.
    let count = |v: &serde_json::Value, id: &str| {
        v["quotes"].as_array().unwrap().iter().filter(|q| q["speaker"] == id && q["kind"] != "non_speech").count()
    };
    for s in echoed["stakeholders"].as_array().unwrap() {
        assert_eq!(s["quote_count"], count(&echoed, s["id"].as_str().unwrap()), "{}", s["id"]);
    }
    let mut expected = v.clone();
    for (s, e) in expected["stakeholders"].as_array_mut().unwrap().iter_mut().zip(echoed["stakeholders"].as_array().unwrap()) {
        s["quote_count"] = e["quote_count"].clone();
    }
    assert_eq!(echoed, expected);
}

#[test]
fn analyze_render_and_check_refuse_an_invalid_published_analysis_with_its_path() {
    let (_, v, q, _, _) = corrected_analysis("unused.json");
    let mut dangling = v.clone();
    dangling["quotes"][q]["speaker"] = "nobody-here".into();
    let mut version = v.clone();
    version["schema"] = "stakeholder-map/analysis@2".into();
    let mut surrogate = serde_json::to_string(&v).unwrap();
    surrogate = surrogate.replacen("\"headline\":\"", "\"headline\":\"\\ud800", 1);
    let cases = [
        (dangling.to_string(), format!("$.quotes[{q}].speaker"), "\"nobody-here\" is not the id of any stakeholder"),
        (version.to_string(), "$.schema".to_string(), "stakeholder-map/analysis@1"),
        (surrogate, "$".to_string(), "lone surrogate"),
    ];
    for (i, (json, path, words)) in cases.iter().enumerate() {
        let p = tmp(&format!("invalid-{i}.json"), json);
        for cmd in ["analyze", "render", "check"] {
            let out = bin().args([cmd, p.to_str().unwrap()]).output().unwrap();
            let err = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(1), "{cmd} on case {i}: {err}");
            assert!(out.stdout.is_empty(), "{cmd} wrote output for an invalid analysis");
            assert!(err.contains(&format!("{path}: ")) && err.contains(words), "{cmd} on case {i}: {err}");
        }
        // From stdin too.
        use std::io::Write;
        let mut child = bin().args(["render", "-"]).stdin(std::process::Stdio::piped()).stderr(std::process::Stdio::piped()).stdout(std::process::Stdio::piped()).spawn().unwrap();
        child.stdin.take().unwrap().write_all(json.as_bytes()).unwrap();
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(1));
        assert!(String::from_utf8_lossy(&out.stderr).contains(path.as_str()));
    }
}

#[test]
fn check_names_a_top_level_null_number_or_array_instead_of_taking_it_as_text() {
    for (src, found) in [("null", "found null"), ("42", "found a number"), ("true", "found a boolean"), ("[1, 2]", "an array without one")] {
        let p = tmp("top-level.json", src);
        let out = bin().arg("check").arg(&p).output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{src}: {err}");
        assert!(err.contains("$: ") && err.contains(found), "{src}: {err}");
    }
}

#[test]
fn render_neutralises_control_and_bidi_override_characters() {
    let p = tmp(
        "render-bidi.json",
        "{\"headline\": \"Vote \\u202eecnanif\\u202c \\u0000 today\", \"body\": \"\\u201cWe will \\u2066win\\u2069 \\u0007 now,\\u201d said Ana Ruiz\\u202d, the mayor\\u0085.\"}",
    );
    let out = bin().args(["render", p.to_str().unwrap()]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let html = String::from_utf8(out.stdout).unwrap();
    let bad: Vec<char> = html
        .chars()
        .filter(|&c| (c.is_control() && !matches!(c, '\n' | '\t' | '\r')) || ('\u{202A}'..='\u{202E}').contains(&c) || ('\u{2066}'..='\u{2069}').contains(&c))
        .collect();
    assert!(bad.is_empty(), "{bad:?} in the HTML");
    assert!(html.contains("We will \u{FFFD}win\u{FFFD} \u{FFFD} now"), "{html}");
}
