// Issue 11, item 6: a long-running server renders with per-request options and labels, and its
// memory stays flat. Label overrides used to be interned with String::leak (every distinct
// string kept for the life of the process); now a render borrows them from its options. 5 000
// renders, each with its own 1 KB labels (5 MB if they were kept), must not grow the wasm's
// linear memory past what the first renders made it, nor the JS heap by more than a little.
// (make bench runs the same for 100 000 renders.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import v8 from 'node:v8';
import vm from 'node:vm';
import { requireBuilds, seedText, SERVER_ENTRY } from './support.mjs';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc');

requireBuilds();
const { renderToString, memoryBytes } = await import(SERVER_ENTRY);

test('5 000 renders with per-request labels and options leave memory flat', () => {
  const render = (i) =>
    renderToString(seedText, {
      now: 0,
      lang: i % 2 ? 'en' : 'zh-CN',
      labels: { like: `${i}`.padEnd(1000, '赞'), more: `+{n} (${i})` },
      limits: { maxKeywords: i % 5 },
      sanitize: { allowIframeHosts: [`h${i}.example`] },
    });
  assert.equal(memoryBytes(), 0, 'not instantiated before the first render');
  for (let i = 0; i < 200; i++) render(i);
  const warm = memoryBytes();
  gc();
  const heapWarm = process.memoryUsage().heapUsed;
  let last;
  for (let i = 200; i < 5_000; i++) last = render(i);
  assert.ok(last.html.includes(`4999`.padEnd(1000, '赞')), 'the last render used its own label');
  assert.equal(memoryBytes(), warm, `wasm memory grew from ${warm} to ${memoryBytes()} bytes`);
  last = null;
  gc();
  const heapGrowth = process.memoryUsage().heapUsed - heapWarm;
  assert.ok(heapGrowth < 1 << 20, `JS heap grew by ${heapGrowth} bytes`);
});
