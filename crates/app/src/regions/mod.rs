//! Labour-market regions: the national entry that leads a place to its region
//! (`entry`), and onboarding a region from a file, listing regions and setting
//! their status (`onboarding`, for `loket region`).

pub mod entry;
pub mod onboarding;
