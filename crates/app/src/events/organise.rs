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
    // Who it is for: the front door's answers to "who are you".
    let flow = app.flow_of(None);
    let groups: Vec<&str> = flow
        .question("who")
        .map(|q| q.options.iter().map(|o| o.value.as_str()).collect())
        .unwrap_or_default();
    if input
        .target_groups
        .iter()
        .any(|g| !groups.contains(&g.as_str()))
    {
        problems.push(FieldProblem {
            field: "target_groups",
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

/// Moves a date to a new local start and end (`YYYY-MM-DD HH:MM`); everyone
/// registered hears of it by mail, in the same transaction. The feeds show the
/// date moved with a higher SEQUENCE.
pub async fn move_date(
    app: &App,
    account_id: &str,
    date_id: &str,
    starts: &str,
    ends: &str,
) -> AppResult<()> {
    let date = app
        .store
        .event_date(date_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let event = app
        .store
        .event(&date.event_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let recurrence = loket_events::schedule::local(&date.recurrence_id).unwrap_or_default();
    let (Some(s), Some(e)) = (
        loket_events::schedule::local(starts),
        loket_events::schedule::local(ends),
    ) else {
        let mut problems = Vec::new();
        if loket_events::schedule::local(starts).is_none() {
            problems.push(FieldProblem {
                field: "starts",
                problem: "starts-invalid",
            });
        }
        if loket_events::schedule::local(ends).is_none() {
            problems.push(FieldProblem {
                field: "ends",
                problem: "ends-invalid",
            });
        }
        return Err(AppError::Invalid(problems));
    };
    let moved = loket_events::schedule::moved(recurrence, s, e).map_err(|p| {
        AppError::Invalid(vec![FieldProblem {
            field: p.field(),
            problem: p.code(),
        }])
    })?;
    let mut changed = date.clone();
    changed.starts_at = moved.starts_at.timestamp();
    changed.ends_at = moved.ends_at.timestamp();
    let mails = registrant_mails(app, &event, &changed, "event-mail-moved").await?;
    if !app
        .store
        .move_date(
            date_id,
            changed.starts_at,
            changed.ends_at,
            app.clock.unix(),
            &mails,
        )
        .await?
    {
        return Err(AppError::NotFound);
    }
    app.record_audit(crate::audit::web_event(
        "event.move-date",
        format!("event-date/{date_id}"),
        AuditResult::Success,
        account_id,
    ))
    .await;
    Ok(())
}

/// Cancels a date; everyone registered hears of it by mail, and the feeds
/// show it as cancelled. `Conflict` when it was cancelled already.
pub async fn cancel_date(app: &App, account_id: &str, date_id: &str) -> AppResult<()> {
    let date = app
        .store
        .event_date(date_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let event = app
        .store
        .event(&date.event_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let mails = registrant_mails(app, &event, &date, "event-mail-cancelled").await?;
    if !app
        .store
        .cancel_date(date_id, app.clock.unix(), &mails)
        .await?
    {
        return Err(AppError::Conflict {
            current: "cancelled".into(),
        });
    }
    app.record_audit(crate::audit::web_event(
        "event.cancel-date",
        format!("event-date/{date_id}"),
        AuditResult::Success,
        account_id,
    ))
    .await;
    Ok(())
}

/// The mails (`{key}-subject`, `{key}-body`) to everyone still registered for
/// a date, each in their own language.
async fn registrant_mails(
    app: &App,
    event: &StoredEvent,
    date: &EventDate,
    key: &str,
) -> AppResult<Vec<String>> {
    use loket_i18n::FluentArg;
    let page = format!(
        "{}/evenementen/{}",
        app.public_url.trim_end_matches('/'),
        event.id
    );
    let mut mails = Vec::new();
    for r in app.store.registrations(&date.id).await? {
        if !matches!(
            r.status,
            loket_store::events::RegistrationStatus::Confirmed
                | loket_store::events::RegistrationStatus::Waiting
                | loket_store::events::RegistrationStatus::Offered
        ) {
            continue;
        }
        let lang: loket_domain::Lang = r.lang.parse().unwrap_or_default();
        let args = [
            ("title", FluentArg::Str(event.title.clone())),
            (
                "when",
                FluentArg::Str(crate::events::registration::when(app, lang, date.starts_at)),
            ),
            (
                "url",
                FluentArg::Str(format!("{page}?lang={}", lang.code())),
            ),
        ];
        let mail = crate::mail::Mail {
            to: r.email.clone(),
            subject: app
                .i18n
                .t_args(lang.code(), &format!("{key}-subject"), &args),
            body: app.i18n.t_args(lang.code(), &format!("{key}-body"), &args),
            unsubscribe: None,
            calendar: None,
        };
        mails.push(serde_json::to_string(&mail).map_err(|e| AppError::Unavailable(e.to_string()))?);
    }
    Ok(mails)
}
