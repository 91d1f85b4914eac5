//! The organisations of the network and one organisation with its services.

use crate::AppState;
use crate::pages::errors::not_found_page;
use crate::pages::public::search::{ResultItem, result_item};
use crate::pages::public::service::{LocationView, location_view};
use crate::pages::view::Page;
use crate::pages::view::{Layout, render};
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use loket_domain::Service;

// ---------------------------------------------------------------- organisations

pub struct OrgItem {
    pub href: String,
    pub name: String,
    pub summary: String,
    pub services: String,
}

#[derive(Template)]
#[template(path = "public/organizations.html")]
pub struct OrganizationsPage {
    layout: Layout,
    organizations: Vec<OrgItem>,
}

pub async fn organizations(State(state): State<AppState>, ui: Page) -> Response {
    let Page { lang, tr, uri } = ui;
    let idx = state.index();
    let mut organizations: Vec<OrgItem> = idx
        .organizations
        .iter()
        .map(|o| OrgItem {
            href: format!("/organisaties/{}", o.id),
            name: o.name.clone(),
            summary: o.description.get(lang).to_string(),
            services: tr.n(
                "orgs-service-count",
                "count",
                idx.services_of(&o.id).count(),
            ),
        })
        .collect();
    tr.sort_by_key(&mut organizations, |a| &a.name);
    let layout = Layout::new(
        tr.clone(),
        tr.t("orgs-title"),
        "organizations",
        uri.path(),
        uri.query(),
    );
    render(
        StatusCode::OK,
        &OrganizationsPage {
            layout,
            organizations,
        },
    )
}

#[derive(Template)]
#[template(path = "public/organization.html")]
pub struct OrganizationPage {
    layout: Layout,
    alternate_name: Option<String>,
    description: String,
    description_lang: &'static str,
    reach: crate::present::reach::ReachView,
    identifiers: Vec<String>,
    services: Vec<ResultItem>,
    locations: Vec<LocationView>,
}

pub async fn organization(
    State(state): State<AppState>,
    ui: Page,
    Path(id): Path<String>,
) -> Response {
    let Page { lang, tr, uri } = ui;
    let idx = state.index();
    let Some(o) = idx.organization(&id) else {
        return not_found_page(&state, lang, &uri);
    };
    let mut services: Vec<&Service> = idx.services_of(&o.id).collect();
    services.sort_by(|a, b| a.name.get(lang).cmp(b.name.get(lang)));
    let locations = idx
        .locations
        .iter()
        .filter(|l| l.organization_id == o.id && l.address.is_none())
        .filter_map(|l| location_view(&idx, &tr, &l.id))
        .collect();
    let layout = Layout::new(
        tr.clone(),
        o.name.clone(),
        "organizations",
        uri.path(),
        uri.query(),
    );
    let page = OrganizationPage {
        alternate_name: o.alternate_name.clone(),
        description: o.description.get(lang).to_string(),
        description_lang: o.description.resolved_lang(lang).code(),
        reach: crate::present::reach::organization_reach_view(&idx, &tr, o),
        identifiers: o
            .identifiers
            .iter()
            .map(|i| format!("{}: {}", i.identifier_type, i.identifier))
            .collect(),
        services: services
            .into_iter()
            .map(|s| result_item(&idx, &tr, s))
            .collect(),
        locations,
        layout,
    };
    render(StatusCode::OK, &page)
}
