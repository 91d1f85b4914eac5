//! The catalogue's use cases: versioned edits of services, locations and
//! taxonomy terms (one way to save, audit and refresh, in `editing`), their
//! history, and organisations asking to join.

pub mod completeness;
pub mod editing;
pub mod history;
pub mod proposals;
pub mod transfer;
