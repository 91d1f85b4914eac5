//! The second factor: a code from the app or a recovery code, and enrolment
//! with ten recovery codes shown once.

use crate::AppState;
use crate::error::failure;
use crate::pages::accounts::shared::{go, layout, next_query, with_cookie};
use crate::pages::accounts::sign_in::NextQuery;
use crate::pages::forms::{ClientKey, Errors, safe_next};
use crate::pages::view::Page;
use crate::pages::view::{Layout, render};
use crate::present::Tr;
use crate::session::{self, CurrentViewer, Viewer};
use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use loket_app::accounts::sign_in::{self, CodeOutcome, CodeRefusal, EnrolOutcome, Throttle};
use loket_auth::secrets::totp_secret_from_base32;
use loket_auth::totp;
use loket_store::SessionStage;
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
#[template(path = "accounts/sign_in_code.html")]
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
        Some(_) => Err(crate::pages::accounts::home::START),
        None => Err("/aanmelden"),
    }
}

pub async fn code_form(
    State(state): State<AppState>,
    ui: Page,
    CurrentViewer(viewer): CurrentViewer,
    Query(q): Query<NextQuery>,
) -> Response {
    let Page { tr, uri, .. } = ui;
    let viewer = match pending(viewer) {
        Ok(v) => v,
        Err(to) => return go(to),
    };
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
    ui: Page,
    CurrentViewer(viewer): CurrentViewer,
    client: ClientKey,
    headers: axum::http::HeaderMap,
    form: Result<axum::Form<CodeForm>, axum::extract::rejection::FormRejection>,
) -> Response {
    let Page { tr, uri, .. } = ui;
    let viewer = match pending(viewer) {
        Ok(v) => v,
        Err(to) => return go(to),
    };
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
    let throttle = Throttle::new(&account.email, &client.0).on_known_device(crate::device::known(
        &state,
        &headers,
        &account.email,
    ));
    match sign_in::with_code(&state, account, &form.code, &throttle).await {
        Ok(CodeOutcome::Accepted) => {
            match session::start(&state, Some(&viewer), &account.id, SessionStage::Full).await {
                Ok(cookie) => {
                    sign_in::signed_in(&state, &account.id).await;
                    let known = crate::device::remember(&state, &account.email);
                    with_cookie(with_cookie(go(&next), cookie), known)
                }
                Err(e) => failure(e),
            }
        }
        Ok(CodeOutcome::Throttled) => {
            errors.add("code", tr.t("signin-error-throttled"));
            page(errors, StatusCode::TOO_MANY_REQUESTS)
        }
        Ok(CodeOutcome::Refused(refusal)) => {
            let key = match refusal {
                CodeRefusal::Wrong => "code-error-wrong",
                CodeRefusal::Used => "code-error-used",
            };
            errors.add("code", tr.t(key));
            page(errors, StatusCode::UNAUTHORIZED)
        }
        Err(e) => failure(e),
    }
}

// ---------------------------------------------------------------- enrolment

#[derive(Template)]
#[template(path = "accounts/enrol.html")]
pub struct EnrolPage {
    layout: Layout,
    secret_grouped: String,
    otpauth: String,
    /// The `otpauth:` link as a QR code (inline SVG), for the app's camera.
    qr: Option<String>,
    next: String,
    token: String,
    errors: Errors,
}

#[derive(Template)]
#[template(path = "accounts/recovery_codes.html")]
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

pub async fn enrol_form(
    State(state): State<AppState>,
    ui: Page,
    CurrentViewer(viewer): CurrentViewer,
    Query(q): Query<NextQuery>,
) -> Response {
    let Page { tr, uri, .. } = ui;
    let viewer = match pending(viewer) {
        Ok(v) => v,
        Err(to) => return go(to),
    };
    // Someone who enrolled already signs in with a code; enrolling again needs a full sign-in.
    let secret = match sign_in::enrolment_secret(&state, &viewer.account).await {
        Ok(Some(s)) => s,
        Ok(None) => {
            return go(&format!(
                "/aanmelden/code?{}",
                next_query(&safe_next(&q.next))
            ));
        }
        Err(e) => return failure(e),
    };
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
    let otpauth = totp::otpauth_uri("loket", viewer.account.email.as_str(), &raw);
    render(
        status,
        &EnrolPage {
            layout: layout(tr, "enrol-title", uri),
            secret_grouped: grouped(secret),
            qr: crate::present::qr::svg(&otpauth, &tr.t("enrol-qr-label")),
            otpauth,
            next,
            token: state.form_token(viewer),
            errors,
        },
    )
}

pub async fn enrol(
    State(state): State<AppState>,
    ui: Page,
    CurrentViewer(viewer): CurrentViewer,
    client: ClientKey,
    headers: axum::http::HeaderMap,
    form: Result<axum::Form<CodeForm>, axum::extract::rejection::FormRejection>,
) -> Response {
    let Page { tr, uri, .. } = ui;
    let viewer = match pending(viewer) {
        Ok(v) => v,
        Err(to) => return go(to),
    };
    let form = form.map(|f| f.0).unwrap_or_default();
    let next = safe_next(&form.next);
    let account = viewer.account.clone();
    let secret = match sign_in::pending_secret(&state, &account.id).await {
        Ok(Some(secret)) => secret,
        Ok(None) => return go(&format!("/aanmelden/code?{}", next_query(&next))),
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
    let throttle = Throttle::new(&account.email, &client.0).on_known_device(crate::device::known(
        &state,
        &headers,
        &account.email,
    ));
    let codes = match sign_in::enrol(&state, &account, &secret, &form.code, &throttle).await {
        Ok(EnrolOutcome::Enrolled { recovery_codes }) => recovery_codes,
        Ok(refused) => {
            let (key, status) = match refused {
                EnrolOutcome::Throttled => {
                    ("signin-error-throttled", StatusCode::TOO_MANY_REQUESTS)
                }
                _ => ("code-error-wrong", StatusCode::UNAUTHORIZED),
            };
            errors.add("code", tr.t(key));
            return enrol_page(&state, &tr, &uri, &viewer, &secret, next, errors, status);
        }
        Err(e) => return failure(e),
    };
    match session::start(&state, Some(&viewer), &account.id, SessionStage::Full).await {
        Ok(cookie) => {
            sign_in::signed_in(&state, &account.id).await;
            let page = render(
                StatusCode::OK,
                &RecoveryCodesPage {
                    layout: layout(&tr, "recovery-title", &uri),
                    codes,
                    next,
                },
            );
            let known = crate::device::remember(&state, &account.email);
            with_cookie(with_cookie(page, cookie), known)
        }
        Err(e) => failure(e),
    }
}
