#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)] // tests: a failed expectation is the failure
//! Hostile or mistaken requests, as an attacker or a confused client sends them:
//! each answers clearly and leaves nothing behind.

mod support;

use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use support::app;
use tower::ServiceExt;

async fn audit_rows(app: &support::TestApp) -> i64 {
    app.state.store.audit_head().await.expect("audit head").0
}

#[tokio::test]
async fn a_method_a_route_does_not_have_answers_405_with_allow_and_writes_no_audit_entry() {
    let app = app().await;
    let before = audit_rows(&app).await;
    let long_path = format!("/diensten/{}", "x".repeat(60_000));
    for (method, uri, allow) in [
        ("PUT", "/diensten", "GET, HEAD"),
        ("DELETE", "/voordeur/feedback", "POST"),
        ("TRACE", "/beheer", "GET, HEAD"),
        ("PATCH", "/api/v1/referrals", "GET, HEAD, POST"),
        ("PUT", "/api/v1/services/abc", "GET, HEAD"),
        ("PUT", long_path.as_str(), "GET, HEAD"),
    ] {
        let res = app
            .router
            .clone()
            .oneshot(
                Request::builder()
                    .method(Method::from_bytes(method.as_bytes()).unwrap())
                    .uri(uri)
                    .header(header::ACCEPT_LANGUAGE, "de")
                    .body(Body::empty())
                    .unwrap(),
            )
            .await
            .unwrap();
        let short = &uri[..uri.len().min(40)];
        assert_eq!(
            res.status(),
            StatusCode::METHOD_NOT_ALLOWED,
            "{method} {short}"
        );
        assert_eq!(res.headers()[header::ALLOW], allow, "{method} {short}");
        let is_api = uri.starts_with("/api/");
        let content_type = res.headers()[header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .to_string();
        let body = http_body_util::BodyExt::collect(res.into_body())
            .await
            .unwrap()
            .to_bytes();
        let body = String::from_utf8_lossy(&body);
        if is_api {
            assert_eq!(content_type, "application/problem+json", "{method} {short}");
            assert!(body.contains("\"status\":405"), "{body}");
        } else {
            assert!(content_type.starts_with("text/html"), "{method} {short}");
            assert!(
                body.contains("Das ist hier nicht möglich"),
                "{method} {short}"
            );
        }
    }
    assert_eq!(
        audit_rows(&app).await,
        before,
        "nobody can write to the append-only audit log by sending a wrong method"
    );
}

#[tokio::test]
async fn a_refusal_is_still_written_to_the_audit_log() {
    // The other side of the test above: a real refusal keeps its entry.
    let app = app().await;
    let before = audit_rows(&app).await;
    let (mut client, _) =
        support::signed_in(&app.state, loket_domain::account::Role::Funder, None).await;
    let reply = client.get(&app.router, "/beheer/logboek").await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    let long = format!("/beheer/termen/{}", "x".repeat(60_000));
    let reply = client.get(&app.router, &long).await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    assert_eq!(audit_rows(&app).await, before + 2);
    let entries = app
        .state
        .store
        .audit_entries(before, 10)
        .await
        .expect("entries");
    let last = entries.last().expect("the refusal's entry");
    assert_eq!(last.event.action, "access.denied");
    assert!(
        last.event.object.len() < 300,
        "the audit log keeps no kilobytes a caller chose ({} bytes)",
        last.event.object.len()
    );
}
