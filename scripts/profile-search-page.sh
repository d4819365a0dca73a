#!/usr/bin/env bash
# Where the server-rendered search page's time goes (issue 21, BENCHMARKS.md):
# the release server on SQLite with 100,000 generated offers renders
# `/offerte?q=magazziniere&comune=sarzana&km=15` for each request (a refused
# form's cookie keeps the page microcache out) under `wrk -t1 -c16`, while
# `perf record` samples its stacks; inferno draws the flame graph into
# benchmarks/search-page.svg. Needs perf (Debian's linux-perf) and
# `cargo install inferno`.
source "$(dirname "$0")/bench/prelude.sh"
sudo_=""; [ "$(id -u)" = 0 ] || sudo_=sudo
command -v perf >/dev/null || { $sudo_ apt-get update -qq && $sudo_ apt-get install -y -qq linux-perf >/dev/null; }
command -v inferno-flamegraph >/dev/null || cargo install inferno --locked
work="$(mktemp -d)"
trap 'kill "${server_pid:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
export LEPTOS_SITE_ROOT=target/site LEPTOS_OUTPUT_NAME=infolavoro LEPTOS_HASH_FILES=true \
  LEPTOS_SITE_ADDR=127.0.0.1:3300 RUST_LOG=warn DATABASE_URL="sqlite://$work/profile.db"
server="$CARGO_TARGET_DIR/release/server"
"$server" gen-demo --offers 100000 >/dev/null
"$server" & server_pid=$!
until curl -fs http://127.0.0.1:3300/healthz >/dev/null; do sleep 0.2; done
page="http://127.0.0.1:3300/offerte?q=magazziniere&comune=sarzana&km=15"
wrk -t1 -c16 -d15s -H "Cookie: infolavoro_modulo=x" "$page" >"$work/wrk.txt" &
wrk_pid=$!
sleep 3
perf record -F 299 --call-graph dwarf,32768 -p "$server_pid" -o "$work/perf.data" -- sleep 8 2>/dev/null
wait "$wrk_pid"
grep -E "Requests/sec|Latency" "$work/wrk.txt"
mkdir -p benchmarks
# --no-inline: resolving inlined frames through addr2line took perf over ten
# minutes for these samples.
perf script --no-inline -i "$work/perf.data" 2>/dev/null | inferno-collapse-perf >"$work/folded.txt"
inferno-flamegraph --title "/offerte rendered for each request, 100k offers (perf, $(date +%F))" \
  --width 1600 --minwidth 1 <"$work/folded.txt" >benchmarks/search-page.svg
echo "benchmarks/search-page.svg written"
