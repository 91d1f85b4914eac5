//! Writes the scale of every Dutch labour-market region on one deployment (derived
//! from the seed) for `scripts/bench-regions`:
//! `synthetic_regions catalogue 35 300 29 > catalogue.json` (35 regions of 300 services
//! and 29 organisations each, on top of the seed) and
//! `synthetic_regions region-file 35 300 29 > region.json` (region number 35 alone, as
//! a `loket region add` file).

use loket_domain::CatalogueDocument;
use loket_domain::synthetic;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let number =
        |i: usize, default: usize| args.get(i).and_then(|a| a.parse().ok()).unwrap_or(default);
    let (k, per_region, organizations) = (number(2, 35), number(3, 300), number(4, 29));
    let base = match CatalogueDocument::parse(include_str!("../../../seed/limburg-catalogue.json"))
    {
        Ok(doc) => doc,
        Err(e) => {
            eprintln!("the seed catalogue is invalid: {e:?}");
            std::process::exit(1);
        }
    };
    let written = match args.get(1).map(String::as_str) {
        Some("catalogue") => {
            serde_json::to_string(&synthetic::regions(&base, k, per_region, organizations))
        }
        Some("region-file") => {
            let (catalogue, region) = synthetic::region(&base, k, per_region, organizations);
            serde_json::to_string(&serde_json::json!({ "region": region, "catalogue": catalogue }))
        }
        _ => {
            eprintln!(
                "usage: synthetic_regions catalogue|region-file [regions|number] [services] [organisations]"
            );
            std::process::exit(2);
        }
    };
    match written {
        Ok(text) => println!("{text}"),
        Err(e) => {
            eprintln!("cannot write: {e}");
            std::process::exit(1);
        }
    }
}
