//! What the sqlx backends share: JSON documents in and out, and database
//! errors turned into [`StoreError`]s that name the record at fault.

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
