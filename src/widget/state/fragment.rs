//! The URL fragment: `#ns.sel=jd-vance&ns.q=q3&ns.rel=r2&ns.find=war%20crimes&ns.all=1`.
//! Each widget only reads and writes its own `ns.` keys, so several widgets share a URL.

use super::ViewState;

const KEYS: [&str; 5] = ["sel", "q", "rel", "find", "all"];

impl ViewState {
    /// This widget's part of the fragment (`ns.sel=...&ns.q=...`), empty when nothing is set.
    pub fn to_fragment(&self, ns: &str) -> String {
        let mut parts: Vec<String> = Vec::new();
        let mut put = |k: &str, v: &str| parts.push([ns, ".", k, "=", &encode(v)].concat());
        if let Some(s) = &self.selected {
            put("sel", s);
        }
        if let Some(q) = &self.quote {
            put("q", q);
        }
        if let Some(r) = &self.relation {
            put("rel", r);
        }
        if !self.search.is_empty() {
            put("find", &self.search);
        }
        if self.show_all {
            put("all", "1");
        }
        parts.join("&")
    }

    /// Reads this widget's keys from a whole fragment (with or without the leading `#`).
    pub fn from_fragment(fragment: &str, ns: &str) -> ViewState {
        let mut v = ViewState::new();
        for (k, val) in own_pairs(fragment, ns) {
            match k.as_str() {
                "sel" => v.selected = Some(val),
                "q" => v.quote = Some(val),
                "rel" => v.relation = Some(val),
                "find" => v.search = val,
                "all" => v.show_all = val == "1",
                _ => {}
            }
        }
        v
    }
}

fn own_pairs(fragment: &str, ns: &str) -> Vec<(String, String)> {
    fragment
        .trim_start_matches('#')
        .split('&')
        .filter_map(|p| {
            let (k, v) = p.split_once('=')?;
            let key = k.strip_prefix(ns)?.strip_prefix('.')?;
            Some((key.to_string(), decode(v)))
        })
        .collect()
}

/// Replaces this widget's keys in a whole fragment, keeping everything else (other
/// widgets' keys, the host page's own anchors). Returns the fragment without `#`.
pub fn merge_fragment(fragment: &str, ns: &str, own: &str) -> String {
    let prefix = [ns, "."].concat();
    let mut keep: Vec<&str> = fragment
        .trim_start_matches('#')
        .split('&')
        .filter(|p| !p.is_empty())
        .filter(|p| !(p.starts_with(&prefix) && KEYS.iter().any(|k| p[prefix.len()..].starts_with(k))))
        .collect();
    if !own.is_empty() {
        keep.push(own);
    }
    keep.join("&")
}

/// Percent-encodes everything but unreserved characters (RFC 3986).
pub fn encode(s: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push('%');
            out.push(HEX[(b >> 4) as usize] as char);
            out.push(HEX[(b & 15) as usize] as char);
        }
    }
    out
}

/// Decodes `%XX` escapes (and `+` as space); invalid escapes are kept as they are.
pub fn decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'%' if i + 2 < b.len() => {
                let h = (b[i + 1] as char).to_digit(16);
                let l = (b[i + 2] as char).to_digit(16);
                match (h, l) {
                    (Some(h), Some(l)) => {
                        out.push((h * 16 + l) as u8);
                        i += 3;
                        continue;
                    }
                    _ => out.push(b'%'),
                }
            }
            b'+' => out.push(b' '),
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

