// Shared by the tests of newsview/server (tests/server/): starting the examples (the Node
// server, the Worker in workerd) on free loopback ports and stopping them, and the check that a
// served page hydrates in Chromium without rebuilding a node and that its widgets work.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_PATH, decodeQr, isLocal, root } from '../e2e/harness.mjs';

export { root };

export const SERVER_ENTRY = join(root, 'pkg-server', 'newsview-server.js');
export const WORKERD = join(root, 'node_modules', '.bin', 'workerd');
export const seedText = readFileSync(join(root, 'tests', 'fixtures', 'seed-article.json'), 'utf8');
export const seed = JSON.parse(seedText);

export function requireBuilds() {
  for (const f of [SERVER_ENTRY, join(root, 'pkg', 'newsview.js')]) {
    if (!existsSync(f)) throw new Error(`${f} is missing: run 'make build build-server' first`);
  }
}

/** A TCP port free on 127.0.0.1 right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Spawns `cmd args` and resolves once `ready(url)` (polled) is true; `stop()` ends it. */
async function startProcess(cmd, args, url, { timeoutMs = 20_000 } = {}) {
  const child = spawn(cmd, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  let exited = null;
  child.once('exit', (code, signal) => (exited = { code, signal }));
  const stop = () =>
    new Promise((resolve) => {
      if (exited) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => exited || child.kill('SIGKILL'), 3000).unref();
    });
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (exited) throw new Error(`${cmd} exited (${exited.code ?? exited.signal}) before serving: ${output}`);
    try {
      const r = await fetch(url, { redirect: 'manual' });
      await r.arrayBuffer();
      break;
    } catch {
      // not listening yet
    }
    if (Date.now() > end) {
      await stop();
      throw new Error(`${cmd} did not answer on ${url} within ${timeoutMs} ms: ${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { stop, output: () => output };
}

/**
 * workerd serving `config` (its socket named `http`) on a free port of 127.0.0.1, ready once
 * `readyPath` answers; `stop()` ends it.
 */
export async function startWorkerd(config, readyPath = '/') {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const p = await startProcess(WORKERD, ['serve', config, '--socket-addr', `http=127.0.0.1:${port}`], `${url}${readyPath}`);
  return { url, ...p };
}

/** The Worker example (examples/worker) in workerd on a free port of 127.0.0.1. */
export function startWorker() {
  return startWorkerd('examples/worker/config.capnp', '/newsview.js');
}

/** The Node example (examples/node-server) on a free port of 127.0.0.1. */
export async function startNodeServer() {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const p = await startProcess(process.execPath, ['examples/node-server/server.mjs', '--port', String(port)], `${url}/newsview.js`);
  return { url, ...p };
}

export async function launchChromium() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/**
 * Opens `pageUrl` (a server-rendered article page) in `browser` and checks the promise of
 * server rendering end to end: the article is there before any script (declarative shadow
 * DOM); when newsview's module loads, `<news-view>` takes the server's nodes over by itself
 * (no `src`, no host code), rebuilding none of them; and the widgets work on those nodes —
 * 点赞 (nv-like), the share menu, 复制链接 (clipboard and toast), 用手机看 (a QR code of the
 * article URL), and a related video (nv-related). `shareUrl` is the URL share and QR carry.
 * With `hydrateOnly` (a page that loads newsview/hydrate), the full client is never fetched:
 * neither `newsview.js` nor `newsview_bg.wasm` is requested while all of that happens.
 */
export async function checkHydration(browser, pageUrl, shareUrl, { hydrateOnly = false } = {}) {
  const origin = new URL(pageUrl).origin;
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  // The article's images are on other hosts: refused, as the machine has no network.
  await context.route('**/*', (route) => (isLocal(route.request().url()) ? route.continue() : route.abort('blockedbyclient')));
  const requested = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  // Hold the module (either client) back until the server's nodes are marked.
  let release;
  const held = new Promise((r) => (release = r));
  await page.route(/\/newsview(-hydrate)?\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  try {
    // A module script delays DOMContentLoaded, so wait for the parsed element instead.
    await page.goto(pageUrl, { waitUntil: 'commit' });
    await page.waitForFunction(() => document.querySelector('news-view')?.shadowRoot?.querySelector('.nv-related'));
    const before = await page.evaluate(() => {
      const host = document.querySelector('news-view');
      if (!host?.shadowRoot) return null;
      /** The parts whose nodes must survive hydration. */
      window.nvParts = () => {
        const sr = document.querySelector('news-view').shadowRoot;
        const q = (s) => sr.querySelector(s);
        return {
          article: q('article.nv'),
          title: q('h1'),
          body: q('.nv-body'),
          firstP: q('.nv-body > p'),
          like: q('[data-nv-action=like]'),
          share: q('[data-nv-action=share]'),
          related: q('[part~=related-item]'),
        };
      };
      window.serverNodes = window.nvParts();
      return {
        title: window.serverNodes.title?.textContent ?? null,
        hasSrc: host.hasAttribute('src'),
        view: host.view ?? null,
        marked: Object.entries(window.serverNodes).filter(([, n]) => !n).map(([k]) => k),
      };
    });
    assert.ok(before, 'the page has <news-view> with a declarative shadow root before any script');
    assert.deepEqual(before.marked, [], 'every marked part is in the server markup');
    assert.equal(before.hasSrc, false, 'no src: the element hydrates from the data in the page');
    assert.equal(before.view, null);
    release();
    await page.waitForFunction(() => document.querySelector('news-view').view != null, null, { timeout: 15_000 });
    const same = await page.evaluate(() => {
      const sr = document.querySelector('news-view').shadowRoot;
      const now = window.nvParts();
      const changed = Object.keys(now).filter((k) => now[k] !== window.serverNodes[k]);
      return { changed, articles: sr.querySelectorAll('article.nv').length };
    });
    assert.deepEqual(same, { changed: [], articles: 1 }, 'no server node was rebuilt');

    await page.evaluate(() => {
      window.events = [];
      const host = document.querySelector('news-view');
      for (const type of ['nv-like', 'nv-share', 'nv-related']) {
        host.addEventListener(type, (e) => {
          window.events.push({ type, detail: e.detail });
          if (type === 'nv-related') e.preventDefault();
        });
      }
    });
    const host = page.locator('news-view');
    // 点赞 toggles and fires nv-like.
    const like = host.getByRole('button', { name: /^点赞/ });
    await like.click();
    assert.equal(await like.getAttribute('aria-pressed'), 'true');
    // The share menu opens; 复制链接 copies the article URL and says so.
    await host.getByRole('button', { name: '分享' }).click();
    assert.equal(await host.getByRole('menu').isVisible(), true, 'share menu open');
    await host.getByRole('menuitem', { name: '复制链接' }).click();
    const status = host.getByRole('status');
    await page.waitForFunction(
      () => document.querySelector('news-view').shadowRoot.querySelector('[role=status]')?.textContent === '链接已复制',
    );
    assert.equal(await status.textContent(), '链接已复制');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), shareUrl);
    // 用手机看: a QR code of the article URL.
    await host.getByRole('button', { name: '用手机看' }).click();
    const qr = host.locator('[part~="qr"]');
    assert.equal(await qr.isVisible(), true);
    assert.equal(await decodeQr(page, qr.getByRole('img')), shareUrl);
    await page.keyboard.press('Escape');
    // A related video: nv-related {id, url, index}, cancelled here so the page stays.
    const firstRelated = host.locator('[part~="related-item"] a, a[part~="related-item"]').first();
    await firstRelated.click();
    const events = await page.evaluate(() => window.events);
    assert.deepEqual(events.map((e) => e.type), ['nv-like', 'nv-share', 'nv-related']);
    assert.equal(events[0].detail.liked, true);
    assert.deepEqual(events[1].detail, { service: 'copy', url: shareUrl });
    assert.deepEqual(events[2].detail, { id: seed.relatedVideos[0].id, url: seed.relatedVideos[0].url, index: 0 });
    assert.equal(page.url(), pageUrl, 'the cancelled related click did not navigate');
    assert.deepEqual(errors, [], 'no page errors');
    if (hydrateOnly) {
      assert.ok(requested.some((p) => p.endsWith('/newsview-hydrate_bg.wasm')), 'the hydration client loaded');
      const full = requested.filter((p) => /\/newsview(_bg\.wasm|\.js)$/.test(p));
      assert.deepEqual(full, [], 'the full client was not fetched');
    }
  } finally {
    await context.close();
  }
}
