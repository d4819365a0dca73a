#!/usr/bin/env bash
# 500 simultaneous enrolments into a course of 20 seats, on SQLite and on the
# local PostgreSQL (criterion; medians in the output). See BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/infolavoro/target}"
exec cargo bench -p server --bench enrolment -- --noplot "$@"
