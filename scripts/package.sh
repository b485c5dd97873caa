#!/usr/bin/env bash
# Builds the npm package `newsview`:
#
#   dist/package/                 what is published (the tarball's `package/` directory):
#     package.json                packaging/package.json + the version from Cargo.toml
#     newsview.js                 pkg/newsview.js (ES module: init, render, <news-view>)
#     newsview_bg.wasm            pkg/newsview_bg.wasm (loaded beside the module via import.meta.url)
#     newsview-hydrate.js         pkg/newsview-hydrate.js (newsview/hydrate: server-rendered pages;
#     newsview-hydrate_bg.wasm    imports ./newsview.js only when it must render) and its wasm
#     newsview-hydrate.d.ts       types/newsview-hydrate.d.ts
#     newsview-qr.js              pkg/newsview-qr.js (the QR encoder, which newsview.js imports the
#     newsview-qr_bg.wasm         first time a reader opens a QR code) and its wasm
#     newsview.d.ts               types/newsview.d.ts
#     newsview-server.d.ts        types/newsview-server.d.ts (newsview/server)
#     server/                     pkg-server/ (newsview/server: the entries for Node and workerd
#                                 and newsview_server_bg.wasm)
#     schema/article-v1.schema.json
#     README.md, LICENSE*         the repository's
#   dist/newsview-VERSION.tgz     `npm pack` of dist/package/
#
# The version has one source, Cargo.toml: packaging/package.json must not carry one.
# Idempotent: dist/package/ and the tarball are rebuilt from scratch each time.
# Usage: scripts/package.sh     (`make package` calls it; it runs `make build build-server` itself)
set -euo pipefail

cd "$(dirname "$0")/.."

die() {
  printf 'package: error: %s\n' "$*" >&2
  exit 1
}
step() { printf '==> %s\n' "$*"; }

TEMPLATE=packaging/package.json
OUT=dist/package
DIST=dist

[ -f "$TEMPLATE" ] || die "$TEMPLATE is missing"
[ -f types/newsview.d.ts ] || die "types/newsview.d.ts is missing"
[ -f types/newsview-server.d.ts ] || die "types/newsview-server.d.ts is missing"
[ -f types/newsview-hydrate.d.ts ] || die "types/newsview-hydrate.d.ts is missing"
command -v npm >/dev/null || die "npm not found"

# The [package] version of Cargo.toml (the first `version = "…"` after `[package]`).
VERSION="$(awk '
  /^\[/ { in_pkg = ($0 == "[package]") }
  in_pkg && /^version[[:space:]]*=/ { gsub(/^[^"]*"|".*$/, ""); print; exit }
' Cargo.toml)"
[[ "$VERSION" =~ ^[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?$ ]] ||
  die "could not read a semver version from Cargo.toml's [package] (got '${VERSION}')"

# Checked before anything is built or removed: the template must not carry a version of its own.
node -e '
  const t = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  if ("version" in t) {
    console.error(`package: error: ${process.argv[1]} has "version": ${JSON.stringify(t.version)}; ` +
      `remove it: the version comes from Cargo.toml (${process.argv[2]})`);
    process.exit(1);
  }' "$TEMPLATE" "$VERSION"

step "make build build-server"
make --no-print-directory build build-server

for f in pkg/newsview.js pkg/newsview_bg.wasm pkg/newsview-hydrate.js pkg/newsview-hydrate_bg.wasm \
  pkg/newsview-qr.js pkg/newsview-qr_bg.wasm \
  pkg-server/newsview-server.js pkg-server/newsview-server.workerd.js \
  pkg-server/newsview_server_bg.wasm; do
  [ -s "$f" ] || die "$f is missing after make build"
done

step "assemble ${OUT}/ (newsview ${VERSION})"
rm -rf "$OUT"
mkdir -p "$OUT/schema" "$OUT/server"
cp pkg/newsview.js pkg/newsview_bg.wasm pkg/newsview-hydrate.js pkg/newsview-hydrate_bg.wasm \
  pkg/newsview-qr.js pkg/newsview-qr_bg.wasm "$OUT/"
cp pkg-server/newsview-server.js pkg-server/newsview-server.workerd.js pkg-server/newsview_server_bg.wasm "$OUT/server/"
cp types/newsview.d.ts "$OUT/newsview.d.ts"
cp types/newsview-server.d.ts "$OUT/newsview-server.d.ts"
cp types/newsview-hydrate.d.ts "$OUT/newsview-hydrate.d.ts"
cp schema/article-v1.schema.json "$OUT/schema/"
cp README.md "$OUT/"
for f in LICENSE LICENSE.md LICENSE.txt LICENSE-MIT LICENSE-APACHE COPYING; do
  if [ -f "$f" ]; then cp "$f" "$OUT/"; fi
done

# package.json: the template, with the version from Cargo.toml placed after the name.
node --input-type=module - "$TEMPLATE" "$VERSION" "$OUT/package.json" <<'EOF'
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
const [template, version, out] = process.argv.slice(2);
const t = JSON.parse(readFileSync(template, 'utf8'));
const fail = (m) => { console.error(`package: error: ${m}`); process.exit(1); };
if ('version' in t) {
  fail(`${template} has "version": ${JSON.stringify(t.version)}; remove it: the version comes from Cargo.toml (${version})`);
}
if (t.name !== 'newsview') fail(`${template}: name must be "newsview", got ${JSON.stringify(t.name)}`);
if ('private' in t) fail(`${template} must not be private`);
const { name, ...rest } = t;
const pkg = { name, version, ...rest };
// Every file the manifest points at must be in the package.
const targets = [pkg.main, pkg.module, pkg.types, ...pkg.files];
const walk = (v) => (typeof v === 'string' ? targets.push(v) : Object.values(v).forEach(walk));
walk(pkg.exports);
for (const f of targets.filter((f) => f !== './package.json')) {
  if (!existsSync(join(dirname(out), f))) fail(`package.json names ${f}, which is not in ${dirname(out)}/`);
}
writeFileSync(out, JSON.stringify(pkg, null, 2) + '\n');
EOF

step "npm pack → ${DIST}/newsview-${VERSION}.tgz"
rm -f "$DIST"/newsview-*.tgz
tarball="$(cd "$OUT" && npm pack --silent --pack-destination .. 2>/dev/null | tail -n 1)"
[ "$tarball" = "newsview-${VERSION}.tgz" ] || die "npm pack wrote '${tarball}', expected newsview-${VERSION}.tgz"
[ -s "$DIST/$tarball" ] || die "$DIST/$tarball is missing"
step "${DIST}/${tarball}: $(wc -c <"$DIST/$tarball" | tr -d ' ') bytes ($(tar -tzf "$DIST/$tarball" | wc -l | tr -d ' ') files)"
