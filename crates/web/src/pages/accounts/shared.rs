//! What the sign-in pages share: form names, the frame, redirects with cookies.

use crate::pages::view::Layout;
use crate::present::Tr;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Redirect, Response};

pub(crate) const SIGN_IN_FORM: &str = "sign-in";
pub(crate) const FORGOT_FORM: &str = "forgot-password";
pub(crate) const SET_PASSWORD_FORM: &str = "set-password";

pub(crate) fn layout(tr: &Tr, title_key: &str, uri: &axum::http::Uri) -> Layout {
    Layout::new(tr.clone(), tr.t(title_key), "", uri.path(), uri.query())
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
    crate::present::query_string(&[("next", next)])
}
