#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]
//! Quick in-memory check: cargo run --release -p loket-matching --example index_speed -- 1000000 100000
use loket_matching::synthetic::{Generator, Rng};
use loket_matching::{Concept, MatchIndex, Settings};
use std::time::Instant;

fn main() {
    let args: Vec<usize> = std::env::args()
        .skip(1)
        .map(|a| a.parse().unwrap())
        .collect();
    let (nc, nv) = (
        args.first().copied().unwrap_or(1_000_000),
        args.get(1).copied().unwrap_or(100_000),
    );
    let occupations: Vec<Concept> = (0..3000).map(Concept).collect();
    let skills: Vec<Concept> = (3000..16900).map(Concept).collect();
    let generator = Generator::new(1, &occupations, &skills);
    let mut rng = Rng::new(2);
    let t = Instant::now();
    let candidates: Vec<_> = (0..nc).map(|_| generator.candidate(&mut rng)).collect();
    let vacancies: Vec<_> = (0..nv).map(|_| generator.vacancy(&mut rng)).collect();
    println!("generated in {:?}", t.elapsed());
    let t = Instant::now();
    let mut index = MatchIndex::with_capacity(Settings::default(), nc, nv);
    for (n, c) in candidates.into_iter().enumerate() {
        index.upsert_candidate(n as u32, c);
    }
    for (n, v) in vacancies.iter().enumerate() {
        index.upsert_vacancy(n as u32, v.clone());
    }
    println!(
        "built in {:?}, {} MB",
        t.elapsed(),
        index.heap_bytes() / 1_000_000
    );
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let mut times = Vec::new();
    let mut results = 0;
    for v in vacancies.iter().take(2000) {
        let t = Instant::now();
        results += index.candidates_for(v, 100, today).len();
        times.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(f64::total_cmp);
    let p = |q: f64| times[((times.len() as f64 * q) as usize).min(times.len() - 1)];
    println!(
        "top-100: p50 {:.2} ms p95 {:.2} ms p99 {:.2} ms max {:.2} ms, mean results {}",
        p(0.5),
        p(0.95),
        p(0.99),
        p(1.0),
        results / times.len()
    );
}
