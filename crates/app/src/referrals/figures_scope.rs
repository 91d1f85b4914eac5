//! Whose figures someone sees: the whole network, one labour-market region (the
//! organisations contributing to its menu), or one organisation. What a person may
//! choose follows from the policy's reach for contact and referral figures: a
//! network role chooses anything, a role tied to a region its region and that
//! region's organisations, staff their own organisation.

use loket_domain::account::{Membership, Role};
use loket_domain::policy::{self, Action};
use loket_domain::search::CatalogueIndex;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FiguresScope {
    Network,
    Region(String),
    Organization(String),
}

/// The scope shown, the scopes the person may choose from (in the order offered),
/// and whether they see exact counts or aggregates with small cells suppressed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FiguresChoice {
    pub scope: FiguresScope,
    pub options: Vec<FiguresScope>,
    pub exact: bool,
}

/// What may be chosen, and what is shown for what was asked: the asked region or
/// organisation when it is among the options, else the first option.
pub fn choose(
    memberships: &[Membership],
    idx: &CatalogueIndex,
    asked_region: Option<&str>,
    asked_org: Option<&str>,
) -> Option<FiguresChoice> {
    let options = options(memberships, idx);
    let asked = asked_region
        .map(|r| FiguresScope::Region(r.to_string()))
        .or_else(|| asked_org.map(|o| FiguresScope::Organization(o.to_string())));
    let scope = asked
        .filter(|a| options.contains(a))
        .or_else(|| options.first().cloned())?;
    let exact = exact_for(memberships, &scope);
    Some(FiguresChoice {
        scope,
        options,
        exact,
    })
}

fn options(memberships: &[Membership], idx: &CatalogueIndex) -> Vec<FiguresScope> {
    let reached = policy::reach_of(memberships, Action::ViewReferralFigures);
    let mut options = Vec::new();
    if reached.everywhere {
        options.push(FiguresScope::Network);
        options.extend(
            idx.regions
                .all()
                .iter()
                .map(|r| FiguresScope::Region(r.code.clone())),
        );
        options.extend(
            idx.organizations()
                .iter()
                .map(|o| FiguresScope::Organization(o.id.clone())),
        );
        return options;
    }
    options.extend(
        reached
            .regions
            .iter()
            .filter(|r| idx.regions.get(r).is_some())
            .map(|r| FiguresScope::Region(r.clone())),
    );
    let orgs = policy::organizations_for(memberships, Action::ViewReferralFigures, &idx.regions)
        .unwrap_or_default();
    options.extend(
        orgs.into_iter()
            .filter(|o| idx.organization(o).is_some())
            .map(FiguresScope::Organization),
    );
    options
}

/// Coordinators, and staff for their own organisation, see exact counts; funders
/// (and anyone else) aggregates with small cells suppressed.
fn exact_for(memberships: &[Membership], scope: &FiguresScope) -> bool {
    memberships.iter().any(|m| match m.role {
        Role::Coordinator => true,
        Role::Staff | Role::OrgAdmin => match scope {
            FiguresScope::Organization(o) => m.organization_id.as_deref() == Some(o),
            _ => false,
        },
        _ => false,
    })
}

/// The organisations whose records make up the scope (`None`: all of them).
pub fn partners(scope: &FiguresScope, idx: &CatalogueIndex) -> Option<Vec<String>> {
    match scope {
        FiguresScope::Network => None,
        FiguresScope::Region(code) => Some(idx.regions.contributors(code)),
        FiguresScope::Organization(o) => Some(vec![o.clone()]),
    }
}
