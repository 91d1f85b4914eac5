//! Requests per client address and minute on the JSON API for callers without an
//! API token (the public feeds, the front door's routing, the ESCO suggestions):
//! over the limit, 429 with `Retry-After` until the minute is over. Counted in
//! memory per node (a fixed window), which is enough to stop one client from
//! taking a node's capacity; the public forms have their own limits in the
//! database (`loket_app::limits`). Callers with a valid API token are known
//! organisations and are not counted here (an invalid one is counted).
//!
//! Every 429, from here or from a form's limit, carries `Retry-After`
//! ([`retry_after_on_429`]).

use crate::AppState;
use crate::problem::Problem;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const WINDOW: Duration = Duration::from_secs(60);
/// Addresses remembered at most; past this, windows that ended are dropped.
const MAX_TRACKED: usize = 100_000;
/// What a form's 429 tells a client to wait when it does not say more.
const FORM_RETRY_AFTER_SECS: &str = "60";

/// Counts per address in the current window.
#[derive(Debug, Clone)]
pub(crate) struct ApiThrottle {
    per_minute: u32,
    windows: Arc<Mutex<HashMap<String, (Instant, u32)>>>,
}

impl ApiThrottle {
    pub(crate) fn new(per_minute: u32) -> Self {
        ApiThrottle {
            per_minute: per_minute.max(1),
            windows: Arc::new(Mutex::new(HashMap::new())),
        }
    }

    /// Counts one request from `address`; `Some(seconds to wait)` when over.
    fn count(&self, address: &str, now: Instant) -> Option<u64> {
        let Ok(mut windows) = self.windows.lock() else {
            return None;
        };
        if windows.len() >= MAX_TRACKED {
            windows.retain(|_, (start, _)| now.duration_since(*start) < WINDOW);
        }
        let (start, n) = windows.entry(address.to_string()).or_insert((now, 0));
        if now.duration_since(*start) >= WINDOW {
            (*start, *n) = (now, 0);
        }
        *n = n.saturating_add(1);
        (*n > self.per_minute).then(|| {
            let left = WINDOW.saturating_sub(now.duration_since(*start));
            left.as_secs().max(1)
        })
    }
}

/// The client's address: the proxy's `X-Forwarded-For` when trusted, else the peer.
fn address(state: &AppState, req: &Request) -> String {
    let forwarded = state
        .trust_forwarded_for
        .then(|| {
            req.headers()
                .get("x-forwarded-for")
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.split(',').next())
                .map(|v| v.trim().to_string())
        })
        .flatten();
    forwarded
        .or_else(|| {
            req.extensions()
                .get::<ConnectInfo<SocketAddr>>()
                .map(|c| c.0.ip().to_string())
        })
        .unwrap_or_else(|| "unknown".into())
}

pub(crate) async fn api(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let with_token = req
        .extensions()
        .get::<crate::session::Viewer>()
        .is_some_and(|v| v.api_scopes.is_some());
    let anonymous_api = req.uri().path().starts_with("/api/") && !with_token;
    if anonymous_api
        && let Some(wait) = state
            .api_throttle
            .count(&address(&state, &req), Instant::now())
    {
        let mut res = Problem::plain(
            429,
            "Too Many Requests",
            format!(
                "more than {} requests a minute from one address; try again in {wait} s",
                state.api_throttle.per_minute
            ),
        )
        .into_response();
        if let Ok(v) = HeaderValue::from_str(&wait.to_string()) {
            res.headers_mut().insert(header::RETRY_AFTER, v);
        }
        return res;
    }
    next.run(req).await
}

/// Adds `Retry-After` to a 429 that does not have one (the public forms' limits
/// count per hour; a minute is a fair first wait, the form says more).
pub(crate) fn retry_after_on_429(res: &mut Response) {
    if res.status() == StatusCode::TOO_MANY_REQUESTS
        && !res.headers().contains_key(header::RETRY_AFTER)
    {
        res.headers_mut().insert(
            header::RETRY_AFTER,
            HeaderValue::from_static(FORM_RETRY_AFTER_SECS),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_limit_holds_per_address_and_resets_after_a_minute() {
        let t = ApiThrottle::new(3);
        let start = Instant::now();
        for _ in 0..3 {
            assert_eq!(t.count("a", start), None);
        }
        assert_eq!(t.count("a", start + Duration::from_secs(15)), Some(45));
        assert_eq!(
            t.count("b", start),
            None,
            "another address has its own count"
        );
        assert_eq!(t.count("a", start + WINDOW), None, "a new minute");
    }
}
