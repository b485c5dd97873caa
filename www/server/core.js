// newsview/server — the part shared by every server runtime's entry (node.js, workerd.js): the
// fault boundary around the server build's one export, and the conversion of its arguments.
// The build bundles it with wasm-bindgen's glue (scripts/build-server.sh).
//
// The wasm is the Rust core with the html5ever body parser (cargo feature `server`): the same
// reader, layout, sanitizer and writer as `newsview render` natively, whose output it matches
// byte for byte. It needs no DOM and no network.
//
// Fault boundary: the wasm is built with panic=abort, so a Rust panic (never expected: no code
// path panics on input) is a `WebAssembly.RuntimeError` thrown out of the call. It becomes an
// `Error` with `code = 'panic'`, and wasm-bindgen's glue makes a fresh instance from the same
// module before the next call, so the next render works.
import { initSync as initGlue, renderJson, memoryBytes as memoryBytesWasm, scheduleRestart, restartNow } from './newsview_server_bg.js';

let source = null;
let ready = false;

/** Called by the runtime's entry: how to get the compiled module (or its bytes) when needed. */
export function setSource(load) {
  source = load;
}

/**
 * Instantiates the server wasm from a `WebAssembly.Module` or its bytes, synchronously. Not
 * needed in Node, Deno, Bun or workerd (each entry finds its wasm by itself on the first
 * render); for hosts that load the wasm their own way. A second call does nothing.
 */
export function initSync(moduleOrBytes) {
  if (ready) return;
  if (moduleOrBytes == null) throw new TypeError('newsview/server: initSync needs a WebAssembly.Module or the bytes of newsview_server_bg.wasm');
  initGlue({ module: moduleOrBytes });
  ready = true;
}

/**
 * The size of the server wasm's linear memory in bytes (0 before the first render): what a
 * long-running server can watch to see that renders leave memory flat. It grows in 64 KiB
 * pages with the largest article rendered so far and never shrinks.
 */
export function memoryBytes() {
  return ready ? memoryBytesWasm() : 0;
}

function asError(value) {
  return value instanceof Error ? value : new Error(String(value?.message ?? value));
}

/** A JSON string as given, or an object through JSON.stringify (getters and prototypes have no effect). */
function jsonText(value, what) {
  if (typeof value === 'string') return value;
  if (value == null) throw new Error(`${what}: expected an object or a JSON string`);
  let text;
  try {
    text = JSON.stringify(value);
  } catch {
    throw new Error(`${what}: cannot be serialised as JSON`);
  }
  if (typeof text !== 'string') throw new Error(`${what}: expected an object or a JSON string`);
  return text;
}

/**
 * Renders `article` (object or JSON string, article JSON v1) with `options` (the browser's
 * options; `videoPlayer` and other functions are ignored) into `{html, head, warnings}`:
 * `html` is the `<news-view>` element with its declarative shadow root and the data that lets
 * newsview's module hydrate it in the page; `head` the suggested `<meta>` tags and the
 * JSON-LD; `warnings` what was dropped or cut, `[{path, message}]`. Synchronous. Throws an
 * `Error` whose message names the field at fault (`options.lang: …`, `title: …`).
 */
export function renderToString(article, options) {
  const articleText = jsonText(article, 'article');
  const optionsText = options == null ? '' : jsonText(options, 'options');
  if (!ready) {
    if (!source) throw new Error('newsview/server: no wasm; call initSync(module) first');
    initSync(source());
  }
  try {
    return renderJson(articleText, optionsText);
  } catch (error) {
    if (!(typeof WebAssembly !== 'undefined' && error instanceof WebAssembly.RuntimeError)) throw asError(error);
    try {
      scheduleRestart();
      restartNow();
    } catch {
      // The old instance could not even schedule the restart: instantiate again next time.
      ready = false;
    }
    const fault = new Error(`newsview: internal error (${error.message}); the module was restarted`);
    fault.code = 'panic';
    fault.cause = error;
    throw fault;
  }
}
