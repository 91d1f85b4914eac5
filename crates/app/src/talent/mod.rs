//! Welcome to Maastricht Region: this node's matching index kept current from
//! the talent change feed (`index`), and the recruitment use cases shared by
//! the pages and the API (`recruitment`).

pub mod held_cv;
mod index;
pub mod programme;
pub mod records;
pub mod recruitment;

pub use index::*;
