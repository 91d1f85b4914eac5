//! A labour-market region's logo in its pages' header: a PNG or SVG image of at
//! most [`MAX_LOGO_BYTES`], kept in the region's record (base64) so that it
//! reaches every node with the region. The file's own bytes decide its type, not
//! its name or what the browser claims.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use serde::{Deserialize, Serialize};

/// The largest logo accepted: a header logo needs far less.
pub const MAX_LOGO_BYTES: usize = 100 * 1024;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegionLogo {
    /// `image/png` or `image/svg+xml`.
    pub media_type: String,
    /// The image, base64 (standard alphabet, padded).
    pub data: String,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LogoError {
    #[error("the logo must be a PNG or SVG image")]
    NotAnImage,
    #[error("the logo is larger than 100 KB")]
    TooLarge,
    #[error("the logo's data is not base64")]
    NotBase64,
    #[error("the logo's media type says {said}, its bytes are {found}")]
    WrongType { said: String, found: String },
}

/// The image type the bytes are, if a logo may be of that type.
fn sniff(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Some("image/png");
    }
    let text = std::str::from_utf8(bytes).ok()?;
    let text = text.trim_start_matches('\u{feff}').trim_start();
    let starts_well = text.starts_with("<?xml") || text.starts_with("<svg");
    (starts_well && text.contains("<svg")).then_some("image/svg+xml")
}

impl RegionLogo {
    /// A logo from an uploaded file's bytes.
    pub fn from_bytes(bytes: &[u8]) -> Result<RegionLogo, LogoError> {
        if bytes.len() > MAX_LOGO_BYTES {
            return Err(LogoError::TooLarge);
        }
        let media_type = sniff(bytes).ok_or(LogoError::NotAnImage)?;
        Ok(RegionLogo {
            media_type: media_type.to_string(),
            data: STANDARD.encode(bytes),
        })
    }

    /// The image's bytes, checked as an upload is.
    pub fn bytes(&self) -> Result<Vec<u8>, LogoError> {
        let bytes = STANDARD
            .decode(self.data.as_bytes())
            .map_err(|_| LogoError::NotBase64)?;
        if bytes.len() > MAX_LOGO_BYTES {
            return Err(LogoError::TooLarge);
        }
        match sniff(&bytes) {
            None => Err(LogoError::NotAnImage),
            Some(found) if found != self.media_type => Err(LogoError::WrongType {
                said: self.media_type.clone(),
                found: found.to_string(),
            }),
            Some(_) => Ok(bytes),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";

    #[test]
    fn a_png_or_an_svg_is_a_logo_and_reads_back_the_same() {
        let png = RegionLogo::from_bytes(PNG).expect("png");
        assert_eq!(png.media_type, "image/png");
        assert_eq!(png.bytes().expect("bytes"), PNG);
        let svg =
            b"\xef\xbb\xbf<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>";
        assert_eq!(
            RegionLogo::from_bytes(svg).expect("svg").media_type,
            "image/svg+xml"
        );
    }

    #[test]
    fn anything_else_is_refused_by_its_bytes() {
        assert_eq!(
            RegionLogo::from_bytes(b"GIF89a...."),
            Err(LogoError::NotAnImage)
        );
        assert_eq!(
            RegionLogo::from_bytes(b"<html><svg/></html>"),
            Err(LogoError::NotAnImage)
        );
        let big = [PNG, &vec![0u8; MAX_LOGO_BYTES]].concat();
        assert_eq!(RegionLogo::from_bytes(&big), Err(LogoError::TooLarge));
        let lying = RegionLogo {
            media_type: "image/svg+xml".into(),
            data: STANDARD.encode(PNG),
        };
        assert!(matches!(lying.bytes(), Err(LogoError::WrongType { .. })));
        let broken = RegionLogo {
            media_type: "image/png".into(),
            data: "not base64!".into(),
        };
        assert_eq!(broken.bytes(), Err(LogoError::NotBase64));
    }
}
