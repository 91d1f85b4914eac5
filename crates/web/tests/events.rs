#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)] // tests: a failed expectation is the failure
//! Events through the application layer, on SQLite and PostgreSQL: the Expat
//! Centre publishes a monthly Meet & Greet at its own location, its dates are
//! stored each with its places, and the region's calendar feed (read by
//! Python's icalendar and recurring-ical-events) holds the series at 19:00
//! local time; a moved date keeps its UID with a higher SEQUENCE. Bad input
//! names every problem and stores nothing.

mod support;

use loket_app::AppError;
use loket_app::events::feed::{Calendar, ics};
use loket_app::events::organise::{Organiser, create};
use loket_events::event::EventInput;
use loket_events::schedule::ScheduleInput;
use std::io::Write;
use std::process::{Command, Stdio};

const EXPAT_CENTRE: &str = "e9406250-5b55-5158-8a2f-40d0327f7e67";
const EXPAT_CENTRE_OFFICE: &str = "75ad7a4a-5e76-5fbc-851e-8e10f57bc15a";
const GIP_OFFICE: &str = "17b11b82-7fe5-567b-b2e6-31628055116c";

fn organiser() -> Organiser {
    Organiser {
        account_id: "organiser".into(),
        organisation_id: EXPAT_CENTRE.into(),
        region: "zuid-limburg".into(),
    }
}

/// First Thursdays from January to June of next year (across summer time).
fn meet_and_greet() -> EventInput {
    let year = chrono::Utc::now()
        .format("%Y")
        .to_string()
        .parse::<i32>()
        .unwrap()
        + 1;
    let first = (1..=7)
        .map(|d| chrono::NaiveDate::from_ymd_opt(year, 1, d).unwrap())
        .find(|d| chrono::Datelike::weekday(d) == chrono::Weekday::Thu)
        .unwrap();
    EventInput {
        title: "Meet & Greet".into(),
        description: "Drinks for internationals, every first Thursday".into(),
        location_id: EXPAT_CENTRE_OFFICE.into(),
        languages: vec!["en".into(), "nl".into()],
        target_groups: vec!["expat".into()],
        topics: vec!["living".into()],
        capacity: "20".into(),
        schedule: ScheduleInput {
            starts: format!("{first}T19:00"),
            ends: format!("{first}T21:00"),
            rule: "FREQ=MONTHLY;BYDAY=1TH;COUNT=6".into(),
            except: String::new(),
        },
        ..EventInput::default()
    }
}

fn expand(feed: &str) -> Vec<serde_json::Value> {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    let mut child = Command::new(format!("{root}/scripts/ical-expand"))
        .args(["2000-01-01", "2100-01-01"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("scripts/ical-expand runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(feed.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

async fn publishes_a_series_and_its_calendar_follows_a_moved_date(t: support::TestApp) {
    let app = &t.state.app;
    let id = create(app, &organiser(), &meet_and_greet())
        .await
        .expect("published");
    let dates = app.store.event_dates(&id).await.expect("dates");
    assert_eq!(dates.len(), 6);
    assert!(dates.iter().all(|d| d.capacity == 20 && d.taken == 0));
    let feed = ics(
        app,
        &Calendar::Region("zuid-limburg".into()),
        "Zuid-Limburg",
    )
    .await
    .expect("feed");
    let seen = expand(&feed);
    assert_eq!(seen.len(), 6);
    assert!(
        seen.iter()
            .all(|s| s["start"].as_str().unwrap().ends_with("19:00")),
        "{seen:?}"
    );
    assert!(feed.contains("LOCATION:Expat Centre Maastricht Region\\, Maastricht"));
    // Another region's calendar does not hold it; the organisation's does.
    let other = ics(app, &Calendar::Region("noord-limburg".into()), "Noord")
        .await
        .expect("feed");
    assert!(expand(&other).is_empty());
    let own = ics(
        app,
        &Calendar::Organisation(EXPAT_CENTRE.into()),
        "Expat Centre",
    )
    .await
    .expect("feed");
    assert_eq!(expand(&own).len(), 6);
    // The second date moves an hour later: same UID, higher SEQUENCE.
    let second = &dates[1];
    assert!(
        app.store
            .move_date(
                &second.id,
                second.starts_at + 3600,
                second.ends_at + 3600,
                app.clock.unix()
            )
            .await
            .expect("move")
    );
    let after = expand(
        &ics(app, &Calendar::Topic("living".into()), "Living")
            .await
            .expect("feed"),
    );
    let moved = after
        .iter()
        .find(|s| s["start"].as_str().unwrap().ends_with("20:00"))
        .expect("the moved date");
    assert_eq!(moved["uid"], seen[1]["uid"]);
    assert!(moved["sequence"].as_u64().unwrap() > seen[1]["sequence"].as_u64().unwrap());
}

async fn bad_input_names_every_problem_and_stores_nothing(t: support::TestApp) {
    let app = &t.state.app;
    let mut input = meet_and_greet();
    input.capacity = "0".into();
    input.location_id = GIP_OFFICE.into(); // another organisation's office
    input.schedule.rule = "FREQ=MONTHLY;BYDAY=1TH".into();
    input.schedule.ends = input.schedule.starts.replace("19:00", "18:00");
    let Err(AppError::Invalid(problems)) = create(app, &organiser(), &input).await else {
        panic!("refused");
    };
    let named: Vec<(&str, &str)> = problems.iter().map(|p| (p.field, p.problem)).collect();
    for expected in [
        ("location_id", "unknown"),
        ("capacity", "at-least-one"),
        ("ends", "ends-before-start"),
        ("rule", "rule-never-ends"),
    ] {
        assert!(named.contains(&expected), "{expected:?} in {named:?}");
    }
    assert!(app.store.events().await.expect("events").is_empty());
}

#[tokio::test]
async fn sqlite_publishes_a_series_and_its_calendar_follows_a_moved_date() {
    publishes_a_series_and_its_calendar_follows_a_moved_date(support::app().await).await;
}

#[tokio::test]
async fn postgres_publishes_a_series_and_its_calendar_follows_a_moved_date() {
    publishes_a_series_and_its_calendar_follows_a_moved_date(support::postgres_app().await).await;
}

#[tokio::test]
async fn sqlite_bad_input_names_every_problem_and_stores_nothing() {
    bad_input_names_every_problem_and_stores_nothing(support::app().await).await;
}

#[tokio::test]
async fn postgres_bad_input_names_every_problem_and_stores_nothing() {
    bad_input_names_every_problem_and_stores_nothing(support::postgres_app().await).await;
}
