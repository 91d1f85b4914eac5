//! Vacancies as employers post them: what the job asks (ESCO occupation and skills, EQF,
//! languages), where, what it pays and whether the employer will sponsor a permit.

use super::{LanguageInput, MAX_SKILLS, Problems};
use crate::area::Areas;
use crate::referral::FieldProblem;
use crate::text::Text;
use chrono::NaiveDate;
use loket_matching::{Kind, LanguageLevel, Vocabulary, WorkPlace};
use serde::{Deserialize, Serialize};

pub const MAX_TITLE_CHARS: usize = 200;
pub const MAX_DESCRIPTION_CHARS: usize = 10_000;
/// The highest monthly salary loket accepts: above it is surely a typing error.
pub const MAX_MONTHLY_SALARY: i64 = 50_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Contract {
    Permanent,
    FixedTerm,
    Temporary,
    Internship,
}

impl Contract {
    pub const ALL: [Contract; 4] = [
        Contract::Permanent,
        Contract::FixedTerm,
        Contract::Temporary,
        Contract::Internship,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Contract::Permanent => "permanent",
            Contract::FixedTerm => "fixed-term",
            Contract::Temporary => "temporary",
            Contract::Internship => "internship",
        }
    }

    pub fn parse(code: &str) -> Option<Contract> {
        Contract::ALL.into_iter().find(|c| c.code() == code)
    }
}

pub fn work_place_code(w: WorkPlace) -> &'static str {
    match w {
        WorkPlace::OnSite => "on-site",
        WorkPlace::Hybrid => "hybrid",
        WorkPlace::Remote => "remote",
    }
}

pub fn parse_work_place(code: &str) -> Option<WorkPlace> {
    [WorkPlace::OnSite, WorkPlace::Hybrid, WorkPlace::Remote]
        .into_iter()
        .find(|w| work_place_code(*w) == code)
}

/// Where a vacancy is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum VacancyStatus {
    /// Being written; only the employer and programme staff see it.
    Draft,
    /// Public and matchable.
    Published,
    /// No longer open (filled or withdrawn).
    Closed,
}

impl VacancyStatus {
    pub const ALL: [VacancyStatus; 3] = [
        VacancyStatus::Draft,
        VacancyStatus::Published,
        VacancyStatus::Closed,
    ];

    pub fn code(self) -> &'static str {
        match self {
            VacancyStatus::Draft => "draft",
            VacancyStatus::Published => "published",
            VacancyStatus::Closed => "closed",
        }
    }

    pub fn parse(code: &str) -> Option<VacancyStatus> {
        VacancyStatus::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// A vacancy as typed in the form or sent to the API (numbers as text, so that "abc" and
/// "-5" get a clear message instead of a parse failure).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct VacancyInput {
    pub title: Text,
    pub description: Text,
    pub occupation: String,
    pub essential_skills: Vec<String>,
    pub optional_skills: Vec<String>,
    pub eqf: String,
    pub experience_years: String,
    pub languages: Vec<LanguageInput>,
    pub municipality: String,
    pub work_place: String,
    pub hours_per_week: String,
    pub contract: String,
    pub salary_min: String,
    pub salary_max: String,
    pub start: String,
    pub positions: String,
    pub sponsors_permit: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VacancyDetails {
    pub title: Text,
    pub description: Text,
    /// ESCO URIs.
    pub occupation: String,
    pub essential_skills: Vec<String>,
    pub optional_skills: Vec<String>,
    pub eqf: Option<u8>,
    pub experience_years: u8,
    pub languages: Vec<LanguageLevel>,
    pub municipality: String,
    pub work_place: WorkPlace,
    pub hours_per_week: u8,
    pub contract: Contract,
    /// Gross per month, euros.
    pub salary_min: u32,
    pub salary_max: u32,
    pub start: Option<NaiveDate>,
    pub positions: u16,
    pub sponsors_permit: bool,
}

impl From<&VacancyDetails> for VacancyInput {
    /// A stored vacancy as its form shows it, for editing.
    fn from(d: &VacancyDetails) -> Self {
        VacancyInput {
            title: d.title.clone(),
            description: d.description.clone(),
            occupation: d.occupation.clone(),
            essential_skills: d.essential_skills.clone(),
            optional_skills: d.optional_skills.clone(),
            eqf: d.eqf.map(|e| e.to_string()).unwrap_or_default(),
            experience_years: d.experience_years.to_string(),
            languages: d
                .languages
                .iter()
                .map(|l| LanguageInput {
                    language: l.language.as_str().to_string(),
                    level: l.level.code().to_string(),
                })
                .collect(),
            municipality: d.municipality.clone(),
            work_place: work_place_code(d.work_place).to_string(),
            hours_per_week: d.hours_per_week.to_string(),
            contract: d.contract.code().to_string(),
            salary_min: d.salary_min.to_string(),
            salary_max: d.salary_max.to_string(),
            start: d.start.map(|s| s.to_string()).unwrap_or_default(),
            positions: d.positions.to_string(),
            sponsors_permit: d.sponsors_permit,
        }
    }
}

fn check_text(p: &mut Problems, field: &'static str, text: &Text, max: usize, required: bool) {
    if required && text.is_blank() {
        p.add(field, "required");
    } else if text.all().any(|t| t.chars().count() > max) {
        p.add(field, "too-long");
    }
}

/// Checks every field at once; nothing is stored unless all is well.
pub fn check(
    input: &VacancyInput,
    vocabulary: &Vocabulary,
    areas: &Areas,
) -> Result<VacancyDetails, Vec<FieldProblem>> {
    let mut p = Problems::new();
    check_text(&mut p, "title", &input.title, MAX_TITLE_CHARS, true);
    check_text(
        &mut p,
        "description",
        &input.description,
        MAX_DESCRIPTION_CHARS,
        false,
    );
    let occupation = input.occupation.trim().to_string();
    if occupation.is_empty() {
        p.add("occupation", "required");
    } else if vocabulary.lookup(Kind::Occupation, &occupation).is_err() {
        p.add("occupation", "unknown-esco");
    }
    let essential = p.concepts(
        "essential_skills",
        vocabulary,
        Kind::Skill,
        &input.essential_skills,
        MAX_SKILLS,
    );
    let mut optional = p.concepts(
        "optional_skills",
        vocabulary,
        Kind::Skill,
        &input.optional_skills,
        MAX_SKILLS,
    );
    optional.retain(|s| !essential.contains(s));
    let eqf = p
        .number("eqf", &input.eqf, 1..=8, Some(0))
        .filter(|n| *n > 0);
    let experience = p.number("experience_years", &input.experience_years, 0..=50, Some(0));
    let languages = p.languages("languages", &input.languages);
    let municipality = input.municipality.trim().to_string();
    if municipality.is_empty() {
        p.add("municipality", "required");
    } else if areas.municipality(&municipality).is_none() {
        p.add("municipality", "unknown");
    }
    let work_place = parse_work_place(input.work_place.trim());
    if work_place.is_none() {
        p.add("work_place", "required");
    }
    let hours = p.number("hours_per_week", &input.hours_per_week, 1..=60, None);
    let contract = Contract::parse(input.contract.trim());
    if contract.is_none() {
        p.add("contract", "required");
    }
    let salary_min = p.number(
        "salary_min",
        &input.salary_min,
        0..=MAX_MONTHLY_SALARY,
        None,
    );
    let salary_max = p.number(
        "salary_max",
        &input.salary_max,
        0..=MAX_MONTHLY_SALARY,
        None,
    );
    if let (Some(min), Some(max)) = (salary_min, salary_max)
        && min > max
    {
        p.add("salary_max", "below-minimum");
    }
    let start = p.date("start", &input.start);
    let positions = p.number("positions", &input.positions, 1..=1_000, Some(1));
    match (
        eqf, experience, work_place, hours, contract, salary_min, salary_max, positions,
    ) {
        (eqf, Some(exp), Some(wp), Some(h), Some(c), Some(min), Some(max), Some(pos)) => {
            p.finish(VacancyDetails {
                title: trimmed(&input.title),
                description: trimmed(&input.description),
                occupation,
                essential_skills: essential,
                optional_skills: optional,
                eqf: eqf.map(|e| e as u8),
                experience_years: exp as u8,
                languages,
                municipality,
                work_place: wp,
                hours_per_week: h as u8,
                contract: c,
                salary_min: min as u32,
                salary_max: max as u32,
                start,
                positions: pos as u16,
                sponsors_permit: input.sponsors_permit,
            })
        }
        _ => Err(p.0),
    }
}

fn trimmed(text: &Text) -> Text {
    let t = |s: &Option<String>| s.as_deref().map(str::trim).unwrap_or("").to_string();
    Text::new(&t(&text.nl), &t(&text.en), &t(&text.de), &t(&text.fr))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nurse() -> VacancyInput {
        VacancyInput {
            title: Text::new("Verpleegkundige", "Nurse", "", ""),
            occupation:
                "http://data.europa.eu/esco/occupation/8d3e8aaa-791b-4c75-a465-f3f827028f50".into(),
            essential_skills: vec![
                "http://data.europa.eu/esco/skill/1fd57242-267e-46df-bd8c-849fdd593a50".into(),
            ],
            languages: vec![LanguageInput {
                language: "nl".into(),
                level: "B1".into(),
            }],
            municipality: "GM0917".into(),
            work_place: "on-site".into(),
            hours_per_week: "32".into(),
            contract: "permanent".into(),
            salary_min: "3400".into(),
            salary_max: "4600".into(),
            ..Default::default()
        }
    }

    fn areas() -> Areas {
        crate::CatalogueDocument::parse(include_str!("../../../../seed/limburg-catalogue.json"))
            .map(|d| d.areas())
            .unwrap_or_default()
    }

    #[test]
    fn a_good_vacancy_passes_and_bad_input_is_named_field_by_field() {
        let esco = Vocabulary::esco().unwrap();
        let areas = areas();
        let ok = check(&nurse(), &esco, &areas).unwrap();
        assert_eq!(ok.languages[0].level, loket_matching::Cefr::B1);
        assert_eq!(ok.positions, 1);
        let bad = VacancyInput {
            occupation: "http://data.europa.eu/esco/occupation/nonsense".into(),
            essential_skills: vec!["http://data.europa.eu/esco/skill/not-a-skill".into()],
            languages: vec![LanguageInput {
                language: "de".into(),
                level: "Z9".into(),
            }],
            salary_min: "-100".into(),
            salary_max: "lots".into(),
            eqf: "9".into(),
            start: "next week".into(),
            ..nurse()
        };
        let problems = check(&bad, &esco, &areas).unwrap_err();
        let named: Vec<(&str, &str)> = problems.iter().map(|p| (p.field, p.problem)).collect();
        assert_eq!(
            named,
            [
                ("occupation", "unknown-esco"),
                ("essential_skills", "unknown-esco"),
                ("eqf", "out-of-range"),
                ("languages", "unknown-level"),
                ("salary_min", "negative"),
                ("salary_max", "not-a-number"),
                ("start", "not-a-date"),
            ]
        );
    }

    #[test]
    fn a_stored_vacancy_fills_its_form_so_that_saving_it_again_changes_nothing() {
        let esco = Vocabulary::esco().unwrap();
        let stored = check(&nurse(), &esco, &areas()).unwrap();
        let again = check(&VacancyInput::from(&stored), &esco, &areas()).unwrap();
        assert_eq!(again, stored);
    }

    #[test]
    fn the_maximum_salary_may_not_be_below_the_minimum() {
        let esco = Vocabulary::esco().unwrap();
        let v = VacancyInput {
            salary_min: "5000".into(),
            salary_max: "4000".into(),
            ..nurse()
        };
        let problems = check(&v, &esco, &areas()).unwrap_err();
        assert_eq!(
            problems,
            [FieldProblem {
                field: "salary_max",
                problem: "below-minimum"
            }]
        );
    }
}
