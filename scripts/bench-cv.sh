#!/usr/bin/env bash
# The CV as PDF: typst in the portal against Chromium printing the same CV
# as HTML (see BENCHMARKS.md). Builds the site's stylesheet first.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/infolavoro/target}"
scripts/setup.sh --tests
cargo leptos build --release --precompress --split >/dev/null
# cargo runs benchmarks from the package folder: name the site by its full path.
SITE_PKG="$PWD/target/site/pkg" cargo bench -p server --bench cv_pdf
