#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)] // tests: a failed expectation is the failure
//! loket's iCalendar feeds read by tools that are not loket's: Python's
//! `icalendar` parses them and `recurring-ical-events` expands the series
//! (scripts/ical-expand). A monthly Meet & Greet on the first Thursday at
//! 19:00 stays at 19:00 local time across the change to summer time, a left-out
//! date is skipped, a moved date keeps its UID with a higher SEQUENCE, and a
//! cancelled date says so.

use chrono::{DateTime, Utc};
use loket_events::ical::{ChangedDate, FeedEvent, calendar};
use loket_events::schedule::{ScheduleInput, local};
use std::io::Write;
use std::process::{Command, Stdio};

#[derive(Debug, serde::Deserialize)]
struct Seen {
    uid: String,
    start: String,
    end: String,
    utc: String,
    sequence: u32,
    status: String,
    summary: String,
    alarms: usize,
}

fn expand(feed: &str, from: &str, to: &str) -> Vec<Seen> {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    let mut child = Command::new(format!("{root}/scripts/ical-expand"))
        .args([from, to])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("scripts/ical-expand runs (python3 with venv)");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(feed.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "ical-expand failed");
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect()
}

fn meet_and_greet(sequence: u32, changed: Vec<ChangedDate>) -> FeedEvent {
    let schedule = ScheduleInput {
        starts: "2027-01-07T19:00".into(),
        ends: "2027-01-07T21:00".into(),
        rule: "FREQ=MONTHLY;BYDAY=1TH;COUNT=6".into(),
        except: "2027-05-06".into(),
    }
    .check()
    .expect("a valid schedule");
    FeedEvent {
        uid: "meet-and-greet@loket.example".into(),
        sequence,
        summary: "Meet & Greet, Maastricht".into(),
        description: "Drinks for internationals; bring a friend".into(),
        location: "Expat Centre, Maastricht".into(),
        url: "https://loket.example/evenementen/meet-and-greet".into(),
        cancelled: false,
        first_start: schedule.first,
        first_end: schedule.first + schedule.duration,
        rule: schedule.rule.clone(),
        except: schedule.except_starts(),
        changed,
        updated: DateTime::<Utc>::from_timestamp(1_790_000_000, 0).unwrap(),
    }
}

#[test]
fn a_monthly_series_expands_at_seven_local_time_before_and_after_summer_time() {
    let feed = calendar("Events", &[meet_and_greet(0, vec![])], Utc::now());
    let seen = expand(&feed, "2027-01-01", "2027-07-01");
    let starts: Vec<&str> = seen.iter().map(|s| s.start.as_str()).collect();
    // 6 first Thursdays, 6 May left out (EXDATE).
    assert_eq!(
        starts,
        [
            "2027-01-07 19:00",
            "2027-02-04 19:00",
            "2027-03-04 19:00",
            "2027-04-01 19:00",
            "2027-06-03 19:00"
        ]
    );
    // The same local time is 18:00 UTC in winter and 17:00 UTC in summer.
    assert_eq!(seen[2].utc, "18:00");
    assert_eq!(seen[3].utc, "17:00");
    assert!(seen.iter().all(|s| s.end.ends_with("21:00")));
    assert!(seen.iter().all(|s| s.uid == "meet-and-greet@loket.example"));
    assert!(seen.iter().all(|s| s.summary == "Meet & Greet, Maastricht"));
    assert!(
        seen.iter()
            .all(|s| s.status == "CONFIRMED" && s.alarms == 1)
    );
}

#[test]
fn a_moved_date_keeps_its_uid_and_raises_its_sequence_and_a_cancelled_one_says_so() {
    let before = expand(
        &calendar("Events", &[meet_and_greet(0, vec![])], Utc::now()),
        "2027-03-01",
        "2027-05-01",
    );
    let moved = ChangedDate {
        recurrence_id: local("2027-03-04T19:00").unwrap(),
        starts: local("2027-03-11T19:30").unwrap(),
        ends: local("2027-03-11T21:30").unwrap(),
        sequence: 1,
        cancelled: false,
    };
    let cancelled = ChangedDate {
        recurrence_id: local("2027-04-01T19:00").unwrap(),
        starts: local("2027-04-01T19:00").unwrap(),
        ends: local("2027-04-01T21:00").unwrap(),
        sequence: 1,
        cancelled: true,
    };
    let after = expand(
        &calendar(
            "Events",
            &[meet_and_greet(0, vec![moved, cancelled])],
            Utc::now(),
        ),
        "2027-03-01",
        "2027-05-01",
    );
    assert_eq!(before[0].start, "2027-03-04 19:00");
    assert_eq!(after[0].start, "2027-03-11 19:30");
    assert_eq!(after[0].uid, before[0].uid);
    assert!(after[0].sequence > before[0].sequence);
    let april: Vec<&Seen> = after
        .iter()
        .filter(|s| s.start.starts_with("2027-04"))
        .collect();
    assert!(
        april
            .iter()
            .all(|s| s.status == "CANCELLED" && s.alarms == 0),
        "{april:?}"
    );
}
