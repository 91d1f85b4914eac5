//! The catalogue index: an in-memory read model of the whole catalogue, rebuilt
//! from the database when the catalogue changes. Pages and the API read from it.
//!
//! Free-text search is multilingual by construction: every service is indexed
//! with its own text in all four languages *and* with the names and keywords of
//! its topics and target groups in all four languages, so "Steuer", "belasting",
//! "tax" and "impôt" all reach the services about tax.

use crate::area::Areas;
use crate::catalogue::*;
use crate::document::CatalogueDocument;
use crate::text::{Lang, Text};
use chrono::{DateTime, Utc};
use std::collections::HashMap;

/// What a visitor or API client asks for. All filters are optional and combine with AND.
#[derive(Debug, Clone, Default)]
pub struct SearchQuery {
    pub text: Option<String>,
    pub topic: Option<String>,
    pub target_group: Option<String>,
    pub channel: Option<String>,
    /// ISO 639-1 code of a language the service must be given in.
    pub language: Option<String>,
    /// A municipality, region or country code; matches services whose area overlaps it.
    pub area: Option<String>,
    pub organization_id: Option<Id>,
    pub taxonomy_term_id: Option<Id>,
    pub taxonomy: Option<TaxonomyKind>,
    pub modified_after: Option<DateTime<Utc>>,
    /// Leave out inactive and defunct services (public pages do, the API does not).
    pub active_only: bool,
}

/// Field weights: a hit in a name or in a topic counts more than one in a description.
const W_NAME: u8 = 3;
const W_TERM: u8 = 3;
const W_KEYWORD: u8 = 2;
const W_BODY: u8 = 1;

const STOPWORDS: &[&str] = &[
    "de", "het", "een", "en", "van", "voor", "in", "op", "met", "ik", "mijn", "te", "the", "a",
    "an", "and", "of", "for", "to", "my", "on", "with", "der", "die", "das", "und", "für", "im",
    "ein", "eine", "mit", "zu", "le", "la", "les", "des", "du", "et", "pour", "un", "une", "au",
    "aux", "dans", "mon", "ma",
];

pub struct CatalogueIndex {
    pub taxonomies: Vec<Taxonomy>,
    pub terms: Vec<TaxonomyTerm>,
    pub organizations: Vec<Organization>,
    pub locations: Vec<Location>,
    pub services: Vec<Service>,
    pub areas: Areas,
    org_by_id: HashMap<Id, usize>,
    service_by_id: HashMap<Id, usize>,
    location_by_id: HashMap<Id, usize>,
    term_by_id: HashMap<Id, usize>,
    term_by_code: HashMap<(TaxonomyKind, String), usize>,
    /// Sorted vocabulary with, per token, the services containing it and the best field weight.
    vocabulary: Vec<(String, Vec<(u32, u8)>)>,
    /// The document as loaded, kept for export.
    regions_and_municipalities: (Vec<crate::area::Region>, Vec<crate::area::Municipality>),
}

impl CatalogueIndex {
    pub fn build(doc: CatalogueDocument) -> Self {
        let doc = doc.normalized();
        let areas = doc.areas();
        let index_of = |ids: Vec<&String>| -> HashMap<Id, usize> {
            ids.into_iter()
                .enumerate()
                .map(|(i, id)| (id.clone(), i))
                .collect()
        };
        let org_by_id = index_of(doc.organizations.iter().map(|o| &o.id).collect());
        let service_by_id = index_of(doc.services.iter().map(|s| &s.id).collect());
        let location_by_id = index_of(doc.locations.iter().map(|l| &l.id).collect());
        let term_by_id = index_of(doc.taxonomy_terms.iter().map(|t| &t.id).collect());
        let term_by_code = doc
            .taxonomy_terms
            .iter()
            .enumerate()
            .map(|(i, t)| ((t.taxonomy, t.code.clone()), i))
            .collect();
        let mut me = CatalogueIndex {
            taxonomies: doc.taxonomies,
            terms: doc.taxonomy_terms,
            organizations: doc.organizations,
            locations: doc.locations,
            services: doc.services,
            areas,
            org_by_id,
            service_by_id,
            location_by_id,
            term_by_id,
            term_by_code,
            vocabulary: Vec::new(),
            regions_and_municipalities: (doc.regions, doc.municipalities),
        };
        me.vocabulary = me.build_vocabulary();
        me
    }

    fn build_vocabulary(&self) -> Vec<(String, Vec<(u32, u8)>)> {
        let mut postings: HashMap<String, HashMap<u32, u8>> = HashMap::new();
        for (i, s) in self.services.iter().enumerate() {
            let i = i as u32;
            let mut add = |text: &str, weight: u8| {
                for token in tokens(text) {
                    let best = postings.entry(token).or_default().entry(i).or_insert(0);
                    *best = (*best).max(weight);
                }
            };
            let all = |t: &Text| t.all().collect::<Vec<_>>().join(" ");
            add(&all(&s.name), W_NAME);
            add(s.alternate_name.as_deref().unwrap_or(""), W_NAME);
            if let Some(o) = self.organization(&s.organization_id) {
                add(&o.name, W_NAME);
                add(o.alternate_name.as_deref().unwrap_or(""), W_NAME);
            }
            for kind in [TaxonomyKind::Topic, TaxonomyKind::TargetGroup] {
                for code in s.terms(kind) {
                    if let Some(t) = self.term(kind, code) {
                        add(&all(&t.name), W_TERM);
                        add(&t.keywords, W_KEYWORD);
                    }
                }
            }
            add(&all(&s.description), W_BODY);
            for t in [&s.eligibility, &s.application_process]
                .into_iter()
                .flatten()
            {
                add(&all(t), W_BODY);
            }
        }
        let mut vocabulary: Vec<_> = postings
            .into_iter()
            .map(|(t, p)| (t, p.into_iter().collect::<Vec<_>>()))
            .collect();
        vocabulary.sort_by(|a, b| a.0.cmp(&b.0));
        vocabulary
    }

    pub fn document(&self) -> CatalogueDocument {
        CatalogueDocument {
            format: crate::document::FORMAT.into(),
            version: crate::document::VERSION,
            about: None,
            taxonomies: self.taxonomies.clone(),
            taxonomy_terms: self.terms.clone(),
            regions: self.regions_and_municipalities.0.clone(),
            municipalities: self.regions_and_municipalities.1.clone(),
            organizations: self.organizations.clone(),
            locations: self.locations.clone(),
            services: self.services.clone(),
        }
    }

    pub fn organization(&self, id: &str) -> Option<&Organization> {
        self.org_by_id.get(id).map(|&i| &self.organizations[i])
    }
    pub fn service(&self, id: &str) -> Option<&Service> {
        self.service_by_id.get(id).map(|&i| &self.services[i])
    }
    pub fn location(&self, id: &str) -> Option<&Location> {
        self.location_by_id.get(id).map(|&i| &self.locations[i])
    }
    pub fn term(&self, kind: TaxonomyKind, code: &str) -> Option<&TaxonomyTerm> {
        self.term_by_code
            .get(&(kind, code.to_string()))
            .map(|&i| &self.terms[i])
    }
    pub fn term_by_id(&self, id: &str) -> Option<&TaxonomyTerm> {
        self.term_by_id.get(id).map(|&i| &self.terms[i])
    }
    pub fn terms_of(&self, kind: TaxonomyKind) -> impl Iterator<Item = &TaxonomyTerm> {
        self.terms.iter().filter(move |t| t.taxonomy == kind)
    }
    pub fn services_of(&self, org_id: &str) -> impl Iterator<Item = &Service> {
        self.services
            .iter()
            .filter(move |s| s.organization_id == org_id)
    }
    pub fn organization_count(&self) -> usize {
        self.organizations.len()
    }

    /// The languages services are offered in, as ISO 639-1 codes, sorted.
    pub fn service_languages(&self) -> Vec<String> {
        let mut all: Vec<String> = self
            .services
            .iter()
            .flat_map(|s| s.languages.iter().cloned())
            .collect();
        all.sort();
        all.dedup();
        all
    }

    /// Services matching the query, best first. With free text, only services
    /// that match at least one word; ties and text-less queries are ordered with
    /// first-line services first, then by name in `lang`.
    pub fn search(&self, q: &SearchQuery, lang: Lang) -> Vec<&Service> {
        let scores = q.text.as_deref().map(|t| self.text_scores(t));
        let mut hits: Vec<(f32, &Service)> = Vec::new();
        for (i, s) in self.services.iter().enumerate() {
            if !self.passes_filters(s, q) {
                continue;
            }
            let line = match s.line {
                ServiceLine::First => 1.0,
                ServiceLine::Second => 0.6,
            };
            let score = match &scores {
                Some(scores) => match scores.get(&(i as u32)) {
                    Some(score) => score * line,
                    None => continue,
                },
                None => line,
            };
            hits.push((score, s));
        }
        hits.sort_by(|a, b| {
            b.0.total_cmp(&a.0)
                .then_with(|| a.1.name.get(lang).cmp(b.1.name.get(lang)))
        });
        hits.into_iter().map(|(_, s)| s).collect()
    }

    fn passes_filters(&self, s: &Service, q: &SearchQuery) -> bool {
        let has = |list: &[String], want: &Option<String>| {
            want.as_ref().is_none_or(|w| list.iter().any(|x| x == w))
        };
        if q.active_only
            && !matches!(
                s.status,
                ServiceStatus::Active | ServiceStatus::TemporarilyClosed
            )
        {
            return false;
        }
        if !has(&s.topics, &q.topic)
            || !has(&s.target_groups, &q.target_group)
            || !has(&s.channels, &q.channel)
            || !has(&s.languages, &q.language)
        {
            return false;
        }
        if q.organization_id
            .as_ref()
            .is_some_and(|o| *o != s.organization_id)
        {
            return false;
        }
        if let Some(place) = &q.area {
            if !s
                .service_areas
                .iter()
                .any(|a| self.areas.overlaps(a, place))
            {
                return false;
            }
        }
        if let Some(term) = q
            .taxonomy_term_id
            .as_deref()
            .and_then(|id| self.term_by_id(id))
        {
            if !s.terms(term.taxonomy).contains(&term.code) {
                return false;
            }
        } else if q.taxonomy_term_id.is_some() {
            return false;
        }
        if let Some(kind) = q.taxonomy {
            if s.terms(kind).is_empty() {
                return false;
            }
        }
        if q.modified_after.is_some_and(|t| s.last_modified < t) {
            return false;
        }
        true
    }

    /// Per service, the sum over query words of the best weighted match.
    fn text_scores(&self, text: &str) -> HashMap<u32, f32> {
        let mut total: HashMap<u32, f32> = HashMap::new();
        for word in tokens(text) {
            if STOPWORDS.contains(&word.as_str()) {
                continue;
            }
            let mut best: HashMap<u32, f32> = HashMap::new();
            for (token, postings) in self.matching_tokens(&word) {
                let closeness = if *token == word {
                    1.0
                } else if token.starts_with(word.as_str()) {
                    0.8
                } else {
                    0.6
                };
                for &(service, weight) in postings {
                    let score = f32::from(weight) * closeness;
                    let entry = best.entry(service).or_insert(0.0);
                    *entry = entry.max(score);
                }
            }
            for (service, score) in best {
                *total.entry(service).or_insert(0.0) += score;
            }
        }
        total
    }

    /// Vocabulary tokens equal to `word`, starting with it (3+ letters), or
    /// containing it (5+ letters, for Dutch and German compounds).
    fn matching_tokens<'a>(
        &'a self,
        word: &'a str,
    ) -> impl Iterator<Item = &'a (String, Vec<(u32, u8)>)> + 'a {
        let chars = word.chars().count();
        let start = self.vocabulary.partition_point(|(t, _)| t.as_str() < word);
        let prefix = self.vocabulary[start..]
            .iter()
            .take_while(move |(t, _)| t.starts_with(word) && (chars >= 3 || t == word));
        let infix = self
            .vocabulary
            .iter()
            .filter(move |(t, _)| chars >= 5 && !t.starts_with(word) && t.contains(word));
        prefix.chain(infix)
    }
}

/// Lowercased, accent-folded words.
pub fn tokens(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(fold)
        .filter(|w| w.chars().count() >= 2)
}

fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars().flat_map(char::to_lowercase) {
        match c {
            'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => out.push('a'),
            'ç' => out.push('c'),
            'è' | 'é' | 'ê' | 'ë' => out.push('e'),
            'ì' | 'í' | 'î' | 'ï' => out.push('i'),
            'ñ' => out.push('n'),
            'ò' | 'ó' | 'ô' | 'ö' | 'õ' => out.push('o'),
            'ù' | 'ú' | 'û' | 'ü' => out.push('u'),
            'ÿ' => out.push('y'),
            'ß' => out.push_str("ss"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seed() -> CatalogueIndex {
        let doc = CatalogueDocument::parse(include_str!("../../../seed/limburg-catalogue.json"))
            .unwrap_or_else(|e| panic!("{e:?}"));
        CatalogueIndex::build(doc)
    }

    fn org_of<'a>(idx: &'a CatalogueIndex, s: &Service) -> &'a str {
        idx.organization(&s.organization_id)
            .map(|o| o.key.as_str())
            .unwrap_or("")
    }

    #[test]
    fn tax_words_in_any_language_find_border_info_points_first() {
        let idx = seed();
        for word in ["Steuer", "belasting", "tax", "impôt", "Steuererklärung"] {
            let hits = idx.search(
                &SearchQuery {
                    text: Some(word.into()),
                    ..Default::default()
                },
                Lang::Nl,
            );
            assert!(hits.len() >= 2, "{word}");
            let first = org_of(&idx, hits[0]);
            assert!(first.starts_with("gip-"), "{word}: first hit is {first}");
        }
    }

    #[test]
    fn area_filter_keeps_services_that_cover_the_place() {
        let idx = seed();
        let q = SearchQuery {
            area: Some("DE05334002".into()),
            ..Default::default()
        }; // Aachen
        let hits = idx.search(&q, Lang::De);
        assert!(hits.iter().any(|s| s.key == "gip-aachen-advice"));
        assert!(
            !hits.iter().any(|s| s.key == "vdab-jobs"),
            "VDAB serves Belgian Limburg only"
        );
        let q = SearchQuery {
            area: Some("parkstad".into()),
            topic: Some("recruitment".into()),
            ..Default::default()
        };
        let keys: Vec<_> = idx
            .search(&q, Lang::Nl)
            .iter()
            .map(|s| s.key.as_str())
            .collect();
        assert!(keys.contains(&"wsp-parkstad-services"), "{keys:?}");
        assert!(!keys.contains(&"wsp-ml-services"), "{keys:?}");
    }

    #[test]
    fn filters_combine() {
        let idx = seed();
        let q = SearchQuery {
            language: Some("pl".into()),
            target_group: Some("labour-migrant".into()),
            ..Default::default()
        };
        let hits = idx.search(&q, Lang::En);
        assert!(!hits.is_empty());
        assert!(hits.iter().all(|s| s.languages.contains(&"pl".to_string())
            && s.target_groups.contains(&"labour-migrant".to_string())));
    }

    #[test]
    fn nonsense_finds_nothing() {
        let idx = seed();
        let hits = idx.search(
            &SearchQuery {
                text: Some("xyzzyq".into()),
                ..Default::default()
            },
            Lang::Nl,
        );
        assert!(hits.is_empty());
    }
}
