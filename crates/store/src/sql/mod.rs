//! What the sqlx backends share, per feature: JSON documents in and out, and
//! database errors turned into [`StoreError`]s that name the record at fault
//! (here); the SQL of sign-in, sessions, tokens, throttling, versions and
//! retention (`sign_in`), the job queue (`jobs`), referrals (`referrals`) and talent (`talent`, rows in
//! `talent_rows`), each written once for both backends.

pub mod catalogue;
pub mod event_impls;
pub mod events;
pub mod funding;
pub mod jobs;
pub mod monitoring;
pub mod referrals;
pub mod sign_in;
pub mod subscriptions;
pub mod talent;
pub mod talent_rows;
pub mod tallies;
pub mod uploads;

use crate::{StoreError, StoreResult};
use serde::Serialize;
use serde::de::DeserializeOwned;

pub fn db(e: sqlx::Error) -> StoreError {
    StoreError::Database(e.to_string())
}

pub fn to_json<T: Serialize>(value: &T) -> StoreResult<String> {
    serde_json::to_string(value).map_err(|e| StoreError::Corrupt(e.to_string()))
}

pub fn from_json<T: DeserializeOwned>(text: &str) -> StoreResult<T> {
    serde_json::from_str(text).map_err(|e| StoreError::Corrupt(e.to_string()))
}

/// Turns a refusal by the database into an error naming the record and field.
pub fn refused(e: sqlx::Error, record: String, field: &str) -> StoreError {
    let message = match e.as_database_error() {
        Some(d) if d.is_unique_violation() => "is already used by another record",
        Some(d) if d.is_foreign_key_violation() => "refers to a record that does not exist",
        _ => return db(e),
    };
    StoreError::Rejected {
        record,
        field: field.into(),
        message: message.into(),
    }
}

pub use async_trait::async_trait;
/// The waiting list's rules, for the event macros expanded in the backends.
pub use loket_events as events_rules;

/// An `organization_proposals` row: doc, submitted, status, decided by, decided at.
pub type ProposalRow = (String, i64, String, Option<String>, Option<i64>);

pub fn proposal_record(row: ProposalRow) -> StoreResult<crate::ProposalRecord> {
    let (doc, submitted_at, status, decided_by, decided_at) = row;
    Ok(crate::ProposalRecord {
        proposal: from_json(&doc)?,
        submitted_at,
        status,
        decided_by,
        decided_at,
    })
}

/// A `sessions` row: id hash, account, stage, created, last seen.
pub type SessionRow = (String, String, String, i64, i64);

pub fn session_record(row: SessionRow) -> StoreResult<crate::SessionRecord> {
    let (id_hash, account_id, stage, created_at, last_seen_at) = row;
    Ok(crate::SessionRecord {
        stage: crate::SessionStage::parse(&stage)
            .ok_or_else(|| StoreError::Corrupt(format!("session stage {stage:?}")))?,
        id_hash,
        account_id,
        created_at,
        last_seen_at,
    })
}
