#!/usr/bin/env node
// Prints bench/results.json (or the file given) as the Markdown tables of docs/benchmarks.md.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LABEL, fmt } from './format.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const r = JSON.parse(fs.readFileSync(process.argv[2] ?? path.join(HERE, 'results.json'), 'utf8'));
const KB = 1024;
const x = (v) => (v ? `${v.toFixed(2)}x` : '—');
const out = [];
const p = (s = '') => out.push(s);

p(`${r.date.slice(0, 16).replace('T', ' ')} UTC, ${r.chromium}, DOMPurify ${r.env.dompurify}, node ${r.node}, commit ${r.commit}, ` +
  `wasm ${(r.wasmBytes / KB).toFixed(0)} KiB (raw), load average ${r.loadAverageAtStart[0].toFixed(1)} → ${r.loadAverageAtEnd[0].toFixed(1)} on 2 cores` +
  `${r.quick ? ', **quick run**' : ''}, ${Math.round(r.elapsedSeconds)} s. Times in ms.`);
p();
for (const [key, title] of [['seedBody', 'Seed body (4 KB)'], ['seedFull', 'Full seed article, all parts (warm)'], ['body1m', '~1 MB CMS body']]) {
  const c = r.cases[key];
  p(`**${title}**`);
  p();
  p('| implementation | median | p10 | p90 | n | ×purify | ×floor | DOM only | ×purify | ×floor | body elements |');
  p('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const [name, s] of Object.entries(c.impls)) {
    p(`| ${LABEL[name] ?? name} | ${fmt(s.median)} | ${fmt(s.p10)} | ${fmt(s.p90)} | ${s.n} | ${x(s.vsPurify)} | ${x(s.vsFloor)} | ${fmt(s.domMedian)} | ${x(s.domVsPurify)} | ${x(s.domVsFloor)} | ${c.check[name]?.elements ?? '—'} |`);
  }
  p();
}
const impls = ['nvMin', 'purify', 'floor', 'setHTML'];
const cell = (row, i, per, digits) => {
  const s = row.impls[i];
  if (!s) return row.skipped?.includes(i) ? 'skipped' : '—';
  return `${fmt(s.median)} (${((s.median * 1000) / per).toFixed(digits)})${s.n === 1 ? '*' : ''}`;
};
p('**Scale: body size** — median ms (µs per KB)');
p();
p(`| body | ${impls.map((i) => LABEL[i]).join(' | ')} |`);
p(`| ---: | ${impls.map(() => '---:').join(' | ')} |`);
for (const row of r.scale.size) p(`| ${(row.bytes / KB).toFixed(0)} KB | ${impls.map((i) => cell(row, i, row.bytes / KB, 0)).join(' | ')} |`);
p();
p('**Scale: nesting depth** — median ms (µs per level)');
p();
p(`| depth | ${impls.map((i) => LABEL[i]).join(' | ')} |`);
p(`| ---: | ${impls.map(() => '---:').join(' | ')} |`);
for (const row of r.scale.depth) p(`| ${row.n} | ${impls.map((i) => cell(row, i, row.n, 1)).join(' | ')} |`);
p();
p('"skipped": predicted (from the growth so far) to exceed the per-sample cap; `*`: a single sample over the cap.');
p();
p('**Cold start** — median ms');
p();
p('| | import | init | render | total | +frame |');
p('| --- | ---: | ---: | ---: | ---: | ---: |');
for (const [k, label] of [['nv', 'newsview, full seed (cold)'], ['nvRepeat', 'newsview, full seed (repeat visit)'], ['purify', 'DOMPurify import + seed body']]) {
  const c = r.cold[k];
  p(`| ${label} | ${fmt(c.import.median)} | ${fmt(c.init.median)} | ${fmt(c.render.median)} | ${fmt(c.total.median)} | ${fmt(c.frame.median)} |`);
}
p();
p('**Memory** — 1000 × (render → update → destroy), after GC');
p();
p('| loop | ms per cycle | JS heap growth | wasm memory growth | DOM nodes | JS listeners | next 1000: JS heap, wasm |');
p('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
const kib = (b) => `${(b / KB).toFixed(0)} KiB`;
for (const [mode, m] of Object.entries(r.memory)) {
  const g = m.growth1000;
  const g2 = m.growthSecond1000;
  p(`| ${mode} | ${m.msPerCycle.toFixed(1)} | ${kib(g.jsHeap)} | ${kib(g.wasm)} | ${g.domNodes >= 0 ? '+' : ''}${g.domNodes} | ${g.listeners >= 0 ? '+' : ''}${g.listeners} | ${g2 ? `${kib(g2.jsHeap)}, ${kib(g2.wasm)}` : '—'} |`);
}
console.log(out.join('\n'));
