//! A count of the changes this process knows of to what pages show: a page
//! kept from before the count last grew is stale (the server's microcache).
//!
//! It grows at every request that may write (the server's middleware) and
//! wherever the data layer takes in a change it did not make through a
//! request: a search index's sync applying rows that another process, a
//! worker or a statement changed. Process-wide, like the heartbeats: there is
//! one server state per process.

use std::sync::atomic::{AtomicU64, Ordering};

static GENERATION: AtomicU64 = AtomicU64::new(0);

/// Something pages show may have changed.
pub fn changed() {
    GENERATION.fetch_add(1, Ordering::AcqRel);
}

/// The count now: equal to an earlier reading when nothing changed since.
pub fn generation() -> u64 {
    GENERATION.load(Ordering::Acquire)
}
