//! The digital front door's use cases beyond routing (which is the pure
//! `loket-routing` engine over the in-memory index): the anonymous insight for
//! the coordinator (routings counted in memory, written every few seconds, and
//! visitors' feedback), and the coordinator's wording of the questions.

pub mod counting;
pub mod insight;
pub mod wording;
