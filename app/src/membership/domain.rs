//! Requests to join the network as the browser and the server both see them.

use crate::network::domain::Category;
use serde::{Deserialize, Serialize};

/// The version of the protocol text a request accepts (the one signed in 2025).
pub const PROTOCOL_VERSION: &str = "protocollo-rete-lavoro-2025";

/// The public form, as typed (parsed on the server by `service::parse`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AdhesionInput {
    /// `ente` or `comune`.
    pub kind: String,
    /// A body's name.
    pub name: String,
    /// A body's category code.
    pub category: String,
    /// A comune's slug.
    pub comune: String,
    pub mayor: String,
    pub contact_name: String,
    pub contact_email: String,
    pub contact_phone: String,
    pub reason: String,
    /// `on` when the protocol is accepted.
    pub protocol: String,
}

/// Who asks to join.
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
pub enum AdhesionKind {
    /// A body: agency, union, association, school, training body…
    Ente,
    /// One of the province's comuni not yet in the network.
    Comune,
}

crate::stored_as_code!(AdhesionKind);

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
pub enum AdhesionStatus {
    #[strum(serialize = "in_attesa")]
    Waiting,
    #[strum(serialize = "approvata")]
    Approved,
    #[strum(serialize = "respinta")]
    Rejected,
}

crate::stored_as_code!(AdhesionStatus);

/// A request as the admin reads it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AdhesionRequest {
    pub id: i64,
    pub kind: AdhesionKind,
    pub name: String,
    pub category: Option<Category>,
    pub mayor: Option<String>,
    pub contact_name: String,
    pub contact_email: String,
    pub contact_phone: String,
    pub reason: String,
    pub status: AdhesionStatus,
    pub decision_reason: Option<String>,
    pub created_at: i64,
    pub decided_at: Option<i64>,
}

/// The admin's queue: the requests waiting, and the latest decided.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AdhesionQueue {
    pub waiting: Vec<AdhesionRequest>,
    pub decided: Vec<AdhesionRequest>,
}

/// What the invitation page shows before the account is made.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Invitation {
    pub organisation: String,
    pub email: String,
    pub contact_name: String,
}
