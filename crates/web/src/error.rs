//! The one error path of the HTTP tier. A use case answers [`AppError`]; here
//! it becomes what the person sees:
//! - pages: a handler returns [`PageError`] (with `?`), or the older
//!   `failure(..)`; both leave a [`Failure`] mark on an empty response, and the
//!   [`render_failures`] layer, which knows the visitor's language, turns the mark
//!   into the localized 400/404/409/410/503 page;
//! - the API: [`api_error`] gives problem+json.
//!
//! Nothing here logs personal data: store errors name records by id only.

use crate::AppState;
use crate::pages::view::{Layout, render};
use crate::present::tr;
use crate::problem::Problem;
use askama::Template;
use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use loket_app::AppError;
use loket_store::StoreError;

/// What went wrong, as a page shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Failure {
    Invalid,
    NotFound,
    Conflict,
    Expired,
    Unavailable,
    /// The address exists, but not for this method (the response carries `Allow`).
    MethodNotAllowed,
    /// The body is larger than any form here takes.
    TooLarge,
    /// The body did not arrive in time.
    TooSlow,
}

impl Failure {
    fn of(e: &AppError) -> Self {
        match e {
            AppError::Invalid(_) => Failure::Invalid,
            AppError::NotFound => Failure::NotFound,
            AppError::Conflict { .. } => Failure::Conflict,
            AppError::Expired => Failure::Expired,
            AppError::Unavailable(_) => Failure::Unavailable,
        }
    }

    fn status(self) -> StatusCode {
        match self {
            Failure::Invalid => StatusCode::BAD_REQUEST,
            Failure::NotFound => StatusCode::NOT_FOUND,
            Failure::Conflict => StatusCode::CONFLICT,
            Failure::Expired => StatusCode::GONE,
            Failure::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
            Failure::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            Failure::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            Failure::TooSlow => StatusCode::REQUEST_TIMEOUT,
        }
    }

    /// The message keys of the page's title and text.
    fn keys(self) -> (&'static str, &'static str) {
        match self {
            Failure::Invalid => ("error-invalid-title", "error-invalid-body"),
            Failure::NotFound => ("notfound-title", "notfound-body"),
            Failure::Conflict => ("error-conflict-title", "error-conflict-body"),
            Failure::Expired => ("error-expired-title", "error-expired-body"),
            Failure::Unavailable => ("error-unavailable-title", "error-unavailable-body"),
            Failure::MethodNotAllowed => ("error-method-title", "error-method-body"),
            Failure::TooLarge => ("error-too-large-title", "error-too-large-body"),
            Failure::TooSlow => ("error-too-slow-title", "error-too-slow-body"),
        }
    }

    /// An empty response with the status and the mark [`render_failures`] looks for.
    pub(crate) fn marked(self) -> Response {
        let mut res = self.status().into_response();
        res.extensions_mut().insert(self);
        res
    }
}

/// A method the route does not have: 405 with `Allow`, as problem+json under
/// `/api/` and as a page in the visitor's language elsewhere.
pub(crate) fn method_not_allowed(is_api: bool, allow: &str) -> Response {
    let mut res = if is_api {
        Problem::plain(
            405,
            "Method Not Allowed",
            format!("this address answers {allow} only"),
        )
        .into_response()
    } else {
        Failure::MethodNotAllowed.marked()
    };
    if let Ok(v) = axum::http::HeaderValue::from_str(allow) {
        res.headers_mut().insert(axum::http::header::ALLOW, v);
    }
    res
}

/// A page handler's error: `?` on an [`AppError`] or a store error.
#[derive(Debug)]
pub(crate) struct PageError(pub AppError);

impl From<AppError> for PageError {
    fn from(e: AppError) -> Self {
        PageError(e)
    }
}

impl From<StoreError> for PageError {
    fn from(e: StoreError) -> Self {
        PageError(e.into())
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        Failure::of(&self.0).marked()
    }
}

/// A use case or the store failed while a page was handled: the localized
/// page for it (503 when the database did not answer).
pub(crate) fn failure(e: impl Into<AppError>) -> Response {
    PageError(e.into()).into_response()
}

#[derive(Template)]
#[template(path = "errors/problem.html")]
struct ProblemPage {
    layout: Layout,
    message: String,
    retry: String,
    retry_label: String,
}

/// Turns a marked response into the page in the visitor's language.
pub(crate) async fn render_failures(
    State(state): State<AppState>,
    req: Request,
    next: Next,
) -> Response {
    let (parts, body) = req.into_parts();
    let lang = crate::lang::resolve(&parts);
    let uri = parts.uri.clone();
    let res = next.run(Request::from_parts(parts, body)).await;
    let Some(failure) = res.extensions().get::<Failure>().copied() else {
        return res;
    };
    // What the marked response says about the connection and retrying stays.
    let kept: Vec<_> = [
        axum::http::header::ALLOW,
        axum::http::header::RETRY_AFTER,
        axum::http::header::CONNECTION,
    ]
    .into_iter()
    .filter_map(|name| Some((name.clone(), res.headers().get(&name)?.clone())))
    .collect();
    if failure == Failure::NotFound {
        return crate::pages::errors::not_found_page(&state, lang, &uri);
    }
    let tr = tr(&state, lang);
    let (title, body) = failure.keys();
    let layout = Layout::new(tr.clone(), tr.t(title), "", uri.path(), uri.query());
    // Trying again: the same address, read again (a form's page for a failed post).
    let retry = uri
        .path_and_query()
        .map_or_else(|| uri.path().to_string(), |pq| pq.as_str().to_string());
    let mut page = render(
        failure.status(),
        &ProblemPage {
            message: tr.t(body),
            retry_label: tr.t("error-retry"),
            retry,
            layout,
        },
    );
    page.headers_mut().extend(kept);
    page
}

/// An [`AppError`] as RFC 9457 problem+json, every invalid field named at once.
pub(crate) fn api_error(e: AppError) -> Response {
    let problem = match e {
        AppError::Invalid(problems) => Problem::bad_request(
            problems
                .iter()
                .map(|p| crate::problem::InvalidParam {
                    name: p.field.to_string(),
                    reason: p.problem.to_string(),
                })
                .collect(),
        ),
        AppError::NotFound => Problem::plain(404, "Not Found", "no such record".into()),
        AppError::Conflict { current } => Problem::conflict(&current),
        AppError::Expired => Problem::gone(),
        AppError::Unavailable(_) => Problem::unavailable(),
    };
    problem.into_response()
}
