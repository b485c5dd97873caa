// newsview/hydrate — the hydration-only entry (the build bundles it with the glue of the
// `hydrate` wasm into pkg/newsview-hydrate.js, beside pkg/newsview-hydrate_bg.wasm).
//
// A page whose <news-view> arrived with the article already rendered by newsview's server
// rendering (the CLI, `ssr::render`, `newsview/server`'s `renderToString`) loads this module
// instead of newsview.js: its wasm only wires the widgets of the server's markup (like,
// favorite, share menu, copy link, QR popover, comment box, lead-video play, avatar fallbacks,
// relative-time refresh, the nv-* events). It holds no reader, sanitizer, layout or stylesheet:
// the markup carries all the widgets need (src/dom/interact.rs).
//
// When the page needs to render (`view.update()`, `render()`, a changed attribute, the
// `article` property, an element without server markup), the full client (./newsview.js and
// its wasm) is loaded by dynamic import and takes the container over: one view per container,
// the hydrated one's listeners removed when the full one is mounted.
import initWasm, { hydrate as hydrateInner } from './newsview-hydrate_bg.js';
import { NewsviewError, asNewsviewError } from './newsview-error.js';

export { NewsviewError };

let ready = null;
/** The hydrated view of each container: one at most. */
const live = new Map();
/** The full client's module, once it was needed. */
let full = null;

/**
 * Loads and instantiates the hydration wasm beside this module (or `moduleOrPath`). Idempotent.
 * @returns {Promise<void>}
 */
export default function init(moduleOrPath) {
  const module_or_path = moduleOrPath ?? new URL('./newsview-hydrate_bg.wasm', import.meta.url);
  // A failed load is forgotten: the next call tries again.
  ready ??= initWasm({ module_or_path }).then(
    () => {},
    (error) => {
      ready = null;
      throw asNewsviewError(error, 'init');
    },
  );
  return ready;
}

/** The full client (./newsview.js, initialised), imported the first time it is needed. */
function loadFull() {
  full ??= import('./newsview.js').then(
    async (m) => {
      await m.default();
      return m;
    },
    (error) => {
      full = null;
      throw asNewsviewError(error, 'init');
    },
  );
  return full;
}

function emit(target, type, detail) {
  try {
    target?.dispatchEvent?.(new CustomEvent(type, { bubbles: true, composed: true, detail }));
  } catch {
    // A target that cannot dispatch events: the rejection still reports the fault.
  }
}

/**
 * Runs `call` (a call into the wasm). A trap (`WebAssembly.RuntimeError`) is the end of this
 * module's views: each lets go of its nodes' listeners (as far as the trapped instance still
 * can), `nv-error` `{code: 'panic'}` fires on `container` and a `NewsviewError` with
 * `code = 'panic'` is thrown; a `<news-view>` then hands its element to the full client, which
 * hydrates it again from the server's data. (This build has no module restart: its glue would
 * weigh more than the whole widget code; see docs/robustness.md.)
 */
function guard(container, call) {
  try {
    return call();
  } catch (error) {
    if (!(typeof WebAssembly !== 'undefined' && error instanceof WebAssembly.RuntimeError)) {
      throw asNewsviewError(error);
    }
    const views = [...live.values()];
    for (const view of views) view._release();
    const fault = new NewsviewError(`newsview: internal error (${error.message})`, { code: 'panic', cause: error });
    emit(container, 'nv-error', { code: fault.code, path: fault.path, message: fault.message });
    for (const view of views) view._container._panicked?.();
    throw fault;
  }
}

/**
 * `hydrate` of the wasm with what it reads of `options`: `now` (as milliseconds), `labels`,
 * `videoPlayer`. The zone is the one the server wrote its dates in: a relative time's `title`
 * is its date there, `data-nv-rel` the same instant in seconds.
 */
function hydrateWasm(container, options) {
  const { now, labels, videoPlayer } = options ?? {};
  const time = (container.shadowRoot ?? container).querySelector('time[data-nv-rel][title]');
  const zone = time && (Date.parse(`${time.title.replace(' ', 'T')}Z`) / 1000 - time.dataset.nvRel) / 60;
  return hydrateInner(
    container,
    typeof now === 'string' ? Date.parse(now) : typeof now === 'number' ? now : undefined,
    Number.isFinite(zone) ? zone : undefined,
    labels && typeof labels === 'object' ? labels : {},
    typeof videoPlayer === 'function' ? videoPlayer : undefined,
  );
}

/**
 * A hydrated article: the widgets of the server's markup, wired. `setLiked`, `setFavorited`,
 * `destroy()` as in the full client; `warnings` is empty (this client reads no article: the
 * server reported what it dropped). `update(article)` loads the full client, which renders
 * `article` into the container and takes it over: it returns a promise, and afterwards every
 * method is the full view's.
 */
class View {
  #inner;
  #container;
  #options;
  #full = null;
  #destroyed = false;

  constructor(inner, container, options) {
    this.#inner = inner;
    this.#container = container;
    this.#options = options;
  }

  get warnings() {
    return this.#full ? this.#full.warnings : Object.freeze([]);
  }

  #call(name, call) {
    if (this.#destroyed) throw new NewsviewError(`view: ${name}() after destroy()`, { code: 'destroyed' });
    return guard(this.#container, () => call(this.#inner));
  }

  setLiked(liked, count) {
    if (this.#full) return this.#full.setLiked(liked, count);
    return this.#call('setLiked', (inner) => inner.setLiked(liked, count));
  }

  setFavorited(favorited, count) {
    if (this.#full) return this.#full.setFavorited(favorited, count);
    return this.#call('setFavorited', (inner) => inner.setFavorited(favorited, count));
  }

  async update(article) {
    if (this.#destroyed) throw new NewsviewError('view: update() after destroy()', { code: 'destroyed' });
    if (this.#full) return this.#full.update(article);
    this.#full = await takeOver(this.#container, article, this.#options);
  }

  destroy() {
    if (this.#destroyed) return;
    this.#destroyed = true;
    if (this.#full) return this.#full.destroy();
    this._forget();
    const inner = this.#inner;
    this.#inner = null;
    // Released now, not when the wrapper is collected (as in the full client).
    if (inner) guard(this.#container, () => (inner.destroy(), inner.free()));
  }

  /** Lets go of the container (listeners and timers removed, nodes kept) for the full client. */
  _release() {
    this._forget();
    const inner = this.#inner;
    this.#inner = null;
    try {
      inner?.__detach();
      inner?.free();
    } catch {
      // The trapped instance cannot.
    }
  }

  _forget() {
    if (live.get(this.#container) === this) live.delete(this.#container);
  }

  get _container() {
    return this.#container;
  }
}

/**
 * Renders `article` with the full client into `container` (loaded now if it was not), which
 * takes the container over: the hydrated view there lets go once the full view is mounted (a
 * render that throws leaves it as it was).
 */
async function takeOver(container, article, options) {
  const m = await loadFull();
  const view = await m.render(container, article, options);
  live.get(container)?._release();
  return view;
}

function checkContainer(container) {
  const E = globalThis.Element;
  if (!E || !(container instanceof E)) {
    throw new TypeError('newsview: container must be an Element');
  }
}

/**
 * Wires the widgets of the server-rendered article in `container` (its declarative shadow root,
 * or its light DOM). `options`: `lang` (else the markup's), `now`, `timeZone`, `labels` and
 * `videoPlayer` as given to the server and the full client; the rest is ignored. Rejects with a
 * `NewsviewError` when the container holds no server markup.
 */
export async function hydrate(container, options) {
  await init();
  checkContainer(container);
  live.get(container)?._release();
  const inner = guard(container, () => hydrateWasm(container, options));
  const view = new View(inner, container, options ?? null);
  live.set(container, view);
  return view;
}

/**
 * `render()` of the full client, loaded for it: renders `article` into `container`, taking over
 * a hydrated view there.
 */
export async function render(container, article, options) {
  checkContainer(container);
  return takeOver(container, article, options ?? null);
}

const Base = globalThis.HTMLElement ?? class {};

/**
 * `<news-view>` for server-rendered pages: with server markup in it, it hydrates that markup
 * with this module's wasm (the options from the server's hydration data and the attributes;
 * `src` is not fetched: the markup is the article). Anything that needs a render (no server
 * markup, a changed attribute, the `article` property) hands the element to the full client's
 * `<news-view>` behaviour, loaded then.
 */
export class NewsViewElement extends Base {
  static observedAttributes = ['src', 'lang', 'now', 'time-zone', 'theme', 'share', 'timeout'];

  #view = null;
  #controller = null;
  #queue = null;
  #started = false;
  #data;

  /** The article: the server's hydration data until the full client has the element. */
  get article() {
    return this.#controller ? this.#controller.article : (this.#serverData()?.article ?? null);
  }

  set article(value) {
    this.#handOver((c) => {
      c.article = value;
    });
  }

  /** The live view, or null. */
  get view() {
    return this.#controller ? this.#controller.view : this.#view;
  }

  connectedCallback() {
    if (this.#controller) return this.#controller.connectedCallback();
    this.#started = true;
    if (this.#queue) return;
    if (document.readyState === 'loading') {
      // The declarative shadow root may still be on its way.
      document.addEventListener('DOMContentLoaded', () => this.isConnected && this.#start(), { once: true });
    } else {
      this.#start();
    }
  }

  disconnectedCallback() {
    if (this.#controller) return this.#controller.disconnectedCallback();
    const view = this.#view;
    this.#view = null;
    try {
      view?.destroy();
    } catch {
      // A trap while destroying fired nv-error already.
    }
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (this.#controller) return this.#controller.attributeChangedCallback(name, oldValue, newValue);
    // Attributes seen before the first connection are read then.
    if (!this.#started || oldValue === newValue || !this.isConnected) return;
    this.#handOver((c) => c.attributeChangedCallback(name, oldValue, newValue));
  }

  /** After a trap in this module: the full client takes the element over. */
  _panicked() {
    if (this.#view && !this.#controller) {
      this.#view = null;
      this.#handOver((c) => c.connectedCallback());
    }
  }

  async #start() {
    if (this.#view || this.#controller) return;
    if (!(this.shadowRoot ?? this).querySelector('article.nv')) {
      return this.#handOver((c) => c.connectedCallback());
    }
    try {
      await init();
      if (this.#view || this.#controller || this.#queue || !this.isConnected) return;
      this.#view = await hydrate(this, this.#options());
    } catch (error) {
      // The markup could not be taken over here (e.g. this wasm did not load): the full client
      // tries (it reads the hydration data, or src).
      emit(this, 'nv-error', { code: asNewsviewError(error).code, path: '', message: String(error?.message ?? error) });
      this.#handOver((c) => c.connectedCallback());
    }
  }

  /** `{article, options}` from `<script type="application/json" data-nv-hydrate>`, or null. */
  #serverData() {
    if (this.#data === undefined) {
      const script = this.querySelector(':scope > script[type="application/json"][data-nv-hydrate]');
      try {
        this.#data = script ? JSON.parse(script.textContent) : null;
      } catch {
        this.#data = null; // The full client reports it if it is ever needed.
      }
    }
    return this.#data;
  }

  /** The options: the server's, with the `now` attribute over them (as the full element reads it). */
  #options() {
    const options = { ...this.#serverData()?.options };
    const now = this.getAttribute('now');
    if (now) options.now = /^\d+$/.test(now) ? Number(now) : now;
    return options;
  }

  /**
   * Loads the full client and gives it the element (its `<news-view>` behaviour, with the
   * hydrated view to replace and the server's data), then runs `then` on it. In call order.
   */
  #handOver(then) {
    this.#queue = (this.#queue ?? loadFull()).then(
      (m) => {
        if (!this.#controller) {
          const data = this.#serverData();
          this.#controller = new (m.newsView(Object))(this, this.#view, data?.article, data?.options);
          this.#view = null;
        }
        then(this.#controller);
      },
      (error) => {
        this.#queue = null;
        const fault = asNewsviewError(error, 'init');
        emit(this, 'nv-error', { code: fault.code, path: fault.path, message: fault.message });
      },
    );
  }
}

if (globalThis.customElements && !customElements.get('news-view')) {
  customElements.define('news-view', NewsViewElement);
}
