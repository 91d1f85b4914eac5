//! The cross-border explainer as an API (`POST /api/v1/cross-border/explain`):
//! a situation in; per domain the outcome, the rules that decided it with
//! their articles and sources (the trace), and who advises on it.

use crate::AppState;
use crate::problem::{InvalidParam, Problem};
use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::extract::rejection::BytesRejection;
use axum::response::{IntoResponse, Response};
use loket_app::AppError;
use loket_crossborder::explain::{Answer, Outcome};
use loket_crossborder::{RuleBook, SituationInput};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A situation. Countries are `NL`, `DE` or `BE`; shares are per cent.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ExplainRequest {
    /// The day the answers are for, `YYYY-MM-DD`, within the dates the rules cover.
    pub date: String,
    /// Where the person lives.
    pub residence: String,
    /// Where the person works.
    pub work: String,
    /// `employee`, `self-employed`, `civil-servant` or `posted`.
    pub kind: String,
    /// The employer's (or paying administration's) country; default: `work`.
    #[serde(default)]
    pub employer_seat: Option<String>,
    /// Expected length of a posting in months (required when posted).
    #[serde(default)]
    pub posting_months: Option<i64>,
    /// Share of working time and pay in the country of residence, telework included.
    #[serde(default)]
    pub residence_share: Option<f64>,
    /// Share of working time teleworked in the country of residence.
    #[serde(default)]
    pub telework_share: Option<f64>,
    /// Days this year worked in the country of residence or a third country.
    #[serde(default)]
    pub days_outside_work_state: Option<i64>,
    /// Days in the work country in any 12 months; default: more than 183.
    #[serde(default)]
    pub days_in_work_state: Option<i64>,
    #[serde(default)]
    pub several_employers: Option<bool>,
    /// The work in the other country is marginal.
    #[serde(default)]
    pub marginal: Option<bool>,
    /// Also self-employed, in this country.
    #[serde(default)]
    pub self_employed_in: Option<String>,
    /// `whole` or `short-time`.
    #[serde(default)]
    pub unemployment: Option<String>,
    #[serde(default)]
    pub children_residence: Option<String>,
    #[serde(default)]
    pub other_parent_works_in: Option<String>,
    #[serde(default)]
    pub private_health_insurance: Option<bool>,
    /// Share of the whole income taxed in the work country.
    #[serde(default)]
    pub income_share_in_work_state: Option<f64>,
    /// Distance of the earlier residence to the Dutch border, in km (the 30 % ruling).
    #[serde(default)]
    pub earlier_residence_km: Option<i64>,
}

impl From<ExplainRequest> for SituationInput {
    fn from(r: ExplainRequest) -> Self {
        SituationInput {
            date: r.date,
            residence: r.residence,
            work: r.work,
            kind: r.kind,
            employer_seat: r.employer_seat.unwrap_or_default(),
            posting_months: r.posting_months,
            residence_share: r.residence_share,
            telework_share: r.telework_share,
            days_outside_work_state: r.days_outside_work_state,
            days_in_work_state: r.days_in_work_state,
            several_employers: r.several_employers.unwrap_or(false),
            marginal: r.marginal.unwrap_or(false),
            self_employed_in: r.self_employed_in.unwrap_or_default(),
            unemployment: r.unemployment.unwrap_or_default(),
            children_residence: r.children_residence.unwrap_or_default(),
            other_parent_works_in: r.other_parent_works_in.unwrap_or_default(),
            private_health_insurance: r.private_health_insurance.unwrap_or(false),
            income_share_in_work_state: r.income_share_in_work_state,
            earlier_residence_km: r.earlier_residence_km,
        }
    }
}

/// A rule as the trace shows it.
#[derive(Debug, Serialize, ToSchema)]
pub struct RuleView {
    pub id: String,
    /// What the rule says.
    pub says: String,
    pub title: String,
    pub article: String,
    pub url: String,
    pub valid_from: String,
    pub valid_to: Option<String>,
}

/// An outcome: `kind` says which of the other fields are set.
#[derive(Debug, Default, Serialize, ToSchema)]
pub struct OutcomeView {
    /// `country`, `insured-abroad`, `per-day`, `first-and-top-up`, `applies` or `needs-adviser`.
    pub kind: String,
    pub country: Option<String>,
    pub insured: Option<String>,
    pub registered: Option<String>,
    pub work: Option<String>,
    pub home: Option<String>,
    pub first: Option<String>,
    pub top_up: Option<String>,
    pub applies: Option<bool>,
    /// Why an adviser is needed.
    pub reason: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AnswerView {
    /// `social-security`, `health-care`, `wage-tax`, `unemployment`, `child-benefit`,
    /// `compensation`, `ninety-percent` or `thirty-percent`.
    pub domain: String,
    pub outcome: OutcomeView,
    /// An outcome available on request, with the rule that allows it.
    pub option: Option<OutcomeView>,
    /// The rules that decided it, in the order applied.
    pub trace: Vec<RuleView>,
    /// Who advises: organisations of the catalogue (by key), then national bodies.
    pub advisers: Vec<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ExplainResponse {
    pub answers: Vec<AnswerView>,
    pub disclaimer: String,
}

fn outcome_view(o: &Outcome) -> OutcomeView {
    let code = |c: loket_crossborder::Country| Some(c.code().to_string());
    match o {
        Outcome::Country { country } => OutcomeView {
            kind: "country".into(),
            country: code(*country),
            ..OutcomeView::default()
        },
        Outcome::InsuredAbroad {
            insured,
            registered,
        } => OutcomeView {
            kind: "insured-abroad".into(),
            insured: code(*insured),
            registered: code(*registered),
            ..OutcomeView::default()
        },
        Outcome::PerDay { work, home } => OutcomeView {
            kind: "per-day".into(),
            work: code(*work),
            home: code(*home),
            ..OutcomeView::default()
        },
        Outcome::FirstAndTopUp { first, top_up } => OutcomeView {
            kind: "first-and-top-up".into(),
            first: code(*first),
            top_up: code(*top_up),
            ..OutcomeView::default()
        },
        Outcome::Applies { applies } => OutcomeView {
            kind: "applies".into(),
            applies: Some(*applies),
            ..OutcomeView::default()
        },
        Outcome::NeedsAdviser { reason } => OutcomeView {
            kind: "needs-adviser".into(),
            reason: Some((*reason).to_string()),
            ..OutcomeView::default()
        },
    }
}

fn answer_view(book: &RuleBook, a: &Answer) -> AnswerView {
    AnswerView {
        domain: a.domain.code().into(),
        outcome: outcome_view(&a.outcome),
        option: a.option.as_ref().map(|(o, _)| outcome_view(o)),
        trace: a
            .trace
            .iter()
            .filter_map(|id| book.rule(id))
            .map(|r| RuleView {
                id: r.id.clone(),
                says: r.says.clone(),
                title: r.source.title.clone(),
                article: r.source.article.clone(),
                url: r.source.url.clone(),
                valid_from: r.valid_from.to_string(),
                valid_to: r.valid_to.map(|d| d.to_string()),
            })
            .collect(),
        advisers: a.advisers.iter().map(|s| (*s).to_string()).collect(),
    }
}

/// What a problem of the situation means, in words a developer reads.
fn reason(book: &RuleBook, problem: &str) -> String {
    match problem {
        "required" => "is required".into(),
        "unknown-country" => "must be NL, DE or BE".into(),
        "unknown" => "is not one of the documented values".into(),
        "outside-rules" => format!(
            "must lie within the dates the rules cover ({} to {})",
            book.covers.from, book.covers.to
        ),
        "not-a-date" => "must be a date, YYYY-MM-DD".into(),
        "negative" => "must be 0 or more".into(),
        "over-100" => "must be at most 100 (per cent)".into(),
        "not-days-of-a-year" => "must be 0 to 366 days".into(),
        _ => "is out of range".into(),
    }
}

/// Explains a cross-border situation: per domain which country's system
/// applies, with the rules (article, source, validity) that decided it.
#[utoipa::path(post, path = "/api/v1/cross-border/explain",
    request_body = ExplainRequest,
    responses((status = 200, body = ExplainResponse), (status = 400, body = Problem, content_type = "application/problem+json")))]
pub async fn explain(
    State(state): State<AppState>,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let invalid = |params: Vec<InvalidParam>| Problem::bad_request(params).into_response();
    let request: ExplainRequest = match body
        .map_err(|e| e.body_text())
        .and_then(|b| serde_json::from_slice(&b).map_err(|e| e.to_string()))
    {
        Ok(r) => r,
        Err(e) => {
            return invalid(vec![InvalidParam {
                name: "body".into(),
                reason: e,
            }]);
        }
    };
    let book = &state.crossborder;
    match loket_app::crossborder::explain(&state, &request.into()) {
        Ok(e) => Json(ExplainResponse {
            answers: e.answers.iter().map(|a| answer_view(book, a)).collect(),
            disclaimer: "General information from the public rules; not a decision. A border information point or the competent body decides your case.".into(),
        })
        .into_response(),
        Err(AppError::Invalid(problems)) => invalid(
            problems
                .iter()
                .map(|p| InvalidParam {
                    name: p.field.into(),
                    reason: reason(book, p.problem),
                })
                .collect(),
        ),
        Err(e) => crate::error::failure(e),
    }
}
