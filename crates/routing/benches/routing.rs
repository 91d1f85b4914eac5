#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)] // tests and benches: a failed expectation is the failure
//! Routing over a synthetic catalogue of 10,000 services.
//! `cargo bench -p loket-routing --bench routing` prints percentiles over a mix of
//! personas first, then criterion's figures per persona.

use criterion::{Criterion, criterion_group};
use loket_domain::CatalogueDocument;
use loket_domain::search::CatalogueIndex;
use loket_routing::{Answers, Flow, RawAnswers, route};
use std::hint::black_box;
use std::time::Instant;

fn personas(idx: &CatalogueIndex) -> Vec<(&'static str, Answers)> {
    let flow = Flow::default_flow().unwrap_or_else(|e| panic!("{e}"));
    let raw = |q: &str| {
        let pairs = q
            .split('&')
            .filter_map(|p| p.split_once('='))
            .map(|(k, v)| (k.to_string(), v.to_string()));
        RawAnswers::from_pairs(pairs)
            .check(&flow, &idx.areas)
            .unwrap_or_else(|e| panic!("{q}: {e:?}"))
    };
    vec![
        (
            "nurse Aachen → Heerlen",
            raw(
                "who=cross-border-worker&live=DE05334002&work=GM0917&topic=health-insurance&languages=de&channel=",
            ),
        ),
        (
            "engineer from India",
            raw(
                "who=international-talent&nationality=other&live=abroad&work=GM0935&topic=residence-permit&languages=en&channel=",
            ),
        ),
        (
            "labour migrant Venlo",
            raw(
                "who=labour-migrant&nationality=eu&stay=long&live=GM0983&work=GM0983&topic=housing&languages=pl&channel=",
            ),
        ),
        (
            "employer Sittard-Geleen",
            raw(
                "who=employer&company=GM1883&size=medium&staff_from=DE&topic=recruitment&languages=nl&channel=",
            ),
        ),
        (
            "job seeker Roermond",
            raw(
                "who=job-seeker&live=GM0957&work=none&topic=job-search&languages=nl&channel=walk-in",
            ),
        ),
        (
            "fits nothing",
            raw("who=worker&live=GM0935&work=GM0935&topic=other&languages=&channel="),
        ),
    ]
}

fn percentiles(idx: &CatalogueIndex, mix: &[(&str, Answers)]) {
    let mut samples = Vec::new();
    for _ in 0..500 {
        for (_, a) in mix {
            let t = Instant::now();
            black_box(route(idx, a).results.len());
            samples.push(t.elapsed());
        }
    }
    samples.sort();
    let at = |p: f64| samples[((samples.len() as f64 * p) as usize).min(samples.len() - 1)];
    println!(
        "routing over {} services, {} routes: p50 {:?}, p90 {:?}, p99 {:?}, max {:?}",
        idx.services.len(),
        samples.len(),
        at(0.5),
        at(0.9),
        at(0.99),
        samples[samples.len() - 1]
    );
}

fn bench(c: &mut Criterion) {
    let base = CatalogueDocument::parse(include_str!("../../../seed/limburg-catalogue.json"))
        .unwrap_or_else(|e| panic!("{e:?}"));
    let idx = CatalogueIndex::build(loket_domain::synthetic::catalogue(&base, 10_000));
    let mix = personas(&idx);
    percentiles(&idx, &mix);
    let mut group = c.benchmark_group("route_10k");
    for (name, a) in &mix {
        group.bench_function(*name, |b| {
            b.iter(|| black_box(route(&idx, a).results.len()))
        });
    }
    group.finish();
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
