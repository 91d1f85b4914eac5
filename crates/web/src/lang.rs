//! The visitor's language: an explicit `?lang=` choice (remembered in a cookie),
//! else the cookie, else `Accept-Language`; a browser that asks only for
//! languages loket does not offer gets English (more people read it than
//! Dutch), and a request without the header gets Dutch.

use axum::extract::{FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;
use loket_domain::Lang;
use std::convert::Infallible;

pub const COOKIE: &str = "loket_lang";

#[derive(Debug, Clone, Copy)]
pub struct UiLang(pub Lang);

fn from_query(query: Option<&str>) -> Option<Lang> {
    query?
        .split('&')
        .find_map(|pair| pair.strip_prefix("lang="))
        .and_then(|v| v.parse().ok())
}

fn from_cookie(parts: &Parts) -> Option<Lang> {
    parts
        .headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .find_map(|c| {
            let (name, value) = c.trim().split_once('=')?;
            (name == COOKIE).then(|| value.parse().ok()).flatten()
        })
}

pub fn resolve(parts: &Parts) -> Lang {
    from_query(parts.uri.query())
        .or_else(|| from_cookie(parts))
        .or_else(|| {
            let asked = parts
                .headers
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .map(str::trim)
                .filter(|v| !v.is_empty() && *v != "*")?;
            Some(Lang::from_accept_language(asked).unwrap_or(Lang::En))
        })
        .unwrap_or_default()
}

impl<S: Send + Sync> FromRequestParts<S> for UiLang {
    type Rejection = Infallible;
    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(UiLang(resolve(parts)))
    }
}

/// Remembers an explicit language choice on a page for a year (the API is stateless).
pub async fn remember_choice(req: Request, next: Next) -> Response {
    let chosen = from_query(req.uri().query()).filter(|_| !req.uri().path().starts_with("/api/"));
    let mut res = next.run(req).await;
    if let Some(lang) = chosen {
        let cookie = format!("{COOKIE}={lang}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly");
        if let Ok(v) = HeaderValue::from_str(&cookie) {
            res.headers_mut().append(header::SET_COOKIE, v);
        }
    }
    res
}
