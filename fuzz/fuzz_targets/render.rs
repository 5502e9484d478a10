//! The CLI's `render` path on any bytes: `stakeholder-map render --width W FILE` reads the file as
//! `src/main.rs` does (a published analysis in one pass, else the text as an article or an
//! analysis), analyses an article, and writes the static HTML (the layout and the SVG export
//! inside). Never a panic; the HTML holds no markup from the input, no control character, no bidi
//! override and no non-finite coordinate, and its lists are closed. The first two bytes pick the
//! width (320..2400, as `--width` allows); inputs over 4 KB (after the width) are skipped.
#![no_main]

use libfuzzer_sys::fuzz_target;
use stakeholder_map::input::{self, Source};

fuzz_target!(|data: &[u8]| {
    if data.len() < 2 || data.len() > 4098 {
        return;
    }
    let width = 320.0 + (u16::from_le_bytes([data[0], data[1]]) % 2081) as f32;
    let bytes = &data[2..];
    // As main.rs's `load`: the one-pass reader, else the whole text (which must be UTF-8).
    let source = match input::read_published(bytes) {
        Some(r) => r.map(|a| Source::Analysis(Box::new(a))),
        None => {
            let Ok(text) = std::str::from_utf8(bytes) else { return };
            input::parse_source(text)
        }
    };
    let Ok(source) = source else { return };
    let a = match source {
        Source::Article(art) => stakeholder_map::analyze(&art),
        Source::Analysis(a) => *a,
    };
    let html = stakeholder_map::prerender::static_html(&a, width);
    assert!(html.starts_with("<template shadowrootmode=\"open\">"), "the pre-render is a declarative shadow root");
    assert!(!html.contains("<script") && !html.contains("<img") && !html.contains("style="));
    // A non-finite coordinate would start an attribute value (article text is never there).
    assert!(!["=\"NaN", "=\"inf", "=\"-inf"].iter().any(|p| html.contains(p)), "a non-finite coordinate");
    assert!(
        !html.chars().any(|c| (c.is_control() && !matches!(c, '\n' | '\t' | '\r'))
            || ('\u{202A}'..='\u{202E}').contains(&c)
            || ('\u{2066}'..='\u{2069}').contains(&c)),
        "a control or bidi character reached the HTML"
    );
    for tag in ["li", "ul", "ol", "blockquote", "figure", "div", "svg"] {
        let open = html.matches(&format!("<{tag}>")).count() + html.matches(&format!("<{tag} ")).count();
        assert_eq!(open, html.matches(&format!("</{tag}>")).count(), "unbalanced <{tag}>");
    }
});
