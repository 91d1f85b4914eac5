#![allow(clippy::expect_used, clippy::unwrap_used, dead_code)] // test support: a failed expectation is the failure
//! What the in-process web tests share: an app on a fresh database, a small
//! cookie-keeping client, a real SMTP sink, and TOTP codes like an app computes.

pub mod smtp_sink;

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use loket_domain::account::{Email, Membership, Role};
use loket_store::{CatalogueStore, Store};
use loket_web::AppState;
use std::sync::Arc;
use tower::ServiceExt;

pub struct TestApp {
    pub router: Router,
    pub state: AppState,
    pub mail: Option<smtp_sink::SmtpSink>,
    _dir: Option<tempfile::TempDir>,
    _pg: Option<loket_store_postgres::testing::TempDatabase>,
}

pub async fn sqlite_store() -> (Arc<dyn Store>, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = loket_store_sqlite::SqliteStore::connect(&format!(
        "sqlite://{}",
        dir.path().join("t.db").display()
    ))
    .await
    .expect("store");
    store
        .import(&loket_store_contract::seed())
        .await
        .expect("seed");
    (Arc::new(store), dir)
}

/// An app on SQLite whose mail goes to a real SMTP sink.
pub async fn app() -> TestApp {
    let (store, dir) = sqlite_store().await;
    let sink = smtp_sink::SmtpSink::start().await;
    let state = AppState::new(store).await.expect("state").with_mailer(
        loket_app::mail::Mailer::smtp(&sink.url(), "loket <noreply@loket.test>").expect("mailer"),
    );
    TestApp {
        router: loket_web::router(state.clone()),
        state,
        mail: Some(sink),
        _dir: Some(dir),
        _pg: None,
    }
}

pub async fn postgres_app() -> TestApp {
    let pg = loket_store_postgres::testing::TempDatabase::create()
        .await
        .expect("a PostgreSQL test database (LOKET_TEST_POSTGRES_URL)");
    let store = loket_store_postgres::PostgresStore::connect(&pg.url)
        .await
        .expect("store");
    store
        .import(&loket_store_contract::seed())
        .await
        .expect("seed");
    let state = AppState::new(Arc::new(store)).await.expect("state");
    TestApp {
        router: loket_web::router(state.clone()),
        state,
        mail: None,
        _dir: None,
        _pg: Some(pg),
    }
}

pub struct Reply {
    pub status: StatusCode,
    pub headers: axum::http::HeaderMap,
    pub location: String,
    pub body: String,
    /// The body as sent (files: a workbook, a PDF).
    pub bytes: Vec<u8>,
    pub set_cookie: Vec<String>,
}

impl Reply {
    /// The body as JSON.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }

    /// The value of a hidden or text input on the page.
    pub fn input(&self, name: &str) -> String {
        let marker = format!("name=\"{name}\" value=\"");
        self.body
            .split(&marker)
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .unwrap_or_else(|| panic!("no input {name:?} on the page:\n{}", self.body))
            .to_string()
    }
}

/// A client that keeps its session cookie, like a browser.
#[derive(Clone, Default)]
pub struct Client {
    pub cookie: Option<String>,
}

pub fn form(pairs: &[(&str, &str)]) -> String {
    pairs
        .iter()
        .map(|(k, v)| {
            let enc: String = v
                .bytes()
                .map(|b| match b {
                    b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                        (b as char).to_string()
                    }
                    _ => format!("%{b:02X}"),
                })
                .collect();
            format!("{k}={enc}")
        })
        .collect::<Vec<_>>()
        .join("&")
}

impl Client {
    pub async fn send(
        &mut self,
        router: &Router,
        req: axum::http::request::Builder,
        body: Body,
    ) -> Reply {
        let req = match &self.cookie {
            Some(c) => req.header(header::COOKIE, c),
            None => req,
        };
        let res = router
            .clone()
            .oneshot(req.body(body).expect("request"))
            .await
            .expect("response");
        let status = res.status();
        let headers = res.headers().clone();
        let location = res
            .headers()
            .get(header::LOCATION)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_string();
        let set_cookie: Vec<String> = res
            .headers()
            .get_all(header::SET_COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok().map(String::from))
            .collect();
        for c in &set_cookie {
            if let Some(v) = c.strip_prefix("loket_session=") {
                let value = v.split(';').next().unwrap_or("");
                self.cookie = (!value.is_empty()).then(|| format!("loket_session={value}"));
            }
        }
        let bytes = res.into_body().collect().await.expect("body").to_bytes();
        Reply {
            status,
            headers,
            location,
            body: String::from_utf8_lossy(&bytes).into_owned(),
            bytes: bytes.to_vec(),
            set_cookie,
        }
    }

    pub async fn get(&mut self, router: &Router, uri: &str) -> Reply {
        self.send(router, Request::get(uri), Body::empty()).await
    }

    /// A JSON post as this site's own page script sends it: with the session's
    /// CSRF token (read from a signed-in page) in `X-CSRF-Token`.
    pub async fn post_json(
        &mut self,
        router: &Router,
        uri: &str,
        body: &serde_json::Value,
    ) -> Reply {
        let token = self.page_token(router).await;
        self.send(
            router,
            Request::post(uri)
                .header(header::CONTENT_TYPE, "application/json")
                .header("x-csrf-token", token),
            Body::from(body.to_string()),
        )
        .await
    }

    /// The CSRF token of this client's signed-in session (empty when not signed in).
    pub async fn page_token(&mut self, router: &Router) -> String {
        let page = self.get(router, "/account").await;
        page.body
            .split("name=\"token\" value=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .unwrap_or("")
            .to_string()
    }

    /// A `multipart/form-data` post, as a browser sends a form with a file.
    pub async fn post_multipart(
        &mut self,
        router: &Router,
        uri: &str,
        fields: &[(&str, &str)],
        file: Option<(&str, &str, &[u8])>,
    ) -> Reply {
        let boundary = "----loket-test-boundary";
        let mut body: Vec<u8> = Vec::new();
        for (name, value) in fields {
            body.extend(format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n").bytes());
        }
        if let Some((name, filename, bytes)) = file {
            body.extend(format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{filename}\"\r\nContent-Type: application/octet-stream\r\n\r\n").bytes());
            body.extend_from_slice(bytes);
            body.extend(b"\r\n");
        }
        body.extend(format!("--{boundary}--\r\n").bytes());
        self.send(
            router,
            Request::post(uri).header(
                header::CONTENT_TYPE,
                format!("multipart/form-data; boundary={boundary}"),
            ),
            Body::from(body),
        )
        .await
    }

    pub async fn post(&mut self, router: &Router, uri: &str, pairs: &[(&str, &str)]) -> Reply {
        self.send(
            router,
            Request::post(uri).header(header::CONTENT_TYPE, "application/x-www-form-urlencoded"),
            Body::from(form(pairs)),
        )
        .await
    }
}

/// Creates an account with `role` and returns a client signed in with a full session.
pub async fn signed_in(state: &AppState, role: Role, org: Option<&str>) -> (Client, String) {
    signed_in_for(state, role, org, None).await
}

/// As [`signed_in`], with the role tied to a labour-market region.
pub async fn signed_in_for(
    state: &AppState,
    role: Role,
    org: Option<&str>,
    region: Option<&str>,
) -> (Client, String) {
    let email = format!(
        "{}@example.nl",
        loket_auth::secrets::new_token()
            .to_lowercase()
            .replace(['-', '_'], "x")
    );
    let account = state
        .store
        .create_account(&loket_store::NewAccount {
            email: Email::parse(&email).expect("email"),
            display_name: format!("Test {}", role.code()),
            password_hash: "!".into(),
        })
        .await
        .expect("account");
    state
        .store
        .add_membership(
            &account.id,
            &Membership {
                region: region.map(String::from),
                organization_id: org.map(String::from),
                role,
            },
        )
        .await
        .expect("membership");
    let id = loket_auth::secrets::new_token();
    let now = chrono::Utc::now().timestamp();
    state
        .store
        .create_session(&loket_store::SessionRecord {
            id_hash: loket_auth::secrets::hash_secret(&id),
            account_id: account.id.clone(),
            stage: loket_store::SessionStage::Full,
            created_at: now,
            last_seen_at: now,
        })
        .await
        .expect("session");
    (
        Client {
            cookie: Some(format!("loket_session={id}")),
        },
        account.id,
    )
}

/// The code an authenticator app shows now for a base32 secret.
pub fn totp_now(secret_base32: &str) -> String {
    let secret = loket_auth::secrets::totp_secret_from_base32(&secret_base32.replace(' ', ""))
        .expect("base32 secret");
    loket_auth::totp::code_at(&secret, chrono::Utc::now().timestamp() as u64, 6)
}

/// The code of the next 30-second step (an app a little ahead of the server).
pub fn totp_next(secret_base32: &str) -> String {
    let secret = loket_auth::secrets::totp_secret_from_base32(&secret_base32.replace(' ', ""))
        .expect("base32 secret");
    loket_auth::totp::code_at(&secret, chrono::Utc::now().timestamp() as u64 + 30, 6)
}

/// Runs a poppler tool; under CI a missing tool fails the test (`.ci/run`
/// installs `poppler-utils`), elsewhere it says so and the check is not made.
pub fn poppler(tool: &str, args: &[&str]) -> Option<std::process::Output> {
    match std::process::Command::new(tool).args(args).output() {
        Ok(out) => Some(out),
        Err(e) if std::env::var("CI").as_deref() != Ok("true") => {
            eprintln!("{tool} is not installed ({e}): the PDF is not rendered here");
            None
        }
        Err(e) => panic!("{tool} is needed under CI: {e}"),
    }
}

/// Publishes an online event of `org` in `region` with one date next year
/// (through the use case, as its staff would); its id and its date's id.
pub async fn event_of(app: &TestApp, org: &str, region: &str) -> (String, String) {
    let year = chrono::Utc::now()
        .format("%Y")
        .to_string()
        .parse::<i32>()
        .unwrap()
        + 1;
    let input = loket_events::event::EventInput {
        title: "Meet & Greet".into(),
        online_url: "https://meet.example.org/x".into(),
        languages: vec!["en".into()],
        capacity: "20".into(),
        schedule: loket_events::schedule::ScheduleInput {
            starts: format!("{year}-03-04T19:00"),
            ends: format!("{year}-03-04T21:00"),
            ..Default::default()
        },
        ..Default::default()
    };
    let organiser = loket_app::events::organise::Organiser {
        account_id: "organiser".into(),
        organisation_id: org.into(),
        region: region.into(),
    };
    let id = loket_app::events::organise::create(&app.state.app, &organiser, &input)
        .await
        .expect("event");
    let dates = loket_app::events::reading::dates(&app.state.app, &id)
        .await
        .expect("dates");
    (id, dates[0].id.clone())
}
