//! The results for funders' own systems: every indicator for a period against
//! its target and the period before (`/api/v1/results`), and one indicator
//! broken down against the quarters (`/api/v1/results/breakdown`). A caller with
//! an API token (scope `figures`) reads aggregates with the same suppression as
//! the funders' pages; every invalid parameter is named in one problem+json.

use super::Params;
use crate::AppState;
use crate::lang::UiLang;
use crate::problem::{InvalidParam, Problem};
use crate::routes::{Access, RouteTable, Scope};
use crate::session::{CurrentViewer, Viewer};
use axum::Json;
use axum::extract::{RawQuery, State};
use axum::response::{IntoResponse, Response};
use loket_app::AppError;
use loket_app::monitoring::results;
use loket_app::referrals::figures_scope::{self, FiguresChoice, FiguresScope};
use loket_domain::Lang;
use loket_domain::monitoring::measure::{Published, Shown};
use loket_domain::monitoring::{Period, Unit};
use loket_domain::policy::Action;
use serde::Serialize;
use utoipa::ToSchema;

pub(crate) fn routes(table: RouteTable) -> RouteTable {
    table
        .get(
            "/api/v1/results",
            Access::Allowed(Action::ViewReferralFigures, Scope::Network),
            list,
        )
        .get(
            "/api/v1/results/breakdown",
            Access::Allowed(Action::ViewReferralFigures, Scope::Network),
            breakdown,
        )
}

/// A number as published: `value` is absent when it is hidden (then `hidden`
/// is true) or when there is nothing to count.
#[derive(Debug, Serialize, ToSchema)]
pub struct Number {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<u64>,
    pub hidden: bool,
}

impl From<Shown> for Number {
    fn from(s: Shown) -> Number {
        match s {
            Shown::Count(n) => Number {
                value: Some(n),
                hidden: false,
            },
            Shown::Rate { percent, .. } => Number {
                value: Some(u64::from(percent)),
                hidden: false,
            },
            Shown::Hidden => Number {
                value: None,
                hidden: true,
            },
            Shown::None => Number {
                value: None,
                hidden: false,
            },
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MonthValue {
    /// `YYYY-MM`.
    pub month: String,
    #[serde(flatten)]
    pub number: Number,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct IndicatorResultView {
    pub code: String,
    pub version: u32,
    pub name: String,
    /// `people`, `events` or `percent`.
    pub unit: String,
    pub value: Number,
    /// The target of the period's year, when the period lies within one year.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<u64>,
    pub previous: Number,
    pub months: Vec<MonthValue>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PeriodView {
    pub from: String,
    pub to: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ResultsView {
    /// `network`, `region:{code}` or `organisation:{id}`.
    pub scope: String,
    pub period: PeriodView,
    pub previous: PeriodView,
    /// `aggregates` (small numbers hidden) or `exact`.
    pub audience: String,
    /// When the figures were counted (RFC 3339).
    pub counted_at: String,
    /// What was hidden and why.
    pub legend: String,
    pub indicators: Vec<IndicatorResultView>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct BreakdownRow {
    pub key: String,
    pub cells: Vec<Number>,
    pub total: Number,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct BreakdownView {
    pub indicator: String,
    pub by: String,
    pub scope: String,
    pub period: PeriodView,
    pub audience: String,
    /// The quarters, `YYYY-Qn`.
    pub columns: Vec<String>,
    pub rows: Vec<BreakdownRow>,
    pub column_totals: Vec<Number>,
    pub total: Number,
    pub legend: String,
}

fn scope_code(s: &FiguresScope) -> String {
    match s {
        FiguresScope::Network => "network".into(),
        FiguresScope::Region(c) => format!("region:{c}"),
        FiguresScope::Organization(o) => format!("organisation:{o}"),
    }
}

fn period_view(p: &Period) -> PeriodView {
    PeriodView {
        from: p.first.to_string(),
        to: p.last.to_string(),
    }
}

/// The scope and period asked for; each problem is added to `p`.
fn ask(state: &AppState, viewer: &Viewer, p: &mut Params) -> Option<(FiguresChoice, Period)> {
    let idx = state.index();
    let asked = p.str("scope").unwrap_or("network").to_string();
    let (region, org) = match asked.split_once(':') {
        Some(("region", code)) => (Some(code.to_string()), None),
        Some(("organisation", id)) => (None, Some(id.to_string())),
        _ => (None, None),
    };
    let mut choice =
        figures_scope::choose(&viewer.memberships, &idx, region.as_deref(), org.as_deref());
    let wanted = match (region, org) {
        (Some(c), _) => Some(FiguresScope::Region(c)),
        (_, Some(o)) => Some(FiguresScope::Organization(o)),
        _ if asked == "network" => Some(FiguresScope::Network),
        _ => None,
    };
    if choice
        .as_ref()
        .zip(wanted.as_ref())
        .is_none_or(|(c, w)| c.scope != *w)
    {
        p.errors.push(InvalidParam {
            name: "scope".into(),
            reason: "must be network, region:{code} or organisation:{id}, one you may see".into(),
        });
        choice = None;
    }
    // A caller with a token reads aggregates only, whoever made the token.
    if let Some(c) = choice.as_mut()
        && viewer.api_scopes.is_some()
    {
        c.exact = false;
    }
    let year = chrono::Datelike::year(&state.clock.today());
    // Present but empty (`to=`) is not a date either.
    let (from, to) = (p.raw.get("from").cloned(), p.raw.get("to").cloned());
    // One day given: the rest of its year (from) or the start of it (to).
    let year_of = |d: &str| d.get(..4).unwrap_or("").to_string();
    let period = match (from, to) {
        (None, None) => Period::year(year),
        (f, t) => match Period::parse(
            &f.clone().unwrap_or_else(|| {
                format!("{}-01-01", t.as_deref().map_or(year.to_string(), year_of))
            }),
            &t.unwrap_or_else(|| {
                format!("{}-12-31", f.as_deref().map_or(year.to_string(), year_of))
            }),
        ) {
            Ok(period) => Some(period),
            Err(problems) => {
                for pr in problems {
                    p.errors.push(InvalidParam {
                        name: pr.field.into(),
                        reason: match pr.problem {
                            "before-begin" => "ends before the period begins".into(),
                            "too-long" => "the period is longer than five years".into(),
                            _ => "must be a date like 2026-01-31, from 2000 to 2100".into(),
                        },
                    });
                }
                None
            }
        },
    };
    choice.zip(period)
}

fn unit(u: Unit) -> &'static str {
    match u {
        Unit::People => "people",
        Unit::Events => "events",
        Unit::Percent => "percent",
    }
}

fn months(p: &Published) -> Vec<MonthValue> {
    p.months
        .iter()
        .map(|(m, s)| MonthValue {
            month: m.clone(),
            number: (*s).into(),
        })
        .collect()
}

fn legend(state: &AppState, lang: Lang, exact: bool) -> String {
    if exact {
        String::new()
    } else {
        state.i18n.t(lang.code(), "results-legend")
    }
}

/// Every indicator for a period (default this year) against its target and the
/// period before.
#[utoipa::path(get, path = "/api/v1/results",
    params(("scope" = Option<String>, Query, description = "network (default), region:{code} or organisation:{id}"),
           ("from" = Option<String>, Query, format = Date, description = "first day, YYYY-MM-DD; default 1 January this year"),
           ("to" = Option<String>, Query, format = Date, description = "last day, YYYY-MM-DD; default 31 December this year"),
           ("lang" = Option<String>, Query)),
    responses((status = 200, body = ResultsView),
              (status = 400, body = Problem, content_type = "application/problem+json", description = "every invalid parameter at once")))]
pub async fn list(
    State(state): State<AppState>,
    UiLang(header_lang): UiLang,
    CurrentViewer(viewer): CurrentViewer,
    RawQuery(raw): RawQuery,
) -> Response {
    let Some(viewer) = viewer else {
        return Problem::unauthorized().into_response();
    };
    let mut p = Params::parse(raw, &["scope", "from", "to", "lang"]);
    let lang = p.lang(header_lang);
    let asked = ask(&state, &viewer, &mut p);
    if let Err(problem) = p.finish() {
        return problem.into_response();
    }
    let Some((choice, period)) = asked else {
        return Problem::unavailable().into_response();
    };
    let Ok(r) = results::results(&state, &choice.scope, choice.exact, period).await else {
        return Problem::unavailable().into_response();
    };
    Json(ResultsView {
        scope: scope_code(&choice.scope),
        period: period_view(&r.period),
        previous: period_view(&r.previous),
        audience: if r.exact { "exact" } else { "aggregates" }.into(),
        counted_at: chrono::DateTime::from_timestamp(r.counted_at, 0)
            .map(|t| t.to_rfc3339())
            .unwrap_or_default(),
        legend: legend(&state, lang, r.exact),
        indicators: r
            .lines
            .iter()
            .map(|l| IndicatorResultView {
                code: l.indicator.code.clone(),
                version: l.indicator.version,
                name: l.indicator.name.get(lang).to_string(),
                unit: unit(l.indicator.unit).into(),
                value: l.now.total.into(),
                target: l.target,
                previous: l.before.total.into(),
                months: months(&l.now),
            })
            .collect(),
    })
    .into_response()
}

/// One indicator broken down by `by` (organisation, service, channel,
/// residence-country, target-group or region) against the quarters.
#[utoipa::path(get, path = "/api/v1/results/breakdown",
    params(("indicator" = String, Query, description = "an indicator's code, e.g. contacts"),
           ("by" = String, Query, description = "organisation, service, channel, residence-country, target-group or region"),
           ("scope" = Option<String>, Query), ("from" = Option<String>, Query, format = Date),
           ("to" = Option<String>, Query, format = Date), ("lang" = Option<String>, Query)),
    responses((status = 200, body = BreakdownView),
              (status = 400, body = Problem, content_type = "application/problem+json", description = "every invalid parameter at once")))]
pub async fn breakdown(
    State(state): State<AppState>,
    UiLang(header_lang): UiLang,
    CurrentViewer(viewer): CurrentViewer,
    RawQuery(raw): RawQuery,
) -> Response {
    let Some(viewer) = viewer else {
        return Problem::unauthorized().into_response();
    };
    let mut p = Params::parse(raw, &["indicator", "by", "scope", "from", "to", "lang"]);
    let lang = p.lang(header_lang);
    let asked = ask(&state, &viewer, &mut p);
    let indicator = p.str("indicator").unwrap_or_default().to_string();
    let by = p.str("by").unwrap_or_default().to_string();
    let Some((choice, period)) = asked else {
        return match p.finish() {
            Err(problem) => problem.into_response(),
            Ok(()) => Problem::unavailable().into_response(),
        };
    };
    let drilled = if p.errors.is_empty() {
        results::drill_down(&state, &choice.scope, choice.exact, period, &indicator, &by).await
    } else {
        Err(AppError::Invalid(Vec::new()))
    };
    let d = match drilled {
        Ok(d) => d,
        Err(AppError::Invalid(problems)) => {
            for pr in problems {
                p.errors.push(InvalidParam {
                    name: if pr.field == "breakdown" { "by".into() } else { pr.field.into() },
                    reason: match pr.problem {
                        "not-allowed" => "this indicator is not reported by this breakdown".into(),
                        "not-additive" => "people and percentages do not add up across rows".into(),
                        "not-a-row" => "must be organisation, service, channel, residence-country, target-group or region".into(),
                        _ => "unknown".into(),
                    },
                });
            }
            return match p.finish() {
                Err(problem) => problem.into_response(),
                Ok(()) => Problem::unavailable().into_response(),
            };
        }
        Err(_) => return Problem::unavailable().into_response(),
    };
    let t = &d.table;
    Json(BreakdownView {
        indicator: d.indicator.code.clone(),
        by: d.breakdown.code().into(),
        scope: scope_code(&choice.scope),
        period: period_view(&d.period),
        audience: if d.exact { "exact" } else { "aggregates" }.into(),
        columns: t.columns.clone(),
        rows: t
            .rows
            .iter()
            .zip(&t.cells)
            .zip(&t.row_totals)
            .map(|((key, cells), total)| BreakdownRow {
                key: key.clone(),
                cells: cells.iter().map(|c| (*c).into()).collect(),
                total: (*total).into(),
            })
            .collect(),
        column_totals: t.column_totals.iter().map(|c| (*c).into()).collect(),
        total: t.total.into(),
        legend: legend(&state, lang, d.exact),
    })
    .into_response()
}
