#!/usr/bin/env node
// A small static file server for the demo and the end-to-end tests. Loopback only.
//
//   node scripts/serve.mjs [--port 8080]     serves www/ at / and pkg/ at /pkg/
//
// As a module: `startServer({ mounts, port, headers })` resolves to `{ url, port, close }`.
//   mounts   { '/pkg/': '/abs/path/pkg', '/': '/abs/path/www' }  URL prefix → directory
//            (the longest matching prefix wins)
//   port     0 (default) picks a free port
//   headers  extra response headers: an object, or a function (pathname, filePath) → object,
//            e.g. to send a Content-Security-Policy with one page
import { createServer } from 'node:http';
import { createReadStream, promises as fs } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));

export const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.woff2': 'font/woff2',
};

/** Maps a URL pathname to a file inside one of the mounts, or null when it would leave them. */
export function resolvePath(mounts, pathname) {
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  // Reject any `..` segment outright, before and after resolution.
  if (decoded.split('/').includes('..')) return null;
  const prefixes = Object.keys(mounts).sort((a, b) => b.length - a.length);
  for (const prefix of prefixes) {
    if (!decoded.startsWith(prefix)) continue;
    const base = resolve(mounts[prefix]);
    const file = resolve(base, '.' + sep + decoded.slice(prefix.length));
    if (file !== base && !file.startsWith(base + sep)) return null;
    return { base, file };
  }
  return null;
}

function send(res, status, body, headers) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...headers });
  res.end(body);
}

/**
 * Starts the server on 127.0.0.1.
 * @returns {Promise<{url: string, port: number, close: () => Promise<void>}>}
 */
export async function startServer({ mounts, port = 0, headers = {}, log = false } = {}) {
  if (!mounts || Object.keys(mounts).length === 0) throw new Error('startServer: mounts is required');
  for (const prefix of Object.keys(mounts)) {
    if (!prefix.startsWith('/') || !prefix.endsWith('/')) {
      throw new Error(`startServer: mount prefix must start and end with '/', got ${prefix}`);
    }
  }
  const sockets = new Set();
  const server = createServer(async (req, res) => {
    const base = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return send(res, 405, 'method not allowed\n', { ...base, Allow: 'GET, HEAD' });
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (Object.hasOwn(mounts, url.pathname + '/')) {
      res.writeHead(301, { ...base, Location: url.pathname + '/' + url.search });
      return res.end();
    }
    const hit = resolvePath(mounts, url.pathname);
    if (!hit) return send(res, 404, 'not found\n', base);
    let file = hit.file;
    try {
      let st = await fs.stat(file);
      if (st.isDirectory()) {
        if (!url.pathname.endsWith('/')) {
          res.writeHead(301, { ...base, Location: url.pathname + '/' + url.search });
          return res.end();
        }
        file = join(file, 'index.html');
        st = await fs.stat(file);
      }
      if (!st.isFile()) return send(res, 404, 'not found\n', base);
      // Symlinks must not lead out of the mount either.
      const real = await fs.realpath(file);
      const realBase = await fs.realpath(hit.base);
      if (real !== realBase && !real.startsWith(realBase + sep)) return send(res, 404, 'not found\n', base);
      const extra = typeof headers === 'function' ? headers(url.pathname, file) ?? {} : headers;
      res.writeHead(200, {
        ...base,
        'Content-Type': MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'Content-Length': st.size,
        ...extra,
      });
      if (req.method === 'HEAD') return res.end();
      createReadStream(file)
        .on('error', () => res.destroy())
        .pipe(res);
    } catch (e) {
      if (e.code === 'ENOENT' || e.code === 'ENOTDIR') return send(res, 404, 'not found\n', base);
      send(res, 500, 'internal error\n', base);
    } finally {
      if (log) console.log(`${req.method} ${url.pathname} ${res.statusCode}`);
    }
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', fail);
      ok();
    });
  });
  const actual = server.address().port;
  return {
    url: `http://127.0.0.1:${actual}`,
    port: actual,
    close: () =>
      new Promise((ok) => {
        for (const s of sockets) s.destroy();
        server.close(() => ok());
      }),
  };
}

async function main() {
  const argv = process.argv.slice(2);
  let port = 8080;
  let log = false;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--port') port = Number(argv[++i]);
    else if (argv[i] === '--log') log = true;
    else {
      console.error('usage: node scripts/serve.mjs [--port 8080] [--log]');
      process.exit(2);
    }
  }
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error('serve: --port needs a port number');
    process.exit(2);
  }
  const mounts = { '/': join(root, 'www'), '/pkg/': join(root, 'pkg') };
  let srv;
  try {
    srv = await startServer({ mounts, port, log });
  } catch (e) {
    const hint = e.code === 'EADDRINUSE' ? ' (another server has it; try PORT=8081 make demo, or --port 0)' : '';
    console.error(`serve: cannot listen on 127.0.0.1:${port}: ${e.code ?? e.message}${hint}`);
    process.exit(1);
  }
  console.log(`serving www/ at ${srv.url}/ and pkg/ at ${srv.url}/pkg/ (Ctrl-C to stop)`);
  const stop = () => srv.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
