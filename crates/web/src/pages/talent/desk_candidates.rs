//! Programme staff register a candidate on their behalf and look at a candidate,
//! their introductions and CV.

use crate::AppState;
use crate::error::failure;
use crate::pages::errors::not_found_page;
use crate::pages::forms::Errors;
use crate::pages::forms::csrf_refused;
use crate::pages::forms::read_upload;
use crate::pages::talent::candidate_registration::Registrar;
use crate::pages::talent::employer::{IntroItem, intro_items};
use crate::pages::talent::introductions::profile_view;
use crate::pages::talent::shared::{errors_from, one};
use crate::pages::view::Page;
use crate::pages::view::{Layout, render};
use crate::session::SignedIn;
use askama::Template;
use axum::extract::{Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use loket_app::talent::records;
use loket_app::talent::recruitment::{self, CaseError};
use loket_domain::referral::FieldProblem;
use loket_domain::talent::candidate::CandidateInput;
use loket_domain::talent::introduction::Actor;
use loket_store::talent::RegisteredBy;
use uuid::Uuid;

// ------------------------------------------------------------------ candidates

pub async fn candidate_form(
    State(state): State<AppState>,
    ui: Page,
    SignedIn(viewer): SignedIn,
) -> Response {
    let Page { tr, uri, .. } = ui;
    let input = CandidateInput {
        max_commute_km: "30".into(),
        ..Default::default()
    };
    let token = state.form_token(&viewer);
    render(
        StatusCode::OK,
        &crate::pages::talent::candidate_registration::candidate_page(
            &state,
            &tr,
            &uri,
            Registrar::Staff,
            token,
            &input,
            Errors::default(),
        ),
    )
}

pub async fn candidate_create(
    State(state): State<AppState>,
    ui: Page,
    SignedIn(viewer): SignedIn,
    multipart: Result<Multipart, axum::extract::multipart::MultipartRejection>,
) -> Response {
    let Page { lang, tr, uri } = ui;
    let Ok(multipart) = multipart else {
        return csrf_refused(&state, lang);
    };
    let upload = read_upload(multipart, "cv").await;
    if !state.form_token_ok(&viewer, &one(&upload.pairs, "token")) {
        return csrf_refused(&state, lang);
    }
    let input = crate::pages::talent::candidate_registration::candidate_input(
        state.talent.vocabulary(),
        &upload.pairs,
    );
    let (cv, held) =
        crate::pages::talent::candidate_registration::submitted_cv(&state, &upload).await;
    let again = |errors: Errors, cv_held: Option<String>| {
        let token = state.form_token(&viewer);
        let mut page = crate::pages::talent::candidate_registration::candidate_page(
            &state,
            &tr,
            &uri,
            Registrar::Staff,
            token,
            &input,
            errors,
        );
        page.cv_held = cv_held;
        render(StatusCode::BAD_REQUEST, &page)
    };
    if upload.too_large {
        return again(
            errors_from(
                &tr,
                &[FieldProblem {
                    field: "cv",
                    problem: "too-large",
                }],
            ),
            held,
        );
    }
    match recruitment::register_candidate(
        &state,
        &input,
        cv.as_deref(),
        RegisteredBy::Staff(&viewer.account.id),
        "web",
    )
    .await
    {
        Ok(c) => Redirect::to(&format!(
            "/beheer/talent/kandidaten/{}?lang={}",
            c.id,
            lang.code()
        ))
        .into_response(),
        Err(CaseError::Invalid(problems)) => {
            let kept =
                crate::pages::talent::candidate_registration::keep_cv(&state, cv.as_deref(), held)
                    .await;
            again(errors_from(&tr, &problems), kept)
        }
        Err(CaseError::Store(e)) => failure(e),
        Err(_) => not_found_page(&state, lang, &uri),
    }
}

#[derive(Template)]
#[template(path = "talent/talent_candidate.html")]
pub struct CandidateStaffPage {
    layout: Layout,
    email: String,
    phone: String,
    occupations: String,
    skills: String,
    languages: String,
    experience: String,
    home: String,
    nationality: String,
    consent: String,
    cv_href: String,
    introductions: Vec<IntroItem>,
    vacancies: Vec<(String, String, String)>,
}

pub async fn candidate(
    State(state): State<AppState>,
    ui: Page,
    Path(id): Path<String>,
) -> Response {
    let Page { lang, tr, uri } = ui;
    let c = match records::candidate(&state, &id).await {
        Ok(Some(c)) => c,
        Ok(None) => return not_found_page(&state, lang, &uri),
        Err(e) => return failure(e),
    };
    let intros = match records::introductions_for_candidate(&state, &id).await {
        Ok(i) => i,
        Err(e) => return failure(e),
    };
    let introductions = match intro_items(&state, &tr, &intros, true).await {
        Ok(i) => i,
        Err(e) => return failure(e),
    };
    let cv_href = if c.cv.is_some() {
        format!("/beheer/talent/kandidaten/{id}/cv")
    } else {
        String::new()
    };
    let profile = profile_view(&state, &tr, &c.details, cv_href.clone());
    let today = state.clock.today();
    let suggestions: Vec<(String, String)> = {
        let index = state.talent.read();
        match Uuid::parse_str(&id)
            .ok()
            .and_then(|k| index.candidate(&k).cloned())
        {
            Some(profile) => index
                .vacancies_for(&profile, 10, today)
                .into_iter()
                .map(|r| (r.key.to_string(), format!("{:.0}", r.explanation.total)))
                .collect(),
            None => Vec::new(),
        }
    };
    let mut vacancies = Vec::new();
    for (vid, score) in suggestions {
        if let Ok(Some(v)) = records::vacancy(&state, &vid).await {
            vacancies.push((
                vid,
                v.details.title.get(lang).to_string(),
                tr.s("match-score", &[("score", score)]),
            ));
        }
    }
    let consent_day = chrono::DateTime::from_timestamp(c.consent_at, 0)
        .map(|t| t.date_naive().to_string())
        .unwrap_or_default();
    let page = CandidateStaffPage {
        layout: Layout::new(
            tr.clone(),
            c.details.name.clone(),
            "staff",
            uri.path(),
            uri.query(),
        ),
        email: profile.email,
        phone: profile.phone,
        occupations: profile.occupations,
        skills: profile.skills,
        languages: profile.languages,
        experience: profile.experience,
        home: profile.home,
        nationality: crate::pages::talent::introductions::nationality_text(&tr, &c.details),
        consent: tr.s("candidate-consent-on", &[("day", consent_day)]),
        cv_href,
        introductions,
        vacancies,
    };
    render(StatusCode::OK, &page)
}

pub async fn candidate_cv(State(state): State<AppState>, Path(id): Path<String>) -> Response {
    crate::pages::talent::introductions::cv_download(&state, &id).await
}

pub async fn introduction(
    State(state): State<AppState>,
    ui: Page,
    SignedIn(viewer): SignedIn,
    Path(id): Path<String>,
) -> Response {
    let Page { tr, uri, .. } = ui;
    crate::pages::talent::introductions::introduction_page(
        &state,
        &tr,
        &uri,
        &viewer,
        &id,
        Actor::Programme,
        Errors::default(),
        None,
    )
    .await
}

pub async fn step(
    State(state): State<AppState>,
    ui: Page,
    SignedIn(viewer): SignedIn,
    Path(id): Path<String>,
    form: Result<axum::Form<Vec<(String, String)>>, axum::extract::rejection::FormRejection>,
) -> Response {
    let Page { lang, uri, .. } = ui;
    let pairs = form.map(|f| f.0).unwrap_or_default();
    crate::pages::talent::introductions::post_step(
        &state,
        lang,
        &uri,
        &viewer,
        &id,
        Actor::Programme,
        &pairs,
    )
    .await
}
