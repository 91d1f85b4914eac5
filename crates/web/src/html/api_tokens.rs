//! An organisation's API tokens (`/beheer/organisaties/{id}/api-sleutels`):
//! the organisation admin creates a token with scopes for the organisation's
//! own systems (CRM, contact registration at the desk) and revokes it. The
//! token is shown once; only its hash is stored.

use super::forms::Errors;
use super::manage::{audit, csrf_refused};
use super::pages::tr;
use super::sign_in::failure;
use super::view::{Layout, Opt, render};
use crate::AppState;
use crate::lang::UiLang;
use crate::session::{API_SCOPES, SignedIn, Viewer};
use askama::Template;
use axum::extract::{OriginalUri, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use loket_auth::secrets::{hash_secret, new_token};
use loket_store::referrals::ApiToken;

pub struct TokenRow {
    pub id: String,
    pub name: String,
    pub scopes: String,
    pub created: String,
    pub revoked: String,
}

#[derive(Template)]
#[template(path = "api_tokens.html")]
pub struct TokensPage {
    layout: Layout,
    org_id: String,
    org_name: String,
    token: String,
    rows: Vec<TokenRow>,
    scopes: Vec<Opt>,
    name: String,
    errors: Errors,
    created: Option<String>,
}

/// The most characters of a token's name.
const MAX_NAME_CHARS: usize = 80;

#[allow(clippy::too_many_arguments)]
async fn page(
    state: &AppState,
    lang: loket_domain::Lang,
    uri: &axum::http::Uri,
    viewer: &Viewer,
    org_id: &str,
    name: String,
    errors: Errors,
    created: Option<String>,
) -> Response {
    let tr = tr(state, lang);
    let tokens = match state.store.api_tokens(org_id).await {
        Ok(t) => t,
        Err(e) => return failure(state, e),
    };
    let rows = tokens
        .into_iter()
        .map(|t| TokenRow {
            id: t.id,
            name: t.name,
            scopes: t.scopes.join(", "),
            created: super::referrals::local_time(t.created_at),
            revoked: t
                .revoked_at
                .map(super::referrals::local_time)
                .unwrap_or_default(),
        })
        .collect();
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::BAD_REQUEST
    };
    render(
        status,
        &TokensPage {
            layout: Layout::new(
                tr.clone(),
                tr.t("tokens-title"),
                "staff",
                uri.path(),
                uri.query(),
            ),
            org_name: state
                .index()
                .organization(org_id)
                .map(|o| o.name.clone())
                .unwrap_or_default(),
            org_id: org_id.to_string(),
            token: state.form_token(viewer),
            rows,
            scopes: API_SCOPES
                .iter()
                .map(|s| Opt {
                    value: s.to_string(),
                    label: tr.t(&format!("tokens-scope-{s}")),
                    selected: false,
                })
                .collect(),
            name,
            errors,
            created,
        },
    )
}

pub async fn list(
    State(state): State<AppState>,
    UiLang(lang): UiLang,
    OriginalUri(uri): OriginalUri,
    SignedIn(viewer): SignedIn,
    Path(id): Path<String>,
) -> Response {
    page(
        &state,
        lang,
        &uri,
        &viewer,
        &id,
        String::new(),
        Errors::default(),
        None,
    )
    .await
}

pub async fn create(
    State(state): State<AppState>,
    UiLang(lang): UiLang,
    OriginalUri(uri): OriginalUri,
    SignedIn(viewer): SignedIn,
    Path(id): Path<String>,
    form: Result<axum::Form<Vec<(String, String)>>, axum::extract::rejection::FormRejection>,
) -> Response {
    let pairs = form.map(|f| f.0).unwrap_or_default();
    let value = |k: &str| {
        pairs
            .iter()
            .find(|(key, _)| key == k)
            .map(|(_, v)| v.trim().to_string())
            .unwrap_or_default()
    };
    if !state.form_token_ok(&viewer, &value("token")) {
        return csrf_refused(&state, lang);
    }
    let tr = tr(&state, lang);
    let name = value("name");
    let mut scopes: Vec<String> = pairs
        .iter()
        .filter(|(k, v)| k == "scopes" && API_SCOPES.contains(&v.as_str()))
        .map(|(_, v)| v.clone())
        .collect();
    scopes.sort();
    scopes.dedup();
    let mut errors = Errors::default();
    if name.is_empty() {
        errors.add("name", tr.t("referral-error-required"));
    } else if name.chars().count() > MAX_NAME_CHARS {
        errors.add("name", tr.t("referral-error-too-long"));
    }
    if scopes.is_empty() {
        errors.add("scopes", tr.t("tokens-error-scopes"));
    }
    if !errors.is_empty() {
        return page(&state, lang, &uri, &viewer, &id, name, errors, None).await;
    }
    let secret = format!("loket_{}", new_token());
    let token = ApiToken {
        id: uuid::Uuid::new_v4().to_string(),
        organization_id: id.clone(),
        name,
        scopes,
        created_by: viewer.account.id.clone(),
        created_at: chrono::Utc::now().timestamp(),
        revoked_at: None,
    };
    if let Err(e) = state
        .store
        .create_api_token(&token, &hash_secret(&secret))
        .await
    {
        return failure(&state, e);
    }
    audit(
        &state,
        "api-token.create",
        format!("api-token/{}", token.id),
        &viewer.account.id,
    )
    .await;
    page(
        &state,
        lang,
        &uri,
        &viewer,
        &id,
        String::new(),
        Errors::default(),
        Some(secret),
    )
    .await
}

#[derive(Debug, Default, serde::Deserialize)]
pub struct RevokeForm {
    #[serde(default)]
    token: String,
}

pub async fn revoke(
    State(state): State<AppState>,
    UiLang(lang): UiLang,
    SignedIn(viewer): SignedIn,
    Path((id, token_id)): Path<(String, String)>,
    form: Result<axum::Form<RevokeForm>, axum::extract::rejection::FormRejection>,
) -> Response {
    let form = form.map(|f| f.0).unwrap_or_default();
    if !state.form_token_ok(&viewer, &form.token) {
        return csrf_refused(&state, lang);
    }
    let now = chrono::Utc::now().timestamp();
    match state.store.revoke_api_token(&token_id, &id, now).await {
        Ok(true) => {
            audit(
                &state,
                "api-token.revoke",
                format!("api-token/{token_id}"),
                &viewer.account.id,
            )
            .await
        }
        Ok(false) => {}
        Err(e) => return failure(&state, e),
    }
    Redirect::to(&format!(
        "/beheer/organisaties/{id}/api-sleutels?lang={}",
        lang.code()
    ))
    .into_response()
}
