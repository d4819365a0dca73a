#!/usr/bin/env bash
# From a province to a region (issue 21, BENCHMARKS.md): for each size (10k,
# 100k and 1M offers, with a fifth as many CV profiles, spread over Liguria's
# 234 comuni by `gen-demo --region`) on a fresh SQLite file, the release
# server's
# - generation time (`gen-demo`),
# - start-up: from launch to the first answer of /healthz (the indexes load
#   before the server listens),
# - resident memory once ready, its peak, and again after 20 s of load on the
#   search page (rendered for each request) and 10 s of rest,
# - p50 / p99 of the four benchmark queries of `search_offers`, one client
#   after another (wrk, one connection, 10 s each; its latency includes HTTP).
# Sizes: SCALE_SIZES="10000 100000 1000000" (the default). SCALE_COMUNI=province
# keeps to the province's 32 comuni. SCALE_KEEP=DIR keeps each generated
# database in DIR and uses it again on the next run (same size and comuni).
source "$(dirname "$0")/bench/prelude.sh"
server="$CARGO_TARGET_DIR/release/server"
work="$(mktemp -d)"
trap 'kill "${server_pid:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
region=--region
[ "${SCALE_COMUNI:-region}" = province ] && region=
keep="${SCALE_KEEP:-$work}"
mkdir -p "$keep"
export LEPTOS_SITE_ROOT=target/site LEPTOS_OUTPUT_NAME=infolavoro LEPTOS_HASH_FILES=true \
  LEPTOS_SITE_ADDR=127.0.0.1:3200 RUST_LOG=warn
base=http://127.0.0.1:3200
# The same four queries as server/benches/search.rs.
queries=(
  "common term|query%5Bq%5D=addetto"
  "rare term|query%5Bq%5D=pasticcere"
  "comune + 15 km|query%5Bcomune%5D%5B0%5D=sarzana&query%5Bkm%5D=15"
  "filters only|query%5Btipo%5D=lavoro&query%5Bcontratto%5D=determinato&query%5Borario%5D=pieno&query%5Bentro%5D=30"
)
mb() { awk -v k="$1" '$1 == k":" { printf "%.0f", $2 / 1024 }' "/proc/$server_pid/status"; }
# wrk's latency line for a percentile, in milliseconds.
percentile() {
  awk -v p="$1" '$1 == p {
    v = $2; u = v; gsub(/[0-9.]/, "", u); sub(/[a-z]+$/, "", v)
    if (u == "us") v /= 1000; else if (u == "s") v *= 1000
    printf "%.2f", v }' "$2"
}

for n in ${SCALE_SIZES:-10000 100000 1000000}; do
  profiles=$((n / 5))
  db="$keep/scale-$n${region:+-region}.db"
  export DATABASE_URL="sqlite://$db"
  generated="(kept from an earlier run)"
  if [ ! -f "$db" ]; then
    started=$(date +%s.%N)
    "$server" gen-demo --offers "$n" --profiles "$profiles" $region >/dev/null
    generated="$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.0f", b - a }') s"
  fi
  started=$(date +%s.%N)
  "$server" >"$work/server-$n.log" 2>&1 &
  server_pid=$!
  until curl -fs "$base/healthz" >/dev/null; do
    kill -0 "$server_pid" 2>/dev/null || { cat "$work/server-$n.log"; exit 1; }
    sleep 0.1
  done
  ready=$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
  echo "== $n offers, $profiles profiles: generated in $generated, ready in $ready s"
  echo "   resident once ready: $(mb VmRSS) MB (peak while loading $(mb VmHWM) MB)"
  # The syncs read again every row changed in their last 5 seconds; right
  # after gen-demo that can be every profile, read and parsed each second.
  # The queries are timed once that overlap is past.
  sleep 6
  for q in "${queries[@]}"; do
    name="${q%%|*}"
    wrk -t1 -c1 -d10s --latency "$base/api/search_offers?${q#*|}" >"$work/wrk.txt"
    echo "   $name: p50 $(percentile 50% "$work/wrk.txt") ms, p99 $(percentile 99% "$work/wrk.txt") ms"
  done
  # Rendered for each request (the cookie keeps the microcache out).
  wrk -t2 -c64 -d20s -H "Cookie: infolavoro_modulo=x" "$base/offerte?q=magazziniere&comune=sarzana&km=15" >"$work/load.txt"
  echo "   the search page rendered at 64 connections: $(awk '/Requests\/sec/ { print $2 }' "$work/load.txt") requests/s; resident right after: $(mb VmRSS) MB"
  sleep 10
  echo "   resident after 10 s of rest: $(mb VmRSS) MB"
  kill "$server_pid"; wait "$server_pid" 2>/dev/null || true
  [ -n "${SCALE_KEEP:-}" ] || rm -f "$db"*
done
