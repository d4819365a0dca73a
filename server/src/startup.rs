//! Building the state (database connected, migrated, seeded) and the router.

use crate::cross_site::refuse_cross_site;
use crate::headers::{assign_nonce, cache_headers, csp_for_rendered_page, security_headers};
use crate::health::healthz;
use app::accounts::password::Hasher;
use app::config::Config;
use app::db::{Db, DbError};
use app::state::AppState;
use app::{shell, App};
use axum::middleware;
use axum::routing::get;
use axum::Router;
use leptos::prelude::LeptosOptions;
use leptos_axum::{file_and_error_handler_with_context, generate_route_list, LeptosRoutes};
use std::path::Path;
use std::sync::Arc;
use tokio::sync::Notify;
use tower_http::compression::CompressionLayer;
use tower_http::trace::TraceLayer;

/// How many generated offers the demo portal (`DEMO_CONTENT=1`) starts with.
const DEMO_OFFERS: usize = 400;

/// Connects to the database, applies the migrations and writes the reference data.
pub async fn build_state(
    config: Config,
    leptos_options: LeptosOptions,
) -> Result<AppState, DbError> {
    let db = Db::connect(&config.database_url).await?;
    db.migrate().await?;
    app::network::repo::seed_reference(&db).await?;
    app::orientation::repo::seed_rules(&db).await?;
    if config.demo_content {
        app::catalogue::demo::seed_demo(&db).await?;
        app::offers::gen_demo::seed_if_empty(&db, DEMO_OFFERS).await?;
    }
    // The two indexes load side by side, one per core: at a region's size (a
    // million offers, 200,000 profiles) start-up takes the longer of the two.
    let loading_offers = tokio::spawn({
        let db = db.clone();
        async move { app::offers::engine::Search::load(&db).await }
    });
    let candidates = app::candidates::engine::Candidates::load(&db).await?;
    let offers = match loading_offers.await {
        Ok(offers) => offers?,
        Err(failed) => std::panic::resume_unwind(failed.into_panic()),
    };
    let identity = app::accounts::identity::provider::Providers::new(config.identity.timeout);
    app::cv::fonts::use_dirs(config.pdf_font_dirs.clone());
    Ok(AppState {
        leptos_options,
        db,
        identity,
        config: Arc::new(config),
        // Each argon2 hash holds 19 MiB; four at once is plenty on two cores.
        hasher: Hasher::new(4),
        mail_wakeup: Arc::new(Notify::new()),
        offers,
        candidates,
        live: app::staff::live::Live::new(),
        // Typesetting is CPU-bound: one document per core.
        renderers: Arc::new(tokio::sync::Semaphore::new(2)),
        searches: app::kernel::cpu::CpuPool::per_core(),
    })
}

pub fn build_router(state: AppState) -> Router {
    crate::metrics::handle();
    let routes = generate_route_list(App);
    let options = state.leptos_options.clone();
    let limits = state.config.requests;
    let portal = Router::new()
        .route("/robots.txt", get(crate::robots::robots_txt))
        .merge(app::catalogue::feeds::routes())
        .merge(app::personal_calendar::routes())
        .merge(app::offers::feeds::routes())
        .merge(app::cv::routes::routes())
        .merge(app::applications::routes::routes())
        .merge(app::candidates::routes::routes())
        .merge(app::staff::routes::routes())
        .merge(app::privacy::routes::routes())
        .merge(app::accounts::identity::routes::routes())
        .leptos_routes_with_context(&state, routes, csp_for_rendered_page, move || {
            shell(options.clone())
        })
        .fallback(file_and_error_handler_with_context::<AppState, _>(
            csp_for_rendered_page,
            shell,
        ))
        .layer(middleware::from_fn(crate::api_errors::status_from_error))
        .layer(middleware::from_fn_with_state(
            Arc::new(crate::page_cache::PageCache::default()),
            crate::page_cache::serve,
        ))
        .layer(middleware::from_fn(crate::metrics::measure))
        .layer(middleware::from_fn(
            crate::api_errors::refuse_control_characters,
        ))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            crate::form_echo::echo_refused_forms,
        ))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            app::staff::live::announce_changes,
        ))
        .layer(middleware::from_fn(refuse_cross_site))
        .layer(middleware::from_fn(cache_headers))
        .layer(middleware::from_fn(assign_nonce))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            security_headers,
        ));
    let assets = crate::assets::Assets::load(Path::new(state.leptos_options.site_root.as_ref()));
    Router::new()
        .route("/healthz", get(healthz))
        .route("/metrics", get(crate::metrics::scrape))
        .merge(crate::overload::bounded(portal, limits))
        .layer(middleware::from_fn_with_state(assets, crate::assets::serve))
        .layer(CompressionLayer::new())
        .layer(TraceLayer::new_for_http().make_span_with(crate::request_id::span_of))
        .layer(middleware::from_fn(crate::request_id::assign))
        .with_state(state)
}
