//! Signing in: the password (Argon2id, the same answer time for unknown
//! addresses), the second-factor decision, codes from the app or a recovery
//! code, enrolment with ten recovery codes, and throttling: ten failures in
//! fifteen minutes per (keyed-hashed) address pause sign-in from there, and per
//! account on devices that never signed in to it (see [`Throttle`]).
//! Every outcome is written to the audit log. The web tier shows the forms,
//! keeps the session cookie and maps each outcome to a page.

use crate::accounts::passwords::dummy_hash;
use crate::audit::web_event;
use crate::{App, AppResult};
use loket_auth::secrets::{
    hash_secret, new_recovery_codes, new_totp_secret, normalize_recovery_code,
    totp_secret_from_base32,
};
use loket_auth::totp;
use loket_domain::account::{Account, Email};
use loket_domain::audit::AuditResult;
use loket_store::StoreError;

/// Failures that pause sign-in for an account or an address …
pub const MAX_FAILURES: i64 = 10;
/// … within this many seconds.
pub const WINDOW_SECS: i64 = 15 * 60;

/// The throttle's keys: the visitor's address (already keyed-hashed by the web
/// tier), and either the account (its e-mail address, hashed) or, for a browser
/// that signed in to this account before, that device. So failures from
/// anywhere pause the account on unknown devices only, and the person's own
/// browser keeps working (OWASP's device cookies): nobody can lock a staff
/// member out by guessing from elsewhere.
pub struct Throttle {
    account: String,
    address: String,
    device: Option<String>,
}

impl Throttle {
    pub fn new(email: &Email, client_key: &str) -> Self {
        Throttle {
            account: format!("sign-in:account:{}", hash_secret(email.as_str())),
            address: format!("sign-in:address:{client_key}"),
            device: None,
        }
    }

    /// The browser proved it signed in to this account before (its device id).
    pub fn on_known_device(mut self, device: Option<String>) -> Self {
        self.device = device.map(|d| format!("sign-in:device:{}", hash_secret(&d)));
        self
    }

    /// The keys counted: the address, and the device or else the account.
    fn keys(&self) -> [&str; 2] {
        [
            &self.address,
            self.device.as_deref().unwrap_or(&self.account),
        ]
    }

    async fn exceeded(&self, app: &App) -> AppResult<bool> {
        let since = app.clock.unix() - WINDOW_SECS;
        for key in self.keys() {
            if app.store.count_events(key, since).await? >= MAX_FAILURES {
                return Ok(true);
            }
        }
        Ok(false)
    }

    async fn fail(&self, app: &App) -> AppResult<()> {
        for key in self.keys() {
            app.store.record_event(key, app.clock.unix()).await?;
        }
        Ok(())
    }

    /// A success forgives the account's and the device's failures (not the address's).
    async fn clear(&self, app: &App) -> AppResult<()> {
        app.store.clear_events(&self.account).await?;
        if let Some(device) = &self.device {
            app.store.clear_events(device).await?;
        }
        Ok(())
    }
}

/// What comes after the right password.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SecondStep {
    /// A code from the authenticator app (or a recovery code).
    Code,
    /// The role needs a second factor that is not set up yet.
    Enrol,
    /// Signed in with the password alone (roles without personal data).
    None,
}

#[derive(Debug)]
pub enum PasswordOutcome {
    Throttled,
    Wrong,
    Right { account: Account, next: SecondStep },
}

async fn audit(app: &App, action: &str, account_id: &str, result: AuditResult) {
    app.record_audit(web_event(
        action,
        format!("account/{account_id}"),
        result,
        account_id,
    ))
    .await;
}

/// Checks an e-mail address and password.
pub async fn with_password(
    app: &App,
    email: &Email,
    password: String,
    throttle: &Throttle,
) -> AppResult<PasswordOutcome> {
    if throttle.exceeded(app).await? {
        app.record_audit(web_event(
            "sign-in",
            "account".into(),
            AuditResult::Denied,
            "anonymous",
        ))
        .await;
        return Ok(PasswordOutcome::Throttled);
    }
    let found = app.store.account_by_email(email).await?;
    let hash = found
        .as_ref()
        .map(|(_, h)| h.clone())
        .unwrap_or_else(|| dummy_hash().to_string());
    let matches = app.password_matches(password, hash).await;
    let account = match found {
        Some((account, _)) if matches && !account.disabled => account,
        other => {
            let actor = other
                .map(|(a, _)| a.id)
                .unwrap_or_else(|| "anonymous".into());
            throttle.fail(app).await?;
            audit(app, "sign-in", &actor, AuditResult::Failed).await;
            return Ok(PasswordOutcome::Wrong);
        }
    };
    throttle.clear(app).await?;
    let next = second_step(app, &account).await?;
    Ok(PasswordOutcome::Right { account, next })
}

/// The second-factor decision: whoever enrolled gives a code; roles that see
/// personal data and admins must enrol first; others are in.
pub async fn second_step(app: &App, account: &Account) -> AppResult<SecondStep> {
    if enrolled(app, &account.id).await? {
        return Ok(SecondStep::Code);
    }
    let memberships = app.store.memberships(&account.id).await?;
    Ok(if memberships.iter().any(|m| m.role.needs_mfa()) {
        SecondStep::Enrol
    } else {
        SecondStep::None
    })
}

/// Whether the account has a confirmed second factor.
pub async fn enrolled(app: &App, account_id: &str) -> AppResult<bool> {
    Ok(app
        .store
        .totp(account_id)
        .await?
        .is_some_and(|t| t.confirmed))
}

/// Why a code was refused (a message key of the page).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeRefusal {
    Wrong,
    /// This time step's code was used already.
    Used,
}

#[derive(Debug)]
pub enum CodeOutcome {
    Throttled,
    Refused(CodeRefusal),
    Accepted,
}

/// A six-digit code from the app (once per time step) or a recovery code (once ever).
pub async fn with_code(
    app: &App,
    account: &Account,
    input: &str,
    throttle: &Throttle,
) -> AppResult<CodeOutcome> {
    if throttle.exceeded(app).await? {
        return Ok(CodeOutcome::Throttled);
    }
    match check_code(app, account, input).await? {
        Ok(()) => {
            throttle.clear(app).await?;
            Ok(CodeOutcome::Accepted)
        }
        Err(refusal) => {
            throttle.fail(app).await?;
            audit(
                app,
                "sign-in.second-factor",
                &account.id,
                AuditResult::Failed,
            )
            .await;
            Ok(CodeOutcome::Refused(refusal))
        }
    }
}

async fn check_code(
    app: &App,
    account: &Account,
    input: &str,
) -> AppResult<Result<(), CodeRefusal>> {
    let input = input.trim();
    let Some(t) = app.store.totp(&account.id).await?.filter(|t| t.confirmed) else {
        return Ok(Err(CodeRefusal::Wrong));
    };
    if input.len() == 6 && input.bytes().all(|b| b.is_ascii_digit()) {
        let Some(secret) = totp_secret_from_base32(&t.secret) else {
            return Err(StoreError::Corrupt("stored TOTP secret".into()).into());
        };
        let Some(step) = totp::verify(&secret, input, clock_secs(app)) else {
            return Ok(Err(CodeRefusal::Wrong));
        };
        let fresh = app.store.accept_totp_step(&account.id, step as i64).await?;
        return Ok(if fresh {
            Ok(())
        } else {
            Err(CodeRefusal::Used)
        });
    }
    let code = normalize_recovery_code(input);
    if code.len() == 12
        && app
            .store
            .use_recovery_code(&account.id, &hash_secret(&code))
            .await?
    {
        audit(
            app,
            "sign-in.recovery-code",
            &account.id,
            AuditResult::Success,
        )
        .await;
        return Ok(Ok(()));
    }
    Ok(Err(CodeRefusal::Wrong))
}

fn clock_secs(app: &App) -> u64 {
    u64::try_from(app.clock.unix()).unwrap_or_default()
}

/// The secret to enrol with: the one begun earlier, else a new one; `None`
/// when the account has enrolled already (then it signs in with a code).
pub async fn enrolment_secret(app: &App, account: &Account) -> AppResult<Option<String>> {
    match app.store.totp(&account.id).await? {
        Some(t) if t.confirmed => Ok(None),
        Some(t) => Ok(Some(t.secret)),
        None => {
            let secret = totp::secret_base32(&new_totp_secret());
            app.store.begin_totp(&account.id, &secret).await?;
            Ok(Some(secret))
        }
    }
}

/// The secret of an enrolment under way, if there is one.
pub async fn pending_secret(app: &App, account_id: &str) -> AppResult<Option<String>> {
    Ok(match app.store.totp(account_id).await? {
        Some(t) if !t.confirmed => Some(t.secret),
        _ => None,
    })
}

#[derive(Debug)]
pub enum EnrolOutcome {
    Throttled,
    Wrong,
    /// Enrolled: the recovery codes, to show once (only their hashes are kept).
    Enrolled {
        recovery_codes: Vec<String>,
    },
}

/// Confirms an enrolment with the first code from the app.
pub async fn enrol(
    app: &App,
    account: &Account,
    secret: &str,
    code: &str,
    throttle: &Throttle,
) -> AppResult<EnrolOutcome> {
    if throttle.exceeded(app).await? {
        return Ok(EnrolOutcome::Throttled);
    }
    let raw = totp_secret_from_base32(secret).unwrap_or_default();
    let accepted = match totp::verify(&raw, code, clock_secs(app)) {
        Some(step) => app.store.accept_totp_step(&account.id, step as i64).await?,
        None => false,
    };
    if !accepted {
        throttle.fail(app).await?;
        return Ok(EnrolOutcome::Wrong);
    }
    let codes = new_recovery_codes();
    let hashes: Vec<String> = codes
        .iter()
        .map(|c| hash_secret(&normalize_recovery_code(c)))
        .collect();
    app.store.confirm_totp(&account.id, &hashes).await?;
    audit(app, "mfa.enrol", &account.id, AuditResult::Success).await;
    Ok(EnrolOutcome::Enrolled {
        recovery_codes: codes,
    })
}

/// Logs a completed sign-in (after the session was started).
pub async fn signed_in(app: &App, account_id: &str) {
    audit(app, "sign-in", account_id, AuditResult::Success).await;
}

/// Ends a session and logs the sign-out.
pub async fn sign_out(app: &App, session_hash: &str, account_id: &str) -> AppResult<()> {
    crate::accounts::sessions::end(app, session_hash).await?;
    audit(app, "sign-out", account_id, AuditResult::Success).await;
    Ok(())
}
