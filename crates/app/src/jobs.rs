//! The job worker: takes due jobs from the database queue (every node may run
//! one; each job goes to one worker) and runs them. Kinds: `mail` (send a queued
//! message), `retention` (the daily clean-up the processing register asks for),
//! `service-levels` (overdue referrals) and `quarterly-reports` (subscribers' mails).

use crate::App;
use crate::mail::Mail;
use loket_domain::audit::{AuditEvent, AuditResult};
use loket_store::referrals::Notice;
use loket_store::{Job, StoreError};
use std::sync::atomic::{AtomicI64, Ordering};

/// Sending a queued mail (see [`crate::mail::enqueue`]).
pub const MAIL: &str = crate::mail::JOB_KIND;
pub const RETENTION: &str = "retention";
/// Daily: reminders for overdue referrals and escalation to the coordinator.
pub const SERVICE_LEVELS: &str = "service-levels";
/// Daily: mails subscribers the report of a quarter that ended.
pub const QUARTERLY_REPORTS: &str = crate::monitoring::subscriptions::JOB;
/// Every quarter of an hour: offers of freed places not taken in time pass
/// on, and reminders go out a week and a day before an event.
pub const EVENTS: &str = crate::events::registration::JOB;
const EVENTS_EVERY_SECS: i64 = 15 * 60;
/// Working days a referral may be overdue before the coordinator hears of it.
const ESCALATE_AFTER_WORKING_DAYS: u32 = 2;

/// How long a worker may take a job before another worker may try it.
const LEASE_SECS: i64 = 300;
const DAY_SECS: i64 = 24 * 60 * 60;

/// Makes sure the daily jobs are queued (retention and service levels, the
/// first run right away).
pub async fn schedule_retention(state: &App) -> Result<(), StoreError> {
    let backup = state.backup.as_ref().map(|_| crate::backup::JOB);
    for kind in [RETENTION, SERVICE_LEVELS, QUARTERLY_REPORTS, EVENTS]
        .into_iter()
        .chain(backup)
    {
        if state.store.pending_jobs(kind).await? == 0 {
            state.store.enqueue(kind, "{}", state.clock.unix()).await?;
        }
    }
    Ok(())
}

/// Runs every job that is due now; returns how many ran (successfully or not).
pub async fn run_due(state: &App) -> Result<usize, StoreError> {
    run_due_while(state, || true, &AtomicI64::new(0)).await
}

/// Runs due jobs one by one while `go_on` says so; `current` holds the id of the
/// job being run (0 between jobs), so a stopping node can give it back.
pub(crate) async fn run_due_while(
    state: &App,
    go_on: impl Fn() -> bool,
    current: &AtomicI64,
) -> Result<usize, StoreError> {
    let mut ran = 0;
    while go_on() {
        let Some(job) = state
            .store
            .claim_job(state.clock.unix(), LEASE_SECS)
            .await?
        else {
            break;
        };
        current.store(job.id, Ordering::SeqCst);
        ran += 1;
        let outcome = run(state, &job).await;
        current.store(0, Ordering::SeqCst);
        match outcome {
            Ok(()) => state.store.complete_job(job.id, state.clock.unix()).await?,
            Err(error) => {
                // Back off: 1, 2, 4 … minutes, at most a day.
                let wait = (60_i64 << job.attempts.clamp(0, 10)).min(DAY_SECS);
                tracing::warn!(job = job.id, kind = %job.kind, attempts = job.attempts, %error, "job failed; it will be retried");
                state
                    .store
                    .fail_job(job.id, &error, state.clock.unix() + wait)
                    .await?;
            }
        }
    }
    Ok(ran)
}

async fn run(state: &App, job: &Job) -> Result<(), String> {
    match job.kind.as_str() {
        MAIL => {
            let mail: Mail = serde_json::from_str(&job.payload).map_err(|e| e.to_string())?;
            state.mailer.send(&mail).await.map_err(|e| e.to_string())
        }
        RETENTION => {
            retention(state, state.clock.unix())
                .await
                .map_err(|e| e.to_string())?;
            state
                .store
                .enqueue(RETENTION, "{}", state.clock.unix() + DAY_SECS)
                .await
                .map(|_| ())
                .map_err(|e| e.to_string())
        }
        loket_store::referrals::NOTICE_JOB => {
            let notice: Notice = serde_json::from_str(&job.payload).map_err(|e| e.to_string())?;
            send_notice(state, &notice).await.map_err(|e| e.to_string())
        }
        SERVICE_LEVELS => {
            service_levels(state, state.clock.today())
                .await
                .map_err(|e| e.to_string())?;
            state
                .store
                .enqueue(SERVICE_LEVELS, "{}", state.clock.unix() + DAY_SECS)
                .await
                .map(|_| ())
                .map_err(|e| e.to_string())
        }
        QUARTERLY_REPORTS => {
            let sent = crate::monitoring::subscriptions::send_due(state, state.clock.today())
                .await
                .map_err(|e| e.to_string())?;
            if sent > 0 {
                tracing::info!(mails = sent, "quarterly reports queued");
            }
            state
                .store
                .enqueue(QUARTERLY_REPORTS, "{}", state.clock.unix() + DAY_SECS)
                .await
                .map(|_| ())
                .map_err(|e| e.to_string())
        }
        EVENTS => {
            let mails = crate::events::registration::run(state)
                .await
                .map_err(|e| e.to_string())?;
            if mails > 0 {
                tracing::info!(mails, "event offers and reminders queued");
            }
            state
                .store
                .enqueue(EVENTS, "{}", state.clock.unix() + EVENTS_EVERY_SECS)
                .await
                .map(|_| ())
                .map_err(|e| e.to_string())
        }
        crate::backup::JOB => {
            // Without a schedule (configuration removed) the job ends here.
            let Some(schedule) = &state.backup else {
                return Ok(());
            };
            let file = crate::backup::take(state, schedule).await?;
            tracing::info!(file = %file.display(), "scheduled backup written");
            state
                .store
                .enqueue(crate::backup::JOB, "{}", state.clock.unix() + DAY_SECS)
                .await
                .map(|_| ())
                .map_err(|e| e.to_string())
        }
        other => Err(format!("unknown job kind {other:?}")),
    }
}

/// Where a notice leads: the referral, or for the coordinator's escalations
/// (who is no party to the referral) the overdue list.
pub fn notice_path(notice_kind: &str, referral_id: &str) -> String {
    if notice_kind == "escalated" {
        "/beheer/verwijzingen/achterstallig".to_string()
    } else {
        format!("/beheer/verwijzingen/{referral_id}")
    }
}

/// E-mails a notice: what happened and a link, never who the referral is about.
/// Staff mail goes out in Dutch, the network's working language.
async fn send_notice(state: &App, notice: &Notice) -> Result<(), StoreError> {
    let Some((account, _)) = state.store.account(&notice.account_id).await? else {
        return Ok(()); // erased meanwhile: nobody to tell
    };
    if account.disabled {
        return Ok(());
    }
    let lang = "nl";
    let link = format!(
        "{}{}",
        state.public_url,
        notice_path(&notice.kind, &notice.referral_id)
    );
    let what = state.i18n.t(lang, &format!("notice-{}", notice.kind));
    let body = state.i18n.t_args(
        lang,
        "mail-notice-body",
        &[
            ("what", loket_i18n::FluentArg::Str(what)),
            ("link", loket_i18n::FluentArg::Str(link)),
        ],
    );
    let mail = crate::mail::Mail {
        to: account.email.as_str().to_string(),
        subject: state.i18n.t(lang, "mail-notice-subject"),
        body,
        unsubscribe: None,
        calendar: None,
    };
    state
        .mailer
        .send(&mail)
        .await
        .map_err(|e| StoreError::Unavailable(e.to_string()))
}

/// What a service-level run did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ServiceLevelReport {
    pub reminders: usize,
    pub escalations: usize,
}

/// Reminds the receiver of referrals that became overdue yesterday, and tells
/// the coordinators of those overdue for [`ESCALATE_AFTER_WORKING_DAYS`]. Runs
/// once a day; each referral is reminded and escalated once per due date.
pub async fn service_levels(
    state: &App,
    today: chrono::NaiveDate,
) -> Result<ServiceLevelReport, StoreError> {
    let mut report = ServiceLevelReport::default();
    let coordinators = state.store.network_members("coordinator").await?;
    let mut notices = Vec::new();
    for r in state.store.overdue_referrals(today, 100_000).await? {
        let Some(due) = r.due_on else { continue };
        if due.succ_opt() == Some(today) {
            report.reminders += 1;
            let to: Vec<String> = match &r.assignee {
                Some(a) => vec![a.clone()],
                None => state
                    .store
                    .organization_members(&r.receiver_org)
                    .await?
                    .into_iter()
                    .map(|a| a.id)
                    .collect(),
            };
            notices.extend(to.into_iter().map(|account_id| Notice {
                account_id,
                referral_id: r.id.clone(),
                kind: "overdue".into(),
            }));
        }
        if loket_domain::workdays::add_working_days(due, ESCALATE_AFTER_WORKING_DAYS) == today {
            report.escalations += 1;
            notices.extend(coordinators.iter().map(|c| Notice {
                account_id: c.id.clone(),
                referral_id: r.id.clone(),
                kind: "escalated".into(),
            }));
        }
    }
    state
        .store
        .queue_notices(&notices, state.clock.unix())
        .await?;
    state
        .store
        .append_audit(&AuditEvent {
            action: "service-levels.run".into(),
            object: format!(
                "reminders={} escalations={}",
                report.reminders, report.escalations
            ),
            result: AuditResult::Success,
            origin: "job".into(),
            actor: "system".into(),
            subject: None,
            activity: None,
        })
        .await?;
    Ok(report)
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
    pub referrals: u64,
    pub contacts: u64,
    pub idempotency_keys: u64,
    pub candidates: u64,
    /// CVs held for a form shown again and never picked up.
    pub held_uploads: u64,
    /// Registrations for events that ended longer ago than the register keeps them.
    pub event_registrations: u64,
}

/// Deletes what is past its retention period, as the register says, keeping the
/// anonymous counts; writes what it did to the audit log.
pub async fn retention(state: &App, now: i64) -> Result<RetentionReport, StoreError> {
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
    report.held_uploads = state
        .store
        .forget_held_uploads(now - crate::talent::held_cv::HOLD_SECS)
        .await?;
    if let Some(days) = state
        .register
        .activity("event-registrations")
        .and_then(|a| a.retention_days)
    {
        report.event_registrations = state
            .store
            .erase_registrations_ended_before(now - i64::from(days) * DAY_SECS)
            .await?;
    }
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
    if let Some(days) = state
        .register
        .activity("referral")
        .and_then(|a| a.retention_days)
    {
        report.referrals = state
            .store
            .clear_closed_referrals(now - i64::from(days) * DAY_SECS)
            .await?;
    }
    if let Some(days) = state
        .register
        .activity("client-contacts")
        .and_then(|a| a.retention_days)
    {
        report.contacts = state
            .store
            .clear_contact_people(now - i64::from(days) * DAY_SECS)
            .await?;
    }
    // Candidates: twelve months after their last activity (placements keep their counts).
    if let Some(days) = state
        .register
        .activity(crate::talent::recruitment::ACTIVITY)
        .and_then(|a| a.retention_days)
    {
        report.candidates = state
            .store
            .erase_inactive_candidates(now - i64::from(days) * DAY_SECS, now)
            .await?;
    }
    // A retried API call comes within minutes; a day covers any client's retries.
    report.idempotency_keys = state
        .store
        .delete_idempotency_keys_before(now - DAY_SECS)
        .await?;
    report.finished_jobs = state
        .store
        .delete_jobs_done_before(now - 30 * DAY_SECS)
        .await?;
    state
        .store
        .append_audit(&AuditEvent {
            action: "retention.run".into(),
            object: format!(
                "feedback={} sessions={} tokens={} throttle-events={} jobs={} accounts={} proposals={} referrals={} contacts={} idempotency-keys={} candidates={} held-uploads={}",
                report.feedback,
                report.sessions,
                report.tokens,
                report.throttle_events,
                report.finished_jobs,
                report.accounts,
                report.proposals,
                report.referrals,
                report.contacts,
                report.idempotency_keys,
                report.candidates,
                report.held_uploads,
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
