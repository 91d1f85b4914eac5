//! A region's public pages: its home (what it is, its front door, its menu with the
//! partner behind each service, its open feed), its front door (the same engine over
//! its menu, in its wording) and its look as design tokens.

use crate::AppState;
use crate::error::failure;
use crate::pages::front_door::visitor::{Door, question_at, result_at};
use crate::pages::view::{Layout, Page, render};
use askama::Template;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use loket_app::AppError;
use loket_domain::region::LabourMarketRegion;
use loket_domain::search::CatalogueIndex;

pub struct MenuRow {
    pub href: String,
    pub name: String,
    pub name_lang: &'static str,
    pub contributor: String,
}

#[derive(Template)]
#[template(path = "regions/home.html")]
pub struct HomePage {
    layout: Layout,
    intro: String,
    start: String,
    menu_title: String,
    menu: Vec<MenuRow>,
    /// Its open HSDS feed.
    feed: String,
}

/// A live region, or `None` (unknown and draft regions are not public).
fn live<'i>(idx: &'i CatalogueIndex, code: &str) -> Option<&'i LabourMarketRegion> {
    idx.regions.get(code).filter(|r| r.is_live())
}

/// `GET /regio/{code}`.
pub async fn page(State(state): State<AppState>, ui: Page, Path(code): Path<String>) -> Response {
    let Page { lang, tr, uri } = ui;
    let idx = state.index();
    let Some(region) = live(&idx, &code) else {
        return failure(AppError::NotFound);
    };
    let name = region.name.get(lang).to_string();
    let mut menu: Vec<MenuRow> = region
        .menu
        .iter()
        .filter_map(|entry| {
            let s = idx.service(&entry.service)?;
            Some(MenuRow {
                href: format!("/diensten/{}?lang={}", s.id, lang.code()),
                name: s.name.get(lang).to_string(),
                name_lang: s.name.resolved_lang(lang).code(),
                contributor: idx
                    .organization(&entry.contributor)
                    .map(|o| o.name.clone())
                    .unwrap_or_default(),
            })
        })
        .collect();
    tr.sort_by_key(&mut menu, |m| &m.name);
    let page = HomePage {
        layout: Layout::new(
            tr.clone(),
            name.clone(),
            "front-door",
            uri.path(),
            uri.query(),
        )
        .in_region(region),
        intro: tr.s("region-home-intro", &[("region", name.clone())]),
        start: format!("{}/voordeur?lang={}", region.path(), lang.code()),
        menu_title: tr.s("region-home-menu", &[("region", name)]),
        menu,
        feed: format!("/api/v1/regions/{}/services", region.code),
    };
    render(StatusCode::OK, &page)
}

/// `GET /regio/{code}/voordeur`: the region's front door.
pub async fn question(
    State(state): State<AppState>,
    ui: Page,
    Path(code): Path<String>,
    query: Result<Query<Vec<(String, String)>>, QueryRejection>,
) -> Response {
    if live(&state.index(), &code).is_none() {
        return failure(AppError::NotFound);
    }
    question_at(&state, ui, query, &Door::of_region(&code))
}

/// `GET /regio/{code}/voordeur/resultaat`.
pub async fn result(
    State(state): State<AppState>,
    ui: Page,
    Path(code): Path<String>,
    query: Result<Query<Vec<(String, String)>>, QueryRejection>,
) -> Response {
    if live(&state.index(), &code).is_none() {
        return failure(AppError::NotFound);
    }
    result_at(&state, ui, query, &Door::of_region(&code)).await
}

/// `GET /regio/{code}/look.css`: the region's colour as design tokens (the
/// deployment's when the region has none).
pub async fn look_css(State(state): State<AppState>, Path(code): Path<String>) -> Response {
    let idx = state.index();
    let Some(region) = idx.regions.get(&code) else {
        return failure(AppError::NotFound);
    };
    let css = match region.colour() {
        Some(c) => c.tokens(),
        None => state.look.tokens(),
    };
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=300"),
        ],
        css,
    )
        .into_response()
}
