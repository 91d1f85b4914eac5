//! The job worker: takes due jobs from the database queue (every node may run
//! one; each job goes to one worker) and runs them. Kinds: `mail` (send a queued
//! message) and `retention` (the daily clean-up the processing register asks for).

use crate::AppState;
use crate::mail::Mail;
use loket_domain::audit::{AuditEvent, AuditResult};
use loket_store::{Job, StoreError};
use std::time::Duration;

pub const MAIL: &str = "mail";
pub const RETENTION: &str = "retention";

/// How long a worker may take a job before another worker may try it.
const LEASE_SECS: i64 = 300;
const DAY_SECS: i64 = 24 * 60 * 60;

fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

/// Queues a message; the worker sends it.
pub async fn enqueue_mail(state: &AppState, mail: &Mail) -> Result<(), StoreError> {
    let payload = serde_json::to_string(mail).map_err(|e| StoreError::Corrupt(e.to_string()))?;
    state.store.enqueue(MAIL, &payload, now()).await.map(|_| ())
}

/// Makes sure a retention run is queued (once a day, the first right away).
pub async fn schedule_retention(state: &AppState) -> Result<(), StoreError> {
    if state.store.pending_jobs(RETENTION).await? == 0 {
        state.store.enqueue(RETENTION, "{}", now()).await?;
    }
    Ok(())
}

/// Runs every job that is due now; returns how many ran (successfully or not).
pub async fn run_due(state: &AppState) -> Result<usize, StoreError> {
    let mut ran = 0;
    while let Some(job) = state.store.claim_job(now(), LEASE_SECS).await? {
        ran += 1;
        match run(state, &job).await {
            Ok(()) => state.store.complete_job(job.id, now()).await?,
            Err(error) => {
                // Back off: 1, 2, 4 … minutes, at most a day.
                let wait = (60_i64 << job.attempts.clamp(0, 10)).min(DAY_SECS);
                tracing::warn!(job = job.id, kind = %job.kind, attempts = job.attempts, %error, "job failed; it will be retried");
                state.store.fail_job(job.id, &error, now() + wait).await?;
            }
        }
    }
    Ok(ran)
}

async fn run(state: &AppState, job: &Job) -> Result<(), String> {
    match job.kind.as_str() {
        MAIL => {
            let mail: Mail = serde_json::from_str(&job.payload).map_err(|e| e.to_string())?;
            state.mailer.send(&mail).await.map_err(|e| e.to_string())
        }
        RETENTION => {
            retention(state, now()).await.map_err(|e| e.to_string())?;
            state
                .store
                .enqueue(RETENTION, "{}", now() + DAY_SECS)
                .await
                .map(|_| ())
                .map_err(|e| e.to_string())
        }
        other => Err(format!("unknown job kind {other:?}")),
    }
}

/// What a retention run removed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RetentionReport {
    pub feedback: u64,
    pub sessions: u64,
    pub tokens: u64,
    pub throttle_events: u64,
    pub finished_jobs: u64,
    pub accounts: u64,
    pub proposals: u64,
}

/// Deletes what is past its retention period, as the register says, keeping the
/// anonymous counts; writes what it did to the audit log.
pub async fn retention(state: &AppState, now: i64) -> Result<RetentionReport, StoreError> {
    let mut report = RetentionReport::default();
    if let Some(days) = state
        .register
        .activity("front-door-feedback")
        .and_then(|a| a.retention_days)
    {
        let today = chrono::DateTime::from_timestamp(now, 0)
            .unwrap_or_default()
            .date_naive();
        let before = today - chrono::Duration::days(i64::from(days));
        report.feedback = state.store.expire_feedback(before).await?;
    }
    let s = &state.sessions;
    report.sessions = state
        .store
        .delete_expired_sessions(now - s.idle_secs, now - s.absolute_secs)
        .await?;
    // Expired links are kept a week, so that using one says "expired", not "unknown".
    report.tokens = state
        .store
        .delete_tokens_expired_before(now - 7 * DAY_SECS)
        .await?;
    report.throttle_events = state.store.delete_events_before(now - DAY_SECS).await?;
    if let Some(days) = state
        .register
        .activity("staff-accounts")
        .and_then(|a| a.retention_days)
    {
        for id in state
            .store
            .inactive_accounts(now - i64::from(days) * DAY_SECS)
            .await?
        {
            if state.store.erase_account(&id, now).await? {
                report.accounts += 1;
                state
                    .store
                    .append_audit(&AuditEvent {
                        action: "account.erase".into(),
                        object: format!("account/{id}"),
                        result: AuditResult::Success,
                        origin: "job".into(),
                        actor: "system".into(),
                        subject: Some(id.clone()),
                        activity: Some("staff-accounts".into()),
                    })
                    .await?;
            }
        }
    }
    if let Some(days) = state
        .register
        .activity("organisation-proposals")
        .and_then(|a| a.retention_days)
    {
        report.proposals = state
            .store
            .delete_proposals_decided_before(now - i64::from(days) * DAY_SECS)
            .await?;
    }
    report.finished_jobs = state
        .store
        .delete_jobs_done_before(now - 30 * DAY_SECS)
        .await?;
    state
        .store
        .append_audit(&AuditEvent {
            action: "retention.run".into(),
            object: format!(
                "feedback={} sessions={} tokens={} throttle-events={} jobs={} accounts={} proposals={}",
                report.feedback,
                report.sessions,
                report.tokens,
                report.throttle_events,
                report.finished_jobs,
                report.accounts,
                report.proposals
            ),
            result: AuditResult::Success,
            origin: "job".into(),
            actor: "system".into(),
            subject: None,
            activity: Some("front-door-feedback".into()),
        })
        .await?;
    Ok(report)
}

/// Runs due jobs every `every`.
pub fn spawn_worker(state: &AppState, every: Duration) -> tokio::task::JoinHandle<()> {
    let state = state.clone();
    tokio::spawn(async move {
        if let Err(e) = schedule_retention(&state).await {
            tracing::warn!(error = %e, "scheduling the retention job failed");
        }
        let mut tick = tokio::time::interval(every);
        loop {
            tick.tick().await;
            if let Err(e) = run_due(&state).await {
                tracing::warn!(error = %e, "the job worker could not reach the queue");
            }
        }
    })
}
