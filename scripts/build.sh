#!/usr/bin/env bash
# Builds the browser package into pkg/:
#
#   pkg/newsview.js          the ES module: www/newsview.js (init(), render(), <news-view>) bundled
#                            with wasm-bindgen's JS glue and minified by esbuild
#   pkg/newsview_bg.wasm     the module: built with nightly's build-std and the immediate-abort
#                            panic strategy (no panic formatting in the binary), then wasm-opt -Oz
#
# What a page downloads is those two files (the CSS is compiled into the wasm).
#
# The package is assembled in target/pkg.tmp/ and then swapped in, so pkg/ never holds stale files.
# Usage: scripts/build.sh        (`make build` calls it only when an input changed)
set -euo pipefail

cd "$(dirname "$0")/.."

SCRIPT_NAME=build
# shellcheck source=scripts/wasm-tools.sh
source scripts/wasm-tools.sh

TARGET=wasm32-unknown-unknown
# A target dir of its own: build-std with other flags would otherwise rebuild the stable artefacts.
SIZE_TARGET_DIR=target/wasm-size
WASM_IN="${SIZE_TARGET_DIR}/${TARGET}/release/newsview.wasm"
OUT=pkg
TMP=target/pkg.tmp
GLUE=www/newsview.js

[ -f "$GLUE" ] || die "$GLUE is missing: it is the package's entry module (init, render, <news-view>)"
check_wasm_tools
rustup component list --toolchain nightly --installed 2>/dev/null | grep -q '^rust-src' ||
  die "the nightly toolchain with rust-src is missing; run 'make setup'"

# panic=immediate-abort: a panic (never expected: the code has no panicking paths on input)
# traps at once instead of formatting a message; that removes core::fmt from the binary.
step "cargo +nightly build --release --target ${TARGET} --lib --no-default-features --features dom (build-std, panic=immediate-abort; no serde)"
# -inline-threshold=0: LLVM inlines only what removes code (measured: -0.6 KiB gzip).
# -Zlocation-detail=none: no file paths for panic locations, which a trap never shows (-0.4 KiB
# gzip; -Zfmt-debug=none added nothing more).
# optimize_for_size: std's smaller variants of its algorithms (sorting, searching; -0.2 KiB gzip).
RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Cllvm-args=-inline-threshold=0 -Zlocation-detail=none" \
  cargo +nightly build --release --target "${TARGET}" --lib --no-default-features --features dom \
  -Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size --target-dir "$SIZE_TARGET_DIR"

step "wasm-bindgen --target web --out-name newsview_bg"
rm -rf "$TMP"
wasm-bindgen "$WASM_IN" --target web --out-dir "$TMP" --out-name newsview_bg

step "wasm-opt -Oz ($("$WASM_OPT" --version))"
# --strip-target-features: the target_features section is for tools; engines ignore it.
"$WASM_OPT" -Oz "${WASM_OPT_FEATURES[@]}" --strip-debug --strip-producers --strip-target-features \
  "$TMP/newsview_bg_bg.wasm" -o "$TMP/newsview_bg_bg.opt.wasm"
mv "$TMP/newsview_bg_bg.opt.wasm" "$TMP/newsview_bg.wasm"
rm -f "$TMP/newsview_bg_bg.wasm" "$TMP"/*.d.ts

step "shorten the import and export names (wasm and glue)"
node scripts/minify-names.mjs "$TMP/newsview_bg.wasm" "$TMP/newsview_bg.js"

step "esbuild: bundle www/newsview.js with the glue, minify"
cp "$GLUE" "$TMP/entry.js"
cp www/newsview-error.js "$TMP/"
# The glue's own default wasm name is never used (init() always passes ./newsview_bg.wasm), but
# bundlers would see it: point it at the file that exists.
sed -i 's/newsview_bg_bg\.wasm/newsview_bg.wasm/g' "$TMP/newsview_bg.js"
"$ESBUILD" "$TMP/entry.js" --bundle --format=esm --minify --target=es2022 --log-level=warning \
  --legal-comments=none --outfile="$TMP/newsview.js"
# wasm-bindgen's inline JS snippets (snippets/) are bundled into newsview.js by now.
rm -rf "$TMP/entry.js" "$TMP/newsview-error.js" "$TMP/newsview_bg.js" "$TMP/snippets"

rm -rf "$OUT"
mv "$TMP" "$OUT"
step "pkg/ ready: $(cd "$OUT" && ls | tr '\n' ' ')"
