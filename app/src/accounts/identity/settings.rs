//! Which OpenID Connect providers (SPID and CIE gateways) the portal trusts,
//! and which roles may still sign in with a password: read from the
//! environment at start-up with the other settings (`Config`).
//!
//! `OIDC_PROVIDERS=spid,cie` names them; each has its own keys, e.g. for `spid`:
//! `OIDC_SPID_ISSUER`, `OIDC_SPID_CLIENT_ID`, `OIDC_SPID_KEY_FILE` (a PEM RSA
//! key: `private_key_jwt`) or `OIDC_SPID_CLIENT_SECRET`, `OIDC_SPID_SCOPES`,
//! `OIDC_SPID_ACR`, `OIDC_SPID_CLAIMS` and `OIDC_SPID_KIND` (spid, cie or
//! other: which button). `PASSWORD_LOGIN` lists the roles that keep the
//! password (by default all, except citizens when a provider is set).

use crate::accounts::domain::ProviderKind;
use crate::kernel::access::domain::Role;
use std::fmt;
use std::time::Duration;

/// SPID's levels, lowest first: a level satisfies a request for any below it.
pub const SPID_LEVELS: [&str; 3] = [
    "https://www.spid.gov.it/SpidL1",
    "https://www.spid.gov.it/SpidL2",
    "https://www.spid.gov.it/SpidL3",
];

#[derive(Clone, Default)]
pub struct IdentitySettings {
    pub providers: Vec<ProviderSettings>,
    /// Roles whose accounts sign in with a password; others only until they
    /// link an identity (accounts that existed before a provider was set).
    pub password_roles: Vec<Role>,
    /// How long the portal waits for a provider (discovery, token, userinfo).
    pub timeout: Duration,
}

#[derive(Clone)]
pub struct ProviderSettings {
    /// The provider's name in addresses (`/accesso/oidc/spid`) and in `identities`.
    pub id: String,
    pub kind: ProviderKind,
    pub issuer: String,
    pub client_id: String,
    pub auth: ClientAuth,
    pub scopes: Vec<String>,
    /// `acr_values` asked for; the level returned must be one of them or above.
    pub acr_values: Vec<String>,
    pub claims: ClaimNames,
}

#[derive(Clone)]
pub enum ClientAuth {
    /// `private_key_jwt` (what SPID and CIE OIDC require): the PEM key.
    PrivateKey { pem: String },
    /// `client_secret_basic`, for gateways that issue a secret.
    Secret(String),
}

/// Where the provider puts what the portal reads (SPID's names by default).
#[derive(Clone)]
pub struct ClaimNames {
    pub given_name: String,
    pub family_name: String,
    pub email: String,
    pub fiscal_code: String,
}

impl fmt::Debug for ProviderSettings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Never the key or the secret.
        f.debug_struct("ProviderSettings")
            .field("id", &self.id)
            .field("issuer", &self.issuer)
            .field("client_id", &self.client_id)
            .finish_non_exhaustive()
    }
}

impl IdentitySettings {
    pub fn from_lookup(
        get: &impl Fn(&str) -> Option<String>,
        invalid: &mut Vec<String>,
    ) -> IdentitySettings {
        let non_empty = |key: &str| get(key).filter(|v| !v.trim().is_empty());
        let providers: Vec<ProviderSettings> = non_empty("OIDC_PROVIDERS")
            .map(|ids| {
                ids.split(',')
                    .map(|id| id.trim().to_ascii_lowercase())
                    .filter(|id| !id.is_empty())
                    .filter_map(|id| provider(&id, &non_empty, invalid))
                    .collect()
            })
            .unwrap_or_default();
        let password_roles = match non_empty("PASSWORD_LOGIN") {
            Some(list) => list
                .split(',')
                .map(str::trim)
                .filter(|r| !r.is_empty())
                .filter_map(|code| {
                    let role = Role::from_code(code);
                    if role.is_none() {
                        invalid.push(format!("PASSWORD_LOGIN: {code:?} is not a role"));
                    }
                    role
                })
                .collect(),
            None if providers.is_empty() => Role::ALL.to_vec(),
            None => Role::ALL
                .into_iter()
                .filter(|r| *r != Role::Cittadino)
                .collect(),
        };
        let timeout = non_empty("OIDC_TIMEOUT_SECONDS")
            .and_then(|s| s.trim().parse::<u64>().ok().filter(|s| *s > 0))
            .unwrap_or(10);
        IdentitySettings {
            providers,
            password_roles,
            timeout: Duration::from_secs(timeout),
        }
    }

    pub fn provider(&self, id: &str) -> Option<&ProviderSettings> {
        self.providers.iter().find(|p| p.id == id)
    }

    pub fn password_allowed(&self, role: Role) -> bool {
        self.password_roles.contains(&role)
    }
}

fn provider(
    id: &str,
    non_empty: &impl Fn(&str) -> Option<String>,
    invalid: &mut Vec<String>,
) -> Option<ProviderSettings> {
    if !id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
        invalid.push(format!(
            "OIDC_PROVIDERS: {id:?} may hold letters, digits and -"
        ));
        return None;
    }
    let prefix = format!("OIDC_{}_", id.to_ascii_uppercase().replace('-', "_"));
    let key = |name: &str| non_empty(&format!("{prefix}{name}"));
    let mut missing = |name: &str| {
        let value = key(name);
        if value.is_none() {
            invalid.push(format!("{prefix}{name} is required for the provider {id}"));
        }
        value
    };
    let issuer = missing("ISSUER")?;
    let client_id = missing("CLIENT_ID")?;
    let auth = match (key("KEY_FILE"), key("CLIENT_SECRET")) {
        (Some(path), _) => match std::fs::read_to_string(path.trim()) {
            Ok(pem) => ClientAuth::PrivateKey { pem },
            Err(error) => {
                invalid.push(format!(
                    "{prefix}KEY_FILE: {path:?} cannot be read: {error}"
                ));
                return None;
            }
        },
        (None, Some(secret)) => ClientAuth::Secret(secret),
        (None, None) => {
            invalid.push(format!(
                "{prefix}KEY_FILE or {prefix}CLIENT_SECRET is required"
            ));
            return None;
        }
    };
    let kind = match key("KIND").as_deref().unwrap_or(id) {
        "spid" => ProviderKind::Spid,
        "cie" => ProviderKind::Cie,
        _ => ProviderKind::Other,
    };
    let words = |text: Option<String>, default: &str| -> Vec<String> {
        text.as_deref()
            .unwrap_or(default)
            .split([' ', ','])
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    };
    let default_acr = if kind == ProviderKind::Other {
        ""
    } else {
        SPID_LEVELS[1]
    };
    let claims = words(key("CLAIMS"), "given_name,family_name,email,fiscal_number");
    let claim = |i: usize, default: &str| claims.get(i).cloned().unwrap_or(default.to_string());
    Some(ProviderSettings {
        id: id.to_string(),
        kind,
        issuer: issuer.trim().trim_end_matches('/').to_string(),
        client_id,
        auth,
        scopes: words(key("SCOPES"), "openid profile email"),
        acr_values: words(key("ACR"), default_acr),
        claims: ClaimNames {
            given_name: claim(0, "given_name"),
            family_name: claim(1, "family_name"),
            email: claim(2, "email"),
            fiscal_code: claim(3, "fiscal_number"),
        },
    })
}

/// Whether the level the provider returned satisfies the one asked for: the
/// same, or a higher SPID level.
pub fn level_satisfies(returned: Option<&str>, asked: &[String]) -> bool {
    if asked.is_empty() {
        return true;
    }
    let Some(returned) = returned else {
        return false;
    };
    let rank = |level: &str| SPID_LEVELS.iter().position(|l| *l == level);
    asked.iter().any(|want| {
        want == returned || matches!((rank(want), rank(returned)), (Some(w), Some(r)) if r >= w)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_higher_spid_level_satisfies_a_lower_request_and_never_the_reverse() {
        let l2 = vec![SPID_LEVELS[1].to_string()];
        assert!(level_satisfies(Some(SPID_LEVELS[1]), &l2));
        assert!(level_satisfies(Some(SPID_LEVELS[2]), &l2));
        assert!(!level_satisfies(Some(SPID_LEVELS[0]), &l2));
        assert!(!level_satisfies(None, &l2));
        assert!(!level_satisfies(Some("urn:other"), &l2));
    }

    #[test]
    fn citizens_lose_the_password_only_when_a_provider_is_set() {
        let mut invalid = Vec::new();
        let none = IdentitySettings::from_lookup(&|_| None, &mut invalid);
        assert!(none.password_allowed(Role::Cittadino));
        let with = IdentitySettings::from_lookup(
            &|key| match key {
                "OIDC_PROVIDERS" => Some("spid".into()),
                "OIDC_SPID_ISSUER" => Some("https://gateway.example/".into()),
                "OIDC_SPID_CLIENT_ID" => Some("portal".into()),
                "OIDC_SPID_CLIENT_SECRET" => Some("s".into()),
                _ => None,
            },
            &mut invalid,
        );
        assert!(invalid.is_empty(), "{invalid:?}");
        assert!(!with.password_allowed(Role::Cittadino));
        assert!(with.password_allowed(Role::Impresa));
        let spid = with.provider("spid").unwrap();
        assert_eq!(spid.issuer, "https://gateway.example");
        assert_eq!(spid.kind, ProviderKind::Spid);
        assert_eq!(spid.acr_values, vec![SPID_LEVELS[1].to_string()]);
    }

    #[test]
    fn a_provider_without_its_issuer_stops_the_start() {
        let mut invalid = Vec::new();
        IdentitySettings::from_lookup(
            &|key| (key == "OIDC_PROVIDERS").then(|| "cie".to_string()),
            &mut invalid,
        );
        assert!(
            invalid.iter().any(|i| i.contains("OIDC_CIE_ISSUER")),
            "{invalid:?}"
        );
    }
}
