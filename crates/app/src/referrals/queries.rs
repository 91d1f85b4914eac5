//! What the referral desk and the API read: inbox pages and their counts, a
//! referral with its history and the organisation's own notes, notifications,
//! the overdue list and the facts behind the figures. Access was decided before
//! (the authorization layer and [`super::party_org`]); these only read.

use crate::{App, AppResult};
use loket_domain::account::Membership;
use loket_domain::contact::Contact;
use loket_domain::referral::{Referral, StatusChange};
use loket_store::referrals::{InboxCounts, InboxQuery, Note, Notification, ReferralFact};

/// One page of an inbox view, its tab counts and the viewer's unread notifications.
pub async fn inbox_page(
    app: &App,
    query: &InboxQuery<'_>,
    account_id: &str,
) -> AppResult<(Vec<Referral>, InboxCounts, i64)> {
    let store = app.store.as_ref();
    Ok(tokio::try_join!(
        store.inbox(query),
        store.inbox_counts(query),
        store.unread_notifications(account_id),
    )?)
}

/// One page of an inbox view (the API's list).
pub async fn inbox(app: &App, query: &InboxQuery<'_>) -> AppResult<Vec<Referral>> {
    Ok(app.store.inbox(query).await?)
}

/// The referral and the organisation the viewer acts for on it; `None` when it
/// does not exist or the viewer's organisations are not a party to it.
pub async fn for_viewer(
    app: &App,
    memberships: &[Membership],
    id: &str,
) -> AppResult<Option<(Referral, String)>> {
    let Some(r) = app.store.referral(id).await? else {
        return Ok(None);
    };
    Ok(super::party_org(memberships, &r).map(|org| (r, org)))
}

/// A referral by id, for callers whose party was checked already.
pub async fn referral(app: &App, id: &str) -> AppResult<Option<Referral>> {
    Ok(app.store.referral(id).await?)
}

/// The status history, oldest first.
pub async fn history(app: &App, id: &str) -> AppResult<Vec<StatusChange>> {
    Ok(app.store.referral_history(id).await?)
}

/// The notes `organization_id` wrote on the referral (nobody else's).
pub async fn notes(app: &App, id: &str, organization_id: &str) -> AppResult<Vec<Note>> {
    Ok(app.store.notes(id, organization_id).await?)
}

/// An account's display name, empty when it is gone (erased).
pub async fn account_name(app: &App, account_id: &str) -> String {
    match app.store.account(account_id).await {
        Ok(Some((a, _))) => a.display_name,
        _ => String::new(),
    }
}

/// Opening a referral reads its notifications; a failure only costs the badge.
pub async fn mark_read(app: &App, account_id: &str, referral_id: &str) {
    if let Err(e) = app
        .store
        .mark_read(account_id, referral_id, app.clock.unix())
        .await
    {
        tracing::warn!(error = %e, "marking notifications read failed");
    }
}

/// The newest notifications of an account.
pub async fn notifications(app: &App, account_id: &str) -> AppResult<Vec<Notification>> {
    Ok(app.store.notifications(account_id, 100).await?)
}

/// Referrals past their due date today, for the coordinator.
pub async fn overdue(app: &App, limit: i64) -> AppResult<Vec<Referral>> {
    Ok(app
        .store
        .overdue_referrals(app.clock.today(), limit)
        .await?)
}

/// Contacts of an organisation (or all) and referral facts in `[from, to)`.
pub async fn figures_input(
    app: &App,
    organization_id: Option<&str>,
    from: i64,
    to: i64,
) -> AppResult<(Vec<Contact>, Vec<ReferralFact>)> {
    Ok(tokio::try_join!(
        app.store.contacts(organization_id, from, to),
        app.store.referral_facts(from, to),
    )?)
}

/// How many contacts `organization_id` registered since `from` (0 when unknown).
pub async fn contacts_since(app: &App, organization_id: &str, from: i64) -> i64 {
    match app
        .store
        .contacts(Some(organization_id), from, i64::MAX)
        .await
    {
        Ok(list) => list.len() as i64,
        Err(_) => 0,
    }
}
