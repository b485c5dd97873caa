// A plain node:http server that renders news articles on the server with newsview/server and
// serves them as whole pages, which newsview's client module hydrates in the browser.
//
//   GET /articles/:id        <articles>/<id>.json rendered into a page (404 if there is none)
//   GET /                    redirects to /articles/seed-article
//   GET /newsview-hydrate.js         newsview's hydration-only client (pkg/newsview-hydrate.js),
//   GET /newsview-hydrate_bg.wasm    its wasm: what the page loads
//   GET /newsview.js                 the full client, which the hydration client imports only
//   GET /newsview_bg.wasm            when the page must render again (update(), a new article)
//
//   node examples/node-server/server.mjs [--port 8788] [--host 127.0.0.1] [--articles DIR]
//
// `make node-server` runs it on http://127.0.0.1:8788 with the repository's test fixtures as
// the articles. In an npm project the imports are `from 'newsview/server'` and the client
// files are node_modules/newsview/newsview-hydrate.js, newsview.js and their wasm.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { renderToString } from '../../pkg-server/newsview-server.js';
import { page } from '../page.js';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));

const CLIENT = {
  '/newsview-hydrate.js': [join(root, 'pkg', 'newsview-hydrate.js'), 'text/javascript; charset=utf-8'],
  '/newsview-hydrate_bg.wasm': [join(root, 'pkg', 'newsview-hydrate_bg.wasm'), 'application/wasm'],
  '/newsview.js': [join(root, 'pkg', 'newsview.js'), 'text/javascript; charset=utf-8'],
  '/newsview_bg.wasm': [join(root, 'pkg', 'newsview_bg.wasm'), 'application/wasm'],
};

function send(res, status, type, body) {
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

/** Starts the server; resolves to `{url, close()}`. */
export function start({ port = 8788, host = '127.0.0.1', articles = join(root, 'tests', 'fixtures') } = {}) {
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, `http://${req.headers.host ?? host}`);
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        return send(res, 405, 'text/plain; charset=utf-8', 'method not allowed');
      }
      if (url.pathname === '/') {
        res.writeHead(302, { location: '/articles/seed-article' });
        return res.end();
      }
      const client = CLIENT[url.pathname];
      if (client) return send(res, 200, client[1], await readFile(client[0]));
      const match = /^\/articles\/([\w-]{1,100})$/.exec(url.pathname);
      if (!match) return send(res, 404, 'text/plain; charset=utf-8', 'not found');
      let json;
      try {
        json = await readFile(join(articles, `${match[1]}.json`), 'utf8');
      } catch {
        return send(res, 404, 'text/plain; charset=utf-8', 'no such article');
      }
      const options = { lang: 'zh-CN', pageUrl: url.href };
      let rendered;
      try {
        // The JSON text is passed as it is: newsview reads it with its own strict reader.
        rendered = renderToString(json, options);
      } catch (error) {
        // The message names the field at fault (e.g. `title: expected a string, got a number`).
        return send(res, 422, 'text/plain; charset=utf-8', `article not rendered: ${error.message}`);
      }
      for (const w of rendered.warnings) console.warn(`newsview: ${match[1]}: ${w.path}: ${w.message}`);
      send(res, 200, 'text/html; charset=utf-8', page(rendered, { lang: options.lang }));
    } catch (error) {
      console.error(error);
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'internal error');
      else res.destroy();
    }
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const { port: actual } = server.address();
      resolvePromise({
        url: `http://${host}:${actual}`,
        close: () => new Promise((r) => server.close(() => r())),
      });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: { port: { type: 'string' }, host: { type: 'string' }, articles: { type: 'string' } },
  });
  const s = await start({
    port: values.port === undefined ? 8788 : Number(values.port),
    host: values.host ?? '127.0.0.1',
    articles: values.articles ? resolve(values.articles) : undefined,
  });
  console.log(`newsview node-server: listening on ${s.url} (try ${s.url}/articles/seed-article)`);
  const stop = () => s.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
