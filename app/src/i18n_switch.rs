//! Choosing the language. Italian is the default whatever the browser asks;
//! a visitor who picks English gets a cookie, and the server renders every
//! page in the language it names.

use crate::error::AppError;
use crate::i18n::Locale;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use leptos_i18n::Locale as _;

/// The cookie that keeps the visitor's choice.
pub const LANGUAGE_COOKIE: &str = "lingua";

/// The language named by the request's cookie, as leptos_i18n's locale
/// resolution expects it (an Accept-Language-like string). `None` (Italian)
/// in the browser, where the language is read from `<html lang>` instead.
pub fn language_from_cookie() -> Option<String> {
    crate::kernel::cookies::request_cookie(LANGUAGE_COOKIE)
        .filter(|value| value == "it" || value == "en")
}

/// The address of the switch to `to`, coming back to `back` afterwards.
pub fn language_switch_href(to: Locale, back: &str) -> String {
    format!(
        "/api/set_language?lang={}&back={}",
        to.as_str(),
        crate::kernel::access::return_to::percent_encode(back)
    )
}

/// Stores the chosen language (in the cookie, and for a signed-in person in
/// their account, for their email) and sends the visitor back where they were.
/// A GET with query parameters, so a plain link works without JavaScript;
/// anyone may call it, and it changes nothing but the caller's own choice.
#[server(prefix = "/api", endpoint = "set_language", input = GetUrl)]
pub async fn set_language(lang: String, back: String) -> Result<(), AppError> {
    let (state, _) = crate::kernel::access::auth::authorize::<SetLanguage>().await?;
    use crate::kernel::mail_text::Language;
    let Some(language) = Language::from_code(&lang) else {
        return Err(crate::invalid!("lang", language_not_available_choose));
    };
    use crate::kernel::access::auth::{private_cookie, set_cookie};
    let a_year = Some(365 * 86_400);
    set_cookie(private_cookie(
        &state,
        LANGUAGE_COOKIE,
        language.code(),
        a_year,
    ));
    // A signed-in person's email follows the language they read the portal in.
    if let Some(user) = crate::kernel::access::auth::current_user(&state).await? {
        let mut tx = state.db.begin_write().await?;
        crate::kernel::mail_text::set_language(&mut tx, user.id, language).await?;
        tx.commit().await?;
    }
    leptos_axum::redirect(crate::kernel::access::return_to::safe_back_path(&back));
    Ok(())
}

/// The page's language, for components.
///
/// Not `use_i18n()`: when a client hangs up during server rendering (a load test ending, a
/// closed tab), the request's owner tree is dropped while a resource's continuation may still
/// build its view, and the i18n context above it is gone. `use_i18n()` panics there; that
/// render is thrown away anyway, so the default language is as good an answer as any.
pub fn locale() -> Locale {
    use_context::<leptos_i18n::I18nContext<Locale>>()
        .map(|i18n| i18n.get_locale_untracked())
        .unwrap_or_default()
}

/// The language to answer in: on the server, the one the request's cookie
/// names (a server function's messages, a refused form); in the browser, the
/// page's. Italian when nothing says otherwise.
pub fn request_locale() -> Locale {
    #[cfg(feature = "ssr")]
    {
        match language_from_cookie().as_deref() {
            Some("en") => Locale::en,
            _ => Locale::it,
        }
    }
    #[cfg(not(feature = "ssr"))]
    {
        locale()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kernel::access::return_to::safe_back_path;

    #[test]
    fn the_switch_comes_back_to_the_same_page() {
        assert_eq!(
            language_switch_href(Locale::en, "/rete?categoria=sindacato"),
            "/api/set_language?lang=en&back=/rete%3Fcategoria%3Dsindacato"
        );
        assert_eq!(
            language_switch_href(Locale::it, "/offerte?q=caffè bar&km=10"),
            "/api/set_language?lang=it&back=/offerte%3Fq%3Dcaff%C3%A8%20bar%26km%3D10"
        );
    }

    #[test]
    fn only_local_paths_are_followed_back() {
        assert_eq!(safe_back_path("/comuni/sarzana"), "/comuni/sarzana");
        assert_eq!(safe_back_path("//evil.example/"), "/");
        assert_eq!(safe_back_path("https://evil.example/"), "/");
        assert_eq!(safe_back_path("/\\evil.example"), "/");
    }
}
