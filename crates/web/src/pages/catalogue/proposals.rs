//! Organisations ask to join the network (`/organisaties/aanmelden`, a public
//! form with a CSRF token, a honeypot and a limit per address); the coordinator
//! approves, which adds the organisation to the catalogue, or declines.

use crate::AppState;
use crate::error::failure;
use crate::pages::forms::CheckedForm;
use crate::pages::forms::{ClientKey, Errors};
use crate::pages::view::Page;
use crate::pages::view::{Layout, render};
use crate::session::SignedIn;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use loket_app::catalogue::proposals;
use loket_app::limits;
use loket_domain::editing::Fields;
use loket_domain::proposal;
use serde::Deserialize;

const FORM: &str = "organisation-proposal";
const MAX_PER_HOUR: i64 = 5;

pub struct InputRow {
    pub name: &'static str,
    pub label: String,
    pub kind: &'static str,
    pub value: String,
    pub error: Option<String>,
}

#[derive(Template)]
#[template(path = "catalogue/proposal_form.html")]
pub struct FormPage {
    layout: Layout,
    inputs: Vec<InputRow>,
    description: String,
    token: String,
    errors: Errors,
    thanks: bool,
}

impl FormPage {
    fn new(layout: Layout, fields: &Fields, token: String, errors: Errors, thanks: bool) -> Self {
        let tr = layout.tr.clone();
        let inputs = [
            ("name", "proposal-name", "text"),
            ("website", "edit-field-url", "url"),
            ("email", "proposal-email", "email"),
        ]
        .into_iter()
        .map(|(name, label, kind)| InputRow {
            name,
            label: tr.t(label),
            kind,
            value: fields.get(name).cloned().unwrap_or_default(),
            error: errors.get(name).cloned(),
        })
        .collect();
        FormPage {
            layout,
            inputs,
            description: fields.get("description").cloned().unwrap_or_default(),
            token,
            errors,
            thanks,
        }
    }
}

pub async fn form(State(state): State<AppState>, ui: Page) -> Response {
    let Page { tr, uri, .. } = ui;
    let layout = Layout::new(
        tr.clone(),
        tr.t("proposal-title"),
        "organizations",
        uri.path(),
        uri.query(),
    );
    let token = state.csrf.token(FORM, state.clock.unix());
    render(
        StatusCode::OK,
        &FormPage::new(layout, &Fields::new(), token, Errors::default(), false),
    )
}

pub async fn submit(
    State(state): State<AppState>,
    ui: Page,
    client: ClientKey,
    form: Result<axum::Form<Vec<(String, String)>>, axum::extract::rejection::FormRejection>,
) -> Response {
    let Page { lang, tr, uri } = ui;
    let mut fields: Fields = form
        .map(|f| f.0)
        .unwrap_or_default()
        .into_iter()
        .map(|(k, v)| (k, v.chars().take(5000).collect()))
        .collect();
    let token = fields.remove("token").unwrap_or_default();
    let robot = !fields.remove("homepage").unwrap_or_default().is_empty();
    let page = |fields: Fields, errors: Errors, thanks: bool, status: StatusCode| {
        let layout = Layout::new(
            tr.clone(),
            tr.t("proposal-title"),
            "organizations",
            uri.path(),
            uri.query(),
        );
        let token = state.csrf.token(FORM, state.clock.unix());
        render(
            status,
            &FormPage::new(layout, &fields, token, errors, thanks),
        )
    };
    let mut errors = Errors::default();
    if !state.csrf.verify(FORM, &token, state.clock.unix()) {
        errors.add("form", tr.t("form-error-expired"));
        return page(fields, errors, false, StatusCode::FORBIDDEN);
    }
    let key = format!("proposal:address:{}", client.0);
    match limits::last_hour(&state, &key).await {
        Ok(n) if n >= MAX_PER_HOUR => {
            errors.add("form", tr.t("form-error-rate-limited"));
            return page(fields, errors, false, StatusCode::TOO_MANY_REQUESTS);
        }
        Ok(_) => {}
        Err(e) => return failure(e),
    }
    let checked = match proposal::check(&fields, lang) {
        Ok(p) => p,
        Err(problems) => {
            for p in problems {
                let field = match p.field.as_str() {
                    "name" => "name",
                    "website" => "website",
                    "email" => "email",
                    "description" => "description",
                    _ => "form",
                };
                errors.add(field, tr.t(&format!("edit-error-{}", p.code)));
            }
            return page(fields, errors, false, StatusCode::BAD_REQUEST);
        }
    };
    let _ = limits::count(&state, &key).await;
    if !robot && let Err(e) = proposals::submit(&state, &checked).await {
        return failure(e);
    }
    page(Fields::new(), Errors::default(), true, StatusCode::OK)
}

pub struct ProposalRow {
    pub id: String,
    pub name: String,
    pub website: String,
    pub email: String,
    pub description: String,
    pub lang: &'static str,
    pub submitted: String,
}

#[derive(Template)]
#[template(path = "catalogue/proposals.html")]
pub struct ListPage {
    layout: Layout,
    proposals: Vec<ProposalRow>,
    token: String,
}

pub async fn list(State(state): State<AppState>, ui: Page, SignedIn(viewer): SignedIn) -> Response {
    let Page { tr, uri, .. } = ui;
    let pending = match proposals::pending(&state).await {
        Ok(p) => p,
        Err(e) => return failure(e),
    };
    let proposals = pending
        .into_iter()
        .map(|r| ProposalRow {
            submitted: chrono::DateTime::from_timestamp(r.submitted_at, 0)
                .map(|t| t.format("%Y-%m-%d").to_string())
                .unwrap_or_default(),
            id: r.proposal.id,
            name: r.proposal.name,
            website: r.proposal.website.unwrap_or_default(),
            email: r.proposal.email.unwrap_or_default(),
            description: r.proposal.description,
            lang: r.proposal.lang.code(),
        })
        .collect();
    let layout = Layout::new(
        tr.clone(),
        tr.t("proposals-title"),
        "staff",
        uri.path(),
        uri.query(),
    );
    render(
        StatusCode::OK,
        &ListPage {
            layout,
            proposals,
            token: state.form_token(&viewer),
        },
    )
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct DecideForm {
    pub token: String,
    pub decision: String,
}

pub async fn decide(
    State(state): State<AppState>,
    ui: Page,
    SignedIn(viewer): SignedIn,
    Path(id): Path<String>,
    CheckedForm(form): CheckedForm<DecideForm>,
) -> Response {
    let Page { lang, uri, .. } = ui;
    let record = match proposals::proposal(&state, &id).await {
        Ok(Some(r)) => r,
        Ok(None) => return crate::pages::errors::not_found_page(&state, lang, &uri),
        Err(e) => return failure(e),
    };
    let approve = match form.decision.as_str() {
        "approve" => true,
        "decline" => false,
        _ => return Redirect::to("/beheer/organisaties/aanvragen").into_response(),
    };
    match proposals::decide(&state, &record, approve, &viewer.account.id).await {
        Ok(Some(o)) => Redirect::to(&format!("/organisaties/{}", o.id)).into_response(),
        Ok(None) => Redirect::to("/beheer/organisaties/aanvragen").into_response(),
        Err(e) => failure(e),
    }
}
