//! How each indicator is counted from the stored records, for a scope (which
//! organisations, which front door) and a period, with its monthly series; and
//! what an aggregate-only audience may see of it (the indicator's threshold,
//! [`crate::disclosure`]).

use super::indicator::{Indicator, Measure};
use super::period::Period;
use crate::contact::{Contact, ContactOutcome};
use crate::disclosure;
use crate::referral::{Referral, Status};
use chrono::NaiveDate;
use std::collections::{BTreeMap, BTreeSet};

/// Whose records count: some organisations (`None`: all) and a front door
/// (`None`: every door; front-door routings are not an organisation's).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Scope {
    pub partners: Option<Vec<String>>,
    pub door: Door,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Door {
    /// Every front door (the network).
    #[default]
    All,
    /// One region's front door.
    Region(String),
    /// No front door: an organisation's figures have no routings.
    None,
}

impl Scope {
    fn has(&self, org: &str) -> bool {
        self.partners
            .as_ref()
            .is_none_or(|p| p.iter().any(|x| x == org))
    }
}

/// The records of a period (and what came before it, for the comparison).
pub struct Records<'a> {
    pub contacts: &'a [Contact],
    pub referrals: &'a [Referral],
    /// Placements: start date and the organisation of the mediating service.
    pub placements: &'a [(NaiveDate, String)],
    /// Routings: day, front door (a region's code or empty) and count.
    pub routings: &'a [(NaiveDate, String, u64)],
}

/// A counted indicator: a count, or a rate's two parts; by month (`YYYY-MM`)
/// for counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Measured {
    Count {
        total: u64,
        months: BTreeMap<String, u64>,
    },
    Rate {
        part: u64,
        whole: u64,
    },
    /// Not counted for this scope (routings of one organisation).
    NotApplicable,
}

/// The day in the region (Europe/Amsterdam) of a moment in Unix seconds.
fn day_of(at: i64) -> Option<NaiveDate> {
    chrono::DateTime::from_timestamp(at, 0)
        .map(|t| t.with_timezone(&chrono_tz::Europe::Amsterdam).date_naive())
}

fn month(day: NaiveDate) -> String {
    day.format("%Y-%m").to_string()
}

/// One counted event (a contact, a referral, a placement, a day's routings)
/// with what it can be broken down by.
#[derive(Debug, Clone, Copy)]
pub struct Event<'a> {
    pub day: NaiveDate,
    pub weight: u64,
    pub organisation: Option<&'a str>,
    pub service: Option<&'a str>,
    pub channel: Option<&'a str>,
    pub residence: Option<&'a str>,
    pub target_group: Option<&'a str>,
    pub door: Option<&'a str>,
}

impl<'a> Event<'a> {
    fn on(day: NaiveDate) -> Event<'a> {
        Event {
            day,
            weight: 1,
            organisation: None,
            service: None,
            channel: None,
            residence: None,
            target_group: None,
            door: None,
        }
    }
    fn of_contact(day: NaiveDate, c: &'a Contact) -> Event<'a> {
        Event {
            organisation: Some(&c.organization_id),
            service: Some(&c.service_id),
            channel: Some(c.channel.code()),
            residence: c.residence_country.as_deref(),
            target_group: c.target_group.as_deref(),
            ..Event::on(day)
        }
    }
}

/// Calls `f` for every event an indicator counts in the scope and period.
/// People (who may come back) and rates are not events: they are counted by
/// [`measure`] itself, and `false` is returned for them.
pub fn for_each_event<'a>(
    indicator: &Indicator,
    scope: &Scope,
    period: &Period,
    r: &Records<'a>,
    f: &mut dyn FnMut(Event<'a>),
) -> bool {
    let mut emit = |e: Event<'a>| {
        if period.contains(e.day) {
            f(e);
        }
    };
    let contacts = r
        .contacts
        .iter()
        .filter(|c| scope.has(&c.organization_id))
        .filter_map(|c| Some((day_of(c.at)?, c)));
    match indicator.measure {
        Measure::Contacts => contacts.for_each(|(d, c)| emit(Event::of_contact(d, c))),
        Measure::MediatedAcrossBorder => {
            for (d, c) in contacts {
                let across = matches!(
                    (&c.residence_country, &c.work_country),
                    (Some(a), Some(b)) if a != b
                );
                if across && c.outcome == ContactOutcome::Referred {
                    emit(Event::of_contact(d, c));
                }
            }
        }
        Measure::ReferralsMade => {
            for f in r.referrals {
                if let Some(org) = f.sender_org().filter(|o| scope.has(o))
                    && let Some(d) = day_of(f.created_at)
                {
                    emit(Event {
                        organisation: Some(org),
                        service: Some(&f.service_id),
                        ..Event::on(d)
                    });
                }
            }
        }
        Measure::ReferralsTakenUp => {
            for f in r.referrals {
                if scope.has(&f.receiver_org)
                    && f.status.is_taken_on()
                    && let Some(d) = day_of(f.created_at)
                {
                    emit(Event {
                        organisation: Some(&f.receiver_org),
                        service: Some(&f.service_id),
                        ..Event::on(d)
                    });
                }
            }
        }
        Measure::Placements => {
            for (d, org) in r.placements {
                if scope.has(org) {
                    emit(Event {
                        organisation: Some(org),
                        ..Event::on(*d)
                    });
                }
            }
        }
        Measure::FrontDoorRoutings => {
            for (d, door, n) in r.routings {
                let counted = match &scope.door {
                    Door::All => true,
                    Door::Region(code) => door == code,
                    Door::None => false,
                };
                if counted {
                    emit(Event {
                        weight: *n,
                        door: Some(door),
                        ..Event::on(*d)
                    });
                }
            }
        }
        Measure::PeopleHelped | Measure::LoopClosure => return false,
    }
    true
}

/// Counts one indicator for a scope and period.
pub fn measure(indicator: &Indicator, scope: &Scope, period: &Period, r: &Records<'_>) -> Measured {
    match indicator.measure {
        Measure::PeopleHelped => return people_helped(scope, period, r),
        Measure::LoopClosure => return loop_closure(scope, period, r),
        Measure::FrontDoorRoutings if scope.door == Door::None => return Measured::NotApplicable,
        _ => {}
    }
    let mut months: BTreeMap<String, u64> = BTreeMap::new();
    for_each_event(indicator, scope, period, r, &mut |e| {
        *months.entry(month(e.day)).or_insert(0) += e.weight;
    });
    let total = months.values().sum();
    Measured::Count { total, months }
}

/// Someone recorded by name counts once in the period and once in each month
/// they came; an anonymous contact is one person.
fn people_helped(scope: &Scope, period: &Period, r: &Records<'_>) -> Measured {
    let mut months: BTreeMap<String, u64> = BTreeMap::new();
    let mut seen_in_month: BTreeSet<(String, String)> = BTreeSet::new();
    let mut seen: BTreeSet<String> = BTreeSet::new();
    let mut total = 0;
    let contacts = r
        .contacts
        .iter()
        .filter(|c| scope.has(&c.organization_id))
        .filter_map(|c| Some((day_of(c.at)?, c)))
        .filter(|(d, _)| period.contains(*d));
    for (d, c) in contacts {
        let first_time = match &c.person {
            Some(p) => {
                let who = p.contact.trim().to_lowercase();
                let in_month = seen_in_month.insert((month(d), who.clone()));
                (in_month, seen.insert(who))
            }
            None => (true, true),
        };
        if first_time.0 {
            *months.entry(month(d)).or_insert(0) += 1;
        }
        if first_time.1 {
            total += 1;
        }
    }
    Measured::Count { total, months }
}

/// Sent referrals (not cancelled) whose receiver reported an end.
fn loop_closure(scope: &Scope, period: &Period, r: &Records<'_>) -> Measured {
    let sent = r.referrals.iter().filter(|f| {
        f.sender_org().is_some_and(|o| scope.has(o))
            && day_of(f.created_at).is_some_and(|d| period.contains(d))
            && f.status != Status::Cancelled
    });
    let (mut part, mut whole) = (0, 0);
    for f in sent {
        whole += 1;
        if f.loop_closed() {
            part += 1;
        }
    }
    Measured::Rate { part, whole }
}

/// What an audience is shown of a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    Count(u64),
    /// A whole percentage with its parts (the parts only for exact audiences).
    Rate {
        percent: u32,
        part: u64,
        whole: u64,
    },
    /// Under the threshold, or hidden so that another hidden number cannot be
    /// worked back out.
    Hidden,
    /// Nothing to show: a rate over an empty base, or not counted for the scope.
    None,
}

/// A measured indicator as an audience sees it: the total and each month of the
/// period (every month, zeros included).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Published {
    pub total: Shown,
    pub months: Vec<(String, Shown)>,
}

/// Applies the indicator's disclosure rules for aggregate-only audiences
/// (`exact` = false); exact audiences see everything.
pub fn publish(indicator: &Indicator, period: &Period, m: &Measured, exact: bool) -> Published {
    let k = indicator.threshold;
    match m {
        Measured::NotApplicable => Published {
            total: Shown::None,
            months: Vec::new(),
        },
        Measured::Rate { part, whole } => {
            let total = if *whole == 0 || (!exact && !disclosure::rate_shown(*part, *whole, k)) {
                if *whole == 0 {
                    Shown::None
                } else {
                    Shown::Hidden
                }
            } else {
                Shown::Rate {
                    percent: ((part * 100 + whole / 2) / whole) as u32,
                    part: *part,
                    whole: *whole,
                }
            };
            Published {
                total,
                months: Vec::new(),
            }
        }
        Measured::Count { total, months } => {
            let keys = period.months();
            let values: Vec<u64> = keys
                .iter()
                .map(|k| months.get(k).copied().unwrap_or(0))
                .collect();
            let pattern = if exact {
                disclosure::LinePattern {
                    hidden: vec![false; values.len()],
                    total_hidden: false,
                }
            } else {
                disclosure::protect_line(&values, k)
            };
            let total_hidden = !exact && (pattern.total_hidden || disclosure::too_small(*total, k));
            Published {
                total: if total_hidden {
                    Shown::Hidden
                } else {
                    Shown::Count(*total)
                },
                months: keys
                    .into_iter()
                    .zip(values)
                    .zip(pattern.hidden)
                    .map(|((key, n), h)| (key, if h { Shown::Hidden } else { Shown::Count(n) }))
                    .collect(),
            }
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::contact::{Channel, ContactPerson};
    use crate::monitoring::Indicators;
    use crate::referral::LegalBasis;

    /// 1 January 2026, 00:30 in Maastricht (23:30 UTC the day before).
    const NEW_YEAR: i64 = 1_767_223_800;
    const DAY: i64 = 86_400;

    fn contact(org: &str, at: i64, person: Option<&str>) -> Contact {
        Contact {
            id: format!("{org}-{at}"),
            organization_id: org.into(),
            service_id: "s".into(),
            registered_by: "x".into(),
            at,
            channel: Channel::Phone,
            target_group: None,
            topics: Vec::new(),
            residence_country: None,
            work_country: None,
            language: "nl".into(),
            outcome: ContactOutcome::Answered,
            minutes: None,
            person: person.map(|p| ContactPerson {
                name: "N".into(),
                contact: p.into(),
                basis: LegalBasis::Consent,
            }),
        }
    }

    fn indicator(code: &str) -> Indicator {
        Indicators::shipped()
            .on(code, NaiveDate::from_ymd_opt(2026, 1, 1).unwrap())
            .unwrap()
            .clone()
    }

    fn records<'a>(
        contacts: &'a [Contact],
        routings: &'a [(NaiveDate, String, u64)],
    ) -> Records<'a> {
        Records {
            contacts,
            referrals: &[],
            placements: &[],
            routings,
        }
    }

    #[test]
    fn contacts_count_by_the_regions_calendar_and_scope() {
        let list = vec![
            contact("a", NEW_YEAR, None),
            contact("a", NEW_YEAR + 40 * DAY, None),
            contact("b", NEW_YEAR + 40 * DAY, None),
            contact("a", NEW_YEAR - 3600, None), // 31 December 2025 in Maastricht
        ];
        let year = Period::year(2026).unwrap();
        let scope = Scope {
            partners: Some(vec!["a".into()]),
            door: Door::None,
        };
        let m = measure(&indicator("contacts"), &scope, &year, &records(&list, &[]));
        let Measured::Count { total, months } = m else {
            panic!("a count")
        };
        assert_eq!(total, 2);
        assert_eq!(months.get("2026-01"), Some(&1));
        assert_eq!(months.get("2026-02"), Some(&1));
        let previous = measure(
            &indicator("contacts"),
            &scope,
            &year.previous(),
            &records(&list, &[]),
        );
        assert!(matches!(previous, Measured::Count { total: 1, .. }));
    }

    #[test]
    fn people_are_counted_once_and_anonymous_contacts_as_one_each() {
        let list = vec![
            contact("a", NEW_YEAR, Some("jan@example.nl")),
            contact("a", NEW_YEAR + DAY, Some("JAN@example.nl ")),
            contact("a", NEW_YEAR + 40 * DAY, Some("jan@example.nl")),
            contact("a", NEW_YEAR + DAY, None),
            contact("a", NEW_YEAR + DAY, None),
        ];
        let m = measure(
            &indicator("people-helped"),
            &Scope::default(),
            &Period::year(2026).unwrap(),
            &records(&list, &[]),
        );
        let Measured::Count { total, months } = m else {
            panic!("a count")
        };
        assert_eq!(total, 3, "Jan once, two anonymous contacts");
        assert_eq!(months.get("2026-01"), Some(&3));
        assert_eq!(months.get("2026-02"), Some(&1));
    }

    #[test]
    fn routings_belong_to_a_front_door_and_not_to_an_organisation() {
        let day = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
        let routings = vec![
            (day, String::new(), 7),
            (day, "midden-limburg".to_string(), 2),
        ];
        let year = Period::year(2026).unwrap();
        let i = indicator("front-door-routings");
        let count = |door: Door| {
            let scope = Scope {
                partners: None,
                door,
            };
            measure(&i, &scope, &year, &records(&[], &routings))
        };
        assert!(matches!(count(Door::All), Measured::Count { total: 9, .. }));
        assert!(matches!(
            count(Door::Region("midden-limburg".into())),
            Measured::Count { total: 2, .. }
        ));
        assert_eq!(count(Door::None), Measured::NotApplicable);
    }

    #[test]
    fn funders_see_no_small_count_and_no_lone_hidden_month() {
        let i = indicator("contacts");
        let q1 = Period::parse("2026-01-01", "2026-03-31").unwrap();
        let m = Measured::Count {
            total: 43,
            months: [("2026-01", 3), ("2026-02", 30), ("2026-03", 10)]
                .into_iter()
                .map(|(k, v)| (k.to_string(), v))
                .collect(),
        };
        let funder = publish(&i, &q1, &m, false);
        assert_eq!(funder.total, Shown::Count(43));
        let shown: Vec<Shown> = funder.months.iter().map(|(_, s)| *s).collect();
        assert_eq!(shown, vec![Shown::Hidden, Shown::Count(30), Shown::Hidden]);
        let staff = publish(&i, &q1, &m, true);
        assert_eq!(staff.months[0].1, Shown::Count(3));
        let tiny = Measured::Count {
            total: 2,
            months: [("2026-02".to_string(), 2)].into_iter().collect(),
        };
        assert_eq!(publish(&i, &q1, &tiny, false).total, Shown::Hidden);
        let rate = indicator("loop-closure");
        let few_open = Measured::Rate {
            part: 20,
            whole: 22,
        };
        assert_eq!(publish(&rate, &q1, &few_open, false).total, Shown::Hidden);
        assert!(matches!(
            publish(&rate, &q1, &few_open, true).total,
            Shown::Rate { percent: 91, .. }
        ));
    }
}
