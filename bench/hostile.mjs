#!/usr/bin/env node
// Hostile bodies (issue 10): `node bench/hostile.mjs [options]` (what `make bench-hostile` calls,
// and the last part of `make bench`).
//
// Each shape of gen.mjs's HOSTILE goes into the seed article as its bodyHtml and is timed
//   - in the browser, each (shape, implementation) in a FRESH browser context and page, so that
//     a crashed or hung tab is a result ("crashed", "> 30 s") and not the end of the run:
//     newsview `render()`, DOMPurify.sanitize + innerHTML, and innerHTML of the body as is (the
//     floor), all three in a shadow root with newsview's stylesheet, and innerHTML in a shadow
//     root without it (the browser alone), each with layout forced inside the timing;
//   - natively: `newsview render <article.json>` (the release CLI) with the same timeout.
// A first sample under 1 s is followed by two more (in the same page, or two more runs of the
// CLI) and the median is kept. Writes bench/results-hostile.json (not committed) and the chart
// docs/bench-hostile.svg, and prints the Markdown table of docs/benchmarks.md ("Hostile bodies").
//
// Options:
//   --timeout=S        per-sample limit in seconds (default 30)
//   --only=KEY,KEY     only these shapes (keys of HOSTILE in bench/gen.mjs)
//   --no-browser, --no-native
//   --cli=PATH         the CLI (default $CARGO_TARGET_DIR or target/, then release/newsview)
//   --before=FILE      draw these results as the "before" marks in the chart (default
//                      bench/hostile-before.json when it exists and is another commit's;
//                      --before=none for none)
//   --svg=PATH         where the chart goes (default docs/bench-hostile.svg, with --only
//                      bench/results-hostile.svg; --svg=none for none)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { HOSTILE, utf8Length } from './gen.mjs';
import { CHROMIUM, CHROMIUM_ARGS, ROOT, checkPackage, chromiumVersion, gitCommit, loadPlaywright, startServer, withTimeout } from './harness.mjs';
import { TARGET_MS, markdown, svg } from './hostile-report.mjs';

const opt = (name, dflt) => process.argv.slice(2).find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? dflt;
const flag = (name) => process.argv.slice(2).includes(`--${name}`);
if (flag('help')) {
  console.log('usage: node bench/hostile.mjs [--timeout=S] [--only=KEY,...] [--no-browser] [--no-native] [--cli=PATH] [--before=FILE|none] [--svg=PATH|none]');
  process.exit(0);
}
const TIMEOUT_MS = Number(opt('timeout', '30')) * 1000;
const only = opt('only', null)?.split(',');
const SHAPES = only ? HOSTILE.filter((h) => only.includes(h.key)) : HOSTILE;
if (!SHAPES.length || !(TIMEOUT_MS > 0)) {
  console.error(`bench: nothing to run (shapes: ${HOSTILE.map((h) => h.key).join(', ')})`);
  process.exit(2);
}
const BROWSER = !flag('no-browser');
const NATIVE = !flag('no-native');
const IMPLS = ['nv', 'purify', 'floor', 'bare'];
const PKG_DIR = path.join(ROOT, 'pkg');
const CLI = path.resolve(opt('cli', path.join(process.env.CARGO_TARGET_DIR ?? path.join(ROOT, 'target'), 'release', 'newsview')));
const NOW = '2025-07-28T10:00:00+08:00';
// No case starts after this (every shape at its timeout, five ways, would be 14 × 5 × 30 s;
// those that do not crash or hang take a few seconds); the backstop below ends the run 90 s
// later whatever is in flight, so that it stays under 15 minutes.
const HARD_LIMIT_MS = 12 * 60 * 1000;
// Samples after a first one under this (median of three).
const REPEAT_UNDER_MS = 1000;
const RESULTS = path.join(ROOT, 'bench', 'results-hostile.json');
const BEFORE = opt('before', path.join(ROOT, 'bench', 'hostile-before.json'));
// The chart of docs/benchmarks.md is only redrawn by a run of every shape.
const SVG = opt('svg', path.join(ROOT, only ? 'bench/results-hostile.svg' : 'docs/bench-hostile.svg'));

if (NATIVE && !fs.existsSync(CLI)) {
  console.error(`bench: ${CLI} is missing: cargo build --release --bin newsview (or --no-native)`);
  process.exit(2);
}
const playwright = BROWSER ? await loadPlaywright() : null;
if (BROWSER) checkPackage(PKG_DIR);

const started = Date.now();
const deadline = started + HARD_LIMIT_MS;
const log = (...a) => console.error(`[${((Date.now() - started) / 1000).toFixed(1).padStart(6)}s]`, ...a);
const median = (xs) => [...xs].sort((a, b) => a - b)[(xs.length - 1) >> 1];

// The articles: the seed with bodyHtml replaced, for the CLI (the page builds its own from the
// same generators).
const seed = JSON.parse(fs.readFileSync(path.join(ROOT, 'tests/fixtures/seed-article.json'), 'utf8'));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'newsview-hostile-'));
const server = BROWSER ? await startServer(PKG_DIR) : null;
let browser = null;
const launch = async () => {
  browser = await playwright.chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, timeout: 60000 });
};

let finished = false;
async function shutdown(code) {
  if (finished) return;
  finished = true;
  if (browser) await Promise.race([browser.close().catch(() => {}), new Promise((r) => setTimeout(r, 10000))]);
  server?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
  if (code !== undefined) process.exit(code);
}
// A backstop past the deadline (which the loop checks between cases and samples).
const hardLimit = setTimeout(async () => {
  console.error('bench: hard time limit reached, stopping');
  await shutdown(3);
}, HARD_LIMIT_MS + 90000);
process.on('SIGINT', () => shutdown(130));
process.on('SIGTERM', () => shutdown(143));

// --- the browser side ------------------------------------------------------------------------

/** One (shape, implementation) in a fresh context and page. */
async function browserCase(shape, impl) {
  if (!browser?.isConnected()) await launch();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  let crashed = false;
  page.on('crash', () => {
    crashed = true;
  });
  const samples = [];
  let last = null;
  let t0 = Date.now();
  const result = {};
  try {
    await page.goto(`${server.base}/bench/bench.html`, { timeout: 30000 });
    await page.waitForFunction(() => window.__benchReady === true, null, { timeout: 30000 });
    result.env ??= await withTimeout(page.evaluate(() => B.setup()), 60000, 'setup');
    await withTimeout(page.evaluate((k) => B.prepare(k, 'hostile', 0), shape.key), 60000, 'prepare');
    for (let i = 0; i < 3; i++) {
      t0 = Date.now();
      last = await withTimeout(page.evaluate(([k, n]) => B.hostile(k, n), [shape.key, impl]), TIMEOUT_MS, 'sample');
      samples.push(last);
      if (last.total >= REPEAT_UNDER_MS || Date.now() > deadline) break;
    }
    Object.assign(result, {
      outcome: last.error ? 'refused' : 'ok',
      ms: median(samples.map((s) => s.total)),
      domMs: median(samples.map((s) => s.dom)),
      samples: samples.map((s) => +s.total.toFixed(2)),
      error: last.error,
      bodyWarnings: last.bodyWarnings,
      truncated: last.truncated,
      elements: last.elements,
    });
  } catch (e) {
    const msg = String(e?.message ?? e);
    const wall = Date.now() - t0;
    if (crashed || /crash/i.test(msg)) Object.assign(result, { outcome: 'crashed', afterMs: wall, samples: samples.map((s) => s.total) });
    else if (/^sample: no answer/.test(msg)) Object.assign(result, { outcome: 'timeout', afterMs: TIMEOUT_MS, samples: samples.map((s) => s.total) });
    else Object.assign(result, { outcome: 'error', error: msg.split('\n')[0].slice(0, 300) });
  }
  // Closing the context ends its renderer, hung or not; if even that does not answer, the
  // browser goes and the next case launches a new one.
  try {
    await withTimeout(context.close(), 20000, 'close');
  } catch {
    await Promise.race([browser.close().catch(() => {}), new Promise((r) => setTimeout(r, 10000))]);
    browser = null;
  }
  return result;
}

// --- the native side -------------------------------------------------------------------------

/** One run of the CLI on `file`: wall time, exit status, output size, stderr's last lines. */
function cliRun(file) {
  return new Promise((resolve) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(CLI, ['render', '--now', NOW, file], { stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    let err = '';
    let timedOut = false;
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => {
      err = (err + d).slice(-4000);
    });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, TIMEOUT_MS);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      const stdout = Buffer.concat(out).toString('utf8');
      resolve({
        ms,
        timedOut,
        code,
        signal,
        outBytes: Buffer.byteLength(stdout),
        truncated: stdout.includes('nv-truncated'),
        stderr: err.trim().split('\n').slice(-3).join('\n'),
      });
    });
    child.on('error', (e) => {
      clearTimeout(timer);
      resolve({ ms: 0, timedOut: false, code: null, signal: null, outBytes: 0, truncated: false, stderr: String(e.message) });
    });
  });
}

/** The CLI on `shape` (up to three runs, see REPEAT_UNDER_MS); `baseBytes`: output with an empty body. */
async function nativeCase(shape, file, baseBytes) {
  const runs = [];
  for (let i = 0; i < 3; i++) {
    const r = await cliRun(file);
    runs.push(r);
    if (r.timedOut || r.code !== 0 || r.ms >= REPEAT_UNDER_MS || Date.now() > deadline) break;
  }
  const last = runs.at(-1);
  const outcome = last.timedOut ? 'timeout' : last.signal ? 'crashed' : last.code !== 0 ? 'failed' : 'ok';
  return {
    outcome,
    ms: outcome === 'ok' ? median(runs.map((r) => r.ms)) : undefined,
    afterMs: outcome === 'ok' ? undefined : last.timedOut ? TIMEOUT_MS : last.ms,
    samples: runs.map((r) => +r.ms.toFixed(2)),
    exitCode: last.code,
    signal: last.signal,
    outBytes: last.outBytes,
    // What the body added to the output (the same article with an empty body gives baseBytes).
    bodyOutBytes: Math.max(0, last.outBytes - baseBytes),
    truncated: last.truncated,
    stderr: last.stderr || undefined,
  };
}

// --- the run ---------------------------------------------------------------------------------
const results = {
  date: new Date().toISOString(),
  chromium: BROWSER ? chromiumVersion() : null,
  node: process.version,
  commit: gitCommit(),
  cores: os.cpus().length,
  loadAverageAtStart: os.loadavg(),
  timeoutMs: TIMEOUT_MS,
  targetMs: TARGET_MS,
  cli: NATIVE ? path.relative(ROOT, CLI) : null,
  shapes: [],
};

try {
  if (BROWSER) await launch();
  let baseBytes = 0;
  if (NATIVE) {
    const base = path.join(tmp, 'empty.json');
    fs.writeFileSync(base, JSON.stringify({ ...seed, bodyHtml: '' }));
    const r = await cliRun(base);
    baseBytes = r.outBytes;
    results.nativeEmptyBody = { ms: r.ms, exitCode: r.code, outBytes: r.outBytes };
    log(`native CLI, empty body: ${r.ms.toFixed(1)} ms, exit ${r.code}`);
  }
  for (const shape of SHAPES) {
    const html = shape.make();
    const row = { key: shape.key, label: shape.label, bytes: utf8Length(html), browser: {}, native: null };
    results.shapes.push(row);
    if (BROWSER) {
      for (const impl of IMPLS) {
        if (Date.now() > deadline) {
          row.browser[impl] = { outcome: 'not run', error: 'the run reached its time limit' };
          continue;
        }
        const r = await browserCase(shape, impl);
        if (r.env) {
          results.env ??= r.env;
          delete r.env;
        }
        row.browser[impl] = r;
        log(`${shape.key} ${impl}: ${r.outcome}${r.ms !== undefined ? ` ${r.ms.toFixed(1)} ms` : r.afterMs !== undefined ? ` after ${(r.afterMs / 1000).toFixed(1)} s` : ''}${r.error ? ` (${r.error.slice(0, 120)})` : ''}`);
      }
    }
    if (NATIVE) {
      if (Date.now() > deadline) {
        row.native = { outcome: 'not run', error: 'the run reached its time limit' };
      } else {
        const file = path.join(tmp, `${shape.key}.json`);
        fs.writeFileSync(file, JSON.stringify({ ...seed, bodyHtml: html }));
        row.native = await nativeCase(shape, file, baseBytes);
        fs.rmSync(file, { force: true });
        const n = row.native;
        log(`${shape.key} native: ${n.outcome}${n.ms !== undefined ? ` ${n.ms.toFixed(1)} ms` : ` after ${(n.afterMs / 1000).toFixed(1)} s`}, exit ${n.exitCode ?? n.signal}, body out ${n.bodyOutBytes} bytes`);
      }
    }
  }
} catch (e) {
  console.error('bench: failed:', e.stack ?? e);
  await shutdown(1);
}

if (!finished) {
  results.loadAverageAtEnd = os.loadavg();
  results.elapsedSeconds = (Date.now() - started) / 1000;
  fs.writeFileSync(RESULTS, JSON.stringify(results, null, 1) + '\n');
  let before = null;
  if (BEFORE !== 'none' && fs.existsSync(BEFORE)) {
    const b = JSON.parse(fs.readFileSync(BEFORE, 'utf8'));
    if (b.commit !== results.commit) before = b;
  }
  console.log(markdown(results, before));
  if (SVG !== 'none') {
    fs.writeFileSync(SVG, svg(results, before));
    log(`chart: ${path.relative(ROOT, SVG)}`);
  }
  log(`done in ${results.elapsedSeconds.toFixed(0)} s; details in ${path.relative(ROOT, RESULTS)}`);
  clearTimeout(hardLimit);
  await shutdown();
}
