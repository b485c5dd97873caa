// Shared set-up for the end-to-end tests: a loopback static server, headless Chromium driven by
// playwright-core (Debian's /usr/bin/chromium, never a downloaded browser), and pages that record
// every request, every uncaught page error and every console error.
//
//   import { useHarness } from './harness.mjs';
//   const h = useHarness();                 // registers before/after hooks in the current suite
//   test('…', async () => {
//     const s = await h.open('/pages/host.html');
//     …s.page…, s.pageErrors, s.consoleErrors, s.requests, s.thirdPartyRequests()
//   });
//
// Served paths: /pkg/ → pkg/, /fixtures/ → tests/fixtures/, /pages/ → tests/e2e/pages/, /www/ → www/.
// Any request to a host other than 127.0.0.1 is recorded and then aborted (the machine has no
// network, and a component that phones home must fail the tests, not hang them).
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import jsQR from 'jsqr';
import { startServer } from '../../scripts/serve.mjs';

export const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));

export { CHROMIUM_PATH, CHROMIUM_ARGS } from '../../scripts/chromium.mjs';
import { CHROMIUM_PATH, CHROMIUM_ARGS } from '../../scripts/chromium.mjs';
export const MOUNTS = {
  '/pkg/': join(root, 'pkg'),
  '/fixtures/': join(root, 'tests', 'fixtures'),
  '/pages/': join(root, 'tests', 'e2e', 'pages'),
  '/www/': join(root, 'www'),
};

/** True when a URL is served by our own server (or is a data:/blob: URL the page made itself). */
export function isLocal(url) {
  const u = new URL(url);
  if (u.protocol === 'data:' || u.protocol === 'blob:' || u.protocol === 'about:') return true;
  return u.hostname === '127.0.0.1';
}

/**
 * Starts the server and the browser. `headers` is passed to the server (object or
 * (pathname, file) → object), e.g. to send a Content-Security-Policy with one page.
 */
export async function startHarness({ headers } = {}) {
  if (!existsSync(join(root, 'pkg', 'newsview.js'))) {
    throw new Error("pkg/newsview.js is missing: run 'make build' before the end-to-end tests");
  }
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`${CHROMIUM_PATH} not found: run 'make setup' (Debian package chromium) or set CHROMIUM_PATH`);
  }
  const server = await startServer({ mounts: MOUNTS, headers });
  let browser;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  } catch (e) {
    await server.close();
    throw e;
  }
  const sessions = new Set();

  /**
   * Opens `path` (on our server) in a fresh browser context.
   * Options: `viewport`, `beforeLoad(page)` (e.g. to add routes before the page loads),
   * `waitForModule` (default true: waits until the host page's module has loaded).
   */
  async function open(path, { viewport = { width: 1280, height: 900 }, beforeLoad } = {}) {
    const context = await browser.newContext({ viewport, baseURL: server.url });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    const s = {
      context,
      page,
      /** Uncaught exceptions and unhandled rejections in the page. */
      pageErrors: [],
      /** console.error calls and browser-reported errors, as `{text, url}`. */
      consoleErrors: [],
      /** Every URL the page requested, in order (including blocked ones). */
      requests: [],
      /** URLs that failed, with the reason: `{url, failure}`. */
      failedRequests: [],
      thirdPartyRequests: () => s.requests.filter((u) => !isLocal(u)),
      /** Console errors other than failed resource loads (those are checked via the requests). */
      unexpectedConsoleErrors: () => s.consoleErrors.filter((e) => !/^Failed to load resource/.test(e.text)),
      close: async () => {
        sessions.delete(s);
        await context.close();
      },
    };
    page.on('pageerror', (err) => s.pageErrors.push(String(err?.stack || err)));
    page.on('console', (msg) => {
      if (msg.type() === 'error') s.consoleErrors.push({ text: msg.text(), url: msg.location()?.url ?? '' });
    });
    context.on('request', (req) => s.requests.push(req.url()));
    context.on('requestfailed', (req) => s.failedRequests.push({ url: req.url(), failure: req.failure()?.errorText }));
    await context.route('**/*', (route) => {
      const url = route.request().url();
      return isLocal(url) ? route.continue() : route.abort('blockedbyclient');
    });
    sessions.add(s);
    if (beforeLoad) await beforeLoad(page);
    await page.goto(path);
    return s;
  }

  async function close() {
    for (const s of [...sessions]) await s.close().catch(() => {});
    await browser.close().catch(() => {});
    await server.close();
  }

  return { server, browser, baseURL: server.url, open, close };
}

/**
 * Starts the harness in `before` and stops it in `after` of the enclosing suite. The returned
 * object is filled in when `before` has run.
 */
export function useHarness(options) {
  const h = {};
  before(async () => {
    Object.assign(h, await startHarness(options));
  });
  after(async () => {
    await h.close?.();
  });
  return h;
}

/** Opens the plain host page and waits until `/pkg/newsview.js` is imported and `init()` resolved. */
export async function openHost(h, options) {
  const s = await h.open('/pages/host.html', options);
  try {
    await s.page.waitForFunction(() => window.newsviewLoaded === true || window.newsviewLoadError, null, {
      timeout: 15_000,
    });
  } catch (e) {
    const why = [...s.pageErrors, ...s.failedRequests.map((f) => `${f.url}: ${f.failure}`)].join('; ');
    throw new Error(`host page did not load /pkg/newsview.js within 15 s (${why || e.message})`);
  }
  const loadError = await s.page.evaluate(() => window.newsviewLoadError ?? null);
  if (loadError) throw new Error(`host page failed to load /pkg/newsview.js: ${loadError}`);
  return s;
}

/** The pixels of a screenshot of `locator`, read back through a canvas: {width, height, data}. */
export async function pixels(page, locator) {
  const png = await locator.screenshot();
  const { width, height, data } = await page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.naturalWidth;
    c.height = img.naturalHeight;
    const ctx = c.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, 0, c.width, c.height);
    return { width: d.width, height: d.height, data: Array.from(d.data) };
  }, png.toString('base64'));
  return { width, height, data };
}

/** Decodes the QR code drawn by `locator` (an <svg>) from a screenshot. */
export async function decodeQr(page, locator) {
  const { width, height, data } = await pixels(page, locator);
  const code = jsQR(Uint8ClampedArray.from(data), width, height);
  assert.ok(code, 'jsQR found a QR code in the screenshot');
  return code.data;
}

/** The path of the built CLI (built here if needed: fast when it is up to date). */
export function cliPath() {
  const out = execFileSync('cargo', ['build', '--quiet', '--bin', 'newsview', '--message-format=json'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  for (const line of out.split('\n').reverse()) {
    if (!line.includes('"executable"')) continue;
    const msg = JSON.parse(line);
    if (msg.executable && msg.target?.name === 'newsview' && msg.target.kind.includes('bin')) return msg.executable;
  }
  throw new Error('cargo build did not report the newsview executable');
}
