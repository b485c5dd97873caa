// make bench-server: server rendering measured side by side (issue 11, items 6 and 9).
//
// Renders per second on one core (every loop is single-threaded) of the same two articles —
// the seed (4 KB body) and the seed with a ~100 KB body — with the same options, by:
//   native            ssr::render, the path of the CLI and a Rust server (cargo bench --bench
//                     render, opt-level 3 like the server wasm)
//   newsview/server   renderToString in Node (pkg-server/newsview-server.js)
//   workerd           renderToString in workerd (bench/worker: n renders inside one request,
//                     timed by the client, as time stands still inside a Worker)
//   sanitize-html     what a Node site does today: sanitize-html on the body plus a template
//                     string writing newsview's markup (header, meta, body, actions, keywords,
//                     comments, related videos, JSON-LD; no QR code)
//   DOMPurify+jsdom   the same template with DOMPurify on a jsdom window (isomorphic-dompurify)
// then the memory of 100 000 renders with per-request labels in one Node process, the time of
// hostile 4 MiB bodies (issue 10's shapes), and the server wasm's size. Prints a Markdown table and writes bench/results-server.json.
//
//   node bench/server.mjs [--seconds=3] [--renders=100000]
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { loadavg, cpus } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import v8 from 'node:v8';
import vm from 'node:vm';
import { ROOT, gitCommit } from './harness.mjs';
import { startWorkerd } from '../tests/server/support.mjs';

const run = promisify(execFile);
const arg = (name, fallback) => {
  const a = process.argv.find((x) => x.startsWith(`--${name}=`));
  return a ? Number(a.split('=')[1]) : fallback;
};
const SECONDS = arg('seconds', 3);
const RENDERS = arg('renders', 100_000);
const OPTIONS = { now: '2026-03-16T10:00:00+08:00', pageUrl: 'https://www.example.com/a/1' };

const seed = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/seed-article.json'), 'utf8'));
const rich = readFileSync(join(ROOT, 'tests/fixtures/rich-body.html'), 'utf8');
const CASES = {
  seed,
  'seed-100kb-body': { ...seed, bodyHtml: rich.repeat(Math.ceil(100_000 / rich.length)) },
};
const SERVER = join(ROOT, 'pkg-server', 'newsview-server.js');
const { renderToString, memoryBytes } = await import(SERVER);

/** Calls `fn` until `SECONDS` have passed (after a warm-up); renders per second. */
function perSecond(fn) {
  for (let i = 0; i < 50; i++) fn();
  const start = performance.now();
  let n = 0;
  while (performance.now() - start < SECONDS * 1000) {
    fn();
    n++;
  }
  return n / ((performance.now() - start) / 1000);
}

// ---- What a Node site uses today: a sanitizer and a template string. ----

const KEPT = 'p br h2 h3 h4 h5 h6 strong b em i u s del ins sub sup small mark code pre blockquote q cite abbr span div hr time ul ol li dl dt dd a img figure figcaption table caption thead tbody tfoot tr th td colgroup col'.split(' ');
const ATTRS = { '*': ['dir', 'lang', 'title'], a: ['href'], img: ['src', 'srcset', 'alt', 'width', 'height'], ol: ['start', 'reversed'], th: ['colspan', 'rowspan', 'scope'], td: ['colspan', 'rowspan'], time: ['datetime'] };
const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const STYLESHEET = '/* newsview.css */' + readFileSync(join(ROOT, 'www', 'newsview.css'), 'utf8');
const dateFormat = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
const count = (n) => (n >= 10_000 ? `${(n / 10_000).toFixed(1)}万` : String(n ?? ''));
const duration = (s) => `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;

/** newsview's markup of `a` with the body cleaned by `clean`, as a template string. */
function template(a, clean) {
  const body = a.bodyHtml ? clean(a.bodyHtml) : '';
  const ld = JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: a.title, datePublished: a.publishedAt, url: a.url }).replace(/</g, '\\u003c');
  return `<news-view lang="zh-CN" theme="light"><template shadowrootmode="open"><style>${STYLESHEET}</style><article class="nv" part="article" lang="zh-CN" data-theme="light"><header class="nv-header" part="header"><h1 class="nv-title" part="title">${esc(a.title)}</h1><div class="nv-meta" part="meta">${a.channel ? `<a href="${esc(a.channel.url)}" class="nv-channel">${esc(a.channel.name)}</a>` : ''}<time class="nv-time" datetime="${esc(a.publishedAt)}">${dateFormat.format(new Date(a.publishedAt))}</time>${a.source ? `<a href="${esc(a.source.url)}" class="nv-source">${esc(a.source.name)}</a>` : ''}</div></header>${a.leadVideo ? `<div class="nv-lead" part="lead"><button class="nv-play" type="button" data-nv-action="play"><img src="${esc(a.leadVideo.poster?.url ?? '')}" alt="${esc(a.leadVideo.poster?.alt ?? '')}"><span class="nv-duration">${duration(a.leadVideo.durationSeconds ?? 0)}</span></button></div>` : ''}<div class="nv-body" part="body">${body}</div>${a.editor ? `<p class="nv-editor" part="editor">编辑:${esc(a.editor)}</p>` : ''}<div class="nv-actions" part="actions"><button class="nv-action nv-like" type="button" data-nv-action="like" aria-pressed="false">点赞<span class="nv-count">${count(a.stats?.likes)}</span></button><button class="nv-action nv-favorite" type="button" data-nv-action="favorite" aria-pressed="false">收藏</button><button class="nv-action nv-share" type="button" data-nv-action="share">分享</button></div><div class="nv-keywords" part="keywords">${(a.keywords ?? []).map((k, i) => `<a href="${esc(k.url ?? '')}" class="nv-keyword" data-nv-index="${i}">${esc(k.name ?? k)}</a>`).join('')}</div><section class="nv-comments" part="comments"><h2 class="nv-section-title">全部评论</h2>${(a.comments?.items ?? []).map((c) => `<li class="nv-comment">${esc(c.author.name)}: ${esc(c.text)}</li>`).join('')}</section><section class="nv-related" part="related"><h2 class="nv-section-title">推荐视频</h2><ul class="nv-related-list">${(a.relatedVideos ?? []).map((v, i) => `<li class="nv-related-li"><a href="${esc(v.url)}" class="nv-related-item" part="related-item" data-nv-index="${i}"><span class="nv-thumb">${v.cover ? `<img class="nv-thumb-img" src="${esc(v.cover.url)}" alt="" loading="lazy">` : ''}<span class="nv-duration">${duration(v.durationSeconds ?? 0)}</span></span><span class="nv-related-title">${esc(v.title)}</span></a></li>`).join('')}</ul></section></article></template></news-view><script type="application/ld+json">${ld}</script>`;
}

async function baselines() {
  const bench = (p) => import(join(ROOT, 'bench', 'node_modules', p));
  const { default: sanitizeHtml } = await bench('sanitize-html/index.js');
  const { JSDOM } = await bench('jsdom/lib/api.js');
  const { default: createDOMPurify } = await bench('dompurify/dist/purify.cjs.js');
  const purify = createDOMPurify(new JSDOM('').window);
  const shConfig = { allowedTags: KEPT, allowedAttributes: ATTRS, allowedSchemes: ['http', 'https', 'mailto', 'tel'] };
  const dpConfig = { ALLOWED_TAGS: KEPT, ALLOWED_ATTR: [...new Set(Object.values(ATTRS).flat())] };
  return {
    'sanitize-html + template': (a) => template(a, (h) => sanitizeHtml(h, shConfig)),
    'DOMPurify on jsdom + template': (a) => template(a, (h) => purify.sanitize(h, dpConfig)),
  };
}

async function native() {
  const { stdout } = await run('cargo', ['bench', '--quiet', '--bench', 'render'], {
    cwd: ROOT,
    env: { ...process.env, BENCH_SECONDS: String(SECONDS), CARGO_PROFILE_BENCH_OPT_LEVEL: '3' },
    maxBuffer: 16 << 20,
  });
  return Object.fromEntries(stdout.trim().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l)).map((r) => [r.case, r.rendersPerSecond]));
}

async function workerd() {
  const w = await startWorkerd('bench/worker/config.capnp', '/render?n=1');
  try {
    const out = {};
    for (const name of Object.keys(CASES)) {
      const get = async (n) => {
        const r = await fetch(`${w.url}/render?case=${name}&n=${n}`);
        if (!r.ok) throw new Error(`bench worker: HTTP ${r.status} ${await r.text()}`);
        return (await r.json()).renders;
      };
      await get(50);
      // About SECONDS in requests of about 0.3 s each.
      const t0 = performance.now();
      await get(20);
      const each = Math.max(1, Math.round((20 * 300) / (performance.now() - t0)));
      let renders = 0;
      const start = performance.now();
      while (performance.now() - start < SECONDS * 1000) renders += await get(each);
      out[name] = renders / ((performance.now() - start) / 1000);
    }
    return out;
  } finally {
    await w.stop();
  }
}

/**
 * Hostile 4 MiB bodies (shapes of issue 10) through renderToString: milliseconds each, and what
 * the warnings say was done. A request must not be held for more than about a second.
 */
function hostile() {
  const size = 4 * 1024 * 1024 - 64;
  const fill = (unit) => unit.repeat(Math.floor(size / unit.length));
  const shapes = {
    'div nesting': fill('<div>'),
    'formatting nesting': fill('<b>'),
    'adoption agency': fill('<a><b>'),
    'foster-parented table': '<table>' + fill('x<td>'),
    'p in b': fill('<b><p>'),
    'select/option': fill('<select><option>'),
    comments: fill('<!--x-->'),
    'attributes': '<p ' + fill('a=1 ') + '>',
    'nobr': fill('<nobr>'),
    'svg': fill('<svg>'),
  };
  const base = { id: 'h', title: 'hostile', publishedAt: '2025-07-27T21:56:43+08:00' };
  return Object.fromEntries(
    Object.entries(shapes).map(([name, bodyHtml]) => {
      const text = JSON.stringify({ ...base, bodyHtml });
      const start = performance.now();
      const out = renderToString(text, OPTIONS);
      return [name, { ms: Math.round(performance.now() - start), warnings: out.warnings.map((w) => w.message).join('; ') }];
    }),
  );
}

/** 100 000 renders with per-request labels and options: wasm memory and JS heap (after GC). */
function memory() {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc');
  const text = JSON.stringify(seed);
  const render = (i) => renderToString(text, { ...OPTIONS, lang: i % 2 ? 'en' : 'zh-CN', labels: { like: `赞 ${i}`.padEnd(200, '!'), more: `+{n} ${i}` }, limits: { maxKeywords: i % 7 } });
  for (let i = 0; i < 1000; i++) render(i);
  gc();
  const before = { wasm: memoryBytes(), heap: process.memoryUsage().heapUsed };
  const start = performance.now();
  for (let i = 0; i < RENDERS; i++) render(i);
  const ms = performance.now() - start;
  gc();
  return { renders: RENDERS, msPerRender: ms / RENDERS, wasmBefore: before.wasm, wasmAfter: memoryBytes(), heapBefore: before.heap, heapAfter: process.memoryUsage().heapUsed };
}

const results = { commit: gitCommit(), date: new Date().toISOString(), cpu: cpus()[0]?.model, cores: cpus().length, node: process.version, seconds: SECONDS, rendersPerSecond: {} };
const rows = results.rendersPerSecond;
const load = [];
const note = () => load.push(loadavg()[0]);

note();
const texts = Object.fromEntries(Object.entries(CASES).map(([k, v]) => [k, JSON.stringify(v)]));
rows.native = await native();
note();
rows['newsview/server in Node'] = Object.fromEntries(Object.keys(CASES).map((k) => [k, perSecond(() => renderToString(texts[k], OPTIONS))]));
note();
// Before the baselines, whose libraries (jsdom) hold on to memory of their own.
results.memory = memory();
note();
results.hostile = hostile();
note();
rows['newsview/server in workerd'] = await workerd();
note();
for (const [name, fn] of Object.entries(await baselines())) {
  rows[name] = Object.fromEntries(Object.entries(CASES).map(([k, a]) => [k, perSecond(() => fn(a))]));
  note();
}
const wasm = readFileSync(join(ROOT, 'pkg-server', 'newsview_server_bg.wasm'));
results.serverWasm = { bytes: statSync(join(ROOT, 'pkg-server', 'newsview_server_bg.wasm')).size, gzip: gzipSync(wasm, { level: 9 }).length };
results.loadAverage = load.map((l) => Number(l.toFixed(2)));

const fmt = (n) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));
console.log(`\nRenders per second on one core (${results.cpu}, ${results.cores} cores, load ${Math.min(...load).toFixed(1)}–${Math.max(...load).toFixed(1)}; ${SECONDS} s per cell)\n`);
console.log('| path | seed (4 KB body) | seed, 100 KB body |');
console.log('| --- | ---: | ---: |');
for (const [name, r] of Object.entries(rows)) console.log(`| ${name} | ${fmt(r.seed)} | ${fmt(r['seed-100kb-body'])} |`);
const m = results.memory;
console.log(`\n${m.renders} renders with per-request labels: ${m.msPerRender.toFixed(2)} ms each; wasm memory ${m.wasmBefore} -> ${m.wasmAfter} B; JS heap ${(m.heapBefore / 1048576).toFixed(2)} -> ${(m.heapAfter / 1048576).toFixed(2)} MiB (after GC)`);
console.log('\n| hostile 4 MiB body | ms | what was done |\n| --- | ---: | --- |');
for (const [name, h] of Object.entries(results.hostile)) console.log(`| ${name} | ${h.ms} | ${h.warnings} |`);
console.log(`\nserver wasm: ${results.serverWasm.bytes} B, ${results.serverWasm.gzip} B gzip`);
writeFileSync(join(ROOT, 'bench', 'results-server.json'), JSON.stringify(results, null, 2) + '\n');
console.log('wrote bench/results-server.json');
