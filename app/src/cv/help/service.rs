//! Desk help's flows: the citizen gives and takes back the permission; the
//! operator uses its code; the CV's server functions ask `owner_for` whose
//! CV an operator may reach, and `record_change` logs what they saved.

use super::domain::{Assisted, AssistedCitizen, MyDeskHelp, CODE_MINUTES};
use super::repo;
use crate::cv::domain::CvDocument;
use crate::db::Tx;
use crate::error::AppError;
use crate::kernel::access::domain::{Role, SessionUser};
use crate::kernel::clock::now;
use crate::state::AppState;
use rand::Rng as _;

/// Letters and digits nobody mistakes for another when read aloud or
/// written down (no 0/O, 1/I, 2/Z, 5/S, 8/B).
const ALPHABET: &[u8] = b"ACDEFGHJKLMNPQRTUVWXY34679";
const CODE_LENGTH: usize = 8;

/// A new code, "KMRT-4XQ7": 26⁸ (about 2·10¹¹) possibilities, usable for
/// 15 minutes, once, and only by a signed-in operator.
fn new_code() -> String {
    let mut rng = rand::rng();
    let chars: String = (0..CODE_LENGTH)
        .map(|_| char::from(ALPHABET[rng.random_range(0..ALPHABET.len())]))
        .collect();
    format!("{}-{}", &chars[..4], &chars[4..])
}

/// The code as typed ("kmrt 4xq7", "KMRT-4XQ7") in its stored form.
pub fn parse_code(typed: &str) -> Result<String, AppError> {
    let chars: String = typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| c.to_ascii_uppercase())
        .collect();
    if chars.len() != CODE_LENGTH || !chars.bytes().all(|b| ALPHABET.contains(&b)) {
        return Err(crate::invalid!("code", the_help_code_has_eight_characters));
    }
    Ok(format!("{}-{}", &chars[..4], &chars[4..]))
}

pub async fn grant(state: &AppState, citizen: &SessionUser) -> Result<(), AppError> {
    let mut tx = state.db.begin_write().await?;
    repo::grant(&mut tx, citizen.id, &new_code()).await?;
    tx.commit().await?;
    Ok(())
}

pub async fn revoke(state: &AppState, citizen: &SessionUser) -> Result<(), AppError> {
    let mut tx = state.db.begin_write().await?;
    repo::revoke(&mut tx, citizen.id).await?;
    tx.commit().await?;
    Ok(())
}

/// The citizen's running permission; a code nobody used in time is gone.
pub async fn mine(state: &AppState, citizen: &SessionUser) -> Result<Option<MyDeskHelp>, AppError> {
    let Some(running) = repo::running(&state.db, citizen.id).await? else {
        return Ok(None);
    };
    let code_alive = running.created_at > now() - CODE_MINUTES * 60;
    if running.operator.is_none() && !code_alive {
        return Ok(None);
    }
    Ok(Some(MyDeskHelp {
        code: running.code.filter(|_| code_alive),
        operator: running.operator,
        until: running.expires_at,
    }))
}

/// The operator uses the code the citizen read out.
pub async fn claim(state: &AppState, operator: &SessionUser, code: &str) -> Result<(), AppError> {
    let code = parse_code(code)?;
    let mut tx = state.db.begin_write().await?;
    let citizen = repo::claim(&mut tx, operator.id, &code).await?;
    tx.commit().await?;
    citizen
        .map(|_| ())
        .ok_or_else(|| crate::invalid!("code", this_help_code_is_not_valid))
}

/// The people the operator is helping now, with their CVs.
pub async fn helped(
    state: &AppState,
    operator: &SessionUser,
) -> Result<Vec<AssistedCitizen>, AppError> {
    let mut all = Vec::new();
    for (citizen, name, until) in repo::helped_by(&state.db, operator.id).await? {
        let cvs = crate::cv::repo::list(&state.db, citizen)
            .await?
            .into_iter()
            .map(|c| (c.id, c.name))
            .collect();
        all.push(AssistedCitizen { name, until, cvs });
    }
    Ok(all)
}

/// Whose CV `cv` is for `user`: their own for a citizen; for a desk
/// operator, its owner's while the owner lets them help (then also said to
/// them), else 403 (404 when there is no such CV). Nobody else reaches a CV.
pub async fn owner_for(
    state: &AppState,
    user: &SessionUser,
    cv: i64,
) -> Result<(i64, Option<Assisted>), AppError> {
    match user.role {
        Role::Cittadino => Ok((user.id, None)),
        Role::Operatore | Role::Admin => match repo::owner_for(&state.db, user.id, cv).await? {
            Some((owner, owner_name, until)) => Ok((owner, Some(Assisted { owner_name, until }))),
            None if repo::cv_exists(&state.db, cv).await? => Err(AppError::Forbidden.with_status()),
            None => Err(AppError::NotFound.with_status()),
        },
        _ => Err(AppError::Forbidden.with_status()),
    }
}

/// The wizard's steps (1–8) whose parts differ between two versions.
pub fn changed_steps(before: &CvDocument, after: &CvDocument) -> Vec<u8> {
    let (Ok(serde_json::Value::Object(before)), Ok(serde_json::Value::Object(after))) =
        (serde_json::to_value(before), serde_json::to_value(after))
    else {
        return Vec::new();
    };
    let mut steps: Vec<u8> = after
        .iter()
        .filter(|(key, value)| before.get(*key) != Some(*value))
        .filter_map(|(key, _)| u8::try_from(crate::cv::checks::step_of(key)).ok())
        .collect();
    steps.sort_unstable();
    steps.dedup();
    steps
}

/// Logs what an operator changed in someone's CV, for its owner to read.
pub async fn record_change(
    tx: &mut Tx,
    operator: &SessionUser,
    owner: i64,
    cv: i64,
    before: &CvDocument,
    after: &CvDocument,
) -> Result<(), AppError> {
    let steps = changed_steps(before, after);
    if !steps.is_empty() {
        repo::log_change(tx, cv, owner, operator.id, &steps).await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_read_back_however_they_are_typed() {
        let code = new_code();
        assert_eq!(code.len(), 9);
        assert_eq!(
            parse_code(&code.to_lowercase().replace('-', " ")).unwrap(),
            code
        );
        assert!(parse_code("KMRT-4XQ").is_err());
        assert!(parse_code("KMRT-4XQ0").is_err(), "0 is not in the alphabet");
        assert!(parse_code(&"A".repeat(400)).is_err());
    }

    #[test]
    fn a_change_names_the_steps_it_touched() {
        let before = crate::cv::sample::complete();
        let mut after = before.clone();
        after.experience[0].role = "Magazziniera".into();
        after.languages.clear();
        assert_eq!(changed_steps(&before, &after), vec![3, 5]);
        assert!(changed_steps(&before, &before).is_empty());
    }
}
