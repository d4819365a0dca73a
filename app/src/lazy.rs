//! Lazy routes: a page whose code is split out of the main wasm
//! (`cargo leptos … --split`) and fetched when the page is opened, so the
//! home page's wasm stays small as the portal grows.

/// `lazy_pages!(RouteName => PageComponent, …)` declares one lazy route per
/// page, for `<Route view={Lazy::<RouteName>::new()}/>`.
#[macro_export]
macro_rules! lazy_pages {
    ($($route:ident => $page:ident),* $(,)?) => {
        $(
            pub struct $route;

            #[leptos_router::lazy_route]
            impl leptos_router::LazyRoute for $route {
                fn data() -> Self {
                    $route
                }

                fn view(_this: Self) -> leptos::prelude::AnyView {
                    use leptos::prelude::*;
                    view! { <$page/> }.into_any()
                }
            }
        )*
    };
}
