//! Signing in with a password (`/aanmelden`), the step after it, and signing out.

use crate::AppState;
use crate::error::failure;
use crate::pages::accounts::shared::{SIGN_IN_FORM, go, layout, next_query, with_cookie};
use crate::pages::forms::{ClientKey, Errors, safe_next};
use crate::pages::view::Page;
use crate::pages::view::{Layout, render};
use crate::session::{self, CurrentViewer, Viewer};
use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use loket_app::accounts::sign_in::{self, PasswordOutcome, SecondStep, Throttle};
use loket_domain::account::{Account, Email};
use loket_store::SessionStage;
use serde::Deserialize;

// ---------------------------------------------------------------- password

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct SignInForm {
    pub email: String,
    pub password: String,
    pub token: String,
    pub next: String,
}

#[derive(Template)]
#[template(path = "accounts/sign_in.html")]
pub struct SignInPage {
    layout: Layout,
    email: String,
    next: String,
    token: String,
    errors: Errors,
    notice: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct NextQuery {
    pub next: String,
    pub notice: String,
}

pub async fn sign_in_form(
    State(state): State<AppState>,
    ui: Page,
    Query(q): Query<NextQuery>,
) -> Response {
    let Page { tr, uri, .. } = ui;
    let notice = match q.notice.as_str() {
        "signed-out" => Some(tr.t("signin-notice-signed-out")),
        "everywhere" => Some(tr.t("signin-notice-everywhere")),
        "password-set" => Some(tr.t("signin-notice-password-set")),
        _ => None,
    };
    render(
        StatusCode::OK,
        &SignInPage {
            layout: layout(&tr, "signin-title", &uri),
            email: String::new(),
            next: safe_next(&q.next),
            token: state.csrf.token(SIGN_IN_FORM, state.clock.unix()),
            errors: Errors::default(),
            notice,
        },
    )
}

pub async fn sign_in(
    State(state): State<AppState>,
    ui: Page,
    CurrentViewer(previous): CurrentViewer,
    client: ClientKey,
    headers: axum::http::HeaderMap,
    form: Result<axum::Form<SignInForm>, axum::extract::rejection::FormRejection>,
) -> Response {
    let Page { tr, uri, .. } = ui;
    let form = form.map(|f| f.0).unwrap_or_default();
    let next = safe_next(&form.next);
    let mut errors = Errors::default();
    let page = |errors: Errors, status: StatusCode| {
        render(
            status,
            &SignInPage {
                layout: layout(&tr, "signin-title", &uri),
                email: form.email.chars().take(254).collect(),
                next: next.clone(),
                token: state.csrf.token(SIGN_IN_FORM, state.clock.unix()),
                errors,
                notice: None,
            },
        )
    };
    if !state
        .csrf
        .verify(SIGN_IN_FORM, &form.token, state.clock.unix())
    {
        errors.add("form", tr.t("form-error-expired"));
        return page(errors, StatusCode::FORBIDDEN);
    }
    let email = Email::parse(&form.email);
    if email.is_none() {
        errors.add("email", tr.t("signin-error-email"));
    }
    if form.password.is_empty() {
        errors.add("password", tr.t("signin-error-password-missing"));
    }
    let Some(email) = email.filter(|_| errors.is_empty()) else {
        return page(errors, StatusCode::BAD_REQUEST);
    };
    let throttle = Throttle::new(&email, &client.0)
        .on_known_device(crate::device::known(&state, &headers, &email));
    let outcome = sign_in::with_password(&state, &email, form.password.clone(), &throttle).await;
    let (account, step) = match outcome {
        Ok(PasswordOutcome::Right { account, next }) => (account, next),
        Ok(PasswordOutcome::Throttled) => {
            errors.add("form", tr.t("signin-error-throttled"));
            return page(errors, StatusCode::TOO_MANY_REQUESTS);
        }
        Ok(PasswordOutcome::Wrong) => {
            errors.add("form", tr.t("signin-error-wrong"));
            return page(errors, StatusCode::UNAUTHORIZED);
        }
        Err(e) => return failure(e),
    };
    after_password(&state, previous.as_ref(), &account, step, &next).await
}

/// The password was right: on to the second factor, its enrolment, or straight in.
pub(crate) async fn after_password(
    state: &AppState,
    previous: Option<&Viewer>,
    account: &Account,
    step: SecondStep,
    next: &str,
) -> Response {
    let (stage, to) = match step {
        SecondStep::Code => (
            SessionStage::Password,
            format!("/aanmelden/code?{}", next_query(next)),
        ),
        SecondStep::Enrol => (
            SessionStage::Password,
            format!("/aanmelden/tweede-factor?{}", next_query(next)),
        ),
        SecondStep::None => (SessionStage::Full, next.to_string()),
    };
    match session::start(state, previous, &account.id, stage).await {
        Ok(cookie) => {
            if stage == SessionStage::Full {
                sign_in::signed_in(state, &account.id).await;
                let known = crate::device::remember(state, &account.email);
                return with_cookie(with_cookie(go(&to), cookie), known);
            }
            with_cookie(go(&to), cookie)
        }
        Err(e) => failure(e),
    }
}

// ----------------------------------------------------------------- sign out

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct TokenOnly {
    pub token: String,
}

pub async fn sign_out(
    State(state): State<AppState>,
    CurrentViewer(viewer): CurrentViewer,
    form: Result<axum::Form<TokenOnly>, axum::extract::rejection::FormRejection>,
) -> Response {
    let Some(viewer) = viewer else {
        return go("/");
    };
    let token = form.map(|f| f.0.token).unwrap_or_default();
    if !state.form_token_ok(&viewer, &token) {
        return (StatusCode::FORBIDDEN, "").into_response();
    }
    if let Err(e) = sign_in::sign_out(&state, &viewer.session_hash, &viewer.account.id).await {
        return failure(e);
    }
    with_cookie(
        go("/aanmelden?notice=signed-out"),
        session::clear_cookie(&state),
    )
}
