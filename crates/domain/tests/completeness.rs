#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)] // a test: a failed expectation is the failure
//! The coordinator's completeness list over the seeded catalogue: what keeps a
//! visitor from reaching a service, per organisation.

use chrono::NaiveDate;
use loket_domain::CatalogueDocument;
use loket_domain::completeness::{Gap, gaps, of_organization, report};
use loket_domain::search::CatalogueIndex;

const SEED: &str = include_str!("../../../seed/limburg-catalogue.json");

fn index() -> CatalogueIndex {
    CatalogueIndex::build(CatalogueDocument::parse(SEED).unwrap())
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 2).unwrap()
}

#[test]
fn a_service_nobody_can_reach_is_listed_under_its_organisation() {
    let idx = index();
    let listed = report(&idx, today());
    let unreachable: Vec<&str> = listed
        .iter()
        .flat_map(|o| &o.services)
        .filter(|s| s.gaps.contains(&Gap::Unreachable))
        .map(|s| s.service.key.as_str())
        .collect();
    // The services the seed explains as contactless are the ones the list names.
    for s in idx.services() {
        let contactless = loket_domain::reach::Reach::of(&idx, s).is_empty();
        assert_eq!(
            contactless,
            unreachable.contains(&s.key.as_str()),
            "{}",
            s.key
        );
    }
    assert!(!unreachable.is_empty());
}

#[test]
fn a_confirmation_holds_twelve_months() {
    let idx = index();
    let mut s = idx.services()[0].clone();
    s.assured_date = Some(NaiveDate::from_ymd_opt(2026, 1, 15).unwrap());
    assert!(
        !gaps(&idx, &s, today())
            .iter()
            .any(|g| matches!(g, Gap::NotConfirmed(_)))
    );
    s.assured_date = Some(NaiveDate::from_ymd_opt(2025, 11, 30).unwrap());
    assert!(gaps(&idx, &s, today()).contains(&Gap::NotConfirmed(s.assured_date)));
    s.assured_date = None;
    assert!(gaps(&idx, &s, today()).contains(&Gap::NotConfirmed(None)));
}

#[test]
fn a_promised_channel_without_its_contact_and_a_visit_without_an_address_are_named() {
    let idx = index();
    // A service reached only through its organisation's website that also promises phone and walk-in.
    let mut s = idx
        .services()
        .iter()
        .find(|s| {
            let r = loket_domain::reach::Reach::of(&idx, s);
            !r.is_empty() && !r.shows("phone") && !r.shows("walk-in")
        })
        .expect("a service with a website only")
        .clone();
    s.channels = vec!["online".into(), "phone".into(), "walk-in".into()];
    let found = gaps(&idx, &s, today());
    assert!(
        found.contains(&Gap::ChannelsWithoutContact(vec!["phone".into()])),
        "{found:?}"
    );
    assert!(found.contains(&Gap::NoVisitingAddress), "{found:?}");
}

#[test]
fn the_organisation_list_holds_only_its_own_services() {
    let idx = index();
    let org = &idx.organizations()[0];
    for s in of_organization(&idx, &org.id, today()) {
        assert_eq!(s.service.organization_id, org.id);
        assert!(!s.gaps.is_empty());
    }
}
