//! Storage of events: each event with its dates (each date with its own
//! capacity, moved or cancelled on its own), and the registrations for a date
//! with the waiting list. Registering, cancelling and offering freed places
//! each happen under a lock on the date, in one transaction with the mail they
//! send, so people registering at the same moment are placed in order and a
//! place is never given twice.

use async_trait::async_trait;

use crate::StoreResult;

/// An event as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredEvent {
    pub id: String,
    pub organisation_id: String,
    /// The labour-market region (its code) the event belongs to.
    pub region: String,
    pub title: String,
    pub description: String,
    pub location_id: Option<String>,
    pub online_url: Option<String>,
    pub languages: Vec<String>,
    pub target_groups: Vec<String>,
    pub topics: Vec<String>,
    /// The first date's local start and end (`YYYY-MM-DDTHH:MM`).
    pub first_start: String,
    pub first_end: String,
    /// The RRULE, if the event repeats.
    pub rule: Option<String>,
    /// Days left out of the series (`YYYY-MM-DD`).
    pub except_days: Vec<String>,
    pub capacity: i64,
    pub hold_hours: i64,
    /// Rises with every change to the event (the feeds' SEQUENCE).
    pub sequence: i64,
    pub cancelled: bool,
    pub created_by: String,
    pub created_at: i64,
    pub updated_at: i64,
}

/// One date of an event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventDate {
    pub id: String,
    pub event_id: String,
    /// The local start the schedule gave it; kept when the date moves.
    pub recurrence_id: String,
    pub starts_at: i64,
    pub ends_at: i64,
    pub capacity: i64,
    /// Places confirmed or held for someone offered one.
    pub taken: i64,
    /// Rises with every change to this date.
    pub sequence: i64,
    pub cancelled: bool,
    /// People who came and who did not (parties counted whole), from the check-in.
    pub attended: i64,
    pub no_shows: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RegistrationStatus {
    Confirmed,
    Waiting,
    /// A freed place is held for them until `offered_until`.
    Offered,
    Cancelled,
    /// An offer that was not taken in time.
    Expired,
}

impl RegistrationStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Confirmed => "confirmed",
            Self::Waiting => "waiting",
            Self::Offered => "offered",
            Self::Cancelled => "cancelled",
            Self::Expired => "expired",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        [
            Self::Confirmed,
            Self::Waiting,
            Self::Offered,
            Self::Cancelled,
            Self::Expired,
        ]
        .into_iter()
        .find(|s| s.as_str() == text)
    }
}

/// A registration for a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Registration {
    pub id: String,
    pub date_id: String,
    /// Its place in the order of registering (1 is the first).
    pub position: i64,
    pub party: i64,
    pub name: String,
    pub email: String,
    pub lang: String,
    pub status: RegistrationStatus,
    pub offered_until: Option<i64>,
    /// The code at the door (and in its QR code).
    pub checkin_code: String,
    /// After the check-in: present or not; before it, none.
    pub attended: Option<bool>,
    pub created_at: i64,
}

/// A registration to be placed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewRegistration {
    pub id: String,
    pub date_id: String,
    pub party: i64,
    pub name: String,
    pub email: String,
    pub lang: String,
    pub checkin_code: String,
    /// The hash of the link in the mail (to cancel, or take an offered place).
    pub link_hash: String,
    /// The mail job's payload if a place is confirmed, and if it waits.
    pub mail_if_confirmed: String,
    pub mail_if_waiting: String,
}

/// The reminders before a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reminder {
    /// A week before.
    Week,
    /// A day before.
    Day,
}

impl Reminder {
    /// The registration's column that says when it went out.
    pub fn column(self) -> &'static str {
        match self {
            Reminder::Week => "reminded_week",
            Reminder::Day => "reminded_day",
        }
    }
}

/// A mail with a new link for a registration (an offer, a reminder).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkMail {
    pub link_hash: String,
    pub mail_job: String,
}

/// Makes the mail offering a place to a registration (the store calls it for
/// each person it offers a place to, inside its transaction).
pub type OfferMail<'a> = &'a (dyn Fn(&Registration) -> LinkMail + Send + Sync);

#[async_trait]
pub trait EventStore: Send + Sync + 'static {
    /// Stores an event with all its dates, or nothing.
    async fn create_event(&self, event: &StoredEvent, dates: &[EventDate]) -> StoreResult<()>;
    async fn event(&self, id: &str) -> StoreResult<Option<StoredEvent>>;
    /// Every event, newest first.
    async fn events(&self) -> StoreResult<Vec<StoredEvent>>;
    /// An event's dates, in order.
    async fn event_dates(&self, event_id: &str) -> StoreResult<Vec<EventDate>>;
    /// The dates of all events that end at or after `from`, in order.
    async fn dates_from(&self, from: i64) -> StoreResult<Vec<EventDate>>;
    async fn event_date(&self, date_id: &str) -> StoreResult<Option<EventDate>>;
    /// Places a registration: a place while places last and nobody waits,
    /// else the waiting list; with its link and its mail. `None` when the
    /// date is cancelled, has begun at `at`, or does not exist.
    async fn register(&self, r: &NewRegistration, at: i64) -> StoreResult<Option<Registration>>;
    async fn registration(&self, id: &str) -> StoreResult<Option<Registration>>;
    async fn registration_by_link(&self, link_hash: &str) -> StoreResult<Option<Registration>>;
    /// A date's registrations in the order they came.
    async fn registrations(&self, date_id: &str) -> StoreResult<Vec<Registration>>;
    /// Cancels a registration; the places it frees are offered at once to
    /// the next in line, held for the event's hold time (not past the start).
    /// `None` when it was already cancelled or expired; else the
    /// registrations offered a place.
    async fn cancel_registration(
        &self,
        id: &str,
        at: i64,
        offer: OfferMail<'_>,
    ) -> StoreResult<Option<Vec<Registration>>>;
    /// Takes an offered place before the offer ends; `false` otherwise.
    async fn accept_offer(&self, id: &str, at: i64) -> StoreResult<bool>;
    /// Ends the offers not taken by `at` and offers their places to the next
    /// in line; the registrations offered a place.
    async fn expire_offers(&self, at: i64, offer: OfferMail<'_>) -> StoreResult<Vec<Registration>>;
    /// Moves a date (its SEQUENCE rises) and queues `mails` (the `mail` jobs'
    /// payloads) with it; `false` for no such date.
    async fn move_date(
        &self,
        date_id: &str,
        starts_at: i64,
        ends_at: i64,
        at: i64,
        mails: &[String],
    ) -> StoreResult<bool>;
    /// Cancels a date and queues `mails` with it; `false` for no such date or
    /// one already cancelled.
    async fn cancel_date(&self, date_id: &str, at: i64, mails: &[String]) -> StoreResult<bool>;
    /// Records who came: the confirmed registrations in `present` attended,
    /// the other confirmed ones did not.
    async fn record_attendance(
        &self,
        date_id: &str,
        present: &[String],
        at: i64,
    ) -> StoreResult<()>;
    /// Deletes the registrations (names, addresses, links) of dates that ended
    /// before `before`; the dates keep their counts. How many were deleted.
    /// Queues the reminders of `which` for confirmed registrations of dates
    /// (not cancelled) that start after `from` and no later than `to`, made
    /// no later than `made_before`, each at most once (with its own link and mail);
    /// the registrations reminded.
    async fn queue_reminders(
        &self,
        which: Reminder,
        from: i64,
        to: i64,
        made_before: i64,
        at: i64,
        mail: OfferMail<'_>,
    ) -> StoreResult<Vec<Registration>>;
    /// The check-in counts of the dates that start between `from` and `to`
    /// (Unix seconds): each date's start, its event's organiser, who came and
    /// who did not; dates nobody checked in are left out.
    async fn attendance_between(
        &self,
        from: i64,
        to: i64,
    ) -> StoreResult<Vec<(i64, String, i64, i64)>>;
    async fn erase_registrations_ended_before(&self, before: i64) -> StoreResult<u64>;
}
