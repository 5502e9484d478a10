//! Static pre-render: the widget's content as plain, self-contained HTML, for a page to put inside
//! `<stakeholder-map>` before any script runs (`stakeholder-map render FILE`).
//!
//! Readers without JavaScript or WebAssembly, feed readers and search engines get the same story
//! the widget tells, looking like the widget: a declarative shadow root
//! (`<template shadowrootmode="open">`) with the widget's stylesheet linked, so the host page's CSS
//! cannot reach it and no script is needed; inside, the widget's own header, the map as an SVG
//! picture (colours in SVG attributes) in two layouts, one for a phone and one for a wide column
//! (the stylesheet shows the one that fits, so labels stay legible), the map in words, and the
//! quote cards in article order (the first [`FIRST_CARDS`], the rest behind a native
//! "Show all N quotes" disclosure). The element adopts this shadow root and mounts the live widget
//! in its place, in one frame.
//!
//! Pure and deterministic: the same article gives the same bytes. All article text is escaped.

use crate::export::{map_svg, shape_path, xml_escape, SvgTheme};
use crate::layout::{layout, LayoutOptions};
use crate::model::{Analysis, Field, QuoteKind};
use crate::widget::map::{layout_size, FOLD_AT};
use crate::widget::shapes::kind_class;
use crate::widget::state::{times, Facts};
use std::fmt::Write;
use std::rc::Rc;

/// The marker attribute on the pre-render's container (the element and tests look for it).
pub const MARKER: &str = "data-sm-prerendered";

/// Where the pre-render links the widget's stylesheet unless told otherwise (`render --css URL`).
pub const DEFAULT_CSS: &str = "/www/stakeholder-map.css";

/// Quote cards shown before the "Show all N quotes" disclosure.
pub const FIRST_CARDS: usize = 3;

/// Layout width of the phone picture (the live map's for a 340 px column: a 375 px phone).
const NARROW: f32 = 340.0;

/// Static HTML for an analysis with the stylesheet at [`DEFAULT_CSS`]; see [`static_html_with`].
pub fn static_html(a: &Analysis, width: f32) -> String {
    static_html_with(a, width, DEFAULT_CSS)
}

/// Static HTML for an analysis: a declarative shadow root holding the widget's header, the map
/// (a phone picture and one `width` wide, each at the live map's aspect ratio for that width), the
/// map in words and the quote cards; `css` is the stylesheet's URL.
pub fn static_html_with(a: &Analysis, width: f32, css: &str) -> String {
    let w = if width.is_finite() { width.clamp(320.0, 2400.0) } else { 720.0 };
    let facts = Facts::new(Rc::new(a.clone()));
    let e = xml_escape;
    let mut s = String::with_capacity(8192);
    let _ = writeln!(s, "<template shadowrootmode=\"open\">\n<link rel=\"stylesheet\" href=\"{}\">", e(css));
    let _ = writeln!(s, "<div class=\"sm-root sm-prerendered\" {MARKER}=\"1\">\n<section class=\"sm-widget\" aria-labelledby=\"sm-pre-title\">");
    let _ = writeln!(
        s,
        "<header class=\"sm-head\"><p class=\"sm-kicker\">Who’s who</p><h2 class=\"sm-title\" id=\"sm-pre-title\">Stakeholders and what they said</h2><p class=\"sm-summary\">{}</p></header>",
        e(&facts.summary)
    );
    s.push_str("<div class=\"sm-body\">\n<div class=\"sm-col sm-col-map\">\n<figure class=\"sm-map-wrap sm-pre-map\">\n");
    for (class, lw) in [("sm-pre-narrow", NARROW), ("sm-pre-wide", w)] {
        s.push_str(&map_picture(a, lw, class));
    }
    let _ = writeln!(s, "<figcaption class=\"sm-sr-only\">{}</figcaption>\n</figure>", e(&facts.summary));

    // The map in words, as the widget's text alternative says it.
    s.push_str("<details class=\"sm-textalt\"><summary>The map as text</summary>\n<ul class=\"sm-textalt-list\">\n");
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
    s.push_str("</ul>\n</details>\n</div>\n<div class=\"sm-col sm-col-cards\">\n");

    // What they said, in article order: the first cards, then the rest behind a disclosure.
    let quotes: Vec<_> = a.quotes.iter().filter(|q| q.kind != QuoteKind::NonSpeech).collect();
    if quotes.is_empty() {
        s.push_str("<p class=\"sm-empty\">No quotes found in this text.</p>\n");
    } else {
        let _ = writeln!(s, "<p class=\"sm-count\">{} {}</p>", quotes.len(), if quotes.len() == 1 { "quote" } else { "quotes" });
    }
    let (first, rest) = quotes.split_at(quotes.len().min(FIRST_CARDS));
    for (part, start) in [(first, 0), (rest, first.len())] {
        if part.is_empty() {
            continue;
        }
        if start > 0 {
            let _ = writeln!(s, "<details class=\"sm-pre-more\"><summary>Show all {} quotes</summary>", quotes.len());
        }
        let _ = writeln!(s, "<ol class=\"sm-cards\" start=\"{}\">", start + 1);
        for q in part {
            let who = q.speaker.as_deref().and_then(|id| a.stakeholder(id));
            let kind = who.map(|st| [" ", kind_class(st.kind)].concat()).unwrap_or_default();
            let _ = write!(s, "<li><div class=\"sm-card{kind}\"><p class=\"sm-card-head\">");
            if let Some(st) = who {
                let _ = write!(
                    s,
                    "<svg class=\"sm-marker\" viewBox=\"-12 -12 24 24\" width=\"16\" height=\"16\" aria-hidden=\"true\" focusable=\"false\"><path class=\"sm-node-shape\" d=\"{}\"/></svg>",
                    shape_path(st.kind, 9.0)
                );
            }
            s.push_str("<span class=\"sm-card-who\">");
            match who {
                Some(st) => {
                    let _ = write!(s, "<strong class=\"sm-card-name\">{}</strong>", e(&st.name));
                    if let Some(r) = &st.role {
                        let _ = write!(s, "<span class=\"sm-card-role\">{}</span>", e(r));
                    }
                }
                None => s.push_str("<strong class=\"sm-card-name\">Unattributed quote</strong>"),
            }
            s.push_str("</span>");
            if let Some(st) = who {
                let _ = write!(s, "<span class=\"sm-kind-tag\">{}</span>", e(st.kind.label()));
            }
            let _ = write!(s, "</p><blockquote class=\"sm-quote\"><p>“{}”</p></blockquote>", e(q.text.trim()));
            match (q.field, q.paragraph) {
                (Field::Headline, _) => s.push_str("<p class=\"sm-card-meta\">Headline</p>"),
                (Field::Body, Some(p)) => {
                    let _ = write!(s, "<p class=\"sm-card-meta\">Paragraph {}</p>", p + 1);
                }
                _ => {}
            }
            s.push_str("</div></li>\n");
        }
        s.push_str("</ol>\n");
        if start > 0 {
            s.push_str("</details>\n");
        }
    }
    s.push_str("</div>\n</div>\n</section>\n</div>\n</template>\n");
    s
}

/// The map as the export draws it (colours as attributes), laid out for a column `width` wide at
/// the live map's aspect ratio, made fluid (`width="100%"`, the `viewBox` keeps the ratio).
fn map_picture(a: &Analysis, width: f32, class: &str) -> String {
    let (lw, lh) = layout_size(width);
    let l = layout(a, &LayoutOptions { width: lw, height: lh, max_nodes: FOLD_AT, seed: 0 });
    let svg = map_svg(a, &l, &SvgTheme::light());
    let svg = svg.split_once("?>\n").map_or(svg.as_str(), |(_, rest)| rest);
    let root_end = svg.find('>').unwrap_or(0);
    let (root, rest) = svg.split_at(root_end);
    let mut root = root.replacen("<svg ", &["<svg class=\"sm-map ", class, "\" "].concat(), 1);
    for attr in [" width=\"", " height=\""] {
        if let Some(i) = root.find(attr) {
            let j = root[i + attr.len()..].find('"').map_or(root.len(), |k| i + attr.len() + k + 1);
            root.replace_range(i..j, "");
        }
    }
    root.push_str(" width=\"100%\"");
    // Each picture its own marker ids: a reference to a marker in the hidden picture draws nothing.
    let own = ["\"", class, "-arrow-"].concat();
    let rest = rest.replace("id=\"sm-arrow-", &["id=", &own].concat()).replace("url(#sm-arrow-", &["url(#", &own[1..]].concat());
    let mut out = [root.as_str(), rest.as_str()].concat();
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out
}
