//! The organiser's pages: the events of the organisations one works for with
//! the form to publish a new one, an event's dates with who registered, and
//! the check-in list at the door.

use crate::AppState;
use crate::pages::forms::{CheckedForm, Errors, pairs_value};
use crate::pages::view::{Layout, Opt, Page, render};
use crate::session::{SignedIn, Viewer};
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use loket_app::AppError;
use loket_app::events::organise::{self, Organiser};
use loket_app::events::reading;
use loket_app::events::registration;
use loket_domain::policy::{self, Action, Target};
use loket_events::event::{EventInput, LANGUAGES};
use loket_events::schedule::ScheduleInput;
use loket_store::events::RegistrationStatus;

/// The organisations a person may publish events for.
fn organisations(state: &AppState, viewer: &Viewer) -> Vec<(String, String)> {
    let idx = state.index();
    let mut orgs: Vec<(String, String)> = idx
        .organizations()
        .iter()
        .filter(|o| {
            let regions = idx.regions.regions_of_contributor(&o.id);
            policy::allows(
                &viewer.memberships,
                Action::OrganiseEvents,
                Target::Organization {
                    id: &o.id,
                    regions: &regions,
                },
            )
        })
        .map(|o| (o.id.clone(), o.name.clone()))
        .collect();
    orgs.sort_by(|a, b| a.1.cmp(&b.1));
    orgs
}

/// One of the organiser's events in the list.
pub struct EventLine {
    id: String,
    title: String,
    first: String,
    dates: usize,
}

#[derive(Template)]
#[template(path = "events/organise.html")]
pub struct OrganisePage {
    layout: Layout,
    events: Vec<EventLine>,
    organisations: Vec<Opt>,
    regions: Vec<Opt>,
    locations: Vec<Opt>,
    languages: Vec<Opt>,
    groups: Vec<Opt>,
    form: Vec<(String, String)>,
    errors: Errors,
    token: String,
}

impl OrganisePage {
    fn value(&self, key: &str) -> &str {
        pairs_value(&self.form, key)
    }
}

async fn organise_page(
    state: &AppState,
    ui: &Page,
    viewer: &Viewer,
    form: Vec<(String, String)>,
    errors: Errors,
) -> Result<OrganisePage, AppError> {
    let orgs = organisations(state, viewer);
    let ids: Vec<String> = orgs.iter().map(|(id, _)| id.clone()).collect();
    let mut events = Vec::new();
    for e in reading::events_of(state, Some(&ids)).await? {
        let dates = reading::dates(state, &e.id).await?;
        events.push(EventLine {
            first: dates
                .first()
                .map(|d| registration::when(state, ui.lang, d.starts_at))
                .unwrap_or_default(),
            dates: dates.len(),
            id: e.id,
            title: e.title,
        });
    }
    let chosen_org = match pairs_value(&form, "organisation") {
        "" => ids.first().cloned().unwrap_or_default(),
        org => org.to_string(),
    };
    let idx = state.index();
    let chosen_region = match pairs_value(&form, "region") {
        "" => idx
            .regions
            .regions_of_contributor(&chosen_org)
            .into_iter()
            .next()
            .unwrap_or_default(),
        r => r.to_string(),
    };
    let chosen_groups: Vec<&str> = form
        .iter()
        .filter(|(k, _)| k == "target_groups")
        .map(|(_, v)| v.as_str())
        .collect();
    let flow = state.flow_of(None);
    let groups = flow
        .question("who")
        .map(|q| {
            q.options
                .iter()
                .map(|o| Opt {
                    value: o.value.clone(),
                    label: o.label.get(ui.lang).to_string(),
                    selected: chosen_groups.contains(&o.value.as_str()),
                })
                .collect()
        })
        .unwrap_or_default();
    let chosen_langs: Vec<&str> = form
        .iter()
        .filter(|(k, _)| k == "languages")
        .map(|(_, v)| v.as_str())
        .collect();
    let opt = |value: &str, label: String, selected: bool| Opt {
        value: value.to_string(),
        label,
        selected,
    };
    let location = pairs_value(&form, "location_id");
    let mut locations = vec![opt("", ui.tr.t("evorg-location-none"), location.is_empty())];
    locations.extend(
        idx.document()
            .locations
            .iter()
            .filter(|l| ids.contains(&l.organization_id))
            .map(|l| opt(&l.id, l.name.get(ui.lang).to_string(), l.id == location)),
    );
    Ok(OrganisePage {
        layout: Layout::new(
            ui.tr.clone(),
            ui.tr.t("evorg-title"),
            "staff",
            ui.uri.path(),
            ui.uri.query(),
        ),
        events,
        organisations: orgs
            .iter()
            .map(|(id, name)| opt(id, name.clone(), *id == chosen_org))
            .collect(),
        regions: idx
            .regions
            .all()
            .iter()
            .map(|r| {
                opt(
                    &r.code,
                    r.name.get(ui.lang).to_string(),
                    r.code == chosen_region,
                )
            })
            .collect(),
        locations,
        languages: LANGUAGES
            .iter()
            .map(|&l| {
                opt(
                    l,
                    ui.tr.t(&format!("language-{l}")),
                    chosen_langs.contains(&l),
                )
            })
            .collect(),
        groups,
        form,
        errors,
        token: state.form_token(viewer),
    })
}

pub async fn list(State(state): State<AppState>, ui: Page, SignedIn(viewer): SignedIn) -> Response {
    // A freed place is held a day unless the organiser says otherwise.
    let defaults = vec![("hold_hours".to_string(), "24".to_string())];
    match organise_page(&state, &ui, &viewer, defaults, Errors::default()).await {
        Ok(page) => render(StatusCode::OK, &page),
        Err(e) => crate::error::failure(e),
    }
}

pub async fn create(
    State(state): State<AppState>,
    ui: Page,
    SignedIn(viewer): SignedIn,
    CheckedForm(pairs): CheckedForm<Vec<(String, String)>>,
) -> Response {
    let v = |k: &str| pairs_value(&pairs, k).to_string();
    let organisation = v("organisation");
    let input = EventInput {
        title: v("title"),
        description: v("description"),
        location_id: v("location_id"),
        online_url: v("online_url"),
        languages: pairs
            .iter()
            .filter(|(k, _)| k == "languages")
            .map(|(_, l)| l.clone())
            .collect(),
        target_groups: pairs
            .iter()
            .filter(|(k, _)| k == "target_groups")
            .map(|(_, g)| g.clone())
            .collect(),
        topics: Vec::new(),
        capacity: v("capacity"),
        hold_hours: v("hold_hours"),
        schedule: ScheduleInput {
            starts: v("starts"),
            ends: v("ends"),
            rule: v("rule"),
            except: v("except"),
        },
    };
    // Only an organisation the person works for (the policy, as for the route).
    let allowed = organisations(&state, &viewer)
        .iter()
        .any(|(id, _)| *id == organisation);
    let organiser = Organiser {
        account_id: viewer.account.id.clone(),
        organisation_id: if allowed { organisation } else { String::new() },
        region: v("region"),
    };
    match organise::create(&state, &organiser, &input).await {
        Ok(id) => Redirect::to(&format!(
            "/beheer/evenementen/{id}?klaar=1&lang={}",
            ui.lang.code()
        ))
        .into_response(),
        Err(AppError::Invalid(problems)) => {
            let mut errors = Errors::default();
            for p in problems {
                if errors.get(p.field).is_none() {
                    errors.add(
                        p.field,
                        ui.tr.t(&format!("evorg-error-{}-{}", p.field, p.problem)),
                    );
                }
            }
            match organise_page(&state, &ui, &viewer, pairs, errors).await {
                Ok(page) => render(StatusCode::BAD_REQUEST, &page),
                Err(e) => crate::error::failure(e),
            }
        }
        Err(e) => crate::error::failure(e),
    }
}

/// One date of an event, for its organiser.
pub struct DateRow {
    id: String,
    when: String,
    capacity: i64,
    confirmed: i64,
    waiting: usize,
    attended: i64,
    cancelled: bool,
}

#[derive(Template)]
#[template(path = "events/event_admin.html")]
pub struct EventAdminPage {
    layout: Layout,
    id: String,
    dates: Vec<DateRow>,
    created: bool,
}

#[derive(Debug, Default, serde::Deserialize)]
pub struct Created {
    #[serde(default)]
    klaar: String,
}

pub async fn event(
    State(state): State<AppState>,
    ui: Page,
    Path(id): Path<String>,
    created: Result<axum::extract::Query<Created>, axum::extract::rejection::QueryRejection>,
) -> Response {
    let created = created.is_ok_and(|c| c.0.klaar == "1");
    let built = async {
        let Some(event) = reading::event(&state, &id).await? else {
            return Ok(None);
        };
        let mut dates = Vec::new();
        for d in reading::dates(&state, &id).await? {
            let regs = reading::registrations(&state, &d.id).await?;
            dates.push(DateRow {
                when: registration::when(&state, ui.lang, d.starts_at),
                capacity: d.capacity,
                confirmed: regs
                    .iter()
                    .filter(|r| r.status == RegistrationStatus::Confirmed)
                    .map(|r| r.party)
                    .sum(),
                waiting: regs
                    .iter()
                    .filter(|r| {
                        matches!(
                            r.status,
                            RegistrationStatus::Waiting | RegistrationStatus::Offered
                        )
                    })
                    .count(),
                attended: d.attended,
                cancelled: d.cancelled,
                id: d.id,
            });
        }
        Ok::<_, AppError>(Some(EventAdminPage {
            layout: Layout::new(
                ui.tr.clone(),
                event.title.clone(),
                "staff",
                ui.uri.path(),
                ui.uri.query(),
            ),
            id: event.id,
            dates,
            created,
        }))
    };
    match built.await {
        Ok(Some(page)) => render(StatusCode::OK, &page),
        Ok(None) => crate::pages::errors::not_found_page(&state, ui.lang, &ui.uri),
        Err(e) => crate::error::failure(e),
    }
}

/// A registration on the check-in list.
pub struct CheckinRow {
    id: String,
    position: i64,
    name: String,
    party: i64,
    code: String,
    status: String,
    confirmed: bool,
    present: bool,
}

#[derive(Template)]
#[template(path = "events/checkin.html")]
pub struct CheckinPage {
    layout: Layout,
    date_id: String,
    event_id: String,
    rows: Vec<CheckinRow>,
    saved: Option<String>,
    token: String,
    /// The date's local start and end, for the form that moves it.
    starts: String,
    ends: String,
    cancelled: bool,
    errors: Errors,
}

async fn checkin_page(
    state: &AppState,
    ui: &Page,
    viewer: &Viewer,
    date_id: &str,
    saved: bool,
) -> Result<Option<CheckinPage>, AppError> {
    let Some(date) = reading::date(state, date_id).await? else {
        return Ok(None);
    };
    let Some(event) = reading::event(state, &date.event_id).await? else {
        return Ok(None);
    };
    let regs = reading::registrations(state, date_id).await?;
    let confirmed: Vec<_> = regs
        .iter()
        .filter(|r| r.status == RegistrationStatus::Confirmed)
        .collect();
    let saved = saved.then(|| {
        ui.tr.s(
            "evorg-checkin-saved",
            &[
                (
                    "present",
                    confirmed
                        .iter()
                        .filter(|r| r.attended == Some(true))
                        .count()
                        .to_string(),
                ),
                ("confirmed", confirmed.len().to_string()),
            ],
        )
    });
    let title = ui.tr.s(
        "evorg-checkin-title",
        &[
            ("title", event.title.clone()),
            ("when", registration::when(state, ui.lang, date.starts_at)),
        ],
    );
    Ok(Some(CheckinPage {
        layout: Layout::new(ui.tr.clone(), title, "staff", ui.uri.path(), ui.uri.query()),
        date_id: date.id,
        event_id: event.id,
        rows: regs
            .into_iter()
            .map(|r| CheckinRow {
                confirmed: r.status == RegistrationStatus::Confirmed,
                present: r.attended == Some(true),
                status: ui.tr.t(&format!("evorg-status-{}", r.status.as_str())),
                id: r.id,
                position: r.position,
                name: r.name,
                party: r.party,
                code: r.checkin_code,
            })
            .collect(),
        saved,
        token: state.form_token(viewer),
        starts: local_text(date.starts_at),
        ends: local_text(date.ends_at),
        cancelled: date.cancelled,
        errors: Errors::default(),
    }))
}

/// A moment as the organiser types it: `YYYY-MM-DD HH:MM`, local time.
fn local_text(at: i64) -> String {
    chrono::DateTime::from_timestamp(at, 0)
        .map(|t| {
            loket_events::schedule::to_local(t)
                .format("%Y-%m-%d %H:%M")
                .to_string()
        })
        .unwrap_or_default()
}

pub async fn checkin(
    State(state): State<AppState>,
    ui: Page,
    SignedIn(viewer): SignedIn,
    Path(id): Path<String>,
) -> Response {
    match checkin_page(&state, &ui, &viewer, &id, false).await {
        Ok(Some(page)) => render(StatusCode::OK, &page),
        Ok(None) => crate::pages::errors::not_found_page(&state, ui.lang, &ui.uri),
        Err(e) => crate::error::failure(e),
    }
}

pub async fn record(
    State(state): State<AppState>,
    ui: Page,
    SignedIn(viewer): SignedIn,
    Path(id): Path<String>,
    CheckedForm(pairs): CheckedForm<Vec<(String, String)>>,
) -> Response {
    let present: Vec<String> = pairs
        .iter()
        .filter(|(k, _)| k == "present")
        .map(|(_, v)| v.clone())
        .collect();
    if let Err(e) = organise::check_in(&state, &viewer.account.id, &id, &present).await {
        return crate::error::failure(e);
    }
    match checkin_page(&state, &ui, &viewer, &id, true).await {
        Ok(Some(page)) => render(StatusCode::OK, &page),
        Ok(None) => crate::pages::errors::not_found_page(&state, ui.lang, &ui.uri),
        Err(e) => crate::error::failure(e),
    }
}

#[derive(Debug, Default, serde::Deserialize)]
pub struct MoveForm {
    #[serde(default)]
    starts: String,
    #[serde(default)]
    ends: String,
}

/// Moves the date; every problem next to its field on the date's page.
pub async fn move_date(
    State(state): State<AppState>,
    ui: Page,
    SignedIn(viewer): SignedIn,
    Path(id): Path<String>,
    CheckedForm(form): CheckedForm<MoveForm>,
) -> Response {
    match organise::move_date(&state, &viewer.account.id, &id, &form.starts, &form.ends).await {
        Ok(()) => {
            date_page_with(
                &state,
                &ui,
                &viewer,
                &id,
                Some(ui.tr.t("evorg-moved")),
                None,
            )
            .await
        }
        Err(AppError::Invalid(problems)) => {
            let mut errors = Errors::default();
            for p in problems {
                errors.add(
                    p.field,
                    ui.tr.t(&format!("evorg-error-{}-{}", p.field, p.problem)),
                );
            }
            date_page_with(&state, &ui, &viewer, &id, None, Some((form, errors))).await
        }
        Err(e) => crate::error::failure(e),
    }
}

pub async fn cancel_date(
    State(state): State<AppState>,
    ui: Page,
    SignedIn(viewer): SignedIn,
    Path(id): Path<String>,
    CheckedForm(_): CheckedForm<Vec<(String, String)>>,
) -> Response {
    match organise::cancel_date(&state, &viewer.account.id, &id).await {
        Ok(()) => {
            let done = Some(ui.tr.t("evorg-cancelled-done"));
            date_page_with(&state, &ui, &viewer, &id, done, None).await
        }
        Err(e) => crate::error::failure(e),
    }
}

/// The date's page with a message, or with the move form as typed and its errors.
async fn date_page_with(
    state: &AppState,
    ui: &Page,
    viewer: &Viewer,
    id: &str,
    message: Option<String>,
    refused: Option<(MoveForm, Errors)>,
) -> Response {
    match checkin_page(state, ui, viewer, id, false).await {
        Ok(Some(mut page)) => {
            page.saved = message;
            let status = match refused {
                Some((form, errors)) => {
                    page.starts = form.starts;
                    page.ends = form.ends;
                    page.errors = errors;
                    StatusCode::BAD_REQUEST
                }
                None => StatusCode::OK,
            };
            render(status, &page)
        }
        Ok(None) => crate::pages::errors::not_found_page(state, ui.lang, &ui.uri),
        Err(e) => crate::error::failure(e),
    }
}
