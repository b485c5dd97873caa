// The full client's loader of its QR module. The full client's wasm imports these functions
// (src/dom/interact.rs) and the build bundles this file into pkg/newsview.js.
//
// The full client has no QR encoder: its layout leaves a placeholder of the same size where a
// code goes (`<svg class="nv-qr-code" data-nv-qr>`), and the first time a reader opens a QR code
// (用手机看, or 微信 in the share menu) the QR module, ./newsview-qr.js and its wasm beside the
// package's module, is imported to encode the share URL. The import starts earlier when the
// reader shows intent: the pointer over, or focus on, one of those buttons. It is made once per
// page (again after a failure). The module returns the modules as data; the full client draws
// them with its own escaping writer.
//
// When the module cannot be loaded (offline), the placeholders stay, the popover works as
// before, and one console warning says why: nothing is thrown or left rejected.

let loading = null;

/** The QR module, initialised; imported the first time it is wanted. */
function load() {
  loading ??= import('./newsview-qr.js')
    .then(async (m) => {
      await m.default();
      return m;
    })
    .catch((error) => {
      loading = null;
      console.warn(`newsview: newsview-qr.js did not load (${error?.message ?? error}): QR code not drawn`);
      throw error;
    });
  return loading;
}

/**
 * Calls `then` with the modules of the QR code of `url` (a Uint8Array, `size * size` bytes, 1
 * for dark), or with undefined when the module could not be loaded or `url` does not fit.
 */
export function nv_qr_modules(url, then) {
  load()
    .then(
      (m) => m.qrModules(url),
      () => undefined,
    )
    .then(then);
}

const watched = new WeakSet();
const WANTS_QR = '[data-nv-action=qr],[data-nv-service=wechat]';

/**
 * Starts the import when the pointer comes over, or focus comes to, a button of `root` (a view's
 * root) that shows a QR code, while `root` holds a placeholder. One pair of listeners per root,
 * removed when they have started it.
 */
export function nv_qr_watch(root) {
  if (loading || watched.has(root)) return;
  watched.add(root);
  const done = new AbortController();
  const intent = (event) => {
    if (!event.target?.closest?.(WANTS_QR) || !root.querySelector('svg[data-nv-qr]')) return;
    done.abort();
    watched.delete(root);
    load().catch(() => {});
  };
  root.addEventListener('pointerover', intent, { signal: done.signal });
  root.addEventListener('focusin', intent, { signal: done.signal });
}
