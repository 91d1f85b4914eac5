//! An organisation admin invites a colleague: the account is made (without a
//! usable password) when the address is new, the role is given in the
//! organisation, and someone who never set a password gets the invitation link.

use crate::audit::web_event;
use crate::{App, AppError, AppResult};
use loket_domain::account::{Email, Membership, Role};
use loket_domain::audit::AuditResult;
use loket_store::{NewAccount, StoreError, TokenPurpose};

/// The stored password hash of an account that has not set a password yet.
const NO_PASSWORD: &str = "!";

/// Invites `email` as `role` in `organization_id`; mails the link in `lang`.
pub async fn invite(
    app: &App,
    organization_id: &str,
    email: &Email,
    name: &str,
    role: Role,
    lang: &str,
    actor: &str,
) -> AppResult<()> {
    let account = match app.store.account_by_email(email).await? {
        Some((a, _)) => a,
        None => {
            let new = NewAccount {
                email: email.clone(),
                display_name: name.to_string(),
                password_hash: NO_PASSWORD.into(),
            };
            app.store.create_account(&new).await?
        }
    };
    let membership = Membership {
        region: None,
        organization_id: Some(organization_id.to_string()),
        role,
    };
    app.store.add_membership(&account.id, &membership).await?;
    let Some((_, hash)) = app.store.account(&account.id).await? else {
        return Err(AppError::from(StoreError::Corrupt(
            "account vanished".into(),
        )));
    };
    if hash == NO_PASSWORD {
        crate::accounts::links::send(app, email, TokenPurpose::Invitation, lang).await?;
    }
    app.record_audit(web_event(
        "member.invite",
        format!(
            "account/{} organization/{organization_id} role/{}",
            account.id,
            role.code()
        ),
        AuditResult::Success,
        actor,
    ))
    .await;
    Ok(())
}
