//! How long a session lives: ended after `idle_secs` without use and after
//! `absolute_secs` in any case. The web tier checks them on every request; the
//! retention job deletes what has ended.

use crate::{App, AppResult};
use loket_auth::secrets::{hash_secret, new_token};
use loket_domain::account::{Account, Membership};
use loket_store::referrals::ApiToken;
use loket_store::{SessionRecord, SessionStage};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionLifetimes {
    pub idle_secs: i64,
    pub absolute_secs: i64,
}

impl Default for SessionLifetimes {
    fn default() -> Self {
        SessionLifetimes {
            idle_secs: 30 * 60,
            absolute_secs: 12 * 60 * 60,
        }
    }
}

impl SessionLifetimes {
    /// Whether a session created at `created_at` and last used at `last_seen_at`
    /// has ended by `now` (all Unix seconds).
    pub fn ended(&self, created_at: i64, last_seen_at: i64, now: i64) -> bool {
        now - last_seen_at > self.idle_secs || now - created_at > self.absolute_secs
    }
}

/// The person behind a live session.
#[derive(Debug, Clone)]
pub struct Holder {
    pub account: Account,
    pub memberships: Vec<Membership>,
    /// Only the hash of the session id is ever stored or kept.
    pub session_hash: String,
    pub stage: SessionStage,
}

/// The session with this id, if it is live: an ended one (idle, too old, or
/// its account disabled) is deleted and answers `None`.
pub async fn resume(app: &App, session_id: &str) -> AppResult<Option<Holder>> {
    let store = app.store.as_ref();
    let hash = hash_secret(session_id);
    let Some(session) = store.session(&hash).await? else {
        return Ok(None);
    };
    let now = app.clock.unix();
    if app
        .sessions
        .ended(session.created_at, session.last_seen_at, now)
    {
        store.delete_session(&hash).await?;
        return Ok(None);
    }
    let Some((account, _)) = store.account(&session.account_id).await? else {
        return Ok(None);
    };
    if account.disabled {
        store.delete_session(&hash).await?;
        return Ok(None);
    }
    // Writing on every request would make the session table the bottleneck;
    // a minute's precision is plenty for an idle timeout of half an hour.
    if now - session.last_seen_at > 60 {
        store.touch_session(&hash, now).await?;
    }
    let memberships = store.memberships(&account.id).await?;
    Ok(Some(Holder {
        account,
        memberships,
        session_hash: hash,
        stage: session.stage,
    }))
}

/// The API token with this secret, if it is known and not revoked.
pub async fn api_token(app: &App, secret: &str) -> AppResult<Option<ApiToken>> {
    Ok(app.store.api_token(&hash_secret(secret)).await?)
}

/// Starts a session at `stage` and answers its id (for the cookie). The
/// session the browser had before, if any, is ended first: a new id at each step.
pub async fn start(
    app: &App,
    previous_hash: Option<&str>,
    account_id: &str,
    stage: SessionStage,
) -> AppResult<String> {
    if let Some(hash) = previous_hash {
        app.store.delete_session(hash).await?;
    }
    let id = new_token();
    let now = app.clock.unix();
    app.store
        .create_session(&SessionRecord {
            id_hash: hash_secret(&id),
            account_id: account_id.to_string(),
            stage,
            created_at: now,
            last_seen_at: now,
        })
        .await?;
    Ok(id)
}

/// Ends one session.
pub async fn end(app: &App, session_hash: &str) -> AppResult<()> {
    Ok(app.store.delete_session(session_hash).await?)
}
