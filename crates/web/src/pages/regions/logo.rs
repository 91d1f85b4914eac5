//! A region's logo: the image in its pages' header (`/regio/{code}/logo`, public),
//! and its coordinator's upload or removal (`/beheer/regio/{code}/logo`, a PNG or
//! SVG file; the file's bytes decide, and a refusal is shown next to the field).

use super::manage::{Shown, answer};
use crate::AppState;
use crate::pages::forms::{csrf_refused, pairs_value, read_upload};
use crate::pages::view::Page;
use crate::session::SignedIn;
use axum::extract::{Multipart, Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use loket_app::AppError;
use loket_app::regions::menu::{self, Change};

/// `GET /regio/{code}/logo`: the image, or 404 when the region has none.
pub async fn image(State(state): State<AppState>, Path(code): Path<String>) -> Response {
    let idx = state.index();
    let Some(logo) = idx.regions.get(&code).and_then(|r| r.look.logo.as_ref()) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    match logo.bytes() {
        Ok(bytes) => (
            [
                (header::CONTENT_TYPE, logo.media_type.clone()),
                (header::CACHE_CONTROL, "public, max-age=300".to_string()),
            ],
            bytes,
        )
            .into_response(),
        // Checked when saved; a record changed behind our back shows no logo.
        Err(_) => StatusCode::NOT_FOUND.into_response(),
    }
}

/// `POST /beheer/regio/{code}/logo`: a new logo, or `remove=1` to go back to the name alone.
pub async fn save(
    State(state): State<AppState>,
    ui: Page,
    SignedIn(viewer): SignedIn,
    Path(code): Path<String>,
    multipart: Result<Multipart, axum::extract::multipart::MultipartRejection>,
) -> Response {
    let Page { lang, tr, uri } = ui;
    let Ok(multipart) = multipart else {
        return csrf_refused(&state, lang);
    };
    let upload = read_upload(multipart, "logo").await;
    if !state.form_token_ok(&viewer, pairs_value(&upload.pairs, "token")) {
        return csrf_refused(&state, lang);
    }
    let expected: i64 = pairs_value(&upload.pairs, "version").parse().unwrap_or(-1);
    let refused = |problem: &'static str| Err(AppError::invalid("look.logo", problem));
    let outcome = if upload.too_large {
        refused("logo-too-large")
    } else if pairs_value(&upload.pairs, "remove") == "1" {
        menu::change(
            &state,
            &code,
            Change::Logo(None),
            expected,
            &viewer.account.id,
        )
        .await
    } else if let Some(bytes) = upload.file {
        let change = Change::Logo(Some(bytes));
        menu::change(&state, &code, change, expected, &viewer.account.id).await
    } else {
        refused("logo-missing")
    };
    let shown = Shown {
        tr: &tr,
        uri: &uri,
        viewer: &viewer,
    };
    answer(&state, &shown, &code, outcome, None).await
}
