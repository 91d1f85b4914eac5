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
use loket_domain::reach::Reach;
use loket_domain::region::LabourMarketRegion;
use loket_domain::search::{CatalogueIndex, SearchQuery, country_bit};
use loket_domain::{Service, ServiceLine, ServiceStatus};

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

impl Reason {
    /// A stable code for the API and for message keys (`reason-{code}`).
    pub fn code(&self) -> &'static str {
        match self {
            Reason::TargetGroup(_) => "target-group",
            Reason::Topic { focused: true, .. } => "topic-focused",
            Reason::Topic { .. } => "topic",
            Reason::ServesBoth { .. } => "serves-both",
            Reason::ServesLive(_) => "serves-live",
            Reason::ServesWork(_) => "serves-work",
            Reason::ServesCompany(_) => "serves-company",
            Reason::ServesStaffCountry(_) => "serves-staff",
            Reason::Border(_) => "border",
            Reason::Language(_) => "language",
            Reason::Channel(_) => "channel",
            Reason::FirstLine => "first-line",
            Reason::ResidenceCountryPays => "residence-country",
            Reason::EuNoPermitNeeded => "eu-no-permit",
            Reason::Generalist => "generalist",
        }
    }
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

/// One of the visitor's places, with the areas that overlap it.
struct PlaceMask<'a> {
    code: &'a str,
    overlaps: Vec<bool>,
}

impl PlaceMask<'_> {
    fn of<'a>(idx: &CatalogueIndex, code: Option<&'a str>) -> Option<PlaceMask<'a>> {
        let code = code?;
        Some(PlaceMask {
            code,
            overlaps: idx.overlap_mask(code)?,
        })
    }

    /// Whether service `i` serves this place; if so, how local its most local serving area is.
    fn served_by(&self, idx: &CatalogueIndex, i: usize) -> Option<u8> {
        idx.service_area_ids(i)
            .iter()
            .filter(|&&a| self.overlaps[a as usize])
            .map(|&a| idx.area_locality(a))
            .max()
    }
}

/// The visitor's places with their roles, compiled against the index once per route.
struct Situation<'a> {
    live: Option<PlaceMask<'a>>,
    work: Option<PlaceMask<'a>>,
    company: Option<PlaceMask<'a>>,
    staff_country: Option<PlaceMask<'a>>,
    /// The countries involved, as country bits.
    countries: u8,
}

impl<'a> Situation<'a> {
    fn of(a: &'a Answers, idx: &CatalogueIndex) -> Self {
        let code = |p: &'a Option<Place>| p.as_ref().and_then(Place::code);
        let staff = a.staff_from.as_deref().filter(|c| country_bit(c) != 0);
        let countries = [code(&a.live), code(&a.work), code(&a.company), staff]
            .into_iter()
            .flatten()
            .filter_map(|c| country_of(idx, c))
            .fold(0, |x, c| x | country_bit(c));
        Situation {
            live: PlaceMask::of(idx, code(&a.live)),
            work: PlaceMask::of(idx, code(&a.work)),
            company: PlaceMask::of(idx, code(&a.company)),
            staff_country: PlaceMask::of(idx, staff),
            countries,
        }
    }

    fn places(&self) -> impl Iterator<Item = &PlaceMask<'a>> {
        [&self.live, &self.work, &self.company, &self.staff_country]
            .into_iter()
            .flatten()
    }

    fn cross_border(&self) -> bool {
        self.countries.count_ones() > 1
    }

    fn country_codes(&self) -> Vec<String> {
        [("NL", 1u8), ("DE", 2), ("BE", 4)]
            .iter()
            .filter(|(_, bit)| self.countries & bit != 0)
            .map(|(c, _)| c.to_string())
            .collect()
    }
}

fn country_of<'i>(idx: &'i CatalogueIndex, code: &'i str) -> Option<&'i str> {
    if country_bit(code) != 0 {
        return Some(code);
    }
    idx.areas
        .municipality(code)
        .map(|m| m.country.as_str())
        .or_else(|| idx.areas.region(code).map(|r| r.country.as_str()))
}

fn serves(idx: &CatalogueIndex, s: &Service, place: &str) -> bool {
    s.service_areas.iter().any(|a| idx.areas.overlaps(a, place))
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

/// At most this many results, best first.
pub const MAX_RESULTS: usize = 10;

/// Routes over the whole catalogue (the deployment's own front door).
pub fn route<'a>(idx: &'a CatalogueIndex, a: &Answers) -> Routing<'a> {
    route_in(idx, None, a)
}

/// Routes at a region's front door: over its menu, the national services and the
/// cross-border services, with its generalists as the fallback. An unknown region
/// routes over the whole catalogue.
pub fn route_in<'a>(
    idx: &'a CatalogueIndex,
    region: Option<&LabourMarketRegion>,
    a: &Answers,
) -> Routing<'a> {
    let allowed = region.and_then(|r| idx.regions.front_door_services(&r.code));
    let situation = Situation::of(a, idx);
    let topics = wanted_topics(a);
    // Score every candidate cheaply first; explain only the results that are returned.
    let mut scored: Vec<(i32, usize, usize)> = Vec::new(); // (score, service, index into topics)
    let mut seen = std::collections::HashSet::new();
    for (t, (topic, _)) in topics.iter().enumerate() {
        let query = SearchQuery {
            topic: Some(topic.clone()),
            active_only: true,
            ..SearchQuery::default()
        };
        for i in idx.filter_indices(&query) {
            if allowed.is_none_or(|on| on[i])
                && seen.insert(i)
                && let Some(fit) = assess(idx, i, a, &situation, topic, None, false)
            {
                scored.push((fit.score, i, t));
            }
        }
    }
    if scored.is_empty() {
        return Routing {
            results: fallback(idx, region, a, &situation),
            fell_back: true,
        };
    }
    let best_first = |x: &(i32, usize, usize), y: &(i32, usize, usize)| {
        y.0.cmp(&x.0)
            .then_with(|| idx.services[x.1].key.cmp(&idx.services[y.1].key))
    };
    if scored.len() > MAX_RESULTS {
        scored.select_nth_unstable_by(MAX_RESULTS - 1, best_first);
        scored.truncate(MAX_RESULTS);
    }
    scored.sort_by(best_first);
    let results = scored
        .into_iter()
        .filter_map(|(_, i, t)| {
            let (topic, rule) = &topics[t];
            assess(idx, i, a, &situation, topic, rule.as_ref(), true).map(|fit| Routed {
                service: &idx.services[i],
                score: fit.score,
                reasons: fit.reasons,
            })
        })
        .collect();
    Routing {
        results,
        fell_back: false,
    }
}

/// A score and, when asked for, the reasons behind it.
struct Fit {
    score: i32,
    reasons: Vec<Reason>,
    explain: bool,
}

impl Fit {
    fn add(&mut self, points: i32, reason: impl FnOnce() -> Reason) {
        self.score += points;
        if self.explain {
            self.reasons.push(reason());
        }
    }
}

/// Whether service `i` (active, about `topic`) fits the visitor, how well, and
/// (with `explain`) why.
fn assess<'p>(
    idx: &CatalogueIndex,
    i: usize,
    a: &Answers,
    sit: &Situation<'p>,
    topic: &str,
    rule: Option<&Reason>,
    explain: bool,
) -> Option<Fit> {
    let s = &idx.services[i];
    if !s.target_groups.is_empty() && !s.target_groups.contains(&a.who) {
        return None;
    }
    let served = |p: &Option<PlaceMask<'p>>| -> Option<(&'p str, u8)> {
        p.as_ref()
            .and_then(|p| p.served_by(idx, i).map(|locality| (p.code, locality)))
    };
    let (live, work, company, staff) = (
        served(&sit.live),
        served(&sit.work),
        served(&sit.company),
        served(&sit.staff_country),
    );
    // The service must serve at least one of the visitor's places, when they named any.
    if sit.places().next().is_some() && live.is_none() && work.is_none() && company.is_none() {
        return None;
    }

    let mut fit = Fit {
        score: 10,
        reasons: Vec::new(),
        explain,
    };
    fit.add(0, || Reason::TargetGroup(a.who.clone()));
    let focused = s.topics.len() <= 2;
    fit.add(if focused { 3 } else { 0 }, || Reason::Topic {
        code: topic.to_string(),
        focused,
    });
    if let Some(rule) = rule {
        fit.add(0, || rule.clone());
    }
    match (live, work) {
        (Some((l, _)), Some((w, _))) if l != w => fit.add(6, || Reason::ServesBoth {
            live: l.into(),
            work: w.into(),
        }),
        (Some((l, _)), _) => fit.add(3, || Reason::ServesLive(l.into())),
        (None, Some((w, _))) => fit.add(3, || Reason::ServesWork(w.into())),
        (None, None) => {}
    }
    if let Some((c, _)) = company {
        fit.add(3, || Reason::ServesCompany(c.into()));
    }
    if let Some((c, _)) = staff {
        fit.add(3, || Reason::ServesStaffCountry(c.into()));
    }
    fit.score += 2 * [live, work, company, staff]
        .iter()
        .flatten()
        .map(|(_, locality)| i32::from(*locality))
        .max()
        .unwrap_or(0);

    let countries = idx.service_countries(i);
    if sit.countries.count_ones() == 1 && countries.count_ones() > 1 {
        fit.score -= 2; // a service for a border the visitor does not cross
        if staff.is_some() {
            // An employer recruiting at home: cross-border recruitment is for staff from abroad.
            fit.score -= 4;
        }
    }
    if sit.cross_border() {
        if countries == sit.countries {
            fit.add(3, || Reason::Border(sit.country_codes()));
        } else if countries & sit.countries == sit.countries {
            fit.add(1, || Reason::Border(sit.country_codes()));
        }
        if topic == "unemployment-benefit" && live.is_some() {
            fit.add(4, || Reason::ResidenceCountryPays);
        }
    }
    if !a.languages.is_empty() {
        if a.languages.iter().any(|l| s.languages.contains(l)) {
            fit.add(2, || {
                Reason::Language(
                    a.languages
                        .iter()
                        .filter(|l| s.languages.contains(l))
                        .cloned()
                        .collect(),
                )
            });
        } else {
            fit.score -= 3;
        }
    }
    // Only a channel with its contact counts: a promise the page cannot show is none.
    if let Some(ch) = a
        .channel
        .as_ref()
        .filter(|ch| s.channels.contains(ch) && Reach::of(idx, s).shows(ch))
    {
        fit.add(2, || Reason::Channel(ch.clone()));
    }
    if s.line == ServiceLine::First {
        fit.add(2, || Reason::FirstLine);
    }
    Some(fit)
}

/// For someone whose places all lie across the border (nothing in the
/// Netherlands): the first-line service that serves one of those places, for
/// their target group, preferring one that speaks their language. A Dutch work
/// centre is no help to them.
fn across_the_border<'a>(
    idx: &'a CatalogueIndex,
    a: &Answers,
    sit: &Situation,
) -> Option<&'a Service> {
    if sit.countries == 0 || sit.countries & country_bit("NL") != 0 {
        return None;
    }
    idx.services
        .iter()
        .filter(|s| s.status == ServiceStatus::Active && s.line == ServiceLine::First)
        .filter(|s| s.target_groups.contains(&a.who))
        .filter(|s| sit.places().any(|p| serves(idx, s, p.code)))
        .max_by(|x, y| {
            let speaks = |s: &Service| a.languages.iter().any(|l| s.languages.contains(l));
            speaks(x).cmp(&speaks(y)).then_with(|| y.key.cmp(&x.key))
        })
}

/// The generalist for the visitor's region; else the nearest generalist; else the
/// nearest active first-line service. Empty only for a catalogue without any active service.
fn fallback<'a>(
    idx: &'a CatalogueIndex,
    region: Option<&LabourMarketRegion>,
    a: &Answers,
    sit: &Situation,
) -> Vec<Routed<'a>> {
    let active = |s: &&Service| {
        matches!(
            s.status,
            ServiceStatus::Active | ServiceStatus::TemporarilyClosed
        )
    };
    let for_visitor = |s: &&Service| s.target_groups.is_empty() || s.target_groups.contains(&a.who);
    let origin: Option<Point> = sit.places().find_map(|p| idx.areas.centroid(p.code));
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
            .find(|s| sit.places().any(|p| serves(idx, s, p.code)))
        {
            return Some(s);
        }
        candidates.into_iter().min_by(|x, y| {
            distance(x)
                .total_cmp(&distance(y))
                .then_with(|| x.key.cmp(&y.key))
        })
    };
    // A region's own generalist comes first where it serves the visitor (its work
    // centre is its "no wrong door"); for a place elsewhere, that place's generalist.
    let own: Option<&'a Service> = region.and_then(|r| {
        r.generalists
            .iter()
            .filter_map(|id| idx.service(id))
            .filter(active)
            .filter(for_visitor)
            .find(|s| sit.places().next().is_none() || sit.places().any(|p| serves(idx, s, p.code)))
    });
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
    across_the_border(idx, a, sit)
        .or(own)
        .or_else(|| pick(generalists))
        .map(|s| {
            let mut reasons = vec![Reason::Generalist];
            let speaks: Vec<String> = a
                .languages
                .iter()
                .filter(|l| s.languages.contains(l))
                .cloned()
                .collect();
            if !speaks.is_empty() {
                reasons.push(Reason::Language(speaks));
            }
            let served = |p: &Option<PlaceMask>| {
                p.as_ref()
                    .filter(|p| serves(idx, s, p.code))
                    .map(|p| p.code.to_string())
            };
            if let Some(p) = served(&sit.live) {
                reasons.push(Reason::ServesLive(p));
            } else if let Some(p) = served(&sit.work) {
                reasons.push(Reason::ServesWork(p));
            } else if let Some(p) = served(&sit.company) {
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
