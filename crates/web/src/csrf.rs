//! CSRF tokens for forms without a session: an HMAC over the form's name and the
//! time of issue, so a token only works for its own form, on this site, for a while.
//! (Forms of signed-in staff will bind tokens to their session as well.)

use hmac::{Hmac, KeyInit, Mac};
use sha2::{Digest, Sha256};

/// How long a form may stay open before its token expires.
const MAX_AGE_SECS: i64 = 4 * 60 * 60;

pub struct CsrfKey([u8; 32]);

impl CsrfKey {
    /// A key for this process only: tokens die with a restart, and several
    /// nodes need [`CsrfKey::from_secret`] with a shared secret.
    pub fn random() -> Self {
        let mut key = [0u8; 32];
        key[..16].copy_from_slice(uuid::Uuid::new_v4().as_bytes());
        key[16..].copy_from_slice(uuid::Uuid::new_v4().as_bytes());
        CsrfKey(key)
    }

    pub fn from_secret(secret: &str) -> Self {
        CsrfKey(Sha256::digest(secret.as_bytes()).into())
    }

    fn tag(&self, form: &str, issued: i64) -> Option<Vec<u8>> {
        let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(&self.0).ok()?;
        mac.update(form.as_bytes());
        mac.update(b":");
        mac.update(issued.to_string().as_bytes());
        Some(mac.finalize().into_bytes().to_vec())
    }

    pub fn token(&self, form: &str, now: i64) -> String {
        let tag = self.tag(form, now).unwrap_or_default();
        format!(
            "{now}.{}",
            tag.iter().map(|b| format!("{b:02x}")).collect::<String>()
        )
    }

    pub fn verify(&self, form: &str, token: &str, now: i64) -> bool {
        let Some((issued, hex)) = token.split_once('.') else {
            return false;
        };
        let Ok(issued) = issued.parse::<i64>() else {
            return false;
        };
        if !(0..=MAX_AGE_SECS).contains(&(now - issued)) || hex.len() != 64 {
            return false;
        }
        let given: Option<Vec<u8>> = (0..32)
            .map(|i| u8::from_str_radix(hex.get(i * 2..i * 2 + 2)?, 16).ok())
            .collect();
        let (Some(given), Ok(mut mac)) =
            (given, <Hmac<Sha256> as KeyInit>::new_from_slice(&self.0))
        else {
            return false;
        };
        mac.update(form.as_bytes());
        mac.update(b":");
        mac.update(issued.to_string().as_bytes());
        mac.verify_slice(&given).is_ok()
    }
}

impl CsrfKey {
    fn hex_mac(&self, parts: &[&[u8]]) -> String {
        let Ok(mut mac) = <Hmac<Sha256> as KeyInit>::new_from_slice(&self.0) else {
            return String::new();
        };
        for p in parts {
            mac.update(p);
            mac.update(b"\0");
        }
        mac.finalize()
            .into_bytes()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }

    /// The token of every form of a signed-in session: bound to the session, so a
    /// page on another site cannot know it.
    pub fn session_token(&self, session_hash: &str) -> String {
        self.hex_mac(&[b"session-form", session_hash.as_bytes()])
    }

    pub fn verify_session_token(&self, session_hash: &str, token: &str) -> bool {
        let expected = self.session_token(session_hash);
        expected.len() == token.len()
            && expected
                .bytes()
                .zip(token.bytes())
                .fold(0u8, |acc, (a, b)| acc | (a ^ b))
                == 0
    }

    /// The tag of a known-device cookie: this browser completed sign-in as
    /// `email` at `issued` ([`crate::device`]).
    pub fn device_tag(&self, email: &str, issued: i64) -> String {
        self.hex_mac(&[
            b"known-device",
            email.as_bytes(),
            issued.to_string().as_bytes(),
        ])
    }

    /// A keyed hash, for values that must be compared but not kept readable
    /// (client addresses in the throttling table).
    pub fn keyed_hash(&self, label: &str, value: &str) -> String {
        self.hex_mac(&[label.as_bytes(), value.as_bytes()])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_works_for_its_form_for_a_while_only() {
        let key = CsrfKey::random();
        let t = key.token("feedback", 1_000_000);
        assert!(key.verify("feedback", &t, 1_000_010));
        assert!(!key.verify("other-form", &t, 1_000_010));
        assert!(!key.verify("feedback", &t, 1_000_000 + MAX_AGE_SECS + 1));
        assert!(!key.verify("feedback", &t, 999_000), "not from the future");
        assert!(
            !CsrfKey::random().verify("feedback", &t, 1_000_010),
            "another key"
        );
        assert!(!key.verify("feedback", "garbage", 1_000_010));
        assert!(!key.verify("feedback", &t.replace('a', "b"), 1_000_010) || !t.contains('a'));
    }

    #[test]
    fn session_tokens_belong_to_their_session() {
        let key = CsrfKey::random();
        let t = key.session_token("abc");
        assert!(key.verify_session_token("abc", &t));
        assert!(!key.verify_session_token("abd", &t));
        assert!(!key.verify_session_token("abc", ""));
    }

    #[test]
    fn a_shared_secret_gives_the_same_tokens_on_every_node() {
        let (a, b) = (
            CsrfKey::from_secret("s3cret"),
            CsrfKey::from_secret("s3cret"),
        );
        assert!(b.verify("feedback", &a.token("feedback", 42), 50));
    }
}
