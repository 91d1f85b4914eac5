#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)] // tests: a failed expectation is the failure
//! `/metrics` as Prometheus scrapes it: only with the token, in a format a
//! Prometheus text parser reads, with requests counted by route pattern (never
//! the address asked), latencies, and the pool, job queue and index gauges.

mod support;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use support::{Client, app};
use tower::ServiceExt;

const TOKEN: &str = "scrape-me-please-0123456789";

async fn scrape(router: &axum::Router, bearer: Option<&str>) -> (StatusCode, String, String) {
    let mut req = Request::get("/metrics");
    if let Some(b) = bearer {
        req = req.header(header::AUTHORIZATION, format!("Bearer {b}"));
    }
    let res = router
        .clone()
        .oneshot(req.body(Body::empty()).unwrap())
        .await
        .unwrap();
    let status = res.status();
    let content_type = res
        .headers()
        .get(header::CONTENT_TYPE)
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default();
    let body = res.into_body().collect().await.unwrap().to_bytes();
    (
        status,
        content_type,
        String::from_utf8(body.to_vec()).unwrap(),
    )
}

#[tokio::test]
async fn metrics_parse_as_prometheus_text_and_count_requests_by_route_pattern() {
    let mut app = app().await;
    app.state = app.state.clone().with_metrics_token(Some(TOKEN));
    app.router = loket_web::router(app.state.clone());
    let service = app.state.index().services()[0].id.clone();
    let mut visitor = Client::default();
    for _ in 0..3 {
        assert_eq!(
            visitor
                .get(&app.router, &format!("/diensten/{service}"))
                .await
                .status,
            StatusCode::OK
        );
    }
    visitor.get(&app.router, "/diensten?q=belasting").await;
    visitor.get(&app.router, "/no-such-page-secret-text").await;

    // Without the token, or with another: refused, and nothing about the node told.
    for bearer in [None, Some("wrong-token-wrong-token-00")] {
        let (status, _, body) = scrape(&app.router, bearer).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
        assert!(!body.contains("loket_http_requests"));
    }

    let (status, content_type, body) = scrape(&app.router, Some(TOKEN)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        content_type.starts_with("application/openmetrics-text"),
        "{content_type}"
    );
    let lines = body.lines().map(|l| Ok(l.to_string()));
    let scrape = prometheus_parse::Scrape::parse(lines).expect("a Prometheus text parser reads it");
    let value = |name: &str, labels: &[(&str, &str)]| -> Option<f64> {
        scrape
            .samples
            .iter()
            .find(|s| {
                s.metric == name
                    && labels
                        .iter()
                        .all(|(k, v)| s.labels.get(k).is_some_and(|x| x == *v))
            })
            .map(|s| match s.value {
                // OpenMetrics names a counter without `_total` in its TYPE line,
                // so a classic parser reads the samples as untyped: the values stand.
                prometheus_parse::Value::Counter(v)
                | prometheus_parse::Value::Gauge(v)
                | prometheus_parse::Value::Untyped(v) => v,
                _ => f64::NAN,
            })
    };
    assert_eq!(
        value(
            "loket_http_requests_total",
            &[
                ("route", "/diensten/:id"),
                ("method", "GET"),
                ("status", "200")
            ]
        ),
        Some(3.0),
        "{body}"
    );
    assert_eq!(
        value(
            "loket_http_requests_total",
            &[("route", "unmatched"), ("status", "404")]
        ),
        Some(1.0)
    );
    assert!(
        !body.contains(&service) && !body.contains("belasting") && !body.contains("secret-text"),
        "no address, identifier or query text in the metrics"
    );
    // The latency histogram: three answers for the service page, all under +Inf.
    assert_eq!(
        value(
            "loket_http_request_duration_seconds_count",
            &[("route", "/diensten/:id")]
        ),
        Some(3.0)
    );
    let buckets = scrape
        .samples
        .iter()
        .find_map(|s| match &s.value {
            prometheus_parse::Value::Histogram(b)
                if s.metric == "loket_http_request_duration_seconds"
                    && s.labels.get("route") == Some("/diensten/:id") =>
            {
                Some(b.clone())
            }
            _ => None,
        })
        .expect("the parser reads the histogram's buckets");
    assert_eq!(buckets.len(), 16, "15 bounds and +Inf");
    assert_eq!(buckets.last().expect("+Inf").count, 3.0);
    assert!(
        value(
            "loket_http_request_duration_seconds_sum",
            &[("route", "/diensten/:id")]
        )
        .expect("sum")
            > 0.0
    );
    assert_eq!(
        value("loket_catalogue_services", &[]),
        Some(app.state.index().services().len() as f64)
    );
    assert!(value("loket_db_pool_connections", &[]).expect("pool gauge") >= 1.0);
    assert_eq!(value("loket_jobs_due", &[]), Some(0.0));
    assert_eq!(value("loket_catalogue_feed_lag", &[]), Some(0.0));
    assert_eq!(value("loket_talent_feed_lag", &[]), Some(0.0));
    assert!(value("loket_matching_candidates", &[]).is_some());
}

#[tokio::test]
async fn metrics_are_closed_without_a_configured_token() {
    let app = app().await;
    let (status, _, _) = scrape(&app.router, Some("")).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}
