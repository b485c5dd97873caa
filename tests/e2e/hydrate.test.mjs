// Issue 6: <news-view> hydrates the markup of newsview's server rendering (the CLI's
// declarative shadow DOM): behaviour is attached to the server's nodes, the body is not rebuilt.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHarness, root } from './harness.mjs';

const NOW = '2026-03-16T10:00:00+08:00';
let h;
let dir;

before(async () => {
  // The server side: the CLI writes the article as it would for a page.
  const markup = execFileSync(
    'cargo',
    ['run', '--quiet', '--bin', 'newsview', '--', 'render', 'tests/fixtures/seed-article.json', '--now', NOW],
    { cwd: root, encoding: 'utf8', maxBuffer: 16 << 20 },
  );
  const withSrc = markup.replace('<news-view ', `<news-view src="/fixtures/seed-article.json" now="${NOW}" `);
  assert.notEqual(withSrc, markup, 'the CLI output starts with a <news-view> element');
  dir = mkdtempSync(join(tmpdir(), 'nv-hydrate-'));
  writeFileSync(
    join(dir, 'page.html'),
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>SSR</title></head><body>${withSrc}</body></html>`,
  );
  h = await startHarness();
});

after(async () => {
  await h?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('the server markup shows before any script, and <news-view> takes it over without rebuilding it', async () => {
  const { startServer } = await import('../../scripts/serve.mjs');
  const pages = await startServer({ mounts: { '/ssr/': dir, '/pkg/': join(root, 'pkg'), '/fixtures/': join(root, 'tests', 'fixtures') } });
  try {
    const context = await h.browser.newContext();
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${pages.url}/ssr/page.html`);
    // Declarative shadow DOM: the article is there with no JS at all.
    const host = page.locator('news-view');
    assert.equal(await host.locator('h1[part=title]').count(), 1);
    assert.equal(await host.locator('.nv-body > p').count(), 8);
    // Mark server nodes, then load the module.
    await page.evaluate(() => {
      const sr = document.querySelector('news-view').shadowRoot;
      window.serverBody = sr.querySelector('.nv-body');
      window.serverFirstP = sr.querySelector('.nv-body > p');
      window.serverLike = sr.querySelector('[data-nv-action=like]');
    });
    await page.addScriptTag({ type: 'module', url: '/pkg/newsview.js' });
    await page.waitForFunction(() => document.querySelector('news-view').view != null, null, { timeout: 15_000 });
    const same = await page.evaluate(() => {
      const sr = document.querySelector('news-view').shadowRoot;
      return {
        body: sr.querySelector('.nv-body') === window.serverBody,
        p: sr.querySelector('.nv-body > p') === window.serverFirstP,
        like: sr.querySelector('[data-nv-action=like]') === window.serverLike,
        articles: sr.querySelectorAll('article.nv').length,
      };
    });
    assert.deepEqual(same, { body: true, p: true, like: true, articles: 1 });
    // Behaviour is attached: 点赞 toggles and fires nv-like.
    await page.evaluate(() => {
      window.likes = [];
      document.querySelector('news-view').addEventListener('nv-like', (e) => window.likes.push(e.detail));
    });
    const like = host.getByRole('button', { name: /点赞/ });
    await like.click();
    assert.equal(await like.getAttribute('aria-pressed'), 'true');
    const likes = await page.evaluate(() => window.likes);
    assert.equal(likes.length, 1);
    assert.equal(likes[0].liked, true);
    // The share menu opens on the server's button.
    await host.getByRole('button', { name: /分享/ }).click();
    assert.equal(await host.locator('[part=share-menu]').isVisible(), true);
    assert.deepEqual(errors, []);
    await context.close();
  } finally {
    await pages.close();
  }
});

// Issue 13: the hydration-only client. A page rendered by the server (the CLI's --page, with
// /pkg/newsview-hydrate.js as its script) downloads that entry and its wasm only; its widgets
// work on the server's nodes; update() then loads the full client, which takes the container
// over.
test('newsview-hydrate.js wires the server markup alone, and loads the full client on update()', async () => {
  const page = execFileSync(
    'cargo',
    [
      'run', '--quiet', '--bin', 'newsview', '--', 'render', 'tests/fixtures/seed-article.json',
      '--now', NOW, '--page', '--script', '/pkg/newsview-hydrate.js',
    ],
    { cwd: root, encoding: 'utf8', maxBuffer: 16 << 20 },
  );
  // A day later than the server's clock: the relative times are rewritten at hydration.
  const later = page.replace('<news-view ', '<news-view now="2026-03-17T10:00:00+08:00" ');
  assert.notEqual(later, page);
  writeFileSync(join(dir, 'hydrate-only.html'), later);
  const { startServer } = await import('../../scripts/serve.mjs');
  const pages = await startServer({ mounts: { '/ssr/': dir, '/pkg/': join(root, 'pkg'), '/fixtures/': join(root, 'tests', 'fixtures') } });
  const context = await h.browser.newContext({ baseURL: pages.url });
  try {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: pages.url });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    const errors = [];
    const requests = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    // Images on the article's hosts cannot load here (no network): those are not faults.
    page.on('console', (m) => m.type() === 'error' && !/^Failed to load resource/.test(m.text()) && errors.push(m.text()));
    await context.route('**/*', (route) =>
      new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort('blockedbyclient'),
    );
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.goto('/ssr/hydrate-only.html');
    const host = page.locator('news-view');
    await page.waitForFunction(() => document.querySelector('news-view').view != null, null, { timeout: 15_000 });
    await page.evaluate(() => {
      const el = document.querySelector('news-view');
      window.seen = { like: [], share: [], related: [], keyword: [] };
      for (const name of Object.keys(window.seen)) {
        el.addEventListener(`nv-${name}`, (e) => {
          window.seen[name].push(e.detail);
          if (name === 'related' || name === 'keyword') e.preventDefault();
        });
      }
    });

    // Relative times: 2026-03-15 14:00 is 20 hours before the server's clock, 44 before the page's.
    assert.equal(await host.locator('.nv-related-time').first().textContent(), '1天前');

    // 点赞 toggles, counts and fires once, with the article's id.
    const like = host.getByRole('button', { name: /点赞/ });
    await like.click();
    assert.equal(await like.getAttribute('aria-pressed'), 'true');
    let seen = await page.evaluate(() => window.seen);
    const likes = seed().stats.likes;
    assert.deepEqual(seen.like, [{ id: String(seed().id), liked: true, ...(likes == null ? {} : { count: likes + 1 }) }]);

    // The share menu opens; 复制链接 copies the article's URL and says so in the toast.
    await host.getByRole('button', { name: /分享/ }).click();
    assert.equal(await host.locator('[part=share-menu]').isVisible(), true);
    await host.getByRole('menuitem', { name: '复制链接' }).click();
    await page.waitForFunction(
      () => document.querySelector('news-view').shadowRoot.querySelector('.nv-toast').textContent === '链接已复制',
    );
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), seed().url);
    seen = await page.evaluate(() => window.seen);
    assert.deepEqual(seen.share, [{ service: 'copy', url: seed().url }]);
    assert.equal(await host.locator('[part=share-menu]').isVisible(), false);

    // 用手机看 shows the server's QR code.
    await host.getByRole('button', { name: /用手机看/ }).click();
    assert.equal(await host.locator('[part=qr] svg.nv-qr-code').isVisible(), true);
    await page.keyboard.press('Escape');
    assert.equal(await host.locator('[part=qr]').isVisible(), false);

    // A related video and a keyword fire their events with what the article says.
    await host.locator('[data-nv-action=related]').first().click();
    await host.locator('[data-nv-action=keyword]').first().click();
    seen = await page.evaluate(() => window.seen);
    const v = seed().relatedVideos[0];
    assert.deepEqual(seen.related, [{ id: v.id, url: v.url, index: 0 }]);
    const k = seed().keywords[0];
    assert.deepEqual(seen.keyword, [{ name: k.name, url: k.url, index: 0 }]);

    // Only the small entry was fetched.
    const pkg = (name) => requests.filter((p) => p === `/pkg/${name}`).length;
    assert.equal(pkg('newsview-hydrate.js'), 1, requests.join(' '));
    assert.equal(pkg('newsview-hydrate_bg.wasm'), 1, requests.join(' '));
    assert.equal(pkg('newsview.js'), 0, requests.join(' '));
    assert.equal(pkg('newsview_bg.wasm'), 0, requests.join(' '));
    assert.deepEqual(await page.evaluate(() => document.querySelector('news-view').view.warnings), []);

    // update(): the full client is loaded and renders the new article in the same container.
    const next = { ...seed(), id: 'next-1', title: '第二篇文章', stats: { likes: 7 } };
    await page.evaluate((a) => document.querySelector('news-view').view.update(a), next);
    assert.equal(pkg('newsview.js'), 1, requests.join(' '));
    assert.equal(pkg('newsview_bg.wasm'), 1, requests.join(' '));
    assert.equal(await host.locator('h1[part=title]').textContent(), '第二篇文章');
    assert.equal(await host.locator('article.nv').count(), 1);
    await page.evaluate(() => {
      window.seen.like = [];
    });
    const like2 = host.getByRole('button', { name: /点赞/ });
    assert.equal(await like2.getAttribute('aria-pressed'), 'false');
    await like2.click();
    seen = await page.evaluate(() => window.seen);
    assert.deepEqual(seen.like, [{ id: 'next-1', liked: true, count: 8 }], 'one event per click: no double wiring');
    await host.getByRole('button', { name: /分享/ }).click();
    await host.getByRole('menuitem', { name: '复制链接' }).click();
    seen = await page.evaluate(() => window.seen);
    assert.equal(seen.share.length, 2, 'one nv-share per click');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    await pages.close();
  }
});

function seed() {
  return JSON.parse(readFileSync(join(root, 'tests', 'fixtures', 'seed-article.json'), 'utf8'));
}

// The hydration entry's <news-view> on an element without server markup, and on an attribute
// change after hydration: both hand the element to the full client, loaded then.
test('newsview-hydrate.js hands <news-view> to the full client when it must render', async () => {
  const plain = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>plain</title>
<script type="module" src="/pkg/newsview-hydrate.js"></script></head>
<body><news-view src="/fixtures/seed-article.json" now="${NOW}"></news-view></body></html>`;
  writeFileSync(join(dir, 'plain.html'), plain);
  const { startServer } = await import('../../scripts/serve.mjs');
  const pages = await startServer({ mounts: { '/ssr/': dir, '/pkg/': join(root, 'pkg'), '/fixtures/': join(root, 'tests', 'fixtures') } });
  const context = await h.browser.newContext({ baseURL: pages.url });
  try {
    await context.route('**/*', (route) =>
      new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort('blockedbyclient'),
    );
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    const errors = [];
    const requests = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.goto('/ssr/plain.html');
    const host = page.locator('news-view');
    await page.waitForFunction(() => document.querySelector('news-view').view != null, null, { timeout: 15_000 });
    assert.equal(await host.locator('h1[part=title]').textContent(), seed().title);
    assert.ok(requests.includes('/pkg/newsview.js') && requests.includes('/pkg/newsview_bg.wasm'), requests.join(' '));
    assert.equal(requests.filter((p) => p === '/fixtures/seed-article.json').length, 1);

    // The server page (written by the test above), hydrated by the small entry, then given
    // another language: the full client renders it in English.
    await page.goto('/ssr/hydrate-only.html');
    await page.waitForFunction(() => document.querySelector('news-view').view != null, null, { timeout: 15_000 });
    await page.evaluate(() => document.querySelector('news-view').setAttribute('lang', 'en'));
    await page.waitForFunction(
      () => document.querySelector('news-view').shadowRoot.querySelector('article.nv')?.getAttribute('lang') === 'en',
      null,
      { timeout: 15_000 },
    );
    assert.equal(await host.getByRole('button', { name: /Like/ }).count(), 1);
    assert.equal(await host.locator('article.nv').count(), 1);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    await pages.close();
  }
});
