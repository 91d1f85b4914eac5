use crate::AppState;
use crate::pages::view::{Layout, render};
use crate::present::Tr;
use crate::present::tr;
use askama::Template;
use axum::http::StatusCode;
use axum::response::Response;
use loket_domain::Lang;
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

#[derive(Template)]
#[template(path = "csrf_refused.html")]
pub struct CsrfRefusedPage {
    layout: Layout,
}

/// A form without a valid token: 403, and nothing done.
pub(crate) fn csrf_refused(state: &AppState, lang: Lang) -> Response {
    let tr = tr(state, lang);
    let layout = Layout::new(tr.clone(), tr.t("csrf-title"), "", "/beheer", None);
    render(StatusCode::FORBIDDEN, &CsrfRefusedPage { layout })
}

pub(crate) fn pairs_value<'a>(pairs: &'a [(String, String)], key: &str) -> &'a str {
    pairs
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
        .unwrap_or("")
}
