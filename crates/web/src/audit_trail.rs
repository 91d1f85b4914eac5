//! Writing to the audit and processing log from the web tier: one way to build
//! an entry and one way to write it, so every page logs alike.

use crate::AppState;
use loket_domain::audit::{AuditEvent, AuditResult};

/// An entry from the web: action, object, result and actor; no data subject.
pub(crate) fn web_event(
    action: &str,
    object: String,
    result: AuditResult,
    actor: &str,
) -> AuditEvent {
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

impl AppState {
    /// Appends to the audit log. A failure is logged, not shown: the person's
    /// action has already happened (or been refused) and must not be undone by it.
    pub(crate) async fn record_audit(&self, event: AuditEvent) {
        if let Err(e) = self.store.append_audit(&event).await {
            tracing::error!(error = %e, action = %event.action, "writing to the audit log failed");
        }
    }
}
