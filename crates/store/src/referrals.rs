//! Storage for referrals, their status history and notes, client contacts,
//! in-app notifications (with their e-mail in the same transaction: the outbox),
//! service levels, API tokens and idempotency keys. Times are Unix seconds.

use async_trait::async_trait;
use loket_domain::account::Account;
use loket_domain::contact::Contact;
use loket_domain::referral::{Referral, ServiceLevel, StatusChange};

use crate::StoreResult;

/// The job kind that turns a notification into an e-mail (link only, no personal data).
pub const NOTICE_JOB: &str = "referral-notice";

/// Someone to tell about a referral, in the app and by e-mail.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Notice {
    pub account_id: String,
    pub referral_id: String,
    /// `new`, `status`, `overdue`, `escalated`.
    pub kind: String,
}

/// An in-app notification.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notification {
    pub id: i64,
    pub referral_id: String,
    pub kind: String,
    pub at: i64,
    pub read: bool,
}

/// A receiver's or sender's internal note: only its own organisation reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub author: String,
    pub at: i64,
    pub text: String,
}

/// Which referrals of an organisation an inbox shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InboxView {
    /// Received and still open.
    Open,
    /// Received, waiting for acknowledgement.
    New,
    /// Received, due within the next days.
    Due,
    /// Received, past the due date.
    Overdue,
    /// Received and assigned to this account, open.
    Mine,
    /// Received, whatever the status.
    AllReceived,
    /// Sent by the organisation.
    Sent,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InboxQuery<'a> {
    pub organization_id: &'a str,
    pub view: InboxView,
    /// The account for [`InboxView::Mine`].
    pub account_id: &'a str,
    /// Today's date (Europe/Amsterdam), for due and overdue.
    pub today: chrono::NaiveDate,
    /// "Due" means due on or before this date (and not overdue).
    pub due_until: chrono::NaiveDate,
    pub limit: i64,
    pub offset: i64,
}

/// Inbox counts above this are reported as `COUNT_CAP + 1` ("more than 1000").
pub const COUNT_CAP: i64 = 1000;

/// How many referrals each inbox view holds, up to [`COUNT_CAP`] + 1.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct InboxCounts {
    pub open: i64,
    pub new: i64,
    pub due: i64,
    pub overdue: i64,
    pub mine: i64,
    pub sent: i64,
}

/// A referral with the time it was accepted, for the figures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReferralFact {
    pub referral: Referral,
    pub accepted_at: Option<i64>,
}

/// An API token as stored (the token itself is shown once and only its hash kept).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiToken {
    pub id: String,
    pub organization_id: String,
    pub name: String,
    pub scopes: Vec<String>,
    pub created_by: String,
    pub created_at: i64,
    pub revoked_at: Option<i64>,
}

/// A stored answer to a POST with an `Idempotency-Key`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdempotentReply {
    pub request_hash: String,
    pub status: u16,
    pub body: String,
}

#[async_trait]
pub trait ReferralStore: Send + Sync + 'static {
    /// Stores a new referral with its first history entry and notices, in one transaction.
    async fn create_referral(
        &self,
        referral: &Referral,
        change: &StatusChange,
        notices: &[Notice],
    ) -> StoreResult<()>;

    async fn referral(&self, id: &str) -> StoreResult<Option<Referral>>;

    /// Saves `referral` (whose `version` must be `expected + 1`) only when the stored
    /// one still has version `expected`; otherwise `Conflict` and nothing changes.
    /// A status change is appended to the history, notices are queued, all at once.
    async fn update_referral(
        &self,
        referral: &Referral,
        expected: i64,
        change: Option<&StatusChange>,
        notices: &[Notice],
    ) -> StoreResult<()>;

    /// The status history, oldest first.
    async fn referral_history(&self, id: &str) -> StoreResult<Vec<StatusChange>>;

    async fn add_note(
        &self,
        referral_id: &str,
        organization_id: &str,
        note: &Note,
    ) -> StoreResult<()>;

    /// The notes `organization_id` wrote on a referral, oldest first.
    async fn notes(&self, referral_id: &str, organization_id: &str) -> StoreResult<Vec<Note>>;

    /// One page of an inbox view, newest first.
    async fn inbox(&self, query: &InboxQuery<'_>) -> StoreResult<Vec<Referral>>;

    async fn inbox_counts(&self, query: &InboxQuery<'_>) -> StoreResult<InboxCounts>;

    /// Open referrals past their due date across the network, most overdue first.
    async fn overdue_referrals(
        &self,
        today: chrono::NaiveDate,
        limit: i64,
    ) -> StoreResult<Vec<Referral>>;

    /// Referrals created in `[from, to)`, with when they were accepted.
    async fn referral_facts(&self, from: i64, to: i64) -> StoreResult<Vec<ReferralFact>>;

    /// Removes the person's data and the notes of referrals that reached a final
    /// status before `before`; returns how many were cleared.
    async fn clear_closed_referrals(&self, before: i64) -> StoreResult<u64>;

    /// The members (staff and organisation admins) of an organisation, for notices.
    async fn organization_members(&self, organization_id: &str) -> StoreResult<Vec<Account>>;

    /// Accounts holding a network-wide role (`coordinator`, …).
    async fn network_members(&self, role: &str) -> StoreResult<Vec<Account>>;

    async fn notifications(&self, account_id: &str, limit: i64) -> StoreResult<Vec<Notification>>;

    async fn unread_notifications(&self, account_id: &str) -> StoreResult<i64>;

    /// Marks an account's notifications about a referral as read.
    async fn mark_read(&self, account_id: &str, referral_id: &str, at: i64) -> StoreResult<()>;

    /// Queues notices outside a referral change (reminders, escalations).
    async fn queue_notices(&self, notices: &[Notice], at: i64) -> StoreResult<()>;

    /// A service's levels; the defaults when none were set.
    async fn service_level(&self, service_id: &str) -> StoreResult<ServiceLevel>;

    async fn set_service_level(&self, service_id: &str, level: ServiceLevel) -> StoreResult<()>;
}

#[async_trait]
pub trait ContactStore: Send + Sync + 'static {
    async fn add_contact(&self, contact: &Contact) -> StoreResult<()>;

    /// Contacts registered in `[from, to)`, of one organisation or all.
    async fn contacts(
        &self,
        organization_id: Option<&str>,
        from: i64,
        to: i64,
    ) -> StoreResult<Vec<Contact>>;

    async fn contact_count(&self, organization_id: Option<&str>) -> StoreResult<i64>;

    /// Removes the follow-up details (name, how to reach) of contacts registered
    /// before `before`; the anonymous contact stays counted. Returns how many.
    async fn clear_contact_people(&self, before: i64) -> StoreResult<u64>;
}

#[async_trait]
pub trait ApiTokenStore: Send + Sync + 'static {
    async fn create_api_token(&self, token: &ApiToken, token_hash: &str) -> StoreResult<()>;

    /// The token with this hash, unless revoked.
    async fn api_token(&self, token_hash: &str) -> StoreResult<Option<ApiToken>>;

    async fn api_tokens(&self, organization_id: &str) -> StoreResult<Vec<ApiToken>>;

    async fn revoke_api_token(&self, id: &str, organization_id: &str, at: i64)
    -> StoreResult<bool>;

    /// The stored reply for a caller's key, if any.
    async fn idempotent_reply(
        &self,
        caller: &str,
        key: &str,
    ) -> StoreResult<Option<IdempotentReply>>;

    /// Stores a reply; when the key was stored meanwhile, the earlier reply wins
    /// and is returned.
    async fn save_idempotent_reply(
        &self,
        caller: &str,
        key: &str,
        reply: &IdempotentReply,
        at: i64,
    ) -> StoreResult<Option<IdempotentReply>>;

    /// Replaces the reply stored for a key (after a reservation with status 0).
    async fn finish_idempotent_reply(
        &self,
        caller: &str,
        key: &str,
        reply: &IdempotentReply,
    ) -> StoreResult<()>;

    /// Forgets a key, so that the request can be retried (after a server error).
    async fn forget_idempotent_reply(&self, caller: &str, key: &str) -> StoreResult<()>;

    async fn delete_idempotency_keys_before(&self, before: i64) -> StoreResult<u64>;
}
