//! The cross-border explainer's pages: the coordinator's view of the rules
//! (each one's source and validity). Each route names its access rule here;
//! the authorization layer enforces it.

pub(crate) mod rules;

use crate::routes::{Access, RouteTable, Scope};
use loket_domain::policy::Action;

pub(crate) fn routes(table: RouteTable) -> RouteTable {
    use Access::Allowed;
    table.get(
        "/beheer/grensregels",
        Allowed(Action::ManageFrontDoor, Scope::Network),
        rules::page,
    )
}
