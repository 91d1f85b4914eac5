//! The staff area's catalogue: the staff home, editing and confirming services with history, locations and taxonomy terms, stale records, and organisations asking to join.
//! Each route names its access rule here; the authorization layer enforces it.

pub(crate) mod completeness;
pub(crate) mod history;
pub(crate) mod home;
pub(crate) mod proposals;
pub(crate) mod records;
pub(crate) mod services;

use crate::routes::{Access, RouteTable, Scope};
use loket_domain::policy::Action;

pub(crate) fn routes(table: RouteTable) -> RouteTable {
    use Access::{Allowed, Public};
    table
        .get("/organisaties/aanmelden", Public, proposals::form)
        .post("/organisaties/aanmelden", Public, proposals::submit)
        // The staff area.
        .get(
            "/beheer",
            Allowed(Action::UseStaffArea, Scope::Network),
            home::home,
        )
        .get(
            "/beheer/diensten/{id}",
            Allowed(Action::EditService, Scope::ServiceInPath),
            services::edit_service,
        )
        .post(
            "/beheer/diensten/{id}",
            Allowed(Action::EditService, Scope::ServiceInPath),
            services::save_service,
        )
        .post(
            "/beheer/diensten/{id}/bevestigen",
            Allowed(Action::ConfirmRecord, Scope::ServiceInPath),
            services::confirm_service,
        )
        .get(
            "/beheer/diensten/{id}/geschiedenis",
            Allowed(Action::ViewHistory, Scope::ServiceInPath),
            history::history,
        )
        .get(
            "/beheer/locaties/{id}",
            Allowed(Action::EditService, Scope::LocationInPath),
            records::edit_location,
        )
        .post(
            "/beheer/locaties/{id}",
            Allowed(Action::EditService, Scope::LocationInPath),
            records::save_location,
        )
        .get(
            "/beheer/termen",
            Allowed(Action::ManageTaxonomies, Scope::Network),
            records::terms,
        )
        .get(
            "/beheer/termen/{id}",
            Allowed(Action::ManageTaxonomies, Scope::Network),
            records::edit_term,
        )
        .post(
            "/beheer/termen/{id}",
            Allowed(Action::ManageTaxonomies, Scope::Network),
            records::save_term,
        )
        .get(
            "/beheer/organisaties/aanvragen",
            Allowed(Action::ApproveOrganizations, Scope::Network),
            proposals::list,
        )
        .post(
            "/beheer/organisaties/aanvragen/{id}",
            Allowed(Action::ApproveOrganizations, Scope::Network),
            proposals::decide,
        )
        .get(
            "/beheer/verouderd",
            Allowed(Action::ViewStaleRecords, Scope::Network),
            completeness::list,
        )
        .post(
            "/beheer/verouderd/{id}/vragen",
            Allowed(Action::ViewStaleRecords, Scope::Network),
            completeness::ask,
        )
}
