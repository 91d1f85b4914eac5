//! "Ask this service to contact me": the public intake from the front door's
//! result page and the service pages. It arrives in the organisation's inbox as
//! a referral from the front door. Spam is kept out without third parties: a
//! signed form token (which also dates the form), a field only robots fill in,
//! a minimum time to fill the form, and a limit per address.

use crate::AppState;
use crate::pages::forms::{ClientKey, Errors};
use crate::pages::referrals::new::{language_options, problem_message};
use crate::pages::view::Page;
use crate::pages::view::{Layout, Opt, render};
use crate::present::tr;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use loket_app::limits;
use loket_app::referrals::ReferError;
use loket_app::referrals::callback::{self, Confirmation};
use loket_domain::referral::ReferralRequest;
use serde::Deserialize;

const INTAKE_FORM: &str = "front-door-intake";
/// Requests per address per hour.
const MAX_PER_HOUR: i64 = 5;

#[derive(Template)]
#[template(path = "referrals/intake.html")]
pub struct IntakePage {
    layout: Layout,
    service_id: String,
    service: String,
    consent_text: String,
    thanks: String,
    token: String,
    languages: Vec<Opt>,
    form: IntakeForm,
    errors: Errors,
    done: Option<Done>,
}

/// The confirmation in words.
pub struct Done {
    reference: String,
    answer_by: Option<String>,
    mailed: Option<String>,
}

#[derive(Debug, Default, Deserialize, Clone)]
pub struct IntakeForm {
    #[serde(default)]
    pub token: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub contact: String,
    #[serde(default)]
    pub question: String,
    #[serde(default)]
    pub language: String,
    #[serde(default)]
    pub consent: String,
    /// Hidden from people; robots fill it in.
    #[serde(default)]
    pub website: String,
}

fn page(
    state: &AppState,
    lang: loket_domain::Lang,
    uri: &axum::http::Uri,
    service: &loket_domain::Service,
    form: IntakeForm,
    errors: Errors,
    done: Option<Done>,
) -> IntakePage {
    let tr = tr(state, lang);
    let organization = state
        .index()
        .organization(&service.organization_id)
        .map(|o| o.name.clone())
        .unwrap_or_default();
    IntakePage {
        layout: Layout::new(
            tr.clone(),
            tr.s(
                "intake-title",
                &[("service", service.name.get(lang).to_string())],
            ),
            "front-door",
            uri.path(),
            uri.query(),
        ),
        service_id: service.id.clone(),
        service: service.name.get(lang).to_string(),
        consent_text: tr.s("intake-consent", &[("organization", organization.clone())]),
        thanks: tr.s("intake-thanks", &[("organization", organization.clone())]),
        token: state.csrf.token(INTAKE_FORM, state.clock.unix()),
        languages: language_options(
            &tr,
            if form.language.is_empty() {
                lang.code()
            } else {
                &form.language
            },
        ),
        form,
        errors,
        done,
    }
}

/// What another page hands over: the question written out for the visitor
/// (e.g. the cross-border explainer's situation), to send or change.
#[derive(Debug, Default, Deserialize)]
pub struct Prefill {
    #[serde(default)]
    vraag: String,
}

pub async fn form(
    State(state): State<AppState>,
    ui: Page,
    Path(id): Path<String>,
    prefill: Result<axum::extract::Query<Prefill>, axum::extract::rejection::QueryRejection>,
) -> Response {
    let Page { lang, uri, .. } = ui;
    let Some(service) = state.index().service(&id).cloned() else {
        return crate::pages::errors::not_found_page(&state, lang, &uri);
    };
    let question: String = prefill
        .map(|q| q.0.vraag)
        .unwrap_or_default()
        .chars()
        .take(2_000)
        .collect();
    let p = page(
        &state,
        lang,
        &uri,
        &service,
        IntakeForm {
            question,
            ..IntakeForm::default()
        },
        Errors::default(),
        None,
    );
    render(StatusCode::OK, &p)
}

/// A problem in the visitor's own terms ("your name"), else the staff wording.
fn intake_message(tr: &crate::present::Tr, field: &str, problem: &str) -> String {
    let key = format!("intake-error-{field}-{problem}");
    let text = tr.t(&key);
    if text != key && !text.is_empty() {
        text
    } else {
        problem_message(tr, field, problem)
    }
}

fn done_view(
    state: &AppState,
    tr: &crate::present::Tr,
    service: &loket_domain::Service,
    form: &IntakeForm,
    c: Confirmation,
) -> Done {
    let organization = state
        .index()
        .organization(&service.organization_id)
        .map(|o| o.name.clone())
        .unwrap_or_default();
    Done {
        reference: tr.s("intake-reference", &[("reference", c.reference)]),
        answer_by: c.answer_by.map(|d| {
            tr.s(
                "intake-answer-by",
                &[
                    ("date", crate::present::date(tr, d)),
                    ("organization", organization),
                ],
            )
        }),
        mailed: c.mailed.then(|| {
            tr.s(
                "intake-mailed",
                &[("email", form.contact.trim().to_string())],
            )
        }),
    }
}

/// When the form was issued, from its signed token.
fn issued_at(token: &str) -> Option<i64> {
    token.split_once('.')?.0.parse().ok()
}

pub async fn submit(
    State(state): State<AppState>,
    ui: Page,
    Path(id): Path<String>,
    client: ClientKey,
    form: Result<axum::Form<IntakeForm>, axum::extract::rejection::FormRejection>,
) -> Response {
    let Page { lang, tr, uri } = ui;
    let Some(service) = state.index().service(&id).cloned() else {
        return crate::pages::errors::not_found_page(&state, lang, &uri);
    };
    let form = form.map(|f| f.0).unwrap_or_default();
    let now = state.clock.unix();
    let mut errors = Errors::default();
    let show = |form: IntakeForm, errors: Errors, status: StatusCode, done: Option<Done>| {
        render(
            status,
            &page(&state, lang, &uri, &service, form, errors, done),
        )
    };
    if !state.csrf.verify(INTAKE_FORM, &form.token, now) {
        errors.add("form", tr.t("feedback-error-expired"));
        return show(form, errors, StatusCode::FORBIDDEN, None);
    }
    if !form.website.is_empty() {
        // Only robots fill in the hidden field: thank it and keep nothing.
        let done = Done {
            reference: String::new(),
            answer_by: None,
            mailed: None,
        };
        return show(IntakeForm::default(), errors, StatusCode::OK, Some(done));
    }
    let rate_key = format!("intake:address:{}", client.0);
    if limits::last_hour(&state, &rate_key).await.unwrap_or(0) >= MAX_PER_HOUR {
        errors.add("form", tr.t("form-error-rate-limited"));
        return show(form, errors, StatusCode::TOO_MANY_REQUESTS, None);
    }
    if form.consent != "yes" {
        errors.add("consent", tr.t("intake-error-consent"));
    }
    let request = ReferralRequest {
        service_id: service.id.clone(),
        name: form.name.clone(),
        contact: form.contact.clone(),
        language: form.language.clone(),
        note: form.question.clone(),
        basis: "consent".into(),
        purpose: tr.s(
            "intake-purpose",
            &[("service", service.name.get(lang).to_string())],
        ),
        previous_id: None,
    };
    let problems = loket_domain::referral::check_request(&request);
    for p in &problems {
        let field = if p.field == "note" {
            "question"
        } else {
            p.field
        };
        errors.add(field, intake_message(&tr, field, p.problem));
    }
    if !errors.is_empty() {
        return show(form, errors, StatusCode::BAD_REQUEST, None);
    }
    if issued_at(&form.token).is_none_or(|t| now - t < state.intake_min_fill_secs) {
        // Faster than a person types: most likely a robot. A person (say, with
        // autofill) keeps everything typed and only sends again.
        errors.add("form", tr.t("intake-error-too-fast"));
        return show(form, errors, StatusCode::BAD_REQUEST, None);
    }
    if let Err(e) = limits::count(&state, &rate_key).await {
        tracing::warn!(error = %e, "counting an intake request failed");
    }
    match callback::request(&state, &request, lang.code()).await {
        Ok(c) => {
            let done = done_view(&state, &tr, &service, &form, c);
            show(
                IntakeForm::default(),
                Errors::default(),
                StatusCode::OK,
                Some(done),
            )
        }
        Err(ReferError::Invalid(problems)) => {
            for p in problems {
                errors.add(p.field, intake_message(&tr, p.field, p.problem));
            }
            show(form, errors, StatusCode::BAD_REQUEST, None)
        }
        Err(ReferError::Store(e)) => crate::error::failure(e),
    }
}
