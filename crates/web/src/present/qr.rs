//! A QR code as inline SVG (the `qrcode` crate): the second-factor key for an
//! authenticator app's camera, with no image request and no script.

use qrcode::QrCode;
use qrcode::render::svg;

/// The SVG of `data` as a QR code, named for screen readers by `label`;
/// `None` if the data does not fit in a QR code.
pub(crate) fn svg(data: &str, label: &str) -> Option<String> {
    let code = QrCode::new(data.as_bytes()).ok()?;
    let image = code
        .render::<svg::Color>()
        .min_dimensions(200, 200)
        .quiet_zone(true)
        .build();
    let start = image.find("<svg")?;
    let label = label
        .replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;");
    Some(image[start..].replacen(
        "<svg ",
        &format!("<svg role=\"img\" aria-label=\"{label}\" class=\"qr\" "),
        1,
    ))
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_code_is_an_inline_svg_with_a_name() {
        let s = super::svg("otpauth://totp/loket:a@b.nl?secret=ABC", "Scan \"this\"")
            .unwrap_or_default();
        assert!(s.starts_with("<svg role=\"img\" aria-label=\"Scan &quot;this&quot;\""));
        assert!(s.ends_with("</svg>") && !s.contains("<?xml"));
    }
}
