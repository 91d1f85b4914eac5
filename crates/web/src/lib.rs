//! The web tier: server-rendered public pages (`html`), the JSON API (`api`),
//! health endpoints, and the cross-cutting layers (language, security headers).
//! Handlers read the in-memory catalogue index kept in [`AppState`].

pub mod api;
mod authz;
mod csrf;
mod device;
mod error;
pub mod intake;
mod lang;
pub mod look;
mod metrics;
pub mod pages;
mod present;
mod problem;
pub mod routes;
mod security;
pub mod server;
pub mod session;
mod state;
mod throttle;
pub mod who;

pub use loket_app::StartError;
pub use state::{AppState, DEFAULT_API_REQUESTS_PER_MINUTE};

use axum::Router;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::middleware::{from_fn, from_fn_with_state};
use axum::response::IntoResponse;

/// Every route with its access rule (see [`routes`]).
pub(crate) fn all_routes() -> routes::RouteTable {
    let public = routes::Access::Public;
    let table = routes::RouteTable::new()
        .get("/healthz", public, healthz)
        .get("/metrics", routes::Access::Scraper, metrics::metrics)
        .get("/readyz", public, readyz)
        .get("/static/loket.css", public, look::stylesheet)
        .get(
            "/static/nl-design-system.css",
            public,
            look::nl_design_system,
        )
        .get("/static/look.css", public, look::look_stylesheet)
        .get("/static/logo", public, look::logo)
        .get("/static/tables.js", public, look::tables_script)
        .get("/favicon.svg", public, look::favicon)
        .get("/favicon.ico", public, look::favicon);
    api::routes(pages::routes(table))
}

/// The application: routes, then (inside out) authorization, sessions,
/// the remembered language and the security headers.
pub fn router(mut state: AppState) -> Router {
    let (routes, entries) = all_routes().into_parts();
    state.access = std::sync::Arc::new(routes::access_map(&entries));
    routes
        // Inside authorization: a refused request never has its body read.
        .route_layer(from_fn_with_state(state.clone(), intake::bodies))
        .route_layer(from_fn_with_state(state.clone(), authz::authorize))
        // Outside authorization, so refusals are counted under their route too.
        .route_layer(from_fn(metrics::remember_route))
        .fallback(pages::not_found)
        .layer(from_fn_with_state(state.clone(), error::render_failures))
        .layer(from_fn_with_state(state.clone(), who::remember))
        .layer(from_fn_with_state(state.clone(), look::apply))
        // Inside the session's layer: it knows whether a valid API token came.
        .layer(from_fn_with_state(state.clone(), throttle::api))
        .layer(from_fn_with_state(state.clone(), session::load))
        .layer(from_fn(lang::remember_choice))
        .layer(from_fn_with_state(state.clone(), metrics::record))
        .layer(from_fn_with_state(state.clone(), security::headers))
        .with_state(state)
}

/// The process is up.
async fn healthz() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        "ok\n",
    )
}

/// The database answers and every migration is applied.
async fn readyz(State(state): State<AppState>) -> impl IntoResponse {
    let (r, backend) = loket_app::access::readiness(&state).await;
    let body = serde_json::json!({
        "backend": backend,
        "database": if r.reachable { "reachable" } else { "unreachable" },
        "migrations": if r.migrations_applied { "applied" } else { "pending" },
        // Ready either way; an operator sees here that the database could lose the
        // last acknowledged writes if the machine fails (docs/deployment.md).
        "commits": if r.durable_commits { "durable" } else { "not flushed to disk" },
    });
    let status = if r.reachable && r.migrations_applied {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    (status, axum::Json(body))
}
