//! RFC 9457 problem details for the API, listing every invalid parameter at once.

use axum::Json;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::ToSchema;

#[derive(Debug, Serialize, ToSchema)]
pub struct InvalidParam {
    /// The parameter's name, e.g. `per_page`.
    pub name: String,
    pub reason: String,
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Problem {
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    pub status: u16,
    pub detail: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub invalid_params: Vec<InvalidParam>,
}

impl Problem {
    pub fn bad_request(invalid_params: Vec<InvalidParam>) -> Self {
        let detail = invalid_params
            .iter()
            .map(|p| format!("{}: {}", p.name, p.reason))
            .collect::<Vec<_>>()
            .join("; ");
        Problem {
            kind: "about:blank".into(),
            title: "Bad Request".into(),
            status: 400,
            detail,
            invalid_params,
        }
    }

    pub fn unavailable() -> Self {
        Problem {
            kind: "about:blank".into(),
            title: "Service Unavailable".into(),
            status: 503,
            detail: "the database did not answer; try again shortly".into(),
            invalid_params: vec![],
        }
    }

    pub fn unauthorized() -> Self {
        Problem {
            kind: "about:blank".into(),
            title: "Unauthorized".into(),
            status: 401,
            detail: "sign in first: send an API token (Authorization: Bearer …); a signed-in \
                     browser session writes only with its CSRF token in X-CSRF-Token"
                .into(),
            invalid_params: vec![],
        }
    }

    pub fn forbidden() -> Self {
        Problem {
            kind: "about:blank".into(),
            title: "Forbidden".into(),
            status: 403,
            detail: "your roles do not allow this".into(),
            invalid_params: vec![],
        }
    }

    pub fn no_route(path: &str) -> Self {
        Problem {
            kind: "about:blank".into(),
            title: "Not Found".into(),
            status: 404,
            detail: format!("nothing at {path}"),
            invalid_params: vec![],
        }
    }

    pub fn not_found(what: &str, id: &str) -> Self {
        Problem {
            kind: "about:blank".into(),
            title: "Not Found".into(),
            status: 404,
            detail: format!("no {what} with id {id:?}"),
            invalid_params: vec![],
        }
    }
}

impl Problem {
    pub(crate) fn plain(status: u16, title: &str, detail: String) -> Self {
        Problem {
            kind: "about:blank".into(),
            title: title.into(),
            status,
            detail,
            invalid_params: vec![],
        }
    }

    /// Someone else changed the record first; `current` says how it is now.
    pub fn conflict(current: &str) -> Self {
        Self::plain(
            409,
            "Conflict",
            format!("changed in the meantime; now: {current}"),
        )
    }

    /// A link or token that no longer works.
    pub fn gone() -> Self {
        Self::plain(410, "Gone", "the link has expired or was used".into())
    }
}

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let mut res = (status, Json(&self)).into_response();
        res.headers_mut().insert(
            header::CONTENT_TYPE,
            header::HeaderValue::from_static("application/problem+json"),
        );
        res
    }
}
