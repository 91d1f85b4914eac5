//! Ranks services by fit with a visitor's answers and explains each result.
//!
//! Rules, in order:
//! 1. A service must be active, be meant for the visitor's target group, be about
//!    the visitor's topic, and serve at least one of the visitor's places (where
//!    they live, work, or where the company is). These are filters.
//! 2. Points for fit: the topic is one of few the service is about; the service
//!    serves both places (and exactly the countries involved, for cross-border
//!    situations, while a cross-border service counts less for someone who stays
//!    in one country); its area is local; it speaks a language the visitor speaks; it
//!    offers the preferred channel; it gives first-line personal advice; and a few
//!    domain rules (unemployment benefit comes from the country of residence; EU
//!    citizens register rather than apply for a permit).
//! 3. Ties are broken by the service's key, so the order is stable.
//! 4. Never empty: with no fit, the regional generalist (the work centre) for the
//!    visitor's region, or the nearest one, with an honest explanation.

use crate::answers::{Answers, Place};
use loket_domain::area::Point;
use loket_domain::search::CatalogueIndex;
use loket_domain::{Service, ServiceLine, ServiceStatus};
use std::collections::BTreeSet;

/// Why a service was chosen; the web tier turns each into a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// Meant for this target group.
    TargetGroup(String),
    /// About this topic; `focused` when it is one of at most two topics of the service.
    Topic { code: String, focused: bool },
    /// Serves where the visitor lives and where they work.
    ServesBoth { live: String, work: String },
    /// Serves where the visitor lives.
    ServesLive(String),
    /// Serves where the visitor works or wants to work.
    ServesWork(String),
    /// Serves where the company is.
    ServesCompany(String),
    /// Serves the country the employer recruits in.
    ServesStaffCountry(String),
    /// Made for exactly this border: the countries of the visitor's situation.
    Border(Vec<String>),
    /// Speaks these of the visitor's languages.
    Language(Vec<String>),
    /// Offers the channel the visitor prefers.
    Channel(String),
    /// Gives personal first-line advice.
    FirstLine,
    /// Unemployment benefit is paid by the country where you live.
    ResidenceCountryPays,
    /// EU/EEA/Swiss citizens need no residence permit; registration is what counts.
    EuNoPermitNeeded,
    /// Nothing specific fits: the regional generalist helps further.
    Generalist,
}

#[derive(Debug, Clone)]
pub struct Routed<'a> {
    pub service: &'a Service,
    pub score: i32,
    pub reasons: Vec<Reason>,
}

#[derive(Debug, Clone)]
pub struct Routing<'a> {
    /// Best first; never empty for a catalogue with at least one active service.
    pub results: Vec<Routed<'a>>,
    /// Nothing specific fitted: the results are the generalist fallback.
    pub fell_back: bool,
}

/// The visitor's places with their roles.
struct Situation<'a> {
    live: Option<&'a str>,
    work: Option<&'a str>,
    company: Option<&'a str>,
    staff_country: Option<&'a str>,
    countries: BTreeSet<String>,
}

impl<'a> Situation<'a> {
    fn of(a: &'a Answers, idx: &CatalogueIndex) -> Self {
        let code = |p: &'a Option<Place>| p.as_ref().and_then(Place::code);
        let staff_country = a
            .staff_from
            .as_deref()
            .filter(|c| ["NL", "DE", "BE"].contains(c));
        let mut countries = BTreeSet::new();
        for c in [
            code(&a.live),
            code(&a.work),
            code(&a.company),
            staff_country,
        ]
        .into_iter()
        .flatten()
        {
            if let Some(country) = country_of(idx, c) {
                countries.insert(country);
            }
        }
        Situation {
            live: code(&a.live),
            work: code(&a.work),
            company: code(&a.company),
            staff_country,
            countries,
        }
    }

    fn places(&self) -> impl Iterator<Item = &'a str> {
        [self.live, self.work, self.company, self.staff_country]
            .into_iter()
            .flatten()
    }

    fn cross_border(&self) -> bool {
        self.countries.len() > 1
    }
}

fn country_of(idx: &CatalogueIndex, code: &str) -> Option<String> {
    if ["NL", "DE", "BE"].contains(&code) {
        return Some(code.to_string());
    }
    idx.areas
        .municipality(code)
        .map(|m| m.country.clone())
        .or_else(|| idx.areas.region(code).map(|r| r.country.clone()))
}

fn serves(idx: &CatalogueIndex, s: &Service, place: &str) -> bool {
    s.service_areas.iter().any(|a| idx.areas.overlaps(a, place))
}

/// How local the most local of the service's areas that serve `place` is: 3 for a
/// municipality or sub-region, 2 for a labour-market region or district, 1 wider.
fn locality(idx: &CatalogueIndex, s: &Service, place: &str) -> i32 {
    s.service_areas
        .iter()
        .filter(|a| idx.areas.overlaps(a, place))
        .map(|a| match idx.areas.region(a).map(|r| r.kind.as_str()) {
            None => 3, // a municipality
            Some("sub-region") => 3,
            Some("labour-market-region" | "district" | "community") => 2,
            Some(_) => 1,
        })
        .max()
        .unwrap_or(0)
}

fn service_countries(idx: &CatalogueIndex, s: &Service) -> BTreeSet<String> {
    s.service_areas
        .iter()
        .filter_map(|a| country_of(idx, a))
        .collect()
}

/// The topics that satisfy the visitor's topic, with the domain rule behind a substitute.
fn wanted_topics(a: &Answers) -> Vec<(String, Option<Reason>)> {
    let Some(topic) = &a.topic else { return vec![] };
    let mut topics = vec![(topic.clone(), None)];
    if topic == "residence-permit" && a.nationality.as_deref() == Some("eu") && a.who != "employer"
    {
        topics.push(("registration".into(), Some(Reason::EuNoPermitNeeded)));
    }
    topics
}

pub fn route<'a>(idx: &'a CatalogueIndex, a: &Answers) -> Routing<'a> {
    let situation = Situation::of(a, idx);
    let topics = wanted_topics(a);
    let mut results: Vec<Routed<'a>> = Vec::new();
    if !topics.is_empty() {
        for s in &idx.services {
            if let Some(r) = fit(idx, s, a, &situation, &topics) {
                results.push(r);
            }
        }
    }
    if results.is_empty() {
        return Routing {
            results: fallback(idx, a, &situation),
            fell_back: true,
        };
    }
    results.sort_by(|x, y| {
        y.score
            .cmp(&x.score)
            .then_with(|| x.service.key.cmp(&y.service.key))
    });
    Routing {
        results,
        fell_back: false,
    }
}

fn fit<'a>(
    idx: &CatalogueIndex,
    s: &'a Service,
    a: &Answers,
    sit: &Situation,
    topics: &[(String, Option<Reason>)],
) -> Option<Routed<'a>> {
    if !matches!(
        s.status,
        ServiceStatus::Active | ServiceStatus::TemporarilyClosed
    ) {
        return None;
    }
    if !s.target_groups.is_empty() && !s.target_groups.contains(&a.who) {
        return None;
    }
    let (topic, rule) = topics.iter().find(|(t, _)| s.topics.contains(t))?;
    let mut score = 10;
    let mut reasons = vec![Reason::TargetGroup(a.who.clone())];
    let focused = s.topics.len() <= 2;
    if focused {
        score += 3;
    }
    reasons.push(Reason::Topic {
        code: topic.clone(),
        focused,
    });
    if let Some(rule) = rule {
        reasons.push(rule.clone());
    }

    // Places: the service must serve at least one of them, when the visitor named any.
    let serves_live = sit.live.filter(|p| serves(idx, s, p));
    let serves_work = sit.work.filter(|p| serves(idx, s, p));
    let serves_company = sit.company.filter(|p| serves(idx, s, p));
    let serves_staff = sit.staff_country.filter(|p| serves(idx, s, p));
    let any_place = sit.places().next().is_some();
    if any_place && serves_live.is_none() && serves_work.is_none() && serves_company.is_none() {
        return None;
    }
    match (serves_live, serves_work) {
        (Some(l), Some(w)) if l != w => {
            score += 6;
            reasons.push(Reason::ServesBoth {
                live: l.into(),
                work: w.into(),
            });
        }
        (Some(l), _) => {
            score += 3;
            reasons.push(Reason::ServesLive(l.into()));
        }
        (None, Some(w)) => {
            score += 3;
            reasons.push(Reason::ServesWork(w.into()));
        }
        (None, None) => {}
    }
    if let Some(c) = serves_company {
        score += 3;
        reasons.push(Reason::ServesCompany(c.into()));
    }
    if let Some(c) = serves_staff {
        score += 3;
        reasons.push(Reason::ServesStaffCountry(c.into()));
    }
    score += 2 * sit.places().map(|p| locality(idx, s, p)).max().unwrap_or(0);
    let countries = service_countries(idx, s);
    if !sit.cross_border() && sit.countries.len() == 1 && countries.len() > 1 {
        score -= 2; // a service for a border the visitor does not cross
    }
    if sit.cross_border() {
        if countries == sit.countries {
            score += 3;
            reasons.push(Reason::Border(sit.countries.iter().cloned().collect()));
        } else if countries.is_superset(&sit.countries) {
            score += 1;
            reasons.push(Reason::Border(sit.countries.iter().cloned().collect()));
        }
        if topic == "unemployment-benefit" && serves_live.is_some() {
            score += 4;
            reasons.push(Reason::ResidenceCountryPays);
        }
    }

    if !a.languages.is_empty() {
        let common: Vec<String> = a
            .languages
            .iter()
            .filter(|l| s.languages.contains(l))
            .cloned()
            .collect();
        if common.is_empty() {
            score -= 3;
        } else {
            score += 2;
            reasons.push(Reason::Language(common));
        }
    }
    if let Some(ch) = &a.channel {
        if s.channels.contains(ch) {
            score += 2;
            reasons.push(Reason::Channel(ch.clone()));
        }
    }
    if s.line == ServiceLine::First {
        score += 2;
        reasons.push(Reason::FirstLine);
    }
    Some(Routed {
        service: s,
        score,
        reasons,
    })
}

/// The generalist for the visitor's region; else the nearest generalist; else the
/// nearest active first-line service. Empty only for a catalogue without any active service.
fn fallback<'a>(idx: &'a CatalogueIndex, a: &Answers, sit: &Situation) -> Vec<Routed<'a>> {
    let active = |s: &&Service| {
        matches!(
            s.status,
            ServiceStatus::Active | ServiceStatus::TemporarilyClosed
        )
    };
    let for_visitor = |s: &&Service| s.target_groups.is_empty() || s.target_groups.contains(&a.who);
    let origin: Option<Point> = sit.places().find_map(|p| idx.areas.centroid(p));
    let distance = |s: &Service| -> f64 {
        let Some(origin) = origin else { return 0.0 };
        s.service_areas
            .iter()
            .filter_map(|c| idx.areas.centroid(c))
            .map(|c| origin.distance_m(&c))
            .fold(f64::MAX, f64::min)
    };
    let pick = |candidates: Vec<&'a Service>| -> Option<&'a Service> {
        if let Some(s) = candidates
            .iter()
            .find(|s| sit.places().any(|p| serves(idx, s, p)))
        {
            return Some(s);
        }
        candidates.into_iter().min_by(|x, y| {
            distance(x)
                .total_cmp(&distance(y))
                .then_with(|| x.key.cmp(&y.key))
        })
    };
    let mut generalists: Vec<&Service> = idx
        .services
        .iter()
        .filter(|s| s.generalist)
        .filter(active)
        .filter(for_visitor)
        .collect();
    if generalists.is_empty() {
        generalists = idx
            .services
            .iter()
            .filter(|s| s.generalist)
            .filter(active)
            .collect();
    }
    if generalists.is_empty() {
        generalists = idx
            .services
            .iter()
            .filter(active)
            .filter(|s| s.line == ServiceLine::First)
            .collect();
    }
    if generalists.is_empty() {
        generalists = idx.services.iter().filter(active).collect();
    }
    generalists.sort_by(|x, y| x.key.cmp(&y.key));
    pick(generalists)
        .map(|s| {
            let mut reasons = vec![Reason::Generalist];
            let served = |p: Option<&str>| p.filter(|p| serves(idx, s, p)).map(str::to_string);
            if let Some(p) = served(sit.live) {
                reasons.push(Reason::ServesLive(p));
            } else if let Some(p) = served(sit.work) {
                reasons.push(Reason::ServesWork(p));
            } else if let Some(p) = served(sit.company) {
                reasons.push(Reason::ServesCompany(p));
            }
            vec![Routed {
                service: s,
                score: 0,
                reasons,
            }]
        })
        .unwrap_or_default()
}
