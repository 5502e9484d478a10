//! Static pre-render: the widget's content as plain, self-contained HTML, for a page to put inside
//! `<stakeholder-map>` before any script runs (`stakeholder-map render FILE`).
//!
//! Readers without JavaScript or WebAssembly, feed readers and search engines get the same story
//! the widget tells: the map as an SVG picture (colours in SVG attributes, no stylesheet needed),
//! the stakeholders with roles and relations in words, and who said what in article order. The
//! element shows this through a `<slot>` while the wasm loads, then replaces it with the live widget
//! (the pre-rendered HTML stays in the light DOM, hidden behind the shadow root).
//!
//! Pure and deterministic: the same article gives the same bytes. All article text is escaped.

use crate::export::{map_svg, xml_escape, SvgTheme};
use crate::layout::{layout, LayoutOptions};
use crate::model::{Analysis, Field, QuoteKind};
use crate::widget::state::{times, Facts};
use std::fmt::Write;
use std::rc::Rc;

/// The marker attribute the element looks for on its pre-rendered child.
pub const MARKER: &str = "data-sm-prerendered";

/// Static HTML for an analysis: a `<div data-sm-prerendered>` holding the map figure, the
/// stakeholder list and the quotes. `width` is the map's drawing width (its height follows at 3:4;
/// the SVG scales down with the page: `viewBox`, `width="100%"`).
pub fn static_html(a: &Analysis, width: f32) -> String {
    let w = if width.is_finite() { width.clamp(320.0, 2400.0) } else { 720.0 };
    let opts = LayoutOptions { width: w, height: (w * 0.75).round(), ..LayoutOptions::default() };
    let l = layout(a, &opts);
    let facts = Facts::new(Rc::new(a.clone()));
    let e = xml_escape;
    let mut s = String::with_capacity(8192);
    let _ = writeln!(s, "<div class=\"sm-prerendered\" {MARKER}=\"1\">");

    // The map: the export's SVG (colours as attributes), made fluid.
    let svg = map_svg(a, &l, &SvgTheme::light());
    let svg = svg.split_once("?>\n").map_or(svg.as_str(), |(_, rest)| rest);
    // Fluid: the root's fixed width and height give way to width="100%" (the viewBox keeps the
    // aspect ratio), so the picture fits any column without a stylesheet.
    let root_end = svg.find('>').unwrap_or(0);
    let (root, rest) = svg.split_at(root_end);
    let mut root = root.replacen("<svg ", "<svg class=\"sm-prerendered-map\" ", 1);
    for attr in [" width=\"", " height=\""] {
        if let Some(i) = root.find(attr) {
            let j = root[i + attr.len()..].find('"').map_or(root.len(), |k| i + attr.len() + k + 1);
            root.replace_range(i..j, "");
        }
    }
    root.push_str(" width=\"100%\"");
    let svg = [root.as_str(), rest].concat();
    let _ = writeln!(s, "<figure>\n{}<figcaption>{}</figcaption>\n</figure>", svg, e(&facts.summary));

    // Who is involved: as the widget's text alternative says it.
    s.push_str("<h3>Who is involved</h3>\n<ul>\n");
    for &i in &facts.order {
        let st = &a.stakeholders[i];
        let _ = write!(s, "<li><strong>{}</strong> — ", e(&st.name));
        if let Some(r) = &st.role {
            let _ = write!(s, "{}; ", e(r));
        }
        let q = facts.quoted[i];
        let quoted = if q > 0 { ["quoted ", &times(q)].concat() } else { "not quoted".to_string() };
        let _ = write!(s, "{}; {}", e(st.kind.label()), quoted);
        let rels = facts.relations_in_words(&st.id);
        if !rels.is_empty() {
            s.push_str("\n<ul>");
            for r in rels {
                let _ = write!(s, "<li>{}</li>", e(&r));
            }
            s.push_str("</ul>");
        }
        s.push_str("</li>\n");
    }
    s.push_str("</ul>\n");

    // What they said, in article order.
    let quotes: Vec<_> = a.quotes.iter().filter(|q| q.kind != QuoteKind::NonSpeech).collect();
    if !quotes.is_empty() {
        s.push_str("<h3>What they said</h3>\n<ol>\n");
        for q in quotes {
            let who = q.speaker.as_deref().and_then(|id| a.stakeholder(id));
            let _ = write!(s, "<li><blockquote><p>“{}”</p></blockquote><p>— ", e(q.text.trim()));
            match who {
                Some(st) => {
                    let _ = write!(s, "<strong>{}</strong>", e(&st.name));
                    if let Some(r) = &st.role {
                        let _ = write!(s, ", {}", e(r));
                    }
                }
                None => s.push_str("unattributed"),
            }
            match (q.field, q.paragraph) {
                (Field::Headline, _) => s.push_str(" (headline)"),
                (Field::Body, Some(p)) => {
                    let _ = write!(s, " (paragraph {})", p + 1);
                }
                _ => {}
            }
            s.push_str("</p></li>\n");
        }
        s.push_str("</ol>\n");
    }
    s.push_str("</div>\n");
    s
}
