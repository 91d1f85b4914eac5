//! Municipalities and regions of the Euregio, so that services can be matched
//! to where a person lives or works.

use crate::text::Text;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Point {
    pub latitude: f64,
    pub longitude: f64,
}

impl Point {
    /// Great-circle distance in metres (haversine; good enough at regional scale).
    pub fn distance_m(&self, other: &Point) -> f64 {
        const R: f64 = 6_371_000.0;
        let (la1, la2) = (self.latitude.to_radians(), other.latitude.to_radians());
        let dla = la2 - la1;
        let dlo = (other.longitude - self.longitude).to_radians();
        let a = (dla / 2.0).sin().powi(2) + la1.cos() * la2.cos() * (dlo / 2.0).sin().powi(2);
        2.0 * R * a.sqrt().asin()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Region {
    pub code: String,
    /// country, province, labour-market-region, sub-region, district, community
    pub kind: String,
    #[serde(default)]
    pub parent: Option<String>,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    pub name: Text,
    pub centroid: Point,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Municipality {
    /// CBS code (NL, `GM0935`), Amtlicher Gemeindeschlüssel (DE, `DE05334002`), NIS (BE, `BE73042`).
    pub code: String,
    pub country: String,
    pub name: String,
    /// The most specific region the municipality belongs to.
    pub region: String,
    pub centroid: Point,
    /// Postcode ranges like `6200-6229` or single codes like `52134`, numeric part only.
    #[serde(default)]
    pub postcodes: Vec<String>,
    /// Exonyms, for example `{"nl": "Aken", "fr": "Aix-la-Chapelle"}`.
    #[serde(default)]
    pub names: Text,
}

/// All areas with fast lookups: which regions contain a municipality, which
/// municipality a postcode belongs to.
#[derive(Debug, Clone, Default)]
pub struct Areas {
    regions: BTreeMap<String, Region>,
    municipalities: BTreeMap<String, Municipality>,
    /// municipality code → its region codes from specific to general, plus its country.
    ancestry: HashMap<String, Vec<String>>,
}

impl Areas {
    pub fn new(regions: &[Region], municipalities: &[Municipality]) -> Self {
        let regions: BTreeMap<_, _> = regions
            .iter()
            .map(|r| (r.code.clone(), r.clone()))
            .collect();
        let mut ancestry = HashMap::new();
        for m in municipalities {
            let mut chain = Vec::new();
            let mut next = Some(m.region.clone());
            while let Some(code) = next {
                if chain.contains(&code) {
                    break; // a cycle in the data; validation reports it
                }
                next = regions.get(&code).and_then(|r| r.parent.clone());
                chain.push(code);
            }
            if !chain.contains(&m.country) {
                chain.push(m.country.clone());
            }
            ancestry.insert(m.code.clone(), chain);
        }
        let municipalities = municipalities
            .iter()
            .map(|m| (m.code.clone(), m.clone()))
            .collect();
        Areas {
            regions,
            municipalities,
            ancestry,
        }
    }

    pub fn regions(&self) -> impl Iterator<Item = &Region> {
        self.regions.values()
    }

    pub fn municipalities(&self) -> impl Iterator<Item = &Municipality> {
        self.municipalities.values()
    }

    pub fn region(&self, code: &str) -> Option<&Region> {
        self.regions.get(code)
    }

    pub fn municipality(&self, code: &str) -> Option<&Municipality> {
        self.municipalities.get(code)
    }

    pub fn is_known(&self, code: &str) -> bool {
        self.regions.contains_key(code) || self.municipalities.contains_key(code)
    }

    /// Whether the service-area code `area` (region, country or municipality)
    /// covers the area `place` (a region or municipality code).
    pub fn covers(&self, area: &str, place: &str) -> bool {
        if area == place {
            return true;
        }
        if let Some(chain) = self.ancestry.get(place) {
            return chain.iter().any(|c| c == area);
        }
        // `place` is a region: covered when `area` is one of its ancestors.
        let mut next = self.regions.get(place).and_then(|r| r.parent.clone());
        let mut hops = 0;
        while let Some(code) = next {
            if code == area {
                return true;
            }
            hops += 1;
            if hops > 16 {
                break;
            }
            next = self.regions.get(&code).and_then(|r| r.parent.clone());
        }
        false
    }

    /// Whether `area` overlaps `place` at all: one covers the other.
    pub fn overlaps(&self, area: &str, place: &str) -> bool {
        self.covers(area, place) || self.covers(place, area)
    }

    /// The municipality a postcode belongs to. Accepts `6211 AB`, `6211AB`, `52062`, `NL-6211`.
    pub fn municipality_for_postcode(&self, postcode: &str) -> Option<&Municipality> {
        let digits: String = postcode
            .trim()
            .trim_start_matches(|c: char| c.is_ascii_alphabetic() || c == '-')
            .chars()
            .take_while(|c| c.is_ascii_digit())
            .collect();
        let number: u32 = digits.parse().ok()?;
        self.municipalities.values().find(|m| {
            m.postcodes.iter().any(|range| {
                let (lo, hi) = range.split_once('-').unwrap_or((range, range));
                let same_width = lo.len() == digits.len();
                match (lo.parse::<u32>(), hi.parse::<u32>()) {
                    (Ok(lo), Ok(hi)) => same_width && (lo..=hi).contains(&number),
                    _ => false,
                }
            })
        })
    }

    /// The municipality with this name in any of its languages (`Aken`, `Aachen`,
    /// `Aix-la-Chapelle`), ignoring case and surrounding space.
    pub fn municipality_named(&self, name: &str) -> Option<&Municipality> {
        let wanted = name.trim().to_lowercase();
        if wanted.is_empty() {
            return None;
        }
        self.municipalities.values().find(|m| {
            m.name.to_lowercase() == wanted || m.names.all().any(|n| n.to_lowercase() == wanted)
        })
    }

    /// The country a well-formed postcode belongs to, whether or not it lies in
    /// this catalogue's area: see [`postcode_country`].
    pub fn country_of_postcode(postcode: &str) -> Option<&'static str> {
        postcode_country(postcode)
    }

    /// The centroid of a region or municipality.
    pub fn centroid(&self, code: &str) -> Option<Point> {
        self.municipalities
            .get(code)
            .map(|m| m.centroid)
            .or_else(|| self.regions.get(code).map(|r| r.centroid))
    }
}

/// The shape of a postcode in the three countries, as a JSON Schema (ECMA) pattern;
/// [`postcode_country`] accepts exactly what it matches.
pub const POSTCODE_PATTERN: &str =
    r"^\s*(?:(?:NL-?)?[1-9][0-9]{3}\s?[A-Za-z]{2}|(?:DE?-?)?[0-9]{5}|(?:BE?-?)?[1-9][0-9]{3})\s*$";

/// `NL` for `6411 AB`, `DE` for `52062`, `BE` for `3620` (optionally with the
/// country's prefix, `NL-`, `D-`, `B-`); `None` for anything else.
pub fn postcode_country(postcode: &str) -> Option<&'static str> {
    let s = postcode.trim();
    let digits_end = |s: &str| s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    let try_nl = |s: &str| {
        let (digits, rest) = s.split_at(digits_end(s));
        let rest = rest.strip_prefix(char::is_whitespace).unwrap_or(rest);
        (digits.len() == 4
            && !digits.starts_with('0')
            && rest.len() == 2
            && rest.chars().all(|c| c.is_ascii_alphabetic()))
        .then_some("NL")
    };
    let all_digits = |s: &str, n: usize| s.len() == n && s.chars().all(|c| c.is_ascii_digit());
    let try_de = |s: &str| all_digits(s, 5).then_some("DE");
    let try_be = |s: &str| (all_digits(s, 4) && !s.starts_with('0')).then_some("BE");
    let after = |prefixes: &[&str]| {
        prefixes
            .iter()
            .find_map(|p| s.strip_prefix(p))
            .unwrap_or(s)
            .to_string()
    };
    if s.starts_with("NL") {
        return try_nl(&after(&["NL-", "NL"]));
    }
    if s.starts_with("BE") || s.starts_with("B") {
        return try_be(&after(&["BE-", "BE", "B-", "B"]));
    }
    if s.starts_with("DE") || s.starts_with("D") {
        return try_de(&after(&["DE-", "DE", "D-", "D"]));
    }
    try_nl(s).or_else(|| try_de(s)).or_else(|| try_be(s))
}

#[cfg(test)]
mod postcode_tests {
    use super::postcode_country;

    #[test]
    fn postcodes_are_told_apart_by_their_shape() {
        for (pc, country) in [
            ("6411 AB", Some("NL")),
            ("1012AB", Some("NL")),
            ("NL-6411AB", Some("NL")),
            (" 52062 ", Some("DE")),
            ("D-52062", Some("DE")),
            ("3620", Some("BE")),
            ("B-3620", Some("BE")),
            ("0123", None),
            ("64111 AB", None),
            ("6411  AB", None),
            ("abc", None),
            ("", None),
        ] {
            assert_eq!(postcode_country(pc), country, "{pc:?}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let regions = vec![
            region("NL", None, "NL"),
            region("limburg-nl", Some("NL"), "NL"),
            region("zuid-limburg", Some("limburg-nl"), "NL"),
            region("parkstad", Some("zuid-limburg"), "NL"),
            region("DE", None, "DE"),
        ];
        let munis = vec![Municipality {
            code: "GM0917".into(),
            country: "NL".into(),
            name: "Heerlen".into(),
            region: "parkstad".into(),
            centroid: p,
            postcodes: vec!["6400-6422".into()],
            names: Text::default(),
        }];
        Areas::new(&regions, &munis)
    }

    #[test]
    fn region_covers_its_municipalities_and_subregions() {
        let a = areas();
        assert!(a.covers("zuid-limburg", "GM0917"));
        assert!(a.covers("NL", "GM0917"));
        assert!(a.covers("zuid-limburg", "parkstad"));
        assert!(!a.covers("parkstad", "zuid-limburg"));
        assert!(a.overlaps("parkstad", "zuid-limburg"));
        assert!(!a.covers("DE", "GM0917"));
    }

    #[test]
    fn postcode_finds_municipality() {
        let a = areas();
        assert_eq!(
            a.municipality_for_postcode("6411 AB")
                .map(|m| m.name.as_str()),
            Some("Heerlen")
        );
        assert!(a.municipality_for_postcode("64111").is_none());
        assert!(a.municipality_for_postcode("hello").is_none());
    }

    #[test]
    fn distance_between_maastricht_and_aachen_is_about_30_km() {
        let maastricht = Point {
            latitude: 50.85,
            longitude: 5.69,
        };
        let aachen = Point {
            latitude: 50.78,
            longitude: 6.08,
        };
        let km = maastricht.distance_m(&aachen) / 1000.0;
        assert!((27.0..32.0).contains(&km), "{km}");
    }
}
