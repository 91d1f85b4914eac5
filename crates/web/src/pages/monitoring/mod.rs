//! Monitoring: the results of the indicators against their targets (the
//! dashboard, per audience and scope), its exports, and the coordinator's targets.
//! Each route names its access rule here; the authorization layer enforces it.

pub(crate) mod export;
pub(crate) mod query;
pub(crate) mod report;
pub(crate) mod results;
pub(crate) mod targets;

use crate::routes::{Access, RouteTable, Scope};
use loket_domain::policy::Action;

pub(crate) fn routes(table: RouteTable) -> RouteTable {
    use Access::Allowed;
    table
        .get(
            "/beheer/resultaten",
            Allowed(Action::ViewReferralFigures, Scope::Network),
            results::page,
        )
        .get(
            "/beheer/resultaten/export",
            Allowed(Action::ViewReferralFigures, Scope::Network),
            export::download,
        )
        .get(
            "/beheer/doelen",
            Allowed(Action::SetTargets, Scope::Network),
            targets::page,
        )
        .post(
            "/beheer/doelen",
            Allowed(Action::SetTargets, Scope::Network),
            targets::save,
        )
}
