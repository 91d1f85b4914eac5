//! The digital front door: the visitor's questions and result, the coordinator's wording of the questions and the anonymous insight.
//! Each route names its access rule here; the authorization layer enforces it.

pub(crate) mod insight;
pub(crate) mod visitor;
pub(crate) mod wording;

use crate::routes::{Access, RouteTable, Scope};
use loket_domain::policy::Action;

pub(crate) fn routes(table: RouteTable) -> RouteTable {
    use Access::{Allowed, Public};
    table
        .get("/voordeur", Public, visitor::question)
        .get("/voordeur/resultaat", Public, visitor::result)
        .post("/voordeur/feedback", Public, visitor::feedback)
        .get(
            "/beheer/voordeur",
            Allowed(Action::ManageFrontDoor, Scope::Network),
            wording::edit,
        )
        .post(
            "/beheer/voordeur",
            Allowed(Action::ManageFrontDoor, Scope::Network),
            wording::save,
        )
        .get(
            "/coordinator/voordeur",
            Allowed(Action::ViewFrontDoorInsight, Scope::Network),
            insight::page,
        )
}
