//! Storage for subscriptions to the quarterly report: who asked for which
//! results (a scope, in a language), the last quarter mailed, and the
//! unsubscribe links sent (only their hashes; one per mail).

use async_trait::async_trait;

use crate::StoreResult;

/// A subscription to the quarterly report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subscription {
    pub id: String,
    pub account_id: String,
    /// The results it is about, as the dashboard names its scope: empty for
    /// the network, `regio:{code}` for a region, or an organisation's id.
    pub scope: String,
    /// The language the mails are written in (the page's when subscribing).
    pub lang: String,
    pub created_at: i64,
    /// `YYYY-Qn` of the last quarter reported (at subscribing: the quarter
    /// that had just ended, so the first mail reports the next one).
    pub last_quarter: String,
}

/// A quarterly mail ready to go: its subscription moves on to `quarter`, its
/// unsubscribe link's hash is kept, and the mail is queued, all at once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuarterlyMail {
    pub subscription_id: String,
    pub quarter: String,
    pub unsubscribe_hash: String,
    /// The `mail` job's payload.
    pub mail_job: String,
}

#[async_trait]
pub trait SubscriptionStore: Send + Sync + 'static {
    /// Adds a subscription; `false` (and nothing changes) when the account
    /// already has one for that scope.
    async fn subscribe(&self, s: &Subscription) -> StoreResult<bool>;
    /// An account's subscriptions, oldest first.
    async fn subscriptions_of(&self, account_id: &str) -> StoreResult<Vec<Subscription>>;
    /// Ends an account's subscription to a scope, with its links; `false` when
    /// there was none.
    async fn unsubscribe(&self, account_id: &str, scope: &str) -> StoreResult<bool>;
    /// Subscriptions whose last reported quarter is before `quarter`.
    async fn subscriptions_due(&self, quarter: &str) -> StoreResult<Vec<Subscription>>;
    /// Records a quarterly mail and queues it, unless its subscription ended or
    /// already reported that quarter (then `false`: two workers never send twice).
    async fn queue_quarterly_mail(&self, mail: &QuarterlyMail, at: i64) -> StoreResult<bool>;
    /// The subscription an unsubscribe link (by its hash) belongs to.
    async fn subscription_by_link(&self, link_hash: &str) -> StoreResult<Option<Subscription>>;
    /// Ends the subscription an unsubscribe link belongs to, with all its
    /// links; `false` for a link of none.
    async fn unsubscribe_by_link(&self, link_hash: &str) -> StoreResult<bool>;
}
