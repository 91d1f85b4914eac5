//! A person's own data: the access export (GDPR article 15) for themselves or
//! for the platform admin's access requests, erasure (article 17: personal data
//! goes, the pseudonymous id stays in the log and the counts), sessions, and
//! "sign out everywhere". Actions on someone's data are logged with the person
//! as data subject under the `staff-accounts` activity.

use crate::audit::web_event;
use crate::{App, AppResult};
use loket_domain::account::{Account, Membership};
use loket_domain::audit::{AuditEntry, AuditResult};
use serde::Serialize;

/// Everything loket holds about one account holder.
#[derive(Debug, Serialize)]
pub struct AccessExport {
    pub generated_at: chrono::DateTime<chrono::Utc>,
    pub account: loket_domain::account::Account,
    pub roles: Vec<loket_domain::account::Membership>,
    pub second_factor_enrolled: bool,
    pub recovery_codes_left: i64,
    pub sessions: Vec<SessionSummary>,
    /// Log lines about this person or by this person.
    pub log: Vec<AuditEntry>,
    /// What is never exported because it is not readable: the password hash,
    /// the second-factor secret, session ids (stored as hashes).
    pub not_included: Vec<&'static str>,
}

#[derive(Debug, Serialize)]
pub struct SessionSummary {
    pub started: chrono::DateTime<chrono::Utc>,
    pub last_used: chrono::DateTime<chrono::Utc>,
}

fn at(t: i64) -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::from_timestamp(t, 0).unwrap_or_default()
}

pub async fn access_export(app: &App, account_id: &str) -> AppResult<Option<AccessExport>> {
    let Some((account, _)) = app.store.account(account_id).await? else {
        return Ok(None);
    };
    let mut log = Vec::new();
    let object = format!("account/{account_id}");
    let mut after = 0;
    loop {
        let page = app.store.audit_entries(after, 1000).await?;
        let Some(last) = page.last() else { break };
        after = last.seq;
        log.extend(page.into_iter().filter(|e| {
            e.event.actor == account_id
                || e.event.object == object
                || e.event.subject.as_deref() == Some(account_id)
        }));
    }
    Ok(Some(AccessExport {
        generated_at: app.clock.now(),
        roles: app.store.memberships(account_id).await?,
        second_factor_enrolled: app
            .store
            .totp(account_id)
            .await?
            .is_some_and(|t| t.confirmed),
        recovery_codes_left: app.store.recovery_codes_left(account_id).await?,
        sessions: app
            .store
            .sessions_of(account_id)
            .await?
            .into_iter()
            .map(|s| SessionSummary {
                started: at(s.created_at),
                last_used: at(s.last_seen_at),
            })
            .collect(),
        account,
        log,
        not_included: vec!["password hash", "second-factor secret", "session ids"],
    }))
}

/// An action on someone's account data, with the person as data subject.
async fn audit(app: &App, action: &str, subject: &str, actor: &str) {
    let mut event = web_event(
        action,
        format!("account/{subject}"),
        AuditResult::Success,
        actor,
    );
    event.subject = Some(subject.into());
    event.activity = Some("staff-accounts".into());
    app.record_audit(event).await;
}

/// The export of `account_id` for `actor` (the person or the platform admin), logged.
pub async fn export(app: &App, account_id: &str, actor: &str) -> AppResult<Option<AccessExport>> {
    let export = access_export(app, account_id).await?;
    if export.is_some() {
        audit(app, "access-export", account_id, actor).await;
    }
    Ok(export)
}

/// Erases an account's personal data; `false` when there is no such account.
pub async fn erase(app: &App, account_id: &str, actor: &str) -> AppResult<bool> {
    let erased = app
        .store
        .erase_account(account_id, app.clock.unix())
        .await?;
    if erased {
        audit(app, "account.erase", account_id, actor).await;
    }
    Ok(erased)
}

/// How many sessions an account has open, and how many recovery codes are left.
pub async fn overview(app: &App, account_id: &str) -> AppResult<(usize, i64)> {
    let sessions = app.store.sessions_of(account_id).await?.len();
    let left = app.store.recovery_codes_left(account_id).await?;
    Ok((sessions, left))
}

/// Ends every session of the account ("sign out everywhere").
pub async fn sign_out_everywhere(app: &App, account_id: &str) -> AppResult<()> {
    app.store.delete_sessions_of(account_id).await?;
    audit(app, "sign-out.everywhere", account_id, account_id).await;
    Ok(())
}

/// Every account with its roles, for the platform admin.
pub async fn accounts(app: &App) -> AppResult<Vec<(Account, Vec<Membership>)>> {
    let mut out = Vec::new();
    for a in app.store.accounts().await? {
        let roles = app.store.memberships(&a.id).await?;
        out.push((a, roles));
    }
    Ok(out)
}
