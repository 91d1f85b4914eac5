//! The coordinator's targets (`/beheer/doelen`): a form to set an indicator's
//! target for a year and a scope, and the targets in force with their earlier
//! values. Bad input re-renders the form with every problem next to its field
//! and stores nothing.

use crate::AppState;
use crate::error::failure;
use crate::pages::forms::{CheckedForm, Errors};
use crate::pages::view::{Layout, Opt, OptGroup, Page, render};
use crate::present::Tr;
use crate::session::{SignedIn, Viewer};
use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use loket_app::AppError;
use loket_app::monitoring::targets;
use loket_domain::Lang;
use loket_domain::monitoring::{TargetInput, TargetScope, Unit};
use loket_domain::search::CatalogueIndex;
use serde::Deserialize;

pub struct Row {
    pub indicator: String,
    pub scope: String,
    pub value: String,
    pub set_on: String,
    /// Earlier values, newest first ("10.000 (3-12-2026)").
    pub earlier: Vec<String>,
}

#[derive(Template)]
#[template(path = "monitoring/targets.html")]
pub struct TargetsPage {
    layout: Layout,
    year: i32,
    token: String,
    indicators: Vec<Opt>,
    scopes: Vec<OptGroup>,
    input: TargetInput,
    errors: Errors,
    rows: Vec<Row>,
    in_force_title: String,
    saved: bool,
}

#[derive(Debug, Default, Deserialize)]
pub struct YearParams {
    #[serde(default)]
    jaar: String,
    #[serde(default)]
    opgeslagen: String,
}

fn scope_label(
    state: &AppState,
    tr: &Tr,
    idx: &CatalogueIndex,
    lang: Lang,
    s: &TargetScope,
) -> String {
    match s {
        TargetScope::Network => tr.t("figures-network"),
        TargetScope::Region(c) => idx
            .regions
            .get(c)
            .map(|r| tr.s("figures-region", &[("name", r.name.get(lang).to_string())]))
            .unwrap_or_else(|| c.clone()),
        TargetScope::Organisation(o) => idx
            .organization(o)
            .map(|o| o.name.clone())
            .unwrap_or_else(|| o.clone()),
        TargetScope::Service(id) => idx
            .service(id)
            .map(|s| s.name.get(lang).to_string())
            .unwrap_or_else(|| id.clone()),
        TargetScope::Programme(code) => state
            .programmes
            .iter()
            .find(|p| &p.code == code)
            .map(|p| {
                tr.s(
                    "targets-programme",
                    &[("name", p.name.get(lang).to_string())],
                )
            })
            .unwrap_or_else(|| code.clone()),
    }
}

fn scope_options(
    state: &AppState,
    tr: &Tr,
    idx: &CatalogueIndex,
    lang: Lang,
    chosen: &str,
) -> Vec<OptGroup> {
    let opt = |s: TargetScope| {
        let value = s.code();
        Opt {
            label: scope_label(state, tr, idx, lang, &s),
            selected: value == chosen,
            value,
        }
    };
    let mut orgs: Vec<Opt> = idx
        .organizations()
        .iter()
        .map(|o| opt(TargetScope::Organisation(o.id.clone())))
        .collect();
    tr.sort_by_key(&mut orgs, |o| &o.label);
    let mut services: Vec<Opt> = idx
        .services()
        .iter()
        .map(|s| opt(TargetScope::Service(s.id.clone())))
        .collect();
    tr.sort_by_key(&mut services, |o| &o.label);
    vec![
        OptGroup {
            label: tr.t("targets-group-network"),
            options: std::iter::once(opt(TargetScope::Network))
                .chain(
                    idx.regions
                        .all()
                        .iter()
                        .map(|r| opt(TargetScope::Region(r.code.clone()))),
                )
                .chain(
                    state
                        .programmes
                        .iter()
                        .map(|p| opt(TargetScope::Programme(p.code.clone()))),
                )
                .collect(),
        },
        OptGroup {
            label: tr.t("targets-group-organisations"),
            options: orgs,
        },
        OptGroup {
            label: tr.t("targets-group-services"),
            options: services,
        },
    ]
}

fn number(tr: &Tr, n: u64, unit: Unit) -> String {
    match unit {
        Unit::Percent => tr.counts("figures-percent", &[("percent", n as usize)]),
        _ => tr.counts("results-number", &[("n", n as usize)]),
    }
}

fn day(tr: &Tr, at: i64) -> String {
    chrono::DateTime::from_timestamp(at, 0)
        .map(|t| tr.date(t.with_timezone(&chrono_tz::Europe::Amsterdam).date_naive()))
        .unwrap_or_default()
}

async fn show(
    state: &AppState,
    ui: Page,
    viewer: &Viewer,
    year: i32,
    input: TargetInput,
    errors: Errors,
    saved: bool,
) -> Response {
    let Page { lang, tr, uri } = ui;
    let idx = state.index();
    let in_force = match targets::in_force(state, year).await {
        Ok(t) => t,
        Err(e) => return failure(e),
    };
    let today = state.clock.today();
    let unit_of = |code: &str| {
        state
            .indicators
            .versions(code)
            .first()
            .map_or(Unit::Events, |i| i.unit)
    };
    let mut rows = Vec::new();
    for r in &in_force {
        let t = &r.target;
        let history = match targets::history(state, &t.indicator, &t.scope, year).await {
            Ok(h) => h,
            Err(e) => return failure(e),
        };
        let unit = unit_of(&t.indicator);
        rows.push(Row {
            indicator: state
                .indicators
                .on(&t.indicator, today)
                .or_else(|| state.indicators.versions(&t.indicator).first().copied())
                .map_or_else(|| t.indicator.clone(), |i| i.name.get(lang).to_string()),
            scope: scope_label(state, &tr, &idx, lang, &t.scope),
            value: number(&tr, t.value, unit),
            set_on: day(&tr, r.set_at),
            earlier: history
                .iter()
                .skip(1)
                .map(|h| {
                    format!(
                        "{} ({})",
                        number(&tr, h.target.value, unit),
                        day(&tr, h.set_at)
                    )
                })
                .collect(),
        });
    }
    let indicators = state
        .indicators
        .current(today)
        .into_iter()
        .map(|i| Opt {
            value: i.code.clone(),
            label: i.name.get(lang).to_string(),
            selected: i.code == input.indicator,
        })
        .collect();
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::BAD_REQUEST
    };
    let page = TargetsPage {
        layout: Layout::new(
            tr.clone(),
            tr.t("targets-title"),
            "staff",
            uri.path(),
            uri.query(),
        ),
        year,
        token: state.form_token(viewer),
        indicators,
        scopes: scope_options(state, &tr, &idx, lang, &input.scope),
        input,
        errors,
        rows,
        in_force_title: tr.s("targets-in-force", &[("year", year.to_string())]),
        saved,
    };
    render(status, &page)
}

pub async fn page(
    State(state): State<AppState>,
    ui: Page,
    SignedIn(viewer): SignedIn,
    Query(p): Query<YearParams>,
) -> Response {
    let year = crate::pages::talent::placements::year_of(&p.jaar, super::query::this_year(&state));
    let input = TargetInput {
        year: year.to_string(),
        scope: "network".into(),
        ..TargetInput::default()
    };
    show(
        &state,
        ui,
        &viewer,
        year,
        input,
        Errors::default(),
        p.opgeslagen == "1",
    )
    .await
}

pub async fn save(
    State(state): State<AppState>,
    ui: Page,
    SignedIn(viewer): SignedIn,
    CheckedForm(input): CheckedForm<TargetInput>,
) -> Response {
    match targets::set(&state, &input, &viewer.account.id).await {
        Ok(t) => Redirect::to(&format!(
            "/beheer/doelen?jaar={}&opgeslagen=1&lang={}",
            t.year,
            ui.lang.code()
        ))
        .into_response(),
        Err(AppError::Invalid(problems)) => {
            let mut errors = Errors::default();
            for p in &problems {
                errors.add(
                    p.field,
                    ui.tr.t(&format!("targets-error-{}-{}", p.field, p.problem)),
                );
            }
            let year = crate::pages::talent::placements::year_of(
                &input.year,
                super::query::this_year(&state),
            );
            show(&state, ui, &viewer, year, input, errors, false).await
        }
        Err(e) => failure(e),
    }
}
