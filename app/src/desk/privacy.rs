//! What the desk stores about a person: their appointments, with the name,
//! contact and notes given when booking. Erasing cancels the appointments
//! still to come (their slots are free again) and empties those fields on
//! all of them; the rest stays, so that the desks' workload is counted.

use crate::db::Tx;
use crate::kernel::personal_data::{erase_rows, TableRule};

/// The fields that say who the person is.
const WHO: &str = "person_name = '', person_contact = '', notes = ''";

pub const TABLES: &[TableRule] = &[
    TableRule::anonymised(
        "appointments",
        "user_id = $1",
        WHO,
        "appuntamenti",
        "the desks' workload (topic, mode, outcome) is counted",
    ),
    TableRule::not_personal(
        "desk_closures",
        "days a desk is closed and why; who closed them is in the audit log",
    ),
];

pub async fn erase_user(tx: &mut Tx, user_id: i64, at: i64) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE appointments SET status = 'annullato' \
         WHERE user_id = $1 AND status = 'prenotato' AND starts_at > $2",
    )
    .bind(user_id)
    .bind(at)
    .execute(&mut **tx)
    .await?;
    erase_rows(tx, TABLES, user_id).await
}

/// Erases a person who booked through the desk (by phone, with no account):
/// every appointment booked for the same contact, and the booking entries
/// of the audit log. Returns how many appointments were erased.
pub async fn erase_booked_person(
    tx: &mut Tx,
    appointment_id: i64,
    at: i64,
) -> Result<u64, sqlx::Error> {
    let contact: Option<String> = sqlx::query_scalar(
        "SELECT person_contact FROM appointments WHERE id = $1 AND user_id IS NULL",
    )
    .bind(appointment_id)
    .fetch_optional(&mut **tx)
    .await?;
    let Some(contact) = contact.filter(|c| !c.is_empty()) else {
        return Ok(0);
    };
    let theirs = "user_id IS NULL AND person_contact = $1";
    sqlx::query(&format!(
        "UPDATE audit_log SET detail = '' WHERE action = 'appuntamento_prenotato' \
         AND subject_id IN (SELECT id FROM appointments WHERE {theirs})"
    ))
    .bind(&contact)
    .execute(&mut **tx)
    .await?;
    sqlx::query(&format!(
        "UPDATE appointments SET status = 'annullato' \
         WHERE {theirs} AND status = 'prenotato' AND starts_at > $2"
    ))
    .bind(&contact)
    .bind(at)
    .execute(&mut **tx)
    .await?;
    Ok(
        sqlx::query(&format!("UPDATE appointments SET {WHO} WHERE {theirs}"))
            .bind(&contact)
            .execute(&mut **tx)
            .await?
            .rows_affected(),
    )
}
