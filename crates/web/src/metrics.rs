//! `/metrics` in the Prometheus text format (OpenMetrics): requests by route
//! pattern, method and status, their latency, requests in flight, and at each
//! scrape the database pool, the job queue, the change-feed lag and the index
//! sizes (`loket_app::operations`). Routes are their patterns (`/diensten/:id`),
//! never the addresses asked, so no identifier or query text reaches a metric.
//! Open only to a scraper with the configured token (`metrics_token`).

use crate::AppState;
use axum::extract::{MatchedPath, Request, State};
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::registry::Registry;
use std::time::Instant;

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RequestLabels {
    route: String,
    method: String,
    status: u16,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RouteLabels {
    route: String,
    method: String,
}

fn latency_histogram() -> Histogram {
    // 1 ms … about 16 s.
    Histogram::new(exponential_buckets(0.001, 2.0, 15))
}

/// The request metrics, shared by every clone of the router.
#[derive(Clone)]
pub(crate) struct Metrics {
    requests: Family<RequestLabels, Counter>,
    latency: Family<RouteLabels, Histogram, fn() -> Histogram>,
    in_flight: Gauge,
}

impl Default for Metrics {
    fn default() -> Self {
        Metrics {
            requests: Family::default(),
            latency: Family::new_with_constructor(latency_histogram),
            in_flight: Gauge::default(),
        }
    }
}

/// The matched route pattern, carried from inside the router to [`record`].
#[derive(Clone)]
struct Route(String);

/// A route layer: remembers the pattern the request matched.
pub(crate) async fn remember_route(req: Request, next: Next) -> Response {
    // `/diensten/{id}` is written `/diensten/:id`: braces inside a label value
    // trip simpler text parsers.
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map(|m| m.as_str().replace('{', ":").replace('}', ""));
    let mut res = next.run(req).await;
    if let Some(route) = route {
        res.extensions_mut().insert(Route(route));
    }
    res
}

/// Counts every request by route pattern, method and status, with its duration.
pub(crate) async fn record(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let method = match req.method().as_str() {
        m @ ("GET" | "HEAD" | "POST" | "PUT" | "PATCH" | "DELETE" | "OPTIONS") => m,
        _ => "OTHER",
    }
    .to_string();
    let started = Instant::now();
    let metrics = &state.metrics;
    metrics.in_flight.inc();
    let res = next.run(req).await;
    metrics.in_flight.dec();
    let route = res
        .extensions()
        .get::<Route>()
        .map_or_else(|| "unmatched".to_string(), |r| r.0.clone());
    metrics
        .latency
        .get_or_create(&RouteLabels {
            route: route.clone(),
            method: method.clone(),
        })
        .observe(started.elapsed().as_secs_f64());
    metrics
        .requests
        .get_or_create(&RequestLabels {
            route,
            method,
            status: res.status().as_u16(),
        })
        .inc();
    res
}

fn gauge(registry: &mut Registry, name: &str, help: &str, value: i64) {
    let g: Gauge = Gauge::default();
    g.set(value);
    registry.register(name, help, g);
}

pub(crate) async fn metrics(State(state): State<AppState>) -> Response {
    let ops = match loket_app::operations::status(&state).await {
        Ok(ops) => ops,
        Err(e) => return crate::error::failure(e),
    };
    let mut registry = Registry::with_prefix("loket");
    let m = &state.metrics;
    registry.register(
        "http_requests",
        "HTTP requests by route pattern, method and status",
        m.requests.clone(),
    );
    registry.register(
        "http_request_duration_seconds",
        "Time to answer, by route pattern and method",
        m.latency.clone(),
    );
    registry.register(
        "http_requests_in_flight",
        "Requests being answered now",
        m.in_flight.clone(),
    );
    let n = |v: usize| i64::try_from(v).unwrap_or(i64::MAX);
    gauge(
        &mut registry,
        "db_pool_connections",
        "Database connections open",
        i64::from(ops.pool.size),
    );
    gauge(
        &mut registry,
        "db_pool_idle_connections",
        "Database connections waiting for work",
        n(ops.pool.idle),
    );
    gauge(
        &mut registry,
        "jobs_due",
        "Jobs due and not done",
        ops.jobs_due,
    );
    gauge(
        &mut registry,
        "jobs_oldest_due_seconds",
        "Seconds since the oldest due job was due",
        ops.oldest_due_job_secs,
    );
    gauge(
        &mut registry,
        "catalogue_feed_lag",
        "Catalogue changes this node's index has not read yet",
        ops.catalogue_feed_lag,
    );
    gauge(
        &mut registry,
        "talent_feed_lag",
        "Talent changes this node's matching index has not applied yet",
        ops.talent_feed_lag,
    );
    gauge(
        &mut registry,
        "catalogue_services",
        "Services in this node's catalogue index",
        n(ops.catalogue_services),
    );
    gauge(
        &mut registry,
        "matching_candidates",
        "Candidates in this node's matching index",
        n(ops.candidates_indexed),
    );
    gauge(
        &mut registry,
        "matching_vacancies",
        "Vacancies in this node's matching index",
        n(ops.vacancies_indexed),
    );
    let mut text = String::new();
    if let Err(e) = prometheus_client::encoding::text::encode(&mut text, &registry) {
        return crate::error::failure(loket_app::AppError::Unavailable(e.to_string()));
    }
    let mut res = text.into_response();
    res.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/openmetrics-text; version=1.0.0; charset=utf-8"),
    );
    res
}

/// Whether the request carries the scraper's token (compared in constant time).
pub(crate) fn scraper_allowed(state: &AppState, req: &axum::http::request::Parts) -> bool {
    let Some(expected) = state.metrics_token.as_deref() else {
        return false;
    };
    let given = req
        .headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or("");
    given.len() == expected.len()
        && given
            .bytes()
            .zip(expected.bytes())
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0
}
