//! Figures on contacts and referrals, per organisation or for the whole network:
//! what the funders follow ("2,300 client contacts") and whether referrals are
//! taken up and the loop closed. Pure aggregation over stored records; for an
//! audience that sees aggregates only, counts under [`SMALL_CELL`] are
//! suppressed so that nobody can be singled out.

use crate::contact::Contact;
use crate::disclosure;
use crate::referral::{Outcome, Referral, Status};
use std::collections::BTreeMap;

/// Counts below this are not shown to aggregate-only audiences.
pub const SMALL_CELL: u64 = 5;

/// A count, or "fewer than five" for aggregate-only audiences.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cell {
    Count(u64),
    Suppressed,
}

impl Cell {
    fn of(n: u64, suppress: bool) -> Cell {
        if suppress && n > 0 && n < SMALL_CELL {
            Cell::Suppressed
        } else {
            Cell::Count(n)
        }
    }
}

/// Whether small counts are hidden.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    /// Staff, organisation admins and the coordinator: exact counts.
    Exact,
    /// Funders: aggregates only, small cells suppressed.
    AggregatesOnly,
}

/// A rate with the counts it comes from, so staff can read "1 of 1"; nothing
/// when its base is empty (or too small to show).
pub type Rate = Option<RateOf>;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RateOf {
    /// Rounded to whole percent.
    pub percent: u32,
    pub part: u64,
    pub whole: u64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Figures {
    pub contacts: Cell,
    /// Keyed by service id, topic code, `YYYY-MM` and channel code.
    pub contacts_by_service: Vec<(String, Cell)>,
    pub contacts_by_topic: Vec<(String, Cell)>,
    pub contacts_by_month: Vec<(String, Cell)>,
    pub contacts_by_channel: Vec<(String, Cell)>,
    pub referrals_sent: Cell,
    pub referrals_received: Cell,
    /// Accepted (or further) among the received that were answered (accepted or rejected).
    pub acceptance_rate: Rate,
    /// Median time from the request to acceptance, in hours.
    pub median_hours_to_accept: Option<u64>,
    /// Sent referrals whose receiver reported an end (completed, rejected, failed),
    /// among those not cancelled by the sender.
    pub loop_closure_rate: Rate,
    pub outcomes: Vec<(Outcome, Cell)>,
}

/// A referral with when it was accepted (from its history).
pub struct ReferralRecord<'a> {
    pub referral: &'a Referral,
    pub accepted_at: Option<i64>,
}

fn month(at: i64) -> String {
    chrono::DateTime::from_timestamp(at, 0)
        .map(|t| t.format("%Y-%m").to_string())
        .unwrap_or_default()
}

/// A breakdown's cells; for aggregate-only audiences with no hidden cell that is
/// the published total minus the others ([`disclosure::protect_line`]).
fn cells(counts: BTreeMap<String, u64>, suppress: bool) -> Vec<(String, Cell)> {
    let values: Vec<u64> = counts.values().copied().collect();
    let hidden = if suppress {
        disclosure::protect_line(&values, SMALL_CELL).hidden
    } else {
        vec![false; values.len()]
    };
    counts
        .into_iter()
        .zip(hidden)
        .map(|((k, n), h)| (k, if h { Cell::Suppressed } else { Cell::Count(n) }))
        .collect()
}

/// A rate, or nothing when its base is empty; for aggregate-only audiences also
/// nothing when who did or who did not is under the threshold.
fn rate(part: u64, whole: u64, suppress: bool) -> Rate {
    if whole == 0 || (suppress && !disclosure::rate_shown(part, whole, SMALL_CELL)) {
        None
    } else {
        Some(RateOf {
            percent: ((part * 100 + whole / 2) / whole) as u32,
            part,
            whole,
        })
    }
}

/// The figures of a set of partner organisations (one organisation, or the
/// partners of a region; `None`: the whole network) from their contacts and the
/// referrals they sent or received.
pub fn figures(
    partners: Option<&[String]>,
    contacts: &[Contact],
    referrals: &[ReferralRecord<'_>],
    audience: Audience,
) -> Figures {
    let suppress = audience == Audience::AggregatesOnly;
    let mine: Vec<&Contact> = contacts
        .iter()
        .filter(|c| partners.is_none_or(|p| p.contains(&c.organization_id)))
        .collect();
    let mut by_service = BTreeMap::new();
    let mut by_topic = BTreeMap::new();
    let mut by_month = BTreeMap::new();
    let mut by_channel = BTreeMap::new();
    for c in &mine {
        *by_service.entry(c.service_id.clone()).or_insert(0) += 1;
        for t in &c.topics {
            *by_topic.entry(t.clone()).or_insert(0) += 1;
        }
        *by_month.entry(month(c.at)).or_insert(0) += 1;
        *by_channel.entry(c.channel.code().to_string()).or_insert(0) += 1;
    }
    let sent: Vec<&ReferralRecord> = referrals
        .iter()
        .filter(|r| match partners {
            Some(p) => r
                .referral
                .sender_org()
                .is_some_and(|o| p.iter().any(|x| x == o)),
            None => true,
        })
        .collect();
    let received: Vec<&ReferralRecord> = referrals
        .iter()
        .filter(|r| partners.is_none_or(|p| p.contains(&r.referral.receiver_org)))
        .collect();
    let taken_on = received
        .iter()
        .filter(|r| r.referral.status.is_taken_on())
        .count() as u64;
    let rejected = received
        .iter()
        .filter(|r| r.referral.status == Status::Rejected)
        .count() as u64;
    let mut hours: Vec<u64> = received
        .iter()
        .filter_map(|r| {
            let at = r.accepted_at?;
            u64::try_from(at - r.referral.created_at)
                .ok()
                .map(|s| s / 3600)
        })
        .collect();
    hours.sort_unstable();
    let too_few = hours.is_empty() || (suppress && (hours.len() as u64) < SMALL_CELL);
    let median = (!too_few).then(|| hours[hours.len() / 2]);
    let not_cancelled = sent
        .iter()
        .filter(|r| r.referral.status != Status::Cancelled)
        .count() as u64;
    let closed = sent.iter().filter(|r| r.referral.loop_closed()).count() as u64;
    let outcome_counts: Vec<u64> = Outcome::ALL
        .iter()
        .map(|o| {
            received
                .iter()
                .filter(|r| r.referral.outcome == Some(*o))
                .count() as u64
        })
        .collect();
    let outcome_hidden = if suppress {
        disclosure::protect_line(&outcome_counts, SMALL_CELL).hidden
    } else {
        vec![false; outcome_counts.len()]
    };
    let outcomes = Outcome::ALL
        .iter()
        .zip(outcome_counts)
        .zip(outcome_hidden)
        .map(|((o, n), h)| (*o, if h { Cell::Suppressed } else { Cell::Count(n) }))
        .collect();
    Figures {
        contacts: Cell::of(mine.len() as u64, suppress),
        contacts_by_service: cells(by_service, suppress),
        contacts_by_topic: cells(by_topic, suppress),
        contacts_by_month: cells(by_month, suppress),
        contacts_by_channel: cells(by_channel, suppress),
        referrals_sent: Cell::of(sent.len() as u64, suppress),
        referrals_received: Cell::of(received.len() as u64, suppress),
        acceptance_rate: rate(taken_on, taken_on + rejected, suppress),
        median_hours_to_accept: median,
        loop_closure_rate: rate(closed, not_cancelled, suppress),
        outcomes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contact::{Channel, ContactOutcome};
    use crate::referral::{Consent, LegalBasis, Source};

    fn contact(org: &str, service: &str, at: i64, topics: &[&str]) -> Contact {
        Contact {
            id: format!("{org}-{at}"),
            organization_id: org.into(),
            service_id: service.into(),
            registered_by: "x".into(),
            at,
            channel: Channel::Phone,
            target_group: None,
            topics: topics.iter().map(|t| t.to_string()).collect(),
            residence_country: None,
            work_country: None,
            language: "nl".into(),
            outcome: ContactOutcome::Answered,
            minutes: None,
            person: None,
        }
    }

    fn referral(
        from: Option<&str>,
        to: &str,
        status: Status,
        outcome: Option<Outcome>,
    ) -> Referral {
        Referral {
            id: "r".into(),
            version: 1,
            source: match from {
                Some(o) => Source::Organization {
                    organization_id: o.into(),
                    account_id: "x".into(),
                },
                None => Source::FrontDoor,
            },
            receiver_org: to.into(),
            service_id: "s".into(),
            status,
            reason: None,
            outcome,
            person: None,
            note: String::new(),
            consent: Consent {
                basis: LegalBasis::Consent,
                purpose: "p".into(),
                recorded_at: 0,
                withdrawn_at: None,
            },
            assignee: None,
            previous_id: None,
            created_at: 0,
            updated_at: 0,
            due_on: None,
        }
    }

    #[test]
    fn contacts_are_counted_per_service_topic_month_and_channel() {
        let jan = 1_767_225_600 + 3600; // 1 January 2026, 01:00 UTC
        let feb = jan + 31 * 86_400;
        let list = vec![
            contact("a", "s1", jan, &["tax", "pension"]),
            contact("a", "s1", feb, &["tax"]),
            contact("a", "s2", feb, &[]),
            contact("b", "s3", feb, &["tax"]),
        ];
        let f = figures(Some(&["a".to_string()]), &list, &[], Audience::Exact);
        assert_eq!(f.contacts, Cell::Count(3));
        assert_eq!(
            f.contacts_by_service,
            vec![("s1".into(), Cell::Count(2)), ("s2".into(), Cell::Count(1))]
        );
        assert_eq!(
            f.contacts_by_topic,
            vec![
                ("pension".into(), Cell::Count(1)),
                ("tax".into(), Cell::Count(2))
            ]
        );
        assert_eq!(
            f.contacts_by_month,
            vec![
                ("2026-01".into(), Cell::Count(1)),
                ("2026-02".into(), Cell::Count(2))
            ]
        );
        let network = figures(None, &list, &[], Audience::Exact);
        assert_eq!(network.contacts, Cell::Count(4));
    }

    #[test]
    fn referral_rates_and_the_median_time_to_accept() {
        let rs = [
            referral(Some("a"), "b", Status::Completed, Some(Outcome::GotHelp)),
            referral(Some("a"), "b", Status::Rejected, None),
            referral(Some("a"), "b", Status::Accepted, None),
            referral(Some("a"), "b", Status::Cancelled, None),
            referral(None, "b", Status::Requested, None),
        ];
        let records: Vec<ReferralRecord> = rs
            .iter()
            .enumerate()
            .map(|(i, r)| ReferralRecord {
                referral: r,
                accepted_at: (r.status.is_taken_on()).then_some(3600 * (i as i64 + 1) * 10),
            })
            .collect();
        let a = figures(Some(&["a".to_string()]), &[], &records, Audience::Exact);
        assert_eq!(a.referrals_sent, Cell::Count(4));
        assert_eq!(a.referrals_received, Cell::Count(0));
        // Closed: completed and rejected, of the three not cancelled.
        assert_eq!(a.loop_closure_rate.map(|r| r.percent), Some(67));
        let b = figures(Some(&["b".to_string()]), &[], &records, Audience::Exact);
        assert_eq!(b.referrals_received, Cell::Count(5));
        // Taken on: completed and accepted; answered: those and the rejection.
        assert_eq!(b.acceptance_rate.map(|r| r.percent), Some(67));
        // Accepted after 10 and 30 hours: the upper median is 30.
        assert_eq!(b.median_hours_to_accept, Some(30));
        assert_eq!(b.outcomes[0], (Outcome::GotHelp, Cell::Count(1)));
    }

    #[test]
    fn funders_see_no_cell_under_five() {
        let list: Vec<Contact> = (0..7)
            .map(|i| {
                contact(
                    "a",
                    if i < 2 { "small" } else { "big" },
                    1_767_225_600 + i,
                    &[],
                )
            })
            .collect();
        let f = figures(None, &list, &[], Audience::AggregatesOnly);
        assert_eq!(f.contacts, Cell::Count(7));
        // "small" (2) is under five; shown beside the total of 7, "big" (5) would
        // give it away, so it is hidden too.
        assert_eq!(
            f.contacts_by_service,
            vec![
                ("big".into(), Cell::Suppressed),
                ("small".into(), Cell::Suppressed)
            ]
        );
        let rs = [referral(
            Some("a"),
            "b",
            Status::Completed,
            Some(Outcome::GotHelp),
        )];
        let records: Vec<ReferralRecord> = rs
            .iter()
            .map(|r| ReferralRecord {
                referral: r,
                accepted_at: Some(7200),
            })
            .collect();
        let f = figures(None, &[], &records, Audience::AggregatesOnly);
        assert_eq!(f.referrals_sent, Cell::Suppressed);
        assert_eq!(
            f.acceptance_rate, None,
            "a rate over fewer than five is not shown"
        );
        assert_eq!(f.median_hours_to_accept, None);
        assert_eq!(f.outcomes[0], (Outcome::GotHelp, Cell::Suppressed));
        let exact = figures(None, &[], &records, Audience::Exact);
        assert_eq!(exact.referrals_sent, Cell::Count(1));
        assert_eq!(
            exact.acceptance_rate,
            Some(RateOf {
                percent: 100,
                part: 1,
                whole: 1
            })
        );
    }
}
