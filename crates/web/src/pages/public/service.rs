//! One service (`/diensten/{id}`): what it offers, for whom, where, when open,
//! and how to reach it.

use crate::AppState;
use crate::pages::errors::not_found_page;
use crate::pages::view::Page;
use crate::pages::view::{Layout, render};
use crate::present::Tr;
use crate::present::names::{Link, area_name, language_name, term_name};
use crate::present::reach::{ReachView, reach_view};
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use loket_domain::search::CatalogueIndex;
use loket_domain::{ServiceLine, ServiceStatus, TaxonomyKind};

// ---------------------------------------------------------------- service

pub struct LocationView {
    pub name: String,
    pub place: String,
    pub url: Option<String>,
    pub address: Option<String>,
    pub unconfirmed: bool,
}

pub struct HoursView {
    pub days: String,
    pub hours: String,
}

#[derive(Template)]
#[template(path = "public/service.html")]
pub struct ServicePage {
    layout: Layout,
    intake_href: String,
    name_lang: &'static str,
    organization: Link,
    description: String,
    description_lang: &'static str,
    status_notice: Option<String>,
    second_line: bool,
    groups: Vec<String>,
    topics: Vec<String>,
    eligibility: Option<String>,
    age: Option<String>,
    reach: ReachView,
    channels: Vec<String>,
    /// Places without a street address (town only) and online locations; the
    /// places to visit are in `reach`.
    locations: Vec<LocationView>,
    languages: Vec<String>,
    areas: Vec<String>,
    fees: Option<String>,
    application: Option<String>,
    hours: Vec<HoursView>,
    /// "Open now, until …" or "Open again on …".
    open_state: String,
    exceptions: Vec<HoursView>,
    assured: String,
    modified: String,
}

pub(crate) fn location_view(idx: &CatalogueIndex, tr: &Tr, id: &str) -> Option<LocationView> {
    let l = idx.location(id)?;
    let place = l
        .municipality
        .as_deref()
        .map(|m| area_name(idx, m, tr.lang))
        .unwrap_or_default();
    Some(LocationView {
        name: l.name.get(tr.lang).to_string(),
        place,
        url: l.url.clone(),
        address: l
            .address
            .as_ref()
            .map(|a| format!("{}, {} {}", a.address_1, a.postal_code, a.city)),
        unconfirmed: l.address.is_none() && l.location_type != loket_domain::LocationType::Virtual,
    })
}

pub async fn service(State(state): State<AppState>, ui: Page, Path(id): Path<String>) -> Response {
    let Page { lang, tr, uri } = ui;
    let idx = state.index();
    let Some(s) = idx.service(&id) else {
        return not_found_page(&state, lang, &uri);
    };
    let org = idx.organization(&s.organization_id);
    let text = |t: &Option<loket_domain::Text>| {
        t.as_ref()
            .map(|t| t.get(lang).to_string())
            .filter(|t| !t.is_empty())
    };
    let status_notice = match s.status {
        ServiceStatus::Active => None,
        ServiceStatus::Inactive => Some(tr.t("service-status-inactive")),
        ServiceStatus::Defunct => Some(tr.t("service-status-defunct")),
        ServiceStatus::TemporarilyClosed => Some(tr.t("service-status-temporarily-closed")),
    };
    let age = match (s.minimum_age, s.maximum_age) {
        (Some(min), Some(max)) => Some(tr.s(
            "service-age",
            &[("min", min.to_string()), ("max", max.to_string())],
        )),
        (Some(min), None) => Some(tr.s("service-age-min", &[("min", min.to_string())])),
        (None, Some(max)) => Some(tr.s(
            "service-age",
            &[("min", "0".into()), ("max", max.to_string())],
        )),
        (None, None) => None,
    };
    let day = |d: &loket_domain::Weekday| tr.t(&format!("weekday-{}", d.as_str().to_lowercase()));
    let hours = s
        .schedules
        .iter()
        .flat_map(|sc| &sc.weekly)
        .map(|h| HoursView {
            days: h.days.iter().map(day).collect::<Vec<_>>().join(", "),
            hours: format!(
                "{} – {}",
                h.opens_at.format("%H:%M"),
                h.closes_at.format("%H:%M")
            ),
        })
        .collect();
    let exceptions = s
        .schedules
        .iter()
        .flat_map(|sc| &sc.exceptions)
        .map(|x| HoursView {
            days: format!("{} {}", tr.date(x.date), x.description.get(lang)),
            hours: match (x.opens_at, x.closes_at) {
                (Some(o), Some(c)) => format!("{} – {}", o.format("%H:%M"), c.format("%H:%M")),
                _ => tr.t("service-closed"),
            },
        })
        .collect();
    let name = s.name.get(lang).to_string();
    let layout = Layout::new(tr.clone(), name, "services", uri.path(), uri.query());
    let page = ServicePage {
        intake_href: format!("/diensten/{}/terugbellen?lang={}", s.id, lang.code()),
        name_lang: s.name.resolved_lang(lang).code(),
        organization: Link {
            href: format!("/organisaties/{}", s.organization_id),
            label: org.map(|o| o.name.clone()).unwrap_or_default(),
        },
        description: s.description.get(lang).to_string(),
        description_lang: s.description.resolved_lang(lang).code(),
        status_notice,
        second_line: s.line == ServiceLine::Second,
        groups: s
            .target_groups
            .iter()
            .map(|c| term_name(&idx, TaxonomyKind::TargetGroup, c, lang))
            .collect(),
        topics: s
            .topics
            .iter()
            .map(|c| term_name(&idx, TaxonomyKind::Topic, c, lang))
            .collect(),
        eligibility: text(&s.eligibility),
        age,
        reach: reach_view(&idx, &tr, s),
        channels: loket_domain::reach::Reach::of(&idx, s)
            .channels(s)
            .map(|c| term_name(&idx, TaxonomyKind::Channel, c, lang))
            .collect(),
        locations: s
            .locations
            .iter()
            .filter(|l| idx.location(l).is_some_and(|l| l.address.is_none()))
            .filter_map(|l| location_view(&idx, &tr, l))
            .collect(),
        languages: s.languages.iter().map(|c| language_name(&tr, c)).collect(),
        areas: s
            .service_areas
            .iter()
            .map(|a| area_name(&idx, a, lang))
            .collect(),
        fees: text(&s.fees),
        application: text(&s.application_process),
        open_state: crate::pages::hours::opening_text(&tr, &s.schedules, state.clock.now()),
        hours,
        exceptions,
        assured: match s.assured_date {
            Some(d) => tr.s("service-assured", &[("date", tr.date(d))]),
            None => tr.t("service-not-assured"),
        },
        modified: tr.s(
            "service-modified",
            &[("date", tr.date(s.last_modified.date_naive()))],
        ),
        layout,
    };
    render(StatusCode::OK, &page)
}
