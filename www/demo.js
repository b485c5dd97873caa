// The demo page: renders www/seed-article.json with the built package and lets you switch
// language and theme. Query parameters preset the state, e.g.
//   /?lang=en&theme=dark&now=2026-03-16T10:00:00%2B08:00&shadow=0
// (`now` fixes the clock for relative times; `shadow=0` renders into the light DOM).

const LANGS = ['zh-CN', 'zh-TW', 'en'];
const THEMES = ['light', 'dark', 'auto'];
const EVENTS = ['nv-like', 'nv-favorite', 'nv-share', 'nv-keyword', 'nv-related', 'nv-login', 'nv-comment', 'nv-play', 'nv-qr', 'nv-error'];

const params = new URLSearchParams(location.search);
const pick = (value, allowed, fallback) => (allowed.includes(value) ? value : fallback);
const fixedNow = params.has('now') ? Date.parse(params.get('now')) : NaN;
const state = {
  lang: pick(params.get('lang'), LANGS, 'zh-CN'),
  theme: pick(params.get('theme'), THEMES, 'light'),
  shadow: params.get('shadow') !== '0',
};

const slot = document.querySelector('[data-demo-host]');
const log = document.querySelector('.demo-log');
const logList = log.querySelector('ol');
let render = null;
let article = null;
let view = null;
let host = null;

// The seed keeps its image URLs relative to this page; resolve them so the article
// renders the same wherever the component resolves URLs from.
function absolutize(a, base) {
  const fix = (img) => {
    if (img && typeof img.url === 'string') img.url = new URL(img.url, base).href;
  };
  fix(a.cover);
  fix(a.leadVideo && a.leadVideo.poster);
  for (const v of a.relatedVideos || []) fix(v.cover);
  return a;
}

function showError(html) {
  slot.innerHTML = `<div class="demo-error">${html}</div>`;
}

function logEvent(event) {
  const li = document.createElement('li');
  const name = document.createElement('b');
  name.textContent = event.type;
  li.append(name, ' ', JSON.stringify(event.detail));
  logList.prepend(li);
  while (logList.children.length > 30) logList.lastElementChild.remove();
  log.hidden = false;
}

function onEvent(event) {
  logEvent(event);
  // Keep the reader on the demo page: these would otherwise follow their links.
  if (event.type === 'nv-related' || event.type === 'nv-keyword') event.preventDefault();
}

function syncControls() {
  for (const seg of document.querySelectorAll('.seg[data-demo]')) {
    const current = state[seg.dataset.demo];
    for (const b of seg.querySelectorAll('button')) b.setAttribute('aria-pressed', String(b.value === current));
  }
  document.body.dataset.theme = state.theme;
  document.documentElement.lang = state.lang;
  const url = new URL(location.href);
  url.searchParams.set('lang', state.lang);
  url.searchParams.set('theme', state.theme);
  history.replaceState(null, '', url);
}

async function mount() {
  if (view) {
    try { view.destroy(); } catch (e) { console.warn('destroy failed', e); }
    view = null;
  }
  // A fresh container each time: a shadow root cannot be detached from its host.
  const next = document.createElement('div');
  next.className = 'article-host';
  for (const type of EVENTS) next.addEventListener(type, onEvent);
  if (host) host.replaceWith(next);
  else slot.replaceChildren(next);
  host = next;
  const options = {
    lang: state.lang,
    theme: state.theme,
    now: Number.isFinite(fixedNow) ? fixedNow : Date.now(),
    shadow: state.shadow,
  };
  try {
    view = await render(host, article, options);
  } catch (e) {
    showError(`<strong>render() failed:</strong> <code></code>`);
    slot.querySelector('code').textContent = String(e && e.message ? e.message : e);
    host = null;
    console.error(e);
  }
}

for (const seg of document.querySelectorAll('.seg[data-demo]')) {
  seg.addEventListener('click', (e) => {
    const b = e.target.closest('button');
    if (!b || state[seg.dataset.demo] === b.value) return;
    state[seg.dataset.demo] = b.value;
    syncControls();
    mount();
  });
}
log.querySelector('[data-demo="clear"]').addEventListener('click', () => logList.replaceChildren());
log.querySelector('[data-demo="close"]').addEventListener('click', () => { log.hidden = true; });

async function main() {
  syncControls();
  let mod;
  try {
    mod = await import('/pkg/newsview.js');
    await mod.default();
  } catch (e) {
    showError('<strong>The package is not built.</strong> Run <code>make demo</code> (it builds <code>pkg/</code> and serves this page).');
    console.error(e);
    return;
  }
  render = mod.render;
  try {
    const res = await fetch('./seed-article.json');
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    article = absolutize(await res.json(), res.url);
  } catch (e) {
    showError('<strong>Could not load seed-article.json:</strong> <code></code>');
    slot.querySelector('code').textContent = String(e.message || e);
    return;
  }
  window.newsviewDemo = { state, get view() { return view; }, rerender: mount };
  await mount();
}

main();
