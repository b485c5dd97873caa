// Issue 11, items 4 and 5: the examples serve server-rendered pages that hydrate by themselves,
// and so does the page of `newsview render --page`.
// examples/worker runs in workerd (the npm package's binary), examples/node-server in Node; each
// is started on a free port of 127.0.0.1 and stopped. The page each serves is the one
// newsview/server renders in Node for the same input, byte for byte, and in Chromium it is
// taken over without rebuilding a node, with every widget working.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliPath } from '../e2e/harness.mjs';
import { startServer } from '../../scripts/serve.mjs';
import { root, checkHydration, launchChromium, requireBuilds, seed, seedText, SERVER_ENTRY, startNodeServer, startWorker } from './support.mjs';

requireBuilds();
const { renderToString } = await import(SERVER_ENTRY);

let browser;
before(async () => {
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
});

describe('examples/worker in workerd', () => {
  let worker;
  before(async () => {
    worker = await startWorker();
  });
  after(async () => worker?.stop());

  test('GET / is the seed page; its <news-view> is what renderToString gives in Node', async () => {
    const r = await fetch(`${worker.url}/`);
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-type'), /^text\/html/);
    const page = await r.text();
    const expected = renderToString(seed, { lang: 'zh-CN', pageUrl: `${worker.url}/` });
    assert.ok(page.includes(`<body>\n${expected.html}\n</body>`), 'the element, byte for byte');
    assert.ok(page.includes(expected.head), 'the head tags, byte for byte');
    assert.ok(page.includes('<script type="module" src="/newsview-hydrate.js"></script>'));
    for (const file of ['newsview-hydrate_bg.wasm', 'newsview_bg.wasm']) {
      const wasm = await fetch(`${worker.url}/${file}`);
      assert.equal(wasm.headers.get('content-type'), 'application/wasm', file);
      assert.ok(WebAssembly.validate(new Uint8Array(await wasm.arrayBuffer())), file);
    }
    assert.equal((await fetch(`${worker.url}/newsview.js`)).status, 200);
    assert.equal((await fetch(`${worker.url}/nope`)).status, 404);
  });

  test('the page hydrates in Chromium with newsview/hydrate alone (the full client is never fetched), without rebuilding a node; widgets work', async () => {
    await checkHydration(browser, `${worker.url}/`, seed.url, { hydrateOnly: true });
  });

  test('under load: 2 000 requests, 16 at a time, all answered 200 with the page; p50 and p99 reported', async (t) => {
    const total = 2_000;
    const concurrency = 16;
    const times = [];
    const failures = [];
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < total) {
          next += 1;
          const t0 = performance.now();
          try {
            const r = await fetch(`${worker.url}/`);
            const body = await r.text();
            if (r.status !== 200 || !body.includes('data-nv-hydrate')) failures.push(`HTTP ${r.status}`);
          } catch (e) {
            failures.push(String(e.cause?.code ?? e.message));
          }
          times.push(performance.now() - t0);
        }
      }),
    );
    const wall = performance.now() - started;
    times.sort((a, b) => a - b);
    const q = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))].toFixed(1);
    t.diagnostic(`${total} requests, concurrency ${concurrency}: p50 ${q(0.5)} ms, p99 ${q(0.99)} ms, max ${q(1)} ms, ${(total / (wall / 1000)).toFixed(0)} requests/s`);
    assert.deepEqual(failures, []);
    assert.equal(times.length, total);
  });
});

describe('examples/node-server in Node', () => {
  let server;
  before(async () => {
    server = await startNodeServer();
  });
  after(async () => server?.stop());

  test('GET /articles/:id renders the JSON file; / redirects; unknown ids are 404', async () => {
    const url = `${server.url}/articles/seed-article`;
    const r = await fetch(url);
    assert.equal(r.status, 200);
    const page = await r.text();
    const expected = renderToString(seedText, { lang: 'zh-CN', pageUrl: url });
    assert.ok(page.includes(`<body>\n${expected.html}\n</body>`), 'the element, byte for byte');
    assert.ok(page.includes(expected.head));
    const root = await fetch(`${server.url}/`, { redirect: 'manual' });
    assert.equal(root.status, 302);
    assert.equal(root.headers.get('location'), '/articles/seed-article');
    assert.equal((await fetch(`${server.url}/articles/none-such`)).status, 404);
    assert.equal((await fetch(`${server.url}/articles/..%2Fpackage`)).status, 404);
  });

  test('the page hydrates in Chromium with newsview/hydrate alone (the full client is never fetched), without rebuilding a node; widgets work', async () => {
    await checkHydration(browser, `${server.url}/articles/seed-article`, seed.url, { hydrateOnly: true });
  });
});

describe('newsview render --page (the CLI)', () => {
  let dir;
  let pages;
  before(async () => {
    const r = spawnSync(cliPath(), ['render', '--page', '--script', '/pkg/newsview.js', 'tests/fixtures/seed-article.json'], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 16 << 20,
    });
    assert.equal(r.status, 0, r.stderr);
    dir = mkdtempSync(join(tmpdir(), 'nv-page-'));
    writeFileSync(join(dir, 'page.html'), r.stdout);
    pages = await startServer({ mounts: { '/ssr/': dir, '/pkg/': join(root, 'pkg') } });
  });
  after(async () => {
    await pages?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('the page hydrates in Chromium by itself (no src, no host code); widgets work', async () => {
    await checkHydration(browser, `${pages.url}/ssr/page.html`, seed.url);
  });
});
