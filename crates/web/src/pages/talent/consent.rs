//! The candidate's consent link (`/introductie/{token}`): yes or no to an
//! introduction, without an account.

use crate::AppState;
use crate::error::failure;
use crate::pages::talent::shared::place_name;
use crate::pages::view::Page;
use crate::pages::view::{Layout, render};
use crate::present::Tr;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::{StatusCode, Uri};
use axum::response::Response;
use loket_app::talent::records;
use loket_app::talent::recruitment::{self, CaseError};
use loket_domain::talent::introduction::IntroStatus;
use loket_store::talent::Introduction;
use serde::Deserialize;

// ------------------------------------------------------------------ consent link

#[derive(Template)]
#[template(path = "talent/consent.html")]
pub struct ConsentPage {
    layout: Layout,
    token: String,
    version: i64,
    open: bool,
    summary: String,
    message: Option<String>,
}

pub(crate) async fn consent_summary(
    state: &AppState,
    tr: &Tr,
    intro: &Introduction,
) -> Result<String, loket_app::AppError> {
    let vacancy = records::vacancy(state, &intro.vacancy_id).await?;
    let employer = match &vacancy {
        Some(v) => records::employer(state, &v.employer_id).await?,
        None => None,
    };
    Ok(tr.s(
        "consent-summary",
        &[
            (
                "employer",
                employer.map(|e| e.details.name).unwrap_or_default(),
            ),
            (
                "vacancy",
                vacancy
                    .as_ref()
                    .map(|v| v.details.title.get(tr.lang).to_string())
                    .unwrap_or_default(),
            ),
            (
                "place",
                vacancy
                    .map(|v| place_name(state, &v.details.municipality))
                    .unwrap_or_default(),
            ),
        ],
    ))
}

pub(crate) fn consent_page(
    tr: &Tr,
    uri: &Uri,
    token: &str,
    version: i64,
    open: bool,
    summary: String,
    message: Option<String>,
) -> ConsentPage {
    // The token is a secret: the language switch must not repeat it in other links.
    ConsentPage {
        layout: Layout::new(tr.clone(), tr.t("consent-title"), "", uri.path(), None),
        token: token.to_string(),
        version,
        open,
        summary,
        message,
    }
}

/// The consent page once nothing is left to answer: a message only.
pub(crate) fn consent_closed(
    tr: &Tr,
    uri: &Uri,
    token: &str,
    status: StatusCode,
    message: String,
) -> Response {
    render(
        status,
        &consent_page(tr, uri, token, 0, false, String::new(), Some(message)),
    )
}

pub async fn consent_form(
    State(state): State<AppState>,
    ui: Page,
    Path(token): Path<String>,
) -> Response {
    let Page { tr, uri, .. } = ui;
    match recruitment::introduction_for_token(&state, &token).await {
        Ok(intro) if intro.status == IntroStatus::Proposed => {
            match consent_summary(&state, &tr, &intro).await {
                Ok(summary) => render(
                    StatusCode::OK,
                    &consent_page(&tr, &uri, &token, intro.version, true, summary, None),
                ),
                Err(e) => failure(e),
            }
        }
        Ok(_) | Err(CaseError::NotFound) => consent_closed(
            &tr,
            &uri,
            &token,
            StatusCode::NOT_FOUND,
            tr.t("consent-unknown"),
        ),
        Err(CaseError::Expired) => {
            consent_closed(&tr, &uri, &token, StatusCode::GONE, tr.t("consent-expired"))
        }
        Err(CaseError::Store(e)) => failure(e),
        Err(_) => failure(loket_store::StoreError::Unavailable("consent".into())),
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct ConsentForm {
    #[serde(default)]
    answer: String,
    #[serde(default)]
    version: i64,
}

pub async fn consent_answer(
    State(state): State<AppState>,
    ui: Page,
    Path(token): Path<String>,
    form: Result<axum::Form<ConsentForm>, axum::extract::rejection::FormRejection>,
) -> Response {
    let form = form.map(|f| f.0).unwrap_or_default();
    let consent = match form.answer.as_str() {
        "yes" => true,
        "no" => false,
        _ => return consent_form(State(state), ui, Path(token)).await,
    };
    let Page { tr, uri, .. } = ui;
    // The unguessable token in the path is the credential; it works once (no session, no CSRF
    // cookie to ride on).
    match recruitment::answer(&state, &token, form.version, consent).await {
        Ok(_) => {
            let message = tr.t(if consent {
                "consent-given"
            } else {
                "consent-declined"
            });
            consent_closed(&tr, &uri, &token, StatusCode::OK, message)
        }
        Err(CaseError::NotFound) | Err(CaseError::Invalid(_)) => consent_closed(
            &tr,
            &uri,
            &token,
            StatusCode::NOT_FOUND,
            tr.t("consent-unknown"),
        ),
        Err(CaseError::Expired) => {
            consent_closed(&tr, &uri, &token, StatusCode::GONE, tr.t("consent-expired"))
        }
        Err(CaseError::Conflict) => consent_closed(
            &tr,
            &uri,
            &token,
            StatusCode::CONFLICT,
            tr.t("consent-unknown"),
        ),
        Err(CaseError::Store(e)) => failure(e),
    }
}
