//! The JSON API under `/api/v1`, following the HSDS 3.1 API profile and the Dutch
//! API Design Rules: every invalid parameter is named in one problem+json answer.

mod bodies;
mod contacts;
mod contract;
mod crossborder;
mod events;
mod front_door;
pub mod hsds;
mod openapi;
pub(crate) mod referrals;
mod regions;
mod results;
pub(crate) mod talent;

use crate::AppState;
use crate::lang::UiLang;
use crate::problem::{InvalidParam, Problem};
use crate::routes::{Access, RouteTable, Scope};
use axum::Json;
use axum::extract::{Path, RawQuery, State};
use axum::handler::Handler;
use axum::response::{IntoResponse, Response};
use hsds::HsdsPage;
use loket_domain::policy::Action;
use loket_domain::search::{CatalogueIndex, SearchQuery};
use loket_domain::{Lang, TaxonomyKind};
use std::collections::HashMap;

pub(crate) fn routes(table: RouteTable) -> RouteTable {
    use Access::{Allowed, Public};
    results::routes(table)
        .get("/api/v1", Public, api_root)
        .get("/api/v1/", Public, api_root)
        .get("/api/v1/openapi.json", Public, openapi::document)
        .get("/api/v1/services", Public, list_services)
        .get("/api/v1/services/{id}", Public, get_service)
        .get("/api/v1/organizations", Public, list_organizations)
        .get("/api/v1/organizations/{id}", Public, get_organization)
        .get("/api/v1/taxonomies", Public, list_taxonomies)
        .get("/api/v1/taxonomies/{id}", Public, get_taxonomy)
        .get("/api/v1/taxonomy_terms", Public, list_terms)
        .get("/api/v1/taxonomy_terms/{id}", Public, get_term)
        .get(
            "/api/v1/service_at_locations",
            Public,
            list_service_at_locations,
        )
        .get(
            "/api/v1/service_at_locations/{id}",
            Public,
            get_service_at_location,
        )
        .get("/api/v1/catalogue", Public, catalogue_document)
        .get("/api/v1/regions", Public, regions::list)
        .get("/api/v1/regions/lookup", Public, regions::lookup)
        .get("/api/v1/regions/{code}/services", Public, regions::services)
        .get(
            "/api/v1/front-door/questions",
            Public,
            front_door::questions,
        )
        .post("/api/v1/front-door/routes", Public, front_door::routes)
        .post("/api/v1/cross-border/explain", Public, crossborder::explain)
        .get("/api/v1/events", Public, events::list)
        .get("/api/v1/events/{id}", Public, events::get)
        .post(
            "/api/v1/contacts",
            Allowed(Action::RegisterContact, Scope::Network),
            contacts::create_contact,
        )
        .get(
            "/api/v1/referrals",
            Allowed(Action::HandleReferrals, Scope::Network),
            referrals::list,
        )
        .post(
            "/api/v1/referrals",
            Allowed(Action::HandleReferrals, Scope::Network),
            referrals::create,
        )
        .get(
            "/api/v1/referrals/{id}",
            Allowed(Action::HandleReferrals, Scope::ReferralInPath),
            referrals::get,
        )
        .post(
            "/api/v1/referrals/{id}/transitions",
            Allowed(Action::HandleReferrals, Scope::ReferralInPath),
            referrals::transition,
        )
        .get("/api/v1/esco/suggest", Public, talent::suggest)
        .post(
            "/api/v1/employers/{id}/vacancies",
            Allowed(Action::ManageVacancies, Scope::EmployerInPath),
            talent::create_vacancy,
        )
        .post(
            "/api/v1/candidates",
            Allowed(Action::MatchTalent, Scope::TalentProgramme),
            talent::create_candidate.layer(axum::extract::DefaultBodyLimit::max(
                talent::MAX_CANDIDATE_BODY_BYTES,
            )),
        )
        .get(
            "/api/v1/vacancies/{id}/matches",
            Allowed(Action::MatchTalent, Scope::TalentProgramme),
            talent::matches,
        )
        .post(
            "/api/v1/vacancies/{id}/introductions",
            Allowed(Action::MatchTalent, Scope::TalentProgramme),
            talent::propose,
        )
        .get(
            "/api/v1/front-door/insights",
            Allowed(Action::ViewAggregates, Scope::Network),
            front_door::insights,
        )
}

/// `Query<T>` whose refusal (a repeated or malformed parameter) is a problem+json
/// 400 like every other invalid parameter, not axum's plain text.
pub(crate) struct ApiQuery<T>(pub T);

impl<T, S> axum::extract::FromRequestParts<S> for ApiQuery<T>
where
    T: serde::de::DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        _: &S,
    ) -> Result<Self, Self::Rejection> {
        axum::extract::Query::<T>::try_from_uri(&parts.uri)
            .map(|axum::extract::Query(t)| ApiQuery(t))
            .map_err(|e| {
                Problem::bad_request(vec![InvalidParam {
                    name: "query".into(),
                    reason: e.body_text(),
                }])
                .into_response()
            })
    }
}

/// Parsed and checked query parameters; collects every problem before answering.
pub(crate) struct Params {
    pub(crate) raw: HashMap<String, String>,
    pub(crate) errors: Vec<InvalidParam>,
}

impl Params {
    pub(crate) fn parse(raw: Option<String>, allowed: &[&str]) -> Self {
        let mut map = HashMap::new();
        let mut errors = Vec::new();
        let pairs: Vec<(String, String)> = serde_urlencoded_pairs(raw.as_deref().unwrap_or(""));
        for (k, v) in pairs {
            if !allowed.contains(&k.as_str()) && k != "lang" {
                errors.push(InvalidParam {
                    name: k.clone(),
                    reason: format!("unknown parameter; allowed: {}", allowed.join(", ")),
                });
            }
            map.insert(k, v);
        }
        let mut p = Params { raw: map, errors };
        if let Some(l) = p.raw.get("lang")
            && l.parse::<Lang>().is_err()
        {
            p.errors.push(InvalidParam {
                name: "lang".into(),
                reason: "must be one of nl, en, de, fr, pl, ro, bg".into(),
            });
        }
        if let Some(f) = p.raw.get("format")
            && f != "json"
        {
            p.errors.push(InvalidParam {
                name: "format".into(),
                reason: "only json is supported".into(),
            });
        }
        p
    }

    pub(crate) fn str(&self, name: &str) -> Option<&str> {
        self.raw
            .get(name)
            .map(|s| s.as_str())
            .filter(|s| !s.is_empty())
    }

    fn int(&mut self, name: &str, default: usize, min: usize, max: usize) -> usize {
        // Present but empty (`per_page=`) is not a number either.
        match self.raw.get(name).map(String::as_str) {
            None => default,
            Some(v) => match v.parse::<usize>() {
                Ok(n) if (min..=max).contains(&n) => n,
                _ => {
                    self.errors.push(InvalidParam {
                        name: name.into(),
                        reason: format!("must be a whole number from {min} to {max}"),
                    });
                    default
                }
            },
        }
    }

    fn boolean(&mut self, name: &str) -> bool {
        match self.raw.get(name).map(String::as_str) {
            None | Some("false") => false,
            Some("true") => true,
            Some(_) => {
                self.errors.push(InvalidParam {
                    name: name.into(),
                    reason: "must be true or false".into(),
                });
                false
            }
        }
    }

    fn text(&mut self, name: &str) -> Option<String> {
        let v = self.str(name)?.to_string();
        if v.chars().count() > 200 {
            self.errors.push(InvalidParam {
                name: name.into(),
                reason: "must be at most 200 characters".into(),
            });
            return None;
        }
        Some(v)
    }

    /// `taxonomy_id`: a taxonomy's id or its code (`topic`, `target-group`, `channel`).
    /// `Err(())` for one that does not exist: a filter that nothing matches.
    fn taxonomy(&mut self, idx: &CatalogueIndex) -> Result<Option<TaxonomyKind>, ()> {
        let Some(id) = self.str("taxonomy_id") else {
            return Ok(None);
        };
        idx.taxonomies
            .iter()
            .find(|t| t.id == id || t.code.code() == id)
            .map(|t| Some(t.code))
            .ok_or(())
    }

    pub(crate) fn lang(&self, header: Lang) -> Lang {
        self.str("lang")
            .and_then(|l| l.parse().ok())
            .unwrap_or(header)
    }

    pub(crate) fn finish(self) -> Result<(), Problem> {
        if self.errors.is_empty() {
            Ok(())
        } else {
            Err(Problem::bad_request(self.errors))
        }
    }
}

fn serde_urlencoded_pairs(raw: &str) -> Vec<(String, String)> {
    raw.split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (decode(k), decode(v))
        })
        .collect()
}

/// Percent-decoding of a query component; invalid sequences are kept as they are.
fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'+', _) => out.push(b' '),
            (b'%', Some(b)) => {
                out.push(b);
                i += 2;
            }
            (b, _) => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn language_name(state: &AppState, lang: Lang) -> impl Fn(&str) -> String + '_ {
    move |code: &str| {
        let key = format!("language-{code}");
        let name = state.i18n.t(lang.code(), &key);
        if name == key { code.to_string() } else { name }
    }
}

pub(crate) fn json<T: serde::Serialize>(value: T) -> Response {
    Json(value).into_response()
}

#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct ApiInfo {
    /// HSDS version of this API.
    version: String,
    profile: String,
    openapi_url: String,
}

/// Information about this API and its relationship with HSDS.
#[utoipa::path(get, path = "/api/v1/", responses((status = 200, body = ApiInfo)))]
pub async fn api_root() -> Response {
    json(ApiInfo {
        version: "3.1".into(),
        profile: "https://docs.openreferral.org/en/latest/hsds/profiles.html".into(),
        openapi_url: "/api/v1/openapi.json".into(),
    })
}

const LIST_PARAMS: &[&str] = &[
    "search",
    "page",
    "per_page",
    "format",
    "taxonomy_term_id",
    "taxonomy_id",
    "organization_id",
    "modified_after",
    "minimal",
    "full",
];

fn service_query(p: &mut Params, idx: &CatalogueIndex) -> SearchQuery {
    // Present but empty is not a date either.
    let modified_after =
        p.raw.get("modified_after").cloned().and_then(
            |v| match chrono::DateTime::parse_from_rfc3339(&v) {
                Ok(t) => Some(t.with_timezone(&chrono::Utc)),
                Err(_) => match chrono::NaiveDate::parse_from_str(&v, "%Y-%m-%d") {
                    Ok(d) => d.and_hms_opt(0, 0, 0).map(|t| t.and_utc()),
                    Err(_) => {
                        p.errors.push(InvalidParam {
                            name: "modified_after".into(),
                            reason:
                                "must be an ISO 8601 date or date-time, e.g. 2026-01-31T00:00:00Z"
                                    .into(),
                        });
                        None
                    }
                },
            },
        );
    // A filter on a taxonomy or term that does not exist matches nothing (an
    // empty page), as filtering by any other value nobody has.
    let (taxonomy, unknown_taxonomy) = match p.taxonomy(idx) {
        Ok(t) => (t, false),
        Err(()) => (None, true),
    };
    let taxonomy_term_id = if unknown_taxonomy {
        Some(String::new())
    } else {
        p.str("taxonomy_term_id").map(str::to_string)
    };
    SearchQuery {
        text: p.text("search"),
        organization_id: p.str("organization_id").map(str::to_string),
        taxonomy_term_id,
        taxonomy,
        modified_after,
        ..SearchQuery::default()
    }
}

/// Services, paginated, with HSDS filters and multilingual full-text search.
/// Items carry one-to-one fields (HSDS `service_list`); `full=true` nests
/// everything, `minimal=true` gives only id and last_modified.
#[utoipa::path(get, path = "/api/v1/services",
    params(
        ("search" = Option<String>, Query, description = "Full-text search in any of nl, en, de, fr"),
        ("page" = Option<usize>, Query), ("per_page" = Option<usize>, Query, description = "1 to 100, default 50"),
        ("taxonomy_term_id" = Option<String>, Query), ("taxonomy_id" = Option<String>, Query),
        ("organization_id" = Option<String>, Query), ("modified_after" = Option<String>, Query, description = "a date (2026-01-31) or an RFC 3339 date-time"),
        ("full" = Option<bool>, Query), ("minimal" = Option<bool>, Query, description = "id and last_modified only; wins over full"),
        ("lang" = Option<String>, Query, description = "nl, en, de, fr, pl, ro or bg; else Accept-Language"),
    ),
    responses((status = 200, body = HsdsPage<hsds::HsdsServiceSummary>), (status = 400, body = Problem, content_type = "application/problem+json")))]
async fn list_services(
    State(state): State<AppState>,
    UiLang(header_lang): UiLang,
    RawQuery(raw): RawQuery,
) -> Response {
    services_page(&state, header_lang, raw, None)
}

/// A page of services as `/api/v1/services` gives it; with `region`, only the
/// services on that region's menu (its own and the national ones).
pub(crate) fn services_page(
    state: &AppState,
    header_lang: Lang,
    raw: Option<String>,
    region: Option<&loket_domain::region::LabourMarketRegion>,
) -> Response {
    let idx = state.index();
    let mut p = Params::parse(raw, LIST_PARAMS);
    let page = p.int("page", 1, 1, 100_000);
    let per_page = p.int("per_page", 50, 1, 100);
    // Both asked: the smaller answer (`minimal`) wins.
    let (minimal, full) = (p.boolean("minimal"), p.boolean("full"));
    let full = full && !minimal;
    let query = service_query(&mut p, &idx);
    let lang = p.lang(header_lang);
    if let Err(problem) = p.finish() {
        return problem.into_response();
    }
    let mut hits = idx.search(&query, lang);
    if let Some(region) = region {
        let menu: std::collections::HashSet<&str> =
            region.menu.iter().map(|m| m.service.as_str()).collect();
        hits.retain(|s| menu.contains(s.id.as_str()) || loket_domain::region::is_national(s));
    }
    if minimal {
        return json(HsdsPage::of(hits, page, per_page, |s| {
            hsds::service_minimal(s)
        }));
    }
    if full {
        let names = language_name(state, lang);
        return json(HsdsPage::of(hits, page, per_page, |s| {
            hsds::service(&idx, s, lang, &names)
        }));
    }
    json(HsdsPage::of(hits, page, per_page, |s| {
        hsds::service_summary(&idx, s, lang)
    }))
}

/// One service with its organisation, locations, schedules, languages and taxonomy terms.
#[utoipa::path(get, path = "/api/v1/services/{id}", params(("id" = String, Path)),
    responses((status = 200, body = hsds::HsdsService), (status = 404, body = Problem, content_type = "application/problem+json")))]
async fn get_service(
    State(state): State<AppState>,
    UiLang(header_lang): UiLang,
    Path(id): Path<String>,
    RawQuery(raw): RawQuery,
) -> Response {
    let p = Params::parse(raw, &["format"]);
    let lang = p.lang(header_lang);
    if let Err(problem) = p.finish() {
        return problem.into_response();
    }
    let idx = state.index();
    match idx.service(&id) {
        Some(s) => json(hsds::service(&idx, s, lang, language_name(&state, lang))),
        None => Problem::not_found("service", &id).into_response(),
    }
}

/// Organisations, paginated: one-to-one fields, or everything with `full=true`.
#[utoipa::path(get, path = "/api/v1/organizations",
    params(("search" = Option<String>, Query), ("page" = Option<usize>, Query), ("per_page" = Option<usize>, Query), ("full" = Option<bool>, Query)),
    responses((status = 200, body = HsdsPage<hsds::HsdsOrganizationSummary>), (status = 400, body = Problem, content_type = "application/problem+json")))]
async fn list_organizations(
    State(state): State<AppState>,
    UiLang(header_lang): UiLang,
    RawQuery(raw): RawQuery,
) -> Response {
    let idx = state.index();
    let mut p = Params::parse(
        raw,
        &[
            "search",
            "page",
            "per_page",
            "format",
            "full",
            "full_service",
            "taxonomy_term_id",
            "taxonomy_id",
        ],
    );
    let page = p.int("page", 1, 1, 100_000);
    let per_page = p.int("per_page", 50, 1, 100);
    let full = p.boolean("full") | p.boolean("full_service");
    let search = p.text("search");
    let lang = p.lang(header_lang);
    let query = service_query(&mut p, &idx);
    if let Err(problem) = p.finish() {
        return problem.into_response();
    }
    let with_services: Option<Vec<&str>> =
        (query.taxonomy_term_id.is_some() || query.taxonomy.is_some()).then(|| {
            idx.search(
                &SearchQuery {
                    text: None,
                    ..query
                },
                lang,
            )
            .iter()
            .map(|s| s.organization_id.as_str())
            .collect()
        });
    let needle = search.map(|s| s.to_lowercase());
    let orgs: Vec<_> = idx
        .organizations
        .iter()
        .filter(|o| {
            with_services
                .as_ref()
                .is_none_or(|ids| ids.contains(&o.id.as_str()))
        })
        .filter(|o| {
            needle.as_ref().is_none_or(|n| {
                o.name.to_lowercase().contains(n)
                    || o.alternate_name
                        .as_deref()
                        .is_some_and(|a| a.to_lowercase().contains(n))
                    || o.description.all().any(|d| d.to_lowercase().contains(n))
            })
        })
        .collect();
    if full {
        return json(HsdsPage::of(orgs, page, per_page, |o| {
            hsds::organization(o, lang)
        }));
    }
    json(HsdsPage::of(orgs, page, per_page, |o| {
        hsds::organization_summary(o, lang)
    }))
}

#[utoipa::path(get, path = "/api/v1/organizations/{id}", params(("id" = String, Path)),
    responses((status = 200, body = hsds::HsdsOrganization), (status = 404, body = Problem, content_type = "application/problem+json")))]
async fn get_organization(
    State(state): State<AppState>,
    UiLang(header_lang): UiLang,
    Path(id): Path<String>,
    RawQuery(raw): RawQuery,
) -> Response {
    let p = Params::parse(raw, &["format", "full_service"]);
    let lang = p.lang(header_lang);
    if let Err(problem) = p.finish() {
        return problem.into_response();
    }
    match state.index().organization(&id) {
        Some(o) => json(hsds::organization(o, lang)),
        None => Problem::not_found("organization", &id).into_response(),
    }
}

/// The three taxonomies: topic, target group, channel.
#[utoipa::path(get, path = "/api/v1/taxonomies", responses((status = 200, body = HsdsPage<hsds::HsdsTaxonomy>)))]
async fn list_taxonomies(
    State(state): State<AppState>,
    UiLang(header_lang): UiLang,
    RawQuery(raw): RawQuery,
) -> Response {
    let mut p = Params::parse(raw, &["search", "page", "per_page", "format"]);
    let page = p.int("page", 1, 1, 100_000);
    let per_page = p.int("per_page", 50, 1, 100);
    let _ = p.text("search");
    let lang = p.lang(header_lang);
    if let Err(problem) = p.finish() {
        return problem.into_response();
    }
    let idx = state.index();
    let all: Vec<_> = TaxonomyKind::ALL
        .iter()
        .filter_map(|k| hsds::taxonomy(&idx, *k, lang))
        .collect();
    json(HsdsPage::of(all, page, per_page, |t| hsds::HsdsTaxonomy {
        id: t.id.clone(),
        name: t.name.clone(),
        description: t.description.clone(),
        version: None,
    }))
}

#[utoipa::path(get, path = "/api/v1/taxonomies/{id}", params(("id" = String, Path)),
    responses((status = 200, body = hsds::HsdsTaxonomy), (status = 404, body = Problem, content_type = "application/problem+json")))]
async fn get_taxonomy(
    State(state): State<AppState>,
    UiLang(lang): UiLang,
    Path(id): Path<String>,
) -> Response {
    let idx = state.index();
    match idx
        .taxonomies
        .iter()
        .find(|t| t.id == id)
        .and_then(|t| hsds::taxonomy(&idx, t.code, lang))
    {
        Some(t) => json(t),
        None => Problem::not_found("taxonomy", &id).into_response(),
    }
}

/// Taxonomy terms, filterable by taxonomy.
#[utoipa::path(get, path = "/api/v1/taxonomy_terms",
    params(("taxonomy_id" = Option<String>, Query), ("search" = Option<String>, Query), ("page" = Option<usize>, Query), ("per_page" = Option<usize>, Query)),
    responses((status = 200, body = HsdsPage<hsds::HsdsTaxonomyTerm>), (status = 400, body = Problem, content_type = "application/problem+json")))]
async fn list_terms(
    State(state): State<AppState>,
    UiLang(header_lang): UiLang,
    RawQuery(raw): RawQuery,
) -> Response {
    let idx = state.index();
    let mut p = Params::parse(
        raw,
        &[
            "search",
            "page",
            "per_page",
            "format",
            "taxonomy_id",
            "top_only",
            "parent_id",
        ],
    );
    let page = p.int("page", 1, 1, 100_000);
    let per_page = p.int("per_page", 50, 1, 100);
    let _ = p.boolean("top_only");
    let search = p.text("search").map(|s| s.to_lowercase());
    let kind = p.taxonomy(&idx);
    let parent = p.str("parent_id").map(str::to_string);
    let lang = p.lang(header_lang);
    if let Err(problem) = p.finish() {
        return problem.into_response();
    }
    let terms: Vec<_> = idx
        .terms
        .iter()
        // An unknown taxonomy matches no term.
        .filter(|t| kind.is_ok_and(|k| k.is_none_or(|k| t.taxonomy == k)))
        .filter(|_| parent.is_none()) // our taxonomies are flat: no term has a parent
        .filter(|t| {
            search.as_ref().is_none_or(|s| {
                t.name.all().any(|n| n.to_lowercase().contains(s)) || t.code.contains(s.as_str())
            })
        })
        .collect();
    json(HsdsPage::of(terms, page, per_page, |t| {
        hsds::term(&idx, t, lang)
    }))
}

#[utoipa::path(get, path = "/api/v1/taxonomy_terms/{id}", params(("id" = String, Path)),
    responses((status = 200, body = hsds::HsdsTaxonomyTerm), (status = 404, body = Problem, content_type = "application/problem+json")))]
async fn get_term(
    State(state): State<AppState>,
    UiLang(lang): UiLang,
    Path(id): Path<String>,
) -> Response {
    let idx = state.index();
    match idx.term_by_id(&id) {
        Some(t) => json(hsds::term(&idx, t, lang)),
        None => Problem::not_found("taxonomy term", &id).into_response(),
    }
}

/// Services at locations. `postcode` keeps those whose service area covers the
/// postcode's municipality; with `proximity` (metres) only locations that near.
#[utoipa::path(get, path = "/api/v1/service_at_locations",
    params(("postcode" = Option<String>, Query, description = "NL, DE or BE postcode; outside the catalogue's area nothing is found"),
        ("proximity" = Option<u32>, Query, minimum = 1, maximum = 500000, description = "metres from the postcode's centroid; ignored without postcode"),
        ("search" = Option<String>, Query), ("taxonomy_term_id" = Option<String>, Query), ("organization_id" = Option<String>, Query),
        ("page" = Option<usize>, Query), ("per_page" = Option<usize>, Query)),
    responses((status = 200, body = HsdsPage<hsds::HsdsServiceAtLocation>), (status = 400, body = Problem, content_type = "application/problem+json")))]
async fn list_service_at_locations(
    State(state): State<AppState>,
    UiLang(header_lang): UiLang,
    RawQuery(raw): RawQuery,
) -> Response {
    let idx = state.index();
    let mut p = Params::parse(
        raw,
        &[
            "search",
            "page",
            "per_page",
            "format",
            "taxonomy_term_id",
            "taxonomy_id",
            "organization_id",
            "modified_after",
            "full",
            "postcode",
            "proximity",
        ],
    );
    let page = p.int("page", 1, 1, 100_000);
    let per_page = p.int("per_page", 50, 1, 100);
    let _ = p.boolean("full");
    let mut query = service_query(&mut p, &idx);
    // A malformed postcode is an error; a well-formed one outside the catalogue's
    // area is a place no service covers (an empty page).
    let postcode = p.raw.get("postcode").cloned();
    let well_formed = postcode
        .as_deref()
        .is_none_or(|pc| loket_domain::area::postcode_country(pc).is_some());
    if !well_formed {
        p.errors.push(InvalidParam {
            name: "postcode".into(),
            reason: "must look like a Dutch (6411 AB), German (52062) or Belgian (3620) postcode"
                .into(),
        });
    }
    let outside = postcode.is_some()
        && postcode
            .as_deref()
            .and_then(|pc| idx.areas.municipality_for_postcode(pc))
            .is_none();
    let municipality = postcode
        .as_deref()
        .and_then(|pc| idx.areas.municipality_for_postcode(pc))
        .cloned();
    // Distance needs a centre: without a postcode it is ignored.
    let proximity = p
        .raw
        .contains_key("proximity")
        .then(|| p.int("proximity", 0, 1, 500_000))
        .filter(|_| postcode.is_some());
    let lang = p.lang(header_lang);
    if let Err(problem) = p.finish() {
        return problem.into_response();
    }
    query.area = municipality.as_ref().map(|m| m.code.clone());
    if outside {
        query.taxonomy_term_id = Some(String::new());
    }
    let mut pairs = Vec::new();
    for s in idx.search(&query, lang) {
        for l in s.locations.iter().filter_map(|id| idx.location(id)) {
            let near = match (proximity, &municipality, l.latitude, l.longitude) {
                (None, _, _, _) => true,
                (Some(max), Some(m), Some(la), Some(lo)) => {
                    m.centroid.distance_m(&loket_domain::area::Point {
                        latitude: la,
                        longitude: lo,
                    }) <= max as f64
                }
                _ => false,
            };
            if near {
                pairs.push((s, l));
            }
        }
    }
    json(HsdsPage::of(pairs, page, per_page, |(s, l)| {
        hsds::service_at_location(s, l, lang)
    }))
}

#[utoipa::path(get, path = "/api/v1/service_at_locations/{id}", params(("id" = String, Path)),
    responses((status = 200, body = hsds::HsdsServiceAtLocation), (status = 404, body = Problem, content_type = "application/problem+json")))]
async fn get_service_at_location(
    State(state): State<AppState>,
    UiLang(lang): UiLang,
    Path(id): Path<String>,
) -> Response {
    let idx = state.index();
    let found = idx
        .services
        .iter()
        .flat_map(|s| s.locations.iter().map(move |l| (s, l)))
        .find(|(s, l)| hsds::service_at_location_id(&s.id, l) == id)
        .and_then(|(s, l)| idx.location(l).map(|l| (s, l)));
    match found {
        Some((s, l)) => json(hsds::service_at_location(s, l, lang)),
        None => Problem::not_found("service_at_location", &id).into_response(),
    }
}

/// The whole catalogue in all four languages: loket's HSDS-based exchange
/// document (the same format as `loket export --format hsds` and `loket import`).
#[utoipa::path(get, path = "/api/v1/catalogue", responses((status = 200, description = "a loket-catalogue document", content_type = "application/json")))]
async fn catalogue_document(State(state): State<AppState>) -> Response {
    json(state.index().document())
}
