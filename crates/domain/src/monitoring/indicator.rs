//! Indicators as data: what each counts, whether it counts people or events, the
//! parts of a rate, the breakdowns it may be shown by and the smallest count an
//! aggregate-only audience sees. The definitions ship in `seed/indicators.json`;
//! a changed definition is a new version with the date it applies from.

use crate::Text;
use chrono::NaiveDate;
use serde::Deserialize;
use std::collections::BTreeSet;

/// The indicators loket ships with.
pub const SHIPPED: &str = include_str!("../../../../seed/indicators.json");

/// What is counted. Each measure has one way of being computed
/// (`app::monitoring::measure`); the file chooses among them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Measure {
    Contacts,
    PeopleHelped,
    MediatedAcrossBorder,
    ReferralsMade,
    ReferralsTakenUp,
    LoopClosure,
    Placements,
    FrontDoorRoutings,
    /// People checked in at the door of an event (each of a party).
    EventAttendance,
    /// People registered with a place who did not come.
    EventNoShows,
}

/// People (someone recorded twice counts once) or events.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Unit {
    People,
    Events,
    Percent,
}

/// A dimension an indicator may be broken down by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Breakdown {
    Region,
    Organisation,
    Service,
    Topic,
    Channel,
    ResidenceCountry,
    TargetGroup,
    Month,
    Quarter,
}

impl Breakdown {
    pub const ALL: [Breakdown; 9] = [
        Breakdown::Region,
        Breakdown::Organisation,
        Breakdown::Service,
        Breakdown::Topic,
        Breakdown::Channel,
        Breakdown::ResidenceCountry,
        Breakdown::TargetGroup,
        Breakdown::Month,
        Breakdown::Quarter,
    ];
    pub fn code(self) -> &'static str {
        match self {
            Breakdown::Region => "region",
            Breakdown::Organisation => "organisation",
            Breakdown::Service => "service",
            Breakdown::Topic => "topic",
            Breakdown::Channel => "channel",
            Breakdown::ResidenceCountry => "residence-country",
            Breakdown::TargetGroup => "target-group",
            Breakdown::Month => "month",
            Breakdown::Quarter => "quarter",
        }
    }
    pub fn parse(code: &str) -> Option<Breakdown> {
        Breakdown::ALL.into_iter().find(|b| b.code() == code)
    }
}

/// The two counts a rate is made of (named for the reader of the file).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RateParts {
    pub numerator: String,
    pub denominator: String,
}

/// One version of an indicator.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    pub code: String,
    pub version: u32,
    pub valid_from: NaiveDate,
    pub name: Text,
    /// What it counts, in words for the reader of a report.
    pub counts: Text,
    pub measure: Measure,
    pub unit: Unit,
    #[serde(default)]
    pub rate: Option<RateParts>,
    pub breakdowns: Vec<Breakdown>,
    /// Counts below this are hidden from aggregate-only audiences.
    pub threshold: u64,
}

impl Indicator {
    pub fn allows(&self, b: Breakdown) -> bool {
        self.breakdowns.contains(&b)
    }
    pub fn is_rate(&self) -> bool {
        self.unit == Unit::Percent
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[allow(dead_code)] // the file's explanation for its reader
    about: String,
    indicators: Vec<Indicator>,
}

/// Every version of every indicator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Indicators {
    all: Vec<Indicator>,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum IndicatorError {
    #[error("the indicator file is not valid: {0}")]
    Format(String),
    #[error("indicator {code} version {version}: {problem}")]
    Invalid {
        code: String,
        version: u32,
        problem: String,
    },
}

impl Indicators {
    /// The shipped indicators (checked by this crate's tests).
    pub fn shipped() -> Indicators {
        Indicators::parse(SHIPPED).unwrap_or(Indicators { all: Vec::new() })
    }

    pub fn parse(text: &str) -> Result<Indicators, IndicatorError> {
        let file: File =
            serde_json::from_str(text).map_err(|e| IndicatorError::Format(e.to_string()))?;
        let mut seen = BTreeSet::new();
        for i in &file.indicators {
            let bad = |problem: &str| IndicatorError::Invalid {
                code: i.code.clone(),
                version: i.version,
                problem: problem.into(),
            };
            if !seen.insert((i.code.clone(), i.version)) {
                return Err(bad("this version is defined twice"));
            }
            if i.name.nl.as_deref().is_none_or(str::is_empty) {
                return Err(bad("needs a Dutch name"));
            }
            if i.threshold == 0 {
                return Err(bad("the threshold must be at least 1"));
            }
            if i.is_rate() != i.rate.is_some() {
                return Err(bad(
                    "a percentage needs a rate, and only a percentage has one",
                ));
            }
        }
        Ok(Indicators {
            all: file.indicators,
        })
    }

    /// The version of `code` in force on `day` (the newest that started by then).
    pub fn on(&self, code: &str, day: NaiveDate) -> Option<&Indicator> {
        self.all
            .iter()
            .filter(|i| i.code == code && i.valid_from <= day)
            .max_by_key(|i| i.valid_from)
    }

    /// Each indicator's version in force on `day`, in the file's order.
    pub fn current(&self, day: NaiveDate) -> Vec<&Indicator> {
        let mut codes: Vec<&str> = Vec::new();
        for i in &self.all {
            if !codes.contains(&i.code.as_str()) {
                codes.push(&i.code);
            }
        }
        codes.into_iter().filter_map(|c| self.on(c, day)).collect()
    }

    pub fn knows(&self, code: &str) -> bool {
        self.all.iter().any(|i| i.code == code)
    }

    pub fn versions(&self, code: &str) -> Vec<&Indicator> {
        self.all.iter().filter(|i| i.code == code).collect()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn the_shipped_indicators_are_valid_and_named_in_four_languages() {
        let all = Indicators::parse(SHIPPED).expect("valid");
        let now = all.current(day("2026-06-01"));
        assert!(now.len() >= 8, "{}", now.len());
        for i in now {
            for text in [&i.name, &i.counts] {
                assert!(
                    text.nl.is_some()
                        && text.en.is_some()
                        && text.de.is_some()
                        && text.fr.is_some(),
                    "{} needs nl, en, de and fr",
                    i.code
                );
            }
            assert!(!i.breakdowns.is_empty(), "{}", i.code);
        }
    }

    #[test]
    fn a_new_version_applies_from_its_date() {
        let text = SHIPPED.replacen(
            "\"indicators\": [",
            r#""indicators": [{"code": "contacts", "version": 2, "valid_from": "2027-01-01",
              "name": {"nl": "Contacten (nieuw)"}, "counts": {"nl": "x"}, "measure": "contacts",
              "unit": "events", "breakdowns": ["month"], "threshold": 10},"#,
            1,
        );
        let all = Indicators::parse(&text).expect("valid");
        assert_eq!(all.on("contacts", day("2026-12-31")).unwrap().version, 1);
        assert_eq!(all.on("contacts", day("2027-01-01")).unwrap().threshold, 10);
        assert_eq!(all.versions("contacts").len(), 2);
        assert!(all.on("contacts", day("2023-12-31")).is_none());
    }

    #[test]
    fn a_file_with_mistakes_is_refused_with_the_indicator_named() {
        // people-helped renamed to contacts: version 1 of contacts twice.
        let twice = SHIPPED.replacen("\"code\": \"people-helped\"", "\"code\": \"contacts\"", 1);
        assert!(matches!(
            Indicators::parse(&twice),
            Err(IndicatorError::Invalid { code, .. }) if code == "contacts"
        ));
        let unknown = SHIPPED.replacen("\"quarter\"]", "\"weekday\"]", 1);
        assert!(matches!(
            Indicators::parse(&unknown),
            Err(IndicatorError::Format(_))
        ));
        let no_rate = SHIPPED.replacen(
            "\"rate\": { \"numerator\": \"referrals-closed\", \"denominator\": \"referrals-not-cancelled\" },",
            "",
            1,
        );
        assert!(matches!(
            Indicators::parse(&no_rate),
            Err(IndicatorError::Invalid { code, .. }) if code == "loop-closure"
        ));
    }
}
