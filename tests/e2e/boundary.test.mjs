// Issue 12, end to end in headless Chromium against the built package (pkg/): one view per
// container (render, hydrate and <news-view> never wire a second set of listeners), errors as
// data (`NewsviewError` with `code` and `path`), warnings as data (`view.warnings`, the same
// array in `nv-warning`).
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openHost, root, useHarness } from './harness.mjs';

const h = useHarness();

const seed = JSON.parse(readFileSync(join(root, 'tests', 'fixtures', 'seed-article.json'), 'utf8'));
const NOW = '2026-03-16T10:00:00+08:00';

/**
 * Counts what is live in the page: event listeners on the document, its shadow roots and the
 * window (CDP `DOMDebugger.getEventListeners`, piercing shadow roots), and the intervals and
 * timeouts set and not yet cleared or fired (counted by wrappers installed by `trackTimers`).
 */
async function liveCounts(s) {
  const cdp = await s.context.newCDPSession(s.page);
  try {
    let listeners = 0;
    for (const expression of ['document', 'window']) {
      const { result } = await cdp.send('Runtime.evaluate', { expression });
      const { listeners: list } = await cdp.send('DOMDebugger.getEventListeners', {
        objectId: result.objectId,
        depth: -1,
        pierce: true,
      });
      listeners += list.length;
      await cdp.send('Runtime.releaseObject', { objectId: result.objectId });
    }
    const timers = await s.page.evaluate(() => ({ intervals: window.liveIntervals.size, timeouts: window.liveTimeouts.size }));
    return { listeners, ...timers };
  } finally {
    await cdp.detach();
  }
}

/** Wraps the page's timer functions to count the intervals and timeouts that are live. */
async function trackTimers(page) {
  await page.evaluate(() => {
    window.liveIntervals = new Set();
    window.liveTimeouts = new Set();
    const { setInterval, clearInterval, setTimeout, clearTimeout } = window;
    window.setInterval = (...args) => {
      const id = setInterval(...args);
      window.liveIntervals.add(id);
      return id;
    };
    window.clearInterval = (id) => {
      window.liveIntervals.delete(id);
      clearInterval(id);
    };
    window.setTimeout = (f, ms, ...rest) => {
      const id = setTimeout((...a) => {
        window.liveTimeouts.delete(id);
        if (typeof f === 'function') f(...a);
      }, ms, ...rest);
      window.liveTimeouts.add(id);
      return id;
    };
    window.clearTimeout = (id) => {
      window.liveTimeouts.delete(id);
      clearTimeout(id);
    };
  });
}

describe('one view per container', () => {
  let s;
  before(async () => {
    s = await openHost(h);
    await trackTimers(s.page);
  });
  after(async () => {
    await s?.close();
  });

  /**
   * Renders the seed `times` times into one container (with `how`: 'render' or 'hydrate'),
   * opens the share popover and shows the toast of the last view, clicks 点赞 once and returns
   * how many `nv-like` events the click made and what the old views do now.
   */
  async function renderTimes(times, how = 'render') {
    return s.page.evaluate(
      async ({ article, times, how, now }) => {
        const nv = await import('/pkg/newsview.js');
        // The last call's view, in another container, goes first.
        window.lastView?.destroy();
        const container = document.createElement('div');
        document.getElementById('app').replaceChildren(container);
        const likes = [];
        container.addEventListener('nv-like', (e) => likes.push(e.detail.liked));
        const views = [];
        for (let i = 0; i < times; i++) {
          views.push(await nv[how](container, { ...article, title: `第 ${i + 1} 次` }, { now }));
        }
        const root = container.shadowRoot;
        root.querySelector('[data-nv-action=like]').click();
        const oldUpdate = views.slice(0, -1).map((v) => {
          try {
            v.update(article);
            return 'updated';
          } catch (e) {
            return e.message;
          }
        });
        window.lastView = views[views.length - 1];
        return {
          likes,
          titles: root.querySelectorAll('.nv-title').length,
          title: root.querySelector('.nv-title').textContent,
          oldUpdate: [...new Set(oldUpdate)],
          same: views.every((v) => v === views[0]),
        };
      },
      { article: seed, times, how, now: NOW },
    );
  }

  async function clear() {
    await s.page.evaluate(() => {
      window.lastView?.destroy();
      window.lastView = null;
      document.querySelector('#app > div')?.remove();
    });
  }

  test('render() twice and ten times into one container: one nv-like per click, no growth in listeners or timers', async () => {
    const one = await renderTimes(1);
    assert.deepEqual(one.likes, [true]);
    const base = await liveCounts(s);
    const two = await renderTimes(2);
    assert.deepEqual(two.likes, [true], 'one nv-like per click after 2 renders');
    assert.equal(two.titles, 1);
    assert.equal(two.title, '第 2 次');
    assert.deepEqual(two.oldUpdate, ['view: update() after destroy()'], 'the replaced view was destroyed');
    assert.deepEqual(await liveCounts(s), base, 'after 2 renders: as many live listeners and timers as after 1');
    const ten = await renderTimes(10);
    assert.deepEqual(ten.likes, [true], 'one nv-like per click after 10 renders');
    assert.equal(ten.title, '第 10 次');
    assert.deepEqual(ten.oldUpdate, ['view: update() after destroy()']);
    assert.deepEqual(await liveCounts(s), base, 'after 10 renders: as many live listeners and timers as after 1');
    await clear();
  });

  test('hydrate() into a container with a live view replaces it too', async () => {
    const base = (await renderTimes(1, 'hydrate'), await liveCounts(s));
    const ten = await renderTimes(10, 'hydrate');
    assert.deepEqual(ten.likes, [true]);
    assert.equal(ten.title, '第 10 次');
    assert.deepEqual(await liveCounts(s), base);
    await clear();
  });

  test('the replaced view loses its open popover, its toast timer and its interval', async () => {
    const out = await s.page.evaluate(async ({ article, now }) => {
      const nv = await import('/pkg/newsview.js');
      const container = document.createElement('div');
      document.getElementById('app').replaceChildren(container);
      const before = { intervals: window.liveIntervals.size, timeouts: window.liveTimeouts.size };
      await nv.render(container, article, { now });
      const root = container.shadowRoot;
      // 复制链接 shows the toast (a 3 s timeout), then the share menu is opened again.
      root.querySelector('[data-nv-action=share]').click();
      root.querySelector('[data-nv-service=copy]').click();
      await new Promise((r) => setTimeout(r, 50));
      const toast = root.querySelector('.nv-toast').textContent;
      root.querySelector('[data-nv-action=share]').click();
      const open = root.querySelectorAll('.nv-popover:not([hidden])').length;
      const during = { intervals: window.liveIntervals.size, timeouts: window.liveTimeouts.size };
      const view = await nv.render(container, article, { now });
      const after = {
        intervals: window.liveIntervals.size,
        timeouts: window.liveTimeouts.size,
        open: container.shadowRoot.querySelectorAll('.nv-popover:not([hidden])').length,
      };
      view.destroy();
      const gone = { intervals: window.liveIntervals.size, timeouts: window.liveTimeouts.size };
      container.remove();
      return { before, open, toast, during, after, gone };
    }, { article: seed, now: NOW });
    assert.equal(out.open, 1, 'the share popover was open');
    assert.notEqual(out.toast, '', 'the toast was showing');
    assert.equal(out.during.timeouts, out.before.timeouts + 1, 'the toast timer was set');
    assert.equal(out.during.intervals, out.before.intervals + 1, 'one interval per live view');
    assert.equal(out.after.intervals, out.before.intervals + 1, 'still one after the second render');
    assert.equal(out.after.open, 0, 'no popover open in the new view');
    assert.equal(out.after.timeouts, out.before.timeouts, 'the toast timer went with the old view');
    assert.deepEqual(out.gone, out.before);
  });

  test('<news-view>: article set twice, attributes changed, re-connected: one nv-like per click, no growth in listeners', async () => {
    const step = (what) =>
      s.page.evaluate(
        async ({ what, article, now }) => {
          let el = document.querySelector('#app > news-view');
          if (what === 'create') {
            el = document.createElement('news-view');
            el.setAttribute('now', now);
            window.likes = [];
            el.addEventListener('nv-like', (e) => window.likes.push(e.detail.liked));
            document.getElementById('app').replaceChildren(el);
            el.article = article;
          } else if (what === 'article twice') {
            el.article = { ...article, title: 'A' };
            el.article = { ...article, title: 'B' };
          } else if (what === 'attributes') {
            el.setAttribute('theme', 'dark');
            el.setAttribute('lang', 'en');
            el.setAttribute('theme', 'light');
            el.setAttribute('lang', 'zh-CN');
          } else if (what === 'reconnect') {
            const app = document.getElementById('app');
            el.remove();
            app.append(el);
            el.remove();
            app.append(el);
          }
          // Wait until the element shows a view again.
          for (let i = 0; i < 200 && !el.view; i++) await new Promise((r) => setTimeout(r, 10));
          await new Promise((r) => setTimeout(r, 50));
          window.likes.length = 0;
          el.shadowRoot.querySelector('[data-nv-action=like]').click();
          return { likes: [...window.likes], title: el.shadowRoot.querySelector('.nv-title').textContent, titles: el.shadowRoot.querySelectorAll('.nv-title').length };
        },
        { what, article: seed, now: NOW },
      );
    const first = await step('create');
    assert.deepEqual(first.likes, [true]);
    const base = await liveCounts(s);
    const twice = await step('article twice');
    assert.deepEqual(twice.likes, [true], 'article set twice');
    assert.equal(twice.title, 'B');
    assert.deepEqual(await liveCounts(s), base, 'article set twice: no growth');
    for (const what of ['attributes', 'reconnect', 'article twice', 'reconnect']) {
      const out = await step(what);
      assert.deepEqual(out.likes, [true], `${what}: one nv-like per click`);
      assert.equal(out.titles, 1);
      assert.deepEqual(await liveCounts(s), base, `${what}: as many live listeners and timers as before`);
    }
    await s.page.evaluate(() => document.querySelector('#app > news-view').remove());
  });
});
