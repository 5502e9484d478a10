//! Seeded, deterministic graph layout (same article, same picture).
//!
//! Steps, all pure and at most `O(n²)` in the number of shown nodes (beyond `BIG` = 64 shown
//! nodes, step 2 does fewer sweeps and step 4 visits only nearby pairs, so that 200 nodes lay
//! out within a frame; up to 64 the pictures are exactly those of the full method; label and
//! edge-label spots look only at the nodes near them, through a sorted index, with the same
//! answers as a scan of all):
//! 1. order stakeholders by importance (prominence, then quotes, then mentions); keep at most
//!    `max_nodes` and as many as the viewport can hold readably, fold the rest;
//! 2. stress majorization (SMACOF with localized updates) on graph distances (relations and
//!    affiliations), with a fixed virtual centre node whose ideal distance to each node grows
//!    with its rank, so the main actors sit in the middle; start positions come from a
//!    splitmix64 stream seeded by the article's stakeholder ids and `opts.seed`;
//! 3. fit to the viewport around its centre (node boxes inside the margins);
//! 4. overlap removal on node boxes (shape plus label below), inside the viewport; then the
//!    picture is centred and spread into free room;
//! 5. label placement: of the free spots below, above, right and left, the one crossed by the
//!    fewest edges (below on a tie), then diagonals, then nudged positions; a label never
//!    overlaps another label or any node, and nodes never overlap; when that cannot be had,
//!    the least important node is folded and steps 3-5 are redone;
//! 6. edges ([`route_edges`]) from rim to rim, curved (quadratic) when several relations join
//!    the same pair or a third node sits on the straight line; repeated relations (same ends,
//!    kind, stance) share one edge ([`EdgePos::also`]); edge labels slide along the edge to a
//!    free spot.
//!
//! Only `+ - * /` and `sqrt` are used on floats in the layout (IEEE-exact on every platform,
//! no trig), and every output coordinate is rounded to 0.1, so native and wasm32 give
//! bit-identical layouts (`tests/layout.rs` pins fingerprints and runs on both).
//!
//! For the widget: draw each node's shape with [`crate::export::shape_path`] (every shape fits
//! in the radius `r`, which the overlap guarantees assume) and its label from
//! [`NodePos::label_lines`] (names and roles wrap onto two lines); after a drag, move the
//! node's label with it and call [`route_edges`]; arrow keys: [`Layout::neighbour_towards`];
//! "show all": lay out in [`room_for`] and zoom. Benchmarks: [`synthetic_analysis`].
//!
//! The API below is the contract the widget codes against: add fields, do not rename.

use crate::model::{Analysis, StakeholderKind};

mod edges;
mod place;
mod stress;
mod synthetic;
pub use edges::{edge_labels_overlap, route_edges};
use place::{fit, label_spot, recentre, segments, separate};
use stress::stress;
pub use synthetic::synthetic_analysis;

/// Font size (px) of a node's name line. Names are drawn bold.
pub const NAME_PX: f32 = 13.0;
/// Font size (px) of a node's role line.
pub const ROLE_PX: f32 = 11.0;
/// Height of the name line in a label box.
pub const NAME_LINE: f32 = 16.0;
/// Height of the role line in a label box.
pub const ROLE_LINE: f32 = 14.0;
/// Longest name / role shown in a label (in chars, an ellipsis replaces the rest).
pub const NAME_MAX_CHARS: usize = 44;
pub const ROLE_MAX_CHARS: usize = 52;
/// Font size (px) of edge labels.
pub const EDGE_LABEL_PX: f32 = 10.0;
/// Smallest and largest node radius.
pub const R_MIN: f32 = 10.0;
pub const R_MAX: f32 = 28.0;

#[derive(Clone, Debug, PartialEq)]
pub struct LayoutOptions {
    /// Drawing area in SVG user units.
    pub width: f32,
    pub height: f32,
    /// Most nodes to show; the least prominent beyond this fold into "+N more".
    pub max_nodes: usize,
    /// Extra seed mixed into the article's own seed (0 for the default picture).
    pub seed: u64,
}

impl Default for LayoutOptions {
    fn default() -> Self {
        LayoutOptions { width: 640.0, height: 480.0, max_nodes: 14, seed: 0 }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct NodePos {
    /// Stakeholder id.
    pub id: String,
    /// Centre.
    pub x: f32,
    pub y: f32,
    /// Radius of the node's shape (see [`crate::export::shape_path`]: every shape fits in it).
    pub r: f32,
    /// The label box (name + role): `label_x` is its horizontal centre (draw the text with
    /// `text-anchor="middle"` at `label_x`), `label_y` its top edge; `label_w` × `label_h` its
    /// size. Label boxes never overlap each other or any node's circle.
    pub label_x: f32,
    pub label_y: f32,
    pub label_w: f32,
    pub label_h: f32,
    /// The name as shown (shortened with "…" beyond [`NAME_MAX_CHARS`]), for titles and
    /// accessible names. Draw [`NodePos::label_lines`]: a long name wraps onto two lines.
    pub label_name: String,
    /// Baseline of the first name line.
    pub name_y: f32,
    /// The role as shown (shortened beyond [`ROLE_MAX_CHARS`]); `None` when none.
    pub label_role: Option<String>,
    /// Baseline of the first role line (the last name line's baseline when there is no role).
    pub role_y: f32,
    /// What to draw in the label box, top to bottom: one or two name lines (bold, [`NAME_PX`])
    /// then zero to two role lines ([`ROLE_PX`]), each centred on `label_x` at baseline `y`.
    pub label_lines: Vec<LabelLine>,
}

/// One line of a node label.
#[derive(Clone, Debug, PartialEq)]
pub struct LabelLine {
    pub text: String,
    /// Baseline.
    pub y: f32,
    /// Font size (px).
    pub px: f32,
    pub bold: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct EdgePos {
    /// Index into `Analysis::relations`.
    pub relation: usize,
    pub source: String,
    pub target: String,
    /// SVG path `d` from the source's rim to the target's rim (curved when parallel edges exist).
    /// It ends a few units short of the target's rim, leaving room for an arrowhead marker.
    pub path: String,
    /// Where the edge label sits: the middle of the (curved) path.
    pub label_x: f32,
    pub label_y: f32,
    /// Start and end points of the path, and its quadratic control point (the midpoint of the
    /// ends for a straight edge).
    pub x1: f32,
    pub y1: f32,
    pub x2: f32,
    pub y2: f32,
    pub cx: f32,
    pub cy: f32,
    /// True when the path is a curve (the pair has several relations).
    pub curved: bool,
    /// The label's text, relation kind and stance in words ("rules out · negative",
    /// "not supports · positive"), and its estimated box, centred on
    /// (`label_x`, `label_y`), drawn at [`EDGE_LABEL_PX`].
    pub label: String,
    pub label_w: f32,
    pub label_h: f32,
    /// True when the label box is clear of every node, node label and the earlier label of
    /// every edge sharing an endpoint with this one (the layout slides it along the edge to find
    /// such a spot); false when no spot was free.
    pub label_free: bool,
    /// Indices of further relations drawn by this edge: the same source, target, kind, stance
    /// and negation stated again elsewhere in the article (empty for most edges).
    pub also: Vec<usize>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    pub width: f32,
    pub height: f32,
    /// Shown nodes, most prominent first.
    pub nodes: Vec<NodePos>,
    /// Edges between shown nodes.
    pub edges: Vec<EdgePos>,
    /// Ids of stakeholders folded away (least prominent), for the "+N more" control,
    /// most prominent first.
    pub folded: Vec<String>,
}

impl Layout {
    pub fn node(&self, id: &str) -> Option<&NodePos> {
        self.nodes.iter().find(|n| n.id == id)
    }

    /// Ids of the shown nodes joined to `id` by an edge (either direction), in layout order.
    pub fn neighbours(&self, id: &str) -> Vec<&str> {
        self.nodes
            .iter()
            .map(|n| n.id.as_str())
            .filter(|&other| {
                other != id
                    && self.edges.iter().any(|e| (e.source == id && e.target == other) || (e.target == id && e.source == other))
            })
            .collect()
    }

    /// For arrow-key navigation along edges: the neighbour of `from` that lies most nearly in
    /// direction (`dx`, `dy`) (screen coordinates, y down; e.g. (1, 0) for ArrowRight), within
    /// 90° of it; nearer neighbours win among similar directions. `None` when there is none.
    pub fn neighbour_towards(&self, from: &str, dx: f32, dy: f32) -> Option<&str> {
        let f = self.node(from)?;
        let dl = (dx * dx + dy * dy).sqrt();
        if dl.is_nan() || dl <= 0.0 {
            return None;
        }
        let (ux, uy) = (dx / dl, dy / dl);
        let mut best: Option<(f32, &str)> = None;
        for id in self.neighbours(from) {
            let Some(n) = self.node(id) else { continue };
            let (vx, vy) = (n.x - f.x, n.y - f.y);
            let len = (vx * vx + vy * vy).sqrt().max(1e-3);
            let cos = (vx * ux + vy * uy) / len;
            if cos <= 0.0 {
                continue;
            }
            // smaller is better: angle first, distance second
            let score = (1.0 - cos) * 4.0 + len / (self.width.max(self.height).max(1.0));
            if best.map(|(b, _)| score < b).unwrap_or(true) {
                best = Some((score, id));
            }
        }
        best.map(|(_, id)| id)
    }
}

// ---------------------------------------------------------------------------------------------
// Seeded randomness

/// splitmix64: tiny, fast, good enough for start positions, identical on every platform.
#[derive(Clone, Debug)]
pub struct SplitMix64(u64);

impl SplitMix64 {
    pub fn new(seed: u64) -> Self {
        SplitMix64(seed)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in [0, 1).
    pub fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
    /// Uniform in [0, n) (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }
}

/// The layout seed of an article: FNV-1a over its stakeholder ids, mixed with `extra`.
pub fn article_seed(a: &Analysis, extra: u64) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for s in &a.stakeholders {
        for b in s.id.bytes().chain(std::iter::once(0u8)) {
            h ^= b as u64;
            h = h.wrapping_mul(0x0000_0100_0000_01B3);
        }
    }
    let mut m = SplitMix64::new(h ^ extra.wrapping_mul(0x9E37_79B9_7F4A_7C15));
    m.next_u64()
}

// ---------------------------------------------------------------------------------------------
// Text metrics (estimates from character classes; no font access in pure code)

fn char_em(c: char) -> f32 {
    match c {
        'i' | 'l' | 'j' | '.' | ',' | '\'' | '|' | '!' | ':' | ';' | '’' | '‘' => 0.30,
        ' ' | 'f' | 't' | 'r' | 'I' | '(' | ')' | '-' | '/' => 0.38,
        'm' | 'w' => 0.88,
        'M' | 'W' => 0.95,
        '—' => 1.0,
        c if c.is_ascii_uppercase() => 0.70,
        c if c.is_ascii_digit() => 0.58,
        c if c.is_ascii() => 0.56,
        // CJK, Hangul, kana and other wide scripts
        c if ('\u{1100}'..='\u{11FF}').contains(&c)
            || ('\u{2E80}'..='\u{A4CF}').contains(&c)
            || ('\u{AC00}'..='\u{D7AF}').contains(&c)
            || ('\u{F900}'..='\u{FAFF}').contains(&c)
            || ('\u{FF00}'..='\u{FF60}').contains(&c) =>
        {
            1.0
        }
        c if c.is_uppercase() => 0.70,
        _ => 0.60,
    }
}

/// Estimated rendered width (px) of `s` at `font_px`, a little generous so real text fits.
/// Checked against canvas `measureText` in Chromium: DejaVu Sans (the widest common UI font)
/// regular comes out at 0.91-1.00 of the estimate and bold at up to 1.07 of the 1.07-factor
/// estimate, hence the 1.12 bold factor; Arial and Georgia measure 10-25 % under it.
pub fn text_width(s: &str, font_px: f32, bold: bool) -> f32 {
    let em: f32 = s.chars().map(char_em).sum();
    em * font_px * if bold { 1.12 } else { 1.0 }
}

/// `s` cut to at most `max` chars, with "…" when cut.
pub fn shorten(s: &str, max: usize) -> String {
    let s = s.trim();
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
    while out.ends_with(' ') {
        out.pop();
    }
    out.push('…');
    out
}

// ---------------------------------------------------------------------------------------------
// Geometry helpers

#[derive(Clone, Copy, Debug, PartialEq)]
struct Rect {
    x0: f64,
    y0: f64,
    x1: f64,
    y1: f64,
}

impl Rect {
    fn overlaps(&self, o: &Rect, pad: f64) -> bool {
        self.x0 < o.x1 + pad && o.x0 < self.x1 + pad && self.y0 < o.y1 + pad && o.y0 < self.y1 + pad
    }
    fn hits_circle(&self, cx: f64, cy: f64, r: f64, pad: f64) -> bool {
        let nx = cx.max(self.x0).min(self.x1);
        let ny = cy.max(self.y0).min(self.y1);
        let (dx, dy) = (cx - nx, cy - ny);
        let rr = r + pad;
        dx * dx + dy * dy < rr * rr
    }
    fn inside(&self, w: f64, h: f64, pad: f64) -> bool {
        self.x0 >= pad && self.y0 >= pad && self.x1 <= w - pad && self.y1 <= h - pad
    }
}

/// Boxes sorted by their left edge, to visit only those that can come near a query box: a
/// filter in front of the exact tests (which stay as they were), so answers are the same as
/// a scan over all boxes, in `O(log n + nearby)` instead of `O(n)`.
struct Near {
    by_x0: Vec<usize>,
    x0: Vec<f64>,
    widest: f64,
}

impl Near {
    fn new(boxes: &[Rect]) -> Near {
        let mut by_x0: Vec<usize> = (0..boxes.len()).collect();
        crate::text::sort_usize_by(&mut by_x0, &|a, b| boxes[a].x0.total_cmp(&boxes[b].x0));
        let x0 = by_x0.iter().map(|&i| boxes[i].x0).collect();
        let widest = boxes.iter().map(|b| b.x1 - b.x0).fold(0.0, f64::max);
        Near { by_x0, x0, widest }
    }
    /// Indices of the boxes that may come within `pad` of `r` horizontally (1 unit to spare).
    fn around(&self, r: &Rect, pad: f64) -> &[usize] {
        let (lo, hi) = (r.x0 - pad - self.widest - 1.0, r.x1 + pad + 1.0);
        let from = self.x0.partition_point(|&v| v < lo);
        let to = self.x0.partition_point(|&v| v <= hi).max(from);
        &self.by_x0[from..to]
    }
}

/// Rounds to 0.1 (all outputs go through this, for bit-identical pictures everywhere).
fn r1(v: f64) -> f64 {
    if v.is_finite() {
        (v * 10.0).round() / 10.0
    } else {
        0.0
    }
}

fn fmt1(v: f64) -> String {
    fmt_tenths(v)
}

/// `v` rounded to 0.1 and written with one decimal ("12.3", "-0.5", "7.0"), fast (integer
/// formatting only) and identical on every platform; non-finite values write "0.0".
pub fn fmt_tenths(v: f64) -> String {
    let t = if v.is_finite() { (v * 10.0).round() } else { 0.0 };
    let t = t.clamp(-1e15, 1e15) as i64;
    let (sign, a) = if t < 0 { ("-", t.unsigned_abs()) } else { ("", t as u64) };
    format!("{sign}{}.{}", a / 10, a % 10)
}
// ---------------------------------------------------------------------------------------------
// The layout

/// Per shown node, what the steps below need.
struct Item {
    idx: usize,
    r: f64,
    name: String,
    role: Option<String>,
    name_lines: Vec<String>,
    role_lines: Vec<String>,
    lw: f64,
    lh: f64,
}

const LABEL_GAP: f64 = 4.0; // between a shape and its label
const LABEL_PAD: f64 = 3.0; // kept free around labels and nodes
const VIEW_PAD: f64 = 4.0; // kept free along the viewport's edges
const BOX_PAD: f64 = 8.0; // between node boxes in overlap removal
/// Beyond this many shown nodes, stress majorization does fewer sweeps and overlap removal
/// visits only nearby pairs (`O(n²)` work per step would not fit a frame); pictures of up to
/// `BIG` nodes are laid out exactly as before (pinned fingerprints).
const BIG: usize = 64;

/// Importance of every stakeholder in 0..=1 (prominence first, quotes and mentions after).
fn importance(a: &Analysis) -> Vec<f64> {
    let qmax = a.stakeholders.iter().map(|s| s.quote_count).max().unwrap_or(0).max(1) as f64;
    let mmax = a.stakeholders.iter().map(|s| s.mention_count).max().unwrap_or(0).max(1) as f64;
    a.stakeholders
        .iter()
        .map(|s| {
            let p = if s.prominence.is_finite() { (s.prominence as f64).clamp(0.0, 1.0) } else { 0.0 };
            (0.55 * p + 0.25 * s.quote_count as f64 / qmax + 0.20 * s.mention_count as f64 / mmax).clamp(0.0, 1.0)
        })
        .collect()
}

/// Stakeholder indices, most important first (ties: prominence, quotes, mentions, then order).
fn order(a: &Analysis, imp: &[f64]) -> Vec<usize> {
    let mut o: Vec<usize> = (0..a.stakeholders.len()).collect();
    let p = |i: usize| {
        let v = a.stakeholders[i].prominence;
        if v.is_finite() {
            v
        } else {
            0.0
        }
    };
    crate::text::sort_usize_by(&mut o, &|x, y| {
        p(y).total_cmp(&p(x))
            .then(imp[y].total_cmp(&imp[x]))
            .then(a.stakeholders[y].quote_count.cmp(&a.stakeholders[x].quote_count))
            .then(a.stakeholders[y].mention_count.cmp(&a.stakeholders[x].mention_count))
            .then(x.cmp(&y))
    });
    o
}

/// `text` on one line, or on two balanced lines (split at a space) when wider than `max_px`.
pub fn wrap2(text: &str, px: f32, bold: bool, max_px: f32) -> Vec<String> {
    let text = text.trim();
    if text_width(text, px, bold) <= max_px || !text.contains(' ') {
        return vec![text.to_string()];
    }
    let mut best: Option<(f32, usize)> = None;
    for (i, c) in text.char_indices() {
        if c == ' ' {
            let wl = text_width(&text[..i], px, bold).max(text_width(&text[i + 1..], px, bold));
            if best.map(|(b, _)| wl < b).unwrap_or(true) {
                best = Some((wl, i));
            }
        }
    }
    match best {
        Some((_, i)) => vec![text[..i].trim_end().to_string(), text[i + 1..].trim_start().to_string()],
        None => vec![text.to_string()],
    }
}

/// Names and roles wider than this wrap onto a second line.
pub const NAME_WRAP_PX: f32 = 150.0;
pub const ROLE_WRAP_PX: f32 = 150.0;
/// Longest line of a wrapped label (chars).
pub const LINE_MAX_CHARS: usize = 24;

fn make_item(a: &Analysis, i: usize, imp: f64) -> Item {
    let s = &a.stakeholders[i];
    let name = shorten(if s.name.trim().is_empty() { &s.id } else { &s.name }, NAME_MAX_CHARS);
    let role = s.role.as_deref().map(|r| shorten(r, ROLE_MAX_CHARS)).filter(|r| !r.is_empty());
    let name_lines: Vec<String> =
        wrap2(&name, NAME_PX, true, NAME_WRAP_PX).iter().map(|l| shorten(l, LINE_MAX_CHARS)).collect();
    let role_lines: Vec<String> = role
        .as_deref()
        .map(|r| wrap2(r, ROLE_PX, false, ROLE_WRAP_PX).iter().map(|l| shorten(l, LINE_MAX_CHARS + 4)).collect())
        .unwrap_or_default();
    let mut lw: f64 = 0.0;
    for l in &name_lines {
        lw = lw.max(text_width(l, NAME_PX, true) as f64);
    }
    for l in &role_lines {
        lw = lw.max(text_width(l, ROLE_PX, false) as f64);
    }
    let lh = NAME_LINE as f64 * name_lines.len() as f64 + ROLE_LINE as f64 * role_lines.len() as f64;
    Item {
        idx: i,
        r: R_MIN as f64 + (R_MAX - R_MIN) as f64 * imp.sqrt(),
        name,
        role,
        name_lines,
        role_lines,
        lw: r1(lw + 6.0),
        lh: r1(lh + 2.0),
    }
}

/// Node boxes may cover at most this share of the viewport (beyond it, fold).
const CAPACITY: f64 = 0.5;

fn box_area(it: &Item) -> f64 {
    let (hw, up, down) = box_extent(it);
    (2.0 * hw + BOX_PAD) * (up + down + BOX_PAD)
}

/// The drawing area, of the same shape as `width` × `height` and no smaller, that would hold
/// the `max_nodes` most prominent stakeholders readably. The layout folds stakeholders that do
/// not fit the viewport even below `max_nodes`; to show them all ("show all"), lay out in this
/// larger area and let the viewer zoom.
pub fn room_for(a: &Analysis, width: f32, height: f32, max_nodes: usize) -> (f32, f32) {
    let clean = |v: f32, d: f32| if v.is_finite() && v >= 1.0 { v.min(100_000.0) } else { d };
    let (w, h) = (clean(width, 640.0) as f64, clean(height, 480.0) as f64);
    let imp = importance(a);
    let ord = order(a, &imp);
    let area: f64 = ord.iter().take(max_nodes).map(|&i| box_area(&make_item(a, i, imp[i]))).sum();
    // a little extra room: packing is never perfect
    let s = (1.15 * area / (CAPACITY * w * h)).sqrt().max(1.0);
    let s = if s.is_finite() { s.min(100.0) } else { 1.0 };
    ((w * s).ceil() as f32, (h * s).ceil() as f32)
}

/// Extent of a node box (shape plus label below) around its centre: (half width, above, below).
fn box_extent(it: &Item) -> (f64, f64, f64) {
    (it.r.max(it.lw / 2.0), it.r, it.r + LABEL_GAP + it.lh)
}

/// Lays out the analysis' stakeholders and relations. Never panics; no NaN in the output.
pub fn layout(a: &Analysis, opts: &LayoutOptions) -> Layout {
    let clean = |v: f32, d: f32| if v.is_finite() && v >= 1.0 { v.min(100_000.0) } else { d };
    let (w, h) = (clean(opts.width, 640.0) as f64, clean(opts.height, 480.0) as f64);
    let imp = importance(a);
    let ord = order(a, &imp);
    let mut n_show = ord.len().min(opts.max_nodes);

    // Capacity: the node boxes must cover at most about half the viewport to be readable.
    let items_all: Vec<Item> = ord.iter().take(n_show).map(|&i| make_item(a, i, imp[i])).collect();
    let mut area = 0.0;
    for (k, it) in items_all.iter().enumerate() {
        area += box_area(it);
        if k > 0 && area > CAPACITY * w * h {
            n_show = k;
            break;
        }
    }
    let mut items = items_all;
    items.truncate(n_show);

    let seed = article_seed(a, opts.seed);
    let mut start = stress(a, &items, seed);
    loop {
        match place(a, &items, start.clone(), w, h) {
            Ok(nodes) => {
                let edges = route_edges(a, &nodes);
                let folded = ord[items.len()..].iter().map(|&i| a.stakeholders[i].id.clone()).collect();
                return Layout { width: w as f32, height: h as f32, nodes, edges, folded };
            }
            Err(()) => {
                items.pop();
                start.pop();
            }
        }
    }
}

/// Positions and labels for `items`; `Err` when some label cannot be placed (never for <= 1 item).
#[allow(clippy::type_complexity)]
fn place(a: &Analysis, items: &[Item], mut pos: Vec<(f64, f64)>, w: f64, h: f64) -> Result<Vec<NodePos>, ()> {
    let n = items.len();
    fit(items, &mut pos, w, h);
    separate(items, &mut pos, w, h);
    recentre(items, &mut pos, w, h);
    for p in pos.iter_mut() {
        p.0 = r1(p.0);
        p.1 = r1(p.1);
    }
    // Nodes must not overlap (overlap removal can fail to converge in a crowded view).
    for i in 0..n {
        for j in (i + 1)..n {
            let (dx, dy) = (pos[i].0 - pos[j].0, pos[i].1 - pos[j].1);
            let rr = items[i].r + items[j].r + 2.0;
            if dx * dx + dy * dy < rr * rr {
                return Err(());
            }
        }
    }
    // labels, most important first, avoiding the straight lines between related nodes
    let segs = segments(a, items, &pos);
    let circles = Near::new(&items.iter().zip(&pos).map(|(it, &(x, y))| Rect { x0: x - it.r, y0: y - it.r, x1: x + it.r, y1: y + it.r }).collect::<Vec<_>>());
    let below: Vec<Rect> = items
        .iter()
        .zip(&pos)
        .map(|(o, &(xj, yj))| {
            let y0 = yj + o.r + LABEL_GAP;
            Rect { x0: xj - o.lw / 2.0, y0, x1: xj + o.lw / 2.0, y1: y0 + o.lh }
        })
        .collect();
    let near = (circles, Near::new(&below), below);
    let mut placed: Vec<Rect> = Vec::with_capacity(n);
    let mut nodes = Vec::with_capacity(n);
    for (k, it) in items.iter().enumerate() {
        let (x, y) = pos[k];
        let rect = match label_spot(it, x, y, k, items, &pos, &placed, &segs, &near, w, h) {
            Some(r) => r,
            None if n <= 1 => {
                let x0 = r1((x - it.lw / 2.0).max(0.0));
                Rect { x0, y0: r1(y + it.r + LABEL_GAP), x1: x0 + it.lw, y1: r1(y + it.r + LABEL_GAP) + it.lh }
            }
            None => return Err(()),
        };
        placed.push(rect);
        let s = &a.stakeholders[it.idx];
        let mut lines = Vec::with_capacity(it.name_lines.len() + it.role_lines.len());
        let mut ly = rect.y0 + 12.5;
        for (k, t) in it.name_lines.iter().enumerate() {
            if k > 0 {
                ly += NAME_LINE as f64;
            }
            lines.push(LabelLine { text: t.clone(), y: r1(ly) as f32, px: NAME_PX, bold: true });
        }
        let name_y = r1(rect.y0 + 12.5);
        let mut role_y = r1(ly);
        for (k, t) in it.role_lines.iter().enumerate() {
            ly += ROLE_LINE as f64;
            if k == 0 {
                role_y = r1(ly);
            }
            lines.push(LabelLine { text: t.clone(), y: r1(ly) as f32, px: ROLE_PX, bold: false });
        }
        nodes.push(NodePos {
            id: s.id.clone(),
            x: x as f32,
            y: y as f32,
            r: r1(it.r) as f32,
            label_x: r1((rect.x0 + rect.x1) / 2.0) as f32,
            label_y: rect.y0 as f32,
            label_w: it.lw as f32,
            label_h: it.lh as f32,
            label_name: it.name.clone(),
            name_y: name_y as f32,
            label_role: it.role.clone(),
            role_y: role_y as f32,
            label_lines: lines,
        });
    }
    Ok(nodes)
}

/// Which shape a kind is drawn with (for legends and alt text).
pub fn shape_name(kind: StakeholderKind) -> &'static str {
    match kind {
        StakeholderKind::Person => "circle",
        StakeholderKind::Organisation => "rounded square",
        StakeholderKind::Country => "hexagon",
        StakeholderKind::Bloc => "diamond",
        StakeholderKind::Media => "speech bubble",
        StakeholderKind::Institution => "pediment",
        StakeholderKind::Group => "triangle",
    }
}
