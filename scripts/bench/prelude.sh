# What the release benchmarks start with (sourced by scripts/bench-*.sh and
# scripts/profile-search-page.sh): the repository's root, the shared build
# cache, the tools, wrk from Debian, and the release build of the server and
# the wasm.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[1]}")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/infolavoro/target}"
scripts/setup.sh
command -v wrk >/dev/null || { sudo_=""; [ "$(id -u)" = 0 ] || sudo_=sudo; $sudo_ apt-get update -qq && $sudo_ apt-get install -y -qq wrk >/dev/null; }
cargo leptos build --release --precompress --split >/dev/null
