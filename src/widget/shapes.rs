//! Node shapes: each stakeholder kind has its own outline, so kind never rests on colour alone.

use crate::model::StakeholderKind;

/// Short, stable class suffix for a kind (`sm-kind-person`).
pub fn kind_class(k: StakeholderKind) -> &'static str {
    match k {
        StakeholderKind::Person => "sm-kind-person",
        StakeholderKind::Organisation => "sm-kind-organisation",
        StakeholderKind::Country => "sm-kind-country",
        StakeholderKind::Bloc => "sm-kind-bloc",
        StakeholderKind::Media => "sm-kind-media",
        StakeholderKind::Institution => "sm-kind-institution",
        StakeholderKind::Group => "sm-kind-group",
    }
}

/// Every kind, in legend order.
pub const KINDS: [StakeholderKind; 7] = [
    StakeholderKind::Person,
    StakeholderKind::Organisation,
    StakeholderKind::Institution,
    StakeholderKind::Country,
    StakeholderKind::Bloc,
    StakeholderKind::Media,
    StakeholderKind::Group,
];

fn num(out: &mut String, v: f32) {
    // One decimal is plenty for a picture; keeps the SVG small without format! machinery.
    let t = (v * 10.0).round() as i64;
    if t < 0 {
        out.push('-');
    }
    let t = t.unsigned_abs();
    out.push_str(&(t / 10).to_string());
    if t % 10 != 0 {
        out.push('.');
        out.push(char::from(b'0' + (t % 10) as u8));
    }
}

fn poly(points: &[(f32, f32)]) -> String {
    let mut d = String::with_capacity(points.len() * 12);
    for (i, &(x, y)) in points.iter().enumerate() {
        d.push(if i == 0 { 'M' } else { 'L' });
        num(&mut d, x);
        d.push(',');
        num(&mut d, y);
    }
    d.push('Z');
    d
}

fn regular(n: usize, r: f32, phase: f32) -> String {
    let pts: Vec<(f32, f32)> = (0..n)
        .map(|k| {
            let t = phase + k as f32 * std::f32::consts::TAU / n as f32;
            (r * t.cos(), r * t.sin())
        })
        .collect();
    poly(&pts)
}

/// SVG path `d` of the kind's outline, centred on (0, 0), about `r` in radius.
pub fn shape_path(k: StakeholderKind, r: f32) -> String {
    use std::f32::consts::{FRAC_PI_2, FRAC_PI_6};
    match k {
        // Person: circle (two arcs).
        StakeholderKind::Person => {
            let mut d = String::from("M");
            num(&mut d, -r);
            d.push_str(",0a");
            num(&mut d, r);
            d.push(',');
            num(&mut d, r);
            d.push_str(" 0 1,0 ");
            num(&mut d, 2.0 * r);
            d.push_str(",0a");
            num(&mut d, r);
            d.push(',');
            num(&mut d, r);
            d.push_str(" 0 1,0 ");
            num(&mut d, -2.0 * r);
            d.push_str(",0Z");
            d
        }
        // Organisation: square.
        StakeholderKind::Organisation => {
            let s = r * 0.88;
            poly(&[(-s, -s), (s, -s), (s, s), (-s, s)])
        }
        // Institution: a pediment (house with a roof).
        StakeholderKind::Institution => {
            let s = r * 0.9;
            poly(&[(0.0, -s * 1.1), (s, -s * 0.3), (s, s), (-s, s), (-s, -s * 0.3)])
        }
        // Country: hexagon.
        StakeholderKind::Country => regular(6, r * 1.05, FRAC_PI_6),
        // Bloc: octagon.
        StakeholderKind::Bloc => regular(8, r * 1.05, std::f32::consts::PI / 8.0),
        // Media: diamond.
        StakeholderKind::Media => regular(4, r * 1.2, -FRAC_PI_2),
        // Group: triangle.
        StakeholderKind::Group => {
            let s = r * 1.2;
            poly(&[(0.0, -s), (s * 0.95, s * 0.65), (-s * 0.95, s * 0.65)])
        }
    }
}

/// Appends a number with at most one decimal (shared by the map's path builders).
pub fn push_num(out: &mut String, v: f32) {
    num(out, v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_a_distinct_closed_shape() {
        let ds: Vec<String> = KINDS.iter().map(|&k| shape_path(k, 10.0)).collect();
        for (i, d) in ds.iter().enumerate() {
            assert!(d.starts_with('M') && d.ends_with('Z'), "{d}");
            assert!(!d.contains("NaN"));
            assert!(ds.iter().skip(i + 1).all(|e| e != d));
        }
    }

    #[test]
    fn numbers_print_with_one_decimal_at_most() {
        let mut s = String::new();
        push_num(&mut s, -3.04);
        s.push(' ');
        push_num(&mut s, 12.35);
        s.push(' ');
        push_num(&mut s, 7.0);
        assert_eq!(s, "-3 12.4 7");
    }
}
