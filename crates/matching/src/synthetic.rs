//! Synthetic candidates and vacancies for benchmarks and the evaluation set: deterministic
//! (a seed gives the same data), with the skew of real data — a few occupations and skills
//! are very common, most are rare — and languages, nationalities and homes that fit the
//! Euregio (Dutch, German and Belgian municipalities, and talent from abroad).

use crate::language::{Cefr, Language, LanguageLevel};
use crate::permit::{AgeBand, Nationality};
use crate::profile::{Candidate, Concept, Occupation, Place, Vacancy, WorkPlace};
use chrono::NaiveDate;

/// SplitMix64: small, fast, and a seed replays exactly.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }

    pub fn between(&mut self, low: u64, high: u64) -> u64 {
        low + self.below(high - low + 1)
    }

    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// Draws ranks 0..n with probability proportional to 1 / (rank + 1)^s.
#[derive(Debug, Clone)]
pub struct Zipf {
    cumulative: Vec<f64>,
}

impl Zipf {
    pub fn new(n: usize, s: f64) -> Self {
        let mut total = 0.0;
        let cumulative = (0..n.max(1))
            .map(|rank| {
                total += 1.0 / ((rank + 1) as f64).powf(s);
                total
            })
            .collect();
        Zipf { cumulative }
    }

    pub fn draw(&self, rng: &mut Rng) -> usize {
        let total = self.cumulative.last().copied().unwrap_or(1.0);
        let target = rng.unit() * total;
        self.cumulative
            .partition_point(|c| *c < target)
            .min(self.cumulative.len() - 1)
    }
}

/// Where people live and work: municipality centres of the Euregio (from the seeded
/// catalogue), with their country and how many of the region's people live there (relative).
pub const PLACES: &[(&str, &str, f32, f32, u32)] = &[
    ("Maastricht", "NL", 50.85, 5.69, 120),
    ("Heerlen", "NL", 50.89, 5.98, 87),
    ("Sittard-Geleen", "NL", 50.99, 5.87, 92),
    ("Kerkrade", "NL", 50.87, 6.06, 45),
    ("Venlo", "NL", 51.37, 6.17, 102),
    ("Roermond", "NL", 51.19, 5.99, 59),
    ("Weert", "NL", 51.25, 5.71, 50),
    ("Landgraaf", "NL", 50.9, 6.03, 37),
    ("Brunssum", "NL", 50.95, 5.97, 27),
    ("Eijsden-Margraten", "NL", 50.77, 5.79, 25),
    ("Aachen", "DE", 50.78, 6.08, 250),
    ("Herzogenrath", "DE", 50.87, 6.1, 46),
    ("Eschweiler", "DE", 50.82, 6.27, 56),
    ("Düren", "DE", 50.8, 6.48, 92),
    ("Heinsberg", "DE", 51.06, 6.1, 42),
    ("Hasselt", "BE", 50.93, 5.34, 80),
    ("Genk", "BE", 50.97, 5.5, 66),
    ("Maasmechelen", "BE", 50.97, 5.69, 38),
    ("Liège", "BE", 50.63, 5.57, 197),
    ("Eupen", "BE", 50.63, 6.03, 20),
];

/// Where employers post vacancies: South and Central Limburg.
const WORKPLACES: usize = 10;

/// Far away, for talent who would relocate.
pub const ABROAD: &[(&str, f32, f32)] = &[
    ("Bengaluru", 12.97, 77.59),
    ("Manila", 14.6, 120.98),
    ("Kraków", 50.06, 19.94),
    ("Lisbon", 38.72, -9.14),
];

/// A place of [`PLACES`] or [`ABROAD`] by name.
pub fn place(name: &str) -> Option<Place> {
    PLACES
        .iter()
        .map(|p| (p.0, p.2, p.3))
        .chain(ABROAD.iter().copied())
        .find(|p| p.0 == name)
        .map(|p| Place {
            latitude: p.1,
            longitude: p.2,
        })
}

pub const TODAY: (i32, u32, u32) = (2026, 11, 22);

fn date(offset_days: u64) -> NaiveDate {
    let (y, m, d) = TODAY;
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default() + chrono::Days::new(offset_days)
}

fn lang(code: &str, level: Cefr) -> LanguageLevel {
    // The codes below are valid; an invalid one would fall back to "en".
    LanguageLevel {
        language: code.parse().unwrap_or_else(|_| Language::english()),
        level,
    }
}

/// A level between `low` and `high` inclusive.
fn level(rng: &mut Rng, low: Cefr, high: Cefr) -> Cefr {
    let (l, h) = (low as u64, high as u64);
    Cefr::ALL[(rng.between(l, h) - 1) as usize]
}

/// The skills and level of one occupation.
#[derive(Debug, Clone)]
pub struct OccupationProfile {
    pub occupation: Occupation,
    /// Most typical first.
    pub skills: Vec<Concept>,
    pub eqf: u8,
}

/// A population of occupations and skills to draw candidates and vacancies from.
#[derive(Debug, Clone)]
pub struct Generator {
    pub profiles: Vec<OccupationProfile>,
    /// Skills nearly everyone lists (communication, teamwork, …).
    pub transversal: Vec<Concept>,
    occupation_popularity: Zipf,
    within_profile: Zipf,
    transversal_popularity: Zipf,
    places: Zipf,
}

impl Generator {
    /// `occupations` and `skills` are concept numbers to use (from the vocabulary); occupations
    /// get ISCO groups of ten occupations each, so related occupations share a group.
    pub fn new(seed: u64, occupations: &[Concept], skills: &[Concept]) -> Self {
        let mut rng = Rng::new(seed);
        let transversal: Vec<Concept> = skills.iter().take(12).copied().collect();
        let specific = &skills[transversal.len().min(skills.len())..];
        let skill_popularity = Zipf::new(specific.len(), 0.9);
        let profiles = occupations
            .iter()
            .enumerate()
            .map(|(n, concept)| {
                let mut own: Vec<Concept> = Vec::with_capacity(30);
                while own.len() < 30 && !specific.is_empty() {
                    let skill = specific[skill_popularity.draw(&mut rng)];
                    if !own.contains(&skill) {
                        own.push(skill);
                    }
                }
                OccupationProfile {
                    occupation: Occupation {
                        concept: *concept,
                        isco: Some(1000 + (n / 10) as u16),
                    },
                    skills: own,
                    eqf: rng.between(2, 7) as u8,
                }
            })
            .collect::<Vec<_>>();
        let mut place_weights = Zipf::new(PLACES.len(), 0.0);
        place_weights.cumulative = PLACES
            .iter()
            .scan(0.0, |total, p| {
                *total += f64::from(p.4);
                Some(*total)
            })
            .collect();
        Generator {
            occupation_popularity: Zipf::new(profiles.len(), 1.0),
            within_profile: Zipf::new(30, 0.8),
            transversal_popularity: Zipf::new(transversal.len(), 0.7),
            places: place_weights,
            profiles,
            transversal,
        }
    }

    pub fn profile(&self, rng: &mut Rng) -> &OccupationProfile {
        &self.profiles[self.occupation_popularity.draw(rng)]
    }

    fn profile_skills(&self, rng: &mut Rng, profile: &OccupationProfile, n: usize) -> Vec<Concept> {
        let mut out = Vec::with_capacity(n);
        let mut tries = 0;
        while out.len() < n.min(profile.skills.len()) && tries < 200 {
            tries += 1;
            let skill = profile.skills[self.within_profile.draw(rng).min(profile.skills.len() - 1)];
            if !out.contains(&skill) {
                out.push(skill);
            }
        }
        out
    }

    pub fn candidate(&self, rng: &mut Rng) -> Candidate {
        let profile = self.profile(rng).clone();
        let mut occupations = vec![profile.occupation];
        if rng.chance(25) {
            occupations.push(self.profile(rng).occupation);
        }
        let n = rng.between(4, 14) as usize;
        let mut skills = self.profile_skills(rng, &profile, n);
        for _ in 0..rng.between(1, 4) {
            skills.push(self.transversal[self.transversal_popularity.draw(rng)]);
        }
        let abroad = rng.chance(8);
        let (home, country) = if abroad {
            let (_, lat, lon) = ABROAD[rng.below(ABROAD.len() as u64) as usize];
            (
                Place {
                    latitude: lat,
                    longitude: lon,
                },
                "XX",
            )
        } else {
            let p = PLACES[self.places.draw(rng)];
            (
                Place {
                    latitude: p.2,
                    longitude: p.3,
                },
                p.1,
            )
        };
        let nationality = match (country, rng.below(100)) {
            ("XX", n) if n < 75 => Nationality::Other,
            ("XX", _) => Nationality::EuEeaSwiss,
            (_, n) if n < 6 => Nationality::Other,
            _ => Nationality::EuEeaSwiss,
        };
        let eqf = (i64::from(profile.eqf) + rng.between(0, 2) as i64 - 1).clamp(1, 8) as u8;
        Candidate {
            occupations,
            skills,
            experience_years: (rng.below(26) * rng.below(26) / 25) as u8,
            eqf,
            languages: self.languages(rng, country),
            nationality,
            work_authorised: nationality == Nationality::Other && rng.chance(25),
            age_band: if rng.chance(35) {
                AgeBand::Under30
            } else {
                AgeBand::From30
            },
            recent_graduate: rng.chance(15),
            home,
            max_commute_km: rng.between(10, 60) as u16,
            will_relocate: abroad && rng.chance(90) || rng.chance(8),
            desired_salary: rng
                .chance(80)
                .then(|| 2_200 + u32::from(eqf) * 350 + rng.below(1_500) as u32),
            available_from: rng.chance(50).then(|| date(rng.below(180))),
        }
        .normalise()
    }

    /// Languages typical of where someone lives (`XX`: abroad).
    pub fn languages(&self, rng: &mut Rng, country: &str) -> Vec<LanguageLevel> {
        use Cefr::*;
        let mut out = Vec::new();
        match country {
            "NL" => {
                out.push(lang("nl", C2));
                if rng.chance(75) {
                    out.push(lang("en", level(rng, B1, C1)));
                }
                if rng.chance(40) {
                    out.push(lang("de", level(rng, A2, B2)));
                }
            }
            "DE" => {
                out.push(lang("de", C2));
                if rng.chance(35) {
                    out.push(lang("nl", level(rng, A2, C1)));
                }
                if rng.chance(60) {
                    out.push(lang("en", level(rng, A2, C1)));
                }
            }
            "BE" if rng.chance(55) => {
                out.push(lang("nl", C2));
                out.push(lang("fr", level(rng, A2, C1)));
                if rng.chance(60) {
                    out.push(lang("en", level(rng, B1, C1)));
                }
            }
            "BE" => {
                out.push(lang("fr", C2));
                if rng.chance(30) {
                    out.push(lang("nl", level(rng, A2, B2)));
                }
                if rng.chance(25) {
                    out.push(lang("de", level(rng, A2, C1)));
                }
            }
            _ => {
                out.push(lang("en", level(rng, B2, C2)));
                if rng.chance(20) {
                    out.push(lang("nl", level(rng, A1, B1)));
                }
                if rng.chance(15) {
                    out.push(lang("de", level(rng, A1, B2)));
                }
            }
        }
        out
    }

    pub fn vacancy(&self, rng: &mut Rng) -> Vacancy {
        let profile = self.profile(rng).clone();
        let (n_essential, n_optional) = (rng.between(3, 8) as usize, rng.between(0, 5) as usize);
        let essential = self.profile_skills(rng, &profile, n_essential);
        let mut optional = self.profile_skills(rng, &profile, n_optional);
        if rng.chance(50) {
            optional.push(self.transversal[self.transversal_popularity.draw(rng)]);
        }
        let mut languages = Vec::new();
        if rng.chance(80) {
            languages.push(lang("nl", level(rng, Cefr::A2, Cefr::C1)));
        }
        if rng.chance(15) {
            languages.push(lang("de", level(rng, Cefr::B1, Cefr::B2)));
        }
        if rng.chance(25) {
            languages.push(lang("en", level(rng, Cefr::B1, Cefr::C1)));
        }
        let workplace = PLACES[rng.below(WORKPLACES as u64) as usize];
        let salary_min = 2_300 + u32::from(profile.eqf) * 300 + rng.below(1_200) as u32;
        Vacancy {
            occupation: Some(profile.occupation),
            essential_skills: essential,
            optional_skills: optional,
            eqf: rng.chance(85).then_some(profile.eqf),
            experience_years: rng.below(6) as u8,
            languages,
            workplace: Place {
                latitude: workplace.2,
                longitude: workplace.3,
            },
            work_place: match rng.below(100) {
                0..5 => WorkPlace::Remote,
                5..25 => WorkPlace::Hybrid,
                _ => WorkPlace::OnSite,
            },
            salary_min,
            salary_max: salary_min + rng.between(200, 1_800) as u32,
            start: rng.chance(60).then(|| date(rng.below(120))),
            sponsors_permit: rng.chance(25),
            employer_recognised_sponsor: rng.chance(30),
        }
        .normalise()
    }
}
