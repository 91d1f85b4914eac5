//! Labour-market regions in the browser: the national entry (`/regio`: a postcode or
//! municipality leads to its region), a region's home with its menu, its front door
//! (the same engine over its menu) and its look and logo — public; a draft region is not
//! found until it goes live. And for its coordinator: its menu, look and wording.

pub(crate) mod entry;
pub(crate) mod home;
pub(crate) mod logo;
pub(crate) mod manage;

use crate::pages::front_door::wording;
use crate::routes::{Access, RouteTable, Scope};
use loket_domain::policy::Action;

pub(crate) fn routes(table: RouteTable) -> RouteTable {
    use Access::{Allowed, Public};
    let manage = Allowed(Action::ManageRegion, Scope::RegionInPath);
    let words = Allowed(Action::ManageFrontDoor, Scope::RegionInPath);
    table
        .get(
            "/beheer/regio",
            Allowed(Action::UseStaffArea, Scope::Network),
            manage::list,
        )
        .get("/beheer/regio/{code}", manage, manage::edit)
        .post("/beheer/regio/{code}", manage, manage::save)
        .post("/beheer/regio/{code}/logo", manage, logo::save)
        .get("/beheer/regio/{code}/voordeur", words, wording::edit_region)
        .post("/beheer/regio/{code}/voordeur", words, wording::save_region)
        .get("/regio", Public, entry::page)
        .get("/regio/{code}", Public, home::page)
        .get("/regio/{code}/voordeur", Public, home::question)
        .get("/regio/{code}/voordeur/resultaat", Public, home::result)
        .get("/regio/{code}/look.css", Public, home::look_css)
        .get("/regio/{code}/logo", Public, logo::image)
}
