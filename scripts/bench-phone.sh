#!/usr/bin/env bash
# The public pages on a cheap phone (end2end/perf/phone.mjs): Debian's
# Chromium at 360 px, CPU 4× slower, 150 ms / 1.6 Mbps, cold cache, median
# of three, against the release build with the demo content on SQLite.
# See BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/infolavoro/target}"
scripts/setup.sh --tests
cargo leptos build --release --precompress --split >/dev/null

work="$(mktemp -d)"
trap 'kill "${server_pid:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
export LEPTOS_SITE_ROOT=target/site LEPTOS_SITE_PKG_DIR=pkg LEPTOS_OUTPUT_NAME=infolavoro LEPTOS_HASH_FILES=true \
  LEPTOS_SITE_ADDR=127.0.0.1:3100 LEPTOS_ENV=PROD
export DATABASE_URL="sqlite://$work/phone.db" RUST_LOG=error BACKUP_EVERY=off DEMO_CONTENT=1
"$CARGO_TARGET_DIR/release/server" & server_pid=$!
base=http://127.0.0.1:3100
for _ in $(seq 1 120); do curl -fs "$base/healthz" >/dev/null && break; sleep 1; done
offer="$(curl -fs "$base/offerte" | grep -o 'href="/offerte/[0-9]*"' | head -1 | cut -d'"' -f2)"
course="$(curl -fs "$base/corsi" | grep -o 'href="/corsi/[0-9]*"' | head -1 | cut -d'"' -f2)"
node end2end/perf/phone.mjs "$base" / /offerte "$offer" /corsi "$course" /rete /orientamento /sportelli /comuni
