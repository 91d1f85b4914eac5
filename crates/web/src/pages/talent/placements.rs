//! Effective placements against the year's target, and setting the target.

use crate::AppState;
use crate::error::failure;
use crate::pages::forms::CheckedForm;
use crate::pages::forms::Errors;
use crate::pages::talent::shared::{errors_from, labels};
use crate::pages::view::Page;
use crate::pages::view::{Layout, render};
use crate::present::Tr;
use crate::session::{SignedIn, Viewer};
use askama::Template;
use axum::extract::{Query, State};
use axum::http::{StatusCode, Uri};
use axum::response::{IntoResponse, Redirect, Response};
use loket_app::talent::programme;
use loket_app::talent::records;
use loket_domain::policy::{self, Action, Target};
use loket_domain::referral::FieldProblem;
use loket_matching::Kind;
use serde::Deserialize;

// ------------------------------------------------------------------ placements

#[derive(Template)]
#[template(path = "talent/placements.html")]
pub struct PlacementsPage {
    layout: Layout,
    year: i32,
    caption: String,
    expected: String,
    effective: String,
    share: String,
    rows: Vec<(String, String, String)>,
    can_set_target: bool,
    token: String,
    target_input: String,
    errors: Errors,
}

#[derive(Debug, Default, Deserialize)]
pub struct YearParams {
    #[serde(default)]
    jaar: String,
}

pub(crate) async fn placements_page(
    state: &AppState,
    tr: &Tr,
    uri: &Uri,
    viewer: &Viewer,
    year: i32,
    errors: Errors,
    target_input: String,
) -> Response {
    let figures = match records::placement_figures(state, year).await {
        Ok(f) => f,
        Err(e) => return failure(e),
    };
    let placements = match records::placements(state, year).await {
        Ok(p) => p,
        Err(e) => return failure(e),
    };
    let vocabulary = state.talent.vocabulary();
    let mut rows = Vec::new();
    for p in placements {
        let employer = records::employer(state, &p.employer_id)
            .await
            .ok()
            .flatten()
            .map(|e| e.details.name)
            .unwrap_or_default();
        rows.push((
            p.start_date.to_string(),
            labels(
                vocabulary,
                Kind::Occupation,
                std::slice::from_ref(&p.occupation),
            )
            .join(", "),
            employer,
        ));
    }
    let can_set_target = policy::allows(
        &viewer.memberships,
        Action::SetPlacementTargets,
        Target::Network,
    );
    let page = PlacementsPage {
        layout: Layout::new(
            tr.clone(),
            tr.t("placements-title"),
            "staff",
            uri.path(),
            uri.query(),
        ),
        year,
        caption: tr.s("placements-caption", &[("year", year.to_string())]),
        expected: figures
            .expected
            .map_or_else(|| tr.t("placements-no-target"), |e| e.to_string()),
        effective: figures.effective.to_string(),
        share: figures
            .percent_of_target()
            .map_or_else(|| "–".into(), |p| format!("{p} %")),
        rows,
        can_set_target,
        token: state.form_token(viewer),
        target_input: if target_input.is_empty() {
            figures.expected.map(|e| e.to_string()).unwrap_or_default()
        } else {
            target_input
        },
        errors,
    };
    let status = if page.errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::BAD_REQUEST
    };
    render(status, &page)
}

pub(crate) fn year_of(text: &str, this_year: i32) -> i32 {
    text.trim()
        .parse::<i32>()
        .ok()
        .filter(|y| (2000..=2100).contains(y))
        .unwrap_or(this_year)
}

pub async fn placements(
    State(state): State<AppState>,
    ui: Page,
    SignedIn(viewer): SignedIn,
    Query(p): Query<YearParams>,
) -> Response {
    let Page { tr, uri, .. } = ui;
    placements_page(
        &state,
        &tr,
        &uri,
        &viewer,
        year_of(&p.jaar, chrono::Datelike::year(&state.clock.today())),
        Errors::default(),
        String::new(),
    )
    .await
}

#[derive(Debug, Default, Deserialize)]
pub struct TargetForm {
    #[serde(default)]
    year: String,
    #[serde(default)]
    expected: String,
}

pub async fn set_target(
    State(state): State<AppState>,
    ui: Page,
    SignedIn(viewer): SignedIn,
    CheckedForm(form): CheckedForm<TargetForm>,
) -> Response {
    let Page { lang, tr, uri } = ui;
    let year = year_of(&form.year, chrono::Datelike::year(&state.clock.today()));
    match form.expected.trim().parse::<u32>() {
        Ok(expected) if expected <= 100_000 => {
            if let Err(e) = programme::set_placement_target(&state, year, expected).await {
                return failure(e);
            }
            Redirect::to(&format!(
                "/beheer/plaatsingen?jaar={year}&lang={}",
                lang.code()
            ))
            .into_response()
        }
        _ => {
            let errors = errors_from(
                &tr,
                &[FieldProblem {
                    field: "expected",
                    problem: "not-a-number",
                }],
            );
            placements_page(
                &state,
                &tr,
                &uri,
                &viewer,
                year,
                errors,
                form.expected.clone(),
            )
            .await
        }
    }
}
