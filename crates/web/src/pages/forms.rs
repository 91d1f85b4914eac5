//! What every form needs: errors per field, the visitor's address for
//! throttling, safe return paths, and CSRF checks for signed-in sessions.

use crate::AppState;
use crate::pages::view::{Layout, render};
use crate::present::tr;
use crate::session::Viewer;
use askama::Template;
use axum::body::Body;
use axum::extract::{ConnectInfo, FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::response::Response;
use loket_domain::Lang;
use serde::de::DeserializeOwned;
use std::net::SocketAddr;

/// Errors by field name, in the order found, with the field's label where the
/// form gave one (the summary at the top then names the field).
#[derive(Debug, Default, Clone)]
pub struct Errors {
    messages: Vec<(String, String)>,
    labels: Vec<(String, String)>,
}

impl Errors {
    pub fn add(&mut self, field: impl Into<String>, message: String) {
        self.messages.push((field.into(), message));
    }
    /// An error whose summary line starts with the field's label ("Name: fill this in.").
    pub fn add_labelled(&mut self, field: impl Into<String>, label: String, message: String) {
        let field = field.into();
        self.labels.push((field.clone(), label));
        self.messages.push((field, message));
    }
    pub fn get(&self, field: &str) -> Option<&String> {
        self.messages
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, m)| m)
    }
    /// Adds a sentence to a field's message (for example which values were wrong).
    pub fn append(&mut self, field: &str, sentence: &str) {
        if let Some((_, m)) = self.messages.iter_mut().find(|(f, _)| f == field) {
            m.push(' ');
            m.push_str(sentence);
        }
    }
    pub fn is_empty(&self) -> bool {
        self.messages.is_empty()
    }
    /// For the error summary at the top of a form: each line names its field.
    pub fn all(&self) -> Vec<(String, String)> {
        self.messages
            .iter()
            .map(
                |(field, message)| match self.labels.iter().find(|(f, _)| f == field) {
                    Some((_, label)) => (field.clone(), format!("{label}: {message}")),
                    None => (field.clone(), message.clone()),
                },
            )
            .collect()
    }
}

/// Where to go after signing in: a path on this site only (no `//host`).
pub fn safe_next(next: &str) -> String {
    // Browsers drop tabs and newlines and read `\` as `/`, so `/\t/evil.example`
    // would leave the site: only a plain path on this site is followed.
    let ok = next.starts_with('/')
        && !next.starts_with("//")
        && !next
            .chars()
            .any(|c| c.is_control() || c.is_whitespace() || c == '\\')
        && next.len() < 500;
    if ok {
        next.to_string()
    } else {
        crate::pages::accounts::home::START.to_string()
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

#[derive(Template)]
#[template(path = "errors/csrf_refused.html")]
pub struct CsrfRefusedPage {
    layout: Layout,
}

/// A form without a valid token: 403, and nothing done.
pub(crate) fn csrf_refused(state: &AppState, lang: Lang) -> Response {
    let tr = tr(state, lang);
    let layout = Layout::new(tr.clone(), tr.t("csrf-title"), "", "/beheer", None);
    render(StatusCode::FORBIDDEN, &CsrfRefusedPage { layout })
}

pub(crate) fn pairs_value<'a>(pairs: &'a [(String, String)], key: &str) -> &'a str {
    pairs
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
        .unwrap_or("")
}

/// The largest form a signed-in person posts (the CV upload has its own route limit).
const MAX_FORM_BYTES: usize = 2 * 1024 * 1024;

/// A signed-in person's form whose token matches their session: anything else
/// (no session, no token, a forged or stale token) answers the 403 page before
/// the handler runs, so nothing is done. A body that does not parse as `T`
/// gives `T::default()`, which the handler's own checks then refuse.
pub(crate) struct CheckedForm<T>(pub T);

/// The form body again, as a request an `axum::Form` can read.
fn form_request(content_type: Option<&HeaderValue>, bytes: axum::body::Bytes) -> Request {
    let mut request = Request::new(Body::from(bytes));
    *request.method_mut() = Method::POST;
    if let Some(ct) = content_type {
        request
            .headers_mut()
            .insert(header::CONTENT_TYPE, ct.clone());
    }
    request
}

impl<T> FromRequest<AppState> for CheckedForm<T>
where
    T: DeserializeOwned + Default + Send,
{
    type Rejection = Response;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, Response> {
        let (parts, body) = req.into_parts();
        let lang = crate::lang::resolve(&parts);
        let viewer = parts.extensions.get::<Viewer>().cloned();
        let content_type = parts.headers.get(header::CONTENT_TYPE).cloned();
        let bytes = axum::body::to_bytes(body, MAX_FORM_BYTES)
            .await
            .unwrap_or_default();
        let pairs: Vec<(String, String)> =
            axum::Form::from_request(form_request(content_type.as_ref(), bytes.clone()), state)
                .await
                .map(|f: axum::Form<Vec<(String, String)>>| f.0)
                .unwrap_or_default();
        let token = pairs_value(&pairs, "token");
        if !viewer.is_some_and(|v| state.form_token_ok(&v, token)) {
            return Err(csrf_refused(state, lang));
        }
        let value = axum::Form::from_request(form_request(content_type.as_ref(), bytes), state)
            .await
            .map(|f: axum::Form<T>| f.0)
            .unwrap_or_default();
        Ok(CheckedForm(value))
    }
}

/// A multipart form: its fields as pairs, and the chosen file's bytes if any.
pub(crate) struct Upload {
    pub pairs: Vec<(String, String)>,
    pub file: Option<Vec<u8>>,
    /// The body could not be read in full (too large, or broken).
    pub too_large: bool,
}

/// Reads a multipart form whose file input is named `file_field`.
pub(crate) async fn read_upload(
    mut multipart: axum::extract::Multipart,
    file_field: &str,
) -> Upload {
    let mut upload = Upload {
        pairs: Vec::new(),
        file: None,
        too_large: false,
    };
    loop {
        match multipart.next_field().await {
            Ok(Some(field)) => {
                let name = field.name().unwrap_or_default().to_string();
                let is_file = field.file_name().is_some();
                match field.bytes().await {
                    Ok(bytes) if name == file_field => {
                        if is_file && !bytes.is_empty() {
                            upload.file = Some(bytes.to_vec());
                        }
                    }
                    Ok(bytes) => upload
                        .pairs
                        .push((name, String::from_utf8_lossy(&bytes).into_owned())),
                    Err(_) => {
                        upload.too_large = true;
                        return upload;
                    }
                }
            }
            Ok(None) => return upload,
            Err(_) => {
                upload.too_large = true;
                return upload;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn only_paths_on_this_site_are_followed_after_sign_in() {
        assert_eq!(
            safe_next("/beheer/verwijzingen?view=new"),
            "/beheer/verwijzingen?view=new"
        );
        for hostile in [
            "//evil.example/",
            "/\t/evil.example/",
            "/\\evil.example",
            "/\\/evil.example",
            "/%0a/x\n",
            "https://evil.example/",
            "",
        ] {
            assert_eq!(safe_next(hostile), "/start", "{hostile:?}");
        }
    }
}
