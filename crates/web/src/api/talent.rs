//! Talent matching as an API: ESCO type-ahead (public), an employer's vacancies, candidates
//! registered by programme staff, the ranked and explained matches of a vacancy, and
//! proposing an introduction. Bad input gets one problem+json naming every field.

#![allow(clippy::result_large_err)]

use crate::AppState;
use crate::problem::{InvalidParam, Problem};
use crate::session::{CurrentViewer, Viewer};
use axum::Json;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use loket_app::talent::records;
use loket_app::talent::recruitment::{self, Acting, CaseError};
use loket_domain::referral::FieldProblem;
use loket_domain::talent::candidate::CandidateInput;
use loket_domain::talent::introduction::Actor;
use loket_domain::talent::vacancy::{VacancyInput, VacancyStatus};
use loket_matching::filter::Exclusion;
use loket_matching::permit::{Obstacle, RightToWork};
use loket_matching::score::{Detail, OccupationFit};
use loket_matching::{Concept, Kind, Ranked, Vocabulary};
use loket_store::talent::RegisteredBy;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use uuid::Uuid;

/// Vacancies and matching requests are small; a candidate may carry a CV (5 MB, base64).
pub const MAX_BODY_BYTES: usize = 64 * 1024;
pub const MAX_CANDIDATE_BODY_BYTES: usize = 8 * 1024 * 1024;

/// The English reason for a field problem's code (the pages say it in four languages).
pub fn reason_text(field: &str, problem: &str) -> String {
    match (field, problem) {
        (_, "required") => "is required".into(),
        (_, "too-long") => "is too long".into(),
        (_, "too-many") => "has too many values".into(),
        (_, "unknown-esco") => "is not a known ESCO concept URI (or preferred label)".into(),
        (_, "unknown-level") => {
            "has a level that is not a CEFR level (A1, A2, B1, B2, C1 or C2)".into()
        }
        (_, "unknown-language") => {
            "has a language that is not an ISO 639-1 code (like nl or de)".into()
        }
        (_, "duplicate-language") => "names a language twice".into(),
        (_, "negative") => "must not be negative".into(),
        (_, "not-a-number") => "must be a whole number".into(),
        (_, "out-of-range") => "is out of range".into(),
        (_, "not-a-date") => "must be a date like 2027-02-01".into(),
        ("salary_max", "below-minimum") => "must not be below salary_min".into(),
        ("cv", "not-pdf") => "must be a PDF document".into(),
        ("cv", "too-large") => "must be at most 5 MB".into(),
        ("cv", "empty") => "is empty".into(),
        ("status", "employer-unverified") => {
            "cannot be published before programme staff verified the employer".into()
        }
        (_, "invalid") => "is not valid".into(),
        (_, "taken") => "is already registered".into(),
        (_, "unknown") => "is not known".into(),
        (_, "other-country") => "lies in another country than residence_country".into(),
        (_, "already-proposed") => "is already proposed for this vacancy".into(),
        (_, other) => other.to_string(),
    }
}

pub fn invalid(problems: &[FieldProblem]) -> Response {
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

fn body_problem(reason: String) -> Response {
    Problem::bad_request(vec![InvalidParam {
        name: "body".into(),
        reason,
    }])
    .into_response()
}

fn json_body<T: serde::de::DeserializeOwned>(
    body: &Result<Bytes, BytesRejection>,
    limit: usize,
) -> Result<T, Response> {
    match body {
        Ok(b) if b.len() <= limit => {
            serde_json::from_slice(b).map_err(|e| body_problem(format!("is not valid: {e}")))
        }
        _ => Err(body_problem(format!(
            "must be a JSON object of at most {limit} bytes"
        ))),
    }
}

fn case_error(e: CaseError) -> Response {
    match e {
        CaseError::Invalid(p) => invalid(&p),
        CaseError::Conflict => Problem {
            kind: "about:blank".into(),
            title: "Conflict".into(),
            status: 409,
            detail: "someone else changed it in the meantime; read it again".into(),
            invalid_params: vec![],
        }
        .into_response(),
        CaseError::NotFound | CaseError::Expired => {
            Problem::not_found("resource", "").into_response()
        }
        CaseError::Store(_) => Problem::unavailable().into_response(),
    }
}

fn viewer_of(viewer: Option<Viewer>) -> Result<Viewer, Response> {
    viewer.ok_or_else(|| Problem::unauthorized().into_response())
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SuggestParams {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    q: String,
    limit: Option<String>,
}

/// Type-ahead over ESCO: `kind` is occupation or skill.
#[utoipa::path(get, path = "/api/v1/esco/suggest",
    params(("kind" = String, Query, description = "occupation or skill"), ("q" = Option<String>, Query, max_length = 100), ("limit" = Option<i64>, Query, minimum = 1, maximum = 50, description = "1 to 50, default 10")),
    responses((status = 200, description = "Matching concepts: uri and label"), (status = 400, body = Problem)))]
pub async fn suggest(
    State(state): State<AppState>,
    super::ApiQuery(p): super::ApiQuery<SuggestParams>,
) -> Response {
    let mut errors = Vec::new();
    let kind = match p.kind.as_str() {
        "occupation" => Some(Kind::Occupation),
        "skill" => Some(Kind::Skill),
        _ => {
            errors.push(InvalidParam {
                name: "kind".into(),
                reason: "must be occupation or skill".into(),
            });
            None
        }
    };
    let limit = match p.limit.as_deref().map(str::trim) {
        None => Some(10),
        Some(l) => match l.parse::<usize>() {
            Ok(n) if (1..=50).contains(&n) => Some(n),
            _ => {
                errors.push(InvalidParam {
                    name: "limit".into(),
                    reason: "must be 1 to 50".into(),
                });
                None
            }
        },
    };
    if p.q.chars().count() > 100 {
        errors.push(InvalidParam {
            name: "q".into(),
            reason: "is too long".into(),
        });
    }
    match (kind, limit, errors.is_empty()) {
        (Some(kind), Some(limit), true) => {
            let items = state.talent.vocabulary().suggest(kind, &p.q, limit);
            Json(json!({ "items": items, "attribution": loket_matching::vocabulary::ATTRIBUTION }))
                .into_response()
        }
        _ => Problem::bad_request(errors).into_response(),
    }
}

/// A vacancy as sent to the API: the form's fields plus its status.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VacancyRequest {
    #[serde(flatten)]
    pub input: VacancyInput,
    /// `draft` (default) or `published`.
    #[serde(default)]
    pub status: String,
}

/// Posts a vacancy for the employer `{id}` (the caller must act for it).
#[utoipa::path(post, path = "/api/v1/employers/{id}/vacancies",
    responses((status = 201, description = "The vacancy's id"), (status = 400, body = Problem), (status = 403, body = Problem)),
    security(("bearer" = [])))]
pub async fn create_vacancy(
    State(state): State<AppState>,
    CurrentViewer(viewer): CurrentViewer,
    Path(employer_id): Path<String>,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let viewer = match viewer_of(viewer) {
        Ok(v) => v,
        Err(r) => return r,
    };
    let request: VacancyRequest = match json_body(&body, MAX_BODY_BYTES) {
        Ok(r) => r,
        Err(r) => return r,
    };
    let status = match request.status.as_str() {
        "" | "draft" => VacancyStatus::Draft,
        "published" => VacancyStatus::Published,
        _ => {
            return invalid(&[FieldProblem {
                field: "status",
                problem: "draft or published",
            }]);
        }
    };
    let employer = match records::employer(&state, &employer_id).await {
        Ok(Some(e)) => e,
        Ok(None) => return Problem::not_found("employer", &employer_id).into_response(),
        Err(_) => return Problem::unavailable().into_response(),
    };
    let acting = Acting {
        account_id: &viewer.account.id,
        origin: "api",
    };
    match recruitment::save_vacancy(&state, acting, &employer, None, &request.input, status).await {
        Ok(v) => (
            StatusCode::CREATED,
            Json(json!({ "id": v.id, "status": v.status.code(), "version": v.version })),
        )
            .into_response(),
        Err(e) => case_error(e),
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CandidateRequest {
    #[serde(flatten)]
    pub input: CandidateInput,
    /// The CV as base64 (a PDF of at most 5 MB), optional.
    #[serde(default)]
    pub cv_pdf_base64: Option<String>,
}

/// Programme staff register a candidate on their behalf (with the candidate's consent).
#[utoipa::path(post, path = "/api/v1/candidates",
    responses((status = 201, description = "The candidate's id"), (status = 400, body = Problem)),
    security(("bearer" = [])))]
pub async fn create_candidate(
    State(state): State<AppState>,
    CurrentViewer(viewer): CurrentViewer,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let viewer = match viewer_of(viewer) {
        Ok(v) => v,
        Err(r) => return r,
    };
    let request: CandidateRequest = match json_body(&body, MAX_CANDIDATE_BODY_BYTES) {
        Ok(r) => r,
        Err(r) => return r,
    };
    let cv = match request
        .cv_pdf_base64
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        None => None,
        Some(text) => match data_encoding::BASE64.decode(text.as_bytes()) {
            Ok(bytes) => Some(bytes),
            Err(_) => {
                return invalid(&[FieldProblem {
                    field: "cv",
                    problem: "not-pdf",
                }]);
            }
        },
    };
    let by = RegisteredBy::Staff(&viewer.account.id);
    match recruitment::register_candidate(&state, &request.input, cv.as_deref(), by, "api").await {
        Ok(c) => (
            StatusCode::CREATED,
            Json(json!({ "id": c.id, "version": c.version })),
        )
            .into_response(),
        Err(e) => case_error(e),
    }
}

/// A concept as the API shows it.
#[derive(Debug, Serialize)]
pub struct ConceptView {
    pub uri: String,
    pub label: String,
}

pub fn concept(vocabulary: &Vocabulary, c: Concept) -> ConceptView {
    ConceptView {
        uri: vocabulary.uri(c).unwrap_or_default(),
        label: vocabulary.label(c).unwrap_or_default().to_string(),
    }
}

fn factor_name(detail: &Detail) -> &'static str {
    match detail {
        Detail::EssentialSkills { .. } => "essential-skills",
        Detail::OptionalSkills { .. } => "optional-skills",
        Detail::Occupation { .. } => "occupation",
        Detail::Eqf { .. } => "eqf",
        Detail::Experience { .. } => "experience",
        Detail::Salary { .. } => "salary",
    }
}

fn detail_json(vocabulary: &Vocabulary, detail: &Detail) -> Value {
    let list = |cs: &[Concept]| {
        cs.iter()
            .map(|c| concept(vocabulary, *c))
            .collect::<Vec<_>>()
    };
    match detail {
        Detail::EssentialSkills { matched, missing }
        | Detail::OptionalSkills { matched, missing } => {
            json!({ "matched": list(matched), "missing": list(missing) })
        }
        Detail::Occupation { fit } => json!({ "fit": match fit {
            OccupationFit::Same => "same-occupation".to_string(),
            OccupationFit::SameIscoGroup { isco } => format!("same-isco-group-{isco}"),
            OccupationFit::Different => "different".to_string(),
            OccupationFit::NotAsked => "not-asked".to_string(),
        }}),
        Detail::Eqf {
            candidate,
            required,
        } => json!({ "candidate": candidate, "required": required }),
        Detail::Experience { years, wanted } => json!({ "years": years, "wanted": wanted }),
        Detail::Salary {
            desired,
            offered_max,
        } => json!({ "desired": desired, "offered_max": offered_max }),
    }
}

pub fn right_to_work_code(r: &RightToWork) -> &'static str {
    match r {
        RightToWork::FreeMovement => "free-movement",
        RightToWork::AlreadyAuthorised => "already-authorised",
        RightToWork::HighlySkilledMigrant { .. } => "highly-skilled-migrant",
        RightToWork::BlueCard { .. } => "eu-blue-card",
    }
}

pub fn obstacle_code(o: &Obstacle) -> &'static str {
    match o {
        Obstacle::NotRecognisedSponsor => "employer-not-recognised-sponsor",
        Obstacle::NoSponsorship => "employer-does-not-sponsor",
        Obstacle::NoHigherEducation { .. } => "no-higher-education",
        Obstacle::SalaryBelowThreshold { .. } => "salary-below-threshold",
    }
}

fn ranked_json(vocabulary: &Vocabulary, r: &Ranked<Uuid>) -> Value {
    json!({
        "candidate_id": r.key.to_string(),
        "score": (r.explanation.total * 10.0).round() / 10.0,
        "right_to_work": right_to_work_code(&r.admission.right_to_work),
        "commute_km": r.admission.commute_km.map(|k| k.round()),
        "factors": r.explanation.factors.iter().map(|f| json!({
            "factor": factor_name(&f.detail),
            "max_points": (f.max_points * 10.0).round() / 10.0,
            "fit": (f.fit * 1000.0).round() / 1000.0,
            "points": (f.points * 10.0).round() / 10.0,
            "detail": detail_json(vocabulary, &f.detail),
        })).collect::<Vec<_>>(),
    })
}

pub fn exclusion_json(e: &Exclusion) -> Value {
    match e {
        Exclusion::RightToWork { no_route } => json!({
            "filter": "right-to-work",
            "reason": obstacle_code(&no_route.highly_skilled),
            "blue_card": obstacle_code(&no_route.blue_card),
        }),
        Exclusion::Language {
            language,
            required,
            has,
        } => json!({
            "filter": "language", "language": language.as_str(), "required": required.code(),
            "has": has.map(|h| h.code()),
        }),
        Exclusion::Commute {
            distance_km,
            max_km,
        } => json!({
            "filter": "commute", "distance_km": distance_km.round(), "max_km": max_km,
        }),
        Exclusion::OutsideTheRegion => json!({ "filter": "outside-the-region" }),
        Exclusion::Availability {
            available_from,
            needed_by,
        } => json!({
            "filter": "availability", "available_from": available_from.to_string(), "needed_by": needed_by.to_string(),
        }),
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MatchParams {
    limit: Option<String>,
}

/// The best candidates for a vacancy with their explanations, and those filtered out with
/// their reasons.
#[utoipa::path(get, path = "/api/v1/vacancies/{id}/matches",
    params(("limit" = Option<i64>, Query, minimum = 1, maximum = 100, description = "1 to 100, default 20")),
    responses((status = 200, description = "Ranked and filtered-out candidates"), (status = 400, body = Problem), (status = 404, body = Problem)),
    security(("bearer" = [])))]
pub async fn matches(
    State(state): State<AppState>,
    Path(id): Path<String>,
    super::ApiQuery(p): super::ApiQuery<MatchParams>,
) -> Response {
    let limit = match p.limit.as_deref().map(str::trim) {
        None => 20,
        Some(l) => match l.parse::<usize>() {
            Ok(n) if (1..=100).contains(&n) => n,
            _ => {
                return Problem::bad_request(vec![InvalidParam {
                    name: "limit".into(),
                    reason: "must be 1 to 100".into(),
                }])
                .into_response();
            }
        },
    };
    let Some(key) = Uuid::parse_str(&id).ok() else {
        return Problem::not_found("vacancy", &id).into_response();
    };
    let today = state.clock.today();
    let index = state.talent.read();
    let Some(vacancy) = index.vacancy(&key).cloned() else {
        return Problem::not_found("published vacancy", &id).into_response();
    };
    let vocabulary = state.talent.vocabulary();
    let ranked: Vec<Value> = index
        .candidates_for(&vacancy, limit, today)
        .iter()
        .map(|r| ranked_json(vocabulary, r))
        .collect();
    let excluded: Vec<Value> = index
        .excluded_for(&vacancy, limit, today)
        .iter()
        .map(|e| json!({ "candidate_id": e.key.to_string(), "reasons": e.exclusions.iter().map(exclusion_json).collect::<Vec<_>>() }))
        .collect();
    Json(json!({ "vacancy_id": id, "ranked": ranked, "filtered_out": excluded })).into_response()
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProposeRequest {
    pub candidate_id: String,
}

/// Shortlists a candidate; the candidate gets the consent link by e-mail.
#[utoipa::path(post, path = "/api/v1/vacancies/{id}/introductions",
    responses((status = 201, description = "The introduction's id"), (status = 400, body = Problem), (status = 404, body = Problem)),
    security(("bearer" = [])))]
pub async fn propose(
    State(state): State<AppState>,
    CurrentViewer(viewer): CurrentViewer,
    Path(id): Path<String>,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let viewer = match viewer_of(viewer) {
        Ok(v) => v,
        Err(r) => return r,
    };
    let request: ProposeRequest = match json_body(&body, MAX_BODY_BYTES) {
        Ok(r) => r,
        Err(r) => return r,
    };
    let acting = Acting {
        account_id: &viewer.account.id,
        origin: "api",
    };
    match recruitment::propose(&state, acting, &id, &request.candidate_id, Actor::Programme).await {
        Ok(intro) => (
            StatusCode::CREATED,
            Json(json!({ "id": intro.id, "status": intro.status.code() })),
        )
            .into_response(),
        Err(e) => case_error(e),
    }
}
