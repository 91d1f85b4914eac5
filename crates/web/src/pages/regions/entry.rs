//! `GET /regio`: the national entry. A postcode or municipality, in the Netherlands
//! or across the border, leads to the front door of the region that serves it; a
//! place no live region serves yet is told so, with every region and the general
//! front door to choose from.

use crate::AppState;
use crate::pages::view::{Layout, Page, render};
use crate::present::names::area_name;
use askama::Template;
use axum::extract::{Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use loket_app::regions::entry::{Entry, find};
use serde::Deserialize;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct EntryQuery {
    pub plaats: Option<String>,
}

pub struct RegionLink {
    pub name: String,
    pub href: String,
}

#[derive(Template)]
#[template(path = "regions/entry.html")]
pub struct EntryPage {
    layout: Layout,
    place: String,
    error: Option<String>,
    regions: Vec<RegionLink>,
}

pub async fn page(
    State(state): State<AppState>,
    ui: Page,
    query: Result<Query<EntryQuery>, axum::extract::rejection::QueryRejection>,
) -> Response {
    let Page { lang, tr, uri } = ui;
    let idx = state.index();
    let asked: Option<String> = query
        .ok()
        .and_then(|Query(q)| q.plaats)
        .map(|p| p.chars().take(100).collect());
    let error = match asked.as_deref().map(|text| find(&idx, text)) {
        None => None,
        Some(Entry::Region { code, .. }) => {
            let location = format!("/regio/{code}/voordeur?lang={}", lang.code());
            return (StatusCode::SEE_OTHER, [(header::LOCATION, location)]).into_response();
        }
        Some(Entry::Empty) => Some(tr.t("region-entry-error-empty")),
        Some(Entry::Unknown) => Some(tr.s(
            "region-entry-error-unknown",
            &[("text", asked.clone().unwrap_or_default())],
        )),
        Some(Entry::Outside { place }) => {
            let name = if idx.areas.is_known(&place) {
                area_name(&idx, &place, lang)
            } else {
                place
            };
            Some(tr.s("region-entry-error-outside", &[("place", name)]))
        }
    };
    let mut regions: Vec<RegionLink> = idx
        .regions
        .live()
        .map(|r| RegionLink {
            name: r.name.get(lang).to_string(),
            href: format!("{}?lang={}", r.path(), lang.code()),
        })
        .collect();
    tr.sort_by_key(&mut regions, |r| &r.name);
    let status = if error.is_some() {
        StatusCode::BAD_REQUEST
    } else {
        StatusCode::OK
    };
    let page = EntryPage {
        layout: Layout::new(
            tr.clone(),
            tr.t("region-entry-title"),
            "front-door",
            uri.path(),
            uri.query(),
        ),
        place: asked.unwrap_or_default(),
        error,
        regions,
    };
    render(status, &page)
}
