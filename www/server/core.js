// newsview/server — the part shared by every server runtime's entry (node.js, workerd.js): the
// fault boundary around the server build's one export, and the conversion of its arguments.
// The build bundles it with wasm-bindgen's glue (scripts/build-server.sh).
//
// The wasm is the Rust core with the html5ever body parser (cargo feature `server`): the same
// reader, layout, sanitizer and writer as `newsview render` natively, whose output it matches
// byte for byte. It needs no DOM and no network.
//
// Errors are data, as in the browser entry: whatever renderToString throws is a NewsviewError
// with a `code` (`invalid`, `json`, `schema-version`, `panic`) and the `path` of the field at
// fault. Fault boundary: the wasm is built with panic=abort, so a Rust panic (never expected: no
// code path panics on input) is a `WebAssembly.RuntimeError` thrown out of the call. It becomes
// a NewsviewError with `code = 'panic'`, and wasm-bindgen's glue makes a fresh instance from the
// same module before the next call, so the next render works.
//
// The imports are resolved where scripts/build-server.sh bundles this file: beside the glue and
// www/newsview-error.js.
import { initSync as initGlue, renderJson, memoryBytes as memoryBytesWasm, scheduleRestart, restartNow } from './newsview_server_bg.js';
import { NewsviewError, asNewsviewError } from './newsview-error.js';

export { NewsviewError };

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

/**
 * A JSON string as given, or an object through JSON.stringify (getters and prototypes have no
 * effect). Errors as the browser's: `path` is `options` for the options, '' for the article.
 */
function jsonText(value, what) {
  const fail = (message) =>
    new NewsviewError(`${what}: ${message}`, { code: 'invalid', path: what === 'options' ? 'options' : '' });
  if (typeof value === 'string') return value;
  if (value == null) throw fail('expected an object or a JSON string');
  let text;
  try {
    text = JSON.stringify(value);
  } catch {
    throw fail('cannot be serialised as JSON');
  }
  if (typeof text !== 'string') throw fail('expected an object or a JSON string');
  return text;
}

/**
 * Renders `article` (object or JSON string, article JSON v1) with `options` (the browser's
 * options; `videoPlayer` and other functions are ignored) into `{html, head, warnings}`:
 * `html` is the `<news-view>` element with its declarative shadow root and the data that lets
 * newsview's module hydrate it in the page; `head` the suggested `<meta>` tags and the
 * JSON-LD; `warnings` what was dropped or cut, `[{path, code, message}]`. Synchronous. Throws
 * a `NewsviewError` whose message names the field at fault (`options.lang: …`, `title: …`),
 * with its `code` and `path`.
 */
export function renderToString(article, options) {
  const articleText = jsonText(article, 'article');
  const optionsText = options == null ? '' : jsonText(options, 'options');
  if (!ready) {
    if (!source) throw new NewsviewError('newsview/server: no wasm; call initSync(module) first', { code: 'init' });
    try {
      initSync(source());
    } catch (error) {
      throw asNewsviewError(error, 'init');
    }
  }
  try {
    return renderJson(articleText, optionsText);
  } catch (error) {
    if (!(typeof WebAssembly !== 'undefined' && error instanceof WebAssembly.RuntimeError)) throw asNewsviewError(error, 'invalid');
    try {
      scheduleRestart();
      restartNow();
    } catch {
      // The old instance could not even schedule the restart: instantiate again next time.
      ready = false;
    }
    throw new NewsviewError(`newsview: internal error (${error.message}); the module was restarted`, {
      code: 'panic',
      cause: error,
    });
  }
}
