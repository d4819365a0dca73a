//! Erasure in one transaction across the features, and the archive.

use crate::error::AppError;
use crate::kernel::access::domain::SessionUser;
use crate::kernel::clock::now;
use crate::kernel::personal_data::{export_rows, ExportedFile, TableRule};
use crate::state::AppState;
use crate::{accounts, applications, candidates, catalogue, cv, desk, membership, network};
use crate::{offers, orientation};
use std::io::Write;

/// sqlx's own table.
const MIGRATIONS: &[TableRule] = &[TableRule::not_personal(
    "_sqlx_migrations",
    "the schema's history",
)];

/// Every table of the schema with its rule, in erasure order: the features
/// whose erasure reads the person's email or account before accounts,
/// which empties them, last.
pub fn all_tables() -> Vec<TableRule> {
    [
        network::privacy::TABLES,
        catalogue::privacy::TABLES,
        desk::privacy::TABLES,
        applications::privacy::TABLES,
        candidates::privacy::TABLES,
        cv::privacy::TABLES,
        offers::privacy::TABLES,
        orientation::privacy::TABLES,
        membership::privacy::TABLES,
        accounts::privacy::TABLES,
        MIGRATIONS,
    ]
    .concat()
}

/// Erases everything the portal holds about a person, with its
/// consequences, in one transaction: their seats go to the people waiting
/// (who are emailed), their future appointments are cancelled, their calendar
/// feed stops, their offers are withdrawn; what stays for statistics keeps
/// nothing that names them.
pub async fn erase_person(state: &AppState, user_id: i64) -> Result<(), AppError> {
    let at = now();
    let url = &state.config.public_url;
    let mut tx = state.db.begin_write().await?;
    catalogue::privacy::erase_user(&mut tx, &state.db, url, user_id, at).await?;
    desk::privacy::erase_user(&mut tx, user_id, at).await?;
    applications::privacy::erase_user(&mut tx, user_id).await?;
    candidates::privacy::erase_user(&mut tx, user_id).await?;
    cv::privacy::erase_user(&mut tx, user_id).await?;
    let withdrawn = offers::privacy::erase_user(&mut tx, user_id, at).await?;
    orientation::privacy::erase_user(&mut tx, user_id).await?;
    membership::privacy::erase_user(&mut tx, user_id).await?;
    accounts::privacy::erase_user(&mut tx, user_id, at).await?;
    tx.commit().await?;
    for id in withdrawn {
        state.offers.refresh(&state.db, id).await?;
    }
    // Their profile leaves the businesses' search at once.
    state.candidates.prune(&state.db).await?;
    state.mail_wakeup.notify_one();
    tracing::info!(user_id, "account erased");
    Ok(())
}

/// What a person downloads: `dati.json` with every table's rows about them,
/// binary values (photos) beside it, and each CV as PDF and JSON Resume.
pub async fn export_archive(state: &AppState, user: &SessionUser) -> Result<Vec<u8>, AppError> {
    let mut files = Vec::new();
    let mut data = serde_json::Map::new();
    data.insert(
        "generato_il".into(),
        crate::kernel::dates::italian_datetime(now()).into(),
    );
    for rule in all_tables() {
        if let Some((section, _)) = rule.export() {
            let rows = export_rows(&state.db, &rule, user.id, &mut files).await?;
            data.insert(section.into(), rows.into());
        }
    }
    let json = serde_json::to_vec_pretty(&data).map_err(|error| {
        tracing::error!(%error, "the export could not be written");
        AppError::Internal
    })?;
    files.insert(
        0,
        ExportedFile {
            path: "dati.json".into(),
            bytes: json,
        },
    );
    files.extend(cv_files(state, user).await?);
    zip(files)
}

/// Each CV as its JSON Resume and its PDF. A PDF that cannot be made is
/// replaced by a note, so the rest of the archive still arrives.
async fn cv_files(state: &AppState, user: &SessionUser) -> Result<Vec<ExportedFile>, AppError> {
    let mut files = Vec::new();
    for summary in cv::repo::list(&state.db, user.id).await? {
        let id = summary.id;
        let (_, json) = cv::service::json(state, user, id).await?;
        files.push(ExportedFile {
            path: format!("cv/{id}.json"),
            bytes: json,
        });
        let template = cv::domain::Template::Europass;
        match cv::service::pdf(state, user, id, template).await {
            Ok((_, pdf)) => files.push(ExportedFile {
                path: format!("cv/{id}.pdf"),
                bytes: pdf,
            }),
            Err(error) => files.push(ExportedFile {
                path: format!("cv/{id}-pdf-non-disponibile.txt"),
                bytes: error.user_message().into_bytes(),
            }),
        }
    }
    Ok(files)
}

fn zip(files: Vec<ExportedFile>) -> Result<Vec<u8>, AppError> {
    let failed = |error: &dyn std::fmt::Display| {
        tracing::error!(%error, "the export archive could not be written");
        AppError::Internal
    };
    let mut archive = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    for file in files {
        archive
            .start_file(file.path, options)
            .map_err(|e| failed(&e))?;
        archive.write_all(&file.bytes).map_err(|e| failed(&e))?;
    }
    Ok(archive.finish().map_err(|e| failed(&e))?.into_inner())
}
