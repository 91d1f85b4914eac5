//! Time-based one-time passwords (RFC 6238, HMAC-SHA1, 30-second steps, six
//! digits): what authenticator apps compute. The secret is shown to the user as
//! base32 in an `otpauth://` link (a QR code in the enrolment page).

use hmac::{Hmac, KeyInit, Mac};
use sha1::Sha1;

pub const STEP_SECS: u64 = 30;
pub const DIGITS: u32 = 6;

/// The code for the time step holding `unix_time` (RFC 4226 dynamic truncation).
pub fn code_at(secret: &[u8], unix_time: u64, digits: u32) -> String {
    code_for_step(secret, unix_time / STEP_SECS, digits)
}

fn code_for_step(secret: &[u8], step: u64, digits: u32) -> String {
    let Ok(mut mac) = <Hmac<Sha1> as KeyInit>::new_from_slice(secret) else {
        return String::new();
    };
    mac.update(&step.to_be_bytes());
    let digest = mac.finalize().into_bytes();
    let offset = (digest[digest.len() - 1] & 0x0f) as usize;
    let binary = u32::from_be_bytes([
        digest[offset] & 0x7f,
        digest[offset + 1],
        digest[offset + 2],
        digest[offset + 3],
    ]);
    format!(
        "{:0width$}",
        binary % 10u32.pow(digits),
        width = digits as usize
    )
}

/// The time step a six-digit `code` is valid for, allowing one step of clock
/// drift either way. Callers store the step and refuse it a second time, so a
/// code cannot be replayed.
pub fn verify(secret: &[u8], code: &str, unix_time: u64) -> Option<u64> {
    let code = code.trim();
    if code.len() != DIGITS as usize || !code.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let now = unix_time / STEP_SECS;
    [now.saturating_sub(1), now, now + 1]
        .into_iter()
        .find(|&step| {
            let expected = code_for_step(secret, step, DIGITS);
            // Compare without an early exit, so timing tells nothing.
            expected.len() == code.len()
                && expected
                    .bytes()
                    .zip(code.bytes())
                    .fold(0u8, |acc, (a, b)| acc | (a ^ b))
                    == 0
        })
}

/// The secret as authenticator apps take it: base32 without padding.
pub fn secret_base32(secret: &[u8]) -> String {
    data_encoding::BASE32_NOPAD.encode(secret)
}

/// `otpauth://totp/ISSUER:ACCOUNT?secret=…&issuer=…` for a QR code.
pub fn otpauth_uri(issuer: &str, account: &str, secret: &[u8]) -> String {
    let enc = |s: &str| {
        s.bytes()
            .map(|b| {
                if b.is_ascii_alphanumeric() || b"-._~@".contains(&b) {
                    (b as char).to_string()
                } else {
                    format!("%{b:02X}")
                }
            })
            .collect::<String>()
    };
    format!(
        "otpauth://totp/{}:{}?secret={}&issuer={}&algorithm=SHA1&digits={DIGITS}&period={STEP_SECS}",
        enc(issuer),
        enc(account),
        secret_base32(secret),
        enc(issuer)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The SHA-1 test vectors of RFC 6238, appendix B (eight digits).
    #[test]
    fn rfc_6238_test_vectors() {
        let secret = b"12345678901234567890";
        for (time, code) in [
            (59, "94287082"),
            (1_111_111_109, "07081804"),
            (1_111_111_111, "14050471"),
            (1_234_567_890, "89005924"),
            (2_000_000_000, "69279037"),
            (20_000_000_000, "65353130"),
        ] {
            assert_eq!(code_at(secret, time, 8), code, "at {time}");
        }
    }

    #[test]
    fn a_code_is_accepted_one_step_either_way_only() {
        let secret = b"12345678901234567890";
        let now = 1_700_000_000;
        let code = code_at(secret, now, 6);
        assert_eq!(verify(secret, &code, now), Some(now / 30));
        assert!(
            verify(secret, &code, now + 30).is_some(),
            "one step of drift"
        );
        assert!(verify(secret, &code, now + 90).is_none(), "too late");
        assert!(verify(secret, "12345", now).is_none() && verify(secret, "abcdef", now).is_none());
    }

    #[test]
    fn the_enrolment_link_carries_the_secret_in_base32() {
        let uri = otpauth_uri("loket", "anna@gemeente.nl", b"12345678901234567890");
        assert!(uri.starts_with("otpauth://totp/loket:anna@gemeente.nl?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=loket"), "{uri}");
    }
}
