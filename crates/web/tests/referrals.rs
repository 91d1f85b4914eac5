#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)] // tests: a failed expectation is the failure
//! Contacts and referrals through the pages and the API, on SQLite and on
//! PostgreSQL: the front-door intake, the closed loop between two
//! organisations, privacy towards a third, conflicts and retries, bad input,
//! notices by e-mail and the service-level job.

mod support;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use loket_domain::account::Role;
use loket_store::referrals::ApiToken;
use serde_json::{Value, json};
use support::{Client, Reply, TestApp, app, postgres_app, signed_in};
use tower::ServiceExt;

const GIP: &str = "a790b6e4-b346-5198-9c54-15252fc67910"; // GrenzInfoPunkt Aachen-Eurode
const SVB: &str = "d22cbc11-7d09-5843-bc41-a250ad7f6225";

fn service_of(app: &TestApp, org: &str) -> String {
    app.state
        .index()
        .services_of(org)
        .next()
        .expect("a service")
        .id
        .clone()
}

fn third_org(app: &TestApp) -> String {
    let idx = app.state.index();
    idx.organizations()
        .iter()
        .find(|o| o.id != GIP && o.id != SVB)
        .expect("a third organisation")
        .id
        .clone()
}

/// An API token of `org` with `scopes`, as its admin would make it.
async fn token(app: &TestApp, org: &str, scopes: &[&str]) -> String {
    let secret = format!("loket_{}", loket_auth::secrets::new_token());
    app.state
        .store
        .create_api_token(
            &ApiToken {
                id: uuid::Uuid::new_v4().to_string(),
                organization_id: org.into(),
                name: "test".into(),
                scopes: scopes.iter().map(|s| s.to_string()).collect(),
                created_by: "test".into(),
                created_at: 0,
                revoked_at: None,
            },
            &loket_auth::secrets::hash_secret(&secret),
        )
        .await
        .expect("token");
    secret
}

struct Answer {
    status: StatusCode,
    json: Value,
    replayed: bool,
    content_type: String,
}

async fn api(
    app: &TestApp,
    method: &str,
    uri: &str,
    bearer: &str,
    body: Option<String>,
    key: Option<&str>,
) -> Answer {
    let mut req = Request::builder()
        .method(method)
        .uri(uri)
        .header(header::AUTHORIZATION, format!("Bearer {bearer}"));
    if body.is_some() {
        req = req.header(header::CONTENT_TYPE, "application/json");
    }
    if let Some(k) = key {
        req = req.header("idempotency-key", k);
    }
    let res = app
        .router
        .clone()
        .oneshot(req.body(Body::from(body.unwrap_or_default())).unwrap())
        .await
        .unwrap();
    let status = res.status();
    let replayed = res.headers().contains_key("idempotent-replayed");
    let content_type = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    let bytes = res.into_body().collect().await.unwrap().to_bytes();
    Answer {
        status,
        json: serde_json::from_slice(&bytes).unwrap_or(Value::Null),
        replayed,
        content_type,
    }
}

fn referral_body(service: &str) -> Value {
    json!({
        "service_id": service,
        "name": "Dana Kowalczyk",
        "contact": "+49 241 555 0101",
        "language": "de",
        "note": "Frage zur A1-Bescheinigung",
        "basis": "consent",
        "purpose": "Hilfe bei der Sozialversicherung"
    })
}

async fn referrals_in_store(app: &TestApp, org: &str) -> usize {
    app.state
        .store
        .referral_facts(0, i64::MAX)
        .await
        .unwrap()
        .iter()
        .filter(|f| f.referral.receiver_org == org || f.referral.sender_org() == Some(org))
        .count()
}

// ---------------------------------------------------------------- the loop

/// The acceptance loop through the pages: a visitor asks GIP to call back, GIP
/// accepts and refers on to SVB with consent, SVB accepts and completes, GIP
/// sees the loop closed, a third organisation sees nothing, and every step is
/// in the processing log.
async fn the_loop_closes(app: TestApp) {
    let gip_service = service_of(&app, GIP);
    let svb_service = service_of(&app, SVB);
    // The visitor.
    let mut visitor = Client::default();
    let page = visitor
        .get(
            &app.router,
            &format!("/diensten/{gip_service}/terugbellen?lang=de"),
        )
        .await;
    assert_eq!(page.status, StatusCode::OK);
    let form_token = page.input("token");
    let sent = visitor
        .post(
            &app.router,
            &format!("/diensten/{gip_service}/terugbellen?lang=de"),
            &[
                ("token", &form_token),
                ("name", "Dana Kowalczyk"),
                ("contact", "+49 241 555 0101"),
                (
                    "question",
                    "Ich arbeite in Heerlen und wohne in Aachen: welche Krankenkasse?",
                ),
                ("language", "de"),
                ("consent", "yes"),
                ("website", ""),
            ],
        )
        .await;
    assert_eq!(sent.status, StatusCode::OK, "{}", sent.body);
    assert!(
        sent.body.contains("Ihre Frage wurde gesendet"),
        "{}",
        sent.body
    );
    assert!(sent.body.contains("Ihre Referenznummer:"), "{}", sent.body);
    assert!(
        sent.body.contains("meldet sich spätestens am"),
        "{}",
        sent.body
    );

    // GIP staff see it in their inbox, as new, from the front door.
    let (mut gip, gip_account) = signed_in(&app.state, Role::Staff, Some(GIP)).await;
    let inbox = gip
        .get(&app.router, "/beheer/verwijzingen?view=new&lang=en")
        .await;
    assert_eq!(inbox.status, StatusCode::OK);
    assert!(inbox.body.contains("Dana Kowalczyk"), "{}", inbox.body);
    assert!(inbox.body.contains("Front door"));
    let id = inbox
        .body
        .split("/beheer/verwijzingen/")
        .filter_map(|s| s.split('?').next())
        .find(|s| s.len() == 36)
        .expect("a referral link")
        .to_string();
    let detail = gip
        .get(&app.router, &format!("/beheer/verwijzingen/{id}?lang=en"))
        .await;
    assert!(detail.body.contains("welche Krankenkasse"));
    let (token, version) = (detail.input("token"), detail.input("version"));
    let accepted = gip
        .post(
            &app.router,
            &format!("/beheer/verwijzingen/{id}/status"),
            &[("token", &token), ("version", &version), ("to", "accepted")],
        )
        .await;
    assert_eq!(accepted.status, StatusCode::SEE_OTHER, "{}", accepted.body);

    // GIP refers the person on to SVB, with consent recorded.
    let onward = gip
        .get(
            &app.router,
            &format!("/beheer/verwijzingen/nieuw?vervolg={id}&lang=en"),
        )
        .await;
    assert_eq!(onward.status, StatusCode::OK);
    assert_eq!(
        onward.input("name"),
        "Dana Kowalczyk",
        "the details come along"
    );
    let created = gip
        .post(
            &app.router,
            "/beheer/verwijzingen/nieuw",
            &[
                ("token", &onward.input("token")),
                ("org", GIP),
                ("previous_id", &id),
                ("service_id", &svb_service),
                ("name", "Dana Kowalczyk"),
                ("contact", "+49 241 555 0101"),
                ("language", "de"),
                (
                    "note",
                    "Needs an A1 certificate for work in NL while living in DE",
                ),
                ("basis", "consent"),
                ("purpose", "A1 certificate"),
            ],
        )
        .await;
    assert_eq!(created.status, StatusCode::SEE_OTHER, "{}", created.body);
    let onward_id = created
        .location
        .trim_start_matches("/beheer/verwijzingen/")
        .split('?')
        .next()
        .unwrap()
        .to_string();

    // SVB accepts and completes with "got help".
    let (mut svb, _) = signed_in(&app.state, Role::Staff, Some(SVB)).await;
    for (to, extra) in [
        ("accepted", None),
        ("completed", Some(("outcome", "got-help"))),
    ] {
        let page = svb
            .get(&app.router, &format!("/beheer/verwijzingen/{onward_id}"))
            .await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
        let mut fields = vec![
            ("token", page.input("token")),
            ("version", page.input("version")),
            ("to", to.to_string()),
        ];
        if let Some((k, v)) = extra {
            fields.push((k, v.to_string()));
        }
        let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let done = svb
            .post(
                &app.router,
                &format!("/beheer/verwijzingen/{onward_id}/status"),
                &pairs,
            )
            .await;
        assert_eq!(done.status, StatusCode::SEE_OTHER, "{to}: {}", done.body);
    }
    // SVB's internal note stays with SVB.
    let page = svb
        .get(&app.router, &format!("/beheer/verwijzingen/{onward_id}"))
        .await;
    svb.post(
        &app.router,
        &format!("/beheer/verwijzingen/{onward_id}/notities"),
        &[
            ("token", &page.input("token")),
            ("text", "Intern: BSN nagevraagd"),
        ],
    )
    .await;

    // GIP sees the loop closed, with the outcome, but not SVB's note.
    let seen = gip
        .get(
            &app.router,
            &format!("/beheer/verwijzingen/{onward_id}?lang=en"),
        )
        .await;
    assert_eq!(seen.status, StatusCode::OK);
    assert!(
        seen.body.contains("data-status=\"completed\""),
        "{}",
        seen.body
    );
    assert!(seen.body.contains("Got help"));
    assert!(
        !seen.body.contains("BSN nagevraagd"),
        "another organisation's note leaked"
    );
    let sent_box = gip
        .get(&app.router, "/beheer/verwijzingen?view=sent&lang=en")
        .await;
    assert!(sent_box.body.contains("Completed"));

    // A third organisation sees nothing of the person.
    let third = third_org(&app);
    let (mut other, _) = signed_in(&app.state, Role::Staff, Some(&third)).await;
    for r in [&id, &onward_id] {
        let page = other
            .get(&app.router, &format!("/beheer/verwijzingen/{r}"))
            .await;
        assert_eq!(page.status, StatusCode::FORBIDDEN);
        assert!(!page.body.contains("Kowalczyk"));
    }
    let inbox = other
        .get(&app.router, "/beheer/verwijzingen?view=all")
        .await;
    assert!(!inbox.body.contains("Kowalczyk"));

    // Every step is in the processing log, with the person's pseudonym.
    let log = app.state.store.audit_entries(0, 10_000).await.unwrap();
    let steps = |rid: &str| {
        log.iter()
            .filter(|e| e.event.object == format!("referral/{rid}"))
            .map(|e| e.event.action.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(steps(&id), ["referral.create", "referral.accepted"]);
    assert_eq!(
        steps(&onward_id),
        [
            "referral.create",
            "referral.accepted",
            "referral.completed",
            "referral.note"
        ]
    );
    assert!(
        log.iter()
            .filter(|e| e.event.object.starts_with("referral/"))
            .all(|e| e.event.activity.as_deref() == Some("referral") && e.event.subject.is_some())
    );
    assert!(
        log.iter()
            .any(|e| e.event.action == "access.denied" && e.event.object.contains(&onward_id))
    );
    let _ = gip_account;
}

#[tokio::test]
async fn the_loop_closes_on_sqlite() {
    the_loop_closes(with_fast_intake(app().await)).await;
}

#[tokio::test]
async fn the_loop_closes_on_postgres() {
    the_loop_closes(with_fast_intake(postgres_app().await)).await;
}

/// The callback request speaks to the visitor, refuses a contact nobody can
/// reach, and confirms with a reference, the answer date and a mail.
#[tokio::test]
async fn a_callback_request_refuses_asdf_then_confirms_with_a_reference_and_a_mail() {
    let app = with_fast_intake(app().await);
    let gip_service = service_of(&app, GIP);
    let path = format!("/diensten/{gip_service}/terugbellen?lang=de");
    let mut visitor = Client::default();
    let form = visitor.get(&app.router, &path).await;
    assert!(form.body.contains("Wie können wir Sie erreichen?"));
    let mut fields = vec![
        ("token", form.input("token")),
        ("name", "x".to_string()),
        ("contact", "asdf".to_string()),
        ("question", "Wo bin ich krankenversichert?".to_string()),
        ("language", "de".to_string()),
        ("consent", "yes".to_string()),
        ("website", String::new()),
    ];
    let refused = post_owned(&mut visitor, &app, &path, &fields).await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST);
    assert!(
        refused
            .body
            .contains("Darüber können wir Sie nicht erreichen."),
        "{}",
        refused.body
    );
    assert!(
        refused.body.contains("mindestens zwei Buchstaben"),
        "{}",
        refused.body
    );
    assert!(refused.body.contains("value=\"asdf\""), "the input is kept");
    assert_eq!(referrals_in_store(&app, GIP).await, 0, "nothing stored");

    fields[0].1 = refused.input("token");
    fields[1].1 = "Dana Kowalczyk".into();
    fields[2].1 = "Dana@Example.org".into();
    let sent = post_owned(&mut visitor, &app, &path, &fields).await;
    assert_eq!(sent.status, StatusCode::OK, "{}", sent.body);
    assert!(
        sent.body
            .contains("Wir haben eine Bestätigung an Dana@Example.org gesendet.")
    );
    let reference = sent
        .body
        .split("Ihre Referenznummer: ")
        .nth(1)
        .and_then(|r| r.split('.').next())
        .expect("a reference on the page")
        .to_string();
    assert_eq!(reference.len(), 9, "{reference}");
    assert_eq!(referrals_in_store(&app, GIP).await, 1);
    let facts = app.state.store.referral_facts(0, i64::MAX).await.unwrap();
    let stored = facts
        .iter()
        .find(|f| f.referral.receiver_org == GIP)
        .and_then(|f| f.referral.person.clone())
        .expect("the person");
    assert_eq!(stored.contact, "dana@example.org", "kept in one form");

    loket_app::jobs::run_due(&app.state).await.unwrap();
    let mail = app
        .mail
        .as_ref()
        .unwrap()
        .messages()
        .into_iter()
        .find(|m| m.contains("To: dana@example.org"))
        .expect("a confirmation to the visitor");
    assert!(mail.contains(&reference), "{mail}");
    assert!(
        mail.contains("Guten Tag"),
        "in the visitor's language: {mail}"
    );
    assert!(
        !mail.contains("krankenversichert"),
        "the question stays out of mail"
    );
}

async fn post_owned(
    client: &mut Client,
    app: &TestApp,
    path: &str,
    fields: &[(&'static str, String)],
) -> Reply {
    let borrowed: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    client.post(&app.router, path, &borrowed).await
}

fn with_fast_intake(mut app: TestApp) -> TestApp {
    app.state = app.state.clone().with_intake_min_fill_secs(0);
    app.router = loket_web::router(app.state.clone());
    app
}

// ------------------------------------------------------- API and conflicts

async fn api_rules(app: TestApp) {
    let gip_token = token(&app, GIP, &["referrals", "contacts"]).await;
    let svb_token = token(&app, SVB, &["referrals"]).await;
    let third_token = token(&app, &third_org(&app), &["referrals"]).await;
    let svb_service = service_of(&app, SVB);
    let before = referrals_in_store(&app, GIP).await;

    // Without consent or another basis: refused, every problem named, nothing stored.
    let mut no_basis = referral_body(&svb_service);
    no_basis["basis"] = json!("");
    no_basis["name"] = json!("");
    let refused = api(
        &app,
        "POST",
        "/api/v1/referrals",
        &gip_token,
        Some(no_basis.to_string()),
        None,
    )
    .await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST);
    assert_eq!(refused.content_type, "application/problem+json");
    let names: Vec<&str> = refused.json["invalidParams"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["name", "basis"]);
    assert!(refused.json["detail"].as_str().unwrap().contains("consent"));
    // Malformed and oversized bodies: 400, nothing stored.
    for body in [
        "{not json".to_string(),
        json!({"service_id": svb_service, "surprise": 1}).to_string(),
        format!("{{\"note\": \"{}\"}}", "x".repeat(200_000)),
    ] {
        let a = api(
            &app,
            "POST",
            "/api/v1/referrals",
            &gip_token,
            Some(body),
            None,
        )
        .await;
        assert_eq!(a.status, StatusCode::BAD_REQUEST, "{}", a.json);
    }
    assert_eq!(
        referrals_in_store(&app, GIP).await,
        before,
        "nothing stored"
    );

    // A retry with the same Idempotency-Key gives the same referral, not a second.
    let body = referral_body(&svb_service).to_string();
    let first = api(
        &app,
        "POST",
        "/api/v1/referrals",
        &gip_token,
        Some(body.clone()),
        Some("k-1"),
    )
    .await;
    assert_eq!(first.status, StatusCode::CREATED, "{}", first.json);
    let again = api(
        &app,
        "POST",
        "/api/v1/referrals",
        &gip_token,
        Some(body.clone()),
        Some("k-1"),
    )
    .await;
    assert_eq!(again.status, StatusCode::CREATED);
    assert!(again.replayed);
    assert_eq!(again.json["id"], first.json["id"]);
    assert_eq!(referrals_in_store(&app, GIP).await, before + 1);
    let other_body = api(
        &app,
        "POST",
        "/api/v1/referrals",
        &gip_token,
        Some(body.replace("Dana", "Eva")),
        Some("k-1"),
    )
    .await;
    assert_eq!(other_body.status, StatusCode::UNPROCESSABLE_ENTITY);
    let id = first.json["id"].as_str().unwrap().to_string();

    // An impossible transition: 409 naming the allowed ones.
    let path = format!("/api/v1/referrals/{id}/transitions");
    let bad = api(
        &app,
        "POST",
        &path,
        &svb_token,
        Some(json!({"to": "completed", "outcome": "got-help"}).to_string()),
        None,
    )
    .await;
    assert_eq!(bad.status, StatusCode::CONFLICT);
    assert_eq!(bad.content_type, "application/problem+json");
    assert_eq!(
        bad.json["allowedTransitions"],
        json!(["received", "accepted", "rejected"])
    );
    assert_eq!(bad.json["currentStatus"], "requested");
    // The sender may not accept for the receiver.
    let not_theirs = api(
        &app,
        "POST",
        &path,
        &gip_token,
        Some(json!({"to": "accepted"}).to_string()),
        None,
    )
    .await;
    assert_eq!(not_theirs.status, StatusCode::CONFLICT);
    assert_eq!(not_theirs.json["allowedTransitions"], json!(["cancelled"]));
    // A rejection without reason: 400 naming `reason`.
    let no_reason = api(
        &app,
        "POST",
        &path,
        &svb_token,
        Some(json!({"to": "rejected"}).to_string()),
        None,
    )
    .await;
    assert_eq!(no_reason.status, StatusCode::BAD_REQUEST);
    assert_eq!(no_reason.json["invalidParams"][0]["name"], "reason");
    // Unknown codes are named all at once.
    let codes = api(
        &app,
        "POST",
        &path,
        &svb_token,
        Some(json!({"to": "done", "reason": "bored"}).to_string()),
        None,
    )
    .await;
    assert_eq!(codes.status, StatusCode::BAD_REQUEST);
    assert_eq!(codes.json["invalidParams"].as_array().unwrap().len(), 2);

    // A third organisation cannot read it or act on it.
    let peek = api(
        &app,
        "GET",
        &format!("/api/v1/referrals/{id}"),
        &third_token,
        None,
        None,
    )
    .await;
    assert_eq!(peek.status, StatusCode::FORBIDDEN);
    assert!(!peek.json.to_string().contains("Kowalczyk"));
    let act = api(
        &app,
        "POST",
        &path,
        &third_token,
        Some(json!({"to": "accepted"}).to_string()),
        None,
    )
    .await;
    assert_eq!(act.status, StatusCode::FORBIDDEN);
    // A token without the referrals scope cannot either; nor can a revoked or unknown one.
    let contacts_only = token(&app, SVB, &["contacts"]).await;
    let scoped = api(
        &app,
        "GET",
        &format!("/api/v1/referrals/{id}"),
        &contacts_only,
        None,
        None,
    )
    .await;
    assert_eq!(scoped.status, StatusCode::FORBIDDEN);
    let unknown = api(
        &app,
        "GET",
        "/api/v1/referrals",
        "loket_nonsense",
        None,
        None,
    )
    .await;
    assert_eq!(unknown.status, StatusCode::UNAUTHORIZED);
    // Tokens do not open the staff pages.
    let pages = api(&app, "GET", "/beheer", &svb_token, None, None).await;
    assert_ne!(pages.status, StatusCode::OK);

    // The receiver reads it, with history and what it may do next.
    let read = api(
        &app,
        "GET",
        &format!("/api/v1/referrals/{id}"),
        &svb_token,
        None,
        None,
    )
    .await;
    assert_eq!(read.status, StatusCode::OK);
    assert_eq!(read.json["side"], "receiver");
    assert_eq!(read.json["history"][0]["to"], "requested");
    assert_eq!(read.json["person"]["name"], "Dana Kowalczyk");
    let inbox = api(
        &app,
        "GET",
        "/api/v1/referrals?view=new",
        &svb_token,
        None,
        None,
    )
    .await;
    assert!(
        inbox.json["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["id"] == id.as_str())
    );
    let bad_query = api(
        &app,
        "GET",
        "/api/v1/referrals?view=x&per_page=0",
        &svb_token,
        None,
        None,
    )
    .await;
    assert_eq!(bad_query.json["invalidParams"].as_array().unwrap().len(), 2);
    let not_numbers = api(
        &app,
        "GET",
        "/api/v1/referrals?page=one&per_page=many",
        &svb_token,
        None,
        None,
    )
    .await;
    assert_eq!(not_numbers.status, StatusCode::BAD_REQUEST);
    assert_eq!(not_numbers.content_type, "application/problem+json");
    assert_eq!(
        not_numbers.json["invalidParams"].as_array().unwrap().len(),
        2
    );

    // Twenty staff accept at once: exactly one succeeds, nineteen get a conflict.
    let body = json!({"to": "accepted", "version": 1}).to_string();
    let mut handles = Vec::new();
    for _ in 0..20 {
        let router = app.router.clone();
        let (path, body, token) = (path.clone(), body.clone(), svb_token.clone());
        handles.push(tokio::spawn(async move {
            router
                .oneshot(
                    Request::post(path)
                        .header(header::AUTHORIZATION, format!("Bearer {token}"))
                        .header(header::CONTENT_TYPE, "application/json")
                        .body(Body::from(body))
                        .unwrap(),
                )
                .await
                .unwrap()
                .status()
        }));
    }
    let mut statuses = Vec::new();
    for h in handles {
        statuses.push(h.await.unwrap());
    }
    let ok = statuses.iter().filter(|s| **s == StatusCode::OK).count();
    let conflicts = statuses
        .iter()
        .filter(|s| **s == StatusCode::CONFLICT)
        .count();
    assert_eq!((ok, conflicts), (1, 19), "{statuses:?}");
    let history = app.state.store.referral_history(&id).await.unwrap();
    assert_eq!(history.len(), 2, "one acceptance in the history");

    // Contacts through the API: all problems at once, then a valid one.
    let svc = service_of(&app, GIP);
    let wrong = api(&app, "POST", "/api/v1/contacts", &gip_token, Some(json!({
        "service_id": svc, "channel": "pigeon", "language": "Nederlands", "outcome": "answered",
        "residence_country": "FR", "name": "Jan"
    }).to_string()), None).await;
    assert_eq!(wrong.status, StatusCode::BAD_REQUEST);
    let names: Vec<&str> = wrong.json["invalidParams"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        ["channel", "language", "residence_country", "basis", "name"]
    );
    let count = app.state.store.contact_count(Some(GIP)).await.unwrap();
    let ok = api(
        &app,
        "POST",
        "/api/v1/contacts",
        &gip_token,
        Some(
            json!({
                "service_id": svc, "channel": "phone", "language": "de", "outcome": "answered",
                "topics": ["tax"], "residence_country": "DE", "work_country": "NL", "minutes": 6
            })
            .to_string(),
        ),
        Some("c-1"),
    )
    .await;
    assert_eq!(ok.status, StatusCode::CREATED, "{}", ok.json);
    let again = api(
        &app,
        "POST",
        "/api/v1/contacts",
        &gip_token,
        Some(
            json!({
                "service_id": svc, "channel": "phone", "language": "de", "outcome": "answered",
                "topics": ["tax"], "residence_country": "DE", "work_country": "NL", "minutes": 6
            })
            .to_string(),
        ),
        Some("c-1"),
    )
    .await;
    assert_eq!(again.json["id"], ok.json["id"]);
    assert_eq!(
        app.state.store.contact_count(Some(GIP)).await.unwrap(),
        count + 1
    );
    // A contact for another organisation's service is refused.
    let foreign = api(&app, "POST", "/api/v1/contacts", &gip_token, Some(json!({
        "service_id": svb_service, "channel": "phone", "language": "nl", "outcome": "answered"
    }).to_string()), None).await;
    assert_eq!(foreign.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn the_api_refuses_bad_input_and_lets_one_of_twenty_accepts_win_on_sqlite() {
    api_rules(app().await).await;
}

#[tokio::test]
async fn the_api_refuses_bad_input_and_lets_one_of_twenty_accepts_win_on_postgres() {
    api_rules(postgres_app().await).await;
}

// ------------------------------------------------------------------ pages

#[tokio::test]
async fn a_stale_form_gets_a_conflict_message_and_changes_nothing() {
    let app = app().await;
    let svb_token = token(&app, GIP, &["referrals"]).await;
    let created = api(
        &app,
        "POST",
        "/api/v1/referrals",
        &svb_token,
        Some(referral_body(&service_of(&app, SVB)).to_string()),
        None,
    )
    .await;
    let id = created.json["id"].as_str().unwrap().to_string();
    let (mut anna, _) = signed_in(&app.state, Role::Staff, Some(SVB)).await;
    let (mut bert, _) = signed_in(&app.state, Role::Staff, Some(SVB)).await;
    let a = anna
        .get(&app.router, &format!("/beheer/verwijzingen/{id}?lang=en"))
        .await;
    let b = bert
        .get(&app.router, &format!("/beheer/verwijzingen/{id}?lang=en"))
        .await;
    let first = anna
        .post(
            &app.router,
            &format!("/beheer/verwijzingen/{id}/status?lang=en"),
            &[
                ("token", &a.input("token")),
                ("version", &a.input("version")),
                ("to", "accepted"),
            ],
        )
        .await;
    assert_eq!(first.status, StatusCode::SEE_OTHER);
    let second = bert
        .post(
            &app.router,
            &format!("/beheer/verwijzingen/{id}/status?lang=en"),
            &[
                ("token", &b.input("token")),
                ("version", &b.input("version")),
                ("to", "rejected"),
                ("reason", "no-capacity"),
            ],
        )
        .await;
    assert_eq!(second.status, StatusCode::CONFLICT);
    assert!(
        second.body.contains("A colleague changed this referral"),
        "{}",
        second.body
    );
    assert!(second.body.contains("Accepted"));
    let stored = app.state.store.referral(&id).await.unwrap().unwrap();
    assert_eq!(stored.status.code(), "accepted");
    // Without a CSRF token nothing happens either.
    let forged = bert
        .post(
            &app.router,
            &format!("/beheer/verwijzingen/{id}/status"),
            &[
                ("version", "2"),
                ("to", "completed"),
                ("outcome", "got-help"),
            ],
        )
        .await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    assert_eq!(
        app.state
            .store
            .referral(&id)
            .await
            .unwrap()
            .unwrap()
            .version,
        2
    );
}

#[tokio::test]
async fn the_refer_form_names_every_problem_in_the_visitors_language_and_keeps_the_input() {
    let app = app().await;
    let (mut gip, _) = signed_in(&app.state, Role::Staff, Some(GIP)).await;
    let form = gip
        .get(&app.router, "/beheer/verwijzingen/nieuw?lang=de")
        .await;
    let reply = gip
        .post(
            &app.router,
            "/beheer/verwijzingen/nieuw?lang=de",
            &[
                ("token", &form.input("token")),
                ("org", GIP),
                ("service_id", &service_of(&app, GIP)),
                ("name", "<script>alert(1)</script>"),
                ("contact", ""),
                ("language", "de"),
                ("note", "Bitte anrufen"),
                ("basis", ""),
                ("purpose", "Hilfe"),
            ],
        )
        .await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    for message in [
        "Wählen Sie ein Angebot einer anderen Organisation",
        "Geben Sie an, wie die Person erreichbar ist.",
        "Halten Sie zuerst die Einwilligung der Person oder eine andere Rechtsgrundlage fest.",
    ] {
        assert!(reply.body.contains(message), "missing {message:?}");
    }
    assert!(
        reply.body.contains("&#60;script&#62;alert(1)")
            || reply.body.contains("&lt;script&gt;alert(1)"),
        "kept and escaped"
    );
    assert!(!reply.body.contains("<script>alert(1)"));
    assert_eq!(referrals_in_store(&app, GIP).await, 0);
}

#[tokio::test]
async fn a_contact_is_registered_from_the_desk_form_and_counted() {
    let app = app().await;
    let (mut staff, _) = signed_in(&app.state, Role::Staff, Some(GIP)).await;
    let form = staff.get(&app.router, "/beheer/contacten?lang=en").await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.body.contains("0 contacts registered today"));
    let svc = service_of(&app, GIP);
    let saved = staff
        .post(
            &app.router,
            "/beheer/contacten?lang=en",
            &[
                ("token", &form.input("token")),
                ("org", GIP),
                ("service_id", &svc),
                ("channel", "walk-in"),
                ("topics", "tax"),
                ("topics", "health-insurance"),
                ("residence_country", "DE"),
                ("work_country", "NL"),
                ("language", "de"),
                ("outcome", "answered"),
                ("minutes", "4"),
            ],
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let next = staff.get(&app.router, &saved.location).await;
    assert!(next.body.contains("The contact was registered"));
    assert!(next.body.contains("1 contact registered today"));
    let stored = app
        .state
        .store
        .contacts(Some(GIP), 0, i64::MAX)
        .await
        .unwrap();
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].topics, ["health-insurance", "tax"]);
    assert_eq!(stored[0].person, None, "anonymous by default");
    // A name without follow-up or basis is refused, with both reasons, nothing stored.
    let refused = staff
        .post(
            &app.router,
            "/beheer/contacten?lang=en",
            &[
                ("token", &form.input("token")),
                ("org", GIP),
                ("service_id", &svc),
                ("channel", "phone"),
                ("language", "nl"),
                ("outcome", "answered"),
                ("minutes", "9999"),
                ("name", "Jan Jansen"),
            ],
        )
        .await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST);
    assert!(
        refused
            .body
            .contains("Keep a name only when a follow-up is needed.")
    );
    assert!(refused.body.contains("consent or another legal basis."));
    assert!(refused.body.contains("between 1 and 480"));
    assert!(refused.body.contains("value=\"Jan Jansen\""), "input kept");
    assert_eq!(app.state.store.contact_count(Some(GIP)).await.unwrap(), 1);
    // The figures count it; a funder sees the count only when 5 or more.
    let figures = staff.get(&app.router, "/beheer/cijfers?lang=en").await;
    assert!(figures.body.contains("Client contacts"));
    let (mut funder, _) = signed_in(&app.state, Role::Funder, None).await;
    let seen = funder.get(&app.router, "/beheer/cijfers?lang=en").await;
    assert_eq!(seen.status, StatusCode::OK);
    assert!(seen.body.contains("fewer than 5"), "{}", seen.body);
    assert!(!seen.body.contains("Jan Jansen"));
}

#[tokio::test]
async fn the_intake_form_keeps_robots_out_and_names_missing_consent() {
    let app = app().await; // the real minimum fill time (3 s)
    let svc = service_of(&app, GIP);
    let mut visitor = Client::default();
    let page = visitor
        .get(&app.router, &format!("/diensten/{svc}/terugbellen?lang=en"))
        .await;
    let token = page.input("token");
    let fields = |consent: &'static str, website: &'static str| {
        vec![
            ("token", token.clone()),
            ("name", "Robo".to_string()),
            ("contact", "robo@example.org".to_string()),
            ("question", "Buy now".to_string()),
            ("language", "en".to_string()),
            ("consent", consent.to_string()),
            ("website", website.to_string()),
        ]
    };
    let send = |fields: Vec<(&'static str, String)>| {
        let mut v = visitor.clone();
        let router = app.router.clone();
        let svc = svc.clone();
        async move {
            let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
            v.post(
                &router,
                &format!("/diensten/{svc}/terugbellen?lang=en"),
                &pairs,
            )
            .await
        }
    };
    // A filled-in hidden field: thanked, nothing kept. Faster than a person
    // types: asked to send again, with everything kept, nothing stored.
    let honeypot = send(fields("yes", "http://spam.example")).await;
    assert_eq!(honeypot.status, StatusCode::OK);
    let fast = send(fields("yes", "")).await;
    assert_eq!(fast.status, StatusCode::BAD_REQUEST);
    assert!(
        fast.body
            .contains("Please check your details and send the form once more.")
    );
    assert!(fast.body.contains("value=\"robo@example.org\""));
    assert_eq!(referrals_in_store(&app, GIP).await, 0);
    // A forged token: 403.
    let mut forged = fields("yes", "");
    forged[0].1 = "1.abc".into();
    assert_eq!(send(forged).await.status, StatusCode::FORBIDDEN);
    // After the minimum time, without consent: the error next to the box.
    tokio::time::sleep(std::time::Duration::from_millis(3100)).await;
    let no_consent = send(fields("", "")).await;
    assert_eq!(no_consent.status, StatusCode::BAD_REQUEST);
    assert!(no_consent.body.contains("Give your consent"));
    let ok = send(fields("yes", "")).await;
    assert_eq!(ok.status, StatusCode::OK);
    assert_eq!(referrals_in_store(&app, GIP).await, 1);
}

// ---------------------------------------------- notices, service levels

#[tokio::test]
async fn notices_are_mailed_with_a_link_and_without_personal_data() {
    let app = app().await;
    let (_, receiver) = signed_in(&app.state, Role::Staff, Some(SVB)).await;
    let gip_token = token(&app, GIP, &["referrals"]).await;
    let created = api(
        &app,
        "POST",
        "/api/v1/referrals",
        &gip_token,
        Some(referral_body(&service_of(&app, SVB)).to_string()),
        None,
    )
    .await;
    let id = created.json["id"].as_str().unwrap().to_string();
    assert_eq!(
        app.state
            .store
            .unread_notifications(&receiver)
            .await
            .unwrap(),
        1
    );
    loket_app::jobs::run_due(&app.state).await.unwrap();
    let sink = app.mail.as_ref().unwrap();
    let (account, _) = app.state.store.account(&receiver).await.unwrap().unwrap();
    let link = sink
        .link_to(account.email.as_str())
        .expect("a notice mail to the receiver");
    assert!(
        link.ends_with(&format!("/beheer/verwijzingen/{id}")),
        "{link}"
    );
    let mail = sink
        .messages()
        .into_iter()
        .find(|m| m.contains(&format!("To: {}", account.email.as_str())))
        .unwrap();
    assert!(!mail.contains("Kowalczyk"), "no personal data in mail");
    assert!(!mail.contains("A1-Bescheinigung"));
}

#[tokio::test]
async fn overdue_referrals_remind_the_receiver_and_escalate_to_the_coordinator() {
    use loket_domain::referral::{self, Actor, ReferralRequest, ServiceLevel, Source};
    let app = app().await;
    let (_, receiver) = signed_in(&app.state, Role::Staff, Some(SVB)).await;
    let (mut coordinator, coordinator_id) = signed_in(&app.state, Role::Coordinator, None).await;
    let request = ReferralRequest {
        service_id: service_of(&app, SVB),
        name: "P".into(),
        contact: "p@example.org".into(),
        language: "nl".into(),
        note: "n".into(),
        basis: "consent".into(),
        purpose: "p".into(),
        previous_id: None,
    };
    // Created on Thursday 12 Nov 2026: due on Monday 16 Nov.
    let created_on = chrono::NaiveDate::from_ymd_opt(2026, 11, 12).unwrap();
    let (r, change) = referral::create(
        "11111111-2222-3333-4444-555555555555".into(),
        &request,
        Source::Organization {
            organization_id: GIP.into(),
            account_id: "x".into(),
        },
        SVB.into(),
        Actor {
            account_id: "x",
            organization_id: Some(GIP),
        },
        1_763_500_000,
        created_on,
        ServiceLevel::default(),
    );
    assert_eq!(r.due_on, chrono::NaiveDate::from_ymd_opt(2026, 11, 16));
    app.state
        .store
        .create_referral(&r, &change, &[])
        .await
        .unwrap();
    let day = |d| chrono::NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
    // On the due date itself nothing happens.
    let report = loket_app::jobs::service_levels(&app.state, day(16))
        .await
        .unwrap();
    assert_eq!((report.reminders, report.escalations), (0, 0));
    // The day after: a reminder to the receiver.
    let report = loket_app::jobs::service_levels(&app.state, day(17))
        .await
        .unwrap();
    assert_eq!((report.reminders, report.escalations), (1, 0));
    let notices = app.state.store.notifications(&receiver, 10).await.unwrap();
    assert!(notices.iter().any(|n| n.kind == "overdue"));
    // Two working days overdue: the coordinator hears of it.
    let report = loket_app::jobs::service_levels(&app.state, day(18))
        .await
        .unwrap();
    assert_eq!((report.reminders, report.escalations), (0, 1));
    let escalated = app
        .state
        .store
        .notifications(&coordinator_id, 10)
        .await
        .unwrap();
    assert_eq!(escalated[0].kind, "escalated");
    // The coordinator's overdue list names the organisations, never the person.
    let list = coordinator
        .get(&app.router, "/beheer/verwijzingen/achterstallig?lang=en")
        .await;
    assert_eq!(list.status, StatusCode::OK);
    assert!(!list.body.contains("p@example.org"));
    let svb_name = app.state.index().organization(SVB).unwrap().name.clone();
    assert!(list.body.contains(&svb_name), "{}", list.body);
}

/// Withdrawing consent asks first and says what happens; then the person's data
/// goes, the referral ends, the receiver is told and can no longer accept it.
#[tokio::test]
async fn withdrawn_consent_ends_the_referral_and_the_receiver_cannot_accept_it() {
    let app = app().await;
    let gip_token = token(&app, GIP, &["referrals"]).await;
    let created = api(
        &app,
        "POST",
        "/api/v1/referrals",
        &gip_token,
        Some(referral_body(&service_of(&app, SVB)).to_string()),
        None,
    )
    .await;
    let id = created.json["id"].as_str().unwrap().to_string();
    let (mut sender, _) = signed_in(&app.state, Role::Staff, Some(GIP)).await;
    let (mut receiver, receiver_id) = signed_in(&app.state, Role::Staff, Some(SVB)).await;
    let page = sender
        .get(&app.router, &format!("/beheer/verwijzingen/{id}?lang=en"))
        .await;
    assert!(
        page.body.contains("deleted now and cannot be restored"),
        "the consequence is said before the button"
    );
    let open = receiver
        .get(&app.router, &format!("/beheer/verwijzingen/{id}?lang=en"))
        .await;
    let withdrawn = sender
        .post(
            &app.router,
            &format!("/beheer/verwijzingen/{id}/toestemming-intrekken?lang=en"),
            &[
                ("token", &page.input("token")),
                ("version", &page.input("version")),
            ],
        )
        .await;
    assert_eq!(
        withdrawn.status,
        StatusCode::SEE_OTHER,
        "{}",
        withdrawn.body
    );
    let stored = app.state.store.referral(&id).await.unwrap().unwrap();
    assert_eq!(stored.person, None);
    assert_eq!(stored.status.code(), "cancelled");
    let told = app
        .state
        .store
        .notifications(&receiver_id, 10)
        .await
        .unwrap();
    assert!(
        told.iter()
            .any(|n| n.referral_id == id && n.kind == "withdrawn" && !n.read),
        "the receiver is told of the withdrawal: {told:?}"
    );
    // The receiver's page, opened before, tries to accept: refused, nothing changes.
    let accept = receiver
        .post(
            &app.router,
            &format!("/beheer/verwijzingen/{id}/status?lang=en"),
            &[
                ("token", &open.input("token")),
                ("version", &open.input("version")),
                ("to", "accepted"),
            ],
        )
        .await;
    assert_ne!(accept.status, StatusCode::SEE_OTHER);
    let now = receiver
        .get(&app.router, &format!("/beheer/verwijzingen/{id}?lang=en"))
        .await;
    assert!(
        !now.body.contains("data-to=\"accepted\""),
        "no accept button"
    );
    assert_eq!(
        app.state
            .store
            .referral(&id)
            .await
            .unwrap()
            .unwrap()
            .status
            .code(),
        "cancelled"
    );
}
