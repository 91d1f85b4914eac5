//! A synthetic catalogue of any size, derived from a real one, for benchmarks
//! and load tests. Deterministic: the same input and size give the same document.

use crate::area::{Municipality, Region};
use crate::document::CatalogueDocument;
use crate::region::{LabourMarketRegion, MenuEntry, RegionLook, RegionStatus};
use crate::text::{Lang, Text};
use chrono::{Duration, TimeZone, Utc};

const WORDS: &[&str] = &[
    "advies",
    "werk",
    "grens",
    "loopbaan",
    "opleiding",
    "vergunning",
    "wonen",
    "uitkering",
    "personeel",
    "zorg",
    "Beratung",
    "Arbeit",
    "Grenze",
    "Ausbildung",
    "Wohnung",
    "conseil",
    "emploi",
    "frontière",
    "formation",
    "logement",
    "advice",
    "jobs",
    "border",
    "training",
];

/// `n` services spread over the organisations and municipalities of `base`,
/// cycling through its services for text, topics, target groups and channels.
pub fn catalogue(base: &CatalogueDocument, n: usize) -> CatalogueDocument {
    let mut doc = base.clone();
    let templates = base.services.clone();
    let municipalities: Vec<String> = base.municipalities.iter().map(|m| m.code.clone()).collect();
    let epoch = Utc
        .with_ymd_and_hms(2024, 1, 1, 0, 0, 0)
        .single()
        .unwrap_or_default();
    doc.services = (0..n)
        .map(|i| {
            let mut s = templates[i % templates.len()].clone();
            s.id = uuid::Uuid::new_v5(
                &uuid::Uuid::NAMESPACE_OID,
                format!("synthetic-service/{i}").as_bytes(),
            )
            .to_string();
            s.key = format!("synthetic-{i}");
            let word = WORDS[(i * 7) % WORDS.len()];
            for text in [
                &mut s.name.nl,
                &mut s.name.en,
                &mut s.name.de,
                &mut s.name.fr,
            ]
            .into_iter()
            .flatten()
            {
                text.push_str(&format!(" {word} {i}"));
            }
            s.organization_id = base.organizations[i % base.organizations.len()].id.clone();
            s.locations.clear();
            if !municipalities.is_empty() && i % 3 == 0 {
                s.service_areas = vec![municipalities[i % municipalities.len()].clone()];
            }
            s.last_modified = epoch + Duration::hours(i as i64);
            s
        })
        .collect();
    doc
}

fn uuid(name: &str) -> String {
    uuid::Uuid::new_v5(&uuid::Uuid::NAMESPACE_OID, name.as_bytes()).to_string()
}

/// The code of synthetic region `k` (also its path `/regio/{code}`).
pub fn region_code(k: usize) -> String {
    format!("synthetic-region-{k:02}")
}

/// The Dutch municipality of synthetic region `k` (a made-up CBS code).
pub fn region_municipality(k: usize) -> String {
    format!("GM9{k:03}")
}

/// One synthetic labour-market region with `services` services from `organizations`
/// organisations of its own, all on its menu, the first its generalist: the records
/// to add to `base` (areas, organisations, services) and the region itself.
pub fn region(
    base: &CatalogueDocument,
    k: usize,
    services: usize,
    organizations: usize,
) -> (CatalogueDocument, LabourMarketRegion) {
    let code = region_code(k);
    let municipality = region_municipality(k);
    let mut doc = CatalogueDocument::empty();
    let centroid = base
        .municipalities
        .first()
        .map(|m| m.centroid)
        .unwrap_or(crate::area::Point {
            latitude: 51.0,
            longitude: 5.8,
        });
    let name = Text::new(&format!("Regio {k}"), &format!("Region {k}"), "", "");
    doc.regions.push(Region {
        code: format!("{code}-area"),
        kind: "labour-market-region".into(),
        parent: Some("NL".into()),
        country: "NL".into(),
        name: name.clone(),
        centroid,
    });
    doc.municipalities.push(Municipality {
        code: municipality.clone(),
        country: "NL".into(),
        name: format!("Gemeente {k}"),
        region: format!("{code}-area"),
        centroid,
        postcodes: vec![format!("{}", 1000 + k)],
        names: Text::default(),
    });
    let template_org = &base.organizations[0];
    doc.organizations = (0..organizations)
        .map(|o| {
            let mut org = template_org.clone();
            org.id = uuid(&format!("{code}/organization/{o}"));
            org.key = format!("{code}-org-{o}");
            org.name = format!("Partner {o} van regio {k}");
            org
        })
        .collect();
    let mut menu = Vec::new();
    let mut synthetic = catalogue(base, services);
    doc.services = synthetic
        .services
        .drain(..)
        .enumerate()
        .map(|(i, mut s)| {
            s.id = uuid(&format!("{code}/service/{i}"));
            s.key = format!("{code}-service-{i}");
            s.organization_id = doc.organizations[i % organizations].id.clone();
            s.service_areas = vec![format!("{code}-area")];
            s.generalist = i == 0;
            if i == 0 {
                s.target_groups.clear(); // the work centre is for everyone
            }
            menu.push(MenuEntry {
                service: s.id.clone(),
                contributor: s.organization_id.clone(),
            });
            s
        })
        .collect();
    let region = LabourMarketRegion {
        code,
        name,
        municipalities: vec![municipality],
        areas_abroad: vec![],
        generalists: vec![doc.services[0].id.clone()],
        languages: vec![Lang::Nl, Lang::En],
        host: None,
        look: RegionLook::default(),
        status: RegionStatus::Live,
        menu,
    };
    (doc, region)
}

/// `base` with `regions` synthetic regions of `per_region` services each (and
/// `organizations` organisations each): the scale of every Dutch labour-market
/// region on one deployment (35 × 300 services, about 1,000 organisations).
pub fn regions(
    base: &CatalogueDocument,
    regions: usize,
    per_region: usize,
    organizations: usize,
) -> CatalogueDocument {
    let mut doc = base.clone();
    for k in 0..regions {
        let (part, region) = region(base, k, per_region, organizations);
        doc.regions.extend(part.regions);
        doc.municipalities.extend(part.municipalities);
        doc.organizations.extend(part.organizations);
        doc.services.extend(part.services);
        doc.labour_market_regions.push(region);
    }
    doc
}

#[cfg(test)]
mod tests {
    #[test]
    fn synthetic_regions_are_a_valid_catalogue() {
        let base = crate::document::CatalogueDocument::parse(include_str!(
            "../../../seed/limburg-catalogue.json"
        ))
        .unwrap_or_else(|e| panic!("{e:?}"));
        let doc = super::regions(&base, 3, 20, 4);
        let errors = doc.validate();
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(
            doc.labour_market_regions.len(),
            base.labour_market_regions.len() + 3
        );
        assert_eq!(doc.services.len(), base.services.len() + 60);
    }
}
