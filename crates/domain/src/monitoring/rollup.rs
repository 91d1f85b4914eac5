//! The tallies the indicators are counted from: what each contact, referral and
//! placement adds, per day and breakdown. The store keeps them up to date in the
//! same transaction as the record (a changed referral takes back what its old
//! state added and adds what its new state adds), so a dashboard sums a few
//! thousand tallies instead of millions of records.
//!
//! People are the exception: someone who comes back counts once per period, so
//! named contacts leave a *person day* (a pseudonymous key of the person's
//! contact details) and the store counts distinct keys. The person days go when
//! the contact's person data goes (its retention); from then on that contact
//! counts as an anonymous one, as the records themselves would.

use crate::contact::{Contact, ContactOutcome};
use crate::referral::{Referral, Status};
use chrono::NaiveDate;
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet};

/// What a tally counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Contacts,
    /// Contacts referred on where residence and work country differ.
    Mediated,
    /// Contacts without a recorded person: each is one person helped.
    Anonymous,
    ReferralsMade,
    ReferralsTakenUp,
    /// Referrals sent and not cancelled (the base of loop closure).
    LoopSent,
    /// Of those, the ones whose receiver reported an end.
    LoopClosed,
    Placements,
}

impl Kind {
    pub const ALL: [Kind; 8] = [
        Kind::Contacts,
        Kind::Mediated,
        Kind::Anonymous,
        Kind::ReferralsMade,
        Kind::ReferralsTakenUp,
        Kind::LoopSent,
        Kind::LoopClosed,
        Kind::Placements,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Kind::Contacts => "contacts",
            Kind::Mediated => "mediated",
            Kind::Anonymous => "anonymous",
            Kind::ReferralsMade => "referrals-made",
            Kind::ReferralsTakenUp => "referrals-taken-up",
            Kind::LoopSent => "loop-sent",
            Kind::LoopClosed => "loop-closed",
            Kind::Placements => "placements",
        }
    }

    pub fn parse(code: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// A count of one kind on one day (or, read back for a period, in one month:
/// then `day` is the month's first day) for one combination of breakdowns;
/// an empty string is "not recorded".
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Tally {
    pub kind: Kind,
    pub day: NaiveDate,
    pub organisation: String,
    pub service: String,
    pub channel: String,
    pub residence: String,
    pub target_group: String,
    pub n: i64,
}

impl Tally {
    fn of(kind: Kind, day: NaiveDate, organisation: &str) -> Tally {
        Tally {
            kind,
            day,
            organisation: organisation.to_string(),
            service: String::new(),
            channel: String::new(),
            residence: String::new(),
            target_group: String::new(),
            n: 1,
        }
    }

    /// The same tally counted the other way (to take a contribution back).
    pub fn negated(mut self) -> Tally {
        self.n = -self.n;
        self
    }
}

/// A named person seen by an organisation on a day.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PersonDay {
    pub day: NaiveDate,
    pub organisation: String,
    /// The first 8 bytes of the SHA-256 of the person's contact details,
    /// trimmed and in lower case (two people share one with a chance of about
    /// one in 10^19 per pair).
    pub person_key: i64,
}

/// The day in the region (Europe/Amsterdam) of a moment in Unix seconds.
pub fn day_of(at: i64) -> Option<NaiveDate> {
    chrono::DateTime::from_timestamp(at, 0)
        .map(|t| t.with_timezone(&chrono_tz::Europe::Amsterdam).date_naive())
}

/// The pseudonymous key under which a person's visits are counted once.
pub fn person_key(contact_details: &str) -> i64 {
    let digest = Sha256::digest(contact_details.trim().to_lowercase().as_bytes());
    let mut first = [0u8; 8];
    first.copy_from_slice(&digest[..8]);
    i64::from_be_bytes(first)
}

/// What a contact adds: its tallies and, when a person was recorded, the
/// person's day.
pub fn of_contact(c: &Contact) -> (Vec<Tally>, Option<PersonDay>) {
    let Some(day) = day_of(c.at) else {
        return (Vec::new(), None);
    };
    let detailed = |kind| Tally {
        service: c.service_id.clone(),
        channel: c.channel.code().to_string(),
        residence: c.residence_country.clone().unwrap_or_default(),
        target_group: c.target_group.clone().unwrap_or_default(),
        ..Tally::of(kind, day, &c.organization_id)
    };
    let mut tallies = vec![detailed(Kind::Contacts)];
    let across = matches!(
        (&c.residence_country, &c.work_country),
        (Some(a), Some(b)) if a != b
    );
    if across && c.outcome == ContactOutcome::Referred {
        tallies.push(detailed(Kind::Mediated));
    }
    let person = match &c.person {
        Some(p) => Some(PersonDay {
            day,
            organisation: c.organization_id.clone(),
            person_key: person_key(&p.contact),
        }),
        None => {
            tallies.push(Tally::of(Kind::Anonymous, day, &c.organization_id));
            None
        }
    };
    (tallies, person)
}

/// What a referral adds in its current state, on the day it was made. A
/// referral from the front door has no sending organisation: it counts only
/// where it was taken up.
pub fn of_referral(r: &Referral) -> Vec<Tally> {
    let Some(day) = day_of(r.created_at) else {
        return Vec::new();
    };
    let with_service = |kind, org: &str| Tally {
        service: r.service_id.clone(),
        ..Tally::of(kind, day, org)
    };
    let mut tallies = Vec::new();
    if let Some(sender) = r.sender_org() {
        tallies.push(with_service(Kind::ReferralsMade, sender));
        if r.status != Status::Cancelled {
            tallies.push(Tally::of(Kind::LoopSent, day, sender));
            if r.loop_closed() {
                tallies.push(Tally::of(Kind::LoopClosed, day, sender));
            }
        }
    }
    if r.status.is_taken_on() {
        tallies.push(with_service(Kind::ReferralsTakenUp, &r.receiver_org));
    }
    tallies
}

/// What a placement adds: on its start date, to the organisation of the
/// service that mediated it.
pub fn of_placement(start: NaiveDate, organisation: &str, service: &str) -> Tally {
    Tally {
        service: service.to_string(),
        ..Tally::of(Kind::Placements, start, organisation)
    }
}

/// What changes when a referral goes from `old` to `new`: the old
/// contribution taken back, the new one added (equal ones cancel out).
pub fn referral_change(old: &Referral, new: &Referral) -> Vec<Tally> {
    let before = of_referral(old);
    let after = of_referral(new);
    let mut out: Vec<Tally> = before
        .iter()
        .filter(|t| !after.contains(t))
        .cloned()
        .map(Tally::negated)
        .collect();
    out.extend(after.into_iter().filter(|t| !before.contains(t)));
    out
}

/// Adds tallies up per key (the store's upsert does the same).
pub fn sum(tallies: impl IntoIterator<Item = Tally>) -> Vec<Tally> {
    let mut sums: BTreeMap<Tally, i64> = BTreeMap::new();
    for t in tallies {
        let n = t.n;
        *sums.entry(Tally { n: 0, ..t }).or_insert(0) += n;
    }
    sums.into_iter()
        .filter(|(_, n)| *n != 0)
        .map(|(t, n)| Tally { n, ..t })
        .collect()
}

/// Named people helped in a period: once in the period and once in each month
/// they came (months as `YYYY-MM`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NamedPeople {
    pub total: u64,
    pub months: BTreeMap<String, u64>,
}

/// Counts the distinct people of some person days (the store does the same
/// with `COUNT(DISTINCT ...)`).
pub fn count_people<'a>(days: impl IntoIterator<Item = &'a PersonDay>) -> NamedPeople {
    let mut all: BTreeSet<i64> = BTreeSet::new();
    let mut per_month: BTreeSet<(String, i64)> = BTreeSet::new();
    for d in days {
        all.insert(d.person_key);
        per_month.insert((d.day.format("%Y-%m").to_string(), d.person_key));
    }
    let mut months = BTreeMap::new();
    for (m, _) in per_month {
        *months.entry(m).or_insert(0) += 1;
    }
    NamedPeople {
        total: all.len() as u64,
        months,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::contact::{Channel, ContactPerson};
    use crate::referral::LegalBasis;

    fn contact(person: Option<&str>) -> Contact {
        Contact {
            id: "c".into(),
            organization_id: "gip".into(),
            service_id: "s".into(),
            registered_by: "x".into(),
            // 1 January 2026, 00:30 in Maastricht (23:30 UTC the day before).
            at: 1_767_223_800,
            channel: Channel::Phone,
            target_group: Some("cross-border-workers".into()),
            topics: Vec::new(),
            residence_country: Some("NL".into()),
            work_country: Some("DE".into()),
            language: "nl".into(),
            outcome: ContactOutcome::Referred,
            minutes: None,
            person: person.map(|p| ContactPerson {
                name: "N".into(),
                contact: p.into(),
                basis: LegalBasis::Consent,
            }),
        }
    }

    #[test]
    fn a_contact_counts_on_the_regions_day_with_its_breakdowns() {
        let (tallies, person) = of_contact(&contact(None));
        let day = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        let kinds: Vec<Kind> = tallies.iter().map(|t| t.kind).collect();
        assert_eq!(kinds, vec![Kind::Contacts, Kind::Mediated, Kind::Anonymous]);
        assert!(tallies.iter().all(|t| t.day == day));
        assert_eq!(tallies[0].residence, "NL");
        assert_eq!(tallies[0].channel, "phone");
        assert!(person.is_none());
    }

    #[test]
    fn a_named_contact_leaves_a_key_not_the_details() {
        let (tallies, person) = of_contact(&contact(Some(" Jan@Example.nl")));
        assert!(tallies.iter().all(|t| t.kind != Kind::Anonymous));
        let p = person.unwrap();
        assert_eq!(p.person_key, person_key("jan@example.nl"));
        assert_ne!(p.person_key, person_key("piet@example.nl"));
    }

    #[test]
    fn people_count_once_per_period_and_once_per_month() {
        let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
        let at = |day, who: &str| PersonDay {
            day,
            organisation: "gip".into(),
            person_key: person_key(who),
        };
        let days = [
            at(day(1, 2), "jan"),
            at(day(1, 3), "jan"),
            at(day(2, 3), "jan"),
            at(day(2, 3), "piet"),
        ];
        let counted = count_people(&days);
        assert_eq!(counted.total, 2);
        assert_eq!(counted.months.get("2026-01"), Some(&1));
        assert_eq!(counted.months.get("2026-02"), Some(&2));
    }

    #[test]
    fn sums_drop_what_cancels_out() {
        let day = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
        let t = Tally::of(Kind::Contacts, day, "gip");
        let summed = sum([t.clone(), t.clone(), t.clone().negated()]);
        assert_eq!(summed, vec![t.clone()]);
        assert!(sum([t.clone(), t.negated()]).is_empty());
    }
}
