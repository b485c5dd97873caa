// Issue 6, the script-tag embed: a plain HTML page (tests/e2e/pages/cdn.html) loads
// `<script type="module" src="/cdn/newsview@0.1.0/newsview.js">` and shows
// `<news-view src=…>`, with the package files served from a path of their own, as a CDN serves
// an npm package. The files are pkg/'s, which `scripts/package.sh` packs unchanged (checked by
// package.test.mjs). Then the same page with the package on another origin (a second server
// sending `Access-Control-Allow-Origin: *`, as CDNs do).
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, isLocal, root } from './harness.mjs';
import { startServer } from '../../scripts/serve.mjs';

const CDN_PATH = '/cdn/newsview@0.1.0/';
const seed = JSON.parse(readFileSync(join(root, 'tests', 'fixtures', 'seed-article.json'), 'utf8'));
const PAGE_MOUNTS = {
  '/fixtures/': join(root, 'tests', 'fixtures'),
  '/pages/': join(root, 'tests', 'e2e', 'pages'),
};

let browser;
const servers = [];
const cleanups = [];

before(async () => {
  if (!existsSync(join(root, 'pkg', 'newsview.js'))) {
    throw new Error("pkg/newsview.js is missing: run 'make build' before the end-to-end tests");
  }
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
});

after(async () => {
  await browser?.close().catch(() => {});
  for (const s of servers) await s.close();
  for (const c of cleanups) c();
});

async function serve(options) {
  const s = await startServer(options);
  servers.push(s);
  return s;
}

/** Opens `url`, records errors and responses, and waits for the element's h1 (or an nv-error). */
async function openPage(url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const s = { context, page, pageErrors: [], consoleErrors: [], responses: [], failed: [] };
  page.on('pageerror', (e) => s.pageErrors.push(String(e?.stack || e)));
  page.on('console', (m) => m.type() === 'error' && s.consoleErrors.push(m.text()));
  page.on('response', (r) => s.responses.push({ url: r.url(), status: r.status(), type: r.headers()['content-type'] ?? '' }));
  context.on('requestfailed', (r) => s.failed.push(`${r.url()}: ${r.failure()?.errorText}`));
  // The seed's images are on other hosts; the machine has no network.
  await context.route('**/*', (route) => (isLocal(route.request().url()) ? route.continue() : route.abort('blockedbyclient')));
  await page.goto(url);
  await page.waitForFunction(
    () => document.querySelector('news-view')?.shadowRoot?.querySelector('h1') || window.nvErrors?.length,
    null,
  ).catch((e) => {
    throw new Error(`news-view did not render: ${[...s.pageErrors, ...s.failed].join('; ') || e.message}`);
  });
  assert.deepEqual(await page.evaluate(() => window.nvErrors), [], 'nv-error events');
  return s;
}

/** The article rendered, nothing failed, and the wasm came from beside the module. */
async function assertRendered(s, cdnOrigin) {
  const el = s.page.locator('news-view');
  assert.equal(await el.locator('h1').textContent(), seed.title);
  assert.equal(await el.locator('[part~="body"] p').count(), 8);
  assert.equal(await el.locator('[part~="related-item"]').count(), 20);
  assert.equal(await el.locator('[part~="related-item"] time').first().textContent(), '20小时前', 'the now attribute is used');
  assert.deepEqual(s.pageErrors, [], 'uncaught page errors');
  assert.deepEqual(s.consoleErrors.filter((e) => !/^Failed to load resource/.test(e)), [], 'console errors');
  const local = s.responses.filter((r) => isLocal(r.url));
  assert.deepEqual(local.filter((r) => r.status >= 400), [], 'no local request failed');
  const byPath = (p) => local.filter((r) => new URL(r.url).pathname === p);
  const js = byPath(`${CDN_PATH}newsview.js`);
  const wasm = byPath(`${CDN_PATH}newsview_bg.wasm`);
  assert.equal(js.length, 1, 'the module is fetched once from the CDN path');
  assert.equal(wasm.length, 1, 'the wasm is fetched once, beside the module');
  assert.equal(new URL(js[0].url).origin, cdnOrigin);
  assert.equal(new URL(wasm[0].url).origin, cdnOrigin);
  assert.equal(wasm[0].type, 'application/wasm');
  assert.equal(local.filter((r) => r.url.endsWith('.wasm')).length, 1, 'no other .wasm was requested');
}

describe('script tag: the package served from a CDN path', () => {
  test('same origin, another path: /pages/cdn.html loads /cdn/newsview@0.1.0/newsview.js', async () => {
    const server = await serve({ mounts: { ...PAGE_MOUNTS, [CDN_PATH]: join(root, 'pkg') } });
    const s = await openPage(`${server.url}/pages/cdn.html`);
    try {
      await assertRendered(s, new URL(server.url).origin);
    } finally {
      await s.context.close();
    }
  });

  test('another origin with CORS, as a CDN: the same page with an absolute script URL', async () => {
    const cdn = await serve({ mounts: { [CDN_PATH]: join(root, 'pkg') }, headers: { 'Access-Control-Allow-Origin': '*' } });
    const html = readFileSync(join(root, 'tests', 'e2e', 'pages', 'cdn.html'), 'utf8');
    assert.ok(html.includes(`src="${CDN_PATH}newsview.js"`));
    // The page is served by the site's own server (a page Playwright fulfilled itself would not
    // count as loopback, and Chromium's local network access checks would block the CDN).
    const dir = mkdtempSync(join(tmpdir(), 'newsview-cdn-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    writeFileSync(join(dir, 'cdn.html'), html.replace(`src="${CDN_PATH}`, `src="${cdn.url}${CDN_PATH}`));
    const site = await serve({ mounts: { ...PAGE_MOUNTS, '/cross/': dir } });
    const s = await openPage(`${site.url}/cross/cdn.html`);
    try {
      await assertRendered(s, new URL(cdn.url).origin);
      assert.equal(s.responses.filter((r) => r.url.startsWith(site.url) && r.url.includes('/cdn/')).length, 0);
    } finally {
      await s.context.close();
    }
  });
});
