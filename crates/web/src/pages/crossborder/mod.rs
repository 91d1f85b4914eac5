//! The cross-border explainer's pages: the visitor's questions and answers,
//! and the coordinator's view of the rules (each one's source and validity). Each route names its access rule here;
//! the authorization layer enforces it.

pub(crate) mod rules;
pub(crate) mod visitor;

use crate::routes::{Access, RouteTable, Scope};
use loket_domain::policy::Action;

pub(crate) fn routes(table: RouteTable) -> RouteTable {
    use Access::{Allowed, Public};
    table
        .get("/grensverkenner", Public, visitor::question)
        .get("/grensverkenner/antwoord", Public, visitor::answer)
        .get(
            "/beheer/grensregels",
            Allowed(Action::ManageFrontDoor, Scope::Network),
            rules::page,
        )
}
