//! iCalendar (RFC 5545) feeds of events: one VEVENT per series (with its
//! RRULE and EXDATEs) or per one-off event, and one per date that was moved
//! or cancelled (RECURRENCE-ID, its own SEQUENCE, `STATUS:CANCELLED`). Times
//! are local to Europe/Amsterdam with the zone's VTIMEZONE; each event carries
//! a reminder (VALARM). UIDs never change, SEQUENCE only rises.

use chrono::{DateTime, NaiveDateTime, Utc};
use std::fmt::Write as _;

/// An event as a feed shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedEvent {
    /// Stable: the event's id and the deployment's host (`{id}@{host}`).
    pub uid: String,
    pub sequence: u32,
    pub summary: String,
    pub description: String,
    pub location: String,
    pub url: String,
    pub cancelled: bool,
    pub first_start: NaiveDateTime,
    pub first_end: NaiveDateTime,
    /// The RRULE value, when the event repeats.
    pub rule: Option<String>,
    /// Local starts left out of the series.
    pub except: Vec<NaiveDateTime>,
    /// Dates that differ from what the rule gives.
    pub changed: Vec<ChangedDate>,
    pub updated: DateTime<Utc>,
}

/// One date of a series that was moved or cancelled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangedDate {
    pub recurrence_id: NaiveDateTime,
    pub starts: NaiveDateTime,
    pub ends: NaiveDateTime,
    pub sequence: u32,
    pub cancelled: bool,
}

/// The zone every time in a feed is in, with its rules since 1996.
const VTIMEZONE: &str = "BEGIN:VTIMEZONE\r\nTZID:Europe/Amsterdam\r\nBEGIN:DAYLIGHT\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nTZNAME:CEST\r\nDTSTART:19700329T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT\r\nBEGIN:STANDARD\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nTZNAME:CET\r\nDTSTART:19701025T030000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n";

/// A calendar named `name` with `events`, stamped `now`.
pub fn calendar(name: &str, events: &[FeedEvent], now: DateTime<Utc>) -> String {
    let mut out = String::new();
    line(&mut out, "BEGIN:VCALENDAR");
    line(&mut out, "VERSION:2.0");
    line(&mut out, "PRODID:-//loket//events//EN");
    line(&mut out, "CALSCALE:GREGORIAN");
    line(&mut out, "METHOD:PUBLISH");
    line(&mut out, &format!("X-WR-CALNAME:{}", text(name)));
    line(&mut out, "X-WR-TIMEZONE:Europe/Amsterdam");
    out.push_str(VTIMEZONE);
    for event in events {
        vevent(&mut out, event, None, now);
        for changed in &event.changed {
            vevent(&mut out, event, Some(changed), now);
        }
    }
    line(&mut out, "END:VCALENDAR");
    out
}

fn vevent(out: &mut String, e: &FeedEvent, changed: Option<&ChangedDate>, now: DateTime<Utc>) {
    line(out, "BEGIN:VEVENT");
    line(out, &format!("UID:{}", text(&e.uid)));
    line(out, &format!("DTSTAMP:{}", utc(now)));
    line(out, &format!("LAST-MODIFIED:{}", utc(e.updated)));
    match changed {
        None => {
            line(out, &format!("SEQUENCE:{}", e.sequence));
            line(
                out,
                &format!("DTSTART;TZID=Europe/Amsterdam:{}", stamp(e.first_start)),
            );
            line(
                out,
                &format!("DTEND;TZID=Europe/Amsterdam:{}", stamp(e.first_end)),
            );
            if let Some(rule) = &e.rule {
                line(out, &format!("RRULE:{rule}"));
                if !e.except.is_empty() {
                    let dates: Vec<String> = e.except.iter().map(|d| stamp(*d)).collect();
                    line(
                        out,
                        &format!("EXDATE;TZID=Europe/Amsterdam:{}", dates.join(",")),
                    );
                }
            }
        }
        Some(c) => {
            // Both rise: a change to the series or to this date.
            line(out, &format!("SEQUENCE:{}", e.sequence + c.sequence));
            line(
                out,
                &format!(
                    "RECURRENCE-ID;TZID=Europe/Amsterdam:{}",
                    stamp(c.recurrence_id)
                ),
            );
            line(
                out,
                &format!("DTSTART;TZID=Europe/Amsterdam:{}", stamp(c.starts)),
            );
            line(
                out,
                &format!("DTEND;TZID=Europe/Amsterdam:{}", stamp(c.ends)),
            );
        }
    }
    line(out, &format!("SUMMARY:{}", text(&e.summary)));
    if !e.description.is_empty() {
        line(out, &format!("DESCRIPTION:{}", text(&e.description)));
    }
    if !e.location.is_empty() {
        line(out, &format!("LOCATION:{}", text(&e.location)));
    }
    if !e.url.is_empty() {
        line(out, &format!("URL:{}", e.url));
    }
    let cancelled = e.cancelled || changed.is_some_and(|c| c.cancelled);
    line(
        out,
        if cancelled {
            "STATUS:CANCELLED"
        } else {
            "STATUS:CONFIRMED"
        },
    );
    if !cancelled {
        line(out, "BEGIN:VALARM");
        line(out, "ACTION:DISPLAY");
        line(out, &format!("DESCRIPTION:{}", text(&e.summary)));
        line(out, "TRIGGER:-PT2H");
        line(out, "END:VALARM");
    }
    line(out, "END:VEVENT");
}

fn stamp(local: NaiveDateTime) -> String {
    local.format("%Y%m%dT%H%M%S").to_string()
}

fn utc(at: DateTime<Utc>) -> String {
    at.format("%Y%m%dT%H%M%SZ").to_string()
}

/// A TEXT value: backslash, semicolon, comma and line breaks escaped.
fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Writes a content line folded at 75 octets (never inside a character), CRLF.
fn line(out: &mut String, content: &str) {
    let mut width = 0;
    for c in content.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    let _ = write!(out, "\r\n");
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::schedule::local;

    fn event() -> FeedEvent {
        FeedEvent {
            uid: "e1@loket.example".into(),
            sequence: 0,
            summary: "Meet & Greet; expats, newcomers".into(),
            description: "First line\nsecond line".into(),
            location: "Maastricht".into(),
            url: "https://loket.example/evenementen/e1".into(),
            cancelled: false,
            first_start: local("2027-01-07T19:00").unwrap(),
            first_end: local("2027-01-07T21:00").unwrap(),
            rule: Some("FREQ=MONTHLY;BYDAY=1TH;COUNT=6".into()),
            except: vec![local("2027-02-04T19:00").unwrap()],
            changed: vec![],
            updated: DateTime::from_timestamp(1_800_000_000, 0).unwrap(),
        }
    }

    #[test]
    fn text_is_escaped_and_long_lines_are_folded_without_splitting_a_character() {
        let mut e = event();
        e.description = "Ł".repeat(100);
        let cal = calendar("Events", &[e], Utc::now());
        assert!(cal.contains("SUMMARY:Meet & Greet\\; expats\\, newcomers\r\n"));
        for l in cal.split("\r\n") {
            assert!(l.len() <= 75, "{l}");
        }
        let unfolded = cal.replace("\r\n ", "");
        assert!(unfolded.contains(&format!("DESCRIPTION:{}", "Ł".repeat(100))));
        assert!(cal.ends_with("END:VCALENDAR\r\n"));
    }

    #[test]
    fn a_moved_date_keeps_the_uid_and_carries_its_own_sequence() {
        let mut e = event();
        e.changed.push(ChangedDate {
            recurrence_id: local("2027-03-04T19:00").unwrap(),
            starts: local("2027-03-11T19:00").unwrap(),
            ends: local("2027-03-11T21:00").unwrap(),
            sequence: 1,
            cancelled: false,
        });
        let cal = calendar("Events", &[e], Utc::now());
        assert_eq!(cal.matches("UID:e1@loket.example").count(), 2);
        assert!(cal.contains("RECURRENCE-ID;TZID=Europe/Amsterdam:20270304T190000\r\nDTSTART;TZID=Europe/Amsterdam:20270311T190000"));
        assert!(cal.contains("SEQUENCE:1\r\n"));
        assert!(cal.contains("EXDATE;TZID=Europe/Amsterdam:20270204T190000\r\n"));
    }
}
