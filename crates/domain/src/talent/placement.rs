//! Placements: a hire counts as an effective placement in the year it starts, next to the
//! expected placements (the target the programme reports to its funder).

use serde::{Deserialize, Serialize};

/// A hire as recorded: who started where, in which occupation, mediated by which service.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Placement {
    pub id: String,
    /// None once the candidate's record was erased (the count stays).
    pub introduction_id: Option<String>,
    pub employer_id: String,
    pub vacancy_id: String,
    /// ESCO occupation URI.
    pub occupation: String,
    /// The catalogue service that mediated.
    pub service_id: String,
    pub start_date: chrono::NaiveDate,
}

/// Placements of one year against the target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlacementFigures {
    pub year: i32,
    /// The target; None when none was set for the year.
    pub expected: Option<u32>,
    pub effective: u32,
}

impl PlacementFigures {
    /// Effective as a share of expected, in whole percent.
    pub fn percent_of_target(&self) -> Option<u32> {
        let expected = self.expected.filter(|e| *e > 0)?;
        Some(
            ((u64::from(self.effective) * 100 + u64::from(expected) / 2) / u64::from(expected))
                as u32,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_share_of_target_is_rounded_and_absent_without_a_target() {
        let f = PlacementFigures {
            year: 2026,
            expected: Some(30),
            effective: 7,
        };
        assert_eq!(f.percent_of_target(), Some(23));
        assert_eq!(
            PlacementFigures {
                expected: None,
                ..f
            }
            .percent_of_target(),
            None
        );
        assert_eq!(
            PlacementFigures {
                expected: Some(0),
                ..f
            }
            .percent_of_target(),
            None
        );
    }
}
