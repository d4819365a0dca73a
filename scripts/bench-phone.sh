#!/usr/bin/env bash
# The public pages and the CV wizard on a cheap phone (end2end/perf/phone.mjs): Debian's
# Chromium at 360 px, CPU 4× slower, 150 ms / 1.6 Mbps, cold cache, median
# of three, against the release build with the demo content on SQLite; then
# Lighthouse's mobile performance score of the same pages, median of three
# (end2end/perf/lighthouse.mjs; Lighthouse from npm, installed once into the
# cache folder, not into the tests' packages). See BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/infolavoro/target}"
scripts/setup.sh --tests
cargo leptos build --release --precompress --split >/dev/null

base=http://127.0.0.1:3100
work="$(mktemp -d)"
trap 'kill "${server_pid:-0}" "${oidc_pid:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
# The CV wizard is timed for a citizen who signed in with SPID at the test
# OpenID provider, as in the Playwright suite (scripts/test.sh).
node end2end/oidc/provider.mjs --port 4455 --rp "$base" >"$work/oidc.log" 2>&1 & oidc_pid=$!
for _ in $(seq 1 30); do grep -q READY "$work/oidc.log" && break; sleep 1; done
export OIDC_PROVIDERS=spid OIDC_SPID_ISSUER=http://127.0.0.1:4455 OIDC_SPID_CLIENT_ID=infolavoro \
  OIDC_SPID_KEY_FILE=end2end/oidc/rp-test-key.pem
export LEPTOS_SITE_ROOT=target/site LEPTOS_SITE_PKG_DIR=pkg LEPTOS_OUTPUT_NAME=infolavoro LEPTOS_HASH_FILES=true \
  LEPTOS_SITE_ADDR=127.0.0.1:3100 LEPTOS_ENV=PROD
export DATABASE_URL="sqlite://$work/phone.db" RUST_LOG=error BACKUP_EVERY=off DEMO_CONTENT=1 PUBLIC_URL=$base
"$CARGO_TARGET_DIR/release/server" & server_pid=$!
for _ in $(seq 1 120); do curl -fs "$base/healthz" >/dev/null && break; sleep 1; done
offer="$(curl -fs "$base/offerte" | grep -o 'href="/offerte/[0-9]*"' | head -1 | cut -d'"' -f2)"
course="$(curl -fs "$base/corsi" | grep -o 'href="/corsi/[0-9]*"' | head -1 | cut -d'"' -f2)"
node end2end/perf/phone.mjs "$base" / /offerte "$offer" /corsi "$course" /rete /orientamento /sportelli /comuni /registrazione cv-wizard

lighthouse_dir="$HOME/.cache/infolavoro/lighthouse"
if [ ! -x "$lighthouse_dir/node_modules/.bin/lighthouse" ]; then
  npm install --prefix "$lighthouse_dir" --no-audit --no-fund --loglevel=error lighthouse@12.8.2
fi
LIGHTHOUSE="$lighthouse_dir/node_modules/.bin/lighthouse" \
  node end2end/perf/lighthouse.mjs "$base" / /offerte "$offer" /corsi /rete /orientamento /sportelli
