//! Writing to the audit and processing log: one way to build an entry from the
//! web and one way to write it, so every use case logs alike.

use crate::{App, AppResult};
use loket_domain::audit::{AuditEntry, AuditEvent, AuditResult};
use loket_store::Store;
use serde::Deserialize;

/// An entry from the web: action, object, result and actor; no data subject.
pub fn web_event(action: &str, object: String, result: AuditResult, actor: &str) -> AuditEvent {
    AuditEvent {
        action: action.into(),
        object,
        result,
        origin: "web".into(),
        actor: actor.into(),
        subject: None,
        activity: None,
    }
}

/// Appends to the audit log. A failure is logged, not shown: the person's
/// action has already happened (or been refused) and must not be undone by it.
pub async fn append(store: &dyn Store, event: AuditEvent) {
    if let Err(e) = store.append_audit(&event).await {
        tracing::error!(error = %e, action = %event.action, "writing to the audit log failed");
    }
}

impl App {
    /// Appends to the audit log (see [`append`]).
    pub async fn record_audit(&self, event: AuditEvent) {
        append(self.store.as_ref(), event).await;
    }
}

/// The platform admin's filter of the audit log (all given parts must match).
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
    pub fn matches(&self, e: &AuditEntry) -> bool {
        let day = e.at.date_naive().to_string();
        (self.action.is_empty() || e.event.action.starts_with(self.action.trim()))
            && (self.actor.is_empty() || e.event.actor == self.actor.trim())
            && (self.result.is_empty() || e.event.result.as_str() == self.result)
            && (self.from.is_empty() || day.as_str() >= self.from.as_str())
            && (self.to.is_empty() || day.as_str() <= self.to.as_str())
    }
}

/// Matching entries, newest first, at most `limit`.
pub async fn log_entries(
    app: &App,
    filter: &LogFilter,
    limit: usize,
) -> AppResult<(Vec<AuditEntry>, usize)> {
    let mut found = Vec::new();
    let mut after = 0;
    loop {
        let page = app.store.audit_entries(after, 2000).await?;
        let Some(last) = page.last() else { break };
        after = last.seq;
        found.extend(page.into_iter().filter(|e| filter.matches(e)));
    }
    let total = found.len();
    found.reverse();
    found.truncate(limit);
    Ok((found, total))
}
