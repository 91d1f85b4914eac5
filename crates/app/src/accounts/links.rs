//! Single-use links by e-mail: invitations (7 days) and password resets (an
//! hour). Only the link's hash is stored; the mail carries the link and nothing
//! else. A link is checked when the page opens and spent only when the new
//! password is acceptable, so of two tabs exactly one wins.

use crate::audit::web_event;
use crate::mail::Mail;
use crate::{App, AppError, AppResult};
use loket_auth::secrets::{hash_secret, new_token};
use loket_domain::account::{Account, Email, PasswordProblem, password_problems};
use loket_domain::audit::AuditResult;
use loket_store::{TokenProblem, TokenPurpose};

/// How long a password-reset link works.
pub const RESET_VALID_SECS: i64 = 60 * 60;
/// How long an invitation works.
pub const INVITATION_VALID_SECS: i64 = 7 * 24 * 60 * 60;
/// Reset requests per address and hour …
const RESETS_PER_ADDRESS: i64 = 5;
/// … and per account: enough for people, too few to flood a mailbox.
const RESETS_PER_ACCOUNT: i64 = 3;

/// Creates a link for the account with this address (if any) and queues the
/// mail in `lang`; answers whether a mail was queued.
pub async fn send(app: &App, email: &Email, purpose: TokenPurpose, lang: &str) -> AppResult<bool> {
    let Some((account, _)) = app.store.account_by_email(email).await? else {
        return Ok(false);
    };
    if account.disabled && purpose == TokenPurpose::PasswordReset {
        return Ok(false);
    }
    let token = new_token();
    let valid = match purpose {
        TokenPurpose::PasswordReset => RESET_VALID_SECS,
        TokenPurpose::Invitation => INVITATION_VALID_SECS,
    };
    app.store
        .create_token(
            &hash_secret(&token),
            purpose,
            &account.id,
            app.clock.unix() + valid,
        )
        .await?;
    let link = format!(
        "{}/wachtwoord-instellen?token={token}&lang={lang}",
        app.public_url
    );
    let (subject, body) = match purpose {
        TokenPurpose::PasswordReset => ("mail-reset-subject", "mail-reset-body"),
        TokenPurpose::Invitation => ("mail-invite-subject", "mail-invite-body"),
    };
    let mail = Mail {
        to: email.as_str().to_string(),
        subject: app.i18n.t(lang, subject),
        body: app
            .i18n
            .t_args(lang, body, &[("link", loket_i18n::FluentArg::Str(link))]),
        unsubscribe: None,
        calendar: None,
    };
    crate::mail::enqueue(app, &mail).await?;
    app.record_audit(web_event(
        &format!("{}.send", purpose.code()),
        format!("account/{}", account.id),
        AuditResult::Success,
        "system",
    ))
    .await;
    Ok(true)
}

/// A reset was asked for: too many from this address, or taken (the same
/// answer whether or not the address has an account).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResetRequest {
    RateLimited,
    Taken,
}

/// "Forgot my password": sends a reset link within the rate limits.
pub async fn request_reset(
    app: &App,
    email: &Email,
    client_key: &str,
    lang: &str,
) -> AppResult<ResetRequest> {
    let by_address = format!("reset:address:{client_key}");
    let by_account = format!("reset:account:{}", hash_secret(email.as_str()));
    let now = app.clock.unix();
    let hour = now - 3600;
    if app.store.count_events(&by_address, hour).await? >= RESETS_PER_ADDRESS {
        return Ok(ResetRequest::RateLimited);
    }
    let for_account = app.store.count_events(&by_account, hour).await?;
    app.store.record_event(&by_address, now).await?;
    if for_account < RESETS_PER_ACCOUNT {
        app.store.record_event(&by_account, now).await?;
        send(app, email, TokenPurpose::PasswordReset, lang).await?;
    }
    Ok(ResetRequest::Taken)
}

/// The account a link is for, checking it (`spend` false) or spending it.
async fn account_of_link(
    app: &App,
    link: &str,
    spend: bool,
) -> AppResult<Result<String, TokenProblem>> {
    let hash = hash_secret(link);
    let now = app.clock.unix();
    let mut worst = TokenProblem::Unknown;
    for purpose in [TokenPurpose::Invitation, TokenPurpose::PasswordReset] {
        let found = if spend {
            app.store.consume_token(&hash, purpose, now).await?
        } else {
            app.store.check_token(&hash, purpose, now).await?
        };
        match found {
            Ok(account) => return Ok(Ok(account)),
            Err(TokenProblem::Unknown) => {}
            Err(p) => worst = p,
        }
    }
    Ok(Err(worst))
}

/// The account a link is for, when the link still works.
pub async fn check(app: &App, link: &str) -> AppResult<Result<Account, TokenProblem>> {
    let id = match account_of_link(app, link, false).await? {
        Ok(id) => id,
        Err(p) => return Ok(Err(p)),
    };
    Ok(match app.store.account(&id).await? {
        Some((account, _)) => Ok(account),
        None => Err(TokenProblem::Unknown),
    })
}

/// Why a new password was not set.
#[derive(Debug)]
pub enum SetRefusal {
    /// The link does not work (any more).
    Link(TokenProblem),
    /// The password breaks these rules; `mismatch` when the two entries differ.
    Password {
        problems: Vec<PasswordProblem>,
        mismatch: bool,
    },
}

/// Sets a new password through a link: checks the rules, spends the link,
/// stores the hash and ends every session of the account (whoever knew the
/// old password is out). Answers the account.
pub async fn set_password(
    app: &App,
    link: &str,
    password: &str,
    again: &str,
) -> AppResult<Result<Account, SetRefusal>> {
    let account = match check(app, link).await? {
        Ok(account) => account,
        Err(p) => return Ok(Err(SetRefusal::Link(p))),
    };
    let problems = password_problems(password, &account.email);
    let mismatch = password != again;
    if !problems.is_empty() || mismatch {
        return Ok(Err(SetRefusal::Password { problems, mismatch }));
    }
    if let Err(p) = account_of_link(app, link, true).await? {
        return Ok(Err(SetRefusal::Link(p)));
    }
    let Some(hash) = app.hash_new_password(password.to_string()).await else {
        return Err(AppError::Unavailable("password hashing".into()));
    };
    app.store.set_password(&account.id, &hash).await?;
    app.store.delete_sessions_of(&account.id).await?;
    app.record_audit(web_event(
        "password.set",
        format!("account/{}", account.id),
        AuditResult::Success,
        &account.id,
    ))
    .await;
    Ok(Ok(account))
}
