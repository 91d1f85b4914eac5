//! The application layer: the use cases of loket, one module per feature, and
//! the [`App`] they share. Pages, the API and the command line call the same use
//! cases; nothing here knows of HTTP (Cargo keeps axum, askama and tower out).
//!
//! A use case asks the domain, writes one transaction (with its outbox) through
//! the store, then appends to the audit log, and answers with a value or an
//! [`AppError`].

pub mod access;
pub mod accounts;
pub mod api_tokens;
mod app;
pub mod audit;
pub mod backup;
pub mod catalogue;
pub mod clock;
pub mod contacts;
pub mod crossborder;
pub mod error;
pub mod events;
pub mod front_door;
pub mod idempotency;
pub mod jobs;
pub mod limits;
pub mod mail;
pub mod monitoring;
pub mod operations;
pub mod referrals;
pub mod regions;
pub mod talent;
pub mod worker;

pub use app::{App, DEPLOYMENT_WORDING, Flows, StartError};
pub use clock::Clock;
pub use error::{AppError, AppResult};
/// The store every use case writes through (re-exported for wiring and tests).
pub use loket_store::Store;
