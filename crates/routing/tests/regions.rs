#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)] // tests: a failed expectation is the failure
//! The front door of a labour-market region: its menu, the national and
//! cross-border services, and its own generalist when nothing fits.

use loket_domain::CatalogueDocument;
use loket_domain::search::CatalogueIndex;
use loket_routing::{Answers, Flow, RawAnswers, route, route_in};

fn index() -> CatalogueIndex {
    CatalogueIndex::build(
        CatalogueDocument::parse(include_str!("../../../seed/limburg-catalogue.json"))
            .unwrap_or_else(|e| panic!("{e:?}")),
    )
}

fn answers(idx: &CatalogueIndex, query: &str) -> Answers {
    let flow = Flow::default_flow().unwrap_or_else(|e| panic!("{e}"));
    let pairs = query
        .split('&')
        .filter_map(|p| p.split_once('='))
        .map(|(k, v)| (k.to_string(), v.to_string()));
    RawAnswers::from_pairs(pairs)
        .check(&flow, &idx.areas)
        .unwrap_or_else(|e| panic!("{query}: {e:?}"))
}

fn by_key<'a>(idx: &'a CatalogueIndex, key: &str) -> &'a loket_domain::Service {
    idx.services()
        .iter()
        .find(|s| s.key == key)
        .unwrap_or_else(|| panic!("no service {key}"))
}

/// How many countries a service's areas lie in (a cross-border service: more than one).
fn countries(idx: &CatalogueIndex, s: &loket_domain::Service) -> usize {
    let mut c: Vec<String> = s
        .service_areas
        .iter()
        .map(|a| {
            idx.areas
                .municipality(a)
                .map(|m| m.country.clone())
                .or_else(|| idx.areas.region(a).map(|r| r.country.clone()))
                .expect("a known area")
        })
        .collect();
    c.sort();
    c.dedup();
    c.len()
}

fn keys_in(idx: &CatalogueIndex, region: &str, query: &str) -> (Vec<String>, bool) {
    let region = idx.regions.get(region).expect("region");
    let r = route_in(idx, Some(region), &answers(idx, query));
    (
        r.results.iter().map(|x| x.service.key.clone()).collect(),
        r.fell_back,
    )
}

#[test]
fn a_visitor_in_roermond_who_fits_nothing_gets_the_work_centre_of_midden_limburg() {
    let idx = index();
    let (keys, fell_back) = keys_in(
        &idx,
        "midden-limburg",
        "who=worker&live=GM0957&work=GM0957&topic=housing&languages=nl&channel=",
    );
    assert!(fell_back);
    assert_eq!(keys, ["werkcentrum-ml-walkin"]);
    // An employer there gets the work centre's employer desk.
    let (keys, _) = keys_in(
        &idx,
        "midden-limburg",
        "who=employer&company=GM0957&size=small&staff_from=NL&topic=other&languages=nl&channel=",
    );
    assert_eq!(keys, ["werkcentrum-ml-employers"]);
}

#[test]
fn a_region_routes_only_to_its_menu_and_the_national_and_cross_border_services() {
    let idx = index();
    let ml = idx.regions.get("midden-limburg").expect("ml");
    let queries = [
        "who=job-seeker&live=GM0957&work=GM0957&topic=job-search&languages=nl&channel=",
        "who=cross-border-worker&live=GM0957&work=DE05370016&topic=tax&languages=nl&channel=",
        "who=labour-migrant&nationality=eu&stay=long&live=GM0988&work=GM0988&topic=registration&languages=pl&channel=",
        "who=employer&company=GM0957&size=small&staff_from=DE&topic=recruitment&languages=nl&channel=",
    ];
    for q in queries {
        let a = answers(&idx, q);
        for r in route_in(&idx, Some(ml), &a).results {
            let s = r.service;
            assert!(
                ml.offers(s) || countries(&idx, s) > 1,
                "{q}: {} is not on Midden-Limburg's menu",
                s.key
            );
        }
    }
    // South Limburg's own services are not on Midden-Limburg's menu.
    let south_only = by_key(&idx, "expat-consultation");
    assert!(!ml.offers(south_only));
    assert!(
        idx.regions
            .get("zuid-limburg")
            .expect("zl")
            .offers(south_only)
    );
}

#[test]
fn national_services_are_on_every_menu() {
    let idx = index();
    let uwv = by_key(&idx, "uwv-ww");
    for region in idx.regions.all() {
        assert!(region.offers(uwv), "{}", region.code);
    }
    let (keys, _) = keys_in(
        &idx,
        "midden-limburg",
        "who=job-seeker&live=GM0957&work=GM0957&topic=unemployment-benefit&languages=nl&channel=",
    );
    assert!(keys.contains(&"uwv-ww".to_string()), "{keys:?}");
}

#[test]
fn without_a_region_the_whole_catalogue_is_routed() {
    let idx = index();
    let q = "who=job-seeker&live=GM0917&work=GM0917&topic=job-search&languages=nl&channel=";
    let a = answers(&idx, q);
    let all = route(&idx, &a);
    let none = route_in(&idx, None, &a);
    let keys = |r: &loket_routing::Routing| -> Vec<String> {
        r.results.iter().map(|x| x.service.key.clone()).collect()
    };
    assert_eq!(keys(&all), keys(&none));
}
