// Issue 11, item 3: one article with one non-default options object (tests/fixtures/parity/)
// through every path. newsview/server's output is the native one byte for byte
// (render.test.mjs; the crate's two entries agree in tests/ssr_render.rs); here it is compared
// node for node with the browser's render() of the same input, and the page made of it hydrates
// in Chromium with the same options (its labels show in what the widgets say).
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openHost, useHarness } from '../e2e/harness.mjs';
import { requireBuilds, root, SERVER_ENTRY } from './support.mjs';

requireBuilds();
const { renderToString } = await import(SERVER_ENTRY);
const fixture = (...p) => readFileSync(join(root, 'tests', 'fixtures', ...p), 'utf8');
const article = JSON.parse(fixture('parity', 'article.json'));
const options = JSON.parse(fixture('parity', 'options.json'));

const h = useHarness();

describe('the parity fixture: server (wasm) vs the browser', () => {
  let s;
  before(async () => {
    s = await openHost(h);
  });
  after(async () => s?.close());

  test("render() in Chromium builds the server's <article>, node for node", async () => {
    const server = renderToString(article, options);
    const r = await s.page.evaluate(async ([article, options, html]) => {
      const container = document.createElement('div');
      document.getElementById('app').replaceChildren(container);
      const warnings = [];
      container.addEventListener('nv-warning', (e) => warnings.push(...e.detail.warnings));
      const view = await window.newsview.render(container, article, options);
      // render() draws its QR code when the popover first opens (the server draws it into the
      // markup, for the hydration-only client): open and close it first.
      container.shadowRoot.querySelector('[data-nv-action=qr]').click();
      container.shadowRoot.querySelector('[data-nv-action=qr]').click();
      // The drawing arrives when the QR module (imported at the first open) has encoded it.
      const end = Date.now() + 5000;
      while (container.shadowRoot.querySelector('svg[data-nv-qr]') && Date.now() < end) {
        await new Promise((resolve) => setTimeout(resolve));
      }
      const browser = container.shadowRoot.querySelector('article');
      const t = document.createElement('template');
      t.innerHTML = html;
      const native = t.content.querySelector('news-view > template').content.querySelector('article');
      // Node for node: kinds, names, attributes in order, text.
      const walk = (a, b, path) => {
        if (!a || !b) return `${path}: ${a ? 'extra in browser' : 'missing in browser'}`;
        if (a.nodeType !== b.nodeType || a.nodeName !== b.nodeName) return `${path}: ${a.nodeName} vs ${b.nodeName}`;
        if (a.nodeType === Node.TEXT_NODE) return a.data === b.data ? null : `${path}: text ${JSON.stringify(a.data)} vs ${JSON.stringify(b.data)}`;
        if (a.nodeType === Node.ELEMENT_NODE) {
          const attrs = (e) => [...e.attributes].map((x) => `${x.name}=${x.value}`).join(' ');
          if (attrs(a) !== attrs(b)) return `${path}: <${a.localName} ${attrs(a)}> vs <${b.localName} ${attrs(b)}>`;
        }
        const n = Math.max(a.childNodes.length, b.childNodes.length);
        for (let i = 0; i < n; i++) {
          const d = walk(a.childNodes[i], b.childNodes[i], `${path}/${a.nodeName}[${i}]`);
          if (d) return d;
        }
        return null;
      };
      let nodes = 0;
      const count = (n) => { nodes++; n.childNodes.forEach(count); };
      count(browser);
      const difference = walk(browser, native, '');
      view.destroy();
      return { difference, nodes, warnings };
    }, [article, options, server.html]);
    assert.equal(r.difference, null);
    assert.ok(r.nodes > 100, `${r.nodes} nodes compared`);
    assert.deepEqual(r.warnings, server.warnings, 'the same warnings as the server gives');
    assert.deepEqual(s.pageErrors, []);
  });

  test('the server page hydrates by itself with the same options', async () => {
    const server = renderToString(article, options);
    const page = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">${server.head}<script type="module" src="/pkg/newsview.js"></script></head><body>${server.html}</body></html>`;
    const p = await h.open('/pages/host.html', {
      beforeLoad: async (pg) => {
        await pg.route('**/pages/server-page.html', (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: page }));
        await pg.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: h.baseURL });
      },
    });
    try {
      await p.page.goto('/pages/server-page.html', { waitUntil: 'commit' });
      await p.page.waitForFunction(() => document.querySelector('news-view')?.shadowRoot?.querySelector('article.nv'));
      await p.page.evaluate(() => (window.serverArticle = document.querySelector('news-view').shadowRoot.querySelector('article.nv')));
      await p.page.waitForFunction(() => document.querySelector('news-view').view != null, null, { timeout: 15_000 });
      assert.equal(await p.page.evaluate(() => document.querySelector('news-view').shadowRoot.querySelector('article.nv') === window.serverArticle), true);
      const host = p.page.locator('news-view');
      // labels.like, and the like count formatted in English
      const like = host.getByRole('button', { name: /^Upvote/ });
      await like.click();
      assert.equal(await like.getAttribute('aria-pressed'), 'true');
      // labels.linkCopied: the toast says what the options say, so hydration read them
      await host.getByRole('button', { name: 'Share' }).click();
      await host.getByRole('menuitem', { name: 'Copy link' }).click();
      await p.page.waitForFunction(() => document.querySelector('news-view').shadowRoot.querySelector('[role=status]').textContent !== '');
      assert.equal(await host.getByRole('status').textContent(), 'Link on the clipboard');
      assert.equal(await p.page.evaluate(() => navigator.clipboard.readText()), options.pageUrl);
      assert.deepEqual(p.pageErrors, []);
    } finally {
      await p.close();
    }
  });
});
