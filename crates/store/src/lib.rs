//! Storage of loket: the traits every backend implements, their error type, and
//! the SQL both sqlx backends share. The contract suite every backend must pass
//! lives in `loket-store-contract` (tests only).

pub mod events;
pub mod funding;
pub mod monitoring;
pub mod referrals;
mod sign_in;
#[cfg(feature = "sqlx")]
pub mod sql;
pub mod subscriptions;
pub mod talent;
pub mod uploads;

use async_trait::async_trait;
use loket_domain::{CatalogueDocument, Organization, Service};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("the database cannot be reached: {0}")]
    Unavailable(String),
    #[error("applying the database migrations failed: {0}")]
    Migration(String),
    /// The database refused a record; names the record and field so an importer can fix it.
    #[error("{record}: field `{field}`: {message}")]
    Rejected {
        record: String,
        field: String,
        message: String,
    },
    #[error("a stored record cannot be read: {0}")]
    Corrupt(String),
    #[error("database error: {0}")]
    Database(String),
    /// Someone else saved the record since it was read (optimistic locking).
    #[error("{0} was changed by someone else in the meantime")]
    Conflict(String),
}

pub type StoreResult<T> = Result<T, StoreError>;

/// What `/readyz` reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Readiness {
    pub reachable: bool,
    pub migrations_applied: bool,
    /// A commit is on disk before it is acknowledged, so it survives a crash of
    /// the machine (SQLite: synchronous FULL; PostgreSQL: fsync and
    /// synchronous_commit on).
    pub durable_commits: bool,
}

/// The connection pool now, for `/metrics`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PoolStatus {
    /// Connections open.
    pub size: u32,
    /// Of those, waiting for work.
    pub idle: usize,
}

/// Counts of records written by an import.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportSummary {
    pub organizations: usize,
    pub locations: usize,
    pub services: usize,
    pub taxonomy_terms: usize,
    pub areas: usize,
    pub labour_market_regions: usize,
}

/// The catalogue's storage. Implemented for SQLite and PostgreSQL; both must
/// pass [`contract`].
#[async_trait]
pub trait CatalogueStore: Send + Sync + 'static {
    /// `sqlite` or `postgres`, for logs and `/readyz`.
    fn backend(&self) -> &'static str;

    /// Applies pending migrations; running it again changes nothing.
    async fn migrate(&self) -> StoreResult<()>;

    /// Whether the database answers and every migration is applied. Never fails.
    async fn readiness(&self) -> Readiness;
    /// The connection pool's size and idle connections.
    fn pool_status(&self) -> PoolStatus;

    /// Whether no organisation is stored yet (used to seed on first start).
    async fn is_empty(&self) -> StoreResult<bool>;

    /// Inserts or replaces every record of a (validated) document, in one
    /// transaction: on any error nothing of the document is stored.
    async fn import(&self, doc: &CatalogueDocument) -> StoreResult<ImportSummary>;

    /// The whole catalogue, as a document.
    async fn load(&self) -> StoreResult<CatalogueDocument>;

    /// The sequence number of the latest catalogue change; 0 when there is none.
    /// Nodes poll it to know when to rebuild their in-memory index.
    async fn latest_change(&self) -> StoreResult<i64>;

    async fn service(&self, id: &str) -> StoreResult<Option<Service>>;

    async fn organization(&self, id: &str) -> StoreResult<Option<Organization>>;
}

/// How often a combination of front-door answers was asked, summed over days.
/// No IP address, no cookie, no free text: only the coarse answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RouteCount {
    /// The labour-market region whose front door was asked; empty for the deployment's own.
    pub region: String,
    pub combination: String,
    /// Whether routing fell back to the generalist for it: a gap in the menu.
    pub fell_back: bool,
    pub count: i64,
}

/// Routings of one combination on one day, counted in memory before they are stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RouteTally {
    pub day: chrono::NaiveDate,
    /// The region's front door (its code), or empty for the deployment's own.
    pub region: String,
    pub combination: String,
    pub fell_back: bool,
    pub count: i64,
}

/// "This did not answer my question", as the visitor chose to send it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Feedback {
    /// The day only, not the time: enough for the coordinator, less to identify anyone by.
    pub day: chrono::NaiveDate,
    /// The region's front door it was sent from; empty for the deployment's own.
    pub region: String,
    pub combination: String,
    pub lang: String,
    pub comment: String,
}

/// Anonymous insight into the front door, for the coordinator.
#[async_trait]
pub trait InsightStore: Send + Sync + 'static {
    /// Adds counted routings (buffered by the web tier), in one transaction.
    async fn add_route_counts(&self, tallies: &[RouteTally]) -> StoreResult<()>;

    /// Combinations asked on or after `since` per front door, most asked first; only
    /// `door`'s (a region's code, or empty for the deployment's own) when given.
    async fn route_counts(
        &self,
        since: chrono::NaiveDate,
        door: Option<&str>,
    ) -> StoreResult<Vec<RouteCount>>;

    async fn add_feedback(&self, feedback: &Feedback) -> StoreResult<()>;

    /// Feedback from `since` on, newest first, at most `limit`; only `door`'s when given.
    async fn feedback(
        &self,
        since: chrono::NaiveDate,
        limit: i64,
        door: Option<&str>,
    ) -> StoreResult<Vec<Feedback>>;
}

/// The append-only audit and processing log. Entries are numbered and hash-chained
/// in the order they are written, also when several nodes write at once.
#[async_trait]
pub trait AuditLog: Send + Sync + 'static {
    async fn append_audit(
        &self,
        event: &loket_domain::audit::AuditEvent,
    ) -> StoreResult<loket_domain::audit::AuditEntry>;

    /// Entries after sequence number `after`, in order, at most `limit`.
    async fn audit_entries(
        &self,
        after: i64,
        limit: i64,
    ) -> StoreResult<Vec<loket_domain::audit::AuditEntry>>;

    /// The last sequence number and hash written (0 and the genesis hash for an empty log).
    async fn audit_head(&self) -> StoreResult<(i64, String)>;
}

/// A new account, with its password already hashed.
#[derive(Debug, Clone)]
pub struct NewAccount {
    pub email: loket_domain::account::Email,
    pub display_name: String,
    pub password_hash: String,
}

/// Accounts and their roles in organisations.
#[async_trait]
pub trait AccountStore: Send + Sync + 'static {
    /// Creates an account; an e-mail address already in use is refused (`Rejected`, field `email`).
    async fn create_account(&self, new: &NewAccount)
    -> StoreResult<loket_domain::account::Account>;

    /// The account with this (normalised) e-mail address, and its password hash.
    async fn account_by_email(
        &self,
        email: &loket_domain::account::Email,
    ) -> StoreResult<Option<(loket_domain::account::Account, String)>>;

    /// Gives an account a role, in an organisation or network-wide; an unknown
    /// account or organisation is refused. Granting a role twice changes nothing.
    async fn add_membership(
        &self,
        account_id: &str,
        membership: &loket_domain::account::Membership,
    ) -> StoreResult<()>;

    async fn memberships(
        &self,
        account_id: &str,
    ) -> StoreResult<Vec<loket_domain::account::Membership>>;
}

pub use sign_in::*;
pub mod backup;

/// Everything loket stores.
pub trait Store:
    CatalogueStore
    + CatalogueEditing
    + FeedbackRetention
    + InsightStore
    + AuditLog
    + AccountStore
    + SignInStore
    + SessionStore
    + TokenStore
    + RateLimitStore
    + JobQueue
    + ProposalStore
    + referrals::ReferralStore
    + referrals::ContactStore
    + referrals::ApiTokenStore
    + talent::TalentStore
    + monitoring::MonitoringStore
    + funding::FundingStore
    + subscriptions::SubscriptionStore
    + events::EventStore
    + uploads::UploadStore
    + backup::Snapshots
{
}

impl<T> Store for T where
    T: CatalogueStore
        + CatalogueEditing
        + FeedbackRetention
        + InsightStore
        + AuditLog
        + AccountStore
        + SignInStore
        + SessionStore
        + TokenStore
        + RateLimitStore
        + JobQueue
        + ProposalStore
        + referrals::ReferralStore
        + referrals::ContactStore
        + referrals::ApiTokenStore
        + talent::TalentStore
        + monitoring::MonitoringStore
        + funding::FundingStore
        + subscriptions::SubscriptionStore
        + events::EventStore
        + uploads::UploadStore
        + backup::Snapshots
{
}

/// Names a record of a document the way [`loket_domain::DocumentError`] does.
pub fn record_name(list: &str, index: usize, key: &str) -> String {
    format!("{list}[{index}] ({key})")
}
