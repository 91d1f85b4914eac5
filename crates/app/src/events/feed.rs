//! Calendars: the iCalendar feed of a region, an organisation or a topic.
//! Each event is one series (its rule and left-out days); a date that was
//! moved or cancelled is written as its own change to the series.

use crate::{App, AppResult};
use loket_domain::Lang;
use loket_events::ical::{ChangedDate, FeedEvent, calendar};
use loket_events::schedule::{local, to_local};
use loket_store::events::{EventDate, StoredEvent};

/// Which events a calendar holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Calendar {
    All,
    Event(String),
    Region(String),
    Organisation(String),
    Topic(String),
}

impl Calendar {
    fn holds(&self, e: &StoredEvent) -> bool {
        match self {
            Calendar::All => true,
            Calendar::Event(id) => &e.id == id,
            Calendar::Region(code) => &e.region == code,
            Calendar::Organisation(id) => &e.organisation_id == id,
            Calendar::Topic(topic) => e.topics.contains(topic),
        }
    }
}

/// The feed of a calendar named `name`: its events with dates not yet ended.
pub async fn ics(app: &App, which: &Calendar, name: &str) -> AppResult<String> {
    let now = app.clock.now();
    let dates = app.store.dates_from(now.timestamp()).await?;
    let mut events = Vec::new();
    for e in app
        .store
        .events()
        .await?
        .into_iter()
        .filter(|e| which.holds(e))
    {
        let own: Vec<&EventDate> = dates.iter().filter(|d| d.event_id == e.id).collect();
        if own.is_empty() {
            continue;
        }
        events.push(feed_event(app, &e, &own));
    }
    Ok(calendar(name, &events, now))
}

/// An event as a feed shows it.
fn feed_event(app: &App, e: &StoredEvent, dates: &[&EventDate]) -> FeedEvent {
    let host = app
        .public_url
        .trim_end_matches('/')
        .rsplit('/')
        .next()
        .unwrap_or("loket")
        .to_string();
    let first_start = local(&e.first_start).unwrap_or_default();
    let first_end = local(&e.first_end).unwrap_or(first_start);
    let time = first_start.time();
    let changed = dates
        .iter()
        .filter_map(|d| {
            let recurrence_id = local(&d.recurrence_id)?;
            let starts = to_local(chrono::DateTime::from_timestamp(d.starts_at, 0)?);
            let ends = to_local(chrono::DateTime::from_timestamp(d.ends_at, 0)?);
            (d.sequence > 0).then_some(ChangedDate {
                recurrence_id,
                starts,
                ends,
                sequence: u32::try_from(d.sequence).unwrap_or(u32::MAX),
                cancelled: d.cancelled,
            })
        })
        .collect();
    let location = e
        .location_id
        .as_deref()
        .and_then(|id| {
            app.index()
                .location(id)
                .map(|l| l.name.get(Lang::Nl).to_string())
        })
        .or_else(|| e.online_url.clone())
        .unwrap_or_default();
    let mut feed = FeedEvent {
        uid: format!("{}@{host}", e.id),
        sequence: u32::try_from(e.sequence).unwrap_or(u32::MAX),
        summary: e.title.clone(),
        description: e.description.clone(),
        location,
        url: format!(
            "{}/evenementen/{}",
            app.public_url.trim_end_matches('/'),
            e.id
        ),
        cancelled: e.cancelled,
        first_start,
        first_end,
        rule: e.rule.clone(),
        except: e
            .except_days
            .iter()
            .filter_map(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
            .map(|d| d.and_time(time))
            .collect(),
        changed,
        updated: chrono::DateTime::from_timestamp(e.updated_at, 0).unwrap_or_default(),
    };
    // A one-off event has no series to change: its one date is the event.
    if feed.rule.is_none()
        && let Some(only) = feed.changed.pop()
    {
        feed.first_start = only.starts;
        feed.first_end = only.ends;
        feed.sequence = feed.sequence.saturating_add(only.sequence);
        feed.cancelled |= only.cancelled;
    }
    feed
}

/// One registered date as a calendar file (sent with the confirmation): the
/// date's own UID, so it stands beside a subscribed series without replacing it.
pub fn date_ics(app: &App, event: &StoredEvent, date: &EventDate) -> String {
    let mut one = feed_event(app, event, &[]);
    one.uid = format!("{}-{}", date.id, one.uid);
    one.rule = None;
    one.except.clear();
    let at = |t: i64| {
        chrono::DateTime::from_timestamp(t, 0)
            .map(to_local)
            .unwrap_or_default()
    };
    one.first_start = at(date.starts_at);
    one.first_end = at(date.ends_at);
    one.sequence = u32::try_from(event.sequence + date.sequence).unwrap_or(u32::MAX);
    one.cancelled |= date.cancelled;
    calendar(&event.title, &[one], app.clock.now())
}
