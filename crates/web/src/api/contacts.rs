//! `POST /api/v1/contacts`: an organisation's own system registers a client
//! contact (API token with the `contacts` scope, Idempotency-Key honoured).

// Helpers here return a ready answer as their error (`Result<_, Response>`), the
// usual axum shape; boxing it would only add noise.
#![allow(clippy::result_large_err)]

use crate::AppState;
use crate::api::referrals::{
    Created, OrgParam, caller_org, invalid, json_body, json_reply, once, viewer_of,
};
use crate::problem::Problem;
use axum::body::Bytes;
use axum::extract::State;
use axum::extract::rejection::BytesRejection;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use loket_app::AppError;
use loket_app::contacts::register;
use loket_domain::contact::ContactInput;
use loket_domain::policy::Action;
use serde::Deserialize;
use utoipa::ToSchema;

/// A contact as posted: codes as in the staff form; `topics` a list of topic codes.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ContactRequest {
    pub service_id: String,
    /// walk-in, phone, email, chat or event
    pub channel: String,
    #[serde(default)]
    pub target_group: Option<String>,
    #[serde(default)]
    pub topics: Vec<String>,
    /// NL, BE, DE or other
    #[serde(default)]
    pub residence_country: Option<String>,
    #[serde(default)]
    pub work_country: Option<String>,
    pub language: String,
    /// answered, referred or follow-up
    pub outcome: String,
    #[serde(default)]
    pub minutes: Option<u32>,
    /// Only with outcome follow-up, and with `basis`.
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub contact: Option<String>,
    #[serde(default)]
    pub basis: Option<String>,
}

/// Registers a client contact of the caller's organisation.
#[utoipa::path(post, path = "/api/v1/contacts",
    request_body = ContactRequest,
    params(("organization_id" = Option<String>, Query),
           ("Idempotency-Key" = Option<String>, Header, description = "a retry with the same key returns the first answer")),
    responses((status = 201, body = Created), (status = 400, body = Problem, content_type = "application/problem+json")),
    security(("bearer" = [])))]
pub async fn create_contact(
    State(state): State<AppState>,
    crate::session::CurrentViewer(viewer): crate::session::CurrentViewer,
    super::ApiQuery(params): super::ApiQuery<OrgParam>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let viewer = match viewer_of(viewer) {
        Ok(v) => v,
        Err(res) => return res,
    };
    let org = match caller_org(
        &viewer,
        Action::RegisterContact,
        params.organization_id.as_deref(),
    ) {
        Ok(o) => o,
        Err(res) => return res,
    };
    let fingerprint = [
        b"POST /api/v1/contacts ".as_slice(),
        org.as_bytes(),
        body.as_ref().map(|b| b.as_ref()).unwrap_or_default(),
    ]
    .concat();
    once(&state, &viewer, &headers, &fingerprint, || async {
        let c: ContactRequest = match json_body(&body) {
            Ok(c) => c,
            Err(res) => return res,
        };
        let input = ContactInput {
            service_id: c.service_id,
            channel: c.channel,
            target_group: c.target_group.unwrap_or_default(),
            topics: c.topics,
            residence_country: c.residence_country.unwrap_or_default(),
            work_country: c.work_country.unwrap_or_default(),
            language: c.language,
            outcome: c.outcome,
            minutes: c.minutes.map(|m| m.to_string()).unwrap_or_default(),
            name: c.name.unwrap_or_default(),
            contact: c.contact.unwrap_or_default(),
            basis: c.basis.unwrap_or_default(),
        };
        match register(&state, &viewer.account.id, &org, &input, "api").await {
            Ok(contact) => json_reply(StatusCode::CREATED, &Created { id: contact.id }),
            Err(AppError::Invalid(problems)) => invalid(&problems),
            Err(e) => crate::error::api_error(e),
        }
    })
    .await
}
