//! Brand colours as `#rrggbb`, checked for contrast: the header and buttons carry
//! white text, so a colour white text cannot be read on (WCAG 1.4.3) is refused.

/// A colour as `#rrggbb`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Colour([u8; 3]);

/// The least contrast ratio of white text on a brand colour (WCAG 1.4.3, normal text).
pub const MIN_CONTRAST_WITH_WHITE: f64 = 4.5;

impl Colour {
    pub fn parse(s: &str) -> Option<Colour> {
        let hex = s.trim().strip_prefix('#')?;
        if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
        Some(Colour([byte(0)?, byte(2)?, byte(4)?]))
    }

    /// WCAG 2 relative luminance.
    fn luminance(self) -> f64 {
        let channel = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.039_28 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        let [r, g, b] = self.0;
        0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    }

    /// Contrast ratio against white (text on buttons and the header is white).
    pub fn contrast_with_white(self) -> f64 {
        1.05 / (self.luminance() + 0.05)
    }

    /// Whether white text on this colour is readable (at least 4.5:1).
    pub fn carries_white_text(self) -> bool {
        self.contrast_with_white() >= MIN_CONTRAST_WITH_WHITE
    }

    /// The hover and menu shade: three quarters of the colour.
    pub fn darker(self) -> Colour {
        let [r, g, b] = self.0;
        let d = |c: u8| ((u16::from(c) * 3) / 4) as u8;
        Colour([d(r), d(g), d(b)])
    }

    pub fn css(self) -> String {
        let [r, g, b] = self.0;
        format!("#{r:02x}{g:02x}{b:02x}")
    }

    /// The design tokens that carry this colour (loket.css reads them).
    pub fn tokens(self) -> String {
        format!(
            ":root {{ --color-primary: {}; --color-primary-dark: {}; }}\n",
            self.css(),
            self.darker().css()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::Colour;

    #[test]
    fn colours_parse_and_light_ones_cannot_carry_white_text() {
        assert!(Colour::parse("#0b4f8a").is_some_and(Colour::carries_white_text));
        assert!(Colour::parse("#ffdd00").is_some_and(|c| !c.carries_white_text()));
        for bad in ["0b4f8a", "#0b4f8", "#0b4f8g", "blue", ""] {
            assert!(Colour::parse(bad).is_none(), "{bad:?}");
        }
    }
}
