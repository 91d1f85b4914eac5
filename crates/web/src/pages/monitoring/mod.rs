//! Monitoring: the results of the indicators against their targets (the
//! dashboard, per audience and scope), its exports, the coordinator's targets,
//! the quarterly report by e-mail (subscribing, and the mailed unsubscribe
//! link), and a programme's milestones, money and progress report.
//! Each route names its access rule here; the authorization layer enforces it.

pub(crate) mod drill;
pub(crate) mod export;
pub(crate) mod funding;
pub(crate) mod labour_market;
pub(crate) mod programme;
pub(crate) mod query;
pub(crate) mod report;
pub(crate) mod results;
pub(crate) mod subscription;
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
            "/beheer/resultaten/uitsplitsing",
            Allowed(Action::ViewReferralFigures, Scope::Network),
            drill::page,
        )
        .post(
            "/beheer/resultaten/abonnement",
            Allowed(Action::ViewReferralFigures, Scope::Network),
            subscription::save,
        )
        .get("/abonnement/{token}", Access::Public, subscription::confirm)
        .post("/abonnement/{token}", Access::Public, subscription::end)
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
        .get(
            "/beheer/financiering",
            Allowed(Action::ViewAggregates, Scope::Network),
            funding::page,
        )
        .post(
            "/beheer/financiering/aandeel",
            Allowed(Action::SetTargets, Scope::Network),
            funding::set_share,
        )
        .post(
            "/beheer/financiering/voorwaarde",
            Allowed(Action::SetTargets, Scope::Network),
            funding::set_condition,
        )
        .post(
            "/beheer/financiering/financier",
            Allowed(Action::SetTargets, Scope::Network),
            funding::link_funder,
        )
        .get(
            "/beheer/arbeidsmarkt",
            Allowed(Action::ViewAggregates, Scope::Network),
            labour_market::page,
        )
        .get(
            "/beheer/programma",
            Allowed(Action::ViewAggregates, Scope::Network),
            programme::page,
        )
        .get(
            "/beheer/programma/rapport",
            Allowed(Action::ViewAggregates, Scope::Network),
            programme::download,
        )
        .post(
            "/beheer/programma/mijlpaal",
            Allowed(Action::SetTargets, Scope::Network),
            programme::set_milestone,
        )
        .post(
            "/beheer/programma/budget",
            Allowed(Action::SetTargets, Scope::Network),
            programme::add_budget,
        )
}
