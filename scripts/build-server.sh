#!/usr/bin/env bash
# Builds newsview/server, the server build for JavaScript hosts, into pkg-server/:
#
#   pkg-server/newsview-server.js          entry for Node 20+, Deno and Bun (ESM): www/server/node.js
#                                          bundled with core.js and wasm-bindgen's glue
#   pkg-server/newsview-server.workerd.js  entry for workerd / Cloudflare Workers: www/server/workerd.js
#                                          (imports the .wasm as a compiled module)
#   pkg-server/newsview_server_bg.wasm     the Rust core with html5ever, no DOM layer:
#                                          cargo feature `server`, without the default `dom`
#
# A build of its own (own cargo target dir, own output dir): the browser package (pkg/, make
# build) never contains any of it. Not minified: stack traces on a server stay readable.
# The package is assembled in target/pkg-server.tmp/ and then swapped in.
# Usage: scripts/build-server.sh        (`make build-server` calls it only when an input changed)
set -euo pipefail

cd "$(dirname "$0")/.."

SCRIPT_NAME=build-server
# shellcheck source=scripts/wasm-tools.sh
source scripts/wasm-tools.sh

TARGET=wasm32-unknown-unknown
SERVER_TARGET_DIR=target/wasm-server
WASM_IN="${SERVER_TARGET_DIR}/${TARGET}/release/newsview.wasm"
OUT=pkg-server
TMP=target/pkg-server.tmp

check_wasm_tools

# Speed over size: a server downloads the module once. opt-level 3 instead of the release
# profile's "z" (the browser's).
step "cargo build --release --target ${TARGET} --lib --no-default-features --features server,serde (opt-level 3)"
CARGO_PROFILE_RELEASE_OPT_LEVEL=3 \
  cargo build --release --target "${TARGET}" --lib --no-default-features --features server,serde \
  --target-dir "$SERVER_TARGET_DIR"

step "wasm-bindgen --target web --out-name newsview_server_bg"
rm -rf "$TMP"
wasm-bindgen "$WASM_IN" --target web --out-dir "$TMP" --out-name newsview_server_bg

step "wasm-opt -O3 ($("$WASM_OPT" --version))"
"$WASM_OPT" -O3 "${WASM_OPT_FEATURES[@]}" --strip-debug --strip-producers \
  "$TMP/newsview_server_bg_bg.wasm" -o "$TMP/newsview_server_bg.wasm"
rm -f "$TMP/newsview_server_bg_bg.wasm" "$TMP"/*.d.ts

step "esbuild: one entry per runtime (glue and core.js bundled in)"
cp www/server/core.js www/server/node.js www/server/workerd.js www/newsview-error.js "$TMP/"
for entry in node workerd; do
  name=newsview-server.js
  [ "$entry" = workerd ] && name=newsview-server.workerd.js
  "$ESBUILD" "$TMP/$entry.js" --bundle --format=esm --platform=neutral --target=es2022 \
    --log-level=warning --legal-comments=none --tree-shaking=true \
    --external:node:fs --external:./newsview_server_bg.wasm --outfile="$TMP/out/$name"
done
rm -f "$TMP"/*.js
mv "$TMP/out/"*.js "$TMP/"
rmdir "$TMP/out"
rm -rf "$TMP/snippets"

rm -rf "$OUT"
mv "$TMP" "$OUT"
step "pkg-server/ ready: $(cd "$OUT" && ls | tr '\n' ' ')"
