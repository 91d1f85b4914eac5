#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)] // tests and benches: a failed expectation is the failure
//! Catalogue search over a synthetic catalogue of 10,000 services.
//! `cargo bench -p loket-domain --bench search` prints latency percentiles over
//! a mix of real queries first, then criterion's per-query figures.

use criterion::{Criterion, criterion_group};
use loket_domain::search::{CatalogueIndex, SearchQuery};
use loket_domain::{CatalogueDocument, Lang};
use std::hint::black_box;
use std::time::Instant;

fn index() -> CatalogueIndex {
    let base = CatalogueDocument::parse(include_str!("../../../seed/limburg-catalogue.json"))
        .unwrap_or_else(|e| panic!("{e:?}"));
    CatalogueIndex::build(loket_domain::synthetic::catalogue(&base, 10_000))
}

fn queries() -> Vec<(&'static str, SearchQuery)> {
    let text = |t: &str| SearchQuery {
        text: Some(t.into()),
        active_only: true,
        ..Default::default()
    };
    vec![
        ("text: Steuer", text("Steuer")),
        ("text: belasting", text("belasting")),
        ("text: werk in duitsland", text("werk in Duitsland")),
        ("text: impôt", text("impôt")),
        // The forgiving side: typos (Levenshtein automaton), other languages, stems.
        ("typo: Krankenversichrung", text("Krankenversichrung")),
        ("typo: belastng aangifte", text("belastng aangifte")),
        (
            "polish: zasiłek dla bezrobotnych",
            text("zasiłek dla bezrobotnych"),
        ),
        ("bulgarian: здравна осигуровка", text("здравна осигуровка")),
        ("stem: belastingen", text("belastingen")),
        (
            "text: huisvesting arbeidsmigrant",
            text("huisvesting arbeidsmigrant"),
        ),
        (
            "filters: area + topic",
            SearchQuery {
                area: Some("parkstad".into()),
                topic: Some("recruitment".into()),
                active_only: true,
                ..Default::default()
            },
        ),
        (
            "filters: municipality + group + language",
            SearchQuery {
                area: Some("DE05334002".into()),
                target_group: Some("cross-border-worker".into()),
                language: Some("de".into()),
                active_only: true,
                ..Default::default()
            },
        ),
        (
            "no filter (first page of everything)",
            SearchQuery {
                active_only: true,
                ..Default::default()
            },
        ),
        (
            "text + filters",
            SearchQuery {
                text: Some("tax".into()),
                area: Some("GM0935".into()),
                channel: Some("phone".into()),
                active_only: true,
                ..Default::default()
            },
        ),
    ]
}

/// Percentiles over many runs of the whole query mix, as a visitor would see them.
fn percentiles(idx: &CatalogueIndex) {
    let qs = queries();
    let mut samples = Vec::new();
    for round in 0..300 {
        for (_, q) in &qs {
            let lang = Lang::ALL[round % 4];
            let t = Instant::now();
            black_box(idx.search(q, lang).len());
            samples.push(t.elapsed());
        }
    }
    samples.sort();
    let at = |p: f64| samples[((samples.len() as f64 * p) as usize).min(samples.len() - 1)];
    println!(
        "search over {} services, {} queries: p50 {:?}, p90 {:?}, p99 {:?}, max {:?}",
        idx.services.len(),
        samples.len(),
        at(0.50),
        at(0.90),
        at(0.99),
        samples[samples.len() - 1]
    );
}

fn bench(c: &mut Criterion) {
    let idx = index();
    percentiles(&idx);
    let mut group = c.benchmark_group("search_10k");
    for (name, q) in queries() {
        group.bench_function(name, |b| {
            b.iter(|| black_box(idx.search(&q, Lang::Nl).len()))
        });
    }
    group.finish();
    c.bench_function("build_index_10k", |b| {
        let base = CatalogueDocument::parse(include_str!("../../../seed/limburg-catalogue.json"))
            .unwrap_or_else(|e| panic!("{e:?}"));
        let doc = loket_domain::synthetic::catalogue(&base, 10_000);
        b.iter(|| black_box(CatalogueIndex::build(doc.clone()).services.len()))
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30).measurement_time(std::time::Duration::from_secs(3)).warm_up_time(std::time::Duration::from_secs(1));
    targets = bench
}

fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();
}
