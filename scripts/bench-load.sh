#!/usr/bin/env bash
# A normal search's latency alone, then while four clients send searches at
# their bounds (scripts/bench/maximal-search.lua), with /healthz watched
# throughout: the release server on SQLite with 100k generated offers, wrk
# (Debian's package), 20 s per phase. See BENCHMARKS.md.
source "$(dirname "$0")/bench/prelude.sh"

work="$(mktemp -d)"
trap 'kill "${server_pid:-0}" "${attack_pid:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
export LEPTOS_SITE_ROOT=target/site LEPTOS_OUTPUT_NAME=infolavoro LEPTOS_HASH_FILES=true LEPTOS_SITE_ADDR=127.0.0.1:3100
export DATABASE_URL="sqlite://$work/load.db" RUST_LOG=error
"$CARGO_TARGET_DIR/release/server" gen-demo --offers 100000 >/dev/null
"$CARGO_TARGET_DIR/release/server" & server_pid=$!
for _ in $(seq 1 120); do curl -fs http://127.0.0.1:3100/healthz >/dev/null && break; sleep 1; done
COMUNI="$(python3 -c "import sqlite3,sys; print(' '.join(r[0] for r in sqlite3.connect(sys.argv[1]).execute('SELECT slug FROM comuni ORDER BY slug')))" "$work/load.db")"
export COMUNI
base=http://127.0.0.1:3100
normal="$base/api/search_offers?query%5Bq%5D=magazziniere&query%5Bcomune%5D%5B0%5D=sarzana&query%5Bkm%5D=15"

latency() { # phase name, URL: p50, p99 and max of one client for 20 s
  wrk -t1 -c1 -d20s --latency "$2" | awk -v phase="$1" '
    /^ +50%/ {p50=$2} /^ +99%/ {p99=$2} /^ +Latency +[0-9]/ {max=$4} /requests in/ {n=$1}
    END {printf "%-44s p50 %8s  p99 %8s  max %8s  (%s requests)\n", phase, p50, p99, max, n}'
}

echo "== alone"
latency "normal search" "$normal"
latency "/healthz" "$base/healthz"

echo "== while 4 clients send maximal searches"
wrk -t2 -c4 -d50s -s scripts/bench/maximal-search.lua "$base" > "$work/attack.txt" & attack_pid=$!
sleep 3
latency "normal search" "$normal"
latency "/healthz" "$base/healthz"
wait "$attack_pid"
echo "-- the 4 clients' maximal searches:"
grep -E "Latency|requests in|Non-2xx" "$work/attack.txt"
