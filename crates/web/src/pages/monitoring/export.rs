//! The dashboard as a file, in one click: CSV in UTF-8 with commas, CSV with
//! semicolons (and a byte-order mark) for spreadsheets set up the Dutch way,
//! an Excel workbook, or a PDF made on the server. Each states its scope,
//! period, audience, legend and when it was counted, and gives the same numbers
//! as the page (one use case counts both; `report` words them).

use super::query::{self, Params, scope_name};
use super::report::report;
use crate::AppState;
use crate::error::failure;
use crate::pages::view::Page;
use crate::session::SignedIn;
use axum::extract::{Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use loket_app::monitoring::results;
use serde::Deserialize;

#[derive(Debug, Default, Deserialize)]
pub struct Format {
    /// `csv` (commas), `csv-puntkomma` (semicolons), `xlsx` or `pdf`.
    #[serde(default)]
    formaat: String,
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
    let doc = report(&ui.tr, ui.lang, &scope, &r);
    let name = format!("loket-resultaten-{}-{}", r.period.first, r.period.last);
    let (content_type, extension, body): (&str, &str, Vec<u8>) = match format.formaat.as_str() {
        "csv-puntkomma" => (
            "text/csv; charset=utf-8",
            "csv",
            loket_reports::to_csv(&doc, ';').into_bytes(),
        ),
        "xlsx" => match loket_reports::to_xlsx(&doc) {
            Ok(bytes) => (
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "xlsx",
                bytes,
            ),
            Err(e) => {
                tracing::error!(error = %e, "results workbook");
                return failure(loket_app::AppError::Unavailable(e.to_string()));
            }
        },
        "pdf" => ("application/pdf", "pdf", loket_reports::to_pdf(&doc)),
        _ => (
            "text/csv; charset=utf-8",
            "csv",
            loket_reports::to_csv(&doc, ',').into_bytes(),
        ),
    };
    (
        [
            (header::CONTENT_TYPE, content_type.to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}.{extension}\""),
            ),
            (header::CACHE_CONTROL, "no-store".to_string()),
        ],
        body,
    )
        .into_response()
}
