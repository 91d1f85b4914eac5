//! The signed-in person's own account: roles, sessions, "sign out everywhere",
//! and their own data (the access export, GDPR article 15) as JSON or a page.
//! The same export serves the platform admin's access requests (`manage`).

use crate::AppState;
use crate::error::failure;
use crate::lang::UiLang;
use crate::pages::view::Page;
use crate::pages::view::{Layout, render};
use crate::present::Tr;
use crate::session::{self, SignedIn};
use askama::Template;
use axum::extract::{Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use loket_app::accounts::data::{self, AccessExport};
use serde::Deserialize;

#[derive(Template)]
#[template(path = "accounts/access_export.html")]
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
    ui: Page,
    SignedIn(viewer): SignedIn,
    Query(q): Query<FormatQuery>,
) -> Response {
    let Page { tr, uri, .. } = ui;
    match data::export(&state, &viewer.account.id, &viewer.account.id).await {
        Ok(Some(export)) => export_response(&tr, &uri, export, &q.format),
        Ok(None) => Redirect::to("/aanmelden").into_response(),
        Err(e) => failure(e),
    }
}

#[derive(Template)]
#[template(path = "accounts/account.html")]
pub struct AccountPage {
    layout: Layout,
    name: String,
    email: String,
    roles: Vec<String>,
    sessions: usize,
    recovery_codes_left: i64,
    token: String,
}

pub async fn page(State(state): State<AppState>, ui: Page, SignedIn(viewer): SignedIn) -> Response {
    let Page { tr, uri, .. } = ui;
    let (sessions, left) = match data::overview(&state, &viewer.account.id).await {
        Ok(overview) => overview,
        Err(e) => return failure(e),
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
        return crate::pages::forms::csrf_refused(&state, lang);
    }
    if let Err(e) = data::sign_out_everywhere(&state, &viewer.account.id).await {
        return failure(e);
    }
    let mut res = Redirect::to("/aanmelden?notice=everywhere").into_response();
    if let Some(c) = session::clear_cookie(&state) {
        res.headers_mut().append(header::SET_COOKIE, c);
    }
    res
}
