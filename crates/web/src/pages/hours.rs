//! "Open now" and "opens next" for pages, in the region's time zone.

use crate::present::Tr;
use chrono::{DateTime, Utc};
use loket_domain::Schedule;
use loket_domain::opening::{OpeningState, opening_state};

/// The region (NL, DE, BE) keeps one time zone.
use loket_app::clock::REGION_TZ;

pub fn opening_text(tr: &Tr, schedules: &[Schedule], now: DateTime<Utc>) -> String {
    let local = now.with_timezone(&REGION_TZ).naive_local();
    match opening_state(schedules, local) {
        OpeningState::OpenUntil(t) => tr.s(
            "hours-open-until",
            &[("time", t.format("%H:%M").to_string())],
        ),
        OpeningState::OpensAt(date, t) if date == local.date() => tr.s(
            "hours-opens-today",
            &[("time", t.format("%H:%M").to_string())],
        ),
        OpeningState::OpensAt(date, t) => {
            let day = tr.t(&format!(
                "weekday-{}",
                date.format("%a")
                    .to_string()
                    .to_lowercase()
                    .chars()
                    .take(2)
                    .collect::<String>()
            ));
            tr.s(
                "hours-opens-on",
                &[
                    ("day", day),
                    ("date", date.format("%d-%m").to_string()),
                    ("time", t.format("%H:%M").to_string()),
                ],
            )
        }
        OpeningState::Unknown => tr.t("hours-unknown"),
    }
}
