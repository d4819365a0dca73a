//! Real server processes (the `server` binary cargo builds for tests and
//! benchmarks) spoken to over plain HTTP/1.1 on loopback, with no HTTP
//! client crate: what a replica or a dashboard sees. Shared by the tests
//! (`tests/all/processes.rs`) and the live benchmark (`benches/live.rs`).

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// A server process, stopped when dropped.
pub struct ServerProcess {
    child: Child,
    pub port: u16,
}

impl ServerProcess {
    pub fn pid(&self) -> u32 {
        self.child.id()
    }
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

/// Starts the server binary on `database_url` and waits until it answers.
pub async fn start(database_url: &str) -> ServerProcess {
    start_with(database_url, &[]).await
}

/// Like `start`, with these settings too.
pub async fn start_with(database_url: &str, settings: &[(&str, &str)]) -> ServerProcess {
    let port = free_port();
    let site = std::env::temp_dir().join(format!("infolavoro-site-{port}"));
    let child = Command::new(env!("CARGO_BIN_EXE_server"))
        .envs(settings.iter().copied())
        .env("DATABASE_URL", database_url)
        .env("LEPTOS_SITE_ADDR", format!("127.0.0.1:{port}"))
        .env("LEPTOS_OUTPUT_NAME", "infolavoro")
        .env("LEPTOS_SITE_ROOT", site)
        .env("RUST_LOG", "warn")
        .env("SMTP_PORT", "1")
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("the server binary starts");
    let server = ServerProcess { child, port };
    let deadline = Instant::now() + Duration::from_secs(60);
    while Instant::now() < deadline {
        if let Ok((200, _)) = request(port, "GET", "/healthz", None, "").await {
            return server;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the server on port {port} did not answer within a minute");
}

/// One request (`Connection: close`): the status and the body.
pub async fn request(
    port: u16,
    method: &str,
    path: &str,
    session: Option<&str>,
    form: &str,
) -> std::io::Result<(u16, String)> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).await?;
    let cookie = session.map_or(String::new(), |s| format!("Cookie: sessione={s}\r\n"));
    let body = if method == "POST" {
        format!(
            "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n{form}",
            form.len()
        )
    } else {
        "\r\n".to_string()
    };
    stream
        .write_all(
            format!("{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n{cookie}{body}")
                .as_bytes(),
        )
        .await?;
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).await?;
    let answer = String::from_utf8_lossy(&answer).to_string();
    let status = answer
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let body = answer
        .split_once("\r\n\r\n")
        .map_or(String::new(), |(_, b)| b.to_string());
    Ok((status, body))
}

/// An open `/api/staff/diretta` stream.
pub struct EventStream {
    stream: TcpStream,
    pub seen: String,
}

impl EventStream {
    pub async fn open(port: u16, session: &str) -> EventStream {
        let mut stream = TcpStream::connect(("127.0.0.1", port)).await.unwrap();
        stream
            .write_all(
                format!(
                    "GET /api/staff/diretta HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\nCookie: sessione={session}\r\n\r\n"
                )
                .as_bytes(),
            )
            .await
            .unwrap();
        let mut events = EventStream {
            stream,
            seen: String::new(),
        };
        events
            .wait_for("\r\n\r\n", 1, Duration::from_secs(10))
            .await;
        assert!(events.seen.starts_with("HTTP/1.1 200"), "{}", events.seen);
        assert!(events.seen.contains("text/event-stream"), "{}", events.seen);
        events
    }

    /// Reads until `text` has arrived `times` times in all; false when
    /// `within` runs out first.
    pub async fn wait_for(&mut self, text: &str, times: usize, within: Duration) -> bool {
        let deadline = tokio::time::Instant::now() + within;
        let mut buffer = [0_u8; 4096];
        while self.seen.matches(text).count() < times {
            match tokio::time::timeout_at(deadline, self.stream.read(&mut buffer)).await {
                Ok(Ok(n)) if n > 0 => self.seen.push_str(&String::from_utf8_lossy(&buffer[..n])),
                _ => return false,
            }
        }
        true
    }
}
