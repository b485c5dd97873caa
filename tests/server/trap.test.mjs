// Issue 11, item 7: a trap inside the server wasm (what a Rust panic is under panic=abort; no
// input is known to cause one) becomes an Error with code 'panic', and the next render works on
// a fresh instance. The trap is injected: the first instance's renderJson export is wrapped to
// throw WebAssembly.RuntimeError once (as tests/e2e/pages/robust.html does in the browser).
// Its own file, so that the wrapper is in place before the module is first instantiated.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { requireBuilds, seed, SERVER_ENTRY } from './support.mjs';

requireBuilds();
let trapNext = null;
let instances = 0;
const RealInstance = WebAssembly.Instance;
WebAssembly.Instance = function Instance(module, imports) {
  const instance = new RealInstance(module, imports);
  instances += 1;
  if (instances > 1) return instance; // the restart: not wrapped
  const exports = {};
  for (const [name, value] of Object.entries(instance.exports)) {
    exports[name] =
      typeof value !== 'function'
        ? value
        : function (...args) {
            if (trapNext && name.toLowerCase().includes(trapNext)) {
              trapNext = null;
              throw new WebAssembly.RuntimeError('unreachable');
            }
            return value.apply(this, args);
          };
  }
  return { exports };
};
const { renderToString } = await import(SERVER_ENTRY);

test('a trap is an Error with code panic; the module restarts and the next render works', () => {
  const before = renderToString(seed, { now: 0 });
  assert.equal(instances, 1);
  trapNext = 'renderjson';
  assert.throws(
    () => renderToString(seed, { now: 0 }),
    (e) => e instanceof Error && e.code === 'panic' && /internal error \(unreachable\); the module was restarted/.test(e.message) && e.cause instanceof WebAssembly.RuntimeError,
  );
  assert.equal(trapNext, null, 'the injected trap fired');
  const after = renderToString(seed, { now: 0 });
  assert.equal(instances, 2, 'a fresh instance');
  assert.equal(after.html, before.html);
});
