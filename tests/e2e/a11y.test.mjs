// Issue 4, accessibility: axe-core (pinned devDependency) run in headless Chromium on the seed
// render with the share menu closed and open, the keyboard path through the share menu, and
// prefers-reduced-motion.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { openHost, root, useHarness } from './harness.mjs';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const seed = JSON.parse(readFileSync(join(root, 'tests', 'fixtures', 'seed-article.json'), 'utf8'));
const NOW = '2026-03-16T10:00:00+08:00';

const h = useHarness();

async function render(page, article, options) {
  const result = await page.evaluate(
    async ({ article, options }) => {
      const container = document.createElement('div');
      container.className = 'host-container';
      document.getElementById('app').replaceChildren(container);
      try {
        window.view = await window.newsview.render(container, article, options);
        return { ok: true };
      } catch (e) {
        return { ok: false, message: String(e?.message ?? e) };
      }
    },
    { article, options },
  );
  assert.deepEqual(result, { ok: true });
}

/** axe violations inside the container (open shadow roots are pierced), as readable strings. */
async function violations(page) {
  const found = await page.evaluate(async () => {
    // Popovers fade in: judge the colours once every animation has finished.
    const root = document.querySelector('.host-container').shadowRoot;
    await Promise.all(root.getAnimations().map((a) => a.finished));
    const r = await window.axe.run(document.querySelector('.host-container'), { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  });
  return found.map((v) => `${v.id}: ${v.help} — ${v.nodes.join(', ')}`);
}

const focusedName = (page) =>
  page.evaluate(() => {
    let a = document.activeElement;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    return (a?.getAttribute('aria-label') || a?.textContent || '').trim();
  });

describe('axe-core on the seed render', () => {
  let s;
  let page;
  before(async () => {
    s = await openHost(h);
    page = s.page;
    await page.addScriptTag({ content: AXE_SOURCE });
    await render(page, seed, { now: NOW });
  });
  after(async () => s?.close());

  test('axe is loaded and sees the component (a check that can fail)', async () => {
    const counted = await page.evaluate(async () => {
      const r = await window.axe.run(document.querySelector('.host-container'));
      return r.passes.reduce((n, p) => n + p.nodes.length, 0);
    });
    assert.ok(counted > 20, `axe checked ${counted} nodes inside the shadow root`);
  });

  test('zero violations with the share menu closed', async () => {
    assert.deepEqual(await violations(page), []);
  });

  test('zero violations with the share menu open', async () => {
    await page.getByRole('button', { name: '分享' }).click();
    assert.equal(await page.getByRole('menu').isVisible(), true);
    assert.deepEqual(await violations(page), []);
    await page.keyboard.press('Escape');
  });

  test('zero violations with the QR popover open, and for a signed-in reader with comments', async () => {
    await page.getByRole('button', { name: '用手机看' }).click();
    assert.deepEqual(await violations(page), []);
    await page.keyboard.press('Escape');
    const article = JSON.parse(JSON.stringify(seed));
    article.comments = {
      enabled: true,
      items: [{ id: 'c1', author: { name: '王小明' }, text: '写得好', publishedAt: '2026-03-16T09:00:00+08:00' }],
    };
    await render(page, article, { now: NOW, user: { name: '读者' } });
    await page.getByRole('button', { name: '发表' }).click();
    assert.equal(await page.getByRole('alert').textContent(), '评论内容不能为空');
    assert.deepEqual(await violations(page), []);
  });
});

describe('keyboard', () => {
  test('Tab reaches 分享; Enter opens the menu; arrows move; Esc closes and focus is back on 分享', async () => {
    const s = await openHost(h);
    try {
      const page = s.page;
      await render(page, seed, { now: NOW });
      const reached = [];
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press('Tab');
        const name = await focusedName(page);
        reached.push(name);
        if (name === '分享') break;
      }
      assert.equal(reached.at(-1), '分享', `Tab order: ${reached.join(' | ')}`);
      assert.ok(reached.some((n) => n.startsWith('播放视频')), 'the play button is on the way');
      assert.ok(reached.some((n) => n.startsWith('点赞')) && reached.some((n) => n.startsWith('收藏')));
      await page.keyboard.press('Enter');
      assert.equal(await page.getByRole('menu').isVisible(), true);
      assert.equal(await focusedName(page), '微信');
      await page.keyboard.press('ArrowDown');
      assert.equal(await focusedName(page), '微博');
      await page.keyboard.press('Escape');
      assert.equal(await page.getByRole('menu').isVisible(), false);
      assert.equal(await focusedName(page), '分享');
      // 用手机看 by keyboard: Tab, Enter opens, Esc closes.
      await page.keyboard.press('Tab');
      assert.equal(await focusedName(page), '用手机看');
      await page.keyboard.press('Enter');
      assert.equal(await page.locator('[part~="qr"]').isVisible(), true);
      await page.keyboard.press('Escape');
      assert.equal(await page.locator('[part~="qr"]').isVisible(), false);
      assert.equal(await focusedName(page), '用手机看');
      // Space toggles 点赞.
      const like = page.getByRole('button', { name: /^点赞/ });
      await like.focus();
      await page.keyboard.press('Space');
      assert.equal(await like.getAttribute('aria-pressed'), 'true');
      // The play button by Enter.
      await page.getByRole('button', { name: '播放视频' }).focus();
      await page.keyboard.press('Enter');
      assert.equal(await page.locator('video').count(), 1);
    } finally {
      await s.close();
    }
  });
});

describe('prefers-reduced-motion', () => {
  test('reduce: no transitions and no animations; otherwise they run', async () => {
    const s = await openHost(h);
    try {
      const page = s.page;
      await render(page, seed, { now: NOW });
      await page.getByRole('button', { name: '分享' }).click();
      const motion = () =>
        page.evaluate(() => {
          const root = document.querySelector('.host-container').shadowRoot;
          const icon = getComputedStyle(root.querySelector('.nv-icon'));
          const pop = getComputedStyle(root.querySelector('.nv-share-menu'));
          return { transition: icon.transitionDuration, animation: pop.animationName };
        });
      await page.emulateMedia({ reducedMotion: 'no-preference' });
      const normal = await motion();
      assert.notEqual(normal.transition, '0s');
      assert.notEqual(normal.animation, 'none');
      await page.emulateMedia({ reducedMotion: 'reduce' });
      assert.deepEqual(await motion(), { transition: '0s', animation: 'none' });
    } finally {
      await s.close();
    }
  });
});
