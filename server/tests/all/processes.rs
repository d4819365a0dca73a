//! Two real server processes on one PostgreSQL database: what a replica's
//! dashboards see of the other's changes.

use crate::catalogue::course;
use crate::common::{account_with_session, with_state, Engine};
use crate::loopback::{request, start, EventStream};
use app::kernel::access::domain::{AccountStatus, Role};
use std::time::{Duration, Instant};

pub(crate) fn enrolled_in(dashboard_json: &str, id: i64) -> i64 {
    let value: serde_json::Value = serde_json::from_str(dashboard_json).expect(dashboard_json);
    value["activities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == id)
        .map_or(-1, |a| a["enrolled"].as_i64().unwrap())
}

pub async fn two_servers_share_announcements() {
    with_state(Engine::Postgres, |state| async move {
        let url = state.config.database_url.clone();
        let first = start(&url).await;
        let second = start(&url).await;
        assert_ne!(first.pid(), second.pid(), "two processes");
        let id = course(&state, 10, 3 * 86_400, None).await;
        let operator = account_with_session(
            &state,
            Role::Operatore,
            AccountStatus::Attivo,
            "op@esempio.it",
        )
        .await;
        let citizen = account_with_session(
            &state,
            Role::Cittadino,
            AccountStatus::Attivo,
            "anna@esempio.it",
        )
        .await;
        let dashboard = "/api/get_dashboard?filter%5Bperiodo%5D=7&lang=it";

        let mut events = EventStream::open(second.port, &operator).await;
        let (status, before) = request(second.port, "GET", dashboard, Some(&operator), "")
            .await
            .unwrap();
        assert_eq!(status, 200, "{before}");
        assert_eq!(enrolled_in(&before, id), 0);

        let started = Instant::now();
        let (status, body) = request(
            first.port,
            "POST",
            "/api/enrol_activity",
            Some(&citizen),
            &format!("id={id}"),
        )
        .await
        .unwrap();
        assert_eq!(status, 200, "{body}");
        assert!(
            events
                .wait_for("data: enrol_activity", 1, Duration::from_secs(2))
                .await,
            "the second server's dashboard heard of the first's enrolment: {}",
            events.seen
        );
        let heard_after = started.elapsed();
        let (_, after) = request(second.port, "GET", dashboard, Some(&operator), "")
            .await
            .unwrap();
        assert_eq!(enrolled_in(&after, id), 1, "and counts the seat");
        eprintln!("announced across processes in {heard_after:?}");
        drop((first, second));
    })
    .await;
}
