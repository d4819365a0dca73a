#!/usr/bin/env bash
# Requests a second the release server answers on 2 cores, measured in one
# run with wrk (Debian's package, -t2 -c64 -d10s, the client on the same
# machine): /healthz, the site's stylesheet, /rete, the offers' search as
# JSON and as the server-rendered page (from the microcache, and rendered
# for each request), with 100k generated offers on
# SQLite; then the server's resident memory. See BENCHMARKS.md.
source "$(dirname "$0")/bench/prelude.sh"

work="$(mktemp -d)"
trap 'kill "${server_pid:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
export LEPTOS_SITE_ROOT=target/site LEPTOS_OUTPUT_NAME=infolavoro LEPTOS_HASH_FILES=true LEPTOS_SITE_ADDR=127.0.0.1:3100
export DATABASE_URL="sqlite://$work/load.db" RUST_LOG=error BACKUP_EVERY=off
"$CARGO_TARGET_DIR/release/server" gen-demo --offers 100000 >/dev/null
# hash.txt beside the binary names the hashed assets.
"$CARGO_TARGET_DIR/release/server" & server_pid=$!
base=http://127.0.0.1:3100
for _ in $(seq 1 120); do curl -fs "$base/healthz" >/dev/null && break; sleep 1; done
stylesheet="$(curl -fs "$base/rete" | grep -o '/pkg/[^"]*\.css' | head -1)"

rate() { # name, URL, extra wrk arguments: requests a second
  local out
  out="$(wrk -t2 -c64 -d10s "${@:3}" "$2")"
  printf '%-44s %10s requests/s\n' "$1" "$(awk '/Requests\/sec/ {print $2}' <<<"$out")"
}

rate "/healthz" "$base/healthz"
rate "the stylesheet" "$base$stylesheet"
rate "the stylesheet, brotli" "$base$stylesheet" -H "Accept-Encoding: br"
rate "/rete" "$base/rete"
rate "search_offers (JSON)" "$base/api/search_offers?query%5Bq%5D=magazziniere&query%5Bcomune%5D%5B0%5D=sarzana&query%5Bkm%5D=15"
rate "/offerte?q=magazziniere&comune=sarzana&km=15" "$base/offerte?q=magazziniere&comune=sarzana&km=15"
# The same page rendered for every request: a refused form's cookie keeps
# it out of the microcache (server/src/page_cache.rs), as a session would.
rate "the same, rendered each time (no microcache)" "$base/offerte?q=magazziniere&comune=sarzana&km=15" -H "Cookie: infolavoro_modulo=x"
printf '%-44s %10s MB\n' "resident memory after the runs" "$(( $(awk '/VmRSS/ {print $2}' "/proc/$server_pid/status") / 1024 ))"
