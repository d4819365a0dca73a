//! A form refused without JavaScript comes back with its messages and with
//! what was typed.
//!
//! Without the wasm, an `ActionForm` is a plain HTML form posting to its
//! server function. When the function refuses it, server_fn redirects back
//! to the page the form was on with the error in the address (`__path`, the
//! function, and `__err`, the error). Leptos 0.8 reads that address only if
//! something provides it as a `ServerActionError` context, which nothing
//! does: `provide_for_page` does, so every `ServerAction` of that function
//! starts with the error and each field shows its message.
//!
//! The redirect carries nothing of what was typed. The server's
//! `form_echo` middleware keeps the submitted fields (never a password) in a
//! short-lived cookie, `COOKIE`, for the page the person is sent back to;
//! the form's fields read them with `echoed`. Only the server renders them:
//! the browser leaves hydrated attributes as the server wrote them.

use leptos::prelude::*;
use leptos::server::ServerActionError;
use leptos_router::hooks::use_location;
use percent_encoding::{percent_decode_str, utf8_percent_encode, NON_ALPHANUMERIC};

/// The cookie holding a refused form's fields until the form is shown again.
pub const COOKIE: &str = "infolavoro_modulo";

/// How long the cookie lives: the redirect back follows at once.
pub const COOKIE_SECONDS: i64 = 120;

/// The largest cookie value browsers keep for sure (4,096 bytes with its
/// name and attributes): longer values are dropped until the rest fits.
pub const MAX_COOKIE_VALUE: usize = 3_800;

/// Fields never written into the cookie: a password stays only in the
/// request that carried it.
pub fn is_secret(name: &str) -> bool {
    name.to_ascii_lowercase().contains("password")
}

/// The fields of the refused submission, for the form being shown again.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FormEcho {
    fields: Vec<(String, String)>,
}

impl FormEcho {
    /// The last value posted under `name`.
    pub fn value(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .rev()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }

    /// Every value posted under `name` (a group of checkboxes).
    pub fn values(&self, name: &str) -> Vec<&str> {
        self.fields
            .iter()
            .filter(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
            .collect()
    }
}

/// The cookie value for a refused submission to `function` (a server
/// function's path) with the form body `body`: the path first, then each
/// field but the secrets, percent-encoded so that the value is a valid
/// cookie. Values are dropped, longest first, until it fits.
pub fn cookie_value(function: &str, body: &str) -> String {
    let mut fields: Vec<(String, String)> = parse_pairs(body)
        .filter(|(name, _)| !is_secret(name) && !name.starts_with("__"))
        .collect();
    loop {
        let value = encode_pairs(
            std::iter::once(("__path", function))
                .chain(fields.iter().map(|(k, v)| (k.as_str(), v.as_str()))),
        );
        if value.len() <= MAX_COOKIE_VALUE {
            return value;
        }
        let Some(longest) = (0..fields.len()).max_by_key(|&i| fields[i].1.len()) else {
            return value;
        };
        if fields[longest].1.is_empty() {
            return encode_pairs([("__path", function)].into_iter());
        }
        fields[longest].1.clear();
    }
}

/// Reads a cookie written by `cookie_value`: the function and its fields.
pub fn read_cookie(value: &str) -> Option<(String, FormEcho)> {
    let mut pairs = parse_pairs(value);
    let (key, function) = pairs.next()?;
    (key == "__path").then(|| {
        (
            function,
            FormEcho {
                fields: pairs.collect(),
            },
        )
    })
}

fn encode_pairs<'a>(pairs: impl Iterator<Item = (&'a str, &'a str)>) -> String {
    pairs
        .map(|(key, value)| {
            format!(
                "{}={}",
                utf8_percent_encode(key, NON_ALPHANUMERIC),
                utf8_percent_encode(value, NON_ALPHANUMERIC)
            )
        })
        .collect::<Vec<_>>()
        .join("&")
}

/// `application/x-www-form-urlencoded` pairs (`+` is a space). Written here
/// rather than with `form_urlencoded` because the browser's build reads
/// addresses too and that crate is the server's.
fn parse_pairs(text: &str) -> impl Iterator<Item = (String, String)> + '_ {
    let decode = |part: &str| {
        percent_decode_str(&part.replace('+', " "))
            .decode_utf8_lossy()
            .into_owned()
    };
    text.split('&')
        .filter(|pair| !pair.is_empty())
        .map(move |pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            (decode(key), decode(value))
        })
}

/// For the frame of every page: when the address says a form was refused,
/// provides the error to that form's `ServerAction` and, on the server, what
/// was typed. After the first change of page in the browser the error is
/// withdrawn, so that it does not come back on a later visit to the form.
pub fn provide_for_page() {
    let location = use_location();
    let query = location.query.get_untracked();
    // The newest error: an address typed or shared may carry an older one.
    let error = query
        .get_all("__err")
        .and_then(|errors| errors.last().cloned());
    let refused = query.get("__path").zip(error);
    let Some((function, error)) = refused else {
        return;
    };
    provide_context(ServerActionError::new(&function, &error));
    let echo = crate::kernel::cookies::request_cookie(COOKIE)
        .and_then(|value| read_cookie(&value))
        .filter(|(posted_to, _)| *posted_to == function);
    if let Some((_, echo)) = echo {
        provide_context(echo);
    }
    let owner = Owner::current();
    let first_path = location.pathname.get_untracked();
    Effect::new(move |_| {
        if location.pathname.get() != first_path {
            if let Some(owner) = &owner {
                owner.with(|| provide_context(ServerActionError::new("", "")));
            }
        }
    });
}

/// What the person typed in `name` before the form was refused, if it was.
pub fn echoed(name: &str) -> Option<String> {
    use_context::<FormEcho>().and_then(|echo| echo.value(name).map(str::to_string))
}

/// Whether a checkbox or radio button `name`=`value` is chosen: as in the
/// refused submission when there was one, otherwise `by_default`.
pub fn echoed_choice(name: &str, value: &str, by_default: bool) -> bool {
    use_context::<FormEcho>().map_or(by_default, |echo| echo.values(name).contains(&value))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refused_form_keeps_its_fields_but_never_a_password() {
        let body =
            "display_name=Paolo+Neri&email=paolo%40esempio&password=corta&role=cittadino&__err=x";
        let value = cookie_value("/api/register_account", body);
        assert!(!value.contains("corta"), "{value}");
        assert!(value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"%=&".contains(&b)));
        let (function, echo) = read_cookie(&value).unwrap();
        assert_eq!(function, "/api/register_account");
        assert_eq!(echo.value("display_name"), Some("Paolo Neri"));
        assert_eq!(echo.value("email"), Some("paolo@esempio"));
        assert_eq!(echo.value("password"), None);
        assert_eq!(echo.value("__err"), None);
    }

    #[test]
    fn a_long_text_is_dropped_so_that_the_rest_still_fits() {
        let long = "à".repeat(2_000);
        let body = format!("title=Magazziniere&description={long}");
        let value = cookie_value("/api/save_offer", &body);
        assert!(value.len() <= MAX_COOKIE_VALUE);
        let (_, echo) = read_cookie(&value).unwrap();
        assert_eq!(echo.value("title"), Some("Magazziniere"));
        assert_eq!(echo.value("description"), Some(""));
    }

    #[test]
    fn checkboxes_keep_every_choice_and_a_foreign_cookie_is_ignored() {
        let (_, echo) = read_cookie(&cookie_value("/api/f", "giorni=lun&giorni=mar")).unwrap();
        assert_eq!(echo.values("giorni"), ["lun", "mar"]);
        assert_eq!(read_cookie("email=x"), None);
    }
}
