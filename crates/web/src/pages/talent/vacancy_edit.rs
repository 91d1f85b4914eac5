//! An employer changes a vacancy: a draft saved before verification is
//! completed and published after it; a published one is corrected.

use crate::AppState;
use crate::error::failure;
use crate::pages::errors::not_found_page;
use crate::pages::forms::{CheckedForm, Errors};
use crate::pages::talent::employer::name_unknown_in_vacancy;
use crate::pages::talent::employer::{FormFor, employer_of, vacancy_form_page, vacancy_input};
use crate::pages::talent::shared::{errors_from, one};
use crate::pages::view::{Page, render};
use crate::session::SignedIn;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use loket_app::talent::records;
use loket_app::talent::recruitment::{self, Acting, CaseError};

use loket_domain::talent::vacancy::{VacancyInput, VacancyStatus};
use loket_store::talent::{Employer, VacancyRecord};

/// The vacancy and its employer, if it can still be changed (not closed).
async fn editable(
    state: &AppState,
    id: &str,
) -> Result<Option<(VacancyRecord, Employer)>, loket_app::AppError> {
    let Some(v) = records::vacancy(state, id).await? else {
        return Ok(None);
    };
    if v.status == VacancyStatus::Closed {
        return Ok(None);
    }
    Ok(employer_of(state, &v.employer_id).await?.map(|e| (v, e)))
}

/// `GET /werkgever/vacatures/{id}/bewerken`: the vacancy's form, filled in.
pub async fn vacancy_edit_form(
    State(state): State<AppState>,
    ui: Page,
    SignedIn(viewer): SignedIn,
    Path(id): Path<String>,
) -> Response {
    let Page { lang, tr, uri } = ui;
    let (v, employer) = match editable(&state, &id).await {
        Ok(Some(found)) => found,
        Ok(None) => return not_found_page(&state, lang, &uri),
        Err(e) => return failure(e),
    };
    let target = FormFor {
        employer: &employer,
        existing: Some((&v.id, v.version)),
    };
    let input = VacancyInput::from(&v.details);
    let page = vacancy_form_page(
        &state,
        &tr,
        &uri,
        &viewer,
        target,
        &input,
        Errors::default(),
    );
    render(StatusCode::OK, &page)
}

/// `POST /werkgever/vacatures/{id}/bewerken`: saves as draft or publishes; the
/// form comes back with every problem next to its field, nothing half-saved.
pub async fn vacancy_update(
    State(state): State<AppState>,
    ui: Page,
    SignedIn(viewer): SignedIn,
    Path(id): Path<String>,
    CheckedForm(pairs): CheckedForm<Vec<(String, String)>>,
) -> Response {
    let Page { lang, tr, uri } = ui;
    let (v, employer) = match editable(&state, &id).await {
        Ok(Some(found)) => found,
        Ok(None) => return not_found_page(&state, lang, &uri),
        Err(e) => return failure(e),
    };
    // A form without its version cannot prove it saw the latest change: it loses the race.
    let version = one(&pairs, "version").parse::<i64>().unwrap_or(-1);
    let input = vacancy_input(state.talent.vocabulary(), &pairs);
    let status = if one(&pairs, "status") == "published" {
        VacancyStatus::Published
    } else {
        VacancyStatus::Draft
    };
    let acting = Acting {
        account_id: &viewer.account.id,
        origin: "web",
    };
    let existing = Some((v.id.as_str(), version));
    match recruitment::save_vacancy(&state, acting, &employer, existing, &input, status).await {
        Ok(_) => Redirect::to(&format!("/werkgever?lang={}", lang.code())).into_response(),
        Err(CaseError::Invalid(problems)) => {
            let target = FormFor {
                employer: &employer,
                existing: Some((&v.id, version)),
            };
            let mut errors = errors_from(&tr, &problems);
            name_unknown_in_vacancy(&mut errors, &tr, &state, &input);
            let page = vacancy_form_page(&state, &tr, &uri, &viewer, target, &input, errors);
            render(StatusCode::BAD_REQUEST, &page)
        }
        Err(CaseError::Store(e)) => failure(e),
        Err(_) => failure(loket_store::StoreError::Unavailable("vacancy".into())),
    }
}
