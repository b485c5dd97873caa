// The in-page half of the benchmark (driven by bench/run.mjs through Playwright).
// Everything is exposed on `window.B`; run.mjs calls setup(), prepare(), run(), ...
import init, { render } from '/pkg/newsview.js';
import DOMPurify from '/bench/node_modules/dompurify/dist/purify.es.mjs';
import { HOSTILE, cmsBody, nested, utf8Length } from '/bench/gen.mjs';

const params = new URLSearchParams(location.search);

// --- the wasm instance: captured where it is instantiated, so that the harness does not depend
// on how pkg/ is laid out (separate glue module or one bundle). On bench.html?count=1 every
// import is also wrapped with a call counter (the wrappers cost time: counting page only). ------
const calls = new Map();
let wasmExports = null;
{
  const counting = params.has('count');
  const wrap = (imports) => {
    if (!counting) return;
    for (const mod of Object.values(imports ?? {})) {
      for (const [name, f] of Object.entries(mod)) {
        if (typeof f !== 'function') continue;
        const short = name.replace(/^__wbg_/, '').replace(/_[0-9a-f]{16}$/, '');
        mod[name] = function (...args) {
          calls.set(short, (calls.get(short) ?? 0) + 1);
          return f.apply(this, args);
        };
      }
    }
  };
  const keep = (result) => {
    const instance = result instanceof WebAssembly.Instance ? result : result.instance;
    if (instance && !wasmExports) wasmExports = instance.exports;
    return result;
  };
  const instantiate = WebAssembly.instantiate;
  const streaming = WebAssembly.instantiateStreaming;
  WebAssembly.instantiate = (m, imports) => (wrap(imports), instantiate(m, imports).then(keep));
  WebAssembly.instantiateStreaming = (r, imports) => (wrap(imports), streaming(r, imports).then(keep));
}

const NOW = Date.parse('2025-07-28T10:00:00+08:00');
const OPTS = { now: NOW, lang: 'zh-CN', shadow: true };
const stage = document.getElementById('stage');
const gc = globalThis.gc ?? (() => {});
let seed = null;
let sheet = null;
let pageMarkup = '';
const inputs = {};

function fresh() {
  const c = document.createElement('div');
  stage.append(c);
  return c;
}

/** The peers' target: an open shadow root with the same stylesheet and wrapper classes. */
function peerTarget(c) {
  const sr = c.attachShadow({ mode: 'open' });
  sr.adoptedStyleSheets = [sheet];
  const outer = document.createElement('div');
  outer.className = 'nv';
  const inner = document.createElement('div');
  inner.className = 'nv-body';
  outer.append(inner);
  sr.append(outer);
  return inner;
}

const now = () => performance.now();

// The peers end their DOM phase where render() ends its own: after an `await`, so after the
// microtask checkpoint that runs what the parse queued — each <img>'s "update the image data"
// step (HTML), which starts its load and changes what the forced layout then lays out (an image
// whose load began or failed, not a fresh one). Measured on the seed page (2026-11-30, gc()
// before each sample): the page floor's layout is 1.83 ms when forced straight after innerHTML
// and 1.99 ms after `await null`, newsview's 1.99 ms; a reader's first frame always comes after
// that checkpoint. render() itself is awaited as a page awaits it.
const settle = () => null;

// Each implementation: build into a fresh container attached to the document, force layout,
// return the time; cleanup happens after the clock stops.
const IMPL = {
  // newsview, article = seed with bodyHtml replaced (JSON string).
  async nv(inp) {
    const c = fresh();
    const t0 = now();
    const v = await render(c, inp.json, OPTS);
    const t1 = now();
    c.offsetHeight;
    const t = [t1 - t0, now() - t0];
    v.destroy();
    c.remove();
    return t;
  },
  // newsview, minimal article {id, title, publishedAt, bodyHtml} (JSON string).
  async nvMin(inp) {
    const c = fresh();
    const t0 = now();
    const v = await render(c, inp.jsonMin, OPTS);
    const t1 = now();
    c.offsetHeight;
    const t = [t1 - t0, now() - t0];
    v.destroy();
    c.remove();
    return t;
  },
  // newsview, article passed as a JS object (serialised by JSON.stringify inside).
  async nvObj(inp) {
    const c = fresh();
    const t0 = now();
    const v = await render(c, inp.obj, OPTS);
    const t1 = now();
    c.offsetHeight;
    const t = [t1 - t0, now() - t0];
    v.destroy();
    c.remove();
    return t;
  },
  async purify(inp) {
    const c = fresh();
    const t0 = now();
    const el = peerTarget(c);
    el.innerHTML = DOMPurify.sanitize(inp.html);
    await settle();
    const t1 = now();
    c.offsetHeight;
    const t = [t1 - t0, now() - t0];
    c.remove();
    return t;
  },
  async floor(inp) {
    const c = fresh();
    const t0 = now();
    const el = peerTarget(c);
    el.innerHTML = inp.clean;
    await settle();
    const t1 = now();
    c.offsetHeight;
    const t = [t1 - t0, now() - t0];
    c.remove();
    return t;
  },
  // The floor for the whole article page: innerHTML of the markup newsview itself produces for
  // the seed (captured once in setup), into a shadow root with the same stylesheet. It builds
  // the same 257 elements with no JSON, layout, sanitizing or wiring.
  async pageFloor() {
    const c = fresh();
    const t0 = now();
    const sr = c.attachShadow({ mode: 'open' });
    sr.adoptedStyleSheets = [sheet];
    sr.innerHTML = pageMarkup;
    await settle();
    const t1 = now();
    c.offsetHeight;
    const t = [t1 - t0, now() - t0];
    c.remove();
    return t;
  },
  async setHTML(inp) {
    const c = fresh();
    const t0 = now();
    const el = peerTarget(c);
    el.setHTML(inp.html);
    await settle();
    const t1 = now();
    c.offsetHeight;
    const t = [t1 - t0, now() - t0];
    c.remove();
    return t;
  },
};

/** What an implementation leaves in the body container (checked once, outside timing). */
async function inspect(name, inp) {
  const c = fresh();
  let body;
  let view = null;
  if (name === 'pageFloor') {
    await IMPL.pageFloor();
    return { elements: 0, textChars: 0, scripts: 0, handlers: 0, jsUrls: 0, totalNodes: pageMarkup.split('<').length - 1 };
  }
  if (name.startsWith('nv')) {
    const art = name === 'nv' ? inp.json : name === 'nvMin' ? inp.jsonMin : inp.obj;
    view = await render(c, art, OPTS);
    body = c.shadowRoot.querySelector('.nv-body');
  } else {
    body = peerTarget(c);
    if (name === 'purify') body.innerHTML = DOMPurify.sanitize(inp.html);
    else if (name === 'floor') body.innerHTML = inp.clean;
    else body.setHTML(inp.html);
  }
  const all = body ? body.querySelectorAll('*') : [];
  let handlers = 0;
  let jsUrls = 0;
  for (const el of all) {
    for (const a of el.attributes) {
      if (/^on/i.test(a.name)) handlers++;
      if (/^\s*javascript:/i.test(a.value)) jsUrls++;
    }
  }
  const out = {
    elements: all.length,
    textChars: body ? body.textContent.length : 0,
    scripts: body ? body.querySelectorAll('script,iframe').length : 0,
    handlers,
    jsUrls,
    totalNodes: (c.shadowRoot ?? c).querySelectorAll('*').length,
  };
  view?.destroy();
  c.remove();
  return out;
}

function setInputs(key, html, clean = null) {
  const base = { ...seed, bodyHtml: html };
  const min = { id: seed.id, title: seed.title, publishedAt: seed.publishedAt, bodyHtml: html };
  gc();
  inputs[key] = {
    html,
    clean: clean ?? DOMPurify.sanitize(html),
    json: JSON.stringify(base),
    jsonMin: JSON.stringify(min),
    obj: base,
    bytes: utf8Length(html),
  };
  return { bytes: inputs[key].bytes, chars: html.length };
}

const pause = () => new Promise((r) => setTimeout(r, 0));

window.B = {
  inputs,
  async setup() {
    seed = await (await fetch('/tests/fixtures/seed-article.json')).json();
    await init();
    // Borrow newsview's own constructed stylesheet for the peers.
    const c = fresh();
    const v = await render(c, JSON.stringify(seed), OPTS);
    sheet = c.shadowRoot.adoptedStyleSheets[0] ?? new CSSStyleSheet();
    pageMarkup = c.shadowRoot.innerHTML;
    v.destroy();
    c.remove();
    return {
      userAgent: navigator.userAgent,
      crossOriginIsolated: globalThis.crossOriginIsolated,
      exposedGc: typeof globalThis.gc === 'function',
      hasSetHTML: typeof Element.prototype.setHTML === 'function',
      dompurify: DOMPurify.version,
      wasmMemory: wasmExports?.memory instanceof WebAssembly.Memory,
      timerResolutionMs: (() => {
        let min = Infinity;
        for (let i = 0; i < 200; i++) {
          const a = performance.now();
          let b = performance.now();
          while (b === a) b = performance.now();
          min = Math.min(min, b - a);
        }
        return min;
      })(),
    };
  },

  /** Builds the inputs of a case. kind: 'cms' (bytes), 'seed', 'nested' (depth), 'hostile' (key of gen.mjs's HOSTILE). */
  prepare(key, kind, n) {
    if (kind === 'seed') return setInputs(key, seed.bodyHtml);
    if (kind === 'cms') return setInputs(key, cmsBody(n, 1));
    // Nested <div>s with a <p> and a link: nothing to remove, so the input is its own clean
    // HTML (DOMPurify is quadratic in depth: cleaning 100 000 levels would take minutes).
    if (kind === 'nested') return setInputs(key, nested(n), nested(n));
    // A hostile body of issue 10 (n unused). Its floor is the body itself: none of the shapes
    // holds anything to remove, and cleaning some of them takes DOMPurify seconds or the tab.
    if (kind === 'hostile') {
      const html = HOSTILE.find((h) => h.key === key).make();
      return setInputs(key, html, html);
    }
    throw new Error('unknown kind ' + kind);
  },

  drop(key) {
    delete inputs[key];
    gc();
  },

  async inspect(key, names) {
    const out = {};
    for (const n of names) out[n] = await inspect(n, inputs[key]);
    return out;
  },

  /**
   * Runs `names` on the inputs of `key`, round by round, rotating the order each round.
   * Stops after `rounds` measured rounds or when `budgetMs` is spent (at least `minRounds`).
   */
  async run(key, names, { rounds, warmup = 2, budgetMs = 10000, minRounds = 3, sampleCapMs = Infinity }) {
    const inp = inputs[key];
    const samples = Object.fromEntries(names.map((n) => [n, []]));
    const dom = Object.fromEntries(names.map((n) => [n, []]));
    const capped = new Set();
    const end = now() + budgetMs;
    for (let r = -warmup; r < rounds; r++) {
      for (let i = 0; i < names.length; i++) {
        const name = names[(i + r + names.length * warmup) % names.length];
        gc();
        document.body.offsetHeight;
        await pause();
        const t = await IMPL[name](inp);
        if (r >= 0 || t[1] > sampleCapMs) {
          samples[name].push(t[1]);
          dom[name].push(t[0]);
        }
        if (t[1] > sampleCapMs) capped.add(name);
      }
      if (r + 1 >= minRounds && now() > end) break;
      // An implementation slower than the cap for one sample is not run again.
      if (capped.size) names = names.filter((n) => !capped.has(n));
      if (!names.length) break;
    }
    return { samples, dom, capped: [...capped] };
  },

  /**
   * One sample of `name` ('nv', 'purify', 'floor' or 'bare') on the inputs of `key`, for the hostile
   * bodies (each run in a fresh page by bench/hostile.mjs): the times (before and after the
   * forced layout) and, checked after the clock stopped, what came out: newsview's error
   * message when it refused the article, the body's warnings, whether the body was cut (its
   * `nv-truncated` marker), and the elements left in the body.
   */
  async hostile(key, name) {
    const inp = inputs[key];
    gc();
    document.body.offsetHeight;
    await pause();
    const c = fresh();
    const warnings = [];
    c.addEventListener('nv-warning', (e) => warnings.push(...e.detail.warnings));
    let view = null;
    let error = null;
    let body;
    const t0 = now();
    if (name === 'nv') {
      try {
        view = await render(c, inp.json, OPTS);
      } catch (e) {
        error = String(e?.message ?? e);
      }
    } else if (name === 'bare') {
      // The browser alone: a shadow root without newsview's stylesheet.
      body = c.attachShadow({ mode: 'open' });
      body.innerHTML = inp.clean;
    } else {
      body = peerTarget(c);
      body.innerHTML = name === 'purify' ? DOMPurify.sanitize(inp.html) : inp.clean;
    }
    if (name !== 'nv') await settle();
    const t1 = now();
    c.offsetHeight;
    const t2 = now();
    const root = c.shadowRoot;
    if (name === 'nv') body = root?.querySelector('.nv-body');
    const out = {
      dom: t1 - t0,
      total: t2 - t0,
      error,
      bodyWarnings: warnings.filter((w) => w.path.startsWith('bodyHtml')).map((w) => `${w.path}: ${w.message}`.slice(0, 300)),
      truncated: Boolean(root?.querySelector('.nv-truncated')),
      elements: body ? body.querySelectorAll('*').length : 0,
    };
    view?.destroy();
    c.remove();
    return out;
  },

  // --- memory -----------------------------------------------------------------------------
  wasmBytes() {
    const m = wasmExports?.memory;
    return m instanceof WebAssembly.Memory ? m.buffer.byteLength : null;
  },
  /** n × (render → update → destroy); `yieldEach`: one macrotask turn after each cycle. */
  async cycles(n, yieldEach = false) {
    const a = inputs.mem.json;
    const b = inputs.mem2.json;
    for (let i = 0; i < n; i++) {
      const c = fresh();
      const v = await render(c, a, OPTS);
      v.update(b);
      v.destroy();
      c.remove();
      if (yieldEach) await pause();
    }
    return n;
  },

  // --- profiling --------------------------------------------------------------------------
  async repeat(key, name, n) {
    let total = 0;
    for (let i = 0; i < n; i++) total += (await IMPL[name](inputs[key]))[1];
    return total / n;
  },
  resetCalls() {
    calls.clear();
  },
  calls() {
    return Object.fromEntries([...calls].sort((x, y) => y[1] - x[1]));
  },
};
window.dispatchEvent(new Event('bench-ready'));
window.__benchReady = true;
