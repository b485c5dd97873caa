#!/usr/bin/env node
// newsview benchmark: `node bench/run.mjs [--quick] [--profile]` (what `make bench` calls).
//
// Serves pkg/, bench/ and tests/fixtures/ on 127.0.0.1 (a free port), drives Debian's
// Chromium through playwright-core (never downloads a browser), runs the suite in one page
// with implementations alternating round by round, prints medians (p10/p90) and ratios, and
// writes bench/results.json. Everything is bounded in rounds and time and stops by itself.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LABEL, fmt } from './format.mjs';
import { scaleSvg } from './scale-chart.mjs';
import { CHROMIUM, CHROMIUM_ARGS, ROOT, checkPackage, chromiumVersion as version, gitCommit, loadPlaywright, startServer, withTimeout } from './harness.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const rawArgs = process.argv.slice(2);
const argv = new Set(rawArgs);
// --pkg=DIR serves another build as /pkg/ (e.g. one that keeps the wasm name section, so that
// --profile shows Rust function names instead of wasm-function[N]).
const PKG_DIR = path.resolve(rawArgs.find((a) => a.startsWith('--pkg='))?.slice(6) ?? path.join(ROOT, 'pkg'));
const QUICK = argv.has('--quick');
const PROFILE = argv.has('--profile');
const HARD_LIMIT_MS = (QUICK ? 6 : 25) * 60 * 1000;
const KB = 1024;
// One sample slower than this stops that implementation for the case (and the larger ones).
const SAMPLE_CAP_MS = QUICK ? 4000 : 8000;
const MB = 1024 * KB;

if (argv.has('--help')) {
  console.log('usage: node bench/run.mjs [--quick] [--profile] [--pkg=DIR]');
  process.exit(0);
}

const playwright = await loadPlaywright();
const WASM_FILE = checkPackage(PKG_DIR);

// --- static server ---------------------------------------------------------------------------
const server = await startServer(PKG_DIR);
const BASE = server.base;

// --- browser ---------------------------------------------------------------------------------
const chromiumVersion = version();
// playwright-core starts Chromium with a fresh temporary user-data-dir and removes it at close.
const browser = await playwright.chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
const context0 = await browser.newContext({ viewport: { width: 1280, height: 900 } });

let finished = false;
async function shutdown(code) {
  if (finished) return;
  finished = true;
  await Promise.race([browser.close().catch(() => {}), new Promise((r) => setTimeout(r, 10000))]);
  server.close();
  if (code !== undefined) process.exit(code);
}
const hardLimit = setTimeout(async () => {
  console.error(`bench: hard time limit (${HARD_LIMIT_MS / 60000} min) reached, stopping`);
  await shutdown(3);
}, HARD_LIMIT_MS);
process.on('SIGINT', () => shutdown(130));
process.on('SIGTERM', () => shutdown(143));

const started = Date.now();
const log = (...a) => console.error(`[${((Date.now() - started) / 1000).toFixed(1).padStart(6)}s]`, ...a);

// --- statistics ------------------------------------------------------------------------------
function quantile(sorted, q) {
  if (sorted.length === 0) return NaN;
  const i = (sorted.length - 1) * q;
  const lo = Math.floor(i);
  const hi = Math.ceil(i);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (i - lo);
}
function stats(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return { n: s.length, median: quantile(s, 0.5), p10: quantile(s, 0.1), p90: quantile(s, 0.9), min: s[0] };
}
const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);


// --- the suite -------------------------------------------------------------------------------
const results = {
  date: new Date().toISOString(),
  chromium: chromiumVersion,
  node: process.version,
  quick: QUICK,
  loadAverageAtStart: os.loadavg(),
  commit: gitCommit(),
  pkg: path.relative(ROOT, PKG_DIR) || '.',
  wasmBytes: fs.statSync(WASM_FILE).size,
  cases: {},
  scale: { size: [], depth: [] },
};

async function openBench(page, query = '') {
  page.on('pageerror', (e) => log('page error:', e.message));
  await page.goto(`${BASE}/bench/bench.html${query}`);
  await page.waitForFunction(() => window.__benchReady === true, null, { timeout: 30000 });
  return withTimeout(page.evaluate(() => B.setup()), 60000, 'setup');
}

async function runCase(page, key, kind, n, impls, plan, prepared = false, inspect = true) {
  const input = prepared
    ? await page.evaluate((k) => ({ bytes: B.inputs[k].bytes, chars: B.inputs[k].html.length }), key)
    : await withTimeout(page.evaluate(([k, kd, nn]) => B.prepare(k, kd, nn), [key, kind, n]), 180000, `prepare ${key}`);
  const implsHere = impls.filter((i) => i !== 'setHTML' || env.hasSetHTML);
  const check = inspect ? await withTimeout(page.evaluate(([k, names]) => B.inspect(k, names), [key, implsHere]), 180000, `inspect ${key}`) : {};
  const { samples, dom, capped } = await withTimeout(
    page.evaluate(([k, names, p]) => B.run(k, names, p), [key, implsHere, plan]),
    plan.budgetMs + 300000,
    `run ${key}`,
  );
  const out = { input, check, capped, impls: {} };
  for (const [name, xs] of Object.entries(samples)) {
    if (!xs.length) continue;
    out.impls[name] = { ...stats(xs), domMedian: stats(dom[name]).median, samples: xs.map((x) => +x.toFixed(3)) };
  }
  const med = (k) => out.impls[k]?.median;
  const dmed = (k) => out.impls[k]?.domMedian;
  for (const s of Object.values(out.impls)) {
    s.vsPurify = med('purify') ? s.median / med('purify') : null;
    s.vsFloor = med('floor') ? s.median / med('floor') : med('pageFloor') ? s.median / med('pageFloor') : null;
    s.domVsPurify = dmed('purify') ? s.domMedian / dmed('purify') : null;
    s.domVsFloor = dmed('floor') ? s.domMedian / dmed('floor') : dmed('pageFloor') ? s.domMedian / dmed('pageFloor') : null;
  }
  return out;
}

function printCase(title, c) {
  console.log(`\n${title}  (${(c.input.bytes / KB).toFixed(1)} KB body)`);
  console.log(`  ${pad('implementation', 30)}${lpad('median', 9)}${lpad('p10', 9)}${lpad('p90', 9)}${lpad('n', 5)}${lpad('×purify', 9)}${lpad('×floor', 8)} │${lpad('DOM only', 9)}${lpad('×purify', 9)}${lpad('×floor', 8)}   body elements`);
  if (c.capped?.length) console.log(`  (stopped after one sample over the per-sample cap: ${c.capped.join(', ')})`);
  for (const [name, s] of Object.entries(c.impls)) {
    const ch = c.check[name];
    const note = ch ? `${ch.elements}${ch.scripts + ch.handlers + ch.jsUrls ? ` (dirt left: ${ch.scripts} script/iframe, ${ch.handlers} on*, ${ch.jsUrls} js:)` : ''}` : '';
    console.log(
      `  ${pad(LABEL[name] ?? name, 30)}${lpad(fmt(s.median), 9)}${lpad(fmt(s.p10), 9)}${lpad(fmt(s.p90), 9)}${lpad(s.n, 5)}` +
        `${lpad(s.vsPurify ? s.vsPurify.toFixed(2) + 'x' : '—', 9)}${lpad(s.vsFloor ? s.vsFloor.toFixed(2) + 'x' : '—', 8)} │` +
        `${lpad(fmt(s.domMedian), 9)}${lpad(s.domVsPurify ? s.domVsPurify.toFixed(2) + 'x' : '—', 9)}${lpad(s.domVsFloor ? s.domVsFloor.toFixed(2) + 'x' : '—', 8)}   ${note}`,
    );
  }
}

const page = await context0.newPage();
const env = await openBench(page);
results.env = env;
log(`server ${BASE}; ${chromiumVersion}; setHTML: ${env.hasSetHTML}; crossOriginIsolated: ${env.crossOriginIsolated}; timer resolution ${(env.timerResolutionMs * 1000).toFixed(1)} µs`);

const ALL = ['nv', 'nvMin', 'purify', 'floor', 'setHTML'];
const PEERS = ['nvMin', 'purify', 'floor', 'setHTML'];
const Q = (full, quick) => (QUICK ? quick : full);

try {
  log('case: seed body');
  results.cases.seedBody = await runCase(page, 'seed', 'seed', 0, PEERS, { rounds: Q(150, 40), warmup: Q(10, 5), budgetMs: Q(15000, 5000) });
  log('case: full seed article');
  results.cases.seedFull = await runCase(page, 'seed', 'seed', 0, ['nv', 'nvObj', 'pageFloor'], { rounds: Q(150, 40), warmup: Q(10, 5), budgetMs: Q(10000, 4000) }, true);
  log('case: 1 MB CMS body');
  results.cases.body1m = await runCase(page, 'body-1m', 'cms', MB, ALL, { rounds: Q(15, 5), warmup: 1, budgetMs: Q(90000, 30000), minRounds: 3, sampleCapMs: SAMPLE_CAP_MS });

  // Scale series. An implementation whose next sample is predicted (from the growth seen
  // so far) to take longer than the cap is skipped for the larger inputs.
  const series = async (label, steps, make) => {
    const rows = [];
    const skipped = new Set();
    for (const step of steps) {
      const prev = rows.slice(-2);
      const run = PEERS.filter((impl) => {
        if (skipped.has(impl)) return false;
        const [a, b] = prev.length === 2 ? prev : [null, prev[0]];
        const tb = b?.impls[impl]?.median;
        if (tb === undefined) return true;
        const ta = a?.impls[impl]?.median;
        const ratio = step.n / b.n;
        const k = ta ? Math.max(1, Math.log(tb / ta) / Math.log(b.n / a.n)) : 1;
        if (tb * ratio ** k > SAMPLE_CAP_MS) {
          skipped.add(impl);
          return false;
        }
        return true;
      });
      log(`scale: ${label} ${step.label} (${run.join(', ')})`);
      const c = step.reuse ?? (await runCase(page, step.key, step.kind, step.n, run, { ...step.plan, sampleCapMs: SAMPLE_CAP_MS }, false, step.n <= step.inspectUpTo));
      if (!step.reuse) await page.evaluate((k) => B.drop(k), step.key);
      const impls = {};
      for (const [k, v] of Object.entries(c.impls)) {
        if (PEERS.includes(k)) impls[k] = { median: v.median, p10: v.p10, p90: v.p90, n: v.n, domMedian: v.domMedian };
      }
      rows.push({ n: step.n, bytes: c.input.bytes, impls, skipped: [...skipped], capped: c.capped, check: c.check });
    }
    return rows;
  };
  const sizes = Q([KB, 3 * KB, 10 * KB, 30 * KB, 100 * KB, 300 * KB, MB, 3 * MB, 10 * MB], [KB, 10 * KB, 100 * KB, MB]);
  results.scale.size = await series('body', sizes.map((bytes) => ({
    n: bytes,
    label: `${bytes / KB} KB`,
    key: `size-${bytes}`,
    kind: 'cms',
    inspectUpTo: 100 * KB,
    reuse: bytes === MB ? results.cases.body1m : null,
    plan: {
      rounds: Math.max(2, Math.min(Q(40, 10), Math.round(Q(2, 0.5) * MB / bytes))),
      warmup: bytes >= 3 * MB ? 0 : 2,
      budgetMs: Q(20000, 5000),
      minRounds: bytes >= 3 * MB ? 1 : 2,
    },
  })));
  await page.evaluate(() => B.drop('body-1m'));
  const depths = Q([10, 100, 1000, 3000, 10000, 30000, 100000], [10, 1000, 10000, 100000]);
  results.scale.depth = await series('nesting', depths.map((depth) => ({
    n: depth,
    label: `${depth}`,
    key: `depth-${depth}`,
    kind: 'nested',
    inspectUpTo: 1000,
    plan: { rounds: Q(depth >= 10000 ? 10 : 30, 3), warmup: 1, budgetMs: Q(10000, 4000), minRounds: 2 },
  })));

  if (PROFILE) {
    log('profile: CPU profile of newsview on the 1 MB body');
    await page.evaluate(() => B.prepare('body-1m', 'cms', 1024 * 1024));
    results.profile = await cpuProfile(page, 'body-1m', 'nv', Q(10, 3));
    results.profileSeed = await cpuProfile(page, 'seed', 'nv', Q(300, 100));
    await page.evaluate(() => B.prepare('depth-3000', 'nested', 3000));
    results.profileDepth = await cpuProfile(page, 'depth-3000', 'nvMin', Q(10, 3));
    // JS↔wasm boundary calls per render (imports wrapped with counters, in a separate page).
    const cp = await context0.newPage();
    await openBench(cp, '?count=1');
    results.boundary = await cp.evaluate(async () => {
      const out = {};
      B.prepare('seed', 'seed', 0);
      B.prepare('body-1m', 'cms', 1024 * 1024);
      B.prepare('depth-1000', 'nested', 1000);
      B.prepare('depth-10000', 'nested', 10000);
      for (const [key, impl] of [['seed', 'nv'], ['seed', 'nvMin'], ['body-1m', 'nvMin'], ['depth-1000', 'nvMin'], ['depth-10000', 'nvMin']]) {
        await B.repeat(key, impl, 1);
        B.resetCalls();
        const ms = await B.repeat(key, impl, 1);
        const calls = B.calls();
        const total = Object.values(calls).reduce((a, b) => a + b, 0);
        const nodes = (await B.inspect(key, [impl]))[impl].totalNodes;
        out[`${impl} ${key}`] = { ms, total, elements: nodes, perElement: total / Math.max(1, nodes), top: Object.entries(calls).slice(0, 12) };
      }
      return out;
    });
    await cp.close();
  }
  await page.close();

  // --- cold start: a fresh browser context (empty HTTP cache) per sample -----------------------
  log('cold start');
  const coldN = Q(15, 4);
  const cold = { nv: [], purify: [], nvRepeat: [] };
  for (let i = 0; i < coldN; i++) {
    for (const impl of i % 2 ? ['purify', 'nv'] : ['nv', 'purify']) {
      const ctx = await browser.newContext();
      const p = await ctx.newPage();
      await p.goto(`${BASE}/bench/cold.html?impl=${impl}`);
      await p.waitForFunction(() => window.__cold, null, { timeout: 30000 });
      cold[impl].push(await p.evaluate(() => window.__cold));
      if (impl === 'nv') {
        // Second visit in the same context: HTTP cache and V8's wasm code cache are warm.
        await p.goto(`${BASE}/bench/cold.html?impl=nv&repeat=1`);
        await p.waitForFunction(() => window.__cold, null, { timeout: 30000 });
        cold.nvRepeat.push(await p.evaluate(() => window.__cold));
      }
      await ctx.close();
    }
  }
  results.cold = {};
  for (const [k, xs] of Object.entries(cold)) {
    results.cold[k] = Object.fromEntries(['import', 'init', 'render', 'total', 'frame'].map((f) => [f, stats(xs.map((x) => x[f]))]));
  }

  // --- memory: render/update/destroy cycles in a fresh page ---------------------------------------
  // --- memory: render/update/destroy cycles, each series in a fresh page (wasm memory never
  // shrinks, so its byteLength is a high-water mark) ---------------------------------------------
  results.memory = {};
  for (const [mode, yieldEach, batches] of [['tight', false, 2], ['yielding', true, 1]]) {
    log(`memory (${mode})`);
    const mp = await context0.newPage();
    await openBench(mp);
    await mp.evaluate(() => {
      B.prepare('mem', 'seed', 0);
      B.prepare('mem2', 'cms', 4096);
    });
    const cdp = await context0.newCDPSession(mp);
    await cdp.send('HeapProfiler.enable');
    const measure = async () => {
      for (let i = 0; i < 3; i++) {
        await cdp.send('HeapProfiler.collectGarbage');
        await mp.evaluate(() => new Promise((r) => setTimeout(r, 10))); // let finalizers run
      }
      const h = await cdp.send('Runtime.getHeapUsage');
      const d = await cdp.send('Memory.getDOMCounters');
      const wasm = await mp.evaluate(() => B.wasmBytes());
      return { jsHeapUsed: h.usedSize, jsHeapTotal: h.totalSize, domNodes: d.nodes, listeners: d.jsEventListeners, documents: d.documents, wasmMemory: wasm };
    };
    await withTimeout(mp.evaluate((y) => B.cycles(50, y), yieldEach), 120000, 'memory warm-up');
    const points = [{ cycles: 0, ...(await measure()) }];
    let t = 0;
    for (let b = 1; b <= batches; b++) {
      const t0 = Date.now();
      await withTimeout(mp.evaluate((y) => B.cycles(1000, y), yieldEach), 300000, 'memory cycles');
      t += Date.now() - t0;
      points.push({ cycles: 1000 * b, ...(await measure()) });
    }
    const growth = (x, y) => ({
      jsHeap: y.jsHeapUsed - x.jsHeapUsed,
      wasm: y.wasmMemory - x.wasmMemory,
      domNodes: y.domNodes - x.domNodes,
      listeners: y.listeners - x.listeners,
    });
    results.memory[mode] = {
      points,
      msPerCycle: t / (1000 * batches),
      growth1000: growth(points[0], points[1]),
      growthSecond1000: points[2] ? growth(points[1], points[2]) : null,
    };
    await cdp.detach();
    await mp.close();
  }
} catch (e) {
  console.error('bench: failed:', e.stack ?? e);
  await shutdown(1);
}

async function cpuProfile(pg, key, impl, n) {
  const cdp = await context0.newCDPSession(pg);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await pg.evaluate(([k, i]) => B.repeat(k, i, 2), [key, impl]);
  await cdp.send('Profiler.start');
  const avg = await pg.evaluate(([k, i, nn]) => B.repeat(k, i, nn), [key, impl, n]);
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.detach();
  fs.writeFileSync(path.join(HERE, `profile-${key}-${impl}.cpuprofile`), JSON.stringify(profile));
  // Self time per function, and per category.
  const byId = new Map(profile.nodes.map((nd) => [nd.id, nd]));
  const self = new Map();
  const dts = profile.timeDeltas;
  for (let i = 0; i < profile.samples.length; i++) {
    const nd = byId.get(profile.samples[i]);
    const dt = (dts[i + 1] ?? 0) / 1000;
    const cf = nd.callFrame;
    const file = cf.url ? cf.url.replace(/^.*\//, '') : '';
    const name = `${cf.functionName || '(anonymous)'}${file ? ' ' + file : ''}`;
    self.set(name, (self.get(name) ?? 0) + dt);
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const cat = { wasm: 0, 'JS glue (newsview.js, newsview_bg.js)': 0, 'bench harness': 0, 'GC': 0, 'browser (DOM, parser, style, layout: (program))': 0, idle: 0, other: 0 };
  for (const [name, ms] of self) {
    if (/\.wasm|wasm-function|^\$/.test(name)) cat.wasm += ms;
    else if (/newsview_bg\.js|newsview\.js/.test(name)) cat['JS glue (newsview.js, newsview_bg.js)'] += ms;
    else if (/bench\.js/.test(name)) cat['bench harness'] += ms;
    else if (/garbage collector/.test(name)) cat.GC += ms;
    else if (/\(program\)/.test(name)) cat['browser (DOM, parser, style, layout: (program))'] += ms;
    else if (/\(idle\)/.test(name)) cat.idle += ms;
    else cat.other += ms;
  }
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([name, ms]) => ({ name, ms: ms / n, share: ms / total }));
  return { key, impl, renders: n, avgMs: avg, totalMs: total, categories: Object.fromEntries(Object.entries(cat).map(([k, v]) => [k, v / n])), top };
}

// --- report ----------------------------------------------------------------------------------------
if (!finished) {
  const c = results.cases;
  results.loadAverageAtEnd = os.loadavg();
  console.log(`\nnewsview bench — ${results.date.slice(0, 10)} — ${chromiumVersion} — ${os.cpus().length} cores, load average ${results.loadAverageAtStart[0].toFixed(1)} → ${results.loadAverageAtEnd[0].toFixed(1)} — commit ${results.commit} — wasm ${(results.wasmBytes / KB).toFixed(0)} KiB${QUICK ? ' — QUICK RUN' : ''}`);
  console.log('times in ms: fresh container attached to the document, shadow root (all implementations), layout forced inside the timing');
  printCase('Seed body (newsview: article with only id/title/publishedAt/bodyHtml)', c.seedBody);
  printCase('Full seed article, all parts (warm)', c.seedFull);
  printCase('~1 MB CMS body', c.body1m);

  const impls = PEERS.filter((i) => i !== 'setHTML' || env.hasSetHTML);
  console.log('\nScale: body size → median ms (µs per KB)');
  console.log(`  ${pad('body', 10)}` + impls.map((i) => lpad(i, 20)).join(''));
  for (const row of results.scale.size) {
    console.log(`  ${pad((row.bytes / KB).toFixed(0) + ' KB', 10)}` + impls.map((i) => {
      const s = row.impls[i];
      if (!s) return lpad(row.skipped.includes(i) ? 'skipped (slow)' : '—', 20);
      return lpad(`${fmt(s.median)} (${((s.median * 1000) / (row.bytes / KB)).toFixed(0)})${s.n === 1 ? '*' : ''}`, 20);
    }).join(''));
  }
  console.log('\nScale: nesting depth → median ms (µs per level)');
  console.log(`  ${pad('depth', 10)}` + impls.map((i) => lpad(i, 20)).join(''));
  for (const row of results.scale.depth) {
    console.log(`  ${pad(row.n, 10)}` + impls.map((i) => {
      const s = row.impls[i];
      if (!s) return lpad(row.skipped.includes(i) ? 'skipped (slow)' : '—', 20);
      return lpad(`${fmt(s.median)} (${((s.median * 1000) / row.n).toFixed(2)})${s.n === 1 ? '*' : ''}`, 20);
    }).join(''));
  }
  console.log('  (* one sample over the cap; "skipped": predicted over the per-sample cap from the growth so far)');

  const cd = results.cold;
  console.log('\nCold start (fresh browser context per sample: wasm fetched, compiled, instantiated), median ms');
  console.log(`  ${pad('', 34)}${lpad('import', 9)}${lpad('init', 9)}${lpad('render', 9)}${lpad('total', 9)}${lpad('+frame', 9)}`);
  for (const [k, label] of [['nv', 'newsview, full seed (cold)'], ['nvRepeat', 'newsview, full seed (repeat visit)'], ['purify', 'DOMPurify import + seed body']]) {
    const r = cd[k];
    console.log(`  ${pad(label, 34)}${lpad(fmt(r.import.median), 9)}${lpad(fmt(r.init.median), 9)}${lpad(fmt(r.render.median), 9)}${lpad(fmt(r.total.median), 9)}${lpad(fmt(r.frame.median), 9)}`);
  }

  const kib = (b) => `${(b / KB).toFixed(1)} KiB`;
  console.log('\nMemory: full seed, render → update(4 KB body) → destroy, fresh container each cycle; after GC');
  for (const [mode, m] of Object.entries(results.memory)) {
    console.log(`  ${mode} loop${mode === 'yielding' ? ' (one macrotask turn per cycle)' : ' (no turn of the event loop)'}, ${m.msPerCycle.toFixed(2)} ms per cycle:`);
    for (const pt of m.points) {
      console.log(`    after ${lpad(pt.cycles, 4)} cycles: JS heap ${kib(pt.jsHeapUsed)}, wasm memory ${kib(pt.wasmMemory)}, DOM nodes ${pt.domNodes}, JS listeners ${pt.listeners}`);
    }
    const g = m.growth1000;
    console.log(`    growth over the first 1000: JS heap ${kib(g.jsHeap)}, wasm ${kib(g.wasm)}, DOM nodes ${g.domNodes}, listeners ${g.listeners}`);
    if (m.growthSecond1000) {
      const g2 = m.growthSecond1000;
      console.log(`    growth over the next 1000:  JS heap ${kib(g2.jsHeap)}, wasm ${kib(g2.wasm)}, DOM nodes ${g2.domNodes}, listeners ${g2.listeners}`);
    }
  }

  if (results.boundary) {
    console.log('\nJS↔wasm boundary: imported-function calls per render (wrapped imports)');
    for (const [k, v] of Object.entries(results.boundary)) {
      console.log(`  ${pad(k, 22)} ${v.total} calls for ${v.elements} elements out (${v.perElement.toFixed(1)} per element), ${fmt(v.ms)} ms with counting; top: ${v.top.slice(0, 6).map(([n, c]) => `${n} ${c}`).join(', ')}`);
    }
  }
  if (results.profile) {
    for (const pr of [results.profile, results.profileSeed, results.profileDepth]) {
      console.log(`\nProfile: ${LABEL[pr.impl]} on ${pr.key}, ${pr.renders} renders, ${fmt(pr.avgMs)} ms per render; self time per render:`);
      for (const [k, v] of Object.entries(pr.categories)) if (v > 0.005) console.log(`  ${pad(k, 50)}${lpad(fmt(v), 9)} ms`);
      console.log('  top functions:');
      for (const t of pr.top.slice(0, 15)) console.log(`    ${lpad(fmt(t.ms), 8)} ms ${lpad((t.share * 100).toFixed(1), 5)}%  ${t.name}`);
    }
  }

  // Targets (reported, never failing the run).
  console.log('\nTargets (issue 13; memory: issue 5)');
  const line = (ok, text) => console.log(`  ${ok ? 'PASS' : 'GAP '}  ${text}`);
  const b = c.body1m.impls;
  line(b.nv.vsPurify <= 0.85, `1 MB body: newsview ${fmt(b.nv.median)} ms = ${b.nv.vsPurify.toFixed(2)}x DOMPurify+innerHTML (${fmt(b.purify.median)} ms); target ≤ 0.85x`);
  line(b.nv.vsFloor <= 1.1, `1 MB body: newsview = ${b.nv.vsFloor.toFixed(2)}x the innerHTML floor (${fmt(b.floor.median)} ms); target ≤ 1.1x`);
  const pf = c.seedFull.impls.pageFloor;
  const sf = c.seedFull.impls.nv;
  line(sf.vsFloor <= 1.2, `full seed article, warm: median ${fmt(sf.median)} ms (${fmt(sf.domMedian)} ms before layout) = ${sf.vsFloor?.toFixed(2)}x the page floor, innerHTML of the same page: ${fmt(pf?.median)} ms (${fmt(pf?.domMedian)} ms before layout); target ≤ 1.2x`);
  for (const [mode, m] of Object.entries(results.memory)) {
    const g = m.growth1000;
    line(g.jsHeap + g.wasm < MB, `memory after 1000 cycles (${mode} loop): JS heap ${kib(g.jsHeap)} + wasm ${kib(g.wasm)}; target < 1 MiB`);
  }
  results.elapsedSeconds = (Date.now() - started) / 1000;
  console.log(`\n(${results.elapsedSeconds.toFixed(0)} s; details in bench/results.json)`);
  fs.writeFileSync(path.join(HERE, 'results.json'), JSON.stringify(results, null, 1) + '\n');
  // The scale chart of docs/benchmarks.md (a quick run's goes beside the results instead).
  const chart = QUICK ? path.join(HERE, 'results-scale.svg') : path.join(ROOT, 'docs', 'bench-scale.svg');
  fs.writeFileSync(chart, scaleSvg(results));
  console.log(`chart: ${path.relative(ROOT, chart)}`);
  clearTimeout(hardLimit);
  await shutdown();
}
