//! The signed-in person's own account: roles, sessions, "sign out everywhere",
//! and their own data (the access export, GDPR article 15) as JSON or a page.
//! The same export serves the platform admin's access requests (`manage`).

use crate::AppState;
use crate::error::failure;
use crate::lang::UiLang;
use crate::pages::view::tr;
use crate::pages::view::{Layout, Tr, render};
use crate::session::{self, SignedIn};
use askama::Template;
use axum::extract::{OriginalUri, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use loket_domain::audit::{AuditEntry, AuditResult};
use loket_store::StoreError;
use serde::{Deserialize, Serialize};

/// Everything loket holds about one account holder.
#[derive(Debug, Serialize)]
pub struct AccessExport {
    pub generated_at: chrono::DateTime<chrono::Utc>,
    pub account: loket_domain::account::Account,
    pub roles: Vec<loket_domain::account::Membership>,
    pub second_factor_enrolled: bool,
    pub recovery_codes_left: i64,
    pub sessions: Vec<SessionSummary>,
    /// Log lines about this person or by this person.
    pub log: Vec<AuditEntry>,
    /// What is never exported because it is not readable: the password hash,
    /// the second-factor secret, session ids (stored as hashes).
    pub not_included: Vec<&'static str>,
}

#[derive(Debug, Serialize)]
pub struct SessionSummary {
    pub started: chrono::DateTime<chrono::Utc>,
    pub last_used: chrono::DateTime<chrono::Utc>,
}

fn at(t: i64) -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::from_timestamp(t, 0).unwrap_or_default()
}

pub(crate) async fn access_export(
    state: &AppState,
    account_id: &str,
) -> Result<Option<AccessExport>, StoreError> {
    let Some((account, _)) = state.store.account(account_id).await? else {
        return Ok(None);
    };
    let mut log = Vec::new();
    let object = format!("account/{account_id}");
    let mut after = 0;
    loop {
        let page = state.store.audit_entries(after, 1000).await?;
        let Some(last) = page.last() else { break };
        after = last.seq;
        log.extend(page.into_iter().filter(|e| {
            e.event.actor == account_id
                || e.event.object == object
                || e.event.subject.as_deref() == Some(account_id)
        }));
    }
    Ok(Some(AccessExport {
        generated_at: state.clock.now(),
        roles: state.store.memberships(account_id).await?,
        second_factor_enrolled: state
            .store
            .totp(account_id)
            .await?
            .is_some_and(|t| t.confirmed),
        recovery_codes_left: state.store.recovery_codes_left(account_id).await?,
        sessions: state
            .store
            .sessions_of(account_id)
            .await?
            .into_iter()
            .map(|s| SessionSummary {
                started: at(s.created_at),
                last_used: at(s.last_seen_at),
            })
            .collect(),
        account,
        log,
        not_included: vec!["password hash", "second-factor secret", "session ids"],
    }))
}

#[derive(Template)]
#[template(path = "access_export.html")]
pub struct AccessExportPage {
    layout: Layout,
    export: AccessExport,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct FormatQuery {
    pub format: String,
}

/// The export as a JSON download or a readable page.
pub(crate) fn export_response(
    tr: &Tr,
    uri: &axum::http::Uri,
    export: AccessExport,
    format: &str,
) -> Response {
    if format == "json" {
        let body = serde_json::to_string_pretty(&export).unwrap_or_default();
        return (
            [
                (header::CONTENT_TYPE, "application/json; charset=utf-8"),
                (
                    header::CONTENT_DISPOSITION,
                    "attachment; filename=\"loket-gegevens.json\"",
                ),
                (header::CACHE_CONTROL, "no-store"),
            ],
            body,
        )
            .into_response();
    }
    let layout = Layout::new(
        tr.clone(),
        tr.t("export-title"),
        "",
        uri.path(),
        uri.query(),
    );
    let mut res = render(StatusCode::OK, &AccessExportPage { layout, export });
    res.headers_mut().insert(
        header::CACHE_CONTROL,
        header::HeaderValue::from_static("no-store"),
    );
    res
}

pub async fn my_data(
    State(state): State<AppState>,
    UiLang(lang): UiLang,
    OriginalUri(uri): OriginalUri,
    SignedIn(viewer): SignedIn,
    Query(q): Query<FormatQuery>,
) -> Response {
    let tr = tr(&state, lang);
    match access_export(&state, &viewer.account.id).await {
        Ok(Some(export)) => {
            audit(
                &state,
                "access-export",
                &viewer.account.id,
                &viewer.account.id,
            )
            .await;
            export_response(&tr, &uri, export, &q.format)
        }
        Ok(None) => Redirect::to("/aanmelden").into_response(),
        Err(e) => failure(e),
    }
}

/// An action on someone's account data, with the person as data subject.
pub(crate) async fn audit(state: &AppState, action: &str, subject: &str, actor: &str) {
    let mut event = loket_app::audit::web_event(
        action,
        format!("account/{subject}"),
        AuditResult::Success,
        actor,
    );
    event.subject = Some(subject.into());
    event.activity = Some("staff-accounts".into());
    state.record_audit(event).await;
}

#[derive(Template)]
#[template(path = "account.html")]
pub struct AccountPage {
    layout: Layout,
    name: String,
    email: String,
    roles: Vec<String>,
    sessions: usize,
    recovery_codes_left: i64,
    token: String,
}

pub async fn page(
    State(state): State<AppState>,
    UiLang(lang): UiLang,
    OriginalUri(uri): OriginalUri,
    SignedIn(viewer): SignedIn,
) -> Response {
    let tr = tr(&state, lang);
    let (sessions, left) = match (
        state.store.sessions_of(&viewer.account.id).await,
        state.store.recovery_codes_left(&viewer.account.id).await,
    ) {
        (Ok(s), Ok(l)) => (s.len(), l),
        (Err(e), _) | (_, Err(e)) => return failure(e),
    };
    let idx = state.index();
    let roles = viewer
        .memberships
        .iter()
        .map(|m| {
            let role = tr.t(&format!("role-{}", m.role.code()));
            match m
                .organization_id
                .as_deref()
                .and_then(|o| idx.organization(o))
            {
                Some(org) => format!("{role} · {}", org.name),
                None => role,
            }
        })
        .collect();
    render(
        StatusCode::OK,
        &AccountPage {
            layout: Layout::new(
                tr.clone(),
                tr.t("account-title"),
                "",
                uri.path(),
                uri.query(),
            ),
            name: viewer.account.display_name.clone(),
            email: viewer.account.email.as_str().to_string(),
            roles,
            sessions,
            recovery_codes_left: left,
            token: state.form_token(&viewer),
        },
    )
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct TokenOnly {
    pub token: String,
}

pub async fn sign_out_everywhere(
    State(state): State<AppState>,
    UiLang(lang): UiLang,
    SignedIn(viewer): SignedIn,
    form: Result<axum::Form<TokenOnly>, axum::extract::rejection::FormRejection>,
) -> Response {
    let token = form.map(|f| f.0.token).unwrap_or_default();
    if !state.form_token_ok(&viewer, &token) {
        return crate::pages::staff::csrf_refused(&state, lang);
    }
    if let Err(e) = state.store.delete_sessions_of(&viewer.account.id).await {
        return failure(e);
    }
    audit(
        &state,
        "sign-out.everywhere",
        &viewer.account.id,
        &viewer.account.id,
    )
    .await;
    let mut res = Redirect::to("/aanmelden?notice=everywhere").into_response();
    if let Some(c) = session::clear_cookie(&state) {
        res.headers_mut().append(header::SET_COOKIE, c);
    }
    res
}
