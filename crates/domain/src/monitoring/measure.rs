//! How each indicator is counted from the stored records, for a scope (which
//! organisations, which front door) and a period, with its monthly series; and
//! what an aggregate-only audience may see of it (the indicator's threshold,
//! [`crate::disclosure`]).

use super::indicator::{Indicator, Measure};
use super::period::Period;
use super::rollup::{Kind, NamedPeople, Tally};
use crate::disclosure;
use chrono::NaiveDate;
use std::collections::BTreeMap;

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

/// What a period's indicators are counted from: its tallies (see
/// [`super::rollup`]), its front-door routings and its named people helped, all
/// of the period only.
pub struct Records<'a> {
    pub tallies: &'a [Tally],
    /// Routings: day, front door (a region's code or empty) and count.
    pub routings: &'a [(NaiveDate, String, u64)],
    /// Named people helped, counted for the scope's organisations.
    pub people: &'a NamedPeople,
    /// The check-in of each event date: its day, organiser and counts.
    pub attendance: &'a [Attendance],
}

/// What the check-in of one event date counted (aggregates: the names go
/// with the registrations' retention, these stay).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attendance {
    pub day: NaiveDate,
    pub organisation: String,
    pub attended: u64,
    pub no_shows: u64,
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

fn month(day: NaiveDate) -> String {
    day.format("%Y-%m").to_string()
}

/// One counted event (a day's or month's tally, a day's routings) with what it
/// can be broken down by.
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

fn recorded(value: &str) -> Option<&str> {
    (!value.is_empty()).then_some(value)
}

impl<'a> Event<'a> {
    fn of_tally(t: &'a Tally) -> Event<'a> {
        Event {
            day: t.day,
            weight: t.n.max(0) as u64,
            organisation: recorded(&t.organisation),
            service: recorded(&t.service),
            channel: recorded(&t.channel),
            residence: recorded(&t.residence),
            target_group: recorded(&t.target_group),
            door: None,
        }
    }
}

/// The tally that counts an indicator's events, if its events are tallied.
pub fn tallied(measure: Measure) -> Option<Kind> {
    match measure {
        Measure::Contacts => Some(Kind::Contacts),
        Measure::MediatedAcrossBorder => Some(Kind::Mediated),
        Measure::ReferralsMade => Some(Kind::ReferralsMade),
        Measure::ReferralsTakenUp => Some(Kind::ReferralsTakenUp),
        Measure::Placements => Some(Kind::Placements),
        Measure::FrontDoorRoutings
        | Measure::PeopleHelped
        | Measure::LoopClosure
        | Measure::EventAttendance
        | Measure::EventNoShows => None,
    }
}

/// Calls `f` for every event an indicator counts in the scope. People (who may
/// come back) and rates are not events: they are counted by [`measure`]
/// itself, and `false` is returned for them.
pub fn for_each_event<'a>(
    indicator: &Indicator,
    scope: &Scope,
    r: &Records<'a>,
    f: &mut dyn FnMut(Event<'a>),
) -> bool {
    if indicator.measure == Measure::FrontDoorRoutings {
        for (d, door, n) in r.routings {
            let counted = match &scope.door {
                Door::All => true,
                Door::Region(code) => door == code,
                Door::None => false,
            };
            if counted {
                f(Event {
                    day: *d,
                    weight: *n,
                    organisation: None,
                    service: None,
                    channel: None,
                    residence: None,
                    target_group: None,
                    door: Some(door),
                });
            }
        }
        return true;
    }
    if matches!(
        indicator.measure,
        Measure::EventAttendance | Measure::EventNoShows
    ) {
        for a in r.attendance.iter().filter(|a| scope.has(&a.organisation)) {
            let weight = if indicator.measure == Measure::EventAttendance {
                a.attended
            } else {
                a.no_shows
            };
            f(Event {
                day: a.day,
                weight,
                organisation: Some(&a.organisation),
                service: None,
                channel: None,
                residence: None,
                target_group: None,
                door: None,
            });
        }
        return true;
    }
    let Some(kind) = tallied(indicator.measure) else {
        return false;
    };
    r.tallies
        .iter()
        .filter(|t| t.kind == kind && scope.has(&t.organisation))
        .for_each(|t| f(Event::of_tally(t)));
    true
}

/// Counts one indicator for a scope from a period's records.
pub fn measure(indicator: &Indicator, scope: &Scope, r: &Records<'_>) -> Measured {
    match indicator.measure {
        Measure::PeopleHelped => return people_helped(scope, r),
        Measure::LoopClosure => return loop_closure(scope, r),
        Measure::FrontDoorRoutings if scope.door == Door::None => return Measured::NotApplicable,
        _ => {}
    }
    let mut months: BTreeMap<String, u64> = BTreeMap::new();
    for_each_event(indicator, scope, r, &mut |e| {
        *months.entry(month(e.day)).or_insert(0) += e.weight;
    });
    let total = months.values().sum();
    Measured::Count { total, months }
}

fn sum_of(kind: Kind, scope: &Scope, r: &Records<'_>) -> BTreeMap<String, u64> {
    let mut months = BTreeMap::new();
    r.tallies
        .iter()
        .filter(|t| t.kind == kind && scope.has(&t.organisation))
        .for_each(|t| *months.entry(month(t.day)).or_insert(0) += t.n.max(0) as u64);
    months
}

/// Someone recorded by name counts once in the period and once in each month
/// they came; an anonymous contact is one person.
fn people_helped(scope: &Scope, r: &Records<'_>) -> Measured {
    let mut months = sum_of(Kind::Anonymous, scope, r);
    let mut total: u64 = months.values().sum();
    for (m, n) in &r.people.months {
        *months.entry(m.clone()).or_insert(0) += n;
    }
    total += r.people.total;
    Measured::Count { total, months }
}

/// Sent referrals (not cancelled) whose receiver reported an end.
fn loop_closure(scope: &Scope, r: &Records<'_>) -> Measured {
    Measured::Rate {
        part: sum_of(Kind::LoopClosed, scope, r).values().sum(),
        whole: sum_of(Kind::LoopSent, scope, r).values().sum(),
    }
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
    use crate::contact::{Channel, Contact, ContactOutcome, ContactPerson};
    use crate::monitoring::Indicators;
    use crate::monitoring::rollup;
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

    /// What the store would hold for a period and scope: the contacts'
    /// tallies and person days of that period.
    struct Built {
        tallies: Vec<Tally>,
        people: NamedPeople,
        routings: Vec<(NaiveDate, String, u64)>,
    }

    impl Built {
        fn new(contacts: &[Contact], scope: &Scope, period: &Period) -> Built {
            let mut tallies = Vec::new();
            let mut days = Vec::new();
            for c in contacts {
                let (t, p) = rollup::of_contact(c);
                tallies.extend(t.into_iter().filter(|t| period.contains(t.day)));
                days.extend(p.filter(|p| period.contains(p.day) && scope.has(&p.organisation)));
            }
            Built {
                tallies: rollup::sum(tallies),
                people: rollup::count_people(&days),
                routings: Vec::new(),
            }
        }
        fn records(&self) -> Records<'_> {
            Records {
                tallies: &self.tallies,
                routings: &self.routings,
                people: &self.people,
                attendance: &[],
            }
        }
    }

    #[test]
    fn attendance_and_no_shows_count_the_scopes_events_by_month() {
        let day = |m, d| NaiveDate::from_ymd_opt(2027, m, d).unwrap();
        let attendance = vec![
            Attendance {
                day: day(1, 7),
                organisation: "expat".into(),
                attended: 18,
                no_shows: 2,
            },
            Attendance {
                day: day(2, 4),
                organisation: "expat".into(),
                attended: 15,
                no_shows: 5,
            },
            Attendance {
                day: day(2, 9),
                organisation: "other".into(),
                attended: 40,
                no_shows: 0,
            },
        ];
        let records = Records {
            tallies: &[],
            routings: &[],
            people: &NamedPeople::default(),
            attendance: &attendance,
        };
        let expat = Scope {
            partners: Some(vec!["expat".into()]),
            door: Door::None,
        };
        let on = NaiveDate::from_ymd_opt(2027, 1, 1).unwrap();
        let all = crate::monitoring::indicator::Indicators::shipped();
        let came = all.on("event-attendance", on).expect("attendance");
        let missed = all.on("event-no-shows", on).expect("no-shows");
        let Measured::Count { total, months } = measure(came, &expat, &records) else {
            panic!("a count");
        };
        assert_eq!((total, months.get("2027-02").copied()), (33, Some(15)));
        assert!(matches!(
            measure(missed, &expat, &records),
            Measured::Count { total: 7, .. }
        ));
        assert!(matches!(
            measure(came, &Scope::default(), &records),
            Measured::Count { total: 73, .. }
        ));
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
        let m = measure(
            &indicator("contacts"),
            &scope,
            &Built::new(&list, &scope, &year).records(),
        );
        let Measured::Count { total, months } = m else {
            panic!("a count")
        };
        assert_eq!(total, 2);
        assert_eq!(months.get("2026-01"), Some(&1));
        assert_eq!(months.get("2026-02"), Some(&1));
        let previous = measure(
            &indicator("contacts"),
            &scope,
            &Built::new(&list, &scope, &year.previous()).records(),
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
        let year = Period::year(2026).unwrap();
        let built = Built::new(&list, &Scope::default(), &year);
        let m = measure(
            &indicator("people-helped"),
            &Scope::default(),
            &built.records(),
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
        let i = indicator("front-door-routings");
        let built = Built {
            tallies: Vec::new(),
            people: NamedPeople::default(),
            routings,
        };
        let count = |door: Door| {
            let scope = Scope {
                partners: None,
                door,
            };
            measure(&i, &scope, &built.records())
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
