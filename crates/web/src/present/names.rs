//! Names from the catalogue in the visitor's language: taxonomy terms, areas,
//! municipalities, channels and languages.

use crate::present::Tr;
use loket_domain::search::CatalogueIndex;
use loket_domain::{Lang, Service, TaxonomyKind};

pub(crate) fn term_name(
    idx: &CatalogueIndex,
    kind: TaxonomyKind,
    code: &str,
    lang: Lang,
) -> String {
    idx.term(kind, code)
        .map(|t| t.name.get(lang).to_string())
        .unwrap_or_else(|| code.to_string())
}

pub(crate) fn area_name(idx: &CatalogueIndex, code: &str, lang: Lang) -> String {
    if let Some(r) = idx.areas.region(code) {
        return r.name.get(lang).to_string();
    }
    idx.areas
        .municipality(code)
        .map(|m| municipality_name(m, lang))
        .unwrap_or_else(|| code.to_string())
}

pub(crate) fn municipality_name(m: &loket_domain::area::Municipality, lang: Lang) -> String {
    m.names.exact(lang).unwrap_or(&m.name).to_string()
}

/// The service's channels that a contact stands behind, in words, comma-separated.
pub(crate) fn channel_names(idx: &CatalogueIndex, tr: &Tr, s: &Service) -> String {
    loket_domain::reach::Reach::of(idx, s)
        .channels(s)
        .map(|c| term_name(idx, TaxonomyKind::Channel, c, tr.lang))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The same, one name per channel (for tags).
pub(crate) fn channel_list(idx: &CatalogueIndex, tr: &Tr, s: &Service) -> Vec<String> {
    loket_domain::reach::Reach::of(idx, s)
        .channels(s)
        .map(|c| term_name(idx, TaxonomyKind::Channel, c, tr.lang))
        .collect()
}

/// The groups a service is meant for, in words.
pub(crate) fn group_list(idx: &CatalogueIndex, tr: &Tr, s: &Service) -> Vec<String> {
    s.target_groups
        .iter()
        .map(|c| term_name(idx, TaxonomyKind::TargetGroup, c, tr.lang))
        .collect()
}

/// The languages the service is given in, one name each (for tags).
pub(crate) fn language_list(tr: &Tr, s: &Service) -> Vec<String> {
    s.languages.iter().map(|c| language_name(tr, c)).collect()
}

/// The languages the service is given in, in words, comma-separated.
pub(crate) fn language_names(tr: &Tr, s: &Service) -> String {
    s.languages
        .iter()
        .map(|c| language_name(tr, c))
        .collect::<Vec<_>>()
        .join(", ")
}

pub(crate) fn language_name(tr: &Tr, code: &str) -> String {
    let key = format!("language-{code}");
    let name = tr.t(&key);
    if name == key { code.to_string() } else { name }
}

pub struct Link {
    pub href: String,
    pub label: String,
}
