//! The web tier: server-rendered public pages (`html`), the JSON API (`api`),
//! health endpoints, and the cross-cutting layers (language, security headers).
//! Handlers read the in-memory catalogue index kept in [`AppState`].

pub mod api;
mod csrf;
pub mod html;
mod insight;
mod lang;
mod problem;
mod security;
mod state;

pub use state::{AppState, StateError};

use axum::Router;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::middleware::{from_fn, from_fn_with_state};
use axum::response::IntoResponse;
use axum::routing::get;

/// All routes of the application.
pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
        .route("/static/loket.css", get(stylesheet))
        .route("/api/v1/", get(api::api_root))
        .merge(html::routes())
        .nest("/api/v1", api::routes())
        .fallback(html::not_found)
        .layer(from_fn(lang::remember_choice))
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
    let r = state.store.readiness().await;
    let body = serde_json::json!({
        "backend": state.store.backend(),
        "database": if r.reachable { "reachable" } else { "unreachable" },
        "migrations": if r.migrations_applied { "applied" } else { "pending" },
    });
    let status = if r.reachable && r.migrations_applied {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    (status, axum::Json(body))
}

async fn stylesheet() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        include_str!("../static/loket.css"),
    )
}
