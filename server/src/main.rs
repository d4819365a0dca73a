//! The InfoLavoro server. Settings come from the environment (see README).
//!
//! `server` serves the portal. Staff accounts are created here, never with a
//! default password (it is asked on the terminal, or read from standard input):
//! - `server create-admin --email EMAIL [--name NAME]`
//! - `server create-operator --email EMAIL --comune SLUG [--name NAME]`
//!
//! and demo data for trying the portal and for the benchmarks:
//! - `server gen-demo [--offers N] [--profiles N]` (replaces those of the previous run)

use app::config::{redact_url, Config};
use app::kernel::access::domain::Role;
use leptos::prelude::get_configuration;
use std::io::{BufRead, IsTerminal};
use std::net::SocketAddr;
use std::process::ExitCode;
use tracing_subscriber::EnvFilter;

/// Stack of each runtime thread. Rendering a page walks a deep tree of view
/// types; in a debug build a page with forms nested in suspenses can pass
/// tokio's 2 MiB default, so give the threads room (they are few).
const THREAD_STACK_BYTES: usize = 8 * 1024 * 1024;

fn main() -> ExitCode {
    match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .thread_stack_size(THREAD_STACK_BYTES)
        .build()
    {
        Ok(runtime) => runtime.block_on(run()),
        Err(error) => {
            eprintln!("cannot start the async runtime: {error}");
            ExitCode::FAILURE
        }
    }
}

async fn run() -> ExitCode {
    let config = Config::from_env();
    init_tracing(config.log_json);
    if !config.invalid.is_empty() {
        for problem in &config.invalid {
            eprintln!("setting not valid: {problem}");
        }
        return ExitCode::FAILURE;
    }
    let args: Vec<String> = std::env::args().skip(1).collect();
    let outcome = match args.first().map(String::as_str) {
        None => serve(config).await,
        Some("create-admin") => create_staff(config, Role::Admin, &args[1..]).await,
        Some("create-operator") => create_staff(config, Role::Operatore, &args[1..]).await,
        Some("gen-demo") => gen_demo(config, &args[1..]).await,
        Some(other) => Err(format!(
            "unknown command {other:?}; use: server [create-admin --email EMAIL [--name NAME] | \
             create-operator --email EMAIL --comune SLUG [--name NAME] | gen-demo [--offers N] [--profiles N]]"
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
    let workers = server::Workers::start(&state);
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
    workers.stop().await;
    db.close().await;
    tracing::info!("stopped cleanly");
    Ok(())
}

/// An administrator or an operator, active at once.
async fn create_staff(
    config: Config,
    role: Role,
    args: &[String],
) -> Result<(), Box<dyn std::error::Error>> {
    let value_of = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let email = value_of("--email").ok_or("--email EMAIL is required")?;
    let name = value_of("--name").unwrap_or_else(|| match role {
        Role::Admin => "Amministratore della Rete".into(),
        _ => "Operatore dello sportello".into(),
    });
    let password = if std::io::stdin().is_terminal() {
        rpassword::prompt_password("Password (at least 12 characters): ")?
    } else {
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line)?;
        line.trim_end_matches(['\r', '\n']).to_string()
    };
    let leptos_options = get_configuration(None)?.leptos_options;
    let state = server::build_state(config, leptos_options).await?;
    let created = app::accounts::service::create_staff(
        &state,
        role,
        &email,
        &password,
        &name,
        value_of("--comune").as_deref(),
    )
    .await;
    state.db.close().await;
    let id = created.map_err(|e| e.user_message())?;
    println!("{} {email} created (account {id}).", role.code());
    Ok(())
}

/// Generated demo offers and candidate profiles, each kind in one transaction.
async fn gen_demo(config: Config, args: &[String]) -> Result<(), Box<dyn std::error::Error>> {
    const USE: &str = "use: server gen-demo [--offers N] [--profiles N]";
    let (mut offers, mut profiles) = (None, None);
    for pair in args.chunks(2) {
        let n: usize = match pair.get(1) {
            Some(n) => n.parse().map_err(|_| USE)?,
            None => return Err(USE.into()),
        };
        match pair[0].as_str() {
            "--offers" => offers = Some(n),
            "--profiles" => profiles = Some(n),
            _ => return Err(USE.into()),
        }
    }
    if offers.is_none() && profiles.is_none() {
        return Err(USE.into());
    }
    let db = app::db::Db::connect(&config.database_url).await?;
    db.migrate().await?;
    app::network::repo::seed_reference(&db).await?;
    if let Some(n) = offers {
        let started = std::time::Instant::now();
        let made = app::offers::gen_demo::generate(&db, n).await?;
        println!(
            "{made} demo offers generated in {:.1} s.",
            started.elapsed().as_secs_f64()
        );
    }
    if let Some(n) = profiles {
        let started = std::time::Instant::now();
        let made = app::candidates::gen_demo::generate(&db, n).await?;
        println!(
            "{made} demo candidate profiles generated in {:.1} s.",
            started.elapsed().as_secs_f64()
        );
    }
    db.close().await;
    println!("({})", redact_url(&config.database_url));
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
