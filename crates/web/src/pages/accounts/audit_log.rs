use crate::AppState;
use crate::error::failure;
use crate::lang::UiLang;
use crate::pages::staff::{audit, layout};
use crate::pages::view::tr;
use crate::pages::view::{Layout, Opt, render};
use crate::session::SignedIn;
use askama::Template;
use axum::extract::{OriginalUri, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use loket_domain::audit::AuditEntry;
use loket_store::StoreError;
use serde::Deserialize;

// ------------------------------------------------------------- audit log

#[derive(Debug, Default, Deserialize, Clone)]
#[serde(default)]
pub struct LogFilter {
    pub action: String,
    pub actor: String,
    pub result: String,
    pub from: String,
    pub to: String,
}

impl LogFilter {
    fn matches(&self, e: &AuditEntry) -> bool {
        let day = e.at.date_naive().to_string();
        (self.action.is_empty() || e.event.action.starts_with(self.action.trim()))
            && (self.actor.is_empty() || e.event.actor == self.actor.trim())
            && (self.result.is_empty() || e.event.result.as_str() == self.result)
            && (self.from.is_empty() || day.as_str() >= self.from.as_str())
            && (self.to.is_empty() || day.as_str() <= self.to.as_str())
    }

    fn query(&self) -> String {
        crate::pages::view::query_string(&[
            ("action", &self.action),
            ("actor", &self.actor),
            ("result", &self.result),
            ("from", &self.from),
            ("to", &self.to),
        ])
    }
}

/// Matching entries, newest first, at most `limit`.
pub(crate) async fn log_entries(
    state: &AppState,
    filter: &LogFilter,
    limit: usize,
) -> Result<(Vec<AuditEntry>, usize), StoreError> {
    let mut found = Vec::new();
    let mut after = 0;
    loop {
        let page = state.store.audit_entries(after, 2000).await?;
        let Some(last) = page.last() else { break };
        after = last.seq;
        found.extend(page.into_iter().filter(|e| filter.matches(e)));
    }
    let total = found.len();
    found.reverse();
    found.truncate(limit);
    Ok((found, total))
}

#[derive(Template)]
#[template(path = "audit_log.html")]
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
    UiLang(lang): UiLang,
    OriginalUri(uri): OriginalUri,
    Query(filter): Query<LogFilter>,
) -> Response {
    let tr = tr(&state, lang);
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
            csv_link: format!("/beheer/logboek.csv?{}", filter.query()),
            filter,
            entries,
            total,
            results,
        },
    )
}

pub(crate) fn csv_field(s: &str) -> String {
    // Quote everything; a leading = + - @ is neutralised so spreadsheets do not run it.
    let s = if s.starts_with(['=', '+', '-', '@']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
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
        format!("audit-log {}", filter.query()),
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
