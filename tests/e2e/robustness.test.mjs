// Issue 7, end to end: every bad input fed into the built package (pkg/) in headless Chromium,
// faults (a forced wasm trap, failing fetches), and the view lifecycle edge cases. The page
// (pages/robust.html) records unhandled rejections and uncaught errors, and can make one wasm
// export trap once (window.nvTrapNext) — the way a Rust panic surfaces under
// panic=immediate-abort.
import { describe, test, before, after, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { useHarness } from './harness.mjs';

const h = useHarness();

const NOW = '2026-03-16T10:00:00+08:00';
const BASE = {
  id: 'a1',
  title: '标题',
  publishedAt: '2026-03-16T09:00:00+08:00',
  bodyHtml: '<p>正文</p>',
};
const COMMENT = { id: 1, author: { name: '读者' }, text: '好', publishedAt: '2026-03-16T09:00:00+08:00' };
const VIDEO = { id: 'v1', url: 'https://www.example.com/v1', title: '视频' };

async function openRobust() {
  const s = await h.open('/pages/robust.html');
  await s.page.waitForFunction(() => window.newsviewLoaded === true || window.newsviewLoadError, null, {
    timeout: 20_000,
  });
  const loadError = await s.page.evaluate(() => window.newsviewLoadError ?? null);
  if (loadError) throw new Error(`robust.html failed to load /pkg/newsview.js: ${loadError}`);
  return s;
}

/** Asserts that the page saw no uncaught error and no unhandled rejection. */
async function assertQuiet(s) {
  const { rejections, uncaught } = await s.page.evaluate(() => ({
    rejections: window.rejections,
    uncaught: window.uncaught,
  }));
  assert.deepEqual(s.pageErrors, [], 'page errors');
  assert.deepEqual(rejections, [], 'unhandled rejections');
  assert.deepEqual(uncaught, [], 'uncaught errors');
}

/**
 * Renders the article made by `make` (source of a page-side function, so that 10 MB inputs are
 * built in the page) into a fresh container. Resolves to the outcome and what the DOM shows.
 */
async function feed(page, make, options = { now: NOW }) {
  return page.evaluate(
    async ({ make, options }) => {
      const article = (0, eval)(`(${make})`)();
      const container = document.createElement('div');
      document.getElementById('app').replaceChildren(container);
      const warnings = [];
      container.addEventListener('nv-warning', (e) =>
        warnings.push({ bubbles: e.bubbles, composed: e.composed, list: e.detail.warnings }),
      );
      const consoleWarn = console.warn;
      let consoleWarns = 0;
      console.warn = (...args) => {
        consoleWarns++;
        consoleWarn.apply(console, args);
      };
      const out = { warnings };
      try {
        const view = await window.newsview.render(container, article, options);
        out.ok = true;
        const root = container.shadowRoot;
        const q = (sel) => root.querySelector(sel);
        out.title = q('.nv-title')?.textContent ?? null;
        out.titleElements = q('.nv-title')?.querySelectorAll('*').length ?? null;
        out.bodyText = q('.nv-body')?.textContent.length ?? null;
        out.truncatedMarker = q('.nv-truncated')?.textContent ?? null;
        out.more = [...root.querySelectorAll('.nv-more')].map((e) => e.textContent);
        out.keywords = root.querySelectorAll('.nv-keyword').length;
        out.related = root.querySelectorAll('.nv-related-item').length;
        out.urls = [...root.querySelectorAll('[href], [src], [poster]')].flatMap((e) =>
          ['href', 'src', 'poster'].map((a) => e.getAttribute(a)).filter((v) => v != null),
        );
        out.text = root.textContent.slice(0, 20000);
        view.destroy();
      } catch (e) {
        out.ok = false;
        out.isError = e instanceof Error;
        out.message = String(e?.message ?? e);
        out.error = { name: e?.name, code: e?.code, path: e?.path };
      } finally {
        console.warn = consoleWarn;
      }
      out.consoleWarns = consoleWarns;
      out.polluted = Object.prototype.polluted !== undefined || {}.polluted !== undefined ||
        Object.prototype.hasOwnProperty.call(Object.prototype, 'bad');
      return out;
    },
    { make: String(make), options },
  );
}

const j = (extra) => JSON.stringify({ ...BASE, ...extra });
/** A page-side maker for `{...BASE, ...extra}` as an object. */
const obj = (extra) => `() => (${j(extra)})`;

// Each row: name, the page-side maker, and the expected outcome:
//   refuse: substring the Error message must contain (the field);
//   warn:   paths that must be among the nv-warning warnings; check(out) for the DOM.
const TABLE = [
  // Wrong types everywhere.
  ['title is a number', obj({ title: 42 }), { refuse: 'title: expected a string' }],
  ['id is an object', obj({ id: {} }), { refuse: 'id: expected a string or a whole number' }],
  ['publishedAt is a number', obj({ publishedAt: 123 }), { refuse: 'publishedAt' }],
  ['keywords is a string', obj({ keywords: 'a' }), { refuse: 'keywords: expected an array' }],
  ['keywords[1] is a number', obj({ keywords: ['a', 1] }), { refuse: 'keywords[1]' }],
  ['stats is an array', obj({ stats: [] }), { refuse: 'stats: expected an object' }],
  ['comments.items[0].author is a string', obj({ comments: { items: [{ ...COMMENT, author: 'x' }] } }), { refuse: 'comments.items[0].author' }],
  ['relatedVideos[0].title is a number', obj({ relatedVideos: [{ ...VIDEO, title: 5 }] }), { refuse: 'relatedVideos[0].title' }],
  ['cover is a string', obj({ cover: 'x' }), { refuse: 'cover: expected an object' }],
  ['bodyHtml is a number', obj({ bodyHtml: 5 }), { refuse: 'bodyHtml: expected a string' }],
  ['channel is a boolean', obj({ channel: true }), { refuse: 'channel' }],
  ['leadVideo is an array', obj({ leadVideo: [] }), { refuse: 'leadVideo' }],
  ['the article is a number', '() => 42', { refuse: 'expected an object' }],
  ['the article is null', '() => null', { refuse: 'article' }],
  ['the article is an array', '() => []', { refuse: 'expected an object' }],
  // Missing required fields.
  ['id missing', `() => { const a = ${j({})}; delete a.id; return a; }`, { refuse: 'id: required field is missing' }],
  ['title missing', `() => { const a = ${j({})}; delete a.title; return a; }`, { refuse: 'title: required field is missing' }],
  ['publishedAt missing', `() => { const a = ${j({})}; delete a.publishedAt; return a; }`, { refuse: 'publishedAt: required field is missing' }],
  ['comment text missing', obj({ comments: { items: [{ ...COMMENT, text: undefined }] } }), { refuse: 'comments.items[0].text' }],
  ['title empty', obj({ title: '   ' }), { refuse: 'title: must not be empty' }],
  // Invalid and far-future dates.
  ['publishedAt month 13', obj({ publishedAt: '2025-13-01T00:00:00Z' }), { refuse: 'publishedAt: expected an RFC 3339' }],
  ['publishedAt February 30', obj({ publishedAt: '2025-02-30T00:00:00Z' }), { refuse: 'publishedAt' }],
  ['publishedAt without offset', obj({ publishedAt: '2025-02-03T00:00:00' }), { refuse: 'publishedAt' }],
  ['publishedAt in words', obj({ publishedAt: 'yesterday' }), { refuse: 'publishedAt' }],
  ['updatedAt five-digit year', obj({ updatedAt: '+275760-09-13T00:00:00Z' }), { refuse: 'updatedAt' }],
  ['publishedAt in 9999', obj({ publishedAt: '9999-12-31T23:59:59+08:00' }), { ok: (o) => assert.match(o.text, /9999/) }],
  // Negative, fractional, huge or string numbers.
  ['stats.likes negative', obj({ stats: { likes: -1 } }), { refuse: 'stats.likes: expected a number >= 0' }],
  ['stats.likes fractional', obj({ stats: { likes: 1.5 } }), { refuse: 'stats.likes: expected a whole number' }],
  ['stats.likes a string', obj({ stats: { likes: '5' } }), { refuse: 'stats.likes: expected a number, got a string' }],
  ['stats.views huge', obj({ stats: { views: 1e300 } }), { ok: () => {} }],
  ['comments.total huge', obj({ comments: { total: 1e20, items: [] } }), { ok: () => {} }],
  ['id fractional', obj({ id: 1.5 }), { refuse: 'id' }],
  ['id beyond 2^53', obj({ id: 1e20 }), { refuse: 'id' }],
  ['durationSeconds negative', obj({ relatedVideos: [{ ...VIDEO, durationSeconds: -3 }] }), { refuse: 'relatedVideos[0].durationSeconds' }],
  ['durationSeconds huge', obj({ relatedVideos: [{ ...VIDEO, durationSeconds: 1e300 }] }), { ok: (o) => assert.equal(o.related, 1) }],
  ['cover width a string', obj({ cover: { url: 'https://www.example.com/c.jpg', width: '640' } }), { refuse: 'cover.width' }],
  // Unsafe URLs: the field is dropped and reported.
  ['url javascript:', obj({ url: 'javascript:alert(1)' }), { warn: ['url'] }],
  ['channel.url javascript:', obj({ channel: { name: '频道', url: 'javascript:alert(1)' } }), { warn: ['channel.url'], ok: (o) => assert.match(o.text, /频道/) }],
  ['keywords[0].url mixed-case javascript:', obj({ keywords: [{ name: 'k', url: ' JaVaScRiPt:alert(1)' }] }), { warn: ['keywords[0].url'], ok: (o) => assert.equal(o.keywords, 1) }],
  ['keywords[0].url data:', obj({ keywords: [{ name: 'k', url: 'data:text/html,<script>alert(1)</script>' }] }), { warn: ['keywords[0].url'] }],
  ['cover.url javascript:', obj({ cover: { url: 'javascript:alert(1)' } }), { warn: ['cover'] }],
  ['cover.url vbscript:', obj({ cover: { url: 'vbscript:msgbox(1)' } }), { warn: ['cover'] }],
  ['avatar javascript:', obj({ comments: { items: [{ ...COMMENT, author: { name: '读者', avatar: 'javascript:alert(1)' } }] } }), { warn: ['comments.items[0].author.avatar'] }],
  ['relatedVideos[0].url javascript:', obj({ relatedVideos: [{ ...VIDEO, url: 'javascript:alert(1)' }] }), { warn: ['relatedVideos[0]'], ok: (o) => assert.equal(o.related, 0) }],
  ['relatedVideos[0].cover.url with a tab in the scheme', obj({ relatedVideos: [{ ...VIDEO, cover: { url: 'java\tscript:alert(1)' } }] }), { warn: ['relatedVideos[0].cover'] }],
  ['leadVideo.src javascript:', obj({ leadVideo: { src: 'javascript:alert(1)' } }), { warn: ['leadVideo'] }],
  ['bodyHtml with script, handlers and javascript: links', obj({ bodyHtml: '<p onclick="alert(1)">x<script>alert(1)</script><a href="javascript:alert(1)">l</a></p>' }), { warn: ['bodyHtml'] }],
  // HTML in plain-text fields is shown as text.
  ['HTML in the title', obj({ title: '<img src=x onerror=alert(1)><b>粗</b>' }), {
    ok: (o) => {
      assert.equal(o.title, '<img src=x onerror=alert(1)><b>粗</b>');
      assert.equal(o.titleElements, 0);
    },
  }],
  ['HTML in a keyword and a comment', obj({ keywords: ['<i>k</i>'], comments: { items: [{ ...COMMENT, text: '<script>alert(1)</script>' }] } }), {
    ok: (o) => {
      assert.match(o.text, /<i>k<\/i>/);
      assert.match(o.text, /<script>alert\(1\)<\/script>/);
    },
  }],
  // Lone surrogates, bidi and zero-width characters.
  ['a lone surrogate in the title', obj({ title: '\uD800标题' }), { ok: (o) => assert.equal(o.title, '\uFFFD标题') }],
  ['a lone low surrogate in a keyword', obj({ keywords: ['k\uDC00'] }), { ok: (o) => assert.equal(o.keywords, 1) }],
  ['bidi override and zero-width characters', obj({ title: 'a\u202Eb\u200Bc\u2066d' }), { ok: (o) => assert.equal(o.title, 'a\u202Eb\u200Bc\u2066d') }],
  // __proto__ and constructor keys.
  ['__proto__ and constructor keys (JSON text)', `() => '{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 1}}, "id": "a", "title": "t", "publishedAt": "2026-03-16T09:00:00+08:00", "stats": {"__proto__": {"likes": 5}}, "keywords": [{"name": "k", "__proto__": {"url": "javascript:alert(1)"}}]}'`, {
    ok: (o) => assert.equal(o.keywords, 1),
  }],
  ['__proto__ keys (object from JSON.parse)', `() => JSON.parse('{"__proto__": {"polluted": 1, "title": 5}, "id": "a", "title": "t", "publishedAt": "2026-03-16T09:00:00+08:00"}')`, {
    ok: (o) => assert.equal(o.title, 't'),
  }],
  // Huge inputs.
  ['a 1 MB title', `() => ({ ...${JSON.stringify(BASE)}, title: 'x'.repeat(1 << 20) })`, {
    warn: ['title'],
    ok: (o) => {
      assert.equal(o.title.length, 501);
      assert.ok(o.title.endsWith('…'));
    },
  }],
  ['a 10 MB body', `() => ({ ...${JSON.stringify(BASE)}, bodyHtml: '<p>' + '新闻正文。'.repeat(700000) + '</p>' })`, {
    warn: ['bodyHtml'],
    ok: (o) => {
      assert.equal(o.truncatedMarker, '…(内容过长,已截断)');
      assert.ok(o.bodyText > 1_000_000, `body text ${o.bodyText}`);
    },
  }],
  ['10 000 related videos', `() => ({ ...${JSON.stringify(BASE)}, relatedVideos: Array.from({ length: 10000 }, (_, i) => ({ id: 'v' + i, url: 'https://www.example.com/v/' + i, title: 'v' + i })) })`, {
    warn: ['relatedVideos'],
    ok: (o) => {
      assert.equal(o.related, 100);
      assert.deepEqual(o.more, ['还有 9900 条']);
    },
  }],
  ['100 000 keywords', `() => ({ ...${JSON.stringify(BASE)}, keywords: Array.from({ length: 100000 }, (_, i) => 'k' + i) })`, {
    warn: ['keywords'],
    ok: (o) => {
      assert.equal(o.keywords, 50);
      assert.deepEqual(o.more, ['还有 99950 条']);
    },
  }],
  ['100 000-level nesting in a field', `() => '{"id": "a", "title": "t", "publishedAt": "2026-03-16T09:00:00+08:00", "summary": ' + '['.repeat(100000) + ']'.repeat(100000) + '}'`, {
    refuse: 'nesting deeper than 64 levels',
  }],
  ['100 000-level nesting in the body', `() => ({ ...${JSON.stringify(BASE)}, bodyHtml: '<div>'.repeat(100000) + 'deep' + '</div>'.repeat(100000) })`, {
    warn: ['bodyHtml'],
    ok: (o) => assert.match(o.text, /deep/),
  }],
  // Each `<div>` closes the `<p>` before it, so the divs nest in one another: the pre-pass
  // counts depth as the tree builder does, or this would reach the parser 100 000 deep.
  ['100 000 × <div><p>: block tags that close a paragraph', `() => ({ ...${JSON.stringify(BASE)}, bodyHtml: '<div><p>'.repeat(100000) + 'deep' + '</p></div>'.repeat(100000) })`, {
    warn: ['bodyHtml'],
    ok: (o) => assert.match(o.text, /deep/),
  }],
  // `<!-->` is a whole comment to the browser; the nesting pre-pass once read it as the start of
  // one running to the next `-->`, so the nesting after it reached the parser uncut.
  ['100 000-level nesting after an abruptly closed comment', `() => ({ ...${JSON.stringify(BASE)}, bodyHtml: '<!-->' + '<div>'.repeat(100000) + 'deep' + '</div>'.repeat(100000) })`, {
    warn: ['bodyHtml'],
    ok: (o) => assert.match(o.text, /deep/),
  }],
];

const UNSAFE = /^\s*(javascript|vbscript|data:text)/i;

describe('bad article input (issue 7 table)', () => {
  let s;
  before(async () => {
    s = await openRobust();
  });
  after(async () => {
    await s?.close();
  });

  for (const [name, make, expect] of TABLE) {
    test(name, async () => {
      const out = await feed(s.page, make);
      assert.equal(out.polluted, false, 'Object.prototype was changed');
      if (expect.refuse) {
        assert.equal(out.ok, false, `expected a refusal, got a render`);
        assert.equal(out.isError, true, 'the rejection is an Error');
        assert.ok(out.message.includes(expect.refuse), `message "${out.message.slice(0, 300)}" names ${expect.refuse}`);
        // Errors as data (issue 12): the field at fault is \`path\`, the message starts with it.
        assert.equal(out.error.name, 'NewsviewError');
        assert.ok(['invalid', 'json', 'schema-version'].includes(out.error.code), `code ${out.error.code}`);
        assert.equal(typeof out.error.path, 'string');
        if (out.error.path) assert.ok(out.message.startsWith(`${out.error.path}: `), `"${out.message.slice(0, 200)}" starts with path "${out.error.path}"`);
        assert.deepEqual(out.warnings, [], 'no nv-warning for a refused article');
      } else {
        assert.equal(out.ok, true, `expected a render, got: ${out.message}`);
        for (const url of out.urls) assert.doesNotMatch(url, UNSAFE, 'unsafe URL in the output');
        if (expect.warn) {
          assert.equal(out.warnings.length, 1, 'one nv-warning per render');
          assert.equal(out.consoleWarns, 1, 'one console.warn per render');
          const [event] = out.warnings;
          assert.equal(event.bubbles, true);
          assert.equal(event.composed, true);
          const paths = event.list.map((w) => w.path);
          for (const p of expect.warn) assert.ok(paths.includes(p), `warning for ${p} in ${JSON.stringify(event.list).slice(0, 300)}`);
          for (const w of event.list) assert.equal(typeof w.message, 'string');
          // Warnings as data (issue 12): each has a code, and only these keys.
          for (const w of event.list) assert.deepEqual(Object.keys(w), ['path', 'code', 'message']);
        } else {
          assert.deepEqual(out.warnings, [], 'no nv-warning when nothing was dropped');
          assert.equal(out.consoleWarns, 0);
        }
        expect.ok?.(out);
      }
      await assertQuiet(s);
    });
  }

  test('options.limits are configurable and each cut is marked', async () => {
    const make = `() => ({ ...${JSON.stringify(BASE)}, title: '一二三四五六', keywords: ['a', 'b', 'c'], comments: { items: [${JSON.stringify(COMMENT)}, ${JSON.stringify(COMMENT)}] } })`;
    const out = await feed(s.page, make, { now: NOW, lang: 'en', limits: { maxTitleChars: 3, maxKeywords: 1, maxComments: 1 } });
    assert.equal(out.ok, true, out.message);
    assert.equal(out.title, '一二三…');
    assert.equal(out.keywords, 1);
    assert.deepEqual(out.more, ['2 more', '1 more']);
    assert.deepEqual(out.warnings[0].list.map((w) => w.path), ['title', 'keywords', 'comments.items']);
    const bad = await feed(s.page, obj({}), { limits: { maxKeywords: -1 } });
    assert.equal(bad.ok, false);
    assert.match(bad.message, /options\.limits\.maxKeywords/);
  });

  test('sanitize.maxInputBytes bounds the body: cut, marked, reported', async () => {
    const out = await feed(s.page, obj({ bodyHtml: '<p>' + '字'.repeat(100) + '</p>' }), { now: NOW, sanitize: { maxInputBytes: 64 } });
    assert.equal(out.ok, true, out.message);
    assert.equal(out.truncatedMarker, '…(内容过长,已截断)');
    assert.ok(out.warnings[0].list.some((w) => w.path === 'bodyHtml' && /truncated to 64 bytes/.test(w.message)));
  });
});

describe('faults: a trap in the wasm', () => {
  // A fresh page per test: after a restart the exports are the fresh instance's, not wrapped.
  let s;
  beforeEach(async () => {
    s = await openRobust();
  });
  afterEach(async () => {
    await s?.close();
  });

  test('a trap in render() rejects with an Error, fires nv-error, restarts; other views keep working', async () => {
    const out = await s.page.evaluate(async (base) => {
      const app = document.getElementById('app');
      app.replaceChildren();
      const a = document.createElement('div');
      const b = document.createElement('div');
      app.append(a, b);
      const errors = [];
      b.addEventListener('nv-error', (e) => errors.push({ ...e.detail, bubbles: e.bubbles, composed: e.composed }));
      const viewA = await window.newsview.render(a, { ...base, title: 'A' }, { now: '2026-03-16T10:00:00+08:00' });
      window.nvTrapNext = 'render';
      let rejected = null;
      try {
        await window.newsview.render(b, { ...base, title: 'B' });
      } catch (e) {
        rejected = { isError: e instanceof Error, name: e.name, message: e.message, code: e.code, path: e.path };
      }
      // The next render works, on the fresh instance.
      const viewB = await window.newsview.render(b, { ...base, title: 'B2' });
      const titleB = b.shadowRoot.querySelector('.nv-title').textContent;
      // A was rendered again on the fresh instance and still answers.
      const titleA = a.shadowRoot.querySelector('.nv-title').textContent;
      viewA.update({ ...base, title: 'A2' });
      const titleA2 = a.shadowRoot.querySelector('.nv-title').textContent;
      // Clicks after the restart: in A, in B and elsewhere on the page.
      a.shadowRoot.querySelector('.nv-title').click();
      b.shadowRoot.querySelector('.nv-title').click();
      document.body.click();
      await new Promise((r) => setTimeout(r, 50));
      viewA.destroy();
      viewB.destroy();
      return { rejected, errors, titleA, titleA2, titleB };
    }, BASE);
    assert.deepEqual(out.rejected.isError, true);
    assert.equal(out.rejected.code, 'panic');
    assert.equal(out.rejected.name, 'NewsviewError');
    assert.equal(out.rejected.path, '');
    assert.match(out.rejected.message, /^newsview: internal error \(unreachable\); the module was restarted$/);
    assert.deepEqual(out.errors, [{ code: 'panic', path: '', message: out.rejected.message, bubbles: true, composed: true }]);
    assert.equal(out.titleB, 'B2');
    assert.equal(out.titleA, 'A');
    assert.equal(out.titleA2, 'A2');
    await assertQuiet(s);
  });

  test('a trap in update() throws an Error, fires nv-error, and the view keeps its article', async () => {
    const out = await s.page.evaluate(async (base) => {
      const c = document.createElement('div');
      document.getElementById('app').replaceChildren(c);
      const errors = [];
      c.addEventListener('nv-error', (e) => errors.push(e.detail.code));
      const view = await window.newsview.render(c, { ...base, title: 'one' });
      window.nvTrapNext = 'view_update';
      let thrown = null;
      try {
        view.update({ ...base, title: 'two' });
      } catch (e) {
        thrown = { isError: e instanceof Error, message: e.message };
      }
      const after = c.shadowRoot.querySelector('.nv-title').textContent;
      view.update({ ...base, title: 'three' });
      const later = c.shadowRoot.querySelector('.nv-title').textContent;
      view.destroy();
      return { thrown, errors, after, later, trapArmed: window.nvTrapNext };
    }, BASE);
    assert.equal(out.trapArmed, null, 'the trap fired');
    assert.equal(out.thrown.isError, true);
    assert.match(out.thrown.message, /internal error .* restarted/);
    assert.deepEqual(out.errors, ['panic']);
    assert.equal(out.after, 'one');
    assert.equal(out.later, 'three');
    await assertQuiet(s);
  });

  test('a trap inside <news-view> shows the error state and Retry renders', async () => {
    const out = await s.page.evaluate(async (base) => {
      const el = document.createElement('news-view');
      const errors = [];
      el.addEventListener('nv-error', (e) => errors.push(e.detail.code));
      window.nvTrapNext = 'render';
      document.getElementById('app').replaceChildren(el);
      el.article = { ...base, title: '元素' };
      await new Promise((r) => setTimeout(r, 100));
      const retry = el.shadowRoot.querySelector('.nv-retry');
      const state = { retry: retry?.textContent ?? null };
      retry?.click();
      await new Promise((r) => setTimeout(r, 100));
      state.title = el.shadowRoot.querySelector('.nv-title')?.textContent ?? null;
      state.errors = errors;
      return state;
    }, BASE);
    assert.equal(out.retry, '重试');
    assert.deepEqual(out.errors, ['panic']);
    assert.equal(out.title, '元素');
    await assertQuiet(s);
  });
});

describe('<news-view src>: failures show the error state, fire nv-error, and Retry works', () => {
  let s;
  before(async () => {
    s = await openRobust();
  });
  after(async () => {
    await s?.close();
  });

  const good = (title) => ({ status: 200, contentType: 'application/json', body: JSON.stringify({ ...BASE, title }) });

  /** Mounts <news-view src=url> with `attrs`, waits for nv-error, clicks Retry, waits for the title. */
  async function failThenRetry(url, attrs, { waitMs = 3000 } = {}) {
    return s.page.evaluate(
      async ({ url, attrs, waitMs }) => {
        const el = document.createElement('news-view');
        for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
        const errors = [];
        el.addEventListener('nv-error', (e) => errors.push({ ...e.detail, bubbles: e.bubbles, composed: e.composed }));
        const t0 = performance.now();
        el.setAttribute('src', url);
        document.getElementById('app').replaceChildren(el);
        const until = async (cond) => {
          const end = performance.now() + waitMs;
          while (!cond() && performance.now() < end) await new Promise((r) => setTimeout(r, 10));
        };
        await until(() => errors.length > 0);
        const elapsed = performance.now() - t0;
        const retry = el.shadowRoot?.querySelector('.nv-retry');
        const out = { errors: [...errors], elapsed, retry: retry?.textContent ?? null, detail: el.shadowRoot?.querySelector('.nv-error-detail')?.textContent ?? null };
        window.allowSecond = true;
        retry?.click();
        await until(() => el.shadowRoot.querySelector('.nv-title'));
        out.title = el.shadowRoot.querySelector('.nv-title')?.textContent ?? null;
        out.errorsAfter = errors.length;
        return out;
      },
      { url, attrs, waitMs },
    );
  }

  /** Routes `path`: the first request gets `first(route)`, later ones the good article. */
  async function routeOnce(path, first) {
    let n = 0;
    await s.page.route(`**${path}`, async (route) => {
      n++;
      if (n === 1) return first(route);
      return route.fulfill(good('重试成功'));
    });
  }

  const CASES = [
    ['HTTP 500', '/e/http.json', (r) => r.fulfill({ status: 500, body: 'oops' }), 'http', /HTTP 500/],
    ['HTTP 404', '/e/missing.json', (r) => r.fulfill({ status: 404, body: '' }), 'http', /HTTP 404/],
    ['network failure', '/e/net.json', (r) => r.abort('failed'), 'network', /./],
    ['invalid JSON', '/e/bad.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body: '{"id": ' }), 'json', /invalid JSON/],
    ['wrong content type', '/e/html.json', (r) => r.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><p>login</p>' }), 'content-type', /text\/html/],
    ['an article the model refuses', '/e/invalid.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ ...BASE, title: 5 }) }), 'invalid', /title: expected a string/],
  ];

  for (const [name, path, first, code, message] of CASES) {
    test(name, async () => {
      await routeOnce(path, first);
      const out = await failThenRetry(path, {});
      assert.equal(out.errors.length, 1, JSON.stringify(out.errors));
      assert.equal(out.errors[0].code, code);
      assert.match(out.errors[0].message, message);
      assert.equal(out.errors[0].path, code === 'invalid' ? 'title' : '');
      assert.equal(out.errors[0].bubbles, true);
      assert.equal(out.errors[0].composed, true);
      assert.equal(out.retry, '重试');
      assert.equal(out.title, '重试成功', 'Retry fetched again and rendered');
      assert.equal(out.errorsAfter, 1);
      await assertQuiet(s);
    });
  }

  test('slow response: the timeout attribute (200 ms) gives code timeout', async () => {
    await routeOnce('/e/slow.json', async (route) => {
      await new Promise((r) => setTimeout(r, 1500));
      await route.fulfill(good('迟到')).catch(() => {});
    });
    const out = await failThenRetry('/e/slow.json', { timeout: '200' });
    assert.equal(out.errors[0]?.code, 'timeout', JSON.stringify(out.errors));
    assert.ok(out.elapsed < 1200, `timed out after ${out.elapsed} ms`);
    assert.equal(out.retry, '重试');
    assert.equal(out.title, '重试成功');
    await assertQuiet(s);
  });

  test('src changed during a fetch: the latest wins', async () => {
    await s.page.route('**/e/first.json', async (route) => {
      await new Promise((r) => setTimeout(r, 600));
      await route.fulfill(good('旧的')).catch(() => {});
    });
    await s.page.route('**/e/second.json', (route) => route.fulfill(good('新的')));
    const out = await s.page.evaluate(async () => {
      const el = document.createElement('news-view');
      const errors = [];
      el.addEventListener('nv-error', (e) => errors.push(e.detail));
      el.setAttribute('src', '/e/first.json');
      document.getElementById('app').replaceChildren(el);
      await new Promise((r) => setTimeout(r, 100));
      el.setAttribute('src', '/e/second.json');
      await new Promise((r) => setTimeout(r, 1000));
      return { title: el.shadowRoot.querySelector('.nv-title')?.textContent ?? null, errors };
    });
    assert.equal(out.title, '新的');
    assert.deepEqual(out.errors, []);
    await assertQuiet(s);
  });

  test('removed from the page during a fetch: no error, no event', async () => {
    await s.page.route('**/e/gone.json', async (route) => {
      await new Promise((r) => setTimeout(r, 300));
      await route.fulfill(good('x')).catch(() => {});
    });
    const errors = await s.page.evaluate(async () => {
      const el = document.createElement('news-view');
      const errors = [];
      el.addEventListener('nv-error', (e) => errors.push(e.detail));
      el.setAttribute('src', '/e/gone.json');
      document.getElementById('app').replaceChildren(el);
      await new Promise((r) => setTimeout(r, 50));
      el.remove();
      await new Promise((r) => setTimeout(r, 500));
      return errors;
    });
    assert.deepEqual(errors, []);
    await assertQuiet(s);
  });
});

describe('view lifecycle edge cases', () => {
  let s;
  before(async () => {
    s = await openRobust();
  });
  after(async () => {
    await s?.close();
  });

  test('update() after destroy() throws an Error; destroy() twice does nothing', async () => {
    const out = await s.page.evaluate(async (base) => {
      const c = document.createElement('div');
      document.getElementById('app').replaceChildren(c);
      const view = await window.newsview.render(c, base);
      view.destroy();
      const empty = c.shadowRoot.childNodes.length;
      view.destroy();
      try {
        view.update(base);
        return { empty, threw: null };
      } catch (e) {
        return { empty, threw: { isError: e instanceof Error, message: e.message, name: e.name, code: e.code, path: e.path } };
      }
    }, BASE);
    assert.equal(out.empty, 0);
    assert.deepEqual(out.threw, { isError: true, message: 'view: update() after destroy()', name: 'NewsviewError', code: 'destroyed', path: '' });
    await assertQuiet(s);
  });

  test('a detached container is rendered into; the view shows once attached', async () => {
    const out = await s.page.evaluate(async (base) => {
      const c = document.createElement('div');
      const view = await window.newsview.render(c, base);
      const before = c.shadowRoot.querySelector('.nv-title')?.textContent ?? null;
      document.getElementById('app').replaceChildren(c);
      const visible = c.shadowRoot.querySelector('.nv-title').getBoundingClientRect().height > 0;
      c.shadowRoot.querySelector('.nv-title').click();
      view.destroy();
      return { before, visible };
    }, BASE);
    assert.equal(out.before, '标题');
    assert.equal(out.visible, true);
    await assertQuiet(s);
  });

  test('a container that is not an Element rejects with a TypeError', async () => {
    const out = await s.page.evaluate(async (base) => {
      const results = [];
      for (const c of [null, undefined, {}, 'div', document.createTextNode('x')]) {
        try {
          await window.newsview.render(c, base);
          results.push('rendered');
        } catch (e) {
          results.push(e instanceof TypeError ? e.message : `not a TypeError: ${e}`);
        }
      }
      return results;
    }, BASE);
    assert.deepEqual(out, Array(5).fill('newsview: container must be an Element'));
    await assertQuiet(s);
  });

  test('a container removed while rendered keeps a working view', async () => {
    const out = await s.page.evaluate(async (base) => {
      const c = document.createElement('div');
      document.getElementById('app').replaceChildren(c);
      const view = await window.newsview.render(c, base);
      c.remove();
      view.update({ ...base, title: '后来' });
      const title = c.shadowRoot.querySelector('.nv-title').textContent;
      view.destroy();
      return title;
    }, BASE);
    assert.equal(out, '后来');
    await assertQuiet(s);
  });
});
