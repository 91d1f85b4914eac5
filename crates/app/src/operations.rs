//! What an operator's monitoring reads (`/metrics`): the database pool, the job
//! queue, how far this node's catalogue index is behind the change feed, and the
//! size of the in-memory indexes. Counts only; never personal data.

use crate::{App, AppResult};
use loket_store::PoolStatus;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Operations {
    pub pool: PoolStatus,
    /// Jobs due and not done.
    pub jobs_due: i64,
    /// Seconds since the oldest of them was due (0 when none).
    pub oldest_due_job_secs: i64,
    /// Catalogue changes on the feed that this node's index has not read yet.
    pub catalogue_feed_lag: i64,
    /// Talent changes (candidates, vacancies) this node's matching index has not applied yet.
    pub talent_feed_lag: i64,
    pub catalogue_services: usize,
    pub candidates_indexed: usize,
    pub vacancies_indexed: usize,
}

pub async fn status(app: &App) -> AppResult<Operations> {
    let now = app.clock.unix();
    let (jobs_due, oldest_due) = app.store.due_jobs(now).await?;
    let latest = app.store.latest_change().await?;
    let latest_talent = app.store.latest_talent_change().await?;
    let (candidates_indexed, vacancies_indexed) = {
        let index = app.talent.read();
        (index.candidate_count(), index.vacancy_count())
    };
    Ok(Operations {
        pool: app.store.pool_status(),
        jobs_due,
        oldest_due_job_secs: (now - oldest_due).max(0),
        catalogue_feed_lag: (latest - app.seen_change()).max(0),
        talent_feed_lag: (latest_talent - app.talent.applied_through()).max(0),
        catalogue_services: app.index().services().len(),
        candidates_indexed,
        vacancies_indexed,
    })
}
