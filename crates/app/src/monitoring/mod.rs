//! Monitoring: the coordinator's targets (`targets`), who funds what (`funding`),
//! a programme's milestones
//! and money (`programme`), and the results of the
//! indicators for a scope and period against their targets and the period before
//! (`results`), as every audience, export and report reads them, and who
//! receives them by mail each quarter (`subscriptions`).

pub mod funding;
pub mod labour_market;
pub mod programme;
pub mod results;
pub mod subscriptions;
pub mod targets;

use chrono::NaiveDate;

/// Unix seconds at the start of a day in the region (Europe/Amsterdam).
pub fn day_start(day: NaiveDate) -> i64 {
    day.and_hms_opt(0, 0, 0)
        .and_then(|t| {
            t.and_local_timezone(chrono_tz::Europe::Amsterdam)
                .earliest()
        })
        .map(|t| t.timestamp())
        .unwrap_or(0)
}
