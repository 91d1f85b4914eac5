#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)] // tests and benches: a failed expectation is the failure
//! The routing engine on the seeded catalogue: the personas of the front door,
//! and properties over the whole answer space.

use loket_domain::CatalogueDocument;
use loket_domain::search::CatalogueIndex;
use loket_routing::{Answers, Flow, QuestionKind, RawAnswers, Reason, route};

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
    let mut raw = RawAnswers::from_pairs(pairs);
    assert!(raw.resolve_postcodes(&flow, &idx.areas).is_empty());
    raw.check(&flow, &idx.areas)
        .unwrap_or_else(|e| panic!("{query}: {e:?}"))
}

/// The organisation key of the first result, and whether routing fell back.
fn first(idx: &CatalogueIndex, query: &str) -> (String, String, bool) {
    let a = answers(idx, query);
    let r = route(idx, &a);
    let s = r
        .results
        .first()
        .map(|x| x.service)
        .unwrap_or_else(|| panic!("no result for {query}"));
    let org = idx
        .organization(&s.organization_id)
        .map(|o| o.key.clone())
        .unwrap_or_default();
    (org, s.key.clone(), r.fell_back)
}

#[test]
fn nurse_living_in_aachen_working_in_heerlen_asks_about_health_insurance() {
    let idx = index();
    let (org, _, fell_back) = first(
        &idx,
        "who=cross-border-worker&live=DE05334002&work=GM0917&topic=health-insurance&languages=de&channel=",
    );
    assert_eq!(org, "gip-aachen-eurode");
    assert!(!fell_back);
}

#[test]
fn engineer_from_india_with_a_job_offer_in_maastricht_asks_about_a_permit() {
    let idx = index();
    let (org, _, _) = first(
        &idx,
        "who=international-talent&nationality=other&live=abroad&work=GM0935&topic=residence-permit&languages=en&channel=",
    );
    assert_eq!(org, "expat-centre");
}

#[test]
fn polish_labour_migrant_in_venlo_with_a_housing_problem() {
    let idx = index();
    let (org, _, _) = first(
        &idx,
        "who=labour-migrant&nationality=eu&stay=long&live=GM0983&work=GM0983&topic=housing&languages=pl&channel=",
    );
    assert_eq!(org, "win-punt");
}

#[test]
fn employer_in_sittard_geleen_recruiting_in_germany() {
    let idx = index();
    let (org, key, _) = first(
        &idx,
        "who=employer&company=GM1883&size=medium&staff_from=DE&topic=recruitment&languages=nl&channel=",
    );
    assert_eq!(
        (org.as_str(), key.as_str()),
        ("sga-kerkrade", "sga-kerkrade-employers")
    );
}

#[test]
fn job_seeker_in_roermond() {
    let idx = index();
    let (org, _, _) = first(
        &idx,
        "who=job-seeker&live=GM0957&work=none&topic=job-search&languages=nl&channel=",
    );
    assert!(["werkcentrum-ml", "uwv"].contains(&org.as_str()), "{org}");
}

#[test]
fn living_in_lanaken_and_lost_a_job_in_maastricht() {
    let idx = index();
    let a = answers(
        &idx,
        "who=cross-border-worker&live_postcode=3620&work=GM0935&topic=unemployment-benefit&languages=nl&channel=",
    );
    assert_eq!(
        a.live,
        Some(loket_routing::Place::Municipality("BE73042".into())),
        "the postcode 3620 is Lanaken"
    );
    let r = route(&idx, &a);
    let best = &r.results[0];
    assert_eq!(
        idx.organization(&best.service.organization_id)
            .map(|o| o.key.as_str()),
        Some("gip-maastricht")
    );
    assert!(
        best.reasons.contains(&Reason::ResidenceCountryPays),
        "{:?}",
        best.reasons
    );
}

#[test]
fn maastricht_graduate_who_wants_to_stay_and_work() {
    let idx = index();
    let (org, _, _) = first(
        &idx,
        "who=international-student&nationality=other&live=GM0935&work=GM0935&topic=job-search&languages=en&channel=",
    );
    assert!(["expat-centre", "wtmr"].contains(&org.as_str()), "{org}");
}

#[test]
fn a_question_that_fits_nothing_goes_to_the_generalist_of_the_region() {
    let idx = index();
    let (org, _, fell_back) = first(
        &idx,
        "who=worker&live=GM1711&work=GM1711&topic=other&languages=&channel=",
    );
    assert!(fell_back);
    assert_eq!(
        org, "werkcentrum-ml",
        "Echt-Susteren lies in Midden-Limburg"
    );
    let (org, _, fell_back) = first(
        &idx,
        "who=worker&live=GM0935&work=none&topic=other&languages=&channel=",
    );
    assert!(fell_back);
    assert_eq!(org, "werkcentrum-zl");
    // North Limburg has no work centre in the catalogue: the nearest one helps.
    let (org, _, fell_back) = first(
        &idx,
        "who=job-seeker&live=GM0983&work=none&topic=schools&languages=&channel=",
    );
    assert!(fell_back);
    assert_eq!(org, "werkcentrum-ml");
}

#[test]
fn eu_citizens_asking_about_a_permit_are_sent_to_registration() {
    let idx = index();
    let a = answers(
        &idx,
        "who=labour-migrant&nationality=eu&stay=short&live=GM0983&work=GM0983&topic=residence-permit&languages=pl&channel=",
    );
    let r = route(&idx, &a);
    assert!(!r.fell_back);
    assert!(r.results[0].reasons.contains(&Reason::EuNoPermitNeeded));
    assert!(
        r.results[0]
            .service
            .topics
            .contains(&"registration".to_string())
    );
}

/// Representative places: one per region and country, abroad, and unknown.
const PLACES: &[&str] = &[
    "GM0935",
    "GM0917",
    "GM1883",
    "GM0957",
    "GM0983",
    "DE05334002",
    "DE05370016",
    "BE73042",
    "BE62063",
    "BE63023",
    "NL",
    "DE",
    "abroad",
];

#[test]
fn every_combination_of_answers_gets_a_result_that_serves_the_visitor_and_says_why() {
    let idx = index();
    let flow = Flow::default_flow().unwrap_or_else(|e| panic!("{e}"));
    let who_q = flow.question("who").expect("who");
    let topic_q = flow.question("topic").expect("topic");
    let mut checked = 0;
    for who in who_q.options.iter().map(|o| o.value.as_str()) {
        let employer = who == "employer";
        let topics: Vec<&str> = topic_q
            .choices_for(Some(who))
            .map(|c| c.value.as_str())
            .collect();
        for (i, live) in PLACES.iter().enumerate() {
            for work in PLACES.iter().chain(["none"].iter()).skip(i % 3).step_by(2) {
                for topic in &topics {
                    for (languages, channel) in
                        [("", ""), ("pl", "phone"), ("en&languages=de", "walk-in")]
                    {
                        let q = if employer {
                            format!(
                                "who=employer&company={live}&size=small&staff_from=DE&topic={topic}&languages={languages}&channel={channel}"
                            )
                        } else {
                            let extra = match who {
                                "labour-migrant" => "&nationality=eu&stay=short",
                                "international-talent" | "international-student" => {
                                    "&nationality=other"
                                }
                                _ => "",
                            };
                            if *live == "abroad" && *work == "none" {
                                continue;
                            }
                            format!(
                                "who={who}{extra}&live={live}&work={work}&topic={topic}&languages={languages}&channel={channel}"
                            )
                        };
                        let a = answers(&idx, &q);
                        let r = route(&idx, &a);
                        assert!(!r.results.is_empty(), "no result for {q}");
                        checked += 1;
                        if r.fell_back {
                            assert_eq!(r.results[0].reasons[0], Reason::Generalist, "{q}");
                            continue;
                        }
                        let places: Vec<&str> = [&a.live, &a.work, &a.company]
                            .into_iter()
                            .flatten()
                            .filter_map(|p| p.code())
                            .collect();
                        for x in &r.results {
                            let covered = places.is_empty()
                                || places.iter().any(|p| {
                                    x.service
                                        .service_areas
                                        .iter()
                                        .any(|area| idx.areas.overlaps(area, p))
                                });
                            assert!(
                                covered,
                                "{} does not serve the visitor for {q}",
                                x.service.key
                            );
                            assert!(
                                x.reasons.contains(&Reason::TargetGroup(a.who.clone())),
                                "{q}: {:?}",
                                x.reasons
                            );
                            assert!(
                                x.reasons.iter().any(|r| matches!(r, Reason::Topic { .. })),
                                "{q}: {:?}",
                                x.reasons
                            );
                            let names_place = x.reasons.iter().any(|r| {
                                matches!(
                                    r,
                                    Reason::ServesBoth { .. }
                                        | Reason::ServesLive(_)
                                        | Reason::ServesWork(_)
                                        | Reason::ServesCompany(_)
                                )
                            });
                            assert!(places.is_empty() || names_place, "{q}: {:?}", x.reasons);
                        }
                    }
                }
            }
        }
    }
    assert!(checked > 5_000, "only {checked} combinations");
}

#[test]
fn the_flow_offers_only_codes_the_catalogue_knows() {
    let idx = index();
    let flow = Flow::default_flow().unwrap_or_else(|e| panic!("{e}"));
    for q in &flow.questions {
        for c in &q.options {
            let known = match q.id.as_str() {
                "who" => idx
                    .term(loket_domain::TaxonomyKind::TargetGroup, &c.value)
                    .is_some(),
                "topic" => {
                    c.value == "other"
                        || idx
                            .term(loket_domain::TaxonomyKind::Topic, &c.value)
                            .is_some()
                }
                "channel" => idx
                    .term(loket_domain::TaxonomyKind::Channel, &c.value)
                    .is_some(),
                _ => true,
            };
            assert!(known, "{}: {} is not in the catalogue", q.id, c.value);
            for lang in loket_domain::Lang::ALL {
                assert!(
                    c.label.exact(lang).is_some(),
                    "{}: {} lacks {lang}",
                    q.id,
                    c.value
                );
            }
        }
        for lang in loket_domain::Lang::ALL {
            assert!(q.text.exact(lang).is_some(), "{} lacks {lang}", q.id);
        }
        if q.kind == QuestionKind::Place {
            assert!(q.options.is_empty());
        }
    }
}

#[test]
fn tampered_answers_are_named() {
    let idx = index();
    let flow = Flow::default_flow().unwrap_or_else(|e| panic!("{e}"));
    let raw = RawAnswers::from_pairs(
        "who=employer&live=GM0935&company=atlantis&topic=astrology&size=small&size=large&colour=blue"
            .split('&')
            .filter_map(|p| p.split_once('='))
            .map(|(k, v)| (k.to_string(), v.to_string())),
    );
    let errors = raw.check(&flow, &idx.areas).expect_err("must fail");
    let named: Vec<(String, &str)> = errors
        .iter()
        .map(|e| (e.question.clone(), e.problem.code()))
        .collect();
    for expected in [
        ("live", "not-asked"),
        ("company", "unknown-place"),
        ("topic", "unknown-choice"),
        ("size", "too-many"),
        ("colour", "unknown-question"),
    ] {
        assert!(
            named.contains(&(expected.0.to_string(), expected.1)),
            "{expected:?} not in {named:?}"
        );
    }
}

/// Living and working across the border with "something else": a first-line
/// desk on their side of the border, in their language, not a Dutch-only work centre.
#[test]
fn living_and_working_in_germany_with_another_question_goes_to_the_border_point() {
    let idx = index();
    let query =
        "who=cross-border-worker&live=DE05334002&work=DE05370016&topic=other&languages=de&channel=";
    let (org, key, _) = first(&idx, query);
    assert!(
        ["gip-aachen-eurode", "agentur-aachen-dueren"].contains(&org.as_str()),
        "a first-line desk on their side of the border, not {org}"
    );
    let service = idx.services().iter().find(|s| s.key == key).unwrap();
    assert!(service.languages.contains(&"de".to_string()), "in German");
    assert!(
        service
            .service_areas
            .iter()
            .any(|a| idx.areas.overlaps(a, "DE05334002"))
    );
}

/// An employer recruiting in the Netherlands is not offered candidates from abroad.
#[test]
fn an_employer_recruiting_in_the_netherlands_gets_the_dutch_employer_desk() {
    let idx = index();
    let a = answers(
        &idx,
        "who=employer&company=GM1883&size=medium&staff_from=NL&topic=recruitment&languages=nl&channel=",
    );
    let r = route(&idx, &a);
    let top: Vec<&str> = r
        .results
        .iter()
        .take(3)
        .map(|x| x.service.key.as_str())
        .collect();
    assert!(
        !top.iter().any(|k| k.starts_with("sga-")),
        "cross-border recruitment offered for staff in the Netherlands: {top:?}"
    );
}
