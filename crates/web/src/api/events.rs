//! Events in the API: the events with dates still to come (per region,
//! organisation or topic) and one event, each with its languages, organiser,
//! place, and every date with the places left; the same facts as the pages
//! and the iCalendar feeds.

use super::{Params, json};
use crate::AppState;
use crate::lang::UiLang;
use crate::problem::Problem;
use axum::extract::{Path, RawQuery, State};
use axum::response::{IntoResponse, Response};
use loket_app::events::reading::{self, Upcoming};
use loket_domain::Lang;
use loket_store::events::{EventDate, StoredEvent};

/// An event with its dates still to come.
#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
pub struct EventView {
    pub id: String,
    pub title: String,
    pub description: String,
    /// The organising organisation (its id in the catalogue).
    pub organisation: String,
    /// The labour-market region (its code).
    pub region: String,
    /// The catalogue location it takes place at, if not online.
    pub location: Option<String>,
    /// The location's name, or "Online".
    pub place: String,
    pub online_url: Option<String>,
    /// The languages spoken (nl, en, de, fr, pl, ro, bg).
    pub languages: Vec<String>,
    /// Whom it is for (the front door's groups); empty: everyone.
    pub target_groups: Vec<String>,
    pub topics: Vec<String>,
    /// The repeat rule (RFC 5545), if the event repeats.
    pub rule: Option<String>,
    pub dates: Vec<DateView>,
    /// The event's page (a path on this server).
    pub page: String,
    /// Its iCalendar feed (a path on this server).
    pub calendar: String,
}

/// One date of an event.
#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
pub struct DateView {
    pub id: String,
    /// RFC 3339, UTC.
    pub starts_at: String,
    pub ends_at: String,
    pub capacity: i64,
    pub places_left: i64,
    pub cancelled: bool,
    /// Rises with every change to the date (as in the feeds).
    pub sequence: i64,
}

#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
pub struct EventList {
    pub items: Vec<EventView>,
}

fn time(at: i64) -> String {
    chrono::DateTime::from_timestamp(at, 0)
        .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
        .unwrap_or_default()
}

fn date_view(d: &EventDate) -> DateView {
    DateView {
        id: d.id.clone(),
        starts_at: time(d.starts_at),
        ends_at: time(d.ends_at),
        capacity: d.capacity,
        places_left: (d.capacity - d.taken).max(0),
        cancelled: d.cancelled,
        sequence: d.sequence,
    }
}

fn view(state: &AppState, lang: Lang, e: &StoredEvent, dates: Vec<DateView>) -> EventView {
    let idx = state.index();
    let place = e
        .location_id
        .as_deref()
        .and_then(|id| idx.location(id))
        .map(|l| l.name.get(lang).to_string())
        .unwrap_or_else(|| state.i18n.t(lang.code(), "ev-online"));
    EventView {
        id: e.id.clone(),
        title: e.title.clone(),
        description: e.description.clone(),
        organisation: e.organisation_id.clone(),
        region: e.region.clone(),
        location: e.location_id.clone(),
        place,
        online_url: e.online_url.clone(),
        languages: e.languages.clone(),
        target_groups: e.target_groups.clone(),
        topics: e.topics.clone(),
        rule: e.rule.clone(),
        dates,
        page: format!("/evenementen/{}", e.id),
        calendar: format!("/evenementen/{}/agenda.ics", e.id),
    }
}

/// The events with dates still to come, in the order of their next date.
#[utoipa::path(get, path = "/api/v1/events",
    params(("region" = Option<String>, Query, description = "A labour-market region's code"),
           ("organisation" = Option<String>, Query, description = "An organisation's id"),
           ("topic" = Option<String>, Query),
           ("lang" = Option<String>, Query, description = "nl, en, de, fr, pl, ro or bg; else Accept-Language")),
    responses((status = 200, body = EventList), (status = 400, body = Problem, content_type = "application/problem+json")))]
pub async fn list(
    State(state): State<AppState>,
    UiLang(header_lang): UiLang,
    RawQuery(raw): RawQuery,
) -> Response {
    let p = Params::parse(raw, &["region", "organisation", "topic", "lang"]);
    let lang = p.lang(header_lang);
    let region = p.str("region").map(str::to_string);
    let organisation = p.str("organisation").map(str::to_string);
    let topic = p.str("topic").map(str::to_string);
    if let Err(problem) = p.finish() {
        return problem.into_response();
    }
    let keep = |e: &StoredEvent| {
        region.as_ref().is_none_or(|r| &e.region == r)
            && organisation
                .as_ref()
                .is_none_or(|o| &e.organisation_id == o)
            && topic.as_ref().is_none_or(|t| e.topics.contains(t))
    };
    let upcoming = match reading::upcoming(&state, keep).await {
        Ok(u) => u,
        Err(e) => return crate::error::api_error(e),
    };
    json(EventList {
        items: grouped(&state, lang, upcoming),
    })
}

/// Dates grouped by their event, events in the order of their next date.
fn grouped(state: &AppState, lang: Lang, upcoming: Vec<Upcoming>) -> Vec<EventView> {
    let mut items: Vec<EventView> = Vec::new();
    for u in upcoming {
        match items.iter_mut().find(|v| v.id == u.event.id) {
            Some(v) => v.dates.push(date_view(&u.date)),
            None => items.push(view(state, lang, &u.event, vec![date_view(&u.date)])),
        }
    }
    items
}

/// One event with all its dates, past ones included.
#[utoipa::path(get, path = "/api/v1/events/{id}",
    params(("id" = String, Path), ("lang" = Option<String>, Query)),
    responses((status = 200, body = EventView),
              (status = 400, body = Problem, content_type = "application/problem+json"),
              (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn get(
    State(state): State<AppState>,
    UiLang(header_lang): UiLang,
    Path(id): Path<String>,
    RawQuery(raw): RawQuery,
) -> Response {
    let p = Params::parse(raw, &["lang"]);
    let lang = p.lang(header_lang);
    if let Err(problem) = p.finish() {
        return problem.into_response();
    }
    let event = match reading::event(&state, &id).await {
        Ok(Some(e)) => e,
        Ok(None) => return Problem::not_found("event", &id).into_response(),
        Err(e) => return crate::error::api_error(e),
    };
    match reading::dates(&state, &id).await {
        Ok(dates) => json(view(
            &state,
            lang,
            &event,
            dates.iter().map(date_view).collect(),
        )),
        Err(e) => crate::error::api_error(e),
    }
}
