//! Labour-market regions in the API: the live regions, the national entry as a
//! lookup (a postcode or municipality → its region), and each region's open HSDS
//! feed of the services on its menu (its own and the national ones).

use super::{Params, json, services_page};
use crate::AppState;
use crate::lang::UiLang;
use crate::problem::{InvalidParam, Problem};
use axum::extract::{Path, RawQuery, State};
use axum::response::{IntoResponse, Response};
use loket_app::regions::entry::{Entry, find};
use loket_domain::Lang;
use loket_domain::region::LabourMarketRegion;

/// A live labour-market region.
#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
pub struct RegionView {
    pub code: String,
    pub name: String,
    /// Its front door (a path on this server).
    pub front_door: String,
    /// Its services as HSDS (a path on this server).
    pub services: String,
    /// Dutch municipalities (CBS codes).
    pub municipalities: Vec<String>,
    /// German and Belgian areas it serves.
    pub areas_abroad: Vec<String>,
    /// The languages its front door offers.
    pub languages: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub host: Option<String>,
}

#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
pub struct RegionList {
    pub items: Vec<RegionView>,
}

/// Where a place leads.
#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
pub struct RegionLookup {
    pub region: RegionView,
    /// The municipality the place was found as (CBS, AGS or NIS code).
    pub municipality: Option<String>,
}

fn view(r: &LabourMarketRegion, lang: Lang) -> RegionView {
    RegionView {
        code: r.code.clone(),
        name: r.name.get(lang).to_string(),
        front_door: format!("{}/voordeur", r.path()),
        services: format!("/api/v1/regions/{}/services", r.code),
        municipalities: r.municipalities.clone(),
        areas_abroad: r.areas_abroad.clone(),
        languages: r.languages.iter().map(|l| l.code().to_string()).collect(),
        host: r.host.clone(),
    }
}

/// The live labour-market regions.
#[utoipa::path(get, path = "/api/v1/regions",
    params(("lang" = Option<String>, Query, description = "nl, en, de, fr, pl, ro or bg; else Accept-Language")),
    responses((status = 200, body = RegionList), (status = 400, body = Problem, content_type = "application/problem+json")))]
pub async fn list(
    State(state): State<AppState>,
    UiLang(header_lang): UiLang,
    RawQuery(raw): RawQuery,
) -> Response {
    let p = Params::parse(raw, &["lang"]);
    let lang = p.lang(header_lang);
    if let Err(problem) = p.finish() {
        return problem.into_response();
    }
    let idx = state.index();
    json(RegionList {
        items: idx.regions.live().map(|r| view(r, lang)).collect(),
    })
}

/// The region whose front door serves a place: a postcode (`6041 AB`, `52062`, `3620`)
/// or a municipality's name in any language (`Roermond`, `Aken`).
#[utoipa::path(get, path = "/api/v1/regions/lookup",
    params(("place" = String, Query, description = "A postcode or a municipality's name"),
           ("lang" = Option<String>, Query)),
    responses((status = 200, body = RegionLookup),
              (status = 400, body = Problem, content_type = "application/problem+json", description = "a parameter is missing or unknown"),
              (status = 404, body = Problem, content_type = "application/problem+json", description = "no live region serves the place, or loket does not know it")))]
pub async fn lookup(
    State(state): State<AppState>,
    UiLang(header_lang): UiLang,
    RawQuery(raw): RawQuery,
) -> Response {
    let mut p = Params::parse(raw, &["place", "lang"]);
    let lang = p.lang(header_lang);
    let place: String = p
        .str("place")
        .unwrap_or_default()
        .chars()
        .take(100)
        .collect();
    let idx = state.index();
    let entry = find(&idx, &place);
    // Every problem of the request at once: a missing place among the parameters'.
    if !p.raw.contains_key("place") {
        p.errors.push(InvalidParam {
            name: "place".into(),
            reason: "give a postcode or a municipality's name".into(),
        });
    }
    if let Err(problem) = p.finish() {
        return problem.into_response();
    }
    match entry {
        Entry::Region { code, municipality } => match idx.regions.get(&code) {
            Some(r) => json(RegionLookup {
                region: view(r, lang),
                municipality,
            }),
            None => Problem::not_found("region", &code).into_response(),
        },
        Entry::Outside { place } => Problem::plain(
            404,
            "Not Found",
            format!("no live region on loket serves {place} (yet)"),
        )
        .into_response(),
        // A place nobody knows is not found, like an unknown id.
        Entry::Empty | Entry::Unknown => Problem::plain(
            404,
            "Not Found",
            format!("{place:?} is neither a postcode nor a municipality loket knows"),
        )
        .into_response(),
    }
}

/// A live region's services as HSDS: those on its menu and the national ones, with
/// the same parameters as `/api/v1/services`.
#[utoipa::path(get, path = "/api/v1/regions/{code}/services",
    params(("code" = String, Path),
        ("search" = Option<String>, Query), ("page" = Option<usize>, Query), ("per_page" = Option<usize>, Query),
        ("taxonomy_term_id" = Option<String>, Query), ("taxonomy_id" = Option<String>, Query),
        ("organization_id" = Option<String>, Query), ("modified_after" = Option<String>, Query),
        ("full" = Option<bool>, Query), ("minimal" = Option<bool>, Query), ("lang" = Option<String>, Query)),
    responses((status = 200, body = super::HsdsPage<super::hsds::HsdsServiceSummary>),
              (status = 400, body = Problem, content_type = "application/problem+json"),
              (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn services(
    State(state): State<AppState>,
    UiLang(header_lang): UiLang,
    Path(code): Path<String>,
    RawQuery(raw): RawQuery,
) -> Response {
    let idx = state.index();
    match idx.regions.get(&code).filter(|r| r.is_live()) {
        Some(region) => services_page(&state, header_lang, raw, Some(region)),
        None => Problem::not_found("region", &code).into_response(),
    }
}
