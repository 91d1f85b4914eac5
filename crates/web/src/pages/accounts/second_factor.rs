use crate::AppState;
use crate::error::failure;
use crate::lang::UiLang;
use crate::pages::accounts::shared::{
    account_key, address_key, audit, go, layout, next_query, record_failure, throttled, with_cookie,
};
use crate::pages::accounts::sign_in::NextQuery;
use crate::pages::forms::{ClientKey, Errors, safe_next};
use crate::pages::view::tr;
use crate::pages::view::{Layout, Tr, render};
use crate::session::{self, CurrentViewer, Viewer};
use askama::Template;
use axum::extract::{OriginalUri, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use loket_auth::secrets::{
    hash_secret, new_recovery_codes, new_totp_secret, normalize_recovery_code,
    totp_secret_from_base32,
};
use loket_auth::totp;
use loket_domain::account::Account;
use loket_domain::audit::AuditResult;
use loket_store::{SessionStage, StoreError};
use serde::Deserialize;

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
pub(crate) fn pending(viewer: Option<Viewer>) -> Result<Viewer, &'static str> {
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
        Err(e) => return failure(e),
    }
    let accepted = match check_second_factor(&state, account, &form.code).await {
        Ok(a) => a,
        Err(e) => return failure(e),
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
                Err(e) => failure(e),
            }
        }
        Err(message_key) => {
            if let Err(e) = record_failure(&state, &[&akey, &ckey]).await {
                return failure(e);
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
pub(crate) async fn check_second_factor(
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
        return Ok(
            match totp::verify(&secret, input, state.clock.unix() as u64) {
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
            },
        );
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

pub(crate) fn grouped(secret: &str) -> String {
    secret
        .as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

pub(crate) async fn enrolment_secret(
    state: &AppState,
    account: &Account,
) -> Result<String, StoreError> {
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
        Err(e) => return failure(e),
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
pub(crate) fn enrol_page(
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
        Err(e) => return failure(e),
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
        Err(e) => return failure(e),
    }
    let raw = totp_secret_from_base32(&secret).unwrap_or_default();
    let step = totp::verify(&raw, &form.code, state.clock.unix() as u64);
    let accepted = match step {
        Some(step) => match state.store.accept_totp_step(&account.id, step as i64).await {
            Ok(ok) => ok,
            Err(e) => return failure(e),
        },
        None => false,
    };
    if !accepted {
        if let Err(e) = record_failure(&state, &[&akey, &ckey]).await {
            return failure(e);
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
        return failure(e);
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
        Err(e) => failure(e),
    }
}
