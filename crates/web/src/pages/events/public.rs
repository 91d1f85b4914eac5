//! The public calendar: upcoming dates (per region), an event's page with its
//! dates and the registration form, and the iCalendar feeds to subscribe to.
//! Registration needs no account; spam is kept out as on the callback form (a
//! signed form token, a field only robots fill in, a limit per address).

use super::words::{self, DateLine};
use crate::AppState;
use crate::pages::forms::{ClientKey, Errors};
use crate::pages::view::{Layout, Opt, Page, render};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use loket_app::events::feed::{self, Calendar};
use loket_app::events::reading;
use loket_app::events::registration::{self, Booking, RegistrationInput};
use loket_app::{AppError, limits};
use loket_store::events::RegistrationStatus;
use serde::Deserialize;

const REGISTER_FORM: &str = "event-registration";
/// Registrations per address per hour: enough for an office or a language
/// school that signs up its people from one network, not for a flood.
const MAX_PER_HOUR: i64 = 60;

#[derive(Debug, Default, Deserialize)]
pub struct ListQuery {
    #[serde(default)]
    regio: String,
}

#[derive(Template)]
#[template(path = "events/list.html")]
pub struct ListPage {
    layout: Layout,
    regions: Vec<Opt>,
    dates: Vec<DateLine>,
    feed: String,
}

pub async fn list(
    State(state): State<AppState>,
    ui: Page,
    query: Result<Query<ListQuery>, axum::extract::rejection::QueryRejection>,
) -> Response {
    let region = query.map(|q| q.0.regio).unwrap_or_default();
    let idx = state.index();
    let region = if idx.regions.get(&region).is_some() {
        region
    } else {
        String::new()
    };
    let dates =
        match words::upcoming(&state, &ui.tr, |e| region.is_empty() || e.region == region).await {
            Ok(d) => d,
            Err(e) => return crate::error::failure(e),
        };
    let mut regions = vec![Opt {
        value: String::new(),
        label: ui.tr.t("ev-filter-all"),
        selected: region.is_empty(),
    }];
    regions.extend(idx.regions.all().iter().map(|r| Opt {
        value: r.code.clone(),
        label: r.name.get(ui.lang).to_string(),
        selected: r.code == region,
    }));
    let feed = if region.is_empty() {
        format!(
            "{}/evenementen/agenda.ics",
            state.public_url.trim_end_matches('/')
        )
    } else {
        format!(
            "{}/evenementen/agenda.ics?regio={region}",
            state.public_url.trim_end_matches('/')
        )
    };
    let page = ListPage {
        layout: Layout::new(
            ui.tr.clone(),
            ui.tr.t("ev-title"),
            "events",
            ui.uri.path(),
            ui.uri.query(),
        ),
        regions,
        dates,
        feed,
    };
    render(StatusCode::OK, &page)
}

#[derive(Template)]
#[template(path = "events/event.html")]
pub struct EventPage {
    layout: Layout,
    id: String,
    description: Vec<String>,
    organiser: String,
    organiser_id: String,
    place: String,
    online_url: Option<String>,
    languages: String,
    dates: Vec<DateLine>,
    /// Some date still takes registrations.
    any_open: bool,
    consent: String,
    token: String,
    form: RegisterForm,
    errors: Errors,
    done: Option<Done>,
}

/// What a registration came to, in words.
pub struct Done {
    headline: String,
    mailed: String,
    code: Option<String>,
}

#[derive(Debug, Default, Deserialize, Clone)]
pub struct RegisterForm {
    #[serde(default)]
    pub token: String,
    #[serde(default)]
    pub date: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub party: String,
    #[serde(default)]
    pub consent: String,
    /// Hidden from people; robots fill it in.
    #[serde(default)]
    pub website: String,
}

async fn event_page(
    state: &AppState,
    ui: &Page,
    id: &str,
    form: RegisterForm,
    errors: Errors,
    done: Option<Done>,
) -> Result<Option<EventPage>, AppError> {
    let Some(event) = reading::event(state, id).await? else {
        return Ok(None);
    };
    let dates = words::upcoming(state, &ui.tr, |e| e.id == event.id).await?;
    let idx = state.index();
    let organiser = idx
        .organization(&event.organisation_id)
        .map(|o| o.name.clone())
        .unwrap_or_default();
    let place = words::place(state, ui.lang, &event);
    let languages = event
        .languages
        .iter()
        .map(|l| ui.tr.t(&format!("language-{l}")))
        .collect::<Vec<_>>()
        .join(", ");
    Ok(Some(EventPage {
        layout: Layout::new(
            ui.tr.clone(),
            event.title.clone(),
            "events",
            ui.uri.path(),
            ui.uri.query(),
        ),
        id: event.id.clone(),
        description: event
            .description
            .split("\n\n")
            .map(|p| p.trim().to_string())
            .filter(|p| !p.is_empty())
            .collect(),
        consent: ui
            .tr
            .s("ev-register-consent", &[("organiser", organiser.clone())]),
        organiser,
        organiser_id: event.organisation_id.clone(),
        place,
        online_url: event.online_url.clone(),
        languages,
        any_open: dates.iter().any(|d| d.open),
        dates,
        token: state.csrf.token(REGISTER_FORM, state.clock.unix()),
        form: RegisterForm {
            party: if form.party.is_empty() {
                "1".into()
            } else {
                form.party.clone()
            },
            ..form
        },
        errors,
        done,
    }))
}

pub async fn event(State(state): State<AppState>, ui: Page, Path(id): Path<String>) -> Response {
    match event_page(
        &state,
        &ui,
        &id,
        RegisterForm::default(),
        Errors::default(),
        None,
    )
    .await
    {
        Ok(Some(page)) => render(StatusCode::OK, &page),
        Ok(None) => crate::pages::errors::not_found_page(&state, ui.lang, &ui.uri),
        Err(e) => crate::error::failure(e),
    }
}

pub async fn register(
    State(state): State<AppState>,
    ui: Page,
    Path(id): Path<String>,
    client: ClientKey,
    form: Result<axum::Form<RegisterForm>, axum::extract::rejection::FormRejection>,
) -> Response {
    let form = form.map(|f| f.0).unwrap_or_default();
    let now = state.clock.unix();
    let mut errors = Errors::default();
    let show = |form: RegisterForm, errors: Errors, status: StatusCode, done: Option<Done>| {
        let state = state.clone();
        let ui = &ui;
        let id = id.clone();
        async move {
            match event_page(&state, ui, &id, form, errors, done).await {
                Ok(Some(page)) => render(status, &page),
                Ok(None) => crate::pages::errors::not_found_page(&state, ui.lang, &ui.uri),
                Err(e) => crate::error::failure(e),
            }
        }
    };
    if !state.csrf.verify(REGISTER_FORM, &form.token, now) {
        errors.add("form", ui.tr.t("feedback-error-expired"));
        return show(form, errors, StatusCode::FORBIDDEN, None).await;
    }
    if !form.website.is_empty() {
        // Only robots fill in the hidden field: keep nothing.
        return show(RegisterForm::default(), errors, StatusCode::OK, None).await;
    }
    let rate_key = format!("event-registration:address:{}", client.0);
    if limits::last_hour(&state, &rate_key).await.unwrap_or(0) >= MAX_PER_HOUR {
        errors.add("form", ui.tr.t("form-error-rate-limited"));
        return show(form, errors, StatusCode::TOO_MANY_REQUESTS, None).await;
    }
    // A date of another event is no date of this one.
    let date_of_event = match reading::date(&state, &form.date).await {
        Ok(d) => d.filter(|d| d.event_id == id),
        Err(e) => return crate::error::failure(e),
    };
    let input = RegistrationInput {
        name: form.name.clone(),
        email: form.email.clone(),
        party: form.party.clone(),
        consent: form.consent == "yes",
    };
    let outcome = match date_of_event {
        Some(d) => registration::register(&state, &d.id, &input, ui.lang).await,
        None => Err(AppError::invalid("date", "closed")),
    };
    match outcome {
        Ok(booking) => {
            if let Err(e) = limits::count(&state, &rate_key).await {
                tracing::warn!(error = %e, "counting a registration failed");
            }
            let done = done_view(&state, &ui, &booking);
            show(
                RegisterForm::default(),
                Errors::default(),
                StatusCode::OK,
                Some(done),
            )
            .await
        }
        Err(AppError::Invalid(problems)) => {
            for p in problems {
                errors.add(
                    p.field,
                    ui.tr.t(&format!("ev-error-{}-{}", p.field, p.problem)),
                );
            }
            show(form, errors, StatusCode::BAD_REQUEST, None).await
        }
        Err(e) => crate::error::failure(e),
    }
}

fn done_view(state: &AppState, ui: &Page, b: &Booking) -> Done {
    let when = registration::when(state, ui.lang, b.date.starts_at);
    let args = [("title", b.event.title.clone()), ("when", when)];
    let confirmed = b.registration.status == RegistrationStatus::Confirmed;
    Done {
        headline: ui.tr.s(
            if confirmed {
                "ev-done-confirmed"
            } else {
                "ev-done-waiting"
            },
            &args,
        ),
        mailed: ui
            .tr
            .s("ev-done-mailed", &[("email", b.registration.email.clone())]),
        code: confirmed.then(|| {
            ui.tr
                .s("ev-code", &[("code", b.registration.checkin_code.clone())])
        }),
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct FeedQuery {
    #[serde(default)]
    regio: String,
    #[serde(default)]
    organisatie: String,
    #[serde(default)]
    onderwerp: String,
}

/// A calendar to subscribe to: a region's, an organisation's or a topic's
/// events (all events without a choice).
pub async fn calendar_feed(
    State(state): State<AppState>,
    ui: Page,
    query: Result<Query<FeedQuery>, axum::extract::rejection::QueryRejection>,
) -> Response {
    let q = query.map(|q| q.0).unwrap_or_default();
    let idx = state.index();
    let (which, name) = if let Some(r) = idx.regions.get(&q.regio) {
        (
            Calendar::Region(r.code.clone()),
            r.name.get(ui.lang).to_string(),
        )
    } else if let Some(o) = idx.organization(&q.organisatie) {
        (Calendar::Organisation(o.id.clone()), o.name.clone())
    } else if !q.onderwerp.is_empty() && q.onderwerp.len() <= 100 {
        (Calendar::Topic(q.onderwerp.clone()), q.onderwerp.clone())
    } else {
        (Calendar::All, ui.tr.t("ev-title"))
    };
    match feed::ics(&state, &which, &name).await {
        Ok(ics) => calendar_response(ics),
        Err(e) => crate::error::failure(e),
    }
}

/// One event's own feed.
pub async fn event_feed(
    State(state): State<AppState>,
    ui: Page,
    Path(id): Path<String>,
) -> Response {
    match reading::event(&state, &id).await {
        Ok(Some(e)) => match feed::ics(&state, &Calendar::Event(e.id.clone()), &e.title).await {
            Ok(ics) => calendar_response(ics),
            Err(err) => crate::error::failure(err),
        },
        Ok(None) => crate::pages::errors::not_found_page(&state, ui.lang, &ui.uri),
        Err(e) => crate::error::failure(e),
    }
}

fn calendar_response(ics: String) -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/calendar; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=300"),
        ],
        ics,
    )
        .into_response()
}
