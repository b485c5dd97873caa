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

const WANTS_QR = '[data-nv-action=qr],[data-nv-service=wechat]';
let watching = false;

/**
 * Starts the import when the pointer comes over, or focus comes to, a button that shows a QR
 * code in a view (`article.nv`) that holds a placeholder. One pair of passive listeners for the
 * whole page, on the window in the capturing phase, where every view's events pass (they are
 * composed, and the views' shadow roots are open: `composedPath()` starts at the element inside
 * one); added at the first render that needs them, removed once they have started the import.
 */
export function nv_qr_watch() {
  if (loading || watching) return;
  watching = true;
  const done = new AbortController();
  const intent = (event) => {
    const view = event.composedPath()[0]?.closest?.(WANTS_QR)?.closest('article.nv');
    if (!view?.querySelector('svg[data-nv-qr]')) return;
    done.abort();
    watching = false;
    load().catch(() => {});
  };
  const how = { capture: true, passive: true, signal: done.signal };
  addEventListener('pointerover', intent, how);
  addEventListener('focusin', intent, how);
}
