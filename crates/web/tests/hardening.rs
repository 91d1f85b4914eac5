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

const GIP: &str = "a790b6e4-b346-5198-9c54-15252fc67910"; // GrenzInfoPunkt Aachen-Eurode
const SVB: &str = "d22cbc11-7d09-5843-bc41-a250ad7f6225";

fn first_service(app: &support::TestApp, org: &str) -> String {
    app.state
        .index()
        .services_of(org)
        .next()
        .expect("a service")
        .id
        .clone()
}

/// Posts `body` with the client's cookie and the given extra headers.
async fn post_with(
    app: &support::TestApp,
    client: &mut support::Client,
    uri: &str,
    content_type: &str,
    headers: &[(&str, &str)],
    body: String,
) -> support::Reply {
    let mut req = Request::post(uri).header(header::CONTENT_TYPE, content_type);
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    client.send(&app.router, req, Body::from(body)).await
}

#[tokio::test]
async fn a_bare_session_cookie_cannot_write_through_the_api() {
    let app = app().await;
    let (mut staff, _) =
        support::signed_in(&app.state, loket_domain::account::Role::Staff, Some(GIP)).await;
    let referral = serde_json::json!({
        "service_id": first_service(&app, SVB), "name": "Dana Kowalczyk", "contact": "+49 241 555 0101",
        "language": "de", "note": "Frage zur A1-Bescheinigung", "basis": "consent",
        "purpose": "Hilfe bei der Sozialversicherung"
    })
    .to_string();
    let contact = serde_json::json!({
        "service_id": first_service(&app, GIP), "channel": "phone", "language": "de", "outcome": "answered",
        "topics": ["tax"], "residence_country": "DE", "work_country": "NL", "minutes": 6
    })
    .to_string();
    let contacts_before = app.state.store.contact_count(Some(GIP)).await.unwrap();
    let referrals_before = app
        .state
        .store
        .referral_facts(0, i64::MAX)
        .await
        .unwrap()
        .len();
    let token = staff.page_token(&app.router).await;
    assert!(!token.is_empty());

    // What another site's page can make a signed-in browser send.
    for (uri, body) in [
        ("/api/v1/referrals", &referral),
        ("/api/v1/contacts", &contact),
    ] {
        for content_type in ["text/plain", "application/json"] {
            let reply = post_with(
                &app,
                &mut staff,
                uri,
                content_type,
                &[("origin", "https://evil.example")],
                body.clone(),
            )
            .await;
            assert_eq!(
                reply.status,
                StatusCode::UNAUTHORIZED,
                "{uri} {content_type}: {}",
                reply.body
            );
            assert!(reply.body.contains("X-CSRF-Token"), "{}", reply.body);
        }
        // Even with the right token, not from another site.
        let reply = post_with(
            &app,
            &mut staff,
            uri,
            "application/json",
            &[("origin", "https://evil.example"), ("x-csrf-token", &token)],
            body.clone(),
        )
        .await;
        assert_eq!(reply.status, StatusCode::UNAUTHORIZED, "{uri}");
        // A wrong token from this site: refused too.
        let reply = post_with(
            &app,
            &mut staff,
            uri,
            "application/json",
            &[
                ("origin", "http://127.0.0.1:8080"),
                ("x-csrf-token", "0".repeat(64).as_str()),
            ],
            body.clone(),
        )
        .await;
        assert_eq!(reply.status, StatusCode::UNAUTHORIZED, "{uri}");
    }
    assert_eq!(
        app.state.store.contact_count(Some(GIP)).await.unwrap(),
        contacts_before
    );
    assert_eq!(
        app.state
            .store
            .referral_facts(0, i64::MAX)
            .await
            .unwrap()
            .len(),
        referrals_before,
        "nothing was written"
    );

    // This site's own page script, with the session's token: accepted.
    for (uri, body) in [
        ("/api/v1/referrals", &referral),
        ("/api/v1/contacts", &contact),
    ] {
        let reply = post_with(
            &app,
            &mut staff,
            uri,
            "application/json",
            &[
                ("origin", "http://127.0.0.1:8080"),
                ("x-csrf-token", &token),
            ],
            body.clone(),
        )
        .await;
        assert_eq!(reply.status, StatusCode::CREATED, "{uri}: {}", reply.body);
    }
    // Reading with the cookie alone stays possible (a browser tab on the API).
    assert_eq!(
        staff.get(&app.router, "/api/v1/referrals").await.status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn a_huge_search_query_is_refused_without_being_repeated() {
    let app = app().await;
    let query = "a".repeat(60 * 1024);
    let reply = support::Client::default()
        .get(&app.router, &format!("/diensten?q={query}&lang=en"))
        .await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    assert!(
        reply.body.contains("id=\"q-error\""),
        "the error sits next to the box"
    );
    // Before: a 64 KB query came back six times (a 405 KB page).
    assert!(
        !reply.body.contains(&"a".repeat(201)),
        "no more of the query than the box holds is shown"
    );
    assert!(reply.body.len() < 60 * 1024, "{} bytes", reply.body.len());

    // An unknown address of 60 KB: the not-found page does not repeat it either.
    let reply = support::Client::default()
        .get(&app.router, &format!("/{}", "b".repeat(60_000)))
        .await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
    assert!(reply.body.len() < 60_000, "{} bytes", reply.body.len());
}

#[tokio::test]
async fn the_api_limits_requests_per_address_and_says_when_to_come_back() {
    let mut app = app().await;
    app.state = app.state.clone().with_api_requests_per_minute(5);
    app.router = loket_web::router(app.state.clone());
    let get = |bearer: Option<&str>| {
        let mut req = Request::get("/api/v1/services?per_page=1");
        if let Some(b) = bearer {
            req = req.header(header::AUTHORIZATION, format!("Bearer {b}"));
        }
        app.router.clone().oneshot(req.body(Body::empty()).unwrap())
    };
    for _ in 0..5 {
        assert_eq!(get(None).await.unwrap().status(), StatusCode::OK);
    }
    let refused = get(None).await.unwrap();
    assert_eq!(refused.status(), StatusCode::TOO_MANY_REQUESTS);
    let wait: u64 = refused.headers()[header::RETRY_AFTER]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=60).contains(&wait), "{wait}");
    assert_eq!(
        refused.headers()[header::CONTENT_TYPE],
        "application/problem+json"
    );
    // A made-up token does not get around the limit …
    assert_eq!(
        get(Some("made-up")).await.unwrap().status(),
        StatusCode::TOO_MANY_REQUESTS
    );
    // … an organisation's real token is not counted.
    let (_, token) = loket_app::api_tokens::create(
        &app.state,
        GIP,
        "test system",
        &["referrals".to_string()],
        loket_app::api_tokens::Maker {
            actor: "test",
            origin: "test",
        },
    )
    .await
    .expect("token");
    assert_eq!(get(Some(&token)).await.unwrap().status(), StatusCode::OK);
    // The pages are not counted here.
    let page = support::Client::default()
        .get(&app.router, "/diensten")
        .await;
    assert_eq!(page.status, StatusCode::OK);
}

#[tokio::test]
async fn a_form_refused_for_too_many_attempts_says_when_to_come_back() {
    let app = app().await;
    let mut client = support::Client::default();
    let mut last = None;
    for _ in 0..12 {
        let form = client.get(&app.router, "/aanmelden").await;
        let token = form.input("token");
        let reply = client
            .send(
                &app.router,
                Request::post("/aanmelden")
                    .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded"),
                Body::from(support::form(&[
                    ("token", &token),
                    ("email", "nobody@example.nl"),
                    ("password", "wrong password, again"),
                ])),
            )
            .await;
        last = Some(reply);
    }
    let last = last.unwrap();
    assert_eq!(last.status, StatusCode::TOO_MANY_REQUESTS, "{}", last.body);
    assert_eq!(last.headers[header::RETRY_AFTER], "60");
}

#[tokio::test]
async fn every_answer_carries_a_request_id_for_the_logs() {
    let app = app().await;
    let get = |id: Option<&str>| {
        let mut req = Request::get("/healthz");
        if let Some(id) = id {
            req = req.header("x-request-id", id);
        }
        app.router.clone().oneshot(req.body(Body::empty()).unwrap())
    };
    let fresh = get(None).await.unwrap();
    let id = fresh.headers()["x-request-id"]
        .to_str()
        .unwrap()
        .to_string();
    assert_eq!(id.len(), 32, "{id}");
    let other = get(None).await.unwrap();
    assert_ne!(
        other.headers()["x-request-id"],
        id.as_str(),
        "one per request"
    );
    // A proxy's id is kept; anything else is replaced, never echoed.
    let proxied = get(Some("req-7f3a.1")).await.unwrap();
    assert_eq!(proxied.headers()["x-request-id"], "req-7f3a.1");
    let hostile = get(Some("<script>alert(1)</script>")).await.unwrap();
    assert_ne!(
        hostile.headers()["x-request-id"],
        "<script>alert(1)</script>"
    );
}
