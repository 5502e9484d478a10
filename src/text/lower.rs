//! Lower case without the standard library's Unicode case tables (see [`lower_char`]).

/// Lower case for matching and search, without the standard library's Unicode case tables
/// (`str::to_lowercase` costs about 15 KB of wasm): ASCII, Latin-1, Latin Extended-A and the
/// common Extended-B and Extended Additional letters (Romanian, Vietnamese), Greek, Cyrillic and
/// Armenian capitals map to their small letters; every other character is kept as it is. (Final
/// sigma is σ; İ is i.)
pub fn lower_char(c: char) -> char {
    let u = c as u32;
    let l = match u {
        0x41..=0x5A => u + 32,
        0xC0..=0xDE if u != 0xD7 => u + 32,
        0x130 => 0x69,
        0x100..=0x137 | 0x14A..=0x177 | 0x200..=0x21F | 0x222..=0x233 | 0x1E00..=0x1E95 | 0x1EA0..=0x1EFF => u | 1,
        0x139..=0x148 | 0x179..=0x17E if u % 2 == 1 => u + 1,
        0x178 => 0xFF,
        0x386 => 0x3AC,
        0x388..=0x38A => u + 37,
        0x38C => 0x3CC,
        0x38E | 0x38F => u + 63,
        0x391..=0x3AB if u != 0x3A2 => u + 32,
        0x400..=0x40F => u + 80,
        0x410..=0x42F => u + 32,
        0x460..=0x481 | 0x48A..=0x4BF | 0x4D0..=0x52F => u | 1,
        0x4C1..=0x4CE if u % 2 == 1 => u + 1,
        0x531..=0x556 => u + 48,
        _ => u,
    };
    char::from_u32(l).unwrap_or(c)
}

/// [`lower_char`] over a string (`"Zürich".lower()`), for `str` and `String`.
pub trait Lower {
    fn lower(&self) -> String;
}

impl Lower for str {
    fn lower(&self) -> String {
        if self.is_ascii() {
            self.to_ascii_lowercase()
        } else {
            self.chars().map(lower_char).collect()
        }
    }
}

#[cfg(test)]
mod lower_tests {
    use super::*;

    #[test]
    fn lower_char_agrees_with_the_standard_library_on_the_scripts_it_covers() {
        let ranges = [0x20..0x250u32, 0x370..0x530, 0x531..0x557, 0x1E00..0x1F00];
        let mut checked = 0;
        for c in ranges.into_iter().flatten().filter_map(char::from_u32) {
            let std: Vec<char> = c.to_lowercase().collect();
            if std.len() != 1 || c == '\u{130}' {
                continue;
            }
            let ours = lower_char(c);
            // Outside the mapped blocks we keep the character: that is allowed to differ only
            // where std changes it and we do not claim to cover it.
            if ours != c || std[0] == c {
                assert_eq!(ours, std[0], "{c:?} (U+{:04X})", c as u32);
            } else {
                assert!(matches!(c as u32, 0x180..=0x1FF | 0x220..=0x221 | 0x234..=0x24F | 0x370..=0x385 | 0x3CF..=0x3FF | 0x4C0 | 0x1E96..=0x1E9F), "not lowered: {c:?} (U+{:04X})", c as u32);
            }
            checked += 1;
        }
        assert!(checked > 1000, "{checked}");
        assert_eq!("ZÜRICH Łódź ΑΘΗΝΑ МОСКВА".lower(), "zürich łódź αθηνα москва");
        assert_eq!("İstanbul".lower(), "istanbul");
    }
}
