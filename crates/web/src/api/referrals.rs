//! The referral API (`/api/v1/referrals`): refer, list, read, change status;
//! refusals as problem+json (409 names the allowed transitions), Idempotency-Key
//! replays, and the helpers the contacts endpoint shares.

// Helpers here return a ready answer as their error (`Result<_, Response>`), the
// usual axum shape; boxing it would only add noise.
#![allow(clippy::result_large_err)]

use crate::AppState;
use crate::problem::{InvalidParam, Problem};
use crate::session::Viewer;
use axum::Json;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use loket_app::idempotency::{self, Reservation};
use loket_app::referrals::queries;
use loket_app::referrals::{self as desk, ActError, Caller, ReferError};
use loket_domain::policy::{self, Action};
use loket_domain::referral::{
    FieldProblem, Referral, ReferralRequest, Side, Status, StatusChange, Transition,
    TransitionError,
};
use loket_store::referrals::{InboxQuery, InboxView};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// The largest request body the API reads.
pub const MAX_BODY_BYTES: usize = 64 * 1024;
pub(crate) const MAX_KEY_CHARS: usize = 200;

/// A referral as one of its parties sees it.
#[derive(Serialize, ToSchema)]
pub struct ReferralView {
    pub id: String,
    /// Send it back as `version` with a transition to detect concurrent changes.
    pub version: i64,
    /// `sender` or `receiver`: the caller's end.
    pub side: String,
    /// The sending organisation; absent for requests from the front door.
    pub sender_organization_id: Option<String>,
    pub receiver_organization_id: String,
    pub service_id: String,
    /// FHIR Task status: requested, received, accepted, rejected, in-progress,
    /// on-hold, completed, failed, cancelled.
    pub status: String,
    pub reason: Option<String>,
    pub outcome: Option<String>,
    /// Which statuses the caller may move it to now.
    pub allowed_transitions: Vec<String>,
    /// The person's details; absent once removed (consent withdrawn, retention).
    pub person: Option<PersonView>,
    pub note: String,
    pub legal_basis: String,
    pub purpose: String,
    pub consent_withdrawn_at: Option<i64>,
    pub previous_id: Option<String>,
    pub due_on: Option<String>,
    pub created_at: i64,
    pub updated_at: i64,
    /// The status history, oldest first (only in single-referral answers).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub history: Option<Vec<HistoryView>>,
}

#[derive(Serialize, ToSchema)]
pub struct PersonView {
    pub name: String,
    pub contact: String,
    pub language: String,
}

#[derive(Serialize, ToSchema)]
pub struct HistoryView {
    pub at: i64,
    pub from: Option<String>,
    pub to: String,
    pub reason: Option<String>,
    pub outcome: Option<String>,
    /// The organisation that made the change; absent for the front door.
    pub organization_id: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct ReferralList {
    pub items: Vec<ReferralView>,
    pub page: i64,
    pub per_page: i64,
}

#[derive(Serialize, ToSchema)]
pub struct Created {
    pub id: String,
}

/// A status change, e.g. `{"to": "accepted", "version": 1}`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TransitionRequest {
    pub to: String,
    #[serde(default)]
    pub reason: Option<String>,
    #[serde(default)]
    pub outcome: Option<String>,
    /// The version the change is based on; a newer stored version gives 409.
    #[serde(default)]
    pub version: Option<i64>,
}

pub(crate) fn view(r: &Referral, side: Side, history: Option<Vec<StatusChange>>) -> ReferralView {
    ReferralView {
        id: r.id.clone(),
        version: r.version,
        side: match side {
            Side::Sender => "sender",
            Side::Receiver => "receiver",
        }
        .into(),
        sender_organization_id: r.sender_org().map(str::to_string),
        receiver_organization_id: r.receiver_org.clone(),
        service_id: r.service_id.clone(),
        status: r.status.code().into(),
        reason: r.reason.map(|x| x.code().into()),
        outcome: r.outcome.map(|x| x.code().into()),
        allowed_transitions: loket_domain::referral::allowed(r.status, side)
            .iter()
            .map(|s| s.code().to_string())
            .collect(),
        person: r.person.as_ref().map(|p| PersonView {
            name: p.name.clone(),
            contact: p.contact.clone(),
            language: p.language.clone(),
        }),
        note: r.note.clone(),
        legal_basis: r.consent.basis.code().into(),
        purpose: r.consent.purpose.clone(),
        consent_withdrawn_at: r.consent.withdrawn_at,
        previous_id: r.previous_id.clone(),
        due_on: r.due_on.map(|d| d.to_string()),
        created_at: r.created_at,
        updated_at: r.updated_at,
        history: history.map(|h| {
            h.into_iter()
                .map(|c| HistoryView {
                    at: c.at,
                    from: c.from.map(|s| s.code().into()),
                    to: c.to.code().into(),
                    reason: c.reason.map(|x| x.code().into()),
                    outcome: c.outcome.map(|x| x.code().into()),
                    organization_id: c.actor_org,
                })
                .collect()
        }),
    }
}

pub(crate) fn invalid(problems: &[FieldProblem]) -> Response {
    Problem::bad_request(
        problems
            .iter()
            .map(|p| InvalidParam {
                name: p.field.into(),
                reason: reason_text(p.field, p.problem),
            })
            .collect(),
    )
    .into_response()
}

pub(crate) fn reason_text(field: &str, problem: &str) -> String {
    match (field, problem) {
        ("basis", "no-basis") => {
            "record the person's consent or another legal basis first: consent, public-task or legal-obligation".into()
        }
        (_, "required") => "is required".into(),
        (_, "too-long") => "is too long".into(),
        ("service_id", "own-organization") => {
            "is a service of your own organisation; refer to another organisation".into()
        }
        ("language", "unknown") => "must be a language code such as nl, en, de or fr".into(),
        (_, "unknown") => "is not known".into(),
        (_, "only-for-follow-up") => "personal details are kept only for a follow-up".into(),
        (_, "too-many") => "too many values".into(),
        (_, "out-of-range") => "is out of range".into(),
        (_, other) => other.to_string(),
    }
}

pub(crate) fn body_problem(reason: &str) -> Response {
    Problem::bad_request(vec![InvalidParam {
        name: "body".into(),
        reason: reason.into(),
    }])
    .into_response()
}

/// Reads a JSON body of at most [`MAX_BODY_BYTES`]; every failure is a 400 problem.
pub(crate) fn json_body<T: serde::de::DeserializeOwned>(
    body: &Result<Bytes, BytesRejection>,
) -> Result<T, Response> {
    let bytes = match body {
        Ok(b) if b.len() <= MAX_BODY_BYTES => b,
        Ok(_) | Err(BytesRejection::FailedToBufferBody(_)) => {
            return Err(body_problem(&format!(
                "must be a JSON object of at most {MAX_BODY_BYTES} bytes"
            )));
        }
        Err(_) => return Err(body_problem("could not be read")),
    };
    serde_json::from_slice(bytes).map_err(|e| body_problem(&format!("is not valid: {e}")))
}

/// The organisation the caller acts for: the one asked (if theirs), else their first.
pub(crate) fn caller_org(
    viewer: &Viewer,
    action: Action,
    asked: Option<&str>,
) -> Result<String, Response> {
    let own = policy::reach_of(&viewer.memberships, action).organizations;
    match asked {
        Some(a) => own.into_iter().find(|o| o == a),
        None => own.into_iter().next(),
    }
    .ok_or_else(|| Problem::forbidden().into_response())
}

pub(crate) fn caller<'a>(viewer: &'a Viewer, org: &'a str) -> Caller<'a> {
    Caller {
        account_id: &viewer.account.id,
        organization_id: org,
        origin: "api",
    }
}

pub(crate) fn viewer_of(viewer: Option<Viewer>) -> Result<Viewer, Response> {
    viewer.ok_or_else(|| Problem::unauthorized().into_response())
}

pub(crate) fn json_reply(status: StatusCode, value: &impl Serialize) -> Response {
    (status, Json(value)).into_response()
}

/// Runs a POST at most once per `Idempotency-Key` (per caller): the first
/// answer is stored and replayed for a retry with the same body; the same key
/// with another body is refused (422), and one still running answers 409.
pub(crate) async fn once<F, Fut>(
    state: &AppState,
    viewer: &Viewer,
    headers: &HeaderMap,
    fingerprint: &[u8],
    run: F,
) -> Response
where
    F: FnOnce() -> Fut,
    Fut: std::future::Future<Output = Response>,
{
    let Some(key) = headers.get("idempotency-key") else {
        return run().await;
    };
    let key = match key.to_str() {
        Ok(k) if !k.trim().is_empty() && k.len() <= MAX_KEY_CHARS => k.trim().to_string(),
        _ => {
            return Problem::bad_request(vec![InvalidParam {
                name: "Idempotency-Key".into(),
                reason: format!("must be 1 to {MAX_KEY_CHARS} visible characters"),
            }])
            .into_response();
        }
    };
    let caller = &viewer.account.id;
    let fingerprint = match idempotency::reserve(state, caller, &key, fingerprint).await {
        Err(_) => return Problem::unavailable().into_response(),
        Ok(Reservation::OtherRequest) => {
            return problem(
                StatusCode::UNPROCESSABLE_ENTITY,
                "Unprocessable Content",
                "this Idempotency-Key was used for a different request",
            );
        }
        Ok(Reservation::Running) => {
            return problem(
                StatusCode::CONFLICT,
                "Conflict",
                "a request with this Idempotency-Key is still being handled; retry shortly",
            );
        }
        Ok(Reservation::Replay(earlier)) => {
            let status = StatusCode::from_u16(earlier.status).unwrap_or(StatusCode::OK);
            let mut res = (status, earlier.body).into_response();
            let content_type = if status.is_success() {
                "application/json"
            } else {
                "application/problem+json"
            };
            res.headers_mut()
                .insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
            res.headers_mut()
                .insert("idempotent-replayed", HeaderValue::from_static("true"));
            return res;
        }
        Ok(Reservation::Fresh { fingerprint }) => fingerprint,
    };
    let res = run().await;
    let status = res.status();
    if status.is_server_error() {
        idempotency::release(state, caller, &key).await;
        return res;
    }
    let (parts, body) = res.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, MAX_BODY_BYTES * 16).await else {
        return Problem::unavailable().into_response();
    };
    let body_text = String::from_utf8_lossy(&bytes).into_owned();
    idempotency::finish(state, caller, &key, fingerprint, status.as_u16(), body_text).await;
    Response::from_parts(parts, axum::body::Body::from(bytes))
}

pub(crate) fn problem(status: StatusCode, title: &str, detail: &str) -> Response {
    Problem {
        kind: "about:blank".into(),
        title: title.into(),
        status: status.as_u16(),
        detail: detail.into(),
        invalid_params: vec![],
    }
    .into_response()
}

/// What a transition's refusal looks like: 409 naming the allowed transitions.
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct TransitionProblem {
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    pub status: u16,
    pub detail: String,
    /// The status now.
    pub current_status: String,
    /// The version now (send it with the next attempt).
    pub current_version: i64,
    /// What the caller may move it to from here.
    pub allowed_transitions: Vec<String>,
}

pub(crate) fn transition_problem(r: &Referral, side: Side, detail: String) -> Response {
    let body = TransitionProblem {
        kind: "about:blank".into(),
        title: "Conflict".into(),
        status: 409,
        detail,
        current_status: r.status.code().into(),
        current_version: r.version,
        allowed_transitions: loket_domain::referral::allowed(r.status, side)
            .iter()
            .map(|s| s.code().to_string())
            .collect(),
    };
    let mut res = (StatusCode::CONFLICT, Json(body)).into_response();
    res.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/problem+json"),
    );
    res
}

pub(crate) fn act_problem(e: ActError, before: Option<(&Referral, Side)>) -> Response {
    match e {
        ActError::NotFound => Problem::not_found("referral", "").into_response(),
        ActError::Store(_) => Problem::unavailable().into_response(),
        ActError::Conflict { current, side } => transition_problem(
            &current,
            side,
            format!(
                "someone else changed this referral first; it is now {} (version {})",
                current.status.code(),
                current.version
            ),
        ),
        ActError::Transition(TransitionError::NotAllowed { from, to, allowed }) => {
            match before {
                Some((r, side)) => transition_problem(
                    r,
                    side,
                    format!(
                        "a referral that is {} cannot become {}; allowed: {}",
                        from.code(),
                        to.code(),
                        if allowed.is_empty() {
                            "nothing".to_string()
                        } else {
                            allowed
                                .iter()
                                .map(|s| s.code())
                                .collect::<Vec<_>>()
                                .join(", ")
                        }
                    ),
                ),
                None => Problem::forbidden().into_response(),
            }
        }
        ActError::Transition(TransitionError::ReasonNeeded) => {
            Problem::bad_request(vec![InvalidParam {
                name: "reason".into(),
                reason: "is required for rejected and failed: not-eligible, no-capacity, wrong-service, could-not-contact, client-declined or other".into(),
            }])
            .into_response()
        }
        ActError::Transition(TransitionError::OutcomeNeeded) => {
            Problem::bad_request(vec![InvalidParam {
                name: "outcome".into(),
                reason: "is required for completed: got-help, referred-on, no-longer-needed or other".into(),
            }])
            .into_response()
        }
        ActError::Invalid(problem) => Problem::bad_request(vec![InvalidParam {
            name: "body".into(),
            reason: problem.into(),
        }])
        .into_response(),
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OrgParam {
    #[serde(default)]
    pub(crate) organization_id: Option<String>,
}

/// Refers a person to another organisation's service. Consent (or another
/// legal basis) must be recorded: `basis` is `consent`, `public-task` or
/// `legal-obligation`, with the `purpose`.
#[utoipa::path(post, path = "/api/v1/referrals",
    request_body(content = Object, description = "{\"service_id\", \"name\", \"contact\", \"language\", \"note\", \"basis\", \"purpose\", \"previous_id\"?}", content_type = "application/json"),
    params(("organization_id" = Option<String>, Query, description = "for callers in several organisations"),
           ("Idempotency-Key" = Option<String>, Header, description = "a retry with the same key returns the first answer")),
    responses((status = 201, body = ReferralView), (status = 400, body = Problem, content_type = "application/problem+json"),
              (status = 401, body = Problem), (status = 403, body = Problem)),
    security(("bearer" = [])))]
pub async fn create(
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
        Action::HandleReferrals,
        params.organization_id.as_deref(),
    ) {
        Ok(o) => o,
        Err(res) => return res,
    };
    let fingerprint = [
        b"POST /api/v1/referrals ".as_slice(),
        org.as_bytes(),
        body.as_ref().map(|b| b.as_ref()).unwrap_or_default(),
    ]
    .concat();
    once(&state, &viewer, &headers, &fingerprint, || async {
        let request: ReferralRequest = match json_body(&body) {
            Ok(r) => r,
            Err(res) => return res,
        };
        match desk::refer(&state, Some(caller(&viewer, &org)), &request).await {
            Ok(r) => json_reply(StatusCode::CREATED, &view(&r, Side::Sender, None)),
            Err(ReferError::Invalid(problems)) => invalid(&problems),
            Err(ReferError::Store(_)) => Problem::unavailable().into_response(),
        }
    })
    .await
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListParams {
    #[serde(default)]
    organization_id: Option<String>,
    #[serde(default)]
    view: Option<String>,
    #[serde(default)]
    page: Option<String>,
    #[serde(default)]
    per_page: Option<String>,
}

/// The caller's inbox: `view` is open (default), new, due, overdue, mine, all or sent.
#[utoipa::path(get, path = "/api/v1/referrals",
    params(("view" = Option<String>, Query, description = "open, new, due, overdue, mine, all or sent"),
           ("page" = Option<i64>, Query), ("per_page" = Option<i64>, Query, maximum = 200, description = "1 to 200, default 50"),
           ("organization_id" = Option<String>, Query)),
    responses((status = 200, body = ReferralList), (status = 400, body = Problem)),
    security(("bearer" = [])))]
pub async fn list(
    State(state): State<AppState>,
    crate::session::CurrentViewer(viewer): crate::session::CurrentViewer,
    super::ApiQuery(params): super::ApiQuery<ListParams>,
) -> Response {
    let viewer = match viewer_of(viewer) {
        Ok(v) => v,
        Err(res) => return res,
    };
    let org = match caller_org(
        &viewer,
        Action::HandleReferrals,
        params.organization_id.as_deref(),
    ) {
        Ok(o) => o,
        Err(res) => return res,
    };
    let mut errors = Vec::new();
    let view_kind = match params.view.as_deref().unwrap_or("open") {
        "open" => InboxView::Open,
        "new" => InboxView::New,
        "due" => InboxView::Due,
        "overdue" => InboxView::Overdue,
        "mine" => InboxView::Mine,
        "all" => InboxView::AllReceived,
        "sent" => InboxView::Sent,
        _ => {
            errors.push(InvalidParam {
                name: "view".into(),
                reason: "must be open, new, due, overdue, mine, all or sent".into(),
            });
            InboxView::Open
        }
    };
    // Read as text, so that a non-number is named in the problem like any other error.
    let number = |v: &Option<String>, default: i64| match v.as_deref() {
        None => default,
        Some(text) => text.parse().unwrap_or(0),
    };
    let page = number(&params.page, 1);
    let per_page = number(&params.per_page, 50);
    if !(1..=100_000).contains(&page) {
        errors.push(InvalidParam {
            name: "page".into(),
            reason: "must be a whole number from 1".into(),
        });
    }
    if !(1..=200).contains(&per_page) {
        errors.push(InvalidParam {
            name: "per_page".into(),
            reason: "must be a whole number from 1 to 200".into(),
        });
    }
    if !errors.is_empty() {
        return Problem::bad_request(errors).into_response();
    }
    let today = state.clock.today();
    let q = InboxQuery {
        organization_id: &org,
        view: view_kind,
        account_id: &viewer.account.id,
        today,
        due_until: today + chrono::Days::new(2),
        limit: per_page,
        offset: (page - 1) * per_page,
    };
    match queries::inbox(&state, &q).await {
        Ok(list) => json_reply(
            StatusCode::OK,
            &ReferralList {
                items: list
                    .iter()
                    .filter_map(|r| r.side_of(&org).map(|side| view(r, side, None)))
                    .collect(),
                page,
                per_page,
            },
        ),
        Err(_) => Problem::unavailable().into_response(),
    }
}

pub(crate) async fn load(
    state: &AppState,
    viewer: &Viewer,
    id: &str,
) -> Result<(Referral, String, Side), Response> {
    let r = match queries::referral(state, id).await {
        Ok(Some(r)) => r,
        Ok(None) => return Err(Problem::not_found("referral", id).into_response()),
        Err(_) => return Err(Problem::unavailable().into_response()),
    };
    let org = desk::party_org(&viewer.memberships, &r)
        .ok_or_else(|| Problem::forbidden().into_response())?;
    let side = r.side_of(&org).unwrap_or(Side::Sender);
    Ok((r, org, side))
}

/// One referral with its status history.
#[utoipa::path(get, path = "/api/v1/referrals/{id}",
    responses((status = 200, body = ReferralView), (status = 404, body = Problem)),
    security(("bearer" = [])))]
pub async fn get(
    State(state): State<AppState>,
    crate::session::CurrentViewer(viewer): crate::session::CurrentViewer,
    Path(id): Path<String>,
) -> Response {
    let viewer = match viewer_of(viewer) {
        Ok(v) => v,
        Err(res) => return res,
    };
    let (r, _, side) = match load(&state, &viewer, &id).await {
        Ok(found) => found,
        Err(res) => return res,
    };
    match queries::history(&state, &id).await {
        Ok(history) => json_reply(StatusCode::OK, &view(&r, side, Some(history))),
        Err(_) => Problem::unavailable().into_response(),
    }
}

/// Moves a referral to another status. An impossible move, or one based on an
/// older `version`, answers 409 naming the transitions allowed now.
#[utoipa::path(post, path = "/api/v1/referrals/{id}/transitions",
    request_body = TransitionRequest,
    params(("Idempotency-Key" = Option<String>, Header, description = "a retry with the same key returns the first answer")),
    responses((status = 200, body = ReferralView), (status = 400, body = Problem, content_type = "application/problem+json"),
              (status = 409, body = TransitionProblem, content_type = "application/problem+json")),
    security(("bearer" = [])))]
pub async fn transition(
    State(state): State<AppState>,
    crate::session::CurrentViewer(viewer): crate::session::CurrentViewer,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let viewer = match viewer_of(viewer) {
        Ok(v) => v,
        Err(res) => return res,
    };
    let fingerprint = [
        format!("POST /api/v1/referrals/{id}/transitions ").as_bytes(),
        body.as_ref().map(|b| b.as_ref()).unwrap_or_default(),
    ]
    .concat();
    once(&state, &viewer, &headers, &fingerprint, || async {
        let request: TransitionRequest = match json_body(&body) {
            Ok(r) => r,
            Err(res) => return res,
        };
        let mut errors = Vec::new();
        let to = Status::parse(&request.to);
        if to.is_none() {
            errors.push(InvalidParam {
                name: "to".into(),
                reason: "must be a status: requested, received, accepted, rejected, in-progress, on-hold, completed, failed or cancelled".into(),
            });
        }
        let reason = match request.reason.as_deref() {
            None | Some("") => None,
            Some(code) => {
                let parsed = loket_domain::referral::Reason::parse(code);
                if parsed.is_none() {
                    errors.push(InvalidParam {
                        name: "reason".into(),
                        reason: "must be not-eligible, no-capacity, wrong-service, could-not-contact, client-declined or other".into(),
                    });
                }
                parsed
            }
        };
        let outcome = match request.outcome.as_deref() {
            None | Some("") => None,
            Some(code) => {
                let parsed = loket_domain::referral::Outcome::parse(code);
                if parsed.is_none() {
                    errors.push(InvalidParam {
                        name: "outcome".into(),
                        reason: "must be got-help, referred-on, no-longer-needed or other".into(),
                    });
                }
                parsed
            }
        };
        let Some(to) = to.filter(|_| errors.is_empty()) else {
            return Problem::bad_request(errors).into_response();
        };
        let (r, org, side) = match load(&state, &viewer, &id).await {
            Ok(found) => found,
            Err(res) => return res,
        };
        let t = Transition {
            to,
            reason,
            outcome,
        };
        match desk::change_status(&state, caller(&viewer, &org), &id, request.version, &t).await
        {
            Ok(next) => json_reply(StatusCode::OK, &view(&next, side, None)),
            Err(e) => act_problem(e, Some((&r, side))),
        }
    })
    .await
}
