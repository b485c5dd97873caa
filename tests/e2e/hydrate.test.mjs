// Issue 6: <news-view> hydrates the markup of newsview's server rendering (the CLI's
// declarative shadow DOM): behaviour is attached to the server's nodes, the body is not rebuilt.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
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
