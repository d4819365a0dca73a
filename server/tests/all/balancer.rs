//! Two server processes on one PostgreSQL database behind a real reverse
//! proxy: Debian's nginx, over HTTP/2 and TLS (a certificate made for the
//! test), with `TRUSTED_PROXIES` set as in production. A citizen's session
//! and the CV's autosave keep working as requests alternate between the
//! processes; an enrolment made through one shows on the dashboard the
//! other serves; one process killed mid-load, the other answers everything.

use crate::catalogue::course;
use crate::common::{account_with_session, citizen_with_cv, with_state, Engine};
use crate::loopback::{free_port, request, start_with, ServerProcess};
use app::kernel::access::domain::{AccountStatus, Role};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// nginx as a child process with its own folder, stopped when dropped.
struct Nginx {
    child: Child,
    port: u16,
    dir: PathBuf,
}

impl Drop for Nginx {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// A self-signed certificate for 127.0.0.1, made with Debian's openssl.
fn certificate(dir: &Path) {
    let made = Command::new("openssl")
        .args([
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
        ])
        .args([
            "-subj",
            "/CN=127.0.0.1",
            "-addext",
            "subjectAltName=IP:127.0.0.1",
        ])
        .arg("-keyout")
        .arg(dir.join("key.pem"))
        .arg("-out")
        .arg(dir.join("cert.pem"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("openssl runs");
    assert!(made.success(), "openssl made the test certificate");
}

/// nginx in front of `upstreams`: round robin, the next process tried when
/// one refuses the connection, the answering process named in `X-Upstream`.
async fn nginx(upstreams: &[u16]) -> Nginx {
    let port = free_port();
    let dir = std::env::temp_dir().join(format!("infolavoro-nginx-{port}"));
    std::fs::create_dir_all(&dir).unwrap();
    certificate(&dir);
    let servers: String = upstreams
        .iter()
        .map(|p| format!("server 127.0.0.1:{p} max_fails=1 fail_timeout=10s;\n"))
        .collect();
    let d = dir.display();
    let conf = format!(
        "worker_processes 1;
pid {d}/nginx.pid;
daemon off;
events {{ worker_connections 512; }}
http {{
  access_log off;
  client_body_temp_path {d}/body; proxy_temp_path {d}/proxy; fastcgi_temp_path {d}/fcgi;
  uwsgi_temp_path {d}/uwsgi; scgi_temp_path {d}/scgi;
  client_body_buffer_size 1m;
  upstream portal {{ {servers} }}
  server {{
    listen 127.0.0.1:{port} ssl http2;
    ssl_certificate {d}/cert.pem;
    ssl_certificate_key {d}/key.pem;
    location / {{
      proxy_pass http://portal;
      proxy_http_version 1.1;
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto https;
      proxy_next_upstream error timeout;
      proxy_buffering off;
      add_header X-Upstream $upstream_addr always;
    }}
  }}
}}
"
    );
    std::fs::write(dir.join("nginx.conf"), conf).unwrap();
    // Debian puts it in /usr/sbin, which is not on every user's PATH.
    let binary = ["/usr/sbin/nginx", "nginx"]
        .into_iter()
        .find(|b| Path::new(b).exists())
        .unwrap_or("nginx");
    let child = Command::new(binary)
        .arg("-p")
        .arg(&dir)
        .arg("-c")
        .arg(dir.join("nginx.conf"))
        .arg("-e")
        .arg(dir.join("error.log"))
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("Debian's nginx runs (scripts/setup.sh --tests installs it)");
    let proxy = Nginx { child, port, dir };
    let deadline = Instant::now() + Duration::from_secs(20);
    while tokio::net::TcpStream::connect(("127.0.0.1", port))
        .await
        .is_err()
    {
        assert!(Instant::now() < deadline, "nginx did not start listening");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    proxy
}

/// What the citizen's browser sees through the proxy: status, body, and
/// which process answered.
struct Through {
    status: u16,
    body: String,
    upstream: String,
}

async fn through(
    client: &reqwest::Client,
    port: u16,
    method: reqwest::Method,
    path: &str,
    session: &str,
    body: Option<(&str, String)>,
) -> Through {
    let mut builder = client
        .request(method, format!("https://127.0.0.1:{port}{path}"))
        .header("Cookie", format!("sessione={session}"));
    if let Some((content_type, text)) = body {
        builder = builder.header("Content-Type", content_type).body(text);
    }
    let response = builder.send().await.expect("the proxy answers");
    assert_eq!(
        response.version(),
        reqwest::Version::HTTP_2,
        "HTTP/2 to the proxy"
    );
    let upstream = response
        .headers()
        .get("x-upstream")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    let status = response.status().as_u16();
    let body = response.text().await.unwrap();
    Through {
        status,
        body,
        upstream,
    }
}

fn port_of(upstream: &str) -> u16 {
    // After a retry nginx names every process tried: the last one answered.
    upstream
        .rsplit(", ")
        .next()
        .and_then(|a| a.rsplit(':').next())
        .and_then(|p| p.parse().ok())
        .unwrap_or(0)
}

#[tokio::test]
async fn two_processes_behind_nginx_over_http2() {
    with_state(Engine::Postgres, |state| async move {
        let url = state.config.database_url.clone();
        let settings = [
            ("TRUSTED_PROXIES", "127.0.0.1"),
            ("PUBLIC_URL", "https://127.0.0.1"),
        ];
        let first: ServerProcess = start_with(&url, &settings).await;
        let second: ServerProcess = start_with(&url, &settings).await;
        let proxy = nginx(&[first.port, second.port]).await;
        let client = reqwest::Client::builder()
            .danger_accept_invalid_certs(true)
            .build()
            .unwrap();
        let (anna, secret, cv) = citizen_with_cv(&state, "anna@esempio.it", false).await;

        // The autosave, request after request, on whichever process nginx picks.
        let mut served_by = std::collections::HashSet::new();
        let mut revision = 1;
        for round in 1..=6 {
            let mut document = app::cv::sample::complete();
            document.headline = format!("Magazziniera, versione {round}");
            let save = serde_json::json!({ "id": cv, "revision": revision, "document": document });
            let saved = through(
                &client,
                proxy.port,
                reqwest::Method::POST,
                "/api/save_cv",
                &secret,
                Some(("application/json", save.to_string())),
            )
            .await;
            assert_eq!(saved.status, 200, "round {round}: {}", saved.body);
            revision = saved.body.trim().parse().expect("the new revision");
            served_by.insert(port_of(&saved.upstream));
        }
        assert_eq!(
            served_by.len(),
            2,
            "both processes served the autosave: {served_by:?}"
        );
        let stored = app::cv::repo::get(&state.db, anna.id, cv)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(stored.document.headline, "Magazziniera, versione 6");
        assert_eq!(stored.revision, revision);

        // An enrolment through the proxy, counted by the other process.
        let operator = account_with_session(
            &state,
            Role::Operatore,
            AccountStatus::Attivo,
            "op@esempio.it",
        )
        .await;
        let id = course(&state, 10, 3 * 86_400, None).await;
        let enrolled = through(
            &client,
            proxy.port,
            reqwest::Method::POST,
            "/api/enrol_activity",
            &secret,
            Some(("application/x-www-form-urlencoded", format!("id={id}"))),
        )
        .await;
        assert_eq!(enrolled.status, 200, "{}", enrolled.body);
        let other = if port_of(&enrolled.upstream) == first.port {
            second.port
        } else {
            first.port
        };
        let dashboard = "/api/get_dashboard?filter%5Bperiodo%5D=7&lang=it";
        let (status, body) = request(other, "GET", dashboard, Some(&operator), "")
            .await
            .unwrap();
        assert_eq!(status, 200, "{body}");
        assert_eq!(
            crate::processes::enrolled_in(&body, id),
            1,
            "the other process counts the seat"
        );

        // One process dies mid-load; every request still gets its answer.
        let mut first = Some(first);
        for n in 0..40 {
            if n == 15 {
                drop(first.take());
            }
            let answer = through(
                &client,
                proxy.port,
                reqwest::Method::GET,
                "/api/list_my_cvs",
                &secret,
                None,
            )
            .await;
            assert_eq!(answer.status, 200, "request {n}: {}", answer.body);
            assert!(
                answer.body.contains("\"CV\""),
                "request {n}: still signed in: {}",
                answer.body
            );
            if n > 15 {
                assert_eq!(port_of(&answer.upstream), second.port, "request {n}");
            }
        }
        drop(proxy);
        drop(second);
    })
    .await;
}
