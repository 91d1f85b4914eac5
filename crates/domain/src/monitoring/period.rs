//! The period a dashboard or report covers: from a first to a last day
//! (inclusive), compared with the period of the same length just before it.

use crate::referral::FieldProblem;
use chrono::{Datelike, Duration, NaiveDate};

/// The longest period one report covers.
pub const MAX_DAYS: i64 = 5 * 366;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub first: NaiveDate,
    pub last: NaiveDate,
}

impl Period {
    pub fn year(year: i32) -> Option<Period> {
        Some(Period {
            first: NaiveDate::from_ymd_opt(year, 1, 1)?,
            last: NaiveDate::from_ymd_opt(year, 12, 31)?,
        })
    }

    /// A period from two dates as typed (`YYYY-MM-DD`); every problem at once.
    pub fn parse(first: &str, last: &str) -> Result<Period, Vec<FieldProblem>> {
        // Years a report can be about; also keeps date arithmetic far from its limits.
        let day = |t: &str| {
            NaiveDate::parse_from_str(t.trim(), "%Y-%m-%d")
                .ok()
                .filter(|d| (2000..=2100).contains(&d.year()))
        };
        let (f, l) = (day(first), day(last));
        let mut problems = Vec::new();
        if f.is_none() {
            problems.push(FieldProblem {
                field: "from",
                problem: "not-a-date",
            });
        }
        if l.is_none() {
            problems.push(FieldProblem {
                field: "to",
                problem: "not-a-date",
            });
        }
        let (Some(first), Some(last)) = (f, l) else {
            return Err(problems);
        };
        if last < first {
            problems.push(FieldProblem {
                field: "to",
                problem: "before-begin",
            });
        } else if (last - first).num_days() >= MAX_DAYS {
            problems.push(FieldProblem {
                field: "to",
                problem: "too-long",
            });
        }
        if problems.is_empty() {
            Ok(Period { first, last })
        } else {
            Err(problems)
        }
    }

    pub fn days(&self) -> i64 {
        (self.last - self.first).num_days() + 1
    }

    /// The period of the same length that ends the day before this one begins;
    /// a whole year's is the year before.
    pub fn previous(&self) -> Period {
        if let Some(y) = self.whole_year()
            && let Some(p) = Period::year(y - 1)
        {
            return p;
        }
        let last = self.first - Duration::days(1);
        Period {
            first: last - Duration::days(self.days() - 1),
            last,
        }
    }

    /// The calendar year, when the period is exactly one.
    pub fn whole_year(&self) -> Option<i32> {
        (self.first.ordinal() == 1
            && self.first.year() == self.last.year()
            && self.last.month() == 12
            && self.last.day() == 31)
            .then_some(self.first.year())
    }

    pub fn contains(&self, day: NaiveDate) -> bool {
        self.first <= day && day <= self.last
    }

    /// `YYYY-MM` of every month the period touches, in order.
    pub fn months(&self) -> Vec<String> {
        let mut out = Vec::new();
        let mut d = self.first.with_day(1).unwrap_or(self.first);
        while d <= self.last {
            out.push(d.format("%Y-%m").to_string());
            d = d
                .checked_add_months(chrono::Months::new(1))
                .unwrap_or(self.last + Duration::days(1));
        }
        out
    }
}

/// `YYYY-Qn` of a day.
pub fn quarter_of(day: NaiveDate) -> String {
    format!("{}-Q{}", day.year(), (day.month() - 1) / 3 + 1)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn a_period_that_ends_before_it_begins_is_refused() {
        let p = Period::parse("2026-12-31", "2026-01-01").unwrap_err();
        assert_eq!((p[0].field, p[0].problem), ("to", "before-begin"));
        let both = Period::parse("yesterday", "2026-13-01").unwrap_err();
        assert_eq!(both.len(), 2);
        assert!(Period::parse("2020-01-01", "2026-01-01").is_err());
        assert_eq!(
            Period::parse("+262143-12-31", "2026-01-01").unwrap_err()[0].problem,
            "not-a-date"
        );
    }

    #[test]
    fn the_previous_period_has_the_same_length() {
        let year = Period::parse("2026-01-01", "2026-12-31").unwrap();
        assert_eq!(year.whole_year(), Some(2026));
        assert_eq!(year.previous(), Period::year(2025).unwrap());
        let q = Period::parse("2026-04-01", "2026-06-30").unwrap();
        let before = q.previous();
        assert_eq!(before.last.to_string(), "2026-03-31");
        assert_eq!(before.days(), q.days());
        assert_eq!(q.months(), vec!["2026-04", "2026-05", "2026-06"]);
        assert_eq!(quarter_of(q.first), "2026-Q2");
    }
}
