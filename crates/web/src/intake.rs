//! Request bodies, read before the handler sees them: within a deadline (a client
//! that trickles its body is answered 408 and closed), at most
//! [`BodyLimits::max_bytes`] (413), and within one memory budget shared by all
//! requests of this node: a body may only be read when its declared size fits in
//! what is left (else 503 with `Retry-After`), so slow or large uploads from many
//! clients cannot exhaust memory. Handlers keep their own, smaller limits and
//! explain them in the form; this layer only stops what no form could use.
//! It runs after authorization, so refused requests never have their body read.

use crate::AppState;
use crate::problem::Problem;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http_body_util::{BodyExt, Limited};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Semaphore;

/// See the module documentation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BodyLimits {
    /// Time to receive a whole body once the headers are in.
    pub deadline: Duration,
    /// The largest body any route accepts (the CV upload with its form).
    pub max_bytes: usize,
    /// Bytes of bodies this node holds at once, over all requests.
    pub budget_bytes: usize,
}

impl Default for BodyLimits {
    fn default() -> Self {
        BodyLimits {
            deadline: Duration::from_secs(30),
            max_bytes: 10 * 1024 * 1024,
            budget_bytes: 128 * 1024 * 1024,
        }
    }
}

/// How long a request waits for room in the budget before it is told to retry.
const BUDGET_WAIT: Duration = Duration::from_secs(2);
/// What a client told "busy" should wait, in seconds.
const RETRY_AFTER_SECS: &str = "5";

/// The budget in KiB permits, shared by the router's clones.
#[derive(Debug, Clone)]
pub(crate) struct Budget {
    limits: BodyLimits,
    kib: Arc<Semaphore>,
}

impl Budget {
    pub(crate) fn new(limits: BodyLimits) -> Self {
        let kib = (limits.budget_bytes / 1024).clamp(1, Semaphore::MAX_PERMITS);
        Budget {
            limits,
            kib: Arc::new(Semaphore::new(kib)),
        }
    }
}

fn declared_length(req: &Request) -> Option<usize> {
    req.headers()
        .get(header::CONTENT_LENGTH)?
        .to_str()
        .ok()?
        .parse()
        .ok()
}

pub(crate) async fn bodies(State(state): State<AppState>, req: Request, next: Next) -> Response {
    if axum::body::HttpBody::is_end_stream(req.body()) {
        return next.run(req).await;
    }
    let budget = state.bodies.clone();
    let max = budget.limits.max_bytes;
    let is_api = req.uri().path().starts_with("/api/");
    let declared = declared_length(&req);
    if declared.is_some_and(|n| n > max) {
        return refuse(is_api, Refusal::TooLarge(max));
    }
    // A body of unknown length may be as large as the largest allowed.
    let kib = declared.unwrap_or(max).div_ceil(1024).max(1);
    let kib = u32::try_from(kib).unwrap_or(u32::MAX);
    let waiting = tokio::time::timeout(BUDGET_WAIT, budget.kib.acquire_many_owned(kib));
    let Ok(Ok(permit)) = waiting.await else {
        return refuse(is_api, Refusal::Busy);
    };
    let (parts, body) = req.into_parts();
    let read = tokio::time::timeout(budget.limits.deadline, Limited::new(body, max).collect());
    let bytes = match read.await {
        Err(_) => return refuse(is_api, Refusal::TooSlow),
        Ok(Err(e)) if e.is::<http_body_util::LengthLimitError>() => {
            return refuse(is_api, Refusal::TooLarge(max));
        }
        Ok(Err(_)) => return refuse(is_api, Refusal::Broken),
        Ok(Ok(collected)) => collected.to_bytes(),
    };
    let res = next
        .run(Request::from_parts(parts, Body::from(bytes)))
        .await;
    drop(permit);
    res
}

enum Refusal {
    TooLarge(usize),
    TooSlow,
    Busy,
    Broken,
}

fn refuse(is_api: bool, refusal: Refusal) -> Response {
    let (status, title, detail, failure) = match refusal {
        Refusal::TooLarge(max) => (
            413,
            "Content Too Large",
            format!("the body may be at most {} MB", max / (1024 * 1024)),
            crate::error::Failure::TooLarge,
        ),
        Refusal::TooSlow => (
            408,
            "Request Timeout",
            "the body did not arrive in time".to_string(),
            crate::error::Failure::TooSlow,
        ),
        Refusal::Busy => (
            503,
            "Service Unavailable",
            "too many large requests at once; try again shortly".to_string(),
            crate::error::Failure::Unavailable,
        ),
        Refusal::Broken => (
            400,
            "Bad Request",
            "the body could not be read".to_string(),
            crate::error::Failure::Invalid,
        ),
    };
    let mut res = if is_api {
        Problem::plain(status, title, detail).into_response()
    } else {
        failure.marked()
    };
    let headers = res.headers_mut();
    if status == 503 {
        headers.insert(
            header::RETRY_AFTER,
            HeaderValue::from_static(RETRY_AFTER_SECS),
        );
    }
    if status != 503 {
        // The rest of the body may still be on its way: do not read it, close.
        headers.insert(header::CONNECTION, HeaderValue::from_static("close"));
    }
    res
}
