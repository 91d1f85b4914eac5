//! The coordinator edits the front door's questions: the texts of one language
//! at a time, next to the Dutch ones. The structure (which questions, options
//! and conditions) is the routing engine's contract and stays in the flow file.

use crate::AppState;
use crate::error::failure;
use crate::pages::forms::Errors;
use crate::pages::forms::csrf_refused;
use crate::pages::view::Page;
use crate::pages::view::{Layout, render};
use crate::present::Tr;
use crate::session::{SignedIn, Viewer};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use loket_app::AppError;
use loket_app::front_door::wording;
use loket_domain::Lang;
use loket_routing::Flow;
use serde::Deserialize;
use std::collections::BTreeMap;

pub struct TextRow {
    pub name: String,
    /// What it is: the question, its hint, an option, an option's example.
    pub label: String,
    pub dutch: String,
    pub value: String,
    pub error: Option<String>,
}

pub struct QuestionBlock {
    pub id: String,
    pub title: String,
    pub rows: Vec<TextRow>,
}

#[derive(Template)]
#[template(path = "front_door/flow_edit.html")]
pub struct FlowPage {
    layout: Layout,
    /// This wording's page: `/beheer/voordeur`, or a region's `/beheer/regio/{code}/voordeur`.
    action: String,
    editing: &'static str,
    languages: Vec<(&'static str, String, bool)>,
    blocks: Vec<QuestionBlock>,
    version: i64,
    token: String,
    errors: Errors,
    saved: bool,
    conflict: bool,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct FlowQuery {
    pub taal: String,
    pub saved: String,
}

fn editing_lang(code: &str) -> Lang {
    code.parse().unwrap_or(Lang::Nl)
}

#[allow(clippy::too_many_arguments)]
fn page(
    state: &AppState,
    scope: &Scope,
    tr: &Tr,
    uri: &axum::http::Uri,
    viewer: &Viewer,
    flow: &Flow,
    editing: Lang,
    values: &BTreeMap<String, String>,
    errors: Errors,
    version: i64,
    saved: bool,
    conflict: bool,
) -> FlowPage {
    let dutch: BTreeMap<String, String> = flow.texts(Lang::Nl).into_iter().collect();
    let blocks = flow
        .questions
        .iter()
        .map(|q| {
            let mut rows = Vec::new();
            let mut row = |name: String, label: String| {
                rows.push(TextRow {
                    dutch: dutch.get(&name).cloned().unwrap_or_default(),
                    value: values.get(&name).cloned().unwrap_or_default(),
                    error: errors.get(&name).cloned(),
                    label,
                    name,
                });
            };
            row(format!("q.{}.text", q.id), tr.t("flow-question"));
            row(format!("q.{}.hint", q.id), tr.t("flow-hint"));
            for (n, c) in q.options.iter().enumerate() {
                let option = c.label.get(Lang::Nl).to_string();
                row(
                    format!("q.{}.opt.{n}", q.id),
                    tr.s("flow-option", &[("option", option.clone())]),
                );
                row(
                    format!("q.{}.ex.{n}", q.id),
                    tr.s("flow-example", &[("option", option)]),
                );
            }
            QuestionBlock {
                id: q.id.clone(),
                title: q.text.get(tr.lang).to_string(),
                rows,
            }
        })
        .collect();
    let languages = Lang::ALL
        .iter()
        .map(|l| {
            (
                l.code(),
                tr.t(&format!("lang-name-{}", l.code())),
                *l == editing,
            )
        })
        .collect();
    FlowPage {
        action: scope.action.clone(),
        layout: Layout::new(
            tr.clone(),
            scope.title.clone().unwrap_or_else(|| tr.t("flow-title")),
            "staff",
            uri.path(),
            uri.query(),
        ),
        editing: editing.code(),
        languages,
        blocks,
        version,
        token: state.form_token(viewer),
        errors,
        saved,
        conflict,
    }
}

/// Whose wording is edited: the deployment's, or a region's.
struct Scope {
    /// `flow` (the deployment's) or the region's code.
    key: String,
    region: Option<String>,
    action: String,
    title: Option<String>,
}

impl Scope {
    fn deployment() -> Scope {
        Scope {
            key: loket_app::DEPLOYMENT_WORDING.into(),
            region: None,
            action: "/beheer/voordeur".into(),
            title: None,
        }
    }

    fn region(state: &AppState, tr: &Tr, code: &str) -> Option<Scope> {
        let idx = state.index();
        let region = idx.regions.get(code)?;
        Some(Scope {
            key: code.to_string(),
            region: Some(code.to_string()),
            action: format!("/beheer/regio/{code}/voordeur"),
            title: Some(tr.s(
                "regionadmin-wording-title",
                &[("region", region.name.get(tr.lang).to_string())],
            )),
        })
    }
}

/// `GET /beheer/voordeur`: the deployment's wording.
pub async fn edit(
    State(state): State<AppState>,
    ui: Page,
    SignedIn(viewer): SignedIn,
    Query(q): Query<FlowQuery>,
) -> Response {
    edit_in(&state, ui, viewer, q, Scope::deployment()).await
}

/// `GET /beheer/regio/{code}/voordeur`: a region's wording.
pub async fn edit_region(
    State(state): State<AppState>,
    ui: Page,
    SignedIn(viewer): SignedIn,
    Path(code): Path<String>,
    Query(q): Query<FlowQuery>,
) -> Response {
    match Scope::region(&state, &ui.tr, &code) {
        Some(scope) => edit_in(&state, ui, viewer, q, scope).await,
        None => failure(AppError::NotFound),
    }
}

async fn edit_in(
    state: &AppState,
    ui: Page,
    viewer: Viewer,
    q: FlowQuery,
    scope: Scope,
) -> Response {
    let state = state.clone();
    let Page { tr, uri, .. } = ui;
    let editing = editing_lang(&q.taal);
    let flow = state.flow_of(scope.region.as_deref());
    let v = match wording::version(&state, &scope.key).await {
        Ok(v) => v,
        Err(e) => return failure(e),
    };
    let values = flow.texts(editing).into_iter().collect();
    let p = page(
        &state,
        &scope,
        &tr,
        &uri,
        &viewer,
        &flow,
        editing,
        &values,
        Errors::default(),
        v,
        q.saved == "1",
        false,
    );
    render(StatusCode::OK, &p)
}

/// `POST /beheer/voordeur`.
pub async fn save(
    State(state): State<AppState>,
    ui: Page,
    SignedIn(viewer): SignedIn,
    form: Result<axum::Form<Vec<(String, String)>>, axum::extract::rejection::FormRejection>,
) -> Response {
    save_in(&state, ui, viewer, form, Scope::deployment()).await
}

/// `POST /beheer/regio/{code}/voordeur`.
pub async fn save_region(
    State(state): State<AppState>,
    ui: Page,
    SignedIn(viewer): SignedIn,
    Path(code): Path<String>,
    form: Result<axum::Form<Vec<(String, String)>>, axum::extract::rejection::FormRejection>,
) -> Response {
    match Scope::region(&state, &ui.tr, &code) {
        Some(scope) => save_in(&state, ui, viewer, form, scope).await,
        None => failure(AppError::NotFound),
    }
}

async fn save_in(
    state: &AppState,
    ui: Page,
    viewer: Viewer,
    form: Result<axum::Form<Vec<(String, String)>>, axum::extract::rejection::FormRejection>,
    scope: Scope,
) -> Response {
    let state = state.clone();
    let Page { lang, tr, uri } = ui;
    let mut values: BTreeMap<String, String> =
        form.map(|f| f.0).unwrap_or_default().into_iter().collect();
    let token = values.remove("token").unwrap_or_default();
    if !state.form_token_ok(&viewer, &token) {
        return csrf_refused(&state, lang);
    }
    let editing = editing_lang(&values.remove("taal").unwrap_or_default());
    let expected: i64 = values
        .remove("version")
        .and_then(|v| v.parse().ok())
        .unwrap_or(-1);
    let flow = state.flow_of(scope.region.as_deref());
    let show = |errors: Errors, conflict: bool, status: StatusCode| {
        let p = page(
            &state, &scope, &tr, &uri, &viewer, &flow, editing, &values, errors, expected, false,
            conflict,
        );
        render(status, &p)
    };
    let edited = match flow.with_texts(editing, &values) {
        Ok(f) => f,
        Err(problems) => {
            let mut errors = Errors::default();
            for (field, code) in problems {
                errors.add(field, tr.t(&format!("edit-error-{code}")));
            }
            return show(errors, false, StatusCode::BAD_REQUEST);
        }
    };
    match wording::save(
        &state,
        &scope.key,
        &edited,
        expected,
        editing.code(),
        &viewer.account.id,
    )
    .await
    {
        Ok(_) => Redirect::to(&format!("{}?taal={}&saved=1", scope.action, editing.code()))
            .into_response(),
        Err(AppError::Conflict { .. }) => show(Errors::default(), true, StatusCode::CONFLICT),
        Err(e) => failure(e),
    }
}
