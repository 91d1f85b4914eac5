//! Server-side sessions. The browser holds a random id in an HttpOnly cookie; the
//! database holds its SHA-256 hash, the account, how far sign-in got, and when the
//! session started and was last used. Sessions end after [`loket_app::accounts::sessions::SessionLifetimes`]
//! without use and after their absolute limit in any case; a new id is
//! issued whenever sign-in moves a step, so an id seen before sign-in is worthless after.

use crate::AppState;
use axum::extract::{FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use loket_app::AppError;
use loket_app::accounts::sessions;
use loket_domain::account::{Account, Membership};
use loket_store::SessionStage;

#[derive(Debug, Clone, Default)]
pub struct SessionConfig {
    /// Mark the cookie `Secure` (and name it `__Host-…`): on whenever loket is
    /// reached over HTTPS, which is how it must run outside a developer's machine.
    pub secure_cookies: bool,
}

impl SessionConfig {
    pub fn cookie_name(&self) -> &'static str {
        if self.secure_cookies {
            "__Host-loket_session"
        } else {
            "loket_session"
        }
    }

    fn cookie(&self, value: &str, max_age: Option<i64>) -> Option<HeaderValue> {
        let secure = if self.secure_cookies { "; Secure" } else { "" };
        let age = max_age
            .map(|a| format!("; Max-Age={a}"))
            .unwrap_or_default();
        HeaderValue::from_str(&format!(
            "{}={value}; Path=/; HttpOnly; SameSite=Lax{secure}{age}",
            self.cookie_name()
        ))
        .ok()
    }
}

/// Who is asking, when a session cookie came with the request.
#[derive(Debug, Clone)]
pub struct Viewer {
    pub account: Account,
    pub memberships: Vec<Membership>,
    pub session_hash: String,
    pub stage: SessionStage,
    /// For a caller with an API token: the token's scopes, which narrow what
    /// its organisation's staff role allows. `None` for people with a session.
    pub api_scopes: Option<Vec<String>>,
}

/// The scope an API token needs for an action; actions without one are never
/// open to tokens.
pub fn scope_for(action: loket_domain::policy::Action) -> Option<&'static str> {
    use loket_domain::policy::Action;
    match action {
        Action::RegisterContact => Some("contacts"),
        Action::HandleReferrals => Some("referrals"),
        Action::ViewReferralFigures => Some("figures"),
        _ => None,
    }
}

impl Viewer {
    pub fn signed_in(&self) -> bool {
        self.stage == SessionStage::Full
    }

    /// Whether the caller's API token (if any) covers `action`.
    pub fn token_allows(&self, action: loket_domain::policy::Action) -> bool {
        match &self.api_scopes {
            None => true,
            Some(scopes) => scope_for(action).is_some_and(|s| scopes.iter().any(|x| x == s)),
        }
    }
}

/// The request's [`Viewer`], if any (put there by [`load`]).
#[derive(Debug, Clone)]
pub struct CurrentViewer(pub Option<Viewer>);

impl<S: Send + Sync> FromRequestParts<S> for CurrentViewer {
    type Rejection = std::convert::Infallible;
    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(CurrentViewer(parts.extensions.get::<Viewer>().cloned()))
    }
}

/// A completed sign-in; anything else is sent to the sign-in page.
pub struct SignedIn(pub Viewer);

impl<S: Send + Sync> FromRequestParts<S> for SignedIn {
    type Rejection = Response;
    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        match parts.extensions.get::<Viewer>() {
            Some(v) if v.signed_in() => Ok(SignedIn(v.clone())),
            _ => Err(Redirect::to("/aanmelden").into_response()),
        }
    }
}

/// The value of the cookie `name` among the request's headers.
pub(crate) fn cookie_value<'a>(headers: &'a axum::http::HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .find_map(|c| {
            let (n, v) = c.trim().split_once('=')?;
            (n == name).then_some(v)
        })
}

/// Finds the session of the request's cookie, ends it when it timed out, and
/// makes the [`Viewer`] available to the rest of the request.
pub async fn load(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    if let Some(token) = bearer_token(&req) {
        // An API client: the token stands for its organisation; no cookie is read.
        match token_viewer(&state, &token).await {
            Ok(Some(viewer)) => {
                req.extensions_mut().insert(viewer);
            }
            Ok(None) => {}
            Err(e) => tracing::error!(error = %e, "loading an API token failed"),
        }
        return next.run(req).await;
    }
    let Some(id) = cookie_value(req.headers(), state.cookies.cookie_name()).map(str::to_owned)
    else {
        return next.run(req).await;
    };
    match viewer_for(&state, &id).await {
        Ok(Some(viewer)) if !cookie_may_act(&state, &req, &viewer) => {
            // A bare cookie writing to the API: another site's page can make a
            // browser send that. The request goes on as anonymous (401).
            next.run(req).await
        }
        Ok(Some(viewer)) => {
            req.extensions_mut().insert(viewer);
            next.run(req).await
        }
        Ok(None) => {
            // Unknown or expired: forget the cookie too.
            let mut res = next.run(req).await;
            if let Some(v) = state.cookies.cookie("", Some(0)) {
                res.headers_mut().append(header::SET_COOKIE, v);
            }
            res
        }
        Err(e) => {
            tracing::error!(error = %e, "loading a session failed");
            next.run(req).await
        }
    }
}

/// The header in which a browser script sends its session's CSRF token (the
/// `token` of every staff form) with a write to the JSON API.
pub const CSRF_HEADER: &str = "x-csrf-token";

/// Whether a session cookie may stand for its person on this request. Pages
/// check their forms' tokens themselves ([`crate::pages::forms::CheckedForm`]);
/// the JSON API's writes need a bearer token, or the session's CSRF token in
/// [`CSRF_HEADER`] from a page of this site (the `Origin`, when sent, is ours).
fn cookie_may_act(state: &AppState, req: &Request, viewer: &Viewer) -> bool {
    let writes_to_api = req.uri().path().starts_with("/api/")
        && !matches!(req.method().as_str(), "GET" | "HEAD" | "OPTIONS");
    if !writes_to_api {
        return true;
    }
    let token_ok = req
        .headers()
        .get(CSRF_HEADER)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| state.csrf.verify_session_token(&viewer.session_hash, t));
    token_ok && same_origin(state, req)
}

/// No `Origin` (not sent by a browser's cross-site request), or this site's:
/// the configured public address, or the address the request was sent to.
fn same_origin(state: &AppState, req: &Request) -> bool {
    let Some(origin) = req.headers().get(header::ORIGIN) else {
        return true;
    };
    let Ok(origin) = origin.to_str() else {
        return false;
    };
    let public = state.public_url.as_str();
    let public_origin = public
        .find("://")
        .map(|i| i + 3)
        .and_then(|start| public[start..].find('/').map(|end| &public[..start + end]))
        .unwrap_or(public);
    if origin == public_origin {
        return true;
    }
    let host = req
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("");
    !host.is_empty() && (origin == format!("http://{host}") || origin == format!("https://{host}"))
}

fn bearer_token(req: &Request) -> Option<String> {
    let value = req.headers().get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| token.trim().to_string())
        .filter(|t| !t.is_empty() && t.len() <= 200)
}

/// The viewer an API token stands for: its organisation's staff role, narrowed
/// to the token's scopes.
/// A token acts as staff of its organisation; with the `figures` scope it also
/// reads the network's results as a funder does (aggregates only).
fn token_memberships(organization_id: String, scopes: &[String]) -> Vec<Membership> {
    let mut memberships = vec![Membership {
        region: None,
        role: loket_domain::account::Role::Staff,
        organization_id: Some(organization_id),
    }];
    if scopes.iter().any(|s| s == "figures") {
        memberships.push(Membership {
            region: None,
            role: loket_domain::account::Role::Funder,
            organization_id: None,
        });
    }
    memberships
}

async fn token_viewer(state: &AppState, token: &str) -> Result<Option<Viewer>, AppError> {
    let Some(t) = sessions::api_token(state, token).await? else {
        return Ok(None);
    };
    let Some(email) = loket_domain::account::Email::parse("api-token@loket.invalid") else {
        return Ok(None);
    };
    Ok(Some(Viewer {
        account: Account {
            id: format!("api-token:{}", t.id),
            email,
            display_name: t.name,
            created_at: chrono::DateTime::from_timestamp(t.created_at, 0).unwrap_or_default(),
            disabled: false,
        },
        memberships: token_memberships(t.organization_id, &t.scopes),
        session_hash: String::new(),
        stage: SessionStage::Full,
        api_scopes: Some(t.scopes),
    }))
}

async fn viewer_for(state: &AppState, id: &str) -> Result<Option<Viewer>, AppError> {
    Ok(sessions::resume(state, id).await?.map(|h| Viewer {
        account: h.account,
        memberships: h.memberships,
        session_hash: h.session_hash,
        stage: h.stage,
        api_scopes: None,
    }))
}

/// Starts a session at `stage` and returns the `Set-Cookie` header for it.
/// Any session the browser had before is ended first (a new id at each step).
pub async fn start(
    state: &AppState,
    previous: Option<&Viewer>,
    account_id: &str,
    stage: SessionStage,
) -> Result<Option<HeaderValue>, AppError> {
    let previous = previous.map(|v| v.session_hash.as_str());
    let id = sessions::start(state, previous, account_id, stage).await?;
    Ok(state.cookies.cookie(&id, None))
}

/// The `Set-Cookie` header that removes the session cookie.
pub fn clear_cookie(state: &AppState) -> Option<HeaderValue> {
    state.cookies.cookie("", Some(0))
}
