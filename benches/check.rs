//! `stakeholder-map check` on very large published analyses (a plain harness:
//! `cargo bench --bench check`).
//!
//! Generates analyses of 10,000, 100,000 and 1,000,000 stakeholders in the compact form
//! `stakeholder-map analyze --compact` prints (every stakeholder with an alias and a mention in the
//! body; one quote and one relation per ten stakeholders, their speakers, mentions and ends spread
//! over all the ids so that every reference is looked up), runs the real binary's `check` on each
//! and prints the wall time, the CPU time (user + system) and the peak resident memory of that
//! process (`/proc/PID/stat` and `VmHWM`, polled every few milliseconds). Exits 1 when the largest
//! misses its target: under 5 s of CPU (the wall time on a free core) and under 500 MB. `BENCH_SIZES=10000,100000` picks other sizes; `BENCH_BIN` another binary (an older build,
//! for a before/after figure); `BENCH_KEEP=1` keeps the generated files (for `/usr/bin/time -v`).

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const TARGET_SECS: f64 = 5.0;
const TARGET_MB: f64 = 500.0;

/// A small deterministic generator (no clock, no dependency).
struct Lcg(u64);
impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n
    }
}

/// Writes the analysis and returns its size in bytes.
fn generate(n: usize, path: &Path) -> std::io::Result<u64> {
    // The body: 10,000 sentences naming one person each and quoting them, ten to a paragraph.
    const SENTENCES: usize = 10_000;
    let mut body = String::new();
    let (mut names, mut quoted, mut paragraphs) = (Vec::new(), Vec::new(), Vec::new());
    let mut chars = 0usize;
    let mut para_start = 0usize;
    for k in 0..SENTENCES {
        if k > 0 {
            let sep = if k % 10 == 0 { "\n\n" } else { " " };
            if sep == "\n\n" {
                paragraphs.push((para_start, chars));
                para_start = chars + 2;
            }
            body.push_str(sep);
            chars += sep.chars().count();
        }
        let name = format!("Person {k}");
        names.push((chars, chars + name.chars().count(), name.clone()));
        let said = format!("{name} said \u{201C}");
        let words = format!("we agree on plan {k}");
        let start = chars + said.chars().count();
        quoted.push((start, start + words.chars().count(), words.clone()));
        let sentence = format!("{said}{words}\u{201D}.");
        chars += sentence.chars().count();
        body.push_str(&sentence);
    }
    paragraphs.push((para_start, chars));

    let f = std::fs::File::create(path)?;
    let mut w = std::io::BufWriter::with_capacity(1 << 20, f);
    let mut rng = Lcg(42);
    let mut line = String::with_capacity(512);
    write!(w, "{{\"schema\":\"stakeholder-map/analysis@1\",\"headline\":\"A very large analysis\",\"date\":\"2026-01-01\",\"body\":")?;
    serde_json::to_writer(&mut w, &body)?;
    w.write_all(b",\"paragraphs\":[")?;
    for (i, (s, e)) in paragraphs.iter().enumerate() {
        write!(w, "{}{{\"start\":{s},\"end\":{e}}}", if i > 0 { "," } else { "" })?;
    }
    w.write_all(b"],\"stakeholders\":[")?;
    for i in 0..n {
        let (s, e, text) = &names[i % SENTENCES];
        line.clear();
        let _ = write!(
            line,
            "{}{{\"id\":\"person-{i}\",\"name\":\"Person {i}\",\"kind\":\"person\",\"role\":null,\"role_mention\":null,\
             \"aliases\":[\"Person {i}\"],\"mentions\":[{{\"field\":\"body\",\"start\":{s},\"end\":{e},\"text\":\"{text}\"}}],\
             \"affiliations\":[],\"mention_count\":1,\"quote_count\":0,\"prominence\":{}}}",
            if i > 0 { "," } else { "" },
            if i < 10 { "1.0" } else { "0.25" }
        );
        w.write_all(line.as_bytes())?;
    }
    w.write_all(b"],\"quotes\":[")?;
    for j in 0..n / 10 {
        let k = j % SENTENCES;
        let (s, e, text) = &quoted[k];
        line.clear();
        let _ = write!(
            line,
            "{}{{\"id\":\"q{}\",\"text\":\"{text}\",\"field\":\"body\",\"start\":{s},\"end\":{e},\"speaker\":\"person-{}\",\
             \"kind\":\"direct\",\"paragraph\":{},\"confidence\":0.9,\"cue\":null,\"speaker_mention\":null,\"method\":\"cue\",\
             \"mentions\":[\"person-{}\"]}}",
            if j > 0 { "," } else { "" },
            j + 1,
            rng.below(n),
            k / 10,
            rng.below(n)
        );
        w.write_all(line.as_bytes())?;
    }
    w.write_all(b"],\"relations\":[")?;
    for j in 0..n / 10 {
        let (s, e, text) = &names[j % SENTENCES];
        line.clear();
        let _ = write!(
            line,
            "{}{{\"id\":\"r{}\",\"source\":\"person-{}\",\"target\":\"person-{}\",\"kind\":\"supports\",\"stance\":\"positive\",\
             \"evidence\":{{\"field\":\"body\",\"start\":{s},\"end\":{e},\"text\":\"{text}\"}},\"negated\":false,\
             \"reported_by\":null,\"object\":null}}",
            if j > 0 { "," } else { "" },
            j + 1,
            rng.below(n),
            rng.below(n)
        );
        w.write_all(line.as_bytes())?;
    }
    w.write_all(b"]}\n")?;
    w.flush()?;
    Ok(std::fs::metadata(path)?.len())
}

/// Peak resident set of a running process, in kB (Linux).
fn vm_hwm_kb(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// CPU time (user + system) of a running process so far, in seconds (Linux, 100 ticks a second).
fn cpu_secs(pid: u32) -> Option<f64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // Fields after the command name (which is in parentheses and may hold spaces).
    let rest = &stat[stat.rfind(')')? + 2..];
    let f: Vec<&str> = rest.split_whitespace().collect();
    let (utime, stime): (f64, f64) = (f.get(11)?.parse().ok()?, f.get(12)?.parse().ok()?);
    Some((utime + stime) / 100.0)
}

/// Runs `BIN check FILE`; returns (wall time, CPU seconds, peak RSS in MB, stdout+stderr, success).
fn run_check(bin: &Path, file: &Path) -> (Duration, f64, f64, String, bool) {
    let t = Instant::now();
    let mut child = Command::new(bin)
        .arg("check")
        .arg(file)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the stakeholder-map binary runs");
    let mut peak = 0u64;
    let mut cpu = 0f64;
    let status = loop {
        if let Some(kb) = vm_hwm_kb(child.id()) {
            peak = peak.max(kb);
        }
        if let Some(c) = cpu_secs(child.id()) {
            cpu = cpu.max(c);
        }
        if let Some(st) = child.try_wait().expect("wait") {
            break st;
        }
        std::thread::sleep(Duration::from_millis(2));
    };
    let wall = t.elapsed();
    let out = child.wait_with_output().expect("output");
    let text = [String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr)].concat();
    (wall, cpu, peak as f64 / 1024.0, text.trim().to_string(), status.success())
}

fn main() {
    let bin = std::env::var_os("BENCH_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_stakeholder-map")));
    let sizes: Vec<usize> = std::env::var("BENCH_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|x| x.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![10_000, 100_000, 1_000_000]);
    let dir = std::env::temp_dir().join(format!("sm-bench-check-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    println!("check on generated published analyses ({})", bin.display());
    let mut last = None;
    for &n in &sizes {
        let file = dir.join(format!("analysis-{n}.json"));
        let bytes = generate(n, &file).expect("write the analysis");
        let (wall, cpu, mb, out, ok) = run_check(&bin, &file);
        println!(
            "  {n:>9} stakeholders, {:>7} quotes, {:>7} relations ({:6.1} MB of JSON): {:7.3} s wall, {:6.2} s CPU, peak RSS {:6.1} MB{}",
            n / 10,
            n / 10,
            bytes as f64 / 1e6,
            wall.as_secs_f64(),
            cpu,
            mb,
            if ok { String::new() } else { format!("  FAILED: {out}") }
        );
        if std::env::var_os("BENCH_KEEP").is_some() {
            println!("  kept {}", file.display());
        } else {
            let _ = std::fs::remove_file(&file);
        }
        last = Some((n, wall.as_secs_f64(), cpu, mb, ok));
    }
    if std::env::var_os("BENCH_KEEP").is_none() {
        let _ = std::fs::remove_dir(&dir);
    }
    if let Some((n, wall, cpu, mb, ok)) = last {
        // Judged on CPU time, which is the wall time on a free core: on a machine shared with
        // other work the wall time says more about the neighbours than about `check`.
        let met = ok && cpu < TARGET_SECS && mb < TARGET_MB;
        println!(
            "target for {n} stakeholders: under {TARGET_SECS} s (CPU; wall {wall:.1} s) and under {TARGET_MB} MB: {}",
            if met { "met" } else { "NOT MET" }
        );
        if !met {
            std::process::exit(1);
        }
    }
}
