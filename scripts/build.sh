#!/usr/bin/env bash
# Builds the browser package into pkg/:
#
#   pkg/newsview.js          the ES module: www/newsview.js (init(), render(), <news-view>) bundled
#                            with wasm-bindgen's JS glue and minified by esbuild, then terser
#   pkg/newsview_bg.wasm     the module: built with nightly's build-std and the immediate-abort
#                            panic strategy (no panic formatting in the binary), then wasm-opt -Oz
#   pkg/newsview-hydrate.js  the hydration-only entry (www/newsview-hydrate.js: hydrate(), the
#   pkg/newsview-hydrate_bg.wasm   same <news-view>), and its module: the crate with
#                            `--features hydrate` only (no readers, sanitizer, layout or CSS);
#                            it imports ./newsview.js only when a page needs to render
#   pkg/newsview-qr.js       the QR module (www/newsview-qr.js: qrModules(url)) and its wasm: the
#   pkg/newsview-qr_bg.wasm  crate with `--features qr-module` only (the QR encoder); the full
#                            client imports it (www/newsview-qr-load.js) the first time a reader
#                            opens a QR code, and its own wasm has no encoder
#
# What a page downloads is one of the first two pairs (the CSS is compiled into the full wasm;
# server markup carries its own), and the QR module when a reader opens a QR code.
#
# The package is assembled in target/pkg.tmp/ and then swapped in, so pkg/ never holds stale files.
# Usage: scripts/build.sh        (`make build` calls it only when an input changed)
set -euo pipefail

cd "$(dirname "$0")/.."

SCRIPT_NAME=build
# shellcheck source=scripts/wasm-tools.sh
source scripts/wasm-tools.sh

TARGET=wasm32-unknown-unknown
OUT=pkg
TMP=target/pkg.tmp

for f in www/newsview.js www/newsview-hydrate.js www/newsview-qr.js; do
  [ -f "$f" ] || die "$f is missing: it is an entry module of the package"
done
check_wasm_tools
rustup component list --toolchain nightly --installed 2>/dev/null | grep -q '^rust-src' ||
  die "the nightly toolchain with rust-src is missing; run 'make setup'"
rm -rf "$TMP"

# build_entry FEATURE NAME: the crate with `--no-default-features --features FEATURE` into
# $TMP/NAME.js (www/NAME.js bundled with the glue) and $TMP/NAME_bg.wasm.
build_entry() {
  local feature=$1 name=$2
  # A target dir of its own per entry: build-std with other flags would otherwise rebuild the
  # stable artefacts, and the two feature sets would rebuild each other's.
  local target_dir=target/wasm-size
  [ "$feature" = dom ] || target_dir="target/wasm-size-${feature}"
  local wasm_in="${target_dir}/${TARGET}/release/newsview.wasm"

  # panic=immediate-abort: a panic (never expected: the code has no panicking paths on input)
  # traps at once instead of formatting a message; that removes core::fmt from the binary.
  step "${name}: cargo +nightly build --release --target ${TARGET} --lib --no-default-features --features ${feature} (build-std, panic=immediate-abort; no serde)"
  # -inline-threshold=0: LLVM inlines only what removes code (measured: -0.6 KiB gzip).
  # -Zlocation-detail=none: no file paths for panic locations, which a trap never shows (-0.4 KiB
  # gzip; -Zfmt-debug=none added nothing more).
  # optimize_for_size: std's smaller variants of its algorithms (sorting, searching; -0.2 KiB gzip).
  # -reference-types: JS values cross as indices into wasm-bindgen's JS-side slab, not as
  # externrefs in a wasm table; the externref table's allocator and a shim per exported
  # function go (full client −859 B gzip, hydration entry −575 B, QR module −75 B,
  # 2026-12-01; the same e2e results, and the same render times in an A/B page). Every
  # browser runs it: this is the wasm of before reference types.
  RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Cllvm-args=-inline-threshold=0 -Zlocation-detail=none -Ctarget-feature=-reference-types" \
    cargo +nightly build --release --target "${TARGET}" --lib --no-default-features --features "${feature}" \
    -Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size --target-dir "$target_dir"

  local work="$TMP/${name}.work"
  step "${name}: wasm-bindgen --target web --out-name ${name}_bg"
  # --encode-into always: no fallback for a TextEncoder without encodeInto (every browser has
  # had it since 2021: Safari 14.1; −40 B gzip).
  wasm-bindgen "$wasm_in" --target web --encode-into always --out-dir "$work" --out-name "${name}_bg"

  step "${name}: wasm-opt --flatten --rereloop -Oz --converge --low-memory-unused ($("$WASM_OPT" --version))"
  # --strip-target-features: the target_features section is for tools; engines ignore it.
  # --low-memory-unused: binaryen may fold `pointer + constant` into a load/store offset, which
  # differs only when the sum wraps past 4 GiB into the low 1 KiB; no valid Rust pointer plus a
  # field offset does. --converge repeats -Oz while it still shrinks (together −0.4 KiB gzip,
  # measured on the full client). --flatten --rereloop first: binaryen rebuilds each function's
  # control flow from scratch before -Oz, which then folds it smaller (full client −260 B gzip,
  # hydration entry −152 B, 2026-12-01; render times the same in an A/B page).
  "$WASM_OPT" --flatten --rereloop -Oz --converge --low-memory-unused "${WASM_OPT_FEATURES[@]}" --strip-debug \
    --strip-producers --strip-target-features \
    "$work/${name}_bg_bg.wasm" -o "$TMP/${name}_bg.wasm"

  # Function bodies in an order gzip compresses better (similar bodies side by side; binaryen
  # renumbers the calls): full client −721 B gzip, hydration entry −67 B (2026-12-01).
  step "${name}: lay the functions out in compression order (scripts/order-functions.mjs)"
  node scripts/order-functions.mjs "$TMP/${name}_bg.wasm"
  "$WASM_OPT" --reorder-functions-by-name "${WASM_OPT_FEATURES[@]}" --strip-debug \
    "$TMP/${name}_bg.wasm" -o "$TMP/${name}_bg.wasm"

  step "${name}: shorten the import and export names (wasm and glue)"
  node scripts/minify-names.mjs "$TMP/${name}_bg.wasm" "$work/${name}_bg.js"

  step "${name}: esbuild: bundle www/${name}.js with the glue, minify"
  cp "www/${name}.js" "$work/entry.js"
  cp www/newsview-error.js "$work/"
  # The glue's own default wasm name: the QR module's init() is the glue's, which loads it; the
  # other entries' init() pass ./NAME_bg.wasm, but bundlers would see it. Point it at the file
  # that exists.
  sed -i "s/${name}_bg_bg\.wasm/${name}_bg.wasm/g" "$work/${name}_bg.js"
  # ./newsview.js and ./newsview-qr.js stay imports of their own (the hydration entry loads the
  # full client only when it must render, the full client its QR module only when a reader
  # opens a QR code), resolved beside the importing module.
  "$ESBUILD" "$work/entry.js" --bundle --format=esm --minify --target=es2022 --log-level=warning \
    --legal-comments=none --external:./newsview.js --external:./newsview-qr.js --outfile="$TMP/${name}.js"
  # terser's compressor over esbuild's output: two passes find what one minifier leaves (full
  # client −167 B gzip, hydration entry −98 B, 2026-12-01). Its default, safe transforms only.
  "$TERSER" "$TMP/${name}.js" --module --compress passes=2 --mangle --output "$TMP/${name}.js"
  # wasm-bindgen's inline JS snippets (snippets/) are bundled into NAME.js by now.
  rm -rf "$work"
}

build_entry dom newsview
build_entry hydrate newsview-hydrate
build_entry qr-module newsview-qr

# The QR encoder is in the QR module only: the full client's wasm (named, before wasm-opt) must
# not hold it, the QR module's must (which also shows that the names are there to look at).
step "the QR encoder is in newsview-qr_bg.wasm, not in newsview_bg.wasm"
grep -q encode_bytes_advanced "target/wasm-size-qr-module/${TARGET}/release/newsview.wasm" ||
  die "the QR module's wasm has no QrCode::encode_bytes_advanced (or no names to check by)"
! grep -q encode_bytes "target/wasm-size/${TARGET}/release/newsview.wasm" ||
  die "the full client's wasm links the QR encoder (QrCode::encode_bytes*): it belongs in the QR module"

rm -rf "$OUT"
mv "$TMP" "$OUT"
step "pkg/ ready: $(cd "$OUT" && ls | tr '\n' ' ')"
