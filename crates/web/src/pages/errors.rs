//! The not-found and forbidden pages in the visitor's language, and the fallback
//! for unknown paths (problem+json under `/api/`).

use crate::AppState;
use crate::pages::view::Page;
use crate::pages::view::{Layout, render};
use crate::present::tr;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use loket_domain::Lang;

#[derive(Template)]
#[template(path = "errors/not_found.html")]
pub struct NotFoundPage {
    layout: Layout,
}

pub(crate) fn not_found_page(state: &AppState, lang: Lang, uri: &axum::http::Uri) -> Response {
    let tr = tr(state, lang);
    let layout = Layout::new(
        tr.clone(),
        tr.t("notfound-title"),
        "",
        uri.path(),
        uri.query(),
    );
    render(StatusCode::NOT_FOUND, &NotFoundPage { layout })
}

#[derive(Template)]
#[template(path = "errors/forbidden.html")]
pub struct ForbiddenPage {
    layout: Layout,
    signed_in_as: Option<String>,
}

/// "You may not do this": a page in the visitor's language, status 403.
pub(crate) fn forbidden_page(
    state: &AppState,
    lang: Lang,
    uri: &axum::http::Uri,
    viewer: Option<&crate::session::Viewer>,
) -> Response {
    let tr = tr(state, lang);
    let layout = Layout::new(
        tr.clone(),
        tr.t("forbidden-title"),
        "",
        uri.path(),
        uri.query(),
    );
    let signed_in_as = viewer.map(|v| {
        tr.s(
            "forbidden-signed-in-as",
            &[("email", v.account.email.as_str().to_string())],
        )
    });
    render(
        StatusCode::FORBIDDEN,
        &ForbiddenPage {
            layout,
            signed_in_as,
        },
    )
}

/// Unknown paths: a problem+json under `/api/`, a page elsewhere.
pub async fn not_found(State(state): State<AppState>, ui: Page) -> Response {
    let Page { lang, uri, .. } = ui;
    if uri.path().starts_with("/api/") {
        return axum::response::IntoResponse::into_response(crate::problem::Problem::no_route(
            uri.path(),
        ));
    }
    not_found_page(&state, lang, &uri)
}
