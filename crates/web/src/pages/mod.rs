//! Server-rendered pages, one folder per feature, each with its own routes and
//! their access rules. They work without JavaScript; all text comes from the
//! message files or the catalogue, in the visitor's language. A handler reads
//! its input, calls one use case of `loket-app` and renders.

pub(crate) mod accounts;
pub(crate) mod api_tokens;
pub(crate) mod catalogue;
pub(crate) mod crossborder;
pub(crate) mod errors;
pub(crate) mod events;
pub(crate) mod forms;
pub(crate) mod front_door;
pub(crate) mod hours;
pub(crate) mod monitoring;
pub(crate) mod public;
pub(crate) mod referrals;
pub(crate) mod regions;
pub(crate) mod staff;
pub(crate) mod talent;
pub(crate) mod view;

use crate::routes::RouteTable;

pub use errors::not_found;

/// Every page route, feature by feature.
pub(crate) fn routes(table: RouteTable) -> RouteTable {
    let table = public::routes(table);
    let table = front_door::routes(table);
    let table = crossborder::routes(table);
    let table = events::routes(table);
    let table = regions::routes(table);
    let table = accounts::routes(table);
    let table = catalogue::routes(table);
    let table = referrals::routes(table);
    let table = talent::routes(table);
    let table = monitoring::routes(table);
    api_tokens::routes(table)
}
