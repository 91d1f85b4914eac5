//! Whether a service is open at a local date and time, and when it opens next,
//! from its weekly hours and exceptions (public holidays, closures).

use crate::catalogue::{Schedule, Weekday};
use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OpeningState {
    /// Open now, until this time today.
    OpenUntil(NaiveTime),
    /// Closed now; opens on this day at this time (within the next two weeks).
    OpensAt(NaiveDate, NaiveTime),
    /// No hours known, or none in the next two weeks.
    Unknown,
}

fn weekday(date: NaiveDate) -> Weekday {
    match date.weekday() {
        chrono::Weekday::Mon => Weekday::Mo,
        chrono::Weekday::Tue => Weekday::Tu,
        chrono::Weekday::Wed => Weekday::We,
        chrono::Weekday::Thu => Weekday::Th,
        chrono::Weekday::Fri => Weekday::Fr,
        chrono::Weekday::Sat => Weekday::Sa,
        chrono::Weekday::Sun => Weekday::Su,
    }
}

/// The opening periods on one date: an exception for that date replaces the weekly hours.
fn periods(schedules: &[Schedule], date: NaiveDate) -> Vec<(NaiveTime, NaiveTime)> {
    let exceptions: Vec<_> = schedules
        .iter()
        .flat_map(|s| &s.exceptions)
        .filter(|x| x.date == date)
        .collect();
    if !exceptions.is_empty() {
        return exceptions
            .iter()
            .filter_map(|x| x.opens_at.zip(x.closes_at))
            .collect();
    }
    let day = weekday(date);
    let mut p: Vec<_> = schedules
        .iter()
        .flat_map(|s| &s.weekly)
        .filter(|h| h.days.contains(&day))
        .map(|h| (h.opens_at, h.closes_at))
        .collect();
    p.sort();
    p
}

pub fn opening_state(schedules: &[Schedule], now: NaiveDateTime) -> OpeningState {
    if schedules.iter().all(|s| s.weekly.is_empty()) {
        return OpeningState::Unknown;
    }
    let today = now.date();
    if let Some((_, closes)) = periods(schedules, today)
        .into_iter()
        .find(|(o, c)| *o <= now.time() && now.time() < *c)
    {
        return OpeningState::OpenUntil(closes);
    }
    for offset in 0..14 {
        let date = today + Duration::days(offset);
        let next = periods(schedules, date)
            .into_iter()
            .find(|(o, _)| offset > 0 || *o > now.time());
        if let Some((opens, _)) = next {
            return OpeningState::OpensAt(date, opens);
        }
    }
    OpeningState::Unknown
}

#[cfg(test)]
mod tests {
    use super::*;

    fn schedule() -> Vec<Schedule> {
        vec![serde_json::from_value(serde_json::json!({
            "weekly": [{"days": ["MO", "TU", "WE", "TH", "FR"], "opens_at": "09:00:00", "closes_at": "17:00:00"}],
            "exceptions": [{"date": "2026-12-25", "description": {"nl": "Kerstmis"}}, {"date": "2026-12-24", "opens_at": "09:00:00", "closes_at": "12:00:00"}]
        }))
        .expect("schedule")]
    }

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").expect("date")
    }

    fn t(s: &str) -> NaiveTime {
        NaiveTime::parse_from_str(s, "%H:%M").expect("time")
    }

    #[test]
    fn open_on_a_weekday_and_closed_at_night() {
        assert_eq!(
            opening_state(&schedule(), at("2026-11-23 10:00")),
            OpeningState::OpenUntil(t("17:00"))
        );
        let monday = NaiveDate::from_ymd_opt(2026, 11, 24).expect("date");
        assert_eq!(
            opening_state(&schedule(), at("2026-11-23 18:00")),
            OpeningState::OpensAt(monday, t("09:00"))
        );
    }

    #[test]
    fn the_weekend_and_holidays_are_skipped() {
        let monday = NaiveDate::from_ymd_opt(2026, 11, 30).expect("date");
        assert_eq!(
            opening_state(&schedule(), at("2026-11-28 11:00")),
            OpeningState::OpensAt(monday, t("09:00"))
        );
        // Christmas Eve closes at noon; Christmas Day (a Friday) is closed, then the weekend.
        assert_eq!(
            opening_state(&schedule(), at("2026-12-24 11:00")),
            OpeningState::OpenUntil(t("12:00"))
        );
        let monday = NaiveDate::from_ymd_opt(2026, 12, 28).expect("date");
        assert_eq!(
            opening_state(&schedule(), at("2026-12-24 13:00")),
            OpeningState::OpensAt(monday, t("09:00"))
        );
    }

    #[test]
    fn no_hours_means_unknown() {
        assert_eq!(
            opening_state(&[], at("2026-11-23 10:00")),
            OpeningState::Unknown
        );
    }
}
