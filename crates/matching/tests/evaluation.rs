#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Matching quality on the labelled set in `crates/matching/evaluation/`: the engine must rank the
//! candidates a recruiter would pick higher than a text search (BM25) on the same facts.

use chrono::NaiveDate;
use loket_matching::evaluation::{Dataset, compare};
use loket_matching::{Settings, Vocabulary};

const SET: &str = include_str!("../evaluation/talent-matching.json");

fn dataset() -> Dataset {
    serde_json::from_str(SET).unwrap()
}

#[test]
fn the_labelled_set_has_at_least_30_vacancies_and_300_candidates_with_graded_relevance() {
    let set = dataset();
    assert!(set.vacancies.len() >= 30);
    assert!(set.candidates.len() >= 300);
    assert_eq!(set.grades.len(), set.vacancies.len());
    let grades: Vec<u8> = set
        .grades
        .values()
        .flat_map(|g| g.values().copied())
        .collect();
    for grade in 1..=3 {
        assert!(grades.contains(&grade), "grade {grade} used");
    }
    assert!(
        set.grades
            .values()
            .all(|g| g.values().any(|grade| *grade >= 2)),
        "every vacancy has a good match"
    );
}

#[test]
fn the_engine_beats_the_bm25_text_baseline_on_ndcg_at_10_and_map() {
    let esco = Vocabulary::esco().unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let result = compare(&dataset(), &esco, Settings::default(), today).unwrap();
    println!("{result:#?}");
    assert!(
        result.engine.ndcg_at_10 > result.bm25.ndcg_at_10,
        "nDCG@10: engine {:.3}, BM25 {:.3}",
        result.engine.ndcg_at_10,
        result.bm25.ndcg_at_10
    );
    assert!(
        result.engine.map > result.bm25.map,
        "MAP: engine {:.3}, BM25 {:.3}",
        result.engine.map,
        result.bm25.map
    );
    // The score adds to the filters: it also beats text search among the eligible.
    assert!(result.engine.ndcg_at_10 > result.bm25_after_filters.ndcg_at_10);
    assert!(result.engine.map > result.bm25_after_filters.map);
}
