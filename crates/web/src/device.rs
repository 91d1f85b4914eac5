//! Known devices (OWASP "device cookies"): a browser that completed sign-in gets
//! a signed cookie naming the account's address. Ten wrong passwords from
//! anywhere pause sign-in for that account on unknown devices only; the person's
//! own browser keeps its own count, so nobody can lock a staff member out by
//! guessing their password from elsewhere. Per-address limits apply to all.

use crate::AppState;
use axum::http::{HeaderMap, HeaderValue};
use loket_domain::account::Email;

/// How long a browser stays known after its last sign-in.
const MAX_AGE_SECS: i64 = 180 * 24 * 60 * 60;

fn cookie_name(state: &AppState) -> &'static str {
    if state.cookies.secure_cookies {
        "__Host-loket_device"
    } else {
        "loket_device"
    }
}

/// The `Set-Cookie` header that makes this browser known for `email`.
pub(crate) fn remember(state: &AppState, email: &Email) -> Option<HeaderValue> {
    let issued = state.clock.unix();
    let tag = state.csrf.device_tag(email.as_str(), issued);
    let secure = if state.cookies.secure_cookies {
        "; Secure"
    } else {
        ""
    };
    HeaderValue::from_str(&format!(
        "{}={issued}.{tag}; Path=/; HttpOnly; SameSite=Strict; Max-Age={MAX_AGE_SECS}{secure}",
        cookie_name(state)
    ))
    .ok()
}

/// The device id (the cookie's tag) when this browser is known for `email`.
pub(crate) fn known(state: &AppState, headers: &HeaderMap, email: &Email) -> Option<String> {
    let value = crate::session::cookie_value(headers, cookie_name(state))?;
    let (issued, tag) = value.split_once('.')?;
    let issued: i64 = issued.parse().ok()?;
    let age = state.clock.unix() - issued;
    let expected = state.csrf.device_tag(email.as_str(), issued);
    let same = expected.len() == tag.len()
        && expected
            .bytes()
            .zip(tag.bytes())
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0;
    ((0..=MAX_AGE_SECS).contains(&age) && same).then(|| tag.to_string())
}
