#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)] // a test: a failed expectation is the failure
//! The seeded catalogue keeps the front door's promise: no channel without
//! its contact, and a service without any contact says what to do instead.

use loket_domain::CatalogueDocument;

const SEED: &str = include_str!("../../../seed/limburg-catalogue.json");

/// The front door never promises what the catalogue cannot show: every channel a
/// seeded service lists has its contact, and a service without any contact says why.
#[test]
fn seeded_services_offer_no_channel_without_its_contact() {
    let doc = CatalogueDocument::parse(SEED).unwrap_or_else(|e| panic!("{e:#?}"));
    let idx = loket_domain::search::CatalogueIndex::build(doc);
    for s in idx.services() {
        let reach = loket_domain::reach::Reach::of(&idx, s);
        let unkept: Vec<_> = reach.unkept(s).collect();
        assert!(
            unkept.is_empty(),
            "{} offers {unkept:?} without a contact",
            s.key
        );
        if reach.is_empty() {
            let why = s
                .application_process
                .as_ref()
                .map(|t| t.get(loket_domain::Lang::En));
            assert!(
                why.is_some_and(|w| w.contains("callback")),
                "{} has no contact and does not say what to do instead",
                s.key
            );
        }
    }
}

#[test]
fn every_seeded_organisation_has_a_working_channel_or_says_why_not() {
    let doc = CatalogueDocument::parse(SEED).unwrap_or_else(|e| panic!("{e:#?}"));
    let idx = loket_domain::search::CatalogueIndex::build(doc);
    let mut reachable = 0;
    for o in idx.organizations() {
        let services: Vec<_> = idx.services_of(&o.id).collect();
        let reached = services
            .iter()
            .any(|s| !loket_domain::reach::Reach::of(&idx, s).is_empty());
        let explained = services.iter().all(|s| s.application_process.is_some());
        assert!(
            reached || explained,
            "{} is unreachable without a note",
            o.key
        );
        reachable += usize::from(reached);
    }
    // The sourced facts reach 21 of the 29 organisations (seed/README.md).
    assert!(reachable >= 21, "only {reachable} organisations reachable");
}

/// South Limburg's funding names organisations and a region the catalogue has.
#[test]
fn the_shipped_funding_names_organisations_of_the_catalogue() {
    let doc = CatalogueDocument::parse(SEED).unwrap_or_else(|e| panic!("{e:#?}"));
    let funding = loket_domain::monitoring::funding::Funding::parse(
        loket_domain::monitoring::funding::SOUTH_LIMBURG,
    )
    .expect("valid funding");
    assert!(doc.regions.iter().any(|r| r.code == funding.region));
    for a in &funding.agreements {
        for key in &a.recipients {
            assert!(
                doc.organizations.iter().any(|o| &o.key == key),
                "{}: no organisation {key}",
                a.id
            );
        }
    }
}
