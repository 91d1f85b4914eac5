//! What keeps a visitor from reaching a service: the gaps a coordinator asks
//! organisations to fill. A service has a gap when nobody can reach it (no
//! phone, e-mail, website or address), when it promises a channel without its
//! contact, when it offers visits without a street address, or when nobody
//! confirmed it for twelve months.

use crate::catalogue::{Organization, Service, ServiceStatus};
use crate::reach::Reach;
use crate::search::CatalogueIndex;
use chrono::NaiveDate;

/// One thing missing from a service's record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Gap {
    /// No phone, e-mail, website or street address, its own or its organisation's.
    Unreachable,
    /// Channels the record lists without the contact behind them (`phone`, …).
    ChannelsWithoutContact(Vec<String>),
    /// Walk-in or appointments offered, but no street address to go to.
    NoVisitingAddress,
    /// Not confirmed since this date (`None`: never).
    NotConfirmed(Option<NaiveDate>),
}

/// A service and what its record lacks.
#[derive(Debug)]
pub struct ServiceGaps<'a> {
    pub service: &'a Service,
    pub gaps: Vec<Gap>,
}

/// An organisation's services with gaps, for one request to its admins.
#[derive(Debug)]
pub struct OrganizationGaps<'a> {
    pub organization: &'a Organization,
    pub services: Vec<ServiceGaps<'a>>,
}

/// How long a confirmation holds.
pub const CONFIRMATION_MONTHS: u32 = 12;

/// The gaps of one service on `today`.
pub fn gaps(idx: &CatalogueIndex, s: &Service, today: NaiveDate) -> Vec<Gap> {
    let reach = Reach::of(idx, s);
    let mut gaps = Vec::new();
    if reach.is_empty() {
        gaps.push(Gap::Unreachable);
    }
    let unkept: Vec<String> = reach.unkept(s).cloned().collect();
    let offers_visits = s
        .channels
        .iter()
        .any(|c| c == "walk-in" || c == "appointment");
    if offers_visits && !reach.shows("walk-in") {
        gaps.push(Gap::NoVisitingAddress);
    }
    // An appointment is kept by any contact, walk-in by an address (reported above).
    let unkept: Vec<String> = unkept.into_iter().filter(|c| c != "walk-in").collect();
    if !unkept.is_empty() && !reach.is_empty() {
        gaps.push(Gap::ChannelsWithoutContact(unkept));
    }
    let cutoff = today - chrono::Months::new(CONFIRMATION_MONTHS);
    if s.assured_date.is_none_or(|d| d < cutoff) {
        gaps.push(Gap::NotConfirmed(s.assured_date));
    }
    gaps
}

/// Every active service with a gap, grouped by organisation; the organisations
/// with the most services to fix first, then by name.
pub fn report(idx: &CatalogueIndex, today: NaiveDate) -> Vec<OrganizationGaps<'_>> {
    let mut out: Vec<OrganizationGaps<'_>> = idx
        .organizations()
        .iter()
        .map(|o| OrganizationGaps {
            organization: o,
            services: idx
                .services_of(&o.id)
                .filter(|s| s.status == ServiceStatus::Active)
                .map(|s| ServiceGaps {
                    service: s,
                    gaps: gaps(idx, s, today),
                })
                .filter(|g| !g.gaps.is_empty())
                .collect(),
        })
        .filter(|o| !o.services.is_empty())
        .collect();
    out.sort_by(|a, b| {
        b.services
            .len()
            .cmp(&a.services.len())
            .then_with(|| a.organization.name.cmp(&b.organization.name))
    });
    out
}

/// The report for one organisation (empty when it has no gaps).
pub fn of_organization<'a>(
    idx: &'a CatalogueIndex,
    organization_id: &str,
    today: NaiveDate,
) -> Vec<ServiceGaps<'a>> {
    idx.services_of(organization_id)
        .filter(|s| s.status == ServiceStatus::Active)
        .map(|s| ServiceGaps {
            service: s,
            gaps: gaps(idx, s, today),
        })
        .filter(|g| !g.gaps.is_empty())
        .collect()
}
