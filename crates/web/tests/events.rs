#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)] // tests: a failed expectation is the failure
//! Events through the application layer, on SQLite and PostgreSQL: the Expat
//! Centre publishes a monthly Meet & Greet at its own location, its dates are
//! stored each with its places, and the region's calendar feed (read by
//! Python's icalendar and recurring-ical-events) holds the series at 19:00
//! local time; a moved date keeps its UID with a higher SEQUENCE. Bad input
//! names every problem and stores nothing.

mod support;

use axum::http::StatusCode;
use loket_app::AppError;
use loket_app::events::feed::{Calendar, ics};
use loket_app::events::organise::{Organiser, create};
use loket_domain::account::Role;
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
        target_groups: vec!["international-talent".into()],
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
    let local = |at: i64| {
        loket_events::schedule::to_local(chrono::DateTime::from_timestamp(at, 0).unwrap())
            .format("%Y-%m-%d %H:%M")
            .to_string()
    };
    loket_app::events::organise::move_date(
        app,
        "organiser",
        &second.id,
        &local(second.starts_at + 3600),
        &local(second.ends_at + 3600),
    )
    .await
    .expect("moved");
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

/// The value of the first `href="…"` on a page that starts with `prefix`.
fn href(body: &str, prefix: &str) -> String {
    let marker = format!("href=\"{prefix}");
    let rest = body
        .split(&marker)
        .nth(1)
        .unwrap_or_else(|| panic!("no link {prefix} in:\n{body}"));
    format!("{prefix}{}", rest.split('"').next().unwrap())
}

/// The path (with its query) of a mailed link.
fn path_of(link: &str) -> String {
    let after = link.split_once("://").map(|x| x.1).unwrap_or(link);
    format!("/{}", after.split_once('/').map(|x| x.1).unwrap_or(""))
}

async fn register(
    t: &support::TestApp,
    event: &str,
    date: &str,
    name: &str,
    email: &str,
) -> support::Reply {
    let mut visitor = support::Client::default();
    let page = visitor
        .get(&t.router, &format!("/evenementen/{event}?lang=en"))
        .await;
    assert_eq!(page.status, StatusCode::OK);
    let token = page.input("token");
    visitor
        .post(
            &t.router,
            &format!("/evenementen/{event}/aanmelden?lang=en"),
            &[
                ("token", &token),
                ("date", date),
                ("name", name),
                ("email", email),
                ("party", "1"),
                ("consent", "yes"),
            ],
        )
        .await
}

#[tokio::test]
async fn an_organiser_publishes_people_register_cancel_and_the_next_in_line_takes_the_place() {
    let t = support::app().await;
    let sink = t.mail.as_ref().expect("smtp sink");
    let (mut staff, _) = support::signed_in(&t.state, Role::Staff, Some(EXPAT_CENTRE)).await;
    let page = staff.get(&t.router, "/beheer/evenementen?lang=en").await;
    assert_eq!(page.status, StatusCode::OK);
    let token = page.input("token");
    let year = chrono::Utc::now()
        .format("%Y")
        .to_string()
        .parse::<i32>()
        .unwrap()
        + 1;
    let starts = format!("{year}-01-07 19:00");
    let ends = format!("{year}-01-07 21:00");
    let mut fields = vec![
        ("token", token.as_str()),
        ("organisation", EXPAT_CENTRE),
        ("region", "zuid-limburg"),
        ("title", "Meet & Greet"),
        ("description", "Drinks for internationals."),
        ("location_id", EXPAT_CENTRE_OFFICE),
        ("languages", "en"),
        ("languages", "nl"),
        ("capacity", "0"),
        ("hold_hours", "24"),
        ("starts", starts.as_str()),
        ("ends", starts.as_str()),
        ("rule", "FREQ=MONTHLY;BYDAY=1TH"),
        ("except", ""),
    ];
    // Bad input: each problem next to its field, nothing published.
    let refused = staff
        .post(&t.router, "/beheer/evenementen?lang=en", &fields)
        .await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST);
    for message in [
        "A date needs at least 1 place.",
        "The event must end after it starts.",
        "The rule never ends: add COUNT (how many dates) or UNTIL (the last day).",
    ] {
        assert!(refused.body.contains(message), "{message}");
    }
    assert!(
        refused.body.contains("value=\"Meet &#38; Greet\""),
        "what was typed stays"
    );
    assert!(
        loket_app::events::reading::events_of(&t.state.app, None)
            .await
            .unwrap()
            .is_empty()
    );
    // Two places, three dates.
    fields.retain(|(k, _)| !matches!(*k, "capacity" | "ends" | "rule"));
    fields.extend([
        ("capacity", "2"),
        ("ends", ends.as_str()),
        ("rule", "FREQ=MONTHLY;BYDAY=1TH;COUNT=3"),
    ]);
    let created = staff
        .post(&t.router, "/beheer/evenementen?lang=en", &fields)
        .await;
    assert_eq!(created.status, StatusCode::SEE_OTHER, "{}", created.body);
    let admin = staff.get(&t.router, &created.location).await;
    assert!(admin.body.contains("The event is published."));
    let event = admin
        .body
        .split("href=\"/evenementen/")
        .nth(1)
        .unwrap()
        .split('?')
        .next()
        .unwrap()
        .to_string();
    let dates = loket_app::events::reading::dates(&t.state.app, &event)
        .await
        .unwrap();
    assert_eq!(dates.len(), 3);
    // The public calendar shows it, with places left.
    let list = support::Client::default()
        .get(&t.router, "/evenementen?lang=en")
        .await;
    assert!(list.body.contains("Meet &#38; Greet") && list.body.contains("2 places left"));
    // Three people register for the first date: two places, then the waiting list.
    for (n, who) in ["ana", "ben", "cas"].iter().enumerate() {
        let reply = register(&t, &event, &dates[0].id, who, &format!("{who}@example.org")).await;
        assert_eq!(reply.status, StatusCode::OK);
        let expected = if n < 2 {
            "You are registered for Meet &#38; Greet"
        } else {
            "You are on the waiting list"
        };
        assert!(reply.body.contains(expected), "{who}: {}", reply.body);
    }
    // Bad input to the form: every problem named, in the visitor's language.
    let bad = register(&t, &event, &dates[0].id, "", "not-an-address").await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert!(
        bad.body.contains("Enter your name.")
            && bad
                .body
                .contains("Enter an e-mail address like name@example.com.")
    );
    loket_app::jobs::run_due(&t.state).await.unwrap();
    let mails = sink.messages();
    let to_ana = mails
        .iter()
        .find(|m| m.contains("To: ana@example.org"))
        .expect("ana's mail");
    assert!(
        to_ana.contains("Your place: Meet & Greet") || to_ana.contains("Your place: Meet &"),
        "{to_ana}"
    );
    assert!(
        to_ana.contains("BEGIN:VCALENDAR") && to_ana.contains("event.ics"),
        "the date as a calendar file"
    );
    assert!(
        mails
            .iter()
            .any(|m| m.contains("To: cas@example.org") && m.contains("Waiting list"))
    );
    // Ana cancels through her mail's link: the page asks first.
    let mut ana = support::Client::default();
    let link = path_of(&sink.link_to("ana@example.org").expect("ana's link"));
    let booking = ana.get(&t.router, &link).await;
    assert!(booking.body.contains("You have a place."));
    let form_token = booking.input("token");
    let cancel_path =
        href(&booking.body.replace("action=", "href="), "/aanmelding/").replace("&amp;", "&");
    let cancelled = ana
        .post(
            &t.router,
            &cancel_path.replace("/plaats", "/afmelden"),
            &[("token", &form_token)],
        )
        .await;
    assert!(
        cancelled.body.contains("Your registration is cancelled."),
        "{}",
        cancelled.body
    );
    // Cas, next in line, is offered the place by mail and takes it.
    loket_app::jobs::run_due(&t.state).await.unwrap();
    let offer = sink
        .messages()
        .into_iter()
        .rev()
        .find(|m| m.contains("To: cas@example.org"))
        .unwrap();
    assert!(offer.contains("A place is free for you"), "{offer}");
    let mut cas = support::Client::default();
    let link = path_of(&sink.link_to("cas@example.org").expect("cas's link"));
    let offered = cas.get(&t.router, &link).await;
    assert!(offered.body.contains("A place is free for you until"));
    let accept = link.split('?').next().unwrap().to_string() + "/plaats?lang=en";
    let taken = cas
        .post(&t.router, &accept, &[("token", &offered.input("token"))])
        .await;
    assert!(taken.body.contains("The place is yours."), "{}", taken.body);
    // At the door: Ben and Cas came.
    let checkin = staff
        .get(
            &t.router,
            &format!("/beheer/evenementen/datum/{}?lang=en", dates[0].id),
        )
        .await;
    let regs = loket_app::events::reading::registrations(&t.state.app, &dates[0].id)
        .await
        .unwrap();
    let present: Vec<(&str, &str)> = regs
        .iter()
        .filter(|r| r.name != "ana")
        .map(|r| ("present", r.id.as_str()))
        .chain([("token", "")])
        .collect();
    let token = checkin.input("token");
    let present: Vec<(&str, &str)> = present
        .into_iter()
        .map(|(k, v)| {
            if k == "token" {
                (k, token.as_str())
            } else {
                (k, v)
            }
        })
        .collect();
    let saved = staff
        .post(
            &t.router,
            &format!("/beheer/evenementen/datum/{}?lang=en", dates[0].id),
            &present,
        )
        .await;
    assert!(saved.body.contains("Saved: 2 of 2 came."), "{}", saved.body);
    // Dan registers for the second date, which then moves an hour later (a
    // wrong end first); the third date is cancelled.
    let dan = register(&t, &event, &dates[1].id, "dan", "dan@example.org").await;
    assert_eq!(dan.status, StatusCode::OK);
    let date_page = format!("/beheer/evenementen/datum/{}?lang=en", dates[1].id);
    let page = staff.get(&t.router, &date_page).await;
    let token = page.input("token");
    let local = |at: i64| {
        loket_events::schedule::to_local(chrono::DateTime::from_timestamp(at, 0).unwrap())
            .format("%Y-%m-%d %H:%M")
            .to_string()
    };
    let (starts, ends) = (
        local(dates[1].starts_at + 3600),
        local(dates[1].ends_at + 3600),
    );
    let move_path = format!(
        "/beheer/evenementen/datum/{}/verplaatsen?lang=en",
        dates[1].id
    );
    let refused = staff
        .post(
            &t.router,
            &move_path,
            &[("token", &token), ("starts", &starts), ("ends", &starts)],
        )
        .await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST);
    assert!(refused.body.contains("The event must end after it starts."));
    let moved = staff
        .post(
            &t.router,
            &move_path,
            &[("token", &token), ("starts", &starts), ("ends", &ends)],
        )
        .await;
    assert!(
        moved
            .body
            .contains("The date is moved; everyone registered gets a mail.")
    );
    let cancel_path = format!(
        "/beheer/evenementen/datum/{}/afgelasten?lang=en",
        dates[2].id
    );
    let cancelled = staff
        .post(&t.router, &cancel_path, &[("token", &token)])
        .await;
    assert!(
        cancelled.body.contains("The date is cancelled"),
        "{}",
        cancelled.body
    );
    loket_app::jobs::run_due(&t.state).await.unwrap();
    assert!(
        sink.messages()
            .iter()
            .any(|m| m.contains("To: dan@example.org") && m.contains("Changed: Meet & Greet"))
    );
    // The region's calendar feed.
    let feed = support::Client::default()
        .get(&t.router, "/evenementen/agenda.ics?regio=zuid-limburg")
        .await;
    assert_eq!(
        feed.headers[axum::http::header::CONTENT_TYPE],
        "text/calendar; charset=utf-8"
    );
    assert!(
        feed.body.contains("SUMMARY:Meet & Greet")
            && feed.body.contains("RRULE:FREQ=MONTHLY;BYDAY=1TH;COUNT=3")
    );
    assert!(feed.body.contains("STATUS:CANCELLED"), "the cancelled date");
    assert_eq!(
        feed.body.matches("RECURRENCE-ID").count(),
        2,
        "the moved and the cancelled date"
    );
}

#[tokio::test]
async fn a_reminder_goes_out_once_a_week_before() {
    let t = support::app().await;
    let app = &t.state.app;
    let sink = t.mail.as_ref().expect("smtp sink");
    // A date six and a half days from now.
    let starts =
        loket_events::schedule::to_local(chrono::Utc::now() + chrono::Duration::hours(6 * 24 + 12));
    // Not in the hour the clocks skip in spring (it does not exist).
    let starts = if chrono::Timelike::hour(&starts) == 2 {
        starts + chrono::Duration::hours(2)
    } else {
        starts
    };
    let mut input = meet_and_greet();
    input.schedule = ScheduleInput {
        starts: starts.format("%Y-%m-%dT%H:%M").to_string(),
        ends: (starts + chrono::Duration::hours(2))
            .format("%Y-%m-%dT%H:%M")
            .to_string(),
        rule: String::new(),
        except: String::new(),
    };
    let id = create(app, &organiser(), &input).await.expect("published");
    let date = loket_app::events::reading::dates(app, &id)
        .await
        .unwrap()
        .remove(0);
    let registered = loket_app::events::registration::register(
        app,
        &date.id,
        &loket_app::events::registration::RegistrationInput {
            name: "Ana".into(),
            email: "ana@example.org".into(),
            party: "2".into(),
            consent: true,
        },
        loket_domain::Lang::En,
    )
    .await
    .expect("registered");
    assert_eq!(
        registered.registration.status,
        loket_store::events::RegistrationStatus::Confirmed
    );
    assert_eq!(
        loket_app::events::registration::run(app).await.unwrap(),
        1,
        "the week's reminder"
    );
    assert_eq!(
        loket_app::events::registration::run(app).await.unwrap(),
        0,
        "once"
    );
    loket_app::jobs::run_due(&t.state).await.unwrap();
    let reminder = sink
        .messages()
        .into_iter()
        .find(|m| m.contains("Subject: Reminder: Meet & Greet"))
        .expect("a reminder");
    assert!(
        reminder.contains("To: ana@example.org") && reminder.contains("Your code at the door: ")
    );
    // Its link opens the registration, to cancel if need be.
    let link = sink.link_to("ana@example.org").expect("a link");
    let page = support::Client::default()
        .get(&t.router, &path_of(&link))
        .await;
    assert!(page.body.contains("You have 2 places."), "{}", page.body);
}

#[tokio::test]
async fn a_front_door_result_for_an_expat_in_maastricht_shows_the_next_meet_and_greet() {
    let t = support::app().await;
    let app = &t.state.app;
    let mut input = meet_and_greet();
    input.target_groups = vec!["international-talent".into()];
    create(app, &organiser(), &input).await.expect("published");
    // Another event, for job seekers only: not shown to the expat.
    let mut other = meet_and_greet();
    other.title = "Job café".into();
    other.target_groups = vec!["job-seeker".into()];
    create(app, &organiser(), &other).await.expect("published");
    let expat = "/voordeur/resultaat?who=international-talent&nationality=other&live=GM0935&work=GM0935&topic=housing&languages=en&channel=&lang=en";
    let page = support::Client::default().get(&t.router, expat).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let section = page
        .body
        .split("id=\"events-h\"")
        .nth(1)
        .expect("events for the visitor");
    assert!(section.contains("Meet &#38; Greet"), "{section}");
    assert!(!section.contains("Job café"));
    // A job seeker in North Limburg sees neither (another region, or not for them).
    let far = "/voordeur/resultaat?who=job-seeker&live=GM1507&work=GM1507&topic=job-search&languages=nl&channel=&lang=en";
    let page = support::Client::default().get(&t.router, far).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.location);
    assert!(!page.body.contains("id=\"events-h\""), "{}", page.body);
    // An unknown group is refused next to its field.
    let mut wrong = meet_and_greet();
    wrong.target_groups = vec!["astronaut".into()];
    let Err(AppError::Invalid(p)) = create(app, &organiser(), &wrong).await else {
        panic!("refused");
    };
    assert_eq!((p[0].field, p[0].problem), ("target_groups", "unknown"));
}

#[tokio::test]
async fn the_api_lists_events_with_their_dates_and_names_bad_parameters() {
    let t = support::app().await;
    let app = &t.state.app;
    let id = create(app, &organiser(), &meet_and_greet())
        .await
        .expect("published");
    let mut client = support::Client::default();
    let list = client
        .get(&t.router, "/api/v1/events?region=zuid-limburg&lang=en")
        .await;
    assert_eq!(list.status, StatusCode::OK);
    let body = list.json();
    let event = &body["items"][0];
    assert_eq!(event["id"], id.as_str());
    assert_eq!(event["title"], "Meet & Greet");
    assert_eq!(event["organisation"], EXPAT_CENTRE);
    assert_eq!(event["languages"], serde_json::json!(["en", "nl"]));
    assert_eq!(event["dates"].as_array().unwrap().len(), 6);
    assert_eq!(event["dates"][0]["places_left"], 20);
    assert_eq!(event["calendar"], format!("/evenementen/{id}/agenda.ics"));
    let other = client
        .get(&t.router, "/api/v1/events?region=noord-limburg")
        .await
        .json();
    assert!(other["items"].as_array().unwrap().is_empty());
    let one = client.get(&t.router, &format!("/api/v1/events/{id}")).await;
    assert_eq!(one.json()["dates"].as_array().unwrap().len(), 6);
    let missing = client.get(&t.router, "/api/v1/events/no-such-event").await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    let bad = client
        .get(&t.router, "/api/v1/events?colour=red&size=9")
        .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    let problems = bad.json();
    let names: Vec<&str> = problems["invalidParams"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["colour", "size"]);
}
