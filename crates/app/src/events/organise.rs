//! Publishing an event: the organiser's input is checked whole (every problem
//! at once), the place must be one of the organisation's catalogue locations,
//! and the event is stored with all its dates or not at all.

use crate::{App, AppError, AppResult};
use loket_domain::audit::AuditResult;
use loket_domain::referral::FieldProblem;
use loket_events::event::EventInput;
use loket_events::schedule::LOCAL_FORMAT;
use loket_store::events::{EventDate, StoredEvent};

/// Who organises: the organisation (one the person works for) and the region
/// the event belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Organiser {
    pub account_id: String,
    pub organisation_id: String,
    pub region: String,
}

/// Publishes an event; its id.
pub async fn create(app: &App, organiser: &Organiser, input: &EventInput) -> AppResult<String> {
    let idx = app.index();
    let mut problems: Vec<FieldProblem> = Vec::new();
    if idx.organization(&organiser.organisation_id).is_none() {
        problems.push(FieldProblem {
            field: "organisation",
            problem: "unknown",
        });
    }
    if idx.regions.get(&organiser.region).is_none() {
        problems.push(FieldProblem {
            field: "region",
            problem: "unknown",
        });
    }
    let location = input.location_id.trim();
    if !location.is_empty()
        && idx
            .location(location)
            .is_none_or(|l| l.organization_id.as_str() != organiser.organisation_id)
    {
        problems.push(FieldProblem {
            field: "location_id",
            problem: "unknown",
        });
    }
    let draft = match input.check() {
        Ok(draft) if problems.is_empty() => draft,
        Ok(_) => return Err(AppError::Invalid(problems)),
        Err(found) => {
            problems.extend(found.iter().map(|p| FieldProblem {
                field: p.field,
                problem: p.code,
            }));
            return Err(AppError::Invalid(problems));
        }
    };
    let occurrences = draft.schedule.dates().map_err(|ps| {
        AppError::Invalid(
            ps.iter()
                .map(|p| FieldProblem {
                    field: p.field(),
                    problem: p.code(),
                })
                .collect(),
        )
    })?;
    let id = uuid::Uuid::new_v4().to_string();
    let now = app.clock.unix();
    let capacity = i64::from(draft.capacity);
    let dates: Vec<EventDate> = occurrences
        .iter()
        .map(|o| EventDate {
            id: uuid::Uuid::new_v4().to_string(),
            event_id: id.clone(),
            recurrence_id: o.recurrence_id.format(LOCAL_FORMAT).to_string(),
            starts_at: o.starts_at.timestamp(),
            ends_at: o.ends_at.timestamp(),
            capacity,
            taken: 0,
            sequence: 0,
            cancelled: false,
            attended: 0,
            no_shows: 0,
        })
        .collect();
    let event = StoredEvent {
        id: id.clone(),
        organisation_id: organiser.organisation_id.clone(),
        region: organiser.region.clone(),
        title: draft.title,
        description: draft.description,
        location_id: draft.location_id,
        online_url: draft.online_url,
        languages: draft.languages,
        target_groups: draft.target_groups,
        topics: draft.topics,
        first_start: draft.schedule.first.format(LOCAL_FORMAT).to_string(),
        first_end: (draft.schedule.first + draft.schedule.duration)
            .format(LOCAL_FORMAT)
            .to_string(),
        rule: draft.schedule.rule.clone(),
        except_days: draft
            .schedule
            .except
            .iter()
            .map(|d| d.to_string())
            .collect(),
        capacity,
        hold_hours: i64::from(draft.hold_hours),
        sequence: 0,
        cancelled: false,
        created_by: organiser.account_id.clone(),
        created_at: now,
        updated_at: now,
    };
    app.store.create_event(&event, &dates).await?;
    app.record_audit(crate::audit::web_event(
        "event.create",
        format!("event/{id}"),
        AuditResult::Success,
        &organiser.account_id,
    ))
    .await;
    Ok(id)
}

/// Records who came to a date (the confirmed registrations in `present`; the
/// others did not come), as its organiser at the door.
pub async fn check_in(
    app: &App,
    account_id: &str,
    date_id: &str,
    present: &[String],
) -> AppResult<()> {
    if app.store.event_date(date_id).await?.is_none() {
        return Err(AppError::NotFound);
    }
    app.store
        .record_attendance(date_id, present, app.clock.unix())
        .await?;
    app.record_audit(crate::audit::web_event(
        "event.check-in",
        format!("event-date/{date_id}"),
        AuditResult::Success,
        account_id,
    ))
    .await;
    Ok(())
}

/// The check-in counts of the dates held from `first` to `last` (days in the
/// Netherlands), for the monitoring indicators.
pub async fn attendance(
    app: &App,
    first: chrono::NaiveDate,
    last: chrono::NaiveDate,
) -> AppResult<Vec<loket_domain::monitoring::measure::Attendance>> {
    use chrono::TimeZone;
    let zone = loket_events::schedule::ZONE;
    let start = |d: chrono::NaiveDate| {
        zone.from_local_datetime(&d.and_time(chrono::NaiveTime::MIN))
            .earliest()
            .map(|t| t.timestamp())
            .unwrap_or_default()
    };
    let rows = app
        .store
        .attendance_between(start(first), start(last + chrono::Duration::days(1)))
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(at, organisation, attended, no_shows)| {
            let day =
                loket_events::schedule::to_local(chrono::DateTime::from_timestamp(at, 0)?).date();
            Some(loket_domain::monitoring::measure::Attendance {
                day,
                organisation,
                attended: u64::try_from(attended).unwrap_or(0),
                no_shows: u64::try_from(no_shows).unwrap_or(0),
            })
        })
        .collect())
}
