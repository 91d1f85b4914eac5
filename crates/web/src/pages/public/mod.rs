//! The public catalogue pages: home, search, a service, organisations, accessibility and privacy.
//! Each route names its access rule here; the authorization layer enforces it.

pub(crate) mod home;
pub(crate) mod organizations;
pub(crate) mod privacy;
pub(crate) mod search;
pub(crate) mod service;

use crate::routes::{Access, RouteTable};

pub(crate) fn routes(table: RouteTable) -> RouteTable {
    use Access::Public;
    table
        .get("/", Public, home::home)
        .get("/diensten", Public, search::search)
        .get("/diensten/{id}", Public, service::service)
        .get("/organisaties", Public, organizations::organizations)
        .get("/organisaties/{id}", Public, organizations::organization)
        .get("/toegankelijkheid", Public, home::accessibility)
        .get("/privacy", Public, privacy::page)
}
