//! The weighted score: six factors, each with its weight, how well it fits (0 to 1), the
//! points it gives and the facts behind it. Points add up to the total (0 to 100).

use crate::profile::{Candidate, Concept, Vacancy};
use serde::{Deserialize, Serialize};

/// The weight of each factor; only their proportions matter. Read from configuration.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Weights {
    pub essential_skills: f32,
    pub optional_skills: f32,
    pub occupation: f32,
    pub eqf: f32,
    pub experience: f32,
    pub salary: f32,
}

impl Default for Weights {
    fn default() -> Self {
        Weights {
            essential_skills: 40.0,
            optional_skills: 10.0,
            occupation: 20.0,
            eqf: 10.0,
            experience: 10.0,
            salary: 10.0,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("matching weights must be zero or more, finite, and not all zero")]
pub struct InvalidWeights;

impl Weights {
    fn all(&self) -> [f32; 6] {
        [
            self.essential_skills,
            self.optional_skills,
            self.occupation,
            self.eqf,
            self.experience,
            self.salary,
        ]
    }

    pub fn check(&self) -> Result<(), InvalidWeights> {
        let all = self.all();
        let valid = all.iter().all(|w| w.is_finite() && *w >= 0.0) && all.iter().sum::<f32>() > 0.0;
        if valid { Ok(()) } else { Err(InvalidWeights) }
    }

    /// Each weight as points out of 100.
    pub(crate) fn points(&self) -> [f32; 6] {
        let all = self.all();
        let sum: f32 = all.iter().sum();
        all.map(|w| if sum > 0.0 { 100.0 * w / sum } else { 0.0 })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum OccupationFit {
    Same,
    SameIscoGroup {
        isco: u16,
    },
    Different,
    /// The vacancy names no occupation.
    NotAsked,
}

/// The facts behind one factor.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "factor", rename_all = "kebab-case")]
pub enum Detail {
    EssentialSkills {
        matched: Vec<Concept>,
        missing: Vec<Concept>,
    },
    OptionalSkills {
        matched: Vec<Concept>,
        missing: Vec<Concept>,
    },
    Occupation {
        fit: OccupationFit,
    },
    Eqf {
        candidate: u8,
        required: Option<u8>,
    },
    Experience {
        years: u8,
        wanted: u8,
    },
    Salary {
        desired: Option<u32>,
        offered_max: u32,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FactorScore {
    /// The most this factor can give (its share of 100).
    pub max_points: f32,
    /// 0 to 1.
    pub fit: f32,
    pub points: f32,
    pub detail: Detail,
}

/// A complete explanation: all six factors, in a fixed order, whose points add up to `total`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Explanation {
    pub total: f32,
    pub factors: Vec<FactorScore>,
}

pub const FACTORS: usize = 6;

pub fn explain(candidate: &Candidate, vacancy: &Vacancy, weights: &Weights) -> Explanation {
    let (essential_matched, essential_missing) =
        split_skills(&vacancy.essential_skills, &candidate.skills);
    let (optional_matched, optional_missing) =
        split_skills(&vacancy.optional_skills, &candidate.skills);
    let occupation = occupation_fit(candidate, vacancy);
    let details = [
        (
            coverage(essential_matched.len(), vacancy.essential_skills.len()),
            Detail::EssentialSkills {
                matched: essential_matched,
                missing: essential_missing,
            },
        ),
        (
            coverage(optional_matched.len(), vacancy.optional_skills.len()),
            Detail::OptionalSkills {
                matched: optional_matched,
                missing: optional_missing,
            },
        ),
        (
            occupation_value(occupation),
            Detail::Occupation { fit: occupation },
        ),
        (
            eqf_fit(candidate.eqf, vacancy.eqf),
            Detail::Eqf {
                candidate: candidate.eqf,
                required: vacancy.eqf,
            },
        ),
        (
            experience_fit(candidate.experience_years, vacancy.experience_years),
            Detail::Experience {
                years: candidate.experience_years,
                wanted: vacancy.experience_years,
            },
        ),
        (
            salary_fit(candidate.desired_salary, vacancy.salary_max),
            Detail::Salary {
                desired: candidate.desired_salary,
                offered_max: vacancy.salary_max,
            },
        ),
    ];
    let factors: Vec<FactorScore> = details
        .into_iter()
        .zip(weights.points())
        .map(|((fit, detail), max_points)| FactorScore {
            max_points,
            fit,
            points: fit * max_points,
            detail,
        })
        .collect();
    let total = factors.iter().map(|f| f.points).sum();
    Explanation { total, factors }
}

fn split_skills(wanted: &[Concept], has: &[Concept]) -> (Vec<Concept>, Vec<Concept>) {
    wanted.iter().partition(|s| has.binary_search(s).is_ok())
}

/// Share of the asked skills the candidate has; nothing asked is a full fit.
pub(crate) fn coverage(matched: usize, asked: usize) -> f32 {
    if asked == 0 {
        1.0
    } else {
        matched as f32 / asked as f32
    }
}

pub fn occupation_fit(candidate: &Candidate, vacancy: &Vacancy) -> OccupationFit {
    let Some(wanted) = vacancy.occupation else {
        return OccupationFit::NotAsked;
    };
    if candidate
        .occupations
        .iter()
        .any(|o| o.concept == wanted.concept)
    {
        return OccupationFit::Same;
    }
    match wanted.isco {
        Some(isco) if candidate.occupations.iter().any(|o| o.isco == Some(isco)) => {
            OccupationFit::SameIscoGroup { isco }
        }
        _ => OccupationFit::Different,
    }
}

pub(crate) fn occupation_value(fit: OccupationFit) -> f32 {
    match fit {
        OccupationFit::Same => 1.0,
        OccupationFit::SameIscoGroup { .. } => 0.5,
        OccupationFit::Different | OccupationFit::NotAsked => 0.0,
    }
}

/// At or above the level: full; one level below: half; further below: nothing.
pub(crate) fn eqf_fit(candidate: u8, required: Option<u8>) -> f32 {
    match required {
        None => 1.0,
        Some(r) if candidate >= r => 1.0,
        Some(r) if candidate + 1 == r => 0.5,
        Some(_) => 0.0,
    }
}

pub(crate) fn experience_fit(years: u8, wanted: u8) -> f32 {
    if wanted == 0 {
        1.0
    } else {
        (f32::from(years) / f32::from(wanted)).min(1.0)
    }
}

/// Full when the vacancy can pay what the candidate asks; otherwise the share it can pay.
pub(crate) fn salary_fit(desired: Option<u32>, offered_max: u32) -> f32 {
    match desired {
        None | Some(0) => 1.0,
        Some(d) if offered_max >= d => 1.0,
        Some(d) => offered_max as f32 / d as f32,
    }
}
