// Issue 6, server-side rendering: the markup `newsview render` (html5ever + the core policy)
// writes must be the markup the browser shows after render() (the browser's own parser + the
// same policy, applied in place). Both sides are serialized by Chromium: the native string is
// parsed inertly (a <template>), its shadow template's <article> compared with the <article> in
// the shadow root render() made, for the seed, the rich body fixture and a sample of the XSS
// corpora (every payload of h5sc and DOMPurify's, every 10th of payloadbox). The browser's QR
// codes are compared once drawn (render() draws them when their popover first opens).
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliPath, openHost, root, useHarness } from './harness.mjs';

const NOW = '2026-03-16T10:00:00+08:00';
const fixture = (...p) => readFileSync(join(root, 'tests', 'fixtures', ...p), 'utf8');
const seed = JSON.parse(fixture('seed-article.json'));
const rich = fixture('rich-body.html');

/** The string values of every "payload" member of a corpus file. */
function jsonPayloads(text) {
  const out = [];
  const walk = (v) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k === 'payload' && typeof x === 'string') out.push(x);
        else walk(x);
      }
    }
  };
  walk(JSON.parse(text));
  return out;
}

function corpusSample() {
  const payloadbox = fixture('xss', 'payloadbox.txt').split('\n').filter((l, i) => l && i % 10 === 0);
  return [
    ...payloadbox.map((p, i) => [`payloadbox[${i * 10}]`, p]),
    ...jsonPayloads(fixture('xss', 'h5sc.json')).map((p, i) => [`h5sc[${i}]`, p]),
    ...jsonPayloads(fixture('xss', 'dompurify-expect.json')).map((p, i) => [`dompurify[${i}]`, p]),
  ];
}

/** A small article around `bodyHtml` (with a url, so that share and QR do not use the page's). */
const wrap = (bodyHtml, i) => ({
  schemaVersion: 1,
  id: `x${i}`,
  url: `https://example.test/a/${i}`,
  title: `payload ${i}`,
  publishedAt: '2025-07-27T21:56:43+08:00',
  bodyHtml,
});

/** The CLI's markup of `article`, with render `options` (given to `--options` as a file). */
function renderNative(bin, article, options) {
  const args = ['render', '--now', NOW, '-'];
  let dir;
  if (options) {
    dir = mkdtempSync(join(tmpdir(), 'nv-parity-'));
    writeFileSync(join(dir, 'options.json'), JSON.stringify(options));
    args.push('--options', join(dir, 'options.json'));
  }
  try {
    const r = spawnSync(bin, args, { input: JSON.stringify(article), encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`newsview render failed (${r.status}): ${r.stderr}`);
    return r.stdout;
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

const h = useHarness();

describe('SSR parity: native render vs render() in Chromium', () => {
  let s;
  let bin;

  before(async () => {
    bin = cliPath();
    s = await openHost(h, {
      // No system share sheet on either side (layout shows a different button with one).
      beforeLoad: (page) => page.addInitScript(() => delete Navigator.prototype.share),
    });
    await s.page.evaluate(() => {
      /** Both serializations of `article` as the browser sees them. */
      window.compareRender = async (article, nativeHtml, options) => {
        const container = document.createElement('div');
        document.getElementById('app').replaceChildren(container);
        const view = await window.newsview.render(container, article, { ...options, now: '2026-03-16T10:00:00+08:00' });
        // The full client draws its QR codes when their popover first opens; the server draws
        // them into the markup (for the hydration-only client). Open and close both.
        const click = (sel) => container.shadowRoot.querySelector(sel)?.click();
        click('[data-nv-action=qr]');
        click('[data-nv-action=qr]');
        click('[data-nv-action=share]');
        click('[data-nv-action=share-service][data-nv-service=wechat]');
        click('[data-nv-action=share]');
        // The drawings arrive when the QR module (imported at the first open) has encoded them.
        const end = Date.now() + 5000;
        while (container.shadowRoot.querySelector('svg[data-nv-qr]') && Date.now() < end) {
          await new Promise((resolve) => setTimeout(resolve));
        }
        const browser = container.shadowRoot.querySelector('article').outerHTML;
        view.destroy();
        const t = document.createElement('template');
        t.innerHTML = nativeHtml;
        const host = t.content.firstElementChild;
        const shadow = host?.localName === 'news-view' ? host.firstElementChild : null;
        const ok =
          shadow?.localName === 'template' && shadow.getAttribute('shadowrootmode') === 'open';
        const nativeArticle = ok ? [...shadow.content.children].find((e) => e.localName === 'article') : null;
        return {
          browser,
          native: nativeArticle ? nativeArticle.outerHTML : `(no <news-view><template shadowrootmode=open><article>: ${nativeHtml.slice(0, 200)})`,
          style: ok && shadow.content.firstElementChild?.localName === 'style',
        };
      };
    });
  });

  after(async () => {
    await s?.close();
  });

  /** First differing offset of two strings, with context, for a readable failure. */
  function diff(a, b) {
    let i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    return `at ${i}:\n  browser: …${a.slice(Math.max(0, i - 80), i + 120)}\n  native:  …${b.slice(Math.max(0, i - 80), i + 120)}`;
  }

  test('the seed article: the whole <article> is the same', async () => {
    const r = await s.page.evaluate(([a, n]) => window.compareRender(a, n), [seed, renderNative(bin, seed)]);
    assert.ok(r.style, 'the shadow template starts with the stylesheet');
    assert.ok(r.browser.includes('part="body"') && r.browser.length > 10_000);
    assert.ok(r.native === r.browser, diff(r.browser, r.native));
    assert.deepEqual(s.pageErrors, []);
  });

  test('the rich body fixture: the same', async () => {
    const article = { ...seed, bodyHtml: rich };
    const r = await s.page.evaluate(([a, n]) => window.compareRender(a, n), [article, renderNative(bin, article)]);
    assert.ok(r.browser.includes('<table>') && r.browser.includes('<figure>'));
    assert.ok(r.native === r.browser, diff(r.browser, r.native));
  });

  test('a body nested 5 000 deep: cut to the same bound on both sides, the same', async () => {
    // Both sides cut the nesting from the text before parsing (the native side used to refuse
    // such a body whole, while the browser rendered it).
    const bodyHtml = '<div><p>'.repeat(2_500) + 'deep' + '</p></div>'.repeat(2_500);
    const article = { ...seed, bodyHtml };
    const r = await s.page.evaluate(([a, n]) => window.compareRender(a, n), [article, renderNative(bin, article)]);
    assert.ok(r.browser.includes('deep'));
    assert.ok(r.native === r.browser, diff(r.browser, r.native));
  });

  test('media hosts: the same with allowMediaHosts, and with mediaProxy', async () => {
    const article = JSON.parse(fixture('media-hosts-article.json'));
    const listed = { sanitize: { allowMediaHosts: ['img.media.test', '*.cdn.media.test'] } };
    const proxied = { ...listed, mediaProxy: 'https://proxy.media.test/i?u={url}' };
    for (const options of [listed, proxied]) {
      const native = renderNative(bin, article, options);
      const r = await s.page.evaluate(([a, n, o]) => window.compareRender(a, n, o), [article, native, options]);
      assert.ok(!r.browser.includes('t.tracker.test/'), 'the unlisted host is gone');
      assert.ok(r.browser.includes('img.media.test/body-listed.jpg'));
      assert.equal(r.browser.includes('proxy.media.test'), options === proxied);
      assert.ok(r.native === r.browser, diff(r.browser, r.native));
    }
  });

  test('a sample of the XSS corpora: the same, payload by payload', async () => {
    const sample = corpusSample();
    assert.ok(sample.length > 1000, `sample of ${sample.length}`);
    const articles = sample.map(([, p], i) => wrap(p, i));
    const natives = articles.map((a) => renderNative(bin, a));
    const results = await s.page.evaluate(async ([articles, natives]) => {
      const out = [];
      for (let i = 0; i < articles.length; i++) {
        try {
          const r = await window.compareRender(articles[i], natives[i]);
          out.push(r.browser === r.native ? null : r);
        } catch (e) {
          out.push({ error: String(e?.message ?? e) });
        }
      }
      return out;
    }, [articles, natives]);
    const failures = [];
    results.forEach((r, i) => {
      if (r === null) return;
      const [name, payload] = sample[i];
      failures.push(`${name}: ${JSON.stringify(payload).slice(0, 300)}\n${r.error ?? diff(r.browser, r.native)}`);
    });
    assert.equal(failures.length, 0, `${failures.length} of ${sample.length} differ:\n${failures.join('\n\n')}`);
    assert.deepEqual(s.pageErrors, []);
  });
});
