//! Writes a synthetic catalogue of N services (derived from the seed) for load tests:
//! `cargo run --release -p loket --example synthetic_catalogue -- 10000 > catalogue.json`

use loket_domain::CatalogueDocument;

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(10_000);
    let base = match CatalogueDocument::parse(include_str!("../../../seed/limburg-catalogue.json"))
    {
        Ok(doc) => doc,
        Err(e) => {
            eprintln!("the seed catalogue is invalid: {e:?}");
            std::process::exit(1);
        }
    };
    let doc = loket_domain::synthetic::catalogue(&base, n);
    match serde_json::to_string(&doc) {
        Ok(text) => println!("{text}"),
        Err(e) => {
            eprintln!("cannot write the catalogue: {e}");
            std::process::exit(1);
        }
    }
}
