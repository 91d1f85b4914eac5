//! Writing to the audit and processing log: one way to build an entry from the
//! web and one way to write it, so every use case logs alike.

use crate::App;
use loket_domain::audit::{AuditEvent, AuditResult};
use loket_store::Store;

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
