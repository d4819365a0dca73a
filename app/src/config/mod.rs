//! Settings read from the environment at start-up, with defaults that run the
//! portal on a local SQLite file. Secrets never reach the logs: `Debug` masks
//! the password in `DATABASE_URL`.

use std::fmt;

mod backups;
pub use backups::BackupSettings;

pub const DEFAULT_DATABASE_URL: &str = "sqlite://data/infolavoro.db";

#[derive(Clone)]
pub struct Config {
    /// `sqlite://…` (default) or `postgres://…`.
    pub database_url: String,
    /// `text` (default) or `json` log lines.
    pub log_json: bool,
    /// Seed clearly marked demo courses and meetings (the local demo portal).
    pub demo_content: bool,
    /// The address people reach the portal at, used in emailed links. When it
    /// is `https://…`, cookies are marked `Secure`.
    pub public_url: String,
    pub smtp: SmtpConfig,
    /// Seconds between two digests of one saved search (a day; less in tests).
    pub alert_every: i64,
    /// Reverse proxies whose `X-Forwarded-For` is believed (addresses or
    /// networks, comma separated): none by default.
    pub trusted_proxies: Vec<ipnet::IpNet>,
    /// Requests that make the portal send email (registration, password
    /// reset, requests to join) one client address may make in an hour.
    pub mail_requests_per_hour: i64,
    /// How much the server takes on at once before it answers 503.
    pub requests: RequestLimits,
    /// SPID/CIE providers, and the roles that keep password login.
    pub identity: crate::accounts::identity::settings::IdentitySettings,
    /// Folders with the Noto fonts the CV's PDF draws other scripts with
    /// (`PDF_FONT_DIRS`, separated by `:`; Debian's folders by default).
    pub pdf_font_dirs: Vec<std::path::PathBuf>,
    /// The database's copies: folder, interval, how many are kept.
    pub backups: BackupSettings,
    /// Who may read `/metrics`.
    pub metrics: MetricsAccess,
    /// Settings that did not parse: the server refuses to start with any.
    pub invalid: Vec<String>,
}

/// Who may read the Prometheus metrics at `/metrics`: a scraper connecting
/// from `METRICS_FROM` (addresses or networks; the machine itself by
/// default), or one sending `Authorization: Bearer` with `METRICS_TOKEN`.
/// The peer is the direct one: behind a proxy, every visitor would be the
/// proxy, so a scraper reaches the process directly or uses the token.
#[derive(Clone, PartialEq, Eq)]
pub struct MetricsAccess {
    pub token: Option<String>,
    pub from: Vec<ipnet::IpNet>,
}

/// The bounds of the server's work: requests handled at once (more are
/// answered 503 at once, with `Retry-After`) and the time one may take.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RequestLimits {
    pub concurrent: usize,
    pub timeout: std::time::Duration,
}

#[derive(Clone, PartialEq, Eq)]
pub struct SmtpConfig {
    pub host: String,
    pub port: u16,
    /// `none` (plain, for a local relay or test sink), `starttls` or `tls`.
    pub tls: SmtpTls,
    pub username: Option<String>,
    pub password: Option<String>,
    /// The sender, e.g. `InfoLavoro <infolavoro@comune.sp.it>`.
    pub from: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SmtpTls {
    None,
    StartTls,
    Tls,
}

impl Config {
    pub fn from_env() -> Config {
        Config::from_lookup(|key| std::env::var(key).ok())
    }

    /// Reads from any lookup, so tests need not touch the process environment.
    pub fn from_lookup(get: impl Fn(&str) -> Option<String>) -> Config {
        let non_empty = |key: &str| get(key).filter(|v| !v.trim().is_empty());
        let public_url = non_empty("PUBLIC_URL")
            .unwrap_or_else(|| "http://127.0.0.1:3000".into())
            .trim_end_matches('/')
            .to_string();
        let mut invalid = Vec::new();
        // A mistyped value must not quietly mean plaintext.
        let tls = match non_empty("SMTP_TLS").as_deref().map(str::trim) {
            None | Some("none") => SmtpTls::None,
            Some("starttls") => SmtpTls::StartTls,
            Some("tls") => SmtpTls::Tls,
            Some(other) => {
                invalid.push(format!("SMTP_TLS: {other:?} is not none, starttls or tls"));
                SmtpTls::None
            }
        };
        let trusted_proxies = non_empty("TRUSTED_PROXIES")
            .map(|text| {
                parse_networks(&text).unwrap_or_else(|bad| {
                    invalid.push(format!(
                        "TRUSTED_PROXIES: {bad:?} is not an address or network"
                    ));
                    Vec::new()
                })
            })
            .unwrap_or_default();
        let mut positive = |key: &str, default: i64| match non_empty(key) {
            None => default,
            Some(text) => text
                .trim()
                .parse()
                .ok()
                .filter(|n: &i64| *n > 0)
                .unwrap_or_else(|| {
                    invalid.push(format!("{key}: {text:?} is not a positive number"));
                    default
                }),
        };
        let mail_requests_per_hour = positive("MAIL_REQUESTS_PER_HOUR", 30);
        let alert_every = positive("ALERT_DIGEST_SECONDS", 86_400);
        let requests = RequestLimits {
            concurrent: positive("MAX_CONCURRENT_REQUESTS", 256) as usize,
            timeout: std::time::Duration::from_secs(
                positive("REQUEST_TIMEOUT_SECONDS", 30).unsigned_abs(),
            ),
        };
        let smtp_port = u16::try_from(positive("SMTP_PORT", 25)).unwrap_or_else(|_| {
            invalid.push("SMTP_PORT: not a port number".to_string());
            25
        });
        let identity =
            crate::accounts::identity::settings::IdentitySettings::from_lookup(&get, &mut invalid);
        let pdf_font_dirs = match non_empty("PDF_FONT_DIRS") {
            Some(dirs) => std::env::split_paths(&dirs).collect(),
            None => crate::cv::fonts::DEFAULT_DIRS
                .iter()
                .map(Into::into)
                .collect(),
        };
        let database_url = non_empty("DATABASE_URL").unwrap_or_else(|| DEFAULT_DATABASE_URL.into());
        let backups = BackupSettings::from_lookup(&get, &database_url, &mut invalid);
        let metrics = MetricsAccess {
            token: non_empty("METRICS_TOKEN"),
            from: parse_networks(
                &non_empty("METRICS_FROM").unwrap_or_else(|| "127.0.0.1, ::1".into()),
            )
            .unwrap_or_else(|bad| {
                invalid.push(format!(
                    "METRICS_FROM: {bad:?} is not an address or network"
                ));
                Vec::new()
            }),
        };
        Config {
            identity,
            backups,
            metrics,
            pdf_font_dirs,
            trusted_proxies,
            mail_requests_per_hour,
            requests,
            invalid,
            database_url,
            demo_content: non_empty("DEMO_CONTENT").is_some_and(|v| v == "1" || v == "true"),
            log_json: non_empty("LOG_FORMAT").is_some_and(|v| v.eq_ignore_ascii_case("json")),
            public_url,
            alert_every,
            smtp: SmtpConfig {
                host: non_empty("SMTP_HOST").unwrap_or_else(|| "127.0.0.1".into()),
                port: smtp_port,
                tls,
                username: non_empty("SMTP_USERNAME"),
                password: non_empty("SMTP_PASSWORD"),
                from: non_empty("MAIL_FROM")
                    .unwrap_or_else(|| "InfoLavoro <infolavoro@comune.sp.it>".into()),
            },
        }
    }

    pub fn secure_cookies(&self) -> bool {
        self.public_url.starts_with("https://")
    }
}

/// `postgres://user:secret@host/db` → `postgres://user:***@host/db`.
pub fn redact_url(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    match rest.split_once('@') {
        Some((userinfo, host)) => match userinfo.split_once(':') {
            Some((user, _password)) => format!("{scheme}://{user}:***@{host}"),
            None => url.to_string(),
        },
        None => url.to_string(),
    }
}

impl fmt::Debug for Config {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Config")
            .field("database_url", &redact_url(&self.database_url))
            .field("demo_content", &self.demo_content)
            .field("log_json", &self.log_json)
            .field("public_url", &self.public_url)
            .field("alert_every", &self.alert_every)
            .field("smtp_host", &self.smtp.host)
            .field("smtp_port", &self.smtp.port)
            .field("smtp_tls", &self.smtp.tls)
            .field("smtp_username", &self.smtp.username)
            .field("smtp_password", &self.smtp.password.as_ref().map(|_| "***"))
            .field("identity_providers", &self.identity.providers)
            .field("backups", &self.backups)
            .field("metrics_token", &self.metrics.token.as_ref().map(|_| "***"))
            .field("metrics_from", &self.metrics.from)
            .finish()
    }
}

/// `127.0.0.1, 10.0.0.0/8, ::1` as networks (a lone address is its own /32
/// or /128); the first entry that is neither, as the error.
pub fn parse_networks(text: &str) -> Result<Vec<ipnet::IpNet>, String> {
    text.split(',')
        .map(str::trim)
        .filter(|entry| !entry.is_empty())
        .map(|entry| {
            entry
                .parse::<ipnet::IpNet>()
                .or_else(|_| entry.parse::<std::net::IpAddr>().map(ipnet::IpNet::from))
                .map_err(|_| entry.to_string())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_to_the_local_sqlite_file() {
        let config = Config::from_lookup(|_| None);
        assert_eq!(config.database_url, DEFAULT_DATABASE_URL);
        assert!(!config.log_json);
    }

    #[test]
    fn debug_output_hides_the_database_password() {
        let config = Config::from_lookup(|key| match key {
            "DATABASE_URL" => Some("postgres://app:s3cret@db.example/portal".to_string()),
            "SMTP_PASSWORD" => Some("smtp-s3cret".to_string()),
            _ => None,
        });
        let shown = format!("{config:?}");
        assert!(!shown.contains("s3cret"), "{shown}");
        assert!(shown.contains("smtp_password: Some(\"***\")"), "{shown}");
        assert!(shown.contains("postgres://app:***@db.example/portal"));
    }

    #[test]
    fn trusted_proxies_are_addresses_or_networks_and_a_bad_one_stops_the_start() {
        let nets = parse_networks("127.0.0.1, 10.0.0.0/8,::1").unwrap();
        assert_eq!(nets.len(), 3);
        assert!(nets[1].contains(&"10.20.30.40".parse::<std::net::IpAddr>().unwrap()));
        let config =
            Config::from_lookup(|k| (k == "TRUSTED_PROXIES").then(|| "10.0.0.0/8, proxy".into()));
        assert_eq!(config.invalid.len(), 1, "{:?}", config.invalid);
        assert!(config.trusted_proxies.is_empty());
    }

    #[test]
    fn a_mistyped_setting_stops_the_start_instead_of_meaning_something_else() {
        for (key, value) in [
            ("SMTP_TLS", "startls"),
            ("SMTP_PORT", "70000"),
            ("SMTP_PORT", "25a"),
            ("ALERT_DIGEST_SECONDS", "-1"),
            ("MAX_CONCURRENT_REQUESTS", "0"),
            ("REQUEST_TIMEOUT_SECONDS", "trenta"),
            ("MAIL_REQUESTS_PER_HOUR", "lots"),
        ] {
            let config = Config::from_lookup(|k| (k == key).then(|| value.into()));
            assert_eq!(
                config.invalid.len(),
                1,
                "{key}={value}: {:?}",
                config.invalid
            );
            assert!(config.invalid[0].starts_with(key), "{:?}", config.invalid);
        }
        let config = Config::from_lookup(|k| match k {
            "SMTP_TLS" => Some("starttls".into()),
            "SMTP_PORT" => Some("587".into()),
            "MAX_CONCURRENT_REQUESTS" => Some("64".into()),
            _ => None,
        });
        assert!(config.invalid.is_empty(), "{:?}", config.invalid);
        assert_eq!(
            (config.smtp.tls, config.smtp.port),
            (SmtpTls::StartTls, 587)
        );
        assert_eq!(config.requests.concurrent, 64);
    }
}
