//! The native command line over the library: analyze, check, predict.

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
