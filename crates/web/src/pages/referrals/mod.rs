//! Contacts and closed-loop referrals: contact registration, the public intake form, the inbox, a referral's page and its actions, new referrals, notifications, the overdue list and the figures.
//! Each route names its access rule here; the authorization layer enforces it.

pub(crate) mod contacts;
pub(crate) mod detail;
pub(crate) mod figures;
pub(crate) mod inbox;
pub(crate) mod intake;
pub(crate) mod new;
pub(crate) mod notifications;
pub(crate) mod shared;

use crate::routes::{Access, RouteTable, Scope};
use loket_domain::policy::Action;

pub(crate) fn routes(table: RouteTable) -> RouteTable {
    use Access::{Allowed, Public};
    table
        .get("/diensten/{id}/terugbellen", Public, intake::form)
        .post("/diensten/{id}/terugbellen", Public, intake::submit)
        // Contacts and referrals.
        .get(
            "/beheer/contacten",
            Allowed(Action::RegisterContact, Scope::Network),
            contacts::form,
        )
        .post(
            "/beheer/contacten",
            Allowed(Action::RegisterContact, Scope::Network),
            contacts::save,
        )
        .get(
            "/beheer/verwijzingen",
            Allowed(Action::HandleReferrals, Scope::Network),
            inbox::inbox,
        )
        .get(
            "/beheer/verwijzingen/nieuw",
            Allowed(Action::HandleReferrals, Scope::Network),
            new::new_form,
        )
        .post(
            "/beheer/verwijzingen/nieuw",
            Allowed(Action::HandleReferrals, Scope::Network),
            new::create,
        )
        .get(
            "/beheer/verwijzingen/achterstallig",
            Allowed(Action::ViewOverdueReferrals, Scope::Network),
            inbox::overdue,
        )
        .get(
            "/beheer/verwijzingen/{id}",
            Allowed(Action::HandleReferrals, Scope::ReferralInPath),
            detail::detail,
        )
        .post(
            "/beheer/verwijzingen/{id}/status",
            Allowed(Action::HandleReferrals, Scope::ReferralInPath),
            detail::change_status,
        )
        .post(
            "/beheer/verwijzingen/{id}/toewijzen",
            Allowed(Action::HandleReferrals, Scope::ReferralInPath),
            detail::assign,
        )
        .post(
            "/beheer/verwijzingen/{id}/toestemming-intrekken",
            Allowed(Action::HandleReferrals, Scope::ReferralInPath),
            detail::withdraw,
        )
        .post(
            "/beheer/verwijzingen/{id}/notities",
            Allowed(Action::HandleReferrals, Scope::ReferralInPath),
            detail::add_note,
        )
        .get(
            "/beheer/cijfers",
            Allowed(Action::ViewReferralFigures, Scope::Network),
            figures::page,
        )
        .get(
            "/beheer/meldingen",
            Allowed(Action::HandleReferrals, Scope::Network),
            notifications::notifications,
        )
}
