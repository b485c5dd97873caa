#!/usr/bin/env bash
# Prints the version of the wasm-bindgen crate that Cargo.lock resolves to (the CLI must match it).
set -euo pipefail
cd "$(dirname "$0")/.."
awk '
  /^\[\[package\]\]/ { in_wb = 0 }
  /^name = "wasm-bindgen"$/ { in_wb = 1; next }
  in_wb && /^version = / { gsub(/"/, "", $3); print $3; exit }
' Cargo.lock
