//! Public, server-rendered pages. They work without JavaScript; all text comes
//! from the message files or the catalogue, in the visitor's language.

pub(crate) mod front_door;
pub(crate) mod hours;
pub(crate) mod insight;
pub(crate) mod pages;
mod privacy;
pub(crate) mod view;

use crate::AppState;
use axum::Router;
use axum::routing::get;

pub use pages::not_found;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(pages::home))
        .route("/diensten", get(pages::search))
        .route("/diensten/{id}", get(pages::service))
        .route("/organisaties", get(pages::organizations))
        .route("/organisaties/{id}", get(pages::organization))
        .route("/toegankelijkheid", get(pages::accessibility))
        .route("/privacy", get(privacy::page))
        .route("/voordeur", get(front_door::question))
        .route("/voordeur/resultaat", get(front_door::result))
        .route(
            "/voordeur/feedback",
            axum::routing::post(front_door::feedback),
        )
        .route("/coordinator/voordeur", get(insight::page))
}
