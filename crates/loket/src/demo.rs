//! `loket serve --demo`: accounts for trying loket out, one per role, with a
//! known password and second-factor secret printed at start. Running it again
//! resets them to the printed values.

use loket_domain::account::{Email, Membership, Role};
use loket_store::{NewAccount, Store, StoreError};

pub const PASSWORD: &str = "loket-demo-2026-wachtwoord";
/// A fixed TOTP secret (base32), so that one authenticator entry serves every demo account.
pub const TOTP_SECRET: &str = "LOKETDEMOLOKETDEMOLOKETDEMOLOKET";

/// E-mail, name, role, organisation key, region code.
type DemoAccount = (
    &'static str,
    &'static str,
    Role,
    Option<&'static str>,
    Option<&'static str>,
);

const ACCOUNTS: &[DemoAccount] = &[
    (
        "beheer@demo.loket.test",
        "Demo platformbeheer",
        Role::PlatformAdmin,
        None,
        None,
    ),
    (
        "regie@demo.loket.test",
        "Demo regisseur",
        Role::Coordinator,
        None,
        None,
    ),
    (
        "regie-zl@demo.loket.test",
        "Demo regisseur Zuid-Limburg",
        Role::Coordinator,
        None,
        Some("zuid-limburg"),
    ),
    (
        "regie-ml@demo.loket.test",
        "Demo regisseur Midden-Limburg",
        Role::Coordinator,
        None,
        Some("midden-limburg"),
    ),
    (
        "gip-aachen@demo.loket.test",
        "Demo GrenzInfoPunkt",
        Role::OrgAdmin,
        Some("gip-aachen-eurode"),
        None,
    ),
    (
        "svb@demo.loket.test",
        "Demo SVB",
        Role::Staff,
        Some("svb"),
        None,
    ),
    (
        "financier@demo.loket.test",
        "Demo financier",
        Role::Funder,
        None,
        None,
    ),
];

pub async fn create_accounts(store: &dyn Store) -> Result<(), StoreError> {
    let hash =
        loket_auth::hash_password(PASSWORD).map_err(|e| StoreError::Database(e.to_string()))?;
    let orgs = store.load().await?.organizations;
    eprintln!("\nloket demo mode: do not use on a real deployment.");
    eprintln!("Password for every demo account: {PASSWORD}");
    eprintln!("Second factor: add this secret to an authenticator app: {TOTP_SECRET}\n");
    for (email, name, role, org_key, region) in ACCOUNTS {
        let Some(parsed) = Email::parse(email) else {
            continue;
        };
        let account = match store.account_by_email(&parsed).await? {
            Some((a, _)) => a,
            None => {
                store
                    .create_account(&NewAccount {
                        email: parsed,
                        display_name: (*name).into(),
                        password_hash: hash.clone(),
                    })
                    .await?
            }
        };
        store.set_password(&account.id, &hash).await?;
        store.begin_totp(&account.id, TOTP_SECRET).await?;
        store.confirm_totp(&account.id, &[]).await?;
        let organization_id =
            org_key.and_then(|k| orgs.iter().find(|o| o.key == k).map(|o| o.id.clone()));
        store
            .add_membership(
                &account.id,
                &Membership {
                    region: region.map(String::from),
                    organization_id,
                    role: *role,
                },
            )
            .await?;
        match region {
            Some(code) => eprintln!("  {:<30} {} of {code}", email, role.code()),
            None => eprintln!("  {:<30} {}", email, role.code()),
        }
    }
    eprintln!();
    Ok(())
}
