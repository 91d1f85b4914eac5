//! What the staff area's pages share: their frame and the audit entry of a
//! signed-in person's action.

use crate::AppState;
use crate::pages::view::Layout;
use crate::present::Tr;
use loket_domain::audit::AuditResult;

pub(crate) fn layout(tr: &Tr, title: String, uri: &axum::http::Uri) -> Layout {
    Layout::new(tr.clone(), title, "staff", uri.path(), uri.query())
}

/// A successful action by a signed-in person, to the audit log.
pub(crate) async fn audit(state: &AppState, action: &str, object: String, actor: &str) {
    state
        .record_audit(loket_app::audit::web_event(
            action,
            object,
            AuditResult::Success,
            actor,
        ))
        .await;
}
