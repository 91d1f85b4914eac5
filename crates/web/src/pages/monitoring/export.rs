//! The dashboard as a file: CSV in UTF-8 with commas, or with semicolons (and a
//! byte-order mark) for spreadsheets set up the Dutch way. The file states its
//! scope, period, audience, legend and when it was counted, and gives the same
//! numbers as the page (one use case counts both).

use super::query::{self, Params, scope_name};
use super::results::period_text;
use crate::AppState;
use crate::error::failure;
use crate::pages::accounts::audit_log::csv_field;
use crate::pages::view::Page;
use crate::present::Tr;
use crate::session::SignedIn;
use axum::extract::{Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use loket_app::monitoring::results::{self, Results};
use loket_domain::monitoring::Unit;
use loket_domain::monitoring::measure::Shown;
use serde::Deserialize;

#[derive(Debug, Default, Deserialize)]
pub struct Format {
    /// `csv` (commas) or `csv-puntkomma` (semicolons).
    #[serde(default)]
    formaat: String,
}

/// A number in the file: plain digits, a hidden number as the page words it.
fn value(tr: &Tr, s: Shown) -> String {
    match s {
        Shown::Count(n) => n.to_string(),
        Shown::Rate { percent, .. } => percent.to_string(),
        Shown::Hidden => tr.t("results-hidden"),
        Shown::None => String::new(),
    }
}

fn unit(tr: &Tr, u: Unit) -> String {
    tr.t(match u {
        Unit::People => "results-unit-people",
        Unit::Events => "results-unit-events",
        Unit::Percent => "results-unit-percent",
    })
}

/// The CSV text of a dashboard.
pub fn csv(tr: &Tr, lang: loket_domain::Lang, scope: &str, r: &Results, sep: char) -> String {
    let mut out = String::new();
    let mut row = |cells: &[String]| {
        out.push_str(
            &cells
                .iter()
                .map(|c| csv_field(c))
                .collect::<Vec<_>>()
                .join(&sep.to_string()),
        );
        out.push_str("\r\n");
    };
    let counted_at = chrono::DateTime::from_timestamp(r.counted_at, 0)
        .map(|t| {
            t.with_timezone(&chrono_tz::Europe::Amsterdam)
                .format("%Y-%m-%d %H:%M %Z")
                .to_string()
        })
        .unwrap_or_default();
    row(&[tr.t("results-title"), scope.to_string()]);
    row(&[tr.t("results-file-period"), period_text(tr, &r.period)]);
    row(&[tr.t("results-compared"), period_text(tr, &r.previous)]);
    row(&[
        tr.t("results-file-audience"),
        tr.t(if r.exact {
            "results-audience-exact"
        } else {
            "results-audience-aggregates"
        }),
    ]);
    if !r.exact {
        row(&[tr.t("results-file-legend"), tr.t("results-legend")]);
    }
    row(&[tr.t("results-file-counted-at"), counted_at]);
    row(&[]);
    row(&[
        tr.t("results-col-indicator"),
        tr.t("results-col-name"),
        tr.t("results-col-unit"),
        tr.t("results-col-series"),
        tr.t("results-col-period"),
        tr.t("results-col-value"),
    ]);
    let span = |p: &loket_domain::monitoring::Period| format!("{}/{}", p.first, p.last);
    for line in &r.lines {
        let i = &line.indicator;
        let head = [
            i.code.clone(),
            i.name.get(lang).to_string(),
            unit(tr, i.unit),
        ];
        let mut put = |series: &str, period: String, v: String| {
            let mut cells = head.to_vec();
            cells.extend([tr.t(series), period, v]);
            row(&cells);
        };
        put(
            "results-series-total",
            span(&r.period),
            value(tr, line.now.total),
        );
        put(
            "results-series-before",
            span(&r.previous),
            value(tr, line.before.total),
        );
        if let (Some(t), Some(y)) = (line.target, r.target_year) {
            put("results-series-target", y.to_string(), t.to_string());
        }
        for (month, s) in &line.now.months {
            put("results-series-month", month.clone(), value(tr, *s));
        }
    }
    out
}

pub async fn download(
    State(state): State<AppState>,
    ui: Page,
    SignedIn(viewer): SignedIn,
    Query(params): Query<Params>,
    Query(format): Query<Format>,
) -> Response {
    let Some(asked) = query::ask(&state, &ui.tr, &viewer.memberships, &params) else {
        return crate::pages::errors::forbidden_page(&state, ui.lang, &ui.uri, Some(&viewer));
    };
    if !asked.errors.is_empty() {
        return super::results::show(&state, ui, &viewer, &params).await;
    }
    let r = match results::results(
        &state,
        &asked.choice.scope,
        asked.choice.exact,
        asked.period,
    )
    .await
    {
        Ok(r) => r,
        Err(e) => return failure(e),
    };
    let idx = state.index();
    let scope = scope_name(&ui.tr, &idx, ui.lang, &asked.choice.scope);
    let semicolon = format.formaat == "csv-puntkomma";
    let mut body = if semicolon {
        "\u{feff}".to_string()
    } else {
        String::new()
    };
    body.push_str(&csv(
        &ui.tr,
        ui.lang,
        &scope,
        &r,
        if semicolon { ';' } else { ',' },
    ));
    let name = format!(
        "attachment; filename=\"loket-resultaten-{}-{}.csv\"",
        r.period.first, r.period.last
    );
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
            (header::CONTENT_DISPOSITION, name),
            (header::CACHE_CONTROL, "no-store".to_string()),
        ],
        body,
    )
        .into_response()
}
