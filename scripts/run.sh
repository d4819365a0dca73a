#!/usr/bin/env bash
# Installs what is missing, builds, and starts InfoLavoro at http://127.0.0.1:3000
# on a local SQLite file (data/infolavoro.db), created and seeded on first start.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
# Build output lives outside the clone so that every clone on this machine reuses it.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/infolavoro/target}"
# --precompress writes .br/.gz beside each asset (the server sends those as they are);
# --split moves lazy routes out of the main wasm into chunks fetched on demand.
# The demo portal shows a few courses and meetings, each marked "Contenuto dimostrativo".
export DEMO_CONTENT="${DEMO_CONTENT:-1}"
exec cargo leptos serve --release --precompress --split
