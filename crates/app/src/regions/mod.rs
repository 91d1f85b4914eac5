//! Labour-market regions: the national entry that leads a place to its region
//! (`entry`), and onboarding a region from a file, listing regions and setting
//! their status (`onboarding`, for `loket region`), and a coordinator keeping a
//! region's menu and look (`menu`).

pub mod entry;
pub mod menu;
pub mod onboarding;
