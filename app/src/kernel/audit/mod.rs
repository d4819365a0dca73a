//! The audit log of staff actions: who acted (an account id), on what (an
//! id and its kind), the act as a code and the reason given. Names are never
//! stored here: the log reads them from the accounts and objects when it is
//! shown, so erasing a person leaves nothing personal in it.

use crate::kernel::access::domain::Role;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
pub mod repo;

crate::code_list! {
    /// What was done. Codes are Italian, one per kind of act, and every one
    /// is in the log's filter (`AUDIT_ACTIONS`).
    pub enum AuditAction in AUDIT_ACTIONS {
        OfferPublished = "offerta_pubblicata" => audit.offer_published,
        OfferApproved = "offerta_approvata" => audit.offer_approved,
        OfferRejected = "offerta_respinta" => audit.offer_rejected,
        QueueViewed = "consultazione_verifiche" => audit.queue_viewed,
        AccountApproved = "verifica_approvata" => audit.account_approved,
        AccountRejected = "verifica_respinta" => audit.account_rejected,
        AdhesionApproved = "adesione_approvata" => audit.adhesion_approved,
        AdhesionRejected = "adesione_respinta" => audit.adhesion_rejected,
        InvitationAccepted = "invito_accettato" => audit.invitation_accepted,
        ActivityCreated = "attivita_creata" => audit.activity_created,
        ActivitySentToReview = "attivita_in_revisione" => audit.activity_sent_to_review,
        ActivityPublished = "attivita_pubblicata" => audit.activity_published,
        ActivityClosed = "attivita_chiusa" => audit.activity_closed,
        ActivityCancelled = "attivita_annullata" => audit.activity_cancelled,
        ActivityApproved = "attivita_approvata" => audit.activity_approved,
        ActivityRejected = "attivita_respinta" => audit.activity_rejected,
        ReviewOn = "premoderazione_attivata" => audit.review_on,
        ReviewOff = "premoderazione_disattivata" => audit.review_off,
        AppointmentBooked = "appuntamento_prenotato" => audit.appointment_booked,
        CallerErased = "dati_persona_cancellati" => audit.caller_erased,
        DeskHours = "orari_sportello" => audit.desk_hours,
        DeskClosed = "sportello_chiuso" => audit.desk_closed,
        DeskReopened = "sportello_riaperto" => audit.desk_reopened,
        OrientationRule = "regola_orientamento" => audit.orientation_rule,
    }
}

/// What an act is about, and so where the log links to.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    strum::EnumString,
    strum::IntoStaticStr,
)]
#[strum(serialize_all = "snake_case")]
pub enum SubjectKind {
    Offerta,
    Account,
    Adesione,
    Attivita,
    Sportello,
    Appuntamento,
    Regola,
    Nessuno,
}

crate::stored_as_code!(SubjectKind);

impl AuditAction {
    pub fn subject(self) -> SubjectKind {
        use AuditAction::*;
        match self {
            OfferPublished | OfferApproved | OfferRejected => SubjectKind::Offerta,
            AccountApproved | AccountRejected => SubjectKind::Account,
            AdhesionApproved | AdhesionRejected | InvitationAccepted => SubjectKind::Adesione,
            ActivityCreated | ActivitySentToReview | ActivityPublished | ActivityClosed
            | ActivityCancelled | ActivityApproved | ActivityRejected => SubjectKind::Attivita,
            DeskHours | DeskClosed | DeskReopened => SubjectKind::Sportello,
            AppointmentBooked | CallerErased => SubjectKind::Appuntamento,
            OrientationRule => SubjectKind::Regola,
            QueueViewed | ReviewOn | ReviewOff => SubjectKind::Nessuno,
        }
    }
}

impl SubjectKind {
    pub fn label(self) -> crate::kernel::labels::Label {
        use crate::i18n::td_string;
        match self {
            SubjectKind::Offerta => |l| td_string!(l, audit.subject_offer),
            SubjectKind::Account => |l| td_string!(l, audit.subject_account),
            SubjectKind::Adesione => |l| td_string!(l, audit.subject_adhesion),
            SubjectKind::Attivita => |l| td_string!(l, audit.subject_activity),
            SubjectKind::Sportello => |l| td_string!(l, audit.subject_desk),
            SubjectKind::Appuntamento => |l| td_string!(l, audit.subject_appointment),
            SubjectKind::Regola => |l| td_string!(l, audit.subject_rule),
            SubjectKind::Nessuno => |_| "",
        }
    }

    /// The staff page where the object can be seen.
    pub fn href(self, id: i64) -> Option<String> {
        Some(match self {
            SubjectKind::Offerta => format!("/offerte/{id}"),
            SubjectKind::Account => "/staff/verifiche".into(),
            SubjectKind::Adesione => "/staff/adesioni".into(),
            SubjectKind::Attivita => format!("/organizza/{id}"),
            SubjectKind::Sportello | SubjectKind::Appuntamento => "/staff/agenda".into(),
            SubjectKind::Regola => "/staff/orientamento".into(),
            SubjectKind::Nessuno => return None,
        })
    }
}

/// One act in the log as staff read it: the names are read when the log is
/// shown (`None` once the account or the object is gone).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct AuditEntry {
    pub at: i64,
    pub actor_id: Option<i64>,
    pub actor_name: Option<String>,
    pub actor_role: Option<Role>,
    pub action: AuditAction,
    pub subject_kind: SubjectKind,
    pub subject_id: Option<i64>,
    pub subject_name: Option<String>,
    pub detail: String,
}

/// Which acts to show: one kind, one person acting, and a period (Unix
/// seconds: from the first day's midnight, until the midnight after the last).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AuditFilter {
    pub action: Option<AuditAction>,
    pub actor_id: Option<i64>,
    pub from: Option<i64>,
    pub until: Option<i64>,
}

/// The log shown on the page stops here; the CSV goes further.
pub const PAGE_ROWS: i64 = 500;
/// The most rows one CSV download holds: a year of a busy network.
pub const CSV_ROWS: i64 = 50_000;
