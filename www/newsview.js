// newsview — the ES module entry of the package (the build bundles it with wasm-bindgen's glue
// into pkg/newsview.js, beside pkg/newsview_bg.wasm).
//
// The Rust/wasm side does the work (parse, validate, sanitize, lay out, mount, events). This
// file holds only what wasm-bindgen cannot express: loading the .wasm that sits beside this
// module, and the <news-view> custom element class (a class extending HTMLElement), whose
// fetch of `src` is a few lines of JS.
import initWasm, { render as renderWasm, renderState } from './newsview_bg.js';

let ready = null;

/**
 * Loads and instantiates the wasm beside this module (or `moduleOrPath`). Idempotent.
 * @returns {Promise<void>}
 */
export default function init(moduleOrPath) {
  if (!ready) {
    const module_or_path = moduleOrPath ?? new URL('./newsview_bg.wasm', import.meta.url);
    ready = initWasm({ module_or_path }).then(
      () => undefined,
      (error) => {
        ready = null;
        throw error;
      },
    );
  }
  return ready;
}

/**
 * Renders `article` (object or JSON string) into an open shadow root of `container`
 * (its light DOM with `{shadow: false}`). Resolves to a view with `update(article)` and
 * `destroy()`; rejects with an Error whose message names the field at fault.
 */
export async function render(container, article, options) {
  await init();
  return renderWasm(container, article, options ?? null);
}

const Base = globalThis.HTMLElement ?? class {};
const TIMEOUT_MS = 10000;

/** `<news-view src="article.json" lang="zh-CN" now="…">`; property `article`. */
export class NewsViewElement extends Base {
  static get observedAttributes() {
    return ['src', 'lang', 'now', 'time-zone', 'theme', 'share'];
  }

  #view = null;
  #article = null;
  #fetch = null;
  #seq = 0;

  constructor() {
    super();
    this.addEventListener('click', (event) => {
      const target = event.composedPath()[0];
      if (target instanceof Element && target.closest('[data-nv-action="retry"]')) this.#update();
    });
  }

  /** The article shown, as set by the property or fetched from `src`. */
  get article() {
    return this.#article;
  }

  set article(value) {
    this.#article = value;
    this.#seq++;
    this.#fetch?.abort();
    if (this.isConnected) this.#show(value, this.#seq);
  }

  /** The live view, or null. */
  get view() {
    return this.#view;
  }

  connectedCallback() {
    this.#update();
  }

  disconnectedCallback() {
    this.#fetch?.abort();
    this.#view?.destroy();
    this.#view = null;
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue !== newValue && this.isConnected) this.#update();
  }

  #options() {
    const options = {};
    const lang = this.getAttribute('lang');
    if (lang) options.lang = lang;
    const now = this.getAttribute('now');
    if (now) options.now = /^\d+$/.test(now) ? Number(now) : now;
    const zone = this.getAttribute('time-zone');
    if (zone) options.timeZone = zone;
    const theme = this.getAttribute('theme');
    if (theme) options.theme = theme;
    const share = this.getAttribute('share');
    if (share) options.share = share;
    return options;
  }

  async #update() {
    const seq = ++this.#seq;
    const src = this.getAttribute('src');
    if (this.#article != null && !src) return this.#show(this.#article, seq);
    if (!src) return;
    this.#fetch?.abort();
    const controller = new AbortController();
    this.#fetch = controller;
    const timer = setTimeout(() => controller.abort(new DOMException('timeout', 'TimeoutError')), TIMEOUT_MS);
    try {
      await init();
      if (seq !== this.#seq) return;
      this.#destroyView();
      renderState(this, 'loading', '', this.getAttribute('lang') ?? '');
      let response;
      try {
        response = await fetch(new URL(src, document.baseURI), { signal: controller.signal, headers: { accept: 'application/json' } });
      } catch (error) {
        throw failure(controller.signal.aborted && seq === this.#seq ? 'timeout' : 'network', String(error?.message ?? error));
      }
      if (!response.ok) throw failure('http', `HTTP ${response.status}`);
      const text = await response.text();
      if (seq !== this.#seq) return;
      let article;
      try {
        article = JSON.parse(text);
      } catch (error) {
        throw failure('json', `invalid JSON: ${error.message}`);
      }
      this.#article = article;
      await this.#show(article, seq);
    } catch (error) {
      if (seq !== this.#seq) return;
      this.#fail(error);
    } finally {
      clearTimeout(timer);
    }
  }

  async #show(article, seq) {
    try {
      await init();
      if (seq !== this.#seq) return;
      this.#destroyView();
      this.#view = renderWasm(this, article, this.#options());
    } catch (error) {
      if (seq !== this.#seq) return;
      this.#fail(failure('invalid', error?.message ?? String(error)));
    }
  }

  #destroyView() {
    this.#view?.destroy();
    this.#view = null;
  }

  #fail(error) {
    this.#destroyView();
    const code = error?.code ?? 'invalid';
    const message = error?.message ?? String(error);
    try {
      renderState(this, 'error', message, this.getAttribute('lang') ?? '');
    } catch {
      // The error state could not be drawn (e.g. the wasm failed to load): the event still fires.
    }
    this.dispatchEvent(new CustomEvent('nv-error', { bubbles: true, composed: true, detail: { code, message } }));
  }
}

function failure(code, message) {
  const error = new Error(message);
  error.code = code;
  return error;
}

if (globalThis.customElements && !customElements.get('news-view')) {
  customElements.define('news-view', NewsViewElement);
}
