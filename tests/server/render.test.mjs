// Issue 11, items 1, 2, 3 and 7: newsview/server's renderToString in Node — its output is the
// native build's, byte for byte (the CLI's `render --json`), for the seed, the rich body, the
// parity fixture's non-default options (flags and --options) and a sample of the XSS corpora;
// bad input gets what the browser gives.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliPath } from '../e2e/harness.mjs';
import { requireBuilds, root, seed, seedText, SERVER_ENTRY } from './support.mjs';

requireBuilds();
const { renderToString, initSync, NewsviewError } = await import(SERVER_ENTRY);
const bin = cliPath();
const fixture = (...p) => readFileSync(join(root, 'tests', 'fixtures', ...p), 'utf8');
const NOW = '2026-03-16T10:00:00+08:00';

/** `newsview render --json [args] -` on `articleText`: {html, head, warnings}. */
function native(articleText, args = []) {
  const r = spawnSync(bin, ['render', '--json', ...args, '-'], { input: articleText, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`newsview render failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout);
}

/** The same through an options file. */
function nativeWithOptions(articleText, options) {
  const dir = mkdtempSync(join(tmpdir(), 'nv-options-'));
  try {
    const file = join(dir, 'options.json');
    writeFileSync(file, JSON.stringify(options));
    return native(articleText, ['--options', file]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('renderToString: the native output, byte for byte', () => {
  test('the seed, as an object and as JSON text', () => {
    const expected = native(seedText, ['--now', NOW]);
    assert.deepEqual(renderToString(seed, { now: NOW }), expected);
    const fromText = renderToString(seedText, JSON.stringify({ now: NOW }));
    // The text is embedded as parsed and written again: the same bytes as from the object.
    assert.equal(fromText.html, expected.html);
    assert.ok(expected.html.startsWith('<news-view lang="zh-CN" theme="light"><template shadowrootmode="open"><style>'));
    assert.ok(expected.head.includes('<script type="application/ld+json">'));
    assert.deepEqual(expected.warnings, []);
  });

  test('the rich body fixture', () => {
    const article = { ...seed, bodyHtml: fixture('rich-body.html') };
    const text = JSON.stringify(article);
    assert.deepEqual(renderToString(text, { now: NOW }), native(text, ['--now', NOW]));
  });

  test('the parity fixture: non-default options, through --options and through flags', () => {
    const articleText = fixture('parity', 'article.json');
    const options = JSON.parse(fixture('parity', 'options.json'));
    const out = renderToString(articleText, options);
    assert.deepEqual(out, nativeWithOptions(articleText, options));
    // Flags for some of the options, the rest in a file: the same element.
    const { lang, now, timeZone, theme, pageUrl, ...rest } = options;
    const dir = mkdtempSync(join(tmpdir(), 'nv-options-'));
    try {
      writeFileSync(join(dir, 'o.json'), JSON.stringify(rest));
      const flags = native(articleText, ['--options', join(dir, 'o.json'), '--lang', lang, '--now', now, '--time-zone', timeZone, '--theme', theme, '--page-url', pageUrl]);
      const template = (html) => html.slice(0, html.indexOf('</template>'));
      assert.equal(template(flags.html), template(out.html));
      assert.equal(flags.head, out.head);
      assert.deepEqual(flags.warnings, out.warnings);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    assert.deepEqual(out.warnings.map((w) => w.path), ['title', 'summary', 'keywords', 'comments.items', 'bodyHtml']);
  });

  test('a sample of the XSS corpora, payload by payload', () => {
    const payloads = JSON.parse(fixture('xss', 'h5sc.json'));
    const list = [];
    const walk = (v) => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) k === 'payload' && typeof x === 'string' ? list.push(x) : walk(x);
    };
    walk(payloads);
    assert.ok(list.length > 100);
    const differ = [];
    list.forEach((bodyHtml, i) => {
      const text = JSON.stringify({ id: `x${i}`, url: `https://example.test/a/${i}`, title: `payload ${i}`, publishedAt: '2025-07-27T21:56:43+08:00', bodyHtml });
      const a = renderToString(text, { now: NOW });
      const b = native(text, ['--now', NOW]);
      if (a.html !== b.html || a.head !== b.head || JSON.stringify(a.warnings) !== JSON.stringify(b.warnings)) differ.push(i);
    });
    assert.deepEqual(differ, [], `payloads whose server-wasm and native output differ`);
  });
});

describe('renderToString: bad input gets what the browser gives', () => {
  test('errors name the field: NewsviewError with code and path, as in the browser', () => {
    assert.throws(() => renderToString({ ...seed, title: 42 }), (e) =>
      e instanceof NewsviewError && e.name === 'NewsviewError' && e.code === 'invalid' && e.path === 'title' && e.message === 'title: expected a string, got a number');
    assert.throws(() => renderToString({ ...seed, schemaVersion: 2 }), { code: 'schema-version', path: 'schemaVersion' });
    assert.throws(() => renderToString('{"id": 1,'), { code: 'json' });
    assert.throws(() => renderToString(seed, 'nope'), { code: 'json' });
    assert.throws(() => renderToString(seed, { lang: 'fr' }), { message: 'options.lang: unsupported language "fr" (expected zh-CN, zh-TW or en)' });
    assert.throws(() => renderToString(seed, { sanitize: { allowIframeHosts: ['a', 1] } }), { path: "sanitize.allowIframeHosts[1]", code: "invalid" });
    assert.throws(() => renderToString(seed, { limits: { maxTitleChars: -1 } }), { message: /^options\.limits\.maxTitleChars: / });
    assert.throws(() => renderToString(null), { message: 'article: expected an object or a JSON string', code: 'invalid', path: '' });
    assert.throws(() => renderToString('{"id": '), (e) => e instanceof Error && /line 1/.test(e.message));
    const cyclic = { ...seed };
    cyclic.self = cyclic;
    assert.throws(() => renderToString(cyclic), { message: 'article: cannot be serialised as JSON' });
    const cyclicOptions = {};
    cyclicOptions.self = cyclicOptions;
    assert.throws(() => renderToString(seed, cyclicOptions), { message: 'options: cannot be serialised as JSON', path: 'options' });
    // After errors, renders work.
    assert.ok(renderToString(seed).html.startsWith('<news-view'));
  });

  test('objects are read as JSON: getters, prototypes and __proto__ keys have no effect', () => {
    const proto = { title: 'from the prototype' };
    const article = Object.assign(Object.create(proto), { ...seed });
    delete article.title;
    assert.throws(() => renderToString(article), { message: 'title: required field is missing' });
    const options = JSON.parse('{"__proto__": {"lang": "en"}, "now": "2026-03-16T10:00:00+08:00"}');
    assert.ok(renderToString(seed, options).html.startsWith('<news-view lang="zh-CN"'));
    assert.equal(renderToString(seed, { now: NOW, videoPlayer: () => {} }).html, renderToString(seed, { now: NOW }).html);
  });

  test('oversized parts are cut with markers and warnings', () => {
    const article = {
      ...seed,
      title: '长'.repeat(600),
      keywords: Array.from({ length: 80 }, (_, i) => `k${i}`),
      bodyHtml: '<p>' + 'x'.repeat(3000) + '</p>',
    };
    const out = renderToString(article, { now: NOW, limits: { maxBodyBytes: 1000 } });
    assert.ok(out.html.includes(`>${'长'.repeat(500)}…</h1>`));
    assert.ok(out.html.includes('<span class="nv-more">还有 30 条</span>'));
    assert.ok(out.html.includes('<p class="nv-truncated">'));
    assert.deepEqual(out.warnings.map((w) => w.path), ['title', 'bodyHtml', 'keywords']);
    assert.ok(out.warnings.every((w) => typeof w.code === 'string' && w.code.length > 0), JSON.stringify(out.warnings));
  });

  test('initSync is idempotent once the module runs', () => {
    assert.doesNotThrow(() => initSync(new Uint8Array([0])));
  });
});
