# Sourced by scripts/build.sh (the browser package) and scripts/build-server.sh (newsview/server):
# what both builds need of the toolchain. Set SCRIPT_NAME before sourcing it (for messages).
#
#   die MESSAGE, step MESSAGE      messages
#   WASM_OPT, ESBUILD, TERSER      the pinned npm tools (binaryen, esbuild, terser)
#   WASM_OPT_FEATURES              the features rustc enables by default for wasm32-unknown-unknown
#   check_wasm_tools               wasm-bindgen at the Cargo.lock version, wasm-opt, esbuild

CARGO_BIN="${CARGO_HOME:-$HOME/.cargo}/bin"
case ":$PATH:" in
  *":$CARGO_BIN:"*) ;;
  *) export PATH="$CARGO_BIN:$PATH" ;;
esac

die() {
  printf '%s: error: %s\n' "${SCRIPT_NAME:-build}" "$*" >&2
  exit 1
}
step() { printf '==> %s\n' "$*"; }

ESBUILD="${ESBUILD:-node_modules/.bin/esbuild}"
TERSER="${TERSER:-node_modules/.bin/terser}"
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

check_wasm_tools() {
  command -v wasm-bindgen >/dev/null || die "wasm-bindgen not found; run 'make setup'"
  command -v "$WASM_OPT" >/dev/null || die "$WASM_OPT not found; run 'make setup' (npm package binaryen)"
  local want have
  want="$(scripts/wasm-bindgen-version.sh)"
  have="$(wasm-bindgen --version | awk '{print $2}')"
  [ "$have" = "$want" ] || die "wasm-bindgen is $have but Cargo.lock has $want; run 'make setup'"
  command -v "$ESBUILD" >/dev/null || die "$ESBUILD not found; run 'make setup' (npm package esbuild)"
  command -v "$TERSER" >/dev/null || die "$TERSER not found; run 'make setup' (npm package terser)"
}
