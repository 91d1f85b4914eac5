//! Routing at scale, in-process: 35 synthetic regions × 300 services (about 10,500
//! services and 1,000 organisations) on one deployment; every call is timed and the
//! percentiles printed. `cargo run --release -p loket-routing --example region_routing`
//! (arguments: regions, services per region, organisations per region).

use loket_domain::CatalogueDocument;
use loket_domain::search::CatalogueIndex;
use loket_domain::synthetic;
use loket_routing::{Flow, RawAnswers, route_in};
use std::time::{Duration, Instant};

fn main() {
    let arg = |n: usize, default: usize| {
        std::env::args()
            .nth(n)
            .and_then(|a| a.parse().ok())
            .unwrap_or(default)
    };
    let (regions, per_region, organizations) = (arg(1, 35), arg(2, 300), arg(3, 29));
    let base = match CatalogueDocument::parse(include_str!("../../../seed/limburg-catalogue.json"))
    {
        Ok(doc) => doc,
        Err(e) => {
            eprintln!("the seed catalogue is invalid: {e:?}");
            std::process::exit(1);
        }
    };
    let doc = synthetic::regions(&base, regions, per_region, organizations);
    let (services, orgs) = (doc.services.len(), doc.organizations.len());
    let built = Instant::now();
    let idx = CatalogueIndex::build(doc);
    let build = built.elapsed();
    let flow = match Flow::default_flow() {
        Ok(f) => f,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    let personas = [
        "who=job-seeker&live={m}&work={m}&topic=job-search&languages=nl&channel=",
        "who=worker&live={m}&work={m}&topic=housing&languages=nl&channel=",
        "who=cross-border-worker&live={m}&work=DE05334002&topic=tax&languages=de&channel=phone",
        "who=employer&company={m}&size=small&staff_from=DE&topic=recruitment&languages=nl&channel=",
    ];
    let mut times: Vec<Duration> = Vec::new();
    let mut fell_back = 0;
    for round in 0..20 {
        for k in 0..regions {
            let code = synthetic::region_code(k);
            let Some(region) = idx.regions.get(&code) else {
                continue;
            };
            let m = synthetic::region_municipality(k);
            for p in personas {
                let query = p.replace("{m}", &m);
                let pairs = query
                    .split('&')
                    .filter_map(|kv| kv.split_once('='))
                    .map(|(a, b)| (a.to_string(), b.to_string()));
                let Ok(answers) = RawAnswers::from_pairs(pairs).check(&flow, &idx.areas) else {
                    eprintln!("invalid persona {query}");
                    std::process::exit(1);
                };
                let started = Instant::now();
                let routing = route_in(&idx, Some(region), &answers);
                let took = started.elapsed();
                if round > 0 {
                    times.push(took); // the first round warms the caches
                    fell_back += usize::from(routing.fell_back);
                }
                std::hint::black_box(routing);
            }
        }
    }
    times.sort();
    let at = |q: f64| times[((times.len() as f64 * q) as usize).min(times.len() - 1)];
    println!(
        "{regions} regions x {per_region} services: {services} services, {orgs} organisations; index built in {:.0} ms",
        build.as_secs_f64() * 1000.0
    );
    println!(
        "route_in over {} calls ({fell_back} fell back to the region's generalist): p50 {:?}  p99 {:?}  max {:?}",
        times.len(),
        at(0.50),
        at(0.99),
        at(1.0)
    );
}
