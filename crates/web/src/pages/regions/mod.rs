//! Labour-market regions in the browser: the national entry (`/regio`: a postcode or
//! municipality leads to its region), a region's home with its menu, its front door
//! (the same engine over its menu) and its look. All public; a draft region is not
//! found until it goes live.

pub(crate) mod entry;
pub(crate) mod home;

use crate::routes::{Access, RouteTable};

pub(crate) fn routes(table: RouteTable) -> RouteTable {
    use Access::Public;
    table
        .get("/regio", Public, entry::page)
        .get("/regio/{code}", Public, home::page)
        .get("/regio/{code}/voordeur", Public, home::question)
        .get("/regio/{code}/voordeur/resultaat", Public, home::result)
        .get("/regio/{code}/look.css", Public, home::look_css)
}
