use crate::AppState;
use crate::error::failure;
use crate::lang::UiLang;
use crate::pages::accounts::shared::{
    SIGN_IN_FORM, account_key, address_key, audit, go, layout, next_query, record_failure,
    throttled, with_cookie,
};
use crate::pages::forms::{ClientKey, Errors, safe_next};
use crate::pages::view::tr;
use crate::pages::view::{Layout, render};
use crate::session::{self, CurrentViewer, Viewer};
use askama::Template;
use axum::extract::{OriginalUri, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use loket_app::accounts::passwords::dummy_hash;
use loket_domain::account::{Account, Email};
use loket_domain::audit::AuditResult;
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
#[template(path = "sign_in.html")]
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
    UiLang(lang): UiLang,
    OriginalUri(uri): OriginalUri,
    Query(q): Query<NextQuery>,
) -> Response {
    let tr = tr(&state, lang);
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
    UiLang(lang): UiLang,
    OriginalUri(uri): OriginalUri,
    CurrentViewer(previous): CurrentViewer,
    client: ClientKey,
    form: Result<axum::Form<SignInForm>, axum::extract::rejection::FormRejection>,
) -> Response {
    let tr = tr(&state, lang);
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
    let (akey, ckey) = (account_key(email.as_str()), address_key(&client));
    match throttled(&state, &[&akey, &ckey]).await {
        Ok(false) => {}
        Ok(true) => {
            audit(
                &state,
                "sign-in",
                "account".into(),
                AuditResult::Denied,
                "anonymous",
            )
            .await;
            errors.add("form", tr.t("signin-error-throttled"));
            return page(errors, StatusCode::TOO_MANY_REQUESTS);
        }
        Err(e) => return failure(e),
    }
    let found = match state.store.account_by_email(&email).await {
        Ok(found) => found,
        Err(e) => return failure(e),
    };
    let hash = found
        .as_ref()
        .map(|(_, h)| h.clone())
        .unwrap_or_else(|| dummy_hash().to_string());
    let matches = state.password_matches(form.password.clone(), hash).await;
    let account = match found {
        Some((account, _)) if matches && !account.disabled => account,
        other => {
            let actor = other
                .map(|(a, _)| a.id)
                .unwrap_or_else(|| "anonymous".into());
            if let Err(e) = record_failure(&state, &[&akey, &ckey]).await {
                return failure(e);
            }
            audit(
                &state,
                "sign-in",
                format!("account/{actor}"),
                AuditResult::Failed,
                &actor,
            )
            .await;
            errors.add("form", tr.t("signin-error-wrong"));
            return page(errors, StatusCode::UNAUTHORIZED);
        }
    };
    if let Err(e) = state.store.clear_events(&akey).await {
        return failure(e);
    }
    after_password(&state, previous.as_ref(), &account, &next).await
}

/// The password was right: on to the second factor, its enrolment, or straight in.
pub(crate) async fn after_password(
    state: &AppState,
    previous: Option<&Viewer>,
    account: &Account,
    next: &str,
) -> Response {
    let needs_mfa = match state.store.memberships(&account.id).await {
        Ok(m) => m.iter().any(|m| m.role.needs_mfa()),
        Err(e) => return failure(e),
    };
    let enrolled = match state.store.totp(&account.id).await {
        Ok(t) => t.is_some_and(|t| t.confirmed),
        Err(e) => return failure(e),
    };
    let (stage, to) = if enrolled {
        (
            SessionStage::Password,
            format!("/aanmelden/code?{}", next_query(next)),
        )
    } else if needs_mfa {
        (
            SessionStage::Password,
            format!("/aanmelden/tweede-factor?{}", next_query(next)),
        )
    } else {
        (SessionStage::Full, next.to_string())
    };
    match session::start(state, previous, &account.id, stage).await {
        Ok(cookie) => {
            if stage == SessionStage::Full {
                audit(
                    state,
                    "sign-in",
                    format!("account/{}", account.id),
                    AuditResult::Success,
                    &account.id,
                )
                .await;
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
    if let Err(e) = state.store.delete_session(&viewer.session_hash).await {
        return failure(e);
    }
    audit(
        &state,
        "sign-out",
        format!("account/{}", viewer.account.id),
        AuditResult::Success,
        &viewer.account.id,
    )
    .await;
    with_cookie(
        go("/aanmelden?notice=signed-out"),
        session::clear_cookie(&state),
    )
}
