//! Candidates: international talent who register (or are registered by programme staff) to be
//! matched with the region's employers. Personal data with one purpose — matching — kept until
//! twelve months after the candidate's last activity.

use super::{LanguageInput, MAX_OCCUPATIONS, MAX_SKILLS, Problems};
use crate::area::Areas;
use crate::referral::FieldProblem;
use chrono::NaiveDate;
use loket_matching::{AgeBand, Kind, LanguageLevel, Nationality, Vocabulary};
use serde::{Deserialize, Serialize};

pub const MAX_NAME_CHARS: usize = 200;
pub const MAX_EMAIL_CHARS: usize = 254;
pub const MAX_PHONE_CHARS: usize = 40;
/// Twelve months after the last activity the candidate's record is erased.
pub const RETENTION_DAYS: i64 = 365;
/// The purpose the candidate consents to, as recorded with the consent.
pub const PURPOSE: &str = "matching with the region's employers (Welcome to Maastricht Region)";

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CandidateInput {
    pub name: String,
    pub email: String,
    pub phone: String,
    pub occupations: Vec<String>,
    pub skills: Vec<String>,
    pub experience_years: String,
    pub eqf: String,
    pub languages: Vec<LanguageInput>,
    /// ISO 3166-1 alpha-2.
    pub residence_country: String,
    /// A municipality of the Euregio, if the candidate lives in one.
    pub municipality: String,
    /// `eu-eea-swiss` or `other`.
    pub nationality: String,
    pub work_authorised: bool,
    /// `under30` or `from30`.
    pub age_band: String,
    pub recent_graduate: bool,
    pub max_commute_km: String,
    pub will_relocate: bool,
    pub desired_salary: String,
    pub available_from: String,
    /// The candidate agrees to the purpose and retention (self-registration), or staff
    /// confirm the candidate agreed (registration on their behalf).
    pub consent: bool,
}

/// Who the candidate is: shown to programme staff, and to an employer only after the
/// candidate consented to the introduction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CandidateDetails {
    pub name: String,
    pub email: String,
    pub phone: Option<String>,
    pub profile: CandidateProfile,
}

/// What matching uses: no name, no contact details.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CandidateProfile {
    pub occupations: Vec<String>,
    pub skills: Vec<String>,
    pub experience_years: u8,
    pub eqf: u8,
    pub languages: Vec<LanguageLevel>,
    pub residence_country: String,
    pub municipality: Option<String>,
    pub nationality: Nationality,
    pub work_authorised: bool,
    pub age_band: AgeBand,
    pub recent_graduate: bool,
    pub max_commute_km: u16,
    pub will_relocate: bool,
    pub desired_salary: Option<u32>,
    pub available_from: Option<NaiveDate>,
}

pub fn nationality_code(n: Nationality) -> &'static str {
    match n {
        Nationality::EuEeaSwiss => "eu-eea-swiss",
        Nationality::Other => "other",
    }
}

pub fn parse_nationality(code: &str) -> Option<Nationality> {
    [Nationality::EuEeaSwiss, Nationality::Other]
        .into_iter()
        .find(|n| nationality_code(*n) == code)
}

pub fn age_band_code(a: AgeBand) -> &'static str {
    match a {
        AgeBand::Under30 => "under30",
        AgeBand::From30 => "from30",
    }
}

pub fn parse_age_band(code: &str) -> Option<AgeBand> {
    [AgeBand::Under30, AgeBand::From30]
        .into_iter()
        .find(|a| age_band_code(*a) == code)
}

fn looks_like_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !s.contains(char::is_whitespace)
}

pub fn check(
    input: &CandidateInput,
    vocabulary: &Vocabulary,
    areas: &Areas,
) -> Result<CandidateDetails, Vec<FieldProblem>> {
    let mut p = Problems::new();
    let name = p.text("name", &input.name, MAX_NAME_CHARS, true);
    let email = p
        .text("email", &input.email, MAX_EMAIL_CHARS, true)
        .to_lowercase();
    if !email.is_empty() && !looks_like_email(&email) {
        p.add("email", "invalid");
    }
    let phone = p.text("phone", &input.phone, MAX_PHONE_CHARS, false);
    let occupations = p.concepts(
        "occupations",
        vocabulary,
        Kind::Occupation,
        &input.occupations,
        MAX_OCCUPATIONS,
    );
    if occupations.is_empty() && input.occupations.iter().all(|o| o.trim().is_empty()) {
        p.add("occupations", "required");
    }
    let skills = p.concepts("skills", vocabulary, Kind::Skill, &input.skills, MAX_SKILLS);
    let experience = p.number("experience_years", &input.experience_years, 0..=60, Some(0));
    let eqf = p.number("eqf", &input.eqf, 1..=8, None);
    let languages = p.languages("languages", &input.languages);
    if languages.is_empty() && input.languages.iter().all(|l| l.language.trim().is_empty()) {
        p.add("languages", "required");
    }
    let country = input.residence_country.trim().to_ascii_uppercase();
    if country.is_empty() {
        p.add("residence_country", "required");
    } else if country.len() != 2 || !country.bytes().all(|b| b.is_ascii_uppercase()) {
        p.add("residence_country", "unknown");
    }
    let municipality = Some(input.municipality.trim().to_string()).filter(|m| !m.is_empty());
    if let Some(m) = &municipality {
        match areas.municipality(m) {
            None => p.add("municipality", "unknown"),
            Some(found) if !country.is_empty() && found.country != country => {
                p.add("municipality", "other-country")
            }
            Some(_) => {}
        }
    }
    let nationality = parse_nationality(input.nationality.trim());
    if nationality.is_none() {
        p.add("nationality", "required");
    }
    let age_band = parse_age_band(input.age_band.trim());
    if age_band.is_none() {
        p.add("age_band", "required");
    }
    let commute = p.number("max_commute_km", &input.max_commute_km, 0..=500, Some(0));
    let salary = p.number(
        "desired_salary",
        &input.desired_salary,
        0..=super::vacancy::MAX_MONTHLY_SALARY,
        Some(0),
    );
    let available_from = p.date("available_from", &input.available_from);
    if !input.consent {
        p.add("consent", "required");
    }
    match (experience, eqf, nationality, age_band, commute, salary) {
        (Some(exp), Some(eqf), Some(nat), Some(age), Some(km), Some(salary)) => {
            p.finish(CandidateDetails {
                name,
                email,
                phone: Some(phone).filter(|p| !p.is_empty()),
                profile: CandidateProfile {
                    occupations,
                    skills,
                    experience_years: exp as u8,
                    eqf: eqf as u8,
                    languages,
                    residence_country: country,
                    municipality,
                    nationality: nat,
                    work_authorised: input.work_authorised && nat == Nationality::Other,
                    age_band: age,
                    recent_graduate: input.recent_graduate,
                    max_commute_km: km as u16,
                    will_relocate: input.will_relocate,
                    desired_salary: Some(salary as u32).filter(|s| *s > 0),
                    available_from,
                },
            })
        }
        _ => Err(p.0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_problem_of_a_registration_is_named_at_once() {
        let esco = Vocabulary::esco().unwrap();
        let input = CandidateInput {
            email: "not-an-address".into(),
            occupations: vec!["http://data.europa.eu/esco/occupation/unknown".into()],
            languages: vec![LanguageInput {
                language: "nl".into(),
                level: "Z9".into(),
            }],
            desired_salary: "-3000".into(),
            residence_country: "Deutschland".into(),
            ..Default::default()
        };
        let problems = check(&input, &esco, &Areas::default()).unwrap_err();
        let named: Vec<(&str, &str)> = problems.iter().map(|p| (p.field, p.problem)).collect();
        assert_eq!(
            named,
            [
                ("name", "required"),
                ("email", "invalid"),
                ("occupations", "unknown-esco"),
                ("eqf", "required"),
                ("languages", "unknown-level"),
                ("residence_country", "unknown"),
                ("nationality", "required"),
                ("age_band", "required"),
                ("desired_salary", "negative"),
                ("consent", "required"),
            ]
        );
    }
}
