// Issue 2, end to end: the seed article rendered from pkg/ into a plain host page in headless
// Chromium, via render() and via <news-view src>, checked against the DOM contract
// (notes: dom-contract.md). Queries go through Playwright locators, which pierce open shadow roots.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openHost, root, useHarness } from './harness.mjs';

const seedText = readFileSync(join(root, 'tests', 'fixtures', 'seed-article.json'), 'utf8');
const seed = JSON.parse(seedText);
const NOW = '2026-03-16T10:00:00+08:00';
const EVENT_TYPES = ['nv-like', 'nv-favorite', 'nv-share', 'nv-keyword', 'nv-related', 'nv-login'];
const PARTS = ['header', 'title', 'meta', 'lead', 'body', 'editor', 'actions', 'keywords', 'comments', 'related', 'related-item', 'toast'];

/** The paragraphs of the seed body, as text. */
const PARAGRAPHS = [...seed.bodyHtml.matchAll(/<p>([\s\S]*?)<\/p>/g)].map((m) => m[1]);

/** The images the article itself names: the only non-local URLs a page may ask for. */
const ARTICLE_IMAGES = new Set(
  [seed.leadVideo?.poster?.url, seed.cover?.url, ...seed.relatedVideos.map((v) => v.cover?.url)].filter(Boolean),
);

// One server and one browser for the whole file; each suite opens its own page (own context).
const h = useHarness();

const clone = (v) => JSON.parse(JSON.stringify(v));

/** Polls `cond` until it holds, or fails with `what` after `ms`. */
async function waitUntil(cond, what, ms = 5000) {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) assert.fail(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * Renders `article` into a fresh container inside #app and records the component's events on it.
 * Events listed in `prevent` get preventDefault(). Resolves to `{ok: true}` or `{ok: false, ...error}`.
 */
async function renderInPage(page, article, options, { prevent = [] } = {}) {
  return page.evaluate(
    async ({ article, options, types, prevent }) => {
      const container = document.createElement('div');
      container.className = 'host-container';
      document.getElementById('app').replaceChildren(container);
      window.events = [];
      window.documentEvents = [];
      for (const type of types) {
        container.addEventListener(type, (e) => {
          if (prevent.includes(type)) e.preventDefault();
          window.events.push({
            type,
            detail: JSON.parse(JSON.stringify(e.detail ?? null)),
            bubbles: e.bubbles,
            composed: e.composed,
            cancelable: e.cancelable,
          });
        });
        document.addEventListener(type, () => window.documentEvents.push(type));
      }
      try {
        window.view = await window.newsview.render(container, article, options);
        return { ok: true };
      } catch (e) {
        return { ok: false, isError: e instanceof Error, message: String(e?.message ?? e) };
      }
    },
    { article, options, types: EVENT_TYPES, prevent },
  );
}

/** Texts of all elements matching `selector` (inside the shadow roots too). */
const texts = (page, selector) => page.locator(selector).allTextContents();

/** Fails when the page threw, logged an error, or asked any host but 127.0.0.1 for anything but the article's images. */
function assertCleanSession(s, { allow = ARTICLE_IMAGES } = {}) {
  assert.deepEqual(s.pageErrors, [], 'uncaught page errors');
  assert.deepEqual(s.unexpectedConsoleErrors(), [], 'console errors');
  const foreign = s.thirdPartyRequests().filter((u) => !allow.has(u));
  assert.deepEqual(foreign, [], 'requests to hosts other than 127.0.0.1');
}

describe('render(): the seed article (zh-CN)', () => {
  let s;
  let page;

  before(async () => {
    s = await openHost(h);
    page = s.page;
    const result = await renderInPage(page, seed, { now: NOW });
    assert.deepEqual(result, { ok: true });
  });

  after(async () => {
    await s?.close();
  });

  test('mounts into an open shadow root of the container', async () => {
    const mode = await page.evaluate(() => document.querySelector('.host-container').shadowRoot?.mode ?? null);
    assert.equal(mode, 'open');
    const lightChildren = await page.evaluate(() => document.querySelector('.host-container').children.length);
    assert.equal(lightChildren, 0, 'nothing in the light DOM');
  });

  test('header: h1 title, channel link, <time datetime>, source', async () => {
    const h1 = page.getByRole('heading', { level: 1 });
    assert.equal(await h1.count(), 1);
    assert.equal(await h1.textContent(), seed.title);

    const channel = page.getByRole('link', { name: '时讯', exact: true });
    assert.equal(await channel.count(), 1);
    assert.equal(await channel.getAttribute('href'), seed.channel.url);

    const time = page.locator('[part~="meta"] time');
    assert.equal(await time.textContent(), '2025-07-27 21:56:43');
    assert.equal(await time.getAttribute('datetime'), '2025-07-27T21:56:43+08:00');

    assert.equal(await page.locator('[part~="meta"] .nv-source').textContent(), '看看新闻Knews');
  });

  test('lead video: poster, play button and duration; the video is not requested before the press', async () => {
    const play = page.getByRole('button', { name: '播放视频' });
    assert.equal(await play.count(), 1);
    const poster = page.locator('[part~="lead"] img');
    assert.equal(await poster.getAttribute('src'), seed.leadVideo.poster.url);
    assert.equal(await poster.getAttribute('alt'), '会议现场');
    assert.equal(await poster.getAttribute('width'), '1280');
    assert.equal(await poster.getAttribute('height'), '720');
    assert.equal(await page.locator('[part~="lead"] .nv-duration').textContent(), '01:35');
    assert.equal(await page.locator('video').count(), 0, 'no <video> before the press');
    const videoHost = new URL(seed.leadVideo.src).host;
    assert.deepEqual(
      s.requests.filter((u) => u.startsWith('http') && new URL(u).host === videoHost),
      [],
      'no request to the video host was even attempted',
    );
  });

  test('body: the eight paragraphs, as paragraphs', async () => {
    assert.equal(PARAGRAPHS.length, 8);
    assert.deepEqual(await texts(page, '[part~="body"] p'), PARAGRAPHS);
  });

  test('editor line', async () => {
    assert.equal((await page.locator('.nv-editor').textContent()).trim(), '编辑: 施荔');
  });

  test('action bar: 点赞 and 收藏 with counts, 分享, 用手机看', async () => {
    const like = page.getByRole('button', { name: /^点赞/ });
    const favorite = page.getByRole('button', { name: /^收藏/ });
    assert.equal(await like.count(), 1);
    assert.equal(await favorite.count(), 1);
    assert.equal(await like.locator('.nv-count').textContent(), String(seed.stats.likes));
    assert.equal(await favorite.locator('.nv-count').textContent(), String(seed.stats.favorites));
    assert.equal(await like.getAttribute('aria-pressed'), 'false');
    assert.equal(await page.getByRole('button', { name: /^分享/ }).count(), 1);
    assert.equal(await page.getByRole('button', { name: /^用手机看/ }).count(), 1);
    assert.equal(await page.locator('[part~="actions"] button[data-nv-action="like"]').count(), 1);
  });

  test('keywords: 关键词: and each keyword as a link', async () => {
    assert.equal((await page.locator('.nv-keywords-label').textContent()).trim(), '关键词:');
    const links = page.locator('[part~="keywords"] a');
    assert.equal(await links.count(), seed.keywords.length);
    const link = page.getByRole('link', { name: '上海国际科技创新中心' });
    assert.equal(await link.count(), 1);
    assert.equal(new URL(await link.getAttribute('href')).href, new URL(seed.keywords[0].url).href);
  });

  test('comments: heading, login prompt and empty state', async () => {
    const heading = page.getByRole('heading', { level: 2, name: /^全部评论/ });
    assert.equal(await heading.count(), 1);
    assert.equal(await page.getByRole('button', { name: '请先登录后发表评论' }).count(), 1);
    assert.equal((await page.locator('.nv-empty').textContent()).trim(), '暂无评论,快来发表你的评论吧');
    assert.equal(await page.locator('[part~="comments"] textarea').count(), 0, 'no comment form without a user');
  });

  test('推荐视频: 20 links with lazy sized covers, duration, title, channel and time', async () => {
    assert.equal(await page.getByRole('heading', { level: 2, name: '推荐视频' }).count(), 1);
    const items = page.locator('[part~="related-item"]');
    assert.equal(await items.count(), 20);
    // One round trip: what each item shows.
    const shown = await items.evaluateAll((els) =>
      els.map((a) => {
        const img = a.querySelector('img');
        const time = a.querySelector('time');
        return {
          tag: a.tagName,
          href: a.getAttribute('href'),
          cover: img && {
            src: img.getAttribute('src'),
            width: img.getAttribute('width'),
            height: img.getAttribute('height'),
            loading: img.getAttribute('loading'),
          },
          duration: a.querySelector('.nv-duration')?.textContent,
          title: a.querySelector('.nv-related-title')?.textContent,
          channel: a.querySelector('.nv-related-channel')?.textContent,
          datetime: time?.getAttribute('datetime'),
          time: time?.textContent,
        };
      }),
    );
    shown.forEach((item, i) => {
      const v = seed.relatedVideos[i];
      assert.equal(item.tag, 'A', `item ${i} is a link`);
      assert.equal(item.href, v.url, `item ${i} href`);
      assert.deepEqual(
        item.cover,
        { src: v.cover.url, width: String(v.cover.width), height: String(v.cover.height), loading: 'lazy' },
        `item ${i} cover`,
      );
      assert.equal(item.title, v.title, `item ${i} title`);
      assert.equal(item.channel, v.channel, `item ${i} channel`);
      assert.equal(item.datetime, v.publishedAt, `item ${i} datetime`);
      assert.match(item.time ?? '', /^(刚刚|\d+分钟前|\d+小时前|\d+天前|\d{4}\/\d\d\/\d\d)$/, `item ${i} time`);
      assert.match(item.duration ?? '', /^\d\d:\d\d$/, `item ${i} duration`);
    });
    assert.equal(shown[0].duration, '01:06');
    assert.equal(shown[2].duration, '01:43');
    assert.equal(shown[0].time, '20小时前');
    assert.equal(shown[2].time, '2026/03/11');
  });

  test('every region carries its part name', async () => {
    for (const part of PARTS) {
      assert.ok((await page.locator(`[part~="${part}"]`).count()) > 0, `part="${part}"`);
    }
  });

  test('no page errors, no console errors, no third-party requests but the article images', () => {
    assertCleanSession(s);
  });
});

describe('render(): input, options and the view', () => {
  let s;
  let page;

  before(async () => {
    s = await openHost(h);
    page = s.page;
  });

  after(async () => {
    await s?.close();
  });

  test('lang "en" gives English labels', async () => {
    assert.deepEqual(await renderInPage(page, seed, { lang: 'en', now: NOW }), { ok: true });
    assert.equal(await page.getByRole('button', { name: /^Like/ }).count(), 1);
    assert.equal(await page.getByRole('button', { name: /^Share/ }).count(), 1);
    assert.equal(await page.getByRole('heading', { level: 2, name: /^Comments/ }).count(), 1);
    assert.equal(await page.getByRole('heading', { level: 2, name: 'Related videos' }).count(), 1);
    assert.equal(await page.getByRole('button', { name: /^点赞/ }).count(), 0);
  });

  test('the article may be a JSON string', async () => {
    assert.deepEqual(await renderInPage(page, seedText, { now: NOW }), { ok: true });
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), seed.title);
  });

  test('an invalid field rejects with an Error naming the field', async () => {
    const bad = clone(seed);
    bad.relatedVideos[3].durationSeconds = '95';
    const result = await renderInPage(page, bad, { now: NOW });
    assert.equal(result.ok, false);
    assert.equal(result.isError, true, 'rejects with an Error');
    assert.match(result.message, /relatedVideos\[3\]\.durationSeconds/);
  });

  test('a missing required field rejects with its name', async () => {
    const bad = clone(seed);
    delete bad.title;
    const result = await renderInPage(page, bad, {});
    assert.equal(result.ok, false);
    assert.equal(result.isError, true);
    assert.match(result.message, /title/);
  });

  test('invalid JSON text rejects with an Error', async () => {
    const result = await renderInPage(page, '{"id": "x", "title": ', {});
    assert.equal(result.ok, false);
    assert.equal(result.isError, true);
  });

  test('view.update() re-renders and view.destroy() unmounts', async () => {
    assert.deepEqual(await renderInPage(page, seed, { now: NOW }), { ok: true });
    const changed = { ...clone(seed), title: '更新后的标题' };
    await page.evaluate((a) => window.view.update(a), changed);
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), '更新后的标题');
    await page.evaluate(() => window.view.destroy());
    assert.equal(await page.getByRole('heading', { level: 1 }).count(), 0);
  });

  test('pressing play swaps the poster for a <video> with the source', async () => {
    assert.deepEqual(await renderInPage(page, seed, { now: NOW }), { ok: true });
    await page.getByRole('button', { name: '播放视频' }).click();
    const video = page.locator('[part~="lead"] video');
    assert.equal(await video.count(), 1);
    assert.equal(await video.getAttribute('src'), seed.leadVideo.src);
  });

  test('no page errors and no third-party requests but the article media', () => {
    assertCleanSession(s, { allow: new Set([...ARTICLE_IMAGES, seed.leadVideo.src]) });
  });
});

describe('render(): events on the container', () => {
  let s;
  let page;

  before(async () => {
    s = await openHost(h);
    page = s.page;
  });

  after(async () => {
    await s?.close();
  });

  const events = () => page.evaluate(() => window.events);

  test('点赞 fires nv-like (bubbling, composed) with a detail and toggles aria-pressed', async () => {
    assert.deepEqual(await renderInPage(page, seed, { now: NOW }), { ok: true });
    const like = page.getByRole('button', { name: /^点赞/ });
    await like.click();
    assert.equal(await like.getAttribute('aria-pressed'), 'true');
    let ev = (await events()).filter((e) => e.type === 'nv-like');
    assert.equal(ev.length, 1);
    assert.equal(ev[0].bubbles, true);
    assert.equal(ev[0].composed, true);
    assert.equal(typeof ev[0].detail, 'object');
    assert.notEqual(ev[0].detail, null);
    assert.equal(ev[0].detail.id, seed.id);
    assert.ok((await page.evaluate(() => window.documentEvents)).includes('nv-like'), 'reaches the document');
    await like.click();
    assert.equal(await like.getAttribute('aria-pressed'), 'false');
    ev = (await events()).filter((e) => e.type === 'nv-like');
    assert.equal(ev.length, 2);
  });

  test('a keyword link fires a cancelable nv-keyword; preventDefault keeps the page', async () => {
    assert.deepEqual(await renderInPage(page, seed, { now: NOW }, { prevent: ['nv-keyword'] }), { ok: true });
    const before = page.url();
    await page.getByRole('link', { name: '上海国际科技创新中心' }).click();
    const ev = (await events()).filter((e) => e.type === 'nv-keyword');
    assert.equal(ev.length, 1);
    assert.equal(ev[0].cancelable, true);
    assert.equal(ev[0].bubbles, true);
    assert.equal(ev[0].composed, true);
    assert.equal(ev[0].detail.index, 0);
    assert.equal(new URL(ev[0].detail.url).href, new URL(seed.keywords[0].url).href);
    await page.waitForTimeout(200);
    assert.equal(page.url(), before, 'did not navigate');
    assert.equal(s.requests.filter((u) => u.startsWith('https://www.kankanews.com/search')).length, 0);
  });

  test('a related link fires a cancelable nv-related with {id, url, index}; preventDefault keeps the page', async () => {
    assert.deepEqual(await renderInPage(page, seed, { now: NOW }, { prevent: ['nv-related'] }), { ok: true });
    const before = page.url();
    await page.locator('[part~="related-item"]').nth(2).click();
    const ev = (await events()).filter((e) => e.type === 'nv-related');
    assert.equal(ev.length, 1);
    assert.equal(ev[0].cancelable, true);
    assert.equal(ev[0].bubbles, true);
    assert.equal(ev[0].composed, true);
    const v = seed.relatedVideos[2];
    assert.deepEqual({ id: ev[0].detail.id, url: ev[0].detail.url, index: ev[0].detail.index }, { id: v.id, url: v.url, index: 2 });
    await page.waitForTimeout(200);
    assert.equal(page.url(), before, 'did not navigate');
    assert.equal(s.requests.filter((u) => u.startsWith(v.url)).length, 0);
  });

  test('请先登录后发表评论 fires nv-login', async () => {
    assert.deepEqual(await renderInPage(page, seed, { now: NOW }), { ok: true });
    await page.getByRole('button', { name: '请先登录后发表评论' }).click();
    const ev = (await events()).filter((e) => e.type === 'nv-login');
    assert.equal(ev.length, 1);
    assert.equal(ev[0].bubbles, true);
    assert.equal(ev[0].composed, true);
  });

  test('no page errors and no third-party requests but the article images', () => {
    assertCleanSession(s);
  });
});

describe('<news-view>', () => {
  let s;
  let page;
  let reference;

  /** Creates a <news-view> in #app with the given attributes. */
  const createElement = (attrs) =>
    page.evaluate((attrs) => {
      const el = document.createElement('news-view');
      for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
      document.getElementById('app').replaceChildren(el);
    }, attrs);

  before(async () => {
    s = await openHost(h);
    page = s.page;
    // What render() makes of the same article and clock, to compare the element with.
    assert.deepEqual(await renderInPage(page, seed, { now: NOW }), { ok: true });
    reference = await page.evaluate(() => document.querySelector('.host-container').shadowRoot.querySelector('article').outerHTML);
  });

  after(async () => {
    await s?.close();
  });

  test('importing the module defined the element', async () => {
    assert.equal(await page.evaluate(() => typeof customElements.get('news-view')), 'function');
  });

  test('src: shows the loading state, then renders the same article as render()', async () => {
    let release;
    const gate = new Promise((r) => (release = r));
    await page.route('**/fixtures/seed-article.json', async (route) => {
      await gate;
      await route.continue();
    });
    try {
      await createElement({ now: NOW, src: '/fixtures/seed-article.json' });
      const loading = page.locator('news-view .nv-loading');
      await loading.waitFor();
      assert.equal(await loading.getAttribute('role'), 'status');
      assert.equal((await loading.textContent()).trim(), '加载中…');
      release();
      await page.locator('news-view h1').waitFor();
    } finally {
      release();
      await page.unroute('**/fixtures/seed-article.json');
    }
    assert.equal(await page.locator('news-view .nv-loading').count(), 0, 'loading state is gone');
    assert.equal(await page.locator('news-view h1').textContent(), seed.title);
    assert.equal(await page.locator('news-view [part~="related-item"]').count(), 20);
    assert.equal(await page.locator('news-view [part~="related-item"] time').first().textContent(), '20小时前');
    const html = await page.evaluate(() => document.querySelector('news-view').shadowRoot.querySelector('article').outerHTML);
    assert.equal(html, reference);
  });

  test('the article property renders without src', async () => {
    await page.evaluate((a) => {
      const el = document.createElement('news-view');
      el.setAttribute('now', '2026-03-16T10:00:00+08:00');
      document.getElementById('app').replaceChildren(el);
      el.article = { ...a, title: '属性设置的文章' };
    }, seed);
    await page.locator('news-view h1').waitFor();
    assert.equal(await page.locator('news-view h1').textContent(), '属性设置的文章');
  });

  test('a 404 src shows the error state with a retry button that fetches again', async () => {
    const src = '/fixtures/does-not-exist.json';
    await createElement({ src });
    const error = page.locator('news-view .nv-error');
    await error.waitFor();
    assert.equal(await error.getAttribute('role'), 'alert');
    assert.match(await error.textContent(), /文章加载失败/);
    const fetches = () => s.requests.filter((u) => u.endsWith(src)).length;
    assert.equal(fetches(), 1);
    await page.getByRole('button', { name: '重试' }).click();
    await waitUntil(() => fetches() === 2, 'the retry fetches the src again');
    await error.waitFor();
  });

  test('invalid JSON shows the error state', async () => {
    await createElement({ src: '/pages/invalid.json' });
    const error = page.locator('news-view .nv-error');
    await error.waitFor();
    assert.equal(await error.getAttribute('role'), 'alert');
    assert.match(await error.textContent(), /文章加载失败/);
    assert.equal(await page.getByRole('button', { name: '重试' }).count(), 1);
    assert.equal(await page.locator('news-view h1').count(), 0);
  });

  test('no page errors and no third-party requests but the article images', () => {
    assertCleanSession(s);
  });
});
