//! Coming back: after signing in, to the page that asked for it; after
//! switching language, to the same page. Only ever a path on this site.

/// What stays as it is in the `back` path: RFC 3986's unreserved characters
/// and `/`; the query's `?`, `&` and `=` are escaped, so they stay `back`'s.
const BACK_PATH: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~')
    .remove(b'/');

pub fn percent_encode(text: &str) -> String {
    percent_encoding::utf8_percent_encode(text, BACK_PATH).to_string()
}

/// Only a path on this site: never `//elsewhere` or a scheme, so the switch
/// cannot be used to send people to another site.
pub fn safe_back_path(back: &str) -> &str {
    let local = back.starts_with('/')
        && !back.starts_with("//")
        && !back.starts_with("/\\")
        && back.len() <= 1024
        && !back.chars().any(char::is_control);
    if local {
        back
    } else {
        "/"
    }
}

/// Where a page that needs an account sends someone not signed in: the
/// sign-in page, which brings them back to `next` afterwards.
pub fn sign_in_href(next: &str) -> String {
    format!("/accesso?next={}", percent_encode(safe_back_path(next)))
}

/// The page to open after signing in, when `next` names one on this site
/// (not a server function, not the sign-in page itself).
pub fn after_sign_in(next: &str) -> Option<&str> {
    let path = safe_back_path(next);
    (path == next && path != "/" && !path.starts_with("/api/") && !path.starts_with("/accesso"))
        .then_some(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_paths_of_this_site_come_back() {
        assert_eq!(
            sign_in_href("/area/cv?x=1"),
            "/accesso?next=/area/cv%3Fx%3D1"
        );
        assert_eq!(after_sign_in("/pubblica/nuova"), Some("/pubblica/nuova"));
        assert_eq!(after_sign_in("//evil.example/"), None);
        assert_eq!(after_sign_in("https://evil.example/"), None);
        assert_eq!(after_sign_in("/api/log_out"), None);
        assert_eq!(after_sign_in("/accesso?next=/area"), None);
        assert_eq!(after_sign_in(""), None);
    }
}
