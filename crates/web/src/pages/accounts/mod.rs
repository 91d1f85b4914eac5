//! Accounts: signing in (password, second factor, enrolment), password links, one's own account and data, invitations, and the platform admin's accounts and audit log.
//! Each route names its access rule here; the authorization layer enforces it.

pub(crate) mod account;
pub(crate) mod admin;
pub(crate) mod audit_log;
pub(crate) mod home;
pub(crate) mod invite;
pub(crate) mod password_links;
pub(crate) mod second_factor;
pub(crate) mod shared;
pub(crate) mod sign_in;

use crate::routes::{Access, RouteTable, Scope};
use loket_domain::policy::Action;

pub(crate) fn routes(table: RouteTable) -> RouteTable {
    use Access::{Allowed, Public, SignedIn};
    table
        // Signing in and out; these pages check the half-finished session themselves.
        .get("/aanmelden", Public, sign_in::sign_in_form)
        .post("/aanmelden", Public, sign_in::sign_in)
        .get("/aanmelden/code", Public, second_factor::code_form)
        .post("/aanmelden/code", Public, second_factor::code)
        .get(
            "/aanmelden/tweede-factor",
            Public,
            second_factor::enrol_form,
        )
        .post("/aanmelden/tweede-factor", Public, second_factor::enrol)
        .post("/afmelden", Public, sign_in::sign_out)
        .get("/wachtwoord-vergeten", Public, password_links::forgot_form)
        .post("/wachtwoord-vergeten", Public, password_links::forgot)
        .get(
            "/wachtwoord-instellen",
            Public,
            password_links::set_password_form,
        )
        .post(
            "/wachtwoord-instellen",
            Public,
            password_links::set_password,
        )
        // One's own account, and where each role starts.
        .get(home::START, SignedIn, home::start)
        .get("/account", SignedIn, account::page)
        .post(
            "/account/overal-afmelden",
            SignedIn,
            account::sign_out_everywhere,
        )
        .get("/account/mijn-gegevens", SignedIn, account::my_data)
        .get(
            "/beheer/organisaties/{id}/uitnodigen",
            Allowed(Action::InviteMember, Scope::OrganizationInPath),
            invite::invite_form,
        )
        .post(
            "/beheer/organisaties/{id}/uitnodigen",
            Allowed(Action::InviteMember, Scope::OrganizationInPath),
            invite::invite,
        )
        .get(
            "/beheer/logboek",
            Allowed(Action::ViewAuditLog, Scope::Network),
            audit_log::audit_log,
        )
        .get(
            "/beheer/logboek.csv",
            Allowed(Action::ViewAuditLog, Scope::Network),
            audit_log::audit_log_csv,
        )
        .get(
            "/beheer/accounts",
            Allowed(Action::ManageAccounts, Scope::Network),
            admin::accounts,
        )
        .get(
            "/beheer/accounts/{id}/gegevens",
            Allowed(Action::ManageAccounts, Scope::Network),
            admin::account_data,
        )
        .post(
            "/beheer/accounts/{id}/wissen",
            Allowed(Action::ManageAccounts, Scope::Network),
            admin::erase_account,
        )
}
