#![allow(dead_code, clippy::expect_used, clippy::unwrap_used, clippy::panic)] // test support
//! Starting `loket serve` and talking raw HTTP/1.1 to it.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub struct Server {
    pub child: Child,
    pub port: u16,
    /// The directory it runs in, when the server owns it.
    pub dir: Option<tempfile::TempDir>,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .expect("free port")
        .local_addr()
        .expect("addr")
        .port()
}

/// Starts `loket serve` on SQLite in a fresh directory with `env` set (which may
/// name another `LOKET_DATABASE_URL`) and waits until it is ready.
pub fn start(env: &[(&str, &str)]) -> Server {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut server = start_in(dir.path(), env);
    server.dir = Some(dir);
    server
}

/// As [`start`], in `dir` (where a SQLite database may already be), which the
/// caller keeps.
pub fn start_in(dir: &std::path::Path, env: &[(&str, &str)]) -> Server {
    let port = free_port();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_loket"));
    cmd.current_dir(dir)
        .args(["serve", "--bind", &format!("127.0.0.1:{port}")])
        .env("LOKET_DATABASE_URL", "sqlite://loket.db")
        .stdout(Stdio::null())
        // The log, for tests that read it (`server.log` in the directory).
        .stderr(std::fs::File::create(dir.join("server.log")).expect("log file"));
    for (k, v) in env {
        cmd.env(k, v);
    }
    let child = cmd.spawn().expect("start loket serve");
    let server = Server {
        child,
        port,
        dir: None,
    };
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(60) {
        if request(
            port,
            "GET /readyz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
        )
        .is_some_and(|r| r.starts_with("HTTP/1.1 200"))
        {
            return server;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    panic!("loket serve did not become ready");
}

pub fn connect(port: u16) -> TcpStream {
    let s = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(30)))
        .expect("timeout");
    s
}

/// Sends `raw` and reads the whole answer (the server closes the connection).
pub fn request(port: u16, raw: &str) -> Option<String> {
    let mut s = TcpStream::connect(("127.0.0.1", port)).ok()?;
    s.set_read_timeout(Some(Duration::from_secs(10))).ok()?;
    s.write_all(raw.as_bytes()).ok()?;
    let mut text = String::new();
    s.read_to_string(&mut text).ok()?;
    Some(text)
}

pub fn read_all(s: &mut TcpStream) -> String {
    let mut bytes = Vec::new();
    let _ = s.read_to_end(&mut bytes);
    String::from_utf8_lossy(&bytes).into_owned()
}
