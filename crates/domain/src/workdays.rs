//! Working days for service levels ("acknowledge within 2 working days").
//!
//! A working day is Monday to Friday except the days the Dutch *Algemene
//! termijnenwet* (the act on statutory time limits) treats as Sundays: New
//! Year's Day, Easter Monday, King's Day, Liberation Day (5 May), Ascension Day,
//! Whit Monday, Christmas Day and Boxing Day. Good Friday is not among them.

use chrono::{Datelike, Days, NaiveDate, Weekday};

/// Easter Sunday of a Gregorian year (the anonymous Gregorian computus).
pub fn easter_sunday(year: i32) -> Option<NaiveDate> {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32)
}

/// King's Day: 27 April, or the 26th when the 27th is a Sunday.
fn kings_day(year: i32) -> Option<NaiveDate> {
    let day = NaiveDate::from_ymd_opt(year, 4, 27)?;
    Some(if day.weekday() == Weekday::Sun {
        day.pred_opt()?
    } else {
        day
    })
}

/// The public holidays of a year that fall on a weekday or weekend alike.
pub fn public_holidays(year: i32) -> Vec<NaiveDate> {
    let fixed = [(1, 1), (5, 5), (12, 25), (12, 26)]
        .into_iter()
        .filter_map(|(m, d)| NaiveDate::from_ymd_opt(year, m, d));
    let easter = easter_sunday(year);
    let movable = [1u64, 39, 50]
        .into_iter()
        .filter_map(|offset| easter?.checked_add_days(Days::new(offset)));
    let mut days: Vec<NaiveDate> = fixed.chain(movable).chain(kings_day(year)).collect();
    days.sort();
    days
}

pub fn is_working_day(day: NaiveDate) -> bool {
    !matches!(day.weekday(), Weekday::Sat | Weekday::Sun)
        && !public_holidays(day.year()).contains(&day)
}

/// The day `n` working days after `day` (the day itself does not count).
pub fn add_working_days(day: NaiveDate, n: u32) -> NaiveDate {
    let mut current = day;
    let mut left = n;
    while left > 0 {
        match current.succ_opt() {
            Some(next) => current = next,
            None => return current,
        }
        if is_working_day(current) {
            left -= 1;
        }
    }
    current
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn easter_matches_the_published_dates() {
        assert_eq!(easter_sunday(2024), Some(d(2024, 3, 31)));
        assert_eq!(easter_sunday(2025), Some(d(2025, 4, 20)));
        assert_eq!(easter_sunday(2026), Some(d(2026, 4, 5)));
        assert_eq!(easter_sunday(2027), Some(d(2027, 3, 28)));
        assert_eq!(easter_sunday(2038), Some(d(2038, 4, 25)));
    }

    #[test]
    fn the_holidays_of_2026() {
        assert_eq!(
            public_holidays(2026),
            vec![
                d(2026, 1, 1),
                d(2026, 4, 6),  // Easter Monday
                d(2026, 4, 27), // King's Day
                d(2026, 5, 5),  // Liberation Day
                d(2026, 5, 14), // Ascension Day
                d(2026, 5, 25), // Whit Monday
                d(2026, 12, 25),
                d(2026, 12, 26),
            ]
        );
    }

    #[test]
    fn kings_day_moves_to_saturday_when_the_27th_is_a_sunday() {
        // 27 April 2025 was a Sunday.
        assert!(public_holidays(2025).contains(&d(2025, 4, 26)));
        assert!(!public_holidays(2025).contains(&d(2025, 4, 27)));
    }

    #[test]
    fn two_working_days_skip_weekends_and_holidays() {
        // Thursday 24 Dec 2026 → Christmas (Fri) and the weekend do not count → Tue 29 Dec.
        assert_eq!(add_working_days(d(2026, 12, 24), 2), d(2026, 12, 29));
        // Friday → Tuesday.
        assert_eq!(add_working_days(d(2026, 11, 20), 2), d(2026, 11, 24));
        // Thursday before Easter 2026: Good Friday counts, Easter Monday does not.
        assert_eq!(add_working_days(d(2026, 4, 2), 2), d(2026, 4, 7));
        // A referral on a Saturday: Monday and Tuesday.
        assert_eq!(add_working_days(d(2026, 11, 21), 2), d(2026, 11, 24));
        assert_eq!(add_working_days(d(2026, 11, 23), 0), d(2026, 11, 23));
    }
}
