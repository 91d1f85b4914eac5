//! Events, their dates and registrations, written once for both sqlx backends.
//! Every change to a date's places starts by writing the date's row: that
//! takes PostgreSQL's row lock and SQLite's write lock first, so changes to one
//! date happen one after the other and always lock in the same order.

use crate::StoreResult;
use crate::events::{EventDate, Registration, RegistrationStatus};

pub const EVENT_COLUMNS: &str = "id, organisation_id, region, title, description, location_id, online_url, languages, target_groups, topics, first_start, first_end, rule, except_days, capacity, hold_hours, sequence, cancelled, created_by, created_at, updated_at";
pub const DATE_COLUMNS: &str = "id, event_id, recurrence_id, starts_at, ends_at, capacity, taken, sequence, cancelled, attended, no_shows";
pub const REGISTRATION_COLUMNS: &str = "id, date_id, position, party, name, email, lang, status, offered_until, checkin_code, attended, created_at";

/// A `StoredEvent` from an `events` row (more columns than a tuple may have).
#[macro_export]
macro_rules! sqlx_event_from_row {
    ($r:expr) => {{
        use ::sqlx::Row as _;
        let r = &$r;
        let get_text = |i: usize| -> $crate::StoreResult<String> {
            r.try_get::<String, _>(i).map_err($crate::sql::db)
        };
        let get_some = |i: usize| -> $crate::StoreResult<Option<String>> {
            r.try_get::<Option<String>, _>(i).map_err($crate::sql::db)
        };
        let get_int = |i: usize| -> $crate::StoreResult<i64> {
            r.try_get::<i64, _>(i).map_err($crate::sql::db)
        };
        (|| -> $crate::StoreResult<$crate::events::StoredEvent> {
            Ok($crate::events::StoredEvent {
                id: get_text(0)?,
                organisation_id: get_text(1)?,
                region: get_text(2)?,
                title: get_text(3)?,
                description: get_text(4)?,
                location_id: get_some(5)?,
                online_url: get_some(6)?,
                languages: $crate::sql::from_json(&get_text(7)?)?,
                target_groups: $crate::sql::from_json(&get_text(8)?)?,
                topics: $crate::sql::from_json(&get_text(9)?)?,
                first_start: get_text(10)?,
                first_end: get_text(11)?,
                rule: get_some(12)?,
                except_days: $crate::sql::from_json(&get_text(13)?)?,
                capacity: get_int(14)?,
                hold_hours: get_int(15)?,
                sequence: get_int(16)?,
                cancelled: get_int(17)? != 0,
                created_by: get_text(18)?,
                created_at: get_int(19)?,
                updated_at: get_int(20)?,
            })
        })()
    }};
}

/// An `event_dates` row.
pub type DateRow = (
    String,
    String,
    String,
    i64,
    i64,
    i64,
    i64,
    i64,
    i64,
    i64,
    i64,
);

pub fn date(row: DateRow) -> EventDate {
    let (
        id,
        event_id,
        recurrence_id,
        starts_at,
        ends_at,
        capacity,
        taken,
        sequence,
        cancelled,
        attended,
        no_shows,
    ) = row;
    EventDate {
        id,
        event_id,
        recurrence_id,
        starts_at,
        ends_at,
        capacity,
        taken,
        sequence,
        cancelled: cancelled != 0,
        attended,
        no_shows,
    }
}

/// An `event_registrations` row.
pub type RegistrationRow = (
    String,
    String,
    i64,
    i64,
    String,
    String,
    String,
    String,
    Option<i64>,
    String,
    Option<i64>,
    i64,
);

pub fn registration(row: RegistrationRow) -> StoreResult<Registration> {
    let (
        id,
        date_id,
        position,
        party,
        name,
        email,
        lang,
        status,
        offered_until,
        checkin_code,
        attended,
        created_at,
    ) = row;
    let status = RegistrationStatus::parse(&status)
        .ok_or_else(|| crate::StoreError::Corrupt(format!("registration {id}: status {status}")))?;
    Ok(Registration {
        id,
        date_id,
        position,
        party,
        name,
        email,
        lang,
        status,
        offered_until,
        checkin_code,
        attended: attended.map(|a| a != 0),
        created_at,
    })
}

/// Offers a date's free places to the waiting list, in order, inside the
/// caller's transaction (which holds the date's lock).
#[macro_export]
macro_rules! sqlx_offer_free_places {
    ($tx:expr, $date_id:expr, $at:expr, $offer:expr) => {{
        let (capacity, taken, starts_at, hold_hours): (i64, i64, i64, i64) = ::sqlx::query_as(
            "SELECT d.capacity, d.taken, d.starts_at, e.hold_hours FROM event_dates d JOIN events e ON e.id = d.event_id WHERE d.id = $1",
        )
        .bind($date_id)
        .fetch_one(&mut *$tx)
        .await
        .map_err($crate::sql::db)?;
        // Held for the event's hold time, but not past the start.
        let until = ($at + hold_hours * 3600).min(starts_at);
        // Nothing is offered for a date that has begun.
        let free = if starts_at <= $at { 0 } else { u32::try_from((capacity - taken).max(0)).unwrap_or(0) };
        let mut offered = Vec::new();
        if free > 0 {
            let line: Vec<$crate::sql::events::RegistrationRow> = ::sqlx::query_as(::sqlx::AssertSqlSafe(format!(
                "SELECT {} FROM event_registrations WHERE date_id = $1 AND status = 'waiting' ORDER BY position",
                $crate::sql::events::REGISTRATION_COLUMNS
            )))
            .bind($date_id)
            .fetch_all(&mut *$tx)
            .await
            .map_err($crate::sql::db)?;
            let line = line
                .into_iter()
                .map($crate::sql::events::registration)
                .collect::<$crate::StoreResult<Vec<_>>>()?;
            let parties: Vec<(String, u32)> = line
                .iter()
                .map(|r| (r.id.clone(), u32::try_from(r.party).unwrap_or(u32::MAX)))
                .collect();
            let chosen: Vec<String> = $crate::sql::events_rules::waiting::offers(free, &parties)
                .into_iter()
                .map(str::to_string)
                .collect();
            for mut r in line.into_iter().filter(|r| chosen.contains(&r.id)) {
                ::sqlx::query("UPDATE event_registrations SET status = 'offered', offered_until = $1, updated_at = $2 WHERE id = $3")
                    .bind(until)
                    .bind($at)
                    .bind(&r.id)
                    .execute(&mut *$tx)
                    .await
                    .map_err($crate::sql::db)?;
                ::sqlx::query("UPDATE event_dates SET taken = taken + $1 WHERE id = $2")
                    .bind(r.party)
                    .bind($date_id)
                    .execute(&mut *$tx)
                    .await
                    .map_err($crate::sql::db)?;
                r.status = $crate::events::RegistrationStatus::Offered;
                r.offered_until = Some(until);
                let mail = ($offer)(&r);
                $crate::sqlx_registration_link!($tx, &r.id, &mail.link_hash, &mail.mail_job, $at);
                offered.push(r);
            }
        }
        offered
    }};
}

/// Keeps a mailed link's hash for a registration and queues its mail.
#[macro_export]
macro_rules! sqlx_registration_link {
    ($tx:expr, $registration_id:expr, $link_hash:expr, $mail_job:expr, $at:expr) => {{
        ::sqlx::query("INSERT INTO event_registration_links (link_hash, registration_id, created_at) VALUES ($1, $2, $3)")
            .bind($link_hash)
            .bind($registration_id)
            .bind($at)
            .execute(&mut *$tx)
            .await
            .map_err($crate::sql::db)?;
        ::sqlx::query("INSERT INTO jobs (kind, payload, run_at) VALUES ('mail', $1, $2)")
            .bind($mail_job)
            .bind($at)
            .execute(&mut *$tx)
            .await
            .map_err($crate::sql::db)?;
    }};
}

/// Takes the lock on a date (a write to its row) within a transaction.
#[macro_export]
macro_rules! sqlx_lock_date {
    ($tx:expr, $date_id:expr) => {
        ::sqlx::query("UPDATE event_dates SET taken = taken WHERE id = $1")
            .bind($date_id)
            .execute(&mut *$tx)
            .await
            .map_err($crate::sql::db)?
    };
}
