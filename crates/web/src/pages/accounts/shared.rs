use crate::AppState;
use crate::pages::view::{Layout, Tr};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Redirect, Response};
use loket_domain::audit::AuditResult;

pub(crate) const SIGN_IN_FORM: &str = "sign-in";
pub(crate) const FORGOT_FORM: &str = "forgot-password";
pub(crate) const SET_PASSWORD_FORM: &str = "set-password";
pub(crate) const RESET_VALID_SECS: i64 = 60 * 60;
pub const INVITATION_VALID_SECS: i64 = 7 * 24 * 60 * 60;

pub(crate) fn layout(tr: &Tr, title_key: &str, uri: &axum::http::Uri) -> Layout {
    Layout::new(tr.clone(), tr.t(title_key), "", uri.path(), uri.query())
}

pub(crate) async fn audit(
    state: &AppState,
    action: &str,
    object: String,
    result: AuditResult,
    actor: &str,
) {
    state
        .record_audit(loket_app::audit::web_event(action, object, result, actor))
        .await;
}

pub(crate) fn with_cookie(mut res: Response, cookie: Option<HeaderValue>) -> Response {
    if let Some(c) = cookie {
        res.headers_mut().append(header::SET_COOKIE, c);
    }
    res
}

pub(crate) fn go(to: &str) -> Response {
    Redirect::to(to).into_response()
}

pub(crate) fn next_query(next: &str) -> String {
    crate::pages::view::query_string(&[("next", next)])
}
