//! A CV chosen with a registration form that came back with errors is kept for
//! an hour under a token in the form, so the candidate does not have to choose
//! the file again. Only valid PDFs are kept; only the token's hash is stored.

use crate::{App, AppResult};
use loket_domain::talent::cv;

/// How long a held CV can be picked up.
pub const HOLD_SECS: i64 = 3_600;

/// Keeps a valid CV and returns the token for the form; `None` for a file
/// that is not a PDF within the limit (the form says so, nothing is kept).
pub async fn hold(app: &App, bytes: &[u8]) -> AppResult<Option<String>> {
    if cv::check(bytes).is_err() {
        return Ok(None);
    }
    let token = loket_auth::secrets::new_token();
    let now = app.clock.unix();
    app.store
        .hold_upload(
            &loket_auth::secrets::hash_secret(&token),
            bytes,
            now,
            now - HOLD_SECS,
        )
        .await?;
    Ok(Some(token))
}

/// The CV held under `token`, while it is younger than an hour.
pub async fn take(app: &App, token: &str) -> AppResult<Option<Vec<u8>>> {
    let token = token.trim();
    if token.is_empty() || token.len() > 128 {
        return Ok(None);
    }
    Ok(app
        .store
        .held_upload(
            &loket_auth::secrets::hash_secret(token),
            app.clock.unix() - HOLD_SECS,
        )
        .await?)
}
