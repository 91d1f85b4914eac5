//! Who funds a region's services, with what and on which conditions: funders
//! (municipalities, foundations, the province, a Regio Deal, employers),
//! agreements and grants per year (a maximum or a fixed amount; no amount when
//! the source names none), conditions with deadlines, and the Employer Board fee
//! per member and year. South Limburg's funding ships as data
//! (`seed/funding/zuid-limburg.json`). Amounts are euro cents.

use chrono::NaiveDate;
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};

/// South Limburg's funding as the public sources state it.
pub const SOUTH_LIMBURG: &str = include_str!("../../../../seed/funding/zuid-limburg.json");

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FunderKind {
    Municipality,
    Foundation,
    Province,
    RegionDeal,
    Employers,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Funder {
    pub id: String,
    pub name: String,
    pub kind: FunderKind,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Grant {
    pub year: i32,
    /// `None` when the source names no amount.
    pub cents: Option<i64>,
    /// The source's own words.
    pub wording: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    pub id: String,
    pub text: String,
    pub deadline: NaiveDate,
    /// The indicator the condition is about, if any.
    pub indicator: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Agreement {
    pub id: String,
    pub name: String,
    pub funders: Vec<String>,
    /// Organisations of the catalogue, by key.
    pub recipients: Vec<String>,
    pub signed: Option<NaiveDate>,
    /// The amounts are maximum contributions, not fixed ones.
    pub maximum: bool,
    pub grants: Vec<Grant>,
    pub conditions: Vec<Condition>,
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Funding {
    #[allow(dead_code)]
    #[serde(default)]
    about: String,
    pub region: String,
    pub funders: Vec<Funder>,
    pub agreements: Vec<Agreement>,
    /// What each Employer Board member pays a year.
    pub employer_board_fee_cents: i64,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum FundingError {
    #[error("the funding file is not valid: {0}")]
    Format(String),
    #[error("agreement {agreement} names an unknown funder {funder:?}")]
    UnknownFunder { agreement: String, funder: String },
    #[error("agreement {0} has a negative amount")]
    NegativeAmount(String),
    #[error("agreement {agreement} grants twice for {year}")]
    YearTwice { agreement: String, year: i32 },
    #[error("{0} appears twice")]
    Duplicate(String),
}

impl Funding {
    pub fn parse(text: &str) -> Result<Funding, FundingError> {
        let f: Funding =
            serde_json::from_str(text).map_err(|e| FundingError::Format(e.to_string()))?;
        let mut ids = BTreeSet::new();
        for id in f
            .funders
            .iter()
            .map(|x| &x.id)
            .chain(f.agreements.iter().map(|a| &a.id))
        {
            if !ids.insert(id.clone()) {
                return Err(FundingError::Duplicate(id.clone()));
            }
        }
        if f.employer_board_fee_cents < 0 {
            return Err(FundingError::NegativeAmount("employer board".into()));
        }
        for a in &f.agreements {
            if let Some(funder) = a
                .funders
                .iter()
                .find(|x| !f.funders.iter().any(|y| &y.id == *x))
            {
                return Err(FundingError::UnknownFunder {
                    agreement: a.id.clone(),
                    funder: funder.clone(),
                });
            }
            if a.grants.iter().any(|g| g.cents.is_some_and(|c| c < 0)) {
                return Err(FundingError::NegativeAmount(a.id.clone()));
            }
            let mut years = BTreeSet::new();
            if let Some(g) = a.grants.iter().find(|g| !years.insert(g.year)) {
                return Err(FundingError::YearTwice {
                    agreement: a.id.clone(),
                    year: g.year,
                });
            }
        }
        Ok(f)
    }

    /// The known amounts per year, over every agreement (cents).
    pub fn per_year(&self) -> BTreeMap<i32, i64> {
        let mut out = BTreeMap::new();
        for g in self.agreements.iter().flat_map(|a| &a.grants) {
            *out.entry(g.year).or_insert(0) += g.cents.unwrap_or(0);
        }
        out
    }

    /// What the Employer Board brings in for a year with `members` members.
    pub fn employer_board(&self, members: usize) -> i64 {
        self.employer_board_fee_cents * members as i64
    }

    /// Every condition with its agreement, by deadline.
    pub fn conditions(&self) -> Vec<(&Agreement, &Condition)> {
        let mut out: Vec<_> = self
            .agreements
            .iter()
            .flat_map(|a| a.conditions.iter().map(move |c| (a, c)))
            .collect();
        out.sort_by_key(|(_, c)| c.deadline);
        out
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn south_limburgs_funding_is_as_the_sources_state_it() {
        let f = Funding::parse(SOUTH_LIMBURG).unwrap();
        let eszl = f
            .agreements
            .iter()
            .find(|a| a.id == "eszl-wtmr-2026-2027")
            .unwrap();
        let amounts: Vec<(i32, Option<i64>)> =
            eszl.grants.iter().map(|g| (g.year, g.cents)).collect();
        // €140,000 in 2026 and €250,000 in 2027: €390,000 in all.
        assert_eq!(
            amounts,
            vec![(2026, Some(14_000_000)), (2027, Some(25_000_000))]
        );
        let (_, criteria) = f.conditions()[0];
        assert_eq!(criteria.deadline.to_string(), "2026-02-15");
        assert_eq!(criteria.indicator.as_deref(), Some("placements"));
        let municipalities = &f.agreements[0];
        assert!(municipalities.maximum);
        assert_eq!(municipalities.recipients.len(), 6, "six services");
        assert_eq!(municipalities.grants.len(), 4, "2024 to 2027");
        assert_eq!(f.per_year()[&2026], 120_000_000 + 14_000_000);
        assert_eq!(f.employer_board(3), 3_000_000, "€10,000 a member");
    }

    #[test]
    fn a_funding_file_with_mistakes_is_refused() {
        let unknown =
            SOUTH_LIMBURG.replacen("\"funders\": [\"eszl\"]", "\"funders\": [\"bank\"]", 1);
        assert!(matches!(
            Funding::parse(&unknown),
            Err(FundingError::UnknownFunder { .. })
        ));
        let negative = SOUTH_LIMBURG.replacen("\"cents\": 14000000", "\"cents\": -1", 1);
        assert!(matches!(
            Funding::parse(&negative),
            Err(FundingError::NegativeAmount(_))
        ));
        let twice = SOUTH_LIMBURG.replacen(
            "\"year\": 2027, \"cents\": 25000000",
            "\"year\": 2026, \"cents\": 25000000",
            1,
        );
        assert!(matches!(
            Funding::parse(&twice),
            Err(FundingError::YearTwice { .. })
        ));
    }
}
