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
    Quarter::of(day).code()
}

/// A calendar quarter: what a quarterly report covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Quarter {
    pub year: i32,
    /// 1 to 4.
    pub number: u32,
}

impl Quarter {
    pub fn of(day: NaiveDate) -> Quarter {
        Quarter {
            year: day.year(),
            number: (day.month() - 1) / 3 + 1,
        }
    }

    /// The quarter before this one.
    pub fn previous(self) -> Quarter {
        if self.number <= 1 {
            Quarter {
                year: self.year - 1,
                number: 4,
            }
        } else {
            Quarter {
                year: self.year,
                number: self.number - 1,
            }
        }
    }

    /// The last quarter that has ended on `today`.
    pub fn last_ended(today: NaiveDate) -> Quarter {
        Quarter::of(today).previous()
    }

    /// `YYYY-Qn`; codes of four-digit years sort as the quarters do.
    pub fn code(self) -> String {
        format!("{}-Q{}", self.year, self.number)
    }

    pub fn parse(code: &str) -> Option<Quarter> {
        let (year, n) = code.split_once("-Q")?;
        let q = Quarter {
            year: year.parse().ok()?,
            number: n.parse().ok().filter(|n| (1..=4).contains(n))?,
        };
        q.period().map(|_| q)
    }

    /// Its first to its last day.
    pub fn period(self) -> Option<Period> {
        let first = NaiveDate::from_ymd_opt(self.year, self.number * 3 - 2, 1)?;
        let next = first.checked_add_months(chrono::Months::new(3))?;
        Some(Period {
            first,
            last: next.pred_opt()?,
        })
    }
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

    #[test]
    fn the_last_ended_quarter_is_the_one_before_today() {
        let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let q = Quarter::last_ended(day("2026-10-01"));
        assert_eq!(q.code(), "2026-Q3");
        let p = q.period().unwrap();
        assert_eq!((p.first, p.last), (day("2026-07-01"), day("2026-09-30")));
        let january = Quarter::last_ended(day("2027-01-15"));
        assert_eq!(january.code(), "2026-Q4");
        assert_eq!(january.period().unwrap().last, day("2026-12-31"));
        assert_eq!(Quarter::parse("2026-Q4"), Some(january));
        assert_eq!(Quarter::parse("2026-Q5"), None);
        assert_eq!(Quarter::parse("Q1"), None);
        assert!(Quarter::parse("2026-Q3") < Quarter::parse("2026-Q4"));
    }
}
