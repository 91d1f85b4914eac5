use crate::AppState;
use crate::error::failure;
use crate::lang::UiLang;
use crate::pages::accounts::shared::{
    FORGOT_FORM, INVITATION_VALID_SECS, RESET_VALID_SECS, SET_PASSWORD_FORM, audit, layout,
};
use crate::pages::accounts::sign_in::after_password;
use crate::pages::forms::{ClientKey, Errors};
use crate::pages::view::tr;
use crate::pages::view::{Layout, Tr, render};
use crate::session::CurrentViewer;
use askama::Template;
use axum::extract::{OriginalUri, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use loket_auth::secrets::{hash_secret, new_token};
use loket_domain::account::{Email, password_problems};
use loket_domain::audit::AuditResult;
use loket_store::{StoreError, TokenProblem, TokenPurpose};
use serde::Deserialize;

// ------------------------------------------------------- forgotten password

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ForgotForm {
    pub email: String,
    pub token: String,
}

#[derive(Template)]
#[template(path = "forgot_password.html")]
pub struct ForgotPage {
    layout: Layout,
    email: String,
    token: String,
    errors: Errors,
    sent: bool,
}

pub async fn forgot_form(
    State(state): State<AppState>,
    UiLang(lang): UiLang,
    OriginalUri(uri): OriginalUri,
) -> Response {
    let tr = tr(&state, lang);
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
    UiLang(lang): UiLang,
    OriginalUri(uri): OriginalUri,
    client: ClientKey,
    form: Result<axum::Form<ForgotForm>, axum::extract::rejection::FormRejection>,
) -> Response {
    let tr = tr(&state, lang);
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
    // Five requests an hour per address, three per account: enough for people,
    // too few to flood someone's mailbox.
    let (ckey, akey) = (
        format!("reset:address:{}", client.0),
        format!("reset:account:{}", hash_secret(email.as_str())),
    );
    let hour = state.clock.unix() - 3600;
    let (by_address, by_account) = match (
        state.store.count_events(&ckey, hour).await,
        state.store.count_events(&akey, hour).await,
    ) {
        (Ok(a), Ok(b)) => (a, b),
        (Err(e), _) | (_, Err(e)) => return failure(e),
    };
    if by_address >= 5 {
        errors.add("form", tr.t("form-error-rate-limited"));
        return page(errors, false, StatusCode::TOO_MANY_REQUESTS);
    }
    let _ = state.store.record_event(&ckey, state.clock.unix()).await;
    if by_account < 3 {
        let _ = state.store.record_event(&akey, state.clock.unix()).await;
        if let Err(e) = send_password_link(&state, &tr, &email, TokenPurpose::PasswordReset).await {
            return failure(e);
        }
    }
    // The same answer whether or not the address has an account.
    page(Errors::default(), true, StatusCode::OK)
}

/// Creates a single-use link for the account with this address (if any) and queues the mail.
pub(crate) async fn send_password_link(
    state: &AppState,
    tr: &Tr,
    email: &Email,
    purpose: TokenPurpose,
) -> Result<bool, StoreError> {
    let Some((account, _)) = state.store.account_by_email(email).await? else {
        return Ok(false);
    };
    if account.disabled && purpose == TokenPurpose::PasswordReset {
        return Ok(false);
    }
    let token = new_token();
    let valid = match purpose {
        TokenPurpose::PasswordReset => RESET_VALID_SECS,
        TokenPurpose::Invitation => INVITATION_VALID_SECS,
    };
    state
        .store
        .create_token(
            &hash_secret(&token),
            purpose,
            &account.id,
            state.clock.unix() + valid,
        )
        .await?;
    let link = format!(
        "{}/wachtwoord-instellen?token={token}&lang={}",
        state.public_url,
        tr.lang.code()
    );
    let (subject, body) = match purpose {
        TokenPurpose::PasswordReset => (
            tr.t("mail-reset-subject"),
            tr.s("mail-reset-body", &[("link", link)]),
        ),
        TokenPurpose::Invitation => (
            tr.t("mail-invite-subject"),
            tr.s("mail-invite-body", &[("link", link)]),
        ),
    };
    loket_app::jobs::enqueue_mail(
        state,
        &loket_app::mail::Mail {
            to: email.as_str().to_string(),
            subject,
            body,
        },
    )
    .await?;
    audit(
        state,
        &format!("{}.send", purpose.code()),
        format!("account/{}", account.id),
        AuditResult::Success,
        "system",
    )
    .await;
    Ok(true)
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
#[template(path = "set_password.html")]
pub struct SetPasswordPage {
    layout: Layout,
    link: String,
    token: String,
    errors: Errors,
    /// The link cannot be used: why, in words.
    refusal: Option<String>,
}

pub(crate) async fn token_account(
    state: &AppState,
    token: &str,
    consume: bool,
) -> Result<Result<String, TokenProblem>, StoreError> {
    let hash = hash_secret(token);
    let mut worst = TokenProblem::Unknown;
    for purpose in [TokenPurpose::Invitation, TokenPurpose::PasswordReset] {
        let r = if consume {
            state
                .store
                .consume_token(&hash, purpose, state.clock.unix())
                .await?
        } else {
            state
                .store
                .check_token(&hash, purpose, state.clock.unix())
                .await?
        };
        match r {
            Ok(account) => return Ok(Ok(account)),
            Err(TokenProblem::Unknown) => {}
            Err(p) => worst = p,
        }
    }
    Ok(Err(worst))
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
    UiLang(lang): UiLang,
    OriginalUri(uri): OriginalUri,
    Query(q): Query<SetPasswordQuery>,
) -> Response {
    let tr = tr(&state, lang);
    let checked = match token_account(&state, &q.token, false).await {
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
    UiLang(lang): UiLang,
    OriginalUri(uri): OriginalUri,
    CurrentViewer(previous): CurrentViewer,
    form: Result<axum::Form<SetPasswordForm>, axum::extract::rejection::FormRejection>,
) -> Response {
    let tr = tr(&state, lang);
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
    let account_id = match token_account(&state, &form.link, false).await {
        Ok(Ok(id)) => id,
        Ok(Err(p)) => return page(errors, Some(refusal(&tr, p)), StatusCode::GONE),
        Err(e) => return failure(e),
    };
    let account = match state.store.account(&account_id).await {
        Ok(Some((a, _))) => a,
        Ok(None) => {
            return page(
                errors,
                Some(refusal(&tr, TokenProblem::Unknown)),
                StatusCode::GONE,
            );
        }
        Err(e) => return failure(e),
    };
    for p in password_problems(&form.password, &account.email) {
        errors.add("password", tr.t(&format!("password-{}", p.code())));
    }
    if form.password != form.password_again {
        errors.add("password_again", tr.t("setpw-error-mismatch"));
    }
    if !errors.is_empty() {
        return page(errors, None, StatusCode::BAD_REQUEST);
    }
    // Use the link up only now that the password is acceptable; of two tabs, one wins.
    match token_account(&state, &form.link, true).await {
        Ok(Ok(_)) => {}
        Ok(Err(p)) => return page(errors, Some(refusal(&tr, p)), StatusCode::GONE),
        Err(e) => return failure(e),
    }
    let password = form.password.clone();
    let Some(hash) = state.hash_new_password(password).await else {
        return failure(StoreError::Database("hashing failed".into()));
    };
    if let Err(e) = state.store.set_password(&account.id, &hash).await {
        return failure(e);
    }
    // A new password ends every session: whoever knew the old one is out.
    if let Err(e) = state.store.delete_sessions_of(&account.id).await {
        return failure(e);
    }
    audit(
        &state,
        "password.set",
        format!("account/{}", account.id),
        AuditResult::Success,
        &account.id,
    )
    .await;
    let step = match loket_app::accounts::sign_in::second_step(&state, &account).await {
        Ok(step) => step,
        Err(e) => return failure(e),
    };
    after_password(&state, previous.as_ref(), &account, step, "/beheer").await
}
