//! Exports, pure (no web dependencies): the map as a standalone SVG document (for download,
//! and for drawing onto a canvas for PNG), the quotes as CSV (RFC 4180), the analysis as JSON.
//!
//! Also the node shapes ([`shape_path`]), shared with the live widget so both draw the same.

use crate::layout::{shape_name, Layout};
use crate::model::{Analysis, QuoteKind, StakeholderKind, Stance};
use std::fmt::Write;

/// Every stakeholder kind, in legend order.
pub const KINDS: [StakeholderKind; 7] = [
    StakeholderKind::Person,
    StakeholderKind::Organisation,
    StakeholderKind::Country,
    StakeholderKind::Bloc,
    StakeholderKind::Institution,
    StakeholderKind::Media,
    StakeholderKind::Group,
];

fn f(v: f32) -> String {
    let s = crate::layout::fmt_tenths(v as f64);
    match s.strip_suffix(".0") {
        Some("-0") => "0".to_string(),
        Some(i) => i.to_string(),
        None => s,
    }
}
/// SVG path `d` of a kind's shape, centred on (0, 0), fitting inside a circle of radius `r`:
/// person circle, organisation rounded square, country hexagon, bloc diamond, institution
/// pediment (a building front), media speech bubble, group triangle.
pub fn shape_path(kind: StakeholderKind, r: f32) -> String {
    let r = if r.is_finite() { r.abs() } else { 0.0 };
    let p = |pts: &[(f32, f32)]| {
        let mut d = String::new();
        for (i, (x, y)) in pts.iter().enumerate() {
            let _ = write!(d, "{}{},{}", if i == 0 { 'M' } else { 'L' }, f(x * r), f(y * r));
        }
        d.push('Z');
        d
    };
    match kind {
        StakeholderKind::Person => {
            format!("M{},0A{r2},{r2} 0 1 0 {},0A{r2},{r2} 0 1 0 {},0Z", f(-r), f(r), f(-r), r2 = f(r))
        }
        StakeholderKind::Organisation => {
            let s = 0.76 * r;
            let c = 0.26 * r;
            let (sf, cf, inner) = (f(s), f(c), f(s - c));
            format!(
                "M-{inner},-{sf}L{inner},-{sf}A{cf},{cf} 0 0 1 {sf},-{inner}L{sf},{inner}A{cf},{cf} 0 0 1 {inner},{sf}\
                 L-{inner},{sf}A{cf},{cf} 0 0 1 -{sf},{inner}L-{sf},-{inner}A{cf},{cf} 0 0 1 -{inner},-{sf}Z"
            )
        }
        StakeholderKind::Country => p(&[(1.0, 0.0), (0.5, 0.866), (-0.5, 0.866), (-1.0, 0.0), (-0.5, -0.866), (0.5, -0.866)]),
        StakeholderKind::Bloc => p(&[(0.0, -1.0), (1.0, 0.0), (0.0, 1.0), (-1.0, 0.0)]),
        StakeholderKind::Institution => p(&[
            (0.0, -1.0),
            (0.87, -0.4),
            (0.7, -0.4),
            (0.7, 0.7),
            (-0.7, 0.7),
            (-0.7, -0.4),
            (-0.87, -0.4),
        ]),
        StakeholderKind::Media => p(&[
            (-0.8, -0.62),
            (0.8, -0.62),
            (0.8, 0.38),
            (0.1, 0.38),
            (-0.42, 0.85),
            (-0.3, 0.38),
            (-0.8, 0.38),
        ]),
        StakeholderKind::Group => p(&[(0.0, -1.0), (0.866, 0.5), (-0.866, 0.5)]),
    }
}

/// Colours and font of an exported map (SVG attribute values).
#[derive(Clone, Debug, PartialEq)]
pub struct SvgTheme {
    pub background: String,
    pub text: String,
    pub muted: String,
    pub node_stroke: String,
    /// Fill per kind, in [`KINDS`] order.
    pub kind_fill: [String; 7],
    pub positive: String,
    pub negative: String,
    pub neutral: String,
    pub font_family: String,
}

impl Default for SvgTheme {
    fn default() -> Self {
        SvgTheme::light()
    }
}

impl SvgTheme {
    pub fn light() -> Self {
        let s = |v: &str| v.to_string();
        SvgTheme {
            background: s("#ffffff"),
            text: s("#1b1f24"),
            muted: s("#5b6470"),
            node_stroke: s("#1b1f24"),
            kind_fill: [s("#dbe7f6"), s("#fde8c8"), s("#d8f0e0"), s("#e8def7"), s("#f6dada"), s("#e3e3e3"), s("#f5f0c8")],
            positive: s("#1d7a46"),
            negative: s("#b3261e"),
            neutral: s("#5b6470"),
            font_family: s("system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif"),
        }
    }
    pub fn dark() -> Self {
        let s = |v: &str| v.to_string();
        SvgTheme {
            background: s("#15181c"),
            text: s("#eef1f4"),
            muted: s("#a3acb8"),
            node_stroke: s("#eef1f4"),
            kind_fill: [s("#23405f"), s("#5a4220"), s("#1f4a33"), s("#41305e"), s("#5c2a2a"), s("#3a3d42"), s("#4e4a1e")],
            positive: s("#5cc98a"),
            negative: s("#ff8a80"),
            neutral: s("#a3acb8"),
            font_family: s("system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif"),
        }
    }
    /// The theme a page is showing: each colour and the font from the widget's `--sm-*` custom
    /// properties (docs/theming.md) as `get` returns them (computed values), so a download
    /// matches the host's brand and the light or dark scheme on screen. Unset (empty) ones keep
    /// the light defaults.
    pub fn from_properties(get: impl Fn(&str) -> String) -> Self {
        let mut t = SvgTheme::light();
        let set = |slot: &mut String, name: &str| {
            let v = get(name);
            let v = v.trim();
            if !v.is_empty() {
                *slot = v.to_string();
            }
        };
        set(&mut t.background, "--sm-map-bg");
        set(&mut t.text, "--sm-text");
        set(&mut t.muted, "--sm-muted");
        set(&mut t.node_stroke, "--sm-node-stroke");
        set(&mut t.positive, "--sm-positive");
        set(&mut t.negative, "--sm-negative");
        set(&mut t.neutral, "--sm-neutral");
        set(&mut t.font_family, "--sm-font");
        for (slot, k) in t.kind_fill.iter_mut().zip(KINDS) {
            set(slot, &["--sm-kind-", k.label()].concat());
        }
        t
    }
    fn fill(&self, k: StakeholderKind) -> &str {
        let i = KINDS.iter().position(|&x| x == k).unwrap_or(0);
        &self.kind_fill[i]
    }
    fn stance(&self, s: Stance) -> &str {
        match s {
            Stance::Positive => &self.positive,
            Stance::Negative => &self.negative,
            Stance::Neutral => &self.neutral,
        }
    }
}

/// Dash pattern of a stance (`None`: solid), so stance does not rest on colour alone.
pub fn stance_dash(s: Stance) -> Option<&'static str> {
    match s {
        Stance::Positive => None,
        Stance::Negative => Some("7 4"),
        Stance::Neutral => Some("2 4"),
    }
}


/// Escapes text for XML and HTML content and attribute values (the SVG export and `render`'s
/// HTML); characters XML 1.0 forbids, other controls and bidi overrides become U+FFFD.
pub fn xml_escape(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&apos;"),
            '\t' | '\n' | '\r' => o.push(c),
            // Other control characters (C0, DEL, C1; not allowed or discouraged in XML and HTML)
            // and the bidi embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069),
            // which could reorder what a reader sees around them, become U+FFFD.
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => o.push('\u{FFFD}'),
            '\u{7F}'..='\u{9F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => o.push('\u{FFFD}'),
            c => o.push(c),
        }
    }
    o
}


/// Height of the document [`map_svg`] writes: the map plus its legend below (a PNG of it needs
/// this, not the map's height, or the legend is cut off and the picture squashed).
pub fn map_svg_height(a: &Analysis, l: &Layout, theme: &SvgTheme) -> f32 {
    l.height + legend(a, l, theme).1
}

/// The map as a standalone SVG document: shapes per kind, names and roles, edges with
/// arrowheads, stance colour and dash, relation labels, and a legend below the map. All
/// presentation is in SVG attributes (no `style`), all text XML-escaped.
pub fn map_svg(a: &Analysis, l: &Layout, theme: &SvgTheme) -> String {
    let e = xml_escape;
    let (w, h) = (l.width, l.height);
    let (legend, legend_h) = legend(a, l, theme);
    let total_h = h + legend_h;
    let mut s = String::with_capacity(4096 + 600 * l.nodes.len() + 300 * l.edges.len());
    let _ = write!(
        s,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" \
         width=\"{}\" height=\"{}\" viewBox=\"0 0 {} {}\" font-family=\"{}\" role=\"img\">\n",
        f(w),
        f(total_h),
        f(w),
        f(total_h),
        e(&theme.font_family)
    );
    let _ = writeln!(s, "<title>{}</title>", e(&format!("Stakeholder map: {}", a.headline)));
    let _ = writeln!(s, "<desc>{}</desc>", e(&summary(a, l)));
    s.push_str("<defs>\n");
    for st in [Stance::Positive, Stance::Negative, Stance::Neutral] {
        let _ = writeln!(
            s,
            "<marker id=\"sm-arrow-{}\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerUnits=\"userSpaceOnUse\" \
             markerWidth=\"9\" markerHeight=\"9\" orient=\"auto\"><path d=\"M0,0L10,5L0,10Z\" fill=\"{}\"/></marker>",
            st.label(),
            e(theme.stance(st))
        );
    }
    s.push_str("</defs>\n");
    let _ = writeln!(s, "<rect x=\"0\" y=\"0\" width=\"{}\" height=\"{}\" fill=\"{}\"/>", f(w), f(total_h), e(&theme.background));

    fn name_of<'a>(a: &'a Analysis, id: &'a str) -> &'a str {
        a.stakeholder(id).map(|x| x.name.as_str()).unwrap_or(id)
    }
    // edges
    s.push_str("<g fill=\"none\" stroke-width=\"1.6\">\n");
    for ed in &l.edges {
        let Some(r) = a.relations.get(ed.relation) else { continue };
        let col = theme.stance(r.stance);
        let dash = stance_dash(r.stance).map(|d| format!(" stroke-dasharray=\"{d}\"")).unwrap_or_default();
        let _ = writeln!(
            s,
            "<path d=\"{}\" stroke=\"{}\"{} marker-end=\"url(#sm-arrow-{})\"><title>{}</title></path>",
            e(&ed.path),
            e(col),
            dash,
            r.stance.label(),
            e(&format!(
                "{} {}{} {} ({}{})",
                name_of(a, &r.source),
                if r.negated { "not " } else { "" },
                r.kind.label(),
                name_of(a, &r.target),
                r.stance.label(),
                if ed.also.is_empty() { String::new() } else { format!(", stated {} times", ed.also.len() + 1) }
            ))
        );
    }
    s.push_str("</g>\n");
    // edge labels (small, with a halo in the background colour)
    let _ = writeln!(
        s,
        "<g font-size=\"{}\" text-anchor=\"middle\" fill=\"{}\" stroke=\"{}\" stroke-width=\"3\" paint-order=\"stroke\" stroke-linejoin=\"round\">",
        f(crate::layout::EDGE_LABEL_PX),
        e(&theme.muted),
        e(&theme.background)
    );
    // every label at once here (the widget shows one node's at a time): skip any that would
    // overlap one already drawn
    let mut drawn: Vec<&crate::layout::EdgePos> = Vec::new();
    for ed in l.edges.iter().filter(|ed| ed.label_free) {
        if drawn.iter().any(|d| crate::layout::edge_labels_overlap(d, ed)) {
            continue;
        }
        drawn.push(ed);
        let _ = writeln!(s, "<text x=\"{}\" y=\"{}\">{}</text>", f(ed.label_x), f(ed.label_y + 3.5), e(&ed.label));
    }
    s.push_str("</g>\n");
    // nodes; labels get a halo in the background colour so edges under them stay readable
    let halo = format!(" stroke=\"{}\" stroke-width=\"3\" paint-order=\"stroke\" stroke-linejoin=\"round\"", e(&theme.background));
    for n in &l.nodes {
        let Some(st) = a.stakeholder(&n.id) else { continue };
        let _ = writeln!(
            s,
            "<g><title>{}</title><path transform=\"translate({},{})\" d=\"{}\" fill=\"{}\" stroke=\"{}\" stroke-width=\"1.5\"/>",
            e(&format!(
                "{}{} ({}, {} mentions, {} quotes)",
                st.name,
                st.role.as_deref().map(|r| format!(", {r}")).unwrap_or_default(),
                st.kind.label(),
                st.mention_count,
                st.quote_count
            )),
            f(n.x),
            f(n.y),
            shape_path(st.kind, n.r),
            e(theme.fill(st.kind)),
            e(&theme.node_stroke)
        );
        for line in &n.label_lines {
            let _ = writeln!(
                s,
                "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"{}\"{} fill=\"{}\"{}>{}</text>",
                f(n.label_x),
                f(line.y),
                f(line.px),
                if line.bold { " font-weight=\"bold\"" } else { "" },
                e(if line.bold { &theme.text } else { &theme.muted }),
                halo,
                e(&line.text)
            );
        }
        s.push_str("</g>\n");
    }
    s.push_str(&legend);
    s.push_str("</svg>\n");
    s
}

/// One line saying what the map shows ("14 stakeholders; JD Vance is quoted most, 7 times").
pub fn summary(a: &Analysis, l: &Layout) -> String {
    let n = a.stakeholders.len();
    let mut s = format!("{n} stakeholder{}", if n == 1 { "" } else { "s" });
    if let Some(top) = a.stakeholders.iter().filter(|s| s.quote_count > 0).max_by(|x, y| x.quote_count.cmp(&y.quote_count).then(y.id.cmp(&x.id))) {
        let _ = write!(s, "; {} is quoted most, {} time{}", top.name, top.quote_count, if top.quote_count == 1 { "" } else { "s" });
    }
    let _ = write!(s, "; {} relation{} shown", l.edges.len(), if l.edges.len() == 1 { "" } else { "s" });
    if !l.folded.is_empty() {
        let _ = write!(s, "; {} minor stakeholder{} not drawn", l.folded.len(), if l.folded.len() == 1 { "" } else { "s" });
    }
    let _ = write!(s, ". Shapes: {}.", KINDS.iter().map(|&k| format!("{} {}", k.label(), shape_name(k))).collect::<Vec<_>>().join(", "));
    s
}

/// One CSV cell, quoted when RFC 4180 needs it. Cells that a spreadsheet would read as a
/// formula get a leading apostrophe (OWASP's CSV injection advice: a first character `=`, `+`,
/// `-`, `@`, tab or carriage return).
pub fn csv_cell(v: &str) -> String {
    let guarded;
    let v = if v.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        guarded = format!("'{v}");
        guarded.as_str()
    } else {
        v
    };
    if v.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", v.replace('"', "\"\""))
    } else {
        v.to_string()
    }
}

fn quote_kind(k: QuoteKind) -> &'static str {
    match k {
        QuoteKind::Direct => "direct",
        QuoteKind::Partial => "partial",
        QuoteKind::NonSpeech => "non_speech",
    }
}

/// The quotes as CSV (RFC 4180: CRLF line ends, quoted cells when needed), one row per quote
/// in article order: id, speaker, role, quote, kind, paragraph (1-based; "headline" for the
/// headline), confidence, cue, citation (headline and date).
pub fn quotes_csv(a: &Analysis) -> String {
    let mut s = String::from("id,speaker,speaker_role,quote,kind,paragraph,confidence,cue,citation\r\n");
    let citation = match a.date.as_deref().filter(|d| !d.trim().is_empty()) {
        Some(d) => format!("\u{201C}{}\u{201D}, {}", a.headline.trim(), d.trim()),
        None => format!("\u{201C}{}\u{201D}", a.headline.trim()),
    };
    for q in &a.quotes {
        let sp = q.speaker.as_deref().and_then(|id| a.stakeholder(id));
        let para = match (q.field, q.paragraph) {
            (crate::model::Field::Headline, _) => "headline".to_string(),
            (_, Some(p)) => (p + 1).to_string(),
            (_, None) => String::new(),
        };
        // two decimals by integer formatting (float formatting would add ~10 KB of wasm)
        let conf = if q.confidence.is_finite() {
            let c = (q.confidence.clamp(0.0, 1.0) * 100.0).round() as u32;
            format!("{}.{:02}", c / 100, c % 100)
        } else {
            String::new()
        };
        let cells = [
            q.id.clone(),
            sp.map(|x| x.name.clone()).unwrap_or_default(),
            sp.and_then(|x| x.role.clone()).unwrap_or_default(),
            q.text.clone(),
            quote_kind(q.kind).to_string(),
            para,
            conf,
            q.cue.as_ref().map(|c| c.text.clone()).unwrap_or_default(),
            citation.clone(),
        ];
        let row: Vec<String> = cells.iter().map(|c| csv_cell(c)).collect();
        s.push_str(&row.join(","));
        s.push_str("\r\n");
    }
    s
}

/// The whole analysis as pretty JSON (the documented schema).
pub fn analysis_json(a: &Analysis) -> String {
    match serde_json::to_string_pretty(a) {
        Ok(s) => s,
        Err(err) => format!("{{\"error\": {}}}", serde_json::Value::String(err.to_string())),
    }
}

/// The legend below the map, flowing onto as many rows as the width needs: the kinds shown
/// (all when none), the three stances, and what is folded. Returns (SVG, height).
fn legend(a: &Analysis, l: &Layout, theme: &SvgTheme) -> (String, f32) {
    let e = xml_escape;
    let (w, h) = (l.width, l.height);
    let tw = |t: &str| 1.15 * crate::layout::text_width(t, 11.0, false);
    let mut s = String::new();
    let _ = writeln!(s, "<g font-size=\"11\" fill=\"{}\">", e(&theme.text));
    let _ = writeln!(
        s,
        "<line x1=\"8\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"0.5\"/>",
        f(h + 2.0),
        f(w - 8.0),
        f(h + 2.0),
        e(&theme.muted)
    );
    let present: Vec<StakeholderKind> = KINDS
        .iter()
        .copied()
        .filter(|k| l.nodes.iter().any(|n| a.stakeholder(&n.id).map(|s| s.kind) == Some(*k)))
        .collect();
    let kinds = if present.is_empty() { KINDS.to_vec() } else { present };
    const ROW: f32 = 22.0;
    let (mut x, mut y) = (14.0f32, h + 18.0);
    // moves to the next row when an item of width `iw` does not fit
    let mut at = |iw: f32| {
        if x > 14.0 && x + iw > w - 8.0 {
            x = 14.0;
            y += ROW;
        }
        let p = (x, y);
        x += iw;
        p
    };
    for k in kinds {
        let label = k.label();
        let (x, y) = at(24.0 + tw(label));
        let _ = writeln!(
            s,
            "<path transform=\"translate({},{})\" d=\"{}\" fill=\"{}\" stroke=\"{}\" stroke-width=\"1\"/><text x=\"{}\" y=\"{}\">{}</text>",
            f(x),
            f(y),
            shape_path(k, 6.0),
            e(theme.fill(k)),
            e(&theme.node_stroke),
            f(x + 10.0),
            f(y + 4.0),
            label
        );
    }
    for st in [Stance::Positive, Stance::Negative, Stance::Neutral] {
        let dash = stance_dash(st).map(|d| format!(" stroke-dasharray=\"{d}\"")).unwrap_or_default();
        let (x, y) = at(46.0 + tw(st.label()));
        let _ = writeln!(
            s,
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"1.6\"{} marker-end=\"url(#sm-arrow-{})\"/><text x=\"{}\" y=\"{}\">{}</text>",
            f(x),
            f(y),
            f(x + 26.0),
            f(y),
            e(theme.stance(st)),
            dash,
            st.label(),
            f(x + 34.0),
            f(y + 4.0),
            st.label()
        );
    }
    if !l.folded.is_empty() {
        let names: Vec<&str> = l.folded.iter().map(|id| a.stakeholder(id).map(|x| x.name.as_str()).unwrap_or(id)).collect();
        // as many names as fit on one row
        let room = ((w - 40.0) / (11.0 * 0.6)).max(12.0) as usize;
        let text = crate::layout::shorten(&format!("+{} more: {}", l.folded.len(), names.join(", ")), room);
        let (x, y) = at(tw(&text) + 8.0);
        let _ = writeln!(s, "<text x=\"{}\" y=\"{}\" fill=\"{}\">{}</text>", f(x), f(y + 4.0), e(&theme.muted), e(&text));
    }
    s.push_str("</g>\n");
    let height = y - h + 16.0;
    (s, height)
}
