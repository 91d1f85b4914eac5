//! Password hashing and checking on a bounded pool: Argon2id costs about 16 ms
//! and 19 MiB a time, so at most one hash per core runs at once.

use crate::App;
use std::sync::OnceLock;

impl App {
    /// Hashes a new password (already checked against the rules); `None` when
    /// hashing could not run.
    pub async fn hash_new_password(&self, password: String) -> Option<String> {
        let _permit = self.hashing.acquire().await.ok()?;
        tokio::task::spawn_blocking(move || loket_auth::hash_password(&password))
            .await
            .ok()?
            .ok()
    }

    /// Whether `password` matches the stored `hash`.
    pub async fn password_matches(&self, password: String, hash: String) -> bool {
        let Ok(_permit) = self.hashing.acquire().await else {
            return false;
        };
        tokio::task::spawn_blocking(move || loket_auth::verify_password(&password, &hash))
            .await
            .unwrap_or(false)
    }
}

/// Verifying against this when the account does not exist keeps the answer
/// time the same, so timing does not tell which addresses have accounts.
pub fn dummy_hash() -> &'static str {
    static HASH: OnceLock<String> = OnceLock::new();
    HASH.get_or_init(|| {
        loket_auth::hash_password(&loket_auth::secrets::new_token()).unwrap_or_default()
    })
}
