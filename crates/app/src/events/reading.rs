//! Reading events for the pages: the dates still to come, an event with its
//! dates, a date's registrations (for its organiser).

use crate::{App, AppResult};
use loket_store::events::{EventDate, Registration, StoredEvent};

/// A date still to come, with its event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Upcoming {
    pub event: StoredEvent,
    pub date: EventDate,
}

/// The dates that have not ended, in order, of the events `keep` keeps.
pub async fn upcoming(app: &App, keep: impl Fn(&StoredEvent) -> bool) -> AppResult<Vec<Upcoming>> {
    let events: std::collections::HashMap<String, StoredEvent> = app
        .store
        .events()
        .await?
        .into_iter()
        .filter(|e| keep(e))
        .map(|e| (e.id.clone(), e))
        .collect();
    Ok(app
        .store
        .dates_from(app.clock.unix())
        .await?
        .into_iter()
        .filter_map(|date| {
            events.get(&date.event_id).map(|event| Upcoming {
                event: event.clone(),
                date,
            })
        })
        .collect())
}

pub async fn event(app: &App, id: &str) -> AppResult<Option<StoredEvent>> {
    Ok(app.store.event(id).await?)
}

/// Every event of these organisations (every event at all for `None`), newest first.
pub async fn events_of(app: &App, organisations: Option<&[String]>) -> AppResult<Vec<StoredEvent>> {
    Ok(app
        .store
        .events()
        .await?
        .into_iter()
        .filter(|e| organisations.is_none_or(|o| o.contains(&e.organisation_id)))
        .collect())
}

/// An event's dates, past ones included, in order.
pub async fn dates(app: &App, event_id: &str) -> AppResult<Vec<EventDate>> {
    Ok(app.store.event_dates(event_id).await?)
}

pub async fn date(app: &App, id: &str) -> AppResult<Option<EventDate>> {
    Ok(app.store.event_date(id).await?)
}

/// A date's registrations in the order they came (for its organiser).
pub async fn registrations(app: &App, date_id: &str) -> AppResult<Vec<Registration>> {
    Ok(app.store.registrations(date_id).await?)
}
