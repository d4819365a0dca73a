//! The server's integration tests, in one test binary: every module builds
//! whole servers on real databases (a fresh SQLite file and a fresh
//! PostgreSQL database per test), and one binary links the server once
//! instead of once per file. `cargo nextest` still runs each test in its
//! own process.

#[macro_use]
mod common;
#[path = "../loopback/mod.rs"]
mod loopback;

mod abuse;
mod accounts;
mod applications;
mod authorization;
mod backups;
mod balancer;
mod candidates;
mod catalogue;
mod cv;
mod cv_europass;
mod data_layer;
mod desk;
mod desk_help;
mod findable;
mod http;
mod identity;
mod layers;
mod letters;
mod limits;
mod membership;
mod metrics;
mod offers;
mod orientation;
mod outbox;
mod page_cache;
mod privacy;
mod processes;
mod retention;
mod schema;
mod staff;
mod translations;
mod without_js;
