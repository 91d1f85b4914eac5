//! Organisations asking to join the catalogue: a proposal from the public form
//! (anonymous, kept under the `organisation-proposals` activity), decided once
//! by the coordinator; approval adds the organisation to the catalogue in the
//! same transaction, and this node's index is rebuilt at once.

use crate::{App, AppResult};
use loket_domain::Organization;
use loket_domain::audit::{AuditEvent, AuditResult};
use loket_domain::proposal::{self, OrganizationProposal};
use loket_store::ProposalRecord;

const ACTIVITY: &str = "organisation-proposals";

fn event(action: &str, id: &str, actor: &str) -> AuditEvent {
    AuditEvent {
        action: action.into(),
        object: format!("proposal/{id}"),
        result: AuditResult::Success,
        origin: "web".into(),
        actor: actor.into(),
        subject: None,
        activity: Some(ACTIVITY.into()),
    }
}

/// Keeps a checked proposal.
pub async fn submit(app: &App, checked: &OrganizationProposal) -> AppResult<()> {
    app.store.add_proposal(checked, app.clock.unix()).await?;
    app.record_audit(event("organization.propose", &checked.id, "anonymous"))
        .await;
    Ok(())
}

/// Proposals waiting for a decision.
pub async fn pending(app: &App) -> AppResult<Vec<ProposalRecord>> {
    Ok(app.store.pending_proposals().await?)
}

pub async fn proposal(app: &App, id: &str) -> AppResult<Option<ProposalRecord>> {
    Ok(app.store.proposal(id).await?)
}

/// Approves (adding the organisation) or declines a proposal. Answers the
/// organisation added, or `None` for a decline; `Ok(None)` too when someone
/// decided it first.
pub async fn decide(
    app: &App,
    record: &ProposalRecord,
    approve: bool,
    actor: &str,
) -> AppResult<Option<Organization>> {
    let organization = approve.then(|| {
        let taken: Vec<String> = app
            .index()
            .organizations()
            .iter()
            .map(|o| o.key.clone())
            .collect();
        proposal::organization(&record.proposal, &taken, app.clock.now())
    });
    let id = &record.proposal.id;
    let decided = app
        .store
        .decide_proposal(id, organization.as_ref(), actor, app.clock.unix())
        .await?;
    if !decided {
        return Ok(None);
    }
    let action = if approve {
        "organization.approve"
    } else {
        "organization.decline"
    };
    app.record_audit(event(action, id, actor)).await;
    let _ = app.refresh().await;
    Ok(organization)
}
