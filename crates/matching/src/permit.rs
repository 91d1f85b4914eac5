//! The right to work in the Netherlands, as far as matching can judge it.
//!
//! EU/EEA/Swiss nationals (and people whose residence permit already gives free access to the
//! labour market) may work without a permit. Everyone else needs the employer to apply for one:
//! as a highly skilled migrant (kennismigrant), which only an IND recognised sponsor can do and
//! which needs a salary at or above the threshold for the person's age band, or as an EU Blue
//! Card holder (higher education, salary at or above the Blue Card threshold).
//!
//! Thresholds are gross per month, without holiday pay, as published by the IND for each
//! calendar year. A year beyond the table uses the latest known year (the IND publishes the
//! next year's figures in December; add them to [`THRESHOLDS`]).

use serde::{Deserialize, Serialize};

/// Nationality as far as the right to work is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Nationality {
    /// EU, EEA or Swiss: free movement of workers.
    EuEeaSwiss,
    Other,
}

/// The age band that decides which highly-skilled-migrant threshold applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AgeBand {
    Under30,
    From30,
}

/// The permit schemes with a salary threshold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Scheme {
    /// Highly skilled migrant aged 30 or over.
    HighlySkilled30Plus,
    /// Highly skilled migrant under 30.
    HighlySkilledUnder30,
    /// Highly skilled migrant within three years after study in the Netherlands or a
    /// search year ("reduced criterion").
    HighlySkilledReduced,
    BlueCard,
    /// EU Blue Card for recent graduates (reduced criterion).
    BlueCardReduced,
}

impl Scheme {
    pub const ALL: [Scheme; 5] = [
        Scheme::HighlySkilled30Plus,
        Scheme::HighlySkilledUnder30,
        Scheme::HighlySkilledReduced,
        Scheme::BlueCard,
        Scheme::BlueCardReduced,
    ];

    fn column(self) -> usize {
        match self {
            Scheme::HighlySkilled30Plus => 0,
            Scheme::HighlySkilledUnder30 => 1,
            Scheme::HighlySkilledReduced => 2,
            Scheme::BlueCard => 3,
            Scheme::BlueCardReduced => 4,
        }
    }
}

/// Monthly gross thresholds in euros per calendar year, columns in [`Scheme::ALL`] order.
pub const THRESHOLDS: &[(i32, [u32; 5])] = &[
    (2025, [5_688, 4_171, 2_989, 5_688, 4_551]),
    (2026, [5_942, 4_357, 3_122, 5_942, 4_754]),
];

/// A threshold and the year whose table it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Threshold {
    pub scheme: Scheme,
    pub year: i32,
    pub monthly_gross: u32,
}

/// The threshold of a scheme in a year (the nearest known year outside the table).
pub fn threshold(scheme: Scheme, year: i32) -> Threshold {
    let row = THRESHOLDS
        .iter()
        .rev()
        .find(|(y, _)| *y <= year)
        .or_else(|| THRESHOLDS.first())
        .copied()
        .unwrap_or((year, [0; 5]));
    Threshold {
        scheme,
        year: row.0,
        monthly_gross: row.1[scheme.column()],
    }
}

/// What the candidate brings to the question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PermitProfile {
    pub nationality: Nationality,
    /// A residence permit that already gives free access to the Dutch labour market.
    pub work_authorised: bool,
    pub age_band: AgeBand,
    /// Graduated (or in a search year) within the last three years: the reduced criteria.
    pub recent_graduate: bool,
    /// EQF level of the highest qualification (Blue Card needs higher education, EQF 6+).
    pub eqf: u8,
}

/// What the vacancy and its employer offer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PermitOffer {
    pub employer_recognised_sponsor: bool,
    /// The employer will apply for a permit for this vacancy.
    pub sponsors_permit: bool,
    /// The highest monthly gross salary the vacancy pays.
    pub max_monthly_salary: u32,
    /// The calendar year in which the work starts.
    pub year: i32,
}

/// Why someone may work in this job.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "route", rename_all = "kebab-case")]
pub enum RightToWork {
    FreeMovement,
    AlreadyAuthorised,
    HighlySkilledMigrant { threshold: Threshold },
    BlueCard { threshold: Threshold },
}

/// Why a permit route is closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "obstacle", rename_all = "kebab-case")]
pub enum Obstacle {
    /// Only an IND recognised sponsor can employ a highly skilled migrant.
    NotRecognisedSponsor,
    /// The employer will not apply for a permit for this vacancy.
    NoSponsorship,
    /// The Blue Card needs higher education (EQF 6 or more).
    NoHigherEducation {
        eqf: u8,
    },
    SalaryBelowThreshold {
        threshold: Threshold,
        offered: u32,
    },
}

/// No route to work: why each permit route is closed (highly skilled migrant first, as the
/// main route; its obstacle is the one to show first).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct NoRoute {
    pub highly_skilled: Obstacle,
    pub blue_card: Obstacle,
}

pub fn right_to_work(person: &PermitProfile, offer: &PermitOffer) -> Result<RightToWork, NoRoute> {
    if person.nationality == Nationality::EuEeaSwiss {
        return Ok(RightToWork::FreeMovement);
    }
    if person.work_authorised {
        return Ok(RightToWork::AlreadyAuthorised);
    }
    let highly_skilled = highly_skilled(person, offer);
    let blue_card = blue_card(person, offer);
    match (highly_skilled, blue_card) {
        (Ok(threshold), _) => Ok(RightToWork::HighlySkilledMigrant { threshold }),
        (_, Ok(threshold)) => Ok(RightToWork::BlueCard { threshold }),
        (Err(highly_skilled), Err(blue_card)) => Err(NoRoute {
            highly_skilled,
            blue_card,
        }),
    }
}

fn highly_skilled(person: &PermitProfile, offer: &PermitOffer) -> Result<Threshold, Obstacle> {
    if !offer.employer_recognised_sponsor {
        return Err(Obstacle::NotRecognisedSponsor);
    }
    if !offer.sponsors_permit {
        return Err(Obstacle::NoSponsorship);
    }
    let scheme = match (person.recent_graduate, person.age_band) {
        (true, _) => Scheme::HighlySkilledReduced,
        (false, AgeBand::Under30) => Scheme::HighlySkilledUnder30,
        (false, AgeBand::From30) => Scheme::HighlySkilled30Plus,
    };
    salary_reaches(threshold(scheme, offer.year), offer.max_monthly_salary)
}

fn blue_card(person: &PermitProfile, offer: &PermitOffer) -> Result<Threshold, Obstacle> {
    if !offer.sponsors_permit {
        return Err(Obstacle::NoSponsorship);
    }
    if person.eqf < 6 {
        return Err(Obstacle::NoHigherEducation { eqf: person.eqf });
    }
    let scheme = if person.recent_graduate {
        Scheme::BlueCardReduced
    } else {
        Scheme::BlueCard
    };
    salary_reaches(threshold(scheme, offer.year), offer.max_monthly_salary)
}

fn salary_reaches(threshold: Threshold, offered: u32) -> Result<Threshold, Obstacle> {
    if offered >= threshold.monthly_gross {
        Ok(threshold)
    } else {
        Err(Obstacle::SalaryBelowThreshold { threshold, offered })
    }
}
