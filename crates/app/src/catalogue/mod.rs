//! The catalogue's use cases: versioned edits of services, locations and
//! taxonomy terms (one way to save, audit and refresh, in `editing`).

pub mod editing;
