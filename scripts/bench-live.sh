#!/usr/bin/env bash
# 500 staff dashboards on one server process: p50/p99 from a change to its
# arrival at the dashboards, and the server's memory per connection
# (server/benches/live.rs; see BENCHMARKS.md).
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/infolavoro/target}"
scripts/setup.sh
exec cargo bench -p server --bench live
