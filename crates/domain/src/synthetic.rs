//! A synthetic catalogue of any size, derived from a real one, for benchmarks
//! and load tests. Deterministic: the same input and size give the same document.

use crate::document::CatalogueDocument;
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
