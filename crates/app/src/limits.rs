//! Rate limits of the public forms (intake, feedback, registrations, proposals
//! to join): requests per keyed-hashed address and hour, counted in the
//! database so that every node sees the same count.

use crate::{App, AppResult};

/// How many requests under `key` in the last hour.
pub async fn last_hour(app: &App, key: &str) -> AppResult<i64> {
    Ok(app.store.count_events(key, app.clock.unix() - 3600).await?)
}

/// Counts one more request under `key`.
pub async fn count(app: &App, key: &str) -> AppResult<()> {
    Ok(app.store.record_event(key, app.clock.unix()).await?)
}
