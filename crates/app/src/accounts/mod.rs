//! Accounts: passwords on a bounded hashing pool, and (as they move here from
//! the web tier) sign-in with throttling and second factor, invitations,
//! password links, access export and erasure.

pub mod data;
pub mod invitations;
pub mod links;
pub mod passwords;
pub mod sessions;
pub mod sign_in;
