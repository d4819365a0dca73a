//! The id of the request being served, made by the server's middleware (see
//! `server::request_id`): the sentence of an internal error quotes it, so a
//! person can give it to the desk and the desk can find the log lines.

tokio::task_local! {
    /// Set around each request's handling; pages read it from the request
    /// headers instead, since Leptos renders some parts on other tasks.
    pub static REQUEST_ID: String;
}

pub const HEADER: &str = "x-request-id";

/// The id of the request this code serves, if it serves one.
pub fn current() -> Option<String> {
    leptos::prelude::use_context::<http::request::Parts>()
        .and_then(|parts| {
            parts
                .headers
                .get(HEADER)
                .and_then(|v| v.to_str().ok())
                .map(String::from)
        })
        .or_else(|| REQUEST_ID.try_with(Clone::clone).ok())
}
