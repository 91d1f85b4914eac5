//! The one clock of loket: every use case, page and job asks it for the time,
//! so "now" and "today" mean the same everywhere (today is the region's day).

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;

/// The region's time zone: Limburg and its neighbours share Central European Time.
pub const REGION_TZ: Tz = chrono_tz::Europe::Amsterdam;

/// The wall clock, read in UTC; days are counted in [`REGION_TZ`].
#[derive(Debug, Clone, Copy, Default)]
pub struct Clock;

impl Clock {
    pub fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }

    /// Seconds since the Unix epoch, as the store keeps times.
    pub fn unix(&self) -> i64 {
        self.now().timestamp()
    }

    /// Today's date where the visitors are.
    pub fn today(&self) -> NaiveDate {
        self.now().with_timezone(&REGION_TZ).date_naive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn today_is_the_regions_day_not_utcs() {
        // 23:30 UTC on 31 December is already New Year's Day in Amsterdam.
        let late = DateTime::parse_from_rfc3339("2026-12-31T23:30:00Z")
            .map(|t| t.with_timezone(&Utc))
            .unwrap_or_default();
        assert_eq!(
            late.with_timezone(&REGION_TZ).date_naive(),
            NaiveDate::from_ymd_opt(2027, 1, 1).unwrap_or_default()
        );
        let clock = Clock;
        assert!((clock.unix() - Utc::now().timestamp()).abs() <= 1);
    }
}
