//! API tokens for an organisation's own systems: made by its admin in the staff
//! area or by an operator with `loket admin create-api-token`, through this one
//! use case. The secret is shown once; only its hash is stored.

use crate::App;
use crate::clock::Clock;
use crate::error::{AppError, AppResult};
use loket_domain::audit::{AuditEvent, AuditResult};
use loket_domain::referral::FieldProblem;
use loket_store::Store;
use loket_store::referrals::ApiToken;

/// What a token may be used for: registering contacts, handling referrals, and
/// reading the results as aggregates (`figures`, as a funder sees them).
pub const SCOPES: [&str; 3] = ["contacts", "referrals", "figures"];
/// The scopes an organisation's admin may give a token in the staff area; a
/// `figures` token reads the network's aggregates, so only an operator makes one
/// (`loket admin create-api-token --scope figures`).
pub const ORGANISATION_SCOPES: [&str; 2] = ["contacts", "referrals"];
/// The longest name of a token.
pub const MAX_NAME_CHARS: usize = 80;

/// Who makes the token: an account (`web`) or the operator (`cli`).
#[derive(Debug, Clone, Copy)]
pub struct Maker<'a> {
    pub actor: &'a str,
    pub origin: &'static str,
}

/// The problems of a name and scopes, all at once (`name`: required or
/// too-long; `scopes`: none or unknown).
pub fn problems(name: &str, scopes: &[String]) -> Vec<FieldProblem> {
    let mut problems = Vec::new();
    let name = name.trim();
    if name.is_empty() {
        problems.push(FieldProblem {
            field: "name",
            problem: "required",
        });
    } else if name.chars().count() > MAX_NAME_CHARS {
        problems.push(FieldProblem {
            field: "name",
            problem: "too-long",
        });
    }
    if scopes.is_empty() {
        problems.push(FieldProblem {
            field: "scopes",
            problem: "required",
        });
    } else if scopes.iter().any(|s| !SCOPES.contains(&s.as_str())) {
        problems.push(FieldProblem {
            field: "scopes",
            problem: "unknown",
        });
    }
    problems
}

/// Makes a token for `organization_id`; returns it and its secret (to show once).
pub async fn create(
    app: &App,
    organization_id: &str,
    name: &str,
    scopes: &[String],
    maker: Maker<'_>,
) -> AppResult<(ApiToken, String)> {
    create_in(
        app.store.as_ref(),
        &app.clock,
        organization_id,
        name,
        scopes,
        maker,
    )
    .await
}

/// The same on a bare store, for the command line (which opens no [`App`]).
pub async fn create_in(
    store: &dyn Store,
    clock: &Clock,
    organization_id: &str,
    name: &str,
    scopes: &[String],
    maker: Maker<'_>,
) -> AppResult<(ApiToken, String)> {
    let problems = problems(name, scopes);
    if !problems.is_empty() {
        return Err(AppError::Invalid(problems));
    }
    let mut scopes = scopes.to_vec();
    scopes.sort();
    scopes.dedup();
    let secret = format!("loket_{}", loket_auth::secrets::new_token());
    let token = ApiToken {
        id: uuid::Uuid::new_v4().to_string(),
        organization_id: organization_id.to_string(),
        name: name.trim().to_string(),
        scopes,
        created_by: maker.actor.to_string(),
        created_at: clock.unix(),
        revoked_at: None,
    };
    store
        .create_api_token(&token, &loket_auth::secrets::hash_secret(&secret))
        .await?;
    crate::audit::append(
        store,
        AuditEvent {
            action: "api-token.create".into(),
            object: format!("api-token/{}", token.id),
            result: AuditResult::Success,
            origin: maker.origin.into(),
            actor: maker.actor.into(),
            subject: None,
            activity: None,
        },
    )
    .await;
    Ok((token, secret))
}

/// An organisation's tokens (without secrets), newest first.
pub async fn list(app: &App, organization_id: &str) -> AppResult<Vec<ApiToken>> {
    Ok(app.store.api_tokens(organization_id).await?)
}

/// Revokes a token of `organization_id`; revoking an unknown or revoked token
/// changes nothing.
pub async fn revoke(
    app: &App,
    token_id: &str,
    organization_id: &str,
    actor: &str,
) -> AppResult<()> {
    let revoked = app
        .store
        .revoke_api_token(token_id, organization_id, app.clock.unix())
        .await?;
    if revoked {
        app.record_audit(crate::audit::web_event(
            "api-token.revoke",
            format!("api-token/{token_id}"),
            AuditResult::Success,
            actor,
        ))
        .await;
    }
    Ok(())
}
