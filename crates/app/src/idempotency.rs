//! Idempotency keys on the API's POSTs: the key is reserved before the work
//! (per caller, with a fingerprint of the request), the first answer is kept
//! and replayed on a retry; the same key with another request is refused; a
//! server error releases the key so a retry can run. Kept 24 hours.

use crate::{App, AppResult};
use loket_store::referrals::IdempotentReply;
use sha2::{Digest, Sha256};

/// What reserving a key found.
#[derive(Debug)]
pub enum Reservation {
    /// The key is new: run the request, then [`finish`] or [`release`].
    Fresh { fingerprint: String },
    /// The key was used for a different request.
    OtherRequest,
    /// The first request with this key is still running.
    Running,
    /// The first request's answer, to replay.
    Replay(IdempotentReply),
}

/// The SHA-256 of the request, hex-encoded.
fn fingerprint(request: &[u8]) -> String {
    Sha256::digest(request)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Reserves `key` for `caller`'s `request`.
pub async fn reserve(app: &App, caller: &str, key: &str, request: &[u8]) -> AppResult<Reservation> {
    let hash = fingerprint(request);
    let reservation = IdempotentReply {
        request_hash: hash.clone(),
        status: 0,
        body: String::new(),
    };
    let earlier = app
        .store
        .save_idempotent_reply(caller, key, &reservation, app.clock.unix())
        .await?;
    Ok(match earlier {
        None => Reservation::Fresh { fingerprint: hash },
        Some(e) if e.request_hash != hash => Reservation::OtherRequest,
        Some(e) if e.status == 0 => Reservation::Running,
        Some(e) => Reservation::Replay(e),
    })
}

/// Keeps the answer to replay it; a failure to keep it is logged only (the
/// request itself succeeded).
pub async fn finish(
    app: &App,
    caller: &str,
    key: &str,
    fingerprint: String,
    status: u16,
    body: String,
) {
    let reply = IdempotentReply {
        request_hash: fingerprint,
        status,
        body,
    };
    if let Err(e) = app.store.finish_idempotent_reply(caller, key, &reply).await {
        tracing::warn!(error = %e, "storing an idempotent reply failed");
    }
}

/// Releases the key after a server error, so that a retry runs again.
pub async fn release(app: &App, caller: &str, key: &str) {
    if let Err(e) = app.store.forget_idempotent_reply(caller, key).await {
        tracing::warn!(error = %e, "forgetting an idempotency key failed");
    }
}
