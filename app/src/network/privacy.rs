//! The network's reference data holds nothing about a private person.

use crate::kernel::personal_data::TableRule;

pub const TABLES: &[TableRule] = &[
    TableRule::not_personal("comuni", "ISTAT reference data"),
    TableRule::not_personal(
        "network_comuni",
        "mayors are public office holders, named in the network's published protocol",
    ),
    TableRule::not_personal("member_bodies", "organisations, not people"),
    TableRule::not_personal("desks", "the comuni's desks and their office addresses"),
    TableRule::not_personal("desk_hours", "opening hours"),
];
