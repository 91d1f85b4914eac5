#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)] // tests: a failed expectation is the failure
//! `loket backup` while `loket serve` keeps serving, then `loket restore` into an
//! empty database: every table comes back identical, on SQLite and PostgreSQL. A
//! full database is not overwritten unless asked, and a damaged file is refused.

mod support;

use sqlx::Connection;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

const GIP: &str = "a790b6e4-b346-5198-9c54-15252fc67910";
const SVB: &str = "d22cbc11-7d09-5843-bc41-a250ad7f6225";

fn loket(dir: &Path, url: &str, args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_loket"))
        .current_dir(dir)
        .args(args)
        .env("LOKET_DATABASE_URL", url)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run loket");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes())
        .expect("write stdin");
    child.wait_with_output().expect("output")
}

fn ok(out: Output) -> String {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

fn http(port: u16, method: &str, path: &str, token: &str, body: &str) -> String {
    support::request(
        port,
        &format!(
            "{method} {path} HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer {token}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        ),
    )
    .expect("answer")
}

fn first_service(port: u16, org: &str) -> String {
    let answer = http(
        port,
        "GET",
        &format!("/api/v1/services?organization_id={org}&per_page=1"),
        "",
        "",
    );
    let json = answer.split("\r\n\r\n").nth(1).expect("body");
    let v: serde_json::Value = serde_json::from_str(json).expect("json");
    v["contents"][0]["id"].as_str().expect("id").to_string()
}

/// Every table's rows as text, sorted: what "identical" means here.
async fn tables(url: &str) -> Vec<(String, Vec<String>)> {
    let mut out = Vec::new();
    if url.starts_with("postgres") {
        let mut c = sqlx::PgConnection::connect(url).await.expect("connect");
        let names: Vec<String> = sqlx::query_scalar(
            "SELECT tablename::text FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1",
        )
        .fetch_all(&mut c)
        .await
        .expect("tables");
        for name in names {
            let mut rows: Vec<String> = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
                "SELECT row_to_json(t)::text FROM \"{name}\" t"
            )))
            .fetch_all(&mut c)
            .await
            .expect("rows");
            rows.sort();
            out.push((name, rows));
        }
    } else {
        let mut c = sqlx::SqliteConnection::connect(url).await.expect("connect");
        let names: Vec<String> =
            sqlx::query_scalar("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY 1")
                .fetch_all(&mut c)
                .await
                .expect("tables");
        for name in names {
            let columns: Vec<String> =
                sqlx::query_scalar("SELECT name FROM pragma_table_info($1) ORDER BY cid")
                    .bind(&name)
                    .fetch_all(&mut c)
                    .await
                    .expect("columns");
            let row = columns
                .iter()
                .map(|col| format!("quote(\"{col}\")"))
                .collect::<Vec<_>>()
                .join(" || '|' || ");
            let mut rows: Vec<String> =
                sqlx::query_scalar(sqlx::AssertSqlSafe(format!("SELECT {row} FROM \"{name}\"")))
                    .fetch_all(&mut c)
                    .await
                    .expect("rows");
            rows.sort();
            out.push((name, rows));
        }
    }
    out
}

fn rows_of<'a>(tables: &'a [(String, Vec<String>)], name: &str) -> &'a [String] {
    &tables
        .iter()
        .find(|(n, _)| n == name)
        .unwrap_or_else(|| panic!("no table {name}"))
        .1
}

/// Fills a database through the binary and the API, backs it up while serving,
/// restores it into `target` and compares every table.
async fn backup_and_restore(source: &str, target: &str) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().to_path_buf();
    std::fs::write(
        path.join("seed.json"),
        std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../seed/limburg-catalogue.json"
        ))
        .expect("seed"),
    )
    .expect("write seed");
    ok(loket(&path, source, &["import", "seed.json"], ""));
    let token = ok(loket(
        &path,
        source,
        &[
            "admin",
            "create-api-token",
            "--organization",
            "gip-aachen-eurode",
            "--name",
            "desk",
            "--scope",
            "contacts",
            "--scope",
            "referrals",
        ],
        "",
    ));
    ok(loket(
        &path,
        source,
        &[
            "admin",
            "create-user",
            "--email",
            "desk@gip.test",
            "--name",
            "Desk",
            "--role",
            "staff",
            "--organization",
            "gip-aachen-eurode",
            "--password-stdin",
        ],
        "a long enough passphrase for the front office\n",
    ));
    let server = support::start_in(&path, &[("LOKET_DATABASE_URL", source)]);
    let port = server.port;
    let gip_service = first_service(port, GIP);
    let svb_service = first_service(port, SVB);
    for minutes in 1..=5 {
        let answer = http(
            port,
            "POST",
            "/api/v1/contacts",
            &token,
            &format!(
                r#"{{"service_id":"{gip_service}","channel":"phone","language":"de","outcome":"answered","topics":["tax"],"residence_country":"DE","work_country":"NL","minutes":{minutes}}}"#
            ),
        );
        assert!(answer.starts_with("HTTP/1.1 201"), "{answer}");
    }
    let answer = http(
        port,
        "POST",
        "/api/v1/referrals",
        &token,
        &format!(
            r#"{{"service_id":"{svb_service}","name":"Dana Kowalczyk","contact":"+49 241 555 0101","language":"de","note":"A1","basis":"consent","purpose":"Sozialversicherung"}}"#
        ),
    );
    assert!(answer.starts_with("HTTP/1.1 201"), "{answer}");

    // The backup, while visitors keep being served.
    let done = Arc::new(AtomicBool::new(false));
    let visitor = {
        let done = done.clone();
        std::thread::spawn(move || {
            let mut answered = 0;
            while !done.load(Ordering::SeqCst) || answered < 3 {
                let page = support::request(
                    port,
                    "GET /diensten?q=belasting HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
                )
                .expect("the server answers during the backup");
                assert!(
                    page.starts_with("HTTP/1.1 200"),
                    "{}",
                    &page[..80.min(page.len())]
                );
                answered += 1;
            }
            answered
        })
    };
    let backup_file = path.join("loket.backup");
    let out = loket(
        &path,
        source,
        &["backup", "--out", &backup_file.display().to_string()],
        "",
    );
    done.store(true, Ordering::SeqCst);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(visitor.join().expect("visitor") >= 3);
    drop(server);

    let before = tables(source).await;
    assert!(rows_of(&before, "contacts").len() >= 5);
    assert_eq!(rows_of(&before, "referrals").len(), 1);
    assert!(!rows_of(&before, "accounts").is_empty());
    assert!(!rows_of(&before, "api_tokens").is_empty());
    assert!(rows_of(&before, "audit_log").len() >= 4);
    assert!(rows_of(&before, "services").len() >= 40);

    let file = backup_file.display().to_string();
    ok(loket(&path, target, &["restore", &file], ""));
    let after = tables(target).await;
    let names = |t: &[(String, Vec<String>)]| t.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
    assert_eq!(names(&after), names(&before), "the same tables");
    for ((name, a), (_, b)) in before.iter().zip(&after) {
        assert_eq!(a, b, "table {name} differs after the restore");
    }

    // A database with data is not overwritten unless asked.
    let again = loket(&path, target, &["restore", &file], "");
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("--replace"));
    ok(loket(&path, target, &["restore", "--replace", &file], ""));
    assert_eq!(tables(target).await, before);

    // A damaged file is refused before anything is touched.
    let mut bytes = std::fs::read(&backup_file).expect("read");
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0xff;
    std::fs::write(&backup_file, &bytes).expect("write");
    let damaged = loket(&path, target, &["restore", "--replace", &file], "");
    assert!(!damaged.status.success());
    assert!(
        String::from_utf8_lossy(&damaged.stderr).contains("damaged"),
        "{}",
        String::from_utf8_lossy(&damaged.stderr)
    );
    assert_eq!(tables(target).await, before, "nothing touched");
}

#[tokio::test]
async fn a_backup_taken_while_serving_restores_every_table_on_sqlite() {
    let dir = tempfile::tempdir().expect("tempdir");
    let source = format!("sqlite://{}", dir.path().join("source.db").display());
    let target = format!("sqlite://{}", dir.path().join("target.db").display());
    backup_and_restore(&source, &target).await;
}

#[tokio::test]
async fn a_backup_taken_while_serving_restores_every_table_on_postgres() {
    let source = loket_store_postgres::testing::TempDatabase::create()
        .await
        .expect("a PostgreSQL test database (LOKET_TEST_POSTGRES_URL)");
    let target = loket_store_postgres::testing::TempDatabase::create()
        .await
        .expect("a second test database");
    backup_and_restore(&source.url, &target.url).await;
    source.drop_database().await;
    target.drop_database().await;
}
