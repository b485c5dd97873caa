#!/usr/bin/env bash
# Installs what building and testing newsview needs, idempotently: each step checks first and
# only installs what is missing or at the wrong version, so a warm run takes a second or two.
#
#   - the wasm32-unknown-unknown Rust target (and rustfmt/clippy);
#   - wasm-bindgen-cli at exactly the wasm-bindgen version in Cargo.lock;
#   - Chromium and ChromeDriver from Debian, when absent;
#   - the npm dev dependencies (`npm ci`: playwright-core, and binaryen for wasm-opt), when
#     node_modules is missing or was made from another package-lock.json.
#
# wasm-opt comes from npm's binaryen (pinned), not Debian's: Debian bookworm's binaryen 108
# rewrites the export of wasm-bindgen's externref table to the wrong table, and the module then
# fails to instantiate.
#
# Usage: scripts/setup.sh        (run from anywhere; `make setup` calls it)
set -euo pipefail

cd "$(dirname "$0")/.."

step() { printf '==> %s\n' "$*"; }
ok() { printf '    %s\n' "$*"; }
die() {
  printf 'setup: error: %s\n' "$*" >&2
  exit 1
}

# cargo install puts binaries here; make sure we see them even when the caller's PATH does not.
CARGO_BIN="${CARGO_HOME:-$HOME/.cargo}/bin"
case ":$PATH:" in
  *":$CARGO_BIN:"*) ;;
  *) export PATH="$CARGO_BIN:$PATH" ;;
esac

# ---------------------------------------------------------------------------------------------
step "Rust toolchain"
command -v cargo >/dev/null || die "cargo not found; install Rust with rustup (https://rustup.rs)"
command -v rustup >/dev/null || die "rustup not found; the wasm32 target is installed with rustup"
ok "$(cargo --version)"

if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  ok "wasm32-unknown-unknown target present"
else
  step "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# The size-optimised wasm build uses nightly's build-std (scripts/build.sh), which needs rust-src.
if rustup component list --toolchain nightly --installed 2>/dev/null | grep -q '^rust-src'; then
  ok "nightly toolchain with rust-src present"
else
  step "rustup toolchain install nightly (minimal, with rust-src and the wasm32 target)"
  rustup toolchain install nightly --profile minimal --component rust-src --target wasm32-unknown-unknown
fi

for component in rustfmt clippy; do
  if ! rustup component list --installed 2>/dev/null | grep -q "^${component}"; then
    step "rustup component add ${component}"
    rustup component add "${component}"
  fi
done

# ---------------------------------------------------------------------------------------------
step "wasm-bindgen-cli"
[ -f Cargo.lock ] || die "Cargo.lock is missing; it pins the wasm-bindgen version"
WB_VERSION="$(scripts/wasm-bindgen-version.sh)"
[ -n "$WB_VERSION" ] || die "no wasm-bindgen package in Cargo.lock"

have_wb_version() {
  # Prints the installed version of the given wasm-bindgen binary, or nothing.
  command -v "$1" >/dev/null 2>&1 || return 0
  "$1" --version 2>/dev/null | awk '{print $2}'
}
if [ "$(have_wb_version wasm-bindgen)" = "$WB_VERSION" ] &&
  [ "$(have_wb_version wasm-bindgen-test-runner)" = "$WB_VERSION" ]; then
  ok "wasm-bindgen ${WB_VERSION} present (matches Cargo.lock)"
else
  found="$(have_wb_version wasm-bindgen)"
  step "cargo install wasm-bindgen-cli --version ${WB_VERSION} (found: ${found:-none}; takes ~4 min)"
  # Not --locked: the CLI's own lockfile does not resolve against this registry snapshot.
  cargo install wasm-bindgen-cli --version "${WB_VERSION}" --force
  [ "$(have_wb_version wasm-bindgen)" = "$WB_VERSION" ] ||
    die "wasm-bindgen ${WB_VERSION} was installed but $(command -v wasm-bindgen || echo wasm-bindgen) reports '$(have_wb_version wasm-bindgen)'; is another one earlier on PATH?"
fi

# ---------------------------------------------------------------------------------------------
step "Debian packages: chromium, chromium-driver"
missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v chromedriver >/dev/null || missing+=(chromium-driver)
if [ ${#missing[@]} -eq 0 ]; then
  ok "chromium and chromedriver present"
else
  command -v apt-get >/dev/null || die "missing ${missing[*]} and no apt-get to install them; install them by hand"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || die "missing ${missing[*]}; installing them needs root (or sudo)"
    SUDO="sudo"
  fi
  step "apt-get install ${missing[*]}"
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -q
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
fi
for tool in chromium chromedriver; do
  command -v "$tool" >/dev/null || die "$tool still not found after installing"
done
ok "$(chromium --version 2>/dev/null | head -n1)"
ok "$(chromedriver --version 2>/dev/null | head -n1)"

# ---------------------------------------------------------------------------------------------
step "Node.js and npm dev dependencies"
command -v node >/dev/null || die "node not found; Node.js 20 or newer is needed for the tests"
command -v npm >/dev/null || die "npm not found"
node_major="$(node -p 'process.versions.node.split(".")[0]')"
[ "$node_major" -ge 20 ] || die "Node.js $(node --version) is too old; 20 or newer is needed"
ok "node $(node --version), npm $(npm --version)"

# node_modules is current when the stamp holds the hash of the package-lock.json it was made from.
STAMP=node_modules/.newsview-npm-ci
lock_hash="$(sha256sum package-lock.json | awk '{print $1}')"
if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$lock_hash" ]; then
  ok "node_modules matches package-lock.json"
else
  step "npm ci"
  npm ci --no-audit --no-fund
  printf '%s\n' "$lock_hash" >"$STAMP"
fi
[ -x node_modules/.bin/wasm-opt ] || die "node_modules/.bin/wasm-opt missing after npm ci (npm package binaryen)"
ok "$(node_modules/.bin/wasm-opt --version)"

step "setup done"
