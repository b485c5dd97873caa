// A Worker (workerd / Cloudflare Workers) that serves a news article page rendered on the
// server with newsview/server, which newsview's client module then hydrates in the browser.
//
//   GET /                    the seed article as a whole page
//   GET /newsview-hydrate.js         newsview's hydration-only client (pkg/newsview-hydrate.js),
//   GET /newsview-hydrate_bg.wasm    its wasm: what the page loads
//   GET /newsview.js                 the full client, which the hydration client imports only
//   GET /newsview_bg.wasm            when the page must render again
//
// `make worker` runs it with workerd on http://127.0.0.1:8787 (config: config.capnp). In an
// npm project the import is `from 'newsview/server'` (the package's "workerd" condition picks
// the same file).
import { renderToString } from './newsview-server.workerd.js';
import article from './seed-article.json';
import clientJs from './client/newsview.js';
import clientWasm from './client/newsview_bg.wasm';
import hydrateJs from './client/newsview-hydrate.js';
import hydrateWasm from './client/newsview-hydrate_bg.wasm';
import { page } from './page.js';

export default {
  async fetch(request) {
    const url = new URL(request.url);
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('method not allowed', { status: 405, headers: { allow: 'GET, HEAD' } });
    }
    if (url.pathname === '/newsview-hydrate.js') {
      return new Response(hydrateJs, { headers: { 'content-type': 'text/javascript; charset=utf-8' } });
    }
    if (url.pathname === '/newsview-hydrate_bg.wasm') {
      return new Response(hydrateWasm, { headers: { 'content-type': 'application/wasm' } });
    }
    if (url.pathname === '/newsview.js') {
      return new Response(clientJs, { headers: { 'content-type': 'text/javascript; charset=utf-8' } });
    }
    if (url.pathname === '/newsview_bg.wasm') {
      return new Response(clientWasm, { headers: { 'content-type': 'application/wasm' } });
    }
    if (url.pathname !== '/') return new Response('not found', { status: 404 });
    const options = { lang: 'zh-CN', pageUrl: url.href };
    let rendered;
    try {
      rendered = renderToString(article, options);
    } catch (error) {
      // An article the reader refuses: the message names the field.
      return new Response(`article not rendered: ${error.message}`, { status: 500 });
    }
    return new Response(page(rendered, { lang: options.lang }), {
      headers: { 'content-type': 'text/html; charset=utf-8' },
    });
  },
};
