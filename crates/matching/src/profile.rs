//! What the engine knows about a candidate and a vacancy: only the fields that filter or score.
//! Names, texts and contact details stay in the store; concepts are numbered by the vocabulary.

use crate::language::LanguageLevel;
use crate::permit::{AgeBand, Nationality, PermitOffer, PermitProfile};
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// An ESCO occupation or skill, numbered by [`crate::vocabulary::Vocabulary`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Concept(pub u32);

/// An occupation with its ISCO-08 unit group where known (e.g. 2221, nursing professionals).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Occupation {
    pub concept: Concept,
    pub isco: Option<u16>,
}

/// A place on the map: a municipality's centre (NL, DE or BE alike).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Place {
    pub latitude: f32,
    pub longitude: f32,
}

impl Place {
    /// Where a home outside the region's municipalities (abroad, or not given)
    /// is put: no distance is computed from it, and only a candidate who will
    /// relocate passes the commute filter.
    pub const OUTSIDE_THE_REGION: Place = Place {
        latitude: 0.0,
        longitude: -160.0,
    };

    pub fn is_outside_the_region(&self) -> bool {
        *self == Self::OUTSIDE_THE_REGION
    }

    /// Distance in kilometres as the crow flies. An equirectangular projection: within a
    /// few hundred kilometres it is within 0.1 % of the great circle, and cheap enough to
    /// run a million times per query.
    pub fn km_to(&self, other: &Place) -> f32 {
        const EARTH_RADIUS_KM: f32 = 6371.0;
        let mean_latitude = ((self.latitude + other.latitude) / 2.0).to_radians();
        let dx = (other.longitude - self.longitude).to_radians() * mean_latitude.cos();
        let dy = (other.latitude - self.latitude).to_radians();
        EARTH_RADIUS_KM * (dx * dx + dy * dy).sqrt()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Candidate {
    pub occupations: Vec<Occupation>,
    /// Sorted and without duplicates (see [`Candidate::normalise`]).
    pub skills: Vec<Concept>,
    pub experience_years: u8,
    /// EQF level of the highest qualification, 1 to 8.
    pub eqf: u8,
    pub languages: Vec<LanguageLevel>,
    pub nationality: Nationality,
    pub work_authorised: bool,
    pub age_band: AgeBand,
    pub recent_graduate: bool,
    pub home: Place,
    pub max_commute_km: u16,
    pub will_relocate: bool,
    /// Monthly gross, euros.
    pub desired_salary: Option<u32>,
    /// None: available now.
    pub available_from: Option<NaiveDate>,
}

impl Candidate {
    pub fn normalise(mut self) -> Self {
        self.skills.sort_unstable();
        self.skills.dedup();
        self
    }

    pub fn permit_profile(&self) -> PermitProfile {
        PermitProfile {
            nationality: self.nationality,
            work_authorised: self.work_authorised,
            age_band: self.age_band,
            recent_graduate: self.recent_graduate,
            eqf: self.eqf,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum WorkPlace {
    OnSite,
    Hybrid,
    /// Fully remote: no commute.
    Remote,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Vacancy {
    pub occupation: Option<Occupation>,
    /// Sorted and without duplicates; an essential skill is never also optional.
    pub essential_skills: Vec<Concept>,
    pub optional_skills: Vec<Concept>,
    pub eqf: Option<u8>,
    pub experience_years: u8,
    pub languages: Vec<LanguageLevel>,
    pub workplace: Place,
    pub work_place: WorkPlace,
    /// Monthly gross range, euros.
    pub salary_min: u32,
    pub salary_max: u32,
    /// None: as soon as possible.
    pub start: Option<NaiveDate>,
    pub sponsors_permit: bool,
    pub employer_recognised_sponsor: bool,
}

impl Vacancy {
    pub fn normalise(mut self) -> Self {
        self.essential_skills.sort_unstable();
        self.essential_skills.dedup();
        self.optional_skills.sort_unstable();
        self.optional_skills.dedup();
        let essential = self.essential_skills.clone();
        self.optional_skills
            .retain(|s| essential.binary_search(s).is_err());
        self
    }

    /// The permit question for this vacancy, judged in the year the work starts (or `today`'s
    /// year when it starts as soon as possible or already started).
    pub fn permit_offer(&self, today: NaiveDate) -> PermitOffer {
        let start = self.start.map_or(today, |s| s.max(today));
        PermitOffer {
            employer_recognised_sponsor: self.employer_recognised_sponsor,
            sponsors_permit: self.sponsors_permit,
            max_monthly_salary: self.salary_max,
            year: start.year(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(latitude: f32, longitude: f32) -> Place {
        Place {
            latitude,
            longitude,
        }
    }

    #[test]
    fn distances_across_the_three_borders_match_the_great_circle() {
        // Municipality centres as in the seeded catalogue; expected: haversine, R = 6371 km.
        let heerlen = place(50.89, 5.98);
        let aachen = place(50.78, 6.08);
        let maastricht = place(50.85, 5.69);
        let liege = place(50.63, 5.57);
        let hasselt = place(50.93, 5.34);
        let genk = place(50.97, 5.5);
        let venlo = place(51.37, 6.17);
        let cases = [
            (heerlen, aachen, 14.10),
            (maastricht, liege, 25.88),
            (maastricht, hasselt, 26.11),
            (aachen, liege, 39.60),
            (heerlen, genk, 34.80),
            (heerlen, venlo, 55.00),
        ];
        for (a, b, km) in cases {
            let d = a.km_to(&b);
            assert!((d - km).abs() < 0.05, "expected {km} km, got {d}");
            assert!((d - b.km_to(&a)).abs() < 1e-3, "distance is symmetric");
        }
        assert_eq!(heerlen.km_to(&heerlen), 0.0);
    }

    #[test]
    fn optional_skills_never_repeat_essential_ones() {
        let v = Vacancy {
            occupation: None,
            essential_skills: vec![Concept(3), Concept(1), Concept(3)],
            optional_skills: vec![Concept(1), Concept(2)],
            eqf: None,
            experience_years: 0,
            languages: vec![],
            workplace: place(50.0, 6.0),
            work_place: WorkPlace::OnSite,
            salary_min: 0,
            salary_max: 0,
            start: None,
            sponsors_permit: false,
            employer_recognised_sponsor: false,
        }
        .normalise();
        assert_eq!(v.essential_skills, vec![Concept(1), Concept(3)]);
        assert_eq!(v.optional_skills, vec![Concept(2)]);
    }
}
