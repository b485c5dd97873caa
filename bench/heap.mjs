#!/usr/bin/env node
// What the JS heap keeps after render → update → destroy cycles (issue 12, item 6).
//
//   node bench/heap.mjs [--cycles=1000] [--batches=1] [--pkg=DIR] [--yield] [--top=25]
//
// Opens bench/bench.html in headless Chromium, runs 50 warm-up cycles (the same cycles as the
// memory case of `make bench`: full seed, update with a 4 KB body, destroy, fresh container),
// forces GC (CDP HeapProfiler.collectGarbage, three times, with a turn of the event loop for
// FinalizationRegistry callbacks), takes a heap snapshot, runs `--batches` × `--cycles` more
// (the JS heap used after GC is printed after each batch, to tell what grows with every cycle
// from what is allocated once), then takes a second snapshot. It prints the objects
// present in the second snapshot but not in the first (by V8's snapshot object id, which is
// stable across snapshots): the objects the cycles allocated and that survived GC, grouped by
// type and constructor, with a retainer path for the largest groups. Nothing is written to
// disk.
import path from 'node:path';
import { CHROMIUM, CHROMIUM_ARGS, ROOT, checkPackage, loadPlaywright, startServer } from './harness.mjs';

const arg = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const CYCLES = Number(arg('cycles', 1000));
const BATCHES = Number(arg('batches', 1));
const TOP = Number(arg('top', 25));
const YIELD = process.argv.includes('--yield');
const PKG_DIR = path.resolve(arg('pkg', path.join(ROOT, 'pkg')));

checkPackage(PKG_DIR);
const playwright = await loadPlaywright();
const server = await startServer(PKG_DIR);
const base = server.base;
const browser = await playwright.chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(`${base}/bench/bench.html`);
  await page.waitForFunction(() => window.__benchReady === true, null, { timeout: 30000 });
  await page.evaluate(() => B.setup());
  await page.evaluate(() => {
    B.prepare('mem', 'seed', 0);
    B.prepare('mem2', 'cms', 4096);
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  const settle = async () => {
    for (let i = 0; i < 3; i++) {
      await cdp.send('HeapProfiler.collectGarbage');
      await page.evaluate(() => new Promise((r) => setTimeout(r, 10)));
    }
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  };
  const snapshot = async () => {
    const chunks = [];
    const onChunk = (e) => chunks.push(e.chunk);
    cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false, captureNumericValue: false });
    cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
    return parse(JSON.parse(chunks.join('')));
  };

  await page.evaluate((y) => B.cycles(50, y), YIELD);
  const before = await settle();
  const first = await snapshot();
  const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
  const signed = (n) => `${n >= 0 ? '+' : ''}${kib(n)}`;
  let last = before;
  for (let b = 1; b <= BATCHES; b++) {
    const t0 = Date.now();
    await page.evaluate(([n, y]) => B.cycles(n, y), [CYCLES, YIELD]);
    const ms = Date.now() - t0;
    const now = await settle();
    console.log(`batch ${b}: ${CYCLES} cycles${YIELD ? ' (yielding)' : ''} in ${ms} ms; JS heap used after GC ${kib(now)}: ${signed(now - last)} over the batch, ${signed(now - before)} in all`);
    last = now;
  }
  const second = await snapshot();
  console.log(`snapshots: ${kib(first.total)} → ${kib(second.total)} (self sizes, ${first.count} → ${second.count} objects)`);

  // New objects that survived: in the second snapshot, not in the first.
  const old = new Set(first.ids);
  const groups = new Map();
  for (let i = 0; i < second.count; i++) {
    if (old.has(second.ids[i])) continue;
    const key = `${second.type(i)} ${second.name(i).slice(0, 60)}`;
    const g = groups.get(key) ?? { count: 0, size: 0, sample: i };
    g.count++;
    g.size += second.size(i);
    groups.set(key, g);
  }
  const sorted = [...groups].sort((a, b) => b[1].size - a[1].size);
  const newTotal = sorted.reduce((s, [, g]) => s + g.size, 0);
  console.log(`new objects kept: ${sorted.reduce((s, [, g]) => s + g.count, 0)}, ${kib(newTotal)}`);
  for (const [key, g] of sorted.slice(0, TOP)) {
    console.log(`  ${String(g.count).padStart(7)} × ${kib(g.size).padStart(11)}  ${key}`);
  }
  console.log('\nretainers of the largest groups:');
  for (const [key, g] of sorted.slice(0, Math.min(8, TOP))) {
    console.log(`  ${key}: ${second.retainers(g.sample)}`);
  }
} finally {
  await browser.close();
  server.close();
}

/** The parts of a V8 heap snapshot this script reads: ids, types, names, sizes, one retainer path. */
function parse(snap) {
  const m = snap.snapshot.meta;
  const nf = m.node_fields;
  const ef = m.edge_fields;
  const N = nf.length;
  const E = ef.length;
  const [iType, iName, iId, iSize, iEdges] = ['type', 'name', 'id', 'self_size', 'edge_count'].map((f) => nf.indexOf(f));
  const [eType, eName, eTo] = ['type', 'name_or_index', 'to_node'].map((f) => ef.indexOf(f));
  const nodeTypes = m.node_types[iType];
  const edgeTypes = m.node_types ? m.edge_types[eType] : [];
  const { nodes, edges, strings } = snap;
  const count = nodes.length / N;
  const ids = new Array(count);
  const firstEdge = new Uint32Array(count + 1);
  let total = 0;
  for (let i = 0, e = 0; i < count; i++) {
    ids[i] = nodes[i * N + iId];
    total += nodes[i * N + iSize];
    firstEdge[i] = e;
    e += nodes[i * N + iEdges] * E;
    firstEdge[i + 1] = e;
  }
  // Reverse edges, for one retainer path (weak edges skipped).
  let parents = null;
  const retainersOf = () => {
    if (parents) return parents;
    parents = Array.from({ length: count }, () => []);
    for (let i = 0; i < count; i++) {
      for (let e = firstEdge[i]; e < firstEdge[i + 1]; e += E) {
        const t = edgeTypes[edges[e + eType]];
        if (t === 'weak') continue;
        parents[edges[e + eTo] / N].push([i, e]);
      }
    }
    return parents;
  };
  const type = (i) => nodeTypes[nodes[i * N + iType]];
  const name = (i) => strings[nodes[i * N + iName]];
  const edgeName = (e) => {
    const t = edgeTypes[edges[e + eType]];
    const v = edges[e + eName];
    return t === 'element' || t === 'hidden' ? `[${v}]` : String(strings[v]);
  };
  return {
    count,
    ids,
    total,
    type,
    name,
    size: (i) => nodes[i * N + iSize],
    /** One chain of retainers from `i` towards a GC root (breadth-first, shortest). */
    retainers(i) {
      const p = retainersOf();
      const seen = new Map([[i, null]]);
      const queue = [i];
      let end = null;
      while (queue.length && end === null) {
        const at = queue.shift();
        for (const [from, e] of p[at]) {
          if (seen.has(from)) continue;
          seen.set(from, [at, e]);
          if (type(from) === 'synthetic' || name(from).startsWith('Window')) {
            end = from;
            break;
          }
          queue.push(from);
        }
      }
      if (end === null) return '(no path to a root)';
      const parts = [];
      for (let at = end; seen.get(at); at = seen.get(at)[0]) {
        const [to, e] = seen.get(at);
        parts.push(`${type(at)} ${name(at).slice(0, 40)} --${edgeName(e)}-->`);
        if (to === i) break;
      }
      return parts.reverse().join(' ') ;
    },
  };
}
