//! The one error of the use cases. The web tier turns it into a page in the
//! visitor's language or into problem+json; the CLI prints it.

use loket_domain::referral::FieldProblem;
use loket_store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// The input has these problems, every one of them at once.
    #[error("the input has {} problem(s)", .0.len())]
    Invalid(Vec<FieldProblem>),
    /// No such record, or none the caller may know of (the same answer).
    #[error("no such record")]
    NotFound,
    /// Someone else changed the record first; `current` says how it is now
    /// (its version, or its status, as the feature names it).
    #[error("changed by someone else in the meantime (now: {current})")]
    Conflict { current: String },
    /// A link or token that was valid once is no longer.
    #[error("the link has expired or was used")]
    Expired,
    /// The database or mail relay did not answer; trying again may help.
    #[error("a service loket needs is unavailable: {0}")]
    Unavailable(String),
}

pub type AppResult<T> = Result<T, AppError>;

impl AppError {
    /// One problem with one field.
    pub fn invalid(field: &'static str, problem: &'static str) -> Self {
        AppError::Invalid(vec![FieldProblem { field, problem }])
    }
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Conflict(what) => AppError::Conflict { current: what },
            // Already logged where it happened would be better; the message holds no
            // personal data (records are named by id and field only).
            other => {
                tracing::error!(error = %other, "storage failed");
                AppError::Unavailable(other.to_string())
            }
        }
    }
}
