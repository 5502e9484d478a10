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

/// Every kind, in legend order (shared with the SVG export).
pub use crate::export::KINDS;

/// SVG path `d` of a kind's outline, centred on (0, 0), fitting in radius `r`: the same
/// shapes as the exported SVG ([`crate::export::shape_path`]).
pub use crate::export::shape_path;

fn num(out: &mut String, v: f32) {
    // One decimal is plenty for a picture; keeps the SVG small without format! machinery.
    let v = if v.is_finite() { v } else { 0.0 };
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
