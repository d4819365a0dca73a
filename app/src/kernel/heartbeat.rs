//! Background workers say when a round went well, as
//! `worker_last_success_timestamp_seconds{worker}` in `/metrics`: a worker
//! that keeps failing, or hangs, shows as a time that stops moving.

pub fn round_succeeded(worker: &'static str) {
    metrics::gauge!("worker_last_success_timestamp_seconds", "worker" => worker)
        .set(crate::kernel::clock::now() as f64);
}
