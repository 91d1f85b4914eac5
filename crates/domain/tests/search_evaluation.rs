#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)] // a test: a failed expectation is the failure
//! The search test set (`evaluation/search-queries.json`): what visitors type,
//! with typos, jargon and other languages, and the services that answer it.
//! A query is found when an acceptable service is in the top 3. The share
//! found is recorded in docs/benchmarks.md; this test keeps it from slipping.

use loket_domain::search::{CatalogueIndex, SearchQuery};
use loket_domain::{CatalogueDocument, Lang};
use serde::Deserialize;

#[derive(Deserialize)]
struct Set {
    queries: Vec<Query>,
}

#[derive(Deserialize)]
struct Query {
    lang: String,
    q: String,
    kind: String,
    accept: Vec<String>,
}

/// The share of the set that must be found in the top 3.
const FLOOR: f64 = 0.95;

#[test]
fn the_search_test_set_is_found_in_the_top_three() {
    let set: Set =
        serde_json::from_str(include_str!("../evaluation/search-queries.json")).expect("set");
    let doc = CatalogueDocument::parse(include_str!("../../../seed/limburg-catalogue.json"))
        .expect("seed");
    let idx = CatalogueIndex::build(doc);
    for q in &set.queries {
        for key in &q.accept {
            assert!(
                idx.services().iter().any(|s| &s.key == key),
                "{}: unknown service {key}",
                q.q
            );
        }
    }
    let mut found = 0;
    let mut missed = Vec::new();
    for q in &set.queries {
        // Polish, Romanian and Bulgarian visitors browse in English until those pages exist.
        let lang: Lang = q.lang.parse().unwrap_or(Lang::En);
        let query = SearchQuery {
            text: Some(q.q.clone()),
            active_only: true,
            ..SearchQuery::default()
        };
        let top: Vec<&str> = idx
            .search(&query, lang)
            .into_iter()
            .take(3)
            .map(|s| s.key.as_str())
            .collect();
        if top.iter().any(|k| q.accept.iter().any(|a| a == k)) {
            found += 1;
        } else {
            missed.push(format!("  [{} {}] {:?} → {:?}", q.lang, q.kind, q.q, top));
        }
    }
    let share = f64::from(found) / set.queries.len() as f64;
    println!(
        "search test set: {found} of {} found in the top 3 ({:.1} %)",
        set.queries.len(),
        share * 100.0
    );
    for m in &missed {
        println!("{m}");
    }
    assert!(set.queries.len() >= 40, "the set has at least 40 queries");
    assert!(
        share >= FLOOR,
        "{found} of {} found; missed:\n{}",
        set.queries.len(),
        missed.join("\n")
    );
}
