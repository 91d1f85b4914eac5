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
use crate::lexicon::Lexicon;
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

/// Field weights: a hit in a name or in a topic counts more than one in a
/// description, and a topic counts more for a service about few topics (the
/// service dedicated to a question above general advice that covers it too).
const W_NAME: u8 = 12;
const W_TERM: u8 = 12;
const W_KEYWORD: u8 = 8;
const W_ORGANIZATION: u8 = 6;
const W_BODY: u8 = 4;

/// A topic's weight for a service about `topics` topics.
fn focused(weight: u8, topics: usize) -> u8 {
    match topics {
        0..=2 => weight,
        3..=5 => weight * 3 / 4,
        _ => weight / 2,
    }
}

/// How much a vocabulary word counts for a query word: the same word fully,
/// another form of it (same stem, or the word continued) nearly, a word with a
/// typing error less.
const SAME: f32 = 1.0;
const SAME_STEM: f32 = 0.9;
const CONTINUED: f32 = 0.8;
const INSIDE: f32 = 0.6;
const ONE_ERROR: f32 = 0.7;
const TWO_ERRORS: f32 = 0.5;

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
    /// The labour-market regions and which places belong to which.
    pub regions: crate::region::RegionDirectory,
    org_by_id: HashMap<Id, usize>,
    service_by_id: HashMap<Id, usize>,
    location_by_id: HashMap<Id, usize>,
    term_by_id: HashMap<Id, usize>,
    term_by_code: HashMap<(TaxonomyKind, String), usize>,
    /// Sorted vocabulary with, per token, the services containing it and the best field weight.
    vocabulary: Vec<(String, Vec<(u32, u8)>)>,
    /// Stems and typo tolerance over the vocabulary.
    lexicon: Lexicon,
    /// Per service, its filterable facts as bit sets and small ids (filters are bit tests).
    facets: Vec<Facets>,
    term_bits: HashMap<(TaxonomyKind, String), u64>,
    language_bits: HashMap<String, u64>,
    area_ids: HashMap<String, u16>,
    area_codes: Vec<String>,
    area_locality: Vec<u8>,
    /// Per interface language: service indices in browsing order (first line first, then by name).
    order: [Vec<u32>; 4],
    /// The inverse of `order`: a service's position, to break ties between equal scores.
    rank: [Vec<u32>; 4],
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
        let regions = crate::region::RegionDirectory::with_services(
            doc.labour_market_regions,
            &doc.services,
            &areas,
        );
        let mut me = CatalogueIndex {
            taxonomies: doc.taxonomies,
            terms: doc.taxonomy_terms,
            organizations: doc.organizations,
            locations: doc.locations,
            services: doc.services,
            areas,
            regions,
            org_by_id,
            service_by_id,
            location_by_id,
            term_by_id,
            term_by_code,
            vocabulary: Vec::new(),
            lexicon: Lexicon::build(std::iter::empty()),
            facets: Vec::new(),
            term_bits: HashMap::new(),
            language_bits: HashMap::new(),
            area_ids: HashMap::new(),
            area_codes: Vec::new(),
            area_locality: Vec::new(),
            order: Default::default(),
            rank: Default::default(),
            regions_and_municipalities: (doc.regions, doc.municipalities),
        };
        me.vocabulary = me.build_vocabulary();
        me.lexicon = Lexicon::build(me.vocabulary.iter().map(|(w, _)| w.as_str()));
        me.build_facets();
        me.build_order();
        me
    }

    fn build_facets(&mut self) {
        for kind in TaxonomyKind::ALL {
            let codes: Vec<String> = self.terms_of(kind).map(|t| t.code.clone()).collect();
            for (bit, code) in codes.into_iter().enumerate().take(64) {
                self.term_bits.insert((kind, code), 1u64 << bit);
            }
        }
        for (bit, code) in self.service_languages().into_iter().enumerate().take(64) {
            self.language_bits.insert(code, 1u64 << bit);
        }
        self.area_codes = self
            .areas
            .regions()
            .map(|r| r.code.clone())
            .chain(self.areas.municipalities().map(|m| m.code.clone()))
            .collect();
        self.area_ids = self
            .area_codes
            .iter()
            .enumerate()
            .map(|(i, c)| (c.clone(), i as u16))
            .collect();
        self.area_locality = self
            .area_codes
            .iter()
            .map(|c| match self.areas.region(c).map(|r| r.kind.as_str()) {
                None | Some("sub-region") => 3,
                Some("labour-market-region" | "district" | "community") => 2,
                Some(_) => 1,
            })
            .collect();
        let area_country = |code: &String, me: &Self| {
            let country = me
                .areas
                .municipality(code)
                .map(|m| m.country.as_str())
                .or_else(|| me.areas.region(code).map(|r| r.country.as_str()));
            country.map(country_bit).unwrap_or(0)
        };
        let bits = |kind: TaxonomyKind, codes: &[String], me: &Self| {
            codes
                .iter()
                .filter_map(|c| me.term_bits.get(&(kind, c.clone())))
                .fold(0u64, |a, b| a | b)
        };
        self.facets = self
            .services
            .iter()
            .map(|s| Facets {
                topics: bits(TaxonomyKind::Topic, &s.topics, self),
                groups: bits(TaxonomyKind::TargetGroup, &s.target_groups, self),
                channels: bits(TaxonomyKind::Channel, &s.channels, self),
                languages: s
                    .languages
                    .iter()
                    .filter_map(|l| self.language_bits.get(l))
                    .fold(0, |a, b| a | b),
                areas: s
                    .service_areas
                    .iter()
                    .filter_map(|a| self.area_ids.get(a).copied())
                    .collect(),
                countries: s
                    .service_areas
                    .iter()
                    .map(|a| area_country(a, self))
                    .fold(0, |x, y| x | y),
                active: matches!(
                    s.status,
                    ServiceStatus::Active | ServiceStatus::TemporarilyClosed
                ),
            })
            .collect();
    }

    fn build_order(&mut self) {
        for lang in Lang::FULL {
            let mut order: Vec<u32> = (0..self.services.len() as u32).collect();
            let services = &self.services;
            order.sort_by(|&a, &b| {
                let (a, b) = (&services[a as usize], &services[b as usize]);
                (a.line == ServiceLine::Second)
                    .cmp(&(b.line == ServiceLine::Second))
                    .then_with(|| a.name.get(lang).cmp(b.name.get(lang)))
            });
            let mut rank = vec![0u32; order.len()];
            for (pos, &i) in order.iter().enumerate() {
                rank[i as usize] = pos as u32;
            }
            self.order[lang_slot(lang)] = order;
            self.rank[lang_slot(lang)] = rank;
        }
    }

    fn build_vocabulary(&self) -> Vec<(String, Vec<(u32, u8)>)> {
        // Services are visited in order, so a token's postings for the current
        // service, if any, are always its last entry.
        let mut postings: HashMap<String, Vec<(u32, u8)>> = HashMap::new();
        for (i, s) in self.services.iter().enumerate() {
            let i = i as u32;
            let mut add = |text: &str, weight: u8| {
                for token in tokens(text) {
                    let list = postings.entry(token).or_default();
                    match list.last_mut() {
                        Some((service, best)) if *service == i => *best = (*best).max(weight),
                        _ => list.push((i, weight)),
                    }
                }
            };
            let all = |t: &Text| t.all().collect::<Vec<_>>().join(" ");
            add(&all(&s.name), W_NAME);
            add(s.alternate_name.as_deref().unwrap_or(""), W_NAME);
            if let Some(o) = self.organization(&s.organization_id) {
                add(&o.name, W_ORGANIZATION);
                add(o.alternate_name.as_deref().unwrap_or(""), W_ORGANIZATION);
            }
            for kind in [TaxonomyKind::Topic, TaxonomyKind::TargetGroup] {
                let count = s.terms(kind).len();
                for code in s.terms(kind) {
                    if let Some(t) = self.term(kind, code) {
                        add(&all(&t.name), focused(W_TERM, count));
                        add(&t.keywords, focused(W_KEYWORD, count));
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
        let mut vocabulary: Vec<_> = postings.into_iter().collect();
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
            labour_market_regions: self.regions.all().to_vec(),
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
    pub fn services(&self) -> &[Service] {
        &self.services
    }
    pub fn organizations(&self) -> &[Organization] {
        &self.organizations
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

    /// Indices of the services passing the query's filters (its text is ignored),
    /// in catalogue order. For engines that rank by their own rules.
    pub fn filter_indices(&self, q: &SearchQuery) -> Vec<usize> {
        let Some(filter) = self.compile(q) else {
            return Vec::new();
        };
        (0..self.services.len())
            .filter(|&i| self.passes(i, &filter))
            .collect()
    }

    /// Per area id, whether that area overlaps `place` (a region, country or
    /// municipality code); `None` for an unknown place.
    pub fn overlap_mask(&self, place: &str) -> Option<Vec<bool>> {
        self.areas.is_known(place).then(|| {
            self.area_codes
                .iter()
                .map(|a| self.areas.overlaps(a, place))
                .collect()
        })
    }

    /// The area ids of service `i` (indices into [`Self::overlap_mask`]).
    pub fn service_area_ids(&self, i: usize) -> &[u16] {
        &self.facets[i].areas
    }

    /// The countries service `i` serves, as [`country_bit`]s.
    pub fn service_countries(&self, i: usize) -> u8 {
        self.facets[i].countries
    }

    /// The code of area id `id`.
    pub fn area_code(&self, id: u16) -> &str {
        &self.area_codes[id as usize]
    }

    /// How local an area is: 3 for a municipality or sub-region, 2 for a
    /// labour-market region, district or community, 1 for a province or country.
    pub fn area_locality(&self, id: u16) -> u8 {
        self.area_locality[id as usize]
    }

    /// Services matching the query, best first. With free text, only services
    /// that match at least one word, by score; first-line services weigh more.
    /// Without text, and between equal scores: first line first, then by name in `lang`.
    pub fn search(&self, q: &SearchQuery, lang: Lang) -> Vec<&Service> {
        let Some(filter) = self.compile(q) else {
            return Vec::new(); // a filter names something that does not exist
        };
        let slot = lang_slot(lang);
        match q.text.as_deref() {
            None => self.order[slot]
                .iter()
                .map(|&i| i as usize)
                .filter(|&i| self.passes(i, &filter))
                .map(|i| &self.services[i])
                .collect(),
            Some(text) => {
                let scores = self.text_scores(text);
                let mut hits: Vec<(f32, u32)> = scores
                    .iter()
                    .enumerate()
                    .filter(|&(i, &score)| score > 0.0 && self.passes(i, &filter))
                    .map(|(i, &score)| {
                        let line = if self.services[i].line == ServiceLine::Second {
                            0.6
                        } else {
                            1.0
                        };
                        (score * line, i as u32)
                    })
                    .collect();
                let rank = &self.rank[slot];
                hits.sort_by(|a, b| {
                    b.0.total_cmp(&a.0)
                        .then_with(|| rank[a.1 as usize].cmp(&rank[b.1 as usize]))
                });
                hits.into_iter()
                    .map(|(_, i)| &self.services[i as usize])
                    .collect()
            }
        }
    }

    /// Turns the query's filters into bit masks and area ids; `None` when a
    /// filter cannot match anything.
    fn compile(&self, q: &SearchQuery) -> Option<Filter> {
        let term = |kind: TaxonomyKind, code: &Option<String>| -> Option<u64> {
            match code {
                None => Some(0),
                Some(c) => self.term_bits.get(&(kind, c.clone())).copied(),
            }
        };
        let mut f = Filter {
            topics: term(TaxonomyKind::Topic, &q.topic)?,
            groups: term(TaxonomyKind::TargetGroup, &q.target_group)?,
            channels: term(TaxonomyKind::Channel, &q.channel)?,
            languages: match &q.language {
                None => 0,
                Some(l) => *self.language_bits.get(l)?,
            },
            areas: None,
            any_of_kind: None,
            active_only: q.active_only,
            organization_id: q.organization_id.clone(),
            modified_after: q.modified_after,
        };
        if let Some(id) = &q.taxonomy_term_id {
            let t = self.term_by_id(id)?;
            let bit = *self.term_bits.get(&(t.taxonomy, t.code.clone()))?;
            match t.taxonomy {
                TaxonomyKind::Topic => f.topics |= bit,
                TaxonomyKind::TargetGroup => f.groups |= bit,
                TaxonomyKind::Channel => f.channels |= bit,
            }
        }
        f.any_of_kind = q.taxonomy;
        if let Some(place) = &q.area {
            if !self.areas.is_known(place) {
                return None;
            }
            f.areas = Some(
                self.area_codes
                    .iter()
                    .map(|a| self.areas.overlaps(a, place))
                    .collect(),
            );
        }
        Some(f)
    }

    fn passes(&self, i: usize, f: &Filter) -> bool {
        let x = &self.facets[i];
        if (f.active_only && !x.active)
            || x.topics & f.topics != f.topics
            || x.groups & f.groups != f.groups
            || x.channels & f.channels != f.channels
        {
            return false;
        }
        if x.languages & f.languages != f.languages {
            return false;
        }
        if let Some(overlapping) = &f.areas
            && !x.areas.iter().any(|&a| overlapping[a as usize])
        {
            return false;
        }
        if let Some(kind) = f.any_of_kind {
            let mask = match kind {
                TaxonomyKind::Topic => x.topics,
                TaxonomyKind::TargetGroup => x.groups,
                TaxonomyKind::Channel => x.channels,
            };
            if mask == 0 {
                return false;
            }
        }
        let s = &self.services[i];
        if f.organization_id
            .as_ref()
            .is_some_and(|o| *o != s.organization_id)
        {
            return false;
        }
        f.modified_after.is_none_or(|t| s.last_modified >= t)
    }

    /// Per service (dense, by index), the sum over query words of the best weighted match.
    fn text_scores(&self, text: &str) -> Vec<f32> {
        let n = self.services.len();
        let mut total = vec![0.0f32; n];
        let mut best = vec![0.0f32; n];
        for word in tokens(text) {
            if STOPWORDS.contains(&word.as_str()) {
                continue;
            }
            best.iter_mut().for_each(|b| *b = 0.0);
            let mut credit = |postings: &[(u32, u8)], closeness: f32| {
                for &(service, weight) in postings {
                    let b = &mut best[service as usize];
                    *b = b.max(f32::from(weight) * closeness);
                }
            };
            for (token, postings) in self.matching_tokens(&word) {
                let closeness = if *token == word {
                    SAME
                } else if token.starts_with(word.as_str()) {
                    CONTINUED
                } else {
                    INSIDE
                };
                credit(postings, closeness);
            }
            for place in self.lexicon.same_stem(&word) {
                let (token, postings) = &self.vocabulary[place as usize];
                // Continuations were credited above; most forms of a word are both.
                if !token.starts_with(word.as_str()) {
                    credit(postings, SAME_STEM);
                }
            }
            // A word the catalogue has is no typo; only unknown words are corrected.
            if !self.lexicon.contains(&word) {
                for near in self.lexicon.near(&word) {
                    let closeness = if near.errors <= 1 {
                        ONE_ERROR
                    } else {
                        TWO_ERRORS
                    };
                    credit(&self.vocabulary[near.place as usize].1, closeness);
                }
            }
            total.iter_mut().zip(&best).for_each(|(t, b)| *t += b);
        }
        total
    }

    /// The query with each word the catalogue does not know replaced by the
    /// nearest one it does ("belastng" → "belasting"); `None` when nothing changes.
    pub fn did_you_mean(&self, text: &str) -> Option<String> {
        let mut changed = false;
        let words: Vec<String> = tokens(text)
            .map(|word| {
                let known = STOPWORDS.contains(&word.as_str())
                    || self.matching_tokens(&word).next().is_some()
                    || !self.lexicon.same_stem(&word).is_empty();
                if known {
                    return word;
                }
                let best = self.lexicon.near(&word).into_iter().min_by_key(|n| {
                    let uses = self.vocabulary[n.place as usize].1.len();
                    (n.errors, std::cmp::Reverse(uses))
                });
                match best {
                    Some(n) => {
                        changed = true;
                        self.vocabulary[n.place as usize].0.clone()
                    }
                    None => word,
                }
            })
            .collect();
        changed.then(|| words.join(" "))
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

/// The filterable facts of one service.
struct Facets {
    topics: u64,
    groups: u64,
    channels: u64,
    languages: u64,
    areas: Vec<u16>,
    /// The countries its areas lie in, as [`country_bit`]s.
    countries: u8,
    active: bool,
}

/// A country as a bit: NL 1, DE 2, BE 4; 0 for anything else.
pub fn country_bit(code: &str) -> u8 {
    match code {
        "NL" => 1,
        "DE" => 2,
        "BE" => 4,
        _ => 0,
    }
}

/// A query's filters, compiled against the index.
struct Filter {
    topics: u64,
    groups: u64,
    channels: u64,
    languages: u64,
    /// Per area id: whether it overlaps the place asked for.
    areas: Option<Vec<bool>>,
    any_of_kind: Option<TaxonomyKind>,
    active_only: bool,
    organization_id: Option<Id>,
    modified_after: Option<DateTime<Utc>>,
}

fn lang_slot(lang: Lang) -> usize {
    match lang {
        Lang::Nl => 0,
        Lang::En => 1,
        Lang::De => 2,
        Lang::Fr => 3,
        // Browsing order by English name until the labour migrants' languages have their own names.
        Lang::Pl | Lang::Ro | Lang::Bg => 1,
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
            // Romanian and Polish, so "locuinta" finds "locuință" and "zasilek" "zasiłek".
            'ă' | 'ą' => out.push('a'),
            'ș' | 'ş' | 'ś' => out.push('s'),
            'ț' | 'ţ' => out.push('t'),
            'ę' => out.push('e'),
            'ł' => out.push('l'),
            'ć' => out.push('c'),
            'ń' => out.push('n'),
            'ż' | 'ź' => out.push('z'),
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
