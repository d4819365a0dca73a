#!/usr/bin/env bash
# The businesses' search of candidates at 50,000 profiles on SQLite and
# PostgreSQL (see BENCHMARKS.md).
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/infolavoro/target}"
scripts/setup.sh
cargo bench -p server --bench candidates
