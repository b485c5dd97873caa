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

/** The codes the d.ts declares (`export type ErrorCode = …;`). */
const DECLARED_CODES = (() => {
  const dts = readFileSync(join(root, 'types', 'newsview.d.ts'), 'utf8');
  const union = /export type ErrorCode =([^;]*);/.exec(dts);
  assert.ok(union, 'types/newsview.d.ts declares ErrorCode');
  return new Set([...union[1].matchAll(/'([^']+)'/g)].map((m) => m[1]));
})();

/** Every code a test below saw on a NewsviewError or an nv-error. */
const seenCodes = new Set();

/** A page-side function: `e` (anything caught) as plain data. */
const DESCRIBE = `(e) => ({
  isError: e instanceof Error,
  isNewsviewError: e instanceof window.NV.NewsviewError,
  name: e?.name,
  code: e?.code,
  path: e?.path,
  message: String(e?.message ?? e),
  cause: e?.cause ? String(e.cause.name ?? e.cause) : null,
})`;

describe('errors as data: NewsviewError {code, path} and nv-error', () => {
  const BASE = { id: 'a1', title: '标题', publishedAt: '2026-03-16T09:00:00+08:00', bodyHtml: '<p>正文</p>' };
  const VIDEO = { id: 'v', url: 'https://www.example.com/v', title: '视频' };
  let s;
  before(async () => {
    s = await openHost(h);
    await s.page.evaluate(async () => {
      window.NV = await import('/pkg/newsview.js');
    });
  });
  after(async () => {
    await s?.close();
  });

  /** Renders each case with `how` and returns what it rejected with. */
  async function refusals(cases, how = 'render') {
    return s.page.evaluate(
      async ({ cases, how, describe }) => {
        const describeError = (0, eval)(describe);
        const out = [];
        for (const [article, options] of cases) {
          const c = document.createElement('div');
          document.getElementById('app').replaceChildren(c);
          try {
            const view = await window.NV[how](c, article, options ?? null);
            view.destroy();
            out.push(null);
          } catch (e) {
            out.push(describeError(e));
          }
        }
        return out;
      },
      { cases, how, describe: DESCRIBE },
    );
  }

  const CASES = [
    // [name, article, options, code, path, message]
    ['a negative duration', { ...BASE, relatedVideos: [VIDEO, VIDEO, VIDEO, { ...VIDEO, durationSeconds: -1 }] }, null,
      'invalid', 'relatedVideos[3].durationSeconds', 'relatedVideos[3].durationSeconds: expected a number >= 0, got a negative number'],
    ['a wrong type', { ...BASE, title: 42 }, null, 'invalid', 'title', 'title: expected a string, got a number'],
    ['a missing field', { title: 't', publishedAt: BASE.publishedAt }, null, 'invalid', 'id', 'id: required field is missing'],
    ['no article', null, null, 'invalid', '', 'article: expected an object or a JSON string'],
    ['invalid JSON text', '{"id": "a1", "title": ', null, 'json', 'title', /^title: unexpected end of input/],
    ['a newer schema version', { ...BASE, schemaVersion: 2 }, null, 'schema-version', 'schemaVersion',
      'schemaVersion: version 2 is newer than this newsview reads (1); upgrade newsview'],
    ['a bad option', BASE, { limits: { maxKeywords: 'x' } }, 'invalid', 'options.limits.maxKeywords', /^options\.limits\.maxKeywords: /],
  ];

  for (const how of ['render', 'hydrate']) {
    test(`${how}() rejects with a NewsviewError whose code and path name the fault; the message is unchanged`, async () => {
      const out = await refusals(CASES.map(([, article, options]) => [article, options]), how);
      CASES.forEach(([name, , , code, path, message], i) => {
        const e = out[i];
        assert.ok(e, `${name}: rejected`);
        assert.equal(e.isError, true, name);
        assert.equal(e.isNewsviewError, true, `${name}: instanceof NewsviewError`);
        assert.equal(e.name, 'NewsviewError', name);
        assert.equal(e.code, code, name);
        assert.equal(e.path, path, name);
        if (typeof message === 'string') assert.equal(e.message, message, name);
        else assert.match(e.message, message, name);
        seenCodes.add(e.code);
      });
    });
  }

  test('arguments with no JSON form: a cycle or a BigInt cannot be serialised, a function is not an object', async () => {
    // Built in the page: a cycle, a BigInt and a function do not cross page.evaluate.
    const out = await s.page.evaluate(
      async ({ base, describe }) => {
        const describeError = (0, eval)(describe);
        const cyclic = { ...base };
        cyclic.self = cyclic;
        const cyclicOptions = { lang: 'en' };
        cyclicOptions.self = cyclicOptions;
        const cases = [
          [cyclic, null],
          [{ ...base, likes: 1n }, null],
          [() => base, null],
          [base, cyclicOptions],
        ];
        const res = [];
        for (const [article, options] of cases) {
          const c = document.createElement('div');
          document.getElementById('app').replaceChildren(c);
          try {
            (await window.NV.render(c, article, options)).destroy();
            res.push(null);
          } catch (e) {
            res.push(describeError(e));
          }
        }
        return res;
      },
      { base: BASE, describe: DESCRIBE },
    );
    const want = [
      ['', 'article: cannot be serialised as JSON'],
      ['', 'article: cannot be serialised as JSON'],
      ['', 'article: expected an object or a JSON string'],
      ['options', 'options: cannot be serialised as JSON'],
    ];
    want.forEach(([path, message], i) => {
      const e = out[i];
      assert.ok(e, `case ${i}: rejected`);
      assert.equal(e.isNewsviewError, true, `case ${i}`);
      assert.equal(e.code, 'invalid', `case ${i}`);
      assert.equal(e.path, path, `case ${i}`);
      assert.equal(e.message, message, `case ${i}`);
    });
  });

  test('view.update() throws the same NewsviewError and keeps the article; after destroy() the code is destroyed', async () => {
    const out = await s.page.evaluate(
      async ({ base, describe }) => {
        const describeError = (0, eval)(describe);
        const c = document.createElement('div');
        document.getElementById('app').replaceChildren(c);
        const view = await window.NV.render(c, base);
        const tryUpdate = (a) => {
          try {
            view.update(a);
            return null;
          } catch (e) {
            return describeError(e);
          }
        };
        const bad = tryUpdate({ ...base, publishedAt: '2025-02-30T00:00:00Z' });
        const title = c.shadowRoot.querySelector('.nv-title').textContent;
        view.destroy();
        const destroyed = tryUpdate(base);
        let setLiked;
        try {
          view.setLiked(true);
        } catch (e) {
          setLiked = describeError(e);
        }
        return { bad, title, destroyed, setLiked };
      },
      { base: BASE, describe: DESCRIBE },
    );
    assert.equal(out.bad.isNewsviewError, true);
    assert.equal(out.bad.code, 'invalid');
    assert.equal(out.bad.path, 'publishedAt');
    assert.match(out.bad.message, /^publishedAt: /);
    assert.equal(out.title, '标题', 'the old article stays');
    assert.deepEqual(
      [out.destroyed.isNewsviewError, out.destroyed.code, out.destroyed.path, out.destroyed.message],
      [true, 'destroyed', '', 'view: update() after destroy()'],
    );
    assert.deepEqual([out.setLiked.code, out.setLiked.message], ['destroyed', 'view: setLiked() after destroy()']);
    seenCodes.add(out.bad.code).add(out.destroyed.code);
  });

  test('a container that cannot have a shadow root: code dom, the browser\'s exception as cause', async () => {
    const out = await s.page.evaluate(async ({ base, describe }) => {
      const describeError = (0, eval)(describe);
      const img = document.createElement('img');
      document.getElementById('app').replaceChildren(img);
      try {
        await window.NV.render(img, base);
        return null;
      } catch (e) {
        return describeError(e);
      }
    }, { base: BASE, describe: DESCRIBE });
    assert.equal(out.isNewsviewError, true);
    assert.equal(out.code, 'dom');
    assert.equal(out.path, '');
    assert.equal(out.cause, 'NotSupportedError');
    assert.match(out.message, /attachShadow/);
    seenCodes.add(out.code);
  });

  test('a container that is not an Element still rejects with a TypeError', async () => {
    const out = await s.page.evaluate(async (base) => {
      try {
        await window.NV.render({}, base);
      } catch (e) {
        return [e instanceof TypeError, e.message];
      }
    }, BASE);
    assert.deepEqual(out, [true, 'newsview: container must be an Element']);
  });

  test('<news-view>: nv-error carries {code, path, message}, the same as the error', async () => {
    await s.page.route('**/e/missing.json', (route) => route.fulfill({ status: 404, body: '' }));
    await s.page.route('**/e/page.json', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<p>login</p>' }));
    await s.page.route('**/e/broken.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"id": ' }));
    await s.page.route('**/e/net.json', (route) => route.abort('failed'));
    await s.page.route('**/e/slow.json', async (route) => {
      await new Promise((r) => setTimeout(r, 1000));
      await route.fulfill({ status: 200, contentType: 'application/json', body: '{}' }).catch(() => {});
    });
    const out = await s.page.evaluate(async ({ base }) => {
      const errorOf = async (setup) => {
        const el = document.createElement('news-view');
        const details = [];
        el.addEventListener('nv-error', (e) => details.push(e.detail));
        setup(el);
        document.getElementById('app').replaceChildren(el);
        for (let i = 0; i < 300 && !details.length; i++) await new Promise((r) => setTimeout(r, 10));
        el.remove();
        return details;
      };
      return {
        invalid: await errorOf((el) => (el.article = { ...base, title: 5 })),
        schema: await errorOf((el) => (el.article = { ...base, schemaVersion: 9 })),
        jsonText: await errorOf((el) => (el.article = '{"id": 1,')),
        http: await errorOf((el) => el.setAttribute('src', '/e/missing.json')),
        contentType: await errorOf((el) => el.setAttribute('src', '/e/page.json')),
        json: await errorOf((el) => el.setAttribute('src', '/e/broken.json')),
        network: await errorOf((el) => el.setAttribute('src', '/e/net.json')),
        timeout: await errorOf((el) => {
          el.setAttribute('timeout', '100');
          el.setAttribute('src', '/e/slow.json');
        }),
      };
    }, { base: BASE });
    assert.deepEqual(out.invalid, [{ code: 'invalid', path: 'title', message: 'title: expected a string, got a number' }]);
    assert.deepEqual(out.schema, [{ code: 'schema-version', path: 'schemaVersion', message: 'schemaVersion: version 9 is newer than this newsview reads (1); upgrade newsview' }]);
    assert.equal(out.jsonText[0].code, 'json');
    assert.deepEqual(out.http, [{ code: 'http', path: '', message: 'HTTP 404' }]);
    assert.deepEqual(out.contentType, [{ code: 'content-type', path: '', message: 'expected JSON, got text/html' }]);
    assert.equal(out.json[0].code, 'json');
    assert.match(out.json[0].message, /^invalid JSON: /);
    assert.equal(out.network[0].code, 'network');
    assert.deepEqual(out.timeout, [{ code: 'timeout', path: '', message: 'no response within 100 ms' }]);
    for (const list of Object.values(out)) {
      assert.equal(list.length, 1);
      assert.deepEqual(Object.keys(list[0]), ['code', 'path', 'message']);
      seenCodes.add(list[0].code);
    }
  });
});

describe('errors as data: panic and init', () => {
  test('a trap: render() rejects with a NewsviewError code panic, and nv-error carries the same fields', async () => {
    const s = await h.open('/pages/robust.html');
    try {
      await s.page.waitForFunction(() => window.newsviewLoaded === true, null, { timeout: 20_000 });
      const out = await s.page.evaluate(async (describe) => {
        window.NV = await import('/pkg/newsview.js');
        const describeError = (0, eval)(describe);
        const c = document.createElement('div');
        document.getElementById('app').replaceChildren(c);
        const details = [];
        c.addEventListener('nv-error', (e) => details.push(e.detail));
        window.nvTrapNext = 'render';
        try {
          await window.NV.render(c, { id: 1, title: 't', publishedAt: '2026-03-16T09:00:00+08:00' });
          return null;
        } catch (e) {
          return { error: describeError(e), details };
        }
      }, DESCRIBE);
      assert.equal(out.error.isNewsviewError, true);
      assert.equal(out.error.code, 'panic');
      assert.equal(out.error.path, '');
      assert.equal(out.error.cause, 'RuntimeError');
      assert.deepEqual(out.details, [{ code: 'panic', path: '', message: out.error.message }]);
      seenCodes.add(out.error.code);
    } finally {
      await s.close();
    }
  });

  test('the wasm cannot be fetched: init() and render() reject with code init', async () => {
    const s = await h.open('/pages/host.html', {
      beforeLoad: (page) => page.route('**/newsview_bg.wasm', (route) => route.fulfill({ status: 404, body: '' })),
    });
    try {
      await s.page.waitForFunction(() => window.newsviewLoadError, null, { timeout: 20_000 });
      const out = await s.page.evaluate(async (describe) => {
        const NV = await import('/pkg/newsview.js');
        window.NV = NV;
        const describeError = (0, eval)(describe);
        try {
          await NV.render(document.getElementById('app'), { id: 1, title: 't', publishedAt: '2026-03-16T09:00:00+08:00' });
          return null;
        } catch (e) {
          return describeError(e);
        }
      }, DESCRIBE);
      assert.equal(out.isNewsviewError, true);
      assert.equal(out.code, 'init');
      assert.equal(out.path, '');
      assert.ok(out.cause, 'the load failure is the cause');
      seenCodes.add(out.code);
    } finally {
      await s.close();
    }
  });

  test('ErrorCode in types/newsview.d.ts lists exactly the codes seen above', () => {
    assert.deepEqual([...seenCodes].sort(), [...DECLARED_CODES].sort());
  });
});

describe('warnings as data: view.warnings and nv-warning', () => {
  const BASE = { id: 'a1', title: '标题', publishedAt: '2026-03-16T09:00:00+08:00', bodyHtml: '<p>正文</p>' };
  let s;
  before(async () => {
    s = await openHost(h);
  });
  after(async () => {
    await s?.close();
  });

  test('render() and update(): view.warnings is [{path, code, message}], the same frozen array nv-warning carries', async () => {
    const out = await s.page.evaluate(async (base) => {
      const NV = await import('/pkg/newsview.js');
      const c = document.createElement('div');
      document.getElementById('app').replaceChildren(c);
      const events = [];
      c.addEventListener('nv-warning', (e) => events.push(e.detail.warnings));
      const snapshot = (list) => JSON.parse(JSON.stringify(list));
      const view = await NV.render(
        c,
        {
          ...base,
          url: 'javascript:alert(1)',
          keywords: ['', 'k'],
          title: 'x'.repeat(20),
          bodyHtml: '<p>正文</p><script>alert(1)</script>',
        },
        { pageUrl: 'javascript:alert(2)', limits: { maxTitleChars: 5 } },
      );
      const first = {
        warnings: snapshot(view.warnings),
        sameArray: events.length === 1 && events[0] === view.warnings,
        frozen: Object.isFrozen(view.warnings) && view.warnings.every(Object.isFrozen),
        keys: view.warnings.map((w) => Object.keys(w).join(',')),
      };
      let mutated;
      try {
        view.warnings.push({}); // push throws on a frozen array, strict mode or not
        mutated = true;
      } catch {
        mutated = false;
      }
      // An update with nothing to report: empty list, no event.
      view.update(base);
      const clean = { warnings: snapshot(view.warnings), events: events.length };
      // An update with something to report: the new list, one more event.
      view.update({ ...base, keywords: [''] });
      const again = { warnings: snapshot(view.warnings), events: events.length, sameArray: events[1] === view.warnings };
      // A failed update leaves the list as it was.
      try {
        view.update({ ...base, title: 5 });
      } catch {}
      const failed = { warnings: snapshot(view.warnings), events: events.length };
      view.destroy();
      return { first, mutated, clean, again, failed };
    }, BASE);
    const byPath = Object.fromEntries(out.first.warnings.map((w) => [w.path, w]));
    assert.deepEqual(byPath['options.pageUrl'], { path: 'options.pageUrl', code: 'url', message: 'dropped: not an allowed URL' });
    assert.deepEqual(byPath.url, { path: 'url', code: 'url', message: 'dropped: not an allowed URL' });
    assert.deepEqual(byPath['keywords[0]'], { path: 'keywords[0]', code: 'empty', message: 'dropped: empty name' });
    assert.deepEqual(byPath.title, { path: 'title', code: 'truncated', message: 'truncated to 5 characters' });
    assert.equal(byPath.bodyHtml.code, 'sanitized');
    assert.match(byPath.bodyHtml.message, /^removed 1 element/);
    assert.equal(out.first.warnings.length, 5);
    assert.ok(out.first.keys.every((k) => k === 'path,code,message'), out.first.keys.join(' '));
    assert.equal(out.first.sameArray, true, 'nv-warning carries view.warnings itself');
    assert.equal(out.first.frozen, true);
    assert.equal(out.mutated, false, 'the host cannot change the view\'s list');
    assert.deepEqual(out.clean, { warnings: [], events: 1 });
    assert.deepEqual(out.again, {
      warnings: [{ path: 'keywords[0]', code: 'empty', message: 'dropped: empty name' }],
      events: 2,
      sameArray: true,
    });
    assert.deepEqual(out.failed, { warnings: out.again.warnings, events: 2 });
  });

  test('every warning code the core emits reaches the page', async () => {
    const out = await s.page.evaluate(async (base) => {
      const NV = await import('/pkg/newsview.js');
      const c = document.createElement('div');
      document.getElementById('app').replaceChildren(c);
      const article = {
        ...base,
        url: 'javascript:x', // url
        cover: { url: ' ' }, // empty
        leadVideo: { src: 'https://video.elsewhere.example/v.mp4' }, // media-host
        summary: 'long summary', // truncated
        keywords: ['a', 'b', 'c'], // limit
        bodyHtml: '<p onclick="x()">正文</p>', // sanitized
        // Read last: 120 related videos without a URL (empty), past 100 warnings, then more.
        relatedVideos: Array(120).fill({ id: 'v', url: '', title: '视频' }),
      };
      const view = await NV.render(c, article, {
        limits: { maxTextChars: 4, maxKeywords: 1 },
        sanitize: { allowMediaHosts: ['media.example'] },
      });
      const codes = [...new Set(view.warnings.map((w) => w.code))].sort();
      const more = view.warnings.filter((w) => w.code === 'more');
      view.destroy();
      return { codes, more, count: view.warnings.length };
    }, BASE);
    assert.deepEqual(out.codes, ['empty', 'limit', 'media-host', 'more', 'sanitized', 'truncated', 'url']);
    // 100 from the article, the one that counts the rest, and the body sanitizer's summary.
    assert.equal(out.count, 102);
    assert.equal(out.more.length, 1);
    assert.equal(out.more[0].path, '');
    assert.match(out.more[0].message, /^and \d+ more warnings$/);
  });

  test('WarningCode in types/newsview.d.ts lists exactly the codes the page saw', () => {
    const dts = readFileSync(join(root, 'types', 'newsview.d.ts'), 'utf8');
    const union = /export type WarningCode =([^;]*);/.exec(dts);
    assert.ok(union, 'types/newsview.d.ts declares WarningCode');
    const declared = [...union[1].matchAll(/'([^']+)'/g)].map((m) => m[1]).sort();
    assert.deepEqual(declared, ['empty', 'limit', 'media-host', 'more', 'sanitized', 'truncated', 'url']);
  });

  test('the console line is one string naming the fields: the console holds no warning object', async () => {
    const out = await s.page.evaluate(async (base) => {
      const NV = await import('/pkg/newsview.js');
      const c = document.createElement('div');
      document.getElementById('app').replaceChildren(c);
      const calls = [];
      const warn = console.warn;
      const texts = [];
      console.warn = (...args) => {
        calls.push(args.map((a) => typeof a));
        texts.push(String(args[0]));
      };
      try {
        const view = await NV.render(c, { ...base, url: 'javascript:x', keywords: [''] });
        view.update(base);
        view.destroy();
      } finally {
        console.warn = warn;
      }
      return { calls, texts };
    }, BASE);
    assert.deepEqual(out.calls, [['string']], 'one call, one string argument, for the one render with warnings');
    assert.equal(out.texts[0], 'newsview: some fields were dropped or cut (view.warnings, nv-warning): url, keywords[0]');
  });

  test('<news-view>: el.view.warnings, and nv-warning with the same array', async () => {
    const out = await s.page.evaluate(async (base) => {
      await import('/pkg/newsview.js');
      const el = document.createElement('news-view');
      const events = [];
      el.addEventListener('nv-warning', (e) => events.push(e.detail.warnings));
      document.getElementById('app').replaceChildren(el);
      el.article = { ...base, url: 'javascript:x' };
      for (let i = 0; i < 200 && !el.view; i++) await new Promise((r) => setTimeout(r, 10));
      const out = { warnings: JSON.parse(JSON.stringify(el.view.warnings)), same: events[0] === el.view.warnings };
      el.remove();
      return out;
    }, BASE);
    assert.deepEqual(out.warnings, [{ path: 'url', code: 'url', message: 'dropped: not an allowed URL' }]);
    assert.equal(out.same, true);
  });
});
