//! The domain of loket: pure types and rules, no I/O.
//!
//! - [`text`]: languages and multilingual text with the Dutch fallback.
//! - [`catalogue`]: the service catalogue (HSDS 3.1 core, multilingual).
//! - [`area`]: municipalities and regions of the Euregio, with postcodes and centroids.
//! - [`document`]: the catalogue document (import/export format) and its validation.
//! - [`region`]: labour-market regions (the tenants), their menus and who belongs where.
//! - [`search`]: the in-memory catalogue index used by pages and API.

pub mod account;
pub mod area;
pub mod audit;
pub mod catalogue;
pub mod colour;
pub mod completeness;
pub mod contact;
pub mod disclosure;
pub mod document;
pub mod editing;
pub mod figures;
pub mod lexicon;
pub mod logo;
pub mod monitoring;
pub mod opening;
pub mod phone;
pub mod policy;
pub mod privacy;
pub mod proposal;
pub mod reach;
pub mod referral;
pub mod region;
pub mod search;
pub mod spreadsheet;
pub mod synthetic;
pub mod talent;
pub mod text;
pub mod workdays;

pub use catalogue::*;
pub use document::{CatalogueDocument, DocumentError};
pub use text::{Lang, Text};
