//! The InfoLavoro server. Settings come from the environment (see README).
//!
//! `server` serves the portal. Staff accounts are created here, never with a
//! default password (it is asked on the terminal, or read from standard input):
//! - `server create-admin --email EMAIL [--name NAME]`
//! - `server create-operator --email EMAIL --comune SLUG [--name NAME]`
//!
//! and demo data for trying the portal and for the benchmarks:
//! - `server gen-demo [--offers N] [--profiles N] [--region]` (replaces those of the previous run)
//!
//! and the database's copies (see `server::backup`):
//! - `server backup [--to FILE]`, while the portal runs
//! - `server restore FILE`, with the portal stopped

use app::config::{redact_url, Config};
use app::kernel::access::domain::Role;
use clap::{Parser, Subcommand};
use leptos::prelude::get_configuration;
use std::io::{BufRead, IsTerminal};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use tracing_subscriber::EnvFilter;

/// mimalloc rather than glibc's malloc: see server/Cargo.toml.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Stack of each runtime thread. Rendering a page walks a deep tree of view
/// types; in a debug build a page with forms nested in suspenses can pass
/// tokio's 2 MiB default, so give the threads room (they are few).
const THREAD_STACK_BYTES: usize = 8 * 1024 * 1024;

/// InfoLavoro: the portal of the Rete per il Lavoro della Spezia. Settings
/// come from the environment (see the README); without a command it serves
/// the portal.
#[derive(Parser)]
#[command(name = "server", version)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// An administrator of the network, active at once; the password is
    /// asked on the terminal, or read from standard input.
    CreateAdmin {
        #[arg(long)]
        email: String,
        /// The name shown in the portal (default: "Amministratore della Rete").
        #[arg(long)]
        name: Option<String>,
    },
    /// A desk operator of a comune (its slug, e.g. la-spezia), active at once.
    CreateOperator {
        #[arg(long)]
        email: String,
        #[arg(long)]
        comune: String,
        #[arg(long)]
        name: Option<String>,
    },
    /// Generated demo offers and candidate profiles, replacing those of the
    /// previous run.
    #[command(arg_required_else_help = true)]
    GenDemo {
        /// How many job offers (100000 for the load benchmark).
        #[arg(long)]
        offers: Option<usize>,
        /// How many blind candidate profiles.
        #[arg(long)]
        profiles: Option<usize>,
        /// Spread them over Liguria's 234 comuni, which this adds to the
        /// database: for measuring the search at a region's size, never for
        /// a portal that serves the province.
        #[arg(long)]
        region: bool,
    },
    /// A consistent copy of the database, taken while the portal runs: into
    /// BACKUP_DIR (keeping the newest BACKUP_KEEP), or into --to FILE.
    Backup {
        /// A file that does not exist yet, instead of BACKUP_DIR.
        #[arg(long)]
        to: Option<PathBuf>,
    },
    /// Replaces the database with a copy made by `server backup`. Refuses
    /// while the portal or another command uses the database; what was
    /// there is first copied into BACKUP_DIR (or beside FILE) as
    /// before-restore-….
    Restore { file: PathBuf },
}

fn main() -> ExitCode {
    // Before anything starts: `--help` and a mistyped command answer at once.
    let cli = Cli::parse();
    match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .thread_stack_size(THREAD_STACK_BYTES)
        .build()
    {
        Ok(runtime) => runtime.block_on(run(cli.command)),
        Err(error) => {
            eprintln!("cannot start the async runtime: {error}");
            ExitCode::FAILURE
        }
    }
}

async fn run(command: Option<Command>) -> ExitCode {
    let config = Config::from_env();
    init_tracing(config.log_json);
    if !config.invalid.is_empty() {
        for problem in &config.invalid {
            eprintln!("setting not valid: {problem}");
        }
        return ExitCode::FAILURE;
    }
    let outcome = match command {
        None => serve(config).await,
        Some(Command::CreateAdmin { email, name }) => {
            create_staff(config, Role::Admin, email, name, None).await
        }
        Some(Command::CreateOperator {
            email,
            comune,
            name,
        }) => create_staff(config, Role::Operatore, email, name, Some(comune)).await,
        Some(Command::GenDemo {
            offers,
            profiles,
            region,
        }) => gen_demo(config, offers, profiles, region).await,
        Some(Command::Backup { to }) => back_up(config, to).await,
        Some(Command::Restore { file }) => restore(config, file).await,
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
    email: String,
    name: Option<String>,
    comune: Option<String>,
) -> Result<(), Box<dyn std::error::Error>> {
    let name = name.unwrap_or_else(|| match role {
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
        comune.as_deref(),
    )
    .await;
    state.db.close().await;
    let id = created.map_err(|e| e.user_message())?;
    println!("{} {email} created (account {id}).", role.code());
    Ok(())
}

/// Generated demo offers and candidate profiles, each kind in one transaction.
async fn gen_demo(
    config: Config,
    offers: Option<usize>,
    profiles: Option<usize>,
    region: bool,
) -> Result<(), Box<dyn std::error::Error>> {
    let db = app::db::Db::connect(&config.database_url).await?;
    db.migrate().await?;
    app::network::repo::seed_reference(&db).await?;
    if region {
        let comuni = app::network::repo::add_region_comuni(&db).await?;
        println!("{comuni} comuni: the province's and the rest of Liguria's.");
    }
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

/// One copy now, while the portal may be running.
async fn back_up(config: Config, to: Option<PathBuf>) -> Result<(), Box<dyn std::error::Error>> {
    let db = app::db::Db::connect(&config.database_url).await?;
    let written = match (to, &config.backups.dir) {
        (Some(file), _) => server::backup::write_copy(&db, &config.database_url, &file)
            .await
            .map(|()| file),
        (None, Some(dir)) => {
            server::backup::back_up_into(&db, &config.database_url, dir, config.backups.keep).await
        }
        (None, None) => Err(server::backup::BackupError::NoFolder),
    };
    db.close().await;
    let file = written?;
    let size = std::fs::metadata(&file).map_or(0, |m| m.len());
    println!("Backup written: {} ({size} bytes).", file.display());
    Ok(())
}

/// The database replaced with a copy; the portal must be stopped.
async fn restore(config: Config, file: PathBuf) -> Result<(), Box<dyn std::error::Error>> {
    let safety_dir = match &config.backups.dir {
        Some(dir) => dir.clone(),
        None => file
            .parent()
            .filter(|folder| !folder.as_os_str().is_empty())
            .map_or_else(|| PathBuf::from("."), PathBuf::from),
    };
    let restored = server::backup::restore(&config.database_url, &file, &safety_dir).await?;
    if let Some(previous) = restored.previous {
        println!("What was there before is saved in {}.", previous.display());
    }
    println!(
        "{} restored into {}. Start the portal: it brings the copy up to this version.",
        file.display(),
        redact_url(&config.database_url)
    );
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
