#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)] // benches: a failed expectation is the failure
//! The cost of one password check with loket's Argon2id parameters: the floor
//! under every sign-in. `cargo bench -p loket-auth --bench argon2`

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    let hash = loket_auth::hash_password("paard batterij nietje correct").expect("hash");
    c.bench_function("argon2id_verify_m19456_t2_p1", |b| {
        b.iter(|| {
            black_box(loket_auth::verify_password(
                "paard batterij nietje correct",
                &hash,
            ))
        })
    });
    c.bench_function("argon2id_hash_m19456_t2_p1", |b| {
        b.iter(|| {
            black_box(loket_auth::hash_password("paard batterij nietje correct").expect("hash"))
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).measurement_time(std::time::Duration::from_secs(4));
    targets = bench
}
criterion_main!(benches);
