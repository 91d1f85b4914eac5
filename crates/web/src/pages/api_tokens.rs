//! An organisation's API tokens (`/beheer/organisaties/{id}/api-sleutels`):
//! the organisation admin creates a token with scopes for the organisation's
//! own systems (CRM, contact registration at the desk) and revokes it. The
//! token is shown once; only its hash is stored.

use crate::AppState;
use crate::error::failure;
use crate::lang::UiLang;
use crate::pages::forms::CheckedForm;
use crate::pages::forms::Errors;
use crate::pages::view::Page;
use crate::pages::view::{Layout, Opt, render};
use crate::present::tr;
use crate::session::{SignedIn, Viewer};
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use loket_app::{AppError, api_tokens};

pub struct TokenRow {
    pub id: String,
    pub name: String,
    pub scopes: String,
    pub created: String,
    pub revoked: String,
}

#[derive(Template)]
#[template(path = "api_tokens/api_tokens.html")]
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
    let tokens = match api_tokens::list(state, org_id).await {
        Ok(t) => t,
        Err(e) => return failure(e),
    };
    let rows = tokens
        .into_iter()
        .map(|t| TokenRow {
            id: t.id,
            name: t.name,
            scopes: t.scopes.join(", "),
            created: crate::pages::referrals::shared::local_time(t.created_at),
            revoked: t
                .revoked_at
                .map(crate::pages::referrals::shared::local_time)
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
            scopes: api_tokens::ORGANISATION_SCOPES
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
    ui: Page,
    SignedIn(viewer): SignedIn,
    Path(id): Path<String>,
) -> Response {
    let Page { lang, uri, .. } = ui;
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
    ui: Page,
    SignedIn(viewer): SignedIn,
    Path(id): Path<String>,
    CheckedForm(pairs): CheckedForm<Vec<(String, String)>>,
) -> Response {
    let Page { lang, tr, uri } = ui;
    let value = |k: &str| {
        pairs
            .iter()
            .find(|(key, _)| key == k)
            .map(|(_, v)| v.trim().to_string())
            .unwrap_or_default()
    };
    let name = value("name");
    // Only the offered scopes count: a tampered form cannot ask for more.
    let scopes: Vec<String> = pairs
        .iter()
        .filter(|(k, v)| k == "scopes" && api_tokens::ORGANISATION_SCOPES.contains(&v.as_str()))
        .map(|(_, v)| v.clone())
        .collect();
    let maker = api_tokens::Maker {
        actor: &viewer.account.id,
        origin: "web",
    };
    let created = api_tokens::create(&state, &id, &name, &scopes, maker).await;
    let secret = match created {
        Ok((_, secret)) => secret,
        Err(AppError::Invalid(problems)) => {
            let mut errors = Errors::default();
            for p in problems {
                let key = match (p.field, p.problem) {
                    ("scopes", _) => "tokens-error-scopes",
                    (_, "too-long") => "referral-error-too-long",
                    _ => "referral-error-required",
                };
                errors.add(p.field, tr.t(key));
            }
            return page(&state, lang, &uri, &viewer, &id, name, errors, None).await;
        }
        Err(e) => return crate::error::failure(e),
    };
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

pub async fn revoke(
    State(state): State<AppState>,
    UiLang(lang): UiLang,
    SignedIn(viewer): SignedIn,
    Path((id, token_id)): Path<(String, String)>,
    CheckedForm(_): CheckedForm<Vec<(String, String)>>,
) -> Response {
    if let Err(e) = api_tokens::revoke(&state, &token_id, &id, &viewer.account.id).await {
        return failure(e);
    }
    Redirect::to(&format!(
        "/beheer/organisaties/{id}/api-sleutels?lang={}",
        lang.code()
    ))
    .into_response()
}

pub(crate) fn routes(table: crate::routes::RouteTable) -> crate::routes::RouteTable {
    use crate::routes::{Access::Allowed, Scope};
    use loket_domain::policy::Action;
    table
        .get(
            "/beheer/organisaties/{id}/api-sleutels",
            Allowed(Action::ManageApiTokens, Scope::OrganizationInPath),
            list,
        )
        .post(
            "/beheer/organisaties/{id}/api-sleutels",
            Allowed(Action::ManageApiTokens, Scope::OrganizationInPath),
            create,
        )
        .post(
            "/beheer/organisaties/{id}/api-sleutels/{token}/intrekken",
            Allowed(Action::ManageApiTokens, Scope::OrganizationInPath),
            revoke,
        )
}
