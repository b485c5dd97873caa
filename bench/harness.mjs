// What the bench drivers (bench/run.mjs, bench/hostile.mjs) share: the static server on
// 127.0.0.1, Chromium's flags, the package's files, and a timeout around a promise.
import { CHROMIUM_PATH, CHROMIUM_ARGS as BASE_ARGS } from '../scripts/chromium.mjs';
import http from 'node:http';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The repository's root (the parent of bench/). */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Debian's Chromium, or `$CHROMIUM`. The bench never downloads a browser. */
export const CHROMIUM = CHROMIUM_PATH;

/** Chromium's flags for every bench run. */
export const CHROMIUM_ARGS = [
  ...BASE_ARGS,
  // Nothing leaves the machine: every host name but the local server fails to resolve
  // (the bodies link to images and iframes on *.example.test).
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
  // gc() between samples, outside the timing.
  '--js-flags=--expose-gc',
];

/** `chromium --version`, or 'unknown'. */
export function chromiumVersion() {
  try {
    return execFileSync(CHROMIUM, ['--version'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  } catch {
    return 'unknown';
  }
}

/** The short hash of HEAD, or null outside a git checkout. */
export function gitCommit() {
  try {
    return execFileSync('git', ['-C', ROOT, 'rev-parse', '--short', 'HEAD']).toString().trim();
  } catch {
    return null;
  }
}

/** playwright-core, or exits with a hint when bench/'s dependencies are not installed. */
export async function loadPlaywright() {
  try {
    return await import('playwright-core');
  } catch {
    console.error('bench: playwright-core is missing: run `npm ci --prefix bench` first');
    process.exit(2);
  }
}

/**
 * The wasm file of the package in `pkgDir`: newsview_bg.wasm (bundled package) or
 * newsview_bg_bg.wasm (glue module beside it). Exits with a hint when the package or DOMPurify
 * is missing.
 */
export function checkPackage(pkgDir) {
  const wasm = ['newsview_bg.wasm', 'newsview_bg_bg.wasm'].map((f) => path.join(pkgDir, f)).find((f) => fs.existsSync(f)) ?? path.join(pkgDir, 'newsview_bg.wasm');
  for (const f of [`${pkgDir}/newsview.js`, wasm, `${ROOT}/bench/node_modules/dompurify/dist/purify.es.mjs`]) {
    if (!fs.existsSync(f)) {
      console.error(`bench: ${f} is missing (build the package first; npm ci --prefix bench for dompurify)`);
      process.exit(2);
    }
  }
  return wasm;
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
};
const MOUNTS = ['/pkg/', '/bench/', '/tests/fixtures/'];

/**
 * Serves `pkgDir` as /pkg/, and bench/ and tests/fixtures/ of the repository, on 127.0.0.1 (a
 * free port), with COOP/COEP headers (cross-origin isolation gives performance.now() its fine
 * 5 µs resolution). Resolves to `{ base, close }`.
 */
export async function startServer(pkgDir) {
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    const p = decodeURIComponent(url.pathname);
    const file = p.startsWith('/pkg/') ? path.resolve(pkgDir, '.' + p.slice(4)) : path.resolve(ROOT, '.' + p);
    const ok = p.startsWith('/pkg/') ? file.startsWith(pkgDir + path.sep) : MOUNTS.some((m) => p.startsWith(m) && file.startsWith(path.join(ROOT, m)));
    if (!ok || req.method !== 'GET') {
      res.writeHead(404).end();
      return;
    }
    try {
      const body = await fsp.readFile(file);
      res.writeHead(200, {
        'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
        'content-length': body.length,
        'cross-origin-opener-policy': 'same-origin',
        'cross-origin-embedder-policy': 'require-corp',
        'cross-origin-resource-policy': 'same-origin',
        'cache-control': 'max-age=600',
      });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return {
    base: `http://127.0.0.1:${server.address().port}`,
    close() {
      server.close();
      server.closeAllConnections?.();
    },
  };
}

/** `promise`, or a rejection naming `what` after `ms` milliseconds. */
export async function withTimeout(promise, ms, what) {
  let t;
  const limit = new Promise((_, rej) => {
    t = setTimeout(() => rej(new Error(`${what}: no answer within ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([promise, limit]);
  } finally {
    clearTimeout(t);
  }
}
