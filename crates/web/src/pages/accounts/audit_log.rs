//! The platform admin's audit log: filters, paging and the CSV export
//! (formulas neutralised).

use crate::AppState;
use crate::error::failure;
use crate::pages::staff::{audit, layout};
use crate::pages::view::Page;
use crate::pages::view::{Layout, Opt, render};
use crate::session::SignedIn;
use askama::Template;
use axum::extract::{Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use loket_app::audit::{LogFilter, log_entries};
use loket_domain::audit::AuditEntry;

// ------------------------------------------------------------- audit log

/// The filter as a query string, for the next page and the CSV link.
fn filter_query(f: &LogFilter) -> String {
    crate::present::query_string(&[
        ("action", &f.action),
        ("actor", &f.actor),
        ("result", &f.result),
        ("from", &f.from),
        ("to", &f.to),
    ])
}

#[derive(Template)]
#[template(path = "accounts/audit_log.html")]
pub struct AuditLogPage {
    layout: Layout,
    filter: LogFilter,
    entries: Vec<AuditEntry>,
    total: usize,
    csv_link: String,
    results: Vec<Opt>,
}

pub async fn audit_log(
    State(state): State<AppState>,
    ui: Page,
    Query(filter): Query<LogFilter>,
) -> Response {
    let Page { tr, uri, .. } = ui;
    let (entries, total) = match log_entries(&state, &filter, 200).await {
        Ok(r) => r,
        Err(e) => return failure(e),
    };
    let results = ["", "success", "denied", "failed"]
        .into_iter()
        .map(|r| Opt {
            value: r.into(),
            label: if r.is_empty() {
                tr.t("log-any")
            } else {
                r.into()
            },
            selected: filter.result == r,
        })
        .collect();
    render(
        StatusCode::OK,
        &AuditLogPage {
            layout: layout(&tr, tr.t("log-title"), &uri),
            csv_link: format!("/beheer/logboek.csv?{}", filter_query(&filter)),
            filter,
            entries,
            total,
            results,
        },
    )
}

pub(crate) fn csv_field(s: &str) -> String {
    // Quote everything; formulas become text (loket_domain::spreadsheet).
    let s = loket_domain::spreadsheet::cell(s);
    format!("\"{}\"", s.replace('"', "\"\""))
}

pub async fn audit_log_csv(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Query(filter): Query<LogFilter>,
) -> Response {
    let (entries, _) = match log_entries(&state, &filter, usize::MAX).await {
        Ok(r) => r,
        Err(e) => return failure(e),
    };
    let mut out =
        String::from("seq,at,action,object,result,origin,actor,subject,activity,hash\r\n");
    for e in entries.iter().rev() {
        let row = [
            e.seq.to_string(),
            e.at.to_rfc3339(),
            e.event.action.clone(),
            e.event.object.clone(),
            e.event.result.as_str().to_string(),
            e.event.origin.clone(),
            e.event.actor.clone(),
            e.event.subject.clone().unwrap_or_default(),
            e.event.activity.clone().unwrap_or_default(),
            e.hash.clone(),
        ];
        out.push_str(
            &row.iter()
                .map(|f| csv_field(f))
                .collect::<Vec<_>>()
                .join(","),
        );
        out.push_str("\r\n");
    }
    audit(
        &state,
        "audit-log.export",
        format!("audit-log {}", filter_query(&filter)),
        &viewer.account.id,
    )
    .await;
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"loket-logboek.csv\"",
            ),
            (header::CACHE_CONTROL, "no-store"),
        ],
        out,
    )
        .into_response()
}
