//! Signing in: password, then the second factor (or enrolling one), then a
//! fresh session; signing out; forgotten passwords and invitations (both set a
//! password through a single-use link). Failed attempts are counted per
//! account and per address; after [`MAX_FAILURES`] in [`WINDOW_SECS`] sign-in
//! pauses for that account or address.

use super::forms::{ClientKey, Errors, safe_next};
use super::pages::tr;
use super::view::{Layout, Tr, render};
use crate::AppState;
use crate::lang::UiLang;
use crate::session::{self, CurrentViewer, Viewer};
use askama::Template;
use axum::extract::{OriginalUri, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use loket_auth::secrets::{
    hash_secret, new_recovery_codes, new_token, new_totp_secret, normalize_recovery_code,
    totp_secret_from_base32,
};
use loket_auth::totp;
use loket_domain::account::{Account, Email, password_problems};
use loket_domain::audit::AuditResult;
use loket_store::{SessionStage, StoreError, TokenProblem, TokenPurpose};
use serde::Deserialize;
use std::sync::OnceLock;

pub const MAX_FAILURES: i64 = 10;
pub const WINDOW_SECS: i64 = 15 * 60;
const SIGN_IN_FORM: &str = "sign-in";
const FORGOT_FORM: &str = "forgot-password";
const SET_PASSWORD_FORM: &str = "set-password";
const RESET_VALID_SECS: i64 = 60 * 60;
pub const INVITATION_VALID_SECS: i64 = 7 * 24 * 60 * 60;

fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

fn account_key(email: &str) -> String {
    format!("sign-in:account:{}", hash_secret(email))
}

fn address_key(client: &ClientKey) -> String {
    format!("sign-in:address:{}", client.0)
}

fn layout(tr: &Tr, title_key: &str, uri: &axum::http::Uri) -> Layout {
    Layout::new(tr.clone(), tr.t(title_key), "", uri.path(), uri.query())
}

pub(crate) fn failure(_state: &AppState, e: StoreError) -> Response {
    tracing::error!(error = %e, "storage failed while handling a form");
    (
        StatusCode::SERVICE_UNAVAILABLE,
        axum::response::Html(
            "<!doctype html><html lang=\"nl\"><title>loket</title><main><h1>503</h1><p>Probeer het zo opnieuw. · Please try again shortly.</p></main></html>",
        ),
    )
        .into_response()
}

async fn audit(state: &AppState, action: &str, object: String, result: AuditResult, actor: &str) {
    state
        .record_audit(crate::audit_trail::web_event(action, object, result, actor))
        .await;
}

/// Verifying against this when the account does not exist keeps the answer
/// time the same, so timing does not tell which addresses have accounts.
fn dummy_hash() -> &'static str {
    static HASH: OnceLock<String> = OnceLock::new();
    HASH.get_or_init(|| loket_auth::hash_password(&new_token()).unwrap_or_default())
}

async fn password_matches(state: &AppState, password: String, hash: String) -> bool {
    let Ok(_permit) = state.hashing.acquire().await else {
        return false;
    };
    tokio::task::spawn_blocking(move || loket_auth::verify_password(&password, &hash))
        .await
        .unwrap_or(false)
}

/// Hashes a new password on the bounded hashing pool (also for registrations elsewhere).
pub(crate) async fn hash_new_password(state: &AppState, password: String) -> Option<String> {
    new_password_hash(state, password).await
}

async fn new_password_hash(state: &AppState, password: String) -> Option<String> {
    let _permit = state.hashing.acquire().await.ok()?;
    tokio::task::spawn_blocking(move || loket_auth::hash_password(&password))
        .await
        .ok()?
        .ok()
}

async fn throttled(state: &AppState, keys: &[&str]) -> Result<bool, StoreError> {
    for key in keys {
        if state.store.count_events(key, now() - WINDOW_SECS).await? >= MAX_FAILURES {
            return Ok(true);
        }
    }
    Ok(false)
}

async fn record_failure(state: &AppState, keys: &[&str]) -> Result<(), StoreError> {
    for key in keys {
        state.store.record_event(key, now()).await?;
    }
    Ok(())
}

fn with_cookie(mut res: Response, cookie: Option<HeaderValue>) -> Response {
    if let Some(c) = cookie {
        res.headers_mut().append(header::SET_COOKIE, c);
    }
    res
}

fn go(to: &str) -> Response {
    Redirect::to(to).into_response()
}

fn next_query(next: &str) -> String {
    super::view::query_string(&[("next", next)])
}

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
            token: state.csrf.token(SIGN_IN_FORM, now()),
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
                token: state.csrf.token(SIGN_IN_FORM, now()),
                errors,
                notice: None,
            },
        )
    };
    if !state.csrf.verify(SIGN_IN_FORM, &form.token, now()) {
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
        Err(e) => return failure(&state, e),
    }
    let found = match state.store.account_by_email(&email).await {
        Ok(found) => found,
        Err(e) => return failure(&state, e),
    };
    let hash = found
        .as_ref()
        .map(|(_, h)| h.clone())
        .unwrap_or_else(|| dummy_hash().to_string());
    let matches = password_matches(&state, form.password.clone(), hash).await;
    let account = match found {
        Some((account, _)) if matches && !account.disabled => account,
        other => {
            let actor = other
                .map(|(a, _)| a.id)
                .unwrap_or_else(|| "anonymous".into());
            if let Err(e) = record_failure(&state, &[&akey, &ckey]).await {
                return failure(&state, e);
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
        return failure(&state, e);
    }
    after_password(&state, previous.as_ref(), &account, &next).await
}

/// The password was right: on to the second factor, its enrolment, or straight in.
async fn after_password(
    state: &AppState,
    previous: Option<&Viewer>,
    account: &Account,
    next: &str,
) -> Response {
    let needs_mfa = match state.store.memberships(&account.id).await {
        Ok(m) => m.iter().any(|m| m.role.needs_mfa()),
        Err(e) => return failure(state, e),
    };
    let enrolled = match state.store.totp(&account.id).await {
        Ok(t) => t.is_some_and(|t| t.confirmed),
        Err(e) => return failure(state, e),
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
        Err(e) => failure(state, e),
    }
}

// ------------------------------------------------------------ second factor

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct CodeForm {
    pub code: String,
    pub token: String,
    pub next: String,
}

#[derive(Template)]
#[template(path = "sign_in_code.html")]
pub struct CodePage {
    layout: Layout,
    next: String,
    token: String,
    errors: Errors,
}

/// The half-signed-in viewer (password done), or where to send anyone else.
fn pending(viewer: Option<Viewer>) -> Result<Viewer, &'static str> {
    match viewer {
        Some(v) if v.stage == SessionStage::Password => Ok(v),
        Some(_) => Err("/beheer"),
        None => Err("/aanmelden"),
    }
}

pub async fn code_form(
    State(state): State<AppState>,
    UiLang(lang): UiLang,
    OriginalUri(uri): OriginalUri,
    CurrentViewer(viewer): CurrentViewer,
    Query(q): Query<NextQuery>,
) -> Response {
    let viewer = match pending(viewer) {
        Ok(v) => v,
        Err(to) => return go(to),
    };
    let tr = tr(&state, lang);
    render(
        StatusCode::OK,
        &CodePage {
            layout: layout(&tr, "code-title", &uri),
            next: safe_next(&q.next),
            token: state.form_token(&viewer),
            errors: Errors::default(),
        },
    )
}

pub async fn code(
    State(state): State<AppState>,
    UiLang(lang): UiLang,
    OriginalUri(uri): OriginalUri,
    CurrentViewer(viewer): CurrentViewer,
    client: ClientKey,
    form: Result<axum::Form<CodeForm>, axum::extract::rejection::FormRejection>,
) -> Response {
    let viewer = match pending(viewer) {
        Ok(v) => v,
        Err(to) => return go(to),
    };
    let tr = tr(&state, lang);
    let form = form.map(|f| f.0).unwrap_or_default();
    let next = safe_next(&form.next);
    let page = |errors: Errors, status: StatusCode| {
        render(
            status,
            &CodePage {
                layout: layout(&tr, "code-title", &uri),
                next: next.clone(),
                token: state.form_token(&viewer),
                errors,
            },
        )
    };
    let mut errors = Errors::default();
    if !state.form_token_ok(&viewer, &form.token) {
        errors.add("form", tr.t("form-error-expired"));
        return page(errors, StatusCode::FORBIDDEN);
    }
    let account = &viewer.account;
    let (akey, ckey) = (account_key(account.email.as_str()), address_key(&client));
    match throttled(&state, &[&akey, &ckey]).await {
        Ok(false) => {}
        Ok(true) => {
            errors.add("code", tr.t("signin-error-throttled"));
            return page(errors, StatusCode::TOO_MANY_REQUESTS);
        }
        Err(e) => return failure(&state, e),
    }
    let accepted = match check_second_factor(&state, account, &form.code).await {
        Ok(a) => a,
        Err(e) => return failure(&state, e),
    };
    match accepted {
        Ok(()) => {
            let _ = state.store.clear_events(&akey).await;
            match session::start(&state, Some(&viewer), &account.id, SessionStage::Full).await {
                Ok(cookie) => {
                    audit(
                        &state,
                        "sign-in",
                        format!("account/{}", account.id),
                        AuditResult::Success,
                        &account.id,
                    )
                    .await;
                    with_cookie(go(&next), cookie)
                }
                Err(e) => failure(&state, e),
            }
        }
        Err(message_key) => {
            if let Err(e) = record_failure(&state, &[&akey, &ckey]).await {
                return failure(&state, e);
            }
            audit(
                &state,
                "sign-in.second-factor",
                format!("account/{}", account.id),
                AuditResult::Failed,
                &account.id,
            )
            .await;
            errors.add("code", tr.t(message_key));
            page(errors, StatusCode::UNAUTHORIZED)
        }
    }
}

/// A six-digit code from the app (once per time step) or a recovery code (once ever).
async fn check_second_factor(
    state: &AppState,
    account: &Account,
    input: &str,
) -> Result<Result<(), &'static str>, StoreError> {
    let input = input.trim();
    let Some(t) = state.store.totp(&account.id).await?.filter(|t| t.confirmed) else {
        return Ok(Err("code-error-wrong"));
    };
    if input.len() == 6 && input.bytes().all(|b| b.is_ascii_digit()) {
        let Some(secret) = totp_secret_from_base32(&t.secret) else {
            return Err(StoreError::Corrupt("stored TOTP secret".into()));
        };
        return Ok(match totp::verify(&secret, input, now() as u64) {
            None => Err("code-error-wrong"),
            Some(step) => {
                if state
                    .store
                    .accept_totp_step(&account.id, step as i64)
                    .await?
                {
                    Ok(())
                } else {
                    Err("code-error-used")
                }
            }
        });
    }
    let code = normalize_recovery_code(input);
    if code.len() == 12
        && state
            .store
            .use_recovery_code(&account.id, &hash_secret(&code))
            .await?
    {
        audit(
            state,
            "sign-in.recovery-code",
            format!("account/{}", account.id),
            AuditResult::Success,
            &account.id,
        )
        .await;
        return Ok(Ok(()));
    }
    Ok(Err("code-error-wrong"))
}

// ---------------------------------------------------------------- enrolment

#[derive(Template)]
#[template(path = "enrol.html")]
pub struct EnrolPage {
    layout: Layout,
    secret_grouped: String,
    otpauth: String,
    next: String,
    token: String,
    errors: Errors,
}

#[derive(Template)]
#[template(path = "recovery_codes.html")]
pub struct RecoveryCodesPage {
    layout: Layout,
    codes: Vec<String>,
    next: String,
}

fn grouped(secret: &str) -> String {
    secret
        .as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

async fn enrolment_secret(state: &AppState, account: &Account) -> Result<String, StoreError> {
    match state.store.totp(&account.id).await? {
        Some(t) if !t.confirmed => Ok(t.secret),
        _ => {
            let secret = totp::secret_base32(&new_totp_secret());
            state.store.begin_totp(&account.id, &secret).await?;
            Ok(secret)
        }
    }
}

pub async fn enrol_form(
    State(state): State<AppState>,
    UiLang(lang): UiLang,
    OriginalUri(uri): OriginalUri,
    CurrentViewer(viewer): CurrentViewer,
    Query(q): Query<NextQuery>,
) -> Response {
    let viewer = match pending(viewer) {
        Ok(v) => v,
        Err(to) => return go(to),
    };
    // Someone who enrolled already signs in with a code; enrolling again needs a full sign-in.
    if matches!(state.store.totp(&viewer.account.id).await, Ok(Some(t)) if t.confirmed) {
        return go(&format!(
            "/aanmelden/code?{}",
            next_query(&safe_next(&q.next))
        ));
    }
    let secret = match enrolment_secret(&state, &viewer.account).await {
        Ok(s) => s,
        Err(e) => return failure(&state, e),
    };
    let tr = tr(&state, lang);
    enrol_page(
        &state,
        &tr,
        &uri,
        &viewer,
        &secret,
        safe_next(&q.next),
        Errors::default(),
        StatusCode::OK,
    )
}

#[allow(clippy::too_many_arguments)]
fn enrol_page(
    state: &AppState,
    tr: &Tr,
    uri: &axum::http::Uri,
    viewer: &Viewer,
    secret: &str,
    next: String,
    errors: Errors,
    status: StatusCode,
) -> Response {
    let raw = totp_secret_from_base32(secret).unwrap_or_default();
    render(
        status,
        &EnrolPage {
            layout: layout(tr, "enrol-title", uri),
            secret_grouped: grouped(secret),
            otpauth: totp::otpauth_uri("loket", viewer.account.email.as_str(), &raw),
            next,
            token: state.form_token(viewer),
            errors,
        },
    )
}

pub async fn enrol(
    State(state): State<AppState>,
    UiLang(lang): UiLang,
    OriginalUri(uri): OriginalUri,
    CurrentViewer(viewer): CurrentViewer,
    client: ClientKey,
    form: Result<axum::Form<CodeForm>, axum::extract::rejection::FormRejection>,
) -> Response {
    let viewer = match pending(viewer) {
        Ok(v) => v,
        Err(to) => return go(to),
    };
    let tr = tr(&state, lang);
    let form = form.map(|f| f.0).unwrap_or_default();
    let next = safe_next(&form.next);
    let account = viewer.account.clone();
    let secret = match state.store.totp(&account.id).await {
        Ok(Some(t)) if !t.confirmed => t.secret,
        Ok(_) => return go(&format!("/aanmelden/code?{}", next_query(&next))),
        Err(e) => return failure(&state, e),
    };
    let mut errors = Errors::default();
    if !state.form_token_ok(&viewer, &form.token) {
        errors.add("form", tr.t("form-error-expired"));
        return enrol_page(
            &state,
            &tr,
            &uri,
            &viewer,
            &secret,
            next,
            errors,
            StatusCode::FORBIDDEN,
        );
    }
    let (akey, ckey) = (account_key(account.email.as_str()), address_key(&client));
    match throttled(&state, &[&akey, &ckey]).await {
        Ok(false) => {}
        Ok(true) => {
            errors.add("code", tr.t("signin-error-throttled"));
            return enrol_page(
                &state,
                &tr,
                &uri,
                &viewer,
                &secret,
                next,
                errors,
                StatusCode::TOO_MANY_REQUESTS,
            );
        }
        Err(e) => return failure(&state, e),
    }
    let raw = totp_secret_from_base32(&secret).unwrap_or_default();
    let step = totp::verify(&raw, &form.code, now() as u64);
    let accepted = match step {
        Some(step) => match state.store.accept_totp_step(&account.id, step as i64).await {
            Ok(ok) => ok,
            Err(e) => return failure(&state, e),
        },
        None => false,
    };
    if !accepted {
        if let Err(e) = record_failure(&state, &[&akey, &ckey]).await {
            return failure(&state, e);
        }
        errors.add("code", tr.t("code-error-wrong"));
        return enrol_page(
            &state,
            &tr,
            &uri,
            &viewer,
            &secret,
            next,
            errors,
            StatusCode::UNAUTHORIZED,
        );
    }
    let codes = new_recovery_codes();
    let hashes: Vec<String> = codes
        .iter()
        .map(|c| hash_secret(&normalize_recovery_code(c)))
        .collect();
    if let Err(e) = state.store.confirm_totp(&account.id, &hashes).await {
        return failure(&state, e);
    }
    audit(
        &state,
        "mfa.enrol",
        format!("account/{}", account.id),
        AuditResult::Success,
        &account.id,
    )
    .await;
    match session::start(&state, Some(&viewer), &account.id, SessionStage::Full).await {
        Ok(cookie) => {
            audit(
                &state,
                "sign-in",
                format!("account/{}", account.id),
                AuditResult::Success,
                &account.id,
            )
            .await;
            let page = render(
                StatusCode::OK,
                &RecoveryCodesPage {
                    layout: layout(&tr, "recovery-title", &uri),
                    codes,
                    next,
                },
            );
            with_cookie(page, cookie)
        }
        Err(e) => failure(&state, e),
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
        return failure(&state, e);
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
            token: state.csrf.token(FORGOT_FORM, now()),
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
                token: state.csrf.token(FORGOT_FORM, now()),
                errors,
                sent,
            },
        )
    };
    let mut errors = Errors::default();
    if !state.csrf.verify(FORGOT_FORM, &form.token, now()) {
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
    let hour = now() - 3600;
    let (by_address, by_account) = match (
        state.store.count_events(&ckey, hour).await,
        state.store.count_events(&akey, hour).await,
    ) {
        (Ok(a), Ok(b)) => (a, b),
        (Err(e), _) | (_, Err(e)) => return failure(&state, e),
    };
    if by_address >= 5 {
        errors.add("form", tr.t("form-error-rate-limited"));
        return page(errors, false, StatusCode::TOO_MANY_REQUESTS);
    }
    let _ = state.store.record_event(&ckey, now()).await;
    if by_account < 3 {
        let _ = state.store.record_event(&akey, now()).await;
        if let Err(e) = send_password_link(&state, &tr, &email, TokenPurpose::PasswordReset).await {
            return failure(&state, e);
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
        .create_token(&hash_secret(&token), purpose, &account.id, now() + valid)
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
    crate::jobs::enqueue_mail(
        state,
        &crate::mail::Mail {
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

async fn token_account(
    state: &AppState,
    token: &str,
    consume: bool,
) -> Result<Result<String, TokenProblem>, StoreError> {
    let hash = hash_secret(token);
    let mut worst = TokenProblem::Unknown;
    for purpose in [TokenPurpose::Invitation, TokenPurpose::PasswordReset] {
        let r = if consume {
            state.store.consume_token(&hash, purpose, now()).await?
        } else {
            state.store.check_token(&hash, purpose, now()).await?
        };
        match r {
            Ok(account) => return Ok(Ok(account)),
            Err(TokenProblem::Unknown) => {}
            Err(p) => worst = p,
        }
    }
    Ok(Err(worst))
}

fn refusal(tr: &Tr, problem: TokenProblem) -> String {
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
        Err(e) => return failure(&state, e),
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
            token: state.csrf.token(SET_PASSWORD_FORM, now()),
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
                token: state.csrf.token(SET_PASSWORD_FORM, now()),
                errors,
                refusal: refused,
            },
        )
    };
    let mut errors = Errors::default();
    if !state.csrf.verify(SET_PASSWORD_FORM, &form.token, now()) {
        errors.add("form", tr.t("form-error-expired"));
        return page(errors, None, StatusCode::FORBIDDEN);
    }
    let account_id = match token_account(&state, &form.link, false).await {
        Ok(Ok(id)) => id,
        Ok(Err(p)) => return page(errors, Some(refusal(&tr, p)), StatusCode::GONE),
        Err(e) => return failure(&state, e),
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
        Err(e) => return failure(&state, e),
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
        Err(e) => return failure(&state, e),
    }
    let password = form.password.clone();
    let Some(hash) = new_password_hash(&state, password).await else {
        return failure(&state, StoreError::Database("hashing failed".into()));
    };
    if let Err(e) = state.store.set_password(&account.id, &hash).await {
        return failure(&state, e);
    }
    // A new password ends every session: whoever knew the old one is out.
    if let Err(e) = state.store.delete_sessions_of(&account.id).await {
        return failure(&state, e);
    }
    audit(
        &state,
        "password.set",
        format!("account/{}", account.id),
        AuditResult::Success,
        &account.id,
    )
    .await;
    after_password(&state, previous.as_ref(), &account, "/beheer").await
}
