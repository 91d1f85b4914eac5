//! The coordinator's completeness list: per organisation, the services a
//! visitor cannot reach well (no contact, a channel without its contact, no
//! visiting address, not confirmed for twelve months), with a button that
//! asks the organisation's admins by mail to complete and confirm them.

use crate::AppState;
use crate::error::failure;
use crate::pages::forms::CheckedForm;
use crate::pages::staff::layout;
use crate::pages::view::Page;
use crate::pages::view::{Layout, render};
use crate::session::SignedIn;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use loket_app::AppError;
use loket_app::catalogue::completeness as use_case;
use loket_domain::completeness;
use serde::Deserialize;

pub struct ServiceLine {
    pub id: String,
    pub name: String,
    pub gaps: Vec<String>,
}

pub struct OrganizationBlock {
    pub id: String,
    pub name: String,
    pub services: Vec<ServiceLine>,
}

/// What the last request came to, shown above the list.
pub struct Outcome {
    pub class: &'static str,
    pub text: String,
    /// Where to invite an admin, when there was none to ask.
    pub invite: Option<String>,
}

#[derive(Template)]
#[template(path = "catalogue/completeness.html")]
pub struct CompletenessPage {
    layout: Layout,
    organizations: Vec<OrganizationBlock>,
    summary: String,
    outcome: Option<Outcome>,
    token: String,
}

#[derive(Deserialize, Default)]
pub struct AskedQuery {
    /// The organisation just asked.
    #[serde(default)]
    gevraagd: Option<String>,
    /// How many admins were mailed, or `geen` when there was none.
    #[serde(default)]
    n: Option<String>,
}

pub async fn list(
    State(state): State<AppState>,
    ui: Page,
    SignedIn(viewer): SignedIn,
    Query(asked): Query<AskedQuery>,
) -> Response {
    let Page { lang, tr, uri } = ui;
    let idx = state.index();
    let report = completeness::report(&idx, state.clock.today());
    let organizations: Vec<OrganizationBlock> = report
        .iter()
        .map(|o| OrganizationBlock {
            id: o.organization.id.clone(),
            name: o.organization.name.clone(),
            services: o
                .services
                .iter()
                .map(|s| ServiceLine {
                    id: s.service.id.clone(),
                    name: s.service.name.get(lang).to_string(),
                    gaps: s
                        .gaps
                        .iter()
                        .map(|g| use_case::describe(&state, g, lang.code()))
                        .collect(),
                })
                .collect(),
        })
        .collect();
    let outcome = asked.gevraagd.as_deref().and_then(|id| {
        let org = idx.organization(id)?;
        let name = ("organization", org.name.clone());
        Some(match asked.n.as_deref() {
            Some("geen") => Outcome {
                class: "notice-warning",
                text: tr.s("completeness-no-admin", &[name]),
                invite: Some(format!("/beheer/organisaties/{id}/uitnodigen")),
            },
            n => Outcome {
                class: "notice-success",
                text: tr.count_and(
                    "completeness-asked",
                    ("count", n.and_then(|n| n.parse().ok()).unwrap_or(0)),
                    &[name],
                ),
                invite: None,
            },
        })
    });
    render(
        StatusCode::OK,
        &CompletenessPage {
            layout: layout(&tr, tr.t("stale-title"), &uri),
            summary: tr.counts(
                "completeness-summary",
                &[
                    (
                        "services",
                        organizations.iter().map(|o| o.services.len()).sum(),
                    ),
                    ("organizations", organizations.len()),
                ],
            ),
            organizations,
            outcome,
            token: state.form_token(&viewer),
        },
    )
}

/// The form carries only its token, which `CheckedForm` checks.
#[derive(Deserialize, Default)]
pub struct AskForm {}

pub async fn ask(
    State(state): State<AppState>,
    ui: Page,
    SignedIn(viewer): SignedIn,
    Path(id): Path<String>,
    CheckedForm(_form): CheckedForm<AskForm>,
) -> Response {
    let Page { lang, uri, .. } = ui;
    let back = |n: &str| {
        Redirect::to(&format!(
            "/beheer/verouderd?gevraagd={id}&n={n}&lang={}#org-{id}",
            lang.code()
        ))
        .into_response()
    };
    match use_case::ask_to_complete(&state, &viewer.account.id, &id, lang.code()).await {
        Ok(asked) => back(&asked.mailed.to_string()),
        Err(AppError::NotFound) => crate::pages::errors::not_found_page(&state, lang, &uri),
        Err(AppError::Invalid(problems))
            if problems
                .iter()
                .any(|p| p.problem == "completeness-no-admin") =>
        {
            back("geen")
        }
        // Nothing left to complete (someone fixed it meanwhile): the list shows it.
        Err(AppError::Invalid(_)) => {
            Redirect::to(&format!("/beheer/verouderd?lang={}", lang.code())).into_response()
        }
        Err(e) => failure(e),
    }
}
