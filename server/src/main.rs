//! The InfoLavoro server. Settings come from the environment (see README).
//!
//! `server` serves the portal; `server create-admin --email EMAIL [--name NAME]`
//! creates the first administrator, reading the password from standard input.

use app::config::{redact_url, Config};
use leptos::prelude::get_configuration;
use std::io::{BufRead, IsTerminal, Write};
use std::net::SocketAddr;
use std::process::ExitCode;
use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() -> ExitCode {
    let config = Config::from_env();
    init_tracing(config.log_json);
    let args: Vec<String> = std::env::args().skip(1).collect();
    let outcome = match args.first().map(String::as_str) {
        None => serve(config).await,
        Some("create-admin") => create_admin(config, &args[1..]).await,
        Some(other) => Err(format!(
            "unknown command {other:?}; use: server [create-admin --email EMAIL [--name NAME]]"
        )
        .into()),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            tracing::error!(%error, "the server stopped");
            eprintln!("{error}");
            ExitCode::FAILURE
        }
    }
}

async fn serve(config: Config) -> Result<(), Box<dyn std::error::Error>> {
    let leptos_options = get_configuration(None)?.leptos_options;
    let addr = leptos_options.site_addr;
    tracing::info!(database = %redact_url(&config.database_url), "connecting to the database");
    let state = server::build_state(config, leptos_options).await?;
    server::spawn_outbox_worker(&state);
    let db = state.db.clone();
    let router = server::build_router(state);
    let listener = tokio::net::TcpListener::bind(addr).await?;
    tracing::info!("InfoLavoro listening on http://{addr}");
    // The peer address feeds the per-address login limit.
    axum::serve(
        listener,
        router.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await?;
    db.close().await;
    tracing::info!("stopped cleanly");
    Ok(())
}

/// The first administrator: never a default password, always one typed or piped in.
async fn create_admin(config: Config, args: &[String]) -> Result<(), Box<dyn std::error::Error>> {
    let value_of = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let email = value_of("--email").ok_or("create-admin needs --email EMAIL")?;
    let name = value_of("--name").unwrap_or_else(|| "Amministratore della Rete".into());
    if std::io::stdin().is_terminal() {
        eprint!("Password (at least 12 characters): ");
        std::io::stderr().flush()?;
    }
    let mut password = String::new();
    std::io::stdin().lock().read_line(&mut password)?;
    let password = password.trim_end_matches(['\r', '\n']);
    let leptos_options = get_configuration(None)?.leptos_options;
    let state = server::build_state(config, leptos_options).await?;
    let id = app::accounts::service::create_admin(&state, &email, password, &name)
        .await
        .map_err(|e| e.user_message())?;
    state.db.close().await;
    println!("Administrator {email} created (account {id}).");
    Ok(())
}

fn init_tracing(json: bool) {
    let filter =
        EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    if json {
        builder.json().init();
    } else {
        builder.init();
    }
}

/// Resolves on Ctrl-C or SIGTERM: requests under way finish, then the server stops.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}
