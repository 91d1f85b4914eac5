//! What funds a region's services: the agreements and grants of the shipped
//! funding (`seed/funding/`), and the Employer Board's fees from the employer
//! records (members and what they paid, per year).

use crate::{App, AppResult};
use loket_domain::monitoring::funding::{self, Funding};
use loket_domain::talent::employer::BoardStatus;
use std::collections::BTreeMap;

/// The funding loket ships (South Limburg's).
pub fn shipped() -> Result<Vec<Funding>, funding::FundingError> {
    Ok(vec![Funding::parse(funding::SOUTH_LIMBURG)?])
}

/// The Employer Board in one year.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Board {
    /// Members (a membership that is not merely invited or ended).
    pub members: usize,
    /// What the members owe that year, in cents.
    pub promised: i64,
    /// What they paid.
    pub paid: i64,
}

/// The Employer Board per year, from the employers' memberships.
pub async fn employer_board(app: &App) -> AppResult<BTreeMap<i32, Board>> {
    let mut years: BTreeMap<i32, Board> = BTreeMap::new();
    for employer in app.store.employers().await? {
        for m in app.store.board_memberships(&employer.id).await? {
            if !matches!(m.status, BoardStatus::Member | BoardStatus::Paid) {
                continue;
            }
            let year = years.entry(m.year).or_default();
            year.members += 1;
            year.promised += m.fee_cents;
            if m.status == BoardStatus::Paid {
                year.paid += m.fee_cents;
            }
        }
    }
    Ok(years)
}
