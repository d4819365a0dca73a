//! `/robots.txt`: search engines may read the public pages and are pointed
//! to the sitemap; the personal areas, staff pages, forms behind an account
//! and the server functions are not for them (they answer "sign in" anyway,
//! and crawling them only fills the logs).

use app::state::AppState;
use axum::extract::State;
use axum::http::header;
use axum::response::IntoResponse;

/// Address prefixes that are never worth crawling.
const PRIVATE: [&str; 13] = [
    "/api/",
    "/area",
    "/staff",
    "/pubblica",
    "/organizza",
    "/imprese",
    "/cv",
    "/invito",
    "/accesso/",
    "/verifica-email",
    "/reimposta-password",
    "/avvisi/",
    "/sportelli/*/prenota",
];

pub async fn robots_txt(State(state): State<AppState>) -> impl IntoResponse {
    let mut text = String::from("User-agent: *\n");
    for prefix in PRIVATE {
        text.push_str(&format!("Disallow: {prefix}\n"));
    }
    text.push_str(&format!(
        "\nSitemap: {}/sitemap.xml\n",
        state.config.public_url
    ));
    (
        [
            (header::CONTENT_TYPE, "text/plain; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=86400"),
        ],
        text,
    )
}
