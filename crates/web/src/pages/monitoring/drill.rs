//! Drill-down (`/beheer/resultaten/uitsplitsing`): one indicator broken down by
//! one of its allowed breakdowns against the quarters of the period, with row,
//! column and grand totals. Funders see the table protected as a whole (no
//! hidden cell follows from the totals), with the legend. An unknown indicator
//! or breakdown, or one the indicator does not allow, is named next to its field.

use super::query::{self, Params, scope_name, scope_value};
use super::results::{period_text, shown};
use crate::AppState;
use crate::error::failure;
use crate::pages::forms::Errors;
use crate::pages::view::{Layout, Opt, Page, render};
use crate::present::Tr;
use crate::session::SignedIn;
use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use loket_app::AppError;
use loket_app::monitoring::results::{self, DrillDown};
use loket_domain::monitoring::{Breakdown, Unit};
use loket_domain::search::CatalogueIndex;
use loket_domain::{Lang, TaxonomyKind};
use serde::Deserialize;

#[derive(Debug, Default, Deserialize)]
pub struct Asked {
    #[serde(default)]
    indicator: String,
    #[serde(default)]
    naar: String,
}

pub struct Row {
    pub label: String,
    pub cells: Vec<String>,
    pub total: String,
}

#[derive(Template)]
#[template(path = "monitoring/drill.html")]
pub struct DrillPage {
    layout: Layout,
    scope: String,
    period: String,
    indicators: Vec<Opt>,
    breakdowns: Vec<Opt>,
    hidden_inputs: Vec<(String, String)>,
    errors: Errors,
    caption: String,
    first_column: String,
    columns: Vec<String>,
    rows: Vec<Row>,
    totals: Option<Row>,
    legend: bool,
    back: String,
}

/// The breakdowns a drill-down can show (one value per counted event).
pub const ROW_BREAKDOWNS: [Breakdown; 6] = [
    Breakdown::Organisation,
    Breakdown::Service,
    Breakdown::Channel,
    Breakdown::ResidenceCountry,
    Breakdown::TargetGroup,
    Breakdown::Region,
];

fn row_label(tr: &Tr, idx: &CatalogueIndex, lang: Lang, by: Breakdown, key: &str) -> String {
    if key.is_empty() {
        return tr.t(if by == Breakdown::Region {
            "insight-door-deployment"
        } else {
            "contact-unknown"
        });
    }
    match by {
        Breakdown::Organisation => idx
            .organization(key)
            .map(|o| o.name.clone())
            .unwrap_or_else(|| key.to_string()),
        Breakdown::Service => idx
            .service(key)
            .map(|s| s.name.get(lang).to_string())
            .unwrap_or_else(|| key.to_string()),
        Breakdown::Channel => tr.t(&format!("contact-channel-{key}")),
        Breakdown::TargetGroup => idx
            .terms_of(TaxonomyKind::TargetGroup)
            .find(|t| t.id == key || t.code == key)
            .map(|t| t.name.get(lang).to_string())
            .unwrap_or_else(|| key.to_string()),
        Breakdown::Region => idx
            .regions
            .get(key)
            .map(|r| r.name.get(lang).to_string())
            .unwrap_or_else(|| key.to_string()),
        _ => key.to_string(),
    }
}

fn table(tr: &Tr, idx: &CatalogueIndex, lang: Lang, d: &DrillDown) -> (Vec<Row>, Row) {
    let unit = d.indicator.unit;
    let t = &d.table;
    let rows = t
        .rows
        .iter()
        .zip(&t.cells)
        .zip(&t.row_totals)
        .map(|((key, cells), total)| Row {
            label: row_label(tr, idx, lang, d.breakdown, key),
            cells: cells.iter().map(|c| shown(tr, *c, unit, d.exact)).collect(),
            total: shown(tr, *total, unit, d.exact),
        })
        .collect();
    let totals = Row {
        label: tr.t("programme-total"),
        cells: t
            .column_totals
            .iter()
            .map(|c| shown(tr, *c, unit, d.exact))
            .collect(),
        total: shown(tr, t.total, unit, d.exact),
    };
    (rows, totals)
}

pub async fn page(
    State(state): State<AppState>,
    ui: Page,
    SignedIn(viewer): SignedIn,
    Query(params): Query<Params>,
    Query(asked): Query<Asked>,
) -> Response {
    let Page { lang, tr, uri } = ui;
    let Some(question) = query::ask(&state, &tr, &viewer.memberships, &params) else {
        return crate::pages::errors::forbidden_page(&state, lang, &uri, Some(&viewer));
    };
    let idx = state.index();
    let mut errors = question.errors;
    let found = if errors.is_empty() {
        match results::drill_down(
            &state,
            &question.choice.scope,
            question.choice.exact,
            question.period,
            &asked.indicator,
            &asked.naar,
        )
        .await
        {
            Ok(d) => Some(d),
            Err(AppError::Invalid(problems)) => {
                for p in problems {
                    errors.add(
                        p.field,
                        tr.t(&format!("drill-error-{}-{}", p.field, p.problem)),
                    );
                }
                None
            }
            Err(e) => return failure(e),
        }
    } else {
        None
    };
    let indicators = state
        .indicators
        .current(question.period.last)
        .into_iter()
        .filter(|i| i.unit != Unit::Percent)
        .map(|i| Opt {
            value: i.code.clone(),
            label: i.name.get(lang).to_string(),
            selected: i.code == asked.indicator,
        })
        .collect();
    let breakdowns = ROW_BREAKDOWNS
        .iter()
        .map(|b| Opt {
            value: b.code().into(),
            label: tr.t(&format!("breakdown-{}", b.code())),
            selected: b.code() == asked.naar,
        })
        .collect();
    let scope_code = scope_value(&question.choice.scope);
    let hidden_inputs = vec![
        ("org".to_string(), scope_code.clone()),
        ("van".to_string(), question.period.first.to_string()),
        ("tot".to_string(), question.period.last.to_string()),
    ];
    let (caption, columns, rows, totals, legend) = match &found {
        Some(d) => {
            let (rows, totals) = table(&tr, &idx, lang, d);
            (
                tr.s(
                    "drill-caption",
                    &[
                        ("indicator", d.indicator.name.get(lang).to_string()),
                        (
                            "breakdown",
                            tr.t(&format!("breakdown-{}", d.breakdown.code())),
                        ),
                    ],
                ),
                d.table.columns.clone(),
                rows,
                Some(totals),
                !d.exact,
            )
        }
        None => (String::new(), Vec::new(), Vec::new(), None, false),
    };
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::BAD_REQUEST
    };
    let page = DrillPage {
        layout: Layout::new(
            tr.clone(),
            tr.t("drill-title"),
            "staff",
            uri.path(),
            uri.query(),
        ),
        scope: scope_name(&tr, &idx, lang, &question.choice.scope),
        period: period_text(&tr, &question.period),
        indicators,
        breakdowns,
        hidden_inputs,
        errors,
        caption,
        first_column: found
            .as_ref()
            .map(|d| tr.t(&format!("breakdown-{}", d.breakdown.code())))
            .unwrap_or_default(),
        columns,
        rows,
        totals,
        legend,
        back: crate::present::query_string(&[
            ("org", &scope_code),
            ("van", &question.period.first.to_string()),
            ("tot", &question.period.last.to_string()),
            ("lang", lang.code()),
        ]),
    };
    render(status, &page)
}
