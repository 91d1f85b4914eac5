#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)] // tests and benches: a failed expectation is the failure
//! The `loket` binary as an operator uses it: serve, migrate, import, export.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn loket(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    loket_with_stdin(dir, args, env, "")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn seed_text() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../seed/limburg-catalogue.json"
    ))
    .expect("seed file")
}

#[test]
fn export_import_export_gives_the_same_document() {
    let dir = tempfile::tempdir().expect("tempdir");
    let first = dir.path().join("first.json");
    let second = dir.path().join("second.json");
    let db_a = ("LOKET_DATABASE_URL", "sqlite://a.db");
    let db_b = ("LOKET_DATABASE_URL", "sqlite://b.db");
    std::fs::write(dir.path().join("seed.json"), seed_text()).expect("write");
    assert!(
        loket(dir.path(), &["import", "seed.json"], &[db_a])
            .status
            .success()
    );
    assert!(
        loket(
            dir.path(),
            &["export", "--format", "hsds", "--out", "first.json"],
            &[db_a]
        )
        .status
        .success()
    );
    let imported = loket(dir.path(), &["import", "first.json"], &[db_b]);
    assert!(imported.status.success(), "{}", stderr(&imported));
    assert!(
        stderr(&imported).contains("49 services"),
        "{}",
        stderr(&imported)
    );
    assert!(
        loket(
            dir.path(),
            &["export", "--format", "hsds", "--out", "second.json"],
            &[db_b]
        )
        .status
        .success()
    );
    let (a, b) = (
        std::fs::read_to_string(first).expect("first"),
        std::fs::read_to_string(second).expect("second"),
    );
    assert!(a.len() > 10_000);
    assert_eq!(a, b);
}

#[test]
fn a_malformed_import_names_record_and_field_and_changes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = ("LOKET_DATABASE_URL", "sqlite://c.db");
    std::fs::write(dir.path().join("seed.json"), seed_text()).expect("write");
    assert!(
        loket(dir.path(), &["import", "seed.json"], &[db])
            .status
            .success()
    );
    let before = loket(dir.path(), &["export"], &[db]).stdout;

    // A type error: serde names the path.
    let mut doc: serde_json::Value = serde_json::from_str(&seed_text()).expect("json");
    doc["services"][3]["minimum_age"] = serde_json::json!("eighteen");
    std::fs::write(dir.path().join("bad1.json"), doc.to_string()).expect("write");
    let out = loket(dir.path(), &["import", "bad1.json"], &[db]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("services[3]") && stderr(&out).contains("minimum_age"),
        "{}",
        stderr(&out)
    );

    // Rule errors: every one is named, nothing is written although the first records are fine.
    let mut doc: serde_json::Value = serde_json::from_str(&seed_text()).expect("json");
    doc["organizations"][0]["name"] = serde_json::json!("Renamed but never stored");
    doc["services"][7]["topics"] = serde_json::json!(["astrology"]);
    doc["services"][9]["organization_id"] = serde_json::json!("no-such-organisation");
    std::fs::write(dir.path().join("bad2.json"), doc.to_string()).expect("write");
    let out = loket(dir.path(), &["import", "bad2.json"], &[db]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(
        err.contains("services[7]") && err.contains("`topics`"),
        "{err}"
    );
    assert!(
        err.contains("services[9]") && err.contains("`organization_id`"),
        "{err}"
    );

    // Not JSON at all.
    std::fs::write(dir.path().join("bad3.json"), "{ this is not json").expect("write");
    let out = loket(dir.path(), &["import", "bad3.json"], &[db]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("bad3.json"), "{}", stderr(&out));

    assert_eq!(
        loket(dir.path(), &["export"], &[db]).stdout,
        before,
        "the database is unchanged"
    );
}

#[test]
fn csv_export_has_a_row_per_service() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("seed.json"), seed_text()).expect("write");
    let db = ("LOKET_DATABASE_URL", "sqlite://d.db");
    assert!(
        loket(dir.path(), &["import", "seed.json"], &[db])
            .status
            .success()
    );
    let out = loket(dir.path(), &["export", "--format", "csv"], &[db]);
    assert!(out.status.success());
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    let headers = reader.headers().expect("headers").clone();
    assert_eq!(&headers[0], "id");
    let rows: Vec<csv::StringRecord> = reader.records().collect::<Result<_, _>>().expect("rows");
    assert_eq!(rows.len(), 49);
    assert!(
        rows.iter()
            .any(|r| &r[6] == "Grenzgängerberatung Niederlande–Deutschland")
    );
}

#[test]
fn csv_export_writes_formulas_as_text() {
    // A service name a spreadsheet would run (CSV injection) comes out as text.
    let dir = tempfile::tempdir().expect("tempdir");
    let mut doc: serde_json::Value = serde_json::from_str(&seed_text()).expect("json");
    doc["services"][0]["name"]["nl"] = serde_json::json!("=cmd|' /C calc'!A0");
    doc["services"][1]["name"]["nl"] = serde_json::json!("@SUM(1+1)");
    std::fs::write(dir.path().join("seed.json"), doc.to_string()).expect("write");
    let db = ("LOKET_DATABASE_URL", "sqlite://f.db");
    let imported = loket(dir.path(), &["import", "seed.json"], &[db]);
    assert!(imported.status.success(), "{}", stderr(&imported));
    let out = loket(dir.path(), &["export", "--format", "csv"], &[db]);
    assert!(out.status.success());
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    let names: Vec<String> = reader
        .records()
        .map(|r| r.expect("row")[4].to_string())
        .collect();
    assert!(
        names.contains(&"'=cmd|' /C calc'!A0".to_string()),
        "{names:?}"
    );
    assert!(names.contains(&"'@SUM(1+1)".to_string()), "{names:?}");
    assert!(
        names.iter().all(|n| !n.starts_with(['=', '+', '-', '@'])),
        "{names:?}"
    );
}

#[test]
fn bad_configuration_is_named_with_its_source() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = loket(
        dir.path(),
        &["migrate"],
        &[("LOKET_DATABASE_URL", "mysql://nope")],
    );
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("LOKET_DATABASE_URL"),
        "{}",
        stderr(&out)
    );
    let out = loket(dir.path(), &["serve"], &[("LOKET_BIND", "everywhere")]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("LOKET_BIND"), "{}", stderr(&out));
    std::fs::write(dir.path().join("loket.toml"), "bind = 8080\n").expect("write");
    let out = loket(dir.path(), &["migrate"], &[]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("loket.toml"), "{}", stderr(&out));
}

fn http_get(port: u16, path: &str) -> Option<(u16, String)> {
    let mut s = TcpStream::connect(("127.0.0.1", port)).ok()?;
    s.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
    )
    .ok()?;
    let mut text = String::new();
    s.read_to_string(&mut text).ok()?;
    let status = text.split(' ').nth(1)?.parse().ok()?;
    Some((status, text))
}

#[test]
fn serve_with_no_configuration_seeds_and_serves_the_catalogue() {
    let dir = tempfile::tempdir().expect("tempdir");
    let port = TcpListener::bind("127.0.0.1:0")
        .expect("free port")
        .local_addr()
        .expect("addr")
        .port();
    let mut child = Command::new(env!("CARGO_BIN_EXE_loket"))
        .current_dir(dir.path())
        .args(["serve", "--bind", &format!("127.0.0.1:{port}")])
        .env_remove("LOKET_DATABASE_URL")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start loket serve");
    let started = Instant::now();
    let mut ready = None;
    while started.elapsed() < Duration::from_secs(30) {
        if let Some((200, _)) = http_get(port, "/readyz") {
            ready = Some(());
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let home = http_get(port, "/");
    let search = http_get(port, "/diensten?q=belasting");
    let _ = child.kill();
    let _ = child.wait();
    assert!(ready.is_some(), "loket serve did not become ready");
    assert!(
        dir.path().join("data/loket.db").exists(),
        "the SQLite database is created in ./data"
    );
    let (status, body) = home.expect("home page");
    assert_eq!(status, 200);
    assert!(body.contains("lang=\"nl\""));
    let (_, body) = search.expect("search page");
    assert!(body.contains("Grensinfopunt") || body.contains("GrenzInfoPunkt"));
}

#[tokio::test]
async fn verify_log_detects_a_changed_or_deleted_entry() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = ("LOKET_DATABASE_URL", "sqlite://audit.db");
    std::fs::write(dir.path().join("seed.json"), seed_text()).expect("write");
    std::fs::write(dir.path().join("broken.json"), "{").expect("write");
    assert!(
        loket(dir.path(), &["import", "seed.json"], &[db])
            .status
            .success()
    );
    assert!(
        !loket(dir.path(), &["import", "broken.json"], &[db])
            .status
            .success()
    );
    assert!(
        loket(dir.path(), &["import", "seed.json"], &[db])
            .status
            .success()
    );
    let ok = loket(dir.path(), &["admin", "verify-log"], &[db]);
    assert!(ok.status.success(), "{}", stderr(&ok));
    assert!(String::from_utf8_lossy(&ok.stdout).contains("intact: 3 entries"));

    use sqlx::Connection;
    let url = format!("sqlite://{}", dir.path().join("audit.db").display());
    let mut conn = sqlx::SqliteConnection::connect(&url)
        .await
        .expect("open the database");
    let failed: String = sqlx::query_scalar("SELECT result FROM audit_log WHERE seq = 2")
        .fetch_one(&mut conn)
        .await
        .expect("entry 2");
    assert_eq!(failed, "failed", "a failed import is logged too");
    sqlx::query("DROP TRIGGER audit_log_no_update")
        .execute(&mut conn)
        .await
        .expect("drop guard");
    sqlx::query("DROP TRIGGER audit_log_no_delete")
        .execute(&mut conn)
        .await
        .expect("drop guard");
    sqlx::query("UPDATE audit_log SET result = 'success' WHERE seq = 2")
        .execute(&mut conn)
        .await
        .expect("tamper");
    let changed = loket(dir.path(), &["admin", "verify-log"], &[db]);
    assert!(!changed.status.success());
    assert!(
        stderr(&changed).contains("entry 2 was changed"),
        "{}",
        stderr(&changed)
    );

    sqlx::query("UPDATE audit_log SET result = 'failed' WHERE seq = 2")
        .execute(&mut conn)
        .await
        .expect("restore");
    sqlx::query("DELETE FROM audit_log WHERE seq = 2")
        .execute(&mut conn)
        .await
        .expect("tamper");
    let deleted = loket(dir.path(), &["admin", "verify-log"], &[db]);
    assert!(!deleted.status.success());
    assert!(stderr(&deleted).contains("missing"), "{}", stderr(&deleted));
    conn.close().await.expect("close");
}

/// Runs loket with `input` on standard input and without the caller's LOKET_* settings.
fn loket_with_stdin(dir: &Path, args: &[&str], env: &[(&str, &str)], input: &str) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_loket"));
    cmd.current_dir(dir)
        .args(args)
        .env_remove("LOKET_DATABASE_URL")
        .env_remove("LOKET_BIND")
        .env_remove("LOKET_CONFIG")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().expect("run loket");
    if let Some(mut stdin) = child.stdin.take() {
        stdin.write_all(input.as_bytes()).expect("write stdin");
    }
    child.wait_with_output().expect("wait")
}

#[test]
fn create_user_bootstraps_an_admin_and_names_every_problem() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = ("LOKET_DATABASE_URL", "sqlite://users.db");
    std::fs::write(dir.path().join("seed.json"), seed_text()).expect("write");
    assert!(
        loket(dir.path(), &["import", "seed.json"], &[db])
            .status
            .success()
    );
    let bad = loket_with_stdin(
        dir.path(),
        &[
            "admin",
            "create-user",
            "--email",
            "not-an-address",
            "--name",
            "",
            "--role",
            "staff",
            "--password-stdin",
        ],
        &[db],
        "kort\n",
    );
    assert!(!bad.status.success());
    let err = stderr(&bad);
    for expected in [
        "--email",
        "--name",
        "--organization",
        "no account was created",
    ] {
        assert!(err.contains(expected), "{expected} missing from: {err}");
    }
    let weak = loket_with_stdin(
        dir.path(),
        &[
            "admin",
            "create-user",
            "--email",
            "beheer@loket.example",
            "--name",
            "Beheer",
            "--role",
            "platform-admin",
            "--password-stdin",
        ],
        &[db],
        "Wachtwoord1234\n",
    );
    assert!(!weak.status.success());
    assert!(
        stderr(&weak).contains("most common passwords"),
        "{}",
        stderr(&weak)
    );
    let ok = loket_with_stdin(
        dir.path(),
        &[
            "admin",
            "create-user",
            "--email",
            "Beheer@Loket.example",
            "--name",
            "Beheer",
            "--role",
            "platform-admin",
            "--password-stdin",
        ],
        &[db],
        "paard batterij nietje correct\n",
    );
    assert!(ok.status.success(), "{}", stderr(&ok));
    assert!(String::from_utf8_lossy(&ok.stdout).contains("created account beheer@loket.example"));
    let again = loket_with_stdin(
        dir.path(),
        &[
            "admin",
            "create-user",
            "--email",
            "beheer@loket.example",
            "--name",
            "Beheer",
            "--role",
            "platform-admin",
            "--password-stdin",
        ],
        &[db],
        "paard batterij nietje correct\n",
    );
    assert!(!again.status.success(), "the address is taken");
    let staff = loket_with_stdin(
        dir.path(),
        &[
            "admin",
            "create-user",
            "--email",
            "balie@gip.example",
            "--name",
            "Balie",
            "--role",
            "staff",
            "--organization",
            "gip-aachen-eurode",
            "--password-stdin",
        ],
        &[db],
        "een lange zin als wachtwoord\n",
    );
    assert!(staff.status.success(), "{}", stderr(&staff));
    let log = loket(dir.path(), &["admin", "verify-log"], &[db]);
    assert!(
        String::from_utf8_lossy(&log.stdout).contains("intact: 3 entries"),
        "import and two accounts are logged: {}",
        String::from_utf8_lossy(&log.stdout)
    );
}

/// One HTTP/1.1 exchange: status, the whole response text, and the session cookie set, if any.
fn http(
    port: u16,
    method: &str,
    path: &str,
    cookie: &str,
    form: &str,
) -> (u16, String, Option<String>) {
    let mut s = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(10)))
        .expect("timeout");
    write!(
        s,
        "{method} {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nCookie: {cookie}\r\n\
         Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n{form}",
        form.len()
    )
    .expect("write");
    let mut text = String::new();
    s.read_to_string(&mut text).expect("read");
    let status = text
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let session = text
        .lines()
        .find_map(|l| l.strip_prefix("set-cookie: loket_session="))
        .map(|v| format!("loket_session={}", v.split(';').next().unwrap_or("")));
    (status, text, session)
}

fn hidden(text: &str, name: &str) -> String {
    text.split(&format!("name=\"{name}\" value=\""))
        .nth(1)
        .and_then(|t| t.split('"').next())
        .expect("hidden input")
        .to_string()
}

#[test]
fn demo_mode_prints_accounts_that_can_sign_in_with_the_printed_secret() {
    let dir = tempfile::tempdir().expect("tempdir");
    let port = TcpListener::bind("127.0.0.1:0")
        .expect("free port")
        .local_addr()
        .expect("addr")
        .port();
    let log = std::fs::File::create(dir.path().join("stderr.txt")).expect("log file");
    let mut child = Command::new(env!("CARGO_BIN_EXE_loket"))
        .current_dir(dir.path())
        .args(["serve", "--demo", "--bind", &format!("127.0.0.1:{port}")])
        .env_remove("LOKET_DATABASE_URL")
        .stdout(Stdio::null())
        .stderr(log)
        .spawn()
        .expect("start loket serve --demo");
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(30)
        && http_get(port, "/readyz").map(|r| r.0) != Some(200)
    {
        std::thread::sleep(Duration::from_millis(100));
    }
    let printed = std::fs::read_to_string(dir.path().join("stderr.txt")).expect("stderr");
    let password = printed
        .lines()
        .find_map(|l| l.strip_prefix("Password for every demo account: "))
        .expect("the password is printed")
        .to_string();
    let secret = printed
        .lines()
        .find_map(|l| l.split("add this secret to an authenticator app: ").nth(1))
        .expect("the TOTP secret is printed")
        .to_string();
    assert!(printed.contains("regie@demo.loket.test") && printed.contains("coordinator"));

    let (_, form, _) = http(port, "GET", "/aanmelden", "", "");
    let body = format!(
        "token={}&email=regie%40demo.loket.test&password={}&next=%2Fbeheer",
        hidden(&form, "token"),
        password.replace(' ', "+")
    );
    let (status, text, cookie) = http(port, "POST", "/aanmelden", "", &body);
    assert_eq!(status, 303, "{text}");
    let cookie = cookie.expect("a session after the password");
    let (_, page, _) = http(port, "GET", "/aanmelden/code", &cookie, "");
    let code = loket_auth::totp::code_at(
        &loket_auth::secrets::totp_secret_from_base32(&secret).expect("base32"),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .expect("time")
            .as_secs(),
        6,
    );
    let (status, text, full) = http(
        port,
        "POST",
        "/aanmelden/code",
        &cookie,
        &format!(
            "token={}&code={code}&next=%2Fbeheer",
            hidden(&page, "token")
        ),
    );
    assert_eq!(status, 303, "{text}");
    let (status, staff_area, _) =
        http(port, "GET", "/beheer", &full.expect("a new session id"), "");
    let _ = child.kill();
    let _ = child.wait();
    assert_eq!(status, 200);
    assert!(
        staff_area.contains("/beheer/verouderd"),
        "the coordinator sees the stale-records list"
    );
}

#[test]
fn create_api_token_names_every_problem_and_prints_a_token_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = ("LOKET_DATABASE_URL", "sqlite://tokens.db");
    std::fs::write(dir.path().join("seed.json"), seed_text()).expect("write");
    assert!(
        loket(dir.path(), &["import", "seed.json"], &[db])
            .status
            .success()
    );
    let bad = loket(
        dir.path(),
        &[
            "admin",
            "create-api-token",
            "--organization",
            "atlantis",
            "--name",
            "",
            "--scope",
            "everything",
        ],
        &[db],
    );
    assert!(!bad.status.success());
    let err = stderr(&bad);
    for expected in [
        "--name",
        "--scope: \"everything\"",
        "--organization: no organisation",
    ] {
        assert!(err.contains(expected), "{expected} missing in {err}");
    }
    let good = loket(
        dir.path(),
        &[
            "admin",
            "create-api-token",
            "--organization",
            "gip-aachen-eurode",
            "--name",
            "CRM",
            "--scope",
            "contacts",
            "--scope",
            "referrals",
        ],
        &[db],
    );
    assert!(good.status.success(), "{}", stderr(&good));
    let token = String::from_utf8_lossy(&good.stdout).trim().to_string();
    assert!(token.starts_with("loket_") && token.len() > 40, "{token}");
    // Only the hash is stored.
    let needle = token.as_bytes();
    for file in ["tokens.db", "tokens.db-wal"] {
        let stored = std::fs::read(dir.path().join(file)).unwrap_or_default();
        assert!(
            !stored.windows(needle.len()).any(|w| w == needle),
            "the token itself must not be stored ({file})"
        );
    }
}

#[test]
fn set_service_level_checks_its_input() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = ("LOKET_DATABASE_URL", "sqlite://levels.db");
    std::fs::write(dir.path().join("seed.json"), seed_text()).expect("write");
    assert!(
        loket(dir.path(), &["import", "seed.json"], &[db])
            .status
            .success()
    );
    let bad = loket(
        dir.path(),
        &[
            "admin",
            "set-service-level",
            "--service",
            "nope",
            "--ack-working-days",
            "0",
            "--update-days",
            "400",
        ],
        &[db],
    );
    assert!(!bad.status.success());
    let err = stderr(&bad);
    for expected in [
        "--ack-working-days",
        "--update-days",
        "--service: no service",
    ] {
        assert!(err.contains(expected), "{expected} missing in {err}");
    }
    let doc: serde_json::Value = serde_json::from_str(&seed_text()).expect("seed");
    let service = doc["services"][0]["id"].as_str().expect("id").to_string();
    let good = loket(
        dir.path(),
        &[
            "admin",
            "set-service-level",
            "--service",
            &service,
            "--ack-working-days",
            "1",
            "--update-days",
            "14",
        ],
        &[db],
    );
    assert!(good.status.success(), "{}", stderr(&good));
    assert!(String::from_utf8_lossy(&good.stdout).contains("1 working days, update every 14 days"));
}

/// A contact that reached the database without its tallies (written by hand,
/// or before the tallies existed) counts once the operator rebuilds them.
#[tokio::test]
async fn rebuild_tallies_counts_every_stored_contact_again() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = ("LOKET_DATABASE_URL", "sqlite://tallies.db");
    let made = loket(dir.path(), &["admin", "verify-log"], &[db]);
    assert!(made.status.success(), "{}", stderr(&made));
    use sqlx::Connection;
    let url = format!("sqlite://{}", dir.path().join("tallies.db").display());
    let mut conn = sqlx::SqliteConnection::connect(&url)
        .await
        .expect("open the database");
    let doc = r#"{"id":"c1","organization_id":"org","service_id":"svc","registered_by":"x","at":1767610800,"channel":"phone","target_group":null,"topics":[],"residence_country":null,"work_country":null,"language":"nl","outcome":"answered","minutes":null,"person":null}"#;
    sqlx::query("INSERT INTO contacts (id, organization_id, service_id, at, doc) VALUES ('c1', 'org', 'svc', 1767610800, $1)")
        .bind(doc)
        .execute(&mut conn)
        .await
        .expect("a contact without its tallies");
    let sql = "SELECT COALESCE(SUM(n), 0) FROM monitoring_monthly WHERE kind = 'contacts' AND month = '2026-01'";
    let before: i64 = sqlx::query_scalar(sql)
        .fetch_one(&mut conn)
        .await
        .expect("count");
    assert_eq!(before, 0);
    let rebuilt = loket(dir.path(), &["admin", "rebuild-tallies"], &[db]);
    assert!(rebuilt.status.success(), "{}", stderr(&rebuilt));
    assert!(String::from_utf8_lossy(&rebuilt.stdout).contains("tallies rebuilt"));
    let after: i64 = sqlx::query_scalar(sql)
        .fetch_one(&mut conn)
        .await
        .expect("count");
    assert_eq!(after, 1);
}
