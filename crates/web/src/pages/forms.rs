//! What every form needs: errors per field, the visitor's address for
//! throttling, safe return paths, and CSRF checks for signed-in sessions.

use crate::AppState;
use crate::session::Viewer;
use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use std::net::SocketAddr;

/// Errors by field name, in the order found.
#[derive(Debug, Default, Clone)]
pub struct Errors(Vec<(String, String)>);

impl Errors {
    pub fn add(&mut self, field: impl Into<String>, message: String) {
        self.0.push((field.into(), message));
    }
    pub fn get(&self, field: &str) -> Option<&String> {
        self.0.iter().find(|(f, _)| *f == field).map(|(_, m)| m)
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    /// For the error summary at the top of a form.
    pub fn all(&self) -> &[(String, String)] {
        &self.0
    }
}

/// Where to go after signing in: a path on this site only (no `//host`).
pub fn safe_next(next: &str) -> String {
    let ok = next.starts_with('/')
        && !next.starts_with("//")
        && !next.starts_with("/\\")
        && !next.contains(['\r', '\n'])
        && next.len() < 500;
    if ok {
        next.to_string()
    } else {
        "/beheer".to_string()
    }
}

/// The visitor's address, keyed-hashed: enough to count attempts per address,
/// useless to anyone reading the database.
pub struct ClientKey(pub String);

impl FromRequestParts<AppState> for ClientKey {
    type Rejection = std::convert::Infallible;
    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let forwarded = state
            .trust_forwarded_for
            .then(|| {
                parts
                    .headers
                    .get("x-forwarded-for")
                    .and_then(|v| v.to_str().ok())
                    .and_then(|v| v.split(',').next())
                    .map(|v| v.trim().to_string())
            })
            .flatten();
        let addr = forwarded
            .or_else(|| {
                parts
                    .extensions
                    .get::<ConnectInfo<SocketAddr>>()
                    .map(|c| c.0.ip().to_string())
            })
            .unwrap_or_else(|| "unknown".into());
        Ok(ClientKey(state.csrf.keyed_hash("client-address", &addr)))
    }
}

impl AppState {
    pub(crate) fn form_token(&self, viewer: &Viewer) -> String {
        self.csrf.session_token(&viewer.session_hash)
    }

    pub(crate) fn form_token_ok(&self, viewer: &Viewer, token: &str) -> bool {
        self.csrf.verify_session_token(&viewer.session_hash, token)
    }
}
