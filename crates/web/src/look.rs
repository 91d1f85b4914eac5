//! The deployment's look: its name, logo and brand colour, and the static
//! files that carry the design (the NL Design System's vendored CSS, loket's
//! theme of design tokens, the favicon, the table script).
//!
//! A region deploys loket under its own name and colours without touching a
//! template: the settings become a small stylesheet of design tokens
//! (`/static/look.css`) and the header's name and logo. A colour that white
//! text cannot be read on is refused at start, so no setting can make the
//! pages fail WCAG contrast.

use crate::AppState;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use std::sync::Arc;

pub use loket_domain::colour::Colour;

/// A logo file, read once at start.
#[derive(Debug, Clone)]
pub struct Logo {
    bytes: Arc<Vec<u8>>,
    content_type: &'static str,
}

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum LookError {
    #[error("{0:?} is not a colour like #0b4f8a")]
    NotAColour(String),
    #[error(
        "white text on {0} has a contrast of {1:.1}:1; at least 4.5:1 is needed (WCAG 1.4.3), choose a darker colour"
    )]
    TooLight(String, f64),
    #[error("the logo must be an .svg or .png file, not {0:?}")]
    LogoType(String),
    #[error("the name must be 1 to 60 characters")]
    Name,
}

/// The deployment's look; the default is loket's own.
#[derive(Debug, Clone, Default)]
pub struct Look {
    name: Option<String>,
    primary: Option<Colour>,
    logo: Option<Logo>,
}

impl Look {
    pub fn new(
        name: Option<&str>,
        primary: Option<&str>,
        logo: Option<(&str, Vec<u8>)>,
    ) -> Result<Look, LookError> {
        let name = match name.map(str::trim) {
            Some(n) if n.is_empty() || n.chars().count() > 60 => return Err(LookError::Name),
            other => other.map(str::to_string),
        };
        let primary = match primary {
            None => None,
            Some(s) => {
                let c = Colour::parse(s).ok_or_else(|| LookError::NotAColour(s.to_string()))?;
                let ratio = c.contrast_with_white();
                if !c.carries_white_text() {
                    return Err(LookError::TooLight(c.css(), ratio));
                }
                Some(c)
            }
        };
        let logo = match logo {
            None => None,
            Some((file_name, bytes)) => {
                let lower = file_name.to_ascii_lowercase();
                let content_type = if lower.ends_with(".svg") {
                    "image/svg+xml"
                } else if lower.ends_with(".png") {
                    "image/png"
                } else {
                    return Err(LookError::LogoType(file_name.to_string()));
                };
                Some(Logo {
                    bytes: Arc::new(bytes),
                    content_type,
                })
            }
        };
        Ok(Look {
            name,
            primary,
            logo,
        })
    }

    /// The name in the header and the page titles, if the deployment set one.
    pub fn name(&self) -> Option<&str> {
        self.name.as_deref()
    }

    pub fn has_logo(&self) -> bool {
        self.logo.is_some()
    }

    /// The design tokens this deployment overrides.
    pub(crate) fn tokens(&self) -> String {
        match self.primary {
            None => String::new(),
            Some(c) => c.tokens(),
        }
    }
}

tokio::task_local! {
    static LOOK: Arc<Look>;
}

/// Middleware: the rest of the request sees the deployment's look.
pub(crate) async fn apply(
    State(state): State<AppState>,
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    LOOK.scope(state.look.clone(), next.run(req)).await
}

/// The look of the current request (loket's own outside a request).
pub fn current() -> Arc<Look> {
    LOOK.try_with(Clone::clone).unwrap_or_default()
}

fn asset(content_type: &'static str, body: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        body,
    )
        .into_response()
}

pub(crate) async fn stylesheet() -> Response {
    asset(
        "text/css; charset=utf-8",
        include_str!("../static/loket.css"),
    )
}

/// The NL Design System's styles for plain HTML elements, imported by
/// `loket.css` into a cascade layer below loket's own rules.
pub(crate) async fn nl_design_system() -> Response {
    asset(
        "text/css; charset=utf-8",
        include_str!("../static/vendor/utrecht/html.css"),
    )
}

pub(crate) async fn tables_script() -> Response {
    asset(
        "text/javascript; charset=utf-8",
        include_str!("../static/tables.js"),
    )
}

pub(crate) async fn favicon() -> Response {
    asset("image/svg+xml", include_str!("../static/favicon.svg"))
}

pub(crate) async fn look_stylesheet(State(state): State<AppState>) -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=300"),
        ],
        state.look.tokens(),
    )
        .into_response()
}

pub(crate) async fn logo(State(state): State<AppState>) -> Response {
    match &state.look.logo {
        Some(l) => (
            [
                (header::CONTENT_TYPE, l.content_type),
                (header::CACHE_CONTROL, "public, max-age=300"),
            ],
            l.bytes.as_ref().clone(),
        )
            .into_response(),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_colour_white_text_cannot_be_read_on_is_refused() {
        assert!(matches!(
            Look::new(None, Some("#ffcc00"), None),
            Err(LookError::TooLight(_, _))
        ));
        assert!(Look::new(None, Some("#0b4f8a"), None).is_ok());
        assert_eq!(
            Look::new(None, Some("blue"), None).unwrap_err(),
            LookError::NotAColour("blue".into())
        );
    }

    #[test]
    fn the_tokens_carry_the_colour_and_a_darker_shade() {
        let look = Look::new(Some("Werkloket Noord"), Some("#00684A"), None).unwrap();
        assert_eq!(
            look.tokens(),
            ":root { --color-primary: #00684a; --color-primary-dark: #004e37; }\n"
        );
        assert_eq!(look.name(), Some("Werkloket Noord"));
    }

    #[test]
    fn a_logo_is_svg_or_png() {
        assert!(Look::new(None, None, Some(("logo.gif", vec![1]))).is_err());
        assert!(
            Look::new(None, None, Some(("Logo.SVG", b"<svg/>".to_vec())))
                .unwrap()
                .has_logo()
        );
    }
}
