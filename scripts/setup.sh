#!/usr/bin/env bash
# Installs what building InfoLavoro needs and is missing, from the package
# registries only (crates.io, npm, Debian). Safe to run again: it skips what
# is already there. It installs the Noto fonts the CV's PDF needs for other
# scripts. `scripts/setup.sh --tests` also installs what the tests
# use: Chromium and the Playwright packages for the end-to-end tests, poppler
# (pdftotext reads the CVs' PDFs back), LibreOffice Writer (opens the DOCX),
# xmllint (checks the Europass XML against its schema),
# PostgreSQL's client tools (the backups) and nginx (the load-balancer test).
set -euo pipefail
cd "$(dirname "$0")/.."

CARGO_LEPTOS_VERSION=0.3.10
# Must equal the wasm-bindgen pinned in Cargo.toml.
WASM_BINDGEN_VERSION=0.2.130

say() { printf '\033[1;34m==>\033[0m %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
apt_install() {
  say "installing $* from Debian"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null
}

command -v cargo >/dev/null || { echo "Rust (cargo, rustup) is required: https://rustup.rs" >&2; exit 1; }
command -v node >/dev/null && command -v npm >/dev/null || apt_install nodejs npm

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! cargo leptos --version 2>/dev/null | grep -q "$CARGO_LEPTOS_VERSION"; then
  say "installing cargo-leptos $CARGO_LEPTOS_VERSION (a few minutes, once)"
  # no_downloads: cargo-leptos must use the tools installed here, never fetch its own.
  cargo install cargo-leptos --version "$CARGO_LEPTOS_VERSION" --locked --features no_downloads
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q "$WASM_BINDGEN_VERSION"; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (a few minutes, once)"
  # Not --locked: its lock file pins a crate version the registry no longer has.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# Tailwind v4 and wasm-opt (binaryen 132) from npm: cargo-leptos finds them in
# ./node_modules/.bin. Debian's binaryen is too old and breaks hydration.
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -x node_modules/.bin/tailwindcss ] || [ package-lock.json -nt node_modules ]; then
  say "installing the build tools from npm"
  npm ci --no-audit --no-fund --loglevel=error
  touch node_modules
fi

# The CV's PDF draws Arabic, Chinese, Devanagari, Bengali and Ethiopic with
# Noto (see app/src/cv/fonts.rs); Open Sans is built into the binary.
if [ ! -f /usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf ] || [ ! -f /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc ]; then
  apt_install fonts-noto-core fonts-noto-cjk
fi

if [ "${1:-}" = "--tests" ] || [ "${1:-}" = "--browser" ]; then
  if ! cargo nextest --version >/dev/null 2>&1; then
    say "installing cargo-nextest (a few minutes, once)"
    cargo install cargo-nextest --locked
  fi
  [ -x /usr/bin/chromium ] || apt_install chromium fonts-dejavu-core
  command -v pdftotext >/dev/null || apt_install poppler-utils
  command -v soffice >/dev/null || apt_install libreoffice-writer-nogui
  # xmllint checks the CV's Europass XML against Cedefop's schema.
  command -v xmllint >/dev/null || apt_install libxml2-utils
  # The backups' tests on PostgreSQL (pg_dump, pg_restore, psql), and the
  # load-balancer test: two server processes behind nginx, over TLS with a
  # certificate openssl makes.
  command -v pg_dump >/dev/null || apt_install postgresql-client
  [ -x /usr/sbin/nginx ] || apt_install nginx-light
  command -v openssl >/dev/null || apt_install openssl
  if [ ! -d end2end/node_modules/@playwright/test ] || [ end2end/package-lock.json -nt end2end/node_modules ]; then
    say "installing Playwright (without its browser download: Debian's Chromium is used)"
    (cd end2end && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error && touch node_modules)
  fi
fi
