#!/usr/bin/env bash
# The offers' search (see BENCHMARKS.md):
# 1. p50/p99 of the `search_offers` server function at 1k, 10k and 100k
#    offers on SQLite and PostgreSQL, four kinds of query (server/benches/search.rs);
# 2. requests per second of the server-rendered `/offerte` page at 64
#    connections with wrk (Debian's package), 100k offers, on each engine.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/infolavoro/target}"
scripts/setup.sh
command -v wrk >/dev/null || { sudo_=""; [ "$(id -u)" = 0 ] || sudo_=sudo; $sudo_ apt-get update -qq && $sudo_ apt-get install -y -qq wrk >/dev/null; }

echo "== search_offers, in process over the router"
cargo bench -p server --bench search

echo "== /offerte at 64 connections (wrk, 20 s per engine)"
cargo leptos build --release --precompress --split >/dev/null
work="$(mktemp -d)"
trap 'kill "${server_pid:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
export LEPTOS_SITE_ROOT=target/site LEPTOS_OUTPUT_NAME=infolavoro LEPTOS_HASH_FILES=true LEPTOS_SITE_ADDR=127.0.0.1:3100
psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS infolavoro_bench_page WITH (FORCE)" -c "CREATE DATABASE infolavoro_bench_page" postgres
for url in "sqlite://$work/page.db" "postgres://postgres@127.0.0.1:5432/infolavoro_bench_page"; do
  echo "-- ${url%%:*}"
  DATABASE_URL="$url" "$CARGO_TARGET_DIR/release/server" gen-demo --offers 100000
  DATABASE_URL="$url" RUST_LOG=warn "$CARGO_TARGET_DIR/release/server" & server_pid=$!
  for _ in $(seq 1 60); do curl -fs http://127.0.0.1:3100/healthz >/dev/null && break; sleep 1; done
  wrk -t2 -c64 -d20s "http://127.0.0.1:3100/offerte?q=magazziniere&comune=sarzana&km=15"
  kill "$server_pid"; wait "$server_pid" 2>/dev/null || true
done
psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS infolavoro_bench_page WITH (FORCE)" postgres
