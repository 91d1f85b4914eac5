//! The contract of the monitoring tallies: every contact and referral is
//! counted in its own transaction, a changed referral moves its counts, named
//! people are counted once, retention turns them into anonymous contacts, and a
//! rebuild from the records gives the same tallies.

use crate::referrals::{act, referred};
use loket_domain::contact::{Channel, Contact, ContactOutcome, ContactPerson};
use loket_domain::monitoring::rollup::{Kind, Tally};
use loket_domain::referral::{LegalBasis, Side, Status};
use loket_store::Store;
use std::collections::BTreeMap;

/// 5 January 2026, noon in Maastricht.
const JAN: i64 = 1_767_610_800;
const DAY: i64 = 86_400;

fn day(y: i32, m: u32, d: u32) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn contact(id: &str, org: &str, at: i64, person: Option<&str>) -> Contact {
    Contact {
        id: id.into(),
        organization_id: org.into(),
        service_id: format!("svc-{org}"),
        registered_by: "staff".into(),
        at,
        channel: Channel::WalkIn,
        target_group: None,
        topics: Vec::new(),
        residence_country: Some("NL".into()),
        work_country: Some("DE".into()),
        language: "nl".into(),
        outcome: ContactOutcome::Referred,
        minutes: None,
        person: person.map(|p| ContactPerson {
            name: "Someone".into(),
            contact: p.into(),
            basis: LegalBasis::Consent,
        }),
    }
}

/// The sums per kind and organisation over the tallies of a period.
async fn sums(store: &dyn Store) -> BTreeMap<(Kind, String), i64> {
    let tallies = store
        .monthly_tallies(day(2025, 1, 1), day(2026, 12, 31))
        .await
        .expect("tallies");
    let mut out = BTreeMap::new();
    for t in tallies {
        *out.entry((t.kind, t.organisation)).or_insert(0) += t.n;
    }
    out.retain(|_, n| *n != 0);
    out
}

fn sum(all: &BTreeMap<(Kind, String), i64>, kind: Kind, org: &str) -> i64 {
    all.get(&(kind, org.to_string())).copied().unwrap_or(0)
}

pub async fn tallies_follow_every_record_and_rebuild_the_same(store: &dyn Store) {
    let people = [
        contact("c1", "org-a", JAN, Some("jan@example.nl")),
        contact("c2", "org-a", JAN + DAY, Some(" JAN@example.nl")),
        contact("c3", "org-b", JAN + 40 * DAY, None),
        contact("c4", "org-b", JAN + 40 * DAY, Some("piet@example.nl")),
    ];
    for c in &people {
        store.add_contact(c).await.expect("contact");
    }
    let sent = referred(store, "r1", Some("org-a"), "org-b").await;
    let accepted = act(store, &sent, Side::Receiver, Status::Accepted, JAN)
        .await
        .expect("accept");
    act(store, &accepted, Side::Receiver, Status::Completed, JAN + 1)
        .await
        .expect("complete");
    let second = referred(store, "r2", Some("org-a"), "org-b").await;
    act(store, &second, Side::Sender, Status::Cancelled, JAN)
        .await
        .expect("cancel");
    let from_the_door = referred(store, "r3", None, "org-b").await;
    act(store, &from_the_door, Side::Receiver, Status::Accepted, JAN)
        .await
        .expect("accept");

    let all = sums(store).await;
    assert_eq!(sum(&all, Kind::Contacts, "org-a"), 2);
    assert_eq!(sum(&all, Kind::Contacts, "org-b"), 2);
    assert_eq!(sum(&all, Kind::Mediated, "org-b"), 2);
    assert_eq!(sum(&all, Kind::Anonymous, "org-b"), 1);
    assert_eq!(sum(&all, Kind::Anonymous, "org-a"), 0);
    assert_eq!(sum(&all, Kind::ReferralsMade, "org-a"), 2);
    assert_eq!(
        sum(&all, Kind::LoopSent, "org-a"),
        1,
        "the cancelled one is not"
    );
    assert_eq!(sum(&all, Kind::LoopClosed, "org-a"), 1);
    assert_eq!(
        sum(&all, Kind::ReferralsTakenUp, "org-b"),
        2,
        "also the one from the front door"
    );

    // A period of whole months and one of single days read the same tallies.
    let contacts_of_a = |tallies: Vec<Tally>| -> i64 {
        tallies
            .iter()
            .filter(|t| t.kind == Kind::Contacts && t.organisation == "org-a")
            .map(|t| t.n)
            .sum()
    };
    let january = store
        .monthly_tallies(day(2026, 1, 1), day(2026, 1, 31))
        .await
        .expect("january");
    assert_eq!(contacts_of_a(january), 2);
    let sixth_on = store
        .monthly_tallies(day(2026, 1, 6), day(2026, 1, 20))
        .await
        .expect("from the sixth");
    assert_eq!(contacts_of_a(sixth_on), 1);

    let year = (day(2026, 1, 1), day(2026, 12, 31));
    let named = store
        .named_people(year.0, year.1, None)
        .await
        .expect("people");
    assert_eq!(named.total, 2, "Jan once, and Piet");
    assert_eq!(named.months.get("2026-01"), Some(&1));
    assert_eq!(named.months.get("2026-02"), Some(&1));
    // A whole year reads the counts kept as people came; a day less counts
    // the distinct keys: the same people.
    let counted_apart = store
        .named_people(year.0, day(2026, 12, 30), None)
        .await
        .expect("people, counted apart");
    assert_eq!(counted_apart, named);
    let only_a = store
        .named_people(year.0, year.1, Some(&["org-a".to_string()]))
        .await
        .expect("people of one organisation");
    assert_eq!(only_a.total, 1);
    assert_eq!(only_a.months.get("2026-01"), Some(&1));
    let nobody = store
        .named_people(year.0, year.1, Some(&[]))
        .await
        .expect("people of no organisation");
    assert_eq!(nobody.total, 0);

    let detailed = store
        .detailed_tallies(Kind::Contacts, year.0, year.1)
        .await
        .expect("detail");
    let desk_in_feb: Vec<&Tally> = detailed
        .iter()
        .filter(|t| t.day == day(2026, 2, 1) && t.organisation == "org-b")
        .collect();
    assert_eq!(desk_in_feb.len(), 1);
    assert_eq!(
        (
            desk_in_feb[0].channel.as_str(),
            desk_in_feb[0].residence.as_str(),
            desk_in_feb[0].service.as_str(),
            desk_in_feb[0].n
        ),
        ("walk-in", "NL", "svc-org-b", 2)
    );

    let mut before = store
        .monthly_tallies(day(2025, 1, 1), day(2026, 12, 31))
        .await
        .expect("tallies");
    store.rebuild_tallies(JAN).await.expect("rebuild");
    let mut after = store
        .monthly_tallies(day(2025, 1, 1), day(2026, 12, 31))
        .await
        .expect("tallies");
    before.retain(|t| t.n != 0);
    after.retain(|t| t.n != 0);
    before.sort();
    after.sort();
    assert_eq!(before, after, "a rebuild gives what the writes gave");
    let rebuilt = store
        .named_people(year.0, year.1, None)
        .await
        .expect("people");
    assert_eq!(rebuilt, named);

    // Retention: the person data goes, the contacts now count as anonymous.
    let cleared = store
        .clear_contact_people(JAN + 100 * DAY)
        .await
        .expect("clear");
    assert_eq!(cleared, 3);
    let gone = store
        .named_people(year.0, year.1, None)
        .await
        .expect("people");
    assert_eq!(gone.total, 0, "no key outlives the person's data");
    assert!(gone.months.is_empty());
    let gone_apart = store
        .named_people(year.0, day(2026, 12, 30), Some(&["org-b".to_string()]))
        .await
        .expect("people");
    assert_eq!(gone_apart.total, 0);
    let all = sums(store).await;
    assert_eq!(sum(&all, Kind::Anonymous, "org-a"), 2);
    assert_eq!(sum(&all, Kind::Anonymous, "org-b"), 2);
    assert_eq!(
        sum(&all, Kind::Contacts, "org-a"),
        2,
        "contacts still count"
    );
}
