//! Events in words, shared by the calendar, an event's page and the
//! organiser's pages: a date's line (when, where, how many places are left).

use crate::AppState;
use crate::present::Tr;
use loket_app::AppResult;
use loket_app::events::reading::{self, Upcoming};
use loket_app::events::registration;
use loket_domain::Lang;
use loket_store::events::StoredEvent;

/// One date as a line of the calendar.
pub struct DateLine {
    pub event_id: String,
    pub date_id: String,
    pub title: String,
    pub when: String,
    pub place: String,
    /// "3 places left", "Full: waiting list" or "Cancelled".
    pub availability: String,
    /// Registration is possible (not cancelled; the waiting list counts).
    pub open: bool,
}

/// The dates still to come of the events `keep` keeps, in words.
pub async fn upcoming(
    state: &AppState,
    tr: &Tr,
    keep: impl Fn(&StoredEvent) -> bool,
) -> AppResult<Vec<DateLine>> {
    let dates = reading::upcoming(state, keep).await?;
    Ok(dates
        .into_iter()
        .filter(|u| u.date.starts_at > state.clock.unix())
        .map(|u| line(state, tr, &u))
        .collect())
}

fn line(state: &AppState, tr: &Tr, u: &Upcoming) -> DateLine {
    let left = (u.date.capacity - u.date.taken).max(0);
    let cancelled = u.event.cancelled || u.date.cancelled;
    let availability = if cancelled {
        tr.t("ev-cancelled")
    } else if left > 0 {
        tr.n(
            "ev-places-left",
            "places",
            usize::try_from(left).unwrap_or(0),
        )
    } else {
        tr.t("ev-full")
    };
    DateLine {
        event_id: u.event.id.clone(),
        date_id: u.date.id.clone(),
        title: u.event.title.clone(),
        when: registration::when(state, tr.lang, u.date.starts_at),
        place: place(state, tr.lang, &u.event),
        availability,
        open: !cancelled,
    }
}

/// Where an event takes place: its location's name, or "Online".
pub fn place(state: &AppState, lang: Lang, event: &StoredEvent) -> String {
    let idx = state.index();
    match event.location_id.as_deref().and_then(|id| idx.location(id)) {
        Some(l) => l.name.get(lang).to_string(),
        None => state.i18n.t(lang.code(), "ev-online"),
    }
}

/// The next dates that fit a front-door visitor: events of the visitor's
/// region (or of any region when it is not known) for who they are (or for
/// everyone), open to registration; at most `limit`.
pub async fn for_visitor(
    state: &AppState,
    tr: &Tr,
    who: &str,
    region: Option<&str>,
    limit: usize,
) -> Vec<DateLine> {
    let fits = |e: &StoredEvent| {
        region.is_none_or(|r| e.region == r)
            && (e.target_groups.is_empty() || e.target_groups.iter().any(|g| g == who))
            && !e.cancelled
    };
    match upcoming(state, tr, fits).await {
        Ok(dates) => dates.into_iter().filter(|d| d.open).take(limit).collect(),
        Err(e) => {
            // The result stands without its events: say so in the log only.
            tracing::warn!(error = %e, "reading the events for a front-door result failed");
            Vec::new()
        }
    }
}
