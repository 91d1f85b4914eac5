//! Employers: the organisations that post vacancies, verified by programme staff, and their
//! membership of the Employer Board.

use super::Problems;
use crate::area::Areas;
use crate::referral::FieldProblem;
use serde::{Deserialize, Serialize};

/// Sector, with the region's top sectors first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Sector {
    Agrofood,
    LifeSciencesHealth,
    Logistics,
    ChemistryMaterials,
    Manufacturing,
    Ict,
    Construction,
    Care,
    Education,
    Hospitality,
    Retail,
    PublicSector,
    Other,
}

impl Sector {
    pub const ALL: [Sector; 13] = [
        Sector::Agrofood,
        Sector::LifeSciencesHealth,
        Sector::Logistics,
        Sector::ChemistryMaterials,
        Sector::Manufacturing,
        Sector::Ict,
        Sector::Construction,
        Sector::Care,
        Sector::Education,
        Sector::Hospitality,
        Sector::Retail,
        Sector::PublicSector,
        Sector::Other,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Sector::Agrofood => "agrofood",
            Sector::LifeSciencesHealth => "life-sciences-health",
            Sector::Logistics => "logistics",
            Sector::ChemistryMaterials => "chemistry-materials",
            Sector::Manufacturing => "manufacturing",
            Sector::Ict => "ict",
            Sector::Construction => "construction",
            Sector::Care => "care",
            Sector::Education => "education",
            Sector::Hospitality => "hospitality",
            Sector::Retail => "retail",
            Sector::PublicSector => "public-sector",
            Sector::Other => "other",
        }
    }

    pub fn parse(code: &str) -> Option<Sector> {
        Sector::ALL.into_iter().find(|s| s.code() == code)
    }

    /// One of the four top sectors of Limburg's economic policy.
    pub fn is_top_sector(self) -> bool {
        matches!(
            self,
            Sector::Agrofood
                | Sector::LifeSciencesHealth
                | Sector::Logistics
                | Sector::ChemistryMaterials
        )
    }
}

/// Size class by number of employees (EU SME definition).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Size {
    /// Fewer than 10.
    Micro,
    /// 10 to 49.
    Small,
    /// 50 to 249.
    Medium,
    /// 250 or more.
    Large,
}

impl Size {
    pub const ALL: [Size; 4] = [Size::Micro, Size::Small, Size::Medium, Size::Large];

    pub fn code(self) -> &'static str {
        match self {
            Size::Micro => "micro",
            Size::Small => "small",
            Size::Medium => "medium",
            Size::Large => "large",
        }
    }

    pub fn parse(code: &str) -> Option<Size> {
        Size::ALL.into_iter().find(|s| s.code() == code)
    }
}

pub const MAX_NAME_CHARS: usize = 200;

/// An employer as typed in the registration form.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct EmployerInput {
    pub name: String,
    pub kvk_number: String,
    pub sector: String,
    pub size: String,
    pub municipality: String,
    /// The employer says it is on the IND's public register of recognised sponsors;
    /// programme staff confirm it when they verify the employer.
    pub recognised_sponsor: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmployerDetails {
    pub name: String,
    pub kvk_number: String,
    pub sector: Sector,
    pub size: Size,
    pub municipality: String,
    pub recognised_sponsor: bool,
}

/// A Dutch Chamber of Commerce (KvK) number: eight digits (spaces and dots allowed in input).
pub fn normalise_kvk(input: &str) -> Option<String> {
    let digits: String = input.chars().filter(|c| !matches!(c, ' ' | '.')).collect();
    (digits.len() == 8 && digits.bytes().all(|b| b.is_ascii_digit())).then_some(digits)
}

pub fn check(input: &EmployerInput, areas: &Areas) -> Result<EmployerDetails, Vec<FieldProblem>> {
    let mut p = Problems::new();
    let name = p.text("name", &input.name, MAX_NAME_CHARS, true);
    let kvk_number = normalise_kvk(&input.kvk_number);
    if input.kvk_number.trim().is_empty() {
        p.add("kvk_number", "required");
    } else if kvk_number.is_none() {
        p.add("kvk_number", "invalid");
    }
    let sector = Sector::parse(input.sector.trim());
    if sector.is_none() {
        p.add("sector", "required");
    }
    let size = Size::parse(input.size.trim());
    if size.is_none() {
        p.add("size", "required");
    }
    let municipality = input.municipality.trim().to_string();
    if municipality.is_empty() {
        p.add("municipality", "required");
    } else if areas.municipality(&municipality).is_none() {
        p.add("municipality", "unknown");
    }
    match (kvk_number, sector, size) {
        (Some(kvk_number), Some(sector), Some(size)) => p.finish(EmployerDetails {
            name,
            kvk_number,
            sector,
            size,
            municipality,
            recognised_sponsor: input.recognised_sponsor,
        }),
        _ => Err(p.0),
    }
}

/// The Employer Board's yearly fee, in euro cents.
pub const BOARD_FEE_CENTS: i64 = 1_000_000;

/// Membership of the Employer Board in one year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum BoardStatus {
    /// Asked to join.
    Invited,
    /// Agreed to join; the fee is invoiced.
    Member,
    /// Member and the fee is paid.
    Paid,
    /// Left or declined.
    Ended,
}

impl BoardStatus {
    pub const ALL: [BoardStatus; 4] = [
        BoardStatus::Invited,
        BoardStatus::Member,
        BoardStatus::Paid,
        BoardStatus::Ended,
    ];

    pub fn code(self) -> &'static str {
        match self {
            BoardStatus::Invited => "invited",
            BoardStatus::Member => "member",
            BoardStatus::Paid => "paid",
            BoardStatus::Ended => "ended",
        }
    }

    pub fn parse(code: &str) -> Option<BoardStatus> {
        BoardStatus::ALL.into_iter().find(|s| s.code() == code)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardMembership {
    pub year: i32,
    pub fee_cents: i64,
    pub status: BoardStatus,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kvk_numbers_are_eight_digits() {
        assert_eq!(normalise_kvk("1234 5678"), Some("12345678".into()));
        assert_eq!(normalise_kvk("12.34.56.78"), Some("12345678".into()));
        assert_eq!(normalise_kvk("1234567"), None);
        assert_eq!(normalise_kvk("1234567a"), None);
    }

    #[test]
    fn every_problem_of_an_employer_is_named_at_once() {
        let areas = Areas::default();
        let problems = check(
            &EmployerInput {
                kvk_number: "12".into(),
                ..Default::default()
            },
            &areas,
        )
        .unwrap_err();
        let fields: Vec<&str> = problems.iter().map(|p| p.field).collect();
        assert_eq!(
            fields,
            ["name", "kvk_number", "sector", "size", "municipality"]
        );
        assert_eq!(problems[1].problem, "invalid");
    }

    #[test]
    fn the_top_sectors_are_the_four_of_limburg() {
        let top: Vec<&str> = Sector::ALL
            .into_iter()
            .filter(|s| s.is_top_sector())
            .map(Sector::code)
            .collect();
        assert_eq!(
            top,
            [
                "agrofood",
                "life-sciences-health",
                "logistics",
                "chemistry-materials"
            ]
        );
    }
}
