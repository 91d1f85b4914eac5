//! Storage for signing in and for the background work around it: second
//! factors, sessions, single-use tokens, throttling, the job queue, record
//! versions and the retention of feedback. Times are Unix seconds.

use async_trait::async_trait;
use loket_domain::Service;
use loket_domain::account::Account;

use crate::StoreResult;

/// An account's TOTP secret (base32) and the last time step accepted, so that
/// a code cannot be used twice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TotpState {
    pub secret: String,
    /// Whether the account proved it holds the secret (enrolment finished).
    pub confirmed: bool,
    pub last_step: i64,
}

/// How far a session got: the password alone, or the whole sign-in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionStage {
    /// The password was right; the second factor (or its enrolment) is next.
    Password,
    /// Signed in.
    Full,
}

impl SessionStage {
    pub fn code(self) -> &'static str {
        match self {
            SessionStage::Password => "password",
            SessionStage::Full => "full",
        }
    }
    pub fn parse(code: &str) -> Option<SessionStage> {
        match code {
            "password" => Some(SessionStage::Password),
            "full" => Some(SessionStage::Full),
            _ => None,
        }
    }
}

/// A server-side session. Only a hash of the session id is stored, so the
/// database alone does not let anyone take over a session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionRecord {
    pub id_hash: String,
    pub account_id: String,
    pub stage: SessionStage,
    pub created_at: i64,
    pub last_seen_at: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenPurpose {
    /// Sets the first password of an invited account.
    Invitation,
    /// Sets a new password after "forgot password".
    PasswordReset,
}

impl TokenPurpose {
    pub fn code(self) -> &'static str {
        match self {
            TokenPurpose::Invitation => "invitation",
            TokenPurpose::PasswordReset => "password-reset",
        }
    }
}

/// Why a single-use token was not accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenProblem {
    Unknown,
    Expired,
    Used,
}

/// A job taken from the queue; it is leased to this worker until it is
/// completed, failed, or the lease runs out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Job {
    pub id: i64,
    pub kind: String,
    pub payload: String,
    pub attempts: i64,
}

/// One saved version of a catalogue record.
#[derive(Debug, Clone, PartialEq)]
pub struct RecordVersion {
    pub version: i64,
    pub at: i64,
    /// An account id, or `import` for the version that came from an import.
    pub actor: String,
    pub doc: serde_json::Value,
}

/// What the retention of front-door feedback keeps: the number of messages per day and language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedbackCount {
    pub day: chrono::NaiveDate,
    pub lang: String,
    pub count: i64,
}

/// Second factors and the rest of an account's sign-in data.
#[async_trait]
pub trait SignInStore: Send + Sync + 'static {
    /// The account and its password hash.
    async fn account(&self, id: &str) -> StoreResult<Option<(Account, String)>>;

    /// Every account, erased ones excluded, ordered by e-mail address.
    async fn accounts(&self) -> StoreResult<Vec<Account>>;

    async fn set_password(&self, account_id: &str, password_hash: &str) -> StoreResult<()>;

    async fn totp(&self, account_id: &str) -> StoreResult<Option<TotpState>>;

    /// Starts (or restarts) enrolment with a new, unconfirmed secret.
    async fn begin_totp(&self, account_id: &str, secret: &str) -> StoreResult<()>;

    /// Accepts time step `step` when it is later than the last one accepted;
    /// `false` means the code was used already (or an older one).
    async fn accept_totp_step(&self, account_id: &str, step: i64) -> StoreResult<bool>;

    /// Finishes enrolment and replaces the recovery codes (hashes), in one transaction.
    async fn confirm_totp(
        &self,
        account_id: &str,
        recovery_code_hashes: &[String],
    ) -> StoreResult<()>;

    /// Uses up a recovery code; `false` when it is unknown or used.
    async fn use_recovery_code(&self, account_id: &str, code_hash: &str) -> StoreResult<bool>;

    async fn recovery_codes_left(&self, account_id: &str) -> StoreResult<i64>;

    /// Accounts not signed in (nor created) since `before`, erased ones excluded.
    async fn inactive_accounts(&self, before: i64) -> StoreResult<Vec<String>>;

    /// Erasure: the account keeps its id (the pseudonym in the audit log) and
    /// loses everything personal: name, address, password, second factor,
    /// sessions, tokens and memberships. `false` for an unknown account.
    async fn erase_account(&self, account_id: &str, at: i64) -> StoreResult<bool>;
}

#[async_trait]
pub trait SessionStore: Send + Sync + 'static {
    async fn create_session(&self, session: &SessionRecord) -> StoreResult<()>;
    async fn session(&self, id_hash: &str) -> StoreResult<Option<SessionRecord>>;
    async fn touch_session(&self, id_hash: &str, at: i64) -> StoreResult<()>;
    async fn delete_session(&self, id_hash: &str) -> StoreResult<()>;
    /// "Sign out everywhere"; returns how many sessions ended.
    async fn delete_sessions_of(&self, account_id: &str) -> StoreResult<u64>;
    async fn sessions_of(&self, account_id: &str) -> StoreResult<Vec<SessionRecord>>;
    /// Removes sessions idle since before `idle_before` or started before `started_before`.
    async fn delete_expired_sessions(
        &self,
        idle_before: i64,
        started_before: i64,
    ) -> StoreResult<u64>;
}

#[async_trait]
pub trait TokenStore: Send + Sync + 'static {
    async fn create_token(
        &self,
        token_hash: &str,
        purpose: TokenPurpose,
        account_id: &str,
        expires_at: i64,
    ) -> StoreResult<()>;

    /// Uses a token up: the account it belongs to, or why it cannot be used.
    /// Of two requests with one token, exactly one succeeds.
    async fn consume_token(
        &self,
        token_hash: &str,
        purpose: TokenPurpose,
        now: i64,
    ) -> StoreResult<Result<String, TokenProblem>>;

    /// Whether a token could still be used, without using it (to show its form).
    async fn check_token(
        &self,
        token_hash: &str,
        purpose: TokenPurpose,
        now: i64,
    ) -> StoreResult<Result<String, TokenProblem>>;

    async fn delete_tokens_expired_before(&self, before: i64) -> StoreResult<u64>;
}

/// Events counted for throttling (failed sign-ins, form posts), by key.
#[async_trait]
pub trait RateLimitStore: Send + Sync + 'static {
    async fn record_event(&self, key: &str, at: i64) -> StoreResult<()>;
    async fn count_events(&self, key: &str, since: i64) -> StoreResult<i64>;
    async fn clear_events(&self, key: &str) -> StoreResult<()>;
    async fn delete_events_before(&self, before: i64) -> StoreResult<u64>;
}

/// The project's own job queue in the database: work survives restarts and is
/// done once even with several nodes.
#[async_trait]
pub trait JobQueue: Send + Sync + 'static {
    async fn enqueue(&self, kind: &str, payload: &str, run_at: i64) -> StoreResult<i64>;
    /// Leases the next due job for `lease` seconds.
    async fn claim_job(&self, now: i64, lease: i64) -> StoreResult<Option<Job>>;
    async fn complete_job(&self, id: i64, now: i64) -> StoreResult<()>;
    /// Gives a leased job back unfinished (the node is shutting down): it is due
    /// again at once for any worker, and this attempt does not count.
    async fn release_job(&self, id: i64) -> StoreResult<()>;
    /// Records the failure and makes the job due again at `retry_at`.
    async fn fail_job(&self, id: i64, error: &str, retry_at: i64) -> StoreResult<()>;
    /// Jobs of `kind` not done yet.
    async fn pending_jobs(&self, kind: &str) -> StoreResult<i64>;
    /// Jobs due at `now` and not done, and the oldest one's due time (`now` when none).
    async fn due_jobs(&self, now: i64) -> StoreResult<(i64, i64)>;
    async fn delete_jobs_done_before(&self, before: i64) -> StoreResult<u64>;
}

/// Editing the catalogue record by record, with every version kept.
#[async_trait]
pub trait CatalogueEditing: Send + Sync + 'static {
    /// Saves a service when the stored one still has `expected_last_modified`
    /// (else [`crate::StoreError::Conflict`]), records the version and a change
    /// for the feed, in one transaction. Returns the new version number.
    async fn save_service(
        &self,
        service: &Service,
        expected_last_modified: chrono::DateTime<chrono::Utc>,
        actor: &str,
    ) -> StoreResult<i64>;

    /// Saved versions of a record, newest first.
    async fn versions(&self, entity: &str, id: &str) -> StoreResult<Vec<RecordVersion>>;

    /// The current version number of a record (1: as imported, never edited).
    async fn current_version(&self, entity: &str, id: &str) -> StoreResult<i64>;

    /// Saves a location when its current version is still `expected_version`
    /// (else [`crate::StoreError::Conflict`]); returns the new version.
    async fn save_location(
        &self,
        location: &loket_domain::Location,
        expected_version: i64,
        actor: &str,
    ) -> StoreResult<i64>;

    /// The front door's questions as a coordinator last saved them (version, JSON), if
    /// ever: `scope` is a region's code, or `flow` for the deployment's own wording.
    async fn latest_flow(&self, scope: &str) -> StoreResult<Option<(i64, String)>>;

    /// Saves a new version of the front door's questions in `scope` when its latest
    /// version is still `expected_version` (0: never saved), and records a change for the feed.
    async fn save_flow(
        &self,
        scope: &str,
        doc: &str,
        expected_version: i64,
        actor: &str,
    ) -> StoreResult<i64>;

    /// Saves a labour-market region (menu, look, status) like
    /// [`CatalogueEditing::save_location`]; the change reaches every node's index.
    async fn save_region(
        &self,
        region: &loket_domain::region::LabourMarketRegion,
        expected_version: i64,
        actor: &str,
    ) -> StoreResult<i64>;

    /// Saves a taxonomy term (names, keywords) like [`CatalogueEditing::save_location`].
    async fn save_term(
        &self,
        term: &loket_domain::TaxonomyTerm,
        expected_version: i64,
        actor: &str,
    ) -> StoreResult<i64>;
}

/// The retention of front-door feedback.
#[async_trait]
pub trait FeedbackRetention: Send + Sync + 'static {
    /// Retention of front-door feedback: removes messages of days before
    /// `before` and adds them to the anonymous counts, in one transaction.
    async fn expire_feedback(&self, before: chrono::NaiveDate) -> StoreResult<u64>;

    async fn feedback_counts(&self) -> StoreResult<Vec<FeedbackCount>>;
}

/// An organisation's request to join, as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProposalRecord {
    pub proposal: loket_domain::proposal::OrganizationProposal,
    pub submitted_at: i64,
    /// `pending`, `approved` or `declined`.
    pub status: String,
    pub decided_by: Option<String>,
    pub decided_at: Option<i64>,
}

#[async_trait]
pub trait ProposalStore: Send + Sync + 'static {
    async fn add_proposal(
        &self,
        proposal: &loket_domain::proposal::OrganizationProposal,
        at: i64,
    ) -> StoreResult<()>;

    /// Pending requests, oldest first.
    async fn pending_proposals(&self) -> StoreResult<Vec<ProposalRecord>>;

    async fn proposal(&self, id: &str) -> StoreResult<Option<ProposalRecord>>;

    /// Decides a pending request; with `organization` it is approved and the
    /// organisation is added to the catalogue, in the same transaction.
    /// `false` when it was not pending (decided by someone else already).
    async fn decide_proposal(
        &self,
        id: &str,
        organization: Option<&loket_domain::Organization>,
        actor: &str,
        at: i64,
    ) -> StoreResult<bool>;

    /// Retention: removes decided requests older than `before`.
    async fn delete_proposals_decided_before(&self, before: i64) -> StoreResult<u64>;
}
