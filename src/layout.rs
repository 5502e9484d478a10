//! Seeded, deterministic graph layout (same article, same picture).
//!
//! Steps, all pure and `O(n²)` in the number of shown nodes:
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

mod synthetic;
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
    let mut placed: Vec<Rect> = Vec::with_capacity(n);
    let mut nodes = Vec::with_capacity(n);
    for (k, it) in items.iter().enumerate() {
        let (x, y) = pos[k];
        let rect = match label_spot(it, x, y, k, items, &pos, &placed, &segs, w, h) {
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

/// Graph distances (hops) between the items, over relations and affiliations, undirected.
fn hops(a: &Analysis, items: &[Item]) -> Vec<Vec<u32>> {
    let n = items.len();
    let mut at = std::collections::HashMap::with_capacity(n);
    for (k, it) in items.iter().enumerate() {
        at.insert(a.stakeholders[it.idx].id.as_str(), k);
    }
    let mut adj = vec![Vec::new(); n];
    let mut link = |s: &str, t: &str| {
        if let (Some(&i), Some(&j)) = (at.get(s), at.get(t)) {
            if i != j && !adj[i].contains(&j) {
                adj[i].push(j);
                adj[j].push(i);
            }
        }
    };
    for r in &a.relations {
        link(&r.source, &r.target);
    }
    for it in items {
        let s = &a.stakeholders[it.idx];
        for f in &s.affiliations {
            link(&s.id, f);
        }
    }
    let mut d = vec![vec![u32::MAX; n]; n];
    let mut queue = Vec::with_capacity(n);
    for (src, row) in d.iter_mut().enumerate() {
        row[src] = 0;
        queue.clear();
        queue.push(src);
        let mut head = 0;
        while head < queue.len() {
            let u = queue[head];
            head += 1;
            for &v in &adj[u] {
                if row[v] == u32::MAX {
                    row[v] = row[u] + 1;
                    queue.push(v);
                }
            }
        }
    }
    d
}

/// Most stress-majorization sweeps (each `O(n²)`).
const STRESS_ITERS: usize = 45;

/// Stress majorization in abstract units (one hop = 1), centre fixed at (0, 0).
fn stress(a: &Analysis, items: &[Item], seed: u64) -> Vec<(f64, f64)> {
    let n = items.len();
    if n == 0 {
        return Vec::new();
    }
    if n == 1 {
        return vec![(0.0, 0.0)];
    }
    let hop = hops(a, items);
    let maxh = hop.iter().flatten().filter(|&&v| v != u32::MAX).max().copied().unwrap_or(1).max(1);
    // Unconnected pairs sit a little beyond the farthest connected ones, capped.
    let far = (maxh as f64 + 1.0).min(4.0);
    let mut dist = vec![0.0f64; n * n];
    let mut wgt = vec![0.0f64; n * n];
    for i in 0..n {
        for j in 0..n {
            if i != j {
                let d = if hop[i][j] == u32::MAX { far } else { (hop[i][j] as f64).min(far) };
                dist[i * n + j] = d;
                wgt[i * n + j] = 1.0 / (d * d);
            }
        }
    }
    // The layout's radius in hops grows like sqrt(n); the centre distance grows with rank.
    let rad = 0.5 * (n as f64).sqrt().max(1.0) + 0.5;
    let cdist: Vec<f64> = (0..n).map(|k| rad * (0.08 + 0.92 * (k as f64 / (n - 1) as f64).sqrt())).collect();
    let cw: Vec<f64> = cdist.iter().map(|d| 0.6 / (d * d)).collect();

    let mut rng = SplitMix64::new(seed);
    let p: Vec<(f64, f64)> = (0..n)
        .map(|k| {
            let (mut u, mut v) = (0.0, 0.0);
            for _ in 0..8 {
                u = rng.next_f64() * 2.0 - 1.0;
                v = rng.next_f64() * 2.0 - 1.0;
                let l = u * u + v * v;
                if l > 0.01 && l <= 1.0 {
                    break;
                }
            }
            let l = (u * u + v * v).sqrt().max(1e-6);
            (u / l * cdist[k], v / l * cdist[k])
        })
        .collect();

    // Stop when no node moves more than 1.2 % of the layout's radius (well under a pixel).
    let tol = 0.012 * rad;
    let wd: Vec<f64> = wgt.iter().zip(&dist).map(|(w, d)| w * d).collect();
    let wsum: Vec<f64> = (0..n).map(|i| wgt[i * n..(i + 1) * n].iter().sum::<f64>() + cw[i]).collect();
    let mut xs: Vec<f64> = p.iter().map(|q| q.0).collect();
    let mut ys: Vec<f64> = p.iter().map(|q| q.1).collect();
    for _iter in 0..STRESS_ITERS {
        let mut moved: f64 = 0.0;
        for i in 0..n {
            let (xi, yi) = (xs[i], ys[i]);
            let row = i * n;
            let (mut sx, mut sy) = (0.0, 0.0);
            for j in 0..n {
                // wgt and wd are 0 on the diagonal
                let (xj, yj) = (xs[j], ys[j]);
                let w = wgt[row + j];
                let (dx, dy) = (xi - xj, yi - yj);
                let l2 = dx * dx + dy * dy;
                sx += w * xj;
                sy += w * yj;
                if l2 > 1e-18 {
                    let k = wd[row + j] / l2.sqrt();
                    sx += k * dx;
                    sy += k * dy;
                } else if j != i {
                    // coincident: push apart deterministically by index
                    sx += if i < j { wd[row + j] } else { -wd[row + j] };
                }
            }
            // virtual centre at (0, 0)
            let l2 = xi * xi + yi * yi;
            if l2 > 1e-18 {
                let k = cw[i] * cdist[i] / l2.sqrt();
                sx += k * xi;
                sy += k * yi;
            }
            let (nx, ny) = (sx / wsum[i], sy / wsum[i]);
            moved = moved.max((nx - xi).abs() + (ny - yi).abs());
            xs[i] = nx;
            ys[i] = ny;
        }
        if moved < tol {
            break;
        }
    }
    xs.into_iter().zip(ys).collect()
}

/// Maps abstract positions into the viewport: centre to centre, node boxes inside the margins.
fn fit(items: &[Item], pos: &mut [(f64, f64)], w: f64, h: f64) {
    let (cx, cy) = (w / 2.0, h / 2.0);
    let (mut sx, mut sy) = (f64::INFINITY, f64::INFINITY);
    for (it, &(x, y)) in items.iter().zip(pos.iter()) {
        let (hw, up, down) = box_extent(it);
        if x.abs() > 1e-9 {
            sx = sx.min(((cx - VIEW_PAD - hw) / x.abs()).max(0.0));
        }
        if y > 1e-9 {
            sy = sy.min(((cy - VIEW_PAD - down) / y).max(0.0));
        } else if y < -1e-9 {
            sy = sy.min(((cy - VIEW_PAD - up) / -y).max(0.0));
        }
    }
    // Keep small graphs compact and the aspect distortion moderate.
    let cap = 0.32 * w.min(h).max(160.0);
    sx = sx.min(cap);
    sy = sy.min(cap);
    sx = sx.min(sy * 1.6);
    sy = sy.min(sx * 1.6);
    if !sx.is_finite() {
        sx = 0.0;
    }
    if !sy.is_finite() {
        sy = 0.0;
    }
    for p in pos.iter_mut() {
        *p = (cx + p.0 * sx, cy + p.1 * sy);
    }
}

/// Centres the picture (node boxes) in the viewport and spreads it by up to 30 % to use free
/// room. Both keep boxes apart: a translation and a spreading (scale >= 1) about one point
/// never make boxes overlap that did not before.
fn recentre(items: &[Item], pos: &mut [(f64, f64)], w: f64, h: f64) {
    if items.is_empty() {
        return;
    }
    let ext: Vec<(f64, f64, f64)> = items.iter().map(box_extent).collect();
    let (mut l, mut r, mut t, mut b) = (f64::INFINITY, f64::NEG_INFINITY, f64::INFINITY, f64::NEG_INFINITY);
    for (&(x, y), &(hw, up, down)) in pos.iter().zip(&ext) {
        l = l.min(x - hw);
        r = r.max(x + hw);
        t = t.min(y - up);
        b = b.max(y + down);
    }
    // only when everything is inside already (otherwise the clamping in `separate` decided)
    if l < 0.0 || t < 0.0 || r > w || b > h {
        return;
    }
    let (dx, dy) = (w / 2.0 - (l + r) / 2.0, h / 2.0 - (t + b) / 2.0);
    let (cx, cy) = (w / 2.0, h / 2.0);
    let (mut sx, mut sy) = (1.3f64, 1.3f64);
    for (&(x, y), &(hw, up, down)) in pos.iter().zip(&ext) {
        let (x, y) = (x + dx - cx, y + dy - cy);
        if x.abs() > 1e-9 {
            sx = sx.min((cx - VIEW_PAD - hw) / x.abs());
        }
        if y > 1e-9 {
            sy = sy.min((cy - VIEW_PAD - down) / y);
        } else if y < -1e-9 {
            sy = sy.min((cy - VIEW_PAD - up) / -y);
        }
    }
    let (sx, sy) = (sx.max(1.0), sy.max(1.0));
    for p in pos.iter_mut() {
        *p = (cx + (p.0 + dx - cx) * sx, cy + (p.1 + dy - cy) * sy);
    }
}

/// Removes overlaps between node boxes (shape plus label below), keeping them in the viewport.
fn separate(items: &[Item], pos: &mut [(f64, f64)], w: f64, h: f64) {
    let n = items.len();
    let ext: Vec<(f64, f64, f64)> = items.iter().map(box_extent).collect();
    let clamp = |k: usize, p: &mut (f64, f64)| {
        let (hw, up, down) = ext[k];
        let (lo_x, hi_x) = (VIEW_PAD + hw, w - VIEW_PAD - hw);
        let (lo_y, hi_y) = (VIEW_PAD + up, h - VIEW_PAD - down);
        p.0 = if lo_x <= hi_x { p.0.max(lo_x).min(hi_x) } else { w / 2.0 };
        p.1 = if lo_y <= hi_y { p.1.max(lo_y).min(hi_y) } else { (lo_y + hi_y) / 2.0 };
    };
    for (k, p) in pos.iter_mut().enumerate() {
        clamp(k, p);
    }
    // Heavier (more important) nodes move less.
    let mass: Vec<f64> = items.iter().map(|it| it.r).collect();
    for _sweep in 0..80 {
        let mut any = false;
        for i in 0..n {
            for j in (i + 1)..n {
                let (hwi, upi, dni) = ext[i];
                let (hwj, upj, dnj) = ext[j];
                let (xi, yi) = pos[i];
                let (xj, yj) = pos[j];
                let ox = (hwi + hwj + BOX_PAD) - (xi - xj).abs();
                // vertical extents: [y - up, y + down]
                let oy = if yi <= yj { (yi + dni + BOX_PAD) - (yj - upj) } else { (yj + dnj + BOX_PAD) - (yi - upi) };
                if ox <= 0.0 || oy <= 0.0 {
                    continue;
                }
                any = true;
                let (fi, fj) = (mass[j] / (mass[i] + mass[j]), mass[i] / (mass[i] + mass[j]));
                if ox * (h / w).clamp(0.5, 2.0) < oy {
                    let s = if xi < xj || (xi == xj && i < j) { -1.0 } else { 1.0 };
                    pos[i].0 += s * ox * fi + s * 0.01;
                    pos[j].0 -= s * ox * fj + s * 0.01;
                } else {
                    let s = if yi < yj || (yi == yj && i < j) { -1.0 } else { 1.0 };
                    pos[i].1 += s * oy * fi + s * 0.01;
                    pos[j].1 -= s * oy * fj + s * 0.01;
                }
                let (mut a, mut b) = (pos[i], pos[j]);
                clamp(i, &mut a);
                clamp(j, &mut b);
                pos[i] = a;
                pos[j] = b;
            }
        }
        if !any {
            break;
        }
    }
}

/// A straight segment between two related nodes' centres (edges are drawn close to it).
struct Seg {
    a: (f64, f64),
    b: (f64, f64),
}

impl Seg {
    /// Whether the segment passes through the rectangle (Liang-Barsky clipping).
    fn crosses(&self, r: &Rect) -> bool {
        let (dx, dy) = (self.b.0 - self.a.0, self.b.1 - self.a.1);
        let (mut t0, mut t1) = (0.0f64, 1.0f64);
        for (p, q) in [(-dx, self.a.0 - r.x0), (dx, r.x1 - self.a.0), (-dy, self.a.1 - r.y0), (dy, r.y1 - self.a.1)] {
            if p == 0.0 {
                if q < 0.0 {
                    return false;
                }
            } else {
                let t = q / p;
                if p < 0.0 {
                    t0 = t0.max(t);
                } else {
                    t1 = t1.min(t);
                }
                if t0 > t1 {
                    return false;
                }
            }
        }
        true
    }
}

fn segments(a: &Analysis, items: &[Item], pos: &[(f64, f64)]) -> Vec<Seg> {
    let mut at = std::collections::HashMap::with_capacity(items.len());
    for (k, it) in items.iter().enumerate() {
        at.insert(a.stakeholders[it.idx].id.as_str(), k);
    }
    let mut pairs: Vec<(usize, usize)> = a
        .relations
        .iter()
        .filter_map(|r| {
            let (s, t) = (*at.get(r.source.as_str())?, *at.get(r.target.as_str())?);
            (s != t).then_some((s.min(t), s.max(t)))
        })
        .collect();
    crate::text::sort_vec_by(&mut pairs, &|x, y| x.cmp(y));
    pairs.dedup();
    pairs.into_iter().map(|(s, t)| Seg { a: pos[s], b: pos[t] }).collect()
}

/// A free spot for item `k`'s label: no overlap with placed labels or any node, inside the view.
#[allow(clippy::too_many_arguments)]
fn label_spot(
    it: &Item,
    x: f64,
    y: f64,
    k: usize,
    items: &[Item],
    pos: &[(f64, f64)],
    placed: &[Rect],
    segs: &[Seg],
    w: f64,
    h: f64,
) -> Option<Rect> {
    let (lw, lh, r) = (it.lw, it.lh, it.r);
    let ok = |x0: f64, y0: f64| -> Option<Rect> {
        let (x0, y0) = (r1(x0), r1(y0));
        let rect = Rect { x0, y0, x1: x0 + lw, y1: y0 + lh };
        if !rect.inside(w, h, 0.0) {
            return None;
        }
        if placed.iter().any(|p| p.overlaps(&rect, LABEL_PAD)) {
            return None;
        }
        for (j, o) in items.iter().enumerate() {
            let pad = if j == k { 1.0 } else { LABEL_PAD };
            if rect.hits_circle(pos[j].0, pos[j].1, o.r, pad) {
                return None;
            }
        }
        Some(rect)
    };
    let g = LABEL_GAP;
    let below = (x - lw / 2.0, y + r + g);
    let above = (x - lw / 2.0, y - r - g - lh);
    let right = (x + r + g + 2.0, y - lh / 2.0);
    let left = (x - r - g - 2.0 - lw, y - lh / 2.0);
    let d = r * 0.72 + g;
    let cands = [
        below,
        above,
        right,
        left,
        (x + d, y + d),
        (x - d - lw, y + d),
        (x + d, y - d - lh),
        (x - d - lw, y - d - lh),
    ];
    // Among the free spots below, above, right and left, take the one crossed by the fewest
    // edges (the earlier in that order on a tie); diagonal spots only when none is free.
    // Spots other than "below" must also leave the later nodes' own "below" spots free.
    let reserved = |rc: &Rect| {
        items.iter().enumerate().skip(k + 1).any(|(j, o)| {
            let (xj, yj) = pos[j];
            let y0 = yj + o.r + LABEL_GAP;
            Rect { x0: xj - o.lw / 2.0, y0, x1: xj + o.lw / 2.0, y1: y0 + o.lh }.overlaps(rc, LABEL_PAD)
        })
    };
    let mut best: Option<(usize, Rect)> = None;
    for (ci, &(x0, y0)) in cands[..4].iter().enumerate() {
        if let Some(rc) = ok(x0, y0).filter(|rc| ci == 0 || !reserved(rc)) {
            let crossings = segs.iter().filter(|s| s.crosses(&rc)).count();
            let score = crossings * 16 + ci;
            if best.map(|(b, _)| score < b).unwrap_or(true) {
                best = Some((score, rc));
            }
            if crossings == 0 {
                break;
            }
        }
    }
    if let Some((_, rc)) = best {
        return Some(rc);
    }
    for &(x0, y0) in &cands[4..] {
        if let Some(rc) = ok(x0, y0) {
            return Some(rc);
        }
    }
    // Nudges: slide along each side, then step away from the node.
    let steps = [0.25, -0.25, 0.5, -0.5];
    for &s in &steps {
        for &(x0, y0) in &[below, above] {
            if let Some(rc) = ok(x0 + s * lw, y0) {
                return Some(rc);
            }
        }
        for &(x0, y0) in &[right, left] {
            if let Some(rc) = ok(x0, y0 + s * lh * 1.5) {
                return Some(rc);
            }
        }
    }
    for &dist in &[6.0, 12.0, 20.0, 30.0] {
        for &s in &[0.0, 0.3, -0.3] {
            for &(x0, y0, dx, dy) in &[
                (below.0, below.1, 0.0, 1.0),
                (above.0, above.1, 0.0, -1.0),
                (right.0, right.1, 1.0, 0.0),
                (left.0, left.1, -1.0, 0.0),
            ] {
                let (sx, sy) = if dx == 0.0 { (s * lw, 0.0) } else { (0.0, s * lh * 2.0) };
                if let Some(rc) = ok(x0 + dx * dist + sx, y0 + dy * dist + sy) {
                    return Some(rc);
                }
            }
        }
    }
    None
}

/// Space between parallel edges at their middle.
const PARALLEL_GAP: f64 = 18.0;
/// Room left at the target end for an arrowhead.
const ARROW_ROOM: f64 = 3.0;

/// Edges between the given nodes, from their current positions: rim to rim, curved apart when
/// a pair has several relations, labels slid to free spots. The layout calls it; the widget can
/// call it again after the reader drags a node (move the node's label by the same amount first).
pub fn route_edges(a: &Analysis, nodes: &[NodePos]) -> Vec<EdgePos> {
    let mut at = std::collections::HashMap::with_capacity(nodes.len());
    for (k, n) in nodes.iter().enumerate() {
        at.insert(n.id.as_str(), k);
    }
    let pos: Vec<(f64, f64)> = nodes.iter().map(|n| (n.x as f64, n.y as f64)).collect();
    let radius: Vec<f64> = nodes.iter().map(|n| if n.r.is_finite() { n.r as f64 } else { 0.0 }).collect();
    // relations between two distinct shown nodes, with their ends
    // Relations between two distinct shown nodes, with their ends; a relation that repeats an
    // earlier one (same ends, kind, stance, negation) joins that one's edge instead.
    let mut shown: Vec<(usize, usize, usize)> = Vec::new();
    let mut also: Vec<Vec<usize>> = Vec::new();
    for (ri, r) in a.relations.iter().enumerate() {
        let (Some(&s), Some(&t)) = (at.get(r.source.as_str()), at.get(r.target.as_str())) else { continue };
        if s == t {
            continue;
        }
        let same = shown.iter().position(|&(rj, s2, t2)| {
            let q = &a.relations[rj];
            (s2, t2, q.kind, q.stance, q.negated) == (s, t, r.kind, r.stance, r.negated)
        });
        match same {
            Some(k) => also[k].push(ri),
            None => {
                shown.push((ri, s, t));
                also.push(Vec::new());
            }
        }
    }
    // group by unordered pair, in relation order
    // (ordered by pair, members in relation order: a stable sort of the edges by pair)
    let pair_of = |k: usize| (shown[k].1.min(shown[k].2), shown[k].1.max(shown[k].2));
    let mut by_pair: Vec<usize> = (0..shown.len()).collect();
    crate::text::sort_usize_by(&mut by_pair, &|x, y| pair_of(x).cmp(&pair_of(y)));
    let mut groups: Vec<((usize, usize), Vec<usize>)> = Vec::new();
    for &k in &by_pair {
        match groups.last_mut() {
            Some((key, members)) if *key == pair_of(k) => members.push(k),
            _ => groups.push((pair_of(k), vec![k])),
        }
    }
    let mut out: Vec<Option<EdgePos>> = vec![None; shown.len()];
    for ((lo, hi), members) in groups {
        let m = members.len();
        let (p, q) = (pos[lo], pos[hi]);
        let (dx, dy) = (q.0 - p.0, q.1 - p.1);
        let len = (dx * dx + dy * dy).sqrt();
        let (ux, uy) = if len > 1e-9 { (dx / len, dy / len) } else { (1.0, 0.0) };
        let (nx, ny) = (-uy, ux); // normal of the canonical direction lo -> hi
        // Detour: when the straight line between the pair runs over a third node, bend the
        // pair's edges away from the worst such node.
        let spread = (m as f64 - 1.0) / 2.0 * PARALLEL_GAP;
        let mut worst: Option<(f64, f64, f64)> = None; // (clearance, signed distance, t)
        if len > 1e-9 {
            for (k, &(x, y)) in pos.iter().enumerate() {
                if k == lo || k == hi {
                    continue;
                }
                let (vx, vy) = (x - p.0, y - p.1);
                let t = (vx * ux + vy * uy) / len;
                let d = vx * nx + vy * ny;
                let clearance = d.abs() - radius[k] - spread;
                if t > 0.05 && t < 0.95 && clearance < 6.0 && worst.map(|w| clearance < w.0).unwrap_or(true) {
                    worst = Some((clearance, d, t));
                }
            }
        }
        let detour = match worst {
            Some((clearance, d, t)) => {
                let dev = 8.0 - clearance; // bend away until 8 px clear of its rim
                let off = (dev / (4.0 * t * (1.0 - t))).min(0.35 * len);
                if d >= 0.0 {
                    -off
                } else {
                    off
                }
            }
            None => 0.0,
        };
        for (slot, &k) in members.iter().enumerate() {
            let (ri, s, t) = shown[k];
            let off = detour + (slot as f64 - (m as f64 - 1.0) / 2.0) * PARALLEL_GAP;
            let (ps, pt) = (pos[s], pos[t]);
            let (rs, rt) = (radius[s], radius[t]);
            let mid = ((ps.0 + pt.0) / 2.0, (ps.1 + pt.1) / 2.0);
            // control point: the curve's middle is then `mid + n * off`
            let c = (mid.0 + nx * 2.0 * off, mid.1 + ny * 2.0 * off);
            let toward = |from: (f64, f64), to: (f64, f64), by: f64| {
                let (ex, ey) = (to.0 - from.0, to.1 - from.1);
                let l = (ex * ex + ey * ey).sqrt();
                if l > 1e-9 {
                    (from.0 + ex / l * by, from.1 + ey / l * by)
                } else {
                    from
                }
            };
            let curved = off != 0.0;
            let (aim_s, aim_t) = if curved { (c, c) } else { (pt, ps) };
            let p0 = toward(ps, aim_s, rs + 1.0);
            let p2 = toward(pt, aim_t, rt + ARROW_ROOM);
            let (p0, p2) = ((r1(p0.0), r1(p0.1)), (r1(p2.0), r1(p2.1)));
            let (cx, cy, path, lx, ly);
            if curved {
                cx = r1(c.0);
                cy = r1(c.1);
                path = format!("M{},{}Q{},{} {},{}", fmt1(p0.0), fmt1(p0.1), fmt1(cx), fmt1(cy), fmt1(p2.0), fmt1(p2.1));
                lx = 0.25 * p0.0 + 0.5 * cx + 0.25 * p2.0;
                ly = 0.25 * p0.1 + 0.5 * cy + 0.25 * p2.1;
            } else {
                cx = r1((p0.0 + p2.0) / 2.0);
                cy = r1((p0.1 + p2.1) / 2.0);
                path = format!("M{},{}L{},{}", fmt1(p0.0), fmt1(p0.1), fmt1(p2.0), fmt1(p2.1));
                lx = cx;
                ly = cy;
            }
            let r = &a.relations[ri];
            out[k] = Some(EdgePos {
                relation: ri,
                source: r.source.clone(),
                target: r.target.clone(),
                path,
                label_x: r1(lx) as f32,
                label_y: r1(ly) as f32,
                x1: p0.0 as f32,
                y1: p0.1 as f32,
                x2: p2.0 as f32,
                y2: p2.1 as f32,
                cx: cx as f32,
                cy: cy as f32,
                curved,
                // The stance goes into the label in words (not only colour and dash), so a
                // reader who hovers or focuses a node reads it on each of its edges.
                label: [if r.negated { "not " } else { "" }, r.kind.label(), " · ", r.stance.label()].concat(),
                label_w: 0.0,
                label_h: 0.0,
                label_free: false,
                also: also[k].clone(),
            });
        }
    }
    let mut out: Vec<EdgePos> = out.into_iter().flatten().collect();
    place_edge_labels(&mut out, nodes);
    out
}

/// Slides each edge label along its edge to a spot clear of nodes, node labels and the labels
/// placed before it (in relation order) of the edges that share an endpoint with it: the widget
/// shows edge labels only for the edges of one hovered or focused node at a time, so only
/// labels that can show together need to keep apart. (A picture of every label at once, like
/// the SVG export, keeps those that do not overlap: [`edge_labels_overlap`].)
fn place_edge_labels(edges: &mut [EdgePos], nodes: &[NodePos]) {
    let node_boxes: Vec<Rect> = nodes
        .iter()
        .map(|n| {
            let (x0, y0) = (n.label_x as f64 - n.label_w as f64 / 2.0, n.label_y as f64);
            Rect { x0, y0, x1: x0 + n.label_w as f64, y1: y0 + n.label_h as f64 }
        })
        .collect();
    let mut placed: Vec<(Rect, usize)> = Vec::with_capacity(edges.len());
    let ends: Vec<(String, String)> = edges.iter().map(|e| (e.source.clone(), e.target.clone())).collect();
    let adjacent = |i: usize, j: usize| {
        let (a, b) = (&ends[i], &ends[j]);
        a.0 == b.0 || a.0 == b.1 || a.1 == b.0 || a.1 == b.1
    };
    for (k, e) in edges.iter_mut().enumerate() {
        let lw = r1(text_width(&e.label, EDGE_LABEL_PX, false) as f64 + 4.0);
        let lh = 12.0;
        e.label_w = lw as f32;
        e.label_h = lh as f32;
        let (p0, c, p2) = ((e.x1 as f64, e.y1 as f64), (e.cx as f64, e.cy as f64), (e.x2 as f64, e.y2 as f64));
        let at = |t: f64| {
            let u = 1.0 - t;
            (u * u * p0.0 + 2.0 * u * t * c.0 + t * t * p2.0, u * u * p0.1 + 2.0 * u * t * c.1 + t * t * p2.1)
        };
        // Along the edge first, then beside it (a label a little off its line still reads as
        // its label, with the halo): more of a focused node's labels find a free spot.
        let (dx, dy) = (p2.0 - p0.0, p2.1 - p0.1);
        let dl = (dx * dx + dy * dy).sqrt().max(1e-9);
        let (nx, ny) = (-dy / dl, dx / dl);
        let spots = [0.5, 0.4, 0.6, 0.3, 0.7, 0.22, 0.78]
            .iter()
            .map(|&t| (t, 0.0))
            .chain([0.5, 0.4, 0.6, 0.3, 0.7].iter().flat_map(|&t| [(t, lh * 0.8), (t, -lh * 0.8)]));
        for (t, off) in spots {
            let (x, y) = at(t);
            let (x, y) = (r1(x + nx * off), r1(y + ny * off));
            let rect = Rect { x0: x - lw / 2.0, y0: y - lh / 2.0, x1: x + lw / 2.0, y1: y + lh / 2.0 };
            let clear = !node_boxes.iter().any(|b| b.overlaps(&rect, 1.0))
                && !placed.iter().any(|(b, j)| adjacent(k, *j) && b.overlaps(&rect, 1.0))
                && !nodes.iter().any(|n| rect.hits_circle(n.x as f64, n.y as f64, n.r as f64, 1.0));
            if clear {
                e.label_x = x as f32;
                e.label_y = y as f32;
                e.label_free = true;
                placed.push((rect, k));
                break;
            }
        }
    }
}

/// True when the label boxes of two edges overlap (with a 1 px margin).
pub fn edge_labels_overlap(a: &EdgePos, b: &EdgePos) -> bool {
    let rect = |e: &EdgePos| {
        let (w, h) = (e.label_w as f64 / 2.0, e.label_h as f64 / 2.0);
        Rect { x0: e.label_x as f64 - w, y0: e.label_y as f64 - h, x1: e.label_x as f64 + w, y1: e.label_y as f64 + h }
    };
    rect(a).overlaps(&rect(b), 1.0)
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
