#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)] // a test: a failed expectation is the failure
//! Property tests of the front door's answers: any mix of known and unknown
//! questions, options, places and postcodes is either a set of answers that
//! routes (and survives its own link) or refused with every problem named.

use loket_domain::CatalogueDocument;
use loket_domain::search::CatalogueIndex;
use loket_routing::{Flow, RawAnswers, route};
use proptest::prelude::*;
use std::sync::OnceLock;

fn index() -> &'static CatalogueIndex {
    static INDEX: OnceLock<CatalogueIndex> = OnceLock::new();
    INDEX.get_or_init(|| {
        let doc = CatalogueDocument::parse(include_str!("../../../seed/limburg-catalogue.json"))
            .unwrap_or_else(|e| panic!("{e:?}"));
        CatalogueIndex::build(doc)
    })
}

fn flow() -> &'static Flow {
    static FLOW: OnceLock<Flow> = OnceLock::new();
    FLOW.get_or_init(|| Flow::default_flow().unwrap_or_else(|e| panic!("{e}")))
}

/// Keys: the flow's questions, their postcode fields, and a few strangers.
fn key() -> impl Strategy<Value = String> {
    let mut keys: Vec<String> = flow().questions.iter().map(|q| q.id.clone()).collect();
    keys.extend(
        flow()
            .questions
            .iter()
            .map(|q| format!("{}_postcode", q.id)),
    );
    keys.extend(["colour", "", "who "].map(String::from));
    prop::sample::select(keys)
}

/// Values: every option of every question, places, postcodes, and noise.
fn value() -> impl Strategy<Value = String> {
    let mut values: Vec<String> = flow()
        .questions
        .iter()
        .flat_map(|q| q.options.iter().map(|c| c.value.clone()))
        .collect();
    values.extend(
        [
            "GM0935", "GM0917", "NL", "DE", "BE", "abroad", "none", "", "6411 AB", "52062", "3620",
            "1012AB", "99ZZ",
        ]
        .map(String::from),
    );
    prop_oneof![
        4 => prop::sample::select(values),
        1 => ".{0,20}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn any_answers_route_or_are_refused_with_every_problem_named(
        pairs in prop::collection::vec((key(), value()), 0..12)
    ) {
        let idx = index();
        let mut raw = RawAnswers::from_pairs(pairs);
        let postcode_problems = raw.resolve_postcodes(flow(), &idx.areas);
        match raw.check(flow(), &idx.areas) {
            Ok(answers) if postcode_problems.is_empty() => {
                // It routes, and its own link gives the same answers back.
                let _ = route(idx, &answers);
                let again = RawAnswers::from_pairs(
                    answers.to_pairs().into_iter().map(|(k, v)| (k.to_string(), v)),
                );
                prop_assert_eq!(again.check(flow(), &idx.areas), Ok(answers));
            }
            Ok(_) => prop_assert!(!postcode_problems.is_empty()),
            Err(problems) => {
                prop_assert!(!problems.is_empty());
                for p in problems.iter().chain(&postcode_problems) {
                    prop_assert!(!p.problem.description().is_empty());
                }
            }
        }
    }
}
