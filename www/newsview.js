// newsview — the ES module entry of the package (the build bundles it with wasm-bindgen's glue
// into pkg/newsview.js, beside pkg/newsview_bg.wasm).
//
// The Rust/wasm side does the work (parse, validate, sanitize, lay out, mount, events). This
// file holds only what wasm-bindgen cannot express: loading the .wasm that sits beside this
// module, the fault boundary around every call into it, and the <news-view> custom element
// class (a class extending HTMLElement), whose fetch of `src` is a few lines of JS.
//
// Errors are data: whatever the package rejects or throws with is a `NewsviewError` with a
// `code` and the `path` of the field at fault (the wasm's errors carry both as properties), and
// `nv-error` carries the same fields.
//
// Fault boundary (docs/robustness.md): the release wasm is built with panic=immediate-abort, so
// a Rust panic is a wasm trap, a `WebAssembly.RuntimeError` thrown out of the call. Every call
// into the wasm goes through `guard()`: a trap becomes a `NewsviewError` ("newsview: internal
// error (…); the module was restarted", `code: 'panic'`) and an `nv-error` event on the
// container, and the module is restarted: the live views are destroyed on the old instance (which removes
// their listeners and timers), wasm-bindgen's glue makes a fresh instance from the same
// module, and the live views are rendered again on it from their last good article.
import initWasm, {
  render as renderWasm,
  hydrate as hydrateWasm,
  renderState as renderStateWasm,
  scheduleRestart,
  restartNow,
} from './newsview_bg.js';
import { NewsviewError, asNewsviewError } from './newsview-error.js';

export { NewsviewError };

let ready = null;
/**
 * The live view of each container: one at most. A render into a container that has one
 * destroys it first (its listeners, timers and popovers go with it); after a restart each is
 * rendered again.
 */
const live = new Map();

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
        throw asNewsviewError(error, 'init');
      },
    );
  }
  return ready;
}

/** The `nv-error` detail of `error`: the same fields. */
function errorDetail({ code, path, message }) {
  return { code, path, message };
}

function isTrap(error) {
  return typeof WebAssembly !== 'undefined' && error instanceof WebAssembly.RuntimeError;
}

function emit(target, type, detail) {
  try {
    target?.dispatchEvent?.(new CustomEvent(type, { bubbles: true, composed: true, detail }));
  } catch {
    // A target that cannot dispatch events: the rejection still reports the fault.
  }
}

/**
 * Reports what the last render or update dropped or cut, once: an `nv-warning` event
 * `{warnings}` on the container (bubbling, composed; the same array as `view.warnings`) and
 * one `console.warn` line. Nothing when there is nothing to report.
 *
 * The console line is a string, never the objects: the console keeps every argument it is
 * given alive (for DevTools, or a CDP client, to show later), so logging the list kept each
 * view's warnings after the view was gone: +60 KiB of JS heap per 1 000 renders, without bound
 * (bench/heap.mjs, docs/benchmarks.md).
 */
function reportWarnings(container, warnings) {
  if (!warnings.length) return;
  emit(container, 'nv-warning', { warnings });
  const fields = warnings.map((w) => w.path || w.message).join(', ');
  console.warn(`newsview: some fields were dropped or cut (view.warnings, nv-warning): ${fields}`);
}

/** Replaces the trapped instance with a fresh one; renders the live views again. */
function restart() {
  for (const view of live.values()) view._detach();
  try {
    scheduleRestart();
    restartNow();
  } catch {
    // The old instance could not even schedule the restart: reload the module on next init().
    ready = null;
  }
  for (const view of live.values()) view._revive();
}

/**
 * Runs `call` (a call into the wasm). A trap restarts the module, fires `nv-error`
 * `{code: 'panic', path: '', message}` on `container` and throws a `NewsviewError` with
 * `code = 'panic'`; anything else thrown is rethrown as a `NewsviewError`.
 */
function guard(container, call) {
  try {
    return call();
  } catch (error) {
    if (!isTrap(error)) throw asNewsviewError(error);
    restart();
    const fault = new NewsviewError(`newsview: internal error (${error.message}); the module was restarted`, {
      code: 'panic',
      cause: error,
    });
    emit(container, 'nv-error', errorDetail(fault));
    throw fault;
  }
}

/** `view.warnings` when nothing was dropped or cut (frozen: one for every view). */
const NO_WARNINGS = Object.freeze([]);

/**
 * A rendered article: `update(article)` renders a new article in place (throws a
 * `NewsviewError` naming the field at fault; the old article stays), `destroy()` removes it (a
 * second call does nothing). `update()` after `destroy()` throws a `NewsviewError`
 * `view: update() after destroy()` with code `destroyed`. Other methods of the wasm view are
 * forwarded.
 */
class View {
  #inner;
  #container;
  #article;
  #options;
  #destroyed = false;
  #warnings = NO_WARNINGS;

  constructor(inner, container, article, options) {
    this.#inner = inner;
    this.#container = container;
    this.#article = article;
    this.#options = options;
    View.#forward(Object.getPrototypeOf(inner));
  }

  static #forwarded = false;

  /**
   * Forwards the wasm view's methods (`proto`: its class's prototype) from View's prototype,
   * once per page: every module instance's class has the same ones.
   */
  static #forward(proto) {
    if (View.#forwarded) return;
    View.#forwarded = true;
    for (const name of Object.getOwnPropertyNames(proto)) {
      if (name === 'constructor' || name === 'free' || name === 'takeWarnings' || name.startsWith('__') || name in View.prototype) {
        continue;
      }
      if (typeof Object.getOwnPropertyDescriptor(proto, name).value !== 'function') continue;
      Object.defineProperty(View.prototype, name, {
        value(...args) {
          return this.#call(name, () => this.#inner[name](...args));
        },
        writable: true,
        configurable: true,
      });
    }
  }

  #call(name, call) {
    if (this.#destroyed || !this.#inner) {
      throw new NewsviewError(`view: ${name}() after destroy()`, { code: 'destroyed' });
    }
    return guard(this.#container, call);
  }

  /**
   * What the last render or update dropped or cut: a frozen array of frozen
   * `{path, code, message}`, empty when nothing was. A failed update leaves it as it was.
   */
  get warnings() {
    return this.#warnings;
  }

  update(article) {
    this.#call('update', () => this.#inner.update(article));
    place(this.#container, this.#inner);
    this.#article = article;
    this._takeWarnings();
  }

  /** Takes the warnings of the render or update just done from the wasm; reports them. */
  _takeWarnings() {
    const list = guard(this.#container, () => this.#inner.takeWarnings());
    if (!list.length) {
      this.#warnings = NO_WARNINGS;
      return;
    }
    this.#warnings = Object.freeze(list.map(Object.freeze));
    reportWarnings(this.#container, this.#warnings);
  }

  destroy() {
    if (this.#destroyed) return;
    this.#destroyed = true;
    this._forget();
    const inner = this.#inner;
    this.#inner = null;
    if (inner) {
      guard(this.#container, () => inner.destroy());
      // Release the Rust side now rather than when the wrapper is collected: wasm memory
      // then stays flat over many render/destroy cycles.
      try {
        inner.free();
      } catch {
        // Already released by a restart of the module.
      }
    }
  }

  /** Takes the view off the list of live views (when it is the container's). */
  _forget() {
    if (live.get(this.#container) === this) live.delete(this.#container);
  }

  /** Removes the view from the trapped instance (its listeners and timers go with it). */
  _detach() {
    const inner = this.#inner;
    this.#inner = null;
    try {
      inner?.destroy();
    } catch {
      // Its state may be what broke; its DOM goes when it is rendered again.
    }
  }

  /** Renders the last good article again on the fresh instance. */
  _revive() {
    try {
      this.#inner = renderWasm(this.#container, this.#article, this.#options);
      place(this.#container, this.#inner);
      this.#inner.takeWarnings(); // reported at the first render already
    } catch (error) {
      this._forget();
      this.#destroyed = true;
      emit(this.#container, 'nv-error', { code: 'panic', path: '', message: String(error?.message ?? error) });
    }
  }
}

function checkContainer(container) {
  const E = globalThis.Element;
  if (!E || !(container instanceof E)) {
    throw new TypeError('newsview: container must be an Element');
  }
}

/**
 * Renders `article` (object or JSON string) into an open shadow root of `container`
 * (its light DOM with `{shadow: false}`). Resolves to a view with `update(article)` and
 * `destroy()`; rejects with a `NewsviewError` (`code`, `path`, a message that names the field
 * at fault). A container that
 * is not in the document is rendered into all the same; the view shows when it is attached.
 */
export async function render(container, article, options) {
  await init();
  checkContainer(container);
  return mount(renderWasm, container, article, options ?? null);
}

/**
 * Takes over markup written by newsview's server rendering (`render_to_string`: a declarative
 * shadow root holding the article) for `article`: events, image fallbacks and relative times
 * are wired to the nodes already there, which are not rebuilt. Without such markup it renders
 * as `render()` does. Resolves to the same kind of view.
 */
export async function hydrate(container, article, options) {
  await init();
  checkContainer(container);
  return mount(hydrateWasm, container, article, options ?? null);
}

/**
 * Renders with `take` (the wasm's render or hydrate) into `container`, after destroying the
 * view that was live there: one view per container, so listeners never pile up.
 */
function mount(take, container, article, options) {
  live.get(container)?.destroy();
  const inner = guard(container, () => take(container, article, options));
  place(container, inner);
  const view = new View(inner, container, article, options);
  live.set(container, view);
  view._takeWarnings();
  return view;
}

/**
 * Parses the markup the wasm just wrote for `inner` (its view, the clean body inside) into the
 * view's root. Here, in JS, after the wasm call has returned: Chromium's ad tagging checks each
 * image request made while script runs against the scripts on the stack, which costs about
 * 50 µs per image with newsview's wasm on it (docs/benchmarks.md). Nothing to do for a view
 * that hydrated server markup.
 */
function place(container, inner) {
  const html = guard(container, () => inner.__takeMarkup());
  if (html === undefined) return;
  const root = guard(container, () => inner.__root());
  try {
    root.innerHTML = html;
  } catch (error) {
    throw asNewsviewError(error, 'dom');
  }
}

/** The loading or error state in `<news-view>` `host`, in the language of its `lang`. */
function renderState(host, state, detail) {
  return guard(host, () => renderStateWasm(host, state === 'error', detail, host.getAttribute('lang') ?? ''));
}

const Base = globalThis.HTMLElement ?? class {};
const TIMEOUT_MS = 10000;

/**
 * What `<news-view>` does, as a class over `Base`: over HTMLElement it is the element itself
 * (`NewsViewElement`, its host is itself); over Object it is the same behaviour for an element
 * that another client defined (the hydration entry's `<news-view>`, in newsview-hydrate.js,
 * forwards its callbacks to one once it hands the element to this module). Exported for that
 * entry only: not a public API.
 *
 * `<news-view src="article.json" lang="zh-CN" now="…" timeout="10000">`; property `article`.
 * Fetch failures show the error state (with 重试 / Retry) and fire `nv-error` `{code, path,
 * message}`: `http`, `network`, `timeout`, `content-type`, `json`, `invalid` and
 * `schema-version` (refused by the model), `panic`, `dom`, `init`. When `src` changes during a
 * fetch, the latest wins.
 */
export const newsView = (Base) => class extends Base {
  static observedAttributes = ['src', 'lang', 'now', 'time-zone', 'theme', 'share', 'timeout'];

  #host;
  #view;
  #article;
  /** Options from the server's hydration data (attributes override them). */
  #serverOptions;
  #fetch = null;
  #seq = 0;

  /**
   * `host`: the `<news-view>` element (none for the element itself). `view`, `article` and
   * `serverOptions`: what a client that had the element before (the hydration entry) hands
   * over: its live view, which is destroyed when this one first shows something, and the data
   * it read.
   */
  constructor(host, view = null, article = null, serverOptions = null) {
    super();
    this.#host = host ?? this;
    this.#view = view;
    this.#article = article;
    this.#serverOptions = serverOptions;
    this.#host.addEventListener('click', (event) => {
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
    const seq = ++this.#seq;
    this.#fetch?.abort();
    if (this.#host.isConnected) this.#show(value, seq);
  }

  /** The live view, or null. */
  get view() {
    return this.#view;
  }

  connectedCallback() {
    this.#update();
  }

  disconnectedCallback() {
    this.#seq++;
    this.#fetch?.abort();
    this.#destroyView();
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue !== newValue && this.#host.isConnected) this.#update();
  }

  /** The options: the server's, with the attributes over them. */
  #options() {
    const options = { ...this.#serverOptions };
    for (const [attr, key] of [
      ['lang', 'lang'],
      ['now', 'now'],
      ['time-zone', 'timeZone'],
      ['theme', 'theme'],
      ['share', 'share'],
    ]) {
      const value = this.#host.getAttribute(attr);
      if (value) options[key] = key === 'now' && /^\d+$/.test(value) ? Number(value) : value;
    }
    return options;
  }

  /** Fetches `src` (or shows the article property). Never rejects. */
  async #update() {
    const seq = ++this.#seq;
    const src = this.#host.getAttribute('src');
    if (this.#article == null && !src && !this.#readServerData(seq)) return;
    if (this.#article != null && !src) return this.#show(this.#article, seq);
    if (!src) return;
    this.#fetch?.abort();
    const controller = new AbortController();
    this.#fetch = controller;
    const timeout = Number(this.#host.getAttribute('timeout'));
    const ms = Number.isFinite(timeout) && timeout > 0 ? timeout : TIMEOUT_MS;
    const timer = setTimeout(() => controller.abort(new DOMException('timeout', 'TimeoutError')), ms);
    const lost = (error) =>
      controller.signal.reason?.name === 'TimeoutError'
        ? failure('timeout', `no response within ${ms} ms`)
        : failure('network', String(error?.message ?? error));
    try {
      await init();
      if (seq !== this.#seq) return;
      this.#destroyView();
      // Server-rendered markup stays on screen while the article data loads.
      if (!this.#serverMarkup()) renderState(this.#host, 'loading', '');
      let response;
      let text;
      try {
        response = await fetch(new URL(src, document.baseURI), {
          signal: controller.signal,
          headers: { accept: 'application/json' },
        });
      } catch (error) {
        throw lost(error);
      }
      if (seq !== this.#seq) return;
      if (!response.ok) throw failure('http', `HTTP ${response.status}`);
      const type = response.headers.get('content-type');
      if (type && !/^\s*(application\/([\w.+-]*\+)?json|text\/json)\s*(;|$)/i.test(type)) {
        throw failure('content-type', `expected JSON, got ${type.split(';')[0].trim()}`);
      }
      try {
        text = await response.text();
      } catch (error) {
        throw lost(error);
      }
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
      if (this.#fetch === controller) this.#fetch = null;
    }
  }

  /**
   * Reads the hydration data newsview's server rendering puts in the element
   * (`<script type="application/json" data-nv-hydrate>{"article", "options"}</script>`), so
   * that a server-rendered page hydrates with no `src` and no host code. While the document is
   * still being parsed the data may not be there yet: then it tries again once it is parsed.
   * Returns whether there is an article to show.
   */
  #readServerData(seq) {
    const data = this.#host.querySelector(':scope > script[type="application/json"][data-nv-hydrate]');
    if (!data) {
      if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', () => seq === this.#seq && this.#update(), { once: true });
      }
      return false;
    }
    try {
      const { article, options } = JSON.parse(data.textContent);
      this.#article = article;
      this.#serverOptions = options;
      return article != null;
    } catch (error) {
      this.#fail(failure('json', `invalid hydration data: ${error.message}`));
      return false;
    }
  }

  /** Whether the shadow root holds server-rendered markup that no view has taken over yet. */
  #serverMarkup() {
    return !this.#view && !!this.#host.shadowRoot?.querySelector('article.nv');
  }

  /** Renders `article`. Never rejects. */
  async #show(article, seq) {
    try {
      await init();
      if (seq !== this.#seq) return;
      this.#destroyView();
      checkContainer(this.#host);
      const options = this.#options();
      // Markup from newsview's server rendering (a declarative shadow root) is taken over, not
      // rebuilt; afterwards every render replaces the view.
      this.#view = mount(this.#serverMarkup() ? hydrateWasm : renderWasm, this.#host, article, options);
    } catch (error) {
      if (seq !== this.#seq) return;
      this.#fail(error);
    }
  }

  #destroyView() {
    const view = this.#view;
    this.#view = null;
    try {
      view?.destroy();
    } catch {
      // A trap while destroying restarted the module and fired nv-error already.
    }
  }

  #fail(error) {
    this.#destroyView();
    const fault = asNewsviewError(error);
    try {
      renderState(this.#host, 'error', fault.message);
    } catch {
      // The error state could not be drawn (e.g. the wasm failed to load): the event still fires.
    }
    // A panic fired its nv-error where it was caught.
    if (fault.code !== 'panic') emit(this.#host, 'nv-error', errorDetail(fault));
  }
};

/** `<news-view>`: see `newsView` for what it does. */
export const NewsViewElement = newsView(Base);

function failure(code, message) {
  return new NewsviewError(message, { code });
}

if (globalThis.customElements && !customElements.get('news-view')) {
  customElements.define('news-view', NewsViewElement);
}
