#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)] // tests: a failed expectation is the failure
//! `loket serve` as an operator and a hostile client meet it: slow clients are
//! closed, oversized bodies refused, and SIGTERM lets a request in flight finish
//! before the process exits 0.

mod support;

use std::io::Write;
use std::net::TcpStream;
use std::process::{Command, ExitStatus};
use std::time::{Duration, Instant};
use support::{Server, connect, read_all, request, start};

fn terminate(server: &Server) {
    let status = Command::new("kill")
        .args(["-TERM", &server.child.id().to_string()])
        .status()
        .expect("kill");
    assert!(status.success());
}

fn wait_for_exit(server: &mut Server, within: Duration) -> Option<ExitStatus> {
    let started = Instant::now();
    while started.elapsed() < within {
        if let Some(status) = server.child.try_wait().expect("try_wait") {
            return Some(status);
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    None
}

const ROUTE_BODY: &str = r#"{"who":"cross-border-worker","live_postcode":"3620","work":"GM0935","topic":"unemployment-benefit","languages":["nl"]}"#;

fn route_request_head() -> String {
    format!(
        "POST /api/v1/front-door/routes HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        ROUTE_BODY.len()
    )
}

#[test]
fn sigterm_lets_a_request_in_flight_finish_and_exits_0() {
    let mut server = start(&[]);
    let mut slow = connect(server.port);
    let (first, rest) = ROUTE_BODY.split_at(20);
    slow.write_all(route_request_head().as_bytes())
        .expect("head");
    slow.write_all(first.as_bytes()).expect("first half");
    std::thread::sleep(Duration::from_millis(300));
    terminate(&server);
    std::thread::sleep(Duration::from_millis(500));
    assert!(
        server.child.try_wait().expect("try_wait").is_none(),
        "the server waits for the request in flight"
    );
    assert!(
        TcpStream::connect(("127.0.0.1", server.port)).is_err(),
        "no new connections once shutting down"
    );
    slow.write_all(rest.as_bytes()).expect("second half");
    let answer = read_all(&mut slow);
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(answer.contains("\"results\""), "{answer}");
    let status = wait_for_exit(&mut server, Duration::from_secs(20)).expect("exits");
    assert!(status.success(), "exit status {status:?}");
}

#[test]
fn a_client_that_never_finishes_does_not_keep_the_server_from_stopping() {
    let mut server = start(&[
        ("LOKET_SHUTDOWN_GRACE_SECS", "2"),
        ("LOKET_BODY_TIMEOUT_SECS", "120"),
    ]);
    let mut stuck = connect(server.port);
    stuck
        .write_all(route_request_head().as_bytes())
        .expect("head");
    stuck.write_all(b"{\"who\":").expect("a little body");
    std::thread::sleep(Duration::from_millis(300));
    terminate(&server);
    // Before: one half-sent request kept the process alive for more than 40 s.
    let status = wait_for_exit(&mut server, Duration::from_secs(20))
        .expect("the server stops after its grace period");
    assert!(status.success(), "exit status {status:?}");
}

#[test]
fn a_client_that_sends_no_headers_is_closed() {
    let server = start(&[("LOKET_HEADER_TIMEOUT_SECS", "1")]);
    let mut idle = connect(server.port);
    idle.write_all(b"GET / HTTP/1.1\r\nHost: local")
        .expect("part of the headers");
    // The server closes the connection (perhaps with a 408); it does not wait forever.
    let answer = read_all(&mut idle);
    assert!(
        answer.is_empty() || answer.starts_with("HTTP/1.1 408"),
        "{answer}"
    );
    // And it still serves everyone else.
    let healthy = request(
        server.port,
        "GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
    )
    .expect("healthz");
    assert!(healthy.starts_with("HTTP/1.1 200"), "{healthy}");
}

#[test]
fn a_body_that_trickles_in_is_answered_408_and_one_too_large_413() {
    let server = start(&[("LOKET_BODY_TIMEOUT_SECS", "1"), ("LOKET_MAX_BODY_MB", "1")]);
    let mut slow = connect(server.port);
    slow.write_all(route_request_head().as_bytes())
        .expect("head");
    slow.write_all(b"{\"who\":").expect("a little body");
    let answer = read_all(&mut slow);
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(answer.contains("application/problem+json"), "{answer}");

    // Declared larger than any route takes: refused before a byte of it is read.
    let mut large = connect(server.port);
    large
        .write_all(
            format!(
                "POST /voordeur/feedback HTTP/1.1\r\nHost: localhost\r\nAccept-Language: en\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n",
                2 * 1024 * 1024
            )
            .as_bytes(),
        )
        .expect("head");
    let answer = read_all(&mut large);
    assert!(answer.starts_with("HTTP/1.1 413"), "{answer}");
    assert!(answer.contains("Too large to send"), "{answer}");
}

#[test]
fn json_logs_carry_the_request_id_and_no_query_text() {
    let server = start(&[("LOKET_LOG_FORMAT", "json")]);
    let answer = request(
        server.port,
        "GET /diensten?q=secret-search-words HTTP/1.1\r\nHost: localhost\r\nX-Request-Id: probe-42\r\nConnection: close\r\n\r\n",
    )
    .expect("answer");
    assert!(
        answer
            .to_ascii_lowercase()
            .contains("x-request-id: probe-42"),
        "{answer}"
    );
    std::thread::sleep(Duration::from_millis(300));
    let log = std::fs::read_to_string(server.dir.as_ref().expect("dir").path().join("server.log"))
        .expect("log");
    let lines: Vec<serde_json::Value> = log
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect();
    let access = lines
        .iter()
        .find(|l| l["target"] == "access" && l["fields"]["path"] == "/diensten")
        .expect("the access log line");
    assert_eq!(access["span"]["id"], "probe-42", "{access}");
    assert_eq!(access["fields"]["status"], 200);
    assert!(
        !log.contains("secret-search-words"),
        "no query text in the log"
    );
}
