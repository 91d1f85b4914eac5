//! "Forgot my password" and setting a password through an e-mailed link.

use crate::AppState;
use crate::error::failure;
use crate::pages::accounts::shared::{FORGOT_FORM, SET_PASSWORD_FORM, layout};
use crate::pages::accounts::sign_in::after_password;
use crate::pages::forms::{ClientKey, Errors};
use crate::pages::view::Page;
use crate::pages::view::{Layout, render};
use crate::present::Tr;
use crate::session::CurrentViewer;
use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use loket_app::accounts::links::{self, ResetRequest, SetRefusal};
use loket_domain::account::Email;
use loket_store::TokenProblem;
use serde::Deserialize;

// ------------------------------------------------------- forgotten password

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ForgotForm {
    pub email: String,
    pub token: String,
}

#[derive(Template)]
#[template(path = "accounts/forgot_password.html")]
pub struct ForgotPage {
    layout: Layout,
    email: String,
    token: String,
    errors: Errors,
    sent: bool,
}

pub async fn forgot_form(State(state): State<AppState>, ui: Page) -> Response {
    let Page { tr, uri, .. } = ui;
    render(
        StatusCode::OK,
        &ForgotPage {
            layout: layout(&tr, "forgot-title", &uri),
            email: String::new(),
            token: state.csrf.token(FORGOT_FORM, state.clock.unix()),
            errors: Errors::default(),
            sent: false,
        },
    )
}

pub async fn forgot(
    State(state): State<AppState>,
    ui: Page,
    client: ClientKey,
    form: Result<axum::Form<ForgotForm>, axum::extract::rejection::FormRejection>,
) -> Response {
    let Page { lang, tr, uri } = ui;
    let form = form.map(|f| f.0).unwrap_or_default();
    let page = |errors: Errors, sent: bool, status: StatusCode| {
        render(
            status,
            &ForgotPage {
                layout: layout(&tr, "forgot-title", &uri),
                email: if sent {
                    String::new()
                } else {
                    form.email.chars().take(254).collect()
                },
                token: state.csrf.token(FORGOT_FORM, state.clock.unix()),
                errors,
                sent,
            },
        )
    };
    let mut errors = Errors::default();
    if !state
        .csrf
        .verify(FORGOT_FORM, &form.token, state.clock.unix())
    {
        errors.add("form", tr.t("form-error-expired"));
        return page(errors, false, StatusCode::FORBIDDEN);
    }
    let Some(email) = Email::parse(&form.email) else {
        errors.add("email", tr.t("signin-error-email"));
        return page(errors, false, StatusCode::BAD_REQUEST);
    };
    match links::request_reset(&state, &email, &client.0, lang.code()).await {
        Ok(ResetRequest::Taken) => {}
        Ok(ResetRequest::RateLimited) => {
            errors.add("form", tr.t("form-error-rate-limited"));
            return page(errors, false, StatusCode::TOO_MANY_REQUESTS);
        }
        Err(e) => return failure(e),
    }
    // The same answer whether or not the address has an account.
    page(Errors::default(), true, StatusCode::OK)
}

// ------------------------------------------------------------- set password

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct SetPasswordQuery {
    pub token: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct SetPasswordForm {
    pub link: String,
    pub password: String,
    pub password_again: String,
    pub token: String,
}

#[derive(Template)]
#[template(path = "accounts/set_password.html")]
pub struct SetPasswordPage {
    layout: Layout,
    link: String,
    token: String,
    errors: Errors,
    /// The link cannot be used: why, in words.
    refusal: Option<String>,
}

pub(crate) fn refusal(tr: &Tr, problem: TokenProblem) -> String {
    tr.t(match problem {
        TokenProblem::Unknown => "link-error-unknown",
        TokenProblem::Expired => "link-error-expired",
        TokenProblem::Used => "link-error-used",
    })
}

pub async fn set_password_form(
    State(state): State<AppState>,
    ui: Page,
    Query(q): Query<SetPasswordQuery>,
) -> Response {
    let Page { tr, uri, .. } = ui;
    let checked = match links::check(&state, &q.token).await {
        Ok(c) => c,
        Err(e) => return failure(e),
    };
    let (status, refused) = match checked {
        Ok(_) => (StatusCode::OK, None),
        Err(p) => (StatusCode::GONE, Some(refusal(&tr, p))),
    };
    render(
        status,
        &SetPasswordPage {
            layout: layout(&tr, "setpw-title", &uri),
            link: q.token.chars().take(100).collect(),
            token: state.csrf.token(SET_PASSWORD_FORM, state.clock.unix()),
            errors: Errors::default(),
            refusal: refused,
        },
    )
}

pub async fn set_password(
    State(state): State<AppState>,
    ui: Page,
    CurrentViewer(previous): CurrentViewer,
    form: Result<axum::Form<SetPasswordForm>, axum::extract::rejection::FormRejection>,
) -> Response {
    let Page { tr, uri, .. } = ui;
    let form = form.map(|f| f.0).unwrap_or_default();
    let page = |errors: Errors, refused: Option<String>, status: StatusCode| {
        render(
            status,
            &SetPasswordPage {
                layout: layout(&tr, "setpw-title", &uri),
                link: form.link.chars().take(100).collect(),
                token: state.csrf.token(SET_PASSWORD_FORM, state.clock.unix()),
                errors,
                refusal: refused,
            },
        )
    };
    let mut errors = Errors::default();
    if !state
        .csrf
        .verify(SET_PASSWORD_FORM, &form.token, state.clock.unix())
    {
        errors.add("form", tr.t("form-error-expired"));
        return page(errors, None, StatusCode::FORBIDDEN);
    }
    let set = links::set_password(&state, &form.link, &form.password, &form.password_again).await;
    let account = match set {
        Ok(Ok(account)) => account,
        Ok(Err(SetRefusal::Link(p))) => {
            return page(errors, Some(refusal(&tr, p)), StatusCode::GONE);
        }
        Ok(Err(SetRefusal::Password { problems, mismatch })) => {
            for p in problems {
                errors.add("password", tr.t(&format!("password-{}", p.code())));
            }
            if mismatch {
                errors.add("password_again", tr.t("setpw-error-mismatch"));
            }
            return page(errors, None, StatusCode::BAD_REQUEST);
        }
        Err(e) => return failure(e),
    };
    let step = match loket_app::accounts::sign_in::second_step(&state, &account).await {
        Ok(step) => step,
        Err(e) => return failure(e),
    };
    after_password(
        &state,
        previous.as_ref(),
        &account,
        step,
        crate::pages::accounts::home::START,
    )
    .await
}
