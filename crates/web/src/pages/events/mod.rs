//! Events: the public calendar and its feeds, an event's page with the
//! registration form, the page a registration's mailed link opens, and the
//! organiser's pages (publish, who registered, the check-in list).
//! Each route names its access rule here; the authorization layer enforces it.

pub(crate) mod booking;
pub(crate) mod organise;
pub(crate) mod public;
pub(crate) mod words;

use crate::routes::{Access, RouteTable, Scope};
use loket_domain::policy::Action;

pub(crate) fn routes(table: RouteTable) -> RouteTable {
    use Access::{Allowed, Public};
    let organise_any = Allowed(Action::OrganiseEvents, Scope::Network);
    let organise_event = Allowed(Action::OrganiseEvents, Scope::EventInPath);
    let organise_date = Allowed(Action::OrganiseEvents, Scope::EventDateInPath);
    table
        .get("/evenementen", Public, public::list)
        .get("/evenementen/agenda.ics", Public, public::calendar_feed)
        .get("/evenementen/{id}", Public, public::event)
        .get("/evenementen/{id}/agenda.ics", Public, public::event_feed)
        .post("/evenementen/{id}/aanmelden", Public, public::register)
        .get("/aanmelding/{token}", Public, booking::booking)
        .post("/aanmelding/{token}/afmelden", Public, booking::cancel)
        .post("/aanmelding/{token}/plaats", Public, booking::accept)
        .get("/beheer/evenementen", organise_any, organise::list)
        .post("/beheer/evenementen", organise_any, organise::create)
        .get("/beheer/evenementen/{id}", organise_event, organise::event)
        .get(
            "/beheer/evenementen/datum/{id}",
            organise_date,
            organise::checkin,
        )
        .post(
            "/beheer/evenementen/datum/{id}",
            organise_date,
            organise::record,
        )
        .post(
            "/beheer/evenementen/datum/{id}/verplaatsen",
            organise_date,
            organise::move_date,
        )
        .post(
            "/beheer/evenementen/datum/{id}/afgelasten",
            organise_date,
            organise::cancel_date,
        )
}
