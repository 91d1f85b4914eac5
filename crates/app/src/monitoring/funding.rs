//! What funds a region's services: the agreements and grants of the shipped
//! funding (`seed/funding/`), the Employer Board's fees from the employer
//! records (members and what they paid, per year), and what the coordinator
//! records: the shares of maximum contributions, where each condition stands,
//! and which funder accounts stand for which funder.

use crate::audit::web_event;
use crate::{App, AppError, AppResult};
use loket_domain::audit::AuditResult;
use loket_domain::monitoring::allocation::{
    self, ConditionInput, ConditionState, Share, ShareInput,
};
use loket_domain::monitoring::funding::{self, Funding};
use loket_domain::referral::FieldProblem;
use loket_domain::talent::employer::BoardStatus;
use loket_store::funding::{FunderLink, Recorded};
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

/// A region's funding with what the coordinator recorded about it.
pub struct FundingView {
    pub funding: Funding,
    /// The shares in force of maximum contributions.
    pub shares: Vec<Recorded<Share>>,
    /// The newest state of each condition that has one.
    pub conditions: Vec<Recorded<ConditionState>>,
    /// Who recorded them, by account id (display names).
    pub names: BTreeMap<String, String>,
    /// The funder accounts there are, and the funders each stands for.
    pub funder_accounts: Vec<(loket_domain::account::Account, Vec<String>)>,
}

fn region_funding<'a>(app: &'a App, region: &str) -> AppResult<&'a Funding> {
    app.funding
        .iter()
        .find(|f| f.region == region)
        .ok_or(AppError::NotFound)
}

/// The shipped funding of the first region that has one.
pub fn first_region(app: &App) -> Option<String> {
    app.funding.first().map(|f| f.region.clone())
}

/// A region's funding, its records, and the funder accounts.
pub async fn view(app: &App, region: &str) -> AppResult<FundingView> {
    let funding = region_funding(app, region)?.clone();
    let shares = app.store.shares(region).await?;
    let conditions = app.store.conditions(region).await?;
    let links = app.store.funder_links(Some(region), None).await?;
    let mut names = BTreeMap::new();
    for id in shares
        .iter()
        .map(|s| &s.set_by)
        .chain(conditions.iter().map(|c| &c.set_by))
    {
        if !names.contains_key(id)
            && let Some((a, _)) = app.store.account(id).await?
        {
            names.insert(id.clone(), a.display_name);
        }
    }
    let funder_accounts = app
        .store
        .network_members("funder")
        .await?
        .into_iter()
        .map(|a| {
            let funders = links
                .iter()
                .filter(|l| l.account_id == a.id)
                .map(|l| l.funder.clone())
                .collect();
            (a, funders)
        })
        .collect();
    Ok(FundingView {
        funding,
        shares,
        conditions,
        names,
        funder_accounts,
    })
}

/// The funders an account stands for, per region.
pub async fn funders_of(app: &App, account_id: &str) -> AppResult<Vec<FunderLink>> {
    Ok(app.store.funder_links(None, Some(account_id)).await?)
}

/// Records an organisation's share of a maximum contribution; every problem at once.
pub async fn set_share(
    app: &App,
    region: &str,
    input: &ShareInput,
    actor: &str,
) -> AppResult<Share> {
    let f = region_funding(app, region)?;
    let in_force: Vec<Share> = app
        .store
        .shares(region)
        .await?
        .into_iter()
        .map(|r| r.value)
        .collect();
    let share = allocation::check_share(f, input, &in_force).map_err(AppError::Invalid)?;
    app.store
        .set_share(region, &share, actor, app.clock.unix())
        .await?;
    app.record_audit(web_event(
        "funding.share",
        format!("funding/{region}/{}/{}", share.agreement, share.recipient),
        AuditResult::Success,
        actor,
    ))
    .await;
    Ok(share)
}

/// Records where a condition stands; every problem at once.
pub async fn set_condition(
    app: &App,
    region: &str,
    input: &ConditionInput,
    actor: &str,
) -> AppResult<ConditionState> {
    let f = region_funding(app, region)?;
    let state =
        allocation::check_condition(f, input, app.clock.today()).map_err(AppError::Invalid)?;
    app.store
        .set_condition(region, &state, actor, app.clock.unix())
        .await?;
    app.record_audit(web_event(
        "funding.condition",
        format!("funding/{region}/{}/{}", state.agreement, state.condition),
        AuditResult::Success,
        actor,
    ))
    .await;
    Ok(state)
}

/// Which funder account to link to which funder, as chosen.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize)]
pub struct LinkInput {
    #[serde(default)]
    pub account: String,
    #[serde(default)]
    pub funder: String,
    /// `1` removes the link.
    #[serde(default)]
    pub remove: String,
}

/// Links a funder account to one of the region's funders (or removes the link),
/// so that the account sees what that funder funds; every problem at once.
pub async fn link_funder(
    app: &App,
    region: &str,
    input: &LinkInput,
    actor: &str,
) -> AppResult<FunderLink> {
    let f = region_funding(app, region)?;
    let mut problems = Vec::new();
    let funders = app.store.network_members("funder").await?;
    if !funders.iter().any(|a| a.id == input.account.trim()) {
        problems.push(FieldProblem {
            field: "account",
            problem: "unknown",
        });
    }
    if !f.funders.iter().any(|x| x.id == input.funder.trim()) {
        problems.push(FieldProblem {
            field: "funder",
            problem: "unknown",
        });
    }
    if !problems.is_empty() {
        return Err(AppError::Invalid(problems));
    }
    let link = FunderLink {
        account_id: input.account.trim().to_string(),
        region: region.to_string(),
        funder: input.funder.trim().to_string(),
        linked: input.remove != "1",
    };
    app.store
        .set_funder_link(&link, actor, app.clock.unix())
        .await?;
    app.record_audit(web_event(
        if link.linked {
            "funding.link"
        } else {
            "funding.unlink"
        },
        format!("funding/{region}/{}", link.funder),
        AuditResult::Success,
        actor,
    ))
    .await;
    Ok(link)
}
