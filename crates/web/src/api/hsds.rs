//! HSDS 3.1 core objects, in one language, as the HSDS API profile serves them.
//! Our taxonomies travel as HSDS `attributes` with their taxonomy terms.
//! Sub-objects without an id of their own get a stable UUID derived from their parent.

use loket_domain::search::CatalogueIndex;
use loket_domain::{Lang, Location, Organization, Service, TaxonomyKind, TaxonomyTerm, Text};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

fn derived_id(parent: &str, kind: &str, n: usize) -> String {
    Uuid::new_v5(
        &Uuid::NAMESPACE_OID,
        format!("{parent}/{kind}/{n}").as_bytes(),
    )
    .to_string()
}

fn opt_text(t: &Option<Text>, lang: Lang) -> Option<String> {
    t.as_ref()
        .map(|t| t.get(lang).to_string())
        .filter(|s| !s.is_empty())
}

#[derive(Debug, Serialize, ToSchema)]
pub struct HsdsTaxonomy {
    pub id: String,
    pub name: String,
    pub description: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct HsdsTaxonomyTerm {
    pub id: String,
    pub code: String,
    pub name: String,
    pub description: String,
    pub taxonomy: String,
    pub taxonomy_id: String,
    pub language: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct HsdsAttribute {
    pub id: String,
    pub link_id: String,
    pub link_type: String,
    pub link_entity: String,
    pub taxonomy_term_id: String,
    pub value: String,
    pub label: String,
    pub taxonomy_term: HsdsTaxonomyTerm,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct HsdsLanguage {
    pub id: String,
    pub service_id: String,
    pub name: String,
    pub code: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct HsdsServiceArea {
    pub id: String,
    pub service_id: String,
    pub name: String,
    pub description: String,
    pub extent_type: String,
    pub extent: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct HsdsSchedule {
    pub id: String,
    pub service_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub freq: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub byday: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub opens_at: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub closes_at: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub valid_from: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub valid_to: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct HsdsPhone {
    pub id: String,
    pub number: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub r#type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct HsdsContact {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct HsdsOrganizationIdentifier {
    pub id: String,
    pub organization_id: String,
    pub identifier_type: String,
    pub identifier: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub identifier_scheme: Option<String>,
}

/// An organisation with its identifiers, phones and contacts (`/organizations/{id}`).
#[derive(Debug, Serialize, ToSchema)]
pub struct HsdsOrganization {
    #[serde(flatten)]
    pub fields: HsdsOrganizationSummary,
    pub phones: Vec<HsdsPhone>,
    pub contacts: Vec<HsdsContact>,
    pub organization_identifiers: Vec<HsdsOrganizationIdentifier>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct HsdsAddress {
    pub id: String,
    pub location_id: String,
    pub address_1: String,
    pub city: String,
    pub state_province: String,
    pub postal_code: String,
    pub country: String,
    pub address_type: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct HsdsAccessibility {
    pub id: String,
    pub location_id: String,
    pub description: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct HsdsLocation {
    pub id: String,
    pub location_type: String,
    pub organization_id: String,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub latitude: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub longitude: Option<f64>,
    pub addresses: Vec<HsdsAddress>,
    pub accessibility: Vec<HsdsAccessibility>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct HsdsServiceAtLocation {
    pub id: String,
    pub service_id: String,
    pub location_id: String,
    pub location: HsdsLocation,
}

/// A service with its nested objects, as `/services/{id}` returns it.
#[derive(Debug, Serialize, ToSchema)]
pub struct HsdsService {
    #[serde(flatten)]
    pub fields: HsdsServiceFields,
    pub phones: Vec<HsdsPhone>,
    pub contacts: Vec<HsdsContact>,
    pub schedules: Vec<HsdsSchedule>,
    pub service_areas: Vec<HsdsServiceArea>,
    pub service_at_locations: Vec<HsdsServiceAtLocation>,
    pub languages: Vec<HsdsLanguage>,
    pub attributes: Vec<HsdsAttribute>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organization: Option<HsdsOrganization>,
}

/// An organisation with its one-to-one fields only, as lists and nested records carry it.
#[derive(Debug, Serialize, ToSchema)]
pub struct HsdsOrganizationSummary {
    pub id: String,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alternate_name: Option<String>,
    pub description: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
}

/// The one-to-one fields of a service.
#[derive(Debug, Serialize, ToSchema)]
pub struct HsdsServiceFields {
    pub id: String,
    pub organization_id: String,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alternate_name: Option<String>,
    pub description: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    pub status: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub application_process: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fees_description: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub eligibility_description: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub minimum_age: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub maximum_age: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub assured_date: Option<String>,
    pub last_modified: String,
}

/// A service with its one-to-one fields and organisation: an item of `/services`
/// (HSDS `service_list`); `full=true` gives [`HsdsService`] instead.
#[derive(Debug, Serialize, ToSchema)]
pub struct HsdsServiceSummary {
    #[serde(flatten)]
    pub fields: HsdsServiceFields,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organization: Option<HsdsOrganizationSummary>,
}

/// `minimal=true`: just enough to know what changed.
#[derive(Debug, Serialize, ToSchema)]
pub struct HsdsServiceMinimal {
    pub id: String,
    pub last_modified: String,
}

/// The paginated envelope of every HSDS list.
#[derive(Debug, Serialize, ToSchema)]
pub struct HsdsPage<T> {
    pub total_items: usize,
    pub total_pages: usize,
    pub page_number: usize,
    pub size: usize,
    pub first_page: bool,
    pub last_page: bool,
    pub empty: bool,
    pub contents: Vec<T>,
}

impl<T> HsdsPage<T> {
    pub fn of<I>(all: Vec<I>, page: usize, per_page: usize, map: impl Fn(&I) -> T) -> Self {
        let total_items = all.len();
        let total_pages = total_items.div_ceil(per_page).max(1);
        let contents: Vec<T> = all
            .iter()
            .skip((page - 1) * per_page)
            .take(per_page)
            .map(map)
            .collect();
        HsdsPage {
            total_items,
            total_pages,
            page_number: page,
            size: contents.len(),
            first_page: page == 1,
            last_page: page >= total_pages,
            empty: contents.is_empty(),
            contents,
        }
    }
}

pub fn taxonomy(idx: &CatalogueIndex, kind: TaxonomyKind, lang: Lang) -> Option<HsdsTaxonomy> {
    idx.taxonomies
        .iter()
        .find(|t| t.code == kind)
        .map(|t| HsdsTaxonomy {
            id: t.id.clone(),
            name: t.name.get(lang).to_string(),
            description: t.description.get(lang).to_string(),
            version: None,
        })
}

/// The taxonomy of labour-market regions: a service's regions travel as attributes
/// with a term per region, like the catalogue's own taxonomies.
pub const REGION_TAXONOMY: &str = "labour-market-region";

fn region_taxonomy_id() -> String {
    Uuid::new_v5(&Uuid::NAMESPACE_OID, b"loket/taxonomy/labour-market-region").to_string()
}

/// The live regions whose menu holds a service: by its own entry, or every live region
/// for a national service.
pub fn regions_of<'i>(
    idx: &'i CatalogueIndex,
    s: &'i Service,
) -> impl Iterator<Item = &'i loket_domain::region::LabourMarketRegion> {
    let national = loket_domain::region::is_national(s);
    idx.regions
        .live()
        .filter(move |r| national || r.menu.iter().any(|m| m.service == s.id))
}

/// A service's labour-market regions as HSDS attributes.
fn region_attributes<'i>(
    idx: &'i CatalogueIndex,
    s: &'i Service,
    lang: Lang,
) -> impl Iterator<Item = HsdsAttribute> + 'i {
    regions_of(idx, s).map(move |r| {
        let term_id = Uuid::new_v5(
            &Uuid::NAMESPACE_OID,
            format!("loket/region/{}", r.code).as_bytes(),
        )
        .to_string();
        let name = r.name.get(lang).to_string();
        HsdsAttribute {
            id: Uuid::new_v5(
                &Uuid::NAMESPACE_OID,
                format!("{}/region/{}", s.id, r.code).as_bytes(),
            )
            .to_string(),
            link_id: s.id.clone(),
            link_type: REGION_TAXONOMY.into(),
            link_entity: "service".into(),
            taxonomy_term_id: term_id.clone(),
            value: r.code.clone(),
            label: name.clone(),
            taxonomy_term: HsdsTaxonomyTerm {
                id: term_id,
                code: r.code.clone(),
                description: format!("{REGION_TAXONOMY}: {name}"),
                name,
                taxonomy: REGION_TAXONOMY.into(),
                taxonomy_id: region_taxonomy_id(),
                language: r.name.resolved_lang(lang).code().to_string(),
            },
        }
    })
}

pub fn term(idx: &CatalogueIndex, t: &TaxonomyTerm, lang: Lang) -> HsdsTaxonomyTerm {
    let tax = idx.taxonomies.iter().find(|x| x.code == t.taxonomy);
    HsdsTaxonomyTerm {
        id: t.id.clone(),
        code: t.code.clone(),
        name: t.name.get(lang).to_string(),
        description: format!(
            "{}: {}",
            tax.map(|x| x.name.get(lang)).unwrap_or(t.taxonomy.code()),
            t.name.get(lang)
        ),
        taxonomy: t.taxonomy.code().to_string(),
        taxonomy_id: tax.map(|x| x.id.clone()).unwrap_or_default(),
        language: t.name.resolved_lang(lang).code().to_string(),
    }
}

pub fn organization_summary(o: &Organization, lang: Lang) -> HsdsOrganizationSummary {
    HsdsOrganizationSummary {
        id: o.id.clone(),
        name: o.name.clone(),
        alternate_name: o.alternate_name.clone(),
        description: o.description.get(lang).to_string(),
        email: o.email.clone(),
        website: o.website.clone(),
    }
}

fn last_modified(s: &Service) -> String {
    s.last_modified
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

pub fn service_minimal(s: &Service) -> HsdsServiceMinimal {
    HsdsServiceMinimal {
        id: s.id.clone(),
        last_modified: last_modified(s),
    }
}

fn service_fields(s: &Service, lang: Lang) -> HsdsServiceFields {
    HsdsServiceFields {
        id: s.id.clone(),
        organization_id: s.organization_id.clone(),
        name: s.name.get(lang).to_string(),
        alternate_name: s.alternate_name.clone(),
        description: s.description.get(lang).to_string(),
        url: s.url.clone(),
        email: s.email.clone(),
        status: s.status.as_str().to_string(),
        application_process: opt_text(&s.application_process, lang),
        fees_description: opt_text(&s.fees, lang),
        eligibility_description: opt_text(&s.eligibility, lang),
        minimum_age: s.minimum_age,
        maximum_age: s.maximum_age,
        assured_date: s.assured_date.map(|d| d.to_string()),
        last_modified: last_modified(s),
    }
}

pub fn service_summary(idx: &CatalogueIndex, s: &Service, lang: Lang) -> HsdsServiceSummary {
    HsdsServiceSummary {
        fields: service_fields(s, lang),
        organization: idx
            .organization(&s.organization_id)
            .map(|o| organization_summary(o, lang)),
    }
}

pub fn organization(o: &Organization, lang: Lang) -> HsdsOrganization {
    HsdsOrganization {
        fields: organization_summary(o, lang),
        phones: o
            .phones
            .iter()
            .enumerate()
            .map(|(n, p)| phone(&o.id, n, p, lang))
            .collect(),
        contacts: o
            .contacts
            .iter()
            .enumerate()
            .map(|(n, c)| contact(&o.id, n, c))
            .collect(),
        organization_identifiers: o
            .identifiers
            .iter()
            .enumerate()
            .map(|(n, i)| HsdsOrganizationIdentifier {
                id: derived_id(&o.id, "identifier", n),
                organization_id: o.id.clone(),
                identifier_type: i.identifier_type.clone(),
                identifier: i.identifier.clone(),
                identifier_scheme: i.identifier_scheme.clone(),
            })
            .collect(),
    }
}

fn phone(parent: &str, n: usize, p: &loket_domain::Phone, lang: Lang) -> HsdsPhone {
    HsdsPhone {
        id: derived_id(parent, "phone", n),
        number: p.number.clone(),
        r#type: p.r#type.clone(),
        description: Some(p.description.get(lang).to_string()).filter(|s| !s.is_empty()),
    }
}

fn contact(parent: &str, n: usize, c: &loket_domain::Contact) -> HsdsContact {
    HsdsContact {
        id: derived_id(parent, "contact", n),
        name: c.name.clone(),
        title: c.title.clone(),
        email: c.email.clone(),
    }
}

pub fn location(l: &Location, lang: Lang) -> HsdsLocation {
    HsdsLocation {
        id: l.id.clone(),
        location_type: l.location_type.as_str().to_string(),
        organization_id: l.organization_id.clone(),
        name: l.name.get(lang).to_string(),
        description: opt_text(&l.description, lang),
        url: l.url.clone(),
        latitude: l.latitude,
        longitude: l.longitude,
        addresses: l
            .address
            .iter()
            .map(|a| HsdsAddress {
                id: derived_id(&l.id, "address", 0),
                location_id: l.id.clone(),
                address_1: a.address_1.clone(),
                city: a.city.clone(),
                state_province: a.state_province.clone(),
                postal_code: a.postal_code.clone(),
                country: a.country.clone(),
                address_type: "physical".into(),
            })
            .collect(),
        accessibility: opt_text(&l.accessibility, lang)
            .map(|d| HsdsAccessibility {
                id: derived_id(&l.id, "accessibility", 0),
                location_id: l.id.clone(),
                description: d,
            })
            .into_iter()
            .collect(),
    }
}

pub fn service_at_location_id(service_id: &str, location_id: &str) -> String {
    Uuid::new_v5(
        &Uuid::NAMESPACE_OID,
        format!("{service_id}@{location_id}").as_bytes(),
    )
    .to_string()
}

pub fn service_at_location(s: &Service, l: &Location, lang: Lang) -> HsdsServiceAtLocation {
    HsdsServiceAtLocation {
        id: service_at_location_id(&s.id, &l.id),
        service_id: s.id.clone(),
        location_id: l.id.clone(),
        location: location(l, lang),
    }
}

pub fn service(
    idx: &CatalogueIndex,
    s: &Service,
    lang: Lang,
    language_name: impl Fn(&str) -> String,
) -> HsdsService {
    let mut schedules = Vec::new();
    for sched in &s.schedules {
        for h in &sched.weekly {
            schedules.push(HsdsSchedule {
                id: derived_id(&s.id, "schedule", schedules.len()),
                service_id: s.id.clone(),
                location_id: h.location_id.clone(),
                freq: Some("WEEKLY".into()),
                byday: Some(
                    h.days
                        .iter()
                        .map(|d| d.as_str())
                        .collect::<Vec<_>>()
                        .join(","),
                ),
                opens_at: Some(h.opens_at.format("%H:%M").to_string()),
                closes_at: Some(h.closes_at.format("%H:%M").to_string()),
                valid_from: None,
                valid_to: None,
                description: None,
                notes: Some(sched.notes.get(lang).to_string()).filter(|s| !s.is_empty()),
            });
        }
        for x in &sched.exceptions {
            let date = x.date.to_string();
            schedules.push(HsdsSchedule {
                id: derived_id(&s.id, "schedule", schedules.len()),
                service_id: s.id.clone(),
                location_id: None,
                freq: None,
                byday: None,
                opens_at: x.opens_at.map(|t| t.format("%H:%M").to_string()),
                closes_at: x.closes_at.map(|t| t.format("%H:%M").to_string()),
                valid_from: Some(date.clone()),
                valid_to: Some(date),
                description: Some(match (x.opens_at, x.description.get(lang)) {
                    (None, "") => "closed".to_string(),
                    (None, d) => format!("closed: {d}"),
                    (Some(_), d) => d.to_string(),
                }),
                notes: None,
            });
        }
    }
    let mut attributes: Vec<HsdsAttribute> = TaxonomyKind::ALL
        .iter()
        .flat_map(|&kind| {
            s.terms(kind)
                .iter()
                .filter_map(move |code| idx.term(kind, code))
        })
        .enumerate()
        .map(|(n, t)| HsdsAttribute {
            id: derived_id(&s.id, "attribute", n),
            link_id: s.id.clone(),
            link_type: t.taxonomy.code().to_string(),
            link_entity: "service".into(),
            taxonomy_term_id: t.id.clone(),
            value: t.code.clone(),
            label: t.name.get(lang).to_string(),
            taxonomy_term: term(idx, t, lang),
        })
        .collect();
    attributes.extend(region_attributes(idx, s, lang));
    HsdsService {
        fields: service_fields(s, lang),
        phones: s
            .phones
            .iter()
            .enumerate()
            .map(|(n, p)| phone(&s.id, n, p, lang))
            .collect(),
        contacts: s
            .contacts
            .iter()
            .enumerate()
            .map(|(n, c)| contact(&s.id, n, c))
            .collect(),
        schedules,
        service_areas: s
            .service_areas
            .iter()
            .enumerate()
            .map(|(n, code)| {
                let (name, kind) = match (idx.areas.region(code), idx.areas.municipality(code)) {
                    (Some(r), _) => (r.name.get(lang).to_string(), r.kind.clone()),
                    (None, Some(m)) => (
                        m.names.exact(lang).unwrap_or(&m.name).to_string(),
                        "municipality".to_string(),
                    ),
                    _ => (code.clone(), "unknown".to_string()),
                };
                HsdsServiceArea {
                    id: derived_id(&s.id, "area", n),
                    service_id: s.id.clone(),
                    name,
                    description: code.clone(),
                    extent_type: kind,
                    extent: code.clone(),
                }
            })
            .collect(),
        service_at_locations: s
            .locations
            .iter()
            .filter_map(|id| idx.location(id))
            .map(|l| service_at_location(s, l, lang))
            .collect(),
        languages: s
            .languages
            .iter()
            .enumerate()
            .map(|(n, code)| HsdsLanguage {
                id: derived_id(&s.id, "language", n),
                service_id: s.id.clone(),
                name: language_name(code),
                code: code.clone(),
            })
            .collect(),
        attributes,
        organization: idx
            .organization(&s.organization_id)
            .map(|o| organization(o, lang)),
    }
}
