//! The portal as an OpenID Connect relying party, with the `openidconnect`
//! crate: discovery (cached, fetched again when the provider's keys rotate),
//! the authorization code flow with PKCE, `state` and `nonce`, the ID token
//! checked against the provider's published keys (signature, issuer,
//! audience, expiry, nonce) and its `acr` against the level asked for,
//! userinfo for the person's details, and RP-initiated logout.

use super::settings::{level_satisfies, ClientAuth, ProviderSettings};
use crate::accounts::domain::SignInFailure;
use base64::Engine;
use openidconnect::core::{
    CoreAuthenticationFlow, CoreClient, CoreGenderClaim, CoreIdToken, CoreJwsSigningAlgorithm,
    CoreRsaPrivateSigningKey,
};
use openidconnect::{
    AdditionalClaims, AuthenticationContextClass, AuthorizationCode, ClientId, ClientSecret,
    CsrfToken, IssuerUrl, Nonce, OAuth2TokenResponse, PkceCodeChallenge, PkceCodeVerifier,
    PostLogoutRedirectUrl, PrivateSigningKey, ProviderMetadataWithLogout, RedirectUrl, Scope,
    TokenResponse, UserInfoClaims,
};
use std::collections::HashMap;
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

/// How long discovery (and the keys it carries) is trusted before it is
/// fetched again; a token signed with an unknown key fetches it at once.
const METADATA_FOR: Duration = Duration::from_secs(3600);

/// The providers' HTTP client and their discovered metadata.
#[derive(Clone)]
pub struct Providers {
    http: reqwest::Client,
    metadata: Arc<RwLock<HashMap<String, (ProviderMetadataWithLogout, Instant)>>>,
}

impl std::fmt::Debug for Providers {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Providers")
    }
}

/// Where to send the person, and what their return must match.
pub struct Authorization {
    pub url: String,
    pub state: String,
    pub pkce_verifier: String,
    pub nonce: String,
}

/// A person the provider vouched for.
#[derive(Debug)]
pub struct Verified {
    pub subject: String,
    pub id_token: String,
    pub given_name: Option<String>,
    pub family_name: Option<String>,
    pub email: Option<String>,
    pub fiscal_code: Option<String>,
}

/// A client built from discovery: the authorization endpoint is known, the
/// token and userinfo endpoints may be.
type Client = CoreClient<
    openidconnect::EndpointSet,
    openidconnect::EndpointNotSet,
    openidconnect::EndpointNotSet,
    openidconnect::EndpointNotSet,
    openidconnect::EndpointMaybeSet,
    openidconnect::EndpointMaybeSet,
>;

/// Claims beyond the standard ones (SPID's `fiscal_number`), by name.
#[derive(Clone, Debug, serde::Deserialize, serde::Serialize)]
struct OtherClaims(HashMap<String, serde_json::Value>);
impl AdditionalClaims for OtherClaims {}

fn failure(kind: SignInFailure, provider: &str, cause: impl std::fmt::Display) -> SignInFailure {
    tracing::warn!(provider, %cause, failure = kind.code(), "sign-in at a provider failed");
    kind
}

impl Providers {
    pub fn new(timeout: Duration) -> Providers {
        let http = reqwest::Client::builder()
            // The flow's redirects are the browser's, never the server's.
            .redirect(reqwest::redirect::Policy::none())
            .timeout(timeout)
            .connect_timeout(timeout)
            .build()
            .unwrap_or_default();
        Providers {
            http,
            metadata: Arc::default(),
        }
    }

    async fn metadata(
        &self,
        p: &ProviderSettings,
        fresh: bool,
    ) -> Result<ProviderMetadataWithLogout, SignInFailure> {
        if !fresh {
            let cached = self
                .metadata
                .read()
                .ok()
                .and_then(|m| m.get(&p.id).cloned());
            if let Some((metadata, _)) = cached.filter(|(_, at)| at.elapsed() < METADATA_FOR) {
                return Ok(metadata);
            }
        }
        let issuer = IssuerUrl::new(p.issuer.clone())
            .map_err(|e| failure(SignInFailure::Unreachable, &p.id, e))?;
        let metadata = ProviderMetadataWithLogout::discover_async(issuer, &self.http)
            .await
            .map_err(|e| failure(SignInFailure::Unreachable, &p.id, e))?;
        if let Ok(mut cache) = self.metadata.write() {
            cache.insert(p.id.clone(), (metadata.clone(), Instant::now()));
        }
        Ok(metadata)
    }

    fn client(
        p: &ProviderSettings,
        metadata: ProviderMetadataWithLogout,
        redirect: &str,
    ) -> Result<Client, SignInFailure> {
        let secret = match &p.auth {
            ClientAuth::Secret(secret) => Some(ClientSecret::new(secret.clone())),
            ClientAuth::PrivateKey { .. } => None,
        };
        let redirect = RedirectUrl::new(redirect.to_string())
            .map_err(|e| failure(SignInFailure::Unreachable, &p.id, e))?;
        Ok(
            CoreClient::from_provider_metadata(
                metadata,
                ClientId::new(p.client_id.clone()),
                secret,
            )
            .set_redirect_uri(redirect),
        )
    }

    pub async fn authorization(
        &self,
        p: &ProviderSettings,
        redirect: &str,
    ) -> Result<Authorization, SignInFailure> {
        let client = Self::client(p, self.metadata(p, false).await?, redirect)?;
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let mut request = client
            .authorize_url(
                CoreAuthenticationFlow::AuthorizationCode,
                CsrfToken::new_random,
                Nonce::new_random,
            )
            .set_pkce_challenge(challenge);
        for scope in p.scopes.iter().filter(|s| *s != "openid") {
            request = request.add_scope(Scope::new(scope.clone()));
        }
        for level in &p.acr_values {
            request =
                request.add_auth_context_value(AuthenticationContextClass::new(level.clone()));
        }
        let (url, state, nonce) = request.url();
        Ok(Authorization {
            url: url.to_string(),
            state: state.secret().clone(),
            pkce_verifier: verifier.secret().clone(),
            nonce: nonce.secret().clone(),
        })
    }

    /// Exchanges the code (PKCE verifier, client authentication), checks the
    /// ID token and its level, then reads userinfo.
    pub async fn complete(
        &self,
        p: &ProviderSettings,
        redirect: &str,
        code: &str,
        pkce_verifier: String,
        nonce: &str,
    ) -> Result<Verified, SignInFailure> {
        let metadata = self.metadata(p, false).await?;
        let client = Self::client(p, metadata.clone(), redirect)?;
        let token_url = metadata
            .token_endpoint()
            .ok_or_else(|| failure(SignInFailure::Unreachable, &p.id, "no token endpoint"))?
            .to_string();
        let mut exchange = client
            .exchange_code(AuthorizationCode::new(code.to_string()))
            .map_err(|e| failure(SignInFailure::Unreachable, &p.id, e))?
            .set_pkce_verifier(PkceCodeVerifier::new(pkce_verifier));
        if let ClientAuth::PrivateKey { pem } = &p.auth {
            let assertion = client_assertion(pem, &p.client_id, &token_url)
                .map_err(|e| failure(SignInFailure::Unreachable, &p.id, e))?;
            exchange = exchange
                .add_extra_param(
                    "client_assertion_type",
                    "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                )
                .add_extra_param("client_assertion", assertion);
        }
        let tokens = exchange.request_async(&self.http).await.map_err(|e| {
            // The provider answered but refused (a used or forged code): not a network fault.
            let kind = match e {
                openidconnect::RequestTokenError::ServerResponse(_) => SignInFailure::TokenInvalid,
                _ => SignInFailure::Unreachable,
            };
            failure(kind, &p.id, e)
        })?;
        let id_token = tokens
            .id_token()
            .ok_or_else(|| failure(SignInFailure::TokenInvalid, &p.id, "no ID token"))?;
        let nonce = Nonce::new(nonce.to_string());
        let (subject, level) = match verify(&client, id_token, &nonce) {
            Ok(found) => found,
            Err(openidconnect::ClaimsVerificationError::SignatureVerification(cause)) => {
                // Perhaps the provider rotated its keys: fetch them once more.
                tracing::info!(provider = p.id, %cause, "ID token signature unknown: refreshing the provider's keys");
                let fresh = Self::client(p, self.metadata(p, true).await?, redirect)?;
                verify(&fresh, id_token, &nonce)
                    .map_err(|e| failure(SignInFailure::TokenInvalid, &p.id, e))?
            }
            Err(e) => return Err(failure(SignInFailure::TokenInvalid, &p.id, e)),
        };
        if !level_satisfies(level.as_deref(), &p.acr_values) {
            return Err(failure(
                SignInFailure::LevelTooLow,
                &p.id,
                format!("acr {level:?} below {:?}", p.acr_values),
            ));
        }
        let userinfo: UserInfoClaims<OtherClaims, CoreGenderClaim> = client
            .user_info(tokens.access_token().clone(), None)
            .map_err(|e| failure(SignInFailure::Unreachable, &p.id, e))?
            .request_async(&self.http)
            .await
            .map_err(|e| failure(SignInFailure::Unreachable, &p.id, e))?;
        if userinfo.subject().as_str() != subject {
            return Err(failure(
                SignInFailure::TokenInvalid,
                &p.id,
                "userinfo names another subject",
            ));
        }
        let claims = &userinfo.additional_claims().0;
        let text = |name: &str| {
            claims
                .get(name)
                .and_then(|v| v.as_str())
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
        };
        let standard = |value: Option<String>, name: &str| value.or_else(|| text(name));
        Ok(Verified {
            subject,
            id_token: id_token.to_string(),
            given_name: standard(
                userinfo
                    .given_name()
                    .and_then(|n| n.get(None))
                    .map(|n| n.to_string()),
                &p.claims.given_name,
            ),
            family_name: standard(
                userinfo
                    .family_name()
                    .and_then(|n| n.get(None))
                    .map(|n| n.to_string()),
                &p.claims.family_name,
            ),
            email: standard(userinfo.email().map(|e| e.to_string()), &p.claims.email),
            fiscal_code: text(&p.claims.fiscal_code),
        })
    }

    /// The provider's end-session address for this ID token, when it has one.
    pub async fn logout_url(
        &self,
        p: &ProviderSettings,
        id_token: &str,
        back_to: &str,
    ) -> Option<String> {
        let metadata = self.metadata(p, false).await.ok()?;
        let end = metadata
            .additional_metadata()
            .end_session_endpoint
            .clone()?;
        let token: CoreIdToken = id_token.parse().ok()?;
        let mut request = openidconnect::LogoutRequest::from(end)
            .set_id_token_hint(&token)
            .set_client_id(ClientId::new(p.client_id.clone()));
        if let Ok(back) = PostLogoutRedirectUrl::new(back_to.to_string()) {
            request = request.set_post_logout_redirect_uri(back);
        }
        Some(request.http_get_url().to_string())
    }
}

/// The ID token's subject and level, once its signature, issuer, audience,
/// expiry and nonce hold.
fn verify(
    client: &Client,
    id_token: &CoreIdToken,
    nonce: &Nonce,
) -> Result<(String, Option<String>), openidconnect::ClaimsVerificationError> {
    let claims = id_token.claims(&client.id_token_verifier(), nonce)?;
    Ok((
        claims.subject().to_string(),
        claims.auth_context_ref().map(|acr| acr.to_string()),
    ))
}

/// `private_key_jwt` (RFC 7523): a short-lived JWT, signed with the portal's
/// key, that proves to the token endpoint who is asking. The signing is the
/// crate's; the crate has no helper for this request parameter.
fn client_assertion(pem: &str, client_id: &str, audience: &str) -> Result<String, String> {
    let key = CoreRsaPrivateSigningKey::from_pem(pem, None)?;
    let now = crate::kernel::clock::now();
    let b64 = base64::engine::general_purpose::URL_SAFE_NO_PAD;
    let header = serde_json::json!({ "alg": "RS256", "typ": "JWT" });
    let claims = serde_json::json!({
        "iss": client_id,
        "sub": client_id,
        "aud": audience,
        "jti": crate::kernel::secrets::new_secret(),
        "iat": now,
        "exp": now + 60,
    });
    let signing_input = format!(
        "{}.{}",
        b64.encode(header.to_string()),
        b64.encode(claims.to_string())
    );
    let signature = key
        .sign(
            &CoreJwsSigningAlgorithm::RsaSsaPkcs1V15Sha256,
            signing_input.as_bytes(),
        )
        .map_err(|e| e.to_string())?;
    Ok(format!("{signing_input}.{}", b64.encode(signature)))
}
