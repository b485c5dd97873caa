#!/usr/bin/env bash
# Builds the browser package into pkg/:
#
#   pkg/newsview.js          the hand-written ES module (copied from www/newsview.js): init(), render(), <news-view>
#   pkg/newsview_bg.js       wasm-bindgen's JS glue (--target web), imported by newsview.js
#   pkg/newsview_bg_bg.wasm  the module, optimized with wasm-opt -Oz
#   pkg/*.d.ts               wasm-bindgen's type declarations (not downloaded by a page)
#
# The package is assembled in target/pkg.tmp/ and then swapped in, so pkg/ never holds stale files.
# Usage: scripts/build.sh        (`make build` calls it only when an input changed)
set -euo pipefail

cd "$(dirname "$0")/.."

CARGO_BIN="${CARGO_HOME:-$HOME/.cargo}/bin"
case ":$PATH:" in
  *":$CARGO_BIN:"*) ;;
  *) export PATH="$CARGO_BIN:$PATH" ;;
esac

die() {
  printf 'build: error: %s\n' "$*" >&2
  exit 1
}
step() { printf '==> %s\n' "$*"; }

TARGET=wasm32-unknown-unknown
WASM_IN="target/${TARGET}/release/newsview.wasm"
OUT=pkg
TMP=target/pkg.tmp
GLUE=www/newsview.js

# wasm-opt from npm's binaryen (pinned in package.json). Debian bookworm's binaryen 108 is not
# usable: it points the export of wasm-bindgen's externref table at the funcref table, and the
# module then fails to instantiate ("WebAssembly.Table.set(): Argument 1 is invalid for table").
WASM_OPT="${WASM_OPT:-node_modules/.bin/wasm-opt}"
# The features rustc enables by default for wasm32-unknown-unknown, stated so that wasm-opt
# never validates against a narrower set than the code uses.
WASM_OPT_FEATURES=(
  --enable-bulk-memory
  --enable-sign-ext
  --enable-mutable-globals
  --enable-nontrapping-float-to-int
  --enable-reference-types
  --enable-multivalue
)

[ -f "$GLUE" ] || die "$GLUE is missing: it is the package's entry module (init, render, <news-view>)"
command -v wasm-bindgen >/dev/null || die "wasm-bindgen not found; run 'make setup'"
command -v "$WASM_OPT" >/dev/null || die "$WASM_OPT not found; run 'make setup' (npm package binaryen)"
want="$(scripts/wasm-bindgen-version.sh)"
have="$(wasm-bindgen --version | awk '{print $2}')"
[ "$have" = "$want" ] || die "wasm-bindgen is $have but Cargo.lock has $want; run 'make setup'"

step "cargo build --release --target ${TARGET} --lib"
cargo build --release --target "${TARGET}" --lib

step "wasm-bindgen --target web --out-name newsview_bg"
rm -rf "$TMP"
wasm-bindgen "$WASM_IN" --target web --out-dir "$TMP" --out-name newsview_bg

step "wasm-opt -Oz ($("$WASM_OPT" --version))"
"$WASM_OPT" -Oz "${WASM_OPT_FEATURES[@]}" --strip-debug --strip-producers \
  "$TMP/newsview_bg_bg.wasm" -o "$TMP/newsview_bg_bg.opt.wasm"
mv "$TMP/newsview_bg_bg.opt.wasm" "$TMP/newsview_bg_bg.wasm"

cp "$GLUE" "$TMP/newsview.js"

rm -rf "$OUT"
mv "$TMP" "$OUT"
step "pkg/ ready: $(cd "$OUT" && ls | tr '\n' ' ')"
