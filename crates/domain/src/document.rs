//! The catalogue document: loket's import and export format. It follows HSDS 3.1
//! object by object, with two differences from HSDS core: text fields hold all four
//! languages (`{"nl": .., "en": .., "de": .., "fr": ..}`), and topics, target groups,
//! channels and service areas are codes into the document's own taxonomies and areas.
//!
//! A document is self-contained: it carries the taxonomies, areas and organisations
//! its services refer to, so it can be checked completely before anything is stored.

use crate::area::{Areas, Municipality, Region};
use crate::catalogue::*;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};

pub const FORMAT: &str = "loket-catalogue";
pub const VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CatalogueDocument {
    pub format: String,
    pub version: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub about: Option<String>,
    #[serde(default)]
    pub taxonomies: Vec<Taxonomy>,
    #[serde(default)]
    pub taxonomy_terms: Vec<TaxonomyTerm>,
    #[serde(default)]
    pub regions: Vec<Region>,
    #[serde(default)]
    pub municipalities: Vec<Municipality>,
    #[serde(default)]
    pub organizations: Vec<Organization>,
    #[serde(default)]
    pub locations: Vec<Location>,
    #[serde(default)]
    pub services: Vec<Service>,
    /// The labour-market regions (tenants) and their menus.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub labour_market_regions: Vec<crate::region::LabourMarketRegion>,
}

/// One problem in a document, naming the record and the field.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{record}: field `{field}`: {message}")]
pub struct DocumentError {
    pub record: String,
    pub field: String,
    pub message: String,
}

impl DocumentError {
    fn new(record: impl Into<String>, field: &str, message: impl Into<String>) -> Self {
        DocumentError {
            record: record.into(),
            field: field.to_string(),
            message: message.into(),
        }
    }
}

impl CatalogueDocument {
    pub fn empty() -> Self {
        CatalogueDocument {
            format: FORMAT.into(),
            version: VERSION,
            about: None,
            taxonomies: vec![],
            taxonomy_terms: vec![],
            regions: vec![],
            municipalities: vec![],
            organizations: vec![],
            locations: vec![],
            services: vec![],
            labour_market_regions: vec![],
        }
    }

    /// Parses and validates a document; every problem found is returned.
    pub fn parse(json: &str) -> Result<Self, Vec<DocumentError>> {
        let de = &mut serde_json::Deserializer::from_str(json);
        let doc: CatalogueDocument = serde_path_to_error::deserialize(de).map_err(|e| {
            let path = e.path().to_string();
            let (record, field) = split_path(&path);
            vec![DocumentError::new(record, &field, e.inner().to_string())]
        })?;
        let errors = doc.validate();
        if errors.is_empty() {
            Ok(doc)
        } else {
            Err(errors)
        }
    }

    /// Sorts every list by its key, so that exports are stable and comparable.
    /// `about` describes a file, not the catalogue, so it is dropped.
    pub fn normalized(mut self) -> Self {
        self.about = None;
        self.taxonomies.sort_by(|a, b| a.id.cmp(&b.id));
        self.taxonomy_terms.sort_by(|a, b| a.id.cmp(&b.id));
        self.regions.sort_by(|a, b| a.code.cmp(&b.code));
        self.municipalities.sort_by(|a, b| a.code.cmp(&b.code));
        self.organizations.sort_by(|a, b| a.id.cmp(&b.id));
        self.locations.sort_by(|a, b| a.id.cmp(&b.id));
        self.services.sort_by(|a, b| a.id.cmp(&b.id));
        self.labour_market_regions
            .sort_by(|a, b| a.code.cmp(&b.code));
        self
    }

    pub fn areas(&self) -> Areas {
        Areas::new(&self.regions, &self.municipalities)
    }

    /// Checks the rules serde cannot: uniqueness, references, required text, ranges.
    pub fn validate(&self) -> Vec<DocumentError> {
        let mut errors = Vec::new();
        if self.format != FORMAT {
            errors.push(DocumentError::new(
                "document",
                "format",
                format!("expected \"{FORMAT}\""),
            ));
        }
        if self.version != VERSION {
            errors.push(DocumentError::new(
                "document",
                "version",
                format!("expected {VERSION}"),
            ));
        }
        let mut ids = HashSet::new();
        let mut unique = |errors: &mut Vec<DocumentError>, rec: &str, field: &str, value: &str| {
            if !ids.insert(value.to_string()) {
                errors.push(DocumentError::new(
                    rec,
                    field,
                    format!("{value:?} is used twice"),
                ));
            }
        };
        for (i, t) in self.taxonomies.iter().enumerate() {
            let rec = format!("taxonomies[{i}]");
            unique(&mut errors, &rec, "id", &t.id);
            unique(
                &mut errors,
                &rec,
                "code",
                &format!("taxonomy:{}", t.code.code()),
            );
            require_text(&mut errors, &rec, "name", &t.name);
        }
        let mut terms: HashMap<TaxonomyKind, HashSet<&str>> = HashMap::new();
        for (i, t) in self.taxonomy_terms.iter().enumerate() {
            let rec = format!("taxonomy_terms[{i}] ({})", t.code);
            unique(&mut errors, &rec, "id", &t.id);
            if !terms.entry(t.taxonomy).or_default().insert(&t.code) {
                errors.push(DocumentError::new(
                    &rec,
                    "code",
                    "is used twice in its taxonomy",
                ));
            }
            require_code(&mut errors, &rec, "code", &t.code);
            require_text(&mut errors, &rec, "name", &t.name);
        }
        let region_codes: HashSet<&str> = self.regions.iter().map(|r| r.code.as_str()).collect();
        for (i, r) in self.regions.iter().enumerate() {
            let rec = format!("regions[{i}] ({})", r.code);
            unique(&mut errors, &rec, "code", &format!("area:{}", r.code));
            require_text(&mut errors, &rec, "name", &r.name);
            if let Some(p) = &r.parent
                && !region_codes.contains(p.as_str())
            {
                errors.push(DocumentError::new(
                    &rec,
                    "parent",
                    format!("unknown region {p:?}"),
                ));
            }
            check_point(&mut errors, &rec, r.centroid.latitude, r.centroid.longitude);
        }
        for (i, m) in self.municipalities.iter().enumerate() {
            let rec = format!("municipalities[{i}] ({})", m.code);
            unique(&mut errors, &rec, "code", &format!("area:{}", m.code));
            if !region_codes.contains(m.region.as_str()) {
                errors.push(DocumentError::new(
                    &rec,
                    "region",
                    format!("unknown region {:?}", m.region),
                ));
            }
            if m.name.trim().is_empty() {
                errors.push(DocumentError::new(&rec, "name", "is empty"));
            }
            check_point(&mut errors, &rec, m.centroid.latitude, m.centroid.longitude);
        }
        let areas = self.areas();
        let mut org_keys = HashSet::new();
        let orgs: HashSet<&str> = self.organizations.iter().map(|o| o.id.as_str()).collect();
        for (i, o) in self.organizations.iter().enumerate() {
            let rec = format!("organizations[{i}] ({})", o.key);
            unique(&mut errors, &rec, "id", &o.id);
            require_code(&mut errors, &rec, "key", &o.key);
            if !org_keys.insert(o.key.as_str()) {
                errors.push(DocumentError::new(&rec, "key", "is used twice"));
            }
            if o.name.trim().is_empty() {
                errors.push(DocumentError::new(&rec, "name", "is empty"));
            }
            require_text(&mut errors, &rec, "description", &o.description);
            check_url(&mut errors, &rec, "website", o.website.as_deref());
            check_email(&mut errors, &rec, "email", o.email.as_deref());
            check_phones(&mut errors, &rec, &o.phones);
        }
        let mut location_org = HashMap::new();
        for (i, l) in self.locations.iter().enumerate() {
            let rec = format!("locations[{i}]");
            unique(&mut errors, &rec, "id", &l.id);
            location_org.insert(l.id.as_str(), l.organization_id.as_str());
            if !orgs.contains(l.organization_id.as_str()) {
                errors.push(DocumentError::new(
                    &rec,
                    "organization_id",
                    format!("unknown organization {:?}", l.organization_id),
                ));
            }
            require_text(&mut errors, &rec, "name", &l.name);
            if let Some(m) = &l.municipality
                && areas.municipality(m).is_none()
            {
                errors.push(DocumentError::new(
                    &rec,
                    "municipality",
                    format!("unknown municipality {m:?}"),
                ));
            }
            match (l.latitude, l.longitude) {
                (Some(la), Some(lo)) => check_point(&mut errors, &rec, la, lo),
                (None, None) => {}
                _ => errors.push(DocumentError::new(
                    &rec,
                    "latitude",
                    "latitude and longitude go together",
                )),
            }
            check_url(&mut errors, &rec, "url", l.url.as_deref());
        }
        let mut service_keys = HashSet::new();
        for (i, s) in self.services.iter().enumerate() {
            let rec = format!("services[{i}] ({})", s.key);
            unique(&mut errors, &rec, "id", &s.id);
            require_code(&mut errors, &rec, "key", &s.key);
            if !service_keys.insert(s.key.as_str()) {
                errors.push(DocumentError::new(&rec, "key", "is used twice"));
            }
            if !orgs.contains(s.organization_id.as_str()) {
                errors.push(DocumentError::new(
                    &rec,
                    "organization_id",
                    format!("unknown organization {:?}", s.organization_id),
                ));
            }
            require_text(&mut errors, &rec, "name", &s.name);
            require_text(&mut errors, &rec, "description", &s.description);
            for kind in TaxonomyKind::ALL {
                let field = match kind {
                    TaxonomyKind::Topic => "topics",
                    TaxonomyKind::TargetGroup => "target_groups",
                    TaxonomyKind::Channel => "channels",
                };
                for code in s.terms(kind) {
                    if !terms.get(&kind).is_some_and(|t| t.contains(code.as_str())) {
                        errors.push(DocumentError::new(
                            &rec,
                            field,
                            format!("unknown {} {code:?}", kind.code()),
                        ));
                    }
                }
            }
            for a in &s.service_areas {
                if !areas.is_known(a) {
                    errors.push(DocumentError::new(
                        &rec,
                        "service_areas",
                        format!("unknown area {a:?}"),
                    ));
                }
            }
            for l in &s.languages {
                if l.len() != 2 || !l.chars().all(|c| c.is_ascii_lowercase()) {
                    errors.push(DocumentError::new(
                        &rec,
                        "languages",
                        format!("{l:?} is not an ISO 639-1 code"),
                    ));
                }
            }
            for l in &s.locations {
                if !location_org.contains_key(l.as_str()) {
                    errors.push(DocumentError::new(
                        &rec,
                        "locations",
                        format!("unknown location {l:?}"),
                    ));
                }
            }
            if let (Some(min), Some(max)) = (s.minimum_age, s.maximum_age)
                && min > max
            {
                errors.push(DocumentError::new(
                    &rec,
                    "minimum_age",
                    "is above maximum_age",
                ));
            }
            for (n, age) in [
                ("minimum_age", s.minimum_age),
                ("maximum_age", s.maximum_age),
            ] {
                if age.is_some_and(|a| a > 120) {
                    errors.push(DocumentError::new(&rec, n, "must be 120 or less"));
                }
            }
            for sched in &s.schedules {
                for h in &sched.weekly {
                    if h.days.is_empty() {
                        errors.push(DocumentError::new(
                            &rec,
                            "schedules.weekly.days",
                            "is empty",
                        ));
                    }
                    if h.opens_at >= h.closes_at {
                        errors.push(DocumentError::new(
                            &rec,
                            "schedules.weekly.closes_at",
                            "must be after opens_at",
                        ));
                    }
                    if let Some(l) = &h.location_id
                        && !s.locations.contains(l)
                    {
                        errors.push(DocumentError::new(
                            &rec,
                            "schedules.weekly.location_id",
                            "is not one of the service's locations",
                        ));
                    }
                }
                for x in &sched.exceptions {
                    match (x.opens_at, x.closes_at) {
                        (Some(o), Some(c)) if o >= c => errors.push(DocumentError::new(
                            &rec,
                            "schedules.exceptions.closes_at",
                            "must be after opens_at",
                        )),
                        (Some(_), None) | (None, Some(_)) => errors.push(DocumentError::new(
                            &rec,
                            "schedules.exceptions.opens_at",
                            "opens_at and closes_at go together",
                        )),
                        _ => {}
                    }
                }
            }
            check_url(&mut errors, &rec, "url", s.url.as_deref());
            check_email(&mut errors, &rec, "email", s.email.as_deref());
            check_phones(&mut errors, &rec, &s.phones);
        }
        errors.extend(
            crate::region::validate(
                &self.labour_market_regions,
                &self.services,
                &self.organizations,
                &areas,
            )
            .into_iter()
            .map(|p| DocumentError::new(p.record, p.field, p.message)),
        );
        errors
    }
}

/// `services[3].status` → (`services[3]`, `status`).
fn split_path(path: &str) -> (String, String) {
    match path.find(']') {
        Some(end) => {
            let record = &path[..=end];
            let field = path[end + 1..].trim_start_matches('.');
            (
                record.to_string(),
                if field.is_empty() {
                    "(record)".into()
                } else {
                    field.to_string()
                },
            )
        }
        None if path == "." || path.is_empty() => ("document".into(), "(document)".into()),
        None => ("document".into(), path.to_string()),
    }
}

fn require_text(errors: &mut Vec<DocumentError>, rec: &str, field: &str, text: &crate::Text) {
    if text.exact(crate::Lang::Nl).is_none() {
        errors.push(DocumentError::new(
            rec,
            field,
            "needs Dutch text (nl), the fallback language",
        ));
    }
}

fn require_code(errors: &mut Vec<DocumentError>, rec: &str, field: &str, code: &str) {
    let ok = !code.is_empty()
        && code
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if !ok {
        errors.push(DocumentError::new(
            rec,
            field,
            "use lowercase letters, digits and hyphens",
        ));
    }
}

fn check_point(errors: &mut Vec<DocumentError>, rec: &str, lat: f64, lon: f64) {
    if !(-90.0..=90.0).contains(&lat) {
        errors.push(DocumentError::new(
            rec,
            "latitude",
            "must be between -90 and 90",
        ));
    }
    if !(-180.0..=180.0).contains(&lon) {
        errors.push(DocumentError::new(
            rec,
            "longitude",
            "must be between -180 and 180",
        ));
    }
}

fn check_url(errors: &mut Vec<DocumentError>, rec: &str, field: &str, url: Option<&str>) {
    if let Some(u) = url {
        let ok = (u.starts_with("https://") || u.starts_with("http://"))
            && u.len() > 10
            && !u.contains(char::is_whitespace);
        if !ok {
            errors.push(DocumentError::new(rec, field, "must be an http(s) address"));
        }
    }
}

/// Every number must be dialable: valid in its numbering plan (read as Dutch without `+`).
fn check_phones(errors: &mut Vec<DocumentError>, rec: &str, phones: &[Phone]) {
    for (i, p) in phones.iter().enumerate() {
        if crate::phone::international(&p.number).is_none() {
            errors.push(DocumentError::new(
                rec,
                &format!("phones[{i}].number"),
                "is not a phone number (write it with the country code, e.g. +31 43 350 4040)",
            ));
        }
    }
}

fn check_email(errors: &mut Vec<DocumentError>, rec: &str, field: &str, email: Option<&str>) {
    if let Some(e) = email {
        let ok = e
            .split_once('@')
            .is_some_and(|(a, d)| !a.is_empty() && d.contains('.'))
            && !e.contains(char::is_whitespace);
        if !ok {
            errors.push(DocumentError::new(rec, field, "is not an e-mail address"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEED: &str = include_str!("../../../seed/limburg-catalogue.json");

    #[test]
    fn seed_catalogue_is_valid_and_large_enough() {
        let doc = CatalogueDocument::parse(SEED).unwrap_or_else(|e| panic!("{e:#?}"));
        assert!(doc.organizations.len() >= 20);
        assert!(doc.services.len() >= 40);
        for s in &doc.services {
            for lang in crate::Lang::FULL {
                assert!(
                    s.name.exact(lang).is_some(),
                    "{} lacks a name in {lang}",
                    s.key
                );
                assert!(
                    s.description.exact(lang).is_some(),
                    "{} lacks a description in {lang}",
                    s.key
                );
            }
        }
    }

    #[test]
    fn every_topic_and_target_group_has_a_service() {
        let doc = CatalogueDocument::parse(SEED).unwrap_or_else(|e| panic!("{e:#?}"));
        for term in doc
            .taxonomy_terms
            .iter()
            .filter(|t| t.taxonomy != TaxonomyKind::Channel)
        {
            assert!(
                doc.services
                    .iter()
                    .any(|s| s.terms(term.taxonomy).contains(&term.code)),
                "{} has no service",
                term.code
            );
        }
    }

    #[test]
    fn type_errors_name_the_record_and_field() {
        let bad = SEED.replacen("\"status\": \"active\"", "\"status\": \"open\"", 1);
        let errors = CatalogueDocument::parse(&bad).expect_err("must fail");
        assert_eq!(errors[0].record, "services[0]");
        assert_eq!(errors[0].field, "status");
    }

    #[test]
    fn reference_errors_are_all_reported() {
        let mut doc = CatalogueDocument::parse(SEED).unwrap_or_else(|e| panic!("{e:#?}"));
        doc.services[2].organization_id = "nope".into();
        doc.services[5].topics.push("astrology".into());
        doc.services[7].name.nl = None;
        doc.organizations[1].phones.push(Phone {
            number: "asdf".into(),
            r#type: None,
            description: crate::Text::default(),
        });
        let errors = doc.validate();
        let fields: Vec<_> = errors
            .iter()
            .map(|e| (e.record.split(' ').next().unwrap_or(""), e.field.as_str()))
            .collect();
        assert!(
            fields.contains(&("services[2]", "organization_id")),
            "{errors:?}"
        );
        assert!(fields.contains(&("services[5]", "topics")), "{errors:?}");
        assert!(fields.contains(&("services[7]", "name")), "{errors:?}");
        assert!(
            fields.contains(&("organizations[1]", "phones[0].number")),
            "{errors:?}"
        );
    }
}
