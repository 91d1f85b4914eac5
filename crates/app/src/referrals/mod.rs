//! The referral use cases, shared by the staff pages, the public intake form
//! and the API: refer, change status, assign, note, withdraw consent. Each one
//! checks with the domain, stores (with optimistic locking), queues its notices
//! in the same transaction, and writes the processing log. Access to the route
//! was decided by the authorization layer; here only "is this organisation a
//! party to this referral" is asked, because that is the referral's own rule.

use crate::App;

pub mod callback;
pub mod figures_scope;
pub mod queries;
use loket_domain::audit::{AuditEvent, AuditResult};
use loket_domain::referral::{
    self, Actor, FieldProblem, Referral, ReferralRequest, Side, Source, Transition, TransitionError,
};
use loket_store::StoreError;
use loket_store::referrals::{Note, Notice};

/// The processing activity of the register that referrals belong to.
pub const ACTIVITY: &str = "referral";

/// Who acts: an account for an organisation, from the web or the API.
#[derive(Debug, Clone, Copy)]
pub struct Caller<'a> {
    pub account_id: &'a str,
    pub organization_id: &'a str,
    /// `web` or `api`, for the log.
    pub origin: &'static str,
}

impl<'a> Caller<'a> {
    fn actor(self) -> Actor<'a> {
        Actor {
            account_id: self.account_id,
            organization_id: Some(self.organization_id),
        }
    }
}

/// The organisation a viewer acts for on a referral: among the organisations
/// whose referrals they handle (the policy's own organisations), the receiving
/// one if they belong to it, else the sending one; `None`: not a party.
pub fn party_org(
    memberships: &[loket_domain::account::Membership],
    r: &Referral,
) -> Option<String> {
    let own =
        loket_domain::policy::reach_of(memberships, loket_domain::policy::Action::HandleReferrals)
            .organizations;
    own.iter()
        .find(|o| r.side_of(o) == Some(Side::Receiver))
        .or_else(|| own.iter().find(|o| r.side_of(o) == Some(Side::Sender)))
        .cloned()
}

#[derive(Debug, thiserror::Error)]
pub enum ReferError {
    #[error("the referral has problems")]
    Invalid(Vec<FieldProblem>),
    #[error(transparent)]
    Store(#[from] StoreError),
}

#[derive(Debug, thiserror::Error)]
pub enum ActError {
    /// No such referral, or the caller's organisation is not a party to it
    /// (the same answer, so that nobody learns which referrals exist).
    #[error("no such referral")]
    NotFound,
    #[error(transparent)]
    Transition(TransitionError),
    /// Someone else changed it first; `current` is how it is now.
    #[error("the referral was changed by someone else")]
    Conflict { current: Box<Referral>, side: Side },
    #[error("{0}")]
    Invalid(&'static str),
    #[error(transparent)]
    Store(StoreError),
}

/// The pseudonym of the person a referral is about, for the processing log.
fn subject(r: &Referral) -> String {
    format!("referral/{}", r.id)
}

async fn log(state: &App, action: &str, r: &Referral, actor: &str, origin: &str) {
    state
        .record_audit(AuditEvent {
            action: action.into(),
            object: format!("referral/{}", r.id),
            result: AuditResult::Success,
            origin: origin.into(),
            actor: actor.into(),
            subject: Some(subject(r)),
            activity: Some(ACTIVITY.into()),
        })
        .await;
}

/// Notices to every member of an organisation.
async fn notify_members(
    state: &App,
    org: &str,
    referral_id: &str,
    kind: &str,
) -> Result<Vec<Notice>, StoreError> {
    Ok(state
        .store
        .organization_members(org)
        .await?
        .into_iter()
        .map(|a| Notice {
            account_id: a.id,
            referral_id: referral_id.into(),
            kind: kind.into(),
        })
        .collect())
}

/// Checks a request against the catalogue: the service must exist, and a
/// referral goes to another organisation (within one's own, hand it over directly).
fn check_against_catalogue(
    state: &App,
    request: &ReferralRequest,
    from_org: Option<&str>,
) -> Result<String, Vec<FieldProblem>> {
    let mut problems = referral::check_request(request);
    let idx = state.index();
    let receiver = idx
        .service(request.service_id.trim())
        .map(|s| s.organization_id.clone());
    match &receiver {
        None if !request.service_id.trim().is_empty() => problems.push(FieldProblem {
            field: "service_id",
            problem: "unknown",
        }),
        Some(org) if Some(org.as_str()) == from_org => problems.push(FieldProblem {
            field: "service_id",
            problem: "own-organization",
        }),
        _ => {}
    }
    match receiver {
        Some(org) if problems.is_empty() => Ok(org),
        _ => Err(problems),
    }
}

/// Refers a person to a service: from an organisation's staff (`caller`), or
/// from the front door (`None`).
pub async fn refer(
    state: &App,
    caller: Option<Caller<'_>>,
    request: &ReferralRequest,
) -> Result<Referral, ReferError> {
    let from_org = caller.map(|c| c.organization_id);
    let receiver_org =
        check_against_catalogue(state, request, from_org).map_err(ReferError::Invalid)?;
    if let (Some(previous), Some(c)) = (request.previous_id.as_deref(), caller)
        && !previous.is_empty()
    {
        // Referring on continues a referral this organisation received.
        let party = state
            .store
            .referral(previous)
            .await?
            .is_some_and(|p| p.side_of(c.organization_id) == Some(Side::Receiver));
        if !party {
            return Err(ReferError::Invalid(vec![FieldProblem {
                field: "previous_id",
                problem: "unknown",
            }]));
        }
    }
    let (source, actor) = match caller {
        Some(c) => (
            Source::Organization {
                organization_id: c.organization_id.into(),
                account_id: c.account_id.into(),
            },
            c.actor(),
        ),
        None => (
            Source::FrontDoor,
            Actor {
                account_id: "front-door",
                organization_id: None,
            },
        ),
    };
    let level = state.store.service_level(request.service_id.trim()).await?;
    let id = uuid::Uuid::new_v4().to_string();
    let (r, change) = referral::create(
        id,
        request,
        source,
        receiver_org.clone(),
        actor,
        state.clock.unix(),
        state.clock.today(),
        level,
    );
    let notices = notify_members(state, &receiver_org, &r.id, "new").await?;
    state.store.create_referral(&r, &change, &notices).await?;
    let (who, origin) = match caller {
        Some(c) => (c.account_id, c.origin),
        None => ("anonymous", "web"),
    };
    log(state, "referral.create", &r, who, origin).await;
    Ok(r)
}

/// The referral as `org` may see it, and which side it is on; `NotFound` for
/// organisations that are not a party.
pub async fn for_party(state: &App, id: &str, org: &str) -> Result<(Referral, Side), ActError> {
    let r = state
        .store
        .referral(id)
        .await
        .map_err(ActError::Store)?
        .ok_or(ActError::NotFound)?;
    let side = r.side_of(org).ok_or(ActError::NotFound)?;
    Ok((r, side))
}

/// Stores a changed referral, turning a lost race into [`ActError::Conflict`].
async fn save(
    state: &App,
    next: &Referral,
    expected: i64,
    change: Option<&referral::StatusChange>,
    notices: &[Notice],
    org: &str,
) -> Result<(), ActError> {
    match state
        .store
        .update_referral(next, expected, change, notices)
        .await
    {
        Ok(()) => Ok(()),
        Err(StoreError::Conflict(_)) => {
            let (current, side) = for_party(state, &next.id, org).await?;
            Err(ActError::Conflict {
                current: Box::new(current),
                side,
            })
        }
        Err(e) => Err(ActError::Store(e)),
    }
}

/// Refuses a change based on an older version than the stored one (a form
/// opened before someone else acted).
fn check_version(r: &Referral, side: Side, expected: Option<i64>) -> Result<(), ActError> {
    match expected {
        Some(v) if v != r.version => Err(ActError::Conflict {
            current: Box::new(r.clone()),
            side,
        }),
        _ => Ok(()),
    }
}

/// Moves a referral to another status.
pub async fn change_status(
    state: &App,
    caller: Caller<'_>,
    id: &str,
    expected: Option<i64>,
    t: &Transition,
) -> Result<Referral, ActError> {
    let (r, side) = for_party(state, id, caller.organization_id).await?;
    check_version(&r, side, expected)?;
    let level = state
        .store
        .service_level(&r.service_id)
        .await
        .map_err(ActError::Store)?;
    let (next, change) = referral::apply(
        &r,
        side,
        caller.actor(),
        t,
        state.clock.unix(),
        state.clock.today(),
        level,
    )
    .map_err(ActError::Transition)?;
    // Tell the other end: the sender hears every answer (the loop closes), the
    // receiver hears a cancellation.
    let notices = match (side, &r.source) {
        (Side::Receiver, Source::Organization { account_id, .. }) => vec![Notice {
            account_id: account_id.clone(),
            referral_id: r.id.clone(),
            kind: "status".into(),
        }],
        (Side::Sender, _) => match &r.assignee {
            Some(a) => vec![Notice {
                account_id: a.clone(),
                referral_id: r.id.clone(),
                kind: "status".into(),
            }],
            None => notify_members(state, &r.receiver_org, &r.id, "status")
                .await
                .map_err(ActError::Store)?,
        },
        _ => Vec::new(),
    };
    save(
        state,
        &next,
        r.version,
        Some(&change),
        &notices,
        caller.organization_id,
    )
    .await?;
    let action = format!("referral.{}", next.status.code());
    log(state, &action, &next, caller.account_id, caller.origin).await;
    Ok(next)
}

/// Assigns a received referral to the caller, or releases it.
pub async fn assign(
    state: &App,
    caller: Caller<'_>,
    id: &str,
    expected: Option<i64>,
    to_me: bool,
) -> Result<Referral, ActError> {
    let (r, side) = for_party(state, id, caller.organization_id).await?;
    if side != Side::Receiver {
        return Err(ActError::Invalid("receiver-only"));
    }
    check_version(&r, side, expected)?;
    let next = referral::assign(
        &r,
        to_me.then(|| caller.account_id.to_string()),
        state.clock.unix(),
    );
    save(state, &next, r.version, None, &[], caller.organization_id).await?;
    log(
        state,
        "referral.assign",
        &next,
        caller.account_id,
        caller.origin,
    )
    .await;
    Ok(next)
}

/// Records that the person withdrew consent: their data leaves the referral.
pub async fn withdraw_consent(
    state: &App,
    caller: Caller<'_>,
    id: &str,
    expected: Option<i64>,
) -> Result<Referral, ActError> {
    let (r, side) = for_party(state, id, caller.organization_id).await?;
    if r.consent.basis != referral::LegalBasis::Consent || r.consent.withdrawn_at.is_some() {
        return Err(ActError::Invalid("no-consent"));
    }
    check_version(&r, side, expected)?;
    let (next, change) = referral::withdraw_consent(&r, caller.actor(), state.clock.unix());
    let other = match side {
        Side::Receiver => match &r.source {
            Source::Organization { account_id, .. } => vec![Notice {
                account_id: account_id.clone(),
                referral_id: r.id.clone(),
                kind: "withdrawn".into(),
            }],
            Source::FrontDoor => Vec::new(),
        },
        Side::Sender => notify_members(state, &r.receiver_org, &r.id, "withdrawn")
            .await
            .map_err(ActError::Store)?,
    };
    save(
        state,
        &next,
        r.version,
        change.as_ref(),
        &other,
        caller.organization_id,
    )
    .await?;
    log(
        state,
        "referral.consent-withdrawn",
        &next,
        caller.account_id,
        caller.origin,
    )
    .await;
    Ok(next)
}

/// The most characters of one internal note.
pub const MAX_NOTE_CHARS: usize = 4000;

/// Adds an internal note, readable only by the caller's organisation.
pub async fn add_note(
    state: &App,
    caller: Caller<'_>,
    id: &str,
    text: &str,
) -> Result<(), ActError> {
    let (r, _) = for_party(state, id, caller.organization_id).await?;
    let text = text.trim();
    if text.is_empty() {
        return Err(ActError::Invalid("required"));
    }
    if text.chars().count() > MAX_NOTE_CHARS {
        return Err(ActError::Invalid("too-long"));
    }
    let note = Note {
        author: caller.account_id.into(),
        at: state.clock.unix(),
        text: text.into(),
    };
    state
        .store
        .add_note(&r.id, caller.organization_id, &note)
        .await
        .map_err(ActError::Store)?;
    log(state, "referral.note", &r, caller.account_id, caller.origin).await;
    Ok(())
}
