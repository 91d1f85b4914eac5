//! When an event takes place: its first date (local time in the Netherlands),
//! when that date ends, and optionally an RFC 5545 rule that repeats it with
//! dates left out (EXDATE). The rule is expanded here once, so each date can be
//! stored with its own capacity, moved or cancelled on its own.

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;
use rrule::{RRule, RRuleSet, Unvalidated};

/// Every date is local time in the Netherlands (and the feeds say so).
pub const ZONE: Tz = chrono_tz::Europe::Amsterdam;
/// A series may have at most this many dates (ten years of monthly dates).
pub const MAX_DATES: usize = 120;
/// Local times are entered and stored like `2026-01-01T19:00`.
pub const LOCAL_FORMAT: &str = "%Y-%m-%dT%H:%M";

/// What an organiser entered, as text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ScheduleInput {
    /// The first date's start, `YYYY-MM-DDTHH:MM` local time.
    pub starts: String,
    /// The first date's end, `YYYY-MM-DDTHH:MM` local time.
    pub ends: String,
    /// An RRULE (`FREQ=MONTHLY;BYDAY=1TH;COUNT=12`), empty for a one-off event.
    pub rule: String,
    /// Days left out of the series, `YYYY-MM-DD`, separated by commas or spaces.
    pub except: String,
}

/// What is wrong with a schedule, by the field it concerns.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScheduleProblem {
    #[error("starts: not a date and time")]
    StartsInvalid,
    #[error("starts: this time does not exist (the clocks go forward)")]
    StartsInGap,
    #[error("ends: not a date and time")]
    EndsInvalid,
    #[error("ends: the event ends before it starts")]
    EndsBeforeStart,
    #[error("ends: an event lasts at most a day")]
    TooLong,
    #[error("rule: not a valid repeat rule ({0})")]
    RuleInvalid(String),
    #[error("rule: the rule never ends; give COUNT or UNTIL")]
    RuleNeverEnds,
    #[error("rule: more than {MAX_DATES} dates")]
    TooManyDates,
    #[error("except: {0} is not a date")]
    ExceptInvalid(String),
    #[error("except: {0} is not one of the event's dates")]
    ExceptNotADate(String),
}

impl ScheduleProblem {
    /// The form field the problem belongs next to.
    pub fn field(&self) -> &'static str {
        match self {
            Self::StartsInvalid | Self::StartsInGap => "starts",
            Self::EndsInvalid | Self::EndsBeforeStart | Self::TooLong => "ends",
            Self::RuleInvalid(_) | Self::RuleNeverEnds | Self::TooManyDates => "rule",
            Self::ExceptInvalid(_) | Self::ExceptNotADate(_) => "except",
        }
    }

    /// A stable code for messages (`event-problem-{code}`).
    pub fn code(&self) -> &'static str {
        match self {
            Self::StartsInvalid => "starts-invalid",
            Self::StartsInGap => "starts-in-gap",
            Self::EndsInvalid => "ends-invalid",
            Self::EndsBeforeStart => "ends-before-start",
            Self::TooLong => "too-long",
            Self::RuleInvalid(_) => "rule-invalid",
            Self::RuleNeverEnds => "rule-never-ends",
            Self::TooManyDates => "too-many-dates",
            Self::ExceptInvalid(_) => "except-invalid",
            Self::ExceptNotADate(_) => "except-not-a-date",
        }
    }
}

/// A checked schedule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Schedule {
    pub first: NaiveDateTime,
    pub duration: Duration,
    /// The rule as the feeds carry it (without `RRULE:`), if the event repeats.
    pub rule: Option<String>,
    pub except: Vec<NaiveDate>,
}

/// One date of an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Occurrence {
    /// The local start the rule gave it: its identity in the series (the
    /// feeds' RECURRENCE-ID), kept when the date is moved.
    pub recurrence_id: NaiveDateTime,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
}

impl ScheduleInput {
    /// Checks the schedule; every problem at once.
    pub fn check(&self) -> Result<Schedule, Vec<ScheduleProblem>> {
        let mut problems = Vec::new();
        let first = local(&self.starts);
        let ends = local(&self.ends);
        match first {
            None => problems.push(ScheduleProblem::StartsInvalid),
            Some(f) if resolve(f).is_none() => problems.push(ScheduleProblem::StartsInGap),
            Some(_) => {}
        }
        if ends.is_none() {
            problems.push(ScheduleProblem::EndsInvalid);
        }
        if let (Some(f), Some(e)) = (first, ends) {
            if e <= f {
                problems.push(ScheduleProblem::EndsBeforeStart);
            } else if e - f > Duration::hours(24) {
                problems.push(ScheduleProblem::TooLong);
            }
        }
        let rule = rule_text(&self.rule);
        let mut except = Vec::new();
        for word in self
            .except
            .split(|c: char| c == ',' || c.is_whitespace())
            .filter(|w| !w.is_empty())
        {
            match NaiveDate::parse_from_str(word, "%Y-%m-%d") {
                Ok(d) => except.push(d),
                Err(_) => problems.push(ScheduleProblem::ExceptInvalid(word.to_string())),
            }
        }
        if let (Some(r), Some(f)) = (&rule, first.and_then(resolve))
            && let Err(p) = parse_rule(r, f)
        {
            problems.push(p);
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let (Some(first), Some(ends)) = (first, ends) else {
            return Err(vec![ScheduleProblem::StartsInvalid]);
        };
        let schedule = Schedule {
            first,
            duration: ends - first,
            rule,
            except,
        };
        // Expanding finds what only the whole series shows: too many dates, an
        // exception that is not one of them, a date in the spring-forward gap.
        schedule.dates().map(|_| schedule)
    }
}

impl Schedule {
    /// Every date of the event, in order, the exceptions left out.
    pub fn dates(&self) -> Result<Vec<Occurrence>, Vec<ScheduleProblem>> {
        let starts = match &self.rule {
            None => vec![self.first],
            Some(rule) => {
                let first =
                    resolve(self.first).ok_or_else(|| vec![ScheduleProblem::StartsInGap])?;
                let set = parse_rule(rule, first).map_err(|p| vec![p])?;
                let all = set.all(MAX_DATES as u16 + 1);
                if all.dates.len() > MAX_DATES {
                    return Err(vec![ScheduleProblem::TooManyDates]);
                }
                all.dates.iter().map(|d| d.naive_local()).collect()
            }
        };
        let unknown: Vec<ScheduleProblem> = self
            .except
            .iter()
            .filter(|d| !starts.iter().any(|s| s.date() == **d))
            .map(|d| ScheduleProblem::ExceptNotADate(d.to_string()))
            .collect();
        if !unknown.is_empty() {
            return Err(unknown);
        }
        starts
            .into_iter()
            .filter(|s| !self.except.contains(&s.date()))
            .map(|s| occurrence(s, self.duration).ok_or_else(|| vec![ScheduleProblem::StartsInGap]))
            .collect()
    }

    /// The exceptions as local starts (the feeds' EXDATE values).
    pub fn except_starts(&self) -> Vec<NaiveDateTime> {
        self.except
            .iter()
            .map(|d| d.and_time(self.first.time()))
            .collect()
    }
}

/// A date that moves to a new local start and end (its identity stays).
pub fn moved(
    recurrence_id: NaiveDateTime,
    starts: NaiveDateTime,
    ends: NaiveDateTime,
) -> Result<Occurrence, ScheduleProblem> {
    if ends <= starts {
        return Err(ScheduleProblem::EndsBeforeStart);
    }
    let starts_at = resolve(starts).ok_or(ScheduleProblem::StartsInGap)?;
    let ends_at = resolve(ends).ok_or(ScheduleProblem::EndsInvalid)?;
    Ok(Occurrence {
        recurrence_id,
        starts_at: starts_at.with_timezone(&Utc),
        ends_at: ends_at.with_timezone(&Utc),
    })
}

/// Reads `YYYY-MM-DDTHH:MM` (also with seconds, or a space for the `T`).
pub fn local(text: &str) -> Option<NaiveDateTime> {
    let text = text.trim().replace(' ', "T");
    NaiveDateTime::parse_from_str(&text, LOCAL_FORMAT)
        .or_else(|_| NaiveDateTime::parse_from_str(&text, "%Y-%m-%dT%H:%M:%S"))
        .ok()
}

/// A UTC instant as local time in the Netherlands.
pub fn to_local(at: DateTime<Utc>) -> NaiveDateTime {
    at.with_timezone(&ZONE).naive_local()
}

/// A local time as an instant; the earlier one when the clocks go back, none
/// in the hour that does not exist when they go forward.
fn resolve(local: NaiveDateTime) -> Option<DateTime<Tz>> {
    ZONE.from_local_datetime(&local).earliest()
}

fn occurrence(start: NaiveDateTime, duration: Duration) -> Option<Occurrence> {
    let starts_at = resolve(start)?;
    let ends_at =
        resolve(start + duration).or_else(|| resolve(start + duration + Duration::hours(1)))?;
    Some(Occurrence {
        recurrence_id: start,
        starts_at: starts_at.with_timezone(&Utc),
        ends_at: ends_at.with_timezone(&Utc),
    })
}

fn rule_text(input: &str) -> Option<String> {
    let text = input.trim();
    let text = text
        .strip_prefix("RRULE:")
        .or_else(|| text.strip_prefix("rrule:"))
        .unwrap_or(text)
        .trim();
    (!text.is_empty()).then(|| text.to_ascii_uppercase())
}

fn parse_rule(rule: &str, first: DateTime<Tz>) -> Result<RRuleSet, ScheduleProblem> {
    let parsed: RRule<Unvalidated> = rule
        .parse()
        .map_err(|e: rrule::RRuleError| ScheduleProblem::RuleInvalid(e.to_string()))?;
    if parsed.get_count().is_none() && parsed.get_until().is_none() {
        return Err(ScheduleProblem::RuleNeverEnds);
    }
    parsed
        .build(first.with_timezone(&rrule::Tz::Tz(ZONE)))
        .map_err(|e| ScheduleProblem::RuleInvalid(e.to_string()))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    fn input(starts: &str, ends: &str, rule: &str, except: &str) -> ScheduleInput {
        ScheduleInput {
            starts: starts.into(),
            ends: ends.into(),
            rule: rule.into(),
            except: except.into(),
        }
    }

    #[test]
    fn a_monthly_first_thursday_stays_at_seven_in_the_evening_across_summer_time() {
        let s = input(
            "2027-01-07T19:00",
            "2027-01-07T21:00",
            "FREQ=MONTHLY;BYDAY=1TH;COUNT=6",
            "",
        )
        .check()
        .expect("valid");
        let dates = s.dates().expect("dates");
        let local: Vec<String> = dates
            .iter()
            .map(|d| to_local(d.starts_at).format("%Y-%m-%d %H:%M").to_string())
            .collect();
        assert_eq!(
            local,
            [
                "2027-01-07 19:00",
                "2027-02-04 19:00",
                "2027-03-04 19:00",
                "2027-04-01 19:00",
                "2027-05-06 19:00",
                "2027-06-03 19:00"
            ]
        );
        // 18:00 UTC in winter, 17:00 UTC in summer.
        assert_eq!(dates[2].starts_at.format("%H:%M").to_string(), "18:00");
        assert_eq!(dates[3].starts_at.format("%H:%M").to_string(), "17:00");
        assert_eq!(dates[3].ends_at - dates[3].starts_at, Duration::hours(2));
    }

    #[test]
    fn an_exception_leaves_its_date_out() {
        let s = input(
            "2027-01-07T19:00",
            "2027-01-07T21:00",
            "RRULE:FREQ=MONTHLY;BYDAY=1TH;COUNT=3",
            "2027-02-04",
        )
        .check()
        .expect("valid");
        let dates = s.dates().expect("dates");
        assert_eq!(dates.len(), 2);
        assert!(
            dates
                .iter()
                .all(|d| d.recurrence_id.date() != NaiveDate::from_ymd_opt(2027, 2, 4).unwrap())
        );
        assert_eq!(s.except_starts(), [local("2027-02-04T19:00").unwrap()]);
    }

    #[test]
    fn a_rule_without_an_end_is_refused() {
        let p = input(
            "2027-01-07T19:00",
            "2027-01-07T21:00",
            "FREQ=MONTHLY;BYDAY=1TH",
            "",
        )
        .check()
        .unwrap_err();
        assert_eq!(p, [ScheduleProblem::RuleNeverEnds]);
        assert_eq!(p[0].field(), "rule");
    }

    #[test]
    fn every_problem_is_named_at_once() {
        let p = input(
            "2027-01-07T19:00",
            "2027-01-07T18:00",
            "FREQ=SOMETIMES",
            "31-02-2027",
        )
        .check()
        .unwrap_err();
        let codes: Vec<&str> = p.iter().map(ScheduleProblem::code).collect();
        assert!(codes.contains(&"ends-before-start"), "{codes:?}");
        assert!(codes.contains(&"rule-invalid"), "{codes:?}");
        assert!(codes.contains(&"except-invalid"), "{codes:?}");
    }

    #[test]
    fn too_many_dates_and_unknown_exceptions_are_refused() {
        let p = input(
            "2027-01-01T10:00",
            "2027-01-01T11:00",
            "FREQ=DAILY;COUNT=500",
            "",
        )
        .check()
        .unwrap_err();
        assert_eq!(p, [ScheduleProblem::TooManyDates]);
        let p = input(
            "2027-01-07T19:00",
            "2027-01-07T21:00",
            "FREQ=MONTHLY;BYDAY=1TH;COUNT=3",
            "2027-02-05",
        )
        .check()
        .unwrap_err();
        assert_eq!(p, [ScheduleProblem::ExceptNotADate("2027-02-05".into())]);
    }

    #[test]
    fn a_one_off_event_has_one_date_and_a_time_in_the_gap_is_refused() {
        let s = input("2027-05-12 14:00", "2027-05-12 16:30", "", "")
            .check()
            .expect("valid");
        assert_eq!(s.dates().expect("dates").len(), 1);
        let p = input("2027-03-28T02:30", "2027-03-28T04:00", "", "")
            .check()
            .unwrap_err();
        assert_eq!(p, [ScheduleProblem::StartsInGap]);
        let p = input("", "tomorrow", "", "").check().unwrap_err();
        assert_eq!(
            p,
            [ScheduleProblem::StartsInvalid, ScheduleProblem::EndsInvalid]
        );
    }
}
