//! The PDF's fonts: Helvetica and Helvetica-Bold, two of the standard fonts
//! every PDF reader has, so nothing is embedded. Their widths come from Adobe's
//! metrics files (crate `pdf-core-14-font-afms`); text is written in the WinAnsi
//! encoding, which covers Dutch, English, German and French.

use crate::winansi::WIN_ANSI;
use std::collections::HashMap;

pub(crate) struct Metrics {
    by_name: HashMap<String, u16>,
}

impl Metrics {
    pub(crate) fn helvetica() -> Metrics {
        Metrics::parse(pdf_core_14_font_afms::HELVETICA)
    }
    pub(crate) fn helvetica_bold() -> Metrics {
        Metrics::parse(pdf_core_14_font_afms::HELVETICA_BOLD)
    }

    /// Reads `C code ; WX width ; N name ; …` lines.
    fn parse(afm: &str) -> Metrics {
        let mut by_name = HashMap::new();
        for line in afm.lines().filter(|l| l.starts_with("C ")) {
            let mut width = None;
            let mut name = None;
            for part in line.split(';') {
                let mut words = part.split_whitespace();
                match (words.next(), words.next()) {
                    (Some("WX"), Some(w)) => width = w.parse::<u16>().ok(),
                    (Some("N"), Some(n)) => name = Some(n.to_string()),
                    _ => {}
                }
            }
            if let (Some(w), Some(n)) = (width, name) {
                by_name.insert(n, w);
            }
        }
        Metrics { by_name }
    }

    /// The width of a text in points at a font size.
    pub(crate) fn width(&self, text: &str, size: f32) -> f32 {
        let units: u32 = text
            .chars()
            .map(|c| {
                u32::from(
                    glyph_name(c)
                        .and_then(|n| self.by_name.get(n).copied())
                        .unwrap_or(556),
                )
            })
            .sum();
        units as f32 * size / 1000.0
    }
}

const ASCII_NAMES: [&str; 95] = [
    "space",
    "exclam",
    "quotedbl",
    "numbersign",
    "dollar",
    "percent",
    "ampersand",
    "quotesingle",
    "parenleft",
    "parenright",
    "asterisk",
    "plus",
    "comma",
    "hyphen",
    "period",
    "slash",
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "colon",
    "semicolon",
    "less",
    "equal",
    "greater",
    "question",
    "at",
    "A",
    "B",
    "C",
    "D",
    "E",
    "F",
    "G",
    "H",
    "I",
    "J",
    "K",
    "L",
    "M",
    "N",
    "O",
    "P",
    "Q",
    "R",
    "S",
    "T",
    "U",
    "V",
    "W",
    "X",
    "Y",
    "Z",
    "bracketleft",
    "backslash",
    "bracketright",
    "asciicircum",
    "underscore",
    "grave",
    "a",
    "b",
    "c",
    "d",
    "e",
    "f",
    "g",
    "h",
    "i",
    "j",
    "k",
    "l",
    "m",
    "n",
    "o",
    "p",
    "q",
    "r",
    "s",
    "t",
    "u",
    "v",
    "w",
    "x",
    "y",
    "z",
    "braceleft",
    "bar",
    "braceright",
    "asciitilde",
];

fn glyph_name(c: char) -> Option<&'static str> {
    let code = c as u32;
    if (32..127).contains(&code) {
        return ASCII_NAMES.get((code - 32) as usize).copied();
    }
    WIN_ANSI
        .iter()
        .find(|(ch, _, _)| *ch == c)
        .map(|(_, _, n)| *n)
}

/// A text as WinAnsi bytes; a character the encoding lacks becomes `?`.
pub(crate) fn encode(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| {
            let code = c as u32;
            if (32..127).contains(&code) {
                code as u8
            } else {
                WIN_ANSI
                    .iter()
                    .find(|(ch, _, _)| *ch == c)
                    .map_or(b'?', |(_, byte, _)| *byte)
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_come_from_the_fonts_metrics() {
        let m = Metrics::helvetica();
        // Helvetica: "i" is narrow, "W" wide; an accented letter is as wide as its letter.
        assert!(m.width("iiii", 10.0) < m.width("WWWW", 10.0));
        assert_eq!(m.width("é", 10.0), m.width("e", 10.0));
        assert!(Metrics::helvetica_bold().width("Doel", 10.0) > m.width("Doel", 10.0));
        assert_eq!(
            encode("Zürich €5 – ok"),
            b"Z\xfcrich \x805 \x96 ok".to_vec()
        );
        assert_eq!(encode("Łódź"), b"?\xf3d?".to_vec());
    }
}
