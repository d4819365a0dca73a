//! Showing data that arrives from a server function: a loading line while it
//! comes, the page's content when it is there, a readable error otherwise.

use super::error_view::{ErrorList, Loading};
use crate::error::AppError;
use leptos::prelude::*;
use serde::{de::DeserializeOwned, Serialize};

pub fn with_data<T, V>(
    resource: Resource<Result<T, AppError>>,
    render: impl Fn(T) -> V + Clone + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + Send + Sync + Serialize + DeserializeOwned + 'static,
    V: IntoView + 'static,
{
    view! {
        <Suspense fallback=|| view! { <Loading/> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorList errors/> }>
                // Reading the resource (rather than awaiting it in a `Suspend`)
                // hydrates synchronously from the data the server sent, and keeps
                // the wasm smaller: no async hydration path per page.
                {move || resource.get().map(|result| result.map(render.clone()))}
            </ErrorBoundary>
        </Suspense>
    }
}
