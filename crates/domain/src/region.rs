//! Labour-market regions ("arbeidsmarktregio's"): the tenants of one deployment.
//!
//! A region is a record: the municipalities it covers (CBS codes) and the areas across
//! the border it serves, its menu (the "regionale menukaart": the catalogue services in
//! its package and the partner that contributes each), its generalists (the front
//! door's fallback), its languages, its public address and look, and whether it is
//! live. The catalogue itself stays one: a service may be on several menus, and
//! national services (those serving the whole of the Netherlands) are on every menu.

use crate::area::Areas;
use crate::catalogue::{Id, Organization, Service};
use crate::colour::Colour;
use crate::logo::RegionLogo;
use crate::text::{Lang, Text};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum RegionStatus {
    /// Being prepared: its front door and feed are not public yet.
    #[default]
    Draft,
    /// Public: its front door, menu and feed are open.
    Live,
}

impl RegionStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            RegionStatus::Draft => "draft",
            RegionStatus::Live => "live",
        }
    }

    pub fn parse(s: &str) -> Option<RegionStatus> {
        match s {
            "draft" => Some(RegionStatus::Draft),
            "live" => Some(RegionStatus::Live),
            _ => None,
        }
    }
}

/// One service on a region's menu and the partner that contributes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MenuEntry {
    pub service: Id,
    /// The contributing organisation; usually the one that offers the service.
    pub contributor: Id,
}

/// A region's own name and brand colour in its pages' header.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegionLook {
    /// The name in the header, e.g. "Werkcentrum Midden-Limburg"; the region's name if empty.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `#rrggbb`, dark enough to carry white text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub colour: Option<String>,
    /// Shown before the name in the header.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logo: Option<RegionLogo>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LabourMarketRegion {
    /// Lowercase letters, digits and hyphens; also the path `/regio/{code}`.
    pub code: String,
    pub name: Text,
    /// The Dutch municipalities it covers (CBS `GMxxxx` codes); each belongs to one region.
    pub municipalities: Vec<String>,
    /// Areas across the border it serves (German and Belgian districts or municipalities).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub areas_abroad: Vec<String>,
    /// The generalist services (for example the work centre's walk-in and its employer
    /// desk): the front door's fallback, chosen by the visitor's target group.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub generalists: Vec<Id>,
    /// The languages its front door offers.
    pub languages: Vec<Lang>,
    /// A host name of its own (`werk.midden-limburg.nl`), besides `/regio/{code}`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub host: Option<String>,
    #[serde(default)]
    pub look: RegionLook,
    #[serde(default)]
    pub status: RegionStatus,
    #[serde(default)]
    pub menu: Vec<MenuEntry>,
}

impl LabourMarketRegion {
    pub fn is_live(&self) -> bool {
        self.status == RegionStatus::Live
    }

    /// Whether `service` is on this region's menu, by its own entry or as a national service.
    pub fn offers(&self, service: &Service) -> bool {
        is_national(service) || self.menu.iter().any(|m| m.service == service.id)
    }

    /// The path of its front door and pages.
    pub fn path(&self) -> String {
        format!("/regio/{}", self.code)
    }

    /// The colour of its header and buttons, when it has one.
    pub fn colour(&self) -> Option<Colour> {
        self.look.colour.as_deref().and_then(Colour::parse)
    }

    /// The name in its pages' header.
    pub fn display_name(&self, lang: Lang) -> &str {
        self.look
            .name
            .as_deref()
            .filter(|n| !n.trim().is_empty())
            .unwrap_or_else(|| self.name.get(lang))
    }
}

/// A service for the whole of the Netherlands (UWV, SVB, the Belastingdienst) is on
/// every region's menu.
pub fn is_national(service: &Service) -> bool {
    service.service_areas.iter().any(|a| a == "NL")
}

/// How many countries a service's areas lie in.
fn countries_served(service: &Service, areas: &Areas) -> usize {
    let mut countries: Vec<&str> = service
        .service_areas
        .iter()
        .filter_map(|a| {
            areas
                .municipality(a)
                .map(|m| m.country.as_str())
                .or_else(|| areas.region(a).map(|r| r.country.as_str()))
        })
        .collect();
    countries.sort_unstable();
    countries.dedup();
    countries.len()
}

/// Which region a place belongs to: its municipalities, and the areas abroad it serves.
#[derive(Debug, Clone, Default)]
pub struct RegionDirectory {
    regions: Vec<LabourMarketRegion>,
    by_code: HashMap<String, usize>,
    by_host: HashMap<String, usize>,
    by_municipality: HashMap<String, usize>,
    /// Per region, per catalogue service (by index): whether its front door may route there.
    front_door: Vec<Vec<bool>>,
}

impl RegionDirectory {
    /// The directory, with each region's front-door services computed over `services`
    /// (a catalogue's services, in the order routing indexes them).
    pub fn with_services(
        regions: Vec<LabourMarketRegion>,
        services: &[Service],
        areas: &Areas,
    ) -> Self {
        let mut me = RegionDirectory::new(regions);
        let cross_border: Vec<bool> = services
            .iter()
            .map(|s| countries_served(s, areas) > 1)
            .collect();
        me.front_door = me
            .regions
            .iter()
            .map(|r| {
                let menu: HashSet<&str> = r.menu.iter().map(|m| m.service.as_str()).collect();
                services
                    .iter()
                    .zip(&cross_border)
                    .map(|(s, &cross)| cross || is_national(s) || menu.contains(s.id.as_str()))
                    .collect()
            })
            .collect();
        me
    }

    /// Which services (by catalogue index) region `code`'s front door routes to: its
    /// menu, the national services and the cross-border services (the engine then keeps
    /// only those serving the visitor's places).
    pub fn front_door_services(&self, code: &str) -> Option<&[bool]> {
        self.by_code
            .get(code)
            .and_then(|&i| self.front_door.get(i))
            .map(Vec::as_slice)
    }

    pub fn new(regions: Vec<LabourMarketRegion>) -> Self {
        let mut me = RegionDirectory::default();
        for (i, r) in regions.iter().enumerate() {
            me.by_code.insert(r.code.clone(), i);
            if let Some(h) = &r.host {
                me.by_host.insert(h.to_ascii_lowercase(), i);
            }
            for m in &r.municipalities {
                me.by_municipality.entry(m.clone()).or_insert(i);
            }
        }
        me.regions = regions;
        me
    }

    pub fn all(&self) -> &[LabourMarketRegion] {
        &self.regions
    }

    pub fn live(&self) -> impl Iterator<Item = &LabourMarketRegion> {
        self.regions.iter().filter(|r| r.is_live())
    }

    pub fn get(&self, code: &str) -> Option<&LabourMarketRegion> {
        self.by_code.get(code).map(|&i| &self.regions[i])
    }

    /// The region whose own host name this is (without a port).
    pub fn by_host(&self, host: &str) -> Option<&LabourMarketRegion> {
        let host = host.rsplit_once(':').map_or(host, |(h, _)| h);
        self.by_host
            .get(&host.to_ascii_lowercase())
            .map(|&i| &self.regions[i])
    }

    /// The region a place belongs to: for a Dutch municipality the region that covers
    /// it; for a place abroad the first region serving it; for a sub-region the region
    /// covering its municipalities.
    pub fn region_of(&self, areas: &Areas, place: &str) -> Option<&LabourMarketRegion> {
        if let Some(&i) = self.by_municipality.get(place) {
            return Some(&self.regions[i]);
        }
        if let Some(m) = areas.municipality(place)
            && m.country == "NL"
        {
            return None; // a Dutch municipality no region covers yet
        }
        if areas.region(place).is_some_and(|r| r.country == "NL") {
            // A Dutch sub-region: the region of any of its municipalities.
            return areas
                .municipalities()
                .filter(|m| areas.covers(place, &m.code))
                .find_map(|m| self.by_municipality.get(&m.code))
                .map(|&i| &self.regions[i]);
        }
        self.regions
            .iter()
            .filter(|r| r.is_live())
            .find(|r| r.areas_abroad.iter().any(|a| areas.overlaps(a, place)))
    }

    /// The regions whose menu an organisation contributes to (for authorization: a
    /// region's coordinator reaches the organisations of its region).
    pub fn regions_of_contributor(&self, organization: &str) -> Vec<String> {
        self.regions
            .iter()
            .filter(|r| r.menu.iter().any(|m| m.contributor == organization))
            .map(|r| r.code.clone())
            .collect()
    }

    /// The organisations contributing to a region's menu (none for an unknown code).
    pub fn contributors(&self, code: &str) -> Vec<String> {
        let mut orgs: Vec<String> = self
            .get(code)
            .map(|r| r.menu.iter().map(|m| m.contributor.clone()).collect())
            .unwrap_or_default();
        orgs.sort();
        orgs.dedup();
        orgs
    }

    /// The regions whose menu holds `service` by its own entry (not as a national service).
    pub fn regions_of_service<'a>(
        &'a self,
        service: &'a Service,
    ) -> impl Iterator<Item = &'a LabourMarketRegion> + 'a {
        self.regions
            .iter()
            .filter(move |r| r.menu.iter().any(|m| m.service == service.id))
    }
}

/// One problem of a region: the record (`labour_market_regions[0] (code)`), the field, what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegionProblem {
    pub record: String,
    pub field: &'static str,
    pub message: String,
}

impl std::fmt::Display for RegionProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}: field `{}`: {}",
            self.record, self.field, self.message
        )
    }
}

/// Checks regions against a catalogue's services, organisations and areas: every
/// problem, each named.
pub fn validate(
    regions: &[LabourMarketRegion],
    services: &[Service],
    organizations: &[Organization],
    areas: &Areas,
) -> Vec<RegionProblem> {
    let mut errors = Vec::new();
    let services: HashMap<&str, &Service> = services.iter().map(|s| (s.id.as_str(), s)).collect();
    let orgs: HashSet<&str> = organizations.iter().map(|o| o.id.as_str()).collect();
    let mut codes = HashSet::new();
    let mut hosts = HashSet::new();
    let mut covered: HashMap<&str, &str> = HashMap::new();
    for (i, r) in regions.iter().enumerate() {
        let rec = format!("labour_market_regions[{i}] ({})", r.code);
        let mut problem = |field: &'static str, message: String| {
            errors.push(RegionProblem {
                record: rec.clone(),
                field,
                message,
            });
        };
        let code_ok = !r.code.is_empty()
            && r.code.len() <= 60
            && r.code
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if !code_ok {
            problem("code", "use lowercase letters, digits and hyphens".into());
        }
        if !codes.insert(r.code.as_str()) {
            problem("code", format!("{:?} is used twice", r.code));
        }
        if r.languages.is_empty() {
            problem("languages", "name at least one language".into());
        }
        for lang in &r.languages {
            if r.name.exact(*lang).is_none() {
                problem("name", format!("has no text in {}", lang.code()));
            }
        }
        if r.name.exact(Lang::Nl).is_none() && !r.languages.contains(&Lang::Nl) {
            problem("name", "has no text in nl".into());
        }
        for m in &r.municipalities {
            match areas.municipality(m) {
                None => problem("municipalities", format!("unknown municipality code {m:?}")),
                Some(muni) if muni.country != "NL" => problem(
                    "municipalities",
                    format!("{m:?} is not a Dutch municipality; name it in areas_abroad"),
                ),
                Some(_) => {
                    if let Some(other) = covered.insert(m.as_str(), r.code.as_str()) {
                        problem(
                            "municipalities",
                            format!("{m:?} already belongs to region {other:?}"),
                        );
                    }
                }
            }
        }
        for a in &r.areas_abroad {
            let country = areas
                .municipality(a)
                .map(|m| m.country.as_str())
                .or_else(|| areas.region(a).map(|r| r.country.as_str()));
            match country {
                None => problem("areas_abroad", format!("unknown area {a:?}")),
                Some("NL") => problem(
                    "areas_abroad",
                    format!("{a:?} lies in the Netherlands; name its municipalities"),
                ),
                Some(_) => {}
            }
        }
        for g in &r.generalists {
            match services.get(g.as_str()) {
                None => problem("generalists", format!("unknown service {g:?}")),
                Some(s) if !s.generalist => problem(
                    "generalists",
                    format!("service {:?} is not marked as a generalist", s.key),
                ),
                Some(_) => {}
            }
        }
        if r.is_live() && r.generalists.is_empty() {
            problem(
                "generalists",
                "a live region needs a generalist service for the front door's fallback".into(),
            );
        }
        if let Some(h) = &r.host {
            let ok = !h.is_empty()
                && h.len() <= 253
                && h.split('.').all(|label| {
                    !label.is_empty()
                        && label.len() <= 63
                        && label
                            .chars()
                            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                });
            if !ok {
                problem(
                    "host",
                    format!("{h:?} is not a host name like werk.example.nl"),
                );
            }
            if !hosts.insert(h.as_str()) {
                problem("host", format!("{h:?} is used by another region"));
            }
        }
        if let Some(c) = &r.look.colour {
            match Colour::parse(c) {
                None => problem("look.colour", format!("{c:?} is not a colour like #0b4f8a")),
                Some(colour) if !colour.carries_white_text() => problem(
                    "look.colour",
                    format!(
                        "white text on {c} has a contrast of {:.1}:1; at least 4.5:1 is needed",
                        colour.contrast_with_white()
                    ),
                ),
                Some(_) => {}
            }
        }
        if let Some(n) = &r.look.name
            && (n.trim().is_empty() || n.chars().count() > 60)
        {
            problem("look.name", "must be 1 to 60 characters".into());
        }
        if let Some(Err(e)) = r.look.logo.as_ref().map(RegionLogo::bytes) {
            problem("look.logo", e.to_string());
        }
        let mut on_menu = HashSet::new();
        for entry in &r.menu {
            if !services.contains_key(entry.service.as_str()) {
                problem(
                    "menu",
                    format!("names a missing service {:?}", entry.service),
                );
            }
            if !orgs.contains(entry.contributor.as_str()) {
                problem(
                    "menu",
                    format!("names a missing contributor {:?}", entry.contributor),
                );
            }
            if !on_menu.insert(entry.service.as_str()) {
                problem("menu", format!("names service {:?} twice", entry.service));
            }
        }
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::area::{Municipality, Point, Region};

    fn areas() -> Areas {
        let p = Point {
            latitude: 50.0,
            longitude: 6.0,
        };
        let region = |code: &str, parent: Option<&str>, country: &str| Region {
            code: code.into(),
            kind: "x".into(),
            parent: parent.map(Into::into),
            country: country.into(),
            name: Text::default(),
            centroid: p,
        };
        let muni = |code: &str, country: &str, region: &str| Municipality {
            code: code.into(),
            country: country.into(),
            name: code.into(),
            region: region.into(),
            centroid: p,
            postcodes: vec![],
            names: Text::default(),
        };
        Areas::new(
            &[
                region("NL", None, "NL"),
                region("zl", Some("NL"), "NL"),
                region("ml", Some("NL"), "NL"),
                region("DE", None, "DE"),
                region("aachen", Some("DE"), "DE"),
            ],
            &[
                muni("GM0917", "NL", "zl"),
                muni("GM0957", "NL", "ml"),
                muni("GM0983", "NL", "ml"),
                muni("DE05334002", "DE", "aachen"),
            ],
        )
    }

    fn region(code: &str, munis: &[&str], abroad: &[&str]) -> LabourMarketRegion {
        LabourMarketRegion {
            code: code.into(),
            name: Text::new(code, code, "", ""),
            municipalities: munis.iter().map(|s| s.to_string()).collect(),
            areas_abroad: abroad.iter().map(|s| s.to_string()).collect(),
            generalists: vec![],
            languages: vec![Lang::Nl, Lang::En],
            host: Some(format!("{code}.example.nl")),
            look: RegionLook::default(),
            status: RegionStatus::Live,
            menu: vec![],
        }
    }

    #[test]
    fn a_place_belongs_to_the_region_that_covers_it() {
        let dir = RegionDirectory::new(vec![
            region("zuid", &["GM0917"], &["aachen"]),
            region("midden", &["GM0957"], &[]),
        ]);
        let a = areas();
        let code = |p: &str| dir.region_of(&a, p).map(|r| r.code.as_str());
        assert_eq!(code("GM0917"), Some("zuid"));
        assert_eq!(code("GM0957"), Some("midden"));
        assert_eq!(code("DE05334002"), Some("zuid"));
        assert_eq!(code("aachen"), Some("zuid"));
        assert_eq!(code("GM0983"), None, "a municipality no region covers");
        assert_eq!(
            code("ml"),
            Some("midden"),
            "a sub-region by its municipalities"
        );
        assert_eq!(
            dir.by_host("MIDDEN.example.nl:8080")
                .map(|r| r.code.as_str()),
            Some("midden")
        );
    }

    #[test]
    fn every_problem_of_a_region_is_named() {
        let mut bad = region(
            "Zuid Limburg",
            &["GM9999", "DE05334002", "GM0917"],
            &["GM0957"],
        );
        bad.look.colour = Some("#ffee00".into());
        bad.menu.push(MenuEntry {
            service: "missing".into(),
            contributor: "nobody".into(),
        });
        let mut twice = region("midden", &["GM0917"], &["nowhere"]);
        twice.look.colour = Some("green".into());
        let errors = validate(&[bad, twice.clone(), twice], &[], &[], &areas());
        let text: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        let has = |needle: &str| text.iter().any(|t| t.contains(needle));
        assert!(has("code`: use lowercase"), "{text:#?}");
        assert!(has("unknown municipality code \"GM9999\""), "{text:#?}");
        assert!(
            has("\"DE05334002\" is not a Dutch municipality"),
            "{text:#?}"
        );
        assert!(has("\"GM0957\" lies in the Netherlands"), "{text:#?}");
        assert!(has("contrast of"), "{text:#?}");
        assert!(has("\"green\" is not a colour"), "{text:#?}");
        assert!(has("names a missing service \"missing\""), "{text:#?}");
        assert!(has("names a missing contributor \"nobody\""), "{text:#?}");
        assert!(has("\"midden\" is used twice"), "{text:#?}");
        assert!(has("\"GM0917\" already belongs to region"), "{text:#?}");
        assert!(has("unknown area \"nowhere\""), "{text:#?}");
        assert!(has("needs a generalist"), "{text:#?}");
        assert!(has("is used by another region"), "{text:#?}");
    }
}
