//! Cross-cutting response rules: security headers on every response (Dutch API
//! Design Rules, NL Design System habits), CORS for an allowlist of origins on the
//! API and for everyone on the open feeds (GET), and an access log without query strings (they may hold what people typed).

use crate::AppState;
use axum::extract::{Request, State};
use axum::http::{HeaderName, HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;

/// The API's full version; the major version is in the path (`/api/v1`).
pub const API_VERSION: &str = "1.0.0";

/// Scripts only from this site and no inline code: the ESCO type-ahead is the one script,
/// and the pages work without it.
const CSP: &str = "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/// The caller's `X-Request-Id` when it is a plain token (a proxy's), else a new one.
fn request_id(req: &Request) -> String {
    req.headers()
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .filter(|v| {
            !v.is_empty()
                && v.len() <= 64
                && v.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'.')
        })
        .map_or_else(|| uuid::Uuid::new_v4().simple().to_string(), str::to_string)
}

/// The open HSDS feeds (the deployment's and each region's) and the API description:
/// public data, readable from any origin with GET.
fn open_feed(method: &axum::http::Method, path: &str) -> bool {
    const FEEDS: &[&str] = &[
        "/api/v1/services",
        "/api/v1/organizations",
        "/api/v1/taxonomies",
        "/api/v1/taxonomy_terms",
        "/api/v1/service_at_locations",
        "/api/v1/regions",
        "/api/v1/catalogue",
        "/api/v1/openapi.json",
    ];
    (method == axum::http::Method::GET || method == axum::http::Method::HEAD)
        && FEEDS.iter().any(|f| {
            path == *f
                || path
                    .strip_prefix(f)
                    .is_some_and(|rest| rest.starts_with('/'))
        })
}

pub async fn headers(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let is_api = req.uri().path().starts_with("/api/");
    let origin = req.headers().get(header::ORIGIN).cloned();
    let method = req.method().clone();
    let path = req.uri().path().to_string();
    let started = std::time::Instant::now();
    let request_id = request_id(&req);

    // Every log line written while answering carries the request id.
    let span = tracing::info_span!("request", id = %request_id);
    let mut res = tracing::Instrument::instrument(next.run(req), span.clone()).await;
    crate::throttle::retry_after_on_429(&mut res);

    span.in_scope(|| {
        tracing::info!(target: "access", %method, %path, status = res.status().as_u16(), micros = started.elapsed().as_micros() as u64);
    });
    if let Ok(v) = HeaderValue::from_str(&request_id) {
        res.headers_mut()
            .insert(HeaderName::from_static("x-request-id"), v);
    }
    let h = res.headers_mut();
    let mut set = |name: HeaderName, value: &'static str| {
        h.insert(name, HeaderValue::from_static(value));
    };
    set(header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(header::X_FRAME_OPTIONS, "DENY");
    set(header::REFERRER_POLICY, "no-referrer");
    set(
        header::STRICT_TRANSPORT_SECURITY,
        "max-age=31536000; includeSubDomains",
    );
    set(header::CONTENT_SECURITY_POLICY, CSP);
    set(
        HeaderName::from_static("cross-origin-opener-policy"),
        "same-origin",
    );
    set(
        HeaderName::from_static("permissions-policy"),
        "geolocation=(), camera=(), microphone=()",
    );
    if is_api {
        set(HeaderName::from_static("api-version"), API_VERSION);
        set(header::CACHE_CONTROL, "no-store");
        set(header::ACCESS_CONTROL_EXPOSE_HEADERS, "api-version");
        h.append(header::VARY, HeaderValue::from_static("origin"));
        if let Some(origin) = origin.filter(|o| o.to_str().is_ok_and(|o| state.cors_allows(o))) {
            h.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, origin);
        } else if open_feed(&method, &path) {
            // Anyone's page may read the open catalogue (as Open Referral UK asks of its
            // publishers); `*` sends no cookies, so nobody's session comes along.
            h.insert(
                header::ACCESS_CONTROL_ALLOW_ORIGIN,
                HeaderValue::from_static("*"),
            );
        }
    }
    res
}
