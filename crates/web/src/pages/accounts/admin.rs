//! The platform admin's accounts: the list with roles, a person's data on
//! request (access export) and erasure.

use crate::AppState;
use crate::error::failure;
use crate::pages::accounts::account::export_response;
use crate::pages::forms::CheckedForm;
use crate::pages::staff::layout;
use crate::pages::view::Page;
use crate::pages::view::{Layout, render};
use crate::session::SignedIn;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use loket_app::accounts::data;
use serde::Deserialize;

// -------------------------------------------------------------- accounts

pub struct AccountRow {
    pub id: String,
    pub name: String,
    pub email: String,
    pub roles: String,
    pub erase_label: String,
}

#[derive(Template)]
#[template(path = "accounts/accounts.html")]
pub struct AccountsPage {
    layout: Layout,
    accounts: Vec<AccountRow>,
    token: String,
    notice: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct AccountsQuery {
    pub erased: String,
}

pub async fn accounts(
    State(state): State<AppState>,
    ui: Page,
    SignedIn(viewer): SignedIn,
    Query(q): Query<AccountsQuery>,
) -> Response {
    let Page { tr, uri, .. } = ui;
    let list = match data::accounts(&state).await {
        Ok(l) => l,
        Err(e) => return failure(e),
    };
    let mut rows = Vec::new();
    for (a, memberships) in list {
        let roles = memberships
            .iter()
            .map(|m| match &m.organization_id {
                Some(o) => format!(
                    "{} ({})",
                    tr.t(&format!("role-{}", m.role.code())),
                    state
                        .index()
                        .organization(o)
                        .map(|o| o.name.clone())
                        .unwrap_or_default()
                ),
                None => tr.t(&format!("role-{}", m.role.code())),
            })
            .collect::<Vec<_>>()
            .join(", ");
        rows.push(AccountRow {
            erase_label: tr.s(
                "accounts-erase-confirm",
                &[("email", a.email.as_str().to_string())],
            ),
            id: a.id,
            name: a.display_name,
            email: a.email.as_str().to_string(),
            roles,
        });
    }
    render(
        StatusCode::OK,
        &AccountsPage {
            layout: layout(&tr, tr.t("accounts-title"), &uri),
            accounts: rows,
            token: state.form_token(&viewer),
            notice: (q.erased == "1").then(|| tr.t("accounts-erased")),
        },
    )
}

pub async fn account_data(
    State(state): State<AppState>,
    ui: Page,
    SignedIn(viewer): SignedIn,
    Path(id): Path<String>,
    Query(q): Query<crate::pages::accounts::account::FormatQuery>,
) -> Response {
    let Page { lang, tr, uri } = ui;
    match data::export(&state, &id, &viewer.account.id).await {
        Ok(Some(export)) => export_response(&tr, &uri, export, &q.format),
        Ok(None) => crate::pages::errors::not_found_page(&state, lang, &uri),
        Err(e) => failure(e),
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct EraseForm {
    pub token: String,
    pub confirm: String,
}

/// Erasure (GDPR article 17): personal data goes, the pseudonymous id stays in
/// the log and in the anonymous counts.
pub async fn erase_account(
    State(state): State<AppState>,
    ui: Page,
    SignedIn(viewer): SignedIn,
    Path(id): Path<String>,
    CheckedForm(form): CheckedForm<EraseForm>,
) -> Response {
    let Page { lang, uri, .. } = ui;
    if form.confirm != "yes" || id == viewer.account.id {
        return Redirect::to("/beheer/accounts").into_response();
    }
    match data::erase(&state, &id, &viewer.account.id).await {
        Ok(true) => Redirect::to("/beheer/accounts?erased=1").into_response(),
        Ok(false) => crate::pages::errors::not_found_page(&state, lang, &uri),
        Err(e) => failure(e),
    }
}
